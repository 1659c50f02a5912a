/**
 * ts-morph carries the TypeScript compiler (~1.7 s to import): only `--from-types` may load it,
 * through dynamic imports, so that every other command starts without it.
 */
import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';

const STATIC_IMPORT = (name: string): RegExp => new RegExp(`^import (?!type )[^;]*from '${name}'`, 'm');

describe('ts-morph is loaded lazily', () => {
  const sources = globSync('src/**/*.ts').map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('no module imports ts-morph, or the module reading declarations, statically', () => {
    const offenders = sources
      .filter(({ text }) => STATIC_IMPORT('ts-morph').test(text) || STATIC_IMPORT('(\\.\\./apispec|\\.)/read-types\\.js').test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('the declarations reader imports it dynamically, and is itself imported dynamically', () => {
    const reader = sources.find(({ file }) => file === 'src/apispec/read-types.ts')!.text;
    expect(reader).toContain("await import('ts-morph')");
    const users = sources.filter(({ text }) => /await import\('(\.\.\/apispec|\.)\/read-types\.js'\)/.test(text)).map(({ file }) => file);
    expect(users.sort()).toEqual(['src/apispec/plan-from-spec.ts', 'src/commands/init.ts']);
  });
});
