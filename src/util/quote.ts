/**
 * @fileoverview Echoing user input in messages: quoted, escaped, and cut short, so a refusal of a
 * 5,000-character value stays one readable line.
 */

/** Longest part of a value a message repeats. */
export const ECHO_LIMIT = 60;

/** `"value"`, JSON-escaped; a longer value is cut and its length given. */
export function quote(value: string): string {
  if (value.length <= ECHO_LIMIT) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, ECHO_LIMIT))}… (${value.length} characters)`;
}
