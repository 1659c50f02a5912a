/**
 * @fileoverview What `init --from-openapi` takes from a document: the API URL (`servers`), the
 * authentication style (`securitySchemes`, the globally required one first) and the schema of
 * each entity, found by name.
 */
import { UsageError } from '../errors.js';
import type { AuthStyle } from '../scaffold/catalogue.js';
import { validateUrl } from '../scaffold/options.js';
import { loadSpec } from './load-spec.js';
import { schemaNames, schemaPointerFor } from './read-openapi.js';

export interface SpecConnection {
  apiUrl?: string;
  auth?: AuthStyle;
  /** apiKey in a header: its name, the default of the backend's API key header. */
  apiKeyHeader?: string;
  /** oauth2 client credentials: the default of the backend's token URL. */
  oauthTokenUrl?: string;
  /** A GET of the document without parameters for the connection test (the adapter's `_test_endpoint`). */
  testEndpoint?: string;
  /** Backend settings the document names (API key header, token URL), as notes. */
  notes: string[];
  /** Entity key -> `SPEC#pointer` of its schema. */
  schemas: Record<string, string>;
}

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => !!value && typeof value === 'object' && !Array.isArray(value);

export function readSpecConnection(file: string, entities: string[] | undefined): SpecConnection {
  const spec = loadSpec(file);
  if (!entities?.length) {
    const names = schemaNames(spec);
    throw new UsageError(
      `init --from-openapi needs --entities: each is looked up as a schema of ${file}` +
        (names.length ? ` (schemas: ${names.slice(0, 30).join(', ')}${names.length > 30 ? ', ...' : ''}).` : ', which has none.'),
    );
  }
  const notes: string[] = [];
  const server = Array.isArray(spec.doc.servers) ? spec.doc.servers.find((s) => isObject(s) && typeof s.url === 'string') : undefined;
  let apiUrl = isObject(server) ? (server.url as string) : undefined;
  if (apiUrl && isObject(server) && isObject(server.variables)) {
    // {region} -> its default
    for (const [name, variable] of Object.entries(server.variables)) {
      if (isObject(variable) && typeof variable.default === 'string') apiUrl = apiUrl.replaceAll(`{${name}}`, variable.default);
    }
  }
  if (apiUrl && !/^https?:\/\//i.test(apiUrl)) {
    notes.push(`servers[0].url ${apiUrl} is not an absolute http(s) URL: give --api-url.`);
    apiUrl = undefined;
  }
  const components = isObject(spec.doc.components) ? spec.doc.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  // the schemes the document requires everywhere come first
  const required = (Array.isArray(spec.doc.security) ? spec.doc.security : []).flatMap((s) => (isObject(s) ? Object.keys(s) : []));
  const names = [...new Set([...required, ...Object.keys(schemes)])];
  let found: ReturnType<typeof authOf>;
  for (const name of names) {
    const scheme = schemes[name];
    if (!isObject(scheme)) continue;
    found = authOf(scheme);
    if (!found) continue;
    for (const note of found.notes) notes.push(`${note} (securitySchemes.${name}).`);
    break;
  }
  const auth = found?.auth;
  if (!auth && names.length) notes.push(`No security scheme of ${file} maps to an auth style (${names.join(', ')}): give --auth.`);
  const schemas: Record<string, string> = {};
  for (const entity of entities) schemas[entity] = `${file}${schemaPointerFor(spec, entity)}`;
  const testEndpoint = testEndpointOf(spec.doc.paths);
  if (testEndpoint) notes.push(`Test Connection calls GET ${testEndpoint} (a read the document declares without parameters).`);
  return {
    ...(testEndpoint ? { testEndpoint } : {}),
    ...(apiUrl ? { apiUrl } : {}),
    ...(auth ? { auth } : {}),
    ...(found?.apiKeyHeader ? { apiKeyHeader: found.apiKeyHeader } : {}),
    ...(found?.oauthTokenUrl ? { oauthTokenUrl: found.oauthTokenUrl } : {}),
    notes,
    schemas,
  };
}

/** Last path segments of the usual cheap "who am I" reads, tried first. */
const CHEAP_READS = ['me', 'whoami', 'account', 'user', 'shop', 'store', 'ping', 'health', 'status'];
/** Longest connection-test path the generated tests' lines hold. */
const MAX_TEST_ENDPOINT = 18;
/** A path the adapter can call as it is: segments of safe characters, no path parameter. */
const PLAIN_PATH = /^\/?[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*\/?$/;

/**
 * The document's GET without required parameters that the connection test calls: a "who am I"
 * read when there is one, else the first such GET (a collection), relative to the server URL.
 */
function testEndpointOf(paths: unknown): string | undefined {
  if (!isObject(paths)) return undefined;
  const reads = Object.entries(paths).flatMap(([path, item]) => {
    if (!PLAIN_PATH.test(path) || !isObject(item) || !isObject(item.get)) return [];
    const params = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(item.get.parameters) ? item.get.parameters : [])];
    // a parameter behind a $ref is taken as optional: pagination and filters are
    const relative = path.replace(/^\/+|\/+$/g, '');
    // short enough for the generated tests' lines (88 columns)
    return params.some((p) => isObject(p) && p.required === true) || relative.length > MAX_TEST_ENDPOINT ? [] : [relative];
  });
  const last = (path: string): string => path.split('/').pop()!.toLowerCase();
  return reads.find((path) => CHEAP_READS.includes(last(path))) ?? reads[0];
}

/** An HTTP header name (RFC 9110 token). */
const HEADER = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;

type FoundAuth = { auth: AuthStyle; notes: string[]; apiKeyHeader?: string; oauthTokenUrl?: string } | undefined;

function authOf(scheme: Obj): FoundAuth {
  if (scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string') {
    if (scheme.name.toLowerCase() === 'authorization') return { auth: 'bearer', notes: ['The API key goes in the Authorization header'] };
    return HEADER.test(scheme.name)
      ? { auth: 'api_key', notes: [`The backend's API key header defaults to ${scheme.name}`], apiKeyHeader: scheme.name }
      : { auth: 'api_key', notes: [`${JSON.stringify(scheme.name)} is not an HTTP header name: set the backend's API key header by hand`] };
  }
  if (scheme.type === 'http' && typeof scheme.scheme === 'string') {
    const kind = scheme.scheme.toLowerCase();
    if (kind === 'bearer') return { auth: 'bearer', notes: [] };
    if (kind === 'basic') return { auth: 'basic', notes: [] };
  }
  if (scheme.type === 'oauth2' && isObject(scheme.flows) && isObject(scheme.flows.clientCredentials)) {
    const tokenUrl = scheme.flows.clientCredentials.tokenUrl;
    if (typeof tokenUrl !== 'string') return { auth: 'oauth2', notes: [] };
    try {
      const url = validateUrl('tokenUrl', tokenUrl);
      return { auth: 'oauth2', notes: [`The backend's OAuth token URL defaults to ${url}`], oauthTokenUrl: url };
    } catch {
      return { auth: 'oauth2', notes: [`The token URL ${tokenUrl} is not an absolute http(s) URL: set the backend's OAuth token URL by hand`] };
    }
  }
  return undefined;
}
