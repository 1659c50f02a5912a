/**
 * @fileoverview Where a described binding's API description is recorded in `.odoo-connector.json`
 * (so `init --force` can map it again): a file given by a relative path as a path relative to the
 * addon, which moves with the repository; an absolute path and a package name as given (a package
 * is looked up in node_modules from the addon).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { AddedBinding } from './config-file.js';
import type { BindingRequest } from './binding-entity.js';

type Described = Pick<AddedBinding, 'fromOpenapi' | 'fromTypes'>;

/**
 * `file[#pointer]` with a file given relative to `cwd`, re-expressed relative to `addonDir`; an
 * absolute path stays one (a description outside the repository does not move with it).
 */
function fromAddon(arg: string, cwd: string, addonDir: string, hashAt: number): string {
  const hash = hashAt < 0 ? arg.length : hashAt;
  if (isAbsolute(arg.slice(0, hash))) return arg;
  const file = resolve(cwd, arg.slice(0, hash));
  if (!existsSync(file)) return arg; // a package name (--from-types): looked up from the addon too
  const path = relative(addonDir, file).split(sep).join('/');
  return `${path}${arg.slice(hash)}`;
}

/** The description options of an add-binding request, as recorded for the addon. */
export function recordedDescription(request: BindingRequest, addonDir: string): Described {
  const cwd = request.cwd ?? process.cwd();
  // OpenAPI's pointer follows the first '#'; a types argument's type name the last one
  if (request.fromOpenapi !== undefined) return { fromOpenapi: fromAddon(request.fromOpenapi, cwd, addonDir, request.fromOpenapi.indexOf('#')) };
  if (request.fromTypes !== undefined) return { fromTypes: fromAddon(request.fromTypes, cwd, addonDir, request.fromTypes.lastIndexOf('#')) };
  return {};
}

/** The request options that read a recorded description again (paths are the addon's). */
export function replayedDescription(record: AddedBinding, addonDir: string): Pick<BindingRequest, 'fromOpenapi' | 'fromTypes' | 'cwd'> {
  if (record.fromOpenapi === undefined && record.fromTypes === undefined) return {};
  return {
    ...(record.fromOpenapi !== undefined ? { fromOpenapi: record.fromOpenapi } : {}),
    ...(record.fromTypes !== undefined ? { fromTypes: record.fromTypes } : {}),
    cwd: resolve(addonDir),
  };
}
