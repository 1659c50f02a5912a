import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSpecConnection } from '../../src/apispec/spec-connection.js';
import { run } from '../../src/cli.js';
import { memoryIo } from '../../src/io.js';
import { tempDir } from '../helpers/temp.js';

const SHOP = resolve('tests/fixtures/apispec/shop.yaml');
const CRM = resolve('tests/fixtures/apispec/crm-3.1.json');
const root = tempDir('spec-connection');

function spec(name: string, doc: object): string {
  const file = join(root, name);
  writeFileSync(file, JSON.stringify({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {}, ...doc }));
  return file;
}

describe('readSpecConnection', () => {
  it('takes the server URL, the api key header scheme and the entity schemas', () => {
    const connection = readSpecConnection(SHOP, ['customer', 'product']);
    expect(connection).toEqual({
      apiUrl: 'https://api.shop.example.com/v2',
      auth: 'api_key',
      apiKeyHeader: 'X-Shop-Token',
      // no "who am I" read: the first GET without required parameters
      testEndpoint: 'customers',
      notes: [
        "The backend's API key header defaults to X-Shop-Token (securitySchemes.apiKey).",
        'Test Connection calls GET customers (a read the document declares without parameters).',
      ],
      schemas: { customer: `${SHOP}#/components/schemas/Customer`, product: `${SHOP}#/components/schemas/Product` },
    });
  });

  it('reads oauth2 client credentials with their token URL', () => {
    const connection = readSpecConnection(CRM, ['contact']);
    expect(connection.auth).toBe('oauth2');
    expect(connection.oauthTokenUrl).toBe('https://crm.example.org/oauth/token');
    expect(connection.notes[0]).toBe("The backend's OAuth token URL defaults to https://crm.example.org/oauth/token (securitySchemes.oauth).");
    expect(connection.apiUrl).toBe('https://crm.example.org/api');
  });

  it('reads http bearer and basic, prefers the globally required scheme, fills server variables', () => {
    const schemas = { A: { type: 'object', properties: {} } };
    const both = spec('both.json', {
      servers: [{ url: 'https://{region}.example.com/v1', variables: { region: { default: 'eu' } } }],
      security: [{ basicAuth: [] }],
      components: { schemas, securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' }, basicAuth: { type: 'http', scheme: 'basic' } } },
    });
    expect(readSpecConnection(both, ['a'])).toMatchObject({ apiUrl: 'https://eu.example.com/v1', auth: 'basic' });
    const bearer = spec('bearer.json', { servers: [{ url: '/relative' }], components: { schemas, securitySchemes: { t: { type: 'http', scheme: 'bearer' } } } });
    const connection = readSpecConnection(bearer, ['a']);
    expect(connection.auth).toBe('bearer');
    expect(connection.apiUrl).toBeUndefined();
    expect(connection.notes).toEqual(['servers[0].url /relative is not an absolute http(s) URL: give --api-url.']);
  });

  it('picks the connection test: a "who am I" read first, never a path parameter, a required parameter or a long path', () => {
    const schemas = { A: { type: 'object', properties: {} } };
    const get = (parameters: object[] = []): object => ({ get: { parameters, responses: { 200: { description: 'ok' } } } });
    const paths = {
      '/orders/{id}': get(),
      '/reports': get([{ name: 'from', in: 'query', required: true, schema: { type: 'string' } }]),
      '/a/rather/long/collection': get(),
      '/orders': get([{ name: 'limit', in: 'query', schema: { type: 'integer' } }]),
      '/account/': get(),
    };
    expect(readSpecConnection(spec('who.json', { paths, components: { schemas } }), ['a']).testEndpoint).toBe('account');
    const { '/account/': _account, ...others } = paths;
    expect(readSpecConnection(spec('first.json', { paths: others, components: { schemas } }), ['a']).testEndpoint).toBe('orders');
    const none = readSpecConnection(spec('none.json', { paths: { '/orders/{id}': get() }, components: { schemas } }), ['a']);
    expect(none.testEndpoint).toBeUndefined();
    expect(none.notes).toEqual([]);
  });

  it('asks for the entities, listing the schemas; refuses an entity without a schema', () => {
    expect(() => readSpecConnection(CRM, undefined)).toThrow(/needs --entities: each is looked up as a schema of .*\(schemas: Contact, Lifecycle\)\./);
    expect(() => readSpecConnection(CRM, ['lead'])).toThrow(/no schema named like "lead".*candidates: Contact, Lifecycle\./);
  });
});

describe('init --from-openapi', () => {
  it('writes the API URL and auth style of the document, and names the schemas', async () => {
    const dir = join(root, 'init');
    mkdirSync(dir);
    const io = memoryIo(dir);
    const code = await run(['init', 'shop', '--entities', 'product,customer', '--from-openapi', SHOP], io);
    expect(code, io.stderr.join('\n')).toBe(0);
    const backend = readFileSync(join(dir, 'shop_connector/models/shop_backend.py'), 'utf8');
    expect(backend).toContain('default="https://api.shop.example.com/v2"');
    expect(backend).toContain('    api_key_header = fields.Char(\n        string="API Key Header",\n        default="X-Shop-Token",\n');
    // the connection test calls a read the document declares, and its test mocks that route
    const adapter = readFileSync(join(dir, 'shop_connector/components/adapter.py'), 'utf8');
    expect(adapter).toContain('    _test_endpoint = "customers"\n');
    const test = readFileSync(join(dir, 'shop_connector/tests/test_backend.py'), 'utf8');
    expect(test).toContain('TEST_ROUTE = ("GET", "/customers")\n');
    expect(test).toContain('self.assertEqual((method, url), ("GET", API_URL + "/customers"))');
    const out = io.stdout.join('\n');
    expect(out).toContain('Created shop_connector (E-commerce, api_key auth, entities: product, customer).');
    expect(out).toContain(`customer is ${SHOP}#/components/schemas/Customer in the API description`);
  });

  it('writes the oauth2 client-credentials token URL as the backend default', async () => {
    const dir = join(root, 'oauth');
    mkdirSync(dir);
    const io = memoryIo(dir);
    expect(await run(['init', 'hubcrm', '--type', 'crm', '--entities', 'contact', '--from-openapi', CRM], io), io.stderr.join('\n')).toBe(0);
    const backend = readFileSync(join(dir, 'hubcrm_connector/models/hubcrm_backend.py'), 'utf8');
    expect(backend).toContain('    oauth_token_url = fields.Char(\n        string="OAuth Token URL",\n        default="https://crm.example.org/oauth/token",\n');
    expect(backend).toContain('default="https://crm.example.org/api"');
  });

  it('leaves a header name or token URL it cannot use to the backend form, with a note', () => {
    const schemas = { A: { type: 'object', properties: {} } };
    const header = spec('bad-header.json', { components: { schemas, securitySchemes: { k: { type: 'apiKey', in: 'header', name: 'X Key' } } } });
    expect(readSpecConnection(header, ['a'])).toMatchObject({ auth: 'api_key', notes: ['"X Key" is not an HTTP header name: set the backend\'s API key header by hand (securitySchemes.k).'] });
    expect(readSpecConnection(header, ['a']).apiKeyHeader).toBeUndefined();
    const token = spec('bad-token.json', { components: { schemas, securitySchemes: { o: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: {} } } } } } });
    expect(readSpecConnection(token, ['a'])).toMatchObject({ auth: 'oauth2', notes: ["The token URL /oauth/token is not an absolute http(s) URL: set the backend's OAuth token URL by hand (securitySchemes.o)."] });
  });

  it('stops before writing when an entity has no schema', async () => {
    const dir = join(root, 'bad');
    mkdirSync(dir);
    const io = memoryIo(dir);
    expect(await run(['init', 'crm', '--type', 'crm', '--entities', 'lead', '--from-openapi', CRM], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('no schema named like "lead"');
    expect(readdirSync(dir)).toEqual([]);
  });
});
