/**
 * validate runs in CI on untrusted pull requests. A tree full of traps (link loops, links to /proc,
 * /dev/zero and files outside, FIFOs, sockets, a sparse file of gigabytes) must be checked quickly,
 * in every output format, without quoting anything from outside the scanned path.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { binPath } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const SECRET = 'S3CR3T-OUTSIDE-THE-TREE';
let base: string;
let repo: string;

beforeAll(() => {
  base = tempDir('hostile');
  repo = join(base, 'repo');
  const a = join(repo, 'a');
  mkdirSync(join(a, 'views'), { recursive: true });
  writeFileSync(join(a, '__init__.py'), 'from . import models\n');
  writeFileSync(join(a, '__manifest__.py'), `{"name": "A", "version": "16.0.1.0.0", "license": "LGPL-3", "depends": ["base"], "data": ["views/v.xml", "pipe.xml", "secret.xml", "../../secret.xml", "huge.xml", "zero.xml"]}\n`);
  writeFileSync(join(a, 'views', 'v.xml'), '<odoo><record id="r" model="res.partner"/></odoo>\n');
  // Outside the scanned path: a secret that would be quoted by a syntax error, and an addon.
  writeFileSync(join(base, 'secret.xml'), `<odoo>${SECRET}<</odoo>\n`);
  writeFileSync(join(base, 'secret.py'), `${SECRET} = (\n`);
  mkdirSync(join(base, 'outside_addon'));
  writeFileSync(join(base, 'outside_addon', '__manifest__.py'), `{"name": "${SECRET}"\n`);
  symlinkSync(join(base, 'secret.xml'), join(a, 'secret.xml'));
  symlinkSync(join(base, 'secret.py'), join(a, 'models.py'));
  symlinkSync('/dev/zero', join(a, 'zero.xml'));
  symlinkSync('/dev/zero', join(a, 'zero.py'));
  symlinkSync('/dev/urandom', join(a, 'views', 'random.py'));
  symlinkSync('/proc', join(a, 'proc'));
  symlinkSync('/proc', join(repo, 'proc'));
  symlinkSync('/', join(repo, 'root'));
  symlinkSync('.', join(a, 'here'));
  symlinkSync('.', join(repo, 'here'));
  symlinkSync('..', join(a, 'views', 'up'));
  symlinkSync(join(base, 'outside_addon'), join(repo, 'outside_addon'));
  execFileSync('mkfifo', [join(a, 'pipe.xml'), join(a, 'fifo.py')]);
  writeFileSync(join(a, 'huge.xml'), '');
  truncateSync(join(a, 'huge.xml'), 8 * 1024 ** 3);
});

describe('validate on a hostile tree', () => {
  it.each(['text', 'json', 'sarif', 'github'])('ends quickly in %s, checks the one addon, quotes nothing from outside', async (format) => {
    const r = await execa('node', [binPath, 'validate', '.', '--format', format], { cwd: repo, reject: false, timeout: 60_000, env: { NO_COLOR: '1' } });
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.exitCode);
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stdout).not.toContain('outside_addon');
    if (format === 'json') {
      const json = JSON.parse(r.stdout) as { addonCount: number; diagnostics: Array<{ ruleId: string; message: string }> };
      expect(json.addonCount).toBe(1);
      const skipped = json.diagnostics.filter((d) => d.ruleId === 'file-skipped').map((d) => d.message);
      for (const name of ['pipe.xml', 'fifo.py', 'huge.xml', 'zero.xml', 'zero.py', 'views/random.py', 'secret.xml', '../../secret.xml', 'models.py']) {
        expect(skipped.some((m) => m.includes(`"${name}"`)), name).toBe(true);
      }
    }
  });
});
