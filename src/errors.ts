/**
 * @fileoverview Known failures. Each carries the exit code it maps to and a message that names
 * the file, the problem and the fix; the CLI prints the message, never a stack trace.
 */

/** A mistake in how the command was called: bad option, invalid name. Exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command understood the request but refuses it (target exists, not an addon…). Exit code 1. */
export class RefusedError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'RefusedError';
  }
}

export type KnownError = UsageError | RefusedError;

export function isKnownError(error: unknown): error is KnownError {
  return error instanceof UsageError || error instanceof RefusedError;
}
