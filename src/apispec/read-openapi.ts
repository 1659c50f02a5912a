/**
 * @fileoverview `SPEC#/components/schemas/Name` -> the external resource: its fields and the
 * operations serving it.
 */
import { UsageError } from '../errors.js';
import { loadSpec, type LoadedSpec } from './load-spec.js';
import type { ExternalResource } from './model.js';
import { findOperations } from './spec-operations.js';
import { escapePointer, SchemaReader } from './spec-schema.js';

/** Splits `file#pointer`; the pointer is optional (`#/components/schemas/Name` or a bare name). */
export function splitSpecArg(arg: string): { file: string; pointer?: string } {
  const hash = arg.indexOf('#');
  if (hash < 0) return { file: arg };
  const pointer = arg.slice(hash + 1);
  return { file: arg.slice(0, hash), ...(pointer ? { pointer: pointer.startsWith('/') ? `#${pointer}` : `#/components/schemas/${escapePointer(pointer)}` } : {}) };
}

export function schemaNames(spec: LoadedSpec): string[] {
  const components = spec.doc.components as { schemas?: Record<string, unknown> } | undefined;
  return Object.keys(components?.schemas ?? {});
}

/**
 * The schema for an entity when no pointer is given: the one named like it (`customer` ->
 * `Customer`), or an error listing the candidates.
 */
export function schemaPointerFor(spec: LoadedSpec, entity: string): string {
  const names = schemaNames(spec);
  const wanted = entity.replace(/[_-]/g, '').toLowerCase();
  const match = names.find((n) => n.toLowerCase() === wanted) ?? names.find((n) => n.replace(/[_-]/g, '').toLowerCase() === wanted);
  if (match) return `#/components/schemas/${escapePointer(match)}`;
  const close = names.filter((n) => n.toLowerCase().includes(wanted) || wanted.includes(n.toLowerCase()));
  const shown = (close.length ? close : names).slice(0, 20);
  throw new UsageError(
    `${spec.file}: no schema named like "${entity}". Name it: ${spec.file}#/components/schemas/<Name>` +
      (shown.length ? `; candidates: ${shown.join(', ')}${names.length > shown.length && !close.length ? ', ...' : ''}.` : ' (the document has no components/schemas).'),
  );
}

export function readOpenApiResource(arg: string, entity: string, cwd?: string): ExternalResource {
  const { file, pointer: given } = splitSpecArg(arg);
  const spec = loadSpec(file, cwd);
  const pointer = given ?? schemaPointerFor(spec, entity);
  const reader = new SchemaReader(spec);
  const fields = reader.objectFields(pointer);
  const { operations, notes } = findOperations(spec, reader, pointer);
  const name = decodeURIComponent(pointer.split('/').pop() ?? entity).replace(/~1/g, '/').replace(/~0/g, '~');
  return { name, pointer: `${file}${pointer}`, fields, ...(operations ? { operations } : {}), notes };
}
