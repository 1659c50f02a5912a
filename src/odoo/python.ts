/**
 * @fileoverview Reads Odoo Python files with our own reader (python/parser.ts, CPython 3.11's
 * grammar) into the facts the rules need (python/facts.ts): classes (models and components), their
 * fields, methods and attributes, imports, calls and comparisons, each with its position.
 */
import type { ParseResult, PySyntaxError } from './python/ast.js';
import { detachFacts } from './python/detach-facts.js';
import { extractFacts } from './python/facts.js';
import { newFactNodes, parseModule, warmUpParser, type FactNodes } from './python/parser.js';
import { WARM_UP_SOURCE } from './python/warm-up.js';
import type { Lit, PyFile } from './python/py-file.js';

export type { Lit, PyClass, PyComparison, PyCall, PyDecorator, PyField, PyFile, PyImport, PyMethod } from './python/py-file.js';

/** True when the literal and everything inside it is a plain Python literal. */
export function isPureLiteral(lit: Lit): boolean {
  if (lit.kind === 'other' || lit.kind === 'name') return false;
  if (lit.items) return lit.items.every(isPureLiteral);
  if (lit.entries) return lit.entries.every((e) => isPureLiteral(e.key) && isPureLiteral(e.value));
  return true;
}

export function litString(lit: Lit | undefined): string | undefined {
  return lit?.kind === 'str' ? (lit.value as string) : undefined;
}

/** A string or a list of strings, as `_inherit` may be. */
export function litStrings(lit: Lit | undefined): string[] | undefined {
  if (!lit) return undefined;
  if (lit.kind === 'str') return [lit.value as string];
  if (lit.kind === 'list' && lit.items!.every((i) => i.kind === 'str')) return lit.items!.map((i) => i.value as string);
  return undefined;
}

/** The value of a key, the last one when the key repeats (as Python builds the dict). */
export function dictGet(lit: Lit | undefined, key: string): Lit | undefined {
  const entries = lit?.entries ?? [];
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key.kind === 'str' && entries[i]!.key.value === key) return entries[i]!.value;
  return undefined;
}

/** The syntax error as the facts carry it: CPython's message, and the source where it points. */
function syntaxError(error: PySyntaxError, source: string): PyFile['syntaxErrors'][number] {
  let offset = 0;
  for (let line = 1; line < error.line; line++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  offset += error.column - 1;
  return { line: error.line, column: error.column, text: source.slice(offset, offset + 40), message: error.message };
}

function noFacts(syntaxErrors: PyFile['syntaxErrors']): PyFile {
  return { syntaxErrors, classes: [], imports: [], calls: [], comparisons: [], assignments: {}, topNames: [] };
}

/**
 * parseModule, where a stack overflow on absurdly deep input (tens of thousands of nested terms)
 * is CPython's RecursionError: CPython refuses such a file too, with no position.
 */
function parse(source: string, found?: FactNodes): ParseResult {
  try {
    return parseModule(source, found);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { ok: false, error: { line: 1, column: 1, message: 'maximum recursion depth exceeded during ast construction' } };
  }
}

/** Only the syntax error of Python source (at most one: the first CPython would raise), for files no other rule reads. */
export async function pythonSyntaxErrors(source: string): Promise<PyFile['syntaxErrors']> {
  const result = parse(source);
  return result.ok ? [] : [syntaxError(result.error, source)];
}

let factsWarmedUp = false;

/**
 * Reads warm-up.ts's module, facts included, once per thread (see there why). For long runs only:
 * a run that stays at V8's baseline compiler (validate/run-tiering.ts) never optimises the reader, so
 * the reads would only add to its time.
 */
export function warmUpPythonReader(): void {
  if (factsWarmedUp) return;
  factsWarmedUp = true;
  warmUpParser((module, found) => extractFacts(module, WARM_UP_SOURCE, found));
}

/**
 * Parses Python source into the facts the rules need. A file with a syntax error has no other
 * fact: CPython would not load any of it. Async for its callers, which once waited for a parser
 * to load.
 */
export async function parsePython(source: string): Promise<PyFile> {
  const found = newFactNodes();
  const result = parse(source, found);
  const facts = result.ok ? extractFacts(result.module, source, found) : noFacts([syntaxError(result.error, source)]);
  // Facts may outlive the text (validate keeps them for its rules phase, not the texts).
  detachFacts(facts);
  return facts;
}
