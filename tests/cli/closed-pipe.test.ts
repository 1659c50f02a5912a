/** `odoo-connector … | head` closes the pipe early: the CLI must end quietly, not crash. */
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { binPath } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

it('ends quietly when its output pipe is closed early', async () => {
  // a dry run prints one line per file: many writes after the pipe closes
  const cwd = tempDir('pipe');
  const child = spawn('node', [binPath, 'init', 'shopify', '--dry-run'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Read one chunk, then close the pipe as `head -1` would.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|Unhandled/);
  expect(code).toBe(0);
});
