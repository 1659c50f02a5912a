/**
 * @fileoverview Worker thread of the pool (pool.ts): summarises its share of addons, waits for the
 * merged summaries, then runs the rules on its checked addons.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Addon, type AddonSummary } from '../odoo/addon.js';
import { loadBaseline } from '../odoo/baseline/index.js';
import { Catalog } from '../odoo/catalog.js';
import { runRules } from './engine.js';
import type { WorkerInit, WorkerReply } from './pool.js';
import { loadRule, ruleIds } from './rules/index.js';

const port = parentPort!;
const init = workerData as WorkerInit;
const send = (m: WorkerReply): void => port.postMessage(m);

try {
  const checked = init.checked.map((d) => new Addon(d));
  const extra = init.extra.map((d) => new Addon(d));
  send({ type: 'summaries', summaries: await Promise.all([...extra, ...checked].map((a) => a.summary())) });
  const summaries = await new Promise<AddonSummary[]>((resolve) => port.once('message', resolve));
  const catalog = new Catalog(summaries, await loadBaseline());
  const ids = (init.options.only ?? ruleIds).filter((id) => init.options.rules?.[id] !== 'off');
  const rules = await Promise.all(ids.map((id) => loadRule(id)));
  send({ type: 'diagnostics', diagnostics: await runRules(checked, catalog, rules, init.options) });
} catch (error) {
  send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
