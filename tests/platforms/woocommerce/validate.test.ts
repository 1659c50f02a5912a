/**
 * The WooCommerce addon passes `validate` with no finding of severity error, with every entity
 * and with the smallest entity sets the profile accepts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli.js';
import { runInit } from '../../../src/commands/init.js';
import { runInitFramework } from '../../../src/commands/init-framework.js';
import { memoryIo } from '../../../src/io.js';
import { tempDir } from '../../helpers/temp.js';

const root = tempDir('woocommerce-validate');
const VARIANTS: Record<string, Parameters<typeof runInit>[1]> = {
  all: { platform: 'woocommerce' },
  customers: { platform: 'woocommerce', entities: 'customer', webhooks: false },
  products: { platform: 'woocommerce', entities: 'product' },
};

beforeAll(() => {
  for (const [dir, options] of Object.entries(VARIANTS)) {
    mkdirSync(join(root, dir));
    const io = memoryIo(join(root, dir));
    expect(runInit('woocommerce', { ...options, path: '.' }, io), io.stderr.join('\n')).toBe(0);
  }
  mkdirSync(join(root, 'framework'));
  expect(runInitFramework({ path: join(root, 'framework') }, memoryIo(root))).toBe(0);
});

describe('validate on the WooCommerce addon', () => {
  it.each(Object.keys(VARIANTS))('%s: reports no error', async (dir) => {
    const io = memoryIo(root);
    const code = await run(['validate', join(root, dir), '--addons-path', join(root, 'framework'), '--format', 'json'], io);
    const output = io.stdout.join('\n');
    expect(output).not.toMatch(/"severity": "error"/);
    expect(code, output.slice(0, 2000)).toBe(0);
  });
});
