import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRubric, type CompiledGroup, type CompiledRubric } from '../../src/core/compile.js';
import { RubricSchema } from '../../src/core/rubric-schema.js';
import { roundHalfAway } from '../../src/core/round.js';
import { zoneFor, type UnitResult } from '../../src/core/score.js';
import { score, TRAFFIC_ZONES } from '../helpers.js';

/** Invariants of the scoring core that users rely on, over generated rubrics and answers. */

type Kind = 'boolean' | 'choice' | 'percent' | 'scale';
interface CritSpec {
  id: string;
  kind: Kind;
  weight: number;
  cap: boolean;
}
interface GroupSpec {
  id: string;
  weight: number;
  criteria: CritSpec[];
  groups: GroupSpec[];
}

type RawGroup = { weight: number; criteria: { kind: Kind; weight: number; cap: boolean }[]; groups: RawGroup[] };
const critArb = fc.record({ kind: fc.constantFrom<Kind>('boolean', 'choice', 'percent', 'scale'), weight: fc.integer({ min: 1, max: 6 }), cap: fc.boolean() });
const rawGroupArb: fc.Arbitrary<RawGroup> = fc.letrec<{ group: RawGroup }>((tie) => ({
  group: fc.record({
    weight: fc.integer({ min: 1, max: 6 }),
    criteria: fc.array(critArb, { minLength: 1, maxLength: 4 }),
    groups: fc.oneof({ depthSize: 'small' }, fc.constant([]), fc.array(tie('group'), { maxLength: 2 })),
  }),
})).group;

/** Ids are given once, from the generated structure, so that reordering keeps each item's id. */
const rubricArb = fc.array(rawGroupArb, { minLength: 1, maxLength: 3 }).map((raw) => {
  let n = 0;
  const label = (g: RawGroup): GroupSpec => ({ id: `g${n++}`, weight: g.weight, criteria: g.criteria.map((c) => ({ ...c, id: `c${n++}` })), groups: g.groups.map(label) });
  return raw.map(label);
});

function build(groups: GroupSpec[], { caps = true, scaleWeights = 1 } = {}): CompiledRubric {
  const group = (g: GroupSpec): Record<string, unknown> => ({
    id: g.id,
    title: g.id,
    weight: g.weight * scaleWeights,
    criteria: g.criteria.map((c) => {
      const base = { id: c.id, title: c.id, weight: c.weight * scaleWeights, ...(c.cap && caps ? { cap: 'yellow' } : {}) };
      if (c.kind === 'choice') return { ...base, type: 'choice', options: [0, 0.25, 0.5, 0.75, 1].map((s, i) => ({ value: `l${i}`, score: s })) };
      if (c.kind === 'percent') return { ...base, type: 'percent' };
      if (c.kind === 'scale') return { ...base, type: 'scale', min: 0, max: 4 };
      return base;
    }),
    ...(g.groups.length ? { groups: g.groups.map(group) } : {}),
  });
  return compileRubric(RubricSchema.parse({ id: 'p', title: 'p', version: '1', zones: TRAFFIC_ZONES, groups: groups.map(group) }));
}

const kindOf = (rubric: CompiledRubric, id: string): Kind => {
  const t = rubric.criteria.get(id)!.type;
  return t === 'number' ? 'percent' : t;
};

/** Level 0..4 as an answer of the criterion's type: a higher level never earns less. */
function answerOf(kind: Kind, level: number): string {
  if (kind === 'boolean') return level >= 4 ? 'ya' : 'tidak';
  if (kind === 'choice') return `l${level}`;
  if (kind === 'percent') return String(level * 25);
  return String(level);
}

/** Levels by criterion id (-1: no answer, -2: n/a), independent of where the criterion sits. */
const levelsArb = fc.dictionary(fc.integer({ min: 0, max: 200 }).map((i) => `c${i}`), fc.integer({ min: -2, max: 4 }));

function answersFor(rubric: CompiledRubric, levels: Record<string, number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of rubric.criterionList) {
    const level = levels[c.id] ?? 4;
    if (level === -2) out[c.id] = 'na';
    else if (level >= 0) out[c.id] = answerOf(kindOf(rubric, c.id), level);
  }
  return out;
}

/** Scores, or null when no criterion applies (every answer n/a). */
function tryScore(rubric: CompiledRubric, a: Record<string, string>): UnitResult | null {
  try {
    return score(rubric, a);
  } catch (error) {
    if (String(error).includes('unit/no-applicable')) return null;
    throw error;
  }
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const RUNS = { numRuns: 250 };

describe('scoring properties', () => {
  it('the score is within [0, scale] and equals scale minus the lost points of the gaps', () => {
    fc.assert(
      fc.property(rubricArb, levelsArb, (spec, levels) => {
        const rubric = build(spec);
        const r = tryScore(rubric, answersFor(rubric, levels));
        if (!r) return;
        expect(r.scoreExact).toBeGreaterThanOrEqual(-1e-9);
        expect(r.scoreExact).toBeLessThanOrEqual(100 + 1e-9);
        expect(close(100 - r.gaps.reduce((s, g) => s + g.lost, 0), r.scoreExact)).toBe(true);
        expect(r.score).toBe(roundHalfAway(r.scoreExact));
      }),
      RUNS,
    );
  });

  it('raising any one answer never lowers the score', () => {
    fc.assert(
      fc.property(rubricArb, levelsArb, fc.nat(), fc.integer({ min: 0, max: 4 }), (spec, levels, pick, step) => {
        const rubric = build(spec);
        const a = answersFor(rubric, levels);
        const before = tryScore(rubric, a);
        if (!before) return;
        const c = rubric.criterionList[pick % rubric.criterionList.length]!;
        // From n/a, answering changes which criteria apply: that is not "raising" an answer.
        if (a[c.id] === 'na') return;
        const from = levels[c.id] ?? 4;
        const raised = { ...a, [c.id]: answerOf(kindOf(rubric, c.id), Math.min(4, Math.max(from, 0) + step)) };
        expect(tryScore(rubric, raised)!.scoreExact).toBeGreaterThanOrEqual(before.scoreExact - 1e-9);
      }),
      RUNS,
    );
  });

  it('the order of criteria, groups and answer rows changes nothing', () => {
    fc.assert(
      fc.property(rubricArb, levelsArb, fc.integer(), (spec, levels, seed) => {
        const rubric = build(spec);
        const a = answersFor(rubric, levels);
        const r = tryScore(rubric, a);
        const shuffle = <T>(xs: T[], salt: number) =>
          xs
            .map((x, i) => [x, Math.imul(i + 1 + salt, 2654435761) ^ seed] as const)
            .sort((p, q) => p[1] - q[1])
            .map((p) => p[0]);
        const reorder = (g: GroupSpec, d: number): GroupSpec => ({ ...g, criteria: shuffle(g.criteria, d), groups: shuffle(g.groups, d + 1).map((x) => reorder(x, d + 2)) });
        const moved = build(shuffle(spec, 0).map((g) => reorder(g, 1)));
        const reversedRows = Object.fromEntries(Object.entries(a).reverse());
        const r2 = tryScore(moved, reversedRows);
        if (!r) {
          expect(r2).toBeNull();
          return;
        }
        expect(close(r2!.scoreExact, r.scoreExact)).toBe(true);
        expect(r2!.zone.id).toBe(r.zone.id);
        expect(new Set(r2!.gaps.map((g) => g.criterion))).toEqual(new Set(r.gaps.map((g) => g.criterion)));
      }),
      RUNS,
    );
  });

  it('multiplying all sibling weights by a constant changes nothing', () => {
    fc.assert(
      fc.property(rubricArb, levelsArb, fc.constantFrom(0.5, 3, 7.25, 100), (spec, levels, k) => {
        const a = build(spec);
        const b = build(spec, { scaleWeights: k });
        const x = tryScore(a, answersFor(a, levels));
        const y = tryScore(b, answersFor(b, levels));
        if (!x) {
          expect(y).toBeNull();
          return;
        }
        expect(Math.abs(x.scoreExact - y!.scoreExact)).toBeLessThan(1e-9 * 100);
      }),
      RUNS,
    );
  });

  it('an n/a answer equals deleting the criterion from the rubric', () => {
    fc.assert(
      fc.property(rubricArb, levelsArb, fc.nat(), (spec, levels, pick) => {
        const rubric = build(spec);
        const target = rubric.criterionList[pick % rubric.criterionList.length]!.id;
        const withNa = tryScore(rubric, { ...answersFor(rubric, levels), [target]: 'na' });
        // Delete the criterion, and any group left empty by it.
        const prune = (g: GroupSpec): GroupSpec | null => {
          const criteria = g.criteria.filter((c) => c.id !== target);
          const groups = g.groups.map(prune).filter((x): x is GroupSpec => x !== null);
          return criteria.length || groups.length ? { ...g, criteria, groups } : null;
        };
        const pruned = spec.map(prune).filter((x): x is GroupSpec => x !== null);
        if (pruned.length === 0) {
          expect(withNa).toBeNull();
          return;
        }
        const smaller = build(pruned);
        const without = tryScore(smaller, answersFor(smaller, levels));
        if (!withNa) {
          expect(without).toBeNull();
          return;
        }
        expect(close(withNa.scoreExact, without!.scoreExact)).toBe(true);
      }),
      RUNS,
    );
  });

  it('closing the gaps of the next-zone path reaches that zone, and no smaller set of gaps does', () => {
    fc.assert(
      fc.property(rubricArb, levelsArb, (spec, levels) => {
        const rubric = build(spec);
        const a = answersFor(rubric, levels);
        const r = tryScore(rubric, a);
        if (!r || !r.nextZone) return;
        const best = (ids: Iterable<string>) => {
          const closed = { ...a };
          for (const id of ids) closed[id] = answerOf(kindOf(rubric, id), 4);
          return tryScore(rubric, closed)!;
        };
        const zoneMin = (id: string) => rubric.zones.find((z) => z.id === id)!.min;
        const target = rubric.zones.find((z) => z.min > zoneMin(r.zone.id))!;
        const after = best(r.nextZone.close);
        expect(zoneMin(after.zone.id)).toBeGreaterThanOrEqual(target.min);
        expect(after.score).toBe(r.nextZone.score);
        expect(after.zone.id).toBe(r.nextZone.zone.id);
        // Exhaustively, for small gap lists: no set with one gap fewer reaches the target zone.
        const gaps = r.gaps.map((g) => g.criterion);
        const k = r.nextZone.close.length - 1;
        if (gaps.length > 12 || k < 0) return;
        const choose = (from: number, left: number, chosen: string[]): boolean => {
          if (left === 0) return zoneMin(best(chosen).zone.id) >= target.min;
          for (let i = from; i <= gaps.length - left; i++) if (choose(i + 1, left - 1, [...chosen, gaps[i]!])) return true;
          return false;
        };
        expect(choose(0, k, [])).toBe(false);
      }),
      RUNS,
    );
  });

  it('the zone is the one of the rounded score, lowered only by caps', () => {
    fc.assert(
      fc.property(rubricArb, levelsArb, (spec, levels) => {
        const rubric = build(spec);
        const r = tryScore(rubric, answersFor(rubric, levels));
        if (!r) return;
        expect(r.zoneByScore.id).toBe(zoneFor(rubric.zones, r.score).id);
        if (r.cappedBy.length === 0) expect(r.zone.id).toBe(r.zoneByScore.id);
        else for (const c of r.cappedBy) expect(r.gaps.map((g) => g.criterion)).toContain(c.criterion);
      }),
      RUNS,
    );
  });

  it('every group is the weighted mean of its applicable children, to the last bit of a plain recursion', () => {
    // The scoring sums groups of criteria while it reads the answers, other groups afterwards
    // (score.ts); a recursion over the tree, adding children in rubric order, must give the same bits.
    const reference = (group: CompiledGroup, fractionOf: Map<string, number>, out: Map<string, number>): number => {
      let weightSum = 0;
      let weighted = 0;
      for (const child of group.children) {
        const f = child.kind === 'criterion' ? fractionOf.get(child.id)! : reference(child, fractionOf, out);
        if (f !== f) continue;
        weightSum += child.weight;
        weighted += child.weight * f;
      }
      const fraction = weightSum > 0 ? weighted / weightSum : NaN;
      out.set(group.id, fraction);
      return fraction;
    };
    fc.assert(
      fc.property(rubricArb, levelsArb, (spec, levels) => {
        const rubric = build(spec);
        const r = tryScore(rubric, answersFor(rubric, levels));
        if (!r) return;
        const fractionOf = new Map(r.criteria.map((c) => [c.id, c.fraction ?? NaN]));
        const groups = new Map<string, number>();
        expect(r.scoreExact).toBe(rubric.scale * reference(rubric.root, fractionOf, groups));
        const walk = (list: UnitResult['groups']): void =>
          list.forEach((g) => {
            expect(g.fraction ?? NaN).toBe(groups.get(g.id));
            walk(g.groups);
          });
        walk(r.groups);
      }),
      RUNS,
    );
  });
});
