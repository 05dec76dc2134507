import { gapCount, topGroupScores } from '../core/score.js';
import { fixed2 } from './numbers.js';
import type { StreamRenderer } from './types.js';

export function csvCell(value: unknown): string {
  if (typeof value === 'number') return String(value);
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\n`;

/** One row per unit for spreadsheets: id, name, score, zone, then each top-level group's score. */
export const csvStream: StreamRenderer = {
  begin: (head) => csvLine(['unit', 'name', 'score', 'zone', 'capped_by', 'gaps', ...head.rubric.groups.map((g) => g.id)]),
  // Written out rather than through csvLine: this runs once per unit of a national round.
  unit: (u, out) => {
    let line = `${csvCell(u.unit.id)},${csvCell(u.unit.name)},${fixed2(u.score)},${csvCell(u.zone.id)},${u.cappedBy.length ? csvCell(u.cappedBy.map((c) => c.criterion).join(' ')) : ''},${gapCount(u)}`;
    const scores = topGroupScores(u);
    for (let k = 0; k < scores.length; k++) line += scores[k] === null ? ',na' : `,${fixed2(scores[k]!)}`;
    out.text(`${line}\n`);
  },
  end: () => '',
};
