import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompiledGroup } from '../../src/core/compile.js';
import { bundledRubricIds, checkRubricFile, loadRubric } from '../../src/io/rubric-file.js';
import { monev } from '../e2e/run-cli.js';

/** Published figures, pinned: an edit that changes one of them must fail here, loudly. */

const zones = (id: string) => loadRubric(id).compiled.zones.map((z) => [z.id, z.label, z.min, z.color]);
const weights = (groups: CompiledGroup[]) => groups.map((g) => [g.id, g.weight]);

describe('bundled rubrics', () => {
  it('are the four documented ones, each valid, with a source, a description and guidance for every criterion', () => {
    expect(bundledRubricIds()).toEqual(['ombudsman-kepatuhan-2021', 'ombudsman-ppp-2023', 'skm-permenpanrb-14-2017', 'standar-pelayanan-uu25']);
    for (const id of bundledRubricIds()) {
      const { problems, loaded } = checkRubricFile(`rubrics/${id}.yaml`);
      expect(problems, id).toEqual([]);
      expect(loaded!.rubric.source, id).toMatch(/\d{4}/);
      expect(loaded!.rubric.description, id).toMatch(/[Aa]sumsi|Angka resmi/);
      expect(loaded!.compiled.criterionList.filter((c) => !c.guidance?.trim()).map((c) => c.id), id).toEqual([]);
    }
  });
});

describe('ombudsman-ppp-2023', () => {
  const { compiled } = loadRubric('ombudsman-ppp-2023');
  it('has the four published dimension weights, summing to 100', () => {
    expect(weights(compiled.groups)).toEqual([
      ['input', 21.85],
      ['proses', 32.37],
      ['output', 24.24],
      ['pengaduan', 21.54],
    ]);
    expect(compiled.groups.reduce((s, g) => s + g.weight, 0)).toBeCloseTo(100, 10);
  });
  it('has the opinion grades A-E at 88 / 78 / 54 / 32 / 0', () => {
    expect(zones('ombudsman-ppp-2023')).toEqual([
      ['e', 'E - Kualitas Terendah', 0, 'red'],
      ['d', 'D - Kualitas Rendah', 32, 'red'],
      ['c', 'C - Kualitas Sedang', 54, 'yellow'],
      ['b', 'B - Kualitas Tinggi', 78, 'green'],
      ['a', 'A - Kualitas Tertinggi', 88, 'green'],
    ]);
  });
  it('weighs indicators equally inside a dimension and scores "not found" maladministration in full', () => {
    for (const g of compiled.groups) expect(new Set(g.children.map((c) => c.weight)), g.id).toEqual(new Set([1]));
    expect(compiled.groups.find((g) => g.id === 'output')!.children.map((c) => c.id)).toEqual([
      'penundaan-berlarut',
      'permintaan-imbalan',
      'penyimpangan-prosedur',
      'tidak-kompeten',
      'tidak-patut',
      'diskriminasi',
      'penyalahgunaan-wewenang',
    ]);
    const imbalan = compiled.criteria.get('permintaan-imbalan')!;
    expect(imbalan.parse('tidak ditemukan')).toMatchObject({ fraction: 1 });
    expect(imbalan.parse('ditemukan')).toMatchObject({ fraction: 0 });
  });
});

describe('ombudsman-kepatuhan-2021', () => {
  it('has the compliance zones hijau 81, kuning 51, merah 0', () => {
    expect(zones('ombudsman-kepatuhan-2021')).toEqual([
      ['merah', 'Zona Merah - Kepatuhan Rendah', 0, 'red'],
      ['kuning', 'Zona Kuning - Kepatuhan Sedang', 51, 'yellow'],
      ['hijau', 'Zona Hijau - Kepatuhan Tinggi', 81, 'green'],
    ]);
  });
  it('weighs every yes/no item equally (group weight = its number of items)', () => {
    const { compiled } = loadRubric('ombudsman-kepatuhan-2021');
    for (const g of compiled.groups) expect(g.weight, g.id).toBe(g.children.length);
    expect(new Set(compiled.criterionList.map((c) => c.type))).toEqual(new Set(['boolean']));
  });
});

describe('standar-pelayanan-uu25', () => {
  const { compiled } = loadRubric('standar-pelayanan-uu25');
  it('has the 14 components of UU 25/2009 Pasal 21, grouped as PermenPANRB 15/2014 does', () => {
    const components = (id: string) => (compiled.groups.find((g) => g.id === id)!.children as CompiledGroup[]).map((c) => c.id);
    expect(components('penyampaian')).toEqual(['persyaratan', 'prosedur', 'jangka-waktu', 'biaya', 'produk', 'pengaduan']);
    expect(components('pengelolaan')).toEqual([
      'dasar-hukum',
      'sarana-prasarana',
      'kompetensi-pelaksana',
      'pengawasan-internal',
      'jumlah-pelaksana',
      'jaminan-pelayanan',
      'jaminan-keamanan',
      'evaluasi-kinerja',
    ]);
    expect(weights(compiled.groups)).toEqual([
      ['penyampaian', 6],
      ['pengelolaan', 8],
    ]);
  });
  it('checks each component as set, published and applied, and zones at 81 / 51 / 0', () => {
    expect(compiled.criterionList).toHaveLength(42);
    expect(new Set(compiled.criterionList.map((c) => c.id.replace(/^.*-(ditetapkan|dipublikasikan|diterapkan)$/, '$1')))).toEqual(
      new Set(['ditetapkan', 'dipublikasikan', 'diterapkan']),
    );
    expect(zones('standar-pelayanan-uu25').map((z) => [z[0], z[2]])).toEqual([
      ['red', 0],
      ['yellow', 51],
      ['green', 81],
    ]);
  });
});

describe('skm-permenpanrb-14-2017', () => {
  const { compiled } = loadRubric('skm-permenpanrb-14-2017');
  it('has the nine elements u1..u9, each 1..4 scored as v / 4, equal weights, averaged over respondents', () => {
    expect(compiled.criterionList.map((c) => [c.id, c.title])).toEqual([
      ['u1', 'Persyaratan'],
      ['u2', 'Sistem, mekanisme dan prosedur'],
      ['u3', 'Waktu penyelesaian'],
      ['u4', 'Biaya/tarif'],
      ['u5', 'Produk spesifikasi jenis pelayanan'],
      ['u6', 'Kompetensi pelaksana'],
      ['u7', 'Perilaku pelaksana'],
      ['u8', 'Penanganan pengaduan, saran dan masukan'],
      ['u9', 'Sarana dan prasarana'],
    ]);
    for (const c of compiled.criterionList) {
      expect(c.spec).toMatchObject({ type: 'scale', min: 1, max: 4 });
      expect(c.parse(3)).toMatchObject({ fraction: 0.75 });
      expect(c.weight).toBe(1);
    }
    expect(compiled.aggregate).toBe('mean');
  });
  it('has the quality grades A 88.31, B 76.61, C 65.00, D 0', () => {
    expect(zones('skm-permenpanrb-14-2017')).toEqual([
      ['d', 'D - Tidak Baik', 0, 'red'],
      ['c', 'C - Kurang Baik', 65, 'yellow'],
      ['b', 'B - Baik', 76.61, 'green'],
      ['a', 'A - Sangat Baik', 88.31, 'green'],
    ]);
  });
});

describe('the example rounds', () => {
  it('SKM worked example: 29 respondents, element totals 105 101 100 116 102 105 106 105 115 -> IKM 91.48, grade A', () => {
    const run = monev(['score', 'examples/skm/contoh-permenpanrb-14-2017.csv', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'json']);
    expect(run.code).toBe(0);
    const [unit] = JSON.parse(run.stdout).units;
    // IKM = 25 x mean(NRR) = 25 x (955 / 29) / 9 = 91.4750958 -> 91.48
    expect(unit).toMatchObject({ score: 91.48, zone: { id: 'a' }, respondents: 29 });
    expect(unit.scoreExact).toBeCloseTo((25 * 955) / 29 / 9, 10);
    const totals = [105, 101, 100, 116, 102, 105, 106, 105, 115];
    unit.criteria.forEach((c: { mean: number; responses: number }, i: number) => {
      expect(c.responses).toBe(29);
      expect(c.mean).toBeCloseTo(totals[i]! / 29, 12);
    });
    // Worksheets that use the rounded weight 0.111 land elsewhere: 25 x 0.111 x sum(NRR) = 91.38.
    expect(Math.round(25 * 0.111 * totals.reduce((s, t) => s + t / 29, 0) * 100) / 100).toBe(91.38);
    // The gap lists show each element's NRR as the mean answer: U3 100 / 29 = 3.448… -> 3.45.
    const markdown = monev(['score', 'examples/skm/contoh-permenpanrb-14-2017.csv', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'markdown', '--gaps', '9']).stdout;
    expect(markdown).toContain('| Lost | Criterion | Title | Status | Mean answer |');
    expect(markdown).toMatch(/\| `u3` \| Waktu penyelesaian \| partial \| 3\.45 \|/);
    // Each unsur graded as the whole is: 25 x NRR against the IKM intervals. U1 105 / 29 = 3.6207,
    // 90.52 (A); U3 100 / 29 = 3.4483, 86.21 (B: below 88.31).
    expect(markdown).toContain('| `u1` | Persyaratan | 29 | 3.62 | 90.52 | A - Sangat Baik | 10.06 | 11.11 |');
    expect(markdown).toContain('| `u3` | Waktu penyelesaian | 29 | 3.45 | 86.21 | B - Baik | 9.58 | 11.11 |');
    const html = monev(['report', 'examples/skm/contoh-permenpanrb-14-2017.csv', '--rubric', 'skm-permenpanrb-14-2017', '--lang', 'id']).stdout;
    expect(html).toContain('<h3>Tiap kriteria atas seluruh responden</h3>');
    // The respondent profile, counted from the `_jenis_kelamin` and `_pendidikan` columns: 15 + 14 = 29.
    expect(html).toContain('<p class="meta"><strong>Profil responden:</strong> Jenis kelamin: P 15, L 14 · Pendidikan: S1 7, SD 6, D3 5, SMP 4, S2 4, SMA 3</p>');
    // A survey's heat map is by criterion (its one group would make one column), and it lists no
    // most common gaps: every answer below 4 makes a gap, so every unit has every unsur as one.
    expect(html).toContain('<figcaption>Nilai tiap kriteria per unit</figcaption>');
    expect(html).not.toContain('Kekurangan yang paling sering');
    expect(html).toContain('<title>contoh-permenpanrb-14-2017 · Waktu penyelesaian: 86,21</title>');
    expect(html).toMatch(/<tr><td><strong>Waktu penyelesaian<\/strong> <code>u3<\/code><\/td><td class="num">29<\/td><td class="num">3,45<\/td><td class="num">86,21<\/td><td><span class="badge"[^>]*>B<\/span><\/td><\/tr>/);
  });

  it('SKM: blank cells and n/a answers are left out of an element mean', () => {
    const run = monev(['score', 'examples/skm/pkm-gambir-baru.csv', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'json']);
    const [unit] = JSON.parse(run.stdout).units;
    const byId = Object.fromEntries(unit.criteria.map((c: { id: string }) => [c.id, c]));
    expect(unit.respondents).toBe(20);
    expect(byId.u3.responses).toBe(19); // one blank
    expect(byId.u4.responses).toBe(18); // two n/a
    expect(byId.u8.responses).toBe(18); // two blanks
  });

  it('SKM from an online form: questions headed by their text (U1. …), answers in words, as the numbers would score', () => {
    const file = 'examples/formulir-daring/dpmptsp-langkat.csv';
    const run = monev(['score', file, '--rubric', 'skm-permenpanrb-14-2017', '--format', 'json']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const [unit] = JSON.parse(run.stdout).units;
    // Element totals over the respondents who answered (U8: one left it blank):
    // 33/12 37/12 36/12 45/12 35/12 30/12 36/12 33/11 35/12; IKM = 25 x (sum of NRR) / 9
    // = 25 x (2.75 + 3.0833 + 3 + 3.75 + 2.9167 + 2.5 + 3 + 3 + 2.9167) / 9 = 74.7685 -> 74.77, C (65.00-76.60).
    const totals: [number, number][] = [[33, 12], [37, 12], [36, 12], [45, 12], [35, 12], [30, 12], [36, 12], [33, 11], [35, 12]];
    expect(unit).toMatchObject({ unit: { id: 'dpmptsp-langkat' }, score: 74.77, zone: { id: 'c', label: 'C - Kurang Baik' }, respondents: 12 });
    expect(unit.scoreExact).toBeCloseTo((25 * totals.reduce((s, [t, n]) => s + t / n, 0)) / 9, 10);
    expect(unit.criteria.map((c: { id: string; responses: number }) => [c.id, c.responses])).toEqual(totals.map(([, n], i) => [`u${i + 1}`, n]));
  });

  it('SKM from an online form exported as it is: the respondent profile counted, --skip-other-columns leaves the rest unread, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-form-'));
    const text = readFileSync('examples/formulir-daring/dpmptsp-langkat.csv', 'utf8');
    const [header, ...rows] = text.split('\r\n');
    writeFileSync(join(dir, 'dpmptsp-langkat.csv'), [header!.replace(/(^|,)_/g, '$1'), ...rows].join('\r\n'));
    const refused = monev(['score', dir, '--rubric', 'skm-permenpanrb-14-2017', '--format', 'csv']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("unknown criterion `Usia` (not a criterion's id, title or code; if the column answers none, name it `_Usia`");
    // The questions of the SKM's profile (Jenis kelamin, Pendidikan) are no error: they are counted.
    expect(refused.stderr).not.toContain('`Jenis kelamin`');
    const run = monev(['score', dir, '--rubric', 'skm-permenpanrb-14-2017', '--format', 'json', '--skip-other-columns']);
    expect(run.code).toBe(0);
    const [unit] = JSON.parse(run.stdout).units;
    expect(unit.score).toBe(74.77);
    expect(unit.profile.map((p: { id: string; counts: { count: number }[] }) => [p.id, p.counts.reduce((n, c) => n + c.count, 0)])).toEqual([['jenis-kelamin', 12], ['pendidikan', 12], ['pekerjaan', 0]]);
    expect(run.stderr.trim()).toBe(
      `${join(dir, 'dpmptsp-langkat.csv')}: warning: columns that name no criterion, not read (--skip-other-columns): \`Cap waktu\`, \`Usia\`, \`Jenis layanan yang diterima\`, \`Saran dan masukan\` [csv/columns-skipped]`,
    );
  });

  it('SKM with a units list that gives populations: fewer respondents than Krejcie and Morgan ask for are warned of, the IKM stands', () => {
    const run = monev(['score', 'examples/skm', '--rubric', 'skm-permenpanrb-14-2017', '--units', 'examples/daftar-unit-skm.csv', '--format', 'csv']);
    expect(run.code).toBe(0);
    // Populations 30, 40 and 500 need 28, 36 and 217 respondents: 29 is enough, 15 and 20 are not.
    expect(run.stderr.trim().split('\n')).toEqual([
      'examples/skm/dinsos-asahan.csv:2: warning: unit `dinsos-asahan`: 15 respondents; a population of 40 needs at least 36 (the Krejcie and Morgan table PermenPANRB 14/2017 uses for the SKM); the score stands, on a smaller sample [units/small-sample]',
      'examples/skm/pkm-gambir-baru.csv:2: warning: unit `pkm-gambir-baru`: 20 respondents; a population of 500 needs at least 217 (the Krejcie and Morgan table PermenPANRB 14/2017 uses for the SKM); the score stands, on a smaller sample [units/small-sample]',
    ]);
    expect(run.stdout).toContain('pkm-gambir-baru,UPTD Puskesmas Gambir Baru,82.75,b,');
    // The report says it beside each unit's respondents.
    const report = monev(['report', 'examples/skm', '--rubric', 'skm-permenpanrb-14-2017', '--units', 'examples/daftar-unit-skm.csv', '--format', 'markdown', '-q']).stdout;
    expect(report).toContain('**Score 91.48**, A - Sangat Baik. Respondents: 29 (a population of 30 needs 28).');
    expect(report).toContain('**Score 64.07**, D - Tidak Baik. Respondents: 15, fewer than the 36 a population of 40 needs.');
    // A rubric that names a sample rule but averages nothing is refused.
    const dir = mkdtempSync(join(tmpdir(), 'monev-sample-'));
    writeFileSync(join(dir, 'r.yaml'), readFileSync('examples/rubric-pra-evaluasi.yaml', 'utf8').replace(/^scale: 100$/m, 'scale: 100\nsample: krejcie-morgan'));
    const refused = monev(['validate', join(dir, 'r.yaml')]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('sample: krejcie-morgan counts respondents, and only a rubric with `aggregate: mean` has them [rubric/sample-without-mean]');
  });

  it('Langkat, first visit: six units, every grade A-E, gaps and next-grade paths', () => {
    const run = monev(['score', 'examples/langkat-2023/r1', '--rubric', 'ombudsman-ppp-2023', '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.units.map((u: { unit: { id: string }; zone: { id: string } }) => [u.unit.id, u.zone.id])).toEqual([
      ['dinkes', 'c'],
      ['dinsos', 'd'],
      ['disdukcapil', 'a'],
      ['dpmptsp', 'b'],
      ['pkm-karang-rejo', 'e'],
      ['pkm-tanjungberingin', 'c'],
    ]);
    for (const u of report.units) if (u.zone.id !== 'a') expect(u.nextZone.close.length, u.unit.id).toBeGreaterThan(0);
    // n/a parking at Tanjungberingin, and a missing answer warned about.
    expect(run.stderr).toContain('unit `pkm-tanjungberingin`: 1 criterion without an answer, scored 0: `laporan-pengaduan`');
  });

  it('Asahan: a cap holds Dinas Sosial in Zona Kuning despite a green score', () => {
    const report = JSON.parse(monev(['score', 'examples/asahan-2023', '--format', 'json', '-q']).stdout);
    const dinsos = report.units.find((u: { unit: { id: string } }) => u.unit.id === 'dinsos');
    expect(dinsos).toMatchObject({ zone: { id: 'yellow' }, zoneByScore: { id: 'green' }, cappedBy: [{ criterion: 'biaya-ditetapkan', zone: 'yellow' }] });
  });
});
