import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problem.js';
import { discoverInputs } from '../../src/io/assessment-files.js';

describe('finding the files of a round', () => {
  const root = mkdtempSync(join(tmpdir(), 'monev-discover-'));
  const round = join(root, 'putaran');
  mkdirSync(join(round, 'kecamatan-b'), { recursive: true });
  mkdirSync(join(round, '.git'));
  mkdirSync(join(round, 'kosong'));
  for (const file of ['pkm-2.csv', 'pkm-10.CSV', 'dinas.yaml', 'catatan.txt', '.tersembunyi.csv', 'rubrik.test.yaml', 'kecamatan-b/pkm-3.yml', 'kecamatan-b/pkm-4.XLSX', 'foto.jpg', '.git/x.csv']) writeFileSync(join(round, file), '');

  it('walks folders in sorted order, skipping hidden entries, rubric tests and other extensions', () => {
    expect(discoverInputs([round])).toEqual(['dinas.yaml', 'kecamatan-b/pkm-3.yml', 'pkm-10.CSV', 'pkm-2.csv'].map((f) => join(round, f)));
  });

  // Paths are built from the folder as given: the same strings path.join gives, whatever way the folder is written.
  it.each([
    ['absolute', round],
    ['with a trailing slash', `${round}/`],
    ['with doubled slashes', round.replace('/putaran', '//putaran')],
    ['relative', relative(process.cwd(), round)],
    ['relative, through ..', join(relative(process.cwd(), round), 'kosong') + '/..'],
    ['relative, starting with ./', `./${relative(process.cwd(), round)}`],
  ])('names each file as path.join would, for a folder written %s', (_, folder) => {
    expect(discoverInputs([folder])).toEqual(['dinas.yaml', join('kecamatan-b', 'pkm-3.yml'), 'pkm-10.CSV', 'pkm-2.csv'].map((f) => join(folder, f)));
  });

  it('names files without a leading ./ when the folder is the working directory', () => {
    const cwd = process.cwd();
    process.chdir(round);
    try {
      expect(discoverInputs(['.'])).toEqual(['dinas.yaml', 'kecamatan-b/pkm-3.yml', 'pkm-10.CSV', 'pkm-2.csv']);
      expect(discoverInputs(['./'])).toEqual(['dinas.yaml', 'kecamatan-b/pkm-3.yml', 'pkm-10.CSV', 'pkm-2.csv']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('reads a file named twice once, where it came first; standard input is left as given', () => {
    const pkm2 = join(round, 'pkm-2.csv');
    expect(discoverInputs([pkm2, round, `${round}/./pkm-2.csv`])).toEqual([pkm2, ...['dinas.yaml', 'kecamatan-b/pkm-3.yml', 'pkm-10.CSV'].map((f) => join(round, f))]);
    expect(discoverInputs([join(round, 'dinas.yaml'), relative(process.cwd(), join(round, 'dinas.yaml'))])).toEqual([join(round, 'dinas.yaml')]);
    expect(discoverInputs(['-', pkm2, '-'])).toEqual(['-', pkm2, '-']);
  });

  it('tells of a workbook in a folder, which it does not read, and of nothing else passed over', () => {
    const told: Problem[] = [];
    expect(discoverInputs([round], (p) => told.push(p))).toHaveLength(4);
    expect(told).toEqual([{ code: 'input/workbook-skipped', severity: 'warning', params: { extension: '.XLSX' }, file: join(round, 'kecamatan-b', 'pkm-4.XLSX') }]);
  });
});
