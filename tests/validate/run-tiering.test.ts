/**
 * @fileoverview Short runs stop at V8's baseline compiler (--max-opt=1), long runs tier up later
 * (a larger interrupt budget); V8's default is put back afterwards, even when the work throws, and
 * a user's own flag is left alone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const setFlags = vi.hoisted(() => vi.fn());
vi.mock('node:v8', async (original) => ({ ...(await original<typeof import('node:v8')>()), setFlagsFromString: setFlags }));

const { LONG_RUN_INTERRUPT_BUDGET, SHORT_RUN_ADDONS, withRunTiering } = await import('../../src/validate/run-tiering.js');

afterEach(() => {
  setFlags.mockReset();
  vi.unstubAllEnvs();
});

describe('withRunTiering', () => {
  it('turns the optimising tiers off for a short run, then on again', async () => {
    const seen: unknown[][] = [];
    const result = await withRunTiering(1, async () => {
      seen.push(...setFlags.mock.calls);
      return 42;
    });
    expect(result).toBe(42);
    expect(seen).toEqual([['--max-opt=1']]);
    expect(setFlags.mock.calls).toEqual([['--max-opt=1'], ['--max-opt=999']]);
  });
  it('puts the default back when the work throws', async () => {
    await expect(withRunTiering(SHORT_RUN_ADDONS, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(setFlags.mock.calls).toEqual([['--max-opt=1'], ['--max-opt=999']]);
  });
  it('gives a long run a larger interrupt budget, then V8 its default', async () => {
    const seen: unknown[][] = [];
    expect(await withRunTiering(SHORT_RUN_ADDONS + 1, async () => {
      seen.push(...setFlags.mock.calls);
      return 'done';
    })).toBe('done');
    expect(seen).toEqual([[`--interrupt-budget=${LONG_RUN_INTERRUPT_BUDGET}`]]);
    expect(setFlags.mock.calls).toEqual([[`--interrupt-budget=${LONG_RUN_INTERRUPT_BUDGET}`], ['--interrupt-budget=67584']]);
  });
  it("leaves a user's own --max-opt or --interrupt-budget alone", async () => {
    vi.stubEnv('NODE_OPTIONS', '--max-opt=2 --interrupt-budget=5000');
    expect(await withRunTiering(1, async () => 'done')).toBe('done');
    expect(await withRunTiering(SHORT_RUN_ADDONS + 1, async () => 'done')).toBe('done');
    expect(setFlags).not.toHaveBeenCalled();
  });
});
