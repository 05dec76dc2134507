import type { ScoreReport } from '../core/report.js';
import type { Gap, UnitResult } from '../core/score.js';
import { fixed2 } from './numbers.js';

/** Small wording helpers shared by the text renderers. */

export function unitLabel(u: UnitResult): string {
  return u.unit.name ? `${u.unit.name} (${u.unit.id})` : u.unit.id;
}

export function answerText(value: Gap['value'], status: string): string {
  if (status === 'missing') return '(no answer)';
  if (value === null) return 'n/a';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return value;
}

export function capText(u: UnitResult): string {
  return u.cappedBy.length ? `capped from ${u.zoneByScore.label} by ${u.cappedBy.map((c) => c.criterion).join(', ')}` : '';
}

export function nextZoneText(u: UnitResult): string {
  const next = u.nextZone;
  if (!next) return 'top zone';
  const n = next.close.length;
  return `close ${n} gap${n === 1 ? '' : 's'} (${next.close.join(', ')}) to reach ${next.zone.label} at ${fixed2(next.score)}`;
}

