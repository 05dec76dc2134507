import type { Gap, GapStatus, UnitResult } from '../core/score.js';
import type { Locale } from '../i18n/locale.js';
import { roundHalfAway } from '../core/round.js';

/** Small wording helpers shared by the text renderers. */

export function unitLabel(u: UnitResult): string {
  return u.unit.name ? `${u.unit.name} (${u.unit.id})` : u.unit.id;
}

export function answerText(value: Gap['value'], status: string, locale: Locale): string {
  if (status === 'missing') return locale.t('noAnswer');
  if (value === null) return locale.t('na');
  if (typeof value === 'boolean') return locale.t(value ? 'yes' : 'no');
  // An answer is shown as written (98,5 stays 98,5, not 98,50); a survey's mean answer (3.4483) to
  // two decimals at most, as scores are.
  if (typeof value === 'number') {
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
