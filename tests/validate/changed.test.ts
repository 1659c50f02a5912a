/**
 * `validate --changed [REF]` checks the addons holding files git reports changed (commits since
 * the merge base, staged, unstaged and untracked files) and the addons depending on them; the
 * others stay knowledge. Outside a repository or with an unknown REF it stops with one line, exit 2.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('changed');
const env = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
const git = async (cwd: string, ...args: string[]): Promise<string> => (await execa('git', args, { cwd, env })).stdout;

/** base_x <- mid <- top, and other on its own; `missing` lists a data file that is not there. */
function addon(repo: string, name: string, depends: string[], missing = false): void {
  const dir = join(repo, 'addons', name);
  mkdirSync(dir, { recursive: true });
  const data = missing ? '["views/missing.xml"]' : '[]';
  writeFileSync(
    join(dir, '__manifest__.py'),
    `{"name": "${name}", "version": "16.0.1.0.0", "license": "LGPL-3", "depends": ${JSON.stringify(depends)}, "data": ${data}}\n`,
  );
  writeFileSync(join(dir, '__init__.py'), '');
}

let repo: string;
let counter = 0;

async function newRepo(branch = 'main'): Promise<string> {
  const dir = join(root, `repo${counter++}`);
  mkdirSync(dir);
  await git(dir, 'init', '-q', '-b', branch);
  addon(dir, 'base_x', ['base']);
  addon(dir, 'mid', ['base_x']);
  addon(dir, 'top', ['mid'], true);
  addon(dir, 'other', ['base'], true);
  await git(dir, 'add', '.');
  await git(dir, 'commit', '-q', '-m', 'addons');
  return dir;
}

async function validate(cwd: string, ...args: string[]): Promise<{ exitCode: number; checked: number; files: string[]; stderr: string }> {
  const result = await runInProcess(['validate', ...args, '--format', 'json'], cwd);
  if (result.exitCode === 2) return { exitCode: 2, checked: 0, files: [], stderr: result.stderr };
  const report = JSON.parse(result.stdout) as { addonCount: number; diagnostics: { file: string; ruleId: string }[] };
  return { exitCode: result.exitCode, checked: report.addonCount, files: report.diagnostics.map((d) => `${d.file} ${d.ruleId}`), stderr: result.stderr };
}

beforeEach(async () => {
  repo = await newRepo();
});

describe('validate --changed', () => {
  it('checks the changed addon and those depending on it, transitively, against the default branch', async () => {
    await git(repo, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(repo, 'addons/base_x/__init__.py'), '# changed\n');
    await git(repo, 'commit', '-q', '-am', 'change base_x');
    const result = await validate(repo, '.', '--changed');
    expect(result.checked).toBe(3);
    expect(result.files).toEqual(['addons/top/__manifest__.py manifest-missing-file']);
    expect(result.stderr).toMatch(/^--changed against main \(merge base [0-9a-f]{12}\): 1 of 4 addon\(s\) changed \(base_x\), 2 depending on them\.$/);
    expect(result.exitCode).toBe(1);
  });

  it('counts staged, unstaged and untracked files, and keeps the other addons as knowledge', async () => {
    writeFileSync(join(repo, 'addons/top/README.rst'), 'untracked\n');
    expect(await validate(repo, '.', '--changed')).toMatchObject({ checked: 1, files: ['addons/top/__manifest__.py manifest-missing-file'] });
    rmSync(join(repo, 'addons/top/README.rst'));
    writeFileSync(join(repo, 'addons/mid/__init__.py'), '# unstaged\n');
    expect((await validate(repo, '.', '--changed')).checked).toBe(2);
    await git(repo, 'add', '.');
    // staged; mid's dependency base_x is not checked but still known: no manifest-unknown-depend
    // (which judges only with --addons-path)
    const vendor = join(root, `vendor${counter++}`);
    mkdirSync(vendor);
    expect(await validate(repo, 'addons', '--changed', '--addons-path', vendor)).toMatchObject({
      checked: 2,
      files: ['addons/top/__manifest__.py manifest-missing-file'],
    });
  });

  it('compares with the REF given, from its merge base with HEAD', async () => {
    writeFileSync(join(repo, 'addons/other/__init__.py'), '# changed\n');
    await git(repo, 'commit', '-q', '-am', 'change other');
    expect((await validate(repo, '.', '--changed')).checked).toBe(0);
    const result = await validate(repo, '.', '--changed', 'HEAD~1');
    expect(result).toMatchObject({ checked: 1, files: ['addons/other/__manifest__.py manifest-missing-file'] });
  });

  it('prefers origin/HEAD as the default branch in a clone', async () => {
    const clone = join(root, `clone${counter++}`);
    await git(root, 'clone', '-q', repo, clone);
    await git(clone, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(clone, 'addons/other/new.py'), '');
    expect((await validate(clone, '.', '--changed')).stderr).toMatch(/^--changed against origin\/main /);
  });

  it('reports nothing to check as a clean run, exit 0', async () => {
    const result = await validate(repo, '.', '--changed');
    expect(result).toMatchObject({ exitCode: 0, checked: 0, files: [] });
    expect(result.stderr).toContain('0 of 4 addon(s) changed, 0 depending on them');
  });

  it('stops with one line and exit 2 outside a repository, on an unknown REF, or without a default branch', async () => {
    const plain = join(root, `plain${counter++}`);
    addon(plain, 'alone', ['base']);
    const outside = await validate(plain, '.', '--changed');
    expect(outside.exitCode).toBe(2);
    expect(outside.stderr).toBe(`error --changed needs a git repository, and ${plain} is not inside one.`);

    const unknown = await validate(repo, '.', '--changed', 'no-such-branch');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/^error Unknown git ref "no-such-branch" for --changed: [^\n]+$/);

    const trunk = await newRepo('trunk');
    const noDefault = await validate(trunk, '.', '--changed');
    expect(noDefault.exitCode).toBe(2);
    expect(noDefault.stderr).toMatch(/^error --changed found no default branch to compare with \(origin\/HEAD, main, master\): name one, as in --changed origin\/develop\.$/);
  });

  it('is documented in validate --help with an example', async () => {
    const help = await runInProcess(['validate', '--help'], repo);
    expect(help.stdout).toContain('--changed [ref]');
    expect(help.stdout).toContain('validate . --changed');
  });
});
