/**
 * @fileoverview Worker thread of the pool (pool.ts): summarises addons from the shared queue, waits
 * for the merged summaries, then checks addons (work-queue.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Addon } from '../odoo/addon.js';
import { loadBaseline } from '../odoo/baseline/index.js';
import { Catalog } from '../odoo/catalog.js';
import type { WorkerCatalog, WorkerInit, WorkerReply } from './pool.js';
import { enabledRules } from './run-rules.js';
import { trace } from './trace.js';
import { checkFromQueues, summariseFromQueue } from './work-queue.js';

const port = parentPort!;
const init = workerData as WorkerInit;
const send = (m: WorkerReply): void => port.postMessage(m);

try {
  const addons = new Map<number, Addon>();
  const catalogMessage = new Promise<WorkerCatalog>((resolve) => port.once('message', resolve));
  send({ type: 'summaries', ...(await summariseFromQueue(init.plan, addons)) });
  trace('summaries');
  const { summaries, owned } = await catalogMessage;
  const catalog = new Catalog(summaries, await loadBaseline());
  trace('catalog');
  const diagnostics = await checkFromQueues(init.plan, owned, init.thread, addons, catalog, await enabledRules(init.options), init.options);
  trace('rules');
  send({ type: 'diagnostics', diagnostics });
} catch (error) {
  send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
