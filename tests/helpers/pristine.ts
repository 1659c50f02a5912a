/** Copies of one addon written by `init` once: each test gets its own folder to change. */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { memoryIo } from '../../src/io.js';
import { tempDir } from './temp.js';

/** Returns a function giving a fresh copy of a crm connector `acme_connector` (written in beforeAll). */
export function pristineCopies(label: string): () => string {
  const root = tempDir(label);
  const pristine = join(root, 'pristine');
  let counter = 0;
  beforeAll(() => {
    mkdirSync(pristine);
    expect(runInit('acme', { type: 'crm', path: '.' }, memoryIo(pristine))).toBe(0);
  });
  return () => {
    const dir = join(root, `d${counter++}`);
    cpSync(pristine, dir, { recursive: true });
    return join(dir, 'acme_connector');
  };
}
