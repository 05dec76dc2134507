import type { CompiledRubric } from './compile.js';
import { meanScore, roundHalfAway } from './round.js';
import { unitFractions, zoneFor, zoneRef, type UnitResult, type ZoneRef } from './score.js';

export interface Summary {
  units: number;
  zones: (ZoneRef & { min: number; count: number })[];
  mean: number | null;
  /**
   * The zone the rounded mean is in (rule 6; a cap is a unit's, not the round's): how the
   * Ombudsman grades a government from the scores of the services it assessed. Null without units.
   */
  meanZone: ZoneRef | null;
  median: number | null;
  /** Every unit by score, highest first; left out (empty) for streamed line formats (jsonl, csv). */
  ranking: { rank: number; unit: string; name?: string | undefined; score: number; zone: string }[];
  /** Each top-level group's mean score across the units where it applies. */
  groups: { id: string; title: string; mean: number | null; units: number }[];
  /** Criteria that are gaps in the most units. */
  commonGaps: { criterion: string; title: string; units: number }[];
  /** With a units list (`--units`): the listed units no sheet assessed, in the list's order. */
  notAssessed?: { unit: string; name?: string }[];
}

/**
 * Running figures over scored units: what a summary needs is kept, the units themselves are not,
 * so that a large round can be streamed out unit by unit.
 */
export function summaryAccumulator(rubric: CompiledRubric, { ranking: keepRanking = true }: { ranking?: boolean } = {}) {
  // Scores for the median in a flat typed array (8 bytes a unit); ranking entries only when wanted.
  let scores = new Float64Array(1024);
  let n = 0;
  const ranked: { unit: string; name?: string | undefined; score: number; zone: string }[] = [];
  const zoneCounts = new Map(rubric.zones.map((z) => [z.id, 0]));
  // Per top-level group and per criterion, by position: counting is then array arithmetic.
  const C = rubric.criterionList.length;
  const groupSums = new Float64Array(rubric.groups.length);
  const groupUnits = new Int32Array(rubric.groups.length);
  const gapUnits = new Int32Array(C);
  return {
    add(result: UnitResult): void {
      if (n === scores.length) {
        const grown = new Float64Array(n * 2);
        grown.set(scores);
        scores = grown;
      }
      scores[n++] = result.score;
      if (keepRanking) ranked.push({ unit: result.unit.id, name: result.unit.name, score: result.score, zone: result.zone.id });
      zoneCounts.set(result.zone.id, (zoneCounts.get(result.zone.id) ?? 0) + 1);
      const fractions = unitFractions(result);
      if (fractions) {
        // Read straight from the scoring, without building the unit's group and gap lists.
        for (let g = 0; g < rubric.groups.length; g++) {
          const f = fractions[C + rubric.groups[g]!.index]!;
          if (f !== f) continue;
          groupSums[g] = groupSums[g]! + roundHalfAway(rubric.scale * f);
          groupUnits[g]!++;
        }
        for (let i = 0; i < C; i++) if (fractions[i]! < 1) gapUnits[i]!++;
        return;
      }
      result.groups.forEach((group, g) => {
        if (group.score === null) return;
        groupSums[g] = groupSums[g]! + group.score;
        groupUnits[g]!++;
      });
      for (const gap of result.gaps) gapUnits[rubric.criteria.get(gap.criterion)!.index]!++;
    },
    summary(commonGapLimit = 10): Summary {
      const sorted = scores.slice(0, n).sort();
      const median = n === 0 ? null : n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
      const order = [...ranked].sort((a, b) => b.score - a.score || compare(a.unit, b.unit));
      // Competition ranking: equal scores share a rank (1, 2, 2, 4).
      let rank = 0;
      const ranking = order.map((s, i) => {
        if (i === 0 || order[i - 1]!.score !== s.score) rank = i + 1;
        return { rank, ...s };
      });
      const mean = meanScore(sorted);
      return {
        units: n,
        zones: [...rubric.zones].reverse().map((z) => ({ id: z.id, label: z.label, color: z.color, min: z.min, count: zoneCounts.get(z.id)! })),
        mean,
        meanZone: mean === null ? null : zoneRef(zoneFor(rubric.zones, mean)),
        median: median === null ? null : roundHalfAway(median),
        ranking,
        groups: rubric.groups.map((g, i) => ({ id: g.id, title: g.title, mean: groupUnits[i] ? roundHalfAway(groupSums[i]! / groupUnits[i]!) : null, units: groupUnits[i]! })),
        commonGaps: rubric.criterionList
          .filter((c) => gapUnits[c.index]! > 0)
          .map((c) => ({ criterion: c.id, title: c.title, units: gapUnits[c.index]! }))
          .sort((a, b) => b.units - a.units || compare(a.criterion, b.criterion))
          .slice(0, commonGapLimit),
      };
    },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
