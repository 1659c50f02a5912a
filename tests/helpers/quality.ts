/**
 * The checks of what generated code *is*, over a folder of addons: python3 compiles it, Ruff's
 * pycodestyle/pyflakes rules and black-compatible formatter accept it (./ruff.ts), XML and CSV
 * parse, and tests/helpers/check_addons.py finds the install invariants of FRAMEWORK-SPEC D0
 * intact. flake8 and black themselves run too where they are installed. Each returns the tool's
 * complaints ('' when clean).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { execa } from 'execa';
import { globSync } from 'tinyglobby';
import { parseXml } from '../../src/odoo/xml.js';

const checker = join(import.meta.dirname, 'check_addons.py');

async function tool(command: string, args: string[]): Promise<{ exitCode: number; output: string }> {
  const result = await execa(command, args, { reject: false, all: true });
  if (result.failed && result.exitCode === undefined) {
    throw new Error(`${command} is not installed`);
  }
  return { exitCode: result.exitCode ?? 1, output: result.all ?? '' };
}

async function clean(command: string, args: string[]): Promise<string> {
  const { exitCode, output } = await tool(command, args);
  return exitCode === 0 && output === '' ? '' : output || `${command} exited with ${exitCode}`;
}

export { ruffFormatErrors, ruffLintErrors } from './ruff.js';

/**
 * flake8 and black are optional (Ruff checks the same rules with npm alone): the title and skip
 * flag of the extra test that runs `command` where it is installed.
 */
export async function optionalTool(command: string): Promise<{ missing: boolean; title: string }> {
  const result = await execa(command, ['--version'], { reject: false });
  const missing = result.failed && result.exitCode === undefined;
  const title = `pass ${command} itself${missing ? ` (skipped: ${command} is not installed)` : ''}`;
  return { missing, title };
}

export const compileErrors = (root: string): Promise<string> => clean('python3', ['-m', 'compileall', '-q', '-f', root]);
export const flake8Errors = (root: string): Promise<string> => clean('flake8', ['--max-line-length', '88', root]);
export const blackErrors = (root: string): Promise<string> => clean('black', ['--check', '-q', root]);

export function xmlErrors(root: string): string[] {
  return globSync('**/*.xml', { cwd: root }).flatMap((file) => {
    const result = parseXml(readFileSync(join(root, file), 'utf8'));
    return result.ok ? [] : [`${file}:${result.line}:${result.column}: ${result.message}`];
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
