/**
 * @fileoverview Gives parsed data its own strings, so that it no longer keeps the file texts it was
 * read from alive. V8 keeps a string of 13 characters or more cut from another one (slice, trim,
 * substring) as a view into it: one xml id kept from a data file held the whole file text. Over
 * Odoo's tree the texts behind the parses kept for the rules phase were ~45 MB. The copies come
 * from one JSON round trip per batch, which V8 does natively, far cheaper than reading the files
 * again.
 */

/** V8 copies shorter substrings (SlicedString::kMinLength); only longer ones may be views. */
export const SLICE_MIN = 13;

/**
 * Strings a reader stored in its result, noted where they are stored (holder and key), to be
 * replaced by copies once the result is complete: no walk over the result afterwards.
 */
export class StringBatch {
  private readonly holders: object[] = [];
  private readonly keys: Array<string | number> = [];
  private readonly values: string[] = [];

  /** Notes `holder[key] = value` (already stored); short strings are ignored. */
  note(holder: object, key: string | number, value: string): void {
    if (value.length < SLICE_MIN) return;
    this.holders.push(holder);
    this.keys.push(key);
    this.values.push(value);
  }

  /** Stores a copy of every noted string where it was noted. */
  detach(): void {
    const n = this.values.length;
    if (!n) return;
    const fresh = JSON.parse(JSON.stringify(this.values)) as string[];
    for (let i = 0; i < n; i++) (this.holders[i] as Record<string | number, string>)[this.keys[i]!] = fresh[i]!;
  }
}

/**
 * Replaces every string of SLICE_MIN characters or more found in `roots` by a fresh copy; equal
 * strings share one copy, also with earlier calls given the same `copies` (original -> copy).
 * Follows arrays and the enumerable properties of objects, as a tree: parsed data has no cycle but
 * XEl.parent, which is skipped (an object reached twice is only visited twice). Frozen objects are
 * the readers' shared empty constants: nothing to replace in them. For data no reader detached.
 */
export function detachStrings(roots: readonly unknown[], copies = new Map<string, string>()): void {
  const holders: object[] = [];
  const keys: Array<string | number> = [];
  const found: string[] = [];
  const originals: string[] = [];
  const stack: object[] = [];
  for (const r of roots) if (typeof r === 'object' && r !== null) stack.push(r);
  while (stack.length) {
    const o = stack.pop()!;
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) {
        const v: unknown = o[i];
        if (typeof v === 'string') {
          if (v.length >= SLICE_MIN) note(o, i, v);
        } else if (typeof v === 'object' && v !== null) stack.push(v);
      }
      continue;
    }
    const rec = o as Record<string, unknown>;
    for (const k in rec) {
      const v = rec[k];
      if (typeof v === 'string') {
        if (v.length >= SLICE_MIN) note(o, k, v);
      } else if (typeof v === 'object' && v !== null && k !== 'parent') stack.push(v);
    }
  }
  if (!holders.length) return;
  const fresh = JSON.parse(JSON.stringify(originals)) as string[];
  for (let i = 0; i < originals.length; i++) copies.set(originals[i]!, fresh[i]!);
  // By the string found, not the one in place: an object reached twice has its copy by then.
  for (let i = 0; i < holders.length; i++) (holders[i] as Record<string | number, string>)[keys[i]!] = copies.get(found[i]!)!;

  function note(holder: object, key: string | number, value: string): void {
    holders.push(holder);
    keys.push(key);
    found.push(value);
    if (!copies.has(value)) {
      copies.set(value, value);
      originals.push(value);
    }
  }
}
