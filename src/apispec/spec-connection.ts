/**
 * @fileoverview What `init --from-openapi` takes from a document: the API URL (`servers`), the
 * authentication style (`securitySchemes`, the globally required one first) and the schema of
 * each entity, found by name.
 */
import { UsageError } from '../errors.js';
import type { AuthStyle } from '../scaffold/catalogue.js';
import { loadSpec } from './load-spec.js';
import { schemaNames, schemaPointerFor } from './read-openapi.js';

export interface SpecConnection {
  apiUrl?: string;
  auth?: AuthStyle;
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
  let auth: AuthStyle | undefined;
  for (const name of names) {
    const scheme = schemes[name];
    if (!isObject(scheme)) continue;
    const found = authOf(scheme);
    if (!found) continue;
    auth = found.auth;
    for (const note of found.notes) notes.push(`${note} (securitySchemes.${name}).`);
    break;
  }
  if (!auth && names.length) notes.push(`No security scheme of ${file} maps to an auth style (${names.join(', ')}): give --auth.`);
  const schemas: Record<string, string> = {};
  for (const entity of entities) schemas[entity] = `${file}${schemaPointerFor(spec, entity)}`;
  return { ...(apiUrl ? { apiUrl } : {}), ...(auth ? { auth } : {}), notes, schemas };
}

function authOf(scheme: Obj): { auth: AuthStyle; notes: string[] } | undefined {
  if (scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string') {
    return scheme.name.toLowerCase() === 'authorization'
      ? { auth: 'bearer', notes: ['The API key goes in the Authorization header'] }
      : { auth: 'api_key', notes: [`Set the backend's API key header to ${scheme.name}`] };
  }
  if (scheme.type === 'http' && typeof scheme.scheme === 'string') {
    const kind = scheme.scheme.toLowerCase();
    if (kind === 'bearer') return { auth: 'bearer', notes: [] };
    if (kind === 'basic') return { auth: 'basic', notes: [] };
  }
  if (scheme.type === 'oauth2' && isObject(scheme.flows) && isObject(scheme.flows.clientCredentials)) {
    const tokenUrl = scheme.flows.clientCredentials.tokenUrl;
    return { auth: 'oauth2', notes: typeof tokenUrl === 'string' ? [`Set the backend's OAuth token URL to ${tokenUrl}`] : [] };
  }
  return undefined;
}
