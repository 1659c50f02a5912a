/**
 * @fileoverview Phase timings of a validate run on stderr, for measuring (scripts/bench-validate.js):
 * set ODOO_CONNECTOR_TRACE=1. Each line names the thread, the phase just ended, the wall time since
 * the process started (one clock for every thread), the process's CPU time, memory (process RSS,
 * this thread's JS heap, external), and how long this thread has waited for others so far (idle).
 * Silent otherwise.
 * Under `node --expose-gc` it collects garbage first, so the heap figure is what stays alive.
 */
import { writeSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

const enabled = !!process.env.ODOO_CONNECTOR_TRACE;
let idleMs = 0;

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)}MB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)}s`;

/** Counts time this thread spent waiting for another one. */
export function countIdle(ms: number): void {
  idleMs += ms;
}

/** Prints one line about the phase that just ended, when tracing is on; `extra` is appended. */
export function trace(phase: string, extra = ''): void {
  if (!enabled) return;
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const m = process.memoryUsage();
  const cpuS = ((cpu.user + cpu.system) / 1e6).toFixed(2);
  const tail = ` idle ${seconds(idleMs)}${extra ? ` ${extra}` : ''}`;
  // Written at once: a worker's process.stderr goes through the main thread and loses what is
  // still in flight when the pool ends the worker.
  writeSync(2, `[trace t${threadId}] ${phase}: wall ${seconds(performance.now())} cpu ${cpuS}s rss ${mb(m.rss)} heap ${mb(m.heapUsed)} ext ${mb(m.external + m.arrayBuffers)}${tail}\n`);
}
