import type { UnitInfo } from './assessment.js';
import type { CollectedAnswer, ProfileCount, UnitAnswers } from './collect.js';
import type { CompiledCriterion, CompiledGroup, CompiledRubric, CompiledZone } from './compile.js';
import { problem, type Problem } from './problem.js';
import { roundHalfAway } from './round.js';
import { textPiece, type TextOut, type TextPiece } from './text-out.js';

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
  /** A survey's respondent profile (the rubric's `profile`): how many gave each answer. */
  profile?: ProfileCount[];
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
 * The rubric's tree as flat arrays, so that scoring a unit is two loops over numbers. Every node
 * has a slot: criteria 0..C-1 (their index), groups C+index, the root last. Groups are listed in
 * post-order (children before parents, the root last), each with its range of children.
 */
interface ScoringPlan {
  criteria: number;
  rootSlot: number;
  groupSlot: Int32Array;
  childStart: Int32Array;
  childSlot: Int32Array;
  childWeight: Float64Array;
  /**
   * By criterion: the post-order position of its group when that group's children are criteria
   * only, listed in index order (the usual case), else -1. Such a group's sums are taken while
   * the criteria are read, in the same order as the group loop would add them: the same figures
   * to the last bit, one pass over the criteria instead of two.
   */
  leafGroupOf: Int32Array;
  /** By criterion: its weight among its siblings. */
  criterionWeight: Float64Array;
  /** By post-order position: 1 when the group's sums are taken in the criteria pass. */
  summedEarly: Uint8Array;
  /** Scratch sums for those groups, by post-order position; reset by each unit. */
  earlyWeightSum: Float64Array;
  earlyWeighted: Float64Array;
  /** Criteria with a cap, in rubric order. */
  capped: { criterion: CompiledCriterion; zone: CompiledZone }[];
  zoneRefs: Map<CompiledZone, ZoneRef>;
  zoneJson: Map<ZoneRef, string>;
  /** Each group's child groups (the root's: the top-level groups), by group index; the root last. */
  subgroups: CompiledGroup[][];
  /** Each group's JSON up to its score: `{"id":…,"title":…,"score":`, by group index. */
  groupJsonHead: string[];
  /** Each criterion's place in the order of ids, for ordering gaps without comparing strings. */
  idRank: Int32Array;
  /** Per criterion: results and gaps already built, shared by every unit with the same answer and share. */
  memo: CriterionMemo[];
  memoRoom: number;
}

/** By share, then by answer: a criterion's share takes a few values (which siblings were n/a). */
interface CriterionMemo {
  byShare: Map<number, Map<CollectedAnswer | undefined, MemoEntry>>;
  /** Most units give a criterion the same share: the last one looked up saves hashing a number. */
  lastShare: number;
  last: Map<CollectedAnswer | undefined, MemoEntry> | undefined;
}

/**
 * A criterion answered one way at one share: its result and gap, and their JSON text (each with
 * the comma that precedes it in a list), built when first asked for.
 */
interface MemoEntry {
  criterion: CompiledCriterion;
  answer: CollectedAnswer | undefined;
  share: number;
  result: CriterionResult | undefined;
  gap: Gap | undefined;
  resultJson: TextPiece | undefined;
  gapJson: TextPiece | undefined;
}

/**
 * Results kept per rubric, about 900 bytes each with their JSON text and its bytes (18 MB at
 * most). A round's answers repeat (a percentage has 101 values, a criterion a few shares: the
 * benchmark's 60 criteria need about 8,000), so this holds a national round; past it, results are
 * built for each unit and not kept, which is slower but never wrong.
 */
const MEMO_ENTRIES = 20_000;
const plans = new WeakMap<CompiledRubric, ScoringPlan>();

function planOf(rubric: CompiledRubric): ScoringPlan {
  let plan = plans.get(rubric);
  if (plan) return plan;
  const C = rubric.criterionList.length;
  const slotOf = (node: CompiledGroup | CompiledCriterion) => (node.kind === 'criterion' ? node.index : node.index < 0 ? C + rubric.groupCount : C + node.index);
  const groupSlot: number[] = [];
  const childStart: number[] = [];
  const childSlot: number[] = [];
  const childWeight: number[] = [];
  const leafGroupOf = new Int32Array(C).fill(-1);
  const criterionWeight = Float64Array.from(rubric.criterionList, (c) => c.weight);
  const summedEarly: number[] = [];
  const visit = (group: CompiledGroup) => {
    for (const child of group.children) if (child.kind === 'group') visit(child);
    const position = groupSlot.length;
    groupSlot.push(slotOf(group));
    childStart.push(childSlot.length);
    for (const child of group.children) {
      childSlot.push(slotOf(child));
      childWeight.push(child.weight);
    }
    const early = group.children.length > 0 && group.children.every((child, k) => child.kind === 'criterion' && (k === 0 || child.index === (group.children[k - 1] as CompiledCriterion).index + 1));
    summedEarly.push(early ? 1 : 0);
    if (early) for (const child of group.children) leafGroupOf[(child as CompiledCriterion).index] = position;
  };
  visit(rubric.root);
  childStart.push(childSlot.length);
  const zoneRefs = new Map(rubric.zones.map((z) => [z, Object.freeze({ id: z.id, label: z.label, color: z.color })]));
  const groups = allGroups(rubric.root);
  plan = {
    criteria: C,
    rootSlot: C + rubric.groupCount,
    groupSlot: Int32Array.from(groupSlot),
    childStart: Int32Array.from(childStart),
    childSlot: Int32Array.from(childSlot),
    childWeight: Float64Array.from(childWeight),
    leafGroupOf,
    criterionWeight,
    summedEarly: Uint8Array.from(summedEarly),
    earlyWeightSum: new Float64Array(groupSlot.length),
    earlyWeighted: new Float64Array(groupSlot.length),
    capped: rubric.criterionList.filter((c) => c.cap !== undefined).map((c) => ({ criterion: c, zone: rubric.zones.find((z) => z.id === c.cap)! })),
    zoneRefs,
    zoneJson: new Map([...zoneRefs.values()].map((z) => [z, JSON.stringify(z)])),
    subgroups: groups.map((g) => g.children.filter((c): c is CompiledGroup => c.kind === 'group')),
    groupJsonHead: groups.map((g) => `{"id":${JSON.stringify(g.id)},"title":${JSON.stringify(g.title)},"score":`),
    idRank: idRanks(rubric.criterionList),
    memo: rubric.criterionList.map(() => ({ byShare: new Map(), lastShare: NaN, last: undefined })),
    memoRoom: MEMO_ENTRIES,
  };
  plans.set(rubric, plan);
  return plan;
}

/** Every group by index (CompiledGroup.index), the root last. */
function allGroups(root: CompiledGroup): CompiledGroup[] {
  const groups: CompiledGroup[] = [];
  const visit = (group: CompiledGroup) => {
    for (const child of group.children) {
      if (child.kind !== 'group') continue;
      groups[child.index] = child;
      visit(child);
    }
  };
  visit(root);
  return [...groups, root];
}

function idRanks(criteria: CompiledCriterion[]): Int32Array {
  const ranks = new Int32Array(criteria.length);
  [...criteria].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).forEach((c, rank) => (ranks[c.index] = rank));
  return ranks;
}

/**
 * Scores one unit. Fractions are computed bottom-up; shares top-down: a node's share is its
 * parent's share times weight / (sum of applicable sibling weights), so an n/a answer hands its
 * weight to its siblings. Only the score, the zone and the caps are computed here; groups, gaps,
 * per-criterion results and the next-zone path are built when first read, so output that never
 * reads them (a CSV of scores) does not pay for them.
 */
export function scoreUnit(rubric: CompiledRubric, unit: UnitAnswers): ScoreOutcome {
  const plan = planOf(rubric);
  const answers = unit.answers;
  const C = plan.criteria;
  // NaN marks n/a; a missing answer scores 0. A plain array, every slot set below: a typed array
  // this size is allocated outside the heap, which costs more than the scoring (2 µs here).
  const fractions: number[] = new Array(plan.rootSlot + 1);
  const { groupSlot, childStart, childSlot, childWeight, leafGroupOf, criterionWeight, summedEarly, earlyWeightSum, earlyWeighted } = plan;
  earlyWeightSum.fill(0);
  earlyWeighted.fill(0);
  let gapCount = 0;
  for (let i = 0; i < C; i++) {
    const a = answers[i];
    const f = a === undefined ? 0 : a.fraction === null ? NaN : a.fraction;
    fractions[i] = f;
    if (f < 1) gapCount++;
    const p = leafGroupOf[i]!;
    if (p < 0 || f !== f) continue;
    const weight = criterionWeight[i]!;
    earlyWeightSum[p] = earlyWeightSum[p]! + weight;
    earlyWeighted[p] = earlyWeighted[p]! + weight * f;
  }
  for (let p = 0; p < groupSlot.length; p++) {
    if (summedEarly[p] === 1) {
      fractions[groupSlot[p]!] = earlyWeightSum[p]! > 0 ? earlyWeighted[p]! / earlyWeightSum[p]! : NaN;
      continue;
    }
    let weightSum = 0;
    let weighted = 0;
    for (let k = childStart[p]!; k < childStart[p + 1]!; k++) {
      const f = fractions[childSlot[k]!]!;
      if (f !== f) continue;
      weightSum += childWeight[k]!;
      weighted += childWeight[k]! * f;
    }
    fractions[groupSlot[p]!] = weightSum > 0 ? weighted / weightSum : NaN;
  }
  const rootFraction = fractions[plan.rootSlot]!;
  if (rootFraction !== rootFraction) {
    return { ok: false, problem: problem('unit/no-applicable', { unit: unit.unit.id, source: unit.sources.join(', ') }) };
  }
  const scoreExact = rubric.scale * rootFraction;
  const score = roundHalfAway(scoreExact);
  const zoneByScore = zoneFor(rubric.zones, score);
  return { ok: true, result: new UnitScore(rubric, plan, unit, fractions, gapCount, score, scoreExact, zoneByScore) };
}

/**
 * A scored unit. The figures every output needs are fields; the rest are computed on first read
 * and kept. JSON gets every field, in the documented order, via toJSON.
 */
class UnitScore implements UnitResult {
  readonly unit: UnitInfo;
  readonly source: string[];
  readonly date: string | undefined;
  readonly assessor: string | undefined;
  readonly respondents: number | undefined;
  readonly profile: ProfileCount[] | undefined;
  readonly score: number;
  readonly scoreExact: number;
  readonly zone: ZoneRef;
  readonly zoneByScore: ZoneRef;
  readonly cappedBy: { criterion: string; zone: string }[];
  // Private (#) state is not an own enumerable property: equality, spreads and JSON see only the fields above.
  readonly #rubric: CompiledRubric;
  readonly #plan: ScoringPlan;
  readonly #answers: UnitAnswers;
  readonly #fractions: readonly number[];
  readonly #gapCount: number;
  readonly #zone: CompiledZone;
  #shares: number[] | undefined;
  #entries: MemoEntry[] | undefined;
  #gapOrder: MemoEntry[] | undefined;
  #groups: GroupResult[] | undefined;
  #gaps: Gap[] | undefined;
  #criteria: CriterionResult[] | undefined;
  #nextZone: NextZonePath | null | undefined;

  constructor(rubric: CompiledRubric, plan: ScoringPlan, answers: UnitAnswers, fractions: number[], gapCount: number, score: number, scoreExact: number, zoneByScore: CompiledZone) {
    this.#rubric = rubric;
    this.#plan = plan;
    this.#answers = answers;
    this.#fractions = fractions;
    this.#gapCount = gapCount;
    this.unit = answers.unit;
    this.source = answers.sources;
    this.date = answers.date;
    this.assessor = answers.assessor;
    this.respondents = rubric.aggregate === 'mean' ? answers.respondents : undefined;
    this.profile = answers.profile;
    this.score = score;
    this.scoreExact = scoreExact;
    this.zoneByScore = plan.zoneRefs.get(zoneByScore)!;
    // A cap applies when its criterion is a gap and its zone is below the score's zone.
    let zone = zoneByScore;
    let capping: { criterion: CompiledCriterion; zone: CompiledZone }[] | undefined;
    for (const cap of plan.capped) {
      if (!(fractions[cap.criterion.index]! < 1) || cap.zone.min >= zoneByScore.min) continue;
      (capping ??= []).push(cap);
      if (cap.zone.min < zone.min) zone = cap.zone;
    }
    this.#zone = zone;
    this.zone = plan.zoneRefs.get(zone)!;
    // Listed in gap order, largest loss first.
    this.cappedBy = capping ? this.gaps.filter((g) => capping.some((c) => c.criterion.id === g.criterion)).map((g) => ({ criterion: g.criterion, zone: g.cap! })) : NOT_CAPPED;
  }

  /** Each criterion's share of the whole (0 when n/a), top-down from the root. */
  #sharesOf(): number[] {
    if (this.#shares) return this.#shares;
    const { groupSlot, childStart, childSlot, childWeight, rootSlot } = this.#plan;
    const fractions = this.#fractions;
    const shares: number[] = new Array(rootSlot + 1); // every slot is a child of some group: all set below
    shares[rootSlot] = 1;
    for (let p = groupSlot.length - 1; p >= 0; p--) {
      const share = shares[groupSlot[p]!]!;
      let applicable = 0;
      for (let k = childStart[p]!; k < childStart[p + 1]!; k++) if (fractions[childSlot[k]!] === fractions[childSlot[k]!]) applicable += childWeight[k]!;
      for (let k = childStart[p]!; k < childStart[p + 1]!; k++) {
        const slot = childSlot[k]!;
        shares[slot] = fractions[slot] !== fractions[slot] ? 0 : (share * childWeight[k]!) / applicable;
      }
    }
    return (this.#shares = shares);
  }

  get groups(): GroupResult[] {
    if (this.#groups) return this.#groups;
    const shares = this.#sharesOf();
    const fractions = this.#fractions;
    const { scale } = this.#rubric;
    const { criteria: C, subgroups } = this.#plan;
    const describe = (groups: CompiledGroup[]): GroupResult[] =>
      groups.map((g) => {
        const f = fractions[C + g.index]!;
        const worth = scale * shares[C + g.index]!;
        const applicable = f === f;
        return {
          id: g.id,
          title: g.title,
          score: applicable ? roundHalfAway(scale * f) : null,
          fraction: applicable ? f : null,
          points: applicable ? worth * f : 0,
          worth,
          groups: describe(subgroups[g.index]!),
        };
      });
    return (this.#groups = describe(this.#rubric.groups));
  }

  /**
   * JSON.stringify(this.groups), written straight from the figures: the groups are not built,
   * and each group's id and title are JSON already.
   */
  #groupsJson(): string {
    if (this.#groups) return JSON.stringify(this.#groups);
    const shares = this.#sharesOf();
    const fractions = this.#fractions;
    const { scale } = this.#rubric;
    const { criteria: C, subgroups, groupJsonHead } = this.#plan;
    const write = (groups: CompiledGroup[]): string => {
      let json = '[';
      for (let i = 0; i < groups.length; i++) {
        const g = groups[i]!;
        const f = fractions[C + g.index]!;
        const worth = scale * shares[C + g.index]!;
        if (i) json += ',';
        json += groupJsonHead[g.index];
        json += f === f ? `${jsonNumber(roundHalfAway(scale * f))},"fraction":${jsonNumber(f)},"points":${jsonNumber(worth * f)}` : 'null,"fraction":null,"points":0';
        json += `,"worth":${jsonNumber(worth)},"groups":${write(subgroups[g.index]!)}}`;
      }
      return `${json}]`;
    };
    return write(this.#rubric.groups);
  }

  get gaps(): Gap[] {
    return (this.#gaps ??= this.#gapEntries().map((entry) => gapOfEntry(entry, this.#rubric)));
  }

  get criteria(): CriterionResult[] {
    return (this.#criteria ??= this.#entriesOf().map((entry) => resultOfEntry(entry, this.#rubric)));
  }

  /** The gaps' entries, largest loss first, then by id; ordered on numbers at hand, not on the entries. */
  #gapEntries(): MemoEntry[] {
    if (this.#gapOrder) return this.#gapOrder;
    const fractions = this.#fractions;
    const shares = this.#sharesOf();
    const { criterionList, scale } = this.#rubric;
    const rank = this.#plan.idRank;
    const order: number[] = [];
    const lost: number[] = [];
    // Insertion sort: a unit has a few dozen gaps at most, and numbers compare without a closure.
    for (let i = 0; i < criterionList.length; i++) {
      if (!(fractions[i]! < 1)) continue;
      const points = lostPoints(scale, shares[i]!, fractions[i]!);
      lost[i] = points;
      let k = order.length;
      for (; k > 0; k--) {
        const before = order[k - 1]!;
        if (lost[before]! > points || (lost[before] === points && rank[before]! < rank[i]!)) break;
        order[k] = before;
      }
      order[k] = i;
    }
    const entries = this.#entriesOf();
    return (this.#gapOrder = order.map((i) => entries[i]!));
  }

  #entriesOf(): MemoEntry[] {
    if (this.#entries) return this.#entries;
    const shares = this.#sharesOf();
    const answers = this.#answers.answers;
    return (this.#entries = this.#rubric.criterionList.map((c) => this.#entry(c, answers[c.index], shares[c.index]!)));
  }

  /**
   * A criterion's result and gap depend only on its answer and its share, so units answering
   * alike share them (answers are parsed once per distinct value): a large round does not build
   * the same objects a million times. Shared, hence frozen.
   */
  #entry(c: CompiledCriterion, answer: CollectedAnswer | undefined, share: number): MemoEntry {
    const plan = this.#plan;
    const memo = plan.memo[c.index]!;
    let entries = memo.lastShare === share ? memo.last : memo.byShare.get(share);
    if (entries) {
      memo.lastShare = share;
      memo.last = entries;
      const found = entries.get(answer);
      if (found) return found;
    }
    const entry: MemoEntry = { criterion: c, answer, share, result: undefined, gap: undefined, resultJson: undefined, gapJson: undefined };
    // An answer with a note, or a survey's mean, is the unit's own: not worth keeping.
    const own = answer !== undefined && (answer.note !== undefined || answer.evidence !== undefined || this.#rubric.aggregate === 'mean');
    if (plan.memoRoom === 0 || own) return entry;
    if (!entries) memo.byShare.set(share, (entries = new Map()));
    entries.set(answer, entry);
    plan.memoRoom--;
    return entry;
  }

  get nextZone(): NextZonePath | null {
    if (this.#nextZone === undefined) this.#nextZone = nextZonePath(this.#rubric, this.scoreExact, this.#zone, this.gaps);
    return this.#nextZone;
  }

  topGroupScores(): (number | null)[] {
    const { groups, scale, criterionList } = this.#rubric;
    return groups.map((g) => {
      const f = this.#fractions[criterionList.length + g.index]!;
      return f === f ? roundHalfAway(scale * f) : null;
    });
  }

  /** Gaps counted while scoring, without building them. */
  get gapCount(): number {
    return this.#gapCount;
  }

  /** The unit's fractions by slot (criteria by index, then groups by index): for running summaries. */
  static fractionsOf(unit: UnitScore): readonly number[] {
    return unit.#fractions;
  }

  /**
   * Writes the bytes of JSON.stringify(this). The text of a shared criterion result or gap is
   * built once and kept (a national round formats a few thousand criterion results instead of
   * millions) and handed over as a piece, so that a byte writer copies it rather than encoding it
   * again. Figures are at full double precision, as toJSON gives them.
   */
  writeJson(out: TextOut): void {
    const rubric = this.#rubric;
    const zoneJson = this.#plan.zoneJson;
    let json = `{"unit":${JSON.stringify(this.unit)},"source":${JSON.stringify(this.source)}`;
    if (this.date !== undefined) json += `,"date":${JSON.stringify(this.date)}`;
    if (this.assessor !== undefined) json += `,"assessor":${JSON.stringify(this.assessor)}`;
    if (this.respondents !== undefined) json += `,"respondents":${JSON.stringify(this.respondents)}`;
    if (this.profile !== undefined) json += `,"profile":${JSON.stringify(this.profile)}`;
    json += `,"score":${JSON.stringify(this.score)},"scoreExact":${JSON.stringify(this.scoreExact)}`;
    json += `,"zone":${zoneJson.get(this.zone)},"zoneByScore":${zoneJson.get(this.zoneByScore)},"cappedBy":${JSON.stringify(this.cappedBy)}`;
    json += `,"groups":${this.#groupsJson()},"criteria":[`;
    writeItems(out, json, this.#entriesOf(), resultPiece, rubric);
    writeItems(out, '],"gaps":[', this.#gapEntries(), gapPiece, rubric);
    out.text(`],"nextZone":${JSON.stringify(this.nextZone)}}`);
  }

  /** The documented JSON shape, in its documented order. */
  toJSON(): Omit<UnitResult, never> {
    return {
      unit: this.unit,
      source: this.source,
      date: this.date,
      assessor: this.assessor,
      respondents: this.respondents,
      profile: this.profile,
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

/** Shared by every unit no cap applies to (most of them): frozen, so that no one appends to it. */
const NOT_CAPPED: { criterion: string; zone: string }[] = Object.freeze([]) as unknown as { criterion: string; zone: string }[];

/** Writes JSON.stringify(unit), faster for results scored here. */
export function writeUnitJson(unit: UnitResult, out: TextOut): void {
  if (unit instanceof UnitScore) unit.writeJson(out);
  else out.text(JSON.stringify(unit));
}

/** Each top-level group's rounded score (null when n/a), in rubric order: what a row of scores needs, without building the group tree. */
export function topGroupScores(unit: UnitResult): (number | null)[] {
  return unit instanceof UnitScore ? unit.topGroupScores() : unit.groups.map((g) => g.score);
}

/** The number of gaps, without building the list when the result can say it. */
export function gapCount(unit: UnitResult): number {
  return unit instanceof UnitScore ? unit.gapCount : unit.gaps.length;
}

/**
 * For running summaries: per criterion, whether it is a gap (fraction < 1; n/a is not), and each
 * group's fraction (NaN when n/a), without building the unit's lists. Undefined for results
 * that were not scored here (read back from JSON).
 */
export function unitFractions(unit: UnitResult): readonly number[] | undefined {
  return unit instanceof UnitScore ? UnitScore.fractionsOf(unit) : undefined;
}

/** A finite number as JSON.stringify writes it. */
function jsonNumber(n: number): string {
  return `${n}`;
}

/** Points a criterion loses: one expression for results, gaps and the order of gaps, so that they agree to the last bit. */
function lostPoints(scale: number, share: number, fraction: number): number {
  return scale * share * (1 - fraction);
}

function resultOfEntry(entry: MemoEntry, rubric: CompiledRubric): CriterionResult {
  return (entry.result ??= Object.freeze(criterionResult(entry.criterion, entry.answer, entry.share, rubric)));
}

function gapOfEntry(entry: MemoEntry, rubric: CompiledRubric): Gap {
  return (entry.gap ??= Object.freeze(gapOf(entry.criterion, entry.answer, entry.share, rubric)));
}

/**
 * `opening`, then the entries' pieces as the items of a JSON list. Each piece starts with its
 * list comma: the first one's is dropped, its text written with the opening.
 */
function writeItems(out: TextOut, opening: string, entries: MemoEntry[], pieceOf: (entry: MemoEntry, rubric: CompiledRubric) => TextPiece, rubric: CompiledRubric): void {
  if (!entries.length) return out.text(opening);
  out.text(opening + pieceOf(entries[0]!, rubric).text.slice(1));
  for (let i = 1; i < entries.length; i++) out.piece(pieceOf(entries[i]!, rubric));
}

function resultPiece(entry: MemoEntry, rubric: CompiledRubric): TextPiece {
  return (entry.resultJson ??= textPiece(`,${JSON.stringify(resultOfEntry(entry, rubric))}`));
}

function gapPiece(entry: MemoEntry, rubric: CompiledRubric): TextPiece {
  return (entry.gapJson ??= textPiece(`,${JSON.stringify(gapOfEntry(entry, rubric))}`));
}

/** Every result has the same shape (absent fields are undefined, which JSON omits), which keeps V8's objects monomorphic. */
function criterionResult(c: CompiledCriterion, answer: CollectedAnswer | undefined, share: number, rubric: CompiledRubric): CriterionResult {
  const averaged = rubric.aggregate === 'mean';
  const f = answer === undefined ? 0 : answer.fraction;
  const worth = f === null ? 0 : rubric.scale * share;
  const status: CriterionStatus = answer === undefined ? 'missing' : f === null ? 'na' : f >= 1 ? 'met' : f <= 0 ? 'unmet' : 'partial';
  return {
    id: c.id,
    status,
    value: answer === undefined ? null : answer.value,
    fraction: f,
    points: f === null ? 0 : worth * f,
    worth,
    lost: f === null ? 0 : lostPoints(rubric.scale, share, f),
    responses: averaged ? (answer?.responses ?? 0) : undefined,
    mean: averaged ? (answer?.mean ?? null) : undefined,
    note: answer?.note || undefined,
    evidence: answer?.evidence || undefined,
  };
}

function gapOf(c: CompiledCriterion, answer: CollectedAnswer | undefined, share: number, rubric: CompiledRubric): Gap {
  const f = answer === undefined ? 0 : answer.fraction!;
  return {
    criterion: c.id,
    title: c.title,
    group: c.groupPath,
    value: answer === undefined ? null : answer.value,
    status: answer === undefined ? 'missing' : f <= 0 ? 'unmet' : 'partial',
    lost: lostPoints(rubric.scale, share, f),
    cap: c.cap,
  };
}

/**
 * The zone with the highest `min` at or below a rounded score (rule 6), in whatever order the
 * zones come: a rubric's are sorted, a result file's are as written.
 */
export function zoneFor<Z extends { min: number }>(zones: readonly Z[], roundedScore: number): Z {
  let lowest = zones[0]!;
  let found: Z | undefined;
  for (const zone of zones) {
    if (zone.min < lowest.min) lowest = zone;
    if (zone.min <= roundedScore && (found === undefined || zone.min > found.min)) found = zone;
  }
  return found ?? lowest;
}

function zoneMin(rubric: CompiledRubric, zoneId: string): number {
  return rubric.zones.find((z) => z.id === zoneId)?.min ?? Infinity;
}

/** A zone as results name it: id, label and colour, without its threshold. */
export function zoneRef(zone: { id: string; label: string; color?: ZoneRef['color'] }): ZoneRef {
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
  // Caps are rare: without one, the path is the largest gaps in order, with no set arithmetic.
  const required: Gap[] = [];
  let capped = false;
  for (const g of gaps) {
    if (g.cap === undefined) continue;
    capped = true;
    if (zoneMin(rubric, g.cap) < target.min) required.push(g);
  }
  const close = [...required];
  let reached = scoreExact + required.reduce((sum, g) => sum + g.lost, 0);
  for (const gap of gaps) {
    if (capped && required.includes(gap)) continue;
    if (roundHalfAway(reached) >= target.min) break;
    close.push(gap);
    reached += gap.lost;
  }
  const score = roundHalfAway(reached);
  // Caps left open (all at or above the target) still bound the zone reached.
  let reachedZone = zoneFor(rubric.zones, score);
  if (capped) {
    reachedZone = gaps
      .filter((g) => g.cap !== undefined && !close.includes(g))
      .reduce((zone, g) => (zoneMin(rubric, g.cap!) < zone.min ? rubric.zones.find((z) => z.id === g.cap)! : zone), reachedZone);
  }
  return { zone: zoneRef(reachedZone), close: close.map((g) => g.criterion), score };
}
