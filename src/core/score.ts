import type { UnitInfo } from './assessment.js';
import type { CollectedAnswer, UnitAnswers } from './collect.js';
import type { CompiledCriterion, CompiledGroup, CompiledRubric, CompiledZone } from './compile.js';
import { problem, type Problem } from './problem.js';
import { roundHalfAway } from './round.js';

export type CriterionStatus = 'met' | 'partial' | 'unmet' | 'missing' | 'na';
export type GapStatus = 'partial' | 'unmet' | 'missing';

/** Per criterion, by id: titles and group paths are in the report's rubric, said once, not per unit. */
export interface CriterionResult {
  id: string;
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

/**
 * Scores one unit. Fractions are computed bottom-up; shares top-down: a node's share is its
 * parent's share times weight / (sum of applicable sibling weights), so an n/a answer hands its
 * weight to its siblings. Per-criterion results are built only when read (JSON, tables), so a
 * CSV of scores does not pay for them.
 */
export function scoreUnit(rubric: CompiledRubric, unit: UnitAnswers): ScoreOutcome {
  const { scale, criterionList } = rubric;
  const answers = unit.answers;
  const fractions: (number | null)[] = new Array(criterionList.length);
  for (const c of criterionList) {
    const a = answers[c.index];
    fractions[c.index] = a === undefined ? 0 : a.fraction; // missing scores 0; n/a is null
  }
  const groupFractions: (number | null)[] = new Array(rubric.groupCount);
  const fractionOf = (node: CompiledGroup | CompiledCriterion): number | null =>
    node.kind === 'criterion' ? fractions[node.index]! : groupFractions[node.index]!;
  const evaluate = (group: CompiledGroup): number | null => {
    let weightSum = 0;
    let weighted = 0;
    for (const child of group.children) {
      const f = child.kind === 'criterion' ? fractions[child.index]! : evaluate(child);
      if (f === null) continue;
      weightSum += child.weight;
      weighted += child.weight * f;
    }
    const fraction = weightSum > 0 ? weighted / weightSum : null;
    if (group.index >= 0) groupFractions[group.index] = fraction;
    return fraction;
  };
  const rootFraction = evaluate(rubric.root);
  if (rootFraction === null) {
    return { ok: false, problem: problem('unit/no-applicable', { unit: unit.unit.id, source: unit.sources.join(', ') }) };
  }

  const shares: number[] = new Array(criterionList.length).fill(0);
  const describe = (group: CompiledGroup, share: number): GroupResult[] => {
    let applicableWeight = 0;
    for (const child of group.children) if (fractionOf(child) !== null) applicableWeight += child.weight;
    const results: GroupResult[] = [];
    for (const child of group.children) {
      const f = fractionOf(child);
      const childShare = f === null ? 0 : (share * child.weight) / applicableWeight;
      if (child.kind === 'criterion') shares[child.index] = childShare;
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
  const groups = describe(rubric.root, 1);

  const gaps: Gap[] = [];
  for (const c of criterionList) {
    const f = fractions[c.index]!;
    if (f === null || f >= 1) continue;
    const a = answers[c.index];
    gaps.push({
      criterion: c.id,
      title: c.title,
      group: c.groupPath,
      value: a === undefined ? null : a.value,
      status: a === undefined ? 'missing' : f <= 0 ? 'unmet' : 'partial',
      lost: scale * shares[c.index]! * (1 - f),
      cap: c.cap,
    });
  }
  gaps.sort((a, b) => b.lost - a.lost || (a.criterion < b.criterion ? -1 : a.criterion > b.criterion ? 1 : 0));

  const scoreExact = scale * rootFraction;
  const score = roundHalfAway(scoreExact);
  const zoneByScore = zoneFor(rubric.zones, score);
  const cappedBy: { criterion: string; zone: string }[] = [];
  let zone: CompiledZone = zoneByScore;
  for (const g of gaps) {
    if (g.cap === undefined) continue;
    const capZone = rubric.zones.find((z) => z.id === g.cap)!;
    if (capZone.min >= zoneByScore.min) continue;
    cappedBy.push({ criterion: g.criterion, zone: g.cap });
    if (capZone.min < zone.min) zone = capZone;
  }
  return {
    ok: true,
    result: new UnitScore(rubric, unit, { score, scoreExact, zone: zoneRef(zone), zoneByScore: zoneRef(zoneByScore), cappedBy, groups, gaps }, shares, zone),
  };
}

/**
 * A scored unit. `criteria` and `nextZone` are computed on first read and kept, so that output
 * which never reads them (a CSV of scores) does not pay for them; JSON gets every field via toJSON.
 */
class UnitScore implements UnitResult {
  readonly unit: UnitInfo;
  readonly source: string[];
  readonly date: string | undefined;
  readonly assessor: string | undefined;
  readonly respondents: number | undefined;
  readonly score: number;
  readonly scoreExact: number;
  readonly zone: ZoneRef;
  readonly zoneByScore: ZoneRef;
  readonly cappedBy: { criterion: string; zone: string }[];
  readonly groups: GroupResult[];
  readonly gaps: Gap[];
  // Private (#) state is not an own enumerable property: equality, spreads and JSON see only the fields above.
  readonly #rubric: CompiledRubric;
  readonly #answers: UnitAnswers;
  readonly #shares: number[];
  readonly #zone: CompiledZone;
  #criteria: CriterionResult[] | undefined;
  #nextZone: NextZonePath | null | undefined;

  constructor(
    rubric: CompiledRubric,
    answers: UnitAnswers,
    figures: Pick<UnitResult, 'score' | 'scoreExact' | 'zone' | 'zoneByScore' | 'cappedBy' | 'groups' | 'gaps'>,
    shares: number[],
    zone: CompiledZone,
  ) {
    this.#rubric = rubric;
    this.#answers = answers;
    this.#shares = shares;
    this.#zone = zone;
    this.unit = answers.unit;
    this.source = answers.sources;
    this.date = answers.date;
    this.assessor = answers.assessor;
    this.respondents = rubric.aggregate === 'mean' ? answers.respondents : undefined;
    this.score = figures.score;
    this.scoreExact = figures.scoreExact;
    this.zone = figures.zone;
    this.zoneByScore = figures.zoneByScore;
    this.cappedBy = figures.cappedBy;
    this.groups = figures.groups;
    this.gaps = figures.gaps;
  }

  get criteria(): CriterionResult[] {
    const rubric = this.#rubric;
    const answers = this.#answers;
    const shares = this.#shares;
    const averaged = rubric.aggregate === 'mean';
    return (this.#criteria ??= rubric.criterionList.map((c) => criterionResult(c, answers.answers[c.index], shares[c.index]!, rubric.scale, averaged)));
  }

  get nextZone(): NextZonePath | null {
    if (this.#nextZone === undefined) this.#nextZone = nextZonePath(this.#rubric, this.scoreExact, this.#zone, this.gaps);
    return this.#nextZone;
  }

  /** The documented JSON shape, in its documented order. */
  toJSON(): Omit<UnitResult, never> {
    return {
      unit: this.unit,
      source: this.source,
      date: this.date,
      assessor: this.assessor,
      respondents: this.respondents,
      score: this.score,
      scoreExact: this.scoreExact,
      zone: this.zone,
      zoneByScore: this.zoneByScore,
      cappedBy: this.cappedBy,
      groups: this.groups,
      criteria: this.criteria,
      gaps: this.gaps,
      nextZone: this.nextZone,
    };
  }
}

/** Every result has the same shape (absent fields are undefined, which JSON omits), which keeps V8's objects monomorphic. */
function criterionResult(c: CompiledCriterion, answer: CollectedAnswer | undefined, share: number, scale: number, averaged: boolean): CriterionResult {
  const f = answer === undefined ? 0 : answer.fraction;
  const worth = f === null ? 0 : scale * share;
  const status: CriterionStatus = answer === undefined ? 'missing' : f === null ? 'na' : f >= 1 ? 'met' : f <= 0 ? 'unmet' : 'partial';
  return {
    id: c.id,
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
