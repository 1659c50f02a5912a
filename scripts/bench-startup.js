#!/usr/bin/env node
// Times `validate` on one addon, start-up included, over repeated runs (a tiny hyperfine): the
// command a developer or a pre-commit hook runs after each edit. Prints min / median / max of the
// wall time and of the CPU time (user + system of the child, from /usr/bin/time when it exists).
// Run after `npm run build`:
//   node scripts/bench-startup.js [addon folder] [runs=10]
// Without a folder it generates the framework and a Shopify connector into a temp dir and times
// shopify_connector alone. BENCH_BIN=path/to/cli.js times another build (a before/after pair).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = process.env.BENCH_BIN ?? new URL('../bin/odoo-connector.js', import.meta.url).pathname;
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
let addon = args.find((a) => !/^\d+$/.test(a));
let temp;
if (!addon) {
  temp = mkdtempSync(join(tmpdir(), 'oc-bench-startup-'));
  const cli = new URL('../bin/odoo-connector.js', import.meta.url).pathname;
  for (const argv of [['init-framework', '--path', join(temp, 'addons')], ['init', 'shopify', '--type', 'ecommerce', '--path', join(temp, 'addons')]]) {
    const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  }
  addon = join(temp, 'addons', 'shopify_connector');
}

const wall = [];
const cpu = [];
for (let i = 0; i < runs; i++) {
  const argv = [process.execPath, bin, 'validate', addon];
  const start = process.hrtime.bigint();
  const r = GNU_TIME ? spawnSync(GNU_TIME, ['-f', '@cpu %U %S', ...argv], { encoding: 'utf8' }) : spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' });
  wall.push(Number(process.hrtime.bigint() - start) / 1e9);
  if (r.status !== 0 && r.status !== 1) throw new Error(`validate exited ${r.status}: ${r.stderr}`);
  const m = /@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  if (m) cpu.push(Number(m[1]) + Number(m[2]));
}
if (temp) rmSync(temp, { recursive: true, force: true });
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${s[0].toFixed(2)} s, median ${s[Math.floor(s.length / 2)].toFixed(2)} s, max ${s[s.length - 1].toFixed(2)} s`;
};
console.log(`validate ${addon}: ${runs} runs`);
console.log(`  wall ${stats(wall)}`);
if (cpu.length) console.log(`  CPU  ${stats(cpu)}`);
