// What the public site shows, computed from the checked SOPs: which SOPs are public, how they
// group (instansi, unit, status, year), and how they link (replacements, related SOPs). Pure.
import type { Instansi, Sop, Status } from '../model/sop.ts';
import { compareText as compare } from '../model/collation.ts';
import { monevStatuses, type MonevResults, type MonevStatus } from '../model/monev.ts';
import { inForce, relatedIndex } from '../model/relations.ts';
import { paths, RESERVED_KATALOG, slugify, tahunOf } from './urls.ts';

export type PublicStatus = Exclude<Status, 'draf'>;
export const STATUSES: PublicStatus[] = ['berlaku', 'digantikan', 'dicabut'];


export interface BookRef {
  tahun: string;
  /** File name inside the site's buku/ folder. */
  file: string;
  /** Absolute path of the built book. */
  source: string;
}

/**
 * How the site offers an SOP's PDF: the verified signed original (`elektronik`), the build of an
 * e-signed SOP not (validly) signed yet (`salinan`, never called official), a wet-signed SOP's
 * print whose original is on paper (`basah`), or an SOP no longer in force (`arsip`).
 */
export type SiteSignature = { kind: 'elektronik'; signer: string; signedAt?: Date } | { kind: 'salinan' } | { kind: 'basah' } | { kind: 'arsip' };

export interface SiteSop {
  sop: Sop;
  ttd: SiteSignature;
  tahun: string;
  unitSlug?: string;
  /** Site-relative paths. */
  url: string;
  pdf: string;
  /** Site-relative path of the signed original, when the site publishes one. */
  asli?: string;
  /** What `menggantikan` names: the SOP on this site when it is public here. */
  replaces?: { nomor: string; target?: SiteSop; eksternal: boolean };
  /** Public SOPs whose `menggantikan` is this SOP's number. */
  replacedBy: SiteSop[];
  /** For a replaced or withdrawn SOP: the SOP in force that (eventually) replaced it. */
  inForce?: SiteSop;
  /** `eksternal`: written as outside this content; never linked. */
  related: Array<{ text: string; target?: SiteSop; eksternal?: boolean }>;
  /** Public SOPs that list this one under `keterkaitan`. */
  referencedBy: SiteSop[];
  /** When it was last monitored and evaluated, and whether it is being revised (monev results). */
  monev?: MonevStatus;
}

export interface SiteUnit {
  slug: string;
  nama: string;
  sops: SiteSop[];
}

export interface SiteInstansi {
  instansi: Instansi;
  /**
   * The name a reader sees: the office's name, followed by its pemerintah when another office
   * on the site has the same name ("Dinas Komunikasi dan Informatika (Pemerintah Kabupaten …)").
   */
  label: string;
  sops: SiteSop[];
  units: SiteUnit[];
  books: BookRef[];
}

export interface SiteModel {
  /** Public SOPs in catalogue order. */
  sops: SiteSop[];
  instansi: SiteInstansi[];
  statuses: Array<{ status: PublicStatus; sops: SiteSop[] }>;
  /** Newest year first. */
  years: Array<{ tahun: string; sops: SiteSop[] }>;
}

export interface ModelInput {
  /** Every valid SOP; drafts are dropped here. */
  sops: Sop[];
  /** Books per instansi id. */
  books?: ReadonlyMap<string, BookRef[]>;
  /** Monitoring and evaluation results (`content/<instansi>/monev/`). */
  monev?: readonly MonevResults[];
  /** Verified signed originals by SOP id (signatures/): who signed and when. */
  signed?: ReadonlyMap<string, { signer: string; signedAt?: Date }>;
}

function signatureOf(sop: Sop, signed: ModelInput['signed']): SiteSignature {
  if (sop.status !== 'berlaku') return { kind: 'arsip' };
  if (sop.tanda_tangan === 'basah') return { kind: 'basah' };
  const original = signed?.get(sop.id);
  return original ? { kind: 'elektronik', ...original } : { kind: 'salinan' };
}


const STATUS_RANK: Record<Status, number> = { berlaku: 0, digantikan: 1, dicabut: 2, draf: 3 };

function catalogueOrder(a: Sop, b: Sop): number {
  return (
    compare(a.instansi.nama, b.instansi.nama) ||
    compare(a.instansi.id, b.instansi.id) ||
    Number(Boolean(a.unit)) - Number(Boolean(b.unit)) ||
    compare(a.unit ?? '', b.unit ?? '') ||
    compare(a.nama, b.nama) ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    compare(a.nomor, b.nomor) ||
    compare(a.id, b.id)
  );
}

export function siteModel(input: ModelInput): SiteModel {
  const pub = input.sops.filter((s) => s.status !== 'draf').sort(catalogueOrder);
  for (const s of pub) {
    if (RESERVED_KATALOG.has(s.instansi.id)) {
      throw new Error(`Folder instansi "${s.instansi.id}" bentrok dengan halaman katalog /katalog/${s.instansi.id}/; ganti nama foldernya.`);
    }
  }
  const cycle = monevStatuses(input.sops, input.monev ?? []);
  const sops: SiteSop[] = pub.map((sop) => {
    const ttd = signatureOf(sop, input.signed);
    return {
    sop,
    ...(cycle.has(sop.id) ? { monev: cycle.get(sop.id)! } : {}),
    ttd,
    tahun: tahunOf(sop),
    ...(sop.unit ? { unitSlug: slugify(sop.unit) } : {}),
    url: paths.sop(sop),
    pdf: paths.pdf(sop),
    // A verified signed original is published as the SOP's PDF itself, byte for byte (build-site.ts).
    ...(ttd.kind === 'elektronik' ? { asli: paths.pdf(sop) } : {}),
    replacedBy: [],
    related: [],
    referencedBy: [],
    };
  });

  // Replacements go by number (`menggantikan: <nomor>`); numbers are unique after `sop check`.
  const byNomor = new Map(sops.map((s) => [s.sop.nomor.trim(), s]));
  for (const s of sops) {
    const nomor = s.sop.menggantikan?.trim();
    if (!nomor) continue;
    const target = byNomor.get(nomor);
    s.replaces = { nomor, eksternal: s.sop.menggantikan_eksternal, ...(target && target !== s ? { target } : {}) };
    if (target && target !== s) target.replacedBy.push(s);
  }
  for (const s of sops) {
    if (s.sop.status !== 'berlaku') {
      const now = inForce(s, (t) => t.replacedBy, (t) => t.sop);
      if (now) s.inForce = now;
    }
  }

  const find = relatedIndex(sops.map((s) => ({ nomor: s.sop.nomor, nama: s.sop.nama, pemerintah: s.sop.instansi.pemerintah, s })));
  for (const s of sops) {
    s.related = s.sop.keterkaitan.map((entry) => {
      const text = entry.teks;
      const hit = find(entry, s.sop.instansi.pemerintah)?.s;
      return hit && hit !== s ? { text, target: hit } : { text, ...(entry.eksternal ? { eksternal: true } : {}) };
    });
    for (const r of s.related) if (r.target && !r.target.referencedBy.includes(s)) r.target.referencedBy.push(s);
  }

  const instansiIds = [...new Set(sops.map((s) => s.sop.instansi.id))];
  const sameName = new Map<string, number>();
  for (const id of instansiIds) {
    const key = sops.find((s) => s.sop.instansi.id === id)!.sop.instansi.nama.trim().toLowerCase();
    sameName.set(key, (sameName.get(key) ?? 0) + 1);
  }
  const instansi: SiteInstansi[] = instansiIds.map((id) => {
    const mine = sops.filter((s) => s.sop.instansi.id === id);
    const units = new Map<string, SiteUnit>();
    for (const s of mine) {
      if (!s.unitSlug) continue;
      const u = units.get(s.unitSlug) ?? { slug: s.unitSlug, nama: s.sop.unit!, sops: [] };
      u.sops.push(s);
      units.set(s.unitSlug, u);
    }
    const inst = mine[0]!.sop.instansi;
    return {
      instansi: inst,
      label: (sameName.get(inst.nama.trim().toLowerCase()) ?? 0) > 1 ? `${inst.nama} (${inst.pemerintah})` : inst.nama,
      sops: mine,
      units: [...units.values()].sort((a, b) => compare(a.nama, b.nama)),
      books: [...(input.books?.get(id) ?? [])].sort((a, b) => (a.tahun < b.tahun ? 1 : a.tahun > b.tahun ? -1 : 0)),
    };
  });

  const statuses = STATUSES.map((status) => ({ status, sops: sops.filter((s) => s.sop.status === status) })).filter((g) => g.sops.length);
  const years = [...new Set(sops.map((s) => s.tahun))]
    .sort()
    .reverse()
    .map((tahun) => ({ tahun, sops: sops.filter((s) => s.tahun === tahun) }));
  return { sops, instansi, statuses, years };
}
