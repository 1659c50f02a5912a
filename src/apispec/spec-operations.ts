/**
 * @fileoverview Finds the operations of an OpenAPI document that serve one schema: the
 * collection path, the verbs, the envelope of its list answer and the list's pagination.
 */
import type { LoadedSpec } from './load-spec.js';
import type { Pagination, ResourceOperations, Verb } from './model.js';
import type { SchemaReader } from './spec-schema.js';

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => !!value && typeof value === 'object' && !Array.isArray(value);

/** How an answer or a request body carries the schema. */
type Shape = { kind: 'item'; recordKey?: string } | { kind: 'list'; itemsKey?: string };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function findOperations(spec: LoadedSpec, reader: SchemaReader, target: string): { operations?: ResourceOperations; notes: string[] } {
  const notes: string[] = [];
  const paths = isObject(spec.doc.paths) ? spec.doc.paths : {};
  const found: { path: string; verb: Verb; method: string; itemsKey?: string; recordKey?: string; params: Obj[]; answer: unknown }[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    if (!isObject(rawItem)) continue;
    const item = safeDeref(reader, rawItem, `#/paths/${path}`);
    if (!item) continue;
    const itemPath = /\/\{[^}/]+\}$/.test(path);
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const answer = responseSchema(reader, op);
      const writes = method === 'post' || method === 'put' || method === 'patch';
      const answered = shapeOf(reader, answer, target);
      const shape = answered ?? (writes ? shapeOf(reader, bodySchema(reader, op), target) : undefined);
      if (!shape && !(method === 'delete' && itemPath)) continue;
      const params = [...asList(item.parameters), ...asList(op.parameters)].map((p) => safeDeref(reader, p, '#') ?? {});
      const verb: Verb | undefined =
        method === 'get' ? (shape?.kind === 'list' ? 'list' : itemPath ? 'read' : undefined)
        : method === 'post' ? (itemPath ? undefined : 'create')
        : method === 'delete' ? 'delete'
        : itemPath ? 'update' : undefined;
      if (!verb) continue;
      // {"data": {...}}: the adapter's read() unwraps the record, and create() the created one
      const wrapped = verb === 'read' ? shape : verb === 'create' ? answered : undefined;
      const recordKey = wrapped?.kind === 'item' ? wrapped.recordKey : undefined;
      found.push({ path, verb, method, ...(shape?.kind === 'list' && shape.itemsKey ? { itemsKey: shape.itemsKey } : {}), ...(recordKey ? { recordKey } : {}), params, answer });
    }
  }
  // the collection: the path of the list, else the parent of the item paths
  const collectionOf = (entry: { path: string; verb: Verb }): string => (entry.verb === 'list' || entry.verb === 'create' ? entry.path : entry.path.replace(/\/\{[^}/]+\}$/, ''));
  const served = found.filter((entry) => entry.verb !== 'delete');
  const list = served.find((entry) => entry.verb === 'list');
  const collection = list ? list.path : served[0] ? collectionOf(served[0]) : undefined;
  if (!collection) {
    notes.push(`No operation of the document lists, reads or writes ${target}: the resource path is the entity's default.`);
    return { notes };
  }
  const ours = found.filter((entry) => collectionOf(entry) === collection);
  const verbs = [...new Set(ours.map((entry) => entry.verb))];
  const order: Verb[] = ['list', 'read', 'create', 'update', 'delete'];
  verbs.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const read = ours.find((entry) => entry.verb === 'read');
  const created = ours.find((entry) => entry.verb === 'create');
  // the exporter sends the changed fields of an update: PATCH where the document has it
  const patches = ours.some((entry) => entry.verb === 'update' && entry.method === 'patch');
  const relative = collection.replace(/^\/+/, '');
  if (/[{}]/.test(relative)) notes.push(`The collection path ${collection} has path parameters: set _resource of the adapter by hand.`);
  return {
    operations: {
      path: relative,
      verbs,
      ...(list?.itemsKey ? { itemsKey: list.itemsKey } : {}),
      ...(read?.recordKey ? { recordKey: read.recordKey } : {}),
      ...(created?.recordKey ? { createKey: created.recordKey } : {}),
      ...(patches ? { updateMethod: 'PATCH' as const } : {}),
      pagination: list ? pagination(list.params, reader, list.answer) : { style: 'none' },
    },
    notes,
  };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function safeDeref(reader: SchemaReader, value: unknown, pointer: string): Obj | undefined {
  try {
    return reader.deref(value, pointer).schema;
  } catch {
    return undefined;
  }
}

function responseSchema(reader: SchemaReader, op: Obj): unknown {
  const responses = isObject(op.responses) ? op.responses : {};
  const ok = Object.keys(responses).find((code) => /^2\d\d$/.test(code) && code !== '204') ?? (responses.default ? 'default' : undefined);
  const response = ok ? responses[ok] : undefined;
  return jsonSchemaOf(reader, response);
}

function bodySchema(reader: SchemaReader, op: Obj): unknown {
  return jsonSchemaOf(reader, op.requestBody);
}

/** The JSON schema of a response or request body (itself maybe a `$ref` to components). */
function jsonSchemaOf(reader: SchemaReader, raw: unknown): unknown {
  const holder = isObject(raw) ? safeDeref(reader, raw, '#') : undefined;
  if (!holder) return undefined;
  const content = isObject(holder.content) ? holder.content : {};
  const type = Object.keys(content).find((t) => /json/i.test(t)) ?? Object.keys(content)[0];
  const media = type ? content[type] : undefined;
  return isObject(media) ? media.schema : undefined;
}

/** Whether `schema` is the target or a `$ref` chain ending at it. */
function refersTo(reader: SchemaReader, schema: Obj, target: string): boolean {
  if (schema.$ref === target) return true;
  if (typeof schema.$ref !== 'string') return false;
  try {
    return reader.deref(schema, '#').pointer === target;
  } catch {
    return false;
  }
}

/** Whether `schema` is the target, a list of it, or an envelope (two levels at most) holding either. */
function shapeOf(reader: SchemaReader, schema: unknown, target: string, depth = 0): Shape | undefined {
  if (!isObject(schema) || depth > 2) return undefined;
  if (schema.$ref === target) return { kind: 'item' };
  let flat: Obj;
  try {
    const { schema: resolved, pointer } = reader.deref(schema, '#');
    if (typeof schema.$ref === 'string' && pointer === target) return { kind: 'item' };
    flat = reader.flatten(resolved, pointer);
  } catch {
    return undefined;
  }
  if (flat.type === 'array' && isObject(flat.items)) {
    // a list of the target itself: its items are (a $ref chain to) the target; other items are
    // not opened (in a large document that flattens every listed schema)
    return refersTo(reader, flat.items, target) ? { kind: 'list' } : undefined;
  }
  if (!isObject(flat.properties)) return undefined;
  for (const [key, property] of Object.entries(flat.properties)) {
    // an envelope holds the records in a list, or in a data-like key: a record's own nested
    // objects are not searched (in a large document that would visit every schema)
    if (!ENVELOPE_KEY.test(key) && !isArraySchema(reader, property)) continue;
    const inner = shapeOf(reader, property, target, depth + 1);
    if (inner?.kind === 'list') return { kind: 'list', itemsKey: inner.itemsKey ? `${key}.${inner.itemsKey}` : key };
    // {"data": {...}} wraps a single record; a record's own nested schema does not count
    if (inner?.kind === 'item' && ENVELOPE_KEY.test(key)) return { kind: 'item', recordKey: key };
  }
  return undefined;
}

const ENVELOPE_KEY = /^(data|item|items|result|results|record|records|resource|payload|response|body)$/i;

function isArraySchema(reader: SchemaReader, schema: unknown): boolean {
  const resolved = safeDeref(reader, schema, '#');
  return !!resolved && (resolved.type === 'array' || (Array.isArray(resolved.type) && resolved.type.includes('array')));
}

const PAGE = /^page(_?number)?$/i;
const SIZE = /^(per_?page|page_?size|pagesize|limit|size|count|page\[size\])$/i;
const OFFSET = /^(offset|skip|start)$/i;
const CURSOR = /^(cursor|after|starting_after|page_?token|pagetoken|next_?token|continuation_?token|page\[cursor\]|page\[after\])$/i;

/** Pagination from the list's query parameters (and the next-cursor key of its answer). */
function pagination(params: Obj[], reader: SchemaReader, answer: unknown): Pagination {
  const names = params.filter((p) => p.in === 'query' && typeof p.name === 'string').map((p) => p.name as string);
  const size = names.find((n) => SIZE.test(n));
  const cursor = names.find((n) => CURSOR.test(n));
  if (cursor) {
    const nextKey = nextCursorKey(reader, answer);
    return { style: 'cursor', cursorParam: cursor, ...(size ? { sizeParam: size } : {}), ...(nextKey ? { nextKey } : {}) };
  }
  const offset = names.find((n) => OFFSET.test(n));
  if (offset) return { style: 'offset', offsetParam: offset, limitParam: size ?? 'limit' };
  const page = names.find((n) => PAGE.test(n));
  if (page) return { style: 'page', pageParam: page, sizeParam: size ?? 'per_page' };
  return { style: 'none' };
}

/** Dotted key of the next cursor in the list answer (`next_cursor`, `meta.next`), if declared. */
function nextCursorKey(reader: SchemaReader, answer: unknown, prefix = '', depth = 0): string | undefined {
  if (!isObject(answer) || depth > 1) return undefined;
  let flat: Obj;
  try {
    const { schema, pointer } = reader.deref(answer, '#');
    flat = reader.flatten(schema, pointer);
  } catch {
    return undefined;
  }
  if (!isObject(flat.properties)) return undefined;
  const keys = Object.keys(flat.properties);
  const direct = keys.find((k) => /^(next_?cursor|next_?page_?token|nextpagetoken|next|after|cursor)$/i.test(k));
  if (direct) {
    const { schema } = reader.deref(flat.properties[direct], '#');
    if (schema.type === 'string' || schema.type === undefined) return `${prefix}${direct}`;
  }
  for (const key of keys) {
    const inner = nextCursorKey(reader, flat.properties[key], `${prefix}${key}.`, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}
