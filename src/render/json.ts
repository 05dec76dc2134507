import type { ScoreReport } from '../core/report.js';
import type { UnitResult } from '../core/score.js';
import { tidy } from './numbers.js';

/** Numbers are tidied (6 decimals) except scoreExact, which is the unrounded score. */
export function jsonUnit(unit: UnitResult): unknown {
  return JSON.parse(
    JSON.stringify(unit, (key, value) => (typeof value === 'number' && key !== 'scoreExact' ? tidy(value) : value)),
  );
}

export function renderJson(report: ScoreReport): string {
  return `${JSON.stringify({ ...report, units: report.units.map(jsonUnit) }, null, 2)}\n`;
}
