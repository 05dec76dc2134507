import type { ScoreReport } from '../core/report.js';
import type { UnitResult } from '../core/score.js';
import type { StreamRenderer } from './types.js';

/**
 * A unit as JSON. Figures are written as computed (full double precision), so that a consumer can
 * re-add them exactly; `score` and the summary's means are the rounded ones.
 */
export function unitJson(unit: UnitResult, indent?: number): string {
  return JSON.stringify(unit, undefined, indent);
}

export function summaryJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, undefined, indent);
}

const UNIT_PREFIX = '{\n  "units": [\n    '.length;
const UNIT_SUFFIX = '\n  ]\n}'.length;

/**
 * The report as one JSON document, written unit by unit; the bytes are those of
 * renderJson(report), so streaming changes nothing for readers. Each unit is stringified inside
 * the same nesting it has in the document, so its indentation comes out right without a rewrite.
 */
export const jsonStream: StreamRenderer = {
  begin: (head) => `${summaryJson(head, 2).slice(0, -2)},\n  "units": [`,
  unit: (unit) => {
    const nested = JSON.stringify({ units: [unit] }, undefined, 2);
    return `\n    ${nested.slice(UNIT_PREFIX, nested.length - UNIT_SUFFIX)}`;
  },
  separator: ',',
  end: (summary, _head, units) => `${units ? '\n  ' : ''}],\n${JSON.stringify({ summary }, undefined, 2).slice(2)}\n`,
};

export function renderJson(report: ScoreReport): string {
  return `${summaryJson(report, 2)}\n`;
}
