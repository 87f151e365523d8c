// Every link a combined site takes from an office catalogue must lead to that office's own site:
// http(s), on the origin the catalogue was served from (or, for a local folder, the address the
// site is published at). Relative links are made absolute against that address. Pure.
import type { Katalog } from '../site/catalogue.ts';
import type { Parsed } from './contract.ts';

/**
 * The catalogue with every URL absolute, or why not: `base` is where the catalogue lives (the
 * fetched catalogue.json, or a folder site's public address); `origin` the only one allowed.
 */
export function checkLinks(k: Katalog, base: string, origin: string): Parsed<Katalog> {
  let bad: { field: string; value: string } | undefined;
  let count = 0;
  const fix = (value: string, field: string): string => {
    let u: URL | undefined;
    try {
      u = new URL(value, base);
    } catch {
      u = undefined;
    }
    if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin !== origin || u.username || u.password) {
      count++;
      bad ??= { field, value };
      return value;
    }
    return u.href;
  };
  const out: Katalog = {
    ...k,
    situs: { ...k.situs, alamat: fix(k.situs.alamat, 'situs.alamat') },
    instansi: k.instansi.map((i, n) => ({
      ...i,
      url: fix(i.url, `instansi[${n}].url`),
      unit: (i.unit ?? []).map((x) => ({ ...x, url: fix(x.url, `instansi[${n}].unit.url`) })),
      buku: (i.buku ?? []).map((b) => ({ ...b, url: fix(b.url, `instansi[${n}].buku.url`) })),
    })),
    sop: k.sop.map((s, n) => ({
      ...s,
      url: fix(s.url, `sop[${n}].url`),
      pdf: fix(s.pdf, `sop[${n}].pdf`),
      ...(s.asli !== undefined ? { asli: fix(s.asli, `sop[${n}].asli`) } : {}),
    })),
  };
  if (bad) {
    const shown = bad.value.length > 80 ? `${bad.value.slice(0, 80)}…` : bad.value;
    return { ok: false, reason: `${count} tautan tidak menuju situs kantor itu sendiri (${origin}), mis. ${bad.field} = ${JSON.stringify(shown)}` };
  }
  return { ok: true, data: out };
}

/** Origin of an absolute http(s) address, or undefined. */
export function originOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  try {
    const u = new URL(address);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}
