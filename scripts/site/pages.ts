// Every page of the site as text: home, catalogue pages (one per filter value, so filtering
// works without JavaScript), one page per SOP, the search page, 404, plus catalogue.json and
// sitemap.xml. Pure: the model and the layouts in, files out, always in the same order.
import type { Measurement } from '../plan/procedure.ts';
import { escapeHtml } from '../kit/escape.ts';
import { signerLines, tanggal, waktuWib } from '../kit/values.ts';
import { KESIMPULAN_LABEL, periodeLabel } from '../model/monev.ts';
import { STATUS_LABEL } from '../model/status.ts';
import { type PublicStatus, type SiteInstansi, type SiteModel, type SiteSop } from './model.ts';
import { procedureView } from './procedure.ts';
import { catalogueData } from './catalogue.ts';
import { proseHtml } from '../kit/markdown.ts';
import type { PageKind, SiteTemplates } from './templates.ts';
import { compareText } from '../model/collation.ts';
import { fileOf, fullUrl, href, paths, type Base } from './urls.ts';

export const SITE_NAME = 'Katalog SOP';
export const SITE_SUBTITLE = 'Administrasi Pemerintahan';

export interface RenderInput {
  model: SiteModel;
  base: Base;
  /** Row heights the PDF of each SOP was laid out with, by SOP id. */
  measurements: ReadonlyMap<string, Measurement>;
  /** Size in bytes of the downloadable files, by site-relative path. */
  sizes: ReadonlyMap<string, number>;
  /** Site-relative path of each instansi's logo, when it has one. */
  logos?: ReadonlyMap<string, string>;
  /** Site title in the header (`sop site --judul`); default SITE_NAME. */
  judul?: string;
}

/**
 * Who the site belongs to, for its header: the title, and under it the pemerintah whose SOPs it
 * publishes (one: its name and the logo of its offices; a few: their names) .
 */
export function siteOwner(model: SiteModel, input: Pick<RenderInput, 'judul' | 'logos' | 'base'>): { judul: string; pemilik: string; logo?: string } {
  const judul = input.judul?.trim() || SITE_NAME;
  const govs = [...new Set(model.instansi.map((i) => i.instansi.pemerintah))].sort(compareText);
  if (govs.length !== 1) return { judul, pemilik: govs.length && govs.length <= 3 ? govs.join(' · ') : SITE_SUBTITLE };
  const logo = model.instansi.map((i) => input.logos?.get(i.instansi.id)).find(Boolean);
  return { judul, pemilik: govs[0]!, ...(logo ? { logo: href(input.base, logo) } : {}) };
}

export interface SiteFile {
  /** Site-relative file path (`sop/x/y/index.html`). */
  path: string;
  data: string;
}

/** Content-Security-Policy of every page: nothing but this site's own files, no inline script or style. */
export function csp(wasm: boolean): string {
  return [
    "default-src 'none'",
    `script-src 'self'${wasm ? " 'wasm-unsafe-eval'" : ''}`,
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** `123456` → `121 KB`, `2400000` → `2,3 MB` (Indonesian decimal comma). */
export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

interface Crumb {
  label: string;
  url?: string;
}

interface PageInput {
  title: string;
  description: string;
  nav: 'beranda' | 'katalog' | 'cari' | '';
  scripts: string[];
  styles: string[];
  crumbs?: Crumb[];
  [key: string]: unknown;
}

type PageContext = PageInput & {
  kind: PageKind;
  base: string;
  csp: string;
  canonical?: string;
  siteName: string;
  siteSubtitle: string;
  siteLogo?: string;
};

export function renderPages(t: SiteTemplates, input: RenderInput): SiteFile[] {
  const { model, base } = input;
  const files: SiteFile[] = [];
  const url = (rel: string) => href(base, rel);
  const owner = siteOwner(model, input);
  const page = (rel: string, kind: PageKind, ctx: PageInput) => {
    const full: PageContext = {
      ...ctx,
      kind,
      base: base.path,
      csp: csp(kind === 'cari'),
      siteName: owner.judul,
      siteSubtitle: owner.pemilik,
      ...(owner.logo ? { siteLogo: owner.logo } : {}),
      ...(base.origin && kind !== '404' ? { canonical: fullUrl(base, rel) } : {}),
    };
    files.push({ path: fileOf(rel), data: t[kind](full) });
  };

  const item = (s: SiteSop) => sopItem(s, input);

  // Home.
  const counts = Object.fromEntries(model.statuses.map((g) => [g.status, g.sops.length])) as Partial<Record<PublicStatus, number>>;
  page(paths.home, 'beranda', {
    title: `${owner.judul} · ${owner.pemilik}`,
    description: `Standar Operasional Prosedur (SOP) Administrasi Pemerintahan dari ${model.instansi.length} instansi: cari menurut nama, nomor, kegiatan atau dasar hukum, dan unduh PDF resminya.`,
    nav: 'beranda',
    scripts: [],
    styles: [],
    jumlah: { instansi: model.instansi.length, sop: model.sops.length, berlaku: counts.berlaku ?? 0, lama: (counts.digantikan ?? 0) + (counts.dicabut ?? 0) },
    instansi: model.instansi.map((i) => instansiCard(i, input)),
    statuses: model.statuses.map((g) => ({ label: STATUS_LABEL[g.status].toLowerCase(), status: g.status, jumlah: g.sops.length, url: url(paths.status(g.status)) })),
    years: model.years.map((y) => ({ tahun: y.tahun, jumlah: y.sops.length, url: url(paths.tahun(y.tahun)) })),
    katalogUrl: url(paths.katalog),
  });

  // Catalogue: everything, then one page per filter value.
  const katalog = (rel: string, heading: string, intro: string, sops: SiteSop[], current: { dim: string; value: string } | undefined, crumbs: Crumb[], extra: Record<string, unknown> = {}) =>
    page(rel, 'katalog', {
      title: `${heading} · ${owner.judul}`,
      description: intro,
      nav: 'katalog',
      scripts: [url(paths.asset('katalog.js'))],
      styles: [],
      crumbs,
      heading,
      intro,
      semua: current === undefined,
      filterDim: current?.dim ?? '',
      filterValue: current?.value ?? '',
      jumlah: sops.length,
      items: sops.map(item),
      groups: filterGroups(model, input, current),
      semuaUrl: url(paths.katalog),
      ...extra,
    });
  const home: Crumb = { label: 'Beranda', url: url(paths.home) };
  const cat: Crumb = { label: 'Katalog', url: url(paths.katalog) };
  katalog(paths.katalog, 'Semua SOP', `Semua ${model.sops.length} SOP yang diterbitkan, dari ${model.instansi.length} instansi.`, model.sops, undefined, [home, { label: 'Katalog' }]);
  for (const i of model.instansi) {
    const inst = i.instansi;
    const books = instansiCard(i, input).books;
    katalog(paths.instansi(inst.id), i.label, `SOP ${inst.nama}, ${inst.pemerintah}.`, i.sops, { dim: 'instansi', value: inst.id }, [home, cat, { label: i.label }], {
      instansi: { nama: inst.nama, pemerintah: inst.pemerintah, alamat: inst.alamat ?? '', books },
    });
    for (const u of i.units) {
      katalog(paths.unit(inst.id, u.slug), `${u.nama} — ${i.label}`, `SOP ${u.nama}, ${inst.nama}, ${inst.pemerintah}.`, u.sops, { dim: 'unit', value: `${inst.id}/${u.slug}` }, [
        home,
        cat,
        { label: i.label, url: url(paths.instansi(inst.id)) },
        { label: u.nama },
      ]);
    }
  }
  for (const g of model.statuses) {
    const intro =
      g.status === 'berlaku'
        ? 'SOP yang sedang berlaku.'
        : g.status === 'digantikan'
          ? 'SOP yang telah digantikan oleh SOP yang lebih baru; tetap disimpan sebagai arsip.'
          : 'SOP yang telah dicabut dan tidak berlaku lagi; tetap disimpan sebagai arsip.';
    katalog(paths.status(g.status), `SOP ${STATUS_LABEL[g.status].toLowerCase()}`, intro, g.sops, { dim: 'status', value: g.status }, [home, cat, { label: `Status: ${STATUS_LABEL[g.status]}` }]);
  }
  for (const y of model.years) {
    katalog(paths.tahun(y.tahun), `SOP tahun ${y.tahun}`, `SOP yang berlaku efektif (atau dibuat) pada tahun ${y.tahun}.`, y.sops, { dim: 'tahun', value: y.tahun }, [home, cat, { label: `Tahun ${y.tahun}` }]);
  }

  // One page per SOP, plus its procedure stylesheet.
  for (const s of model.sops) {
    const m = input.measurements.get(s.sop.id);
    if (!m) throw new Error(`${s.sop.path}: belum ada hasil pengukuran PDF.`);
    const proc = procedureView(s.sop, m);
    const cssRel = `${s.url}prosedur.css`;
    files.push({ path: cssRel, data: proc.css });
    const inst = model.instansi.find((i) => i.instansi.id === s.sop.instansi.id)!;
    const unitUrl = s.unitSlug ? url(paths.unit(s.sop.instansi.id, s.unitSlug)) : undefined;
    page(s.url, 'sop', {
      title: `${s.sop.nama} (${s.sop.nomor}) · ${inst.label}`,
      description: `SOP ${s.sop.nama}, nomor ${s.sop.nomor}, ${s.sop.instansi.nama}, ${s.sop.instansi.pemerintah}. Status: ${STATUS_LABEL[s.sop.status as PublicStatus]}.`,
      nav: 'katalog',
      scripts: [],
      styles: [url(cssRel)],
      crumbs: [
        home,
        cat,
        { label: inst.label, url: url(paths.instansi(s.sop.instansi.id)) },
        ...(s.sop.unit && unitUrl ? [{ label: s.sop.unit, url: unitUrl }] : []),
      ],
      sop: sopPage(s, input, inst, proc),
    });
  }

  page(paths.cari, 'cari', {
    title: `Cari SOP · ${owner.judul}`,
    description: 'Cari SOP menurut nama, nomor, kegiatan, dasar hukum atau pelaksana.',
    nav: 'cari',
    scripts: [url(paths.asset('cari.js'))],
    styles: [],
    crumbs: [home, { label: 'Cari' }],
    katalogUrl: url(paths.katalog),
    statuses: model.statuses.map((g) => ({ label: STATUS_LABEL[g.status], url: url(paths.status(g.status)) })),
    instansi: model.instansi.map((i) => ({ nama: i.label, url: url(paths.instansi(i.instansi.id)) })),
  });
  page('404.html', '404', {
    title: `Halaman tidak ditemukan · ${owner.judul}`,
    description: '',
    nav: '',
    scripts: [],
    styles: [],
    katalogUrl: url(paths.katalog),
    cariUrl: url(paths.cari),
  });

  files.push({ path: 'catalogue.json', data: catalogueJson(model, base, owner) });
  files.push({ path: 'sitemap.xml', data: sitemapXml(files.filter((f) => f.path.endsWith('index.html')).map((f) => f.path.replace(/index\.html$/, '')), base) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** "Terakhir dimonitor" and "Terakhir dievaluasi" on the SOP's page, when results name it. */
function monevLines(s: SiteSop): { dipantau?: string; dievaluasi?: string } {
  const m = s.monev;
  return {
    ...(m?.dipantau ? { dipantau: `${periodeLabel(m.dipantau.periode)} (${tanggal(m.dipantau.tanggal)})` } : {}),
    ...(m?.dievaluasi ? { dievaluasi: `${tanggal(m.dievaluasi.tanggal)}, kesimpulan: ${KESIMPULAN_LABEL[m.dievaluasi.kesimpulan].toLowerCase()}` } : {}),
  };
}

function statusOf(s: SiteSop): PublicStatus {
  return s.sop.status as PublicStatus;
}

/**
 * Whose SOP it is, as catalogue and search cards say it: the office with its pemerintah (a bare
 * "Sekretariat Daerah" could be any region's), then the unit.
 */
function asalOf(sop: SiteSop['sop']): string {
  return `${sop.instansi.nama}, ${sop.instansi.pemerintah}${sop.unit ? ` · ${sop.unit}` : ''}`;
}

function sopItem(s: SiteSop, input: RenderInput) {
  const url = (rel: string) => href(input.base, rel);
  const sop = s.sop;
  return {
    url: url(s.url),
    nama: sop.nama,
    nomor: sop.nomor,
    status: statusOf(s),
    statusLabel: STATUS_LABEL[statusOf(s)],
    berlaku: sop.status === 'berlaku',
    // The latest evaluation says revise, and the SOP has not changed since (model/monev.ts).
    direvisi: s.monev?.direvisi === true,
    instansi: sop.instansi.nama,
    asal: asalOf(sop),
    instansiId: sop.instansi.id,
    unit: sop.unit ?? '',
    unitKey: s.unitSlug ? `${sop.instansi.id}/${s.unitSlug}` : '',
    tahun: s.tahun,
    efektif: tanggal(sop.tanggal_efektif),
    pdf: url(s.pdf),
    pdfSize: formatSize(input.sizes.get(s.pdf)),
    ...pdfOffer(s, sop.instansi.nama),
    inForce: s.inForce ? { url: url(s.inForce.url), nama: s.inForce.sop.nama, nomor: s.inForce.sop.nomor } : undefined,
    cari: `${sop.nama} ${sop.nomor} ${sop.unit ?? ''}`.toLowerCase(),
  };
}

/** What the download is called and what the page says about the signature (site/model.ts SiteSignature). */
function pdfOffer(s: SiteSop, instansi: string): { pdfLabel: string; ttdNote: string; resmi: boolean } {
  const t = s.ttd;
  switch (t.kind) {
    case 'elektronik':
      return { pdfLabel: 'Unduh PDF resmi', resmi: true, ttdNote: `Ditandatangani secara elektronik oleh ${t.signer}${t.signedAt ? ` pada ${waktuWib(t.signedAt)}` : ''}. Berkas ini adalah dokumen asli bertanda tangan elektronik; keabsahannya dapat diperiksa di aplikasi pembaca PDF.` };
    case 'salinan':
      return { pdfLabel: 'Unduh salinan PDF', resmi: false, ttdNote: 'Salinan — belum ditandatangani. Dokumen asli bertanda tangan elektronik belum diterbitkan di sini.' };
    case 'basah':
      return { pdfLabel: 'Unduh PDF', resmi: false, ttdNote: `Dokumen asli ditandatangani basah di atas kertas dan disimpan di ${instansi}; PDF ini cetakannya.` };
    case 'arsip':
      return { pdfLabel: 'Unduh PDF (arsip)', resmi: false, ttdNote: '' };
  }
}

function instansiCard(i: SiteInstansi, input: RenderInput) {
  const url = (rel: string) => href(input.base, rel);
  const inst = i.instansi;
  const logo = input.logos?.get(inst.id);
  return {
    id: inst.id,
    nama: inst.nama,
    pemerintah: inst.pemerintah,
    alamat: inst.alamat ?? '',
    ...(logo ? { logo: url(logo) } : {}),
    url: url(paths.instansi(inst.id)),
    jumlah: i.sops.length,
    berlaku: i.sops.filter((s) => s.sop.status === 'berlaku').length,
    units: i.units.map((u) => ({ nama: u.nama, jumlah: u.sops.length, url: url(paths.unit(inst.id, u.slug)) })),
    tanpaUnit: i.sops.filter((s) => !s.unitSlug).length,
    books: i.books.map((b) => ({ tahun: b.tahun, url: url(paths.buku(b.file)), ukuran: formatSize(input.sizes.get(paths.buku(b.file))) })),
  };
}

interface FilterLink {
  label: string;
  url: string;
  jumlah: number;
  current: boolean;
  f: string;
  children?: FilterLink[];
}

function filterGroups(model: SiteModel, input: RenderInput, current: { dim: string; value: string } | undefined) {
  const url = (rel: string) => href(input.base, rel);
  const is = (dim: string, value: string) => current?.dim === dim && current.value === value;
  const groups: Array<{ judul: string; dim: string; links: FilterLink[] }> = [
    {
      judul: 'Instansi dan unit',
      dim: 'instansi',
      links: model.instansi.map((i) => ({
        label: i.label,
        url: url(paths.instansi(i.instansi.id)),
        jumlah: i.sops.length,
        current: is('instansi', i.instansi.id),
        f: `instansi=${i.instansi.id}`,
        children: i.units.map((u) => ({
          label: u.nama,
          url: url(paths.unit(i.instansi.id, u.slug)),
          jumlah: u.sops.length,
          current: is('unit', `${i.instansi.id}/${u.slug}`),
          f: `unit=${i.instansi.id}/${u.slug}`,
        })),
      })),
    },
    {
      judul: 'Status',
      dim: 'status',
      links: model.statuses.map((g) => ({ label: STATUS_LABEL[g.status], url: url(paths.status(g.status)), jumlah: g.sops.length, current: is('status', g.status), f: `status=${g.status}` })),
    },
    {
      judul: 'Tahun',
      dim: 'tahun',
      links: model.years.map((y) => ({ label: y.tahun, url: url(paths.tahun(y.tahun)), jumlah: y.sops.length, current: is('tahun', y.tahun), f: `tahun=${y.tahun}` })),
    },
  ];
  return groups;
}

function sopPage(s: SiteSop, input: RenderInput, inst: SiteInstansi, proc: ReturnType<typeof procedureView>) {
  const url = (rel: string) => href(input.base, rel);
  const sop = s.sop;
  const ref = (t: SiteSop) => ({ url: url(t.url), nama: t.sop.nama, nomor: t.sop.nomor, status: statusOf(t), statusLabel: STATUS_LABEL[statusOf(t)] });
  const signer = sop.disahkan_oleh;
  const status = statusOf(s);
  const label = sop.instansi.label_identitas;
  return {
    ...sopItem(s, input),
    instansiUrl: url(paths.instansi(sop.instansi.id)),
    pemerintah: sop.instansi.pemerintah,
    alamat: sop.instansi.alamat ?? '',
    unitUrl: s.unitSlug ? url(paths.unit(sop.instansi.id, s.unitSlug)) : '',
    tanggalPembuatan: tanggal(sop.tanggal_pembuatan),
    tanggalRevisi: tanggal(sop.tanggal_revisi),
    tanggalEfektif: tanggal(sop.tanggal_efektif),
    signer: signerLines(signer),
    tandaTangan: sop.tanda_tangan === 'elektronik' ? 'Tanda tangan elektronik' : 'Tanda tangan basah',
    ...monevLines(s),
    kertas: sop.kertas,
    digantikan: status === 'digantikan',
    dicabut: status === 'dicabut',
    // The identity labels of the PDF: the office's words where instansi.yml sets them.
    label: sop.instansi.label_identitas,
    lists: [
      { judul: label.dasar_hukum, id: 'dasar-hukum', items: sop.dasar_hukum },
      { judul: label.kualifikasi_pelaksana, id: 'kualifikasi', items: sop.kualifikasi_pelaksana },
      { judul: label.peralatan_perlengkapan, id: 'peralatan', items: sop.peralatan_perlengkapan },
      { judul: label.peringatan, id: 'peringatan', items: sop.peringatan },
      { judul: label.pencatatan_pendataan, id: 'pencatatan', items: sop.pencatatan_pendataan },
    ],
    related: s.related.map((r) => (r.target ? { text: r.text, ...ref(r.target) } : { text: r.text, eksternal: r.eksternal === true })),
    referencedBy: s.referencedBy.map(ref),
    replaces: s.replaces ? { nomor: s.replaces.nomor, eksternal: s.replaces.eksternal, ...(s.replaces.target ? { target: ref(s.replaces.target) } : {}) } : undefined,
    replacedBy: s.replacedBy.map(ref),
    inForce: s.inForce ? ref(s.inForce) : undefined,
    instansiBerlakuUrl: url(paths.instansi(sop.instansi.id)),
    riwayat: sop.riwayat.map((r) => ({ tanggal: tanggal(r.tanggal), iso: r.tanggal, uraian: r.uraian })),
    prose: proseHtml(sop.prose),
    books: inst.books.map((b) => ({ tahun: b.tahun, url: url(paths.buku(b.file)) })),
    procedure: proc,
  };
}

/** The machine-readable catalogue (the contract in site/catalogue.ts and schemas/katalog.schema.json). */
export function catalogueJson(model: SiteModel, base: Base, owner: { judul: string; pemilik: string } = siteOwner(model, { base })): string {
  return `${JSON.stringify(catalogueData(model, base, owner), null, 2)}\n`;
}

/** sitemap.xml of every HTML page (404 excluded). Absolute URLs when the base was a full URL. */
export function sitemapXml(pages: string[], base: Base): string {
  const locs = [...pages].sort().map((p) => `  <url><loc>${escapeHtml(fullUrl(base, encodeURI(p)))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.join('\n')}\n</urlset>\n`;
}
