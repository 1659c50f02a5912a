/**
 * @fileoverview Reads `__manifest__.py` as a Python dict literal, keeping the position of each
 * key and list item so diagnostics point at the exact entry.
 */
import { dictGet, isPureLiteral, litString, litStrings, parsePython, type Lit } from './python.js';

export interface ManifestEntry {
  value: string;
  line: number;
  column: number;
}

export interface Manifest {
  /** Null when the file is not a Python dict literal. */
  dict: Lit | null;
  error?: { line: number; column: number; text: string };
  name?: string;
  version?: string;
  license?: string;
  depends: ManifestEntry[];
  data: ManifestEntry[];
  demo: ManifestEntry[];
  installable: boolean;
}

function entries(lit: Lit | undefined): ManifestEntry[] {
  if (lit?.kind !== 'list') return [];
  return lit.items!.filter((i) => i.kind === 'str').map((i) => ({ value: i.value as string, line: i.line, column: i.column }));
}

export async function parseManifest(source: string): Promise<Manifest> {
  const py = await parsePython(source);
  const empty: Manifest = { dict: null, depends: [], data: [], demo: [], installable: true };
  if (py.syntaxErrors.length > 0) return { ...empty, error: py.syntaxErrors[0]! };
  const dict = py.firstExpression;
  if (!dict || dict.kind !== 'dict') return { ...empty, error: { line: dict?.line ?? 1, column: dict?.column ?? 1, text: 'not a dict' } };
  // Odoo evaluates the whole file: a statement before or after the dict fails the install.
  if (py.secondStatement) return { ...empty, error: py.secondStatement };
  if (!isPureLiteral(dict)) {
    const bad = findImpure(dict) ?? dict;
    return { ...empty, error: { line: bad.line, column: bad.column, text: bad.text.slice(0, 40) } };
  }
  const installable = dictGet(dict, 'installable');
  return {
    dict,
    name: litString(dictGet(dict, 'name')),
    version: litString(dictGet(dict, 'version')),
    license: litString(dictGet(dict, 'license')),
    depends: entries(dictGet(dict, 'depends')),
    data: entries(dictGet(dict, 'data')),
    demo: entries(dictGet(dict, 'demo')),
    installable: installable?.kind === 'bool' ? installable.value === true : true,
  };
}

function findImpure(lit: Lit): Lit | undefined {
  if (lit.kind === 'other' || lit.kind === 'name') return lit;
  for (const i of lit.items ?? []) {
    const f = findImpure(i);
    if (f) return f;
  }
  for (const e of lit.entries ?? []) {
    const f = findImpure(e.key) ?? findImpure(e.value);
    if (f) return f;
  }
  return undefined;
}

export { litStrings };
