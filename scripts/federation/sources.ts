// Which office catalogues a province site gathers: the command's arguments, else gabungan.yml.
// Each source gets a stable short id (from its URL or folder name): it names the office's pages
// on the combined site and its last good copy (data/<id>.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SopError } from '../errors.ts';
import { slugify } from '../model/slug.ts';
import { gabunganIssue } from './contract.ts';

export const GABUNGAN_FILE = 'gabungan.yml';

export type Source =
  | { id: string; kind: 'url'; url: string; shown: string }
  | { id: string; kind: 'folder'; dir: string; alamat?: string; shown: string };

export interface SourceList {
  judul?: string;
  pemilik?: string;
  sources: Source[];
}

type Entry = string | { url?: string; folder?: string; alamat?: string; id?: string };

/** `https://dinkes.example.go.id/sop/` → `dinkes-example-go-id-sop`; a folder by its own name. */
function defaultId(entry: { url?: string; folder?: string }): string {
  if (entry.url) {
    const u = new URL(entry.url);
    return slugify(`${u.hostname}${u.port ? `-${u.port}` : ''}${u.pathname}`, 'kantor').slice(0, 60).replace(/-+$/, '');
  }
  const name = path.basename(path.resolve(entry.folder!));
  // A built site is usually <office>/output/site: name it by the office's folder.
  const parts = path.resolve(entry.folder!).split(path.sep);
  const office = name === 'site' && parts.at(-2) === 'output' ? parts.at(-3)! : name;
  return slugify(office, 'kantor').slice(0, 60).replace(/-+$/, '');
}

function toSources(entries: Entry[], cwd: string): Source[] {
  const taken = new Set<string>();
  return entries.map((raw) => {
    const entry = typeof raw === 'string' ? (/^https?:\/\//i.test(raw) ? { url: raw } : { folder: raw }) : raw;
    let id = entry.id ?? defaultId(entry);
    for (let n = 2; taken.has(id); n++) id = `${entry.id ?? defaultId(entry)}-${n}`;
    taken.add(id);
    if (entry.url) {
      let url: URL;
      try {
        url = new URL(entry.url);
      } catch {
        throw new SopError(`Alamat kantor "${entry.url}" bukan URL yang sah.`, { hint: 'Tulis alamat lengkap situs SOP kantor, mis. https://dinkes.example.go.id/sop/.' });
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SopError(`Alamat kantor "${entry.url}" harus http(s).`);
      return { id, kind: 'url', url: url.href, shown: url.href };
    }
    return { id, kind: 'folder', dir: path.resolve(cwd, entry.folder!), ...(entry.alamat ? { alamat: entry.alamat } : {}), shown: entry.folder! };
  });
}

/** Sources from arguments (URLs or folders), else from `<cwd>/gabungan.yml`. */
export function readSources(args: string[], cwd: string): SourceList {
  if (args.length) return { sources: toSources(args, cwd) };
  const file = path.join(cwd, GABUNGAN_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SopError(`Tidak ada situs yang digabung: ${GABUNGAN_FILE} tidak ditemukan dan tidak ada alamat yang diberikan.`, {
      exitCode: 2,
      hint: `Tulis daftar situs kantor di ${GABUNGAN_FILE} (lihat docs/gabungan.md), atau beri alamatnya: sop gabung https://dinkes.example.go.id/sop/ …`,
    });
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new SopError(`${GABUNGAN_FILE}: bukan YAML yang sah (${(e as Error).message.split('\n')[0]}).`, { hint: 'Periksa indentasi dan tanda "-" di depan setiap kantor.' });
  }
  const issue = gabunganIssue(data);
  if (issue) throw new SopError(`${GABUNGAN_FILE}: ${issue}.`, { hint: 'Setiap kantor ditulis sebagai alamat https://… atau sebagai { url: … } / { folder: …, alamat: … }; lihat schemas/gabungan.schema.json.' });
  const list = data as { judul?: string; pemilik?: string; kantor: Entry[] };
  return { ...(list.judul ? { judul: list.judul } : {}), ...(list.pemilik ? { pemilik: list.pemilik } : {}), sources: toSources(list.kantor, cwd) };
}
