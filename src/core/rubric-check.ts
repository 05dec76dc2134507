import { problem, type Problem } from './problem.js';
import type { Group, Rubric } from './rubric-schema.js';
import { suggest } from './suggest.js';
import { answerVocabulary, normalizeWord } from './vocabulary.js';
import { zoneNamed } from './zone-name.js';

type Path = (string | number)[];

/** Rules that relate parts of a structurally valid rubric. Returns every problem, with its path. */
export function checkRubric(rubric: Rubric): Problem[] {
  const problems: Problem[] = [];
  const naWords = answerVocabulary(rubric.answers).na;
  checkZones(rubric, problems);
  const zoneIds = new Set(rubric.zones.map((z) => z.id));
  const seen = new Map<string, Path>();
  const claim = (id: string, path: Path) => {
    const first = seen.get(id);
    if (first) problems.push(problem('rubric/duplicate-id', { id, firstPath: first }, { path: [...path, 'id'] }));
    else seen.set(id, path);
  };
  const walk = (group: Group, path: Path) => {
    claim(group.id, path);
    const criteria = group.criteria ?? [];
    const children = group.groups ?? [];
    if (criteria.length === 0 && children.length === 0) {
      problems.push(problem('rubric/empty-group', { id: group.id }, { path }));
    }
    criteria.forEach((criterion, i) => {
      const cpath = [...path, 'criteria', i];
      claim(criterion.id, cpath);
      if (criterion.cap !== undefined && !zoneIds.has(criterion.cap)) {
        problems.push(
          problem(
            'rubric/unknown-zone',
            {
              zone: criterion.cap,
              criterion: criterion.id,
              // `cap: kuning` means the zone labelled "Zona Kuning", whatever its id.
              suggestion: zoneNamed(criterion.cap, rubric.zones)?.id ?? suggest(criterion.cap, zoneIds),
              zones: [...zoneIds],
              labels: rubric.zones.map((z) => z.label),
            },
            { path: [...cpath, 'cap'] },
          ),
        );
      }
      if (criterion.type === 'scale') {
        if (criterion.min >= criterion.max) {
          problems.push(problem('rubric/scale-range', { min: criterion.min, max: criterion.max }, { path: [...cpath, 'max'] }));
        } else if (criterion.scoring === 'ratio' && criterion.min < 0) {
          problems.push(problem('rubric/ratio-negative', { min: criterion.min }, { path: [...cpath, 'min'] }));
        }
        for (const [word, point] of Object.entries(criterion.labels ?? {})) {
          const path = [...cpath, 'labels', word];
          if (point < criterion.min || point > criterion.max) problems.push(problem('rubric/label-range', { word, point, min: criterion.min, max: criterion.max }, { path }));
          // An answer is read as n/a before it is looked up: such a label could never be given.
          if (naWords.has(normalizeWord(word))) problems.push(problem('rubric/label-is-na', { word }, { path }));
        }
      }
      if (criterion.type === 'choice') {
        const values = new Set<string>();
        criterion.options.forEach((option, j) => {
          const opath = [...cpath, 'options', j];
          if (!(option.score >= 0 && option.score <= 1)) {
            problems.push(problem('rubric/score-range', { score: option.score }, { path: [...opath, 'score'] }));
          }
          const key = option.value.trim().toLowerCase();
          if (values.has(key)) problems.push(problem('rubric/duplicate-option', { value: option.value }, { path: [...opath, 'value'] }));
          values.add(key);
        });
      }
      if (criterion.type === 'number') {
        criterion.bands.forEach((band, j) => {
          const bpath = [...cpath, 'bands', j];
          if (!(band.score >= 0 && band.score <= 1)) {
            problems.push(problem('rubric/score-range', { score: band.score }, { path: [...bpath, 'score'] }));
          }
          const previous = criterion.bands[j - 1];
          if (previous && band.min <= previous.min) {
            problems.push(
              problem('rubric/bands-order', { min: band.min, previous: previous.min }, { path: [...bpath, 'min'] }),
            );
          }
        });
      }
    });
    children.forEach((child, i) => walk(child, [...path, 'groups', i]));
  };
  rubric.groups.forEach((group, i) => walk(group, ['groups', i]));
  // A sample size is a number of respondents: without them it would never be checked.
  if (rubric.sample && rubric.aggregate !== 'mean') problems.push(problem('rubric/sample-without-mean', { sample: rubric.sample }, { path: ['sample'] }));
  // A profile counts respondents' details: a rubric of one answer per unit has no respondents.
  if (rubric.profile?.length && rubric.aggregate !== 'mean') problems.push(problem('rubric/profile-without-mean', {}, { path: ['profile'] }));
  // A profile column is matched as a criterion's is: its id may be no criterion's or group's.
  rubric.profile?.forEach((item, i) => claim(item.id, ['profile', i]));
  checkVocabulary(rubric, problems);
  if (!problems.some((p) => p.severity === 'error')) problems.push(...rubricWarnings(rubric));
  return problems;
}

/** Points below which a criterion hardly moves a score: a sign of a misplaced weight. */
export const TINY_WORTH = 0.5;

/** Things that are valid but rarely meant: reported as warnings (`validate --max-warnings` gates them). */
function rubricWarnings(rubric: Rubric): Problem[] {
  const warn = (code: string, params: Record<string, unknown>, path: Path) => problem(code, params, { path, severity: 'warning' });
  const problems: Problem[] = [];
  const zones = [...rubric.zones].sort((a, b) => a.min - b.min);
  const top = zones[zones.length - 1]!;
  zones.forEach((zone, i) => {
    const next = zones[i + 1];
    // Scores are rounded to 2 decimals: a band narrower than 0.01 holds no reportable score.
    if (next && next.min - zone.min < 0.01) {
      problems.push(warn('rubric/unreachable-zone', { zone: zone.id, min: zone.min, next: next.min }, ['zones', rubric.zones.indexOf(zone), 'min']));
    }
  });
  const walk = (group: Group, path: Path, share: number) => {
    const children = [...(group.criteria ?? []).map((c, i) => ({ weight: c.weight, path: [...path, 'criteria', i], criterion: c })), ...(group.groups ?? []).map((g, i) => ({ weight: g.weight, path: [...path, 'groups', i], group: g }))];
    const total = children.reduce((sum, c) => sum + c.weight, 0);
    for (const child of children) {
      const childShare = (share * child.weight) / total;
      if ('group' in child && child.group) walk(child.group, child.path, childShare);
      else if ('criterion' in child && child.criterion) {
        const c = child.criterion;
        const points = rubric.scale * childShare;
        if (points < TINY_WORTH) problems.push(warn('rubric/tiny-weight', { criterion: c.id, points, limit: TINY_WORTH }, [...child.path, 'weight']));
        if (c.cap === top.id) problems.push(warn('rubric/cap-top-zone', { criterion: c.id, zone: c.cap }, [...child.path, 'cap']));
        if (!c.guidance?.trim()) problems.push(warn('rubric/no-guidance', { criterion: c.id }, child.path));
      }
    }
  };
  const total = rubric.groups.reduce((sum, g) => sum + g.weight, 0);
  rubric.groups.forEach((g, i) => walk(g, ['groups', i], g.weight / total));
  return problems;
}

function checkZones(rubric: Rubric, problems: Problem[]): void {
  const zeros = rubric.zones.filter((z) => z.min === 0);
  if (zeros.length === 0) problems.push(problem('rubric/no-zero-zone', {}, { path: ['zones'] }));
  const ids = new Set<string>();
  const mins = new Map<number, string>();
  rubric.zones.forEach((zone, i) => {
    if (ids.has(zone.id)) problems.push(problem('rubric/duplicate-zone-id', { id: zone.id }, { path: ['zones', i, 'id'] }));
    ids.add(zone.id);
    const other = mins.get(zone.min);
    if (other !== undefined) {
      problems.push(problem('rubric/duplicate-zone-min', { min: zone.min, zone: zone.id, other }, { path: ['zones', i, 'min'] }));
    } else mins.set(zone.min, zone.id);
    if (zone.min > rubric.scale) {
      problems.push(problem('rubric/zone-min-range', { min: zone.min, scale: rubric.scale }, { path: ['zones', i, 'min'] }));
    }
  });
}

function checkVocabulary(rubric: Rubric, problems: Problem[]): void {
  const vocabulary = answerVocabulary(rubric.answers);
  const owner = new Map<string, string>();
  for (const kind of ['yes', 'no', 'na'] as const) {
    for (const word of vocabulary[kind]) {
      const other = owner.get(word);
      if (other && other !== kind) {
        problems.push(problem('rubric/ambiguous-answer', { word, kinds: [other, kind] }, { path: ['answers', kind] }));
      }
      owner.set(word, kind);
    }
  }
}
