import { describe, expect, it } from 'vitest';
import { resolveLang } from '../src/cli/lang.js';
import { problem } from '../src/core/problem.js';
import { en } from '../src/i18n/en.js';
import { formatProblem } from '../src/i18n/format.js';
import { helpEn, helpId } from '../src/i18n/help.js';
import { id } from '../src/i18n/id.js';
import { localeFor } from '../src/i18n/locale.js';
import { visible } from '../src/i18n/quote.js';
import { uiEn, uiId } from '../src/i18n/ui.js';
import { monev } from './e2e/run-cli.js';

describe('message catalogues', () => {
  it('have the same keys in English and Indonesian', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(uiId).sort()).toEqual(Object.keys(uiEn).sort());
    expect(Object.keys(helpId).sort()).toEqual(Object.keys(helpEn).sort());
  });

  it('word every problem code used in the sources', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
    const codes = new Set<string>();
    for (const f of files('src').filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/problem\(\s*'([a-z]+\/[a-z-]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(30);
    const worded = new Set(Object.keys(en));
    expect([...codes].filter((c) => !worded.has(c) && !worded.has(c.replace(/^(rubric|assessment|result)\//, 'schema/')))).toEqual([]);
  });
});

describe('values quoted in messages', () => {
  it('show what prints as nothing or would break the line, and leave other text as it is', () => {
    expect(visible('\u200Bunit')).toBe('\\u200Bunit');
    expect(visible('ya\u00AD\uFEFF\u202E')).toBe('ya\\u00AD\\uFEFF\\u202E');
    expect(visible('a\tb\nc\r\u0007')).toBe('a\\tb\\nc\\r\\u0007');
    expect(visible('Dinas Kesehatan — Pelayanan Publik, café, 98,5 %')).toBe('Dinas Kesehatan — Pelayanan Publik, café, 98,5 %');
    expect(formatProblem(problem('answer/unknown-criterion', { criterion: '\u200Bunit', suggestion: 'unit' }))).toBe('error: unknown criterion `\\u200Bunit` (did you mean `unit`?) [answer/unknown-criterion]');
  });
});

describe('locale', () => {
  it('writes numbers and dates the Indonesian way in id', () => {
    const idl = localeFor('id');
    const enl = localeFor('en');
    expect(idl.num(78.25)).toBe('78,25');
    expect(enl.num(78.25)).toBe('78.25');
    expect(idl.num(54.625)).toBe('54,63');
    expect(idl.date('2023-07-12')).toBe('12 Juli 2023');
    expect(enl.date('2023-07-12')).toBe('12 July 2023');
    expect(formatProblem(problem('input/not-found', {}, { file: 'x.csv' }), idl)).toBe('x.csv: galat: berkas atau folder tidak ada [input/not-found]');
  });

  it('is chosen by --lang, else MONEV_LANG, else LANG / LC_ALL starting with id, else English', () => {
    expect(resolveLang(undefined, {})).toBe('en');
    expect(resolveLang(undefined, { LANG: 'id_ID.UTF-8' })).toBe('id');
    expect(resolveLang(undefined, { LC_ALL: 'id_ID', LANG: 'en_US' })).toBe('id');
    expect(resolveLang(undefined, { MONEV_LANG: 'en', LANG: 'id_ID.UTF-8' })).toBe('en');
    expect(resolveLang('id', { MONEV_LANG: 'en' })).toBe('id');
    expect(() => resolveLang('fr', {})).toThrow();
  });
});

describe('every command speaks Indonesian', () => {
  it('score, validate, rubrics, template, diff and errors', () => {
    const table = monev(['score', 'examples/pra-evaluasi', '--format', 'table', '--lang', 'id']);
    expect(table.stdout).toContain('│ Unit            │ Nama');
    expect(table.stdout).toContain('54,63');
    expect(table.stdout).toContain('tutup 4 kekurangan (biaya, sarana-disabilitas, petugas-pengaduan, waktu) untuk mencapai Zona Hijau dengan nilai 84,96');
    expect(table.stderr).toContain('peringatan: unit `disdik`: 1 kriteria belum dijawab, dinilai 0');
    const json = JSON.parse(monev(['score', 'examples/pra-evaluasi', '--format', 'json', '--lang', 'id', '-q']).stdout);
    expect(json.units[0].score).toBe(54.63); // JSON keeps plain numbers
    expect(monev(['validate', 'test/fixtures/rubrics/semantic-errors.yaml'], { env: { LANG: 'id_ID.UTF-8' } }).stdout).toContain(
      'galat: tidak ada zona dengan `min: 0`',
    );
    expect(monev(['rubrics', '--lang', 'id']).stdout).toContain('Sumber: Ombudsman Republik Indonesia');
    expect(monev(['template', '--rubric', 'skm-permenpanrb-14-2017', '--lang', 'id']).stdout).toContain('# jawaban: 1..4 | tidak sesuai (1) | kurang sesuai (2) | sesuai (3) | sangat sesuai (4) | na');
    expect(monev(['diff', 'examples/langkat-2023/r1', 'examples/langkat-2023/r2', '--rubric', 'ombudsman-ppp-2023', '--format', 'table', '-q'], { env: { MONEV_LANG: 'id' } }).stdout).toContain(
      '4 naik, 1 turun, 1 tetap zonanya',
    );
    expect(monev(['score', 'tidak-ada.csv', '--lang', 'id']).stderr).toBe('tidak-ada.csv: galat: berkas atau folder tidak ada [input/not-found]\n');
    const help = monev(['score', '--help'], { env: { LANG: 'id_ID.UTF-8' } }).stdout;
    expect(help).toContain('Cara pakai: monev score [opsi] <paths...>'.replace('[opsi]', '[options]'));
    expect(help).toContain('menilai berkas penilaian (CSV atau YAML');
    expect(help).toContain('Opsi:');
    // Commander's own notes after an option, in Indonesian too.
    expect(help).toContain('(pilihan: "input", "score", "id", bawaan: "input")');
    expect(help).toContain('(bawaan: 5)');
    expect(help).not.toMatch(/choices:|default:/);
    expect(monev(['score', '--lang', 'id'])).toMatchObject({ code: 2, stderr: "galat: argumen wajib 'paths' tidak ada\n" });
    expect(monev(['validate', 'rubrics', '--lang', 'id', '--fromat', 'json']).stderr).toBe("galat: opsi tidak dikenal '--fromat'\n(Maksudnya --format?)\n");
    expect(monev(['skor', '--lang', 'id']).stderr).toBe("galat: perintah tidak dikenal 'skor'\n(Maksudnya score?)\n");
  });
});
