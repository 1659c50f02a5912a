"""WooCommerce REST API v3 payloads shaped as its reference documents them.

Values are ours; keys, nesting and types follow the examples of
https://woocommerce.github.io/woocommerce-rest-api-docs/ (products, product
variations, customers, orders). Only a few keys the connector does not read
(images, descriptions, meta data) are left out.
"""

STORE = "https://shop.example.com"


def _links(path):
    return {
        "self": [{"href": STORE + "/wp-json/wc/v3/" + path}],
        "collection": [{"href": STORE + "/wp-json/wc/v3/" + path.rsplit("/", 1)[0]}],
    }


def product(
    product_id,
    name,
    product_type="simple",
    sku="",
    regular_price="",
    variations=(),
    modified="2024-03-01T10:00:00",
):
    """A product as ``GET products/<id>`` answers it."""
    attributes = []
    if product_type == "variable":
        attributes.append(
            {
                "id": 6,
                "name": "Color",
                "position": 0,
                "visible": False,
                "variation": True,
                "options": ["Black", "Green"],
            }
        )
    return {
        "id": product_id,
        "name": name,
        "slug": name.lower().replace(" ", "-"),
        "permalink": STORE + "/product/%s/" % product_id,
        "date_created": "2024-01-10T09:00:00",
        "date_created_gmt": "2024-01-10T08:00:00",
        "date_modified": modified,
        "date_modified_gmt": modified,
        "type": product_type,
        "status": "publish",
        "featured": False,
        "catalog_visibility": "visible",
        "sku": sku,
        "price": regular_price,
        "regular_price": regular_price,
        "sale_price": "",
        "on_sale": False,
        "purchasable": product_type != "variable" or bool(variations),
        "total_sales": 0,
        "virtual": False,
        "downloadable": False,
        "tax_status": "taxable",
        "tax_class": "",
        "manage_stock": False,
        "stock_quantity": None,
        "stock_status": "instock",
        "backorders": "no",
        "backorders_allowed": False,
        "backordered": False,
        "weight": "",
        "dimensions": {"length": "", "width": "", "height": ""},
        "shipping_required": True,
        "parent_id": 0,
        "categories": [{"id": 9, "name": "Clothing", "slug": "clothing"}],
        "tags": [],
        "attributes": attributes,
        "default_attributes": [],
        "variations": list(variations),
        "grouped_products": [],
        "menu_order": 0,
        "meta_data": [],
        "_links": _links("products/%s" % product_id),
    }


def variation(variation_id, parent_id, option, sku, regular_price):
    """A variation as ``GET products/<parent>/variations`` lists it."""
    color = option.lower()
    return {
        "id": variation_id,
        "date_created": "2024-01-10T09:00:00",
        "date_created_gmt": "2024-01-10T08:00:00",
        "date_modified": "2024-03-01T10:00:00",
        "date_modified_gmt": "2024-03-01T10:00:00",
        "description": "",
        "permalink": STORE + "/product/ship-your-idea/?attribute_pa_color=" + color,
        "sku": sku,
        "price": regular_price,
        "regular_price": regular_price,
        "sale_price": "",
        "on_sale": False,
        "status": "publish",
        "purchasable": True,
        "virtual": False,
        "downloadable": False,
        "tax_status": "taxable",
        "tax_class": "",
        "manage_stock": False,
        "stock_quantity": None,
        "stock_status": "instock",
        "backorders": "no",
        "backorders_allowed": False,
        "backordered": False,
        "weight": "",
        "dimensions": {"length": "", "width": "", "height": ""},
        "shipping_class": "",
        "shipping_class_id": 0,
        "attributes": [{"id": 6, "name": "Color", "option": option}],
        "menu_order": 0,
        "meta_data": [],
        "_links": _links("products/%s/variations/%s" % (parent_id, variation_id)),
    }


def variation_alone(variation_id, parent_id, option, sku, regular_price):
    """A variation as ``GET products/<id>`` answers it (webhook payloads)."""
    values = product(
        variation_id,
        "Ship Your Idea - %s" % option,
        product_type="variation",
        sku=sku,
        regular_price=regular_price,
    )
    values.update(
        parent_id=parent_id,
        attributes=[{"id": 6, "name": "Color", "option": option}],
    )
    return values


SIMPLE = product(93, "Woo Single", sku="WOO-1", regular_price="3.00")
VARIABLE = product(22, "Ship Your Idea", product_type="variable", variations=[23, 24])
VARIATIONS = [
    variation(23, 22, "Black", "SYI-BLACK", "12.00"),
    variation(24, 22, "Green", "SYI-GREEN", "9.00"),
]
GROUPED = product(50, "Logo Collection", product_type="grouped")


def address(with_contact=True):
    values = {
        "first_name": "John",
        "last_name": "Doe",
        "company": "",
        "address_1": "969 Market",
        "address_2": "",
        "city": "San Francisco",
        "state": "CA",
        "postcode": "94103",
        "country": "US",
    }
    if with_contact:
        values.update(email="john.doe@example.com", phone="(555) 555-5555")
    return values


def customer(customer_id, modified_gmt="2024-03-01T10:00:00"):
    """A customer as ``GET customers/<id>`` answers it."""
    return {
        "id": customer_id,
        "date_created": "2024-01-10T09:00:00",
        "date_created_gmt": "2024-01-10T08:00:00",
        "date_modified": modified_gmt,
        "date_modified_gmt": modified_gmt,
        "email": "john.doe@example.com",
        "first_name": "John",
        "last_name": "Doe",
        "role": "customer",
        "username": "john.doe",
        "billing": address(),
        "shipping": address(with_contact=False),
        "is_paying_customer": False,
        "avatar_url": "https://secure.gravatar.com/avatar/0?s=96",
        "meta_data": [],
        "_links": _links("customers/%s" % customer_id),
    }


CUSTOMER = customer(25)


def order(order_id, customer_id=25):
    """An order as ``GET orders/<id>`` answers it: a simple product, a
    variation, shipping, a fee and a coupon; prices without tax, a 7.5% tax
    (rate 75) on the items, taxed after the coupon as WooCommerce does."""
    return {
        "id": order_id,
        "parent_id": 0,
        "number": str(order_id),
        "order_key": "wc_order_58d2d042d1d",
        "created_via": "checkout",
        "version": "8.5.0",
        "status": "processing",
        "currency": "USD",
        "date_created": "2024-03-02T16:28:02",
        "date_created_gmt": "2024-03-02T15:28:02",
        "date_modified": "2024-03-02T16:28:08",
        "date_modified_gmt": "2024-03-02T15:28:08",
        "discount_total": "2.00",
        "discount_tax": "0.15",
        "shipping_total": "10.00",
        "shipping_tax": "0.00",
        "cart_tax": "1.20",
        "total": "29.20",
        "total_tax": "1.20",
        "prices_include_tax": False,
        "customer_id": customer_id,
        "customer_ip_address": "",
        "customer_user_agent": "",
        "customer_note": "",
        "billing": address(),
        "shipping": address(with_contact=False),
        "payment_method": "bacs",
        "payment_method_title": "Direct Bank Transfer",
        "transaction_id": "",
        "date_paid": "2024-03-02T16:28:08",
        "date_paid_gmt": "2024-03-02T15:28:08",
        "date_completed": None,
        "date_completed_gmt": None,
        "cart_hash": "",
        "meta_data": [],
        "line_items": [
            {
                "id": 315,
                "name": "Woo Single",
                "product_id": 93,
                "variation_id": 0,
                "quantity": 2,
                "tax_class": "",
                "subtotal": "6.00",
                "subtotal_tax": "0.45",
                "total": "5.33",
                "total_tax": "0.40",
                "taxes": [{"id": 75, "total": "0.4", "subtotal": "0.45"}],
                "meta_data": [],
                "sku": "WOO-1",
                "price": 3,
            },
            {
                "id": 316,
                "name": "Ship Your Idea - Black",
                "product_id": 22,
                "variation_id": 23,
                "quantity": 1,
                "tax_class": "",
                "subtotal": "12.00",
                "subtotal_tax": "0.90",
                "total": "10.67",
                "total_tax": "0.80",
                "taxes": [{"id": 75, "total": "0.8", "subtotal": "0.9"}],
                "meta_data": [{"id": 2095, "key": "pa_color", "value": "black"}],
                "sku": "SYI-BLACK",
                "price": 12,
            },
        ],
        "tax_lines": [
            {
                "id": 318,
                "rate_code": "US-CA-STATE TAX",
                "rate_id": 75,
                "label": "State Tax",
                "compound": False,
                "tax_total": "1.20",
                "shipping_tax_total": "0.00",
                "rate_percent": 7.5,
                "meta_data": [],
            }
        ],
        "shipping_lines": [
            {
                "id": 317,
                "method_title": "Flat Rate",
                "method_id": "flat_rate",
                "total": "10.00",
                "total_tax": "0.00",
                "taxes": [],
                "meta_data": [],
            }
        ],
        "fee_lines": [
            {
                "id": 319,
                "name": "Gift wrap",
                "tax_class": "",
                "tax_status": "none",
                "total": "2.00",
                "total_tax": "0.00",
                "taxes": [],
                "meta_data": [],
            }
        ],
        "coupon_lines": [
            {
                "id": 320,
                "code": "spring",
                "discount": "2.00",
                "discount_tax": "0.15",
                "meta_data": [],
            }
        ],
        "refunds": [],
        "_links": _links("orders/%s" % order_id),
    }


ORDER = order(727)
GUEST_ORDER = order(728, customer_id=0)


def tax_included_order(order_id=729):
    """An order of a shop whose prices include a 20% VAT (rate 76): items at
    3.00 and 12.00 incl. VAT, a 2.00 coupon on the variation, shipping 12.00
    incl. VAT, a 2.00 fee; the customer pays 30.00. WooCommerce keeps item
    amounts without tax all the same."""
    values = order(order_id)
    simple, variation = values["line_items"]
    simple.update(
        subtotal="5.00",
        subtotal_tax="1.00",
        total="5.00",
        total_tax="1.00",
        taxes=[{"id": 76, "total": "1.0", "subtotal": "1.0"}],
    )
    variation.update(
        subtotal="10.00",
        subtotal_tax="2.00",
        total="8.33",
        total_tax="1.67",
        taxes=[{"id": 76, "total": "1.67", "subtotal": "2.0"}],
    )
    values["shipping_lines"][0].update(
        total="10.00", total_tax="2.00", taxes=[{"id": 76, "total": "2.0"}]
    )
    values["coupon_lines"][0].update(discount="1.67", discount_tax="0.33")
    values["tax_lines"] = [
        {
            "id": 321,
            "rate_code": "VAT-20",
            "rate_id": 76,
            "label": "VAT",
            "compound": False,
            "tax_total": "2.67",
            "shipping_tax_total": "2.00",
            "rate_percent": 20.0,
            "meta_data": [],
        }
    ]
    values.update(
        prices_include_tax=True,
        discount_total="1.67",
        discount_tax="0.33",
        shipping_total="10.00",
        shipping_tax="2.00",
        cart_tax="2.67",
        total_tax="4.67",
        total="30.00",
    )
    return values
