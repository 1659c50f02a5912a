/**
 * @fileoverview Spreads a large run over worker threads. Each thread (the main one included) reads
 * and summarises a share of the addons; the main thread merges the summaries into the catalog and
 * sends them back; each thread then runs the rules on its share of the checked addons, reusing the
 * files it already parsed. Diagnostics are merged and sorted by the caller, so the order does not
 * depend on scheduling.
 */
import { Worker } from 'node:worker_threads';
import type { Addon, AddonSummary } from '../odoo/addon.js';
import { loadBaseline } from '../odoo/baseline/index.js';
import { Catalog } from '../odoo/catalog.js';
import type { Diagnostic } from './rule.js';
import { enabledRules, runRules, type EngineOptions } from './run-rules.js';

export interface WorkerInit {
  checked: string[];
  extra: string[];
  options: EngineOptions;
}
export type WorkerReply = { type: 'summaries'; summaries: AddonSummary[] } | { type: 'diagnostics'; diagnostics: Diagnostic[] } | { type: 'error'; error: string };

/** Deals items round-robin into n shares (addon folders come sorted, so shares mix sizes). */
function deal<T>(items: T[], n: number): T[][] {
  const shares: T[][] = Array.from({ length: n }, () => []);
  items.forEach((item, i) => shares[i % n]!.push(item));
  return shares;
}

function next(worker: Worker): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: WorkerReply): void => {
      worker.off('error', onError);
      if (m.type === 'error') reject(new Error(m.error));
      else resolve(m);
    };
    const onError = (e: Error): void => {
      worker.off('message', onMessage);
      reject(e);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
  });
}

export async function checkInWorkers(addons: Addon[], extra: Addon[], options: EngineOptions, workerCount: number): Promise<Diagnostic[]> {
  const checkedShares = deal(addons, workerCount + 1);
  const extraShares = deal(extra, workerCount + 1);
  const workerOptions: EngineOptions = { ...options, workers: 0 };
  const workers = checkedShares.slice(1).map(
    (share, i) =>
      new Worker(new URL('./worker.js', import.meta.url), {
        workerData: { checked: share.map((a) => a.dir), extra: extraShares[i + 1]!.map((a) => a.dir), options: workerOptions } satisfies WorkerInit,
      }),
  );
  try {
    // 1. Summaries, from every thread at once.
    const own = Promise.all([...extraShares[0]!, ...checkedShares[0]!].map((a) => a.summary()));
    const replies = await Promise.all(workers.map(next));
    const byDir = new Map<string, AddonSummary>();
    const lists = [await own, ...replies.map((r) => (r.type === 'summaries' ? r.summaries : []))];
    lists.forEach((list, i) => [...extraShares[i]!, ...checkedShares[i]!].forEach((a, j) => byDir.set(a.dir, list[j]!)));
    // The serial order: knowledge first, then the checked addons (later ones win on a name clash).
    const summaries = [...extra, ...addons].map((a) => byDir.get(a.dir)!);
    // 2. One catalog everywhere; each thread checks its share.
    const pending = workers.map(next);
    workers.forEach((w) => w.postMessage(summaries));
    const catalog = new Catalog(summaries, await loadBaseline());
    const rules = await enabledRules(options);
    const diagnostics = await runRules(checkedShares[0]!, catalog, rules, options);
    for (const r of await Promise.all(pending)) if (r.type === 'diagnostics') for (const d of r.diagnostics) diagnostics.push(d);
    return diagnostics;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
