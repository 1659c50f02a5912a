/**
 * @fileoverview The two steps every thread of the pool runs (pool.ts, worker.ts), handing out
 * addons through counters in shared memory so that threads finish together whatever the addon
 * sizes: an idle thread takes the next addon instead of waiting for a share dealt in advance.
 * 1. Summaries: one counter over every addon (knowledge first, then checked); the summaries go to
 *    the other threads as they come (summary-exchange.ts).
 * 2. Rules: each thread first checks the addons it summarised (their files parsed already, up to a
 *    character budget), costliest first, then takes the addons other threads have not reached
 *    yet, reading them afresh.
 */
import { Addon } from '../odoo/addon.js';
import { loadBaseline } from '../odoo/baseline/index.js';
import { Catalog } from '../odoo/catalog.js';
import { warmUpReaders } from '../odoo/reader-warm-up.js';
import type { Diagnostic, Rule } from './rule.js';
import { enabledRules, runRules, type EngineOptions } from './run-rules.js';
import type { SummaryExchange } from './summary-exchange.js';
import { trace } from './trace.js';

export interface QueuePlan {
  /** Every addon folder: knowledge-only ones, then those to check (the serial order). */
  dirs: string[];
  /** Index in dirs of the first addon to check. */
  checkedFrom: number;
  /** Slot 0: next addon to summarise; slot 1 + t: progress of thread t through its own checked addons. */
  counters: SharedArrayBuffer;
}

export function newCounters(threads: number): SharedArrayBuffer {
  return new SharedArrayBuffer(4 * (1 + threads));
}

/**
 * Parsed files are kept for step 2 while the texts they were parsed from total less than this many
 * characters in this thread; past it, step 2 reads and parses the addon's files again. Kept parses
 * no longer hold their texts (Addon.dropTexts): over the whole Odoo tree + OCA queue/connector
 * (2 threads, 19-23 M characters each) they are ~40-45 MB of heap per thread. Keeping them all
 * saves reading and parsing them twice (~1-1.5 s of CPU) at a peak RSS of 340-361 MB, where the
 * former budget of 64 MB of heap (part of the addons read twice) peaked at 340-375 MB, measured
 * side by side. Counted in characters rather than heap: the heap also holds garbage, so a heap
 * budget kept a different share of the addons each run. Bounds memory on larger trees.
 */
const KEEP_PARSES_OF_CHARS = 32 * 1048576;

/** A thread's summaries go out to the others in batches of this many (few messages, a short last one). */
const SUMMARY_BATCH = 8;

/** Lets the event loop take the other threads' batches in (their structured clone is read then). */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The order in which a thread checks its addons (indices into plan.dirs, with what summarising each
 * took: a proxy for reading and checking it): those whose parses it kept first, so that their
 * memory goes soonest, then the others; each part costliest first, so that the end of the list,
 * where threads help one another, is small addons and no thread waits long for another's last one.
 */
export function checkOrder(cost: ReadonlyMap<number, number>, kept: ReadonlySet<number>): number[] {
  return [...cost.keys()].sort((x, y) => Number(kept.has(y)) - Number(kept.has(x)) || cost.get(y)! - cost.get(x)! || x - y);
}

/**
 * Takes addons from the shared counter and summarises them, sharing the summaries with the other
 * threads as it goes; keeps the Addon objects for step 2. Ends by telling the others in which order
 * it checks its addons (checkOrder), which it returns.
 */
async function summariseFromQueue(plan: QueuePlan, addons: Map<number, Addon>, exchange: SummaryExchange): Promise<number[]> {
  // Pool runs are long ones: V8 optimises the readers, so give them every construct's feedback first.
  warmUpReaders();
  const counters = new Int32Array(plan.counters);
  const cost = new Map<number, number>();
  const kept = new Set<number>();
  // Characters of text behind the parses kept so far.
  let keptChars = 0;
  for (let i = Atomics.add(counters, 0, 1); i < plan.dirs.length; i = Atomics.add(counters, 0, 1)) {
    const addon = new Addon(plan.dirs[i]!);
    const start = performance.now();
    exchange.add(i, await addon.summary());
    const took = performance.now() - start;
    if (exchange.pending >= SUMMARY_BATCH) {
      exchange.flush();
      await yieldToMessages();
    }
    // Addons read for knowledge only are never checked: their summaries are all that is needed.
    if (i < plan.checkedFrom) {
      addon.release();
      continue;
    }
    cost.set(i, took);
    // Past the budget, step 2 reads the files again (the listing and manifest stay).
    if (keptChars >= KEEP_PARSES_OF_CHARS) addon.release();
    else {
      keptChars += addon.dropTexts();
      kept.add(i);
    }
    addons.set(i, addon);
  }
  const owned = checkOrder(cost, kept);
  exchange.finish(owned);
  return owned;
}

/**
 * Checks this thread's own addons (`owned[thread]`, indices into plan.dirs), then helps the other
 * threads with theirs. Each addon is checked exactly once, by whoever moves its owner's counter past it.
 */
async function checkFromQueues(
  plan: QueuePlan,
  owned: number[][],
  thread: number,
  addons: Map<number, Addon>,
  catalog: Catalog,
  rules: Rule[],
  options: EngineOptions,
): Promise<Diagnostic[]> {
  const counters = new Int32Array(plan.counters);
  const diagnostics: Diagnostic[] = [];
  for (let k = 0; k < owned.length; k++) {
    const t = (thread + k) % owned.length;
    const list = owned[t]!;
    for (let j = Atomics.add(counters, 1 + t, 1); j < list.length; j = Atomics.add(counters, 1 + t, 1)) {
      const i = list[j]!;
      const addon = addons.get(i) ?? new Addon(plan.dirs[i]!);
      addons.delete(i);
      for (const d of await runRules([addon], catalog, rules, options)) diagnostics.push(d);
    }
  }
  // Addons summarised here but checked by another thread: their parses are no longer needed.
  for (const a of addons.values()) a.release();
  addons.clear();
  return diagnostics;
}

/**
 * Both steps as one thread of the pool runs them (the main one and each worker): summarise, wait
 * for the others' summaries, build the catalog, check. `waitForOthers` wraps that wait (the main
 * thread ends it when a worker fails).
 */
export async function runThreadSteps(
  plan: QueuePlan,
  thread: number,
  exchange: SummaryExchange,
  options: EngineOptions,
  waitForOthers: <T>(wait: Promise<T>) => Promise<T> = (wait) => wait,
): Promise<Diagnostic[]> {
  const addons = new Map<number, Addon>();
  await summariseFromQueue(plan, addons, exchange);
  trace('summaries');
  const [{ summaries, owned }, baseline, rules] = await waitForOthers(Promise.all([exchange.all(), loadBaseline(), enabledRules(options)]));
  trace('summaries (all threads)');
  const catalog = new Catalog(summaries, baseline);
  trace('catalog');
  const diagnostics = await checkFromQueues(plan, owned, thread, addons, catalog, rules, options);
  trace('rules');
  return diagnostics;
}
