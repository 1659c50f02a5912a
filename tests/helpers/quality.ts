/**
 * The checks of what generated code *is*, over a folder of addons: python3 compiles it, flake8
 * and black accept it, XML and CSV parse, and tests/helpers/check_addons.py finds the install
 * invariants of FRAMEWORK-SPEC D0 intact. Each returns the tool's complaints ('' when clean).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { execa } from 'execa';
import { XMLValidator } from 'fast-xml-parser';
import { globSync } from 'tinyglobby';

const checker = join(import.meta.dirname, 'check_addons.py');

async function tool(command: string, args: string[]): Promise<{ exitCode: number; output: string }> {
  const result = await execa(command, args, { reject: false, all: true });
  if (result.failed && result.exitCode === undefined) {
    throw new Error(`${command} is not installed: apt-get install -y flake8 black (see .ci/run)`);
  }
  return { exitCode: result.exitCode ?? 1, output: result.all ?? '' };
}

async function clean(command: string, args: string[]): Promise<string> {
  const { exitCode, output } = await tool(command, args);
  return exitCode === 0 && output === '' ? '' : output || `${command} exited with ${exitCode}`;
}

export const compileErrors = (root: string): Promise<string> => clean('python3', ['-m', 'compileall', '-q', '-f', root]);
export const flake8Errors = (root: string): Promise<string> => clean('flake8', ['--max-line-length', '88', root]);
export const blackErrors = (root: string): Promise<string> => clean('black', ['--check', '-q', root]);

export function xmlErrors(root: string): string[] {
  return globSync('**/*.xml', { cwd: root }).flatMap((file) => {
    const result = XMLValidator.validate(readFileSync(join(root, file), 'utf8'));
    return result === true ? [] : [`${file}: ${result.err.msg}`];
  });
}

export function csvErrors(root: string): string[] {
  return globSync('**/*.csv', { cwd: root }).flatMap((file) => {
    const rows = parse(readFileSync(join(root, file), 'utf8')) as string[][];
    return rows.filter((row) => row.length !== 8).map((row) => `${file}: ${row.length} columns in ${row.join(',')}`);
  });
}

export async function installProblems(root: string): Promise<{ addons: number; problems: unknown[] }> {
  const { exitCode, output } = await tool('python3', [checker, root]);
  if (exitCode !== 0) throw new Error(output);
  return JSON.parse(output) as { addons: number; problems: unknown[] };
}
