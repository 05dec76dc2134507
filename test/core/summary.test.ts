import { describe, expect, it } from 'vitest';
import { summaryAccumulator } from '../../src/core/summary.js';
import { zoneFor } from '../../src/core/score.js';
import { TRAFFIC_ZONES, rubricOf, score } from '../helpers.js';

describe("the round's mean and the zone it is in (rule 12)", () => {
  it('reads the rounded mean on the zones, as a unit is read by its rounded score (hand-computed)', () => {
    const rubric = rubricOf({ groups: [{ id: 'g', title: 'G', criteria: [{ id: 'k', title: 'K', type: 'percent' }] }] });
    const acc = summaryAccumulator(rubric);
    for (const [i, value] of ['50.99', '51', '51'].entries()) acc.add(score(rubric, { k: value }, `u${i}`));
    // (50.99 + 51 + 51) / 3 = 50.99666… -> 51.00: Zona Kuning (min 51). Unrounded it would be red.
    expect(acc.summary()).toMatchObject({ mean: 51, meanZone: { id: 'yellow', label: 'Zona Kuning' }, median: 51 });
  });

  it("takes no cap: a cap holds a unit's zone, the round's grade is its mean's", () => {
    const rubric = rubricOf({
      groups: [{ id: 'g', title: 'G', criteria: [{ id: 'k', title: 'K', type: 'percent', weight: 9 }, { id: 'maklumat', title: 'Maklumat', cap: 'yellow' }] }],
    });
    const acc = summaryAccumulator(rubric);
    const units = ['a', 'b'].map((id) => score(rubric, { k: '100', maklumat: 'tidak' }, id));
    // 100 x 9/10 = 90 each, green by score, held in yellow by the unpublished maklumat.
    expect(units.map((u) => [u.score, u.zone.id, u.zoneByScore.id])).toEqual([
      [90, 'yellow', 'green'],
      [90, 'yellow', 'green'],
    ]);
    units.forEach((u) => acc.add(u));
    expect(acc.summary()).toMatchObject({ mean: 90, meanZone: { id: 'green' } });
  });

  it('has no mean and no zone for a round without units', () => {
    const rubric = rubricOf({ groups: [{ id: 'g', title: 'G', criteria: [{ id: 'k', title: 'K' }] }] });
    expect(summaryAccumulator(rubric).summary()).toMatchObject({ units: 0, mean: null, meanZone: null, median: null });
  });
});

describe('the zone of a score', () => {
  it('is the zone with the highest min at or below it, in whatever order the zones are listed', () => {
    const descending = TRAFFIC_ZONES;
    const shuffled = [TRAFFIC_ZONES[1]!, TRAFFIC_ZONES[2]!, TRAFFIC_ZONES[0]!];
    for (const zones of [descending, [...descending].reverse(), shuffled]) {
      expect([0, 50.99, 51, 80.99, 81, 100].map((s) => zoneFor(zones, s).id)).toEqual(['red', 'red', 'yellow', 'yellow', 'green', 'green']);
    }
  });
});
