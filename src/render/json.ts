import type { ScoreReport } from '../core/report.js';
import { JSON_SUMMARY_OPEN, JSON_UNITS_OPEN } from '../core/result-layout.js';
import { writeUnitJson } from '../core/score.js';
import { collectText } from '../core/text-out.js';
import type { StreamRenderer } from './types.js';

// A unit as JSON is the bytes of JSON.stringify(unit), written by the core (writeUnitJson), which
// keeps the text of the parts units share. Figures are written as computed (full double
// precision), so that a consumer can re-add them exactly; `score` and the summary's means are the
// rounded ones.

export function summaryJson(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * The report as one JSON document with one unit per line: compact (pretty-printing cost more than
 * scoring), yet a diff of two results still shows which units changed. Written unit by unit.
 */
export const jsonStream = {
  begin: (head) => `${summaryJson(head).slice(0, -1)}${JSON_UNITS_OPEN}\n`,
  unit: (unit, out, index) => {
    if (index) out.text(',\n');
    writeUnitJson(unit, out);
  },
  end: (summary, _head, units) => `${units ? '\n' : ''}${JSON_SUMMARY_OPEN}${summaryJson(summary)}}\n`,
} satisfies StreamRenderer;

/** The same bytes as the stream, for a report held whole. */
export function renderJson(report: ScoreReport): string {
  const { units, summary, ...head } = report;
  return collectText((out) => {
    out.text(jsonStream.begin(head));
    units.forEach((unit, i) => jsonStream.unit(unit, out, i));
    out.text(jsonStream.end(summary, head, units.length));
  });
}
