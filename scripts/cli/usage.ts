// Usage errors (exit 2) and the help texts, in Bahasa Indonesia.
export class UsageError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
