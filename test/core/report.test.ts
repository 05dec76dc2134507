import { describe, expect, it } from 'vitest';
import { summaryByType, unitsInOrder } from '../../src/core/report.js';
import type { UnitResult } from '../../src/core/score.js';
import { TRAFFIC_ZONES } from '../helpers.js';

const zones = TRAFFIC_ZONES.map((z) => ({ ...z, color: z.id as 'green' }));
const zoneOf = (score: number) => zones.find((z) => score >= z.min)!;
// Only what these functions read of a unit's result.
const unit = (id: string, score: number, type?: string) => ({ unit: { id, type }, score, scoreExact: score, zone: zoneOf(score) }) as unknown as UnitResult;

describe('the round by unit type', () => {
  it('counts, averages and zones each type, in order of first appearance (hand-computed)', () => {
    const units = [unit('dinkes', 62.86, 'dinas'), unit('pkm-a', 17.43, 'puskesmas'), unit('dinsos', 39.33, 'dinas'), unit('disduk', 95.01, 'dinas'), unit('pkm-b', 59.45, 'puskesmas'), unit('x', 81, ' ')];
    expect(summaryByType(units, zones, '(no type)')).toEqual([
      // (62.86 + 39.33 + 95.01) / 3 = 65.7333… -> 65.73
      { type: 'dinas', units: 3, mean: 65.73, zones: [{ id: 'green', count: 1 }, { id: 'yellow', count: 1 }, { id: 'red', count: 1 }] },
      // (17.43 + 59.45) / 2 = 38.44
      { type: 'puskesmas', units: 2, mean: 38.44, zones: [{ id: 'green', count: 0 }, { id: 'yellow', count: 1 }, { id: 'red', count: 1 }] },
      { type: '(no type)', units: 1, mean: 81, zones: [{ id: 'green', count: 1 }, { id: 'yellow', count: 0 }, { id: 'red', count: 0 }] },
    ]);
  });

  it('is empty when the units name fewer than two types', () => {
    expect(summaryByType([unit('a', 50, 'dinas'), unit('b', 60, 'dinas')], zones, '-')).toEqual([]);
    expect(summaryByType([unit('a', 50), unit('b', 60)], zones, '-')).toEqual([]);
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
