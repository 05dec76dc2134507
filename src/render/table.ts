import Table from 'cli-table3';
import type { ScoreReport } from '../core/report.js';
import { answerText, capText, nextZoneText, unitLabel } from './describe.js';
import { fixed2 } from './numbers.js';
import type { RenderOptions } from './types.js';

/** The terminal view: one row per unit, then each unit's largest gaps and its path to the next zone. */
export function renderTable(report: ScoreReport, { gaps: gapLimit, paint }: RenderOptions): string {
  const { rubric, units, summary } = report;
  const lines: string[] = [paint.bold(`${rubric.title} (${rubric.id} ${rubric.version}, scale ${rubric.scale})`)];
  const table = new Table({
    head: ['Unit', 'Name', 'Score', 'Zone', 'Gaps', 'Next zone'],
    colAligns: ['left', 'left', 'right', 'left', 'right', 'left'],
    style: { head: [], border: [] },
    wordWrap: true,
  });
  for (const u of units) {
    const zone = paint.zone(u.zone.color, u.zone.label) + (u.cappedBy.length ? ' (capped)' : '');
    const next = u.nextZone ? `${u.nextZone.zone.label}: +${u.nextZone.close.length} gap(s)` : '-';
    table.push([u.unit.id, u.unit.name ?? '', fixed2(u.score), zone, String(u.gaps.length), next]);
  }
  lines.push(table.toString());
  for (const u of units) {
    if (gapLimit <= 0) break;
    lines.push('', paint.bold(`${unitLabel(u)}: ${fixed2(u.score)} ${paint.zone(u.zone.color, u.zone.label)}`));
    if (u.respondents !== undefined) {
      lines.push(`  respondents: ${u.respondents}`);
      const means = u.criteria.map((c) => `${c.id} ${c.mean == null ? '-' : c.mean.toFixed(2)} (${c.responses ?? 0})`);
      lines.push(`  mean answer (responses): ${means.join(' · ')}`);
    }
    const cap = capText(u);
    if (cap) lines.push(`  ${cap}`);
    if (u.gaps.length === 0) lines.push('  no gaps');
    const shown = u.gaps.slice(0, gapLimit);
    const idWidth = Math.max(0, ...shown.map((g) => g.criterion.length));
    const answerWidth = Math.max(0, ...shown.map((g) => answerText(g.value, g.status).length));
    for (const g of shown) {
      lines.push(`  -${fixed2(g.lost).padStart(6)}  ${g.criterion.padEnd(idWidth)}  ${g.status.padEnd(7)}  ${answerText(g.value, g.status).padEnd(answerWidth)}  ${g.title}`);
    }
    if (u.gaps.length > shown.length) lines.push(paint.dim(`  … ${u.gaps.length - shown.length} more gap(s) (--gaps ${u.gaps.length} to list all)`));
    lines.push(`  next: ${nextZoneText(u)}`);
  }
  const zones = summary.zones.map((z) => `${paint.zone(z.color, z.label)} ${z.count}`).join(' · ');
  lines.push('', `${summary.units} unit(s) · ${zones} · mean ${fmt(summary.mean)} · median ${fmt(summary.median)}`);
  return `${lines.join('\n')}\n`;
}

const fmt = (n: number | null) => (n === null ? '-' : fixed2(n));
