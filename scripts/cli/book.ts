// `sop book`: check, build missing or stale SOP PDFs, then assemble the yearly SOP book.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildBooks } from '../book/build-book.ts';
import { reportSections } from '../monev/print.ts';
import { closest } from '../diagnostics/suggest.ts';
import { nameSlug } from '../model/slug.ts';
import { checkedProject, commandProgress, withPrinter } from './build.ts';
import { pdfSteps } from './progress.ts';
import { assembleShares } from '../bagian/assemble.ts';
import type { CheckContext } from './check.ts';
import { projectDirs } from '../model/paths.ts';
import { baseOption, DARI_BAGIAN_HELP, EXIT, UsageError } from './usage.ts';

export const BOOK_HELP = `Pemakaian: sop book [--instansi FOLDER …] [--tahun TTTT] [--draf] [--monev] [--base-url URL] [--diam]

Menyusun buku SOP tahunan setiap instansi di content/ menjadi
output/buku/<instansi>-<tahun>.pdf: sampul, halaman pembuka dari
content/<instansi>/buku/*.md (kata pengantar, keputusan …), daftar isi,
daftar SOP, perubahan sejak edisi sebelumnya, lalu setiap SOP yang
berlaku, dikelompokkan per unit, persis seperti PDF-nya masing-masing.
Halaman SOP di buku adalah salinan; Daftar SOP menyebut SOP bertanda tangan
elektronik mana yang sudah ditandatangani (PDF sah di ttd/, lihat sop ttd).
SOP yang digantikan atau dicabut dicantumkan di daftar, tidak dicetak.

PDF SOP yang belum ada atau sudah usang dibuat dulu (seperti sop build);
yang masih baru dipakai apa adanya.

Opsi:
  --instansi FOLDER  hanya instansi ini (nama folder di content/); boleh diulang
  --tahun TTTT       tahun buku (bawaan: tahun ini); menentukan daftar perubahan
  --draf             ikut cetak SOP berstatus draf (bertanda DRAF); berkasnya
                     diberi akhiran -draf agar tidak tertukar dengan buku resmi
  --monev            muat laporan monitoring dan evaluasi SOP tahun buku (dari
                     content/<instansi>/monev/) sebagai bagian setelah SOP
  --base-url URL     alamat lengkap situs katalog (bawaan: SOP_BASE_URL), mis.
                     https://dinas.example.go.id/sop/: halaman pertama setiap SOP
                     bertanda tangan elektronik di buku diberi kode QR dan alamat
                     halamannya di situs, tempat PDF aslinya diterbitkan
${DARI_BAGIAN_HELP}
  --diam             tanpa laporan kemajuan (lihat sop build --help)
  -h, --help         tampilkan bantuan ini

Di halaman pembuka boleh dipakai isian {{tahun}}, {{instansi}}, {{pemerintah}},
{{daerah}}, {{alamat}}, {{jumlah_sop}}, {{penandatangan.jabatan}},
{{penandatangan.nama}}, {{penandatangan.pangkat}}, {{penandatangan.nip}} dan
{{penetap}} (jabatan yang menetapkan keputusan: jabatan penandatangan tanpa Plt./Plh.)
(ditulis kapital, mis. {{INSTANSI}}, hasilnya huruf kapital). Di frontmatter,
"tanda_tangan: true" (atau daftar baris seperti "Ditetapkan di …") menutup
halaman dengan blok tanda tangan pejabat di instansi.yml; "urutan: 1" dan
"judul: …" mengatur urutan dan judul di daftar isi. buku/keputusan.md dicetak
tegak dengan kop instansi, sebagai dokumen tersendiri.

Untuk cetak bolak-balik, tulis "cetak: bolak-balik" di instansi.yml: setiap SOP dan
bagian buku mulai di halaman kanan (ganjil), dengan halaman kosong di baliknya.

Kode keluar: 0 berhasil, 1 ada galat di isi SOP atau halaman pembuka, atau
bagian --dari-bagian ditolak; 2 salah pemakaian atau peramban tidak ditemukan.
`;

function parseTahun(value: string | undefined, now: Date): number {
  if (value === undefined) return now.getFullYear();
  if (!/^\d{4}$/.test(value.trim())) throw new UsageError(`Tahun "${value}" tidak valid.`, 'Tulis tahun empat angka, misalnya --tahun 2024.');
  const tahun = Number(value.trim());
  if (tahun < 1945 || tahun > 2999) throw new UsageError(`Tahun ${tahun} di luar rentang yang masuk akal.`, 'Tulis tahun antara 1945 dan 2999.');
  return tahun;
}

export async function book(argv: string[], ctx: CheckContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      instansi: { type: 'string', multiple: true },
      tahun: { type: 'string' },
      draf: { type: 'boolean' },
      monev: { type: 'boolean' },
      'base-url': { type: 'string' },
      'dari-bagian': { type: 'string', multiple: true },
      diam: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    ctx.stdout(BOOK_HELP);
    return EXIT.ok;
  }
  if (positionals.length) throw new UsageError(`Argumen "${positionals[0]}" tidak dikenal.`, 'Pilih instansi dengan --instansi FOLDER.');
  const tahun = parseTahun(values.tahun, new Date());
  const site = baseOption(values['base-url'], ctx.env, '--base-url https://dinas.example.go.id/sop/');
  if (values['base-url'] !== undefined && !site.origin) throw new UsageError(`Alamat situs "${values['base-url']}" bukan URL lengkap.`, 'Kode QR di buku memerlukan alamat lengkap, mis. --base-url https://dinas.example.go.id/sop/');
  if (!existsSync(projectDirs(ctx.cwd).content)) {
    throw new UsageError('Folder content/ tidak ditemukan di folder ini maupun di atasnya.', 'Pindah ke folder proyek SOP (yang berisi content/), atau buat proyek baru dengan sop mulai.');
  }
  const progress = commandProgress(ctx, values.diam);
  const project = await checkedProject(ctx, progress);
  if (!project) return EXIT.invalid;
  const { sops } = project;
  const known = [...new Set(project.instansi.map((i) => i.id))].sort();
  const wanted = (values.instansi ?? []).map((v) => v.trim().replace(/^content\//, '').replace(/\/+$/, ''));
  // Instansi ids (and book names) are the folders' slugs (model/slug.ts): `Dinas A` is `dinas-a`.
  for (const id of wanted) {
    if (!known.includes(nameSlug(id))) {
      const near = closest(id, known);
      throw new UsageError(`Instansi "${id}" tidak ada di content/.`, near ? `Maksudnya "${near}"?` : `Instansi yang ada: ${known.join(', ') || '(belum ada)'}.`);
    }
  }

  const ids = wanted.length ? wanted.map(nameSlug) : known;
  const withSops = new Set(sops.map((s) => s.instansi.id));
  const empty = ids.filter((id) => !withSops.has(id));

  const shares = values['dari-bagian'];
  const result = await withPrinter(ctx.cwd, 'sop book', async (printer) => {
    if (shares) await assembleShares(shares, ctx.here ?? ctx.cwd, sops, project.root);
    return buildBooks(project, {
      tahun,
      draf: Boolean(values.draf),
      instansi: ids,
      ...(values.monev ? { lampiran: new Map([...reportSections(project, tahun)].map(([id, l]) => [id, [l]])) } : {}),
      printer,
      ...(site.origin ? { site } : {}),
      onPdfProgress: pdfSteps(progress, 'Mencetak PDF SOP'),
      onBook: (inst, done, total) => progress.step('Menyusun buku', done, total, inst.id),
    });
  });
  progress.clear();

  for (const id of empty) ctx.stdout(`${id}: belum ada SOP yang valid, buku tidak dibuat.\n`);
  for (const b of result.books) {
    const rel = path.relative(ctx.cwd, b.file).split(path.sep).join('/');
    const notListed = b.listed - b.printed;
    ctx.stdout(`${rel}: ${b.assembled.pageCount} halaman, ${b.printed} SOP dimuat${notListed ? `, ${notListed} hanya dicantumkan` : ''}\n`);
    // Deliberate, and said: other-paper SOPs keep their own pages; a book should enact its SOPs.
    const otherPaper = b.assembled.parts.filter((p) => p.kind === 'sop' && p.sop.kertas !== b.instansi.kertas).length;
    if (otherPaper) ctx.stdout(`  ${otherPaper} SOP berkertas selain ${b.instansi.kertas} dimuat dengan ukuran halaman aslinya (tidak diperkecil).\n`);
    if (!b.assembled.parts.some((p) => p.kind === 'halaman' && b.front[p.front ?? -1]?.keputusan)) {
      ctx.stdout(`  Peringatan: buku ini tanpa keputusan penetapan SOP (buat content/${b.instansi.id}/buku/keputusan.md).\n`);
    }
  }
  const rebuilt = result.pdfs.filter((p) => p.rebuilt).length;
  const seconds = ((result.timings.pdf + result.timings.buku) / 1000).toFixed(1);
  ctx.stdout(`${result.books.length} buku tahun ${tahun} dibuat (${rebuilt} PDF SOP dicetak ulang, ${result.pdfs.length - rebuilt} dipakai apa adanya) dalam ${seconds} detik.\n`);
  return EXIT.ok;
}
