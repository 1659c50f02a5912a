/**
 * flake8 and black checks through Ruff's WebAssembly build, so a fresh clone checks generated
 * Python with npm dependencies alone. Each returns the complaints ('' when clean), one per line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { createTwoFilesPatch } from 'diff';
import { globSync } from 'tinyglobby';

/** What `flake8 --max-line-length 88` checks: pycodestyle (E, W) and pyflakes (F). */
const SELECT = ['E', 'W', 'F'];
/**
 * flake8's default ignores that Ruff implements (E226, E24x), plus E203, which black's slices
 * contradict (black's documented flake8 setting).
 */
const IGNORE = ['E203', 'E226', 'E241', 'E242'];

function workspace(select: string[], ignore: string[] = []): Workspace {
  return new Workspace(
    {
      'line-length': 88,
      // Odoo 16 runs on Python 3.7+: no parenthesized context managers, as black infers
      'target-version': 'py37',
      // pycodestyle's whitespace and blank-line rules (E1, E2, E3) are preview rules in Ruff
      lint: { preview: true, select, ignore },
      format: { 'quote-style': 'double', 'indent-style': 'space' },
    },
    PositionEncoding.Utf16,
  );
}

let shared: Workspace | undefined;
const ruff = (): Workspace => (shared ??= workspace(SELECT, IGNORE));

const pythonFiles = (root: string): string[] => globSync('**/*.py', { cwd: root }).sort();

/** Lint findings as `file:line:column: CODE message`, like flake8 prints them. */
export function ruffLintErrors(root: string): string {
  return pythonFiles(root)
    .flatMap((file) => {
      const source = readFileSync(join(root, file), 'utf8');
      const findings = ruff().check(source) as Diagnostic[];
      findings.sort((a, b) => a.start_location.row - b.start_location.row || a.start_location.column - b.start_location.column);
      return findings.map((finding) => {
        const { row, column } = finding.start_location;
        return `${file}:${row}:${column}: ${ruleCode(finding.code ?? 'invalid-syntax', source)} ${finding.message}`;
      });
    })
    .join('\n');
}

/** The files Ruff's black-compatible formatter would change, each with the start of its diff. */
export function ruffFormatErrors(root: string, diffLines = 20): string {
  return pythonFiles(root)
    .flatMap((file) => {
      const source = readFileSync(join(root, file), 'utf8');
      let formatted: string;
      try {
        formatted = ruff().format(source);
      } catch (error) {
        return [`${file}: cannot be formatted: ${String(error)}`];
      }
      if (formatted === source) return [];
      const patch = createTwoFilesPatch(file, file, source, formatted, '', '', { context: 1 }).split('\n');
      const lines = patch.slice(patch.findIndex((line) => line.startsWith('@@'))).filter(Boolean);
      const shown = lines.slice(0, diffLines);
      if (lines.length > diffLines) shown.push(`… ${lines.length - diffLines} more diff lines`);
      return [`${file}: would be reformatted`, ...shown];
    })
    .join('\n');
}

const codes = new Map<string, string>();

/**
 * The wasm build names rules (`unused-import`); flake8 users and `# noqa` know codes (F401).
 * Recover the code by narrowing the selection one character at a time: E/W/F, then 3 digits.
 * Runs only for findings, so the cost never touches a clean run.
 */
function ruleCode(name: string, source: string): string {
  const known = codes.get(name);
  if (known) return known;
  let code = '';
  for (const alphabet of ['EWF', '0123456789', '0123456789', '0123456789']) {
    const next = [...alphabet].find((char) => reports(code + char, name, source));
    if (next === undefined) break;
    code += next;
  }
  const result = code.length === 4 ? code : name;
  codes.set(name, result);
  return result;
}

function reports(selector: string, name: string, source: string): boolean {
  let narrow: Workspace;
  try {
    narrow = workspace([selector]);
  } catch {
    return false; // a prefix no rule has, such as E0
  }
  try {
    return (narrow.check(source) as Diagnostic[]).some((finding) => finding.code === name);
  } finally {
    narrow.free();
  }
}
