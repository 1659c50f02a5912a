/**
 * What the generated code *is*: for every connector type x auth style (plus variants) and for the
 * framework addons, all Python compiles and passes flake8 and black, every XML file parses,
 * every CSV parses, and the structural invariants of FRAMEWORK-SPEC D0 hold (tests/helpers/check_addons.py).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { execa } from 'execa';
import { XMLValidator } from 'fast-xml-parser';
import { globSync } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { runInitFramework } from '../../src/commands/init-framework.js';
import { memoryIo } from '../../src/io.js';
import { AUTHS, TYPES } from '../helpers/presets.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('quality');
const checker = join(import.meta.dirname, '..', 'helpers', 'check_addons.py');

const variants: { dir: string; name?: string; args: Parameters<typeof runInit>[1] }[] = [
  ...TYPES.flatMap((type) => AUTHS.map((auth) => ({ dir: `${type}-${auth}`, args: { type, auth } }))),
  { dir: 'no-webhooks', args: { type: 'ecommerce', auth: 'bearer', webhooks: false } },
  { dir: 'orders-only', args: { type: 'ecommerce', entities: 'order' } },
  { dir: 'mixed', args: { type: 'crm', entities: 'lead,customer,invoice', auth: 'hmac' } },
  // the longest values the options accept still give lines within 88 columns
  ...(['ecommerce', 'accounting'] as const).map((type) => ({
    dir: `longest-${type}`,
    name: 'abcdefghijklmnopqrst',
    args: {
      type,
      auth: 'oauth2',
      author: 'A'.repeat(68),
      website: `https://www.example.com/${'w'.repeat(44)}`,
      apiUrl: `https://api.example.com/${'v'.repeat(44)}`,
    },
  })),
];

async function tool(command: string, args: string[]): Promise<{ exitCode: number; output: string }> {
  const result = await execa(command, args, { reject: false, all: true });
  if (result.failed && result.exitCode === undefined) {
    throw new Error(`${command} is not installed: apt-get install -y flake8 black (or see .ci/run)`);
  }
  return { exitCode: result.exitCode ?? 1, output: result.all ?? '' };
}

beforeAll(() => {
  for (const variant of variants) {
    const dir = join(root, variant.dir);
    mkdirSync(dir);
    const io = memoryIo(dir);
    expect(runInit(variant.name ?? 'acme', { ...variant.args, path: '.' }, io), io.stderr.join('\n')).toBe(0);
  }
  const frameworkDir = join(root, 'framework');
  mkdirSync(frameworkDir);
  expect(runInitFramework({ path: frameworkDir }, memoryIo(frameworkDir))).toBe(0);
});

describe('generated addons', () => {
  it('compile with python3', async () => {
    const { exitCode, output } = await tool('python3', ['-m', 'compileall', '-q', '-f', root]);
    expect(output).toBe('');
    expect(exitCode).toBe(0);
  });

  it('pass flake8', async () => {
    const { exitCode, output } = await tool('flake8', ['--max-line-length', '88', root]);
    expect(output).toBe('');
    expect(exitCode).toBe(0);
  });

  it('pass black --check', async () => {
    const { exitCode, output } = await tool('black', ['--check', '-q', root]);
    expect(output).toBe('');
    expect(exitCode).toBe(0);
  });

  it('have XML files that parse', () => {
    const files = globSync('**/*.xml', { cwd: root });
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const result = XMLValidator.validate(readFileSync(join(root, file), 'utf8'));
      expect(result, file).toBe(true);
    }
  });

  it('have CSV files that parse with eight columns per row', () => {
    const files = globSync('**/*.csv', { cwd: root });
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const rows = parse(readFileSync(join(root, file), 'utf8')) as string[][];
      expect(rows.length, file).toBeGreaterThan(1);
      for (const row of rows) expect(row, file).toHaveLength(8);
    }
  });

  it('satisfy the install invariants: manifest data, imports, references, access rows', async () => {
    const { exitCode, output } = await tool('python3', [checker, root]);
    expect(exitCode).toBe(0);
    const report = JSON.parse(output) as { addons: number; problems: unknown[] };
    expect(report.addons).toBeGreaterThanOrEqual(variants.length);
    expect(report.problems).toEqual([]);
  });
});
