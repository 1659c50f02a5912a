/**
 * @fileoverview Spreads a large run over worker threads. Every thread (the main one included)
 * takes addons from a shared queue and summarises them, sharing the summaries with the other
 * threads as it goes (summary-exchange.ts); each thread builds the catalog once every summary is
 * in, checks the addons it summarised (reusing the files it parsed) and helps the others finish
 * theirs (work-queue.ts). Diagnostics are merged and sorted by the caller, so the order does not
 * depend on scheduling.
 */
import { setFlagsFromString } from 'node:v8';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Addon } from '../odoo/addon.js';
import type { Diagnostic } from './rule.js';
import type { EngineOptions } from './run-rules.js';
import { linkThreads, SummaryExchange } from './summary-exchange.js';
import { countIdle, trace } from './trace.js';
import { newCounters, runThreadSteps, type QueuePlan } from './work-queue.js';

export interface WorkerInit {
  plan: QueuePlan;
  /** This worker's thread number (the main thread is 0). */
  thread: number;
  options: EngineOptions;
  /** Its links to the other threads, for the summaries (summary-exchange.ts). */
  peers: MessagePort[];
}
/** `finishedAt`: when the worker was done, as performance.timeOrigin + performance.now() (for the trace). */
export type WorkerReply = { type: 'diagnostics'; diagnostics: Diagnostic[]; finishedAt: number } | { type: 'error'; error: string };

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

/**
 * A worker's young generation (two semi-spaces and the new large-object space: 3x a semi-space),
 * in MB: 24 is semi-spaces of 8 MB instead of V8's 16 MB. A parse's nodes die young either way;
 * smaller semi-spaces only scavenge more often. Whole tree, six pairs of runs side by side: peak RSS
 * 332-351 MB instead of 346-388 MB, for ~3 % more CPU (within this machine's noise): margin under
 * the 400 MB target. The main thread's isolate exists before any code runs: it keeps V8's size.
 */
const WORKER_YOUNG_GENERATION_MB = 24;

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

/** Never settles: a reply that comes before it is awaited is not a failure. */
const never = new Promise<never>(() => undefined);

export async function checkInWorkers(addons: Addon[], extra: Addon[], options: EngineOptions, workerCount: number): Promise<Diagnostic[]> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const plan: QueuePlan = { dirs: [...extra, ...addons].map((a) => a.dir), checkedFrom: extra.length, counters: newCounters(workerCount + 1) };
  const workerOptions: EngineOptions = { ...options, workers: 0 };
  const links = linkThreads(workerCount + 1);
  const exchange = new SummaryExchange(plan.dirs.length, 0, links[0]!);
  const workers = Array.from({ length: workerCount }, (_, i) => {
    const peers = links[i + 1]!;
    return new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { plan, thread: i + 1, options: workerOptions, peers } satisfies WorkerInit,
      transferList: peers,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
  });
  const replies = workers.map(next);
  // A worker that fails never finishes step 1: its error ends the wait for the others' summaries.
  // Handled from the start: it may come while this thread still summarises (it yields to messages).
  const failure = Promise.race(replies.map((r) => r.then(() => never)));
  failure.catch(() => undefined);
  try {
    // 1. Summaries, from every thread at once, shared as they come; 2. one catalog everywhere; each
    // thread checks its addons, then helps the others.
    const diagnostics = await runThreadSteps(plan, 0, exchange, options, (wait) => Promise.race([wait, failure]));
    const done = performance.now();
    const finished: number[] = [];
    for (const r of await Promise.all(replies)) {
      if (r.type !== 'diagnostics') continue;
      for (const d of r.diagnostics) diagnostics.push(d);
      finished.push(r.finishedAt);
    }
    const end = performance.now();
    countIdle(end - done);
    // How long each worker waited for the last thread to finish.
    const last = finished.reduce((a, b) => Math.max(a, b), performance.timeOrigin + done);
    trace('rules (all threads)', finished.map((at, i) => `t${i + 1} idle at end ${((last - at) / 1000).toFixed(2)}s`).join(' '));
    return diagnostics;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    exchange.close();
  }
}
