/**
 * @fileoverview Gives parsed data its own strings, so that it no longer keeps the file texts it was
 * read from alive. V8 keeps a string of 13 characters or more cut from another one (slice, trim,
 * substring) as a view into it: one xml id kept from a data file held the whole file text. Over
 * Odoo's tree the texts behind the parses kept for the rules phase were ~45 MB.
 */

/** V8 copies shorter substrings (SlicedString::kMinLength); only longer ones may be views. */
const SLICE_MIN = 13;

/**
 * Replaces every string of SLICE_MIN characters or more found in `roots` (objects and arrays,
 * followed through their own enumerable properties, each object once) by a fresh copy; equal
 * strings share one copy, also with earlier calls given the same `copies` (original -> copy).
 * The copies come from one JSON round trip, which V8 does natively, far cheaper than reading the
 * files again. Frozen objects are not followed (they are shared constants).
 */
export function detachStrings(roots: readonly unknown[], copies = new Map<string, string>()): void {
  const holders: Array<Record<string, unknown>> = [];
  const keys: string[] = [];
  const slots: number[] = [];
  const distinct = new Map<string, number>();
  const seen = new Set<object>();
  const stack: object[] = [];
  for (const r of roots) if (typeof r === 'object' && r !== null) stack.push(r);
  const keep = (holder: object, key: string | number, value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length < SLICE_MIN) return;
      const known = copies.get(value);
      if (known !== undefined) {
        // Equal content: no way to tell a copy from its original, so always store the copy.
        (holder as Record<string, unknown>)[key as string] = known;
        return;
      }
      let slot = distinct.get(value);
      if (slot === undefined) {
        slot = distinct.size;
        distinct.set(value, slot);
      }
      holders.push(holder as Record<string, unknown>);
      keys.push(key as string);
      slots.push(slot);
    } else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      stack.push(value);
    }
  };
  while (stack.length) {
    const o = stack.pop()!;
    if (seen.has(o)) continue;
    seen.add(o);
    if (Object.isFrozen(o)) continue;
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) keep(o, i, o[i]);
    } else {
      const rec = o as Record<string, unknown>;
      for (const k in rec) if (Object.hasOwn(rec, k)) keep(o, k, rec[k]);
    }
  }
  if (!distinct.size) return;
  const originals = [...distinct.keys()];
  const fresh = JSON.parse(JSON.stringify(originals)) as string[];
  for (let i = 0; i < holders.length; i++) holders[i]![keys[i]!] = fresh[slots[i]!];
  for (let i = 0; i < originals.length; i++) copies.set(originals[i]!, fresh[i]!);
}
