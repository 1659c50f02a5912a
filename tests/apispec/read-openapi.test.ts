import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { readOpenApiResource, splitSpecArg } from '../../src/apispec/read-openapi.js';
import type { ExternalField } from '../../src/apispec/model.js';
import { tempDir } from '../helpers/temp.js';

const SHOP = 'tests/fixtures/apispec/shop.yaml';
const CRM = 'tests/fixtures/apispec/crm-3.1.json';

const byName = (fields: ExternalField[], name: string): ExternalField => {
  const field = fields.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${name}`);
  return field;
};

describe('readOpenApiResource', () => {
  it('reads a 3.0 YAML schema: allOf merged, $ref chains followed, types, enums, nested objects', () => {
    const customer = readOpenApiResource(`${SHOP}#/components/schemas/Customer`, 'customer');
    expect(customer.name).toBe('Customer');
    expect(customer.fields.map((f) => f.name)).toEqual([
      'id', 'created_at', 'updated_at', 'first_name', 'last_name', 'email', 'phone', 'company', 'website',
      'accepts_marketing', 'status', 'type', 'birthday', 'note', 'total_spent', 'orders_count', 'tags', 'default_address', 'referred_by',
    ]);
    const f = (name: string) => byName(customer.fields, name);
    expect(f('id')).toMatchObject({ type: 'integer', required: true, readOnly: true });
    expect(f('created_at')).toMatchObject({ type: 'date-time', readOnly: true });
    expect(f('email')).toMatchObject({ type: 'string', required: true, example: 'ada@example.com' });
    expect(f('accepts_marketing')).toMatchObject({ type: 'boolean', example: false });
    expect(f('status')).toMatchObject({ type: 'enum', values: ['active', 'disabled', 'invited'] });
    expect(f('birthday').type).toBe('date');
    // oneOf [string, null] is only nullable
    expect(f('note').type).toBe('string');
    expect(f('total_spent')).toMatchObject({ type: 'number', example: 120.5 });
    expect(f('tags')).toMatchObject({ type: 'array', items: { type: 'string' } });
    // Address -> PostalAddress -> properties, CountryCode -> string
    const address = f('default_address');
    expect(address).toMatchObject({ type: 'object', refName: 'PostalAddress' });
    expect(address.fields?.map((a) => `${a.name}:${a.type}`)).toEqual(['line1:string', 'city:string', 'postal_code:string', 'country:string']);
    expect(address.pointer).toBe(`${SHOP}#/components/schemas/Customer/allOf/1/properties/default_address`);
    // a schema containing itself is named, not expanded
    expect(f('referred_by')).toMatchObject({ type: 'object', refName: 'Customer' });
    expect(f('referred_by').fields).toBeUndefined();
  });

  it('finds the operations: path, verbs, envelope and cursor pagination through $ref responses and parameters', () => {
    const customer = readOpenApiResource(`${SHOP}#/components/schemas/Customer`, 'customer');
    expect(customer.notes).toEqual([]);
    // GET /customers/{id} answers {"data": Customer}: read() unwraps it; so does create() the
    // answer of POST /customers; updates are PATCH (the document has no PUT)
    expect(customer.operations).toEqual({
      path: 'customers',
      verbs: ['list', 'read', 'create', 'update', 'delete'],
      itemsKey: 'data',
      recordKey: 'data',
      createKey: 'data',
      updateMethod: 'PATCH',
      pagination: { style: 'cursor', cursorParam: 'starting_after', sizeParam: 'limit', nextKey: 'meta.next_cursor' },
    });
  });

  it('reads offset/limit lists in an allOf envelope and page/per_page bare lists', () => {
    expect(readOpenApiResource(`${SHOP}#Order`, 'order').operations).toEqual({
      path: 'orders',
      verbs: ['list', 'read'],
      itemsKey: 'items',
      pagination: { style: 'offset', offsetParam: 'offset', limitParam: 'limit' },
    });
    expect(readOpenApiResource(`${SHOP}#Product`, 'product').operations).toEqual({
      path: 'products',
      verbs: ['list', 'create'],
      pagination: { style: 'page', pageParam: 'page', sizeParam: 'per_page' },
    });
  });

  it('reads a 3.1 JSON schema: type lists with null, examples, $ref siblings, anyOf nullable', () => {
    const contact = readOpenApiResource(CRM, 'contact');
    expect(contact.pointer).toBe(`${CRM}#/components/schemas/Contact`);
    expect(byName(contact.fields, 'name')).toMatchObject({ type: 'string', example: 'Grace Hopper' });
    expect(byName(contact.fields, 'lifecycle')).toMatchObject({ type: 'enum', values: ['lead', 'customer'], refName: 'Lifecycle' });
    expect(byName(contact.fields, 'last_contacted').type).toBe('date-time');
    expect(contact.operations).toEqual({
      path: 'contacts',
      verbs: ['list', 'update'],
      itemsKey: 'results',
      pagination: { style: 'page', pageParam: 'page', sizeParam: 'page_size' },
    });
  });

  it('refuses what it cannot map, naming the pointer', () => {
    const refused = (arg: string, entity = 'x'): string => {
      try {
        readOpenApiResource(arg, entity);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refused(`${SHOP}#Payment`)).toBe(
      `${SHOP}#/components/schemas/Payment/properties/method/oneOf: oneOf with 2 alternatives is not supported: ` +
        `the mapping needs one shape per field. Point at one alternative's schema, or map this field by hand.`,
    );
    expect(refused(`${SHOP}#LoopA`)).toMatch(/^tests\/fixtures\/apispec\/shop.yaml#\/components\/schemas\/LoopA: the \$ref chain loops/);
    expect(refused(`${SHOP}#/components/schemas/Nope`)).toBe(`${SHOP}#/components/schemas/Nope: no such location in the document.`);
    expect(refused(SHOP, 'client')).toMatch(/no schema named like "client".*candidates: Resource, PostalAddress/);
    expect(refused(`${SHOP}#CountryCode`)).toMatch(/CountryCode: not an object schema with properties/);
    expect(refused('tests/fixtures/apispec/missing.yaml')).toMatch(/missing.yaml: cannot read the OpenAPI document \(ENOENT\)/);
    const dir = tempDir('apispec');
    const swagger = join(dir, 'swagger.json');
    writeFileSync(swagger, '{"swagger": "2.0"}');
    expect(refused(swagger)).toMatch(/Swagger 2.0 is not supported/);
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'openapi: 3.0.0\n  bad: [');
    expect(refused(broken)).toMatch(/broken.yaml: not valid JSON or YAML/);
    const remote = join(dir, 'remote.json');
    writeFileSync(remote, JSON.stringify({ openapi: '3.0.0', components: { schemas: { A: { $ref: 'other.yaml#/A' } } } }));
    expect(refused(`${remote}#A`)).toMatch(/only local references/);
  });

  it('splits SPEC#pointer arguments', () => {
    expect(splitSpecArg('a.yaml')).toEqual({ file: 'a.yaml' });
    expect(splitSpecArg('a.yaml#Customer')).toEqual({ file: 'a.yaml', pointer: '#/components/schemas/Customer' });
    expect(splitSpecArg('a.yaml#/components/schemas/A~1B')).toEqual({ file: 'a.yaml', pointer: '#/components/schemas/A~1B' });
  });
});
