/**
 * @fileoverview Worker thread of the pool (pool.ts): summarises addons from the shared queue,
 * sharing them with the other threads, waits for theirs, then checks addons (work-queue.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInit, WorkerReply } from './pool.js';
import { SummaryExchange } from './summary-exchange.js';
import { runThreadSteps } from './work-queue.js';

const port = parentPort!;
const init = workerData as WorkerInit;
const send = (m: WorkerReply): void => port.postMessage(m);

try {
  const exchange = new SummaryExchange(init.plan.dirs.length, init.thread, init.peers);
  const diagnostics = await runThreadSteps(init.plan, init.thread, exchange, init.options);
  send({ type: 'diagnostics', diagnostics, finishedAt: performance.timeOrigin + performance.now() });
} catch (error) {
  send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
