/**
 * Round trips: `init`, then `add-binding` of every catalogue entity the connector lacks and of
 * models outside the catalogue. The grown addons must be what `init` output is: compiling,
 * clean under Ruff's pycodestyle/pyflakes rules and formatter (and flake8/black when installed),
 * parsing, installable by the structural checks, clean under validate; and running every
 * add-binding again must change nothing.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAddBinding } from '../../src/commands/add-binding.js';
import { runInit } from '../../src/commands/init.js';
import { runInitFramework } from '../../src/commands/init-framework.js';
import { memoryIo } from '../../src/io.js';
import { run } from '../../src/cli.js';
import { TYPES } from '../helpers/presets.js';
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
import { readTree } from '../helpers/tree.js';

const root = tempDir('add-binding');

/** What each connector type grows by (catalogue entities it lacks, then custom models). */
const GROWTH: Record<string, { entity: string; odooModel?: string; direction?: string }[]> = {
  ecommerce: [{ entity: 'invoice' }, { entity: 'shipment' }, { entity: 'purchase_order', odooModel: 'purchase.order', direction: 'both' }],
  logistics: [{ entity: 'order' }, { entity: 'payment' }, { entity: 'employee', odooModel: 'hr.employee' }],
  accounting: [{ entity: 'product' }, { entity: 'lead' }, { entity: 'task', odooModel: 'project.task', direction: 'import' }],
  crm: [{ entity: 'invoice' }, { entity: 'product' }, { entity: 'order' }, { entity: 'category', odooModel: 'product.category' }],
};

async function grow(addon: string, steps: (typeof GROWTH)[string]): Promise<void> {
  for (const step of steps) {
    const io = memoryIo(addon);
    const code = await runAddBinding(step.entity, undefined, { odooModel: step.odooModel, direction: step.direction }, io);
    expect(code, io.stderr.join('\n')).toBe(0);
  }
}

const [flake8, black] = await Promise.all([optionalTool('flake8'), optionalTool('black')]);

beforeAll(async () => {
  for (const type of TYPES) {
    const dir = join(root, type);
    mkdirSync(dir);
    expect(runInit('acme', { type, path: '.' }, memoryIo(dir))).toBe(0);
    await grow(join(dir, 'acme_connector'), GROWTH[type]!);
  }
  mkdirSync(join(root, 'framework'));
  expect(runInitFramework({ path: join(root, 'framework') }, memoryIo(root))).toBe(0);
});

describe('connectors grown by add-binding', () => {
  it('compile with python3', async () => expect(await compileErrors(root)).toBe(''));
  it('pass the pycodestyle and pyflakes rules at 88 columns (Ruff)', () => expect(ruffLintErrors(root)).toBe(''));
  it('are black-formatted (Ruff formatter)', () => expect(ruffFormatErrors(root)).toBe(''));
  it.skipIf(flake8.missing)(flake8.title, async () => expect(await flake8Errors(root)).toBe(''));
  it.skipIf(black.missing)(black.title, async () => expect(await blackErrors(root)).toBe(''));
  it('have XML and CSV files that parse', () => {
    expect(xmlErrors(root)).toEqual([]);
    expect(csvErrors(root)).toEqual([]);
  });
  it('satisfy the install invariants', async () => {
    const report = await installProblems(root);
    expect(report.problems).toEqual([]);
  });

  it.each(TYPES)('%s: validate reports no error', async (type) => {
    const io = memoryIo(root);
    const code = await run(['validate', join(root, type), '--addons-path', join(root, 'framework'), '--format', 'json'], io);
    const report = JSON.parse(io.stdout.join('\n')) as { results?: unknown[] } & Record<string, unknown>;
    expect(io.stdout.join('\n')).not.toMatch(/"severity": "error"/);
    expect(code, JSON.stringify(report).slice(0, 2000)).toBe(0);
  });

  it("exports a dependency through the binding the addon has for its model (a CRM's contact serves an invoice's customer)", () => {
    const test = readFileSync(join(root, 'crm', 'acme_connector', 'tests', 'test_account_move.py'), 'utf8');
    expect(test).toContain('("POST", "/contacts"): {"id": 2001}');
    expect(test).not.toContain('/customers');
  });

  it.each(TYPES)('%s: running every add-binding again changes nothing', async (type) => {
    const addon = join(root, type, 'acme_connector');
    const before = readTree(addon);
    for (const step of GROWTH[type]!) {
      const io = memoryIo(addon);
      const code = await runAddBinding(step.entity, undefined, { odooModel: step.odooModel, direction: step.direction }, io);
      expect(code, io.stderr.join('\n')).toBe(0);
      expect(io.stdout.join('\n')).toMatch(/nothing to do/);
    }
    expect(readTree(addon)).toEqual(before);
  });
});
