/**
 * @fileoverview Worker thread of the pool (pool.ts): summarises addons from the shared queue,
 * sharing them with the other threads, waits for theirs, then checks addons (work-queue.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Addon } from '../odoo/addon.js';
import { loadBaseline } from '../odoo/baseline/index.js';
import { Catalog } from '../odoo/catalog.js';
import type { WorkerInit, WorkerReply } from './pool.js';
import { enabledRules } from './run-rules.js';
import { SummaryExchange } from './summary-exchange.js';
import { trace } from './trace.js';
import { checkFromQueues, summariseFromQueue } from './work-queue.js';

const port = parentPort!;
const init = workerData as WorkerInit;
const send = (m: WorkerReply): void => port.postMessage(m);

try {
  const addons = new Map<number, Addon>();
  const exchange = new SummaryExchange(init.plan.dirs.length, init.thread, init.peers);
  await summariseFromQueue(init.plan, addons, exchange);
  trace('summaries');
  const [{ summaries, owned }, baseline, rules] = await Promise.all([exchange.all(), loadBaseline(), enabledRules(init.options)]);
  trace('summaries (all threads)');
  const catalog = new Catalog(summaries, baseline);
  trace('catalog');
  const diagnostics = await checkFromQueues(init.plan, owned, init.thread, addons, catalog, rules, init.options);
  trace('rules');
  send({ type: 'diagnostics', diagnostics, finishedAt: performance.timeOrigin + performance.now() });
} catch (error) {
  send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
