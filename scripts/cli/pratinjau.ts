// `sop pratinjau`: the local preview server, until Ctrl+C.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { projectDirs } from '../model/paths.ts';
import { startPreview, type Preview } from '../preview/server.ts';
import { lazyPrinter } from './build.ts';
import type { CheckContext } from './check.ts';
import { EXIT, UsageError } from './usage.ts';

export const PRATINJAU_HELP = `Pemakaian: sop pratinjau [--port N] [--buka]

Menjalankan pratinjau di http://127.0.0.1:N/ (hanya dari komputer ini):
daftar semua SOP di content/ dengan hasil pemeriksaannya, setiap SOP persis
seperti tercetak di PDF, situs katalog (/situs/), dan PDF-nya bila diminta.
Setiap kali berkas disimpan, content/ dan layouts/ diperiksa ulang dan
halaman yang terbuka diperbarui sendiri. Bila sumber SOP salah, halaman
menampilkan temuan sop check sebagai ganti dokumennya. Berhenti dengan Ctrl+C.

Opsi:
  --port N     nomor port (bawaan 4321; bila terpakai, port bebas berikutnya
               dipakai). Port yang disebut dengan --port harus bebas.
  --buka       buka alamat pratinjau di peramban
  -h, --help   tampilkan bantuan ini

Kode keluar: 0 dihentikan, 2 salah pemakaian, port terpakai atau peramban
tidak ditemukan.
`;

export const DEFAULT_PORT = 4321;
/** How many ports after the default are tried when it is busy. */
const PORT_TRIES = 20;

export async function pratinjau(argv: string[], ctx: CheckContext): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, buka: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    ctx.stdout(PRATINJAU_HELP);
    return EXIT.ok;
  }
  const asked = values.port;
  if (asked !== undefined && (!/^\d+$/.test(asked) || Number(asked) < 1 || Number(asked) > 65535)) throw new UsageError(`Port "${asked}" tidak valid.`, 'Tulis angka 1–65535, mis. --port 8080.');
  if (!existsSync(projectDirs(ctx.cwd).content)) {
    throw new UsageError('Folder content/ tidak ditemukan di folder ini maupun di atasnya.', 'Pindah ke folder proyek SOP (yang berisi content/), atau buat proyek baru dengan sop mulai.');
  }
  const printer = lazyPrinter(ctx.cwd);
  const log = (line: string) => ctx.stdout(`${line}\n`);
  // The default port steps aside for a program already on it (as Quarto does); a port asked
  // for by name does not: the person meant that one.
  let port = asked !== undefined ? Number(asked) : DEFAULT_PORT;
  if (asked === undefined) {
    const free = await firstFreePort(DEFAULT_PORT, PORT_TRIES);
    if (free === undefined) throw new UsageError(`Port ${DEFAULT_PORT}–${DEFAULT_PORT + PORT_TRIES} semuanya sudah dipakai program lain.`, 'Hentikan pratinjau lain yang masih berjalan, atau pilih port dengan --port N.');
    if (free !== DEFAULT_PORT) log(`Port ${DEFAULT_PORT} sudah dipakai program lain; memakai port ${free}.`);
    port = free;
  }
  let preview: Preview;
  try {
    preview = await startPreview({ root: ctx.cwd, port, printer: printer.get, log });
  } catch (e) {
    await printer.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`Port ${port} sudah dipakai program lain.`, `Pilih port lain, mis. sop pratinjau --port ${port + 1}, atau jalankan tanpa --port agar port bebas dipilih sendiri.`);
    }
    throw e;
  }
  ctx.stdout(`Pratinjau berjalan di ${preview.url}\n${values.buka ? 'Membuka peramban…' : 'Buka alamat itu di peramban (atau jalankan dengan --buka).'} Tekan Ctrl+C untuk berhenti.\n`);
  // Ctrl+C is caught before anything else starts: the browser opening may take a while.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  if (values.buka) openInBrowser(preview.url, log);
  await stopped;
  await preview.close();
  await printer.close();
  return EXIT.ok;
}

/** The first port from `from` (up to `tries` after it) that 127.0.0.1 can listen on. */
async function firstFreePort(from: number, tries: number): Promise<number | undefined> {
  for (let port = from; port <= from + tries; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  return undefined;
}

/** The system's own way to open an address; a failure is said, never fatal. */
function openInBrowser(url: string, log: (line: string) => void): void {
  const [command, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => log(`Peramban tidak dapat dibuka otomatis (${command} tidak tersedia); buka ${url} sendiri.`));
  child.unref();
}
