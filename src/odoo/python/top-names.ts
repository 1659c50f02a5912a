/**
 * @fileoverview The names a module binds at top level (so that `from module import name` can be
 * checked): definitions, assignments and imports, also inside top-level if/try/with/for/while
 * blocks. Names bound inside functions and classes are theirs, not the module's.
 */
import type { Expr, Stmt } from './ast.js';

/** Adds the names a binding target (`a`, `a, b`, `(a, [b])`, `*rest`) binds. */
function targetNames(target: Expr, names: Set<string>): void {
  switch (target.type) {
    case 'Name':
      names.add(target.id);
      break;
    case 'Tuple':
    case 'List':
      for (const e of target.elts) targetNames(e, names);
      break;
    case 'Starred':
      targetNames(target.value, names);
      break;
    default:
      break;
  }
}

/**
 * Collects the names statements bind, in the order they appear; true when the names cannot be
 * listed: `from x import *` or a module-level `__getattr__`.
 */
export function topLevelNames(body: Stmt[], names: Set<string>): boolean {
  let dynamic = false;
  const block = (stmts: Stmt[]): void => {
    if (topLevelNames(stmts, names)) dynamic = true;
  };
  for (const stmt of body) {
    switch (stmt.type) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
        names.add(stmt.name);
        if (stmt.name === '__getattr__') dynamic = true;
        break;
      case 'Assign':
        for (const t of stmt.targets) targetNames(t, names);
        break;
      case 'AugAssign':
      case 'AnnAssign':
        targetNames(stmt.target, names);
        break;
      case 'ImportFrom':
        // `from __future__ import x` binds nothing a module would import from here.
        if (stmt.module === '__future__' && stmt.level === 0) break;
        for (const alias of stmt.names) {
          if (alias.name === '*') dynamic = true;
          else names.add(alias.asname ?? alias.name);
        }
        break;
      case 'Import':
        for (const alias of stmt.names) names.add(alias.asname ?? alias.name.split('.')[0]!);
        break;
      case 'For':
      case 'AsyncFor':
        targetNames(stmt.target, names);
        block(stmt.body);
        block(stmt.orelse);
        break;
      case 'While':
      case 'If':
        block(stmt.body);
        block(stmt.orelse);
        break;
      case 'With':
      case 'AsyncWith':
        for (const item of stmt.items) if (item.optional_vars) targetNames(item.optional_vars, names);
        block(stmt.body);
        break;
      case 'Try':
      case 'TryStar':
        block(stmt.body);
        for (const handler of stmt.handlers) {
          // `except* E as name` binds it as well; the tree-sitter reader missed it.
          if (handler.name) names.add(handler.name);
          block(handler.body);
        }
        block(stmt.orelse);
        block(stmt.finalbody);
        break;
      default:
        break;
    }
  }
  return dynamic;
}
