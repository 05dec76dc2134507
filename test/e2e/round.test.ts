import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { monev, monevOnTerminal, SCRIPT, tableLines } from './run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'monev-round-'));

/** The best answer a form offers for a criterion, read back from the form itself. */
function bestAnswer(allowed: string): string {
  const first = allowed.split(' | ')[0]!;
  const range = /^(\d+)\.\.(\d+)$/.exec(first);
  if (range) return range[2]!;
  const atLeast = /^>= (.+)$/.exec(first);
  return atLeast ? atLeast[1]! : first;
}

describe('monev template: a filled-in form scores with no edit but the answers', () => {
  it('yaml: every criterion with title, guidance and allowed answers as comments', () => {
    const dir = tmp();
    const form = join(dir, 'pkm-karang-rejo.yaml');
    expect(monev(['template', '--rubric', 'ombudsman-ppp-2023', '--format', 'yaml', '--out', form]).code).toBe(0);
    const text = readFileSync(form, 'utf8');
    // Saved with --out, the form points editors at the package's assessment schema.
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schema\/assessment\.schema\.json$/);
    expect(text).toContain('# Pelaksana telah mengikuti pelatihan/bimtek pelayanan publik');
    expect(text).toContain('# answers: lengkap | sebagian | tidak | na');
    expect(text).toMatch(/\n {2}kompetensi-pelatihan:\n/);
    // Blank, the form scores every criterion as missing (0) with a warning.
    const blank = monev(['score', form, '--format', 'csv']);
    expect(blank.code).toBe(0);
    expect(blank.stdout).toContain('pkm-karang-rejo,,0.00,e,');
    // Filled in: the answer goes after each `id:`.
    const filled = text.replace(/^( {2}[a-z0-9-]+):\n/gm, (_m, key: string) => {
      const allowed = text.split(`\n${key}:`)[0]!.split('\n').reverse().find((l) => l.includes('# answers: '))!;
      return `${key}: ${bestAnswer(allowed.split('# answers: ')[1]!)}\n`;
    });
    writeFileSync(form, filled);
    const run = monev(['score', form, '--format', 'json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout).units[0]).toMatchObject({ unit: { id: 'pkm-karang-rejo' }, score: 100, zone: { id: 'a' } });
  });

  it("a rubric of one's own: the form names its file, relative to the form, and scores by it", () => {
    const dir = tmp();
    // The Kabupaten's own rubric, kept beside the forms' folder.
    const rubric = join(dir, 'rubrik-kabupaten.yaml');
    writeFileSync(rubric, readFileSync('examples/rubric-pra-evaluasi.yaml', 'utf8'));
    const forms = join(dir, 'formulir');
    mkdirSync(forms);
    for (const format of ['yaml', 'csv']) {
      const form = join(forms, `dinsos.${format}`);
      expect(monev(['template', '--rubric', rubric, '--format', format, '--out', form])).toMatchObject({ code: 0, stderr: '' });
      expect(readFileSync(form, 'utf8')).toContain(format === 'yaml' ? 'rubric: ../rubrik-kabupaten.yaml' : ',../rubrik-kabupaten.yaml\n');
    }
    // Filled in with the best answers, the form scores without --rubric: it names its rubric.
    const text = readFileSync(join(forms, 'dinsos.yaml'), 'utf8');
    const filled = text.replace(/^( {2}[a-z0-9-]+):\n/gm, (_m, key: string) => {
      const allowed = text.split(`\n${key}:`)[0]!.split('\n').reverse().find((l) => l.includes('# answers: '))!;
      return `${key}: ${bestAnswer(allowed.split('# answers: ')[1]!)}\n`;
    });
    writeFileSync(join(forms, 'dinsos.yaml'), filled);
    const run = monev(['score', join(forms, 'dinsos.yaml'), '--format', 'json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({ rubric: { id: 'pra-evaluasi-kabupaten' }, units: [{ unit: { id: 'dinsos' }, score: 100 }] });
  });

  it('csv (long): criterion, title, allowed answers, value, note, evidence, and the rubric', () => {
    const dir = tmp();
    const form = join(dir, 'dinsos.csv');
    expect(monev(['template', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'csv', '--out', form]).code).toBe(0);
    const lines = readFileSync(form, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('criterion,title,allowed,value,note,evidence,rubric');
    expect(lines[1]).toBe('u1,Persyaratan,1..4 | tidak sesuai (1) | kurang sesuai (2) | sesuai (3) | sangat sesuai (4) | na,,,,skm-permenpanrb-14-2017');
    writeFileSync(form, `${[lines[0], ...lines.slice(1).map((l) => l.replace(/,,,,skm/, ',3,,,skm'))].join('\n')}\n`);
    // The form names its rubric: no --rubric needed.
    const run = monev(['score', form, '--format', 'json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout).units[0]).toMatchObject({ unit: { id: 'dinsos' }, score: 75, zone: { id: 'c' } });
  });

  it('csv --wide --units: one row per unit, prefilled, for spreadsheets and form tools', () => {
    const dir = tmp();
    const units = join(dir, 'units.csv');
    writeFileSync(units, 'unit;name;type\ndinkes;Dinas Kesehatan;dinas\npkm-karang-rejo;UPTD Puskesmas Karang Rejo;puskesmas\n');
    const form = join(dir, 'round.csv');
    expect(monev(['template', '--rubric', 'standar-pelayanan-uu25', '--format', 'csv', '--wide', '--units', units, '--out', form]).code).toBe(0);
    const [header, ...rows] = readFileSync(form, 'utf8').trimEnd().split('\n');
    expect(header!.startsWith('unit,name,type,region,rubric,persyaratan-ditetapkan,')).toBe(true);
    expect(rows.map((r) => r.split(',').slice(0, 5).join(','))).toEqual(['dinkes,Dinas Kesehatan,dinas,,standar-pelayanan-uu25', 'pkm-karang-rejo,UPTD Puskesmas Karang Rejo,puskesmas,,standar-pelayanan-uu25']);
    // Fill in the answer cells (after unit, name, type, region, rubric): all yes for one unit, all no for the other.
    const filled = rows.map((r, i) => r.split(',').map((cell, k) => (k < 5 ? cell : i ? 'tidak' : 'ya')).join(','));
    writeFileSync(form, `${header}\n${filled.join('\n')}\n`);
    const run = monev(['score', form, '--format', 'csv']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n').slice(1, 3).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'dinkes,Dinas Kesehatan,100.00,green',
      'pkm-karang-rejo,UPTD Puskesmas Karang Rejo,0.00,red',
    ]);
  });

  it('csv --excel: a form Excel opens as it is (BOM, CRLF; with --lang id, ";" and decimal commas), which scores as written', () => {
    const dir = tmp();
    const form = join(dir, 'ikm.csv');
    writeFileSync(join(dir, 'units.csv'), 'unit,name\npkm,UPTD Puskesmas Gambir Baru\n');
    expect(monev(['template', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'csv', '--excel', '--units', join(dir, 'units.csv'), '--lang', 'id', '--out', form]).code).toBe(0);
    const text = readFileSync(form, 'utf8');
    expect(text.startsWith('\uFEFFunit;name;criterion;title;allowed;value;note;evidence;rubric\r\n')).toBe(true);
    expect(text).toContain('\r\npkm;UPTD Puskesmas Gambir Baru;u1;Persyaratan;1..4 | tidak sesuai (1) | kurang sesuai (2) | sesuai (3) | sangat sesuai (4) | na;;;;skm-permenpanrb-14-2017\r\n');
    writeFileSync(form, text.replace(/;;;;skm/g, ';4;;;skm'));
    const scored = monev(['score', form, '--format', 'csv', '--excel', '--lang', 'id']);
    expect(scored).toMatchObject({ code: 0, stderr: '' });
    // Written for people: the table's words, the zone's label and the group's title.
    expect(scored.stdout).toBe('\uFEFFUnit;Nama;Nilai;Zona;Dibatasi oleh;Kekurangan;Unsur Pelayanan\r\npkm;UPTD Puskesmas Gambir Baru;100,00;A - Sangat Baik;;0;100,00\r\n');
    expect(monev(['score', form, '--format', 'csv', '--excel']).stdout).toBe('\uFEFFUnit,Name,Score,Zone,Capped by,Gaps,Unsur Pelayanan\r\npkm,UPTD Puskesmas Gambir Baru,100.00,A - Sangat Baik,,0,100.00\r\n');
    // Without --excel the CSV is for programs, in any language: ids and codes.
    expect(monev(['score', form, '--format', 'csv', '--lang', 'id']).stdout).toBe('unit,name,score,zone,capped_by,gaps,unsur\npkm,UPTD Puskesmas Gambir Baru,100.00,a,,0,100.00\n');
    expect(monev(['template', '--rubric', 'skm-permenpanrb-14-2017', '--excel'])).toMatchObject({ code: 2, stderr: 'error: --excel: `yaml` is not valid; expected --format csv [usage/invalid-option]\n' });
    expect(monev(['score', form, '--format', 'json', '--excel']).code).toBe(2);
    // Rows added to it under Linux (`echo … >> ikm.csv`) end with a bare LF: each is still a row.
    writeFileSync(form, `${readFileSync(form, 'utf8')}pkm-2;Puskesmas Dua;u1;;;2;;;skm-permenpanrb-14-2017\npkm-3;Puskesmas Tiga;u1;;;3;;;skm-permenpanrb-14-2017\n`);
    const added = monev(['score', form, '--format', 'csv', '--quiet']);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout.split('\n').map((l) => l.split(',')[0])).toEqual(['unit', 'pkm', 'pkm-2', 'pkm-3', '']);
  });

  it('csv-gaps --excel --lang id: the follow-up list in Indonesian; a survey\'s answer column is its mean answer (U3: 100 / 29 = 3.45)', () => {
    const run = monev(['score', 'examples/skm/contoh-permenpanrb-14-2017.csv', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'csv-gaps', '--excel', '--lang', 'id']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [header, first] = run.stdout.split('\r\n');
    expect(header).toBe('\uFEFFUnit;Nama;Jenis;Wilayah;Urutan;Kriteria;Judul;Kelompok;Status;Rata-rata jawaban;Hilang;Untuk zona berikutnya;Catatan;Bukti;Petunjuk');
    // Each unsur is worth 100 / 9 points, scored as its mean answer over 4: 11.11 x (1 - 3.4483 / 4) = 1.53 lost.
    expect(first).toBe('contoh-permenpanrb-14-2017;;;;1;u3;Waktu penyelesaian;Unsur Pelayanan;sebagian;3,45;1,53;;;;"Tanyakan kecepatan waktu pelayanan; 1 tidak cepat, 2 kurang cepat, 3 cepat, 4 sangat cepat."');
  });

  it('yaml --units: one document per unit', () => {
    const dir = tmp();
    const units = join(dir, 'units.csv');
    writeFileSync(units, 'id,name\na,Unit A\nb,Unit B\n');
    const out = monev(['template', '--rubric', 'skm-permenpanrb-14-2017', '--units', units]).stdout;
    const docs = out.split('\n---\n').map((d) => parseYaml(d));
    expect(docs.map((d) => d.unit)).toEqual([{ id: 'a', name: 'Unit A' }, { id: 'b', name: 'Unit B' }]);
  });

  it('--units with --out naming a folder: a form per unit, each in its own file, never written over', () => {
    const dir = tmp();
    const units = join(dir, 'units.csv');
    writeFileSync(units, 'unit,name\ndinkes,Dinas Kesehatan\npkm/karang rejo,UPTD Puskesmas Karang Rejo\n');
    const forms = join(dir, 'formulir') + '/';
    expect(monev(['template', '--rubric', 'skm-permenpanrb-14-2017', '--units', units, '--out', forms])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    // A unit id a file system would refuse in a name is made safe; the form still carries the id.
    expect(readdirSync(forms).sort()).toEqual(['dinkes.yaml', 'pkm-karang-rejo.yaml']);
    const form = readFileSync(join(forms, 'pkm-karang-rejo.yaml'), 'utf8');
    expect(parseYaml(form).unit).toEqual({ id: 'pkm/karang rejo', name: 'UPTD Puskesmas Karang Rejo' });
    // Filled in, it scores with the rubric it names.
    writeFileSync(join(forms, 'dinkes.yaml'), readFileSync(join(forms, 'dinkes.yaml'), 'utf8').replace(/^  (u\d):$/gm, '  $1: 4'));
    const scored = monev(['score', join(forms, 'dinkes.yaml'), '--format', 'csv']);
    expect(scored.stdout.split('\n')[1]).toMatch(/^dinkes,Dinas Kesehatan,100.00,a,/);
    // Run again over forms teams may have filled in: nothing is written, and the forms are named.
    const filled = readFileSync(join(forms, 'dinkes.yaml'), 'utf8');
    const again = monev(['template', '--rubric', 'skm-permenpanrb-14-2017', '--units', units, '--out', forms]);
    expect(again).toMatchObject({ code: 2, stdout: '' });
    expect(again.stderr).toBe(`${forms}: error: 2 forms are already there (perhaps filled in): \`dinkes.yaml\`, \`pkm-karang-rejo.yaml\`; none is written over: move them away or choose another folder [output/forms-exist]\n`);
    expect(readFileSync(join(forms, 'dinkes.yaml'), 'utf8')).toBe(filled);
    // A folder without --units, or for the wide form (one file for every unit), is a usage error.
    const folder = join(dir, 'kosong') + '/';
    expect(monev(['template', '--rubric', 'skm-permenpanrb-14-2017', '--out', folder])).toMatchObject({
      code: 2,
      stderr: `error: --out \`${folder}\` names a folder: a form per unit needs --units; name a file (forms/dinkes.yaml) [usage/out-folder]\n`,
    });
    expect(monev(['template', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'csv', '--wide', '--units', units, '--out', folder]).code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['formulir', 'units.csv']);
  });

  it('--units from an office list: Indonesian headers, ids made from names, unused columns named', () => {
    const dir = tmp();
    const units = join(dir, 'daftar-opd.csv');
    writeFileSync(units, 'No;Nama OPD;Jenis;Kecamatan\n1;Dinas Kesehatan;dinas;Kisaran\n2;UPTD Puskesmas Gambir Baru;puskesmas;Kisaran Timur\n');
    const run = monev(['template', '--rubric', 'skm-permenpanrb-14-2017', '--units', units]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`${units}:1: warning: columns not used for the forms: \`No\`, \`Kecamatan\` (a form takes the unit's id, name, type and region) [units/unused-columns]\n`);
    const docs = run.stdout.split('\n---\n').map((d) => parseYaml(d));
    expect(docs.map((d) => d.unit)).toEqual([
      { id: 'dinas-kesehatan', name: 'Dinas Kesehatan', type: 'dinas' },
      { id: 'uptd-puskesmas-gambir-baru', name: 'UPTD Puskesmas Gambir Baru', type: 'puskesmas' },
    ]);
    // A unit listed twice would be a unit assessed twice: refused here, with both lines.
    writeFileSync(units, 'kode,nama\ndinkes,Dinas Kesehatan\ndinkes,Dinas Kesehatan Kab.\n');
    expect(monev(['template', '--rubric', 'skm-permenpanrb-14-2017', '--units', units])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `${units}:3: error: unit \`dinkes\` is listed twice (first at ${units}:2) [units/duplicate]\n`,
    });
  });
});

describe('monev diff', () => {
  const r1 = 'examples/langkat-2023/r1';
  const r2 = 'examples/langkat-2023/r2';

  it('compares two folders scored with --rubric: scores, zone moves, gaps closed and opened', () => {
    const run = monev(['diff', r1, r2, '--rubric', 'ombudsman-ppp-2023', '--format', 'json', '-q']);
    expect(run.code).toBe(0);
    const diff = JSON.parse(run.stdout);
    const dinkes = diff.units.find((u: { unit: string }) => u.unit === 'dinkes');
    expect(dinkes).toMatchObject({ movement: 'down', before: { score: 62.86, zone: { id: 'c' } }, after: { score: 48.73, zone: { id: 'd' } }, change: -14.13, regression: ['zone', 'score', 'gaps'] });
    expect(dinkes.gapsOpened).toContain('persyaratan');
    expect(diff.summary).toMatchObject({ up: 4, down: 1, same: 1, added: 0, removed: 0 });
    expect(diff.regressions).toEqual(['dinkes']);
    // Each round's mean, as its own summary has it: 354.17 / 6 = 59.028… -> 59.03 (C), and
    // (48.73 + 68.06 + 98.63 + 95.01 + 43.06 + 81.32) = 434.81 / 6 = 72.468… -> 72.47 (C); +13.44.
    expect(diff.summary.mean).toEqual({
      before: 59.03,
      after: 72.47,
      change: 13.44,
      zoneBefore: { id: 'c', label: 'C - Kualitas Sedang', color: 'yellow' },
      zoneAfter: { id: 'c', label: 'C - Kualitas Sedang', color: 'yellow' },
    });
    expect(monev(['diff', r1, r2, '--rubric', 'ombudsman-ppp-2023', '--format', 'table', '-q']).stdout).toContain(
      '\n4 up, 1 down, 1 same zone; 0 new, 0 gone\nRound mean: 59.03 (C - Kualitas Sedang) → 72.47 (C - Kualitas Sedang), +13.44\n',
    );
  });

  it("compares each region's mean between two rounds of a province (hand-computed)", () => {
    const dir = tmp();
    const first = 'examples/provinsi-sumut-2023';
    // The second round: Batu Bara's Dinas Kesehatan put in place everything it lacked outright.
    const csv = readFileSync(join(first, 'monev-kabupaten.csv'), 'utf8').replace(/^batubara-dinkes,.*$/m, (row) => row.replace(/,tidak(?=,|$)/g, ',lengkap'));
    writeFileSync(join(dir, 'monev-kabupaten.csv'), csv);
    const json = JSON.parse(monev(['diff', first, dir, '--rubric', 'ombudsman-ppp-2023', '--format', 'json', '-q']).stdout);
    const dinkes = json.units.find((u: { unit: string }) => u.unit === 'batubara-dinkes');
    expect([dinkes.before.score, dinkes.after.score]).toEqual([61.09, 75.38]);
    // Batu Bara: (61.09 + 48.89 + 49.37) / 3 = 53.116… -> 53.12 (D), then (75.38 + 48.89 + 49.37) / 3
    // = 57.88 (C, from 54): +4.76. The other two Kabupaten did not change.
    expect(json.summary.byRegion.map((r: { name: string; before: number; after: number; change: number; zoneBefore: { id: string }; zoneAfter: { id: string } }) => [r.name, r.before, r.zoneBefore.id, r.after, r.zoneAfter.id, r.change])).toEqual([
      ['Kabupaten Deli Serdang', 85.92, 'b', 85.92, 'b', 0],
      ['Kabupaten Asahan', 74.54, 'c', 74.54, 'c', 0],
      ['Kabupaten Batu Bara', 53.12, 'd', 57.88, 'c', 4.76],
    ]);
    expect(json.summary.byType).toEqual([]);
    expect(monev(['diff', first, dir, '--rubric', 'ombudsman-ppp-2023', '--format', 'table', '-q']).stdout).toContain(
      '\nBy region: Kabupaten Deli Serdang 85.92 (B) → 85.92 (B), 0.00 · Kabupaten Asahan 74.54 (C) → 74.54 (C), 0.00 · Kabupaten Batu Bara 53.12 (D) → 57.88 (C), +4.76\n',
    );
    // The report against the previous round says it too, in the round's language.
    expect(monev(['report', dir, '--previous', first, '--format', 'markdown', '--lang', 'id', '-q']).stdout).toContain(
      'Menurut wilayah: Kabupaten Deli Serdang 85,92 (B) → 85,92 (B), 0,00; Kabupaten Asahan 74,54 (C) → 74,54 (C), 0,00; Kabupaten Batu Bara 53,12 (D) → 57,88 (C), +4,76.\n',
    );
  });

  it.skipIf(!SCRIPT)('table on a terminal: fitted to its width, the gap lists wrapped in the room left', () => {
    const args = ['diff', r1, r2, '--rubric', 'ombudsman-ppp-2023', '-q'];
    const piped = tableLines(monev([...args, '--format', 'table']).stdout);
    expect(piped.some((line) => line.length > 200)).toBe(true);
    expect(piped.join('\n')).toContain('│ Dinas Kesehatan (dinkes) ');
    for (const cols of [160, 120]) {
      const lines = tableLines(monevOnTerminal(args, cols).stdout);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(cols);
      const text = lines.join('\n');
      // Every gap id is still there, whole: lists wrap at ", ", never inside an id.
      for (const id of ['penundaan-berlarut', 'penyimpangan-prosedur', 'sarana-toilet', 'penyalahgunaan-wewenang']) expect(text).toContain(id);
    }
    const narrow = tableLines(monevOnTerminal(args, 120).stdout).join('\n');
    expect(narrow).toContain('│ dinkes ');
    expect(narrow).toContain('▼ C → D');
  });

  it('warns of a unit whose id changed between the rounds (the same name in one round only each)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'dinkes.csv'), readFileSync(join(r2, 'dinkes.csv'), 'utf8').replace(/^dinkes;/gm, 'dinas-kesehatan;'));
    const run = monev(['diff', r1, join(dir, 'dinkes.csv'), '--rubric', 'ombudsman-ppp-2023', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'warning: `dinkes` (first round only) and `dinas-kesehatan` (second round only) are both named Dinas Kesehatan: if they are one unit, give it one id in both rounds to compare it [diff/renamed-unit]\n',
    );
    expect(JSON.parse(run.stdout).summary).toMatchObject({ added: 1, removed: 6 });
    // Ids that differ only in letter case, without names, in Indonesian.
    writeFileSync(join(dir, 'a.csv'), 'unit,persyaratan\nDinkes,ya\n');
    writeFileSync(join(dir, 'b.csv'), 'unit,persyaratan\ndinkes,ya\n');
    const cased = monev(['diff', join(dir, 'a.csv'), join(dir, 'b.csv'), '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'json', '--lang', 'id']);
    expect(cased.stderr).toContain(
      'peringatan: `Dinkes` (hanya di putaran pertama) dan `dinkes` (hanya di putaran kedua) hanya berbeda huruf besar/kecil: bila keduanya satu unit, beri id yang sama di kedua putaran agar dapat dibandingkan [diff/renamed-unit]\n',
    );
  });

  it('compares two score JSON files, lists units present in one round only, and exits 1 on regressions', () => {
    const dir = tmp();
    const before = join(dir, 'r1.json');
    const after = join(dir, 'r2.json');
    writeFileSync(before, monev(['score', r1, '--rubric', 'ombudsman-ppp-2023', '--format', 'json', '-q']).stdout);
    const second = JSON.parse(monev(['score', r2, '--rubric', 'ombudsman-ppp-2023', '--format', 'json', '-q']).stdout);
    second.units = second.units.filter((u: { unit: { id: string } }) => u.unit.id !== 'dinsos');
    writeFileSync(after, JSON.stringify(second));
    const run = monev(['diff', before, after, '--format', 'markdown', '--fail-on-regression']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('| Dinas Sosial (dinsos) | 39.33 | - | - | − only in the first round |');
    // Each round's mean is of the units it has: without Dinas Sosial, 366.75 / 5 = 73.35 (C).
    expect(run.stdout).toContain('\nRound mean: 59.03 (C - Kualitas Sedang) → 73.35 (C - Kualitas Sedang), +14.32.\n');
    expect(run.stdout).toContain('▼ C - Kualitas Sedang → D - Kualitas Rendah');
    expect(run.stderr).toBe('error: 1 unit regressed (lower zone, lost points or new gaps): `dinkes` [diff/regression]\n');
  });

  it('reads `score --format jsonl` files as it reads json ones, line by line, and says which line is wrong', () => {
    const dir = tmp();
    const files = Object.fromEntries(
      (['json', 'jsonl'] as const).flatMap((format) =>
        [r1, r2].map((round, i) => {
          const file = join(dir, `r${i + 1}.${format}`);
          expect(monev(['score', round, '--rubric', 'ombudsman-ppp-2023', '--format', format, '-q', '--out', file]).code).toBe(0);
          return [`r${i + 1}.${format}`, file];
        }),
      ),
    );
    const fromJson = monev(['diff', files['r1.json']!, files['r2.json']!, '--format', 'json']);
    expect(fromJson.code).toBe(0);
    expect(monev(['diff', files['r1.jsonl']!, files['r2.jsonl']!, '--format', 'json'])).toEqual(fromJson);
    expect(monev(['diff', files['r1.jsonl']!, files['r2.json']!, '--format', 'json'])).toEqual(fromJson);
    // Saved again by an editor that writes a BOM, either file still reads.
    for (const name of ['r1.jsonl', 'r2.json']) writeFileSync(files[name]!, `\uFEFF${readFileSync(files[name]!, 'utf8')}`);
    expect(monev(['diff', files['r1.jsonl']!, files['r2.json']!, '--format', 'json'])).toEqual(fromJson);

    const lines = readFileSync(files['r1.jsonl']!, 'utf8').split('\n');
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, [lines[0], '{"unit":{"id":"x"},"score":"tinggi"}', ...lines.slice(1)].join('\n'));
    const run = monev(['diff', broken, files['r2.json']!]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${broken}:2: error: missing required key \`zone\``);
    expect(run.stderr).toContain(`${broken}:2: error: expected number, got string \`tinggi\` (at score) [result/wrong-type]`);
    writeFileSync(broken, lines.slice(0, 3).join('\n'));
    expect(monev(['diff', broken, files['r2.json']!]).stderr).toBe(`${broken}:3: error: not a monev JSON result: the last line is not the summary line of \`monev score --format jsonl\` [diff/not-a-result]\n`);
    // A result whose rubric has no zones cannot be graded (each round's mean is read on them).
    const zoneless = join(dir, 'zoneless.json');
    const result = JSON.parse(readFileSync(files['r2.json']!, 'utf8').replace(/^\uFEFF/, ''));
    result.rubric.zones = [];
    writeFileSync(zoneless, JSON.stringify(result));
    expect(monev(['diff', zoneless, files['r2.json']!])).toMatchObject({ code: 2, stderr: `${zoneless}: error: must have at least 1 item (at rubric.zones) [result/too-small]\n` });
  });

  it('reads a json result as monev writes it line by line, with the same figures, and says which line is wrong', () => {
    const dir = tmp();
    const [before, after] = [r1, r2].map((round, i) => {
      const file = join(dir, `r${i + 1}.json`);
      expect(monev(['score', round, '--rubric', 'ombudsman-ppp-2023', '--format', 'json', '-q', '--out', file]).code).toBe(0);
      return file;
    });
    const lines = readFileSync(before!, 'utf8').split('\n');
    // monev's layout: the head and `"units":[` on the first line, a unit a line, the summary last.
    expect(lines[0]!.endsWith(',"units":[')).toBe(true);
    expect(lines.at(-2)!.startsWith('],"summary":')).toBe(true);
    const asWritten = monev(['diff', before!, after!, '--format', 'json']);
    expect(asWritten.code).toBe(0);
    // Saved again with CRLF line ends (an editor on Windows) and a blank line, it reads the same.
    const crlf = join(dir, 'crlf.json');
    writeFileSync(crlf, readFileSync(before!, 'utf8').replace('\n', '\n\n').replace(/\n/g, '\r\n'));
    expect(monev(['diff', crlf, after!, '--format', 'json'])).toEqual(asWritten);
    // The same round re-indented (`jq .` would) is read whole, to the same comparison.
    const indented = join(dir, 'indented.json');
    writeFileSync(indented, JSON.stringify(JSON.parse(readFileSync(before!, 'utf8')), null, 2));
    expect(monev(['diff', indented, after!, '--format', 'json'])).toEqual(asWritten);

    const broken = join(dir, 'broken.json');
    // A unit line edited by hand: its line is named.
    writeFileSync(broken, [lines[0], '{"unit":{"id":"x"},"score":"tinggi"},', ...lines.slice(1)].join('\n'));
    const run = monev(['diff', broken, after!]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${broken}:2: error: expected number, got string \`tinggi\` (at score) [result/wrong-type]`);
    // A unit line taken out whole still leaves JSON, and a round with one unit less; the commas
    // between units are checked as JSON has them.
    const units = lines.slice(1, -2);
    writeFileSync(broken, [lines[0], ...units.slice(0, -1), ...lines.slice(-2)].join('\n'));
    expect(monev(['diff', broken, after!]).stderr).toBe(`${broken}:${units.length}: error: not a monev JSON result: a comma after the last unit [diff/not-a-result]\n`);
    writeFileSync(broken, [lines[0], units[0]!.replace(/,$/, ''), ...units.slice(1), ...lines.slice(-2)].join('\n'));
    expect(monev(['diff', broken, after!]).stderr).toBe(`${broken}:3: error: not a monev JSON result: no comma between this unit and the one on line 2 [diff/not-a-result]\n`);
    // Cut short: no summary closes the units.
    writeFileSync(broken, lines.slice(0, 3).join('\n'));
    expect(monev(['diff', broken, after!]).stderr).toBe(`${broken}:3: error: not a monev JSON result: the units are not closed by the summary of \`monev score --format json\` [diff/not-a-result]\n`);
    // The rubric's problems are on the first line, the summary's on the last.
    const head = JSON.parse(`${lines[0]!.slice(0, -',"units":['.length)}}`);
    head.rubric.zones = [];
    const zoneless = [`${JSON.stringify(head).slice(0, -1)},"units":[`, ...lines.slice(1)];
    zoneless[zoneless.length - 2] = zoneless.at(-2)!.replace(/"units":\d+/, '"units":"semua"');
    writeFileSync(broken, zoneless.join('\n'));
    expect(monev(['diff', broken, after!]).stderr).toBe(
      `${broken}:1: error: must have at least 1 item (at rubric.zones) [result/too-small]\n${broken}:${lines.length - 1}: error: expected number, got string \`semua\` (at summary.units) [result/wrong-type]\n2 errors\n`,
    );
  });

  it('--tolerance lets small losses pass; an opened gap still counts', () => {
    const dir = tmp();
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, 'unit,u1,u2,u3,u4,u5,u6,u7,u8,u9\nx,4,4,4,4,4,4,4,4,4\ny,4,4,4,4,4,4,4,4,4\n');
    writeFileSync(b, 'unit,u1,u2,u3,u4,u5,u6,u7,u8,u9\nx,4,4,4,4,4,4,4,4,3\ny,4,4,4,4,4,4,4,4,4\n');
    const args = ['diff', a, b, '--rubric', 'skm-permenpanrb-14-2017', '--format', 'json', '--fail-on-regression'];
    // x: u9 from 4 to 3 = 25 x 1/9 = 2.78 points lost, and a new gap.
    expect(JSON.parse(monev([...args, '--tolerance', '5']).stdout).units[0]).toMatchObject({ change: -2.78, regression: ['gaps'] });
    expect(monev([...args, '--tolerance', '5']).code).toBe(1);
  });

  it('refuses rounds scored with different rubrics unless --allow-rubric-change, and says why', () => {
    const dir = tmp();
    const rubric = join(dir, 'rubric.yaml');
    writeFileSync(rubric, readFileSync('rubrics/ombudsman-ppp-2023.yaml', 'utf8').replace('version: "2023.1"', 'version: "2023.2"'));
    const before = join(dir, 'r1.json');
    writeFileSync(before, monev(['score', r1, '--rubric', 'ombudsman-ppp-2023', '--format', 'json', '-q']).stdout);
    const refused = monev(['diff', before, r2, '--rubric', rubric, '-q']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/different rubrics \(version 2023\.1 -> 2023\.2; sha256 [0-9a-f]+ -> [0-9a-f]+\)/);
    expect(monev(['diff', before, r2, '--rubric', rubric, '-q', '--allow-rubric-change', '--format', 'json']).code).toBe(0);
  });
});

describe('monev report', () => {
  it('html: self-contained, no script, no external reference', () => {
    const html = monev(['report', 'examples/asahan-2023', '-q']).stdout;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|@import|url\(|src="http|href="http/i);
    expect(html).toContain('Tertahan di Zona Kuning oleh biaya-ditetapkan'.replace('Tertahan di', 'Held at').replace(' oleh ', ' by '));
    expect(html).toContain('12 July 2023');
    // The field team's note comes with the gap it explains.
    expect(html).toContain('<span class="remark">Keterangan &quot;tidak dipungut biaya&quot; belum masuk SK standar pelayanan</span>'.replace(/&quot;/g, "'"));
  });

  it.skipIf(!SCRIPT)('html on a terminal: asks for a file instead of printing the page', () => {
    const run = monevOnTerminal(['report', 'examples/pra-evaluasi', '-q'], 100);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('error: the HTML report is a file: pass --out laporan.html (or redirect: > laporan.html); --format markdown reads on a terminal [usage/html-to-terminal]\n');
    expect(monevOnTerminal(['report', 'examples/pra-evaluasi', '-q', '--format', 'markdown'], 100).code).toBe(0);
  });

  it('--out naming a folder: a page per unit for the unit itself, with its standing in the round', () => {
    const dir = join(tmp(), 'per-unit') + '/';
    const run = monev(['report', 'examples/langkat-2023/r1', '--rubric', 'ombudsman-ppp-2023', '--lang', 'id', '-q', '--out', dir]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(dir).sort()).toEqual(['dinkes.html', 'dinsos.html', 'disdukcapil.html', 'dpmptsp.html', 'pkm-karang-rejo.html', 'pkm-tanjungberingin.html']);
    const page = readFileSync(join(dir, 'dinkes.html'), 'utf8');
    // Only its own section; where it stands: 62.86 is third of the six (95.01, 80.09 above it).
    expect(page.match(/<section class="unit"/g)).toHaveLength(1);
    expect(page).toContain('<h2>Dinas Kesehatan (dinkes)</h2>');
    expect(page).toContain('Peringkat 3 dari 6 unit di putaran ini; rata-rata putaran 59,03 (C - Kualitas Sedang), median 61,16.');
    expect(page).toContain('<body class="one-unit">');
    // Each group beside the round's mean of it (Dimensi Pengaduan: 30.00 against 40.00).
    expect(page).toMatch(/<td>Dimensi Pengaduan<\/td><td class="num">30,00<\/td><td class="barcell">.*?<\/td><td class="num">40,00<\/td>/);
    expect(page).not.toMatch(/<script|src="http|href="http/);
    // Markdown, the same way; a second run rewrites the pages (a report is not filled in by anyone).
    expect(monev(['report', 'examples/langkat-2023/r1', '--rubric', 'ombudsman-ppp-2023', '-q', '--format', 'markdown', '--out', dir]).code).toBe(0);
    const markdown = readFileSync(join(dir, 'pkm-karang-rejo.md'), 'utf8');
    expect(markdown).toContain('Rank 6 of 6 units in this round');
    expect(markdown.match(/^## /gm)).toHaveLength(1);
    expect(monev(['report', 'examples/langkat-2023/r1', '--rubric', 'ombudsman-ppp-2023', '-q', '--out', dir]).code).toBe(0);
  });

  it('--out naming a folder: ids whose pages would differ only in letter case are refused, nothing written', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), 'unit,persyaratan\ndinkes,ya\nDinkes,tidak\n');
    const out = join(dir, 'laporan');
    const run = monev(['report', join(dir, 'a.csv'), '--rubric', 'examples/rubric-pra-evaluasi.yaml', '-q', '--out', `${out}/`]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(`${join(out, 'Dinkes.html')}: error: the file for \`Dinkes\` would have the same name as the one for \`dinkes\` on Windows and macOS, which do not tell letter case apart in file names [output/name-taken]\n`);
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('markdown: the same content with tables, in Indonesian with --lang id', () => {
    const md = monev(['report', 'examples/langkat-2023/r1', '--rubric', 'ombudsman-ppp-2023', '--format', 'markdown', '--lang', 'id', '-q']).stdout;
    expect(md).toContain('**Putaran:** 18 Juli 2023 – 20 Juli 2023');
    expect(md).toContain('| Dinas Kesehatan (dinkes) | 🟡 68,75 | 🟡 63,64 | 🟢 85,71 | 🔴 30,00 |');
    expect(md).toMatch(/Tutup 5 kekurangan ini untuk mencapai B - Kualitas Tinggi \(nilai 78,73\):/);
    expect(md).toContain('| Petunjuk |');
    // The HTML summary's cards are labelled in the report's language too.
    const html = monev(['report', 'examples/langkat-2023/r1', '--rubric', 'ombudsman-ppp-2023', '--lang', 'id', '-q']).stdout;
    // The mean's card carries the round's grade, bordered in its zone's colour (C is yellow).
    expect(html).toContain('<div class="card" style="border-color:#f2b705"><span class="big">59,03</span><span>Rata-rata: C - Kualitas Sedang</span></div><div class="card"><span class="big">61,16</span><span>Median</span>');
    expect(md).toContain('6 unit; rata-rata 59,03 (C - Kualitas Sedang), median 61,16.');
    // Each unit type's mean with its grade: dinas (62.86 + 39.33 + 95.01 + 80.09) / 4 = 69.3225 -> 69.32, C.
    expect(md).toContain('| dinas | 4 | 69,32 (C) | 1 | 1 | 1 | 1 | 0 |');
  });

  it("names the fewest gaps, unit by unit, that lift the round's mean into the next zone (hand-computed)", () => {
    const md = monev(['report', 'examples/langkat-2023/r2', '--rubric', 'ombudsman-ppp-2023', '--format', 'markdown', '-q']).stdout;
    // Scores 48.73 + 68.06 + 98.63 + 95.01 + 43.06 + 81.32 = 434.81, mean 72.47 (C); B from 78
    // needs a sum of 467.97 (77.995 x 6). A complaint item left undone loses 21.54 / 5 = 4.308: seven
    // such gaps (Karang Rejo 3, Dinas Kesehatan 3, Dinas Sosial 1, the lowest unit's first) add
    // 30.156, a mean of 77.49; two of Karang Rejo's process items (32.37 / 11 = 2.943 each) then
    // bring it to 434.81 + 18.81 + 12.93 + 4.31 = 470.86, a mean of 78.48.
    expect(md).toContain(
      "### Lifting the round to B - Kualitas Tinggi\n\nThe round's mean, 72.47 (C - Kualitas Sedang), reaches B - Kualitas Tinggi (from 78.00) when 9 gaps in 3 units close, the largest losses first: the mean is then 78.48.\n",
    );
    expect(md).toContain('| UPTD Puskesmas Karang Rejo (`pkm-karang-rejo`) | 43.06 | 61.87 | `laporan-pengaduan`, `petugas-pengaduan`, `sop-pengaduan`, `maklumat`, `pelayanan-khusus` |');
    expect(md).toContain('| Dinas Sosial (`dinsos`) | 68.06 | 72.37 | `laporan-pengaduan` |');
    // A survey has none (its gaps are answers to change), nor has a round in its top zone.
    expect(monev(['report', 'examples/skm', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'markdown', '-q']).stdout).not.toContain('Lifting the round');
  });

  it("a round over several regions: each region's mean graded and ranked, as a province compares its governments (hand-computed)", () => {
    const dir = tmp();
    for (const file of readdirSync('examples/langkat-2023/r1')) {
      const text = readFileSync(join('examples/langkat-2023/r1', file), 'utf8');
      // Two of the six units moved to another Kabupaten for the test.
      writeFileSync(join(dir, file), ['disdukcapil.yaml', 'dpmptsp.yaml'].includes(file) ? text.replace('region: Kabupaten Langkat', 'region: Kabupaten Deli Serdang') : text);
    }
    const md = monev(['report', dir, '--rubric', 'ombudsman-ppp-2023', '--format', 'markdown', '-q']).stdout;
    // Deli Serdang: (95.01 + 80.09) / 2 = 87.55, B (78 <= 87.55 < 88); Langkat: (62.86 + 39.33 +
    // 17.43 + 59.45) / 4 = 44.7675 -> 44.77, D (32 <= 44.77 < 54). Highest mean first.
    expect(md).toContain(
      [
        '### By region',
        '',
        '| Region | Units | Mean | A | B | C | D | E |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        '| Kabupaten Deli Serdang | 2 | 87.55 (B) | 1 | 1 | 0 | 0 | 0 |',
        '| Kabupaten Langkat | 4 | 44.77 (D) | 0 | 0 | 2 | 1 | 1 |',
      ].join('\n'),
    );
    // One region (the example as it is) has no such table.
    expect(monev(['report', 'examples/langkat-2023/r1', '--rubric', 'ombudsman-ppp-2023', '--format', 'markdown', '-q']).stdout).not.toContain('By region');
    const html = monev(['report', dir, '--rubric', 'ombudsman-ppp-2023', '--lang', 'id', '-q']).stdout;
    expect(html).toContain('<h3>Menurut wilayah</h3><div class="scroll"><table class="types region"><thead><tr><th>Wilayah</th>');
    expect(html).toContain('<tr><td>Kabupaten Deli Serdang</td><td class="num">2</td><td class="num">87,55 (B)</td>');
  });

  it('the example province round: three Kabupaten ranked by their means (hand-computed)', () => {
    const md = monev(['report', 'examples/provinsi-sumut-2023', '--format', 'markdown', '--lang', 'id', '-q']).stdout;
    // Deli Serdang (83.61 + 87.29 + 86.87) / 3 = 85.923… -> 85.92, B; Asahan (74.37 + 73.31 +
    // 75.94) / 3 = 74.54, C; Batu Bara (61.09 + 48.89 + 49.37) / 3 = 53.116… -> 53.12, D (below 54).
    expect(md).toContain('| Kabupaten Deli Serdang | 3 | 85,92 (B) | 0 | 3 | 0 | 0 | 0 |\n| Kabupaten Asahan | 3 | 74,54 (C) | 0 | 0 | 3 | 0 | 0 |\n| Kabupaten Batu Bara | 3 | 53,12 (D) | 0 | 0 | 1 | 2 | 0 |');
    expect(md).toContain('9 unit; rata-rata 71,19 (C - Kualitas Sedang), median 74,37.');
    // The terminal table closes with the same ranking, a line of its own.
    const table = monev(['score', 'examples/provinsi-sumut-2023', '--format', 'table', '--gaps', '0', '-q']).stdout;
    expect(table.endsWith('· mean 71.19 (C - Kualitas Sedang) · median 74.37\nBy region: Kabupaten Deli Serdang 85.92 (B) · Kabupaten Asahan 74.54 (C) · Kabupaten Batu Bara 53.12 (D)\n')).toBe(true);
  });

  it('--date sets the round\'s date, and must be a day of the calendar', () => {
    expect(monev(['report', 'examples/asahan-2023', '-q', '--format', 'markdown', '--date', '2024-02-29']).stdout).toContain('29 February 2024');
    for (const bad of ['2024-13-01', '2023-02-29', '12-07-2023']) {
      expect(monev(['report', 'examples/asahan-2023', '-q', '--date', bad])).toMatchObject({ code: 2, stdout: '', stderr: `error: --date: \`${bad}\` is not valid; expected a date YYYY-MM-DD [usage/invalid-option]\n` });
    }
  });
});

describe('--units: the round checked against the office list of its units', () => {
  const LIST = 'examples/langkat-2023/daftar-unit.csv';

  it('a list kept in the round\'s folder: left out with --units; without it, one error saying what it most likely is', () => {
    const dir = tmp();
    for (const file of readdirSync('examples/langkat-2023/r1')) writeFileSync(join(dir, file), readFileSync(join('examples/langkat-2023/r1', file)));
    writeFileSync(join(dir, 'daftar-unit.csv'), readFileSync(LIST));
    const listed = monev(['score', dir, '--units', join(dir, 'daftar-unit.csv'), '--rubric', 'ombudsman-ppp-2023', '--format', 'csv', '-q']);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toBe(monev(['score', 'examples/langkat-2023/r1', '--units', LIST, '--rubric', 'ombudsman-ppp-2023', '--format', 'csv', '-q']).stdout);
    const unlisted = monev(['score', dir, '--rubric', 'ombudsman-ppp-2023', '--format', 'csv', '-q']);
    expect(unlisted).toMatchObject({ code: 2, stdout: '' });
    const list = join(dir, 'daftar-unit.csv');
    // Each column with what it most likely is, then why no row is scored; no row is a unit assessed twice.
    expect(unlisted.stderr.split('\n').map((l) => l.split(': error: ')[0])).toEqual([`${list}:1:1`, `${list}:1:2`, `${list}:1:3`, `${list}:1:4`, `${list}:1:5`, `${list}:1`, '6 errors', '']);
    expect(unlisted.stderr).toContain(
      `${list}:1: error: no column names a criterion of rubric \`ombudsman-ppp-2023\` (\`No\`, \`Kode\`, \`Nama Unit\`, \`Jenis\`, \`Wilayah\`): its rows are not scored; if this is the list of units, pass it with --units [input/no-criterion-columns]\n`,
    );
  });

  it('score: names the listed units not assessed (in the summary and a warning), warns of a unit not listed, and fills in names', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'dinsos.yaml'), 'rubric: ombudsman-ppp-2023\nunit: Dinas Sosial\nanswers:\n  persyaratan: lengkap\n');
    writeFileSync(join(dir, 'dinkes.yaml'), 'rubric: ombudsman-ppp-2023\nunit: dinkess\nanswers:\n  persyaratan: lengkap\n');
    const run = monev(['score', dir, '--units', LIST, '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    // The sheet named Dinas Sosial by its name: it is `dinsos`, with the list's type and region.
    expect(report.units.map((u: { unit: unknown }) => u.unit)).toEqual([
      { id: 'dinkess' },
      { id: 'dinsos', name: 'Dinas Sosial', type: 'dinas', region: 'Kabupaten Langkat' },
    ]);
    expect(report.summary.notAssessed.map((u: { unit: string }) => u.unit)).toEqual(['dinkes', 'disdukcapil', 'dpmptsp', 'disdik', 'pkm-karang-rejo', 'pkm-tanjungberingin', 'pkm-stabat']);
    expect(report.summary.notAssessed[0]).toEqual({ unit: 'dinkes', name: 'Dinas Kesehatan' });
    const warnings = run.stderr.split('\n').filter((l) => l.includes('[units/'));
    expect(warnings).toEqual([
      `${join(dir, 'dinkes.yaml')}:1: warning: unit \`dinkess\` is not on the units list (did you mean \`dinkes\`?); it is scored as it is [units/not-listed]`,
      `${LIST}: warning: 7 of the 8 listed units have no assessment in this round: \`dinkes\` (Dinas Kesehatan), \`disdukcapil\` (Dinas Kependudukan dan Pencatatan Sipil), \`dpmptsp\` (Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu), \`disdik\` (Dinas Pendidikan), \`pkm-karang-rejo\` (UPTD Puskesmas Karang Rejo), \`pkm-tanjungberingin\` (UPTD Puskesmas Tanjungberingin), \`pkm-stabat\` (UPTD Puskesmas Stabat) [units/not-assessed]`,
    ]);
  });

  it("score: a unit named as a drop-down lists it is that unit; one named close to a listed name is pointed at it", () => {
    const dir = tmp();
    writeFileSync(join(dir, 'formulir.csv'), 'unit,persyaratan\nPuskesmas Stabat,lengkap\nDinas Kesehatn,lengkap\n1. Dinas Sosial,lengkap\ndisdik - Dinas Pendidikan,lengkap\n');
    const run = monev(['score', dir, '--rubric', 'ombudsman-ppp-2023', '--units', LIST, '--format', 'csv', '--lang', 'id']);
    expect(run.stdout.split('\n').slice(1, 5).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['Puskesmas Stabat,', 'Dinas Kesehatn,', 'dinsos,Dinas Sosial', 'disdik,Dinas Pendidikan']);
    expect(run.stderr.split('\n').filter((l) => l.includes('[units/not-listed]')).map((l) => l.slice(l.indexOf('formulir.csv')))).toEqual([
      'formulir.csv:2: peringatan: unit `Puskesmas Stabat` tidak ada di daftar unit (maksudnya `pkm-stabat`, UPTD Puskesmas Stabat?); unit ini tetap dinilai [units/not-listed]',
      'formulir.csv:3: peringatan: unit `Dinas Kesehatn` tidak ada di daftar unit (maksudnya `dinkes`, Dinas Kesehatan?); unit ini tetap dinilai [units/not-listed]',
    ]);
  });

  it('score: a list that covers the round says nothing; the list is an input --out may not overwrite', () => {
    const covered = monev(['score', 'examples/langkat-2023/r1', '--units', LIST, '--format', 'csv', '-q']);
    expect(covered.code).toBe(0);
    const full = monev(['score', 'examples/langkat-2023/r1', '--units', LIST, '--format', 'json']);
    expect(full.stderr).toContain('2 of the 8 listed units have no assessment in this round: `disdik` (Dinas Pendidikan), `pkm-stabat` (UPTD Puskesmas Stabat)');
    expect(full.stderr).not.toContain('units/not-listed');
    expect(monev(['score', 'examples/langkat-2023/r1', '--units', LIST, '--out', LIST]).stderr).toContain('would overwrite an input');
  });

  it('report: the units not assessed are listed in the summary (HTML and Markdown), in Indonesian with --lang id', () => {
    const html = monev(['report', 'examples/langkat-2023/r1', '--units', LIST, '-q']).stdout;
    expect(html).toContain('<h3>Not assessed: 2 units on the units list</h3><ul class="missing"><li>Dinas Pendidikan <code>disdik</code></li><li>UPTD Puskesmas Stabat <code>pkm-stabat</code></li></ul>');
    const markdown = monev(['--lang', 'id', 'report', 'examples/langkat-2023/r1', '--units', LIST, '--format', 'markdown', '-q']).stdout;
    expect(markdown).toContain('### Belum dinilai: 2 unit dalam daftar unit\n\n- Dinas Pendidikan (`disdik`)\n- UPTD Puskesmas Stabat (`pkm-stabat`)\n');
    expect(monev(['report', 'examples/langkat-2023/r1', '-q']).stdout).not.toContain('Not assessed');
  });

  it('validate: the forms in and rightly named, before scoring; --units needs --rubric', () => {
    const run = monev(['validate', 'examples/langkat-2023/r1', '--rubric', 'ombudsman-ppp-2023', '--units', LIST]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 of the 8 listed units have no assessment in this round');
    const dir = tmp();
    writeFileSync(join(dir, 'kosong.csv'), 'kode,nama\n');
    const empty = monev(['score', 'examples/langkat-2023/r1', '--units', join(dir, 'kosong.csv')]);
    expect([empty.code, empty.stderr.trim()]).toEqual([2, `${join(dir, 'kosong.csv')}: error: the units list names no unit (a header row \`unit,name,…\` or \`kode,nama,…\`, then a row per unit) [units/empty]`]);
    const usage = monev(['validate', 'rubrics/', '--units', LIST]);
    expect([usage.code, usage.stderr.trim()]).toEqual([2, `error: --units: \`${LIST}\` is not valid; expected assessments to check, with --rubric [usage/invalid-option]`]);
  });
});

describe('report --previous: the round against the one before', () => {
  const R1 = 'examples/langkat-2023/r1';
  const R2 = 'examples/langkat-2023/r2';

  it('markdown: who moved and which way, each unit against its previous score, gaps closed since and gaps new', () => {
    const run = monev(['report', R2, '--rubric', 'ombudsman-ppp-2023', '--previous', R1, '--format', 'markdown', '-q']);
    expect(run.code).toBe(0);
    const md = run.stdout;
    expect(md).toContain('### Since the previous round\n\n4 up, 1 down, 1 same zone; 0 new, 0 gone.\n\nRound mean: 59.03 (C - Kualitas Sedang) → 72.47 (C - Kualitas Sedang), +13.44.\n');
    // Dinas Kesehatan: 62.86 -> 48.73 = -14.13, C -> D (the same figures `diff` gives).
    expect(md).toContain('| Dinas Kesehatan (`dinkes`) | 62.86 | 48.73 | -14.13 | ▼ C - Kualitas Sedang → D - Kualitas Rendah |');
    expect(md).toContain('Previous round: 62.86, C - Kualitas Sedang. Change: -14.13, down to D - Kualitas Rendah.');
    expect(md).toContain('Previous round: 95.01, A - Kualitas Tertinggi. Change: +3.62, still A - Kualitas Tertinggi.');
    expect(md).toContain('| 2.73 | Tempat parkir pengguna layanan (`sarana-parkir`) | unmet **new** | tidak |');
    expect(md).toContain('Closed since the previous round: Petugas memakai atribut (seragam, tanda pengenal/ID card) (`atribut-petugas`); Biaya/tarif');
    // Without --previous, none of it.
    expect(monev(['report', R2, '--rubric', 'ombudsman-ppp-2023', '--format', 'markdown', '-q']).stdout).not.toContain('Previous round');
  });

  it('html, from the previous round saved as score JSONL, in Indonesian; a page per unit carries its own line', () => {
    const dir = tmp();
    const saved = join(dir, 'r1.jsonl');
    expect(monev(['score', R1, '--rubric', 'ombudsman-ppp-2023', '--format', 'jsonl', '--out', saved, '-q']).code).toBe(0);
    const html = monev(['--lang', 'id', 'report', R2, '--rubric', 'ombudsman-ppp-2023', '--previous', saved, '-q']).stdout;
    expect(html).toContain('<h3>Sejak putaran sebelumnya</h3><p>4 naik, 1 turun, 1 tetap zonanya; 0 baru, 0 hilang.</p><p>Rata-rata putaran: 59,03 (C - Kualitas Sedang) → 72,47 (C - Kualitas Sedang), +13,44.</p>');
    expect(html).toContain('<tr><td>Dinas Sosial <code class="aside">dinsos</code></td><td class="num">39,33</td><td class="num">68,06</td><td class="num">+28,73</td><td class="up">▲ D → C</td></tr>');
    expect(html).toContain('<p class="change down">Putaran sebelumnya: 62,86, C - Kualitas Sedang. Perubahan: -14,13, turun ke D - Kualitas Rendah.</p>');
    // Of Dinas Kesehatan's gaps, parking is new since the first visit.
    expect(html).toContain('<code>sarana-parkir</code></td><td>tidak terpenuhi <span class="new">baru</span></td>');
    const pages = join(dir, 'laporan') + '/';
    expect(monev(['report', R2, '--rubric', 'ombudsman-ppp-2023', '--previous', saved, '--out', pages, '-q']).code).toBe(0);
    expect(readFileSync(join(pages, 'dinkes.html'), 'utf8')).toContain('<p class="change down">Previous round: 62.86, C - Kualitas Sedang. Change: -14.13, down to D - Kualitas Rendah.</p>');
  });

  it('refuses a previous round scored with another rubric unless --allow-rubric-change; --out may not overwrite it', () => {
    const dir = tmp();
    const saved = join(dir, 'r1.json');
    expect(monev(['score', R1, '--rubric', 'ombudsman-ppp-2023', '--format', 'json', '--out', saved, '-q']).code).toBe(0);
    const other = JSON.parse(readFileSync(saved, 'utf8'));
    other.rubric.version = '2022.1';
    writeFileSync(saved, JSON.stringify(other));
    const refused = monev(['report', R2, '--rubric', 'ombudsman-ppp-2023', '--previous', saved, '--format', 'markdown', '-q']);
    expect([refused.code, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr).toContain('the rounds were scored with different rubrics (version 2022.1 -> 2023.1); scores are not comparable. Pass --allow-rubric-change to compare anyway [diff/rubric-changed]');
    const allowed = monev(['report', R2, '--rubric', 'ombudsman-ppp-2023', '--previous', saved, '--format', 'markdown', '--allow-rubric-change']);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain('warning: the rounds were scored with different rubrics');
    expect(monev(['report', R2, '--rubric', 'ombudsman-ppp-2023', '--previous', saved, '--out', saved]).stderr).toContain('would overwrite an input');
  });
});

describe('a Google Forms checklist exported as it is', () => {
  // Questions as grids per dimension ("Dimensi Input [Ruang tunggu …]"), the unit from a drop-down
  // of names, the form's own columns around them: what a field team's online form gives back.
  function exportOf(unitHeader: string): string {
    const rubric = parseYaml(readFileSync('rubrics/ombudsman-ppp-2023.yaml', 'utf8')) as { groups: { title: string; criteria: { title: string; options?: { value: string }[] }[] }[] };
    const questions = rubric.groups.flatMap((g) => g.criteria.map((c) => ({ header: `${g.title} [${c.title}]`, options: c.options!.map((o) => o.value) })));
    const cell = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const row = (cells: string[]) => cells.map(cell).join(',');
    return [
      row(['Cap waktu', 'Alamat email', unitHeader, ...questions.map((q) => q.header), 'Catatan tim']),
      // Dinas Kesehatan: the first option everywhere (the best); Puskesmas Stabat: the last (the worst).
      row(['2023/07/19 10:00:00', 'tim1@langkat.go.id', 'Dinas Kesehatan', ...questions.map((q) => q.options[0]!), 'ok']),
      row(['2023/07/19 11:00:00', 'tim2@langkat.go.id', 'UPTD Puskesmas Stabat', ...questions.map((q) => q.options[q.options.length - 1]!), '']),
    ].join('\n');
  }

  it('scores once its unit column is headed `unit`: grid rows by criterion title, names mapped to the listed ids, the rest named and left unread', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'formulir.csv'), exportOf('unit'));
    const run = monev(['score', dir, '--rubric', 'ombudsman-ppp-2023', '--units', 'examples/langkat-2023/daftar-unit.csv', '--skip-other-columns', '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(1, 3)).toEqual(['dinkes,Dinas Kesehatan,100.00,a,,0,100.00,100.00,100.00,100.00', 'pkm-stabat,UPTD Puskesmas Stabat,0.00,e,,31,0.00,0.00,0.00,0.00']);
    expect(run.stderr).toContain('formulir.csv: warning: columns that name no criterion, not read (--skip-other-columns): `Cap waktu`, `Alamat email`, `Catatan tim` [csv/columns-skipped]');
  });

  it('as exported, says which column to head `unit`, and why every row was one unit', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'formulir.csv'), exportOf('Unit yang dinilai'));
    const run = monev(['score', dir, '--rubric', 'ombudsman-ppp-2023', '--skip-other-columns', '--format', 'csv']);
    expect(run.code).toBe(2);
    const errors = run.stderr.split('\n').filter((l) => l.includes('error:')).map((l) => l.slice(l.indexOf('formulir.csv')));
    expect(errors).toEqual([
      "formulir.csv:1:3: error: unknown criterion `Unit yang dinilai` (if it holds the unit's id, the column is named `unit`, or read as it is with --unit-column \"Unit yang dinilai\") [answer/unknown-criterion]",
      `formulir.csv:3: error: unit \`formulir\` is assessed twice (first at ${join(dir, 'formulir.csv')}:2); without a \`unit\` column every row is the unit the file is named after: head the column that says which unit a row is \`unit\`, or name it with --unit-column (its ids, or the units' names with --units) [unit/duplicate]`,
    ]);
  });

  it('with --unit-column naming its unit question, scores as exported, as if the column were headed `unit`', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'formulir.csv'), exportOf('Unit yang dinilai'));
    // A round of the export and a YAML assessment: the option names a CSV column, YAML is read as ever.
    writeFileSync(join(dir, 'pkm-karang-rejo.yaml'), 'unit: pkm-karang-rejo\nanswers:\n  persyaratan: lengkap\n');
    const common = ['--rubric', 'ombudsman-ppp-2023', '--units', 'examples/langkat-2023/daftar-unit.csv', '--skip-other-columns', '-q'];
    const run = monev(['score', dir, ...common, '--unit-column', 'unit YANG dinilai ', '--format', 'csv']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n').slice(1, 4).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'dinkes,Dinas Kesehatan,100.00,a',
      'pkm-stabat,UPTD Puskesmas Stabat,0.00,e',
      'pkm-karang-rejo,UPTD Puskesmas Karang Rejo,2.94,e',
    ]);
    const renamed = tmp();
    writeFileSync(join(renamed, 'formulir.csv'), exportOf('unit'));
    writeFileSync(join(renamed, 'pkm-karang-rejo.yaml'), readFileSync(join(dir, 'pkm-karang-rejo.yaml')));
    expect(monev(['score', renamed, ...common, '--format', 'csv']).stdout).toBe(run.stdout);
    // The report and validate take it too.
    expect(monev(['report', dir, ...common, '--unit-column', 'Unit yang dinilai', '--format', 'markdown']).code).toBe(0);
    expect(monev(['validate', dir, ...common.slice(0, -1), '--unit-column', 'Unit yang dinilai'])).toMatchObject({ code: 0 });
    // A problem of the round, under no file, is not counted as a file checked.
    const unfound = monev(['validate', dir, ...common.slice(0, -1), '--unit-column', 'Unit dinilai']);
    expect(unfound.code).toBe(1);
    expect(unfound.stdout).toContain('error: --unit-column: no CSV file of the round has a column headed `Unit dinilai` [input/unit-column-not-found]\n');
    // The round's two files and the units list, whose warning names it.
    expect(unfound.stdout).toMatch(/\n3 files checked: 3 errors, 4 warnings\n$/);
    const junit = monev(['validate', dir, ...common.slice(0, -1), '--unit-column', 'Unit dinilai', '--format', 'junit']).stdout;
    expect(junit).toContain('<testcase classname="monev.validate" name="(round)"><failure message="1 error">error: --unit-column: no CSV file');
    const json = JSON.parse(monev(['validate', dir, ...common.slice(0, -1), '--unit-column', 'Unit dinilai', '--format', 'json']).stdout) as { files: { file: string | null; problems: { code: string; file: string | null }[] }[] };
    expect(json.files.find((f) => f.file === null)?.problems).toEqual([expect.objectContaining({ code: 'input/unit-column-not-found', file: null })]);
    // The round before, exported the same way, is read the same way by diff and report --previous.
    const before = tmp();
    writeFileSync(join(before, 'formulir.csv'), exportOf('Unit yang dinilai'));
    const diff = monev(['diff', before, dir, ...common, '--unit-column', 'Unit yang dinilai', '--format', 'json']);
    expect(diff.code).toBe(0);
    expect((JSON.parse(diff.stdout) as { units: { unit: string; movement: string }[] }).units.map((u) => [u.unit, u.movement])).toEqual([
      ['dinkes', 'same'],
      ['pkm-stabat', 'same'],
      ['pkm-karang-rejo', 'added'],
    ]);
    const previous = monev(['report', dir, ...common, '--unit-column', 'Unit yang dinilai', '--previous', before, '--format', 'markdown']);
    expect(previous.code).toBe(0);
    expect(previous.stdout).toContain('2 same zone; 1 new, 0 gone');
    // Two score results have no assessments to read that way: the option is refused, not ignored.
    const result = join(tmp(), 'r1.json');
    expect(monev(['score', before, ...common, '--unit-column', 'Unit yang dinilai', '--format', 'json', '--out', result]).code).toBe(0);
    expect(monev(['diff', result, result, '--skip-other-columns'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--skip-other-columns') });
    expect(monev(['diff', result, dir, ...common, '--unit-column', 'Unit yang dinilai', '--format', 'json']).stdout).toBe(diff.stdout);

    // A header no CSV file has is an error, not a round of units named after their files.
    const misspelt = monev(['score', dir, ...common, '--unit-column', 'Unit dinilai', '--format', 'csv']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain('error: --unit-column: no CSV file of the round has a column headed `Unit dinilai` [input/unit-column-not-found]');
    // A header close to one the round's files have gets a "did you mean".
    expect(monev(['score', dir, ...common, '--unit-column', 'Unit yg dinilai', '--lang', 'id']).stderr).toContain(
      'galat: --unit-column: tidak ada berkas CSV putaran ini yang memiliki kolom berjudul `Unit yg dinilai` (maksudnya `Unit yang dinilai`?) [input/unit-column-not-found]',
    );
    // A file with a `unit` column as well: which one holds the unit is not guessed.
    writeFileSync(join(dir, 'formulir.csv'), exportOf('Unit yang dinilai').replace('Alamat email', 'unit'));
    const both = monev(['score', dir, ...common, '--unit-column', 'Unit yang dinilai', '--format', 'csv']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('formulir.csv:1:2: error: two columns for the unit: `unit` and `Unit yang dinilai` (--unit-column); keep one [csv/two-unit-columns]');
    // Without assessments to read (rubric files), the option has nothing to do.
    expect(monev(['validate', 'rubrics/', '--unit-column', 'Unit yang dinilai'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--unit-column') });
  });
});

describe('monev template --format questions: an online form built from it scores as exported', () => {
  const ids = ['ombudsman-kepatuhan-2021', 'ombudsman-ppp-2023', 'skm-permenpanrb-14-2017', 'standar-pelayanan-uu25'];
  for (const id of ids) {
    it(`${id}: every question heading names its criterion, every choice is an answer`, () => {
      const run = monev(['template', '--rubric', id, '--format', 'questions']);
      expect(run.code).toBe(0);
      // A question is a block whose first line is its heading and whose last line its choices.
      const blocks = run.stdout.trimEnd().split('\n\n').map((b) => b.split('\n')).filter((lines) => !lines[0]!.startsWith('#') && lines.slice(1).some((l) => l.startsWith('    ')));
      const header: string[] = [];
      const answers: string[] = [];
      for (const lines of blocks) {
        const heading = lines[0]!;
        const choices = lines[lines.length - 1]!.trim().split(' / ');
        header.push(heading);
        // The unit's question, the profile's, then criteria answered with their first choice.
        answers.push(heading === 'unit' ? 'unit-a' : choices.length > 1 ? choices[0]! : 'P');
      }
      const dir = tmp();
      const cell = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      writeFileSync(join(dir, 'tanggapan.csv'), `${header.map(cell).join(',')}\n${answers.map(cell).join(',')}\n`);
      const scored = monev(['score', dir, '--rubric', id, '--format', 'json']);
      expect([scored.code, scored.stderr]).toEqual([0, '']);
      const [unit] = JSON.parse(scored.stdout).units;
      expect(unit.unit.id).toBe('unit-a');
      expect(unit.criteria.every((c: { status: string }) => c.status !== 'missing')).toBe(true);
    });
  }

  it('with --units, the unit question is a drop-down of the listed names, a line each', () => {
    const text = monev(['template', '--rubric', 'ombudsman-ppp-2023', '--format', 'questions', '--units', 'examples/langkat-2023/daftar-unit.csv']).stdout;
    expect(text).toContain('unit\n    The question for the unit assessed: title it "unit" (or score with --unit-column and its title), a drop-down of these (paste them at once):\n    Dinas Kesehatan\n    Dinas Sosial\n');
    // One list for one form: a folder is no place for it.
    const folder = monev(['template', '--rubric', 'ombudsman-ppp-2023', '--format', 'questions', '--units', 'examples/langkat-2023/daftar-unit.csv', '--out', `${tmp()}/`]);
    expect([folder.code, folder.stderr]).toEqual([2, expect.stringContaining("names a folder: an online form's questions are one list; name a file (forms/pertanyaan.txt)")]);
  });
});
