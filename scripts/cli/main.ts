// The `sop` command line: dispatch, help, and the mapping of failures to exit codes.
import { closest } from '../diagnostics/suggest.ts';
import type { CheckContext } from './check.ts';
import { EXIT, SopError } from '../errors.ts';
import { findProjectRoot, invokedFrom } from './project-root.ts';
import { UsageError } from './usage.ts';

const HELP = `sop-press: dari sumber teks ke dokumen SOP Administrasi Pemerintahan.

Pemakaian: sop <perintah> [opsi]

Perintah:
  check      periksa sumber SOP di content/ dan tunjukkan kesalahan beserta letaknya
  build      cetak setiap SOP menjadi PDF resmi di output/pdf/
  book       susun buku SOP tahunan per instansi di output/buku/
  site       bangun situs katalog SOP publik di output/site/
  monev      cetak formulir monitoring dan evaluasi SOP, dan laporannya
  ttd        periksa PDF bertanda tangan elektronik di ttd/ dan tunjukkan keadaannya
  gabung     gabungkan katalog situs SOP banyak kantor menjadi satu di output/gabungan/
  pratinjau  lihat SOP seperti tercetak di peramban, diperbarui saat berkas disimpan
  mulai      buat repositori SOP baru untuk kantor Anda
  baru       buat berkas SOP baru dari templat, dengan nomor berikutnya
  impor      pindahkan SOP lama dari Word (.docx) atau Excel (.xlsx), bagan alir termasuk

Jalankan "sop <perintah> --help" untuk keterangan tiap perintah.
`;

type Command = (argv: string[], ctx: CheckContext) => number | Promise<number>;

// Loaded on demand: `sop check` should not pay for loading the browser driver.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.ts')).check,
  build: async () => (await import('./build.ts')).build,
  site: async () => (await import('./site.ts')).site,
  gabung: async () => (await import('./gabung.ts')).gabung,
  book: async () => (await import('./book.ts')).book,
  mulai: async () => (await import('./mulai.ts')).mulai,
  baru: async () => (await import('./baru.ts')).baru,
  impor: async () => (await import('./impor.ts')).impor,
  pratinjau: async () => (await import('./pratinjau.ts')).pratinjau,
  monev: async () => (await import('./monev.ts')).monev,
  ttd: async () => (await import('./ttd.ts')).ttd,
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
  const load = COMMANDS[name];
  if (!load) {
    const near = closest(name, Object.keys(COMMANDS));
    err(near ? `Perintah "${name}" tidak dikenal. Maksud Anda: ${near}?\n` : `Perintah "${name}" tidak dikenal.\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    const run = await load();
    const here = invokedFrom(process.env, process.cwd());
    // `sop mulai` makes a project where it is told; every other command finds the one it is in.
    const cwd = name === 'mulai' ? process.cwd() : (findProjectRoot(here) ?? here);
    return await run(rest, { cwd, here, env: process.env, stdout: out, isTTY: Boolean(process.stdout.isTTY) });
  } catch (e) {
    if (isParseArgsError(e)) {
      err(`Galat: ${localizeParseArgs((e as Error).message)}\nLihat "sop ${name} --help".\n`);
      return EXIT.usage;
    }
    if (e instanceof SopError) {
      err(`Galat: ${e.message}\n`);
      if (e.hint) err(`Saran: ${e.hint}\n`);
      if (e instanceof UsageError) err(`Lihat "sop ${name} --help".\n`);
      return e.exitCode;
    }
    // Anything else is sop-press's own failure: say so plainly; the stack only on request.
    err(`Galat: ${e instanceof Error ? e.message : String(e)}\n`);
    err('Saran: berkas di output/ yang sudah ada tidak diubah. Bila galat ini berulang, jalankan lagi dengan SOP_DEBUG=1 dan laporkan keluarannya ke pengelola sop-press.\n');
    if (process.env.SOP_DEBUG && e instanceof Error && e.stack) err(`${e.stack}\n`);
    return EXIT.invalid;
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
