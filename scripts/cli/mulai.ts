// `sop mulai`: a new office repository, ready for `npm install` and `sop check`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { localToday } from '../scaffold/existing.ts';
import { installSpec } from '../scaffold/install-spec.ts';
import { DEFAULT_POLA, polaProblem } from '../scaffold/nomor.ts';
import { nextSteps, officeFiles } from '../scaffold/office.ts';
import { OFFICE_SCRIPTS, type OfficeAnswers } from '../scaffold/templates.ts';
import { existing, writeNew } from '../scaffold/write.ts';
import { slugify } from '../site/urls.ts';
import { PACKAGE_ROOT } from '../model/paths.ts';
import type { CheckContext } from './check.ts';
import { EXIT, UsageError } from './usage.ts';

export const MULAI_HELP = `Pemakaian: sop mulai [FOLDER] [--instansi ID] [--pemerintah TEKS] [--nama TEKS]
                 [--singkatan TEKS] [--pola-nomor POLA] [--alamat TEKS] [--jabatan TEKS]
                 [--pejabat TEKS] [--nip NIP] [--sumber PAKET] [--gitlab]

Membuat repositori SOP untuk satu kantor di FOLDER (bawaan: folder ini):
package.json (sop-press sebagai dependensi, perintah npm run cek/pratinjau/
baru/bangun/buku/situs), content/<instansi>/instansi.yml, satu contoh SOP,
halaman buku (kata pengantar, keputusan), alur kerja GitHub Actions (periksa
dan terbitkan katalog), pengaturan VS Code (.vscode/) dan .gitignore.
Di folder yang sudah berisi berkas, hanya berkas yang belum ada yang dibuat:
berkas yang sudah ada tidak pernah ditimpa. Isian yang tidak diberikan lewat
opsi ditanyakan satu per satu.

Opsi:
  --pemerintah TEKS  mis. "Pemerintah Kabupaten Balangan"
  --nama TEKS        nama instansi, mis. "Dinas Penanaman Modal dan Pelayanan
                     Terpadu Satu Pintu"
  --singkatan TEKS   singkatan instansi, mis. DPMPTSP (bawaan: huruf awal nama)
  --instansi ID      nama folder instansi di content/ (bawaan: singkatan dan
                     daerah, mis. dpmptsp-balangan)
  --pola-nomor POLA  pola nomor SOP: {nomor} nomor urut, {singkatan}, {tahun},
                     mis. "500.16/{nomor}/SOP/{singkatan}/{tahun}"
                     (bawaan: "${DEFAULT_POLA}")
  --alamat TEKS      alamat kantor (boleh kosong)
  --jabatan TEKS     jabatan penandatangan SOP (bawaan: "Kepala " + nama instansi)
  --pejabat TEKS     nama pejabat penandatangan beserta gelar
  --nip NIP          NIP penandatangan (boleh kosong)
  --sumber PAKET     dari mana sop-press dipasang: berkas paket rilis (.tgz,
                     disalin ke vendor/), alamat git (git+https://…#v0.1.0),
                     atau "npm" (registri npm). Bawaan: dari mana sop-press
                     ini sendiri dipasang.
  --gitlab           tulis juga .gitlab-ci.yml (GitLab CI dan GitLab Pages)
  --gabungan         buat repositori katalog gabungan (provinsi) untuk sop gabung:
                     gabungan.yml dan alur kerja CI malam hari, tanpa isian di atas
  -h, --help         tampilkan bantuan ini

Kode keluar: 0 berhasil, 2 salah pemakaian.
`;

type Question = { key: keyof OfficeAnswers; option: string; label: string; optional?: boolean; fallback?: (a: Partial<OfficeAnswers>) => string };

/** The questions, in the order asked; `fallback` proposes an answer from earlier ones. */
const QUESTIONS: Question[] = [
  { key: 'pemerintah', option: 'pemerintah', label: 'Pemerintah daerah (mis. Pemerintah Kabupaten Balangan)' },
  { key: 'nama', option: 'nama', label: 'Nama instansi (mis. Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu)' },
  { key: 'singkatan', option: 'singkatan', label: 'Singkatan instansi', fallback: (a) => acronym(a.nama ?? '') },
  { key: 'instansi', option: 'instansi', label: 'Nama folder instansi di content/', fallback: (a) => folderId(a) },
  { key: 'pola', option: 'pola-nomor', label: 'Pola nomor SOP ({nomor} = nomor urut)', fallback: () => DEFAULT_POLA },
  { key: 'alamat', option: 'alamat', label: 'Alamat kantor', optional: true },
  { key: 'jabatan', option: 'jabatan', label: 'Jabatan penandatangan SOP', fallback: (a) => `Kepala ${a.nama ?? ''}`.trim() },
  { key: 'pejabat', option: 'pejabat', label: 'Nama pejabat penandatangan (dengan gelar)' },
  { key: 'nip', option: 'nip', label: 'NIP penandatangan', optional: true },
];

/** Words left out of an acronym: `Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu` → `DPMPTSP`. */
const LINKING = new Set(['dan', 'serta', 'atau', 'dari', 'di', 'ke', 'untuk', 'pada', 'yang']);

export function acronym(nama: string): string {
  return nama
    .split(/[\s,/-]+/)
    .filter((w) => w && !LINKING.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** `DPMPTSP` + `Pemerintah Kabupaten Balangan` → `dpmptsp-balangan`: short, so paths and URLs stay readable. */
function folderId(a: Partial<OfficeAnswers>): string {
  const region = (a.pemerintah ?? '').replace(/^pemerintah\s+(provinsi|kabupaten|kota)?\s*/i, '');
  return slugify(`${a.singkatan ?? acronym(a.nama ?? '')} ${region}`);
}

export async function mulai(argv: string[], ctx: CheckContext): Promise<number> {
  const options = Object.fromEntries(QUESTIONS.map((q) => [q.option, { type: 'string' as const }]));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...options, sumber: { type: 'string' }, gitlab: { type: 'boolean' }, gabungan: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    ctx.stdout(MULAI_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError(`Argumen "${positionals[1]}" tidak dikenal.`, 'Sebut satu folder saja, mis. sop mulai sop-dinas.');
  const dir = positionals[0] ?? '.';
  if (values.gabungan) return (await import('./mulai-gabungan.ts')).mulaiGabungan(dir, ctx, values.sumber?.trim() || undefined);
  const root = path.resolve(ctx.cwd, dir);

  const given: Partial<OfficeAnswers> = {};
  for (const q of QUESTIONS) {
    const v = (values as Record<string, unknown>)[q.option];
    if (typeof v === 'string' && v.trim()) given[q.key] = v.trim();
  }
  const { answers, gitlab } = await complete(given, values.gitlab, ctx);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(answers.instansi)) {
    throw new UsageError(`Nama folder instansi "${answers.instansi}" tidak dapat dipakai.`, `Pakai huruf kecil, angka dan tanda hubung saja, mis. ${folderId(answers)}.`);
  }
  const polaWrong = polaProblem(answers.pola);
  if (polaWrong) throw new UsageError(polaWrong, `Contoh: --pola-nomor "500.16/{nomor}/SOP/{singkatan}/{tahun}".`);

  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; engines: { node: string }; repository?: { url?: string } };
  const install = installSpec(values.sumber?.trim() || undefined, { cwd: ctx.cwd, packageRoot: PACKAGE_ROOT, pkg });
  const templates = path.join(PACKAGE_ROOT, 'templates');
  const files = officeFiles(answers, {
    name: slugify(path.basename(root)) === 'lainnya' ? `sop-${answers.instansi}` : slugify(path.basename(root)),
    install,
    ...(install.tarball ? { tarballBytes: readFileSync(install.tarball) } : {}),
    engines: pkg.engines.node,
    workflow: readFileSync(path.join(PACKAGE_ROOT, '.github', 'workflows', 'publish.yml'), 'utf8'),
    ...(gitlab ? { gitlab: readFileSync(path.join(templates, 'gitlab-ci.yml'), 'utf8') } : {}),
    bookPages: Object.fromEntries(BOOK_TEMPLATES.map((f) => [f, readFileSync(path.join(templates, 'buku', f), 'utf8')])),
    today: localToday(),
  });
  // An existing folder (an office's repository): add what is missing, never overwrite.
  const kept = existsSync(root) ? existing(root, files) : [];
  const added = files.filter((f) => !kept.includes(f.path));
  writeNew(root, added);
  const where = dir === '.' ? 'folder ini' : dir;
  ctx.stdout(
    (added.length ? `Berkas yang dibuat di ${where}:\n${added.map((f) => `  ${f.path}\n`).join('')}` : `Tidak ada berkas baru di ${where}: semuanya sudah ada.\n`) +
      (kept.length ? `Sudah ada, tidak diubah:\n${kept.map((f) => `  ${f}\n`).join('')}` : '') +
      (kept.includes('package.json') ? keptPackageHint(root, install) : '') +
      `\n${nextSteps(dir, answers, install)}`,
  );
  return EXIT.ok;
}

const BOOK_TEMPLATES = ['kata-pengantar.md', 'keputusan.md'];

/** package.json was there already: say how to add sop-press and its scripts by hand. */
function keptPackageHint(root: string, install: { spec: string }): string {
  let has = false;
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    has = Boolean(pkg.dependencies?.['sop-press'] ?? pkg.devDependencies?.['sop-press']);
  } catch {
    // unreadable: the hint below still applies
  }
  if (has) return '';
  return `\npackage.json Anda belum memuat sop-press. Tambahkan dengan:\n  npm install --save-dev ${install.spec}\ndan salin bagian "scripts" berikut ke package.json:\n${JSON.stringify({ scripts: OFFICE_SCRIPTS }, null, 2).split('\n').slice(1, -1).join('\n')}\n`;
}

/** Asks for what the options did not give, when someone is at the terminal; else says what is missing. */
async function complete(given: Partial<OfficeAnswers>, gitlab: boolean | undefined, ctx: CheckContext): Promise<{ answers: OfficeAnswers; gitlab: boolean }> {
  const a = { ...given };
  const missing = QUESTIONS.filter((q) => a[q.key] === undefined && !q.optional && !q.fallback);
  if (!process.stdin.isTTY || !ctx.isTTY) {
    if (missing.length) {
      throw new UsageError(
        `Isian belum lengkap: ${missing.map((q) => `--${q.option}`).join(', ')}.`,
        'Contoh: sop mulai sop-dinas --pemerintah "Pemerintah Kabupaten Balangan" --nama "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu" --singkatan DPMPTSP --pejabat "Nama Pejabat, S.Kom."',
      );
    }
    for (const q of QUESTIONS) if (a[q.key] === undefined && q.fallback) a[q.key] = q.fallback(a);
    return { answers: a as OfficeAnswers, gitlab: Boolean(gitlab) };
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
    const onGitlab = gitlab ?? /^(y|ya)$/i.test((await rl.question('Repositori disimpan di GitLab (tulis juga .gitlab-ci.yml)? [y/T]: ')).trim());
    return { answers: a as OfficeAnswers, gitlab: onGitlab };
  } finally {
    rl.close();
  }
}
