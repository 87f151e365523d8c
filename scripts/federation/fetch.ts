// Getting an office's catalogue.json text: over http(s) with a timeout, a size cap and a bounded
// number of redirects, or from a local folder (a built site) with the same cap. Never throws for
// what the office serves: the failure is the result, in Indonesian, for the report.
import { lstatSync, openSync, readSync, closeSync, realpathSync } from 'node:fs';
import path from 'node:path';

export interface FetchLimits {
  /** Per request, in milliseconds. */
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 20 * 1024 * 1024 };

const MAX_REDIRECTS = 5;

export type Fetched = { ok: true; text: string; /** Where the text came from, after redirects. */ from: string } | { ok: false; reason: string };

/** What a network failure means, for an officer. */
const NETWORK: Record<string, string> = {
  ENOTFOUND: 'nama domain tidak ditemukan',
  EAI_AGAIN: 'nama domain tidak dapat dicari sekarang',
  ECONNREFUSED: 'sambungan ditolak server',
  ECONNRESET: 'sambungan diputus server',
  ETIMEDOUT: 'sambungan kehabisan waktu',
  CERT_HAS_EXPIRED: 'sertifikat HTTPS situs sudah kedaluwarsa',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'sertifikat HTTPS situs tidak sah',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'sertifikat HTTPS situs tidak dapat diperiksa',
};

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** `https://x/sop/` → `https://x/sop/catalogue.json`; a URL ending in .json is taken as is. */
export function catalogueUrl(site: string): string {
  const u = new URL(site);
  if (u.pathname.endsWith('.json')) return u.href;
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return new URL('catalogue.json', u).href;
}

export async function fetchCatalogue(site: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<Fetched> {
  let url = catalogueUrl(site);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'application/json' } });
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel();
        const next = new URL(res.headers.get('location')!, url);
        if (next.protocol !== 'https:' && next.protocol !== 'http:') return { ok: false, reason: `dialihkan ke alamat bukan http(s): ${next.protocol}` };
        if (hop >= MAX_REDIRECTS) return { ok: false, reason: `dialihkan lebih dari ${MAX_REDIRECTS} kali` };
        url = next.href;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        return { ok: false, reason: `server menjawab HTTP ${res.status} untuk ${url}` };
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > limits.maxBytes) {
        await res.body?.cancel();
        return { ok: false, reason: `catalogue.json terlalu besar (${mb(declared)}; batas ${mb(limits.maxBytes)})` };
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = res.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > limits.maxBytes) {
          await reader.cancel();
          return { ok: false, reason: `catalogue.json terlalu besar (lebih dari ${mb(limits.maxBytes)})` };
        }
        chunks.push(value);
      }
      return { ok: true, text: new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks)), from: url };
    }
  } catch (e) {
    if (signal.aborted) return { ok: false, reason: `tidak menjawab dalam ${Math.round(limits.timeoutMs / 1000)} detik` };
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? '';
    return { ok: false, reason: `tidak dapat dihubungi (${NETWORK[code] ?? (code || cause?.message || (e as Error).message)})` };
  }
}

/** catalogue.json of a built site folder: a regular file (links resolved), at most the cap. */
export function readFolderCatalogue(dir: string, limits: FetchLimits = DEFAULT_LIMITS): Fetched {
  const file = path.join(dir, 'catalogue.json');
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return { ok: false, reason: `${file} tidak ditemukan` };
  }
  const stat = lstatSync(real);
  if (!stat.isFile()) return { ok: false, reason: `${file} bukan berkas biasa` };
  if (stat.size > limits.maxBytes) return { ok: false, reason: `catalogue.json terlalu besar (${mb(stat.size)}; batas ${mb(limits.maxBytes)})` };
  const buf = Buffer.alloc(stat.size);
  const fd = openSync(real, 'r');
  try {
    readSync(fd, buf, 0, stat.size, 0);
  } finally {
    closeSync(fd);
  }
  return { ok: true, text: buf.toString('utf8'), from: real };
}
