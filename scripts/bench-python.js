#!/usr/bin/env node
// Times our Python reader over every .py file of the folders given, in FRESH processes: the first
// pass is what `validate` pays in each thread, JIT warm-up included, so each run is a new process
// and the number kept is the best CPU time (user + system) of its first round. Run after
// `npm run build`:
//   node scripts/bench-python.js MODE [main|tests|all] [runs=3] FOLDER...
// MODE: tok (tokenizer), parse (parseModule), facts (parsePython: parse + facts). `main` keeps
// files outside tests/ folders, `tests` those inside. BENCH_DIST=path/to/dist times another build (before/after).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.env.BENCH_DIST ?? new URL('../dist', import.meta.url).pathname;

if (process.argv[2] === '--child') {
  const [, , , mode, which, ...roots] = process.argv;
  const files = [];
  const skip = new Set(['static', 'i18n', 'i18n_extra', '.git', 'node_modules', '__pycache__']);
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!skip.has(e.name)) walk(join(d, e.name));
      } else if (e.name.endsWith('.py')) files.push(join(d, e.name));
    }
  };
  roots.forEach(walk);
  const texts = files.filter((f) => which === 'all' || /\/tests\//.test(f) === (which === 'tests')).map((f) => readFileSync(f, 'utf8'));
  const { tokenize } = await import(`${dist}/odoo/python/tokenizer.js`);
  const { parseModule } = await import(`${dist}/odoo/python/parser.js`);
  const { parsePython } = await import(`${dist}/odoo/python.js`);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const s of texts) {
    if (mode === 'tok') tokenize(s);
    else if (mode === 'parse') parseModule(s);
    else await parsePython(s);
  }
  const c = process.cpuUsage(c0);
  const mb = texts.reduce((n, s) => n + s.length, 0) / 1e6;
  console.log(JSON.stringify({ files: texts.length, mb, wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 }));
} else {
  const [mode = 'parse', which = 'all'] = process.argv.slice(2);
  const rest = process.argv.slice(4);
  const runs = Number(rest.find((a) => /^\d+$/.test(a)) ?? 3);
  const roots = rest.filter((a) => !/^\d+$/.test(a));
  if (!roots.length) {
    console.error('usage: node scripts/bench-python.js tok|parse|facts main|tests|all [runs] FOLDER...');
    process.exit(2);
  }
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--child', mode, which, ...roots], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    results.push(JSON.parse(r.stdout));
  }
  const best = (k) => Math.min(...results.map((r) => r[k])).toFixed(0);
  const { files, mb } = results[0];
  console.log(`${mode} ${which}: ${files} files, ${mb.toFixed(1)} MB, first pass in a fresh process, best of ${runs}: ${best('cpu')} ms CPU, ${best('wall')} ms wall`);
}
