/**
 * @fileoverview Gives a Python file's facts their own strings (see ../detach-strings.ts): names,
 * quoted expressions and literal values are cut from the source, and the facts may outlive it
 * (validate keeps them for its rules phase, not the texts). Walks PyFile's known shape, which is
 * far cheaper than a generic walk over every property.
 */
import { StringBatch } from '../detach-strings.js';
import type { Lit, PyFile } from './py-file.js';

/** Replaces every string of the facts that may be cut from the source by a copy. */
export function detachFacts(py: PyFile): void {
  const cut = new StringBatch();
  for (const e of py.syntaxErrors) {
    cut.note(e, 'text', e.text);
    cut.note(e, 'message', e.message);
  }
  for (const cls of py.classes) {
    cut.note(cls, 'name', cls.name);
    strings(cut, cls.bases);
    record(cut, cls.attrs);
    for (const f of cls.fields) {
      cut.note(f, 'name', f.name);
      cut.note(f, 'type', f.type);
      for (const a of f.args) lit(cut, a);
      record(cut, f.kwargs);
    }
    for (const m of cls.methods) {
      cut.note(m, 'name', m.name);
      for (const d of m.decorators) {
        cut.note(d, 'name', d.name);
        for (const a of d.args) lit(cut, a);
        record(cut, d.kwargs);
      }
    }
  }
  for (const i of py.imports) {
    cut.note(i, 'module', i.module);
    strings(cut, i.names);
  }
  for (const c of py.calls) {
    cut.note(c, 'callee', c.callee);
    // Shared empty list when the call passes no keyword.
    if (c.kwargs.length) strings(cut, c.kwargs as string[]);
  }
  for (const c of py.comparisons) {
    cut.note(c, 'left', c.left);
    cut.note(c, 'right', c.right);
  }
  record(cut, py.assignments);
  if (py.firstExpression) lit(cut, py.firstExpression);
  if (py.secondStatement) cut.note(py.secondStatement, 'text', py.secondStatement.text);
  strings(cut, py.topNames);
  cut.detach();
}

function strings(cut: StringBatch, list: string[]): void {
  for (let i = 0; i < list.length; i++) cut.note(list, i, list[i]!);
}

function record(cut: StringBatch, lits: Record<string, Lit>): void {
  for (const k in lits) lit(cut, lits[k]!);
}

function lit(cut: StringBatch, l: Lit): void {
  cut.note(l, 'text', l.text);
  if (typeof l.value === 'string') cut.note(l, 'value', l.value);
  if (l.items) for (const i of l.items) lit(cut, i);
  if (l.entries) {
    for (const e of l.entries) {
      lit(cut, e.key);
      lit(cut, e.value);
    }
  }
}
