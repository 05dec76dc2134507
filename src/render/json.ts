import type { ScoreReport } from '../core/report.js';
import type { UnitResult } from '../core/score.js';
import { tidy } from './numbers.js';
import type { StreamRenderer } from './types.js';

const tidyNumbers = (key: string, value: unknown) => (typeof value === 'number' && key !== 'scoreExact' ? tidy(value) : value);

/** A unit as JSON (numbers tidied to 6 decimals, except scoreExact, the unrounded score). */
export function unitJson(unit: UnitResult, indent?: number): string {
  return JSON.stringify(unit, tidyNumbers, indent);
}

export function summaryJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, tidyNumbers, indent);
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
