/**
 * @fileoverview Output sinks handed to commands, so tests capture what a command prints and
 * commands never touch `console` directly.
 */
import { fstatSync, ftruncateSync } from 'node:fs';
import { Chalk, type ChalkInstance } from 'chalk';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Colours for human output: off under NO_COLOR or when stdout is not a TTY. */
  color: ChalkInstance;
  /** Working directory commands resolve relative paths against. */
  cwd: string;
}

export function colorEnabled(env: NodeJS.ProcessEnv, isTty: boolean | undefined): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(isTty);
}

let pipeGuarded = false;

/**
 * A closed pipe (`odoo-connector … | head`) ends the process quietly instead of crashing. Any other
 * write failure (`> /dev/full`, a full disk, a closed descriptor) is exit 2 with one line, and a
 * file stdout was redirected to is cut back to its size before the run, so CI never reads a
 * truncated report as a complete one.
 */
function guardStdout(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  let fileSize: number | undefined;
  try {
    const stat = fstatSync(1);
    if (stat.isFile()) fileSize = stat.size;
  } catch {
    // No stdout at all: the first write fails and is reported below.
  }
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    try {
      if (fileSize !== undefined) ftruncateSync(1, fileSize);
    } catch {
      // The report stays cut; the message and the exit code say so.
    }
    process.stderr.write(`error cannot write the output: ${error.code ?? 'write failed'} (${error.message.replace(/^\w+: /, '').split(',')[0]}); the report is incomplete and was not kept.\n`);
    process.exit(2);
  });
}

export function processIo(): Io {
  guardStdout();
  const enabled = colorEnabled(process.env, process.stdout.isTTY);
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    color: new Chalk({ level: enabled ? 1 : 0 }),
    cwd: process.cwd(),
  };
}

/** An Io that records everything; used by tests and by `--json` composition. */
export function memoryIo(cwd: string = process.cwd()): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    color: new Chalk({ level: 0 }),
    cwd,
  };
}
