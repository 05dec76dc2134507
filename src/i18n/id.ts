import type { AnswerSpec } from '../core/compile.js';
import { code } from './quote.js';

/** Indonesian wording of every problem code; the same keys as en.ts (a test checks it). */
type P = Record<string, any>;

const q = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? code(v) : v === undefined ? 'kosong' : v === null ? 'null' : code(JSON.stringify(v)));
const hint = (s: unknown) => (s ? ` (maksudnya ${code(s)}?)` : '');
const COLUMN_ROLE: Record<string, string> = { unit: 'id unit', name: 'nama unit', type: 'jenis unit', region: 'wilayah unit', date: 'tanggal kunjungan', assessor: 'penilai', rubric: 'rubrik', criterion: 'id kriteria, satu jawaban per baris', value: 'jawaban, satu per baris' };
// Zone ids with their labels beside them: `yellow` (Zona Kuning).
const zoneList = (p: P) => (p.zones as string[]).map((id, i) => (p.labels?.[i] && p.labels[i] !== id ? `\`${id}\` (${p.labels[i]})` : `\`${id}\``)).join(', ');
// Why an output path cannot be written, by the system's error code.
const UNWRITABLE: Record<string, string> = {
  ENOTDIR: 'sebagian jalurnya berkas, bukan folder',
  EISDIR: 'itu folder; sebutkan nama berkas',
  EACCES: 'tidak ada izin menulis di sana',
  EPERM: 'tidak ada izin menulis di sana',
  EROFS: 'sistem berkasnya hanya-baca',
  ENOSPC: 'disk penuh',
  EFBIG: 'berkasnya akan melebihi ukuran yang diizinkan sistem',
  EDQUOT: 'kuota disk habis',
  ECONNRESET: 'sambungannya diputus oleh ujung yang lain',
  EIO: 'perangkatnya melaporkan galat masukan/keluaran',
};
const list = (xs: unknown[], max = 12) => {
  const shown = xs.slice(0, max).map(code).join(', ');
  return xs.length > max ? `${shown}, … (semuanya ${xs.length})` : shown;
};
/** Units by id with their names beside them, as `disdik` (Dinas Pendidikan); the sentence gives their number. */
const namedUnits = (p: P) => {
  const ids = p.units as string[];
  const shown = ids.slice(0, 12).map((id, i) => (p.names?.[i] ? `\`${id}\` (${p.names[i]})` : `\`${id}\``));
  return `${shown.join(', ')}${ids.length > 12 ? ', …' : ''}`;
};

export function describeSpecId(spec: AnswerSpec): string {
  const na = spec.na ? `, atau tidak berlaku (${list(spec.na)})` : ' (kriteria ini tidak boleh dijawab tidak berlaku)';
  switch (spec.type) {
    case 'boolean':
      return `ya (${list(spec.yes)}) atau tidak (${list(spec.no)})${na}`;
    case 'scale':
      return `bilangan bulat ${spec.min} sampai ${spec.max}${spec.labels ? ` atau kata-katanya (${spec.labels.map(([word, point]) => `\`${word}\` ${point}`).join(', ')})` : ''}${na}`;
    case 'choice':
      return `salah satu dari ${list(spec.options)}${na}`;
    case 'percent':
      return `persentase 0 sampai 100${na}`;
    case 'number':
      return `angka paling kecil ${spec.min}${na}`;
  }
}

export const id: Record<string, (p: P) => string> = {
  'yaml/syntax': (p) => `sintaks YAML: ${p.message}`,
  'yaml/aliases': (p) => `alias YAML terlalu banyak berkembang (batas ${p.limit} simpul alias): ${p.message}`,
  'yaml/too-deep': (p) => `kedalaman YAML ${p.depth} tingkat; batasnya ${p.limit}`,

  'schema/unknown-key': (p) =>
    p.split
      ? `kunci tidak dikenal ${q(p.key)}: di dalam \`{ … }\` koma mengakhiri entri, jadi koma desimal memotong angkanya; ${p.split.key ? `tulis \`${p.split.key}: ${p.split.meant}\`` : 'tulis dengan titik desimal'}`
      : `kunci tidak dikenal ${q(p.key)}${hint(p.suggestion)}`,
  'schema/missing-key': (p) => `kunci wajib ${q(p.key)} tidak ada (seharusnya ${p.expected})`,
  'schema/wrong-type': (p) => `seharusnya ${p.expected}, tertulis ${p.value == null ? 'kosong' : `${p.got} ${q(p.value)}`}${p.meant === undefined ? '' : ` (tulis ${p.meant}: angka YAML memakai titik desimal, tanpa %)`}`,
  'schema/too-small': (p) =>
    p.kind === 'array'
      ? `paling sedikit ${p.minimum} butir`
      : p.kind === 'string'
        ? 'tidak boleh kosong'
        : `${q(p.value)} terlalu kecil: seharusnya ${p.inclusive ? 'paling kecil' : 'lebih dari'} ${p.minimum}`,
  'schema/too-big': (p) => `${q(p.value)} terlalu besar: seharusnya ${p.inclusive ? 'paling besar' : 'kurang dari'} ${p.maximum}`,
  'schema/invalid-format': (p) => `${q(p.value)} tidak sah: seharusnya ${p.expected}`,
  'schema/invalid-value': (p) => `${q(p.value)} tidak diperbolehkan: seharusnya salah satu dari ${list(p.allowed)}`,
  'schema/invalid': (p) => `${q(p.value)} tidak sah: ${p.message}`,

  'rubric/duplicate-id': (p) => `id kembar ${q(p.id)}: id harus unik di seluruh kelompok dan kriteria (pertama dipakai di ${p.first})`,
  'rubric/empty-group': (p) => `kelompok ${q(p.id)} tidak berisi kriteria maupun kelompok`,
  'rubric/unknown-zone': (p) => `cap ${q(p.zone)} tidak menunjuk zona mana pun${hint(p.suggestion)}; zona yang ada ${zoneList(p)}`,
  'rubric/label-range': (p) => `label ${q(p.word)} menunjuk ${p.point}, di luar skala ${p.min}..${p.max}`,
  'rubric/label-is-na': (p) => `label ${q(p.word)} juga kata untuk tidak berlaku: jawaban itu dibaca n/a, tidak pernah sebagai label`,
  'rubric/scale-range': (p) => `min skala ${p.min} harus lebih kecil dari max ${p.max}`,
  'rubric/ratio-negative': (p) => `penilaian ratio memerlukan min >= 0, tertulis ${p.min}`,
  'rubric/score-range': (p) => `skor ${q(p.score)} di luar [0, 1]`,
  'rubric/duplicate-option': (p) => `nilai pilihan kembar ${q(p.value)} (huruf besar/kecil tidak dibedakan)`,
  'rubric/bands-order': (p) => `min rentang ${p.min} harus lebih besar dari min rentang sebelumnya ${p.previous} (rentang diurutkan dan tidak bertumpuk)`,
  'rubric/no-zero-zone': () => 'tidak ada zona dengan `min: 0`: tepat satu zona harus mulai dari 0 agar setiap nilai punya zona',
  'rubric/several-zero-zones': (p) => `beberapa zona memakai \`min: 0\`: ${list(p.zones)}`,
  'rubric/duplicate-zone-id': (p) => `id zona kembar ${q(p.id)}`,
  'rubric/duplicate-zone-min': (p) => `zona ${q(p.zone)} memakai min ${p.min} yang sama dengan zona ${q(p.other)}`,
  'rubric/zone-min-range': (p) => `min zona ${p.min} melebihi skala ${p.scale}`,
  'rubric/ambiguous-answer': (p) => `kata jawaban ${q(p.word)} tercantum sebagai ${p.kinds.join(' dan ')}`,
  'rubric/unreachable-zone': (p) => `zona ${q(p.zone)} (mulai ${p.min}) berakhir di ${p.next}: tidak ada nilai dua desimal yang jatuh di dalamnya`,
  'rubric/tiny-weight': (p) => `kriteria ${q(p.criterion)} hanya bernilai ${Number(p.points).toFixed(3)} poin, kurang dari ${p.limit}: apakah bobotnya (atau bobot kelompoknya) benar?`,
  'rubric/sample-without-mean': (p) => `sample: ${p.sample} menghitung responden, dan hanya rubrik dengan \`aggregate: mean\` yang memilikinya`,
  'rubric/profile-without-mean': () => 'profile menghitung data responden, dan hanya rubrik dengan `aggregate: mean` yang memilikinya',
  'rubric/cap-top-zone': (p) => `cap ${q(p.zone)} pada ${q(p.criterion)} adalah zona tertinggi: tidak pernah menurunkan zona unit`,
  'rubric/no-guidance': (p) => `kriteria ${q(p.criterion)} tidak punya petunjuk (guidance): tim lapangan tidak tahu cara memeriksanya`,
  'rubric/is-assessment': () => 'ini berkas penilaian, bukan rubrik (penilaian diperiksa dengan `monev validate --rubric <rubrik> <berkas>`)',
  'rubric/documents': (p) => `berkas rubrik berisi tepat satu dokumen YAML, ditemukan ${p.count}`,
  'rubric/not-found': (p) =>
    `tidak ada berkas rubrik atau rubrik bawaan bernama ${q(p.name)}${hint(p.suggestion)}; rubrik bawaan: ${p.bundled.length ? list(p.bundled) : 'tidak ada'}`,

  'assessment/rubric-mismatch': (p) => `penilaian menyebut rubrik ${q(p.named)} tetapi dinilai dengan ${q(p.used)}`,
  'assessment/missing-unit-id': () => 'berkas dengan beberapa dokumen YAML memerlukan `unit: {id: …}` di setiap dokumen',
  'assessment/unread-date': (p) => `tanggal ${q(p.date)} tidak menunjuk hari: laporan menampilkannya apa adanya dan tidak dapat mengurutkannya (tulis 2023-07-12, 12/07/2023 atau 12 Juli 2023)`,
  'assessment/no-rubric': () => 'rubrik tidak diketahui: pakai --rubric <berkas atau id bawaan>, atau sebutkan dengan `rubric:` di berkas penilaian',
  'assessment/several-rubrics': (p) => `penilaian ini menyebut rubrik ${q(p.rubrics[0])}, penilaian sebelumnya ${q(p.rubrics[1])}; pakai --rubric untuk memilih`,

  'csv/columns-skipped': (p) => `kolom yang tidak menyebut kriteria, tidak dibaca (--skip-other-columns): ${list(p.columns)}`,
  'answer/unknown-criterion': (p) =>
    `kriteria tidak dikenal ${q(p.criterion)}${
      p.aside === 'form'
        ? ` (kolom tambahan dari aplikasi formulir? beri nama \`${p.column}\`: kolom yang namanya diawali _ tidak dinilai)`
        : p.aside === 'other'
        ? ` (bukan id, judul atau kode kriteria; jika kolom ini tidak menjawab kriteria apa pun, beri nama \`${p.column}\`: kolom yang namanya diawali _ tidak dinilai)`
        : p.aside
        ? ` (agar catatan tetap di samping jawaban, beri nama kolom \`${p.column}\`: kolom yang namanya diawali _ tidak dinilai)`
        : p.column
          ? ` (jika berisi ${COLUMN_ROLE[p.column]}, kolomnya bernama \`${p.column}\`${p.column === 'unit' ? `, atau baca apa adanya dengan --unit-column "${p.criterion}"` : ''})`
          : hint(p.suggestion)
    }`,
  'answer/ambiguous-column': (p) => `kolom ${q(p.column)} adalah judul beberapa kriteria (${list(p.criteria as unknown[])}): beri judul kolom dengan id kriteria yang dijawabnya`,
  'answer/invalid': (p) => `jawaban tidak sah ${q(p.value)} untuk ${q(p.criterion)}: seharusnya ${describeSpecId(p.spec)}`,
  'answer/na-forbidden': (p) => `${q(p.criterion)} berlaku untuk semua unit (na: false); jawab ${describeSpecId(p.spec)}`,
  'answer/duplicate': (p) => `jawaban kedua untuk ${q(p.criterion)} pada unit ${q(p.unit)} (yang pertama di ${p.first}); rubrik ini tidak merata-ratakan jawaban`,

  'unit/missing-answers': (p) => `unit ${q(p.unit)}: ${p.criteria.length} kriteria belum dijawab${p.strict ? '' : ', dinilai 0'}: ${list(p.criteria, 8)}`,
  'unit/duplicate': (p) =>
    `unit ${q(p.unit)} dinilai dua kali (yang pertama di ${p.first}); ${
      p.byFileName
        ? 'tanpa kolom `unit` setiap baris adalah unit yang menjadi nama berkasnya: beri judul `unit` pada kolom yang menyebut unit tiap baris, atau sebut kolom itu dengan --unit-column (id-nya, atau nama unit dengan --units)'
        : 'jawaban satu unit berasal dari satu lembar kecuali rubrik merata-ratakan responden'
    }`,
  'unit/case-variant': (p) => `unit ${q(p.unit)} hanya berbeda huruf besar/kecil dari unit ${q(p.other)} (di ${p.first}): keduanya dinilai sebagai dua unit; bila satu unit, beri satu id (atau pakai --units, yang daftarnya mencocokkan id tanpa membedakan huruf besar/kecil)`,
  'unit/no-applicable': (p) => `unit ${q(p.unit)} tidak punya kriteria yang berlaku (semua jawaban tidak berlaku): tidak dapat dinilai`,

  'input/not-found': () => 'berkas atau folder tidak ada',
  'input/not-utf8': (p) => `byte ${p.byte} bukan teks UTF-8: simpan berkas sebagai UTF-8 (di Excel: "CSV UTF-8"; "CSV" biasa memakai Windows-1252)`,
  'input/unreadable': (p) => `tidak dapat dibaca (${p.reason})`,
  'input/too-large': (p) => `berkas berukuran ${p.size} byte; batasnya ${p.limit}`,
  'input/empty-folder': (p) => `folder tidak berisi berkas penilaian (${list(p.extensions)})`,
  'input/workbook': (p) => `berkas ${q(p.extension)} tidak dibaca: simpan lembarnya sebagai CSV (di Excel: "CSV UTF-8") lalu ${p.list ? 'berikan berkas itu ke --units' : 'nilai berkas itu'}`,
  'input/workbook-skipped': (p) => `dilewati: berkas ${q(p.extension)} tidak dibaca; simpan lembarnya sebagai CSV (di Excel: "CSV UTF-8") agar dinilai`,
  'input/unknown-extension': (p) => `format tidak dapat ditentukan dari nama berkas: seharusnya ${list(p.extensions)}`,
  'input/rubric-in-round': () => 'ini rubrik, bukan penilaian: tidak dinilai (putaran ini dinilai dengan rubrik lain)',
  'input/empty-file': () => 'berkas ini tidak berisi unit (kosong, hanya komentar, atau header tanpa baris)',
  'input/no-criterion-columns': (p) => `tidak ada kolom yang menyebut kriteria rubrik ${q(p.rubric)}${p.columns.length ? ` (${list(p.columns, 6)})` : ''}: baris-barisnya tidak dinilai; bila ini daftar unit, pakai dengan --units`,
  'input/no-units': () => 'masukan tidak berisi unit untuk dinilai',
  'input/unit-column-not-found': (p) => `--unit-column: tidak ada berkas CSV putaran ini yang memiliki kolom berjudul ${q(p.column)}${hint(p.suggestion)}`,
  'input/no-files': () => 'tidak ada masukan: sebutkan berkas atau folder, atau - untuk masukan standar',

  'output/forms-exist': (p) => `${p.forms.length} formulir sudah ada (mungkin sudah diisi): ${list(p.forms, 8)}; tidak ada yang ditimpa: pindahkan atau pilih folder lain`,
  'output/name-taken': (p) => `berkas untuk ${q(p.unit)} akan bernama sama dengan berkas untuk ${q(p.other)}${p.caseOnly ? ' di Windows dan macOS, yang tidak membedakan huruf besar/kecil pada nama berkas' : ''}`,
  'output/unwritable': (p) => `keluaran tidak dapat ditulis di sini (${p.reason}${UNWRITABLE[p.reason] ? `: ${UNWRITABLE[p.reason]}` : ''})`,

  'csv/syntax': (p) => `sintaks CSV: ${p.message}`,
  'csv/ragged-row': (p) =>
    `baris berisi ${p.got} sel, header berisi ${p.expected}${p.number ? `: ${q(p.number)} di kolom ${p.column} tampaknya angka dengan koma desimal, yang terbelah di berkas berpemisah koma; tulis dengan titik (${p.number.replace(',', '.')}), beri tanda kutip, atau simpan berkas dengan \`;\`` : ''}`,
  'csv/unnamed-value': (p) => `${q(p.value)} di kolom tanpa nama di header: beri nama kolomnya (id kriteria, atau awali dengan _ agar diabaikan) atau kosongkan`,
  'csv/duplicate-column': (p) => `kolom kembar ${q(p.column)}`,
  'csv/unknown-column': (p) => `kolom tidak dikenal ${q(p.column)} di CSV panjang; seharusnya ${list(p.allowed, 20)}, atau nama yang diawali \`_\``,
  'csv/missing-unit': () => 'id unit kosong',
  'csv/two-unit-columns': (p) => `dua kolom untuk unit: \`unit\` dan ${q(p.column)} (--unit-column); pertahankan satu`,
  'csv/missing-unit-column': () => 'berkas daftar unit memerlukan kolom `unit` (atau `id`, `kode`), atau kolom `name` (`nama`) untuk membuat id',
  'units/empty': () => 'daftar unit tidak memuat unit apa pun (baris judul `unit,name,…` atau `kode,nama,…`, lalu satu baris per unit)',
  'units/invalid-population': (p) => `populasi ${q(p.value)} bukan bilangan bulat jumlah orang (tulis 1250, atau 1.250)`,
  'units/small-sample': (p) => `unit ${q(p.unit)}: ${p.respondents} responden; populasi ${p.population} memerlukan sedikitnya ${p.needed} (tabel Krejcie dan Morgan yang dipakai PermenPANRB 14/2017 untuk SKM); nilai tetap dihitung, dari sampel yang lebih kecil`,
  'units/ambiguous-name': (p) => `unit ${q(p.unit)} tidak ada di daftar unit menurut id-nya, dan namanya tercantum untuk beberapa unit (${list(p.units)}): beri id unit yang dimaksud; unit ini tetap dinilai`,
  'units/not-listed': (p) => `unit ${q(p.unit)} tidak ada di daftar unit${p.name ? ` (maksudnya \`${p.suggestion}\`, ${p.name}?)` : hint(p.suggestion)}; unit ini tetap dinilai`,
  'units/not-assessed': (p) => `${(p.units as unknown[]).length} dari ${p.listed} unit dalam daftar belum dinilai pada putaran ini: ${namedUnits(p)}`,
  'units/unused-columns': (p) => `kolom yang tidak dipakai untuk formulir: ${list(p.columns)} (formulir memuat id, nama, jenis dan wilayah unit)`,
  'units/duplicate': (p) => `unit ${q(p.unit)} tercantum dua kali (pertama di ${p.first})`,
  'csv/missing-criterion': () => 'id kriteria kosong',

  'usage/stdin-format': () => 'membaca masukan standar memerlukan --stdin-format csv|yaml',
  'usage/unknown-format': (p) => `format tidak dikenal ${q(p.format)}${hint(p.suggestion)}; seharusnya salah satu dari ${list(p.allowed)}`,
  'usage/out-is-input': (p) => `--out ${q(p.out)} akan menimpa masukan (${p.input}); pilih jalur lain`,
  'usage/invalid-option': (p) => `${p.option}: ${q(p.value)} tidak sah; seharusnya ${p.expected}`,
  'usage/html-to-terminal': () => 'laporan HTML berupa berkas: pakai --out laporan.html (atau alihkan: > laporan.html); --format markdown dapat dibaca di terminal',
  'usage/out-folder': (p) =>
    `--out ${q(p.out)} menunjuk folder: ${p.questions ? 'pertanyaan formulir daring adalah satu daftar' : p.wide ? 'formulir CSV lebar memuat semua unit dalam satu berkas' : 'formulir per unit memerlukan --units'}; sebutkan nama berkas (forms/${p.questions ? 'pertanyaan.txt' : p.wide ? 'round.csv' : 'dinkes.yaml'})`,
  'usage/unknown-zone': (p) => `${p.option}: ${p.shared ? `${q(p.zone)} adalah kata dalam label beberapa zona, bukan satu zona` : `tidak ada zona ${q(p.zone)}${hint(p.suggestion)}`}; zona yang ada ${zoneList(p)}`,

  'diff/rubric-changed': (p) => `kedua putaran dinilai dengan rubrik berbeda (${p.changes.map((c: P) => `${c.field} ${c.before} -> ${c.after}`).join('; ')}); nilainya tidak dapat dibandingkan. Pakai --allow-rubric-change untuk tetap membandingkan`,
  'diff/regression': (p) => `${p.units.length} unit memburuk (zona turun, nilai turun atau kekurangan baru): ${list(p.units)}`,
  'diff/renamed-unit': (p) => `${q(p.before)} (hanya di putaran pertama) dan ${q(p.after)} (hanya di putaran kedua) ${p.name === undefined ? 'hanya berbeda huruf besar/kecil' : `sama-sama bernama ${p.name}`}: bila keduanya satu unit, beri id yang sama di kedua putaran agar dapat dibandingkan`,
  'diff/not-a-result': (p) => `bukan hasil JSON monev: ${p.reason}`,

  'test/rubric-not-found': (p) => `rubrik yang diuji, ${q(p.rubric)}, tidak ditemukan (isi \`rubric:\` dengan jalurnya, relatif terhadap berkas ini)`,
  'test/unknown-zone': (p) => `zona yang diharapkan, ${q(p.zone)}, bukan id zona rubrik${hint(p.suggestion)}; zona yang ada ${zoneList(p)}`,
  'test/unknown-criterion': (p) => `${q(p.criterion)} bukan kriteria rubrik${hint(p.suggestion)}`,
  'test/none': () => 'tidak ada uji rubrik di sini (uji rubrik `x.yaml` ada di `x.test.yaml`)',

  'threshold/fail-under': (p) => `${p.units.length} unit bernilai di bawah ${p.threshold}: ${list(p.units)}`,
  'threshold/fail-zone': (p) => `${p.units.length} unit berada di zona ${q(p.zone)} atau lebih rendah: ${list(p.units)}`,
};
