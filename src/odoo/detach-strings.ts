/**
 * @fileoverview Gives parsed data its own strings, so that it no longer keeps the file texts it was
 * read from alive. V8 keeps a string of 13 characters or more cut from another one (slice, trim,
 * substring) as a view into it: one xml id kept from a data file held the whole file text. Over
 * Odoo's tree the texts behind the parses kept for the rules phase were ~45 MB. Each reader notes
 * the strings it stores and has them copied once its result is complete (no walk over the result),
 * for a fraction of what reading the files again costs.
 */

/** V8 copies shorter substrings (SlicedString::kMinLength); only longer ones may be views. */
export const SLICE_MIN = 13;

/** A copy of one string that holds no other string alive (see detach for a batch). */
export function ownCopy(value: string): string {
  return value.length < SLICE_MIN ? value : (JSON.parse(JSON.stringify(value)) as string);
}

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

  /**
   * Stores a copy of every noted string where it was noted, from one JSON round trip (native).
   * Views into one new string holding them all (a join) were two to three times cheaper, but ~7 MB
   * more per thread over Odoo's tree (a view is 32 bytes on top of its characters).
   */
  detach(): void {
    const values = this.values;
    const n = values.length;
    if (!n) return;
    const fresh = JSON.parse(JSON.stringify(values)) as string[];
    for (let i = 0; i < n; i++) (this.holders[i] as Record<string | number, string>)[this.keys[i]!] = fresh[i]!;
  }
}
