import type { ScoreReport } from '../core/report.js';
import { unitJsonText, type UnitResult } from '../core/score.js';
import type { StreamRenderer } from './types.js';

/**
 * A unit as JSON: the bytes of JSON.stringify(unit). Figures are written as computed (full double
 * precision), so that a consumer can re-add them exactly; `score` and the summary's means are the
 * rounded ones. The core assembles the text, keeping the text of the parts units share.
 */
export function unitJson(unit: UnitResult): string {
  return unitJsonText(unit);
}

export function summaryJson(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * The report as one JSON document with one unit per line: compact (pretty-printing cost more than
 * scoring), yet a diff of two results still shows which units changed. Written unit by unit.
 */
export const jsonStream: StreamRenderer = {
  begin: (head) => `${summaryJson(head).slice(0, -1)},"units":[\n`,
  unit: (unit) => unitJson(unit),
  separator: ',\n',
  end: (summary, _head, units) => `${units ? '\n' : ''}],"summary":${summaryJson(summary)}}\n`,
};

/** The same bytes as the stream, for a report held whole. */
export function renderJson(report: ScoreReport): string {
  const { units, summary, ...head } = report;
  return jsonStream.begin(head) + units.map(jsonStream.unit).join(jsonStream.separator) + jsonStream.end(summary, head, units.length);
}
