import type { CompiledRubric } from './compile.js';
import { roundHalfAway } from './round.js';
import type { UnitResult, ZoneRef } from './score.js';

export interface Summary {
  units: number;
  zones: (ZoneRef & { min: number; count: number })[];
  mean: number | null;
  median: number | null;
  ranking: { rank: number; unit: string; name?: string | undefined; score: number; zone: string }[];
  /** Each top-level group's mean score across the units where it applies. */
  groups: { id: string; title: string; mean: number | null; units: number }[];
  /** Criteria that are gaps in the most units. */
  commonGaps: { criterion: string; title: string; units: number }[];
}

/**
 * Running figures over scored units: what a summary needs is kept, the units themselves are not,
 * so that a large round can be streamed out unit by unit.
 */
export function summaryAccumulator(rubric: CompiledRubric) {
  const scores: { unit: string; name?: string | undefined; score: number; zone: string }[] = [];
  const zoneCounts = new Map(rubric.zones.map((z) => [z.id, 0]));
  const groupTotals = new Map(rubric.groups.map((g) => [g.id, { sum: 0, units: 0 }]));
  const gapCounts = new Map<string, number>();
  return {
    add(result: UnitResult): void {
      scores.push({ unit: result.unit.id, name: result.unit.name, score: result.score, zone: result.zone.id });
      zoneCounts.set(result.zone.id, (zoneCounts.get(result.zone.id) ?? 0) + 1);
      for (const group of result.groups) {
        const total = groupTotals.get(group.id)!;
        if (group.score !== null) {
          total.sum += group.score;
          total.units++;
        }
      }
      for (const gap of result.gaps) gapCounts.set(gap.criterion, (gapCounts.get(gap.criterion) ?? 0) + 1);
    },
    summary(commonGapLimit = 10): Summary {
      const sorted = scores.map((s) => s.score).sort((a, b) => a - b);
      const n = sorted.length;
      const median = n === 0 ? null : n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
      const ranked = [...scores].sort((a, b) => b.score - a.score || compare(a.unit, b.unit));
      // Competition ranking: equal scores share a rank (1, 2, 2, 4).
      let rank = 0;
      const ranking = ranked.map((s, i) => {
        if (i === 0 || ranked[i - 1]!.score !== s.score) rank = i + 1;
        return { rank, ...s };
      });
      return {
        units: n,
        zones: [...rubric.zones].reverse().map((z) => ({ id: z.id, label: z.label, color: z.color, min: z.min, count: zoneCounts.get(z.id)! })),
        mean: n === 0 ? null : roundHalfAway(sorted.reduce((a, b) => a + b, 0) / n),
        median: median === null ? null : roundHalfAway(median),
        ranking,
        groups: rubric.groups.map((g) => {
          const total = groupTotals.get(g.id)!;
          return { id: g.id, title: g.title, mean: total.units ? roundHalfAway(total.sum / total.units) : null, units: total.units };
        }),
        commonGaps: [...gapCounts]
          .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
          .slice(0, commonGapLimit)
          .map(([criterion, units]) => ({ criterion, title: rubric.criteria.get(criterion)!.title, units })),
      };
    },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
