#!/usr/bin/env node
// Regenerates tests/golden/<preset>/ on purpose: run `npm run golden`, then review the diff.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../dist/cli.js';
import { memoryIo } from '../dist/io.js';
import { GOLDEN_NAME, GOLDEN_PRESETS } from './golden-presets.js';

const goldenRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'golden');
for (const preset of GOLDEN_PRESETS) {
  const dir = join(goldenRoot, preset.name);
  rmSync(dir, { recursive: true, force: true });
  const io = memoryIo(goldenRoot);
  const args = ['init', GOLDEN_NAME, '--type', preset.type, '--path', preset.name, '--platform', preset.platform ?? 'generic'];
  if (preset.auth) args.push('--auth', preset.auth);
  const code = await run(args, io);
  if (code !== 0) {
    console.error(io.stderr.join('\n'));
    process.exit(code);
  }
  console.log(`updated tests/golden/${preset.name}/${GOLDEN_NAME}_connector`);
}
