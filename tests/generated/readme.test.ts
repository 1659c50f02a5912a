/**
 * The README.rst of generated connectors is what Odoo 16 renders as the module description with
 * docutils at install; any docutils system message is logged as a WARNING. Each README is checked
 * structurally (tests/helpers/rst-lint.ts), and by docutils itself when python3 can import it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { globSync } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAddBinding } from '../../src/commands/add-binding.js';
import { runInit } from '../../src/commands/init.js';
import { memoryIo } from '../../src/io.js';
import { AUTHS, TYPES } from '../helpers/presets.js';
import { rstProblems } from '../helpers/rst-lint.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('readme');
const checker = join(import.meta.dirname, '..', 'helpers', 'check_rst.py');

/** Every type with every auth style, without webhooks, and grown by add-binding. */
beforeAll(async () => {
  for (const type of TYPES) {
    for (const auth of AUTHS) {
      const dir = join(root, `${type}-${auth}`);
      mkdirSync(dir);
      expect(runInit('acme', { type, auth, path: '.' }, memoryIo(dir))).toBe(0);
    }
    const plain = join(root, `${type}-no-webhooks`);
    mkdirSync(plain);
    expect(runInit('acme', { type, webhooks: false, path: '.' }, memoryIo(plain))).toBe(0);
  }
  const grown = join(root, 'grown');
  mkdirSync(grown);
  expect(runInit('acme', { type: 'crm', path: '.' }, memoryIo(grown))).toBe(0);
  for (const [entity, odooModel] of [['product'], ['invoice'], ['employee', 'hr.employee']] as const) {
    const io = memoryIo(join(grown, 'acme_connector'));
    expect(await runAddBinding(entity, undefined, { odooModel }, io), io.stderr.join('\n')).toBe(0);
  }
});

const readmes = (): string[] => globSync('*/acme_connector/README.rst', { cwd: root }).sort();

describe('README.rst of generated connectors', () => {
  it('is written instead of README.md', () => {
    expect(readmes()).toHaveLength(TYPES.length * (AUTHS.length + 1) + 1);
    expect(globSync('*/acme_connector/README.md', { cwd: root })).toEqual([]);
  });

  it('is well-formed reStructuredText', () => {
    const problems = readmes().flatMap((file) => rstProblems(readFileSync(join(root, file), 'utf8')).map((p) => `${file}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('lists what add-binding added', () => {
    const text = readFileSync(join(root, 'grown', 'acme_connector', 'README.rst'), 'utf8');
    for (const binding of ['acme.product.product', 'acme.account.move', 'acme.hr.employee']) expect(text).toContain(`\`\`${binding}\`\``);
    expect(text).toMatch(/^\* ``sync_products`` \(Import Products, every hour\)/m);
  });

  it('renders without a docutils system message (skipped without docutils)', async (context) => {
    const result = await execa('python3', [checker, ...readmes().map((file) => join(root, file))], { reject: false, all: true });
    if (result.exitCode === 2) context.skip();
    expect(result.all).toBe('');
    expect(result.exitCode).toBe(0);
  });
});

describe('the reStructuredText checks', () => {
  const table = (cells: string): string => `.. list-table::\n   :header-rows: 1\n\n   * - A\n     - B\n${cells}\n`;

  it('accept a clean document', () => {
    expect(rstProblems(`=====\nTitle\n=====\n\nText::\n\n    code\n\n${table('   * - 1\n     - 2')}\nEnd\n===\n`)).toEqual([]);
  });

  it('find short underlines, stray adornments, uneven rows and Markdown', () => {
    expect(rstProblems('Title\n===\n')).toEqual(['line 2: underline shorter than the title "Title"']);
    expect(rstProblems('Text\n\n---\n')).toEqual(['line 3: "---" is no section adornment']);
    expect(rstProblems(table('   * - 1'))).toEqual(['line 1: row 2 of the list-table has 1 cells, the header 2']);
    expect(rstProblems('# Title\n\n| a | b |\n')).toHaveLength(2);
    expect(rstProblems('Text::\n    code\n')).toEqual(['line 1: no blank line before the literal block']);
  });
});
