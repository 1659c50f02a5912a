/**
 * The guides of references/ quote generated code. Every fence announced by
 * `<!-- generated: <path> <options> -->` must still appear, verbatim, in the file an addon freshly
 * generated with those options holds, so the guides cannot drift from the templates.
 *
 * - `<path>` is relative to the folder generation writes into: `shopify_connector/components/adapter.py`
 *   (the addon folder names the connector: `init shopify`), or `generic_connector/models/generic_backend.py`.
 * - `<options>`: `framework` (written by `init-framework`), or `key=value` pairs passed to `init`:
 *   `type`, `auth`, `entities`, `webhooks=false`, `platform` (default `generic`).
 * - Matching ignores trailing whitespace and the indentation of each block as a whole (relative
 *   indentation must hold); a line `# ...` or `<!-- ... -->` alone means "lines omitted here":
 *   the pieces around it must appear in that order.
 * - `<!-- edited: ... -->` fences are edits of the generated code and are not checked.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInit, type InitOptions } from '../../src/commands/init.js';
import { runInitFramework } from '../../src/commands/init-framework.js';
import { memoryIo } from '../../src/io.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const referencesDir = join(repoRoot, 'references');
const rulesDir = join(repoRoot, 'src', 'validate', 'rules');
const readmeTemplate = join(repoRoot, 'templates', 'connector', 'README.rst.hbs');

/** The guides issue 6 asks for, plus the two references they link to. */
const GUIDES = ['architecture.md', 'patterns.md', 'api_integration.md', 'authentication.md', 'troubleshooting.md'];
const LINKED = [...GUIDES, 'rules.md', 'framework-api.md'];

interface Fragment {
  guide: string;
  line: number;
  path: string;
  options: string;
  lang: string;
  body: string[];
}

const MARKER = /^<!--\s*generated:\s*(\S+)\s*(.*?)\s*-->\s*$/;
const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)\s*$/;

export function parseFragments(guide: string, text: string): Fragment[] {
  const lines = text.split(/\r?\n/);
  const fragments: Fragment[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i].trim());
    if (!marker) continue;
    const open = FENCE_OPEN.exec(lines[i + 1] ?? '');
    if (!open) throw new Error(`${guide}:${i + 1}: a generated marker must be followed by a code fence`);
    const fence = open[2];
    const body: string[] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].trim() !== fence; j++) body.push(lines[j]);
    if (j >= lines.length) throw new Error(`${guide}:${i + 1}: unclosed code fence`);
    fragments.push({ guide, line: i + 1, path: marker[1], options: marker[2], lang: open[3], body });
    i = j;
  }
  return fragments;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isOmission = (line: string) => /^(#\s*\.\.\.|<!--\s*\.\.\.\s*-->)$/.test(line.trim());

/** Splits a fence at its omission lines and strips the trailing whitespace of each line. */
export function pieces(body: string[]): string[][] {
  const result: string[][] = [[]];
  for (const raw of body) {
    if (isOmission(raw)) result.push([]);
    else result[result.length - 1].push(raw.trimEnd());
  }
  return result
    .map((piece) => {
      // leading and trailing blank lines carry no meaning
      let start = 0;
      let end = piece.length;
      while (start < end && piece[start] === '') start++;
      while (end > start && piece[end - 1] === '') end--;
      return piece.slice(start, end);
    })
    .filter((piece) => piece.length > 0);
}

/** Index of the first line at or after `from` where `piece` occurs with a uniform indentation shift. */
export function findPiece(file: string[], piece: string[], from: number): number {
  const minIndent = Math.min(...piece.filter((l) => l !== '').map(indentOf));
  const dedented = piece.map((l) => (l === '' ? '' : l.slice(minIndent)));
  for (let i = from; i + dedented.length <= file.length; i++) {
    const first = file[i];
    if (first.trim() === '' || first.trimStart() !== dedented[0].trimStart()) continue;
    const shift = indentOf(first) - indentOf(dedented[0]);
    if (shift < 0) continue;
    const pad = ' '.repeat(shift);
    const matches = dedented.every((line, k) => {
      const actual = file[i + k];
      return line === '' ? actual.trim() === '' : actual === pad + line;
    });
    if (matches) return i;
  }
  return -1;
}

/** Returns a description of the first piece that is missing, or `null` when all match in order. */
export function matchFragment(fileText: string, body: string[]): string | null {
  const file = fileText.split(/\r?\n/).map((l) => l.trimEnd());
  let cursor = 0;
  for (const piece of pieces(body)) {
    const at = findPiece(file, piece, cursor);
    if (at < 0) return piece.join('\n');
    cursor = at + piece.length;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Generation, once per option set

const workRoot = mkdtempSync(join(tmpdir(), 'odoo-connector-references-'));
afterAll(() => rmSync(workRoot, { recursive: true, force: true }));
const generated = new Map<string, string>();

function parseOptions(fragment: Fragment): { framework: true } | { framework: false; name: string; options: InitOptions } {
  const tokens = fragment.options.split(/\s+/).filter(Boolean);
  if (tokens.includes('framework')) return { framework: true };
  const folder = fragment.path.split('/')[0];
  if (!folder.endsWith('_connector')) {
    throw new Error(`${fragment.guide}:${fragment.line}: ${fragment.path} must start with <name>_connector/ or use "framework"`);
  }
  // the guides quote the generic profile (their examples are named shopify_connector)
  const options: InitOptions = { platform: 'generic' };
  for (const token of tokens) {
    const [key, value] = token.split('=');
    if (value === undefined) throw new Error(`${fragment.guide}:${fragment.line}: option "${token}" is not key=value`);
    if (key === 'type') options.type = value;
    else if (key === 'auth') options.auth = value;
    else if (key === 'entities') options.entities = value;
    else if (key === 'webhooks') options.webhooks = value !== 'false';
    else if (key === 'platform') options.platform = value;
    else throw new Error(`${fragment.guide}:${fragment.line}: unknown option "${key}"`);
  }
  return { framework: false, name: folder.slice(0, -'_connector'.length), options };
}

/** Folder holding the generated addon(s) for the fragment's options. */
function generatedRoot(fragment: Fragment): string {
  const parsed = parseOptions(fragment);
  const key = parsed.framework ? 'framework' : JSON.stringify([parsed.name, parsed.options]);
  let dir = generated.get(key);
  if (dir) return dir;
  dir = join(workRoot, `set-${generated.size}`);
  mkdirSync(dir);
  const io = memoryIo(dir);
  const code = parsed.framework ? runInitFramework({}, io) : runInit(parsed.name, { ...parsed.options }, io);
  if (code !== 0) throw new Error(`generation failed for ${key}: ${io.stderr.join('\n')}`);
  generated.set(key, dir);
  return dir;
}

const platformGuides = join(referencesDir, 'platforms');
const guideFiles = [
  ...readdirSync(referencesDir).filter((f) => f.endsWith('.md')),
  // the platform guides quote their profile's code (`platform=<key>`)
  ...(existsSync(platformGuides) ? readdirSync(platformGuides).filter((f) => f.endsWith('.md')).map((f) => `platforms/${f}`) : []),
].sort();
const fragments = guideFiles.flatMap((guide) => parseFragments(guide, readFileSync(join(referencesDir, guide), 'utf8')));

describe('generated fragments of the guides', () => {
  it('finds fragments to check', () => {
    expect(fragments.length).toBeGreaterThan(0);
  });

  it.each(fragments.map((f) => [`${f.guide}:${f.line} ${f.path} ${f.options}`, f] as const))('%s', (_label, fragment) => {
    const file = join(generatedRoot(fragment), fragment.path);
    expect(existsSync(file), `${fragment.path} is not generated with "${fragment.options}"`).toBe(true);
    const missing = matchFragment(readFileSync(file, 'utf8'), fragment.body);
    expect(missing, `${fragment.guide}:${fragment.line}: not found in ${fragment.path}:\n${missing}`).toBeNull();
  });
});

describe('the guides', () => {
  const readme = readFileSync(readmeTemplate, 'utf8');

  it.each(GUIDES)('%s exists', (guide) => {
    expect(existsSync(join(referencesDir, guide))).toBe(true);
  });

  it.each(LINKED)('%s is linked from the README of generated addons', (guide) => {
    expect(readme).toContain(`references/${guide}`);
  });

  it('names only rule ids that exist in troubleshooting.md', () => {
    const text = readFileSync(join(referencesDir, 'troubleshooting.md'), 'utf8');
    const ids = [...text.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    const known = new Set(readdirSync(rulesDir).map((f) => f.replace(/\.ts$/, '')));
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('the fragment matcher', () => {
  const file = ['class A:', '    def f(self):', '        x = 1', '', '        return x', 'y = 2'].join('\n');

  it('accepts a block with another indentation', () => {
    expect(matchFragment(file, ['def f(self):', '    x = 1'])).toBeNull();
  });

  it('accepts omissions between pieces in order', () => {
    expect(matchFragment(file, ['class A:', '    # ...', '    return x'])).toBeNull();
  });

  it('refuses pieces out of order, a changed line or a broken relative indentation', () => {
    expect(matchFragment(file, ['y = 2', '# ...', 'class A:'])).not.toBeNull();
    expect(matchFragment(file, ['x = 2'])).not.toBeNull();
    expect(matchFragment(file, ['def f(self):', 'x = 1'])).not.toBeNull();
  });
});
