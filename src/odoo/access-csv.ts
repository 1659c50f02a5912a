/**
 * @fileoverview Reads CSV data files (ir.model.access.csv and friends) with line numbers.
 */
import { parse } from 'csv-parse/sync';

export interface CsvRow {
  line: number;
  values: Record<string, string>;
  cells: string[];
}

export type CsvResult = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; line: number; message: string };

export function parseCsv(source: string): CsvResult {
  try {
    const records = parse(source, { info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    if (records.length === 0) return { ok: true, header: [], rows: [] };
    // Odoo reads `model_id/id` and `model_id:id` alike.
    const header = records[0]!.record.map((h) => h.trim().replace(/\/id$/, ':id'));
    const rows = records.slice(1).map(({ record, info }) => {
      const values: Record<string, string> = {};
      header.forEach((h, i) => (values[h] = (record[i] ?? '').trim()));
      return { line: info.lines, values, cells: record };
    });
    return { ok: true, header, rows };
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return { ok: false, line: e.lines ?? 1, message: e.message ?? String(error) };
  }
}
