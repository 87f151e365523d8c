// Usage errors (exit 2) and the help texts, in Bahasa Indonesia.
import { EXIT, SopError } from '../errors.ts';

export { EXIT };

/** Wrong options or arguments: main.ts adds a pointer to the command's --help. */
export class UsageError extends SopError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: EXIT.usage, hint });
  }
}
