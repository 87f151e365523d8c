// The blank forms of a semester, per SOP in force: Tabel 7 "Monitoring Pelaksanaan SOP AP"
// with the SOP's own steps as rows, and the annex's "Evaluasi Penerapan SOP AP" criteria. Pure:
// SOPs in, the view the layouts print out.
import { tanggal } from '../kit/values.ts';
import { KRITERIA, periodeLabel, versionDate, type Periode } from '../model/monev.ts';
import type { Instansi, Sop } from '../model/sop.ts';
import { kopView, type KopView } from './kop.ts';

export interface FormStep {
  no: number;
  kegiatan: string;
  pelaksana: string;
}

export interface FormSop {
  id: string;
  nama: string;
  nomor: string;
  unit?: string;
  /** The version the forms were printed from (its date), so a form is tied to the table it lists. */
  versi: string;
  steps: FormStep[];
}

export interface FormsView {
  kop: KopView;
  periode: string;
  sops: FormSop[];
  kriteria: Array<{ no: number; label: string }>;
}

/** The SOPs a semester's forms are for: in force now, in path order. */
export function formSops(sops: readonly Sop[]): Sop[] {
  return sops.filter((s) => s.status === 'berlaku');
}

export function formsView(instansi: Instansi, sops: readonly Sop[], periode: Periode, logoUrl?: string): FormsView {
  return {
    kop: kopView(instansi, logoUrl),
    periode: periodeLabel(periode),
    kriteria: KRITERIA.map(([, label], i) => ({ no: i + 1, label })),
    sops: sops.map((sop) => ({
      id: sop.id,
      nama: sop.nama,
      nomor: sop.nomor,
      ...(sop.unit ? { unit: sop.unit } : {}),
      versi: tanggal(versionDate(sop)),
      steps: sop.steps.map((s) => ({ no: s.no, kegiatan: s.kegiatan, pelaksana: sop.pelaksana[s.actor] ?? '' })),
    })),
  };
}
