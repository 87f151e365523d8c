// `sop baru`: a new SOP file from the template, numbered in its instansi's pattern.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closest } from '../diagnostics/suggest.ts';
import { CONTENT_DIR, SIGNED_DIR } from '../model/paths.ts';
import { instansiFolders, localToday, nomorsOf } from '../scaffold/existing.ts';
import { nextNomor } from '../scaffold/nomor.ts';
import { schemaFrom, sopTemplate } from '../scaffold/templates.ts';
import { writeNew } from '../scaffold/write.ts';
import { slugify } from '../site/urls.ts';
import type { CheckContext } from './check.ts';
import { EXIT, UsageError } from './usage.ts';

export const BARU_HELP = `Pemakaian: sop baru "NAMA SOP" [--instansi FOLDER] [--unit TEKS] [--folder SUBFOLDER]

Membuat berkas SOP baru berstatus draf dari templat di
content/<instansi>/[SUBFOLDER/]<nama-sop>.md. Nomornya mengikuti pola nomor
SOP lain di instansi itu (nomor urut berikutnya yang belum dipakai, tahun
ini), mis. 004/SOP/Diskominfo/2024 → 005/SOP/Diskominfo/2026. Berkas yang
sudah ada tidak ditimpa.

Opsi:
  --instansi FOLDER   instansi (nama folder di content/); wajib bila ada lebih dari satu
  --unit TEKS         unit kerja yang dicetak di kop, mis. "Sekretariat"
  --folder SUBFOLDER  subfolder di dalam folder instansi, mis. sekretariat
  -h, --help          tampilkan bantuan ini

Kode keluar: 0 berhasil, 2 salah pemakaian atau berkas sudah ada.
`;

export function baru(argv: string[], ctx: CheckContext): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { instansi: { type: 'string' }, unit: { type: 'string' }, folder: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    ctx.stdout(BARU_HELP);
    return EXIT.ok;
  }
  const nama = positionals.join(' ').trim();
  if (!nama) throw new UsageError('Nama SOP belum disebut.', 'Contoh: sop baru "Pelayanan Surat Keterangan".');
  const known = instansiFolders(ctx.cwd);
  if (!known.length) throw new UsageError('Belum ada instansi di content/ (folder dengan instansi.yml).', 'Buat dulu repositorinya dengan sop mulai.');
  const instansi = values.instansi?.trim().replace(/^content\//, '').replace(/\/+$/, '') ?? (known.length === 1 ? known[0]! : undefined);
  if (!instansi) throw new UsageError('Ada lebih dari satu instansi di content/.', `Pilih dengan --instansi, salah satu dari: ${known.join(', ')}.`);
  if (!known.includes(instansi)) {
    const near = closest(instansi, known);
    throw new UsageError(`Instansi "${instansi}" tidak ada di content/.`, near ? `Maksudnya "${near}"?` : `Instansi yang ada: ${known.join(', ')}.`);
  }
  const folder = values.folder?.trim() ?? (values.unit ? slugify(values.unit) : '');
  if (folder.split(/[/\\]/).some((p) => p === '..' || p.startsWith('.')) || path.isAbsolute(folder)) {
    throw new UsageError(`Subfolder "${folder}" tidak dapat dipakai.`, 'Tulis nama subfolder di dalam folder instansi, mis. --folder sekretariat.');
  }
  const today = localToday();
  const nomor = nextNomor(nomorsOf(ctx.cwd, instansi), instansi.toUpperCase(), Number(today.slice(0, 4)));
  const rel = path.posix.join(CONTENT_DIR, instansi, folder.split(path.sep).join('/'), `${slugify(nama)}.md`);
  if (existsSync(path.join(ctx.cwd, rel))) throw new UsageError(`${rel} sudah ada; tidak ditimpa.`, 'Pilih nama SOP lain, atau sunting berkas itu.');
  writeNew(ctx.cwd, [{ path: rel, data: sopTemplate({ nomor, nama, today, schema: schemaFrom(path.posix.dirname(rel)), ...(values.unit ? { unit: values.unit.trim() } : {}) }) }]);
  const signed = `${path.posix.dirname(rel)}/${SIGNED_DIR}/${path.posix.basename(rel, '.md')}.pdf`;
  ctx.stdout(
    `SOP baru: ${rel}\nNomor: ${nomor}\nSunting berkas itu, lalu jalankan "npm run cek" (atau "npm run pratinjau" untuk melihatnya tercetak).\n` +
      `Bila ditandatangani elektronik: setelah "npm run bangun", tandatangani PDF-nya dan simpan di ${signed}, lalu "npx sop ttd".\n`,
  );
  return EXIT.ok;
}
