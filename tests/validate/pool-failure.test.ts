/**
 * A worker that fails while the threads still summarise (step 1 of the pool) ends the main thread's
 * wait for its summaries with its error, instead of leaving validate waiting forever. The worker is
 * a stand-in that fails as soon as it starts: a real one has no input that makes it fail.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const started = vi.hoisted(() => ({ workers: 0, terminated: 0 }));

vi.mock('node:worker_threads', async (original) => {
  const { EventEmitter } = await import('node:events');
  class FailingWorker extends EventEmitter {
    constructor() {
      super();
      started.workers++;
      setImmediate(() => this.emit('error', new Error('worker crashed while summarising')));
    }

    terminate(): Promise<number> {
      started.terminated++;
      return Promise.resolve(1);
    }
  }
  return { ...(await original<typeof import('node:worker_threads')>()), Worker: FailingWorker };
});

const { Addon } = await import('../../src/odoo/addon.js');
const { checkInWorkers } = await import('../../src/validate/pool.js');

describe('worker pool, a worker failing in step 1', () => {
  it('rejects with the worker error and stops the workers', async () => {
    const root = tempDir('pool-failure');
    const addons = ['m0', 'm1', 'm2'].map((name) => {
      const dir = join(root, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, '__init__.py'), '');
      writeFileSync(join(dir, '__manifest__.py'), `{"name": "${name}", "version": "16.0.1.0.0", "license": "LGPL-3", "depends": ["base"]}\n`);
      return new Addon(dir);
    });
    await expect(checkInWorkers(addons, [], { cwd: root, only: ['manifest-license'] }, 1)).rejects.toThrow('worker crashed while summarising');
    expect(started).toEqual({ workers: 1, terminated: 1 });
  }, 20_000);
});
