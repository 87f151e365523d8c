// `sop impor`: Word and Excel SOPs into SOP sources. The I/O edge of scripts/import/: read the
// files, decide the folder, refuse to overwrite, write, print what was read and guessed, check.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { formatHuman } from '../diagnostics/format.ts';
import { collect, report } from '../diagnostics/report.ts';
import { readDocument, UnreadableDocument } from '../import/read.ts';
import { defaultFolder, planWrite, summarize, type ReadFile } from '../import/write.ts';
import { CONTENT_DIR } from '../model/paths.ts';
import { writeNew } from '../scaffold/write.ts';
import { runCheck } from '../validate/run.ts';
import type { CheckContext } from './check.ts';
import { EXIT, UsageError } from './usage.ts';

export const IMPOR_HELP = `Pemakaian: sop impor BERKAS|FOLDER … [--ke content/INSTANSI] [--timpa]

Membaca SOP lama dari Word (.docx) dan Excel (.xlsx), termasuk bagan alirnya
(simbol dan panah yang digambar), lalu menulis satu berkas sumber SOP (.md) per
SOP yang ditemukan (satu berkas boleh memuat beberapa SOP), dan instansi.yml bila
folder tujuan belum punya. Folder yang disebut: semua .docx/.xlsx di dalamnya.

Setiap tebakan dan bagian yang tidak terbaca disebutkan, dengan letaknya di
dokumen asli (halaman/lembar, tabel, baris, kolom) dan di berkas .md yang ditulis
(baris). Setelah itu sop check dijalankan pada hasilnya.

Opsi:
  --ke FOLDER   folder tujuan di dalam content/ (bawaan: content/<nama-instansi>
                menurut dokumen)
  --timpa       timpa berkas .md yang sudah ada (tanpa opsi ini tidak ada yang ditimpa)
  -h, --help    tampilkan bantuan ini

Berkas .doc/.xls (Office 97-2003) tidak dapat dibaca: simpan dulu sebagai
.docx/.xlsx. Panduan: docs/panduan.md, bagian "Memindahkan SOP lama".

Kode keluar: 0 ada SOP yang ditulis (walau dengan tebakan), 1 tidak ada yang dapat
ditulis, 2 salah pemakaian.
`;

const READABLE = /\.(docx|xlsx|doc|xls)$/i;

export async function impor(argv: string[], ctx: CheckContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ke: { type: 'string' }, timpa: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    ctx.stdout(IMPOR_HELP);
    return EXIT.ok;
  }
  if (!positionals.length) throw new UsageError('Berkas Word/Excel yang diimpor belum disebut.', 'Contoh: sop impor "SOP Pelayanan.docx" --ke content/dinas-kominfo');
  // Paths on the command line are where it was typed (a sub-folder too); what is written, the project's.
  const here = ctx.here ?? ctx.cwd;
  const inputs: string[] = [];
  for (const p of positionals) {
    const abs = path.resolve(here, p);
    if (!existsSync(abs)) throw new UsageError(`Berkas atau folder "${p}" tidak ditemukan.`);
    if (statSync(abs).isDirectory()) {
      const found = readdirSync(abs).filter((n) => READABLE.test(n) && !n.startsWith('~$')).sort();
      if (!found.length) throw new UsageError(`Folder "${p}" tidak berisi berkas .docx atau .xlsx.`);
      inputs.push(...found.map((n) => path.join(p, n)));
    } else inputs.push(p);
  }

  // Read every document; one that cannot be read is said and skipped.
  const read: ReadFile[] = [];
  const failed: VFile[] = [];
  for (const p of inputs) {
    try {
      read.push(readDocument(p, readFileSync(path.resolve(here, p))));
    } catch (e) {
      // One document that cannot be read never stops the others.
      const v = new VFile({ path: p });
      if (e instanceof UnreadableDocument) report(v, 'impor-berkas-rusak', `berkas ${e.message}`, { line: 1, column: 1 }, { hint: e.hint });
      else report(v, 'galat-internal', `sop-press gagal membaca berkas ini: ${e instanceof Error ? e.message : String(e)}`, { line: 1, column: 1 });
      failed.push(v);
    }
  }
  const color = ctx.isTTY && !ctx.env.NO_COLOR;
  if (!read.length) {
    ctx.stdout(formatHuman(collect(failed), color, failed.length));
    ctx.stdout('Tidak ada SOP yang ditulis.\n');
    return EXIT.invalid;
  }

  const folder = target(values.ke, read, ctx.cwd, here);
  insideContent(ctx.cwd, folder);
  const hasInstansi = ['instansi.yml', 'instansi.yaml'].some((f) => existsSync(path.join(ctx.cwd, folder, f)));
  const plan = planWrite(read, folder, hasInstansi);
  const clash = plan.files.filter((f) => existsSync(path.join(ctx.cwd, f.path))).map((f) => f.path);
  if (clash.length && !values.timpa) {
    throw new UsageError(`Berkas ini sudah ada: ${clash.join(', ')}. Tidak ada yang ditulis.`, 'Tambahkan --timpa untuk menimpanya, atau pilih folder lain dengan --ke.');
  }
  writeNew(ctx.cwd, plan.files, Boolean(values.timpa));

  // What was read, per document, then every guess at its place.
  let k = 0;
  for (const f of read) {
    ctx.stdout(`${f.name}: ${f.sops.length} SOP\n`);
    for (const sop of f.sops) ctx.stdout(`  → ${plan.messages[k++]!.path}\n    ${summarize(sop)}\n`);
  }
  const written = plan.files.filter((f) => f.path.endsWith('.yml')).map((f) => `  → ${f.path}\n`);
  if (written.length) ctx.stdout(written.join(''));
  const notes = collect([...failed, ...plan.messages]);
  ctx.stdout('\nCatatan impor (periksa di dokumen asli):\n');
  ctx.stdout(notes.length ? formatHuman(notes, color, plan.messages.length + failed.length) : '  tidak ada tebakan.\n');

  // The check sees the whole project (nomor ganda, keterkaitan) but shows only what was written.
  const { shown } = await runCheck(ctx.cwd, plan.files.map((f) => f.path));
  const found = collect(shown);
  ctx.stdout(`\nsop check (berkas yang ditulis di ${folder}):\n`);
  ctx.stdout(formatHuman(found, color, shown.length));
  return EXIT.ok;
}

/** Refuses a target that a link (pintasan) leads out of content/: nothing is written outside the project. */
function insideContent(cwd: string, folder: string): void {
  const content = path.join(cwd, CONTENT_DIR);
  let at = path.join(cwd, folder);
  while (!existsSync(at)) at = path.dirname(at);
  const real = realpathSync(at);
  // Without content/ yet (a new project), the folder is made in this one.
  const root = existsSync(content) ? realpathSync(content) : path.join(realpathSync(cwd), CONTENT_DIR);
  if (real !== root && !real.startsWith(`${root}${path.sep}`) && !(real === realpathSync(cwd) && !existsSync(content))) {
    throw new UsageError(`Folder tujuan "${folder}" mengarah ke luar content/ (lewat pintasan).`, 'Pilih folder biasa di dalam content/.');
  }
}

/** The folder to write to: --ke (inside content/), else content/<office> from the document. */
function target(ke: string | undefined, read: readonly ReadFile[], cwd: string, here: string): string {
  if (ke !== undefined) {
    const rel = path.relative(cwd, path.resolve(here, ke)).split(path.sep).join('/');
    if (!rel.startsWith(`${CONTENT_DIR}/`) || rel.split('/').some((p) => p === '..')) {
      throw new UsageError(`Folder tujuan "${ke}" harus berada di dalam content/.`, 'Contoh: --ke content/dinas-kominfo');
    }
    return rel.replace(/\/+$/, '');
  }
  const folder = defaultFolder(read);
  if (!folder) throw new UsageError('Nama instansi tidak terbaca dari dokumen, sehingga folder tujuan tidak dapat ditentukan.', 'Sebut folder tujuan dengan --ke content/<instansi>.');
  return folder;
}
