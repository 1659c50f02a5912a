/**
 * @fileoverview Appends rows to `ir.model.access.csv`, skipping rows whose id is already there,
 * after checking the header; the existing rows are left byte for byte.
 */
import { parse } from 'csv-parse/sync';
import { RefusedError } from '../../errors.js';
import { applyInsertions, ensureFinalNewline } from './text-insert.js';

export const ACCESS_HEADER = ['id', 'name', 'model_id:id', 'group_id:id', 'perm_read', 'perm_write', 'perm_create', 'perm_unlink'];

export function appendAccessRows(source: string, rows: string, file: string): string {
  let existing: string[][];
  try {
    existing = parse(source, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (error) {
    throw new RefusedError(`${file}: is not valid CSV (${error instanceof Error ? error.message : String(error)}); nothing was written.`);
  }
  const header = existing[0];
  if (!header || ACCESS_HEADER.some((column, i) => header[i]?.trim() !== column)) {
    throw new RefusedError(`${file}:1: the header must be ${ACCESS_HEADER.join(',')}; nothing was written.`);
  }
  const ids = new Set(existing.slice(1).map((row) => row[0]));
  const fresh = rows
    .split('\n')
    .filter((line) => line.trim() && !ids.has(line.split(',')[0]!))
    .map((line) => `${line}\n`)
    .join('');
  if (!fresh) return source;
  return applyInsertions(source, [...ensureFinalNewline(source), { at: source.length, text: fresh }]);
}
