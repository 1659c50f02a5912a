/**
 * @fileoverview parseCsv reads plain files with its own reader and hands the rest to csv-parse: both
 * paths must give the same cells and line numbers, and the plain reader must know which is which.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseCsv, readPlainCsv } from '../../src/odoo/access-csv.js';

const OPTIONS = { info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true } as const;
const byCsvParse = (s: string): Array<[string[], number]> => (parse(s, OPTIONS) as Array<{ record: string[]; info: { lines: number } }>).map((r) => [r.record, r.info.lines]);
const byPlain = (s: string): Array<[string[], number]> | undefined => readPlainCsv(s)?.map((r) => [r.record, r.info.lines]);

describe('CSV reading', () => {
  it('reads plain files as csv-parse does: quotes, empty lines, CRLF, BOM, ragged rows', () => {
    const plain = [
      'id,name,model_id:id\naccess_x,x,model_x\n',
      'a,b\n\n1,2',
      'a,b\n"x\ny",2\n3,4\n',
      'a,b\r\n1,2\r\n\r\n3,4',
      '\ufeffa,b\n1',
      'a,b\n 1 , 2 \n',
      'a,b\n1\n1,2,3\n',
      'a\n"x""y",z\n',
      'a,b\n,\n',
      '',
    ];
    for (const s of plain) expect(byPlain(s), JSON.stringify(s)).toEqual(byCsvParse(s));
  });

  it('leaves what csv-parse reads its own way to csv-parse', () => {
    for (const s of ['a,b\nx"y,2\n', 'a\n"x"y\n', 'a\n"open\n', 'a\r\nb\nc', 'a\n""\n', 'a\r\n"x\r\ny"\r\n']) expect(readPlainCsv(s), JSON.stringify(s)).toBeUndefined();
  });

  it('gives rows with their line, header-keyed trimmed values and cell count either way', () => {
    const quirky = parseCsv('id,model_id/id\nx,"a\nb"\nq"r, s \n');
    expect(quirky).toEqual({
      ok: true,
      header: ['id', 'model_id:id'],
      rows: [
        { line: 3, values: { id: 'x', 'model_id:id': 'a\nb' }, width: 2 },
        { line: 4, values: { id: 'q"r', 'model_id:id': 's' }, width: 2 },
      ],
    });
    expect(parseCsv('id,name\nx,y\nz\n')).toEqual({
      ok: true,
      header: ['id', 'name'],
      rows: [
        { line: 2, values: { id: 'x', name: 'y' }, width: 2 },
        { line: 3, values: { id: 'z', name: '' }, width: 1 },
      ],
    });
  });
});
