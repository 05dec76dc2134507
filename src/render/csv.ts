import type { ScoreReport } from '../core/report.js';
import { fixed2 } from './numbers.js';

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\n`;

/** One row per unit for spreadsheets: id, name, score, zone, then each top-level group's score. */
export function renderCsv(report: ScoreReport): string {
  const groups = report.rubric.groups;
  let out = csvLine(['unit', 'name', 'score', 'zone', 'capped_by', 'gaps', ...groups.map((g) => g.id)]);
  for (const u of report.units) {
    const groupScore = new Map(u.groups.map((g) => [g.id, g.score]));
    out += csvLine([
      u.unit.id,
      u.unit.name ?? '',
      fixed2(u.score),
      u.zone.id,
      u.cappedBy.map((c) => c.criterion).join(' '),
      u.gaps.length,
      ...groups.map((g) => {
        const s = groupScore.get(g.id);
        return s === null || s === undefined ? 'na' : fixed2(s);
      }),
    ]);
  }
  return out;
}
