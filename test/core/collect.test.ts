import { describe, expect, it } from 'vitest';
import { UnitCollector } from '../../src/core/collect.js';
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

const collect = (...sheets: ReturnType<typeof sheet>[]) => {
  const collector = new UnitCollector(rubric);
  for (const s of sheets) collector.add(s);
  return collector;
};

describe('UnitCollector', () => {
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

  it('refuses a second answer for the same unit and criterion, across sheets', () => {
    const { problems } = collect(sheet('u', { persyaratan: 'ya' }), sheet('u', { persyaratan: 'tidak' }));
    expect(problems).toEqual([expect.objectContaining({ code: 'answer/duplicate', params: expect.objectContaining({ criterion: 'persyaratan', unit: 'u', first: 'u.yaml' }) })]);
  });

  it('treats blank answers as missing, not as errors', () => {
    const collector = collect(sheet('u', { persyaratan: '  ', skala: null }));
    expect(collector.problems).toEqual([]);
    expect(collector.result()[0]!.answers.size).toBe(0);
  });

  it('merges sheets of one unit and keeps first-seen order', () => {
    const units = collect(sheet('b', { persyaratan: 'ya' }), sheet('a', { skala: 2 }), sheet('b', { skala: 4 })).result();
    expect(units.map((u) => [u.unit.id, [...u.answers.keys()]])).toEqual([
      ['b', ['persyaratan', 'skala']],
      ['a', ['skala']],
    ]);
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
    expect(collector.problems).toEqual([]);
    const [unit] = collector.result();
    expect(unit!.respondents).toBe(3);
    const u1 = unit!.answers.get('u1')!;
    // u1: (4 + 2 + 3) / 3 = 3 -> fraction 3/4; u2: (3 + 4) / 2 = 3.5 -> 0.875
    expect([u1.responses, u1.mean, u1.fraction]).toEqual([3, 3, 0.75]);
    expect(unit!.answers.get('u2')).toMatchObject({ responses: 2, mean: 3.5, fraction: 0.875 });
    expect(unit!.answers.get('u3')).toMatchObject({ responses: 0, fraction: null });
    expect(unit!.answers.has('u4')).toBe(false);
  });

  it('scores 25 x the mean of element means, as the SKM does', async () => {
    const { score } = await import('../helpers.js');
    // One respondent: 25 x (4 + 3 + 2 + 1) / 4 = 62.5
    expect(score(survey, { u1: 4, u2: 3, u3: 2, u4: 1 }).score).toBe(62.5);
  });
});
