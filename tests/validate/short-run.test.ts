/**
 * @fileoverview Short runs stop at V8's baseline compiler (--max-opt=1) and put the default back
 * afterwards, even when the work throws; long runs and a user's own --max-opt are left alone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const setFlags = vi.hoisted(() => vi.fn());
vi.mock('node:v8', async (original) => ({ ...(await original<typeof import('node:v8')>()), setFlagsFromString: setFlags }));

const { SHORT_RUN_ADDONS, withShortRunTiering } = await import('../../src/validate/short-run.js');

afterEach(() => {
  setFlags.mockReset();
  vi.unstubAllEnvs();
});

describe('withShortRunTiering', () => {
  it('turns the optimising tiers off for a short run, then on again', async () => {
    const seen: unknown[][] = [];
    const result = await withShortRunTiering(1, async () => {
      seen.push(...setFlags.mock.calls);
      return 42;
    });
    expect(result).toBe(42);
    expect(seen).toEqual([['--max-opt=1']]);
    expect(setFlags.mock.calls).toEqual([['--max-opt=1'], ['--max-opt=999']]);
  });
  it('puts the default back when the work throws', async () => {
    await expect(withShortRunTiering(SHORT_RUN_ADDONS, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(setFlags.mock.calls).toEqual([['--max-opt=1'], ['--max-opt=999']]);
  });
  it('leaves long runs to the optimising compiler', async () => {
    expect(await withShortRunTiering(SHORT_RUN_ADDONS + 1, async () => 'done')).toBe('done');
    expect(setFlags).not.toHaveBeenCalled();
  });
  it("leaves a user's own --max-opt alone", async () => {
    vi.stubEnv('NODE_OPTIONS', '--max-opt=2');
    expect(await withShortRunTiering(1, async () => 'done')).toBe('done');
    expect(setFlags).not.toHaveBeenCalled();
  });
});
