/**
 * @fileoverview The per-field render context: the Python expression reading the payload value,
 * the sample value of the generated test's payload and the Odoo value it imports as. A field from
 * an API description uses its `example`; a nested field (`address.city`) reads a nested dict.
 */
import type { FieldMap } from './catalogue.js';

/** A field mapping with the sample values the generated tests use. */
export interface FieldContext extends FieldMap {
  /** Python expression reading the value from `record` (dotted keys read nested dicts). */
  getter: string;
  /** `getter` reads a nested dict (the mapping assigns it first, to stay within 88 columns). */
  nested: boolean;
  /** Python literal of the value in a sample API payload. */
  sample: string;
  /** Python literal of the value the Odoo field holds once `sample` is imported. */
  expected: string;
  /** Type `selection`: the table as key/value pairs (templates cannot iterate a record's keys in order). */
  selectionItems: { external: string; odoo: string }[];
}

const py = (value: unknown): string =>
  typeof value === 'boolean' ? (value ? 'True' : 'False') : value === null ? 'None' : JSON.stringify(value);

/** `record.get("a")`, or `(record.get("a") or {}).get("b")` for `a.b`. */
export function payloadGetter(external: string): string {
  const [first, ...rest] = external.split('.');
  return rest.reduce((expr, key) => `(${expr} or {}).get(${py(key)})`, `record.get(${py(first)})`);
}

/** `2024-03-01T10:20:30+02:00` -> `2024-03-01 08:20:30` (Odoo's UTC text), or undefined. */
function utcText(value: unknown): string | undefined {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return undefined;
  return new Date(value).toISOString().slice(0, 19).replace('T', ' ');
}

/** Sample payload value and the Odoo value it imports as, for the generated tests. */
export function fieldContext(field: FieldMap): FieldContext {
  const base = { ...field, getter: payloadGetter(field.external), nested: field.external.includes("."), selectionItems: Object.entries(field.selection ?? {}).map(([external, odoo]) => ({ external, odoo })) };
  const example = field.example;
  switch (field.type) {
    case 'float': {
      const value = typeof example === 'number' ? example : undefined;
      return value === undefined ? { ...base, sample: '"12.50"', expected: '12.5' } : { ...base, sample: py(value), expected: py(value) };
    }
    case 'int': {
      const value = Number.isInteger(example) ? (example as number) : 7;
      return { ...base, sample: py(value), expected: py(value) };
    }
    case 'bool':
      // the opposite of a field's default would be a better test, but True is what an import sets
      return { ...base, sample: 'True', expected: 'True' };
    case 'datetime': {
      const sample = utcText(example) ? (example as string) : '2024-03-01T10:20:30+02:00';
      return { ...base, sample: py(sample), expected: py(utcText(sample)) };
    }
    case 'date': {
      const sample = typeof example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(example) ? example : '2024-03-01';
      return { ...base, sample: py(sample), expected: py(sample) };
    }
    case 'selection': {
      const items = base.selectionItems;
      const chosen = items.find((item) => item.external === example) ?? items[0]!;
      return { ...base, sample: py(chosen.external), expected: py(chosen.odoo) };
    }
    default: {
      const text =
        typeof example === 'string' && example
          ? example
          : field.external.includes('email')
            ? 'test@example.com'
            : field.external.includes('phone')
              ? '+1 555 0100'
              : /website|url/.test(field.external)
                ? 'https://www.example.com'
              : `Test ${field.external.replace(/[_.]/g, ' ')}`;
      return { ...base, sample: py(text), expected: py(text) };
    }
  }
}

/** One top-level key of the sample payload; a nested dict is an exploded literal (black's style). */
export interface PayloadEntry {
  key: string;
  value: string;
}

/** The payload entries of the import fields, nested keys grouped under their parent. */
export function samplePayload(fields: FieldContext[]): PayloadEntry[] {
  const out: PayloadEntry[] = [];
  const nested = new Map<string, string[]>();
  for (const field of fields) {
    const dot = field.external.indexOf('.');
    if (dot < 0) {
      out.push({ key: field.external, value: field.sample });
      continue;
    }
    const parent = field.external.slice(0, dot);
    if (!nested.has(parent)) {
      nested.set(parent, []);
      out.push({ key: parent, value: '' });
    }
    nested.get(parent)!.push(`        ${py(field.external.slice(dot + 1))}: ${field.sample},`);
  }
  return out.map((entry) => (entry.value ? entry : { ...entry, value: `{\n${nested.get(entry.key)!.join('\n')}\n    }` }));
}
