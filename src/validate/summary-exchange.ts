/**
 * @fileoverview How the threads of the pool (pool.ts, worker.ts) share their summaries: each one
 * broadcasts what it summarised in small batches while it goes on summarising, and every other
 * thread takes them in between its own addons. A thread then only waits at the end of step 1 for
 * the others' last batch, instead of for every summary to be gathered by the main thread, copied
 * and sent back in one message (3.5 MB of structured clone over Odoo's tree, ~0.1-0.3 s to read).
 * Each thread receives the others' summaries only, never its own. Threads are linked pairwise by
 * message ports, which (unlike a broadcast channel) keep what is posted before the other end
 * listens: the main thread starts summarising while the workers are still starting.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { AddonSummary } from '../odoo/addon.js';
import { countIdle } from './trace.js';

/** One thread's message: summaries by index into the plan's folders; the last one also gives `owned`. */
interface SummaryBatch {
  thread: number;
  indices: number[];
  summaries: AddonSummary[];
  /** On a thread's last batch: its checked addons, in the order it checks them (work-queue.ts). */
  owned?: number[];
}

/** Every thread's summaries, in the serial order, and each thread's checked addons (index = thread). */
export interface SharedSummaries {
  summaries: AddonSummary[];
  owned: number[][];
}

/**
 * The ports of a pool of `threads` threads: element t lists thread t's ends of its links to every
 * other thread. A worker's ports go in its workerData and its transfer list.
 */
export function linkThreads(threads: number): MessagePort[][] {
  const ports: MessagePort[][] = Array.from({ length: threads }, () => []);
  for (let a = 0; a < threads; a++) {
    for (let b = a + 1; b < threads; b++) {
      const { port1, port2 } = new MessageChannel();
      ports[a]!.push(port1);
      ports[b]!.push(port2);
    }
  }
  return ports;
}

export class SummaryExchange {
  private readonly summaries: AddonSummary[];
  private readonly owned: Array<number[] | undefined>;
  private unfinished: number;
  private pendingIndices: number[] = [];
  private pendingSummaries: AddonSummary[] = [];
  private finished?: () => void;
  private readonly allIn: Promise<void>;

  /**
   * @param size number of addon folders of the plan
   * @param thread this thread's number (the main thread is 0)
   * @param peers this thread's ports to the others (linkThreads)
   */
  constructor(
    size: number,
    private readonly thread: number,
    private readonly peers: MessagePort[],
  ) {
    this.summaries = new Array<AddonSummary>(size);
    this.owned = new Array<number[] | undefined>(peers.length + 1);
    this.unfinished = peers.length + 1;
    this.allIn = new Promise((resolve) => (this.finished = resolve));
    for (const port of peers) port.on('message', (batch: SummaryBatch) => this.take(batch));
  }

  /** Adds one of this thread's summaries; sent with the next batch. */
  add(index: number, summary: AddonSummary): void {
    this.summaries[index] = summary;
    this.pendingIndices.push(index);
    this.pendingSummaries.push(summary);
  }

  /** Number of summaries added since the last batch went out. */
  get pending(): number {
    return this.pendingIndices.length;
  }

  /** Sends the summaries added since the last batch to the other threads. */
  flush(): void {
    if (this.pendingIndices.length) this.sendPending();
  }

  /** Sends this thread's last batch with the order in which it checks its addons. */
  finish(owned: number[]): void {
    this.sendPending(owned);
    this.done(this.thread, owned);
  }

  /**
   * Resolves once every thread has finished (this one included). The wait counts as idle time
   * (reading the last batches that arrive meanwhile included: they are small).
   */
  async all(): Promise<SharedSummaries> {
    const start = performance.now();
    await this.allIn;
    countIdle(performance.now() - start);
    return { summaries: this.summaries, owned: this.owned as number[][] };
  }

  /** Closes the ports, once every thread is past step 1 (a closed link drops what it still carries). */
  close(): void {
    for (const port of this.peers) port.close();
  }

  /** Sends the pending summaries as one batch (the last one with `owned`), and starts a new one. */
  private sendPending(owned?: number[]): void {
    const batch: SummaryBatch = { thread: this.thread, indices: this.pendingIndices, summaries: this.pendingSummaries, ...(owned ? { owned } : {}) };
    for (const port of this.peers) port.postMessage(batch);
    this.pendingIndices = [];
    this.pendingSummaries = [];
  }

  private take(batch: SummaryBatch): void {
    batch.indices.forEach((index, j) => (this.summaries[index] = batch.summaries[j]!));
    if (batch.owned) this.done(batch.thread, batch.owned);
  }

  private done(thread: number, owned: number[]): void {
    if (this.owned[thread]) return;
    this.owned[thread] = owned;
    if (--this.unfinished === 0) this.finished!();
  }
}
