/**
 * @fileoverview V8 tiering by run length. Short runs: a check of a few addons lasts a fraction of a
 * second, mostly in code run for the first time: TurboFan compiles its hot functions on a background
 * thread, then deoptimises them as new branches show up, and the run ends before the optimised code
 * pays back (measured, one generated connector: 0.47 s CPU with TurboFan, 0.32 s without; 40
 * upstream addons: 1.6 s vs 1.0 s), so runs up to SHORT_RUN_ADDONS addons stop at the baseline
 * compiler (Sparkplug). Long runs: with V8's default interrupt budget TurboFan compiled ~530
 * functions per thread over Odoo's tree (--trace-opt: ~9.8 s of compiler time per isolate, the 60
 * rule check() functions alone ~2.7 s, though each runs once per addon), on background threads that
 * compete with the two checking threads for a 2-core machine. A budget 15x larger leaves ~160
 * compilations (~1.8 s), of the functions that run per token, element or row: the whole tree took
 * 20-30 % less wall and CPU, side by side, with the same findings. Flags are put back afterwards
 * for callers that go on in the same process (tests, API use); a user's own flag is left alone.
 */
import { setFlagsFromString } from 'node:v8';

/** Up to this many addons (checked and read for knowledge), a run is short. */
export const SHORT_RUN_ADDONS = 40;

/** Bytecode a function runs between two looks at tiering it up, for long runs (V8's default 67584). */
export const LONG_RUN_INTERRUPT_BUDGET = 1_000_000;

/** Whether the user set this V8 flag for Node himself. */
function userSets(flag: string): boolean {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes(flag));
}

/** The flag to set for a run of this many addons and the one that puts V8's default back, if any. */
function tieringFlags(addonCount: number): [set: string, reset: string] | undefined {
  if (addonCount <= SHORT_RUN_ADDONS) return userSets('max-opt') ? undefined : ['--max-opt=1', '--max-opt=999'];
  return userSets('interrupt-budget') ? undefined : [`--interrupt-budget=${LONG_RUN_INTERRUPT_BUDGET}`, '--interrupt-budget=67584'];
}

/** Runs `work` with the tiering that suits a run of this many addons. */
export async function withRunTiering<T>(addonCount: number, work: () => Promise<T>): Promise<T> {
  const flags = tieringFlags(addonCount);
  if (!flags) return work();
  setFlagsFromString(flags[0]);
  try {
    return await work();
  } finally {
    setFlagsFromString(flags[1]);
  }
}
