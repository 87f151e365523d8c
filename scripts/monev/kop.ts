// The office's letterhead on the monitoring and evaluation papers: the same identity the SOPs
// and the book's decree print (logo, government, office, address).
import type { Instansi } from '../model/sop.ts';

export interface KopView {
  pemerintah: string;
  nama: string;
  alamat?: string;
  logoUrl?: string;
}

export function kopView(instansi: Instansi, logoUrl?: string): KopView {
  return {
    pemerintah: instansi.pemerintah,
    nama: instansi.nama,
    ...(instansi.alamat ? { alamat: instansi.alamat } : {}),
    ...(logoUrl ? { logoUrl } : {}),
  };
}
