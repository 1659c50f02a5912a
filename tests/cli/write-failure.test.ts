/** Output that cannot be written (`> /dev/full`) is exit 2 with one line, not a stack trace read as "findings". */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { binPath } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

function runTo(args: string[], cwd: string, stdoutPath: string): Promise<{ code: number | null; stderr: string }> {
  const fd = openSync(stdoutPath, 'w');
  const child = spawn('node', [binPath, ...args], { cwd, stdio: ['ignore', fd, 'pipe'] });
  closeSync(fd);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

it.each([
  ['validate --format sarif', ['validate', '.', '--format', 'sarif']],
  ['validate --format text', ['validate', '.']],
  ['init --dry-run', ['init', 'shopify', '--dry-run']],
])('%s to a full device: exit 2, one line naming the problem', async (_label, args) => {
  const cwd = tempDir('full');
  mkdirSync(join(cwd, 'a'));
  writeFileSync(join(cwd, 'a', '__manifest__.py'), '{"name": "A", "version": "1.0"}\n');
  const r = await runTo(args, cwd, '/dev/full');
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/cannot write the output: ENOSPC/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});
