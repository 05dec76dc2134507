import { meanScore, roundHalfAway } from './round.js';
import { zoneFor, zoneRef } from './score.js';
import { subsetsBy, type UnitFacet } from './report.js';
import { groupBy } from './group-by.js';
import { normalizeWord } from './vocabulary.js';

export interface ZoneRef {
  id: string;
  label: string;
  color?: 'green' | 'yellow' | 'red' | undefined;
}

/** What a comparison needs of a scored round, whether read from JSON or scored now. */
export interface RoundSnapshot {
  rubric: { id: string; title: string; version: string; sha256: string; zones: (ZoneRef & { min: number })[] };
  units: { id: string; name?: string | undefined; type?: string | undefined; region?: string | undefined; score: number; zone: ZoneRef; gaps: string[] }[];
}

/** A round's rubric as a comparison keeps it, whether from a result or from scoring. */
export function roundRubric(r: RoundSnapshot['rubric']): RoundSnapshot['rubric'] {
  return { id: r.id, title: r.title, version: r.version, sha256: r.sha256, zones: r.zones };
}

/** A unit as a comparison keeps it: its type and region, score, zone and the ids of its gaps. */
export function roundUnit(u: {
  unit: { id: string; name?: string | undefined; type?: string | undefined; region?: string | undefined };
  score: number;
  zone: ZoneRef;
  gaps: readonly { criterion: string }[];
}): RoundSnapshot['units'][number] {
  return { id: u.unit.id, name: u.unit.name, type: u.unit.type, region: u.unit.region, score: u.score, zone: u.zone, gaps: u.gaps.map((g) => g.criterion) };
}

export type Movement = 'up' | 'down' | 'same' | 'added' | 'removed';

export interface UnitDiff {
  unit: string;
  name?: string | undefined;
  movement: Movement;
  before: { score: number; zone: ZoneRef } | null;
  after: { score: number; zone: ZoneRef } | null;
  /** after - before, rounded to 2 decimals; null for a unit in one round only. */
  change: number | null;
  gapsClosed: string[];
  gapsOpened: string[];
  /** Why this unit counts as a regression (empty when it does not). */
  regression: ('zone' | 'score' | 'gaps')[];
}

export interface RoundDiff {
  rubric: { before: RoundSnapshot['rubric']; after: RoundSnapshot['rubric'] };
  units: UnitDiff[];
  summary: {
    up: number;
    down: number;
    same: number;
    added: number;
    removed: number;
    /** Units by zone before (rows) and after (columns), zones highest first. */
    transitions: { from: string; to: string; units: number }[];
    /** Each round's mean score (of all its units, as its summary's) and the zone it is in. */
    mean: RoundMeans;
    /**
     * The same per unit type and per region, when either round's units name two or more (a
     * province's rounds: each Kabupaten's mean before and after); empty otherwise. Units without
     * one are under the name "" (a renderer words it).
     */
    byType: SubsetMeans[];
    byRegion: SubsetMeans[];
  };
  regressions: string[];
}

/** A unit type's or region's mean in each round (null when it has no unit there), and the change. */
export interface SubsetMeans extends RoundMeans {
  name: string;
}

export interface RoundMeans {
  before: number | null;
  after: number | null;
  /** after - before, rounded to 2 decimals; null when a round has no unit. */
  change: number | null;
  zoneBefore: ZoneRef | null;
  zoneAfter: ZoneRef | null;
}

/**
 * Compares two rounds unit by unit. A regression is a fall to a lower zone, a loss of more than
 * `tolerance` points, or a gap the unit did not have before.
 */
export function diffRounds(before: RoundSnapshot, after: RoundSnapshot, tolerance = 0): RoundDiff {
  const zoneMin = new Map([...before.rubric.zones, ...after.rubric.zones].map((z) => [z.id, z.min]));
  const previous = new Map(before.units.map((u) => [u.id, u]));
  const current = new Map(after.units.map((u) => [u.id, u]));
  const units: UnitDiff[] = [];
  for (const a of after.units) {
    const b = previous.get(a.id);
    if (!b) {
      units.push({ unit: a.id, name: a.name, movement: 'added', before: null, after: { score: a.score, zone: a.zone }, change: null, gapsClosed: [], gapsOpened: [], regression: [] });
      continue;
    }
    const delta = zoneMin.get(a.zone.id)! - zoneMin.get(b.zone.id)!;
    const change = roundHalfAway(a.score - b.score);
    const had = new Set(b.gaps);
    const has = new Set(a.gaps);
    const gapsOpened = a.gaps.filter((g) => !had.has(g)).sort();
    const regression: UnitDiff['regression'] = [];
    if (delta < 0) regression.push('zone');
    if (change < -tolerance) regression.push('score');
    if (gapsOpened.length) regression.push('gaps');
    units.push({
      unit: a.id,
      name: a.name ?? b.name,
      movement: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same',
      before: { score: b.score, zone: b.zone },
      after: { score: a.score, zone: a.zone },
      change,
      gapsClosed: b.gaps.filter((g) => !has.has(g)).sort(),
      gapsOpened,
      regression,
    });
  }
  for (const b of before.units) {
    if (!current.has(b.id)) {
      units.push({ unit: b.id, name: b.name, movement: 'removed', before: { score: b.score, zone: b.zone }, after: null, change: null, gapsClosed: [], gapsOpened: [], regression: [] });
    }
  }
  const count = (m: Movement) => units.filter((u) => u.movement === m).length;
  const transitions = new Map<string, number>();
  for (const u of units) {
    if (!u.before || !u.after) continue;
    const key = `${u.before.zone.id}\0${u.after.zone.id}`;
    transitions.set(key, (transitions.get(key) ?? 0) + 1);
  }
  return {
    rubric: { before: before.rubric, after: after.rubric },
    units,
    summary: {
      up: count('up'),
      down: count('down'),
      same: count('same'),
      added: count('added'),
      removed: count('removed'),
      transitions: [...transitions].map(([key, n]) => {
        const [from, to] = key.split('\0') as [string, string];
        return { from, to, units: n };
      }).sort((x, y) => zoneMin.get(y.from)! - zoneMin.get(x.from)! || zoneMin.get(y.to)! - zoneMin.get(x.to)!),
      mean: roundMeans(before, after),
      byType: subsetMeans('type', before, after),
      byRegion: subsetMeans('region', before, after),
    },
    regressions: units.filter((u) => u.regression.length).map((u) => u.unit),
  };
}

function roundMeans(before: RoundSnapshot, after: RoundSnapshot): RoundMeans {
  const mean = (round: RoundSnapshot) => meanScore(round.units.map((u) => u.score));
  const zone = (round: RoundSnapshot, score: number | null) => (score === null ? null : zoneRef(zoneFor(round.rubric.zones, score)));
  const b = mean(before);
  const a = mean(after);
  return { before: b, after: a, change: a === null || b === null ? null : roundHalfAway(a - b), zoneBefore: zone(before, b), zoneAfter: zone(after, a) };
}

/**
 * Each type's or region's mean in both rounds, matched by name as `summaryBy` groups them: in the
 * order the second round has them (regions by mean, highest first), then those of the first only.
 */
function subsetMeans(facet: UnitFacet, before: RoundSnapshot, after: RoundSnapshot): SubsetMeans[] {
  const of = (round: RoundSnapshot) => subsetsBy(facet, round.units.map((u) => ({ unit: u, score: u.score, zone: u.zone })), round.rubric.zones, '');
  const was = new Map(of(before).map((s) => [normalizeWord(s.name), s]));
  const now = of(after);
  if (was.size < 2 && now.length < 2) return [];
  const means = now.map((s): SubsetMeans => {
    const key = normalizeWord(s.name);
    const b = was.get(key);
    was.delete(key);
    return { name: s.name, before: b?.mean ?? null, after: s.mean, change: b ? roundHalfAway(s.mean - b.mean) : null, zoneBefore: b?.meanZone ?? null, zoneAfter: s.meanZone };
  });
  for (const b of was.values()) means.push({ name: b.name, before: b.mean, after: null, change: null, zoneBefore: b.meanZone, zoneAfter: null });
  return means;
}

/** Which rubric fields differ between two rounds: id, version, file hash. */
export function rubricChanges(before: RoundSnapshot['rubric'], after: RoundSnapshot['rubric']): { field: string; before: string; after: string }[] {
  return (['id', 'version', 'sha256'] as const).filter((f) => before[f] !== after[f]).map((field) => ({ field, before: before[field], after: after[field] }));
}

/**
 * Units in one round only whose names match one unit in the other round only, or whose ids differ
 * only in letter case (`Dinkes`, `dinkes`): most likely one unit whose id changed between the
 * rounds (ids typed by hand, or made from its name), which the comparison then cannot follow.
 * A pair found by name has its `name`; one found by its ids has none.
 */
export function renamedUnits(diff: RoundDiff): { name?: string; before: string; after: string }[] {
  const paired = (key: (u: UnitDiff) => string | undefined) => {
    const side = (movement: Movement) => groupBy(diff.units, (u) => (u.movement === movement ? key(u) : undefined));
    const added = side('added');
    const pairs: [UnitDiff, UnitDiff][] = [];
    for (const [k, gone] of side('removed')) {
      const came = added.get(k);
      if (gone.length === 1 && came?.length === 1) pairs.push([gone[0]!, came[0]!]);
    }
    return pairs;
  };
  const byName = paired((u) => (u.name ? normalizeWord(u.name) : undefined));
  const named = new Set(byName.flat());
  const byCase = paired((u) => (named.has(u) ? undefined : u.unit.toLowerCase()));
  return [...byName.map(([gone, came]) => ({ name: gone.name!, before: gone.unit, after: came.unit })), ...byCase.map(([gone, came]) => ({ before: gone.unit, after: came.unit }))];
}

const byUnit = new WeakMap<RoundDiff, Map<string, UnitDiff>>();

/** Each unit's comparison by its id, built once per comparison (a report looks up every unit). */
export function unitDiffs(diff: RoundDiff): Map<string, UnitDiff> {
  let map = byUnit.get(diff);
  if (!map) byUnit.set(diff, (map = new Map(diff.units.map((u) => [u.unit, u]))));
  return map;
}
