/**
 * @fileoverview The tree-sitter Python parser, for the scaffolding edits (src/scaffold/edits),
 * which need a concrete syntax tree to insert text at exact places. `validate` reads Python with
 * our own reader (python.ts) and never loads this runtime. It loads on the first parse, so
 * commands that never edit Python never pay for it.
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import type { Node, Parser as ParserType } from 'web-tree-sitter';

let parserPromise: Promise<ParserType> | undefined;
let quickStart = false;

/**
 * Asks for the tree-sitter runtime to be compiled for a short run: by V8's baseline WebAssembly
 * compiler only (Liftoff). By default V8 also recompiles hot functions with TurboFan in the
 * background, which pays off over thousands of files but, for the few files an edit parses, costs
 * more CPU than it saves. Only effective before the first parse: V8 reads the flag when it
 * compiles the module.
 */
export function preferQuickStart(): void {
  if (!parserPromise) quickStart = true;
}

/** Loads web-tree-sitter and the Python grammar once per process. */
export function pythonParser(): Promise<ParserType> {
  parserPromise ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    // The flag is process-wide: set only while the two WebAssembly modules compile.
    if (quickStart) setFlagsFromString('--liftoff-only');
    let language;
    try {
      await Parser.init();
      const require = createRequire(import.meta.url);
      const wasm = require.resolve('tree-sitter-python/tree-sitter-python.wasm');
      language = await Language.load(wasm);
    } finally {
      if (quickStart) setFlagsFromString('--no-liftoff-only');
    }
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

function unescape(raw: string): string {
  return raw.replace(/\\(n|t|r|\\|'|"|\n)/g, (_m, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '\n' ? '' : c,
  );
}

/** The value of a string literal node (escapes resolved), or undefined for an f-string. */
export function stringValue(node: Node): string | undefined {
  let out = '';
  const prefix = node.text.match(/^[a-zA-Z]*/)?.[0]?.toLowerCase() ?? '';
  for (const child of node.children) {
    if (!child) continue;
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content' || child.type === 'escape_sequence') {
      out += prefix.includes('r') ? child.text : unescape(child.text);
    }
  }
  return out;
}
