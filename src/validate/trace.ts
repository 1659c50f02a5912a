/**
 * @fileoverview Phase timings of a validate run on stderr, for measuring (scripts/bench-validate.js):
 * set ODOO_CONNECTOR_TRACE=1. Each line names the thread, the phase just ended, the wall time since
 * the thread started, the process's CPU time, and memory (process RSS, this thread's JS heap, external). Silent otherwise.
 * Under `node --expose-gc` it collects garbage first, so the heap figure is what stays alive.
 */
import { threadId } from 'node:worker_threads';

const enabled = !!process.env.ODOO_CONNECTOR_TRACE;
const start = performance.now();

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)}MB`;

/** Prints one line about the phase that just ended, when tracing is on. */
export function trace(phase: string): void {
  if (!enabled) return;
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const m = process.memoryUsage();
  const wall = ((performance.now() - start) / 1000).toFixed(2);
  const cpuS = ((cpu.user + cpu.system) / 1e6).toFixed(2);
  process.stderr.write(`[trace t${threadId}] ${phase}: wall ${wall}s cpu ${cpuS}s rss ${mb(m.rss)} heap ${mb(m.heapUsed)} ext ${mb(m.external + m.arrayBuffers)}\n`);
}
