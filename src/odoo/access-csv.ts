/**
 * @fileoverview Reads CSV data files (ir.model.access.csv and friends) with line numbers.
 * Well-formed files (the rule) take a small reader of our own; anything else (a quote inside a
 * bare cell, text after a closing quote, an unclosed quote, mixed line ends) goes to csv-parse,
 * loaded only then, which decides as before what such a file means.
 */
import { createRequire } from 'node:module';
import { StringBatch } from './detach-strings.js';

export interface CsvRow {
  line: number;
  values: Record<string, string>;
  /** How many cells the row has (the header's count, unless the row is malformed). */
  width: number;
}

export type CsvResult = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; line: number; message: string };

interface CsvRecord {
  record: string[];
  /** Line on which the record ends (1-based). */
  info: { lines: number };
}

const CSV_OPTIONS = { info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true } as const;

/**
 * The records of a plain CSV text as csv-parse reads it with CSV_OPTIONS, or undefined when the text
 * is not plain: cells bare or fully quoted (`""` for a quote), one kind of line end, no empty quoted line,
 * no line end inside quotes in a CRLF file.
 */
export function readPlainCsv(source: string): CsvRecord[] | undefined {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const crlf = text.includes('\r');
  if (crlf && (text.split('\r').length !== text.split('\r\n').length || text.split('\n').length !== text.split('\r\n').length)) return undefined;
  const eolLength = crlf ? 2 : 1;
  const out: CsvRecord[] = [];
  const n = text.length;
  let pos = 0;
  let line = 1;
  while (pos < n) {
    const record: string[] = [];
    let quotedOnly = true;
    for (;;) {
      let cell: string;
      if (pos < n && text.charCodeAt(pos) === 34) {
        // A quoted cell: up to the lone quote that closes it; `""` is one quote.
        let end = pos + 1;
        let value = '';
        for (;;) {
          const q = text.indexOf('"', end);
          if (q < 0) return undefined;
          value += text.slice(end, q);
          if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
            value += '"';
            end = q + 2;
            continue;
          }
          for (let i = text.indexOf('\n', pos); i >= 0 && i < q; i = text.indexOf('\n', i + 1)) {
            // csv-parse counts a quoted CRLF as one line or two depending on what it has seen before.
            if (crlf) return undefined;
            line++;
          }
          pos = q + 1;
          break;
        }
        cell = value;
      } else {
        quotedOnly = false;
        let end = pos;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === 44 || c === 10 || c === 13) break;
          if (c === 34) return undefined;
          end++;
        }
        cell = text.slice(pos, end);
        pos = end;
      }
      record.push(cell);
      // Reads stay within the text: one past its end (a last line without a line end) would
      // deoptimise this function, again at each file that ends so.
      const c = pos < n ? text.charCodeAt(pos) : -1;
      if (c === 44) {
        pos++;
        continue;
      }
      if (pos < n && c !== 10 && c !== 13) return undefined;
      break;
    }
    if (record.length === 1 && record[0] === '') {
      // An empty line is skipped; a line holding only `""` is left to csv-parse.
      if (quotedOnly) return undefined;
    } else out.push({ record, info: { lines: line } });
    if (pos < n) {
      pos += eolLength;
      line++;
    }
  }
  return out;
}

let csvParse: ((source: string, options: typeof CSV_OPTIONS) => unknown) | undefined;

function readAnyCsv(source: string): CsvRecord[] {
  const plain = readPlainCsv(source);
  if (plain) return plain;
  csvParse ??= (createRequire(import.meta.url)('csv-parse/sync') as { parse: typeof csvParse }).parse!;
  return csvParse(source, CSV_OPTIONS) as CsvRecord[];
}

export function parseCsv(source: string): CsvResult {
  try {
    const records = readAnyCsv(source);
    if (records.length === 0) return { ok: true, header: [], rows: [] };
    // Odoo reads `model_id/id` and `model_id:id` alike.
    const header = records[0]!.record.map((h) => h.trim().replace(/\/id$/, ':id'));
    // Rows may outlive the text (validate keeps parses for its rules phase, not texts): the cells
    // are copied first and each row's object made from the copies. A row object written again
    // after it was made had V8 turn its fields from constant to mutable, for each new header in a
    // run, and throw away the reader's optimised code.
    const cut = new StringBatch();
    header.forEach((h, i) => cut.note(header, i, h));
    const width = header.length;
    const cells: string[] = new Array<string>((records.length - 1) * width);
    for (let r = 1, c = 0; r < records.length; r++) {
      const record = records[r]!.record;
      for (let i = 0; i < width; i++, c++) {
        const value = (record[i] ?? '').trim();
        cells[c] = value;
        cut.note(cells, c, value);
      }
    }
    cut.detach();
    const rows: CsvRow[] = new Array<CsvRow>(records.length - 1);
    for (let r = 1, c = 0; r < records.length; r++) {
      const { record, info } = records[r]!;
      const values: Record<string, string> = {};
      for (let i = 0; i < width; i++, c++) values[header[i]!] = cells[c]!;
      rows[r - 1] = { line: info.lines, values, width: record.length };
    }
    return { ok: true, header, rows };
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return { ok: false, line: e.lines ?? 1, message: e.message ?? String(error) };
  }
}

/** Every construct the plain reader meets: quoted cells, `""`, an empty line, a missing cell. */
const WARM_UP_CSV = `id,name,model_id:id,group_id/id,perm_read\n${'access_a,"A, ""quoted""",model_a,base.group_user,1\n\naccess_b,b,model_b,,0\naccess_c,c\n'.repeat(20)}`;
let warm = false;

/**
 * Reads a small CSV file of every construct, once per thread, before a long run's first file
 * (see xml-reader.ts warmUpXmlReader for why).
 */
export function warmUpCsvReader(): void {
  if (warm) return;
  warm = true;
  for (let i = 0; i < 3; i++) parseCsv(WARM_UP_CSV);
}
