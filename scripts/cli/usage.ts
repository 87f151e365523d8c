// Usage errors (exit 2) and the help texts, in Bahasa Indonesia.
import { EXIT, SopError } from '../errors.ts';
import { parseBase, type Base } from '../site/urls.ts';

export { EXIT };

/** Wrong options or arguments: main.ts adds a pointer to the command's --help. */
export class UsageError extends SopError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: EXIT.usage, hint });
  }
}

/**
 * The site address of `--base-url` (else SOP_BASE_URL), as book, site and gabung read it; a bad
 * one is a usage error with an example of the right form.
 */
export function baseOption(value: string | undefined, env: NodeJS.ProcessEnv, example: string): Base {
  try {
    return parseBase(value ?? env.SOP_BASE_URL);
  } catch (e) {
    throw new UsageError((e as Error).message, `Contoh: ${example}`);
  }
}

/** `--dari-bagian` in the help of `sop site` and `sop book`: both take a CI matrix's shares alike. */
export const DARI_BAGIAN_HELP = `  --dari-bagian FOLDER
                     pakai PDF yang dicetak job matriks CI (sop build --bagian I/N)
                     tanpa mencetak ulang: FOLDER ialah output/pdf sebuah job, atau
                     folder berisi folder itu semua; boleh diulang. Setiap bagian
                     1…N harus ada, dicetak dari sumber yang sama dengan sekarang`;
