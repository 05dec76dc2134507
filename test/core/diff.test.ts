import { describe, expect, it } from 'vitest';
import { diffRounds, renamedUnits } from '../../src/core/diff.js';
import { SNAPSHOT_RUBRIC, snapshotUnit } from '../helpers.js';

const rubric = SNAPSHOT_RUBRIC;
const unit = snapshotUnit;

describe('comparing two rounds', () => {
  it('computes change, zone movement, gaps closed and opened, and regressions by hand', () => {
    const diff = diffRounds(
      { rubric, units: [unit('dinkes', 'Dinas Kesehatan', 62.86, ['a', 'b']), unit('dinsos', 'Dinas Sosial', 80, ['c'])] },
      { rubric, units: [unit('dinkes', 'Dinas Kesehatan', 48.73, ['a', 'd']), unit('dinsos', 'Dinas Sosial', 81.5, [])] },
    );
    expect(diff.units.map((u) => [u.unit, u.movement, u.change, u.gapsClosed, u.gapsOpened, u.regression])).toEqual([
      // 48.73 - 62.86 = -14.13; yellow -> red
      ['dinkes', 'down', -14.13, ['b'], ['d'], ['zone', 'score', 'gaps']],
      ['dinsos', 'up', 1.5, ['c'], [], []],
    ]);
    expect(diff.regressions).toEqual(['dinkes']);
    // Each round's mean: (62.86 + 80) / 2 = 71.43 and (48.73 + 81.5) / 2 = 65.115 -> 65.12, both yellow.
    expect(diff.summary.mean).toEqual({
      before: 71.43,
      after: 65.12,
      change: -6.31,
      zoneBefore: { id: 'yellow', label: 'Zona Kuning', color: undefined },
      zoneAfter: { id: 'yellow', label: 'Zona Kuning', color: undefined },
    });
  });

  it("compares each region's mean, matched case-blind; a region in one round only has no change (hand-computed)", () => {
    const at = (id: string, score: number, region?: string) => ({ ...unit(id, undefined, score), region });
    const diff = diffRounds(
      { rubric, units: [at('a', 60, 'Kabupaten Asahan'), at('b', 70, 'Kabupaten Asahan'), at('c', 40, 'Kota Tebing Tinggi')] },
      { rubric, units: [at('a', 90, 'kabupaten asahan'), at('b', 80, 'Kabupaten Asahan'), at('d', 55)] },
    );
    expect(diff.summary.byRegion.map((r) => [r.name, r.before, r.after, r.change, r.zoneBefore?.id ?? null, r.zoneAfter?.id ?? null])).toEqual([
      // (60 + 70) / 2 = 65 (yellow), then (90 + 80) / 2 = 85 (green): +20
      ['kabupaten asahan', 65, 85, 20, 'yellow', 'green'],
      // Units without a region are named "" for a renderer to word.
      ['', null, 55, null, null, 'yellow'],
      ['Kota Tebing Tinggi', 40, null, null, 'red', null],
    ]);
    // One region in each round, the same one: nothing to break down.
    const one = diffRounds({ rubric, units: [at('a', 60, 'X')] }, { rubric, units: [at('a', 70, 'X')] });
    expect(one.summary.byRegion).toEqual([]);
  });

  it('has no mean, zone or change for a round without units', () => {
    const diff = diffRounds({ rubric, units: [] }, { rubric, units: [unit('dinkes', 'Dinas Kesehatan', 81)] });
    expect(diff.summary.mean).toEqual({ before: null, after: 81, change: null, zoneBefore: null, zoneAfter: { id: 'green', label: 'Zona Hijau', color: undefined } });
  });

  it('names units in one round only that share a name with one unit in the other: an id that changed', () => {
    const diff = diffRounds(
      { rubric, units: [unit('dinkes', 'Dinas Kesehatan', 60), unit('x1', 'Dinas Sosial', 50), unit('x2', 'Dinas Sosial', 50), unit('pkm', undefined, 70)] },
      { rubric, units: [unit('dinas-kesehatan', 'dinas  kesehatan', 65), unit('dinas-sosial', 'Dinas Sosial', 55), unit('pkm-2', undefined, 70)] },
    );
    expect(diff.summary).toMatchObject({ added: 3, removed: 4 });
    // Dinas Sosial was two units before: which one it became cannot be told. Units without names are not guessed at.
    expect(renamedUnits(diff)).toEqual([{ name: 'Dinas Kesehatan', before: 'dinkes', after: 'dinas-kesehatan' }]);
  });

  it('names units in one round only whose ids differ only in letter case, names or none', () => {
    const diff = diffRounds(
      { rubric, units: [unit('PKM-01', undefined, 70), unit('Dinsos', 'Dinas Sosial', 50), unit('a', undefined, 50), unit('A', undefined, 50), unit('x', 'X', 1)] },
      { rubric, units: [unit('pkm-01', undefined, 72), unit('dinsos', 'Dinas Sosial', 55), unit('a', undefined, 50), unit('A', undefined, 50), unit('X', 'Y', 1)] },
    );
    // Dinsos pairs by its name first; a and A are in both rounds, nothing to pair.
    expect(renamedUnits(diff)).toEqual([
      { name: 'Dinas Sosial', before: 'Dinsos', after: 'dinsos' },
      { before: 'PKM-01', after: 'pkm-01' },
      { before: 'x', after: 'X' },
    ]);
  });
});
