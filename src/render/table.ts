import Table from 'cli-table3';
import { unitsInOrder, type ScoreReport } from '../core/report.js';
import { answerText, capText, nextZoneText, shortZoneLabel, statusText, unitLabel } from './describe.js';
import { boxWidth, cutCell, hanging, largest } from './terminal-fit.js';
import type { RenderOptions } from './types.js';

/** The terminal view: one row per unit, then each unit's largest gaps and its path to the next zone. */
export function renderTable(report: ScoreReport, { gaps: gapLimit, paint, locale, width, sort = 'input' }: RenderOptions): string {
  const { rubric, summary } = report;
  const units = unitsInOrder(report.units, sort);
  const t = locale.t;
  const lines: string[] = hanging('', t('rubricLine', rubric), width).map(paint.bold);
  // A round whose units have no names (survey files, ids only) gets no column of empty cells.
  const named = units.some((u) => u.unit.name);
  const layout = (short: boolean): Column[] => {
    const zone = (label: string) => (short ? shortZoneLabel(label) : label);
    return [
      { id: 'unit', head: t('unit'), cells: units.map((u) => u.unit.id), align: 'left' },
      ...(named ? [{ id: 'name', head: t('name'), cells: units.map((u) => u.unit.name ?? ''), align: 'left' } as const] : []),
      { id: 'score', head: t('score'), cells: units.map((u) => locale.num(u.score)), align: 'right' },
      { id: 'zone', head: t('zone'), cells: units.map((u) => zone(u.zone.label) + (u.cappedBy.length ? ` ${t('capped')}` : '')), align: 'left' },
      { id: 'gaps', head: t('gaps'), cells: units.map((u) => String(u.gaps.length)), align: 'right' },
      {
        id: 'next',
        head: t('nextZone'),
        cells: units.map((u) => (u.nextZone ? t('nextZoneCell', { zone: zone(u.nextZone.zone.label), n: u.nextZone.close.length }) : '-')),
        align: 'left',
      },
    ];
  };
  const columns = fitColumns([layout(false), layout(true)], width);
  const table = new Table({
    head: columns.map((c) => c.head),
    colAligns: columns.map((c) => c.align),
    style: { head: [], border: [] },
    chars: COMPACT,
  });
  units.forEach((u, row) => {
    // Only the zone is painted; a zone is never cut, so its colour codes do not count in its width.
    table.push(columns.map((c) => (c.id === 'zone' ? paint.zone(u.zone.color, c.cells[row]!) : c.cells[row]!)));
  });
  lines.push(withHeadRule(table.toString()));
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
    const columnWidth = (k: number) => Math.max(0, ...cells.map((c) => c[k]!.length));
    for (const c of cells) {
      const head = `  -${c[0]!.padStart(6)}  ${c[1]!.padEnd(columnWidth(1))}  ${c[2]!.padEnd(columnWidth(2))}  ${c[3]!.padEnd(columnWidth(3))}  `;
      // On a terminal, a long title wraps under itself rather than under the figures.
      lines.push(...hanging(head, c[4]!, width));
    }
    if (u.gaps.length > shown.length) lines.push(paint.dim(`  ${t('moreGaps', { n: u.gaps.length - shown.length, total: u.gaps.length })}`));
    lines.push(...hanging(`  ${t('next')}: `, nextZoneText(u, locale), width));
  }
  const zones = summary.zones.map((z) => `${paint.zone(z.color, z.label)} ${z.count}`).join(' · ');
  lines.push('', t('summaryLine', { units: summary.units, zones, mean: locale.num(summary.mean), median: locale.num(summary.median) }));
  return `${lines.join('\n')}\n`;
}

interface Column {
  id: 'unit' | 'name' | 'score' | 'zone' | 'gaps' | 'next';
  head: string;
  cells: string[];
  align: 'left' | 'right';
}

// Rows without a rule between them: a round of 60 units is 60 lines, not 120.
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
const NARROWEST = 12;

/** The rule under the header that compact rows leave out, drawn from the top border's shape. */
function withHeadRule(table: string): string {
  const lines = table.split('\n');
  if (lines.length < 3) return table;
  const rule = lines[0]!.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤');
  return [lines[0], lines[1], rule, ...lines.slice(2)].join('\n');
}

/**
 * The table's columns fitted to a terminal `width` columns wide. Layouts are tried in turn (the
 * full one, then shorter ones), each with the name column cut as far as NARROWEST; then the last
 * layout without the name column (each unit's name heads its gap list below the table), its next-
 * zone column cut if it must be. Cut cells end with an ellipsis. Without a width (a pipe, a file)
 * the first layout is kept whole.
 */
function fitColumns(layouts: Column[][], width: number | undefined): Column[] {
  if (!width) return layouts[0]!;
  const last = layouts[layouts.length - 1]!;
  const tries: [Column[], Column['id']][] = [...layouts.map((cols) => [cols, 'name'] as [Column[], Column['id']]), [last.filter((c) => c.id !== 'name'), 'next']];
  let fitted: Column[] = last;
  for (const [cols, yielding] of tries) {
    const widths = cols.map((c) => largest(c.cells.map((text) => text.length), c.head.length));
    const k = cols.findIndex((c) => c.id === yielding);
    if (k >= 0 && boxWidth(widths) > width) widths[k] = Math.max(Math.min(NARROWEST, widths[k]!), widths[k]! - (boxWidth(widths) - width));
    fitted = cols.map((c, j) => ({ ...c, cells: c.cells.map((text) => cutCell(text, widths[j]!)) }));
    if (boxWidth(widths) <= width) break;
  }
  return fitted;
}
