// Rules across the whole content: unique numbers, replaced SOPs that exist, related SOPs
// that can be found.
import type { VFile } from 'vfile';
import { report, type Place } from '../diagnostics/report.ts';
import type { SopSource } from '../parse/sop-source.ts';
import { placeOf } from '../parse/yaml-doc.ts';
import { INVISIBLE } from '../kit/invisible.ts';
import { readKeterkaitan, relatedIndex } from '../model/relations.ts';

/** What the cross-file rules need of one SOP: a few frontmatter values and their places. */
export interface ProjectFacts {
  data: { nomor?: unknown; nama?: unknown; menggantikan?: unknown; menggantikan_eksternal?: unknown; keterkaitan?: unknown };
  /** The *pemerintah* of the SOP's instansi.yml: related SOPs are looked up among its SOPs. */
  pemerintah?: string;
  /** Places of `/nomor`, `/menggantikan` and `/keterkaitan/<i>`. */
  places: Record<string, Place>;
}

export interface ProjectEntry {
  facts: ProjectFacts;
  file: VFile;
}

/** Plain, serializable facts (they cross worker threads). */
export function projectFacts(source: SopSource, pemerintah?: string): ProjectFacts {
  const d = (source.yaml.data ?? {}) as Record<string, unknown>;
  const at = (pointer: string) => placeOf(source.yaml.spans, source.lines, pointer);
  const places: Record<string, Place> = { '/nomor': at('/nomor'), '/menggantikan': at('/menggantikan') };
  if (Array.isArray(d.keterkaitan)) d.keterkaitan.forEach((_, k) => (places[`/keterkaitan/${k}`] = at(`/keterkaitan/${k}`)));
  return {
    data: { nomor: d.nomor, nama: d.nama, menggantikan: d.menggantikan, menggantikan_eksternal: d.menggantikan_eksternal, keterkaitan: d.keterkaitan },
    places,
    ...(pemerintah !== undefined ? { pemerintah } : {}),
  };
}

/**
 * A number as people read it: compatibility forms folded (full-width digits, ligatures), no
 * invisible characters, runs of spaces as one. Two SOPs whose numbers look the same clash.
 */
export function nomorKey(nomor: string): string {
  return nomor
    .normalize('NFKC')
    .replace(INVISIBLE, '').replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function checkProject(entries: ProjectEntry[]): void {
  const data = entries.map((e) => e.facts.data);
  const byNomor = new Map<string, number[]>();
  data.forEach((d, i) => {
    if (typeof d.nomor !== 'string') return;
    const key = nomorKey(d.nomor);
    const owners = byNomor.get(key);
    if (owners) owners.push(i);
    else byNomor.set(key, [i]);
  });
  // An SOP whose own number is wrong (its error is reported there) is still found by its name.
  const related = relatedIndex(
    entries.flatMap(({ facts: { data: d, pemerintah } }) => (typeof d.nama === 'string' ? [{ nomor: typeof d.nomor === 'string' ? d.nomor : '', nama: d.nama, pemerintah: pemerintah ?? '' }] : [])),
  );
  const at = (i: number, pointer: string) => entries[i]!.facts.places[pointer] ?? { line: 1, column: 1 };

  // One finding per file, naming the first holder and a count: a template copied a thousand
  // times with one number gives a thousand short lines, not a million names.
  for (const [nomor, owners] of byNomor) {
    if (owners.length < 2) continue;
    const [first, second] = owners.map((j) => entries[j]!.file.path);
    owners.forEach((i, k) => {
      const others = owners.length - 2;
      const also = others ? ` dan ${others.toLocaleString('id-ID')} berkas lain` : '';
      const message = k === 0 ? `Nomor SOP "${nomor}" juga dipakai oleh ${second}${also}.` : `Nomor SOP "${nomor}" sudah dipakai oleh ${first}${also}.`;
      report(entries[i]!.file, 'nomor-ganda', message, at(i, '/nomor'), {
        hint: 'Setiap SOP harus memiliki nomor yang unik; periksa penomoran menurut tata naskah dinas.',
      });
    });
  }

  data.forEach((d, i) => {
    // `menggantikan_eksternal: ya` (not a boolean) has its own error; the intent is plain.
    const external = d.menggantikan_eksternal !== undefined && d.menggantikan_eksternal !== null && d.menggantikan_eksternal !== false;
    if (typeof d.menggantikan === 'string' && !external) {
      const target = byNomor.get(nomorKey(d.menggantikan));
      if (!target) {
        report(entries[i]!.file, 'menggantikan-tak-dikenal', `SOP "${d.menggantikan}" yang digantikan tidak ada di content/.`, at(i, '/menggantikan'), {
          hint: 'Perbaiki nomornya, tambahkan SOP lama dengan `status: digantikan`, atau tulis `menggantikan_eksternal: true` bila SOP lama tidak disimpan di sini.',
        });
      } else if (target.includes(i)) {
        report(entries[i]!.file, 'menggantikan-diri-sendiri', 'SOP tidak dapat menggantikan dirinya sendiri.', at(i, '/menggantikan'), { hint: 'Tulis nomor SOP lama yang digantikan.' });
      }
    }
    if (Array.isArray(d.keterkaitan)) {
      const pemerintah = entries[i]!.facts.pemerintah ?? '';
      d.keterkaitan.forEach((item, k) => {
        const entry = readKeterkaitan(item);
        if (!entry || entry.eksternal || related(entry, pemerintah)) return;
        report(entries[i]!.file, 'keterkaitan-tak-dikenal', `SOP terkait "${entry.teks}" tidak ditemukan di antara SOP ${pemerintah || 'pemerintah ini'} di content/.`, at(i, `/keterkaitan/${k}`), {
          hint: 'Bila SOP itu milik instansi lain atau memang tidak disimpan di sini, tulis `- eksternal: <nama SOP>`; bila sudah ada di sini, samakan penulisannya dengan `nama` atau `nomor` SOP tersebut agar tertaut.',
        });
      });
    }
  });
}
