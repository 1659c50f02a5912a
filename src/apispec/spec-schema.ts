/**
 * @fileoverview Turns an OpenAPI schema into external fields: local `$ref`s followed (a loop of
 * references is refused), `allOf` merged, `oneOf`/`anyOf` accepted only when they merely make a
 * value nullable, and refused otherwise with the JSON pointer of the construct.
 */
import { UsageError } from '../errors.js';
import type { LoadedSpec } from './load-spec.js';
import type { ExternalField, ExternalType } from './model.js';

type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema => !!value && typeof value === 'object' && !Array.isArray(value);

/** `~1` and `~0` escapes of RFC 6901. */
const unescape = (token: string): string => decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
export const escapePointer = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

export class SchemaReader {
  /** Flattened schemas by identity: a large document refers to the same few schemas again and again. */
  private readonly flattened = new WeakMap<Schema, Schema>();

  constructor(private readonly spec: LoadedSpec) {}

  /** The value at a local pointer (`#/components/schemas/Customer`), or a clear error. */
  resolve(pointer: string): unknown {
    if (!pointer.startsWith('#/') && pointer !== '#') {
      throw new UsageError(`${this.where(pointer)}: only local references (#/...) are supported; bundle the document first (e.g. redocly bundle).`);
    }
    let value: unknown = this.spec.doc;
    for (const token of pointer.slice(2).split('/').filter((t, i, all) => t !== '' || all.length > 1)) {
      const key = unescape(token);
      if (Array.isArray(value) && /^\d+$/.test(key)) value = value[Number(key)];
      else if (isObject(value) && Object.hasOwn(value, key)) value = value[key];
      else throw new UsageError(`${this.where(pointer)}: no such location in the document.`);
    }
    return value;
  }

  where(pointer: string): string {
    return `${this.spec.file}${pointer.startsWith('#') ? '' : '#'}${pointer}`;
  }

  /** Follows `$ref`s from `schema` (at `pointer`); returns the target, its pointer and its name. */
  deref(schema: unknown, pointer: string): { schema: Schema; pointer: string; refName?: string } {
    const seen: string[] = [];
    let current = schema;
    let at = pointer;
    let refName: string | undefined;
    while (isObject(current) && typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (seen.includes(ref)) {
        throw new UsageError(`${this.where(pointer)}: the $ref chain loops (${[...seen, ref].join(' -> ')}).`);
      }
      seen.push(ref);
      const { $ref: _ref, ...siblings } = current;
      const target = this.resolve(ref);
      refName = unescape(ref.split('/').pop() ?? ref);
      // OpenAPI 3.1 lets siblings of $ref (description, nullable) refine the target
      current = Object.keys(siblings).length && isObject(target) ? { ...target, ...siblings } : target;
      at = ref;
    }
    if (!isObject(current)) throw new UsageError(`${this.where(at)}: expected a schema object.`);
    return { schema: current, pointer: at, ...(refName ? { refName } : {}) };
  }

  /**
   * The schema with `allOf` merged and trivial nullable `oneOf`/`anyOf` unwrapped; a real choice
   * of shapes is refused (the mapping could not know which one a record has).
   */
  flatten(schema: Schema, pointer: string, depth = 0): Schema {
    let flat = this.flattened.get(schema);
    if (!flat) {
      flat = this.flattenUncached(schema, pointer, depth);
      this.flattened.set(schema, flat);
    }
    return flat;
  }

  private flattenUncached(schema: Schema, pointer: string, depth: number): Schema {
    if (!Array.isArray(schema.oneOf) && !Array.isArray(schema.anyOf) && !Array.isArray(schema.allOf)) return schema;
    if (depth > 64) throw new UsageError(`${this.where(pointer)}: allOf nests too deep (a cycle through allOf?).`);
    let out: Schema = schema;
    for (const key of ['oneOf', 'anyOf'] as const) {
      const choices = out[key];
      if (!Array.isArray(choices)) continue;
      const real = choices
        .map((choice, i) => ({ choice, at: `${pointer}/${key}/${i}` }))
        .filter(({ choice }) => !(isObject(choice) && (choice.type === 'null' || (choice.nullable === true && Object.keys(choice).length === 1))));
      if (real.length !== 1) {
        throw new UsageError(
          `${this.where(`${pointer}/${key}`)}: ${key} with ${real.length} alternatives is not supported: ` +
            `the mapping needs one shape per field. Point at one alternative's schema, or map this field by hand.`,
        );
      }
      const { [key]: _choices, ...rest } = out;
      const only = this.deref(real[0]!.choice, real[0]!.at);
      out = { ...this.flatten(only.schema, only.pointer, depth + 1), ...rest };
    }
    if (Array.isArray(out.allOf)) {
      const { allOf, ...rest } = out;
      const properties: Schema = {};
      const required = new Set<string>();
      const merged: Schema = {};
      // the parts declaring properties, so that messages point where a property was declared
      const origins: Origin[] = [];
      const take = (flat: Schema, at: string): void => {
        if (isObject(flat.properties)) {
          Object.assign(properties, flat.properties);
          origins.push({ flat, at });
        }
        if (Array.isArray(flat.required)) for (const name of flat.required as string[]) required.add(name);
      };
      (allOf as unknown[]).forEach((part, i) => {
        const { schema: target, pointer: at } = this.deref(part, `${pointer}/allOf/${i}`);
        const flat = this.flatten(target, at, depth + 1);
        Object.assign(merged, flat);
        take(flat, at);
      });
      take(rest, pointer);
      out = { ...merged, ...rest, properties, required: [...required], [ORIGINS]: origins };
    }
    return out;
  }

  /** The fields of the object schema at `pointer`. */
  objectFields(pointer: string): ExternalField[] {
    const { schema, pointer: at } = this.deref(this.resolve(pointer), pointer);
    const flat = this.flatten(schema, at);
    if (!isObject(flat.properties)) {
      throw new UsageError(`${this.where(at)}: not an object schema with properties: point at the record's schema (#/components/schemas/Name).`);
    }
    return this.propertiesOf(flat, at, new Set([at]));
  }

  private propertiesOf(flat: Schema, pointer: string, expanding: Set<string>): ExternalField[] {
    const required = new Set(Array.isArray(flat.required) ? (flat.required as string[]) : []);
    return Object.entries((flat.properties as Schema) ?? {}).map(([name, property]) =>
      this.field(name, property, propertyPointer(flat, pointer, name), required.has(name), expanding),
    );
  }

  private field(name: string, raw: unknown, pointer: string, required: boolean, expanding: Set<string>): ExternalField {
    const { schema, pointer: at, refName } = this.deref(raw, pointer);
    const flat = this.flatten(schema, at);
    const example = flat.example ?? (Array.isArray(flat.examples) ? flat.examples[0] : undefined) ?? flat.default;
    const base = {
      name,
      required,
      readOnly: flat.readOnly === true,
      pointer: this.where(pointer),
      ...(refName ? { refName } : {}),
      ...(example !== undefined ? { example } : {}),
    };
    const type = schemaType(flat);
    if (Array.isArray(flat.enum)) {
      const values = flat.enum.filter((v) => v !== null).map(String);
      return { ...base, type: 'enum', values };
    }
    if (type === 'array') {
      const items = flat.items === undefined ? undefined : this.field('item', flat.items, `${pointer}/items`, false, expanding);
      return { ...base, type: 'array', ...(items ? { items } : {}) };
    }
    if (type === 'object') {
      // a schema that contains itself (a category's parent) is named, not expanded again; nor
      // is anything deeper than an address of a record: resources linking to resources would
      // otherwise expand into a tree the size of the whole API
      const key = at;
      if (expanding.has(key) || expanding.size > MAX_NESTING || !isObject(flat.properties)) return { ...base, type: 'object' };
      const inner = new Set(expanding).add(key);
      return { ...base, type: 'object', fields: this.propertiesOf(flat, at, inner) };
    }
    return { ...base, type };
  }
}

/** Nested objects expanded below the record (record -> address -> geo point). */
const MAX_NESTING = 2;

/** Key of the merged schema's map from property to the pointer declaring it (not a JSON key). */
const ORIGINS = '\u0000origins';

/** A part of an `allOf` that declares properties, and its pointer. */
interface Origin {
  flat: Schema;
  at: string;
}

function propertyPointer(flat: Schema, pointer: string, name: string): string {
  const origins = flat[ORIGINS] as Origin[] | undefined;
  // the last part declaring the property wins, as in the merge
  for (let i = (origins?.length ?? 0) - 1; i >= 0; i--) {
    const { flat: part, at } = origins![i]!;
    if (isObject(part.properties) && Object.hasOwn(part.properties, name)) return propertyPointer(part, at, name);
  }
  return `${pointer}/properties/${escapePointer(name)}`;
}

/** The scalar/array/object type of a flattened schema (3.1 type lists with "null" allowed). */
function schemaType(flat: Schema): ExternalType {
  const declared = Array.isArray(flat.type) ? flat.type.filter((t) => t !== 'null') : [flat.type];
  const type = declared.length === 1 ? declared[0] : undefined;
  if (type === 'string' && flat.format === 'date-time') return 'date-time';
  if (type === 'string' && flat.format === 'date') return 'date';
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean' || type === 'array') return type;
  if (type === 'object' || (type === undefined && isObject(flat.properties))) return 'object';
  // untyped or several types: carried as text, which the mapping handles as char
  return 'string';
}
