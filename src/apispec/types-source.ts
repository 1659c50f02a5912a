/**
 * @fileoverview Where `--from-types` reads: `FILE.d.ts#TypeName`, or `package#TypeName` whose
 * declaration entry (`types`/`typings`, `exports` conditions, `index.d.ts`) is found in the
 * nearest `node_modules` upwards. Only paths are resolved here; ts-morph reads them elsewhere.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

export interface TypesSource {
  /** The declaration file to start from (absolute). */
  file: string;
  /** What the user wrote before `#`, for messages. */
  given: string;
  /** `Customer` or a qualified `Stripe.Customer`; undefined when the arg has no `#`. */
  typeName?: string;
}

const PACKAGE = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w./-]+)?$/i;
const TYPE_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

export function resolveTypesSource(arg: string, cwd: string): TypesSource {
  const hash = arg.lastIndexOf('#');
  const given = hash < 0 ? arg : arg.slice(0, hash);
  const typeName = hash < 0 ? undefined : arg.slice(hash + 1) || undefined;
  if (!given) throw new UsageError(`--from-types ${arg}: give a declaration file or a package before "#", e.g. types/api.d.ts#Customer.`);
  if (typeName !== undefined && !TYPE_NAME.test(typeName)) {
    throw new UsageError(`--from-types ${arg}: "${typeName}" is not a type name (e.g. Customer or Stripe.Customer).`);
  }
  const local = resolve(cwd, given);
  const file = existsSync(local) && statSync(local).isFile() ? local : looksLikeFile(given) ? undefined : packageEntry(given, cwd);
  if (!file) throw new UsageError(`--from-types: cannot read ${given}: no such file${looksLikeFile(given) ? '' : ', nor a package of that name in node_modules'}.`);
  return { file, given, ...(typeName ? { typeName } : {}) };
}

function looksLikeFile(given: string): boolean {
  return /\.(d\.)?[cm]?tsx?$/.test(given) || given.startsWith('.') || given.startsWith('/') || !PACKAGE.test(given);
}

/** `stripe` or `@scope/sdk/sub`: the package's declaration entry, searched upwards from cwd. */
function packageEntry(spec: string, cwd: string): string | undefined {
  const parts = spec.split('/');
  const nameLength = spec.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = parts.slice(nameLength).join('/');
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const root = join(dir, 'node_modules', name);
    if (existsSync(join(root, 'package.json'))) return entryOf(root, subpath, spec);
    // a package with declarations published apart (DefinitelyTyped)
    const typed = join(dir, 'node_modules', '@types', name.startsWith('@') ? name.slice(1).replace('/', '__') : name);
    if (existsSync(join(typed, 'package.json'))) return entryOf(typed, subpath, spec);
    if (dirname(dir) === dir) return undefined;
  }
}

function entryOf(root: string, subpath: string, spec: string): string {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`--from-types ${spec}: ${join(root, 'package.json')} is unreadable (${(error as Error).message}).`);
  }
  const key = subpath ? `./${subpath}` : '.';
  const candidates = [
    typesCondition(exportsEntry(manifest.exports, key)),
    ...(subpath ? [] : [manifest.types, manifest.typings]),
    subpath ? `${subpath}.d.ts` : 'index.d.ts',
    subpath ? `${subpath}/index.d.ts` : undefined,
  ];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const file = resolve(root, candidate);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  throw new UsageError(
    `--from-types ${spec}: ${root} declares no types for ${subpath ? `"./${subpath}"` : 'its entry'} ` +
      '(no "types"/"typings", no "types" condition in "exports", no index.d.ts): name its .d.ts file instead.',
  );
}

function exportsEntry(exports: unknown, key: string): unknown {
  if (typeof exports === 'string' || Array.isArray(exports)) return key === '.' ? exports : undefined;
  if (!exports || typeof exports !== 'object') return undefined;
  const map = exports as Record<string, unknown>;
  // `exports` is either a subpath map or, for "." alone, the conditions themselves
  return Object.keys(map).some((k) => k.startsWith('.')) ? map[key] : key === '.' ? map : undefined;
}

/** The `types` condition, looked for through nested conditions (`import: { types }`). */
function typesCondition(entry: unknown): string | undefined {
  if (typeof entry === 'string') return /\.d\.[cm]?ts$/.test(entry) ? entry : undefined;
  if (Array.isArray(entry)) return entry.map(typesCondition).find(Boolean);
  if (!entry || typeof entry !== 'object') return undefined;
  const conditions = entry as Record<string, unknown>;
  if (typeof conditions.types === 'string') return conditions.types;
  for (const key of ['import', 'require', 'node', 'default']) {
    const found = typesCondition(conditions[key]);
    if (found) return found;
  }
  return undefined;
}
