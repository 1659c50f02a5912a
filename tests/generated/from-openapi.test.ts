/**
 * add-binding --from-openapi: bindings whose mappings, adapter path, list envelope and
 * pagination come from an OpenAPI document. The grown addon passes the same quality checks as
 * every other output; the dry run shows the proposal and writes nothing; bad input writes nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { runInitFramework } from '../../src/commands/init-framework.js';
import { memoryIo } from '../../src/io.js';
import { run } from '../../src/cli.js';
import { compileErrors, csvErrors, installProblems, ruffFormatErrors, ruffLintErrors, xmlErrors } from '../helpers/quality.js';
import { tempDir } from '../helpers/temp.js';
import { readTree } from '../helpers/tree.js';

const root = tempDir('from-openapi');
const SHOP = resolve('tests/fixtures/apispec/shop.yaml');
const CRM = resolve('tests/fixtures/apispec/crm-3.1.json');
const addon = join(root, 'acme', 'acme_connector');

async function cli(args: string[], cwd = addon): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(cwd);
  const code = await run(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

beforeAll(async () => {
  mkdirSync(join(root, 'acme'), { recursive: true });
  expect(runInit('acme', { type: 'ecommerce', entities: 'product', path: '.' }, memoryIo(join(root, 'acme')))).toBe(0);
  for (const args of [
    ['shopper', '--odoo-model', 'res.partner', '--from-openapi', `${SHOP}#/components/schemas/Customer`],
    ['order', '--odoo-model', 'sale.order', '--from-openapi', `${SHOP}#Order`],
    ['lead', '--odoo-model', 'crm.lead', '--from-openapi', `${CRM}#Contact`],
  ]) {
    const result = await cli(['add-binding', ...args]);
    expect(result.code, result.err).toBe(0);
  }
  mkdirSync(join(root, 'framework'));
  expect(runInitFramework({ path: join(root, 'framework') }, memoryIo(root))).toBe(0);
});

describe('add-binding --from-openapi', () => {
  it('writes the proposed mappings with their conversions', () => {
    const partner = readFileSync(join(addon, 'components/res_partner.py'), 'utf8');
    const lead = readFileSync(join(addon, 'components/crm_lead.py'), 'utf8');
    expect(partner).toContain('    _resource = "customers"\n    _items_key = "data"\n    _page_size_param = "limit"\n');
    expect(partner).toContain('        key, param = "meta.next_cursor", "starting_after"\n        return self._next_page_cursor(payload, params, key, param)');
    expect(partner).toContain('value = (record.get("default_address") or {}).get("city")');
    // GET /customers/{id} answers {"data": {...}}
    // a listed record (search_page) comes unwrapped already
    expect(partner).toContain(
      '    def read(self, external_id):  # pylint: disable=W8106\n' +
        '        # a record of a list answer (search_page) comes as it was listed\n' +
        '        listed = self.listed_record(external_id)\n' +
        '        if listed is not None:\n' +
        '            return listed\n' +
        '        # the API wraps a single record: {"data": {...}}\n' +
        '        return super().read(external_id)["data"]\n',
    );
    // POST /customers answers {"data": {...}} too, and updates are PATCH (the document has no PUT)
    expect(partner).toContain(
      '    def create(self, data):  # pylint: disable=W8106\n' +
        '        # the API answers a creation with the record: {"data": {...}}\n' +
        '        return self.post(self._resource, data=data)["data"]["id"]\n',
    );
    expect(partner).toContain('        return self.patch("%s/%s" % (self._resource, external_id), data=data)\n');
    // the description names a customer by first_name and last_name: Odoo's one name is both
    expect(partner).toContain(
      '    @changed_by("name")\n    @mapping\n    def name_parts(self, record):\n' +
        '        # one Odoo name as the API\'s two: the first word, then the rest\n' +
        '        first, __, last = (record.name or "").partition(" ")\n' +
        '        return {"first_name": first, "last_name": last}\n',
    );
    // and the placeholder export of the display name as `name`, a key the document lacks, is gone
    expect(partner).not.toContain('return {"name": record.display_name');
    // a document updating with PUT keeps the generic adapter's write()
    expect(lead).not.toContain('def write(');
    expect(partner).toContain('            "delivery": "delivery",\n        }\n        value = table.get(record.get("type"))');
    const order = readFileSync(join(addon, 'components/sale_order.py'), 'utf8');
    expect(order).toContain('from datetime import datetime, timezone\n');
    expect(order).toContain('moment = datetime.fromisoformat(value.replace("Z", "+00:00"))');
    // no date leaves the field alone: sale.order.create refuses date_order=False (required, defaulted)
    expect(order).toContain('        value = record.get("placed_at")\n        if not value:\n            # kept as it is (on creation, its default: a sale\'s date_order is required)\n            return {}\n');
    expect(order).toContain('        offset, limit = "offset", "limit"\n        return self._next_page_offset(payload, params, offset, limit)');
    expect(lead).toContain('    _resource = "contacts"\n    _items_key = "results"\n    _page_size_param = "page_size"\n');
    expect(lead).toContain('number = int(params.get("page") or 1) + 1');
  });

  it('builds the test payload from the schema examples, nested objects nested', () => {
    const test = readFileSync(join(addon, 'tests/test_res_partner.py'), 'utf8');
    expect(test).toContain('    "email": "ada@example.com",\n');
    expect(test).toContain('    "default_address": {\n        "line1": "1 Main Street",\n        "city": "Springfield",\n');
    expect(test).toContain('page = make_response(200, {"data": [{"id": 1001}]})');
    expect(test).toContain('    ("GET", "/customers/1001"): {"data": RECORD},\n');
    // the export test expects the name's two parts in the body
    expect(test).toContain('                "first_name",\n                "last_name",\n');
    // the export test answers in the document's shapes: the creation wrapped, the update a PATCH
    expect(test).toContain('            ("POST", "/customers"): {"data": {"id": 1001}},\n');
    expect(test).toContain('        update_route = ("PATCH", "/customers/1001")\n');
    const order = readFileSync(join(addon, 'tests/test_sale_order.py'), 'utf8');
    expect(order).toContain('"placed_at": "2024-03-01T10:20:30+02:00"');
    expect(order).toContain('self.assertEqual(str(binding.date_order), "2024-03-01 08:20:30")');
    // the order rules tests' canonical order also carries the described reference and date keys
    expect(order).toContain('            "name": "#1001",\n            "date": "2026-11-30T09:15:00Z",\n            "reference": "#1001",\n            "placed_at": "2026-11-30T09:15:00Z",\n');
  });

  it('joins the first and last names into the name of the partners a catalogue customer imports', async () => {
    const dir = join(root, 'named');
    mkdirSync(dir);
    expect(runInit('named', { type: 'ecommerce', entities: 'product,customer', path: '.' }, memoryIo(dir))).toBe(0);
    const named = join(dir, 'named_connector');
    const result = await cli(['add-binding', 'customer', '--force', '--from-openapi', `${SHOP}#Customer`], named);
    expect(result.code, result.err).toBe(0);
    const partner = readFileSync(join(named, 'components/res_partner.py'), 'utf8');
    expect(partner).toContain(
      '        fallback = "Named Customer %s" % record["id"]\n' +
        '        parts = (record.get("first_name"), record.get("last_name"))\n' +
        '        return {"name": " ".join(filter(None, parts)) or fallback}\n',
    );
    expect(partner).toContain('        return {"first_name": first, "last_name": last}\n');
    // the generated test imports a payload with both parts and expects them joined
    const test = readFileSync(join(named, 'tests/test_res_partner.py'), 'utf8');
    expect(test).toContain('    "first_name": "Test",\n    "last_name": "Customer",\n');
    expect(test).toContain('self.assertEqual(binding.name, "Test Customer")');
    expect(ruffLintErrors(named)).toBe('');
  });

  it("says which dependents' tests mock a binding in its former shape when a description wraps its answers", async () => {
    const dir = join(root, 'wrapped');
    mkdirSync(dir);
    expect(runInit('wrapped', { type: 'ecommerce', path: '.' }, memoryIo(dir))).toBe(0);
    const wrapped = join(dir, 'wrapped_connector');
    const result = await cli(['add-binding', 'customer', '--force', '--from-openapi', `${SHOP}#Customer`], wrapped);
    expect(result.code, result.err).toBe(0);
    // the order binding imports its customer: its tests (its own files) still answer bare records
    expect(result.out).toContain(
      'tests/test_sale_order.py (the order binding\'s) mocks the customers it reads and creates as bare records: ' +
        'wrap those routes\' answers in {"data": ...} as customer now reads them, or its tests fail with KeyError: \'data\'.',
    );
    // a binding nothing depends on is rewritten without such a note
    const alone = await cli(['add-binding', 'order', '--force', '--from-openapi', `${SHOP}#Order`], wrapped);
    expect(alone.code, alone.err).toBe(0);
    expect(alone.out).not.toContain('as bare records');
  });

  it("tests the sync's paging the way the adapter pages: cursor, offset, numbered pages", () => {
    const sync = (file: string): string => {
      const test = readFileSync(join(addon, 'tests', file), 'utf8');
      const start = test.indexOf('    def test_sync_reads_one_page_per_job_and_passes_the_listed_records');
      return test.slice(start, test.indexOf('\n    def ', start + 10));
    };
    // cursor: the first answer carries the next cursor, the second request sends it
    const partner = sync('test_res_partner.py');
    expect(partner).toContain('        first = {"data": [{"id": 1001}], "meta": {"next_cursor": "page-2"}}\n        last = {"data": [{"id": 1001}]}\n');
    expect(partner).toContain('        self.assertEqual(params["starting_after"], "page-2")\n');
    expect(partner).not.toContain('page_size = 1');
    expect(partner).not.toContain('Link');
    // offset and numbered pages stop on a short page: pages of one record, an empty last one
    const order = sync('test_sale_order.py');
    expect(order).toContain('        self.backend.page_size = 1\n');
    expect(order).toContain('        last = {"items": []}\n');
    expect(order).toContain('        self.assertEqual(params["offset"], 1)\n');
    const lead = sync('test_crm_lead.py');
    expect(lead).toContain('        self.backend.page_size = 1\n        first = {"results": [{"id": 1001}]}\n        last = {"results": []}\n');
    expect(lead).toContain('        self.assertEqual(params["page"], 2)\n');
    // both pages through the collection's one route, the second from the page job
    expect(lead).toMatch(/with self\.mock_api\(\{route: last\}\) as fake:\n\s+self\.backend\.import_page\(\*page_job\.args\)/);
  });

  it("tests an order whose customer a described custom binding holds in that binding's shape", () => {
    // the custom binding's API shape is recorded for the bindings that depend on it
    const config = JSON.parse(readFileSync(join(addon, '.odoo-connector.json'), 'utf8')) as { added: unknown[] };
    expect(config.added).toContainEqual({
      entity: 'shopper',
      odooModel: 'res.partner',
      resource: 'customers',
      recordKey: 'data',
      createKey: 'data',
      // given absolute, recorded so for init --force
      fromOpenapi: `${SHOP}#/components/schemas/Customer`,
    });
    const order = readFileSync(join(addon, 'tests/test_sale_order.py'), 'utf8');
    expect(order).toContain('    ("GET", "/customers/2001"): {\n        "data": {\n            "id": 2001,\n            "name": "Test Shopper",\n        },\n    },\n');
    // its imports update bound records only: the customer is bound before the order is imported
    expect(order).toContain(
      '    def setUp(self):\n        super().setUp()\n' +
        '        # the shopper binding updates bound records only: shopper 2001 is bound first\n' +
        '        record = self.env["res.partner"].create({"name": "Test Shopper"})\n' +
        '        bindings = self.env["acme.res.partner"].with_context(connector_no_export=True)\n',
    );
    // no catalogue customer: no guest partners made from addresses
    expect(order).not.toContain('def test_guest_order_gets_its_own_partner_and_addresses');
  });

  it('lists what it could not map in the binding row of the README, with types', () => {
    const readme = readFileSync(join(addon, 'README.rst'), 'utf8');
    expect(readme).toContain('Not mapped from Customer: ``created_at`` (date-time): create_date is read-only in Odoo');
    expect(readme).toContain('``tags`` (array of string): a list');
    expect(readme).toContain('``amount`` (number): amount_total is read-only in Odoo');
  });

  it('compiles, passes Ruff lint and format, parses, installs structurally', async () => {
    expect(await compileErrors(root)).toBe('');
    expect(ruffLintErrors(root)).toBe('');
    expect(ruffFormatErrors(root)).toBe('');
    expect(xmlErrors(root)).toEqual([]);
    expect(csvErrors(root)).toEqual([]);
    expect((await installProblems(root)).problems).toEqual([]);
  });

  it('validates without error', async () => {
    const result = await cli(['validate', join(root, 'acme'), '--addons-path', join(root, 'framework'), '--format', 'json'], root);
    expect(result.code, result.out).toBe(0);
  });

  it('--dry-run shows the proposal and writes nothing; --json gives it', async () => {
    const dir = join(root, 'dry');
    mkdirSync(dir);
    expect(runInit('acme', { type: 'ecommerce', entities: 'product', path: '.' }, memoryIo(dir))).toBe(0);
    const target = join(dir, 'acme_connector');
    const before = readTree(target);
    const dry = await cli(['add-binding', 'shopper', '--odoo-model', 'res.partner', '--from-openapi', `${SHOP}#Customer`, '--dry-run'], target);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('  default_address.city (string) -> city (char, char)');
    expect(dry.out).toContain('  created_at (date-time): not mapped, create_date is read-only in Odoo (set by the ORM or computed)');
    expect(dry.out).toContain('Resource customers: list, read, create, update, delete; records under "data"; cursor pagination.');
    const json = await cli(['add-binding', 'shopper', '--odoo-model', 'res.partner', '--from-openapi', `${SHOP}#Customer`, '--dry-run', '--json'], target);
    const proposal = (JSON.parse(json.out) as { proposal: { mapped: { external: string; odoo: string; conversion: string }[]; resource: string } }).proposal;
    expect(proposal.resource).toBe('customers');
    expect(proposal.mapped.find((m) => m.external === 'type')).toMatchObject({ odoo: 'type', conversion: 'selection' });
    expect(readTree(target)).toEqual(before);
  });

  it('refuses bad input naming the pointer, exit 2, nothing written', async () => {
    const dir = join(root, 'bad');
    mkdirSync(dir);
    expect(runInit('acme', { type: 'ecommerce', entities: 'product', path: '.' }, memoryIo(dir))).toBe(0);
    const target = join(dir, 'acme_connector');
    const before = readTree(target);
    for (const [spec, message] of [
      [`${SHOP}#Payment`, '#/components/schemas/Payment/properties/method/oneOf: oneOf with 2 alternatives'],
      [`${SHOP}#LoopA`, 'the $ref chain loops'],
      [`${SHOP}#/components/schemas/Nope`, '#/components/schemas/Nope: no such location'],
      [join(dir, 'none.yaml'), 'cannot read the OpenAPI document'],
    ] as const) {
      const result = await cli(['add-binding', 'shopper', '--odoo-model', 'res.partner', '--from-openapi', spec], target);
      expect(result.code).toBe(2);
      expect(result.err).toContain(message);
      expect(result.err).not.toMatch(/\n\s+at /);
    }
    expect(readTree(target)).toEqual(before);
  });
});

describe('add-binding --from-openapi: dates the API may leave out', () => {
  it('keeps an Odoo date or date-time field as it is when the record has none (its default on creation)', async () => {
    const dir = join(root, 'dates');
    mkdirSync(dir);
    const spec = join(dir, 'tasks.json');
    const schema = { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, date_deadline: { type: 'string', format: 'date' }, date_assign: { type: 'string', format: 'date-time' } } };
    writeFileSync(spec, JSON.stringify({ openapi: '3.0.3', info: { title: 'Tasks', version: '1' }, paths: {}, components: { schemas: { Task: schema } } }));
    expect(runInit('acme', { type: 'crm', path: '.' }, memoryIo(dir))).toBe(0);
    const target = join(dir, 'acme_connector');
    const result = await cli(['add-binding', 'task', '--odoo-model', 'project.task', '--direction', 'import', '--from-openapi', `${spec}#Task`], target);
    expect(result.code, result.err).toBe(0);
    const mapper = readFileSync(join(target, 'components', 'project_task.py'), 'utf8');
    expect(mapper).toContain('    def date_deadline(self, record):\n        value = record.get("date_deadline")\n        # a date, or the date part of a date-time; none keeps the field as it is\n        return {"date_deadline": value[:10]} if value else {}\n');
    expect(mapper).toMatch(/def date_assign\(self, record\):\n\s+value = record\.get\("date_assign"\)\n\s+if not value:\n\s+# kept as it is[^\n]*\n\s+return \{\}\n/);
    expect(ruffLintErrors(target)).toBe('');
    expect(ruffFormatErrors(target)).toBe('');
  });
});
