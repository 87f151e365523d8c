// The combined catalogue: every SOP of every office that is in (fresh or kept), in one order,
// with its place on the province site and the groups the listing filters by (pemerintah,
// instansi and unit, status, year). Pure.
import { compareText } from '../model/collation.ts';
import { slugify } from '../model/slug.ts';
import type { Katalog, KatalogSop } from '../site/catalogue.ts';
import { STATUSES, type PublicStatus } from '../site/model.ts';

export interface OfficeIn {
  /** The source's id: the office's folder on the combined site. */
  id: string;
  katalog: Katalog;
}

export interface Entry {
  office: OfficeIn;
  sop: KatalogSop;
  /** Site-relative path of its page on the combined site. */
  page: string;
  instansi: Group;
  unit?: Group;
  pemerintah: Group;
}

export interface Group {
  /** Site-relative listing path. */
  rel: string;
  label: string;
  entries: Entry[];
  children: Group[];
}

export interface GabunganModel {
  entries: Entry[];
  pemerintah: Group[];
  statuses: Array<{ status: PublicStatus; group: Group }>;
  years: Group[];
  /** Newest `dibangun` of the offices in: the combined site's date, deterministic. */
  dibangun: string;
}

const STATUS_RANK: Record<PublicStatus, number> = { berlaku: 0, digantikan: 1, dicabut: 2 };

/** A folder name not yet used in `taken` (adds `-2`, `-3` …). */
function unique(taken: Set<string>, name: string): string {
  let n = name;
  for (let i = 2; taken.has(n); i++) n = `${name}-${i}`;
  taken.add(n);
  return n;
}

const lastSegment = (url: string) => new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '';

export function gabunganModel(offices: OfficeIn[]): GabunganModel {
  const rows = offices.flatMap((office) => office.katalog.sop.map((sop) => ({ office, sop })));
  rows.sort(
    (a, b) =>
      compareText(a.sop.pemerintah, b.sop.pemerintah) ||
      compareText(a.sop.instansi_nama, b.sop.instansi_nama) ||
      compareText(a.office.id, b.office.id) ||
      compareText(a.sop.instansi, b.sop.instansi) ||
      Number(a.sop.unit !== null) - Number(b.sop.unit !== null) ||
      compareText(a.sop.unit ?? '', b.sop.unit ?? '') ||
      compareText(a.sop.nama, b.sop.nama) ||
      STATUS_RANK[a.sop.status] - STATUS_RANK[b.sop.status] ||
      compareText(a.sop.nomor, b.sop.nomor) ||
      compareText(a.sop.url, b.sop.url),
  );

  const pages = new Set<string>();
  const govSlugs = new Set<string>();
  const instSlugs = new Set<string>();
  const govs = new Map<string, Group>();
  const insts = new Map<string, Group>();
  const entries: Entry[] = [];
  for (const { office, sop } of rows) {
    let gov = govs.get(sop.pemerintah);
    if (!gov) {
      gov = { rel: `katalog/pemerintah/${unique(govSlugs, slugify(sop.pemerintah))}/`, label: sop.pemerintah, entries: [], children: [] };
      govs.set(sop.pemerintah, gov);
    }
    const instKey = `${office.id}\0${sop.instansi}`;
    let inst = insts.get(instKey);
    if (!inst) {
      inst = { rel: `katalog/instansi/${unique(instSlugs, `${office.id}-${slugify(sop.instansi)}`)}/`, label: sop.instansi_nama, entries: [], children: [] };
      insts.set(instKey, inst);
      gov.children.push(inst);
    }
    let unit: Group | undefined;
    if (sop.unit !== null) {
      unit = inst.children.find((u) => u.label === sop.unit);
      if (!unit) {
        const slugs = new Set(inst.children.map((u) => u.rel.slice(inst.rel.length, -1)).concat('hal'));
        unit = { rel: `${inst.rel}${unique(slugs, slugify(sop.unit))}/`, label: sop.unit, entries: [], children: [] };
        inst.children.push(unit);
      }
    }
    const page = `sop/${office.id}/${slugify(sop.instansi)}/${unique(pages, `${office.id}/${slugify(sop.instansi)}/${slugify(lastSegment(sop.url) || sop.nomor)}`).split('/').at(-1)}/`;
    const entry: Entry = { office, sop, page, instansi: inst, pemerintah: gov, ...(unit ? { unit } : {}) };
    entries.push(entry);
    gov.entries.push(entry);
    inst.entries.push(entry);
    unit?.entries.push(entry);
  }
  const pemerintah = [...govs.values()].sort((a, b) => compareText(a.label, b.label));
  for (const g of pemerintah) for (const i of g.children) i.children.sort((a, b) => compareText(a.label, b.label));
  const statuses = STATUSES.map((status) => ({
    status,
    group: { rel: `katalog/status/${status}/`, label: status, entries: entries.filter((e) => e.sop.status === status), children: [] },
  })).filter((s) => s.group.entries.length);
  const years = [...new Set(entries.map((e) => e.sop.tahun))]
    .sort()
    .reverse()
    .map((tahun) => ({ rel: `katalog/tahun/${tahun}/`, label: tahun, entries: entries.filter((e) => e.sop.tahun === tahun), children: [] }));
  const dibangun = offices.reduce((max, o) => (o.katalog.situs.dibangun > max ? o.katalog.situs.dibangun : max), '');
  return { entries, pemerintah, statuses, years, dibangun };
}
