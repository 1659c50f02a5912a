/**
 * @fileoverview Which addons `validate --changed` checks: those holding a changed file, and those
 * depending on them (transitively, through the manifests' `depends`, among the addons found).
 */
import { realpathSync } from 'node:fs';
import { basename, sep } from 'node:path';
import { Addon } from '../odoo/addon.js';

export interface ChangedSelection {
  /** Addon folders holding a changed file. */
  changed: string[];
  /** Addon folders depending on a changed one, directly or not (and not changed themselves). */
  dependents: string[];
}

function realPath(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** `addonDirs` are the addons found in the paths given; `files` absolute paths from git. */
export async function selectChangedAddons(addonDirs: string[], files: string[]): Promise<ChangedSelection> {
  // git names files under the repository's real path; the folders may have come through a link.
  const changed = addonDirs.filter((dir) => {
    const prefix = realPath(dir) + sep;
    return files.some((file) => file.startsWith(prefix));
  });
  const dependsOf = new Map<string, string[]>();
  for (const dir of addonDirs) {
    const manifest = await new Addon(dir).manifest();
    dependsOf.set(dir, manifest.depends.map((entry) => entry.value));
  }
  const selected = new Set(changed);
  const selectedNames = new Set(changed.map((dir) => basename(dir)));
  // Grow the selection until no remaining addon depends on a selected name.
  for (let grown = true; grown; ) {
    grown = false;
    for (const dir of addonDirs) {
      if (selected.has(dir) || !dependsOf.get(dir)!.some((name) => selectedNames.has(name))) continue;
      selected.add(dir);
      selectedNames.add(basename(dir));
      grown = true;
    }
  }
  return { changed, dependents: addonDirs.filter((dir) => selected.has(dir) && !changed.includes(dir)) };
}
