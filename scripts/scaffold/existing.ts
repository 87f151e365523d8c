// The I/O edge of `sop baru`: the instansi folders of a project and the numbers their SOPs use.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { projectDirs } from '../model/paths.ts';
import { parseSopSource } from '../parse/sop-source.ts';
import { readContent } from '../source/content.ts';
import { decodeSource } from '../source/decode.ts';

/** Folders directly under content/ that hold an instansi.yml. */
export function instansiFolders(root: string): string[] {
  const content = projectDirs(root).content;
  if (!existsSync(content)) return [];
  return readdirSync(content, { withFileTypes: true })
    .filter((e) => e.isDirectory() && ['instansi.yml', 'instansi.yaml'].some((f) => existsSync(path.join(content, e.name, f))))
    .map((e) => e.name)
    .sort();
}

/** `nomor` of every SOP file under content/<instansi>/, as written; unreadable files are skipped. */
export function nomorsOf(root: string, instansi: string): string[] {
  const set = readContent(root, path.join(projectDirs(root).content, instansi));
  const out: string[] = [];
  for (const raw of set.sops) {
    const decoded = decodeSource(raw.bytes);
    if (!decoded.ok) continue;
    const data = parseSopSource(new VFile({ path: raw.rel }), decoded.text)?.yaml.data;
    const nomor = data && typeof data === 'object' ? (data as Record<string, unknown>).nomor : undefined;
    if (typeof nomor === 'string' || typeof nomor === 'number') out.push(String(nomor).trim());
  }
  return out;
}

/** Today in the local calendar, YYYY-MM-DD: the date an officer writes on a new SOP. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
