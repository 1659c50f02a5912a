/**
 * Runs the CLI two ways, as markdownlint-cli2's tests do: in-process through `run()` with
 * captured sinks, and as a child process through the real bin shim.
 */
import { join } from 'node:path';
import { execa } from 'execa';
import { run } from '../../src/cli.js';
import { memoryIo } from '../../src/io.js';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const binPath = join(import.meta.dirname, '..', '..', 'bin', 'odoo-connector.js');

export async function runInProcess(args: string[], cwd: string): Promise<CliResult> {
  const io = memoryIo(cwd);
  const exitCode = await run(args, io);
  return { exitCode, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

export async function runChild(args: string[], cwd: string): Promise<CliResult> {
  const result = await execa('node', [binPath, ...args], { cwd, reject: false, env: { NO_COLOR: '1' } });
  return { exitCode: result.exitCode ?? 2, stdout: result.stdout, stderr: result.stderr };
}
