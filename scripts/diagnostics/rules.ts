// The rule catalogue: every diagnostic `sop check` (and book/site) can report, in one table.
// Officers and CI configs know these ids, so they never change; `report()` accepts only a key
// of this table, and test/check/rules.test.ts keeps it and docs/panduan.md (section 5.2) in step.
// To add a rule: add an entry here and a row to the table in docs/panduan.md §5.2.

export type Severity = 'galat' | 'peringatan';

export interface Rule {
  /** Whether the finding blocks printing (galat) or not (peringatan). */
  severity: Severity;
  /** What the rule is about, in Bahasa Indonesia (the "arti" column of the guide). */
  title: string;
  /** General advice, used when the place that reports gives no sharper hint. */
  hint: string;
}

const galat = (title: string, hint: string): Rule => ({ severity: 'galat', title, hint });
const peringatan = (title: string, hint: string): Rule => ({ severity: 'peringatan', title, hint });

export const RULES = {
  // Berkas dan frontmatter
  'berkas-kosong': galat('Berkas SOP kosong.', 'Isi frontmatter dan tabel prosedur.'),
  'berkas-biner': galat('Berkas bukan teks (Word, PDF, gambar).', 'Buat ulang berkasnya dengan Notepad atau VS Code.'),
  'berkas-tak-terbaca': galat('Berkas tidak dapat dibuka.', 'Periksa izin akses berkas, atau salin ulang berkasnya.'),
  'bukan-utf8': galat('Berkas tidak tersimpan dalam UTF-8.', 'Simpan ulang dengan Encoding: UTF-8.'),
  'frontmatter-tidak-ada': galat('Baris 1 bukan `---`.', 'Tambahkan `---` di baris 1 dan hapus baris kosong di atasnya.'),
  'frontmatter-tidak-tertutup': galat('`---` penutup frontmatter tidak ada.', 'Tambahkan `---` setelah kunci terakhir.'),
  'frontmatter-ganda': galat('Ada kunci di bawah `---` penutup.', 'Pindahkan kunci ke atas dan hapus `---` yang berlebih.'),
  'yaml-tidak-valid': galat('Frontmatter atau instansi.yml tidak dapat dibaca.', 'Periksa tanda kutip, titik dua, tab dan kurung (lihat kiat 4.2 di panduan).'),
  'yaml-kunci-ganda': galat('Kunci yang sama ditulis dua kali.', 'Hapus salah satunya.'),
  'yaml-bukan-objek': galat('Frontmatter kosong atau bukan pasangan `kunci: nilai`.', 'Tulis `nomor: …`, `nama: …`, dan seterusnya.'),
  'yaml-pagar-memotong': peringatan('Teks setelah `#` dibuang karena dibaca sebagai komentar.', 'Bila `#` bagian dari teks, beri tanda kutip pada seluruh nilainya.'),
  'kunci-tak-dikenal': galat('Kunci salah ketik atau tidak ada di daftar kunci.', 'Ikuti "Maksud Anda …?", atau hapus kuncinya.'),
  'wajib-diisi': galat('Kunci wajib belum ada.', 'Tambahkan kuncinya.'),
  'teks-kosong': galat('Nilai atau butir daftar kosong.', 'Isi nilainya, atau hapus barisnya.'),
  'daftar-kosong': galat('Daftar tanpa butir.', 'Isi minimal satu butir `- …`.'),
  'tipe-salah': galat('Jenis nilai salah.', 'Jadikan daftar `- …`, atau beri tanda kutip.'),
  'nilai-tak-dikenal': galat('Nilai di luar pilihan yang tersedia.', 'Tulis persis salah satu pilihan, mis. `berlaku`, `F4`, `basah`.'),
  'tanggal-tidak-valid': galat('Tanggal salah bentuk atau tidak ada di kalender.', 'Tulis `TAHUN-BULAN-HARI`, mis. `2024-05-08`.'),
  'tanggal-diisi-tangan': peringatan('Tanggal (atau harinya) dibiarkan kosong untuk diisi saat penandatanganan; dicetak titik-titik.', 'Setelah SOP ditandatangani, tulis tanggal lengkapnya.'),
  'nama-seperti-jabatan': peringatan('Nama penandatangan tampak seperti jabatan ("Kepala Dinas …"), bukan nama orang.', 'Tulis jabatan di `jabatan:` dan nama orangnya di `nama:`.'),
  'dicabut-tanpa-tanggal': peringatan('SOP berstatus `dicabut` tanpa `tanggal_dicabut`.', 'Tambahkan `tanggal_dicabut: TAHUN-BULAN-HARI` sesuai surat pencabutannya.'),
  'tanggal-urutan': galat('Tanggal efektif atau revisi lebih awal dari tanggal pembuatan.', 'Perbaiki tanggalnya.'),
  'nip-tidak-valid': galat('NIP bukan 18 angka, atau bagian tanggalnya tidak mungkin.', 'Periksa NIP di SK.'),
  'format-salah': galat('Nilai tidak sesuai format yang diminta.', 'Lihat contoh penulisan kunci ini di schemas/ atau di SOP contoh.'),
  skema: galat('Nilai tidak valid menurut skema.', 'Lihat contoh penulisan kunci ini di schemas/ atau di SOP contoh.'),
  'butir-ganda': galat('Butir yang sama ditulis dua kali.', 'Hapus salah satu.'),
  'instansi-tidak-ada': galat('Tidak ada instansi.yml di atas SOP ini.', 'Buat `content/<instansi>/instansi.yml`.'),
  'logo-tidak-ada': galat('Berkas logo tidak ditemukan.', 'Letakkan logo di folder instansi.yml atau perbaiki namanya.'),
  'di-luar-content': galat('Logo, berkas SOP, instansi.yml atau folder berada di luar content/ (menurut jalurnya atau lewat pintasan); isinya tidak dibaca.', 'Salin berkas aslinya ke dalam content/ dan hapus pintasannya.'),
  'aset-jenis-salah': galat('Logo bukan gambar PNG, JPEG atau SVG menurut isinya (atau folder, perangkat, berkas rusak).', 'Simpan ulang logo dari program gambar sebagai PNG, JPG atau SVG.'),
  'aset-terlalu-besar': galat('Logo lebih dari 2 MB atau lebih dari 4096 piksel per sisi.', 'Perkecil logonya.'),
  'svg-tidak-aman': peringatan('Logo SVG memuat skrip, tautan atau rujukan ke luar; bagian itu dibuang.', 'Simpan ulang sebagai SVG biasa atau PNG.'),
  'tautan-ganda': peringatan('Pintasan ke folder atau berkas yang sudah dibaca (mis. pintasan melingkar).', 'Hapus pintasannya.'),
  'teks-terlalu-panjang': galat('Nilai terlalu panjang untuk dicetak.', 'Persingkat nilainya (batas panjang tiap kunci ada di bagian 4.1 panduan).'),
  'daftar-terlalu-panjang': galat('Daftar terlalu banyak butir.', 'Ringkas atau gabungkan butirnya.'),
  'berkas-terlalu-besar': galat('Berkas terlalu besar untuk sebuah SOP, instansi.yml atau halaman buku.', 'Cari teks yang tertempel berulang kali atau isi berkas lain yang ikut tersalin.'),
  'baris-terlalu-panjang': galat('Satu baris berkas terlalu panjang.', 'Cari teks atau spasi yang tertempel berulang; pecah barisnya.'),
  'karakter-tak-terlihat': galat('Karakter tak terlihat: karakter kendali, tanda arah teks (membalik teks) atau spasi lebar-nol.', 'Hapus karakter di posisi itu, atau ketik ulang nilainya.'),
  'prosa-terlalu-rumit': galat('Teks di luar tabel terlalu panjang, bertingkat terlalu dalam, atau penuh tanda Markdown.', 'Tulis sebagai paragraf biasa; hapus tanda yang berulang.'),
  // Antar-SOP
  'nomor-ganda': galat('Nomor SOP dipakai lebih dari satu berkas.', 'Beri nomor yang unik.'),
  'nama-berkas-ganda': galat('Dua SOP satu instansi (atau dua folder instansi) menjadi nama PDF dan alamat situs yang sama.', 'Ganti nama salah satunya.'),
  'menggantikan-tak-dikenal': galat('SOP lama di `menggantikan` tidak ada di content/.', 'Perbaiki nomornya, atau tambahkan `menggantikan_eksternal: true`.'),
  'menggantikan-diri-sendiri': galat('`menggantikan` berisi nomor SOP itu sendiri.', 'Tulis nomor SOP lama.'),
  'menggantikan-eksternal-tanpa-nomor': galat('`menggantikan_eksternal` diisi, `menggantikan` tidak.', 'Isi `menggantikan`, atau hapus `menggantikan_eksternal`.'),
  'keterkaitan-tak-dikenal': peringatan('SOP terkait tidak ditemukan di antara SOP pemerintah yang sama di content/.', 'Samakan tulisannya dengan `nama` atau `nomor` SOP itu; SOP di luar content/ ditulis `- eksternal: <nama>`.'),
  // Tabel dan alur
  'tabel-tidak-ada': galat('Tidak ada tabel prosedur.', 'Tambahkan tabel prosedur.'),
  'tabel-rusak': galat('Baris pemisah tabel tidak ada, atau jumlah kolomnya berbeda.', 'Samakan baris pemisah dengan baris judul.'),
  'tabel-ganda': galat('Lebih dari satu tabel.', 'Gabungkan tabelnya, atau pisahkan ke berkas lain.'),
  'tabel-kosong': galat('Tabel tanpa baris kegiatan.', 'Tambahkan baris kegiatan.'),
  'tabel-judul-tidak-cocok': galat('Setiap baris kegiatan sama jumlah selnya, tetapi baris judul berbeda.', 'Samakan jumlah kolom baris judul dan baris pemisah dengan baris kegiatan.'),
  'tabel-sel-kurang': galat('Sebuah baris memiliki sel lebih sedikit daripada judul tabel.', 'Tambahkan sel kosong.'),
  'tabel-sel-lebih': galat('Sebuah baris memiliki sel lebih banyak daripada judul tabel.', 'Hapus sel yang berlebih; garis tegak di dalam teks ditulis `\\|`.'),
  'sel-terlalu-panjang': galat('Baris tabel lebih tinggi dari satu halaman, label cabang lebih dari tiga baris di selnya, judul pelaksana terlalu tinggi, atau sel lebih dari 2.000 karakter.', 'Ringkas isinya, atau pecah kegiatan menjadi beberapa baris.'),
  'tabel-terlalu-panjang': galat('Tabel prosedur terlalu banyak baris.', 'Pecah prosedurnya menjadi beberapa SOP yang saling terkait.'),
  'kolom-tak-dikenal': galat('Judul kolom tidak dikenal.', 'Pakai nama kolom di bagian 4.3 panduan.'),
  'kolom-wajib': galat('Kolom wajib tidak ada.', 'Tambahkan kolomnya.'),
  'kolom-ganda': galat('Kolom yang sama ditulis dua kali.', 'Hapus salah satu.'),
  'nomor-urut': galat('Kolom No tidak berurutan.', 'Tulis 1, 2, 3, …'),
  'kegiatan-kosong': galat('Sel Kegiatan kosong.', 'Isi uraian kegiatan.'),
  'output-kosong': galat('Sel Output kosong.', 'Isi hasil kegiatan.'),
  'pelaksana-kosong': galat('Sel Pelaksana kosong.', 'Isi satu pelaksana.'),
  'pelaksana-ganda': galat('Lebih dari satu pelaksana dalam satu sel.', 'Pecah menjadi beberapa baris.'),
  'pelaksana-terlalu-banyak': galat('Terlalu banyak pelaksana untuk kolom bagan alir.', 'Gabungkan pelaksana sejenis, atau pecah SOP-nya.'),
  'pelaksana-tak-dikenal': galat('Pelaksana tidak ada di daftar `pelaksana:`.', 'Perbaiki ejaan atau tambahkan ke daftar.'),
  'waktu-tidak-valid': galat('Waktu tidak terbaca.', 'Tulis mis. `15 menit` atau `2 jam`.'),
  'lanjut-tidak-valid': galat('Isi kolom Lanjut tidak terbaca.', 'Kosong, nomor, `Ya: 5; Tidak: 3`, atau `selesai`.'),
  'lanjut-target-tidak-ada': galat('Nomor tujuan tidak ada di tabel.', 'Tulis nomor baris yang ada.'),
  'lanjut-ke-diri-sendiri': galat('Baris melompat ke dirinya sendiri.', 'Arahkan ke baris lain.'),
  'keputusan-dua-cabang': galat('Keputusan tidak tepat dua cabang.', 'Tulis dua cabang.'),
  'keputusan-label-sama': galat('Kedua cabang keputusan berlabel sama.', 'Beri label yang berbeda.'),
  'alur-tanpa-akhir': galat('Alur berputar tanpa jalan keluar.', 'Beri keputusan dengan jalan keluar, atau `selesai`.'),
  'alur-tak-terjangkau': peringatan('Baris tidak pernah dicapai dari baris 1.', 'Periksa lompatan di baris sebelumnya.'),
  'teks-terminator-tidak-muat': peringatan('`teks_terminator` menyala, tetapi simbol terminator terlalu sempit untuk "Mulai"/"Selesai" (huruf 8 pt); bagan alir dicetak tanpa teks itu.', 'Kurangi jumlah pelaksana, atau pakai `kertas: F4`.'),
  // Instansi dan halaman buku
  'folder-instansi-bentrok': galat('Nama folder instansi sama dengan alamat halaman katalog situs.', 'Ganti nama folder instansinya.'),
  'buku-tanpa-keputusan': peringatan('Halaman buku ditulis, tetapi keputusan penetapan SOP (`buku/keputusan.md`) tidak ada.', 'Tambahkan `buku/keputusan.md` (contoh di content/ sampel).'),
  'isian-tak-dikenal': galat('Isian `{{…}}` di halaman buku tidak dikenal.', 'Perbaiki nama isiannya, atau hapus kurung kurawalnya.'),
  'buku-tanpa-penandatangan': galat('Keputusan atau halaman buku memakai penetap atau penandatangan (`{{penetap}}`, `{{penandatangan.…}}`, `tanda_tangan`), tetapi instansi.yml tidak menulis `disahkan_oleh`.', 'Tulis `disahkan_oleh:` di instansi.yml; SOP yang menulis penandatangannya sendiri tetap memakainya.'),
  // Monitoring dan evaluasi
  'monev-nama-berkas': galat('Nama berkas hasil monitoring bukan `<tahun>-<semester>.yml`.', 'Ganti nama berkasnya, mis. `2026-1.yml` (Januari–Juni) atau `2026-2.yml` (Juli–Desember).'),
  'monev-sop-tak-dikenal': galat('Nomor SOP di hasil monitoring tidak ada di antara SOP instansi ini.', 'Salin `nomor` persis dari frontmatter SOP-nya.'),
  'monev-langkah-tak-dikenal': galat('Nomor langkah di hasil monitoring tidak ada di tabel prosedur SOP itu.', 'Tulis nomor dari kolom No tabel prosedur SOP-nya.'),
  'monev-langkah-usang': peringatan('Langkah yang dinilai tidak ada lagi: SOP-nya sudah direvisi sesudah monitoring.', 'Biarkan (hasil lama tetap dicatat), atau sesuaikan nomornya bila monitoring memakai versi baru.'),
  'monev-belum-dipantau': peringatan('SOP yang berlaku belum dimonitor pada semester yang sudah lewat.', 'Cetak formulir dengan `sop monev formulir`, lalu catat hasilnya di `monev/<tahun>-<semester>.yml`.'),
  'monev-belum-dievaluasi': peringatan('SOP yang berlaku belum dievaluasi dalam jangka yang ditetapkan di `instansi.yml` (`monev.evaluasi_bulan`).', 'Isi formulir evaluasi dan catat di `evaluasi:` SOP itu pada berkas hasil monitoring.'),
  'monev-revisi-tertunda': peringatan('Evaluasi menyimpulkan SOP direvisi atau dicabut, tetapi SOP-nya belum berubah sejak itu.', 'Revisi SOP-nya (isi `tanggal_revisi`), atau ubah `status` menjadi `dicabut`.'),
  // PDF bertanda tangan elektronik (ttd/<slug>.pdf)
  'ttd-berubah': galat('SOP berubah setelah ditandatangani: PDF bertanda tangan bukan cetakan sumber yang sekarang.', 'Jalankan sop build, tandatangani PDF yang baru, lalu ganti berkas di ttd/.'),
  'ttd-bukan-sop-ini': galat('PDF bertanda tangan bukan cetakan SOP ini.', 'Tandatangani PDF dari output/pdf/ untuk SOP ini dan simpan dengan nama yang sama dengan berkas SOP-nya.'),
  'ttd-perubahan-lain': galat('PDF diubah selain oleh tanda tangannya (isi halaman, anotasi, halaman baru, atau pembaruan setelah ditandatangani).', 'Tandatangani ulang PDF dari output/pdf/ tanpa mengubah apa pun selain kolom tanda tangan.'),
  'ttd-tidak-sah': galat('Tanda tangan elektronik rusak atau tidak cocok dengan isi PDF.', 'Unduh ulang PDF bertanda tangan dari aplikasi penandatanganan; jangan membuka dan menyimpannya dengan program lain.'),
  'ttd-akar-tidak-dipercaya': galat('Sertifikat penanda tangan tidak berantai ke sertifikat akar yang dipercaya instansi.', 'Periksa aplikasi penandatanganannya, atau tambahkan sertifikat akar penerbitnya (mis. BSrE) ke ttd/akar/ instansi.'),
  'ttd-rantai-tidak-diperiksa': peringatan('Rantai sertifikat tidak diperiksa: instansi belum menyimpan sertifikat akar di ttd/akar/.', 'Simpan sertifikat akar penerbit (berkas .pem, .crt atau .cer dari BSrE) di content/<instansi>/ttd/akar/.'),
  'ttd-nama-berbeda': peringatan('Nama di sertifikat penanda tangan tidak sama dengan `disahkan_oleh.nama`.', 'Pastikan PDF ditandatangani oleh pejabat yang mengesahkan SOP, atau perbaiki `disahkan_oleh`.'),
  'ttd-waktu': peringatan('Waktu penandatanganan sebelum tanggal efektif, atau sertifikat tidak berlaku saat itu.', 'Periksa tanggal efektif SOP dan masa berlaku sertifikat penanda tangan.'),
  'ttd-belum-dicocokkan': peringatan('PDF bertanda tangan belum dicocokkan dengan cetakan sumber yang sekarang (belum ada hasil sop build yang mutakhir).', 'Jalankan sop build atau sop ttd, lalu sop check lagi.'),
  'ttd-tanpa-sop': peringatan('PDF di ttd/ tidak cocok dengan SOP bertanda tangan elektronik mana pun.', 'Beri nama PDF sama dengan berkas SOP-nya (mis. ttd/pelayanan-izin.pdf untuk pelayanan-izin.md), atau hapus bila tidak dipakai.'),
  // Impor (sop impor)
  'impor-berkas-rusak': galat('Berkas Word/Excel tidak dapat dibaca, berformat lama (.doc/.xls), atau tidak memuat SOP.', 'Buka di Word/Excel dan simpan sebagai .docx/.xlsx, lalu impor lagi.'),
  'impor-tebakan': peringatan('Nilai yang ditebak saat impor dari Word/Excel.', 'Bandingkan dengan dokumen asli di tempat yang disebut, lalu perbaiki bila perlu.'),
  'impor-tidak-terbaca': peringatan('Bagian dokumen Word/Excel yang tidak dapat dibaca saat impor.', 'Isi sendiri dari dokumen asli di tempat yang disebut.'),
  // Bagian hasil CI (sop build --bagian, sop site/book --dari-bagian)
  'bagian-tidak-lengkap': galat('Bagian hasil CI yang disebut tidak lengkap: ada bagian, SOP atau berkas yang tidak ada, atau bagian yang disebut dua kali.', 'Sebut folder hasil setiap bagian (1 sampai n) dari satu pembagian, masing-masing sekali, persis seperti diunduh dari job-nya.'),
  'bagian-usang': galat('PDF di bagian hasil CI tidak dicetak dari sumber yang sekarang, atau berubah sesudah dicetak.', 'Jalankan lagi semua job sop build --bagian dari commit yang sama dengan job yang merakit situs atau buku.'),
  'bagian-asing': galat('Bagian hasil CI memuat berkas yang bukan hasil bagian itu: SOP bagian lain, berkas tambahan, tautan ke luar foldernya, atau bagian.json yang rusak.', 'Sebut hanya folder hasil sop build --bagian apa adanya; jangan menambah, mengganti atau menautkan berkas di dalamnya.'),
  // Program
  'galat-internal': galat('Program sop-press sendiri gagal memeriksa berkas ini.', 'Kirim berkas beserta pesannya kepada pengelola sop-press.'),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** Where officers read about every rule (its row in the table of §5.2). */
export const GUIDE_SECTION = 'docs/panduan.md#52-kode-aturan-yang-paling-sering-muncul';

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}
