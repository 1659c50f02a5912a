import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAddons } from '../../../src/validate/engine.js';
import { MANIFEST, runRuleTests, writeAddon } from '../rule-tester.js';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('file-encoding', () => {
  runRuleTests('file-encoding', {
    valid: [{ name: 'UTF-8 everywhere', files: { '__manifest__.py': MANIFEST('"data": ["a.xml", "b.csv"]'), 'a.xml': '<odoo><!-- Café --></odoo>', 'b.csv': 'id,name\nx,Café\n', 'm.py': 'X = "Café"\n' } }],
    invalid: [],
  });

  /** Findings on an addon whose files are raw bytes. */
  async function findings(files: Record<string, Buffer>, data: string[]): Promise<string[]> {
    const { dir } = writeAddon({ '__manifest__.py': MANIFEST(`"data": ${JSON.stringify(data)}`) });
    for (const [rel, bytes] of Object.entries(files)) writeFileSync(join(dir, rel), bytes);
    const r = await checkAddons([dir], { cwd: dir, only: ['file-encoding'] });
    return r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.messageId} ${d.message.slice(0, 9)}`);
  }

  it('reports Latin-1 bytes where Odoo reads UTF-8, at the first bad byte', async () => {
    expect(
      await findings(
        {
          'a.xml': latin1('<odoo>\n  <!-- Caf\xe9 -->\n</odoo>'),
          'b.csv': latin1('id,name\nx,Caf\xe9\n'),
          'c.sql': latin1('SELECT \'\xe9\';'),
          'm.py': latin1('# a module\nX = "Caf\xe9"\n'),
          'utf8-declared.xml': latin1('<?xml version="1.0" encoding="UTF-8"?>\n<odoo>\xff</odoo>'),
        },
        ['a.xml', 'b.csv', 'c.sql', 'utf8-declared.xml'],
      ),
    ).toEqual(['a.xml:2:11 xmlNotUtf Byte 0xE9', 'b.csv:2:6 notUtf Byte 0xE9', 'c.sql:1:9 notUtf Byte 0xE9', 'm.py:2:9 pythonNotUtf Byte 0xE9', 'utf8-declared.xml:2:7 xmlNotUtf Byte 0xFF']);
  });

  it('accepts what declares its encoding, except the manifest, which Odoo reads as UTF-8 anyway', async () => {
    const { dir } = writeAddon({});
    writeFileSync(join(dir, '__manifest__.py'), latin1('# -*- coding: latin-1 -*-\n{"name": "Caf\xe9", "data": ["a.xml", "u.xml"]}\n'));
    writeFileSync(join(dir, 'a.xml'), latin1('<?xml version="1.0" encoding="ISO-8859-1"?>\n<odoo><!-- Caf\xe9 --></odoo>'));
    writeFileSync(join(dir, 'u.xml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<odoo/>', 'utf16le')]));
    writeFileSync(join(dir, 'm.py'), latin1('# -*- coding: latin-1 -*-\nX = "Caf\xe9"\n'));
    writeFileSync(join(dir, 'n.py'), latin1('#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\nX = "\xe9"\n'));
    const r = await checkAddons([dir], { cwd: dir, only: ['file-encoding', 'xml-syntax'] });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.messageId}`)).toEqual(['__manifest__.py:2 notUtf']);
  });

  it('finds overlong forms, surrogates and cut sequences', async () => {
    const bad = [Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf5, 0x80, 0x80, 0x80])];
    for (const bytes of bad) {
      expect(await findings({ 'a.xml': Buffer.concat([Buffer.from('<odoo>'), bytes, Buffer.from('</odoo>')]) }, ['a.xml'])).toEqual(['a.xml:1:7 xmlNotUtf Byte 0x' + bytes[0]!.toString(16).toUpperCase()]);
    }
  });
});
