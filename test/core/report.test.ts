import { describe, expect, it } from 'vitest';
import { elementStandings, heatGrid, roundPath, summaryBy, unitsInOrder, type ScoreReport } from '../../src/core/report.js';
import { UnitCollector } from '../../src/core/collect.js';
import { scoreUnit } from '../../src/core/score.js';
import { rubricOf, score as scoreOf, sheet } from '../helpers.js';
import type { UnitResult } from '../../src/core/score.js';
import { TRAFFIC_ZONES } from '../helpers.js';

const zones = TRAFFIC_ZONES.map((z) => ({ ...z, color: z.id as 'green' }));
const zoneOf = (score: number) => zones.find((z) => score >= z.min)!;
// Only what these functions read of a unit's result.
const unit = (id: string, score: number, type?: string, region?: string) => ({ unit: { id, type, region }, score, scoreExact: score, zone: zoneOf(score) }) as unknown as UnitResult;

describe('the round by unit type', () => {
  it('counts, averages and zones each type, in order of first appearance (hand-computed)', () => {
    const units = [unit('dinkes', 62.86, 'dinas'), unit('pkm-a', 17.43, 'puskesmas'), unit('dinsos', 39.33, 'dinas'), unit('disduk', 95.01, 'dinas'), unit('pkm-b', 59.45, 'puskesmas'), unit('x', 81, ' ')];
    expect(summaryBy('type', units, zones, '(no type)')).toEqual([
      // (62.86 + 39.33 + 95.01) / 3 = 65.7333… -> 65.73, yellow (51 <= 65.73 < 81)
      { name: 'dinas', units: 3, mean: 65.73, meanZone: { id: 'yellow', label: 'Zona Kuning', color: 'yellow' }, zones: [{ id: 'green', count: 1 }, { id: 'yellow', count: 1 }, { id: 'red', count: 1 }] },
      // (17.43 + 59.45) / 2 = 38.44, red
      { name: 'puskesmas', units: 2, mean: 38.44, meanZone: { id: 'red', label: 'Zona Merah', color: 'red' }, zones: [{ id: 'green', count: 0 }, { id: 'yellow', count: 1 }, { id: 'red', count: 1 }] },
      { name: '(no type)', units: 1, mean: 81, meanZone: { id: 'green', label: 'Zona Hijau', color: 'green' }, zones: [{ id: 'green', count: 1 }, { id: 'yellow', count: 0 }, { id: 'red', count: 0 }] },
    ]);
  });

  it('is empty when the units name fewer than two types', () => {
    expect(summaryBy('type', [unit('a', 50, 'dinas'), unit('b', 60, ' Dinas ')], zones, '-')).toEqual([]);
    expect(summaryBy('type', [unit('a', 50), unit('b', 60)], zones, '-')).toEqual([]);
  });
});

describe('the round by region', () => {
  it("grades each region's mean and ranks the regions by it, names compared case-blind (hand-computed)", () => {
    const units = [
      unit('dinkes-langkat', 62.86, 'dinas', 'Kabupaten Langkat'),
      unit('dinkes-asahan', 90.5, 'dinas', 'Kabupaten Asahan'),
      unit('pkm-langkat', 17.43, 'puskesmas', 'kabupaten  langkat'),
      unit('dinsos-asahan', 70.1, 'dinas', 'Kabupaten Asahan'),
      unit('x', 55),
    ];
    expect(summaryBy('region', units, zones, '(no region)').map((r) => [r.name, r.units, r.mean, r.meanZone.id])).toEqual([
      // (90.5 + 70.1) / 2 = 80.3: yellow, just short of green
      ['Kabupaten Asahan', 2, 80.3, 'yellow'],
      ['(no region)', 1, 55, 'yellow'],
      // (62.86 + 17.43) / 2 = 40.145 -> 40.15 (half away from zero): red
      ['Kabupaten Langkat', 2, 40.15, 'red'],
    ]);
  });
});

describe('the order units are listed in', () => {
  const units = [unit('b', 54.63), unit('c', 99.89), unit('a', 54.63)];
  it('as read, by score (level units by id), or by id', () => {
    expect(unitsInOrder(units, 'input').map((u) => u.unit.id)).toEqual(['b', 'c', 'a']);
    expect(unitsInOrder(units, 'score').map((u) => u.unit.id)).toEqual(['c', 'a', 'b']);
    expect(unitsInOrder(units, 'id').map((u) => u.unit.id)).toEqual(['a', 'b', 'c']);
  });
});

describe("a survey unit's criteria, each on the rubric's scale and graded by its zones", () => {
  it('grades each element as the SKM does the whole: 25 x its mean answer, against the IKM intervals (hand-computed)', () => {
    const skm = rubricOf({
      aggregate: 'mean',
      zones: [
        { id: 'a', label: 'A - Sangat Baik', min: 88.31 },
        { id: 'b', label: 'B - Baik', min: 76.61 },
        { id: 'c', label: 'C - Kurang Baik', min: 65 },
        { id: 'd', label: 'D - Tidak Baik', min: 0 },
      ],
      groups: [{ id: 'unsur', title: 'Unsur', criteria: ['u1', 'u2', 'u3', 'u4'].map((id) => ({ id, title: id.toUpperCase(), type: 'scale', min: 1, max: 4, scoring: 'ratio' })) }],
    });
    const collector = new UnitCollector(skm);
    collector.add(sheet('pkm', { u1: 4, u2: 3, u3: 'na', u4: 3 }));
    collector.add(sheet('pkm', { u1: 3, u2: 3, u3: 'na', u4: 2 }));
    collector.add(sheet('pkm', { u1: 4, u2: 2, u3: 'na', u4: 3 }));
    const outcome = scoreUnit(skm, collector.result()[0]!);
    if (!outcome.ok) throw new Error('not scored');
    const head = { scale: 100, zones: skm.zones, criteria: skm.criterionList.map((c) => ({ id: c.id, title: c.title, group: c.groupPath })) };
    const grades = elementStandings(outcome.result, head).map((e) => [e.id, e.title, e.responses, e.mean, e.score, e.zone?.id ?? null]);
    // The round's heat map of a survey is by criterion. A second unit: u1 (4 + 3 + 3) / 12 = 83.33,
    // u2 (2 + 2 + 3) / 12 = 58.33, u3 3 / 4 = 75, u4 n/a. Means of the rounded scores where they
    // apply: u1 (91.67 + 83.33) / 2 = 87.5, u2 (66.67 + 58.33) / 2 = 62.5, u3 75, u4 66.67.
    const second = new UnitCollector(skm);
    second.add(sheet('pkm2', { u1: 4, u2: 2, u3: 3, u4: 'na' }));
    second.add(sheet('pkm2', { u1: 3, u2: 2, u3: '', u4: 'na' }));
    second.add(sheet('pkm2', { u1: 3, u2: 3, u3: '', u4: 'na' }));
    const other = scoreUnit(skm, second.result()[0]!);
    if (!other.ok) throw new Error('not scored');
    const round = { rubric: { ...head, aggregate: 'mean', groups: [{ id: 'unsur', title: 'Unsur' }] }, units: [outcome.result, other.result], summary: { groups: [] } };
    const grid = heatGrid(round as unknown as ScoreReport);
    expect(grid.columns.map((c) => c.id)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(grid.rows).toEqual([
      [91.67, 66.67, null, 66.67],
      [83.33, 58.33, 75, null],
    ]);
    expect(grid.means).toEqual([87.5, 62.5, 75, 66.67]);
    expect(grades).toEqual([
      // u1: (4 + 3 + 4) / 3 = 3.6667; 25 x 3.6667 = 91.67 -> A (>= 88.31)
      ['u1', 'U1', 3, 11 / 3, 91.67, 'a'],
      // u2: 8 / 3 = 2.6667 -> 66.67, C (65.00-76.60)
      ['u2', 'U2', 3, 8 / 3, 66.67, 'c'],
      // u3: every answer n/a: no grade
      ['u3', 'U3', 0, null, null, null],
      // u4: 8 / 3 -> 66.67, C
      ['u4', 'U4', 3, 8 / 3, 66.67, 'c'],
    ]);
  });
});

describe("the round's path to the next zone", () => {
  // Worth 25, 25 and 50 points.
  const rubric = rubricOf({ groups: [{ id: 'g', title: 'G', criteria: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }, { id: 'c', title: 'C', weight: 2 }] }] });
  const round = (answers: Record<string, Record<string, string>>) => ({ rubric: { aggregate: 'none' as const, zones: rubric.zones }, units: Object.entries(answers).map(([id, a]) => scoreOf(rubric, a, id)) });

  it('closes the largest gaps across the units until the mean reaches the next zone (hand-computed)', () => {
    // 75 + 50 + 0 = 125, mean 41.67: red. Yellow starts at 51 (a sum of 153). The largest gap is
    // u3's c (50 points): 175 / 3 = 58.33, yellow, with one gap.
    const path = roundPath(round({ u1: { a: 'ya', b: 'tidak', c: 'ya' }, u2: { a: 'tidak', b: 'tidak', c: 'ya' }, u3: { a: 'tidak', b: 'tidak', c: 'tidak' } }));
    expect(path).toEqual({ zone: { id: 'yellow', label: 'Zona Kuning', color: 'yellow' }, from: 51, mean: 58.33, gaps: 1, units: [{ unit: 'u3', name: undefined, close: ['c'], before: 0, after: 50 }] });
  });

  it('takes a tie of equal losses in the unit that scored lower first, and counts every gap it needs', () => {
    // 75 + 50 + 100 = 225, mean 75: yellow; green needs 81 (a sum of 243). Three gaps lose 25:
    // u1's b (u1 at 75) and u2's a and b (u2 at 50): u2's a first. 250 / 3 = 83.33.
    expect(roundPath(round({ u1: { a: 'ya', b: 'tidak', c: 'ya' }, u2: { a: 'tidak', b: 'tidak', c: 'ya' }, u4: { a: 'ya', b: 'ya', c: 'ya' } }))).toMatchObject({
      zone: { id: 'green' },
      mean: 83.33,
      gaps: 1,
      units: [{ unit: 'u2', close: ['a'], before: 50, after: 75 }],
    });
    // Red to yellow over several units: 25 + 25 + 0 = 50, mean 16.67; yellow needs a sum of 153.
    // The 50-point gaps come first, the lowest unit's first: u3's c (sum 100, mean 33.33), then
    // u1's c (150, 50.00) and u2's c (200, 66.67): three gaps. Units listed by points gained, then id.
    const several = roundPath(round({ u1: { a: 'ya', b: 'tidak', c: 'tidak' }, u2: { a: 'tidak', b: 'ya', c: 'tidak' }, u3: { a: 'tidak', b: 'tidak', c: 'tidak' } }));
    expect(several).toMatchObject({ zone: { id: 'yellow' }, mean: 66.67, gaps: 3 });
    expect(several!.units.map((u) => [u.unit, u.close, u.before, u.after])).toEqual([
      ['u1', ['c'], 25, 75],
      ['u2', ['c'], 25, 75],
      ['u3', ['c'], 0, 50],
    ]);
  });

  it('rounds each unit as its score is rounded, and the mean as the summary does', () => {
    // Thirds: each criterion is worth 33.333… One yes is 33.33; two are 66.67 (66.666… rounded).
    const thirds = rubricOf({ groups: [{ id: 'g', title: 'G', criteria: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }, { id: 'c', title: 'C' }] }] });
    const units = ['u1', 'u2'].map((id) => scoreOf(thirds, { a: 'ya', b: 'tidak', c: 'tidak' }, id));
    // 33.33 + 33.33 = 66.66, mean 33.33: red. All four gaps lose 33.33 in units scoring 33.33:
    // in the order of the units, then of their gaps. Closing u1's b: 66.67 (66.666… rounded) +
    // 33.33 = 100, mean 50: still red. Closing u1's c: u1 scores 100 (its exact score, rounded
    // once; adding up rounded thirds would give 99.99), 100 + 33.33 = 133.33, mean 66.67 (66.665
    // rounded half away): yellow.
    expect(roundPath({ rubric: { aggregate: 'none', zones: thirds.zones }, units })).toMatchObject({ mean: 66.67, gaps: 2, units: [{ unit: 'u1', close: ['b', 'c'], before: 33.33, after: 100 }] });
  });

  it('has none in the top zone, without units, or for a survey', () => {
    expect(roundPath(round({ u: { a: 'ya', b: 'ya', c: 'ya' } }))).toBeNull();
    expect(roundPath({ rubric: { aggregate: 'none', zones: rubric.zones }, units: [] })).toBeNull();
    expect(roundPath({ rubric: { aggregate: 'mean', zones: rubric.zones }, units: round({ u: { a: 'tidak', b: 'tidak', c: 'tidak' } }).units })).toBeNull();
  });
});
