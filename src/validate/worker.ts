/**
 * @fileoverview Worker thread of the pool (pool.ts): summarises its share of addons, waits for the
 * merged summaries, then runs the rules on its checked addons.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Addon, type AddonSummary } from '../odoo/addon.js';
import { loadBaseline } from '../odoo/baseline/index.js';
import { Catalog } from '../odoo/catalog.js';
import type { WorkerInit, WorkerReply } from './pool.js';
import { enabledRules, runRules } from './run-rules.js';

const port = parentPort!;
const init = workerData as WorkerInit;
const send = (m: WorkerReply): void => port.postMessage(m);

try {
  const checked = init.checked.map((d) => new Addon(d));
  const extra = init.extra.map((d) => new Addon(d));
  send({ type: 'summaries', summaries: await Promise.all([...extra, ...checked].map((a) => a.summary())) });
  const summaries = await new Promise<AddonSummary[]>((resolve) => port.once('message', resolve));
  const catalog = new Catalog(summaries, await loadBaseline());
  send({ type: 'diagnostics', diagnostics: await runRules(checked, catalog, await enabledRules(init.options), init.options) });
} catch (error) {
  send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
