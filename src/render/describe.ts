import type { RoundPath, ScoreReport, SubsetSummary, UnitFacet } from '../core/report.js';
import type { Summary } from '../core/summary.js';
import type { RoundDiff, RoundMeans, SubsetMeans, UnitDiff } from '../core/diff.js';
import type { UnitSample } from '../core/sample-size.js';
import type { Gap, GapStatus, UnitResult } from '../core/score.js';
import type { Locale } from '../i18n/locale.js';
import { parseDay } from '../core/calendar-day.js';
import { roundHalfAway } from '../core/round.js';

/** Small wording helpers shared by the text renderers. */

export function unitLabel(u: UnitResult): string {
  return u.unit.name ? `${u.unit.name} (${u.unit.id})` : u.unit.id;
}

/** `survey`: the unit's answers are its respondents' means (`aggregate: mean`). */
export function answerText(value: Gap['value'], status: string, locale: Locale, survey: boolean): string {
  if (status === 'missing') return locale.t('noAnswer');
  if (value === null) return locale.t('na');
  if (typeof value === 'boolean') return locale.t(value ? 'yes' : 'no');
  if (typeof value === 'number') {
    // A survey's mean answer (3.4483) to two decimals, as its mean-answer line and scores show it
    // (1.80, not 1.8); an answer is shown as written (98,5 stays 98,5, not 98,50).
    if (survey) return locale.num(value);
    const text = String(roundHalfAway(value, 2));
    return locale.lang === 'id' ? text.replace('.', ',') : text;
  }
  return value;
}

const STATUS_KEYS = { met: 'statusMet', partial: 'statusPartial', unmet: 'statusUnmet', missing: 'statusMissing', na: 'statusNa' } as const;

export function statusText(status: GapStatus | 'met' | 'na', locale: Locale): string {
  return locale.t(STATUS_KEYS[status]);
}

export function capText(u: UnitResult, locale: Locale): string {
  return u.cappedBy.length ? locale.t('cappedFrom', { zone: u.zoneByScore.label, criteria: u.cappedBy.map((c) => c.criterion).join(', ') }) : '';
}

export function nextZoneText(u: UnitResult, locale: Locale): string {
  const next = u.nextZone;
  if (!next) return locale.t('topZone');
  return locale.t('closeGaps', { n: next.close.length, list: next.close.join(', '), zone: next.zone.label, score: locale.num(next.score) });
}

/** A zone by the part of its label before " - ": "C - Kualitas Sedang" is "C", "Zona Hijau - Kepatuhan Tinggi" "Zona Hijau". */
export function shortZoneLabel(label: string): string {
  return label.split(' - ')[0]!;
}

/**
 * A mean score with the zone it is in, `59.03 (C - Kualitas Sedang)`: the round's grade, as the
 * Ombudsman grades a government by the mean of its services'. `-` for a round without units.
 */
export function meanText(mean: number | null, zone: { label: string } | null | undefined, locale: Locale, paintZone: (label: string) => string = (label) => label): string {
  return mean === null || !zone ? locale.num(mean) : `${locale.num(mean)} (${paintZone(zone.label)})`;
}

/** A mean with its zone shortened, as a table's cell or a line of several has room for: `69.32 (B)`. */
function shortMeanText(mean: number | null, zone: { label: string } | null, locale: Locale, paintZone?: (label: string) => string): string {
  return meanText(mean, zone && { label: shortZoneLabel(zone.label) }, locale, paintZone);
}

/** A unit type's or region's mean with its zone shortened: `69.32 (B)`. */
export function subsetMeanText(subset: SubsetSummary, locale: Locale, paintZone?: (label: string) => string): string {
  return shortMeanText(subset.mean, subset.meanZone, locale, paintZone);
}

/** The words a breakdown of the round by type or by region is headed and labelled with. */
export const FACET_WORDS = {
  type: { heading: 'byType', column: 'type', none: 'untyped' },
  region: { heading: 'byRegion', column: 'region', none: 'noRegion' },
} as const;

/** A type's or region's mean in two rounds: `Kabupaten Asahan 74.54 (C) → 78.10 (B), +3.56`. */
export function subsetMeansText(subset: SubsetMeans, facet: UnitFacet, locale: Locale): string {
  return `${subset.name || locale.t(FACET_WORDS[facet].none)} ${shortMeanText(subset.before, subset.zoneBefore, locale)} → ${shortMeanText(subset.after, subset.zoneAfter, locale)}, ${signed(subset.change, locale)}`;
}

/** A comparison's breakdowns that have anything in them: by unit type, by region. */
export function subsetMeansOf(diff: RoundDiff): [UnitFacet, SubsetMeans[]][] {
  return ([['type', diff.summary.byType], ['region', diff.summary.byRegion]] as [UnitFacet, SubsetMeans[]][]).filter(([, means]) => means.length > 0);
}

/**
 * What moved between two rounds, as the sentences a written report gives it, each with its full
 * stop: units up and down, the round's mean before and after, then each breakdown (`By region:
 * Kabupaten Asahan 74.54 (C) → 78.10 (B), +3.56; …`).
 */
export function movementSentences(diff: RoundDiff, locale: Locale): string[] {
  const breakdowns = subsetMeansOf(diff).map(([facet, means]) => `${locale.t(FACET_WORDS[facet].heading)}: ${means.map((m) => subsetMeansText(m, facet, locale)).join('; ')}`);
  return [locale.t('movementLine', diff.summary), roundMeansText(diff.summary.mean, locale), ...breakdowns].map((sentence) => `${sentence}.`);
}

/** Each round's mean with its zone, and the change: `Round mean: 59.03 (C - …) → 70.14 (C - …), +11.11`. */
export function roundMeansText(means: RoundMeans, locale: Locale): string {
  return locale.t('roundMeans', { before: meanText(means.before, means.zoneBefore, locale), after: meanText(means.after, means.zoneAfter, locale), change: signed(means.change, locale) });
}

/** What lifting the round's mean into the next zone takes, in a sentence (rule 12, `roundPath`). */
export function roundPathText(path: RoundPath, summary: Summary, locale: Locale): string {
  return locale.t('roundPathText', { mean: meanText(summary.mean, summary.meanZone, locale), zone: path.zone.label, from: locale.num(path.from), gaps: path.gaps, units: path.units.length, reached: locale.num(path.mean) });
}

/** What a report says of a unit under its name: type, region, the day of the visit, the assessor. */
export function unitFacts(u: UnitResult, locale: Locale): string[] {
  return [u.unit.type, u.unit.region, u.date ? dayText(u.date, locale) : '', u.assessor].filter((fact): fact is string => Boolean(fact));
}

/** A visit's date in the report's language ("12 Juli 2023"), or as written when it names no day. */
export function dayText(date: string, locale: Locale): string {
  return locale.date(parseDay(date) ?? date);
}

/**
 * The round's dates as the report heads them: the first and the last day, in order of the calendar
 * (12/07/2023 and 3/08/2023 read day first, whatever the order of their text). Dates that name no
 * day are added as written, so that none is dropped.
 */
export function roundDateText(dates: readonly string[], locale: Locale): string {
  const days = new Set<string>();
  const unread = new Set<string>();
  for (const date of dates) {
    if (!date.trim()) continue;
    const day = parseDay(date);
    if (day) days.add(day);
    else unread.add(date.trim());
  }
  const sorted = [...days].sort();
  const range = sorted.length === 0 ? [] : sorted.length === 1 ? [locale.date(sorted[0])] : [`${locale.date(sorted[0])} – ${locale.date(sorted[sorted.length - 1])}`];
  return [...range, ...unread].join(', ');
}

/** Where a unit stands in its round, for its own page: its rank, and the round's mean and median. */
export function standingText(report: ScoreReport, unit: UnitResult, locale: Locale): string {
  const { ranking, units, mean, meanZone, median } = report.summary;
  const rank = ranking.find((r) => r.unit === unit.unit.id)?.rank ?? '-';
  return locale.t('standing', { rank, units, mean: meanText(mean, meanZone, locale), median: locale.num(median) });
}

/** A row of a Markdown table: a cell's `|` escaped and its line breaks made spaces, so that no text breaks the table. */
export function markdownRow(cells: string[]): string {
  return `| ${cells.map((text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')).join(' | ')} |`;
}

/** The listed units no sheet assessed (`--units`) as a Markdown section, under a heading of `level`. */
export function notAssessedMarkdown(summary: Summary, locale: Locale, level: string): string[] {
  const missing = summary.notAssessed;
  if (!missing?.length) return [];
  return ['', `${level} ${locale.t('notAssessed', { n: missing.length })}`, '', ...missing.map((u) => `- ${unitMarkdown(u.unit, u.name)}`)];
}

/** A unit in Markdown by its name with its id in code, or by its id alone. */
export function unitMarkdown(id: string, name: string | undefined): string {
  return name ? `${name} (\`${id}\`)` : `\`${id}\``;
}

const ARROWS = { up: '▲', down: '▼', same: '=', added: '+', removed: '−' } as const;

/** A unit's move between two rounds: `▲ D - Kualitas Rendah → C - Kualitas Sedang`, `= A`, or in one round only. */
export function zoneChange(u: UnitDiff, locale: Locale, short = false): string {
  const zone = (label: string) => (short ? shortZoneLabel(label) : label);
  if (!u.before) return `${ARROWS.added} ${locale.t('onlyAfter')}`;
  if (!u.after) return `${ARROWS.removed} ${locale.t('onlyBefore')}`;
  return u.movement === 'same' ? `${ARROWS.same} ${zone(u.after.zone.label)}` : `${ARROWS[u.movement]} ${zone(u.before.zone.label)} → ${zone(u.after.zone.label)}`;
}

/** A change of score with its sign: `+3.62`, `-14.13`; `-` for a unit in one round only. */
export const signed = (n: number | null, locale: Locale) => (n === null ? '-' : `${n > 0 ? '+' : ''}${locale.num(n)}`);

/** Where a unit stood in the previous round and how it moved (`report --previous`). */
export function sincePreviousText(u: UnitDiff, locale: Locale): string {
  if (!u.before || !u.after) return locale.t('notInPrevious');
  return locale.t('sincePrevious', { before: locale.num(u.before.score), zone: u.before.zone.label, change: signed(u.change, locale), movement: u.movement, after: u.after.zone.label });
}

/** A survey unit's respondent profile, a line per question answered: `Jenis kelamin: P 15, L 14`. */
export function profileLines(u: UnitResult): string[] {
  return (u.profile ?? []).filter((p) => p.counts.length).map((p) => `${p.title}: ${p.counts.map((c) => `${c.answer} ${c.count}`).join(', ')}`);
}

/**
 * The round's most common gaps as a report lists them. None for a survey: there a criterion is a
 * gap wherever one respondent answered below the top, so every unit has every criterion as one,
 * and the heat map's means by criterion say what the list would not.
 */
export function commonGapsShown(report: Pick<ScoreReport, 'rubric' | 'summary'>): Summary['commonGaps'] {
  return report.rubric.aggregate === 'mean' ? [] : report.summary.commonGaps;
}

/** A survey unit's respondent profile as Markdown: a list under its heading, nothing without one. */
export function profileMarkdown(u: UnitResult, locale: Locale): string[] {
  const lines = profileLines(u);
  return lines.length ? ['', `${locale.t('profile')}:`, '', ...lines.map((line) => `- ${line}`)] : [];
}

/** What the round's heat map is titled: by group, or for a survey by criterion (see heatGrid). */
export function heatMapTitle(report: Pick<ScoreReport, 'rubric'>, locale: Locale): string {
  return locale.t(report.rubric.aggregate === 'mean' ? 'heatMapCriteria' : 'heatMap');
}

/** A survey unit's respondents, against what its population needs when the units list gives it. */
export function respondentsText(respondents: number, sample: UnitSample | undefined, locale: Locale): string {
  if (!sample) return locale.t('respondentsCount', { n: respondents });
  return locale.t(respondents < sample.needed ? 'respondentsBelowSample' : 'respondentsOfSample', { n: respondents, ...sample });
}
