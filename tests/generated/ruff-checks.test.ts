/**
 * The Ruff stand-ins for flake8 and black catch what those tools catch, in their terms: a clean
 * result from tests/generated/quality.test.ts means nothing unless the checks can fail.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruffFormatErrors, ruffLintErrors } from '../helpers/ruff.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('ruff-checks');

function addon(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'models'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const BLACK_CLEAN = `from . import models  # noqa: F401


def total(values, start=0):
    return sum(values[1:], start) + values[0]
`;

describe('ruffLintErrors', () => {
  it('reports pyflakes and pycodestyle findings as file:line:column: CODE message', () => {
    const dir = addon('lint', {
      'models/bad.py': `import os\ndef f(a,b):\n    unused = 1\n    return a+b  \nvalue = "${'x'.repeat(90)}"\n`,
    });
    const report = ruffLintErrors(dir).split('\n');
    expect(report).toEqual([
      'models/bad.py:1:8: F401 `os` imported but unused',
      'models/bad.py:2:1: E302 Expected 2 blank lines, found 0',
      'models/bad.py:2:8: E231 Missing whitespace after `,`',
      'models/bad.py:3:5: F841 Local variable `unused` is assigned to but never used',
      'models/bad.py:4:15: W291 Trailing whitespace',
      'models/bad.py:5:1: E305 Expected 2 blank lines after class or function definition, found (0)',
      'models/bad.py:5:89: E501 Line too long (100 > 88)',
    ]);
  });

  it('accepts black-formatted code, # noqa, and the slices flake8 users ignore (E203)', () => {
    const dir = addon('lint-clean', { '__init__.py': BLACK_CLEAN, 'models/slice.py': 'x = [1, 2][1 : 2]\n' });
    expect(ruffLintErrors(dir)).toBe('');
  });
});

describe('ruffFormatErrors', () => {
  it('names each file black would change with the start of its diff', () => {
    const dir = addon('format', { '__init__.py': BLACK_CLEAN, 'models/quotes.py': "x = {'a':1}\n" });
    expect(ruffFormatErrors(dir)).toBe(
      ['models/quotes.py: would be reformatted', '@@ -1,1 +1,1 @@', "-x = {'a':1}", '+x = {"a": 1}'].join('\n'),
    );
  });

  it('formats for Python 3.7 like black on Odoo 16 code: no parenthesized context managers', () => {
    const source = `def f(a, b):
    with open("a-rather-long-file-name.txt") as first, open(
        "another-rather-long-file-name.txt"
    ) as second:
        return first.read() + second.read()
`;
    const dir = addon('format-py37', { '__init__.py': source });
    expect(ruffFormatErrors(dir)).toBe('');
  });

  it('reports a file it cannot parse instead of throwing', () => {
    const dir = addon('format-syntax', { '__init__.py': 'def (:\n' });
    expect(ruffFormatErrors(dir)).toMatch(/^__init__\.py: cannot be formatted: /);
  });
});
