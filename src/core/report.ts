import type { CompiledZone } from './compile.js';
import { groupBy } from './group-by.js';
import { meanScore, roundHalfAway } from './round.js';
import { normalizeWord } from './vocabulary.js';
import { zoneFor, zoneRef, type UnitResult, type ZoneRef } from './score.js';
import type { Summary } from './summary.js';

/** The result of a scoring run, the input of every renderer. Its JSON form is a stable interface. */
export interface ScoreReport extends ReportHead {
  units: UnitResult[];
  summary: Summary;
}

/** What is known before the first unit: enough to start a streamed output. */
export interface ReportHead {
  schemaVersion: 1;
  generator: { name: 'monev'; version: string };
  rubric: {
    id: string;
    title: string;
    version: string;
    source?: string | undefined;
    scale: number;
    aggregate: 'none' | 'mean';
    zones: CompiledZone[];
    /** sha256 of the rubric file's bytes: results are comparable only under the same hash. */
    sha256: string;
    groups: { id: string; title: string }[];
    /** Every criterion once, in rubric order: units refer to them by id. */
    criteria: { id: string; title: string; group: string[] }[];
  };
}

/** The order units are listed in: as read, by score (highest first; ties by id), or by id. */
export type UnitOrder = 'input' | 'score' | 'id';

export function unitsInOrder<U extends { unit: { id: string }; score: number }>(units: readonly U[], order: UnitOrder): readonly U[] {
  if (order === 'input') return units;
  const byId = (a: U, b: U) => (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0);
  // By the score as printed, so that units the ranking puts level stand in the order of their ids.
  return [...units].sort(order === 'score' ? (a, b) => b.score - a.score || byId(a, b) : byId);
}

/** What a round is broken down by: the units' kind (`dinas`, `puskesmas`) or their region. */
export type UnitFacet = 'type' | 'region';

/** What a breakdown reads of a unit (the terminal table keeps no more of one). */
export interface SubsetMember {
  unit: { type?: string | undefined; region?: string | undefined };
  score: number;
  zone: { id: string };
}

export interface SubsetSummary {
  /** The type or region as first written; units without one under the name given for none. */
  name: string;
  units: number;
  /** Mean of the units' rounded scores, rounded as the round's mean is. */
  mean: number;
  /** The zone that mean is in, as the round's mean has one (rule 12). */
  meanZone: ZoneRef;
  /** Units per zone, zones in the rubric's order from the top. */
  zones: { id: string; count: number }[];
}

/** Zones as a breakdown reads them, a rubric's or a result file's. */
type ZoneScale = readonly { id: string; label: string; min: number; color?: ZoneRef['color'] }[];

/**
 * The round by unit type (`dinas`, `puskesmas`, …) or by region (each Kabupaten/Kota of a
 * province's round): how each fares, its mean graded as the round's is. Names are compared
 * case-blind, with runs of spaces as one. Types come in order of first appearance; regions by
 * mean, highest first (then by name), as governments are ranked. Empty unless the units name at
 * least two; units without one are counted under `none`.
 */
export function summaryBy<U extends SubsetMember>(facet: UnitFacet, units: readonly U[], zones: ZoneScale, none: string): SubsetSummary[] {
  const subsets = subsetsBy(facet, units, zones, none);
  return subsets.length < 2 ? [] : subsets;
}

/** `summaryBy` for one subset or more: a comparison matches the subsets of two rounds. */
export function subsetsBy<U extends SubsetMember>(facet: UnitFacet, units: readonly U[], zones: ZoneScale, none: string): SubsetSummary[] {
  const nameOf = (u: U) => u.unit[facet]?.trim() || none;
  const subsets = groupBy(units, (u) => normalizeWord(nameOf(u)));
  const top = [...zones].sort((a, b) => b.min - a.min);
  const summaries = [...subsets.values()].map((members) => {
    const mean = meanScore(members.map((u) => u.score))!;
    return {
      // As its first unit wrote it.
      name: nameOf(members[0]!),
      units: members.length,
      mean,
      meanZone: zoneRef(zoneFor(zones, mean)),
      zones: top.map((z) => ({ id: z.id, count: members.filter((u) => u.zone.id === z.id).length })),
    };
  });
  return facet === 'region' ? summaries.sort((a, b) => b.mean - a.mean || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : summaries;
}

/** One criterion of a unit scored from respondents, as a survey report lists it. */
export interface ElementStanding {
  id: string;
  title: string;
  responses: number;
  /** The mean answer (the SKM's NRR); null when no answer was a number. */
  mean: number | null;
  /** The criterion's fraction on the rubric's scale (the SKM's 25 x NRR), rounded; null when n/a or unanswered. */
  score: number | null;
  /** The zone that score falls in; null with it. */
  zone: CompiledZone | null;
}

/**
 * Each criterion of a unit scored from respondents, on the rubric's scale and graded by the
 * rubric's zones: how SKM reports grade each unsur with the IKM's own intervals (3.62 is 90.52,
 * A). A grade of one element, read beside the unit's; it plays no part in the unit's score.
 */
export function elementStandings(u: UnitResult, rubric: Pick<ReportHead['rubric'], 'scale' | 'zones' | 'criteria'>): ElementStanding[] {
  const titles = new Map(rubric.criteria.map((c) => [c.id, c.title]));
  return u.criteria.map((c) => {
    const score = c.fraction === null || c.status === 'missing' ? null : roundHalfAway(c.fraction * rubric.scale);
    return { id: c.id, title: titles.get(c.id) ?? '', responses: c.responses ?? 0, mean: c.mean ?? null, score, zone: score === null ? null : zoneFor(rubric.zones, score) };
  });
}

/** What a heat map of the round shows: its columns, each unit's score in them, and the round's mean of each. */
export interface HeatGrid {
  columns: { id: string; title: string }[];
  /** Per unit, in the report's order, a score per column (null: n/a). */
  rows: (number | null)[][];
  means: (number | null)[];
}

/**
 * The round as a grid of units by top-level groups; for a survey (`aggregate: mean`), by
 * criteria instead, each on the rubric's scale (the SKM: each unsur's 25 x NRR), since a survey's
 * one group would make a grid of one column. A column's mean is the mean of the units' rounded
 * scores in it, as the summary's group means are.
 */
export function heatGrid(report: ScoreReport): HeatGrid {
  const { rubric, units, summary } = report;
  if (rubric.aggregate !== 'mean') {
    return {
      columns: rubric.groups,
      rows: units.map((u) => rubric.groups.map((g) => u.groups.find((x) => x.id === g.id)?.score ?? null)),
      means: summary.groups.map((g) => g.mean),
    };
  }
  const rows = units.map((u) => {
    const scores = new Map(elementStandings(u, rubric).map((e) => [e.id, e.score]));
    return rubric.criteria.map((c) => scores.get(c.id) ?? null);
  });
  const means = rubric.criteria.map((_, j) => meanScore(rows.map((r) => r[j]!).filter((s) => s !== null)));
  return { columns: rubric.criteria, rows, means };
}

/** What it takes to lift the round's mean into the next zone, unit by unit. */
export interface RoundPath {
  /** The zone the mean reaches (the next one, or higher when a gap's points carry it past). */
  zone: ZoneRef;
  /** Where the next zone starts. */
  from: number;
  /** The rounded mean once the gaps are closed. */
  mean: number;
  /** Gaps closed in all. */
  gaps: number;
  /** Each unit with gaps to close, most points gained first: what it closes and its score after. */
  units: { unit: string; name?: string | undefined; close: string[]; before: number; after: number }[];
}

/**
 * The fewest gaps, across all units, whose closing lifts the round's mean (rule 12) into the next
 * zone. Closing a gap adds its lost points to its unit's score (rule 10), and so its unit's share
 * of them to the mean; so gaps are taken largest loss first (a tie to the unit that scored lower,
 * lifting it toward the others). Caps play no part: the round's grade has none. Null in the top zone,
 * for a round without units, and for a survey, whose gaps are respondents' answers to change, not
 * items to put in place.
 */
export function roundPath(report: Pick<ScoreReport, 'rubric' | 'units'>): RoundPath | null {
  const { rubric, units } = report;
  const mean = meanScore(units.map((u) => u.score));
  if (mean === null || rubric.aggregate === 'mean') return null;
  const current = zoneFor(rubric.zones, mean);
  const target = rubric.zones.filter((z) => z.min > current.min).sort((a, b) => a.min - b.min)[0];
  if (!target) return null;
  const open = units.flatMap((u, i) => u.gaps.map((gap, rank) => ({ i, gap, rank })));
  open.sort((a, b) => b.gap.lost - a.gap.lost || units[a.i]!.score - units[b.i]!.score || a.i - b.i || a.rank - b.rank);
  const exact = units.map((u) => u.scoreExact);
  const rounded = units.map((u) => u.score);
  const closed = units.map((): string[] => []);
  // A running sum keeps each step cheap on a large round; the mean as the summary computes it
  // has the last word.
  let sum = rounded.reduce((a, b) => a + b, 0);
  const isReached = () => roundHalfAway(sum / units.length) >= target.min && meanScore(rounded)! >= target.min;
  let taken = 0;
  for (const { i, gap } of open) {
    if (isReached()) break;
    exact[i] = exact[i]! + gap.lost;
    const was = rounded[i]!;
    rounded[i] = roundHalfAway(exact[i]!);
    sum += rounded[i]! - was;
    closed[i]!.push(gap.criterion);
    taken++;
  }
  const reached = meanScore(rounded)!;
  const lifted = units
    .map((u, i) => ({ unit: u.unit.id, name: u.unit.name, close: closed[i]!, before: u.score, after: rounded[i]! }))
    .filter((u) => u.close.length)
    .sort((a, b) => b.after - b.before - (a.after - a.before) || (a.unit < b.unit ? -1 : 1));
  return { zone: zoneRef(zoneFor(rubric.zones, reached)), from: target.min, mean: reached, gaps: taken, units: lifted };
}
