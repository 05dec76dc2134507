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

const indentBy = (text: string, pad: string) => text.replace(/\n/g, `\n${pad}`);

/**
 * The report as one JSON document, written unit by unit; the bytes are those of
 * renderJson(report), so streaming changes nothing for readers.
 */
export const jsonStream: StreamRenderer = {
  begin: (head) => `${summaryJson(head, 2).slice(0, -2)},\n  "units": [`,
  unit: (unit, index) => `${index ? ',' : ''}\n    ${indentBy(unitJson(unit, 2), '    ')}`,
  end: (summary, _head, units) => `${units ? '\n  ' : ''}],\n  "summary": ${indentBy(summaryJson(summary, 2), '  ')}\n}\n`,
};

export function renderJson(report: ScoreReport): string {
  return `${summaryJson(report, 2)}\n`;
}
