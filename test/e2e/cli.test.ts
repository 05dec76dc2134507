import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRITERIA, rng, rubricYaml } from '../../bench/generate.mjs';
import { expectGolden, monev, monevOnTerminal, SCRIPT, tableLines } from './run-cli.js';

const ROUND = 'examples/pra-evaluasi';

/** A fresh folder holding these files (name: text or bytes). */
function folderWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'monev-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('monev score on the example round', () => {
  it('json: the documented object, with scores as computed by hand', () => {
    const run = monev(['score', ROUND, '--format', 'json']);
    expectGolden('score-json', run);
    const report = JSON.parse(run.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.rubric).toMatchObject({ id: 'pra-evaluasi-kabupaten', version: '2024.1', scale: 100, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const dinsos = report.units.find((u: { unit: { id: string } }) => u.unit.id === 'dinsos');
    // Standar: penyampaian 3/5, pengelolaan (1 + 0 + 0.5)/3 -> (3*0.6 + 0.5)/4 = 0.575
    // Sarana: (0.5 + 1 + 2*0)/4 = 0.375 (ruang-laktasi n/a); Pengaduan: (1 + 0 + 0.5)/3 = 0.5
    // Kinerja: (0.80 + 3/4)/2 = 0.775. Score = 40*0.575 + 20*0.375 + 25*0.5 + 15*0.775 = 54.625 -> 54.63
    expect(dinsos).toMatchObject({ score: 54.63, scoreExact: 54.625, zone: { id: 'yellow', label: 'Zona Kuning' }, cappedBy: [] });
    expect(dinsos.groups.map((g: { id: string; score: number }) => [g.id, g.score])).toEqual([
      ['standar-pelayanan', 57.5],
      ['sarana', 37.5],
      ['pengaduan', 50],
      ['kinerja', 77.5],
    ]);
    // sarana-disabilitas: 20 * 2/4 = 10 points lost, the largest gap.
    expect(dinsos.gaps[0]).toMatchObject({ criterion: 'sarana-disabilitas', status: 'unmet', lost: 10 });
    // DPMPTSP scores green but the unpublished fee (cap: yellow) holds it in yellow.
    const dpmptsp = report.units.find((u: { unit: { id: string } }) => u.unit.id === 'dpmptsp');
    expect(dpmptsp).toMatchObject({ zone: { id: 'yellow' }, zoneByScore: { id: 'green' }, cappedBy: [{ criterion: 'biaya', zone: 'yellow' }], nextZone: { close: ['biaya'] } });
    expect(report.summary.zones.map((z: { id: string; count: number }) => [z.id, z.count])).toEqual([
      ['green', 2],
      ['yellow', 3],
      ['red', 1],
    ]);
    // The round's grade: (54.63 + 99.89 + 84.92 + 33.54 + 66.75 + 91.7) / 6 = 431.43 / 6 = 71.905
    // -> 71.91, in Zona Kuning (51 <= 71.91 < 81).
    expect(report.summary).toMatchObject({ mean: 71.91, meanZone: { id: 'yellow', label: 'Zona Kuning', color: 'yellow' } });
  });

  it('table, markdown and csv renderings', () => {
    expectGolden('score-table', monev(['score', ROUND, '--format', 'table', '--gaps', '3']));
    expectGolden('score-markdown', monev(['score', ROUND, '--format', 'markdown']));
    expectGolden('score-csv', monev(['score', ROUND, '--format', 'csv', '--quiet']));
  });

  it("a survey's gap list shows each mean answer as its mean-answer line does: two decimals (1.80, not 1.8)", () => {
    const table = monev(['score', 'examples/skm/dinsos-asahan.csv', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'table', '--gaps', '2', '--no-color']).stdout;
    expect(table).toContain('u3 1.80 (15)');
    expect(table).toContain('  -  6.11  u3  partial  1.80  Waktu penyelesaian\n');
    const markdown = monev(['score', 'examples/skm/dinsos-asahan.csv', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'markdown', '--lang', 'id']).stdout;
    expect(markdown).toContain('| 6,11 | `u3` | Waktu penyelesaian | sebagian | 1,80 |');
  });

  it('table: no Name column when no unit has a name (survey files named by unit)', () => {
    const header = (args: string[]) => monev(args).stdout.split('\n')[2]!.split('│').map((c) => c.trim()).filter(Boolean);
    expect(header(['score', 'examples/skm', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'table', '--no-color'])).toEqual(['Unit', 'Score', 'Zone', 'Gaps', 'Next zone']);
    expect(header(['score', ROUND, '--format', 'table', '--no-color', '-q'])).toEqual(['Unit', 'Name', 'Score', 'Zone', 'Gaps', 'Next zone']);
  });

  it.skipIf(!SCRIPT)('table on a narrow terminal: fitted to its width (names cut, then left out)', () => {
    const onTerminal = (cols: number) => {
      const run = monevOnTerminal(['score', ROUND, '--gaps', '0', '-q'], cols);
      expect(run.code).toBe(0);
      return tableLines(run.stdout);
    };
    const wide = onTerminal(200);
    expect(wide[1]).toMatch(/│ Name +│/);
    expect(wide).toContain(monev(['score', ROUND, '--format', 'table', '--gaps', '0', '-q']).stdout.split('\n')[4]);
    for (const cols of [100, 80]) {
      const lines = onTerminal(cols);
      expect(lines).toHaveLength(wide.length);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(cols);
    }
    expect(onTerminal(100).join('\n')).toMatch(/│ Dinas Kependuduk[^│]*… │/);
    expect(onTerminal(80)[1]).not.toContain('Name');
    // The gap lists too: a long title or path wraps under itself, every line within the width.
    const full = monevOnTerminal(['score', ROUND, '--gaps', '3', '-q'], 90).stdout.trimEnd().split('\n');
    for (const line of full) expect(line.length).toBeLessThanOrEqual(90);
    const at = full.findIndex((line) => line.includes('sarana-disabilitas  unmet'));
    expect(full.slice(at, at + 2)).toEqual([
      '  - 10.00  sarana-disabilitas  unmet  no  Sarana khusus penyandang disabilitas (ramp,',
      '                                          kursi roda, toilet khusus)',
    ]);
  });

  it('--sort lists the units by score (highest first) or id in table and markdown output, and only there', () => {
    const ids = (text: string) => [...text.matchAll(/^│ ([a-z-]+) +│/gm)].map((m) => m[1]);
    expect(ids(monev(['score', ROUND, '--format', 'table', '--gaps', '0', '-q', '--sort', 'score']).stdout)).toEqual(['disdukcapil', 'pkm-gambir-baru', 'dpmptsp', 'disdik', 'dinsos', 'dinkes']);
    expect(ids(monev(['score', ROUND, '--format', 'table', '--gaps', '0', '-q', '--sort', 'id']).stdout)).toEqual(['dinkes', 'dinsos', 'disdik', 'disdukcapil', 'dpmptsp', 'pkm-gambir-baru']);
    expect(ids(monev(['score', ROUND, '--format', 'table', '--gaps', '0', '-q']).stdout)).toEqual(['dinsos', 'disdukcapil', 'dpmptsp', 'dinkes', 'disdik', 'pkm-gambir-baru']);
    const sections = [...monev(['score', ROUND, '--format', 'markdown', '-q', '--sort', 'score']).stdout.matchAll(/^## .*\((\S+)\)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['disdukcapil', 'pkm-gambir-baru', 'dpmptsp', 'disdik', 'dinsos', 'dinkes']);
    expect(monev(['score', ROUND, '--format', 'jsonl', '-q', '--sort', 'score'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'error: --sort: `jsonl` is not valid; expected --format table or markdown [usage/invalid-option]\n',
    });
  });

  it('colours zones on request and never with NO_COLOR', () => {
    const coloured = monev(['score', ROUND, '--format', 'table', '-q'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(coloured.stdout).toContain('\u001b[32mZona Hijau');
    expect(monev(['score', ROUND, '--format', 'table', '-q']).stdout).not.toContain('\u001b[');
  });

  it('exits 1 on --fail-zone and --fail-under, naming the units', () => {
    expectGolden('score-fail-zone', monev(['score', ROUND, '--format', 'csv', '-q', '--fail-zone', 'yellow']));
    const under = monev(['score', ROUND, '--format', 'csv', '-q', '--fail-under', '60']);
    expect(under.code).toBe(1);
    expect(under.stderr).toContain('2 units score below 60: `dinsos`, `dinkes`');
    expect(monev(['score', ROUND, '--format', 'csv', '-q', '--fail-under', '30']).code).toBe(0);
    expect(monev(['score', ROUND, '-q', '--fail-zone', 'biru']).stderr).toBe('error: --fail-zone: no zone `biru`; zones are `red` (Zona Merah), `yellow` (Zona Kuning), `green` (Zona Hijau) [usage/unknown-zone]\n');
    // "zona" is a word of every label: it names no one zone.
    expect(monev(['score', ROUND, '-q', '--fail-zone', 'zona']).stderr).toBe(
      "error: --fail-zone: `zona` is a word of several zones' labels, not one zone; zones are `red` (Zona Merah), `yellow` (Zona Kuning), `green` (Zona Hijau) [usage/unknown-zone]\n",
    );
    expect(monev(['score', ROUND, '-q', '--fail-zone', 'Zona', '--lang', 'id']).stderr).toContain('`Zona` adalah kata dalam label beberapa zona, bukan satu zona; zona yang ada');
    // A zone is also named by its label, its id in any case, or a word of its label only, as people write them.
    for (const zone of ['Zona Kuning', 'YELLOW', 'kuning']) expect(monev(['score', ROUND, '--format', 'csv', '-q', '--fail-zone', zone]).code).toBe(1);
    expect(monev(['score', ROUND, '--format', 'csv', '-q', '--fail-zone', 'zona merah']).stderr).toBe('error: 1 unit is in zone `Zona Merah` or lower: `dinkes` [threshold/fail-zone]\n');
    expect(monev(['score', ROUND, '--format', 'csv', '-q', '--fail-zone', 'Merah']).stderr).toBe('error: 1 unit is in zone `Zona Merah` or lower: `dinkes` [threshold/fail-zone]\n');
  });

  it('--strict turns a missing answer into an error', () => {
    const run = monev(['score', ROUND, '--strict', '--format', 'json']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('error: unit `disdik`: 1 criterion without an answer: `ruang-laktasi` [unit/missing-answers]');
  });

  it('reads standard input with --stdin-format', () => {
    const csv = 'criterion,value\npersyaratan,ya\nsarana-pengaduan,ya\n';
    const run = monev(['score', '-', '--stdin-format', 'csv', '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv', '-q']);
    expect(run.code).toBe(2); // no input given: stdin is empty
    const piped = monev(['score', '-', '--stdin-format', 'csv', '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv', '-q'], { input: csv });
    expect(piped.code).toBe(0);
    expect(piped.stdout.split('\n')[1]).toMatch(/^stdin,,/);
  });
});

describe('bad input: clear messages, exit 2, no stack trace', () => {
  it('every answer problem of every file, positioned', () => {
    const run = monev(['score', 'test/fixtures/assessments', '--rubric', 'examples/rubric-pra-evaluasi.yaml']);
    expectGolden('score-bad-answers', run);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a missing file, an unknown rubric and an unknown format', () => {
    expect(monev(['score', 'nope.csv', '--rubric', 'examples/rubric-pra-evaluasi.yaml'])).toMatchObject({ code: 2, stderr: 'nope.csv: error: no such file or folder [input/not-found]\n' });
    expect(monev(['score', ROUND, '--rubric', 'ombudsman-pp-2023']).stderr).toMatch(/no rubric file or bundled rubric named `ombudsman-pp-2023`/);
    expect(monev(['score', ROUND, '--format', 'html'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown format `html`') });
    expect(monev(['score', ROUND, '--format', 'jsn', '-q']).stderr).toBe('error: unknown format `jsn` (did you mean `json`?); expected one of `table`, `markdown`, `json`, `jsonl`, `csv`, `csv-gaps` [usage/unknown-format]\n');
    expect(monev(['diff', ROUND, ROUND, '--format', 'markdwn']).stderr).toContain('unknown format `markdwn` (did you mean `markdown`?)');
    expect(monev(['score']).code).toBe(2);
    expect(monev(['frobnicate']).code).toBe(2);
  });

  it('characters that print as nothing: read past in headers and answers, shown in messages', () => {
    // A zero-width space before `unit`, a soft hyphen in a header, a direction mark and zero-width spaces in answers: pasted from a web page or a chat.
    const dir = mkdtempSync(join(tmpdir(), 'monev-'));
    writeFileSync(join(dir, 'a.csv'), '\u200Bunit,persyaratan\u00AD,prosedur,waktu-tindak-lanjut,tepat-waktu\ndinkes,ya\u200B,\u200Ftidak,5\u200B,90%\u200B\n');
    const read = monev(['score', join(dir, 'a.csv'), '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv', '-q']);
    expect(read).toMatchObject({ code: 0, stderr: '' });
    // persyaratan yes, prosedur no (of 5 alike in a group worth 3/4 of 40: 6.00 each); 5 days: 25 x 1/3; 90%: 15 x 0.9 x 1/2.
    expect(read.stdout.split('\n')[1]).toBe('dinkes,,21.08,red,,15,15.00,0.00,33.33,45.00');
    // What is still wrong says what is there: a bell character, a line break in a cell.
    writeFileSync(join(dir, 'b.csv'), 'unit,persyaratan,prosedur\ndinkes,y\u0007a,"ya\nada"\n');
    const shown = monev(['score', join(dir, 'b.csv'), '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv', '-q']);
    expect(shown.code).toBe(2);
    expect(shown.stderr).toContain(`${join(dir, 'b.csv')}:3:2: error: invalid answer \`y\\u0007a\` for \`persyaratan\``);
    expect(shown.stderr).toContain(`${join(dir, 'b.csv')}:3:3: error: invalid answer \`ya\\nada\` for \`prosedur\``);
  });

  it('KoboToolbox and Microsoft Forms exports: questions headed with their group, the tools\' own columns told apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-'));
    const file = join(dir, 'kobo.csv');
    writeFileSync(file, 'start,end,unit,group_a/persyaratan,group_a/prosedur,_id,_uuid\n2023-07-12T09:00,2023-07-12T09:30,dinkes,ya,tidak,1,abc\n');
    const args = ['score', file, '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv'];
    const bare = monev(args);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain(`${file}:1:1: error: unknown criterion \`start\` (a column the form tool adds? name it \`_start\``);
    const skipped = monev([...args, '--skip-other-columns']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('columns that name no criterion, not read (--skip-other-columns): `start`, `end` [csv/columns-skipped]');
    // persyaratan yes (6.00 of the 40 points of standar-pelayanan), prosedur no.
    expect(skipped.stdout.split('\n')[1]).toBe('dinkes,,6.00,red,,16,15.00,0.00,0.00,0.00');
    // Microsoft Forms' own columns, as its export saved as CSV heads them: its ID numbers the
    // responses and its Name is the respondent's, not the unit's id and name.
    writeFileSync(file, 'ID,Start time,Completion time,Email,Name,unit,persyaratan\n1,1/1/24 9:00,1/1/24 9:05,anonymous,Budi Santoso,dinkes,ya\n');
    const microsoft = monev(args).stderr;
    for (const [k, column] of ['ID', 'Start time', 'Completion time', 'Email', 'Name'].entries()) {
      expect(microsoft).toContain(`${file}:1:${k + 1}: error: unknown criterion \`${column}\` (a column the form tool adds? name it \`_${column}\``);
    }
    const read = monev([...args, '--skip-other-columns']);
    expect(read.code).toBe(0);
    expect(read.stdout.split('\n')[1]).toBe('dinkes,,6.00,red,,16,15.00,0.00,0.00,0.00');
  });

  it('an --out that cannot be written is an input error, not a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-'));
    const run = monev(['score', ROUND, '--format', 'csv', '-q', '--out', dir]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(`${dir}: error: cannot write the output here (EISDIR: it is a folder; name a file) [output/unwritable]\n`);
  });
});

describe('--out', () => {
  it('writes atomically and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-'));
    const out = join(dir, 'hasil.json');
    writeFileSync(out, 'previous');
    expect(monev(['score', ROUND, '--format', 'json', '-q', '--out', out])).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).units).toHaveLength(6);
    expect(readdirSync(dir)).toEqual(['hasil.json']);
  });

  it('writes the bytes stdout gets, non-ASCII text and outputs larger than its write buffer included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-'));
    const names = ['Puskesmas Sei Tualang Raso – Tanjung Balai', 'Dinas Pendidikan “Kota”', 'UPTD Ü 𝔸 ✓'];
    let csv = 'unit,name,persyaratan,prosedur\n';
    for (let i = 0; i < 120; i++) csv += `u${i},"${names[i % 3]!.replace(/"/g, '""')} ${i}",${i % 2 ? 'ya' : 'tidak'},ya\n`;
    writeFileSync(join(dir, 'units.csv'), csv);
    for (const format of ['jsonl', 'csv', 'markdown']) {
      const args = ['score', join(dir, 'units.csv'), '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', format, '-q'];
      const out = join(dir, `hasil.${format}`);
      const stdout = monev(args).stdout;
      expect(monev([...args, '--out', out]).code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(stdout);
    }
    expect(readFileSync(join(dir, 'hasil.jsonl')).length).toBeGreaterThan(1 << 19); // past the 256 KiB write buffer, under spawnSync's 1 MiB
    expect(readFileSync(join(dir, 'hasil.csv'), 'utf8')).toContain('UPTD Ü 𝔸 ✓ 2');
    // Markdown comes as one text, more than the 256 KiB buffer takes at once (3 bytes a character at most): written past it.
    expect(readFileSync(join(dir, 'hasil.markdown')).length).toBeGreaterThan((1 << 18) / 3);
  });

  it('refuses to overwrite an input or write inside an input folder', () => {
    const before = readFileSync('examples/pra-evaluasi/dinas-sosial.yaml', 'utf8');
    const run = monev(['score', ROUND, '--format', 'json', '--out', 'examples/pra-evaluasi/dinas-sosial.yaml']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('would overwrite an input');
    expect(readFileSync('examples/pra-evaluasi/dinas-sosial.yaml', 'utf8')).toBe(before);
    expect(monev(['score', ROUND, '--out', `${ROUND}/hasil.json`]).code).toBe(2);
    expect(existsSync(`${ROUND}/hasil.json`)).toBe(false);
  });

  it('names the column meant when a wide CSV\'s header says id, nama, wilayah, catatan or Cap waktu', () => {
    const dir = folderWith({ 'opd.csv': 'id,nama,wilayah,persyaratn\ndinkes,Dinas Kesehatan,Langkat,ya\n' });
    const run = monev(['score', join(dir, 'opd.csv'), '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').slice(0, 4).map((l) => l.slice(l.indexOf('opd.csv')))).toEqual([
      "opd.csv:1:1: error: unknown criterion `id` (if it holds the unit's id, the column is named `unit`, or read as it is with --unit-column \"id\") [answer/unknown-criterion]",
      "opd.csv:1:2: error: unknown criterion `nama` (if it holds the unit's name, the column is named `name`) [answer/unknown-criterion]",
      "opd.csv:1:3: error: unknown criterion `wilayah` (if it holds the unit's region, the column is named `region`) [answer/unknown-criterion]",
      'opd.csv:1:4: error: unknown criterion `persyaratn` (did you mean `persyaratan`?) [answer/unknown-criterion]',
    ]);
    // A long CSV headed in Indonesian reads as a wide one: its headers are then named for what they hold.
    writeFileSync(join(dir, 'dinsos.csv'), 'kriteria,nilai\npersyaratan,ya\n');
    const long = monev(['score', join(dir, 'dinsos.csv'), '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv']).stderr;
    expect(long).toContain('unknown criterion `kriteria` (if it holds criterion ids, one answer a row, the column is named `criterion`)');
    expect(long).toContain('unknown criterion `nilai` (if it holds answers, one a row, the column is named `value`)');
    // A wide CSV has no note column: a notes column is told how to stay beside the answers unscored.
    writeFileSync(join(dir, 'dinkes.csv'), 'unit,persyaratan,catatan\ndinkes,ya,papan informasi baru\n');
    expect(monev(['score', join(dir, 'dinkes.csv'), '--rubric', 'examples/rubric-pra-evaluasi.yaml']).stderr).toContain(
      'unknown criterion `catatan` (to keep notes beside the answers, name the column `_catatan`: a column whose name starts with _ is not scored)',
    );
    // Google Forms puts its own columns first (Indonesian: "Cap waktu").
    writeFileSync(join(dir, 'formulir.csv'), 'Cap waktu,unit,persyaratan\n12/07/2023 10:00:00,dinkes,ya\n');
    expect(monev(['score', join(dir, 'formulir.csv'), '--rubric', 'examples/rubric-pra-evaluasi.yaml']).stderr).toContain(
      'formulir.csv:1:1: error: unknown criterion `Cap waktu` (a column the form tool adds? name it `_Cap waktu`: a column whose name starts with _ is not scored)',
    );
    // A form's other questions name no criterion: they are told how to stay in the file unscored;
    // a question headed by a criterion's title is read as that criterion.
    writeFileSync(join(dir, 'formulir.csv'), 'unit,Usia responden,1. Persyaratan pelayanan dipublikasikan?\ndinkes,34,ya\n');
    const form = monev(['score', join(dir, 'formulir.csv'), '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv', '-q']);
    expect([form.code, form.stderr.split('\n')[0]!.slice(form.stderr.indexOf('formulir.csv'))]).toEqual([
      2,
      'formulir.csv:1:2: error: unknown criterion `Usia responden` (not a criterion\'s id, title or code; if the column answers none, name it `_Usia responden`: a column whose name starts with _ is not scored) [answer/unknown-criterion]',
    ]);
    expect(form.stderr).not.toContain('Persyaratan');
  });

  it('warns of a visit date that names no day, and scores the unit all the same', () => {
    const dir = folderWith({ 'dinkes.yaml': 'unit: dinkes\ndate: pekan lalu\nanswers:\n  persyaratan: ya\n' });
    const run = monev(['score', dir, '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]).toMatch(/^dinkes,/);
    expect(run.stderr).toContain(`${join(dir, 'dinkes.yaml')}:1: warning: date \`pekan lalu\` names no day: reports show it as written and cannot put it in order (write 2023-07-12, 12/07/2023 or 12 Juli 2023) [assessment/unread-date]`);
  });

  it('warns of a file that holds no unit, and says which assessment named a rubric that is not there', () => {
    const dir = folderWith({ 'dinkes.csv': 'criterion,value\npersyaratan,ya\n', 'dinsos.csv': 'criterion,value\n', 'pkm.yaml': '# formulir belum diisi\n' });
    const run = monev(['score', dir, '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv']);
    expect(run.code).toBe(0);
    const empty = run.stderr.split('\n').filter((l) => l.includes('[input/empty-file]'));
    expect(empty).toEqual(['dinsos.csv', 'pkm.yaml'].map((f) => `${join(dir, f)}: warning: no unit in this file (empty, comments only, or a header without rows) [input/empty-file]`));
    writeFileSync(join(dir, 'lain.yaml'), 'rubric: ../hilang.yaml\nanswers: { persyaratan: ya }\n');
    const named = monev(['score', join(dir, 'lain.yaml')]);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/^.*lain\.yaml:1: error: no rubric file or bundled rubric named `.*hilang\.yaml`/);
  });

  it('keeps the round\'s own rubric in its folder without a word, and names another rubric found there', () => {
    const dir = folderWith({
      'rubrik.yaml': readFileSync('examples/rubric-pra-evaluasi.yaml'),
      'skm.yaml': readFileSync('rubrics/skm-permenpanrb-14-2017.yaml'),
      'dinkes.yaml': 'rubric: rubrik.yaml\nunit: dinkes\nanswers: { persyaratan: ya }\n',
    });
    const run = monev(['score', dir, '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\ndinkes,');
    expect(run.stderr).not.toContain('rubrik.yaml');
    expect(run.stderr).toContain(`${join(dir, 'skm.yaml')}:2: warning: a rubric, not an assessment: not scored (the round is scored with another rubric) [input/rubric-in-round]`);
    // A key that belongs elsewhere in the document is not suggested as a fix for itself.
    writeFileSync(join(dir, 'dinsos.yaml'), 'id: dinsos\nanswers: { persyaratan: ya }\n');
    expect(monev(['score', dir, '--format', 'csv']).stderr).toContain(`${join(dir, 'dinsos.yaml')}:1:1: error: unknown key \`id\` (at id) [assessment/unknown-key]`);
  });

  it('warns of a workbook left in a round\'s folder, and refuses one named on the command line or as the units list', () => {
    const dir = folderWith({ 'dinkes.csv': 'criterion,value\npersyaratan,ya\n', 'dinsos.xlsx': 'PK', 'foto-loket.jpg': '' });
    const run = monev(['score', dir, '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\ndinkes,');
    expect(run.stderr).toContain(`${join(dir, 'dinsos.xlsx')}: warning: skipped: \`.xlsx\` workbooks are not read; save the sheet as CSV (in Excel: "CSV UTF-8") to score it [input/workbook-skipped]\n`);
    expect(run.stderr).not.toContain('foto-loket');
    expect(monev(['score', join(dir, 'dinsos.xlsx'), '--rubric', 'examples/rubric-pra-evaluasi.yaml'])).toMatchObject({
      code: 2,
      stderr: `${join(dir, 'dinsos.xlsx')}: error: \`.xlsx\` workbooks are not read: save the sheet as CSV (in Excel: "CSV UTF-8") and score that [input/workbook]\n`,
    });
    // An office's list of units kept in Excel, given to --units: said so, not read as text.
    const list = join(dir, 'daftar-unit.xlsx');
    writeFileSync(list, 'PK');
    for (const args of [['score', join(dir, 'dinkes.csv'), '--rubric', 'examples/rubric-pra-evaluasi.yaml'], ['template', '--rubric', 'ombudsman-ppp-2023']]) {
      expect(monev([...args, '--units', list])).toMatchObject({
        code: 2,
        stderr: `${list}: error: \`.xlsx\` workbooks are not read: save the sheet as CSV (in Excel: "CSV UTF-8") and pass that to --units [input/workbook]\n`,
      });
    }
  });

  it('refuses to overwrite the rubric or any other file a command reads, wherever it was named', () => {
    const dir = folderWith({
      'rubrik.yaml': readFileSync('examples/rubric-pra-evaluasi.yaml'),
      'units.csv': 'unit,name\ndinkes,Dinas Kesehatan\n',
      'dinkes.yaml': 'rubric: rubrik.yaml\nunit: dinkes\nanswers: { persyaratan: ya }\n',
    });
    const [rubric, units, named] = ['rubrik.yaml', 'units.csv', 'dinkes.yaml'].map((f) => join(dir, f)) as [string, string, string];
    const kept = () => [rubric, units, named].map((f) => readFileSync(f, 'utf8'));
    const before = kept();
    for (const args of [
      ['score', named, '-q', '--rubric', rubric, '--out', rubric],
      ['score', named, '-q', '--format', 'jsonl', '--out', rubric], // the rubric is named by the assessment only
      ['report', named, '-q', '--out', rubric],
      ['template', '--rubric', rubric, '--out', rubric],
      ['template', '--rubric', rubric, '--units', units, '--out', units],
      ['diff', named, named, '-q', '--out', rubric],
      ['diff', named, named, '-q', '--out', named],
    ]) {
      const run = monev(args);
      expect(run, args.join(' ')).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr, args.join(' ')).toMatch(/^error: --out `.*` would overwrite an input \(.*\); choose another path \[usage\/out-is-input\]\n$/);
    }
    expect(kept()).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['dinkes.yaml', 'rubrik.yaml', 'units.csv']);
  });
});

describe('monev validate', () => {
  it('text output pinpoints each rubric error; exit 1', () => {
    expectGolden('validate-text', monev(['validate', 'test/fixtures/rubrics/semantic-errors.yaml', 'test/fixtures/rubrics/structural-errors.yaml']));
  });

  it('github annotations and json', () => {
    expectGolden('validate-github', monev(['validate', '--format', 'github', 'test/fixtures/rubrics/semantic-errors.yaml']));
    const json = JSON.parse(monev(['validate', '--format', 'json', 'test/fixtures/rubrics']).stdout);
    expect(json).toMatchObject({ valid: false, errors: 17, warnings: 0 });
    const semantic = json.files.find((f: { file: string }) => f.file.endsWith('semantic-errors.yaml'));
    expect(semantic.problems[0]).toMatchObject({ code: 'rubric/no-zero-zone', line: 5, column: 3 });
  });

  it('passes valid rubrics with exit 0', () => {
    expect(monev(['validate', 'examples/rubric-pra-evaluasi.yaml'])).toMatchObject({ code: 0, stdout: '1 file checked: 0 errors, 0 warnings\n' });
  });

  it('validates assessments against --rubric', () => {
    const run = monev(['validate', '--rubric', 'examples/rubric-pra-evaluasi.yaml', 'test/fixtures/assessments', ROUND]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('test/fixtures/assessments/bad-answers.yaml:4:3: error: unknown criterion `persyaratn` (did you mean `persyaratan`?) [answer/unknown-criterion]');
    expect(run.stdout).toContain('warning: unit `disdik`: 1 criterion without an answer');
  });
});

describe('monev --version and --help', () => {
  it('prints the package version, alike from the start-up shortcut and from the CLI', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const printed = { stdout: `${pkg.version}\n`, stderr: '', code: 0 };
    // `--version` or `-V` alone is answered by bin/monev.js before the CLI loads; with another
    // option beside it, commander answers.
    expect(monev(['--version'])).toEqual(printed);
    expect(monev(['-V'])).toEqual(printed);
    expect(monev(['--lang', 'id', '--version'])).toEqual(printed);
    expect(monev(['--version', 'extra']).code).not.toBe(3);
  });
  it('prints help with exit 0', () => {
    const run = monev(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('score [options] <paths...>');
  });
});

describe('monev rubrics', () => {
  it('lists the four bundled rubrics with their sources', () => {
    expectGolden('rubrics-list', monev(['rubrics']));
  });
  it('shows a rubric as a tree with published weights and points', () => {
    const run = monev(['rubrics', 'show', 'ombudsman-ppp-2023']);
    expectGolden('rubrics-show-ppp', run);
    expect(run.stdout).toMatch(/^\s+21\.85\s+21\.85\s+input\s+Dimensi Input$/m);
    expect(run.stdout).toMatch(/^\s+32\.37\s+32\.37\s+proses\s+Dimensi Proses$/m);
    expect(run.stdout).toMatch(/^\s+1\s+2\.94\s+persyaratan\s/m); // 32.37 / 11
  });
  it.skipIf(!SCRIPT)('fits the tree to a terminal: a long title wraps under itself, its answers after it', () => {
    const lines = monevOnTerminal(['rubrics', 'show', 'ombudsman-ppp-2023'], 100).stdout.trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    const at = lines.findIndex((line) => line.includes('kompetensi-pemahaman'));
    expect(lines.slice(at, at + 3)).toEqual([
      '      1    2.73    kompetensi-pemahaman  Pelaksana memahami standar pelayanan dan dapat',
      '                                         menjelaskannya',
      '                                         [lengkap / sebagian / tidak]',
    ]);
  });
  it('shows a rubric file and fails clearly on an unknown id', () => {
    expect(monev(['rubrics', 'show', 'examples/rubric-pra-evaluasi.yaml']).code).toBe(0);
    // A survey says how it averages, its least sample and the respondent details it counts.
    const skm = monev(['rubrics', 'show', 'skm-permenpanrb-14-2017', '--no-color']).stdout.split('\n');
    expect(skm[1]).toBe('skm-permenpanrb-14-2017 2017.1, scale 100, answers of several respondents averaged, least respondents by Krejcie and Morgan (a units list gives each population)');
    expect(skm[3]).toBe('Respondent profile: Jenis kelamin [jenis-kelamin], Pendidikan [pendidikan], Pekerjaan [pekerjaan]');
    expect(monev(['rubrics', 'show', 'skm-2017'])).toMatchObject({ code: 2, stderr: expect.stringContaining('bundled rubrics: `ombudsman-kepatuhan-2021`') });
  });
});

describe('streamed formats', () => {
  it('jsonl: one unit per line with the fields of json units, then a summary line', () => {
    const json = JSON.parse(monev(['score', ROUND, '--format', 'json', '-q']).stdout);
    const lines = monev(['score', ROUND, '--format', 'jsonl', '-q']).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(json.units.length + 1);
    expect(lines.slice(0, -1)).toEqual(json.units);
    // The line formats keep memory flat: their summary has every figure but the per-unit ranking.
    expect(lines.at(-1)).toEqual({ summary: { ...json.summary, ranking: [] }, schemaVersion: 1, generator: json.generator, rubric: json.rubric });
  });

  it('a CSV large enough to be streamed gives what the same bytes give read whole (stdin), and a bad row deep in it is found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-'));
    writeFileSync(join(dir, 'rubric.yaml'), rubricYaml());
    const r = rng(7);
    const answers = { boolean: ['ya', 'tidak', 'na'], choice: ['lengkap', 'sebagian', 'tidak'], percent: ['0', '45', '"99,5"'], scale: ['1', '2', '4'] } as const;
    let text = `unit,name,${CRITERIA.map((c: { id: string }) => c.id).join(',')}\n`;
    for (let u = 0; text.length < 1.5 * 2 ** 20; u++) text += `u${u},"Unit ${u}, ""A""",${CRITERIA.map((c: { kind: keyof typeof answers }) => answers[c.kind][Math.floor(r() * 3)]).join(',')}\n`;
    writeFileSync(join(dir, 'wide.csv'), text);
    const args = ['--rubric', join(dir, 'rubric.yaml'), '--format', 'csv', '-q'];
    const streamed = monev(['score', join(dir, 'wide.csv'), ...args]);
    const whole = monev(['score', '-', '--stdin-format', 'csv', ...args], { input: text });
    expect(streamed.code).toBe(0);
    expect(streamed.stdout.split('\n').length).toBeGreaterThan(4000);
    expect(streamed.stdout).toBe(whole.stdout);
    const lines = text.split('\n');
    lines[3000] = lines[3000]!.replace(',ya,', ',mungkin,');
    writeFileSync(join(dir, 'wide.csv'), lines.join('\n'));
    const bad = monev(['score', join(dir, 'wide.csv'), ...args]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`wide\\.csv:3001:\\d+: error: .*\`mungkin\``));
  });

  it('a unit assessed twice is an error naming both places', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-'));
    writeFileSync(join(dir, 'a.csv'), 'unit,persyaratan\ndinsos,ya\n');
    writeFileSync(join(dir, 'b.yaml'), 'unit: {id: dinsos}\nanswers: {persyaratan: tidak}\n');
    const run = monev(['score', dir, '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv', '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(dir, 'b.yaml')}:1: error: unit \`dinsos\` is assessed twice (first at ${join(dir, 'a.csv')}:2)`);
    // Later duplicates, of units seen before and after the first duplicate, each name their first place.
    writeFileSync(join(dir, 'a.csv'), 'unit,persyaratan\ndinsos,ya\nx,ya\n');
    writeFileSync(join(dir, 'c.csv'), 'unit,persyaratan\nx,ya\nz,ya\nz,tidak\n');
    const more = monev(['score', dir, '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv', '-q']).stderr;
    expect(more).toContain(`${join(dir, 'c.csv')}:2: error: unit \`x\` is assessed twice (first at ${join(dir, 'a.csv')}:3)`);
    expect(more).toContain(`${join(dir, 'c.csv')}:4: error: unit \`z\` is assessed twice (first at ${join(dir, 'c.csv')}:3)`);
  });

  it('warns of a unit whose id differs from an earlier one only in letter case, and scores both; a units list decides instead', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-'));
    writeFileSync(join(dir, 'a.csv'), 'unit,persyaratan\nDinkes,ya\ndinsos,ya\n');
    writeFileSync(join(dir, 'b.csv'), 'unit,persyaratan\ndinkes,tidak\nDINKES,ya\nDinsos,ya\n');
    const run = monev(['score', dir, '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv']);
    expect(run.code).toBe(0);
    const warned = run.stderr.split('\n').filter((l) => l.includes('[unit/case-variant]'));
    expect(warned).toEqual([
      `${join(dir, 'b.csv')}:2: warning: unit \`dinkes\` differs from unit \`Dinkes\` (at ${join(dir, 'a.csv')}:2) only in letter case: they are scored as two units; if they are one, give it one id (or pass --units, whose list matches ids case-blind) [unit/case-variant]`,
      `${join(dir, 'b.csv')}:3: warning: unit \`DINKES\` differs from unit \`Dinkes\` (at ${join(dir, 'a.csv')}:2) only in letter case: they are scored as two units; if they are one, give it one id (or pass --units, whose list matches ids case-blind) [unit/case-variant]`,
      `${join(dir, 'b.csv')}:4: warning: unit \`Dinsos\` differs from unit \`dinsos\` (at ${join(dir, 'a.csv')}:3) only in letter case: they are scored as two units; if they are one, give it one id (or pass --units, whose list matches ids case-blind) [unit/case-variant]`,
    ]);
    expect(run.stdout.split('\n').map((l) => l.split(',')[0])).toEqual(['unit', 'Dinkes', 'dinsos', 'dinkes', 'DINKES', 'Dinsos', '']);
    // With the office's list, `Dinkes` and `dinkes` are its `dinkes`: assessed twice, an error.
    writeFileSync(join(dir, 'units.txt'), 'unit,name\ndinkes,Dinas Kesehatan\ndinsos,Dinas Sosial\n');
    const listed = monev(['score', join(dir, 'a.csv'), join(dir, 'b.csv'), '--units', join(dir, 'units.txt'), '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'csv']);
    expect(listed.code).toBe(2);
    expect(listed.stderr).not.toContain('[unit/case-variant]');
    expect(listed.stderr).toContain(`${join(dir, 'b.csv')}:2: error: unit \`dinkes\` is assessed twice (first at ${join(dir, 'a.csv')}:2)`);
    // A survey pools respondents by exact id: told once the units are whole, at the first respondent of each.
    const survey = join(dir, 'skm.csv');
    writeFileSync(survey, 'unit,u1,u2,u3,u4,u5,u6,u7,u8,u9\nPuskesmas Stabat,4,4,4,4,4,4,4,4,4\npuskesmas stabat,3,3,3,3,3,3,3,3,3\nPuskesmas Stabat,4,4,4,4,4,4,4,4,4\n');
    const pooled = monev(['score', survey, '--rubric', 'skm-permenpanrb-14-2017', '--format', 'csv']);
    expect(pooled).toMatchObject({ code: 0, stdout: 'unit,name,score,zone,capped_by,gaps,unsur\nPuskesmas Stabat,,100.00,a,,0,100.00\npuskesmas stabat,,75.00,c,,9,75.00\n' });
    expect(pooled.stderr).toContain(`${survey}:3: warning: unit \`puskesmas stabat\` differs from unit \`Puskesmas Stabat\` (at ${survey}:2) only in letter case`);
  });

  it('names the right first place for sheets read before a later file named the rubric', () => {
    // a.csv names no rubric: its rows wait until b.yaml names one, and are then claimed as a.csv's.
    const dir = mkdtempSync(join(tmpdir(), 'monev-'));
    writeFileSync(join(dir, 'a.csv'), 'unit,persyaratan\ndinsos,ya\ndinkes,ya\n');
    writeFileSync(join(dir, 'b.yaml'), `rubric: ${join(process.cwd(), 'examples/rubric-pra-evaluasi.yaml')}\nunit: {id: dinkes}\nanswers: {persyaratan: tidak}\n`);
    writeFileSync(join(dir, 'c.csv'), 'unit,persyaratan\ndinsos,tidak\n');
    const run = monev(['score', dir, '--format', 'csv', '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(dir, 'b.yaml')}:1: error: unit \`dinkes\` is assessed twice (first at ${join(dir, 'a.csv')}:3)`);
    expect(run.stderr).toContain(`${join(dir, 'c.csv')}:2: error: unit \`dinsos\` is assessed twice (first at ${join(dir, 'a.csv')}:2)`);
  });
});

describe('choosing the rubric from the assessments', () => {
  it('asks for --rubric when no assessment names one, and reports an unknown name once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-'));
    writeFileSync(join(dir, 'a.csv'), 'unit,persyaratan\nx,ya\n');
    expect(monev(['score', dir, '--format', 'csv'])).toMatchObject({
      code: 2,
      stderr: 'error: no rubric: pass --rubric <file or bundled id>, or name one with `rubric:` in the assessments [assessment/no-rubric]\n',
    });
    writeFileSync(join(dir, 'a.csv'), 'unit,rubric,persyaratan\nx,ombudsman-ppp-2032,ya\ny,ombudsman-ppp-2032,ya\nz,ombudsman-ppp-2032,tidak\n');
    const run = monev(['score', dir, '--format', 'csv']);
    expect(run.code).toBe(2);
    expect(run.stderr.match(/no rubric file or bundled rubric named `ombudsman-ppp-2032` \(did you mean `ombudsman-ppp-2023`\?\)/g)).toHaveLength(1);
  });

  it('refuses assessments that name different rubrics without --rubric', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-'));
    writeFileSync(join(dir, 'a.yaml'), 'rubric: skm-permenpanrb-14-2017\nanswers: {u1: 4}\n');
    writeFileSync(join(dir, 'b.yaml'), 'rubric: ombudsman-ppp-2023\nanswers: {persyaratan: lengkap}\n');
    const run = monev(['score', dir, '--format', 'csv', '-q']);
    expect(run.code).toBe(2);
    // That is the one error about b.yaml: its answers are not checked against the other rubric.
    expect(run.stderr).toBe(`${join(dir, 'b.yaml')}:1: error: this assessment names rubric \`ombudsman-ppp-2023\`, earlier ones name \`skm-permenpanrb-14-2017\`; pass --rubric to choose one [assessment/several-rubrics]\n`);
    // With --rubric the choice is made: b.yaml is read against it, with a warning that it named another.
    const chosen = monev(['score', dir, '--rubric', 'skm-permenpanrb-14-2017', '--format', 'csv']);
    expect(chosen.stderr).toContain('b.yaml:1: warning: assessment names rubric `ombudsman-ppp-2023` but is scored with `skm-permenpanrb-14-2017`');
    expect(chosen.stderr).toContain('b.yaml:2:11: error: unknown criterion `persyaratan`');
    expect(monev(['score', dir, '--rubric', 'skm-permenpanrb-14-2017', '--format', 'csv', '-q']).stderr).not.toContain('warning');
  });
});
