/**
 * @fileoverview `--help` must not load the Python reader nor the rules: a child process registers
 * an ESM loader hook (module.register) that reports every resolved module URL, imports
 * dist/cli.js, runs `--help` and `validate --help`, then checks what resolved. A run of `validate`
 * on a generated connector addon proves the hook does see the reader when it loads, and that
 * validate never loads tree-sitter (only the scaffolding edits use it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { memoryIo } from '../../src/io.js';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
/** What bin/odoo-connector.js runs (scripts/bundle.js). */
const bundledCli = join(root, 'dist', 'bundle', 'cli.js');

const HOOK = `let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  port.postMessage(r.url);
  return r;
}`;

function resolvedDuring(argv: string[], entry = cli): { code: number; urls: string[] } {
  const script = `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const urls = [];
port1.on('message', (u) => urls.push(u));
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOK)}), { data: { port: port2 }, transferList: [port2] });
const { run } = await import(${JSON.stringify(new URL(`file://${entry}`).href)});
const io = { out() {}, err() {}, color: { red: (s) => s }, cwd: process.cwd() };
const code = await run(${JSON.stringify(argv)}, io);
await new Promise((r) => setTimeout(r, 100));
port1.close();
process.stdout.write(JSON.stringify({ code, urls }));
`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { code: number; urls: string[] };
}

describe('startup cost of --help', () => {
  it.skipIf(!existsSync(cli))('--help and validate --help do not load the Python reader nor tree-sitter', () => {
    for (const argv of [['--help'], ['validate', '--help']]) {
      const { code, urls } = resolvedDuring(argv);
      expect(code).toBe(0);
      expect(urls.some((u) => u.endsWith('/dist/cli.js')), 'the hook sees the CLI').toBe(true);
      expect(urls.filter((u) => /web-tree-sitter|tree-sitter-python|\/odoo\/python\/|\/validate\/rules\//.test(u))).toEqual([]);
    }
  });
  it.skipIf(!existsSync(cli))('validate of a generated connector reads its Python without loading tree-sitter', () => {
    const root = mkdtempSync(join(tmpdir(), 'oc-help-'));
    const io = memoryIo(root);
    expect(runInit('shop', { type: 'ecommerce', path: '.' }, io), io.stderr.join('\n')).toBe(0);
    const dir = join(root, 'shop_connector');
    const { urls } = resolvedDuring(['validate', dir]);
    expect(urls.some((u) => u.endsWith('/dist/odoo/python/parser.js')), 'the hook sees the Python reader').toBe(true);
    expect(urls.filter((u) => /tree-sitter/.test(u))).toEqual([]);
  });
});

describe('startup cost of the bundle', () => {
  const bundleFiles = (urls: string[]): string[] => [...new Set(urls)].filter((u) => u.includes('/dist/bundle/')).map((u) => u.slice(u.lastIndexOf('/') + 1));
  it.skipIf(!existsSync(bundledCli))('--help loads the CLI module and none of validate\'s code', () => {
    const { code, urls } = resolvedDuring(['--help'], bundledCli);
    expect(code).toBe(0);
    const files = bundleFiles(urls);
    expect(files).toContain('cli.js');
    expect(files.filter((f) => /^(validate|init|add-binding|pool)-/.test(f))).toEqual([]);
    expect(urls.filter((u) => /tree-sitter|handlebars|js-yaml|ts-morph/.test(u))).toEqual([]);
  });
  it.skipIf(!existsSync(bundledCli))('validate loads a handful of bundled modules, not one per source file', () => {
    const root = mkdtempSync(join(tmpdir(), 'oc-bundle-'));
    const io = memoryIo(root);
    expect(runInit('shop', { type: 'ecommerce', path: '.' }, io), io.stderr.join('\n')).toBe(0);
    const { code, urls } = resolvedDuring(['validate', join(root, 'shop_connector')], bundledCli);
    expect(code).toBe(0);
    const files = bundleFiles(urls);
    expect(files.some((f) => f.startsWith('validate-'))).toBe(true);
    expect(files.length).toBeLessThanOrEqual(20);
    expect(urls.filter((u) => u.includes('/dist/') && !u.includes('/dist/bundle/') && !u.endsWith('.json'))).toEqual([]);
    expect(urls.filter((u) => /tree-sitter|handlebars|ts-morph/.test(u))).toEqual([]);
  });
  it.skipIf(!existsSync(bundledCli))('the shipped command reads the core views and fields the bundle does not hold (baseline data files)', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'oc-bundle-core-')), 'x_sale_ext');
    mkdirSync(join(dir, 'views'), { recursive: true });
    writeFileSync(join(dir, '__init__.py'), '');
    writeFileSync(join(dir, '__manifest__.py'), '{"name": "X", "license": "LGPL-3", "depends": ["sale"], "data": ["views/sale_order_views.xml"]}\n');
    const arch = `<xpath expr="//page[@name='no_such_page']" position="inside"><group /></xpath>`;
    writeFileSync(
      join(dir, 'views', 'sale_order_views.xml'),
      `<odoo><record id="view_order_form_x" model="ir.ui.view"><field name="name">x</field><field name="model">sale.order</field><field name="inherit_id" ref="sale.view_order_form" /><field name="arch" type="xml">${arch}</field></record></odoo>\n`,
    );
    const r = spawnSync(process.execPath, [join(root, 'bin', 'odoo-connector.js'), 'validate', dir, '--format', 'json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const ids = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('view-inherit-not-found');
  });
});
