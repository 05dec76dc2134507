import { describe, expect, it } from 'vitest';
import { UnitCollector } from '../../src/core/collect.js';
import { scoreUnit } from '../../src/core/score.js';
import { rubricOf, score, sheet } from '../helpers.js';

/** Every expectation below is computed by hand in the comment beside it. */

const nested = rubricOf({
  groups: [
    {
      id: 'a',
      title: 'A',
      weight: 3,
      criteria: [
        { id: 'a1', title: 'a1' },
        { id: 'a2', title: 'a2' },
        { id: 'a3', title: 'a3', weight: 2 },
      ],
    },
    {
      id: 'b',
      title: 'B',
      weight: 1,
      groups: [
        { id: 'b-1', title: 'B1', criteria: [{ id: 'b1', title: 'b1' }, { id: 'b2', title: 'b2' }] },
        { id: 'b-2', title: 'B2', criteria: [{ id: 'b3', title: 'b3' }] },
      ],
    },
  ],
});

describe('n/a redistribution in nested groups', () => {
  // a2 n/a: A's weight goes to a1 (1) and a3 (2): A = (1*1 + 2*0) / 3 = 1/3.
  // b3 n/a makes group B2 n/a, so B = B1 = (1 + 0) / 2 = 0.5.
  // Root = (3 * 1/3 + 1 * 0.5) / 4 = 0.375 -> 37.50.
  const result = score(nested, { a1: 'ya', a2: 'na', a3: 'tidak', b1: 'yes', b2: 'no', b3: 'tidak berlaku' });

  it('scores the applicable part only', () => {
    expect(result.scoreExact).toBeCloseTo(37.5, 10);
    expect(result.score).toBe(37.5);
    expect(result.zone.id).toBe('red');
  });

  it('gives each criterion its share: weight / applicable sibling weights along the path', () => {
    const byId = Object.fromEntries(result.criteria.map((c) => [c.id, c]));
    // a1: 3/4 * 1/3 = 0.25 of 100; a3: 3/4 * 2/3 = 0.5; b1, b2: 1/4 * 1 * 1/2 = 0.125.
    expect(byId.a1).toMatchObject({ status: 'met', worth: 25, points: 25, lost: 0 });
    expect(byId.a3).toMatchObject({ status: 'unmet', worth: 50, points: 0, lost: 50 });
    expect(byId.b1).toMatchObject({ status: 'met', worth: 12.5, points: 12.5 });
    expect(byId.b2).toMatchObject({ status: 'unmet', worth: 12.5, lost: 12.5 });
    expect(byId.a2).toMatchObject({ status: 'na', fraction: null, worth: 0, lost: 0 });
    expect(byId.b3).toMatchObject({ status: 'na', worth: 0 });
  });

  it('reports groups with their own score and n/a groups as null', () => {
    const [a, b] = result.groups;
    expect(a).toMatchObject({ id: 'a', score: 33.33, worth: 75, points: 25 });
    expect(b).toMatchObject({ id: 'b', score: 50, worth: 25, points: 12.5 });
    expect(b!.groups.map((g) => [g.id, g.score])).toEqual([['b-1', 50], ['b-2', null]]);
  });

  it('lists gaps by lost points, then id, and the fewest gaps to the next zone', () => {
    expect(result.gaps.map((g) => [g.criterion, g.status, g.lost])).toEqual([
      ['a3', 'unmet', 50],
      ['b2', 'unmet', 12.5],
    ]);
    // Red -> yellow needs 51: closing a3 alone gives 87.50, which is even green.
    expect(result.nextZone).toEqual({ zone: { id: 'green', label: 'Zona Hijau', color: 'green' }, close: ['a3'], score: 87.5 });
  });
});

describe('gap order', () => {
  // Weights 1, 2, 1, 1 of 5: each unmet criterion loses weight / 5 x 100 points. "m2" (2) loses
  // 40 and comes first; "z", "b" and "m" lose 20 each and follow by id, not by rubric order.
  const rubric = rubricOf({
    groups: [{ id: 'g', title: 'G', criteria: [{ id: 'z', title: 'z' }, { id: 'm2', title: 'm2', weight: 2 }, { id: 'b', title: 'b' }, { id: 'm', title: 'm' }] }],
  });

  it('puts the largest loss first, then equal losses by id', () => {
    const result = score(rubric, { z: 'tidak', m2: 'tidak', b: 'tidak', m: 'tidak' });
    expect(result.gaps.map((g) => [g.criterion, g.lost])).toEqual([
      ['m2', 40],
      ['b', 20],
      ['m', 20],
      ['z', 20],
    ]);
  });
});

describe('missing answers', () => {
  it('score 0, are gaps with status missing and keep their weight', () => {
    // a1 yes, a3 missing (2/3 of A), a2 yes; B all yes. A = (1 + 1 + 0) / 4 = 0.5; root = (3*0.5 + 1) / 4 = 0.625.
    const result = score(nested, { a1: 'ya', a2: 'ya', b1: 'ya', b2: 'ya', b3: 'ya' });
    expect(result.score).toBe(62.5);
    expect(result.gaps).toEqual([{ criterion: 'a3', title: 'a3', group: ['a'], value: null, status: 'missing', lost: 37.5, cap: undefined }]);
  });

  it('a unit whose every answer is n/a is not scored', () => {
    const collector = new UnitCollector(nested);
    const outcome = scoreUnit(nested, collector.take(sheet('u', { a1: 'na', a2: 'na', a3: 'na', b1: 'na', b2: 'na', b3: 'na' })));
    expect(outcome).toEqual({ ok: false, problem: expect.objectContaining({ code: 'unit/no-applicable', params: expect.objectContaining({ unit: 'u' }) }) });
  });
});

describe('criterion types', () => {
  const typed = rubricOf({
    groups: [
      {
        id: 'g',
        title: 'G',
        criteria: [
          { id: 'lin', title: 'linear', type: 'scale', min: 1, max: 4 },
          { id: 'rat', title: 'ratio', type: 'scale', min: 1, max: 4, scoring: 'ratio', labels: { 'tidak sesuai': 1, 'kurang sesuai': 2, sesuai: 3, 'sangat sesuai': 4 } },
          { id: 'cho', title: 'choice', type: 'choice', options: [{ value: 'Lengkap', score: 1 }, { value: 'sebagian', score: 0.5 }, { value: 'tidak', score: 0 }] },
          { id: 'pct', title: 'percent', type: 'percent' },
          { id: 'num', title: 'number', type: 'number', bands: [{ min: 0, score: 1 }, { min: 6, score: 0.5 }, { min: 15, score: 0 }] },
          { id: 'boo', title: 'boolean' },
        ],
      },
    ],
  });
  const fractions = (answers: Record<string, unknown>) =>
    Object.fromEntries(score(typed, answers).criteria.map((c) => [c.id, c.fraction]));

  it('maps each answer to its fraction', () => {
    const f = fractions({ lin: 3, rat: '3', cho: 'SEBAGIAN ', pct: '85,5', num: '7,5', boo: 'Ada' });
    expect(f.lin).toBeCloseTo(2 / 3, 12); // (3 - 1) / (4 - 1)
    expect(f.rat).toBe(0.75); // 3 / 4
    expect(f.cho).toBe(0.5);
    expect(f.pct).toBeCloseTo(0.855, 12);
    expect(f.num).toBe(0.5); // band min 6 <= 7.5 < 15
    expect(f.boo).toBe(1);
  });

  it("reads a spreadsheet checkbox as yes or no: TRUE / FALSE, or BENAR / SALAH from Excel set to Indonesian", () => {
    const boo = (answer: string) => score(typed, { lin: 3, rat: 3, cho: 'sebagian', pct: 85.5, num: 7.5, boo: answer }).criteria.find((c) => c.id === 'boo')!.fraction;
    expect(['TRUE', 'FALSE', 'BENAR', 'SALAH', 'Benar', 'salah'].map(boo)).toEqual([1, 0, 1, 0, 1, 0]);
  });

  it('reads a scale answer written with its words as the point they name, the value recorded as that number', () => {
    const result = score(typed, { lin: 3, rat: '  Kurang   SESUAI ', cho: 'sebagian', pct: 85.5, num: 7.5, boo: 'ya' });
    expect(result.criteria.find((c) => c.id === 'rat')).toMatchObject({ value: 2, fraction: 0.5 }); // 2 / 4
    // Only the scale with words takes them.
    expect(() => score(typed, { lin: 'sesuai', rat: 3, cho: 'sebagian', pct: 85.5, num: 7.5, boo: 'ya' })).toThrow(/answer\/invalid/);
  });

  it('reads a choice as a questionnaire prints it, with its letter or number; a number that is not the word\'s point is invalid', () => {
    const rat = (answer: string) => score(typed, { lin: 3, rat: answer, cho: 'sebagian', pct: 85.5, num: 7.5, boo: 'ya' }).criteria.find((c) => c.id === 'rat')!.value;
    expect(['a. Tidak sesuai', 'b) kurang sesuai', '3 - Sesuai', '4. Sangat sesuai', 'Sangat sesuai (4)', 'd.sangat sesuai'].map(rat)).toEqual([1, 2, 3, 4, 4, 4]);
    expect(() => rat('1. Sangat sesuai')).toThrow(/answer\/invalid/);
    expect(() => rat('Sangat sesuai (3)')).toThrow(/answer\/invalid/);
    expect(() => rat('e. agak sesuai')).toThrow(/answer\/invalid/);
    const cho = (answer: string) => score(typed, { lin: 3, rat: 3, cho: answer, pct: 85.5, num: 7.5, boo: 'ya' }).criteria.find((c) => c.id === 'cho')!.value;
    expect(['a. Lengkap', 'b) sebagian', '3 - tidak'].map(cho)).toEqual(['Lengkap', 'sebagian', 'tidak']);
  });

  it('scores the mean of the six fractions', () => {
    // (2/3 + 0.75 + 0.5 + 0.855 + 0.5 + 1) / 6 * 100 = 427.1667 / 6 = 71.19444 -> 71.19
    const result = score(typed, { lin: 3, rat: 3, cho: 'sebagian', pct: 85.5, num: 7.5, boo: 'ya' });
    expect(result.scoreExact).toBeCloseTo(427.16666666666667 / 6, 10);
    expect(result.score).toBe(71.19);
    expect(result.criteria.find((c) => c.id === 'num')?.status).toBe('partial');
  });

  it('treats band edges as belonging to the upper band', () => {
    expect(fractions({ num: 6 }).num).toBe(0.5);
    expect(fractions({ num: 15 }).num).toBe(0);
    expect(fractions({ num: 0 }).num).toBe(1);
  });

  it('rejects answers outside what each type allows', () => {
    for (const [criterion, value] of [
      ['lin', 5],
      ['lin', 2.5],
      ['rat', 0],
      ['cho', 'semua'],
      ['pct', 101],
      ['pct', 'banyak'],
      ['num', -1],
      ['boo', 'mungkin'],
    ] as const) {
      const collector = new UnitCollector(typed);
      collector.take(sheet('u', { [criterion]: value }));
      expect(collector.drain().map((p) => p.code), `${criterion}=${value}`).toEqual(['answer/invalid']);
    }
  });
});

describe('zones, rounding and caps', () => {
  const single = (extra: Record<string, unknown> = {}) =>
    rubricOf({
      groups: [{ id: 'g', title: 'G', criteria: [{ id: 'p', title: 'p', type: 'percent', weight: 9 }, { id: 'c', title: 'c', weight: 1, ...extra }] }],
    });

  it('decides the zone on the score rounded half away from zero', () => {
    const r = single();
    // 0.9 * p + 10 * c: p = 78.883.. gives 70.995 + 10 = 80.995 -> 81.00 green; 80.994 -> 80.99 yellow
    expect(score(r, { p: (70.995 / 0.9).toString(), c: 'ya' })).toMatchObject({ score: 81, zone: { id: 'green' } });
    const below = score(r, { p: (70.994 / 0.9).toString(), c: 'ya' });
    expect(below).toMatchObject({ score: 80.99, zone: { id: 'yellow' } });
    // 0.09 of a point closes the gap: the path names p and the score reached.
    expect(below.nextZone).toMatchObject({ zone: { id: 'green' }, close: ['p'], score: 100 });
  });

  it('caps the zone while a capping criterion is not fully met, and says which', () => {
    const r = single({ cap: 'yellow' });
    // p = 100 -> 90, c = no: score 90.00 (green by score) but capped to yellow by c.
    const result = score(r, { p: 100, c: 'tidak' });
    expect(result).toMatchObject({ score: 90, zone: { id: 'yellow' }, zoneByScore: { id: 'green' }, cappedBy: [{ criterion: 'c', zone: 'yellow' }] });
    // The cap criterion must be closed to reach green, whatever the score.
    expect(result.nextZone).toEqual({ zone: { id: 'green', label: 'Zona Hijau', color: 'green' }, close: ['c'], score: 100 });
  });

  it('a cap at or above the zone the score gives changes nothing', () => {
    const result = score(single({ cap: 'yellow' }), { p: 50, c: 'tidak' });
    // 45.00: red by score; the yellow cap does not lower it.
    expect(result).toMatchObject({ score: 45, zone: { id: 'red' }, cappedBy: [] });
    // Red -> yellow needs 51: c (10 points) is a yellow cap, not below yellow, so not required; p's 45 points come first.
    expect(result.nextZone).toMatchObject({ zone: { id: 'yellow' }, close: ['p'], score: 90 });
  });

  it('takes the largest gaps first for the fewest closures', () => {
    const r = rubricOf({
      groups: [{ id: 'g', title: 'G', criteria: [1, 2, 3, 4, 10].map((w) => ({ id: `c${w}`, title: `c${w}`, weight: w })) }],
    });
    // Total weight 20; all no -> 0. Yellow needs 51%: c10 (50) + c4 (20) = 70 -> 2 gaps, not 3 smaller ones.
    const result = score(r, { c1: 'no', c2: 'no', c3: 'no', c4: 'no', c10: 'no' });
    expect(result.nextZone).toMatchObject({ zone: { id: 'yellow' }, close: ['c10', 'c4'], score: 70 });
  });

  it('has no next zone in the top zone', () => {
    expect(score(single(), { p: 100, c: 'ya' }).nextZone).toBeNull();
  });
});
