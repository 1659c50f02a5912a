/**
 * @fileoverview The facts the rules read of a Python file (parsePython's result): classes with
 * their fields, methods and attributes, imports, calls and comparisons, each with its position.
 */

/** A Python expression, read as a literal where it is one. */
export interface Lit {
  kind: 'str' | 'num' | 'bool' | 'none' | 'list' | 'dict' | 'name' | 'other';
  value?: string | number | boolean | null;
  items?: Lit[];
  entries?: Array<{ key: Lit; value: Lit }>;
  text: string;
  line: number;
  column: number;
}

export interface PyField {
  name: string;
  type: string;
  args: Lit[];
  kwargs: Record<string, Lit>;
  /** The call passes `**mapping` (absent on fields added by a module-level setattr). */
  hasStarKwargs?: boolean;
  line: number;
  column: number;
}

export interface PyDecorator {
  name: string;
  args: Lit[];
  kwargs: Record<string, Lit>;
}

export interface PyMethod {
  name: string;
  decorators: PyDecorator[];
  line: number;
  column: number;
}

export interface PyClass {
  name: string;
  bases: string[];
  attrs: Record<string, Lit>;
  fields: PyField[];
  methods: PyMethod[];
  line: number;
  column: number;
}

export interface PyImport {
  /** Leading dots of a relative import ('' for absolute). */
  dots: string;
  /** Module after the dots, possibly ''. */
  module: string;
  names: string[];
  /** True inside a `try` block: the file handles an ImportError itself. */
  guarded?: boolean;
  line: number;
  column: number;
}

export interface PyCall {
  callee: string;
  kwargs: readonly string[];
  hasStarKwargs: boolean;
  line: number;
  column: number;
}

export interface PyComparison {
  operator: string;
  left: string;
  right: string;
  line: number;
  column: number;
}

export interface PyFile {
  /** The first syntax error (CPython's message, the source from where it points), if any. */
  syntaxErrors: Array<{ line: number; column: number; text: string; message: string }>;
  classes: PyClass[];
  imports: PyImport[];
  calls: PyCall[];
  comparisons: PyComparison[];
  /** Top-level assignments (for the manifest and simple constants). */
  assignments: Record<string, Lit>;
  /** The first top-level expression (the manifest's dict). */
  firstExpression?: Lit;
  /** The second top-level statement, if any: a manifest must be one expression (ast.literal_eval). */
  secondStatement?: { line: number; column: number; text: string };
  /**
   * Names the module defines at top level (classes, functions, assignments, imports, also inside
   * top-level if/try/with/for blocks), so `from module import name` can be checked.
   */
  topNames: string[];
  /** True when the module's names cannot be listed: `import *`, a module `__getattr__`, globals(). */
  dynamicNames?: boolean;
  /** Module-level setattr(Class, 'name', ...) calls, applied to classes after the walk. */
  pendingSetattr?: Array<{ cls: string; name: string; line: number; column: number }>;
}
