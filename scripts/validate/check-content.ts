// `sop check` as a pure function: raw files in, diagnostics (on vfiles) and valid SOPs out.
import path from 'node:path';
import { VFile } from 'vfile';
import type { Sop } from '../model/sop.ts';
import { hasErrors, report } from '../diagnostics/report.ts';
import { parseSopSource, type SopSource } from '../parse/sop-source.ts';
import type { ContentSet, RawFile } from '../source/content.ts';
import { decodeSource, placeOfByte } from '../source/decode.ts';
import { validateInstansi, type InstansiEntry } from './instansi.ts';
import { checkProject } from './project.ts';
import { validateSop } from './sop.ts';

export interface CheckResult {
  /** Every file looked at, with its messages. */
  files: VFile[];
  /** SOPs without errors, in path order. */
  sops: Sop[];
  instansi: InstansiEntry[];
  ok: boolean;
}

export function checkContent(set: ContentSet, exists: (p: string) => boolean): CheckResult {
  const files: VFile[] = [];
  const byDir = new Map<string, InstansiEntry | undefined>();
  const instansi: InstansiEntry[] = [];
  for (const raw of set.instansi) {
    const file = new VFile({ path: raw.rel });
    files.push(file);
    const text = decode(file, raw);
    const id = path.relative(set.contentDir, raw.abs).split(path.sep)[0] ?? '';
    const entry = text === undefined ? undefined : validateInstansi(file, text, id, raw.abs, exists);
    byDir.set(path.dirname(raw.abs), entry);
    if (entry) instansi.push(entry);
  }

  const parsed: Array<{ source: SopSource; file: VFile; raw: RawFile }> = [];
  for (const raw of set.sops) {
    const file = new VFile({ path: raw.rel });
    files.push(file);
    const text = decode(file, raw);
    const source = text === undefined ? undefined : parseSopSource(file, text);
    if (source) parsed.push({ source, file, raw });
  }

  const sops: Sop[] = [];
  for (const { source, raw } of parsed) {
    const rel = path.relative(set.contentDir, raw.abs).split(path.sep).join('/');
    const id = rel.replace(/\.md$/, '');
    const sop = validateSop(source, nearestInstansi(byDir, path.dirname(raw.abs), set.contentDir), {
      id,
      slug: path.basename(id),
      path: raw.rel,
    });
    if (sop) sops.push(sop);
  }
  checkProject(parsed);
  // A cross-file error (duplicate nomor …) invalidates an SOP that was otherwise fine.
  const invalid = new Set(files.filter((f) => f.messages.some((m) => m.fatal)).map((f) => f.path));
  const valid = sops.filter((s) => !invalid.has(s.path));
  return { files, sops: valid, instansi, ok: !hasErrors(files) };
}

function nearestInstansi(byDir: Map<string, InstansiEntry | undefined>, dir: string, contentDir: string): InstansiEntry | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (byDir.has(d)) return byDir.get(d);
    if (d === contentDir || path.dirname(d) === d || !d.startsWith(contentDir)) return undefined;
  }
}

function decode(file: VFile, raw: RawFile): string | undefined {
  const decoded = decodeSource(raw.bytes);
  if (decoded.ok) return decoded.text;
  if (decoded.reason === 'biner') {
    report(file, 'berkas-biner', 'Berkas ini bukan teks (berisi data biner).', placeOfByte(raw.bytes, decoded.offset), {
      hint: 'Simpan SOP sebagai teks biasa (.md) dengan editor teks, bukan dokumen Word atau PDF.',
    });
  } else {
    report(file, 'bukan-utf8', 'Berkas tidak tersimpan dalam pengodean UTF-8.', placeOfByte(raw.bytes, decoded.offset), {
      hint: 'Simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan Sebagai → Encoding: UTF-8).',
    });
  }
  return undefined;
}
