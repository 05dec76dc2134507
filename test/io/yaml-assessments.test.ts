import { describe, expect, it } from 'vitest';
import { readSheets } from '../../src/io/assessment-files.js';
import { formatProblem } from '../../src/i18n/format.js';
import { thrownErrorProblems, thrownProblems } from '../helpers.js';

const problems = (text: string) => thrownProblems(() => readSheets('f.yaml', text, 'yaml'));

describe('YAML assessments', () => {
  it('reads answers as scalars or {value, note, evidence}, with their positions', () => {
    const [sheet] = readSheets(
      'units/pkm.yaml',
      'unit: { name: Puskesmas }\ndate: 2023-07-12\nanswers:\n  persyaratan: ya\n  biaya: { value: tidak, note: belum, evidence: foto.jpg }\n  skm: 3\n',
      'yaml',
    );
    expect(sheet).toMatchObject({ unit: { id: 'pkm', name: 'Puskesmas' }, date: '2023-07-12', line: 1 });
    expect(sheet!.answers).toEqual([
      { criterion: 'persyaratan', value: 'ya', note: undefined, evidence: undefined, file: 'units/pkm.yaml', line: 4, column: 3 },
      { criterion: 'biaya', value: 'tidak', note: 'belum', evidence: 'foto.jpg', file: 'units/pkm.yaml', line: 5, column: 3 },
      { criterion: 'skm', value: 3, note: undefined, evidence: undefined, file: 'units/pkm.yaml', line: 6, column: 3 },
    ]);
  });

  it('reads several units from --- separated documents', () => {
    const sheets = readSheets('r.yaml', 'unit: {id: a}\nanswers: {x: ya}\n---\nunit: {id: b}\nanswers: {x: tidak}\n', 'yaml');
    expect(sheets.map((s) => [s.unit.id, s.line])).toEqual([
      ['a', 1],
      ['b', 4],
    ]);
  });

  it('takes `unit: id` as short for `unit: { id: id }`', () => {
    expect(readSheets('a.yaml', 'unit: dinkes\nanswers: {x: ya}\n', 'yaml')[0]!.unit).toEqual({ id: 'dinkes', name: undefined, type: undefined, region: undefined });
    expect(readSheets('a.yaml', 'unit: 1207\nanswers: {x: ya}\n', 'yaml')[0]!.unit.id).toBe('1207');
    expect(problems('unit: [dinkes]\nanswers: {x: ya}\n')).toEqual([['assessment/wrong-type', 1, 7]]);
  });

  it('names every type a value may take, and an infinite number as such', () => {
    const [unit] = thrownErrorProblems(() => readSheets('f.yaml', 'unit: [dinkes]\nanswers: {x: ya}\n', 'yaml'));
    expect(unit!.params).toMatchObject({ expected: 'string | number | mapping', got: 'list' });
    const [infinite] = thrownErrorProblems(() => readSheets('f.yaml', 'answers: {x: 1e400}\n', 'yaml'));
    expect(formatProblem(infinite!)).toBe('f.yaml:1:14: error: expected string | number | boolean | null | mapping, got non-finite number `Infinity` (at answers.x) [assessment/wrong-type]');
    const [empty] = thrownErrorProblems(() => readSheets('f.yaml', 'unit: a\nanswers:\n', 'yaml'));
    expect(formatProblem(empty!)).toBe('f.yaml:2:9: error: expected mapping, got nothing (at answers) [assessment/wrong-type]');
  });

  it('skips empty documents: a trailing ---, comments only', () => {
    expect(readSheets('pkm.yaml', 'answers: {x: ya}\n---\n', 'yaml').map((s) => s.unit.id)).toEqual(['pkm']);
    expect(readSheets('pkm.yaml', '# belum diisi\n', 'yaml')).toEqual([]);
    expect(readSheets('pkm.yaml', '---\nunit: a\nanswers: {x: ya}\n---\n# akhir\n', 'yaml').map((s) => s.unit.id)).toEqual(['a']);
  });

  it('reports what is wrong inside an answer given as a mapping, not that a mapping is the wrong type', () => {
    expect(thrownErrorProblems(() => readSheets('f.yaml', 'answers:\n  x: {note: belum}\n', 'yaml')).map((p) => [p.code, p.line, p.column, p.params])).toEqual([
      ['assessment/missing-key', 2, 6, { key: 'value', expected: 'string | number | boolean | null' }],
    ]);
    expect(thrownProblems(() => readSheets('f.yaml', 'answers:\n  x: {value: ya, catatan: belum}\n', 'yaml'))).toEqual([['assessment/unknown-key', 2, 18]]);
  });

  it('needs a unit id in each document of a multi-document file', () => {
    expect(problems('answers: {x: ya}\n---\nunit: {id: b}\nanswers: {x: ya}\n')).toEqual([['assessment/missing-unit-id', 1, 1]]);
  });

  it('reports unknown keys, duplicate answers and syntax errors at their line', () => {
    expect(problems('unit: {id: a}\nanswer:\n  x: ya\n')).toEqual([
      ['assessment/missing-key', 1, 1],
      ['assessment/unknown-key', 2, 1],
    ]);
    expect(problems('answers:\n  x: ya\n  x: tidak\n')).toEqual([['yaml/syntax', 3, 3]]);
  });

  it('bounds alias expansion and nesting depth', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`), 'answers: {}'].join('\n');
    expect(problems(bomb).map((p) => p[0])).toEqual(['yaml/aliases']);
    expect(problems(`answers: ${'['.repeat(100)}${']'.repeat(100)}\n`).map((p) => p[0])).toEqual(['yaml/too-deep']);
  });
});
