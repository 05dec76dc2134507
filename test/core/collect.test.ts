import { describe, expect, it } from 'vitest';
import { answerFor, UnitCollector } from '../../src/core/collect.js';
import { rubricOf, sheet } from '../helpers.js';

const rubric = rubricOf({
  groups: [
    {
      id: 'g',
      title: 'G',
      criteria: [
        { id: 'persyaratan', title: 'Persyaratan' },
        { id: 'pengaduan', title: 'Pengaduan', na: false },
        { id: 'skala', title: 'Skala', type: 'scale', min: 1, max: 4 },
      ],
    },
  ],
});

/** Each sheet taken as a unit, as `score` does for rubrics that do not average. */
const collect = (...sheets: ReturnType<typeof sheet>[]) => {
  const collector = new UnitCollector(rubric);
  const units = sheets.map((s) => collector.take(s));
  return { units, problems: collector.drain() };
};

describe('UnitCollector', () => {
  it('warns once per text of a visit date that names no day, and still collects the unit', () => {
    const dated = (unit: string, date: string) => ({ ...sheet(unit, { persyaratan: 'ya' }), date, line: 2 });
    const { units, problems } = collect(dated('a', '12/07/2023'), dated('b', 'kemarin'), dated('c', '12 Juli 2023'), dated('d', 'kemarin'), dated('e', ' '));
    expect(units.map((u) => u.unit.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(problems).toEqual([expect.objectContaining({ code: 'assessment/unread-date', severity: 'warning', file: 'b.yaml', line: 2, params: { date: 'kemarin' } })]);
  });

  it('names an unknown criterion and suggests the closest id', () => {
    const { problems } = collect(sheet('u', { persyaratn: 'ya' }));
    expect(problems).toEqual([expect.objectContaining({ code: 'answer/unknown-criterion', params: { criterion: 'persyaratn', suggestion: 'persyaratan' } })]);
  });

  it('reports an invalid answer with the value and what was expected', () => {
    const { problems } = collect(sheet('u', { skala: 7 }));
    expect(problems[0]).toMatchObject({ code: 'answer/invalid', params: { criterion: 'skala', value: 7, spec: { type: 'scale', min: 1, max: 4 } } });
  });

  it('refuses n/a where the rubric says the criterion always applies', () => {
    expect(collect(sheet('u', { pengaduan: 'N/A' })).problems.map((p) => p.code)).toEqual(['answer/na-forbidden']);
  });

  it('refuses a second answer for the same criterion in one sheet (a long CSV), naming the first', () => {
    const s = sheet('u', { persyaratan: 'ya' });
    s.answers.push({ criterion: 'persyaratan', value: 'tidak', file: 'u.csv', line: 3, column: 2 });
    s.answers[0] = { ...s.answers[0]!, file: 'u.csv', line: 2, column: 2 };
    expect(collect(s).problems).toEqual([
      expect.objectContaining({ code: 'answer/duplicate', line: 3, params: { criterion: 'persyaratan', unit: 'u', first: 'u.csv:2:2' } }),
    ]);
  });

  it('treats blank answers as missing, not as errors', () => {
    const { units, problems } = collect(sheet('u', { persyaratan: '  ', skala: null }));
    expect(problems).toEqual([]);
    expect(units[0]!.answers.filter(Boolean)).toHaveLength(0);
  });

  it('reads each sheet by its own criterion ids when sheets list them in other orders or name unknown ones', () => {
    // The criterion met at each place of the last sheet is tried first: a sheet in another order,
    // or with an unknown id where the last had a known one, must still be read by its own ids.
    const { units, problems } = collect(
      sheet('a', { persyaratan: 'ya', pengaduan: 'tidak', skala: 4 }),
      sheet('b', { skala: 1, persyaratan: 'tidak', pengaduan: 'ya' }),
      sheet('c', { persyaratn: 'ya', pengaduan: 'ya', skala: 2 }),
    );
    const fractions = units.map((u) => ['persyaratan', 'pengaduan', 'skala'].map((id) => answerFor(rubric, u, id)?.fraction));
    expect(fractions).toEqual([
      [1, 0, 1],
      [0, 1, 0],
      [undefined, 1, 1 / 3],
    ]);
    expect(problems.map((p) => [p.code, p.params['criterion']])).toEqual([['answer/unknown-criterion', 'persyaratn']]);
  });

  it('reports an unknown criterion once per file, not once per row', () => {
    const rows = [sheet('a', { persyaratn: 'ya' }), sheet('b', { persyaratn: 'ya' })].map((s) => ({ ...s, file: 'round.csv' }));
    expect(collect(...rows).problems).toHaveLength(1);
    expect(collect(sheet('a', { persyaratn: 'ya' }), sheet('b', { persyaratn: 'ya' })).problems).toHaveLength(2);
  });
});

describe('aggregate: mean (respondents)', () => {
  const survey = rubricOf({
    aggregate: 'mean',
    groups: [
      {
        id: 'unsur',
        title: 'Unsur',
        criteria: ['u1', 'u2', 'u3', 'u4'].map((id) => ({ id, title: id, type: 'scale', min: 1, max: 4, scoring: 'ratio' })),
      },
    ],
  });

  it('averages fractions over the answers given; n/a and blanks are left out; all-n/a is n/a; none is missing', () => {
    const collector = new UnitCollector(survey);
    collector.add(sheet('pkm', { u1: 4, u2: 3, u3: 'na', u4: '' }));
    collector.add(sheet('pkm', { u1: 2, u2: '', u3: 'na', u4: '' }));
    collector.add(sheet('pkm', { u1: 3, u2: 4, u3: 'tidak berlaku', u4: null }));
    expect(collector.drain()).toEqual([]);
    const [unit] = collector.result();
    expect(unit!.respondents).toBe(3);
    const u1 = answerFor(survey, unit!, 'u1')!;
    // u1: (4 + 2 + 3) / 3 = 3 -> fraction 3/4; u2: (3 + 4) / 2 = 3.5 -> 0.875
    expect([u1.responses, u1.mean, u1.fraction]).toEqual([3, 3, 0.75]);
    expect(answerFor(survey, unit!, 'u2')).toMatchObject({ responses: 2, mean: 3.5, fraction: 0.875 });
    expect(answerFor(survey, unit!, 'u3')).toMatchObject({ responses: 0, fraction: null });
    expect(answerFor(survey, unit!, 'u4')).toBeUndefined();
  });

  it('scores 25 x the mean of element means, as the SKM does', async () => {
    const { score } = await import('../helpers.js');
    // One respondent: 25 x (4 + 3 + 2 + 1) / 4 = 62.5
    expect(score(survey, { u1: 4, u2: 3, u3: 2, u4: 1 }).score).toBe(62.5);
  });
});
