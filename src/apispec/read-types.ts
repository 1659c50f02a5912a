/**
 * @fileoverview `--from-types FILE.d.ts#TypeName` (or `package#TypeName`) -> the external
 * resource, read with ts-morph: interfaces, type aliases and classes (with what they extend or
 * intersect), optional and `readonly` properties, string-literal unions and string enums as
 * enums, arrays, nested objects, `Date`. ts-morph (and the TypeScript compiler it carries) is
 * imported only here, and this module only when the option is given: the CLI starts without it.
 */
import { isAbsolute, relative } from 'node:path';
import type { Node as MorphNode, Project, SourceFile, Symbol as MorphSymbol, Type } from 'ts-morph';
import { UsageError } from '../errors.js';
import type { ExternalField, ExternalResource } from './model.js';
import { resolveTypesSource, type TypesSource } from './types-source.js';

type Morph = typeof import('ts-morph');

interface Declared {
  qualified: string;
  node: MorphNode;
  file: SourceFile;
  exported: boolean;
}

/**
 * Nested objects expanded below the record: one level (an address), which is all the mapping
 * reads. SDK types link to each other everywhere; each level deeper multiplies the work of the
 * type checker by the number of links (seconds on an SDK of a few hundred interfaces).
 */
const MAX_NESTING = 1;

export async function readTypesResource(arg: string, entity: string, cwd: string): Promise<ExternalResource> {
  const source = resolveTypesSource(arg, cwd);
  const types = await TypesProject.open(source, cwd);
  return types.resource(source.typeName ? types.find(source.typeName) : types.namedLike(entity, `: name it as ${source.given}#<TypeName>`));
}

/**
 * `init --from-types FILE|package`: each entity's type, found by name (`customer` -> `Customer`),
 * as the `FILE#Qualified.Name` add-binding takes; an error lists the exported types.
 */
export async function typesForEntities(arg: string, entities: string[], cwd: string): Promise<Record<string, string>> {
  const source = resolveTypesSource(arg, cwd);
  if (source.typeName) {
    throw new UsageError(`init --from-types ${arg}: give the file or package alone; each of --entities is looked up as a type by its name.`);
  }
  const types = await TypesProject.open(source, cwd);
  const out: Record<string, string> = {};
  for (const entity of entities) out[entity] = `${source.given}#${types.namedLike(entity, ' (give --entities the names of its types)').qualified}`;
  return out;
}

/** The declarations of one entry file and what it imports or references. */
class TypesProject {
  private constructor(
    private readonly morph: Morph,
    private readonly project: Project,
    private readonly entry: SourceFile,
    private readonly declared: Declared[],
    private readonly shown: string,
    private readonly cwd: string,
  ) {}

  static async open(source: TypesSource, cwd: string): Promise<TypesProject> {
    const morph = await loadMorph();
    const project = new morph.Project({
      // skipLibCheck would silence the errors of the .d.ts itself, which explain what did not resolve
      compilerOptions: { strict: true, noEmit: true, target: morph.ts.ScriptTarget.ES2022 },
      skipAddingFilesFromTsConfig: true,
      skipFileDependencyResolution: true,
    });
    const shown = shownPath(cwd, source.file);
    let entry: SourceFile;
    try {
      entry = project.addSourceFileAtPath(source.file);
    } catch (error) {
      throw new UsageError(`${shown}: cannot read the declaration file (${(error as Error).message.split('\n')[0]}).`);
    }
    // imports and /// <reference>s: an SDK spreads its resources over many files
    project.resolveSourceFileDependencies();
    return new TypesProject(morph, project, entry, declarations(morph, project), shown, cwd);
  }

  find(name: string): Declared {
    return findType(this.declared, name, this.entry, this.shown);
  }

  /** @param hint how to name another type, for the error */
  namedLike(entity: string, hint = ''): Declared {
    return typeNamedLike(this.declared, entity, this.entry, this.shown, hint);
  }

  resource(target: Declared): ExternalResource {
    return new TypeReader(this.morph, this.project, this.cwd).resource(target, this.shown);
  }
}

/** Relative to the working folder when inside it, absolute otherwise. */
function shownPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

async function loadMorph(): Promise<Morph> {
  try {
    return await import('ts-morph');
  } catch (error) {
    throw new UsageError(`--from-types needs the ts-morph package, which could not be loaded (${(error as Error).message.split('\n')[0]}): reinstall odoo-connector.`);
  }
}

/** Every interface, type alias, class and enum of the project's files, by qualified name (namespaces). */
function declarations(morph: Morph, project: Project): Declared[] {
  const out: Declared[] = [];
  const { Node } = morph;
  // members of a namespace are exported with it (`declare namespace Sdk` has no export keywords)
  const walk = (nodes: MorphNode[], prefix: string, file: SourceFile): void => {
    for (const node of nodes) {
      if (Node.isInterfaceDeclaration(node) || Node.isTypeAliasDeclaration(node) || Node.isClassDeclaration(node) || Node.isEnumDeclaration(node)) {
        const name = node.getName();
        if (name) out.push({ qualified: `${prefix}${name}`, node, file, exported: prefix !== '' || node.isExported() || node.isDefaultExport() });
      } else if (Node.isModuleDeclaration(node)) {
        // `declare module 'sdk' { namespace Sdk { interface Customer } }`: quoted module names add nothing
        const name = node.getName();
        const inner = /^['"]/.test(name) ? prefix : `${prefix}${name}.`;
        walk(node.getStatements(), inner, file);
      }
    }
  };
  for (const file of project.getSourceFiles()) walk(file.getStatements(), '', file);
  return out;
}

function findType(declared: Declared[], name: string, entry: SourceFile, shown: string): Declared {
  const matches = declared.filter((d) => d.qualified === name || d.qualified.endsWith(`.${name}`));
  const exact = matches.filter((d) => d.qualified === name);
  const pool = exact.length ? exact : matches;
  // declaration merging repeats a name: one qualified name is one type
  const distinct = [...new Map(pool.map((d) => [d.qualified, d])).values()];
  const inEntry = distinct.filter((d) => d.file === entry);
  const chosen = distinct.length === 1 ? distinct[0] : inEntry.length === 1 ? inEntry[0] : undefined;
  if (chosen) return chosen;
  if (distinct.length > 1) {
    throw new UsageError(`${shown}#${name}: several types are named so (${distinct.map((d) => d.qualified).join(', ')}): give the qualified name.`);
  }
  throw new UsageError(`${shown}: no interface, type alias or class named ${name}${candidates(declared)}.`);
}

/** No `#TypeName`: the exported type named like the entity (`customer` -> `Customer`). */
function typeNamedLike(declared: Declared[], entity: string, entry: SourceFile, shown: string, hint: string): Declared {
  const wanted = entity.replace(/[_-]/g, '').toLowerCase();
  const simple = (d: Declared): string => d.qualified.split('.').pop()!.toLowerCase();
  const named = declared.filter((d) => simple(d) === wanted && d.exported);
  const chosen = named.find((d) => d.file === entry) ?? (named.length === 1 ? named[0] : undefined);
  if (chosen) return chosen;
  throw new UsageError(`${shown}: no exported type named like "${entity}"${hint}${candidates(declared)}.`);
}

function candidates(declared: Declared[]): string {
  const names = [...new Set(declared.filter((d) => d.exported).map((d) => d.qualified))];
  if (!names.length) return ' (the file exports no types)';
  return `; exported types: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', ...' : ''}`;
}

class TypeReader {
  constructor(
    private readonly morph: Morph,
    private readonly project: Project,
    private readonly cwd: string,
  ) {}

  resource(target: Declared, shown: string): ExternalResource {
    const { Node } = this.morph;
    const { node, qualified } = target;
    const where = `${shown}#${qualified}`;
    if (Node.isEnumDeclaration(node)) throw new UsageError(`${where} is an enum, not a record: name the interface that uses it.`);
    const params = Node.isInterfaceDeclaration(node) || Node.isTypeAliasDeclaration(node) || Node.isClassDeclaration(node) ? node.getTypeParameters() : [];
    if (params.length) {
      const list = params.map((p) => p.getName()).join(', ');
      throw new UsageError(
        `${where} is generic (<${list}>): its fields depend on what fills ${list}. ` +
          `Declare an instance and name it, e.g. "export type ${qualified.split('.').pop()}Of = ${qualified.split('.').pop()}<Customer>".`,
      );
    }
    const type = node.getType().getNonNullableType();
    if (this.unresolved(type)) throw new UsageError(`${where} cannot be resolved${this.diagnostics(node.getSourceFile())}.`);
    if (type.isUnion() && !type.isBoolean()) {
      throw new UsageError(`${where} is a union of ${type.getUnionTypes().length} shapes: the mapping needs one. Name one of its members.`);
    }
    const properties = this.properties(type);
    if (!properties.length || !(type.isObject() || type.isIntersection()) || type.isArray()) {
      throw new UsageError(`${where} is not a record type with properties (it is ${type.getText(node)}): name the interface of one record.`);
    }
    const fields = this.fields(type, node, where, new Set([type.compilerType]));
    return { name: qualified.split('.').pop()!, pointer: where, fields, notes: [] };
  }

  /** Data properties: no methods, nothing private. */
  private properties(type: Type): MorphSymbol[] {
    const { Node } = this.morph;
    return type.getProperties().filter((symbol) => {
      const decl = symbol.getDeclarations()[0];
      if (!decl) return true;
      if (Node.isMethodSignature(decl) || Node.isMethodDeclaration(decl)) return false;
      if (symbol.getName().startsWith('#') || symbol.getName().startsWith('__')) return false;
      return !(Node.isModifierable(decl) && (decl.hasModifier(this.morph.SyntaxKind.PrivateKeyword) || decl.hasModifier(this.morph.SyntaxKind.ProtectedKeyword) || decl.hasModifier(this.morph.SyntaxKind.StaticKeyword)));
    });
  }

  private fields(type: Type, at: MorphNode, where: string, expanding: Set<unknown>): ExternalField[] {
    return this.properties(type).map((symbol) => {
      const decl = symbol.getDeclarations()[0];
      const propType = symbol.getTypeAtLocation(at);
      const pointer = `${where}.${symbol.getName()}`;
      const required = (symbol.getFlags() & this.morph.ts.SymbolFlags.Optional) === 0;
      const readOnly = !!decl && this.morph.Node.isModifierable(decl) && decl.hasModifier(this.morph.SyntaxKind.ReadonlyKeyword);
      return this.field(symbol.getName(), propType, decl ?? at, pointer, { required, readOnly, example: decl ? this.example(decl) : undefined }, expanding);
    });
  }

  private field(
    name: string,
    raw: Type,
    at: MorphNode,
    pointer: string,
    base: { required: boolean; readOnly: boolean; example: unknown },
    expanding: Set<unknown>,
  ): ExternalField {
    const line = at.getStartLineNumber();
    const file = shownPath(this.cwd, at.getSourceFile().getFilePath());
    const common = {
      name,
      required: base.required,
      readOnly: base.readOnly,
      pointer: `${pointer} (${file}:${line})`,
      ...(base.example !== undefined ? { example: base.example } : {}),
    };
    const type = raw.getNonNullableType();
    if (this.unresolved(type)) {
      throw new UsageError(`${file}:${line}: ${pointer} has a type that cannot be resolved${this.diagnostics(at.getSourceFile(), line)}.`);
    }
    if (type.isTypeParameter()) {
      throw new UsageError(`${file}:${line}: ${pointer} has the unresolved type parameter ${type.getText()}: name an instance of the generic type.`);
    }
    const refName = this.refName(type);
    const named = refName ? { refName } : {};
    if (type.isBoolean() || type.isBooleanLiteral()) return { ...common, type: 'boolean' };
    if (type.isNumber() || type.isNumberLiteral()) return { ...common, type: 'number' };
    if (type.isString() || type.isTemplateLiteral()) return { ...common, type: 'string' };
    const values = this.stringLiterals(type);
    if (values) return { ...common, ...named, type: 'enum', values };
    if (type.isUnion()) {
      const members = type.getUnionTypes();
      // an id or its expanded object (`string | Customer`, as Stripe's expandable fields): the id comes by default
      if (members.some((m) => m.isString() || m.isStringLiteral())) return { ...common, type: 'string' };
      if (members.every((m) => m.isNumber() || m.isNumberLiteral())) return { ...common, type: 'number' };
      return { ...common, type: 'object' };
    }
    const symbol = type.getSymbol()?.getName();
    if (symbol === 'Date') return { ...common, type: 'date-time' };
    const element = type.isArray() ? type.getArrayElementType() : symbol === 'ReadonlyArray' ? type.getTypeArguments()[0] : undefined;
    if (element) {
      return { ...common, type: 'array', items: this.field('item', element, at, `${pointer}[]`, { required: false, readOnly: false, example: undefined }, expanding) };
    }
    if (type.isObject() || type.isIntersection()) {
      // a type containing itself (a category's parent) is named, not expanded again; nor is
      // anything deeper than a record's address
      const key = type.compilerType;
      if (expanding.has(key) || expanding.size > MAX_NESTING || !this.properties(type).length) return { ...common, ...named, type: 'object' };
      const inner = new Set(expanding).add(key);
      return { ...common, ...named, type: 'object', fields: this.fields(type, at, pointer, inner) };
    }
    // any, unknown, a symbol: carried as text, as an untyped OpenAPI property is
    return { ...common, type: 'string' };
  }

  /** `'open' | 'paid'`, a string enum or one of its members: the values; undefined otherwise. */
  private stringLiterals(type: Type): string[] | undefined {
    const members = type.isUnion() ? type.getUnionTypes() : [type];
    const values = members.map((m) => (m.isStringLiteral() || m.isEnumLiteral() ? m.getLiteralValue() : undefined));
    return values.every((v): v is string => typeof v === 'string') ? values : undefined;
  }

  /** The declared name of a named type (`Address`), not of an anonymous object literal. */
  private refName(type: Type): string | undefined {
    const name = type.getAliasSymbol()?.getName() ?? type.getSymbol()?.getName();
    return name && !name.startsWith('__') ? name : undefined;
  }

  /** The compiler's error type (`any` standing for what it could not resolve). */
  private unresolved(type: Type): boolean {
    return (type.compilerType as { intrinsicName?: string }).intrinsicName === 'error';
  }

  /** `@example` or `@default` of the JSDoc, as JSON when it parses, else as text. */
  private example(decl: MorphNode): unknown {
    if (!this.morph.Node.isJSDocable(decl)) return undefined;
    for (const doc of decl.getJsDocs()) {
      for (const tag of doc.getTags()) {
        if (!['example', 'default', 'defaultValue'].includes(tag.getTagName())) continue;
        const text = tag.getCommentText()?.trim();
        if (!text) continue;
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return text.replace(/^['"`]|['"`]$/g, '');
        }
      }
    }
    return undefined;
  }

  /** The compiler's first errors about the file, as ": a.d.ts:3: Cannot find name 'X'; ...". */
  private diagnostics(file: SourceFile, line?: number): string {
    const errors = this.project
      .getProgram()
      .getSemanticDiagnostics(file)
      .filter((d) => d.getCategory() === this.morph.DiagnosticCategory.Error && (line === undefined || d.getLineNumber() === line))
      .slice(0, 3)
      .map((d) => {
        const message = d.getMessageText();
        const text = typeof message === 'string' ? message : message.getMessageText();
        return `${shownPath(this.cwd, file.getFilePath())}:${d.getLineNumber() ?? '?'}: ${text.replace(/\.$/, '')}`;
      });
    return errors.length ? `: ${errors.join('; ')}` : '';
  }
}
