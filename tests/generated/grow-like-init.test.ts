/**
 * add-binding of a catalogue entity gives the addon `init` writes with it: `init --entities a`
 * then `add-binding b` must write the same files, byte for byte, as `init --entities a,b`, for
 * every catalogue entity b and every connector type (the backend fields and form parts of an
 * entity, its README row and syncs, the tests and mappings of the other bindings that use it).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAddBinding } from '../../src/commands/add-binding.js';
import { runInit } from '../../src/commands/init.js';
import { memoryIo } from '../../src/io.js';
import { ENTITY_CATALOGUE } from '../../src/scaffold/catalogue.js';
import { parseEntities } from '../../src/scaffold/context.js';
import { TYPES } from '../helpers/presets.js';
import { tempDir } from '../helpers/temp.js';
import { formatConfig } from '../../src/scaffold/config-file.js';
import { readTree } from '../helpers/tree.js';

/**
 * The tree without the one thing growing adds by design: `.odoo-connector.json` records the
 * bindings added since init under `added` (init --force replays them); the rest is identical.
 */
function withoutHistory(tree: Record<string, string>): Record<string, string> {
  const config = JSON.parse(tree['.odoo-connector.json']!) as Record<string, unknown>;
  expect(config.added).toBeInstanceOf(Array);
  delete config.added;
  const init = formatConfig(config as Parameters<typeof formatConfig>[0]);
  return { ...tree, '.odoo-connector.json': init };
}

const root = tempDir('grow-like-init');
const BINDINGS = Object.values(ENTITY_CATALOGUE).filter((spec) => !spec.featureOf);

/** What the connector starts with: what b requires, or another entity binding another model. */
function startingEntities(type: (typeof TYPES)[number], key: string): string[] {
  const spec = ENTITY_CATALOGUE[key]!;
  if (spec.requires.length) return spec.requires;
  const other = BINDINGS.find(
    (candidate) =>
      candidate.key !== key &&
      parseEntities(type, [candidate.key]).every((k) => ENTITY_CATALOGUE[k]!.odooModel !== spec.odooModel),
  );
  return [other!.key];
}

const CASES = TYPES.flatMap((type) => BINDINGS.map((spec) => [type, spec.key, startingEntities(type, spec.key)] as const));

describe('init then add-binding writes what init writes with the entity', () => {
  it.each(CASES)('%s: %s added to %j', async (type, key, start) => {
    const dir = join(root, `${type}-${key}`);
    mkdirSync(join(dir, 'grown'), { recursive: true });
    mkdirSync(join(dir, 'init'));
    expect(runInit('acme', { type, entities: start.join(','), path: '.' }, memoryIo(join(dir, 'grown')))).toBe(0);
    const io = memoryIo(join(dir, 'grown', 'acme_connector'));
    expect(await runAddBinding(key, undefined, {}, io), io.stderr.join('\n')).toBe(0);
    expect(io.stdout.join('\n')).not.toMatch(/yourself|compare it/);
    expect(runInit('acme', { type, entities: [...start, key].join(','), path: '.' }, memoryIo(join(dir, 'init')))).toBe(0);
    expect(withoutHistory(readTree(join(dir, 'grown', 'acme_connector')))).toEqual(readTree(join(dir, 'init', 'acme_connector')));
  });
});

/** Each type's preset bindings, grown one by one from the first; then most of the catalogue. */
const CHAINS: [string, (typeof TYPES)[number], string[]][] = [
  ...TYPES.map((type) => {
    const keys = parseEntities(type, undefined).filter((key) => !ENTITY_CATALOGUE[key]!.featureOf);
    return [`${type} preset`, type, keys] as [string, (typeof TYPES)[number], string[]];
  }),
  ['the catalogue from a shipment', 'logistics', ['shipment', 'customer', 'product', 'order', 'invoice', 'payment', 'lead']],
];

describe('a connector grown entity by entity is the connector init writes', () => {
  it.each(CHAINS)('%s', async (label, type, keys) => {
    const dir = join(root, label.replace(/\W+/g, '-'));
    mkdirSync(join(dir, 'grown'), { recursive: true });
    mkdirSync(join(dir, 'init'));
    expect(runInit('acme', { type, entities: keys[0], path: '.' }, memoryIo(join(dir, 'grown')))).toBe(0);
    for (const key of keys.slice(1)) {
      const io = memoryIo(join(dir, 'grown', 'acme_connector'));
      expect(await runAddBinding(key, undefined, {}, io), io.stderr.join('\n')).toBe(0);
    }
    expect(runInit('acme', { type, entities: keys.join(','), path: '.' }, memoryIo(join(dir, 'init')))).toBe(0);
    expect(withoutHistory(readTree(join(dir, 'grown', 'acme_connector')))).toEqual(readTree(join(dir, 'init', 'acme_connector')));
  });
});
