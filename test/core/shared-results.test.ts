import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnitCollector } from '../../src/core/collect.js';
import { compileRubric } from '../../src/core/compile.js';
import { RubricSchema } from '../../src/core/rubric-schema.js';
import { gapCount, scoreUnit, topGroupScores, writeUnitJson, type UnitResult } from '../../src/core/score.js';
import { summaryAccumulator } from '../../src/core/summary.js';
import { collectText } from '../../src/core/text-out.js';
import { TRAFFIC_ZONES } from '../helpers.js';

/**
 * A round shares per-criterion results between units that answered alike, and reads counts and
 * group scores straight from the scoring. None of that may change a figure: each unit must come
 * out exactly as it does when scored alone with a freshly compiled rubric.
 */

const definition = {
  id: 'shared',
  title: 'Shared',
  version: '1',
  zones: TRAFFIC_ZONES,
  groups: [
    {
      id: 'a',
      title: 'A',
      weight: 3,
      criteria: [
        { id: 'a1', title: 'a1', cap: 'yellow' },
        { id: 'a2', title: 'a2', weight: 2, type: 'percent' },
        { id: 'a3', title: 'a3', type: 'choice', options: [{ value: 'lengkap', score: 1 }, { value: 'sebagian', score: 0.5 }, { value: 'tidak', score: 0 }] },
      ],
      groups: [{ id: 'a-sub', title: 'A sub', criteria: [{ id: 'a4', title: 'a4' }, { id: 'a5', title: 'a5', type: 'scale', min: 1, max: 4 }] }],
    },
    { id: 'b', title: 'B', weight: 1, criteria: [{ id: 'b1', title: 'b1' }, { id: 'b2', title: 'b2', weight: 0.5 }] },
  ],
};
const compiled = () => compileRubric(RubricSchema.parse(definition));

const choices: Record<string, string[]> = {
  a1: ['ya', 'tidak', 'na', ''],
  a2: ['0', '37', '50', '100', '66,5', 'na', ''],
  a3: ['lengkap', 'sebagian', 'tidak', 'na'],
  a4: ['ya', 'tidak', 'na'],
  a5: ['1', '2', '3', '4', 'na', ''],
  b1: ['ya', 'tidak', 'na'],
  b2: ['ya', 'tidak', 'na', ''],
};
const unitArb = fc.record({
  ...Object.fromEntries(Object.entries(choices).map(([id, values]) => [id, fc.constantFrom(...values)])),
  note: fc.option(fc.constantFrom('papan rusak', 'ada "catatan"', 'ü ñ'), { nil: undefined }),
}) as fc.Arbitrary<Record<string, string> & { note?: string }>;

function scoreWith(rubric: ReturnType<typeof compiled>, id: string, answers: Record<string, string> & { note?: string }): UnitResult | null {
  const collector = new UnitCollector(rubric);
  const unit = collector.take({
    unit: { id, name: `Unit ${id}` },
    file: 'round.yaml',
    answers: Object.keys(choices).map((criterion) => ({ criterion, value: answers[criterion]!, note: criterion === 'a2' ? answers.note : undefined, file: 'round.yaml' })),
  });
  expect(collector.drain().filter((p) => p.severity !== 'warning')).toEqual([]);
  const outcome = scoreUnit(rubric, unit);
  return outcome.ok ? outcome.result : null;
}

describe('results shared between units', () => {
  it('every unit of a round equals the same unit scored alone, in every field and in its JSON text', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 40 }), (round) => {
        const rubric = compiled();
        const summary = summaryAccumulator(rubric);
        const reread = summaryAccumulator(rubric);
        round.forEach((answers, i) => {
          const shared = scoreWith(rubric, `u${i}`, answers);
          const alone = scoreWith(compiled(), `u${i}`, answers);
          if (shared === null) {
            expect(alone).toBeNull();
            return;
          }
          const expected = JSON.stringify(alone);
          // The text first: once a unit's groups or gaps are built, its text is written from them.
          expect(collectText((out) => writeUnitJson(shared, out))).toBe(expected);
          expect(JSON.stringify(shared)).toBe(expected);
          expect(topGroupScores(shared)).toEqual(shared.groups.map((g) => g.score));
          expect(gapCount(shared)).toBe(shared.gaps.length);
          summary.add(shared);
          // Read back from JSON, a result goes through the summary's general path.
          reread.add(JSON.parse(expected) as UnitResult);
        });
        expect(summary.summary()).toEqual(reread.summary());
      }),
      { numRuns: 150 },
    );
  });

  it('shares a criterion result between units that answered alike, frozen; a unit with a note gets its own', () => {
    const rubric = compiled();
    const base = { a1: 'ya', a2: '50', a3: 'lengkap', a4: 'ya', a5: '4', b1: 'tidak', b2: 'ya' };
    const first = scoreWith(rubric, 'u1', base)!;
    const second = scoreWith(rubric, 'u2', base)!;
    const noted = scoreWith(rubric, 'u3', { ...base, note: 'papan rusak' })!;
    const a2 = (u: UnitResult) => u.criteria.find((c) => c.id === 'a2')!;
    expect(a2(second)).toBe(a2(first));
    expect(Object.isFrozen(a2(first))).toBe(true);
    expect(second.gaps[0]).toBe(first.gaps[0]);
    expect(a2(noted)).not.toBe(a2(first));
    expect(a2(noted)).toMatchObject({ note: 'papan rusak', points: a2(first).points });
    // An n/a sibling changes a2's share, so its result is another one.
    const shifted = scoreWith(rubric, 'u4', { ...base, a3: 'na' })!;
    expect(a2(shifted).worth).toBeGreaterThan(a2(first).worth);
  });
});
