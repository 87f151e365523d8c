// `sop pratinjau` shows the monitoring forms and the report live, linked from its start page.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../scripts/preview/server.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let preview: Preview;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'monev-pratinjau-'));
  cpSync(path.join(REPO, 'content'), path.join(dir, 'content'), { recursive: true });
  // Nothing here prints: the forms and the report are HTML.
  preview = await startPreview({ root: dir, port: 0, printer: () => Promise.reject(new Error('tidak mencetak')) });
});

afterAll(async () => {
  await preview.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('pratinjau monitoring dan evaluasi', () => {
  it('halaman awal menautkan formulir dan laporan setiap instansi; keduanya tampil dengan langkah SOP dan ringkasan', async () => {
    const index = await (await fetch(preview.url)).text();
    expect(index).toContain('href="/monev/diskominfosp-balangan/formulir"');
    const forms = await (await fetch(`${preview.url}monev/diskominfosp-balangan/formulir`)).text();
    expect(forms).toContain('Monitoring Pelaksanaan SOP AP');
    expect(forms).toContain('Merekap laporan kinerja triwulan');
    expect(forms).toContain('/_pratinjau/klien.js');
    const report = await (await fetch(`${preview.url}monev/diskominfosp-balangan/laporan`)).text();
    expect(report).toContain('Laporan Monitoring dan Evaluasi Penerapan SOP');
    expect((await fetch(`${preview.url}monev/tidak-ada/laporan`)).status).toBe(404);
  });
});
