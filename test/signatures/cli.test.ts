// The round trip as an office does it: sop build → sign elsewhere → drop the signed PDF in ttd/
// → sop check / sop ttd → sop site. One project in a temp folder (the sample e-signed instansi),
// built once, signed with a test CA; then a source edit after signing.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flat, projectDir, ROOT, runSop } from '../pdf/helpers.ts';
import { makeIdentity, pem, signPdf } from './signer.ts';

const REL = 'diskominfo-pessel/sekretariat/pemantauan-capaian-kinerja-internal';
const SIGNED = `content/diskominfo-pessel/sekretariat/ttd/pemantauan-capaian-kinerja-internal.pdf`;
let dir: string;
let signed: Buffer;
let built: { status: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  dir = projectDir('ttd-cli', {});
  cpSync(path.join(ROOT, 'content/diskominfo-pessel'), path.join(dir, 'content/diskominfo-pessel'), { recursive: true });
  built = runSop(dir, ['build']);
  const root = await makeIdentity('Root CA Uji', 'RSA');
  const signer = await makeIdentity('WENDI', 'ECDSA', { issuer: root });
  signed = await signPdf(readFileSync(path.join(dir, `output/pdf/diskominfo-pessel/pemantauan-capaian-kinerja-internal.pdf`)), { signer, time: new Date('2024-05-08T03:15:00Z') });
  mkdirSync(path.join(dir, path.dirname(SIGNED)), { recursive: true });
  writeFileSync(path.join(dir, SIGNED), signed);
  mkdirSync(path.join(dir, 'content/diskominfo-pessel/ttd/akar'), { recursive: true });
  writeFileSync(path.join(dir, 'content/diskominfo-pessel/ttd/akar/bsre-uji.pem'), pem(root.cert));
}, 180_000);

describe('sop build → ttd/ → sop check, sop ttd', () => {
  it('sop build menyebut ke mana PDF bertanda tangan disimpan', () => {
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toContain(`output/pdf/diskominfo-pessel/pemantauan-capaian-kinerja-internal.pdf → ${SIGNED}`);
  });

  it('sop check menerima PDF bertanda tangan yang cocok dengan cetakan terakhir', () => {
    const r = runSop(dir, ['check', '--format', 'json']);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).not.toContain('"ttd-');
  });

  it('sop ttd: sah, oleh siapa, kapan', () => {
    const r = runSop(dir, ['ttd']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/001\/SOP\/KOMINFO\/2024 +Pemantauan Capaian Kinerja Internal +sah, oleh WENDI, pada 8 Mei 2024 pukul 10\.15 WIB/);
  });

  it('sumber diubah setelah ditandatangani: sop check dan sop ttd menyebut barisnya, kode keluar 1', () => {
    const src = path.join(dir, 'content', `${REL}.md`);
    const text = readFileSync(src, 'utf8');
    const row = text.split('\n').find((l) => /^\| *2 *\|/.test(l))!;
    writeFileSync(src, text.replace(row, row.replace(/^\| *2 *\| */, '| 2 | Diubah: ')));
    const check = runSop(dir, ['check']);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(SIGNED);
    expect(check.stdout).toMatch(/SOP berubah setelah ditandatangani: baris 2\./);
    expect(check.stdout).toContain('ttd-berubah');
    const ttd = runSop(dir, ['ttd']);
    expect(ttd.status).toBe(1);
    expect(ttd.stdout).toContain('berubah setelah ditandatangani: baris 2');
    writeFileSync(src, text);
  });
});

describe('sop site', () => {
  it('menerbitkan PDF bertanda tangan apa adanya sebagai PDF resmi, dengan penanda tangan dan waktunya; SOP basah menyebut aslinya di atas kertas', () => {
    // Two more SOPs of the same office: one e-signed, not signed yet; one signed on paper.
    const text = readFileSync(path.join(dir, 'content', `${REL}.md`), 'utf8');
    const copy = (slug: string, nomor: string, extra: string) =>
      writeFileSync(path.join(dir, 'content/diskominfo-pessel/sekretariat', `${slug}.md`), text.replace('nomor: 001/SOP/KOMINFO/2024', `nomor: ${nomor}\n${extra}`).replace('nama: Pemantauan Capaian Kinerja Internal', `nama: SOP ${slug}`));
    copy('menunggu', '002/SOP/KOMINFO/2024', '');
    copy('kertas', '003/SOP/KOMINFO/2024', 'tanda_tangan: basah');
    const r = runSop(dir, ['site', '--tanpa-buku']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const site = path.join(dir, 'output/site');
    expect(readFileSync(path.join(site, 'pdf/diskominfo-pessel/pemantauan-capaian-kinerja-internal.pdf')).equals(signed)).toBe(true);
    const page = readFileSync(path.join(site, 'sop/diskominfo-pessel/pemantauan-capaian-kinerja-internal/index.html'), 'utf8');
    expect(page).toContain('Unduh PDF resmi');
    expect(page).toContain('Ditandatangani secara elektronik oleh WENDI pada 8 Mei 2024 pukul 10.15 WIB');
    const catalogue = JSON.parse(readFileSync(path.join(site, 'catalogue.json'), 'utf8')) as { sop: Array<{ nomor: string; tanda_tangan: { jenis: string; oleh?: string } }> };
    expect(catalogue.sop.find((s) => s.nomor === '001/SOP/KOMINFO/2024')!.tanda_tangan).toEqual({ jenis: 'elektronik', oleh: 'WENDI', pada: '2024-05-08T03:15:00.000Z' });
    expect(catalogue.sop.find((s) => s.nomor === '002/SOP/KOMINFO/2024')!.tanda_tangan).toEqual({ jenis: 'salinan' });
    const waiting = readFileSync(path.join(site, 'sop/diskominfo-pessel/menunggu/index.html'), 'utf8');
    expect(waiting).toContain('Unduh salinan PDF');
    expect(waiting).toContain('Salinan — belum ditandatangani');
    expect(waiting).not.toMatch(/PDF resmi/);
    const paper = readFileSync(path.join(site, 'sop/diskominfo-pessel/kertas/index.html'), 'utf8');
    expect(paper).toContain('Dokumen asli ditandatangani basah di atas kertas');
    expect(paper).not.toMatch(/PDF resmi/);
  });
});

const hasZbar = spawnSync('zbarimg', ['--version']).status === 0;
let firstPage = 0;

describe('sop book', () => {
  it('halaman pertama setiap SOP bertanda tangan elektronik diberi kode QR dan alamat halamannya di situs; Daftar SOP menyebut yang sudah ditandatangani', () => {
    const r = runSop(dir, ['book', '--instansi', 'diskominfo-pessel', '--tahun', '2024', '--base-url', 'https://dinas.example.go.id/sop/']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const book = path.join(dir, 'output/buku/diskominfo-pessel-2024.pdf');
    const text = execFileSync('pdftotext', ['-layout', book, '-'], { encoding: 'utf8' });
    const address = 'dinas.example.go.id/sop/sop/diskominfo-pessel/pemantauan-capaian-kinerja-internal';
    expect(text).toContain(address);
    const pages = text.split('\f');
    const first = pages.findIndex((p) => p.includes(address));
    expect(pages[first]).toContain('STANDAR OPERASIONAL PROSEDUR (SOP) PEMANTAUAN CAPAIAN KINERJA INTERNAL');
    // One per e-signed SOP, on its first page only; none on the wet-signed one's.
    expect(pages.filter((p) => p.includes('dinas.example.go.id/sop/sop/'))).toHaveLength(2);
    expect(text).not.toContain('dinas.example.go.id/sop/sop/diskominfo-pessel/kertas');
    const list = pages.find((p) => p.includes('DAFTAR SOP') && p.includes('Tanggal Efektif'))!;
    const rows = list.split(/\n(?=\d+ +\d{3}\/SOP)/).map(flat);
    expect(rows.find((r) => r.includes('001/SOP/KOMINFO/2024'))).toMatch(/Berlaku \d+ TTE 8 Mei 2024/);
    expect(rows.find((r) => r.includes('002/SOP/KOMINFO/2024'))).toMatch(/Berlaku \d+ Belum TTE/);
    expect(rows.find((r) => r.includes('003/SOP/KOMINFO/2024'))).not.toContain('TTE');
    firstPage = first + 1;
  });

  it.skipIf(!hasZbar)('kode QR-nya terbaca sebagai alamat halaman SOP di situs (zbarimg, 300 dpi)', () => {
    const book = path.join(dir, 'output/buku/diskominfo-pessel-2024.pdf');
    execFileSync('pdftoppm', ['-png', '-r', '300', '-singlefile', '-f', String(firstPage), '-l', String(firstPage), '-x', '0', '-y', '0', '-W', '472', '-H', '472', book, path.join(dir, 'qr')]);
    const decoded = spawnSync('zbarimg', ['-q', '--raw', path.join(dir, 'qr.png')], { encoding: 'utf8' }).stdout.trim();
    expect(decoded).toBe('https://dinas.example.go.id/sop/sop/diskominfo-pessel/pemantauan-capaian-kinerja-internal/');
  });
});
