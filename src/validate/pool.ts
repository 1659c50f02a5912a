/**
 * @fileoverview Spreads a large run over worker threads. Every thread (the main one included)
 * takes addons from a shared queue and summarises them; the main thread merges the summaries into
 * the catalog and sends them to the workers; each thread then checks the addons it summarised
 * (reusing the files it parsed) and helps the others finish theirs (work-queue.ts). Diagnostics are
 * merged and sorted by the caller, so the order does not depend on scheduling.
 */
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Addon, AddonSummary } from '../odoo/addon.js';
import { loadBaseline } from '../odoo/baseline/index.js';
import { Catalog } from '../odoo/catalog.js';
import type { Diagnostic } from './rule.js';
import { enabledRules, type EngineOptions } from './run-rules.js';
import { trace } from './trace.js';
import { checkFromQueues, newCounters, summariseFromQueue, type QueuePlan, type Summarised } from './work-queue.js';

export interface WorkerInit {
  plan: QueuePlan;
  /** This worker's thread number (the main thread is 0). */
  thread: number;
  options: EngineOptions;
}
/** What the main thread sends once every summary is in: all of them, and who summarised which addon. */
export interface WorkerCatalog {
  summaries: AddonSummary[];
  owned: number[][];
}
export type WorkerReply = ({ type: 'summaries' } & Summarised) | { type: 'diagnostics'; diagnostics: Diagnostic[] } | { type: 'error'; error: string };

/**
 * How far (percent) a thread's old generation may grow past what the last full collection kept
 * before the next one. V8's default lets it reach up to 4x: most of what the rules phase allocates
 * dies old (an addon's parses and answers live while it is checked), so on the whole Odoo tree each
 * thread's heap grew with garbage to ~190 MB. Process-wide V8 flag: every thread of the pool.
 * The price is CPU (more full collections). With every checked addon's parses kept for the rules
 * phase (work-queue.ts), the whole tree peaked at 349-357 MB with 20, 341-358 MB with 30, 354-380
 * MB with 45 and 380-387 MB with 60, with no CPU difference the noise of a shared 2-core machine
 * let us see: 30 keeps the peak under 400 MB with a margin.
 */
const HEAP_GROWING_PERCENT = 30;

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
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const plan: QueuePlan = { dirs: [...extra, ...addons].map((a) => a.dir), checkedFrom: extra.length, counters: newCounters(workerCount + 1) };
  const workerOptions: EngineOptions = { ...options, workers: 0 };
  const workers = Array.from(
    { length: workerCount },
    (_, i) => new Worker(new URL('./worker.js', import.meta.url), { workerData: { plan, thread: i + 1, options: workerOptions } satisfies WorkerInit }),
  );
  try {
    // 1. Summaries, from every thread at once.
    const replies = workers.map(next);
    const local = new Map<number, Addon>();
    const own = await summariseFromQueue(plan, local);
    trace('summaries');
    const parts = [own, ...(await Promise.all(replies)).map((r) => (r.type === 'summaries' ? r : { indices: [], summaries: [] }))];
    // The serial order: knowledge first, then the checked addons (later ones win on a name clash).
    const summaries: AddonSummary[] = new Array(plan.dirs.length);
    for (const part of parts) part.indices.forEach((index, j) => (summaries[index] = part.summaries[j]!));
    const owned = parts.map((part) => part.indices.filter((index) => index >= plan.checkedFrom));
    trace('summaries (all threads)');
    // 2. One catalog everywhere; each thread checks its addons, then helps the others.
    const pending = workers.map(next);
    workers.forEach((w) => w.postMessage({ summaries, owned } satisfies WorkerCatalog));
    const catalog = new Catalog(summaries, await loadBaseline());
    trace('catalog');
    const diagnostics = await checkFromQueues(plan, owned, 0, local, catalog, await enabledRules(options), options);
    trace('rules');
    for (const r of await Promise.all(pending)) if (r.type === 'diagnostics') for (const d of r.diagnostics) diagnostics.push(d);
    trace('rules (all threads)');
    return diagnostics;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
