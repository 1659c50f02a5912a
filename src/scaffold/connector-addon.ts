/**
 * @fileoverview Finds a connector addon and reads what `init` chose for it: from the
 * `.odoo-connector.json` it wrote, or, for addons `init` did not write, from the addon itself
 * (manifest depends, the backend inheriting `generic.backend`, the bindings inheriting the
 * connector's abstract binding). Whatever cannot be found is reported with the file and what was
 * looked for.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { RefusedError } from '../errors.js';
import { readOrigin } from './file-state.js';
import { parseManifest } from '../odoo/manifest.js';
import { litString, litStrings, parsePython } from '../odoo/python.js';
import { PLATFORM_KEYS } from '../platforms/registry.js';
import { isAuthStyle, isConnectorType, type AuthStyle, type ConnectorType } from './catalogue.js';

export const CONFIG_FILE = '.odoo-connector.json';

export interface ExistingBinding {
  /** `shopify.res.partner` */
  model: string;
  /** `res.partner` */
  odooModel: string;
  /** models/<file>.py */
  file: string;
}

export interface ConnectorAddon {
  dir: string;
  module: string;
  prefix: string;
  type: ConnectorType | undefined;
  auth: AuthStyle | undefined;
  /** The platform profile `init` used (`generic` when the addon does not say). */
  platform: string;
  webhooks: boolean;
  entities: string[];
  depends: string[];
  data: string[];
  /** models/<file>.py holding `<prefix>.backend`. */
  backendFile: string;
  bindings: ExistingBinding[];
  /** Whether `.odoo-connector.json` was found (false for addons `init` did not write). */
  fromConfig: boolean;
}

/** With an explicit path, that folder; otherwise the nearest folder upwards holding a manifest. */
export function locateAddon(cwd: string, explicit: string | undefined): string {
  if (explicit !== undefined) {
    const dir = resolve(cwd, explicit);
    if (!existsSync(join(dir, '__manifest__.py'))) {
      throw new RefusedError(`${dir} is not an Odoo addon: no __manifest__.py there. Give the connector addon's folder.`);
    }
    return dir;
  }
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '__manifest__.py'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new RefusedError(
        `No __manifest__.py in ${resolve(cwd)} or any folder above it: run add-binding inside a connector addon or give its path.`,
      );
    }
    dir = parent;
  }
}

interface StoredConfig {
  prefix?: unknown;
  module?: unknown;
  type?: unknown;
  auth?: unknown;
  platform?: unknown;
  webhooks?: unknown;
  entities?: unknown;
}

function readStoredConfig(dir: string, files: AddonFiles): StoredConfig | undefined {
  const path = join(dir, CONFIG_FILE);
  const text = files.read(CONFIG_FILE);
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as StoredConfig;
  } catch {
    // reported below
  }
  throw new RefusedError(`${path}: is not a JSON object; fix or delete it (add-binding then reads the addon itself).`);
}

/** Where the addon's files are read from: the disk, or a change set planned over it. */
export interface AddonFiles {
  read(path: string): string | undefined;
  /** Python files below a folder, relative to the addon. */
  listPython(folder: string): string[];
}

export function diskFiles(dir: string): AddonFiles {
  return {
    read: (path) => readOrigin(join(dir, path)).text,
    listPython: (folder) => globSync(`${folder}/**/*.py`, { cwd: dir, followSymbolicLinks: false }).sort(),
  };
}

export async function readConnectorAddon(dir: string, files: AddonFiles = diskFiles(dir)): Promise<ConnectorAddon> {
  const manifestPath = join(dir, '__manifest__.py');
  const manifestText = files.read('__manifest__.py');
  if (manifestText === undefined) throw new RefusedError(`${manifestPath} does not exist. Nothing was written.`);
  const manifest = await parseManifest(manifestText);
  if (!manifest.dict) {
    const at = manifest.error ? `:${manifest.error.line}:${manifest.error.column}` : '';
    throw new RefusedError(`${manifestPath}${at}: the manifest is not a Python dict literal; fix it first. Nothing was written.`);
  }
  const depends = manifest.depends.map((d) => d.value);
  if (!depends.includes('generic_connector')) {
    throw new RefusedError(
      `${manifestPath}: not a connector addon: "depends" does not list generic_connector. add-binding works on addons built on generic_connector.`,
    );
  }
  const stored = readStoredConfig(dir, files);

  // The backend and bindings come from the Python models, whatever the config says.
  let backend: { file: string; name: string } | undefined;
  const classes: { file: string; name?: string; inherit: string[]; inherits: string[] }[] = [];
  for (const file of files.listPython('models')) {
    const py = await parsePython(files.read(file) ?? '');
    for (const cls of py.classes) {
      const name = litString(cls.attrs._name);
      const inherit = litStrings(cls.attrs._inherit) ?? [];
      const inheritsLit = cls.attrs._inherits;
      const inherits = inheritsLit?.kind === 'dict' ? (inheritsLit.entries ?? []).map((e) => String(e.key.value)) : [];
      classes.push({ file, name, inherit, inherits });
      if (name?.endsWith('.backend') && inherit.includes('generic.backend')) backend ??= { file, name };
    }
  }
  if (!backend) {
    throw new RefusedError(
      `${join(dir, 'models')}: no model with _inherit = "generic.backend" and a _name ending in ".backend" was found; ` +
        'add-binding needs the connector backend.',
    );
  }
  const prefix = backend.name.slice(0, -'.backend'.length);
  if (typeof stored?.prefix === 'string' && stored.prefix !== prefix) {
    throw new RefusedError(
      `${join(dir, CONFIG_FILE)}: prefix "${stored.prefix}" does not match the backend model ${backend.name} in ${backend.file}.`,
    );
  }
  const bindings = classes
    .filter((c) => c.name && c.inherit.includes(`${prefix}.binding`) && c.inherits.length === 1)
    .map((c) => ({ model: c.name!, odooModel: c.inherits[0]!, file: c.file }));
  const type = typeof stored?.type === 'string' && isConnectorType(stored.type) ? stored.type : undefined;
  const auth = typeof stored?.auth === 'string' && isAuthStyle(stored.auth) ? stored.auth : undefined;
  const module = dir.split(/[\\/]/).filter(Boolean).at(-1)!;
  return {
    dir,
    module,
    prefix,
    type,
    auth,
    platform: typeof stored?.platform === 'string' && PLATFORM_KEYS.includes(stored.platform) ? stored.platform : 'generic',
    webhooks: typeof stored?.webhooks === 'boolean' ? stored.webhooks : existsSync(join(dir, 'controllers')),
    entities: Array.isArray(stored?.entities) ? stored.entities.filter((e): e is string => typeof e === 'string') : [],
    depends,
    data: manifest.data.map((d) => d.value),
    backendFile: backend.file,
    bindings,
    fromConfig: stored !== undefined,
  };
}
