/**
 * @fileoverview V8 tiering for short runs. A check of a few addons lasts a fraction of a second,
 * mostly in code run for the first time: TurboFan compiles its hot functions on a background
 * thread, then deoptimises them as new branches show up, and the run ends before the optimised
 * code pays back (measured, one generated connector: 0.47 s CPU with TurboFan, 0.32 s without; 40
 * upstream addons: 1.6 s vs 1.0 s). The whole 526-addon tree is the other way round (13.6 s vs
 * 17 s CPU), so only runs up to SHORT_RUN_ADDONS addons stop at the baseline compiler (Sparkplug),
 * and the flag is put back afterwards for callers that go on in the same process (tests, API use).
 */
import { setFlagsFromString } from 'node:v8';

/** Up to this many addons (checked and read for knowledge), a run is short. */
export const SHORT_RUN_ADDONS = 40;

/** Tiers above Sparkplug are off (--max-opt=1), unless the user set --max-opt for Node himself. */
function userSetsMaxOpt(): boolean {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('max-opt'));
}

/** Runs `work` with the optimising compilers off when the run is short. */
export async function withShortRunTiering<T>(addonCount: number, work: () => Promise<T>): Promise<T> {
  if (addonCount > SHORT_RUN_ADDONS || userSetsMaxOpt()) return work();
  setFlagsFromString('--max-opt=1');
  try {
    return await work();
  } finally {
    // V8's default: every tier allowed.
    setFlagsFromString('--max-opt=999');
  }
}
