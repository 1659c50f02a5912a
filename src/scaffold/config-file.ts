/**
 * @fileoverview The tool's own record, `.odoo-connector.json`: what init chose, plus every binding
 * add-binding added (`added`, with the options that shaped it), so that `init --force` can
 * render the addon again without dropping them.
 */
import { RefusedError } from '../errors.js';

export interface AddedBinding {
  entity: string;
  odooModel: string;
  externalName?: string;
  direction?: string;
  /**
   * A custom binding from an API description: its collection, the key wrapping a single record and
   * the key of its name, for the tests of a binding that depends on it (an order on its customer).
   */
  resource?: string;
  recordKey?: string;
  createKey?: string;
  nameExternal?: string;
  /** The API description it was mapped from (description-source.ts), read again by init --force. */
  fromOpenapi?: string;
  fromTypes?: string;
  /**
   * Added with --force over a binding nothing recorded (init's own): init --force renders its
   * entity with init's, then this record over it, as add-binding did.
   */
  overInit?: boolean;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Two-space indented, with arrays of plain values and the records of `added` on one line each. */
export function formatConfig(config: Record<string, Json>): string {
  const inline = (value: Json): string =>
    Array.isArray(value) ? `[${value.map(inline).join(', ')}]` : value !== null && typeof value === 'object'
      ? `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')}}`
      : JSON.stringify(value);
  const lines = Object.entries(config).map(([key, value]) => {
    if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object')) {
      return `  ${JSON.stringify(key)}: [\n${value.map((item) => `    ${inline(item)}`).join(',\n')}\n  ]`;
    }
    return `  ${JSON.stringify(key)}: ${inline(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

function parseObject(source: string, path: string): Record<string, Json> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new RefusedError(`${path}: is not a JSON object; fix or delete it. Nothing was written.`);
  }
  return parsed as Record<string, Json>;
}

/** The optional keys of an `added` record, all strings. */
const OPTIONAL_KEYS = ['externalName', 'direction', 'resource', 'recordKey', 'createKey', 'nameExternal', 'fromOpenapi', 'fromTypes'] as const;

/** The bindings add-binding recorded; a malformed record is a refusal naming the file. */
export function addedBindings(source: string | undefined, path: string): AddedBinding[] {
  if (source === undefined) return [];
  const added = parseObject(source, path).added;
  if (added === undefined) return [];
  const valid = (item: Json): item is { [key: string]: Json } =>
    item !== null && typeof item === 'object' && !Array.isArray(item) && typeof item.entity === 'string' && typeof item.odooModel === 'string' &&
    OPTIONAL_KEYS.every((key) => item[key] === undefined || typeof item[key] === 'string') &&
    (item.overInit === undefined || item.overInit === true);
  if (!Array.isArray(added) || !added.every(valid)) {
    throw new RefusedError(
      `${path}: "added" must be a list of {"entity", "odooModel"[, ${OPTIONAL_KEYS.map((k) => `"${k}"`).join(', ')}]} records of strings ` +
        '(and "overInit": true). Nothing was written.',
    );
  }
  return added.map((item) => ({
    entity: item.entity as string,
    odooModel: item.odooModel as string,
    ...Object.fromEntries(OPTIONAL_KEYS.filter((key) => typeof item[key] === 'string').map((key) => [key, item[key] as string])),
    ...(item.overInit === true ? { overInit: true } : {}),
  }));
}

/** Records a binding: its entity in `entities`, and the binding in `added` (one per Odoo model). */
export function recordAddedBinding(source: string, path: string, binding: AddedBinding): string {
  const config = parseObject(source, path);
  const entities = Array.isArray(config.entities) ? config.entities : [];
  const added = addedBindings(source, path).filter((item) => item.odooModel !== binding.odooModel);
  const next: Record<string, Json> = {
    ...config,
    entities: entities.includes(binding.entity) ? entities : [...entities, binding.entity],
    added: [...added, { ...binding }] as unknown as Json[],
  };
  const before = addedBindings(source, path).find((item) => item.odooModel === binding.odooModel);
  const same = before && JSON.stringify(before) === JSON.stringify(binding) && entities.includes(binding.entity);
  return same ? source : formatConfig(next);
}
