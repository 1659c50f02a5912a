#!/usr/bin/env node
// Bundles the compiled CLI (dist/, from tsc) into dist/bundle/, the code bin/odoo-connector.js runs.
// Why: `validate` on one addon is a start-up-bound command (issue #12: <= 0.3 s). Unbundled, Node
// resolves, reads and compiles some 150 ES modules one by one; bundled, the CLI is one module, and
// validate (engine, readers and every rule) one more chunk loaded when validate runs. The other
// commands stay separate chunks too, so `--help` or `init` do not load validate's code. Packages
// under node_modules stay external (imported where and when the source imports them), except
// commander and chalk, which every command loads first: inlined, they spare Node ~10 files to
// resolve and read (~0.02 s CPU); commander is CommonJS, hence the `require` the banner defines.
// JSON data loaded lazily (the 600 KB baseline) stays external: Node's JSON parser reads it faster
// than the same data compiled as a JavaScript literal; small JSON imported statically is inlined. dist/bundle/ sits at the same depth as dist/util/,
// so paths the code derives from import.meta.url (package root, templates) are the same.
// Run by `npm run build` after tsc.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');

/** Keeps dynamic JSON imports as imports of the file tsc copied into dist/, relative to the bundle. */
const externalJson = {
  name: 'external-json',
  setup(b) {
    b.onResolve({ filter: /\.json$/ }, (args) => {
      if (args.kind !== 'dynamic-import' || !args.path.startsWith('.')) return undefined;
      const target = resolve(args.resolveDir, args.path);
      return { path: `./${relative(outdir, target).split('\\').join('/')}`, external: true };
    });
  },
};

/** Loaded by every command, so bundled; the other dependencies stay external. */
const INLINED = new Set(['commander', 'chalk']);
const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(outdir, { recursive: true, force: true });
await build({
  // The worker keeps its own entry: pool.js starts it as new URL('./worker.js', import.meta.url).
  entryPoints: { cli: join(dist, 'cli.js'), worker: join(dist, 'validate', 'worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(dependencies).filter((name) => !INLINED.has(name)),
  // Bundled CommonJS (commander) calls require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __ocCreateRequire } from 'node:module'; const require = __ocCreateRequire(import.meta.url);" },
  plugins: [externalJson],
  chunkNames: '[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
});
