/**
 * @fileoverview Surgical edits of Python files at positions found with tree-sitter: a relative
 * import in a package `__init__.py`, an item in a list literal (the manifest's `data` and
 * `depends`, a method's returned list), a block at the end of a class. A missing anchor is an
 * error naming the file and what was looked for.
 */
import type { Node } from 'web-tree-sitter';
import { RefusedError } from '../../errors.js';
import { preferQuickStart, pythonParser, stringValue } from '../../odoo/tree-sitter-python.js';
import { applyInsertions, ensureFinalNewline, indentOf, lineEnding, lineStart, nextLineStart, type Insertion } from './text-insert.js';

/** The first ERROR or MISSING node, in source order (an explicit stack: expressions nest without bound). */
function firstError(root: Node): Node | undefined {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'ERROR' || node.isMissing) return node;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child && (child.hasError || child.isMissing)) stack.push(child);
    }
  }
  return undefined;
}

async function parse(source: string, file: string): Promise<Node> {
  // An edit parses a few files: the runtime compiled for a short run costs less.
  preferQuickStart();
  const tree = (await pythonParser()).parse(source);
  if (!tree) throw new RefusedError(`${file}: could not be parsed as Python; nothing was written.`);
  if (tree.rootNode.hasError) {
    const error = firstError(tree.rootNode) ?? tree.rootNode;
    throw new RefusedError(
      `${file}:${error.startPosition.row + 1}: is not valid Python; fix the syntax error first. Nothing was written.`,
    );
  }
  return tree.rootNode;
}

function stringText(node: Node): string | undefined {
  return node.type === 'string' ? stringValue(node) : undefined;
}

function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

/**
 * `from . import name` in a package `__init__.py`, after the last relative import. `line` is the
 * exact statement to insert (e.g. with a `# noqa` comment); by default the bare import.
 */
export async function addRelativeImport(source: string, module: string, file: string, line = `from . import ${module}\n`): Promise<string> {
  const root = await parse(source, file);
  const imports = namedChildren(root).filter(
    (n) => n.type === 'import_from_statement' && n.childForFieldName('module_name')?.text === '.',
  );
  const already = imports.some((n) =>
    n.childrenForFieldName('name').some((name) => name?.text === module || name?.text.startsWith(`${module} as`)),
  );
  if (already) return source;
  const last = imports.at(-1);
  if (!last) return applyInsertions(source, [...ensureFinalNewline(source), { at: source.length, text: line }]);
  const at = nextLineStart(source, last.endIndex);
  const insertions: Insertion[] = at === source.length && !source.endsWith('\n') ? [{ at, text: `\n${line}` }] : [{ at, text: line }];
  return applyInsertions(source, insertions);
}

/** The list literal bound to `key` in the first dict expression of the file (the manifest). */
export async function manifestList(source: string, key: string, file: string): Promise<{ root: Node; list: Node } | undefined> {
  const root = await parse(source, file);
  const dict = namedChildren(root)
    .filter((n) => n.type === 'expression_statement')
    .map((n) => n.namedChildren[0])
    .find((n): n is Node => n?.type === 'dictionary');
  if (!dict) throw new RefusedError(`${file}: no manifest dictionary found; nothing was written.`);
  for (const pair of namedChildren(dict)) {
    if (pair.type !== 'pair') continue;
    const k = pair.childForFieldName('key');
    if (k && stringText(k) === key) {
      const value = pair.childForFieldName('value');
      if (value?.type !== 'list') {
        throw new RefusedError(`${file}:${pair.startPosition.row + 1}: "${key}" is not a list literal; nothing was written.`);
      }
      return { root, list: value };
    }
  }
  return undefined;
}

/** Current string items of a list literal. */
export function listStrings(list: Node): string[] {
  return namedChildren(list).map((n) => stringText(n) ?? n.text);
}

/**
 * Inserts a string item into a list literal before item `index` (or at the end), following the
 * list's layout (one item per line, or all on one line) and quote style.
 */
export function insertListItem(source: string, list: Node, value: string, index?: number): string {
  const items = namedChildren(list);
  const quote = items.find((n) => n.type === 'string')?.text.trim().startsWith("'") ? "'" : '"';
  const literal = `${quote}${value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
  const at = index === undefined || index >= items.length ? items.length : index;
  if (items.length === 0) {
    const open = list.startIndex + 1;
    const multiline = list.startPosition.row !== list.endPosition.row;
    if (!multiline) return applyInsertions(source, [{ at: open, text: literal }]);
    const indent = `${indentOf(source, list.startIndex)}    `;
    return applyInsertions(source, [{ at: open, text: `\n${indent}${literal},` }]);
  }
  if (list.startPosition.row !== list.endPosition.row) {
    const indent = indentOf(source, items[0]!.startIndex);
    if (at < items.length) {
      const anchor = lineStart(source, items[at]!.startIndex);
      return applyInsertions(source, [{ at: anchor, text: `${indent}${literal},\n` }]);
    }
    const last = items.at(-1)!;
    const comma = source.slice(last.endIndex).match(/^\s*,/);
    if (comma) {
      return applyInsertions(source, [{ at: last.endIndex + comma[0].length, text: `\n${indent}${literal},` }]);
    }
    return applyInsertions(source, [{ at: last.endIndex, text: `,\n${indent}${literal}` }]);
  }
  if (at < items.length) return applyInsertions(source, [{ at: items[at]!.startIndex, text: `${literal}, ` }]);
  return applyInsertions(source, [{ at: items.at(-1)!.endIndex, text: `, ${literal}` }]);
}

/** The class whose body assigns `_name = "<modelName>"`. */
export async function findModelClass(source: string, modelName: string, file: string): Promise<Node> {
  const root = await parse(source, file);
  for (const cls of root.descendantsOfType('class_definition')) {
    const body = cls?.childForFieldName('body');
    for (const statement of body ? namedChildren(body) : []) {
      const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
      if (assignment?.type !== 'assignment') continue;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if (left?.text === '_name' && right && stringText(right) === modelName) return cls!;
    }
  }
  throw new RefusedError(`${file}: no class with _name = "${modelName}" found; nothing was written.`);
}

/** The list literal returned by `methodName` in `cls`. */
export function returnedList(cls: Node, methodName: string, file: string): Node {
  return returnedContainer(cls, methodName, 'list', file);
}

/** The list or dict literal returned by `methodName` in `cls`. */
export function returnedContainer(cls: Node, methodName: string, type: 'list' | 'dictionary', file: string): Node {
  const body = cls.childForFieldName('body');
  const method = body
    ? namedChildren(body)
        .map((n) => (n.type === 'decorated_definition' ? n.childForFieldName('definition') : n))
        .find((n) => n?.type === 'function_definition' && n.childForFieldName('name')?.text === methodName)
    : undefined;
  if (!method) throw new RefusedError(`${file}: method ${methodName}() not found; nothing was written.`);
  const ret = method.descendantsOfType('return_statement').find((r) => r?.namedChildren[0]?.type === type);
  if (!ret) {
    const what = type === 'list' ? 'a list' : 'a dict';
    throw new RefusedError(`${file}:${method.startPosition.row + 1}: ${methodName}() does not return ${what} literal; nothing was written.`);
  }
  return ret.namedChildren[0]!;
}

/**
 * Inserts complete lines (items with their trailing commas, indented for the container) into a
 * list or dict literal, after its last item. A container written on one line is rewritten to one
 * item per line only between its brackets.
 */
export function insertContainerLines(source: string, container: Node, lines: string): string {
  const text = lines.endsWith('\n') ? lines : `${lines}\n`;
  const close = container.endIndex - 1;
  if (container.startPosition.row !== container.endPosition.row) {
    const items = namedChildren(container);
    const last = items.at(-1);
    if (last) {
      const comma = source.slice(last.endIndex).match(/^[ \t]*,/);
      const after = last.endIndex + (comma ? comma[0].length : 0);
      // after the last item (and its comment), on a line of its own
      if (last.endPosition.row === container.endPosition.row) {
        return applyInsertions(source, [...(comma ? [] : [{ at: last.endIndex, text: ',' }]), { at: close, text: `\n${text}` }]);
      }
      const at = nextLineStart(source, after);
      return applyInsertions(source, [...(comma ? [] : [{ at: last.endIndex, text: ',' }]), { at, text }]);
    }
    return applyInsertions(source, [{ at: lineStart(source, close), text }]);
  }
  const indent = indentOf(source, container.startIndex);
  const inner = source.slice(container.startIndex + 1, close).trim().replace(/,\s*$/, '');
  const existing = inner ? `${indent}    ${inner},\n` : '';
  const replacement = `\n${existing}${text}${indent}`.replace(/\r?\n/g, lineEnding(source));
  return source.slice(0, container.startIndex + 1) + replacement + source.slice(close);
}

/** Appends `block` (already indented for a class body) after the last statement of `cls`. */
export function appendToClass(source: string, cls: Node, block: string): string {
  const body = cls.childForFieldName('body')!;
  const at = nextLineStart(source, body.endIndex);
  const prefix = at === source.length && !source.endsWith('\n') ? '\n\n' : '\n';
  return applyInsertions(source, [{ at, text: `${prefix}${block.replace(/\n+$/, '')}\n` }]);
}

/** The value node of `attr = …` in the body of `cls`, if assigned there. */
export function classAttribute(cls: Node, attr: string): Node | undefined {
  const body = cls.childForFieldName('body');
  for (const statement of body ? namedChildren(body) : []) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === attr) {
      return assignment.childForFieldName('right') ?? undefined;
    }
  }
  return undefined;
}

/**
 * Makes a component's `_apply_on` include `model`: an item added to a list, a single string
 * turned into a list of both. No `_apply_on` means every model, and is left alone.
 */
export async function addToApplyOn(source: string, componentName: string, model: string, file: string): Promise<string> {
  const cls = await findModelClass(source, componentName, file);
  const value = classAttribute(cls, '_apply_on');
  if (!value) return source;
  if (value.type === 'list') {
    return listStrings(value).includes(model) ? source : insertListItem(source, value, model);
  }
  const current = stringText(value);
  if (current === undefined) {
    throw new RefusedError(`${file}:${value.startPosition.row + 1}: _apply_on of ${componentName} is not a literal; add ${model} to it yourself.`);
  }
  if (current === model) return source;
  const quote = value.text.trim().startsWith("'") ? "'" : '"';
  return applyInsertions(source.slice(0, value.startIndex) + source.slice(value.endIndex), [
    { at: value.startIndex, text: `[${value.text}, ${quote}${model}${quote}]` },
  ]);
}

/**
 * Inserts `block` (complete lines, indented for the class body) after the last assignment that
 * precedes the first method of `cls`: where a model declares its fields. Without such an
 * assignment, the block goes at the end of the class.
 */
export function insertAfterLastField(source: string, cls: Node, block: string): string {
  const body = cls.childForFieldName('body')!;
  let last: Node | undefined;
  for (const statement of namedChildren(body)) {
    if (statement.type === 'function_definition' || statement.type === 'decorated_definition') break;
    if (statement.type === 'expression_statement' && statement.namedChildren[0]?.type === 'assignment') last = statement;
  }
  if (!last) return appendToClass(source, cls, block);
  const at = nextLineStart(source, last.endIndex);
  const prefix = at === source.length && !source.endsWith('\n') ? '\n' : '';
  return applyInsertions(source, [{ at, text: `${prefix}${block.endsWith('\n') ? block : `${block}\n`}` }]);
}
