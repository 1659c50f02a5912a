import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../../src/odoo/addon-files.js';
import { checkAddons } from '../../../src/validate/engine.js';
import { MANIFEST, runRuleTests, writeAddon } from '../rule-tester.js';

describe('file-skipped', () => {
  runRuleTests('file-skipped', {
    valid: [
      { name: 'plain files', files: { '__manifest__.py': MANIFEST('"data": ["views/a.xml"]'), 'views/a.xml': '<odoo/>', 'models/x.py': 'x = 1\n' } },
      { name: 'a file of exactly the limit', files: { '__manifest__.py': MANIFEST('"data": ["a.sql"]'), 'a.sql': ' '.repeat(MAX_FILE_BYTES) } },
      { name: 'a normalised path inside the addon', files: { '__manifest__.py': MANIFEST('"data": ["./views/../views/a.xml"]'), 'views/a.xml': '<odoo/>' } },
    ],
    invalid: [
      {
        name: 'a data file one byte over the limit',
        files: { '__manifest__.py': '{\n    "name": "X",\n    "data": ["big.xml"],\n}\n', 'big.xml': `<odoo>${' '.repeat(MAX_FILE_BYTES - 12)}</odoo>` },
        errors: [{ messageId: 'tooLarge', line: 3, column: 14, data: { file: 'big.xml', limit: '5 MB' } }],
      },
      { name: 'a Python module over the limit', files: { '__manifest__.py': MANIFEST(), 'models/big.py': '#'.repeat(MAX_FILE_BYTES + 1) }, errors: [{ messageId: 'tooLarge', file: 'models/big.py', line: 1, column: 1 }] },
      {
        name: 'a data path leaving the addon',
        files: { '__manifest__.py': '{\n    "name": "X",\n    "data": ["../secret.xml"],\n}\n', '../secret.xml': '<odoo/>' },
        errors: [{ messageId: 'outside', line: 3, column: 14, data: { file: '../secret.xml', limit: '5 MB' } }],
      },
    ],
  });

  /** Findings of this rule on an addon prepared by `setup` (links and special files the tester cannot write). */
  async function findings(setup: (dir: string, root: string) => void, data: string[] = []): Promise<string[]> {
    const { dir, root } = writeAddon({ '__manifest__.py': MANIFEST(`"data": ${JSON.stringify(data)}`) });
    setup(dir, root);
    const r = await checkAddons([dir], { cwd: dir, only: ['file-skipped'] });
    return r.diagnostics.map((d) => `${d.file}:${d.line} ${d.messageId}`);
  }

  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('skips a FIFO listed in data, and one named like a module', async () => {
    const found = await findings((dir) => {
      execFileSync('mkfifo', [join(dir, 'data.xml'), join(dir, 'pipe.py')]);
    }, ['data.xml']);
    expect(found).toEqual(['__manifest__.py:1 notRegular', 'pipe.py:1 notRegular']);
  });

  it('skips a socket', async () => {
    const found = await findings((dir) => {
      const server = createServer().listen(join(dir, 'sock.py'));
      servers.push(server);
      execFileSync('test', ['-S', join(dir, 'sock.py')]);
    });
    expect(found).toEqual(['sock.py:1 notRegular']);
  });

  it('skips a sparse file of a gigabyte without reading it', async () => {
    const found = await findings((dir) => {
      writeFileSync(join(dir, 'huge.xml'), '');
      truncateSync(join(dir, 'huge.xml'), 1024 ** 3);
    }, ['huge.xml']);
    expect(found).toEqual(['__manifest__.py:1 tooLarge']);
  });

  it('skips links to devices, to files and folders outside, and chains that end outside', async () => {
    const found = await findings((dir, root) => {
      writeFileSync(join(root, 'secret.py'), 'TOKEN = "s3cr3t"\n');
      mkdirSync(join(root, 'elsewhere'));
      writeFileSync(join(root, 'elsewhere', 'x.xml'), '<odoo/>');
      symlinkSync('/dev/zero', join(dir, 'zero.py'));
      symlinkSync(join(root, 'secret.py'), join(dir, 'secret.py'));
      symlinkSync('secret.py', join(dir, 'chain.py'));
      symlinkSync(join(root, 'elsewhere'), join(dir, 'elsewhere'));
      symlinkSync(join(root, 'elsewhere', 'x.xml'), join(dir, 'data.xml'));
    }, ['data.xml', 'elsewhere/x.xml']);
    expect(found).toEqual(['__manifest__.py:1 outside', '__manifest__.py:1 outside', 'chain.py:1 outside', 'secret.py:1 outside', 'zero.py:1 outside']);
  });

  it('follows links inside the addon (to files, folders, through chains), and ends link loops', async () => {
    const { dir } = writeAddon({
      '__manifest__.py': MANIFEST('"data": ["views/a.xml", "alias/a.xml", "loop/loop/views/a.xml"]'),
      'views/a.xml': '<odoo><record id="x" model="res.partner"/></odoo>',
      'models/m.py': 'x = (\n',
    });
    symlinkSync('views', join(dir, 'alias'));
    symlinkSync('.', join(dir, 'loop'));
    symlinkSync('..', join(dir, 'views', 'up'));
    symlinkSync('m.py', join(dir, 'models', 'link.py'));
    symlinkSync('link.py', join(dir, 'models', 'chain.py'));
    const r = await checkAddons([dir], { cwd: dir, only: ['file-skipped', 'manifest-missing-file', 'python-syntax'] });
    expect(r.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['models/chain.py python-syntax', 'models/link.py python-syntax', 'models/m.py python-syntax']);
  });

  it('reports a dangling link as a missing file, not a skipped one', async () => {
    const { dir } = writeAddon({ '__manifest__.py': MANIFEST('"data": ["gone.xml"]') });
    symlinkSync('nowhere.xml', join(dir, 'gone.xml'));
    const r = await checkAddons([dir], { cwd: dir, only: ['file-skipped', 'manifest-missing-file'] });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['manifest-missing-file']);
  });
});
