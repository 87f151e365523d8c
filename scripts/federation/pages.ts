// Every page of the combined site, rendered with the office site's own layouts (layouts/site/:
// the same page frame, CSP, stylesheet, catalogue list and search page) so it looks, reads and
// behaves like an office site: home, listings (all, per pemerintah, instansi, unit, status and
// year; long ones split into pages of PER_PAGE), one small page per SOP that links to the
// office's own page and PDF, search, 404. Pure: model and templates in, files out, in order.
import { loadTemplates, type Template } from '../kit/templates.ts';
import type { LayoutFiles } from '../layouts/files.ts';
import { STATUS_LABEL } from '../model/status.ts';
import { tanggal } from '../kit/values.ts';
import { csp, SITE_NAME, type SiteFile } from '../site/pages.ts';
import { fileOf, fullUrl, href, paths, type Base } from '../site/urls.ts';
import type { Entry, GabunganModel, Group } from './model.ts';

export const PER_PAGE = 200;

const KINDS = { beranda: 'beranda.hbs', katalog: 'katalog.hbs', sop: 'gabungan-sop.hbs', cari: 'cari.hbs', '404': '404.hbs' } as const;
type Kind = keyof typeof KINDS;
export type GabunganTemplates = Record<Kind, Template>;

export function loadGabunganTemplates(layouts: LayoutFiles): GabunganTemplates {
  return loadTemplates(layouts, 'site', KINDS, { eq: (a: unknown, b: unknown) => a === b });
}

export interface GabunganRender {
  model: GabunganModel;
  base: Base;
  judul?: string;
  pemilik?: string;
  /** Folders of the search index parts (search-bundles.ts); the first is pagefind. */
  searchBundles?: string[];
}

interface Crumb {
  label: string;
  url?: string;
}

export interface GabunganRenderer {
  /** Every page but the SOPs' own, each to `emit` as it is made. */
  pages(emit: (file: SiteFile) => void): void;
  /** The page of one SOP (made one at a time: 60,000 of them need not wait in memory). */
  sopPage(entry: Entry): SiteFile;
}

export function gabunganRenderer(t: GabunganTemplates, input: GabunganRender): GabunganRenderer {
  const { model, base } = input;
  const url = (rel: string) => href(base, rel);
  const judul = input.judul?.trim() || `${SITE_NAME} Gabungan`;
  const pemilik = input.pemilik?.trim() || (model.pemerintah.length === 1 ? model.pemerintah[0]!.label : `${model.pemerintah.length} pemerintah daerah`);
  const file = (rel: string, kind: Kind, ctx: Record<string, unknown> & { title: string; description: string; nav: string; crumbs?: Crumb[]; scripts?: string[] }): SiteFile => ({
      path: fileOf(rel),
      data: t[kind]({
        scripts: [],
        styles: [],
        ...ctx,
        kind,
        base: base.path,
        csp: csp(kind === 'cari'),
        siteName: judul,
        siteSubtitle: pemilik,
        ...(base.origin && kind !== '404' ? { canonical: fullUrl(base, rel) } : {}),
      }),
  });
  let emit: (file: SiteFile) => void = () => {};
  const page = (...args: Parameters<typeof file>) => emit(file(...args));
  const home: Crumb = { label: 'Beranda', url: url(paths.home) };
  const cat: Crumb = { label: 'Katalog', url: url(paths.katalog) };
  const offices = new Set(model.entries.map((e) => e.instansi));

  const item = (e: Entry) => ({
    url: url(e.page),
    nama: e.sop.nama,
    nomor: e.sop.nomor,
    status: e.sop.status,
    statusLabel: STATUS_LABEL[e.sop.status],
    berlaku: e.sop.status === 'berlaku',
    asal: `${e.sop.instansi_nama}, ${e.sop.pemerintah}${e.sop.unit ? ` · ${e.sop.unit}` : ''}`,
    tahun: e.sop.tahun,
    efektif: tanggal(e.sop.tanggal_efektif),
    pdf: e.sop.pdf,
    pdfSize: '',
  });

  const link = (g: Group, current: Group | undefined, jumlah = g.entries.length) => ({ label: g.label, url: url(g.rel), jumlah, current: g === current, f: '' });
  // The filter column: pemerintah (with its offices when one is chosen, and an office's units
  // when it is), status, year. Never all offices of a province at once: hundreds of links.
  const groups = (current: Group | undefined, within: { gov?: Group; inst?: Group }) => [
    {
      judul: 'Pemerintah daerah',
      links: model.pemerintah.map((g) => ({
        ...link(g, current),
        children: g === within.gov ? g.children.map((i) => link(i, current)) : [],
      })),
    },
    ...(within.inst?.children.length ? [{ judul: `Unit kerja ${within.inst.label}`, links: within.inst.children.map((u) => link(u, current)) }] : []),
    { judul: 'Status', links: model.statuses.map((s) => ({ ...link(s.group, current), label: STATUS_LABEL[s.status] })) },
    { judul: 'Tahun', links: model.years.map((y) => link(y, current)) },
  ];

  const listing = (g: { rel: string; entries: Entry[] }, heading: string, intro: string, crumbs: Crumb[], current: Group | undefined, within: { gov?: Group; inst?: Group }) => {
    const count = Math.max(1, Math.ceil(g.entries.length / PER_PAGE));
    const relOf = (n: number) => (n === 1 ? g.rel : `${g.rel}hal/${n}/`);
    for (let n = 1; n <= count; n++) {
      const nav = count > 1 ? { n, count, prev: n > 1 ? url(relOf(n - 1)) : '', next: n < count ? url(relOf(n + 1)) : '', first: n > 1 ? url(relOf(1)) : '' } : undefined;
      page(relOf(n), 'katalog', {
        title: `${heading}${n > 1 ? ` (halaman ${n})` : ''} · ${judul}`,
        description: intro,
        nav: 'katalog',
        crumbs,
        heading,
        intro,
        semua: false,
        jumlah: g.entries.length,
        items: g.entries.slice((n - 1) * PER_PAGE, n * PER_PAGE).map(item),
        groups: groups(current, within),
        semuaUrl: url(paths.katalog),
        ...(nav ? { lembar: nav } : {}),
      });
    }
  };

  return {
    pages(to) {
        emit = to;
      const counts = Object.fromEntries(model.statuses.map((s) => [s.status, s.group.entries.length]));
      page(paths.home, 'beranda', {
        title: `${judul} · ${pemilik}`,
        description: `SOP Administrasi Pemerintahan dari ${offices.size} instansi di ${model.pemerintah.length} pemerintah daerah, dalam satu katalog.`,
        nav: 'beranda',
        jumlah: { instansi: offices.size, sop: model.entries.length, berlaku: counts.berlaku ?? 0 },
        judulKartu: 'Pemerintah daerah',
        instansi: model.pemerintah.map((g) => ({
          nama: g.label,
          pemerintah: `${g.children.length} instansi`,
          url: url(g.rel),
          jumlah: g.entries.length,
          berlaku: g.entries.filter((e) => e.sop.status === 'berlaku').length,
          units: [],
          books: [],
        })),
        statuses: model.statuses.map((s) => ({ label: STATUS_LABEL[s.status].toLowerCase(), jumlah: s.group.entries.length, url: url(s.group.rel) })),
        years: model.years.map((y) => ({ tahun: y.label, jumlah: y.entries.length, url: url(y.rel) })),
        katalogUrl: url(paths.katalog),
      });

      listing({ rel: paths.katalog, entries: model.entries }, 'Semua SOP', `Semua ${model.entries.length} SOP dari ${offices.size} instansi di ${model.pemerintah.length} pemerintah daerah.`, [home, { label: 'Katalog' }], undefined, {});
      for (const gov of model.pemerintah) {
        listing(gov, gov.label, `SOP ${gov.children.length} instansi ${gov.label}.`, [home, cat, { label: gov.label }], gov, { gov });
        for (const inst of gov.children) {
          const instCrumbs = [home, cat, { label: gov.label, url: url(gov.rel) }];
          listing(inst, inst.label, `SOP ${inst.label}, ${gov.label}.`, [...instCrumbs, { label: inst.label }], inst, { gov, inst });
          for (const unit of inst.children) {
            listing(unit, `${unit.label} — ${inst.label}`, `SOP ${unit.label}, ${inst.label}, ${gov.label}.`, [...instCrumbs, { label: inst.label, url: url(inst.rel) }, { label: unit.label }], unit, { gov, inst });
          }
        }
      }
      for (const s of model.statuses) {
        listing(s.group, `SOP ${STATUS_LABEL[s.status].toLowerCase()}`, `SOP berstatus ${STATUS_LABEL[s.status].toLowerCase()} dari semua instansi.`, [home, cat, { label: `Status: ${STATUS_LABEL[s.status]}` }], s.group, {});
      }
      for (const y of model.years) {
        listing(y, `SOP tahun ${y.label}`, `SOP yang berlaku efektif (atau dibuat) pada tahun ${y.label}.`, [home, cat, { label: `Tahun ${y.label}` }], y, {});
      }

      page(paths.cari, 'cari', {
        title: `Cari SOP · ${judul}`,
        description: 'Cari SOP semua instansi menurut nama, nomor, kegiatan atau pelaksana.',
        nav: 'cari',
        scripts: [url(paths.asset('cari.js'))],
        crumbs: [home, { label: 'Cari' }],
        katalogUrl: url(paths.katalog),
        statuses: model.statuses.map((s) => ({ label: STATUS_LABEL[s.status], url: url(s.group.rel) })),
        instansi: model.pemerintah.map((g) => ({ nama: g.label, url: url(g.rel) })),
        indeksLain: (input.searchBundles ?? []).slice(1).map((dir) => `${dir}/`).join(' '),
      });
      page('404.html', '404', { title: `Halaman tidak ditemukan · ${judul}`, description: '', nav: '', katalogUrl: url(paths.katalog), cariUrl: url(paths.cari) });
    },
    sopPage(e) {
      const s = e.sop;
      return file(e.page, 'sop', {
        title: `${s.nama} (${s.nomor}) · ${s.instansi_nama}`,
        description: `SOP ${s.nama}, nomor ${s.nomor}, ${s.instansi_nama}, ${s.pemerintah}. Status: ${STATUS_LABEL[s.status]}.`,
        nav: 'katalog',
        crumbs: [home, cat, { label: e.pemerintah.label, url: url(e.pemerintah.rel) }, { label: e.instansi.label, url: url(e.instansi.rel) }, ...(e.unit ? [{ label: e.unit.label, url: url(e.unit.rel) }] : [])],
        sop: {
          ...item(e),
          instansi: s.instansi_nama,
          instansiUrl: url(e.instansi.rel),
          pemerintah: s.pemerintah,
          unit: s.unit ?? '',
          unitUrl: e.unit ? url(e.unit.rel) : '',
          tanggalPembuatan: tanggal(s.tanggal_pembuatan),
          tanggalRevisi: tanggal(s.tanggal_revisi),
          tanggalEfektif: tanggal(s.tanggal_efektif),
          halamanAsli: s.url,
          asli: s.asli ?? '',
          situs: e.office.katalog.situs.judul,
          situsUrl: e.office.katalog.situs.alamat,
          langkah: s.teks.split('\n').filter((l) => l.trim()),
        },
      });
    },
  };
}
