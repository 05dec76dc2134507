import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { monev } from './run-cli.js';

/**
 * Large CSV rounds are read and parsed on a second thread (src/io/parse-ahead.ts). What users see
 * must not depend on it: every run here is made with `--threads 2` and `--threads 1`, and stdout,
 * stderr and the exit code must be the same, problems and their lines included.
 */
const RUBRIC = 'examples/rubric-pra-evaluasi.yaml';
const IDS = ['persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'dasar-hukum', 'maklumat', 'toilet', 'sarana-pengaduan', 'petugas-pengaduan'];
const answer = (i: number, k: number) => ((i * 7 + k * 3) % 5 ? 'ya' : 'tidak');

/** A long-CSV file of one unit: criterion, value, note (some notes quoted over two lines, CRLF in some files). */
function longCsv(i: number): string {
  const eol = i % 3 === 0 ? '\r\n' : '\n';
  const rows = IDS.map((id, k) => `${id},${answer(i, k)},${k === 2 && i % 4 === 0 ? `"dicek ulang${eol}bulan depan"` : ''}`);
  return `criterion,value,note${eol}${rows.join(eol)}${eol}`;
}

function round(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'monev-thread-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function manyFiles(extra: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 90; i++) files[`unit-${String(i).padStart(3, '0')}.csv`] = longCsv(i);
  return { ...files, ...extra };
}

function wideCsv(units: number, row: (i: number) => string = (i) => `u${i},Unit ${i},${IDS.map((_, k) => answer(i, k)).join(',')}`): string {
  return `unit,name,${IDS.join(',')}\n${Array.from({ length: units }, (_, i) => row(i)).join('\n')}\n`;
}

function expectSameOnBothThreads(args: string[]): { stdout: string; stderr: string; code: number | null } {
  const two = monev([...args, '--threads', '2']);
  const one = monev([...args, '--threads', '1']);
  expect(two).toEqual(one);
  return two;
}

describe('the parse thread', () => {
  it('scores a round of many files as one thread does, in every format', () => {
    const dir = round(manyFiles({ 'sub/unit-yaml.yaml': `unit: { id: dari-yaml }\nanswers:\n  persyaratan: ya\n` }));
    for (const format of ['json', 'jsonl', 'csv', 'csv-gaps', 'markdown']) {
      const run = expectSameOnBothThreads(['score', dir, '--rubric', RUBRIC, '--format', format, '-q']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('unit-089');
      expect(run.stdout).toContain('dari-yaml');
    }
  });

  it('scores a wide CSV over 1 MiB as one thread does', () => {
    const dir = round({ 'besar.csv': wideCsv(30_000) });
    const run = expectSameOnBothThreads(['score', dir, '--rubric', RUBRIC, '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toHaveLength(30_002);
    // Its unit question as a form exports it, named by --unit-column: the same units.
    const form = round({ 'besar.csv': wideCsv(30_000).replace('unit,name,', 'Unit yang dinilai,name,') });
    const named = expectSameOnBothThreads(['score', form, '--rubric', RUBRIC, '--format', 'csv', '--unit-column', 'Unit yang dinilai']);
    expect([named.code, named.stdout, named.stderr.replaceAll(form, dir)]).toEqual([run.code, run.stdout, run.stderr]);
  });

  it('reports the same problems at the same lines: invalid answers, syntax errors, duplicates, unknown criteria', () => {
    const dir = round(
      manyFiles({
        'unit-010.csv': longCsv(10).replace('waktu,ya', 'waktu,mungkin'),
        'unit-020.csv': 'criterion,value,note\npersyaratan,"ya\nprosedur,ya,\n',
        'unit-030.csv': longCsv(30).replace('criterion,value,note', 'criterion,value,note\nkriteria-baru,ya,'),
        'unit-040.csv': 'unit,criterion,value\nunit-041,persyaratan,ya\n',
        // Unknown columns are named at the header's line, which blank lines can push down.
        'w-kecil.csv': '\r\n\r\nunit,name,persyaratn\nw1,W,ya\n',
        'y-besar.csv': `\n${wideCsv(30_000).replace('unit,name,', 'unit,nama_unit,')}`,
        'z-besar.csv': wideCsv(30_000, (i) => (i === 25_000 ? `u${i},"Unit ${i}" x,ya` : i === 20_000 ? `u${i},Unit,${IDS.map(() => 'entah').join(',')}` : `u${i},Unit ${i},${IDS.map((_, k) => answer(i, k)).join(',')}`)),
      }),
    );
    const run = expectSameOnBothThreads(['score', dir, '--rubric', RUBRIC, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unit-010.csv');
    expect(run.stderr).toContain('unit-020.csv');
    expect(run.stderr).toContain('kriteria-baru');
    expect(run.stderr).toContain('unit-041');
    expect(run.stderr).toMatch(/z-besar\.csv:20002/);
    expect(run.stderr).toMatch(/z-besar\.csv:25002/);
    expect(run.stderr).toMatch(/w-kecil\.csv:3:3: error: unknown criterion `persyaratn`/);
    expect(run.stderr).toMatch(/y-besar\.csv:2:2: error: unknown criterion `nama_unit`/);
  });

  it('reads UTF-16 files and refuses bytes that are not UTF-8 at the same place, whole or streamed', () => {
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const big = wideCsv(30_000, (i) => `u${i},Unit ${i === 29_000 ? 'Café' : i},${IDS.map((_, k) => answer(i, k)).join(',')}`);
    const utf8Dir = round(manyFiles({ 'z-besar.csv': big }));
    const utf16Dir = round(manyFiles());
    writeFileSync(join(utf16Dir, 'z-besar.csv'), utf16(big));
    writeFileSync(join(utf16Dir, 'unit-007.csv'), utf16(longCsv(7)));
    const read = expectSameOnBothThreads(['score', utf16Dir, '--rubric', RUBRIC, '--format', 'csv', '-q']);
    expect(read).toEqual(expectSameOnBothThreads(['score', utf8Dir, '--rubric', RUBRIC, '--format', 'csv', '-q']));
    expect(read.stdout).toContain('u29000,Unit Café,');

    const latin1Dir = round(manyFiles({ 'unit-005.csv': 'criterion,value,note\npersyaratan,ya,sudah dicek \xe9\n' }));
    writeFileSync(join(latin1Dir, 'unit-005.csv'), Buffer.from('criterion,value,note\npersyaratan,ya,sudah dicek \xe9\n', 'latin1'));
    writeFileSync(join(latin1Dir, 'z-besar.csv'), Buffer.from(big, 'latin1'));
    const refused = expectSameOnBothThreads(['score', latin1Dir, '--rubric', RUBRIC, '--format', 'json', '-q']);
    expect(refused.code).toBe(2);
    const notUtf8 = refused.stderr.split('\n').filter((l) => l.includes('[input/not-utf8]'));
    expect(notUtf8.map((l) => l.replace(latin1Dir, 'DIR').replace(/ is not UTF-8 text.*/, ''))).toEqual([
      'DIR/unit-005.csv:2:28: error: byte 0xE9',
      'DIR/z-besar.csv:29002:16: error: byte 0xE9',
    ]);
  });

  it('keeps --fail-under and warnings the same', () => {
    const dir = round(manyFiles({ 'unit-050.csv': 'criterion,value,note\npersyaratan,tidak,\n' }));
    const run = expectSameOnBothThreads(['score', dir, '--rubric', RUBRIC, '--format', 'jsonl', '--fail-under', '60']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[threshold/fail-under]');
  });

  it('takes only 1 or 2 for --threads', () => {
    const run = monev(['score', 'examples/pra-evaluasi', '--threads', '3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--threads');
  });
});
