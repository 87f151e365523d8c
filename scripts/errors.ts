// The one base of every failure sop-press reports to a person: an Indonesian message, a hint,
// and the exit code. Only scripts/cli/main.ts turns one into output and an exit code; anything
// that is not a SopError is sop-press's own bug.

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface SopErrorOptions {
  /** 1: the sources cannot be used as they are; 2: wrong use or a missing prerequisite. */
  exitCode?: ExitCode;
  /** How to fix it, in Bahasa Indonesia (printed as "Saran: …"). */
  hint?: string | undefined;
  cause?: unknown;
}

export class SopError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(message: string, options: SopErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? EXIT.invalid;
    this.hint = options.hint;
  }
}
