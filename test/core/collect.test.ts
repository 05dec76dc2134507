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
