/**
 * What the generated code *is*: for every connector type x auth style (plus variants) and for the
 * framework addons, all Python compiles, passes Ruff's pycodestyle/pyflakes rules and
 * black-compatible formatter (and flake8 and black themselves when installed), every XML file
 * parses, every CSV parses, and the structural invariants of FRAMEWORK-SPEC D0 hold (tests/helpers/check_addons.py).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { runInitFramework } from '../../src/commands/init-framework.js';
import { memoryIo } from '../../src/io.js';
import { AUTHS, TYPES } from '../helpers/presets.js';
import {
  blackErrors,
  compileErrors,
  csvErrors,
  flake8Errors,
  installProblems,
  optionalTool,
  ruffFormatErrors,
  ruffLintErrors,
  xmlErrors,
} from '../helpers/quality.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('quality');

const variants: { dir: string; name?: string; args: Parameters<typeof runInit>[1] }[] = [
  ...TYPES.flatMap((type) => AUTHS.map((auth) => ({ dir: `${type}-${auth}`, args: { type, auth } }))),
  { dir: 'no-webhooks', args: { type: 'ecommerce', auth: 'bearer', webhooks: false } },
  { dir: 'orders-only', args: { type: 'ecommerce', entities: 'order' } },
  { dir: 'mixed', args: { type: 'crm', entities: 'lead,customer,invoice', auth: 'hmac' } },
  // platform profiles: the full preset, without webhooks, and a single entity
  ...(['shopify', 'woocommerce'] as const).flatMap((platform) => [
    { dir: platform, args: { platform } },
    { dir: `${platform}-no-webhooks`, args: { platform, webhooks: false } },
    { dir: `${platform}-customers`, args: { platform, entities: 'customer' } },
  ]),
  { dir: 'longest-shopify', name: 'abcdefghijklmnopqrst', args: { platform: 'shopify' } },
  { dir: 'woocommerce-products', args: { platform: 'woocommerce', entities: 'product' } },
  // the longest values the options accept still give lines within 88 columns
  {
    dir: 'longest-woocommerce',
    name: 'abcdefghijklmnopqrst',
    args: { platform: 'woocommerce', author: 'A'.repeat(68), apiUrl: `https://shop.example.com/${'v'.repeat(43)}` },
  },
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

const [flake8, black] = await Promise.all([optionalTool('flake8'), optionalTool('black')]);

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
  it('compile with python3', async () => expect(await compileErrors(root)).toBe(''));
  it('pass the pycodestyle and pyflakes rules at 88 columns (Ruff)', () => expect(ruffLintErrors(root)).toBe(''));
  it('are black-formatted (Ruff formatter)', () => expect(ruffFormatErrors(root)).toBe(''));
  it.skipIf(flake8.missing)(flake8.title, async () => expect(await flake8Errors(root)).toBe(''));
  it.skipIf(black.missing)(black.title, async () => expect(await blackErrors(root)).toBe(''));
  it('have XML files that parse', () => expect(xmlErrors(root)).toEqual([]));
  it('have CSV files that parse with eight columns per row', () => expect(csvErrors(root)).toEqual([]));
  it('satisfy the install invariants: manifest data, imports, references, access rows', async () => {
    const report = await installProblems(root);
    expect(report.addons).toBeGreaterThanOrEqual(variants.length);
    expect(report.problems).toEqual([]);
  });
});
