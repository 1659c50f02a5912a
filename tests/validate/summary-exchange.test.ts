/**
 * Threads of the pool share their summaries in batches while they summarise: every thread must end
 * with every summary at its place in the serial order, and with each thread's check order, even
 * when batches are posted before the other ends listen (workers still starting).
 */
import { describe, expect, it } from 'vitest';
import type { AddonSummary } from '../../src/odoo/addon.js';
import { linkThreads, SummaryExchange } from '../../src/validate/summary-exchange.js';

const summary = (name: string): AddonSummary => ({ name, depends: ['base'], models: [], xmlids: [`${name}_id`] });

describe('summary exchange', () => {
  it('links every pair of threads once', () => {
    const links = linkThreads(4);
    expect(links.map((ports) => ports.length)).toEqual([3, 3, 3, 3]);
    for (const ports of links) for (const p of ports) p.close();
  });

  it('gives every thread all summaries in the serial order and every check order', async () => {
    const links = linkThreads(3);
    // Thread 0 summarises and posts before the others exist, as the main thread does.
    const first = new SummaryExchange(6, 0, links[0]!);
    first.add(4, summary('e'));
    first.add(0, summary('a'));
    first.flush();
    first.add(5, summary('f'));
    first.finish([4, 5]);
    const second = new SummaryExchange(6, 1, links[1]!);
    const third = new SummaryExchange(6, 2, links[2]!);
    second.add(2, summary('c'));
    second.flush();
    expect(second.pending).toBe(0);
    second.add(1, summary('b'));
    expect(second.pending).toBe(1);
    second.finish([2]);
    third.add(3, summary('d'));
    third.finish([3]);
    try {
      for (const exchange of [first, second, third]) {
        const { summaries, owned } = await exchange.all();
        expect(summaries.map((s) => s.name)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
        expect(owned).toEqual([[4, 5], [2], [3]]);
      }
    } finally {
      for (const exchange of [first, second, third]) exchange.close();
    }
  });

  it('puts each summary at its index, whichever thread sends it first', async () => {
    const links = linkThreads(2);
    const main = new SummaryExchange(3, 0, links[0]!);
    const worker = new SummaryExchange(3, 1, links[1]!);
    // Knowledge-only copies of `x` at 0 and 1 are summarised by different threads, in reverse order.
    worker.add(1, { ...summary('x'), xmlids: ['later'] });
    worker.finish([]);
    main.add(0, { ...summary('x'), xmlids: ['earlier'] });
    main.add(2, summary('y'));
    main.finish([2]);
    try {
      for (const exchange of [main, worker]) {
        const { summaries } = await exchange.all();
        expect(summaries.map((s) => s.xmlids[0])).toEqual(['earlier', 'later', 'y_id']);
      }
    } finally {
      main.close();
      worker.close();
    }
  });
});
