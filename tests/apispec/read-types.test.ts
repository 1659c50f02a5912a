/**
 * --from-types: TypeScript declarations, in the shapes SDKs publish them, read into the same
 * external fields an OpenAPI schema gives; bad input refused with the file and type named.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { readTypesResource } from '../../src/apispec/read-types.js';
import { resolveTypesSource } from '../../src/apispec/types-source.js';
import { proposeMapping } from '../../src/apispec/propose-mapping.js';
import type { ExternalField } from '../../src/apispec/model.js';
import { tempDir } from '../helpers/temp.js';

const CWD = resolve('.');
const TYPES = 'tests/fixtures/apispec/types';
const PAYMENTS = `${TYPES}/stripe-like.d.ts`;
const SHOP = `${TYPES}/shop-like.d.ts`;
const BROKEN = `${TYPES}/broken.d.ts`;

// each read starts the TypeScript compiler (about 1-2 s, more on a loaded machine)
const SLOW = { timeout: 60_000 };

const byName = (fields: ExternalField[], name: string): ExternalField => {
  const field = fields.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${name} in ${fields.map((f) => f.name).join(', ')}`);
  return field;
};

async function refusal(arg: string, entity = 'customer', cwd = CWD): Promise<string> {
  const error = await readTypesResource(arg, entity, cwd).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as UsageError).message;
}

describe('readTypesResource', () => {
  it('reads a namespaced interface: nullable and optional fields, nested addresses, literal unions, expandable ids', SLOW, async () => {
    const customer = await readTypesResource(`${PAYMENTS}#Customer`, 'customer', CWD);
    expect(customer.name).toBe('Customer');
    expect(customer.pointer).toBe(`${PAYMENTS}#Payments.Customer`);
    expect(customer.operations).toBeUndefined();
    const f = (name: string) => byName(customer.fields, name);
    expect(customer.fields.map((x) => x.name)).toEqual([
      'id', 'object', 'address', 'balance', 'created', 'currency', 'default_source', 'description', 'email',
      'livemode', 'metadata', 'name', 'phone', 'preferred_locales', 'shipping', 'tax_exempt',
    ]);
    expect(f('email')).toMatchObject({ type: 'string', required: true, readOnly: false, example: 'jenny.rosen@example.com' });
    expect(f('name')).toMatchObject({ type: 'string', required: false });
    expect(f('balance').type).toBe('number');
    expect(f('livemode').type).toBe('boolean');
    expect(f('object')).toMatchObject({ type: 'enum', values: ['customer'] });
    expect(f('tax_exempt')).toMatchObject({ type: 'enum', values: ['exempt', 'none', 'reverse'], refName: 'TaxExempt', required: false });
    // an id or its expanded object: the id is what the API sends unless asked otherwise
    expect(f('default_source').type).toBe('string');
    expect(f('preferred_locales')).toMatchObject({ type: 'array', items: { type: 'string' } });
    // an index signature only (metadata) has no fields to map
    expect(f('metadata')).toMatchObject({ type: 'object', refName: 'Metadata' });
    expect(f('metadata').fields).toBeUndefined();
    const address = f('address');
    expect(address).toMatchObject({ type: 'object', refName: 'Address', required: false });
    expect(address.fields?.map((a) => `${a.name}:${a.type}`)).toEqual([
      'city:string', 'country:string', 'line1:string', 'line2:string', 'postal_code:string', 'state:string',
    ]);
    expect(address.fields?.[0]).toMatchObject({ example: 'Berlin' });
    expect(address.pointer).toMatch(/^tests\/fixtures\/apispec\/types\/stripe-like\.d\.ts#Payments\.Customer\.address \(.*stripe-like\.d\.ts:\d+\)$/);
    // a type of a nested namespace; what it nests in turn is named, not expanded (the mapping goes one level down)
    expect(f('shipping').fields?.map((s) => s.name)).toEqual(['address', 'name', 'phone']);
    expect(f('shipping').fields?.[0]).toMatchObject({ type: 'object', refName: 'Address' });
    expect(f('shipping').fields?.[0]?.fields).toBeUndefined();
  });

  it('reads a class extending a base class: inherited readonly fields, Date, string enums, line items; no methods nor private members', SLOW, async () => {
    const order = await readTypesResource(`${SHOP}#Order`, 'order', CWD);
    const f = (name: string) => byName(order.fields, name);
    expect(order.fields.map((x) => x.name)).toEqual([
      'email', 'phone', 'name', 'note', 'financial_status', 'fulfillment_status', 'customer_id', 'processed_at',
      'billing_address', 'shipping_address', 'line_items', 'tags', 'totals', 'id', 'created_at', 'updated_at',
    ]);
    expect(f('id')).toMatchObject({ type: 'number', readOnly: true, required: false });
    expect(f('created_at')).toMatchObject({ type: 'date-time', readOnly: true });
    expect(f('updated_at')).toMatchObject({ type: 'date-time', readOnly: false });
    expect(f('processed_at').type).toBe('date-time');
    expect(f('name')).toMatchObject({ required: true, example: '#1001' });
    expect(f('financial_status')).toMatchObject({ type: 'enum', values: ['pending', 'paid', 'refunded'], refName: 'FinancialStatus' });
    expect(f('fulfillment_status')).toMatchObject({ type: 'enum', values: ['fulfilled', 'partial', 'restocked'] });
    expect(f('tags')).toMatchObject({ type: 'array', items: { type: 'string' } });
    const lines = f('line_items');
    expect(lines).toMatchObject({ type: 'array', items: { type: 'object', refName: 'LineItem' } });
    expect(lines.items?.fields?.map((l) => l.name)).toEqual(['id', 'sku', 'title', 'quantity', 'price', 'variant_id', 'product_id']);
    expect(f('totals').fields?.[0]).toMatchObject({ name: 'total_price', example: 0 });
  });

  it('reads intersections, instances of generic types, and names a self-reference without expanding it', SLOW, async () => {
    const refund = await readTypesResource(`${SHOP}#Refund`, 'refund', CWD);
    expect(refund.fields.map((x) => `${x.name}:${x.type}`)).toEqual([
      'total_price:number', 'subtotal_price:number', 'currency:string', 'id:number', 'order_id:number', 'note:string', 'created_at:date-time',
    ]);
    const page = await readTypesResource(`${SHOP}#OrderPage`, 'order', CWD);
    expect(byName(page.fields, 'items')).toMatchObject({ type: 'array', items: { type: 'object', refName: 'Order' } });
    const category = await readTypesResource(`${SHOP}#Category`, 'category', CWD);
    expect(byName(category.fields, 'parent')).toMatchObject({ type: 'object', refName: 'Category' });
    expect(byName(category.fields, 'parent').fields).toBeUndefined();
  });

  it('finds the exported type named like the entity when no #TypeName is given', SLOW, async () => {
    expect((await readTypesResource(SHOP, 'line_item', CWD)).name).toBe('LineItem');
    expect(await refusal(SHOP, 'invoice')).toContain(`${SHOP}: no exported type named like "invoice": name it as ${SHOP}#<TypeName>; exported types: FinancialStatus, FulfillmentStatus, Base, MailingAddress, LineItem`);
  });

  it('refuses what it cannot read, naming the file, the type and the compiler error', SLOW, async () => {
    expect(await refusal(`${SHOP}#Page`)).toBe(
      `${SHOP}#Page is generic (<T>): its fields depend on what fills T. Declare an instance and name it, e.g. "export type PageOf = Page<Customer>".`,
    );
    expect(await refusal(`${BROKEN}#Loop`)).toContain(`${BROKEN}#Loop cannot be resolved: ${BROKEN}:1: Type alias 'Loop' circularly references itself`);
    expect(await refusal(`${BROKEN}#Dangling`)).toBe(
      `${BROKEN}:6: ${BROKEN}#Dangling.owner has a type that cannot be resolved: ${BROKEN}:6: Cannot find name 'MissingOwner'.`,
    );
    expect(await refusal(`${BROKEN}#Choice`)).toContain(`${BROKEN}#Choice is a union of 2 shapes: the mapping needs one`);
    expect(await refusal(`${BROKEN}#Color`)).toContain(`${BROKEN}#Color is an enum, not a record`);
    expect(await refusal(`${BROKEN}#Nope`)).toBe(`${BROKEN}: no interface, type alias or class named Nope; exported types: Loop, Other, Dangling, Choice, Color.`);
    expect(await refusal(`${TYPES}/none.d.ts#Customer`)).toBe(`--from-types: cannot read ${TYPES}/none.d.ts: no such file.`);
    expect(await refusal('no-such-sdk#Customer')).toBe('--from-types: cannot read no-such-sdk: no such file, nor a package of that name in node_modules.');
    expect(await refusal(`${SHOP}#not a type`)).toContain('"not a type" is not a type name');
  });
});

describe('package#TypeName', () => {
  const root = tempDir('from-types-packages');
  const project = join(root, 'project', 'src');
  const modules = join(root, 'project', 'node_modules');
  const write = (path: string, text: string): void => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  };
  write(join(modules, '@acme/sdk/package.json'), JSON.stringify({ name: '@acme/sdk', exports: { '.': { import: { types: './dist/index.d.mts' }, require: './dist/index.cjs' }, './admin': { types: './dist/admin.d.ts' } } }));
  write(join(modules, '@acme/sdk/dist/index.d.mts'), "export * from './resources/customer.js';\n");
  write(join(modules, '@acme/sdk/dist/resources/customer.d.ts'), 'export interface Customer { id: string; email: string; phone?: string }\n');
  write(join(modules, '@acme/sdk/dist/admin.d.ts'), 'export interface Staff { id: string; name: string }\n');
  write(join(modules, 'plain-sdk/package.json'), JSON.stringify({ name: 'plain-sdk', typings: 'types.d.ts' }));
  write(join(modules, 'plain-sdk/types.d.ts'), 'export type Contact = { id: number; email: string };\n');
  write(join(modules, 'untyped/package.json'), JSON.stringify({ name: 'untyped', main: 'index.js' }));
  mkdirSync(project, { recursive: true });

  it('resolves the declarations from the nearest node_modules upwards: exports conditions, subpaths, typings', SLOW, async () => {
    expect(resolveTypesSource('@acme/sdk#Customer', project)).toEqual({ file: join(modules, '@acme/sdk/dist/index.d.mts'), given: '@acme/sdk', typeName: 'Customer' });
    const customer = await readTypesResource('@acme/sdk#Customer', 'customer', project);
    expect(customer.fields.map((f) => `${f.name}:${f.type}:${f.required}`)).toEqual(['id:string:true', 'email:string:true', 'phone:string:false']);
    expect(resolveTypesSource('@acme/sdk/admin#Staff', project).file).toBe(join(modules, '@acme/sdk/dist/admin.d.ts'));
    expect(resolveTypesSource('plain-sdk#Contact', project).file).toBe(join(modules, 'plain-sdk/types.d.ts'));
  });

  it('refuses a package without declarations, pointing at the fix', () => {
    expect(() => resolveTypesSource('untyped#Customer', project)).toThrow(/untyped declares no types for its entry .*name its \.d\.ts file instead/);
  });
});

describe('the mapping proposal from declarations', () => {
  it('maps the obvious fields of a payments customer onto res.partner', SLOW, async () => {
    const customer = await readTypesResource(`${PAYMENTS}#Customer`, 'customer', CWD);
    const proposal = await proposeMapping(customer, 'res.partner', new Map());
    const pairs = proposal.mapped.map((m) => `${m.external}->${m.odoo}:${m.conversion}`);
    expect(pairs).toEqual(expect.arrayContaining([
      'email->email:char', 'name->name:char', 'phone->phone:char',
      'address.city->city:char', 'address.line1->street:char', 'address.line2->street2:char', 'address.postal_code->zip:char',
    ]));
    expect(proposal.unmapped).toContainEqual({ external: 'metadata', externalType: 'object', reason: 'a nested object: map it by hand' });
  });

  it('proposes the customer id of an order through the binder of the bound customers, dates as Datetime', SLOW, async () => {
    const order = await readTypesResource(`${SHOP}#Order`, 'order', CWD);
    const proposal = await proposeMapping(order, 'sale.order', new Map([['res.partner', 'customer']]));
    expect(proposal.mapped).toContainEqual(expect.objectContaining({ external: 'customer_id', odoo: 'partner_id', conversion: 'many2one', binding: 'customer' }));
    expect(proposal.mapped).toContainEqual(expect.objectContaining({ external: 'processed_at', odoo: 'date_order', conversion: 'datetime' }));
  });
});

describe('init --from-types', () => {
  it('resolves each entity to a type by name and names it in the notes', SLOW, async () => {
    const { run } = await import('../../src/cli.js');
    const { memoryIo } = await import('../../src/io.js');
    const dir = tempDir('init-from-types');
    const io = memoryIo(dir);
    expect(await run(['init', 'pay', '--entities', 'customer', '--from-types', resolve(PAYMENTS)], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain(
      `customer is ${resolve(PAYMENTS)}#Payments.Customer in the SDK's declarations (add-binding customer --force --from-types ${resolve(PAYMENTS)}#Payments.Customer maps its fields from it).`,
    );
  });

  it('refuses an entity without a type, a #TypeName, no --entities, or both descriptions, writing nothing', SLOW, async () => {
    const { run } = await import('../../src/cli.js');
    const { memoryIo } = await import('../../src/io.js');
    const { readdirSync } = await import('node:fs');
    const dir = tempDir('init-from-types-bad');
    for (const [args, message] of [
      [['--entities', 'product,customer', '--from-types', PAYMENTS], `no exported type named like "product" (give --entities the names of its types); exported types: Payments.Address`],
      [['--entities', 'customer', '--from-types', `${PAYMENTS}#Customer`], 'give the file or package alone'],
      [['--from-types', PAYMENTS], 'init --from-types needs --entities'],
      [['--entities', 'customer', '--from-types', PAYMENTS, '--from-openapi', 'api.yaml'], '--from-openapi and --from-types both describe the API'],
    ] as const) {
      const io = memoryIo(resolve('.'));
      expect(await run(['init', 'pay', '--path', dir, ...args], io)).toBe(2);
      expect(io.stderr.join('\n')).toContain(message);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
