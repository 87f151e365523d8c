// `sop pratinjau`: the local preview server, until Ctrl+C.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { projectDirs } from '../model/paths.ts';
import { startPreview } from '../preview/server.ts';
import { lazyPrinter } from './build.ts';
import type { CheckContext } from './check.ts';
import { EXIT, UsageError } from './usage.ts';

export const PRATINJAU_HELP = `Pemakaian: sop pratinjau [--port N]

Menjalankan pratinjau di http://127.0.0.1:N/ (hanya dari komputer ini):
daftar semua SOP di content/ dengan hasil pemeriksaannya, setiap SOP persis
seperti tercetak di PDF, situs katalog (/situs/), dan PDF-nya bila diminta.
Setiap kali berkas disimpan, content/ diperiksa ulang dan halaman yang
terbuka diperbarui sendiri. Bila sumber SOP salah, halaman menampilkan
temuan sop check sebagai ganti dokumennya. Berhenti dengan Ctrl+C.

Opsi:
  --port N     nomor port (bawaan 4321)
  -h, --help   tampilkan bantuan ini

Kode keluar: 0 dihentikan, 2 salah pemakaian, port terpakai atau peramban
tidak ditemukan.
`;

export async function pratinjau(argv: string[], ctx: CheckContext): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    ctx.stdout(PRATINJAU_HELP);
    return EXIT.ok;
  }
  const port = Number(values.port ?? 4321);
  if (!/^\d+$/.test(values.port ?? '4321') || port > 65535) throw new UsageError(`Port "${values.port}" tidak valid.`, 'Tulis angka 1–65535, mis. --port 8080.');
  if (!existsSync(projectDirs(ctx.cwd).content)) {
    throw new UsageError('Folder content/ tidak ditemukan di folder ini.', 'Jalankan sop dari folder proyek (yang berisi content/).');
  }
  const printer = lazyPrinter(ctx.cwd);
  let preview;
  try {
    preview = await startPreview({ root: ctx.cwd, port, printer: printer.get, log: (line) => ctx.stdout(`${line}\n`) });
  } catch (e) {
    await printer.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`Port ${port} sudah dipakai program lain.`, `Pilih port lain, mis. sop pratinjau --port ${port + 1}.`);
    throw e;
  }
  ctx.stdout(`Pratinjau berjalan di ${preview.url}\nBuka alamat itu di peramban. Tekan Ctrl+C untuk berhenti.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await preview.close();
  await printer.close();
  return EXIT.ok;
}
