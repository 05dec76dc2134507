import Table from 'cli-table3';
import type { ScoreReport } from '../core/report.js';
import { answerText, capText, nextZoneText, statusText, unitLabel } from './describe.js';
import type { RenderOptions } from './types.js';

/** The terminal view: one row per unit, then each unit's largest gaps and its path to the next zone. */
export function renderTable(report: ScoreReport, { gaps: gapLimit, paint, locale }: RenderOptions): string {
  const { rubric, units, summary } = report;
  const t = locale.t;
  const lines: string[] = [paint.bold(t('rubricLine', rubric))];
  // A round whose units have no names (survey files, ids only) gets no column of empty cells.
  const named = units.some((u) => u.unit.name);
  const table = new Table({
    head: [t('unit'), ...(named ? [t('name')] : []), t('score'), t('zone'), t('gaps'), t('nextZone')],
    colAligns: ['left', ...(named ? ['left' as const] : []), 'right', 'left', 'right', 'left'],
    style: { head: [], border: [] },
    wordWrap: true,
  });
  for (const u of units) {
    const zone = paint.zone(u.zone.color, u.zone.label) + (u.cappedBy.length ? ` ${t('capped')}` : '');
    const next = u.nextZone ? t('nextZoneCell', { zone: u.nextZone.zone.label, n: u.nextZone.close.length }) : '-';
    table.push([u.unit.id, ...(named ? [u.unit.name ?? ''] : []), locale.num(u.score), zone, String(u.gaps.length), next]);
  }
  lines.push(table.toString());
  for (const u of units) {
    if (gapLimit <= 0) break;
    lines.push('', paint.bold(`${unitLabel(u)}: ${locale.num(u.score)} ${paint.zone(u.zone.color, u.zone.label)}`));
    if (u.respondents !== undefined) {
      lines.push(`  ${t('respondents')}: ${u.respondents}`);
      const means = u.criteria.map((c) => `${c.id} ${locale.num(c.mean)} (${c.responses ?? 0})`);
      lines.push(`  ${t('meanAnswers')}: ${means.join(' · ')}`);
    }
    const cap = capText(u, locale);
    if (cap) lines.push(`  ${cap}`);
    if (u.gaps.length === 0) lines.push(`  ${t('noGaps')}`);
    const shown = u.gaps.slice(0, gapLimit);
    const cells = shown.map((g) => [locale.num(g.lost), g.criterion, statusText(g.status, locale), answerText(g.value, g.status, locale), g.title]);
    const width = (k: number) => Math.max(0, ...cells.map((c) => c[k]!.length));
    for (const c of cells) {
      lines.push(`  -${c[0]!.padStart(6)}  ${c[1]!.padEnd(width(1))}  ${c[2]!.padEnd(width(2))}  ${c[3]!.padEnd(width(3))}  ${c[4]}`);
    }
    if (u.gaps.length > shown.length) lines.push(paint.dim(`  ${t('moreGaps', { n: u.gaps.length - shown.length, total: u.gaps.length })}`));
    lines.push(`  ${t('next')}: ${nextZoneText(u, locale)}`);
  }
  const zones = summary.zones.map((z) => `${paint.zone(z.color, z.label)} ${z.count}`).join(' · ');
  lines.push('', t('summaryLine', { units: summary.units, zones, mean: locale.num(summary.mean), median: locale.num(summary.median) }));
  return `${lines.join('\n')}\n`;
}
