// The `sop` command line: dispatch, help, and the mapping of failures to exit codes.
import { build, BUILD_HELP } from './build.ts';
import { check, CHECK_HELP } from './check.ts';
import { EXIT, UsageError } from './usage.ts';

const HELP = `sop-press: dari sumber teks ke dokumen SOP Administrasi Pemerintahan.

Pemakaian: sop <perintah> [opsi]

Perintah:
  check   periksa sumber SOP di content/ dan tunjukkan kesalahan beserta letaknya
  build   cetak setiap SOP menjadi PDF resmi di output/pdf/

Jalankan "sop <perintah> --help" untuk keterangan tiap perintah.
`;

type Command = (argv: string[], ctx: Parameters<typeof check>[1]) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  check: { run: check, help: CHECK_HELP },
  build: { run: build, help: BUILD_HELP },
};

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(HELP);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    out('sop-press 0.1.0\n');
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`Perintah "${name}" tidak dikenal.\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, { cwd: process.cwd(), env: process.env, stdout: out, isTTY: Boolean(process.stdout.isTTY) });
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      err(`Galat: ${localizeParseArgs((e as Error).message)}\n`);
      if (e instanceof UsageError && e.hint) err(`Saran: ${e.hint}\n`);
      err(`Lihat "sop ${name} --help".\n`);
      return EXIT.usage;
    }
    if (e instanceof Error && 'exitCode' in e && typeof e.exitCode === 'number') {
      err(`Galat: ${e.message}\n`);
      if ('hint' in e && e.hint) err(`Saran: ${String(e.hint)}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

function isParseArgsError(e: unknown): boolean {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS');
}

function localizeParseArgs(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `Opsi "${unknown[1]}" tidak dikenal.`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `Opsi "${missing[1]}" memerlukan nilai.`;
  return message;
}
