// Where everything lives on the public site, relative to its base. Pure.
//
// Every link in a page is an absolute path under the base path (`/`, or `/sop/` when the site
// is hosted under a sub-path); sitemap.xml and catalogue.json use the full URL when the base
// was given as one (`https://dinas.example.go.id/sop/`), since a sitemap needs absolute URLs.
import { effectiveDate } from '../model/project.ts';
import type { Sop } from '../model/sop.ts';

export interface Base {
  /** Path prefix of every link, with a leading and a trailing slash: `/` or `/sop/`. */
  path: string;
  /** `https://host` when the base was a full URL, else empty. */
  origin: string;
}

/** `--base-url` as given: a path (`/sop`, `sop/`) or a full http(s) URL. Throws on anything else. */
export function parseBase(input: string | undefined): Base {
  const raw = (input ?? '/').trim() || '/';
  if (/^https?:\/\//i.test(raw)) {
    const url = new URL(raw);
    if (url.search || url.hash) throw new Error(`Alamat dasar "${raw}" tidak boleh memuat ? atau #.`);
    return { origin: url.origin, path: slashed(url.pathname) };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) throw new Error(`Alamat dasar "${raw}" harus berupa jalur (/sop/) atau URL http(s).`);
  if (/[?#"'<>\\\s]/.test(raw)) throw new Error(`Alamat dasar "${raw}" memuat karakter yang tidak diizinkan.`);
  return { origin: '', path: slashed(raw) };
}

function slashed(p: string): string {
  const parts = p.split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

// The one slug function (model/slug.ts), here for the site's modules.
export { slugify } from '../model/slug.ts';

/** Year the SOP belongs to in the catalogue: of its effective date, else of its creation. */
export function tahunOf(sop: Pick<Sop, 'tanggal_efektif' | 'tanggal_pembuatan'>): string {
  return effectiveDate(sop).slice(0, 4);
}

/** Site-relative paths (no leading slash): what files are written as and links point to. */
export const paths = {
  home: '',
  katalog: 'katalog/',
  instansi: (id: string) => `katalog/${id}/`,
  unit: (id: string, unit: string) => `katalog/${id}/${unit}/`,
  status: (status: string) => `katalog/status/${status}/`,
  tahun: (tahun: string) => `katalog/tahun/${tahun}/`,
  cari: 'cari/',
  sop: (sop: Pick<Sop, 'slug' | 'instansi'>) => `sop/${sop.instansi.id}/${sop.slug}/`,
  pdf: (sop: Pick<Sop, 'slug' | 'instansi'>) => `pdf/${sop.instansi.id}/${sop.slug}.pdf`,
  buku: (file: string) => `buku/${file}`,
  asset: (name: string) => `assets/${name}`,
};

/** Catalogue sub-folders that an instansi folder must not be named like. */
export const RESERVED_KATALOG = new Set(['status', 'tahun']);

/** A link for pages: the base path + a site-relative path. */
export function href(base: Base, rel: string): string {
  return base.path + rel;
}

/** A URL for machine-readable files: absolute when the base had an origin. */
export function fullUrl(base: Base, rel: string): string {
  return base.origin + base.path + rel;
}

/** The file a site-relative page path is written to: `katalog/` → `katalog/index.html`. */
export function fileOf(rel: string): string {
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}
