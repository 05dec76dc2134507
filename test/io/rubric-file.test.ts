import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/i18n/format.js';
import { checkRubricFile } from '../../src/io/rubric-file.js';

const fixture = (name: string) => `test/fixtures/rubrics/${name}`;
const summary = (file: string) => checkRubricFile(fixture(file)).problems.map((p) => [p.code, p.line, p.column]);

describe('rubric validation positions', () => {
  it('pinpoints structural errors: slug, unknown key, wrong type, unknown criterion type', () => {
    expect(summary('structural-errors.yaml')).toEqual([
      ['rubric/invalid-format', 1, 5],
      ['rubric/unknown-key', 10, 5],
      ['rubric/wrong-type', 14, 17],
      ['rubric/invalid-value', 17, 15],
    ]);
  });

  it('words them with the offending value and what was expected', () => {
    const lines = checkRubricFile(fixture("structural-errors.yaml")).problems.map((p) => formatProblem(p));
    expect(lines).toContain(
      'test/fixtures/rubrics/structural-errors.yaml:10:5: error: unknown key `wieght` (did you mean `weight`?) (at groups.0.wieght) [rubric/unknown-key]',
    );
    expect(lines).toContain(
      'test/fixtures/rubrics/structural-errors.yaml:14:17: error: expected number, got string `tinggi` (at groups.0.criteria.0.weight) [rubric/wrong-type]',
    );
    expect(lines.find((l) => l.includes('invalid-value'))).toMatch(/`boolen` is not allowed: expected one of `boolean`, `scale`, `choice`, `percent`, `number`/);
  });

  it('says how to write a number written the spreadsheet way (0,5 or 40%), and a decimal comma that split a { … } entry', () => {
    const problems = checkRubricFile(fixture('spreadsheet-numbers.yaml')).problems;
    expect(problems.map((p) => [p.code, p.line, p.column, p.params.meant ?? p.params.split])).toEqual([
      ['rubric/unknown-key', 6, 45, { key: 'min', meant: '80.5' }],
      ['rubric/wrong-type', 11, 13, 40],
      ['rubric/wrong-type', 15, 17, 0.5],
      // min: 10 and score: 0 are both whole: which one was cut cannot be told.
      ['rubric/unknown-key', 19, 37, {}],
    ]);
    const lines = problems.map((p) => formatProblem(p));
    expect(lines[0]).toContain('unknown key `5`: inside `{ … }` a comma ends an entry, so a decimal comma splits the number; write `min: 80.5`');
    expect(lines[2]).toContain('expected number, got string `0,5` (write 0.5: a YAML number has a decimal point and no %)');
    expect(lines[3]).toContain('write it with a decimal point');
  });

  it('checks the answer words of a scale: a point off the scale, a word read as n/a first', () => {
    const problems = checkRubricFile(fixture('scale-labels.yaml')).problems;
    expect(problems.map((p) => [p.code, p.line, p.column, p.params])).toEqual([
      ['rubric/label-range', 17, 41, { word: 'sangat puas', point: 5, min: 1, max: 4 }],
      ['rubric/label-is-na', 17, 59, { word: 'tidak berlaku' }],
    ]);
  });

  it('names a missing key or a wrong type where the schema allows several types (version: string or number)', () => {
    const [missing] = checkRubricFile('test/fixtures/rubric-version/missing.yaml').problems;
    expect(missing).toMatchObject({ code: 'rubric/missing-key', line: 1, column: 1, params: { key: 'version', expected: 'string | number' } });
    expect(formatProblem(missing!)).toContain('missing required key `version` (expected string | number)');
    const [list] = checkRubricFile('test/fixtures/rubric-version/list.yaml').problems;
    expect(list).toMatchObject({ code: 'rubric/wrong-type', line: 3, column: 10, params: { expected: 'string | number', got: 'list' } });
  });

  it('pinpoints semantic errors: zones, caps, choice scores, bands, duplicate ids, empty groups', () => {
    expect(summary('semantic-errors.yaml')).toEqual([
      ['rubric/no-zero-zone', 5, 3],
      ['rubric/duplicate-zone-min', 6, 39],
      ['rubric/unknown-zone', 13, 14],
      ['rubric/score-range', 18, 38],
      ['rubric/bands-order', 25, 20],
      ['rubric/duplicate-id', 26, 9],
      ['rubric/empty-group', 30, 5],
    ]);
  });

  it('names an assessment given where a rubric was expected, instead of listing what a rubric lacks', () => {
    for (const file of ['examples/pra-evaluasi/dinas-sosial.yaml', 'examples/pra-evaluasi/opd-lainnya.csv', 'examples/langkat-2023/r1/dinsos.yaml']) {
      expect(checkRubricFile(file).problems.map((p) => p.code), file).toEqual(['rubric/is-assessment']);
    }
    // A rubric's own `answers` (its yes / no / n/a words) does not make it an assessment, even with `groups` missing.
    const dir = mkdtempSync(join(tmpdir(), 'monev-rubric-'));
    const text = readFileSync('examples/rubric-pra-evaluasi.yaml', 'utf8');
    writeFileSync(join(dir, 'r.yaml'), `${text.slice(0, text.indexOf('\ngroups:'))}\nanswers: { yes: [ya, ada], na: ['-'] }\n`);
    expect(checkRubricFile(join(dir, 'r.yaml')).problems.map((p) => p.code)).toEqual(['rubric/missing-key']);
  });

  it('accepts the example rubric', () => {
    const { loaded, problems } = checkRubricFile('examples/rubric-pra-evaluasi.yaml');
    expect(problems).toEqual([]);
    expect(loaded?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports YAML syntax errors with their position', () => {
    const { problems } = checkRubricFile('test/fixtures/bad-syntax.yaml');
    // The flow sequence opened on line 3 is found unclosed where line 4 starts.
    expect(problems[0]).toMatchObject({ code: 'yaml/syntax', line: 4 });
  });
});
