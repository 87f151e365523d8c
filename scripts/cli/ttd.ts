// `sop ttd`: the state of every e-signed SOP's signed original, verified against this run's build.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { collect } from '../diagnostics/report.ts';
import { formatHuman } from '../diagnostics/format.ts';
import { buildPdfs } from '../pdf/build-pdfs.ts';
import { checkSignatures } from '../signatures/check.ts';
import { signedPdfPath } from '../model/paths.ts';
import { isSignable } from '../signatures/files.ts';
import { statusPhrase } from '../signatures/status.ts';
import { checkedProject, withPrinter } from './build.ts';
import type { CheckContext } from './check.ts';
import { EXIT } from './usage.ts';

export const TTD_HELP = `Pemakaian: sop ttd

Menampilkan keadaan tanda tangan elektronik setiap SOP yang berlaku dan
ditandatangani secara elektronik (tanda_tangan: elektronik):

  belum ditandatangani       belum ada ttd/<nama-berkas>.pdf di samping sumbernya
  sah, oleh …, pada …        PDF bertanda tangan cocok dengan cetakan sumber sekarang,
                             hanya tanda tangan yang ditambahkan, dan tanda tangannya utuh
  berubah setelah ditandatangani
                             sumber diubah sesudah PDF ditandatangani (bagian yang
                             berubah disebut): tandatangani PDF yang baru
  tidak sah: …               PDF diubah, tanda tangan rusak, atau sertifikat tidak
                             berantai ke sertifikat akar di content/<instansi>/ttd/akar/

PDF SOP yang punya berkas bertanda tangan dicetak lebih dulu (seperti sop build,
yang tidak berubah dilewati) untuk dibandingkan byte demi byte.

Opsi:
  -h, --help   tampilkan bantuan ini

Kode keluar: 0 semua sah atau belum ditandatangani, 1 ada yang tidak sah atau
berubah (atau galat di isi SOP), 2 salah pemakaian atau peramban tidak ditemukan.
`;

export async function ttd(argv: string[], ctx: CheckContext): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    ctx.stdout(TTD_HELP);
    return EXIT.ok;
  }
  const project = await checkedProject(ctx);
  if (!project) return EXIT.invalid;
  const signable = project.sops.filter(isSignable);
  if (!signable.length) {
    ctx.stdout('Tidak ada SOP berlaku yang ditandatangani secara elektronik (tanda_tangan: elektronik).\n');
    return EXIT.ok;
  }
  const withFile = signable.filter((s) => existsSync(path.join(ctx.cwd, signedPdfPath(s))));
  const built = withFile.length ? await withPrinter(ctx.cwd, 'sop ttd', (printer) => buildPdfs(withFile, { root: project.root, printer })) : [];
  const check = await checkSignatures(ctx.cwd, signable, new Map(built.map((b) => [b.sop.id, b.pdf])));
  const rows = check.signed.map((s) => [s.sop.nomor, s.sop.nama, statusPhrase(s)] as const);
  const width = (i: 0 | 1) => Math.min(40, Math.max(3, ...rows.map((r) => r[i].length)));
  const cell = (text: string, w: number) => (text.length > w ? `${text.slice(0, w - 1)}…` : text.padEnd(w));
  ctx.stdout(`${cell('SOP', width(0))}  ${cell('Nama', width(1))}  Status\n`);
  for (const [nomor, nama, status] of rows) ctx.stdout(`${cell(nomor, width(0))}  ${cell(nama, width(1))}  ${status}\n`);
  const waiting = check.signed.filter((s) => !s.verdict);
  if (waiting.length) ctx.stdout(`\nSetelah ditandatangani, simpan PDF-nya di:\n${waiting.map((s) => `  ${s.file}\n`).join('')}`);
  const diagnostics = collect(check.files);
  if (diagnostics.length) ctx.stdout(`\n${formatHuman(diagnostics, ctx.isTTY && !ctx.env.NO_COLOR, check.files.length)}`);
  return check.signed.some((s) => s.verdict && s.verdict.status !== 'sah') ? EXIT.invalid : EXIT.ok;
}
