/**
 * @fileoverview What git says changed in a working copy, for `validate --changed`: the files that
 * differ from the merge base with a ref (committed, staged or not) and the untracked ones.
 */
import { join } from 'node:path';
import { execa } from 'execa';
import { UsageError } from '../errors.js';

export interface ChangedFiles {
  /** The ref compared with, as given or found (origin/main…). */
  ref: string;
  /** The merge base of the ref and HEAD. */
  base: string;
  /** Absolute paths, deleted files included. */
  files: string[];
}

async function git(cwd: string, args: string[]): Promise<{ ok: boolean; stdout: string }> {
  const result = await execa('git', args, { cwd, reject: false, stripFinalNewline: true });
  if (result.failed && result.exitCode === undefined) throw new UsageError('--changed needs git, and git is not on the PATH.');
  return { ok: result.exitCode === 0, stdout: String(result.stdout) };
}

const isCommit = async (root: string, ref: string): Promise<boolean> => (await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).ok;

/** The default branch: what origin/HEAD points at, else main or master, local or on origin. */
async function defaultBranch(root: string): Promise<string> {
  const remoteHead = await git(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  if (remoteHead.ok && (await isCommit(root, remoteHead.stdout))) return remoteHead.stdout;
  for (const ref of ['main', 'master', 'origin/main', 'origin/master']) if (await isCommit(root, ref)) return ref;
  throw new UsageError('--changed found no default branch to compare with (origin/HEAD, main, master): name one, as in --changed origin/develop.');
}

/** Files changed against the merge base of `ref` (default: the default branch) and HEAD, in the repository holding `cwd`. */
export async function changedFiles(cwd: string, ref?: string): Promise<ChangedFiles> {
  const top = await git(cwd, ['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new UsageError(`--changed needs a git repository, and ${cwd} is not inside one.`);
  const root = top.stdout;
  if (ref !== undefined && (ref === '' || ref.startsWith('-'))) throw new UsageError(`"${ref}" is not a git ref for --changed.`);
  const target = ref ?? (await defaultBranch(root));
  if (!(await isCommit(root, target))) throw new UsageError(`Unknown git ref "${target}" for --changed: name a branch, tag or commit; the word right after --changed is its REF, so put the paths first.`);
  const base = await git(root, ['merge-base', target, 'HEAD']);
  if (!base.ok) throw new UsageError(`--changed: "${target}" and HEAD share no history (git merge-base finds no common commit).`);
  // `git diff <base>` compares with the working tree: commits since the base, staged and unstaged edits.
  const tracked = await git(root, ['diff', '--name-only', '--no-renames', '-z', base.stdout, '--']);
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z']);
  const names = [tracked.stdout, untracked.stdout].flatMap((out) => out.split('\0')).filter(Boolean);
  return { ref: target, base: base.stdout, files: [...new Set(names)].sort().map((name) => join(root, name)) };
}
