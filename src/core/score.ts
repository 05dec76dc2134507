import type { UnitInfo } from './assessment.js';
import type { CollectedAnswer, UnitAnswers } from './collect.js';
import type { CompiledCriterion, CompiledGroup, CompiledRubric, CompiledZone } from './compile.js';
import { problem, type Problem } from './problem.js';
import { roundHalfAway } from './round.js';

export type CriterionStatus = 'met' | 'partial' | 'unmet' | 'missing' | 'na';
export type GapStatus = 'partial' | 'unmet' | 'missing';

export interface CriterionResult {
  id: string;
  title: string;
  group: string[];
  status: CriterionStatus;
  value: string | number | boolean | null;
  /** null when n/a. */
  fraction: number | null;
  /** Points earned, points the criterion is worth here, points lost: all on the rubric's scale. */
  points: number;
  worth: number;
  lost: number;
  responses?: number;
  mean?: number | null;
  note?: string | undefined;
  evidence?: string | undefined;
}

export interface GroupResult {
  id: string;
  title: string;
  /** Group fraction x scale, rounded; null when the whole group is n/a. */
  score: number | null;
  fraction: number | null;
  points: number;
  worth: number;
  groups: GroupResult[];
}

export interface Gap {
  criterion: string;
  title: string;
  group: string[];
  value: string | number | boolean | null;
  status: GapStatus;
  lost: number;
  cap?: string | undefined;
}

export interface ZoneRef {
  id: string;
  label: string;
  color: CompiledZone['color'];
}

export interface NextZonePath {
  zone: ZoneRef;
  /** Criterion ids to close, largest gain first. */
  close: string[];
  /** Rounded score once they are closed. */
  score: number;
}

export interface UnitResult {
  unit: UnitInfo;
  source: string[];
  date?: string | undefined;
  assessor?: string | undefined;
  respondents?: number;
  score: number;
  scoreExact: number;
  zone: ZoneRef;
  /** The zone the score alone would give; differs from zone when a cap applies. */
  zoneByScore: ZoneRef;
  cappedBy: { criterion: string; zone: string }[];
  groups: GroupResult[];
  criteria: CriterionResult[];
  gaps: Gap[];
  nextZone: NextZonePath | null;
}

export type ScoreOutcome = { ok: true; result: UnitResult } | { ok: false; problem: Problem };

interface NodeScore {
  /** Weighted fraction of the applicable part, null when n/a. */
  fraction: number | null;
}

/**
 * Scores one unit. Shares are computed top-down: a node's share is its parent's share times
 * weight / (sum of applicable sibling weights), so an n/a answer hands its weight to its siblings.
 */
export function scoreUnit(rubric: CompiledRubric, unit: UnitAnswers): ScoreOutcome {
  const { scale } = rubric;
  const answerOf = (c: CompiledCriterion): CollectedAnswer | undefined => unit.answers.get(c.id);
  const criterionFraction = (c: CompiledCriterion): number | null => {
    const a = answerOf(c);
    return a === undefined ? 0 : a.fraction; // missing scores 0; n/a is null
  };

  // Bottom-up: which nodes are applicable, and each group's fraction.
  const groupFractions = new Map<CompiledGroup, number | null>();
  const fractionOf = (node: CompiledGroup | CompiledCriterion): number | null =>
    node.kind === 'criterion' ? criterionFraction(node) : evaluate(node).fraction;
  const evaluate = (group: CompiledGroup): NodeScore => {
    let weightSum = 0;
    let weighted = 0;
    for (const child of group.children) {
      const f = fractionOf(child);
      if (f === null) continue;
      weightSum += child.weight;
      weighted += child.weight * f;
    }
    const fraction = weightSum > 0 ? weighted / weightSum : null;
    groupFractions.set(group, fraction);
    return { fraction };
  };
  const root: CompiledGroup = { kind: 'group', id: '', title: '', weight: 1, children: rubric.groups };
  const rootFraction = evaluate(root).fraction;
  if (rootFraction === null) {
    return { ok: false, problem: problem('unit/no-applicable', { unit: unit.unit.id, source: unit.sources.join(', ') }) };
  }

  // Top-down: shares and per-criterion points.
  const criteria: CriterionResult[] = [];
  const describe = (group: CompiledGroup, share: number): GroupResult[] => {
    const applicableWeight = group.children.reduce(
      (sum, child) => sum + (fractionOfKnown(child) === null ? 0 : child.weight),
      0,
    );
    const results: GroupResult[] = [];
    for (const child of group.children) {
      const f = fractionOfKnown(child);
      const childShare = f === null ? 0 : (share * child.weight) / applicableWeight;
      if (child.kind === 'criterion') criteria.push(criterionResult(child, answerOf(child), childShare, scale, rubric.aggregate === 'mean'));
      else {
        const worth = scale * childShare;
        results.push({
          id: child.id,
          title: child.title,
          score: f === null ? null : roundHalfAway(scale * f),
          fraction: f,
          points: f === null ? 0 : worth * f,
          worth,
          groups: describe(child, childShare),
        });
      }
    }
    return results;
  };
  const fractionOfKnown = (node: CompiledGroup | CompiledCriterion) =>
    node.kind === 'criterion' ? criterionFraction(node) : (groupFractions.get(node) ?? null);
  // describe() visits criteria in rubric order (a group's criteria, then its child groups), as compile does.
  const groups = describe(root, 1);

  const scoreExact = scale * rootFraction;
  const score = roundHalfAway(scoreExact);
  const zoneByScore = zoneFor(rubric.zones, score);
  const gaps = gapsOf(rubric, criteria);
  const cappedBy = gaps
    .filter((g) => g.cap !== undefined && zoneMin(rubric, g.cap) < zoneByScore.min)
    .map((g) => ({ criterion: g.criterion, zone: g.cap! }));
  const zone = cappedBy.reduce(
    (lowest, c) => (zoneMin(rubric, c.zone) < lowest.min ? rubric.zones.find((z) => z.id === c.zone)! : lowest),
    zoneByScore,
  );
  return {
    ok: true,
    result: {
      unit: unit.unit,
      source: unit.sources,
      date: unit.date,
      assessor: unit.assessor,
      ...(rubric.aggregate === 'mean' ? { respondents: unit.respondents } : {}),
      score,
      scoreExact,
      zone: zoneRef(zone),
      zoneByScore: zoneRef(zoneByScore),
      cappedBy,
      groups,
      criteria,
      gaps,
      nextZone: nextZonePath(rubric, scoreExact, zone, gaps),
    },
  };
}

/** Every result has the same shape (absent fields are undefined, which JSON omits), which keeps V8's objects monomorphic. */
function criterionResult(
  c: CompiledCriterion,
  answer: CollectedAnswer | undefined,
  share: number,
  scale: number,
  averaged: boolean,
): CriterionResult {
  const f = answer === undefined ? 0 : answer.fraction;
  const worth = f === null ? 0 : scale * share;
  const status: CriterionStatus = answer === undefined ? 'missing' : f === null ? 'na' : f >= 1 ? 'met' : f <= 0 ? 'unmet' : 'partial';
  return {
    id: c.id,
    title: c.title,
    group: c.groupPath,
    status,
    value: answer === undefined ? null : answer.value,
    fraction: f,
    points: f === null ? 0 : worth * f,
    worth,
    lost: f === null ? 0 : worth * (1 - f),
    responses: averaged ? (answer?.responses ?? 0) : undefined,
    mean: averaged ? (answer?.mean ?? null) : undefined,
    note: answer?.note || undefined,
    evidence: answer?.evidence || undefined,
  };
}

/** Every applicable criterion short of full marks, largest loss first, then by id. */
function gapsOf(rubric: CompiledRubric, criteria: CriterionResult[]): Gap[] {
  const gaps: Gap[] = [];
  for (const c of criteria) {
    if (c.status !== 'partial' && c.status !== 'unmet' && c.status !== 'missing') continue;
    gaps.push({ criterion: c.id, title: c.title, group: c.group, value: c.value, status: c.status, lost: c.lost, cap: rubric.criteria.get(c.id)!.cap });
  }
  return gaps.sort((a, b) => b.lost - a.lost || (a.criterion < b.criterion ? -1 : a.criterion > b.criterion ? 1 : 0));
}

export function zoneFor(zones: CompiledZone[], roundedScore: number): CompiledZone {
  let found = zones[0]!;
  for (const zone of zones) if (zone.min <= roundedScore) found = zone;
  return found;
}

function zoneMin(rubric: CompiledRubric, zoneId: string): number {
  return rubric.zones.find((z) => z.id === zoneId)?.min ?? Infinity;
}

function zoneRef(zone: CompiledZone): ZoneRef {
  return { id: zone.id, label: zone.label, color: zone.color };
}

/**
 * The fewest gaps that lift the unit into the next zone. Closing a gap adds exactly its lost
 * points; caps below the target must be closed whatever the score, and the rest are taken
 * largest first, which is the fewest possible.
 */
export function nextZonePath(rubric: CompiledRubric, scoreExact: number, current: CompiledZone, gaps: Gap[]): NextZonePath | null {
  const target = rubric.zones.find((z) => z.min > current.min);
  if (!target) return null;
  const required = gaps.filter((g) => g.cap !== undefined && zoneMin(rubric, g.cap) < target.min);
  const optional = gaps.filter((g) => !required.includes(g));
  const close = [...required];
  let reached = scoreExact + required.reduce((sum, g) => sum + g.lost, 0);
  for (const gap of optional) {
    if (roundHalfAway(reached) >= target.min) break;
    close.push(gap);
    reached += gap.lost;
  }
  const score = roundHalfAway(reached);
  // Caps left open (all at or above the target) still bound the zone reached.
  const reachedZone = gaps
    .filter((g) => g.cap !== undefined && !close.includes(g))
    .reduce((zone, g) => (zoneMin(rubric, g.cap!) < zone.min ? rubric.zones.find((z) => z.id === g.cap)! : zone), zoneFor(rubric.zones, score));
  return { zone: zoneRef(reachedZone), close: close.map((g) => g.criterion), score };
}
