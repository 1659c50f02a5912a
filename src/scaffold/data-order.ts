/**
 * @fileoverview The manifest `data` order that installs on a fresh database: groups before the
 * access rows that name them, queue channels before job functions, actions before the menus that
 * open them, menus last (FRAMEWORK-SPEC §D0.2).
 */

const RANKS: [RegExp, number][] = [
  [/^security\/.*\.xml$/, 0],
  [/^security\/ir\.model\.access\.csv$/, 1],
  [/^data\/.*queue_job.*\.xml$/, 2],
  [/^data\/.*cron.*\.xml$/, 3],
  [/^data\/.*\.(xml|csv)$/, 4],
  [/^views\/.*menus?\.xml$/, 9],
  [/^views\/.*_backend_views\.xml$/, 5],
  [/^views\/.*\.xml$/, 6],
  [/^wizards\/.*\.xml$/, 7],
];

/** Files Odoo loads from `data` (XML and CSV outside tests, demo and static). */
export function isDataFile(path: string): boolean {
  return /\.(xml|csv)$/.test(path) && /^(security|data|views|wizards|report)\//.test(path);
}

export function dataRank(path: string): number {
  for (const [pattern, rank] of RANKS) if (pattern.test(path)) return rank;
  return 8;
}

export function orderDataFiles(paths: string[]): string[] {
  return paths
    .filter(isDataFile)
    .sort((a, b) => dataRank(a) - dataRank(b) || a.localeCompare(b));
}
