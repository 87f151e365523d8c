// `sop mulai`: a new office repository, ready for `npm install` and `sop check`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { localToday } from '../scaffold/existing.ts';
import { nextSteps, officeFiles } from '../scaffold/office.ts';
import type { OfficeAnswers } from '../scaffold/templates.ts';
import { existing, writeNew } from '../scaffold/write.ts';
import { slugify } from '../site/urls.ts';
import { PACKAGE_ROOT } from '../model/paths.ts';
import type { CheckContext } from './check.ts';
import { EXIT, UsageError } from './usage.ts';

export const MULAI_HELP = `Pemakaian: sop mulai [FOLDER] [--instansi ID] [--pemerintah TEKS] [--nama TEKS]
                 [--alamat TEKS] [--jabatan TEKS] [--pejabat TEKS] [--nip NIP]

Membuat repositori SOP baru untuk satu kantor di FOLDER (bawaan: folder ini):
package.json (sop-press sebagai dependensi), content/<instansi>/instansi.yml,
satu contoh SOP, alur kerja GitHub Actions (periksa dan terbitkan katalog),
pengaturan VS Code (.vscode/) dan .gitignore. Berkas yang sudah ada tidak
pernah ditimpa. Isian yang tidak diberikan lewat opsi ditanyakan satu per satu.

Opsi:
  --instansi ID      nama folder instansi di content/, mis. diskominfo-balangan
  --pemerintah TEKS  mis. "Pemerintah Kabupaten Balangan"
  --nama TEKS        nama instansi, mis. "Dinas Komunikasi dan Informatika"
  --alamat TEKS      alamat kantor (boleh kosong)
  --jabatan TEKS     jabatan penandatangan SOP (bawaan: "Kepala " + nama instansi)
  --pejabat TEKS     nama pejabat penandatangan beserta gelar
  --nip NIP          NIP penandatangan (boleh kosong)
  --gabungan         buat repositori katalog gabungan (provinsi) untuk sop gabung:
                     gabungan.yml dan alur kerja CI malam hari, tanpa isian di atas
  -h, --help         tampilkan bantuan ini

Kode keluar: 0 berhasil, 2 salah pemakaian atau berkas sudah ada.
`;


/** The questions, in the order asked; `fallback` proposes an answer from earlier ones. */
const QUESTIONS: Array<{ key: keyof OfficeAnswers; label: string; optional?: boolean; fallback?: (a: Partial<OfficeAnswers>) => string }> = [
  { key: 'pemerintah', label: 'Pemerintah daerah (mis. Pemerintah Kabupaten Balangan)' },
  { key: 'nama', label: 'Nama instansi (mis. Dinas Komunikasi dan Informatika)' },
  { key: 'instansi', label: 'Nama folder instansi di content/', fallback: (a) => folderId(a) },
  { key: 'alamat', label: 'Alamat kantor', optional: true },
  { key: 'jabatan', label: 'Jabatan penandatangan SOP', fallback: (a) => `Kepala ${a.nama ?? ''}`.trim() },
  { key: 'pejabat', label: 'Nama pejabat penandatangan (dengan gelar)' },
  { key: 'nip', label: 'NIP penandatangan', optional: true },
];

/** `Dinas Komunikasi dan Informatika` + `Pemerintah Kabupaten Balangan` → `dinas-komunikasi-dan-informatika-balangan`. */
function folderId(a: Partial<OfficeAnswers>): string {
  const region = (a.pemerintah ?? '').replace(/^pemerintah\s+(provinsi|kabupaten|kota)?\s*/i, '');
  return slugify(`${a.nama ?? ''} ${region}`);
}

export async function mulai(argv: string[], ctx: CheckContext): Promise<number> {
  const options = Object.fromEntries(QUESTIONS.map((q) => [q.key, { type: 'string' as const }]));
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...options, gabungan: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    ctx.stdout(MULAI_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError(`Argumen "${positionals[1]}" tidak dikenal.`, 'Sebut satu folder saja, mis. sop mulai sop-dinas.');
  const dir = positionals[0] ?? '.';
  if (values.gabungan) return (await import('./mulai-gabungan.ts')).mulaiGabungan(dir, ctx);
  const root = path.resolve(ctx.cwd, dir);

  const given: Partial<OfficeAnswers> = {};
  for (const q of QUESTIONS) {
    const v = (values as Record<string, unknown>)[q.key];
    if (typeof v === 'string' && v.trim()) given[q.key] = v.trim();
  }
  const answers = await complete(given, ctx);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(answers.instansi)) {
    throw new UsageError(`Nama folder instansi "${answers.instansi}" tidak dapat dipakai.`, `Pakai huruf kecil, angka dan tanda hubung saja, mis. ${folderId(answers)}.`);
  }

  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };
  const files = officeFiles(answers, {
    name: slugify(path.basename(root)) === 'lainnya' ? `sop-${answers.instansi}` : slugify(path.basename(root)),
    version: pkg.version,
    engines: pkg.engines.node,
    workflow: readFileSync(path.join(PACKAGE_ROOT, '.github', 'workflows', 'publish.yml'), 'utf8'),
    today: localToday(),
  });
  const clash = existsSync(root) ? existing(root, files) : [];
  if (clash.length) {
    throw new UsageError(`Berkas ini sudah ada di ${dir}: ${clash.join(', ')}. Tidak ada yang diubah.`, 'Jalankan sop mulai di folder kosong, mis. sop mulai sop-kantor-baru.');
  }
  writeNew(root, files);
  ctx.stdout(`Repositori SOP dibuat di ${dir === '.' ? 'folder ini' : dir}:\n${files.map((f) => `  ${f.path}\n`).join('')}\n${nextSteps(dir, answers)}`);
  return EXIT.ok;
}

/** Asks for what the options did not give, when someone is at the terminal; else says what is missing. */
async function complete(given: Partial<OfficeAnswers>, ctx: CheckContext): Promise<OfficeAnswers> {
  const a = { ...given };
  const missing = QUESTIONS.filter((q) => a[q.key] === undefined && !q.optional && !q.fallback);
  if (!process.stdin.isTTY || !ctx.isTTY) {
    if (missing.length) {
      throw new UsageError(`Isian belum lengkap: ${missing.map((q) => `--${q.key}`).join(', ')}.`, 'Contoh: sop mulai sop-dinas --pemerintah "Pemerintah Kabupaten Balangan" --nama "Dinas Komunikasi dan Informatika" --pejabat "Nama Pejabat, S.Kom."');
    }
    for (const q of QUESTIONS) if (a[q.key] === undefined && q.fallback) a[q.key] = q.fallback(a);
    return a as OfficeAnswers;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const q of QUESTIONS) {
      if (a[q.key] !== undefined) continue;
      const proposal = q.fallback?.(a);
      for (;;) {
        const reply = (await rl.question(`${q.label}${proposal ? ` [${proposal}]` : q.optional ? ' (boleh kosong)' : ''}: `)).trim();
        const value = reply || proposal;
        if (value) a[q.key] = value;
        if (value || q.optional) break;
      }
    }
  } finally {
    rl.close();
  }
  return a as OfficeAnswers;
}
