#!/usr/bin/env node
// `npm run bench`: wall time of the commands on this machine (a benchmark, not a test).
// Prints one line per measurement; validate numbers come from scripts/bench-validate.js when present.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { run } from '../dist/cli.js';
import { memoryIo } from '../dist/io.js';

const RUNS = 5;
const here = dirname(fileURLToPath(import.meta.url));

async function time(label, args) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'odoo-connector-bench-'));
    const io = memoryIo(dir);
    const start = performance.now();
    const code = await run(args, io);
    samples.push(performance.now() - start);
    rmSync(dir, { recursive: true, force: true });
    if (code !== 0) throw new Error(`${label} failed: ${io.stderr.join('\n')}`);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(32)} median ${samples[Math.floor(RUNS / 2)].toFixed(1)} ms  min ${samples[0].toFixed(1)} ms  (${RUNS} runs)`);
}

for (const type of ['ecommerce', 'logistics', 'accounting', 'crm']) {
  await time(`init --type ${type}`, ['init', 'acme', '--type', type, '--path', '.']);
}
await time('init-framework', ['init-framework', '--path', '.']);

const validateBench = join(here, 'bench-validate.js');
if (existsSync(validateBench)) await import(validateBench);
await import(join(here, 'bench-apispec.js'));
