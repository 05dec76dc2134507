import Table from 'cli-table3';
import { summaryBy, unitsInOrder, type ReportHead, type ScoreReport } from '../core/report.js';
import type { UnitResult } from '../core/score.js';
import type { Summary } from '../core/summary.js';
import { answerText, capText, FACET_WORDS, meanText, nextZoneText, profileLines, shortZoneLabel, statusText, subsetMeanText, unitLabel } from './describe.js';
import { boxWidth, cutCell, hanging, joinedParts, largest, ruleFrom, slicedTable } from './terminal-fit.js';
import type { RenderOptions, StreamRenderer } from './types.js';

/** What the table keeps of a unit: its row's figures and its gap list, already written. */
interface TableEntry {
  unit: { id: string; name?: string | undefined; type?: string | undefined; region?: string | undefined };
  score: number;
  zone: { id: string; label: string; color: UnitResult['zone']['color'] };
  capped: boolean;
  gaps: number;
  next: { label: string; n: number } | undefined;
  /** The unit's gap list, its lines joined: one flat string rather than many pieces of them. */
  section: string;
}

/**
 * The terminal view: one row per unit, then each unit's largest gaps and its path to the next
 * zone. The table needs every unit before its first line (column widths, order), but keeps only
 * what it prints of each: a national round's units are not held whole.
 */
export function tableStream(options: RenderOptions): StreamRenderer {
  const entries: TableEntry[] = [];
  return {
    begin: () => '',
    unit: (u) => {
      entries.push(entryOf(u, options));
    },
    end: (summary, head) => renderEntries(head, entries, summary, options),
  };
}

/** The whole report as a table, at once. */
export function renderTable(report: ScoreReport, options: RenderOptions): string {
  return renderEntries(report, report.units.map((u) => entryOf(u, options)), report.summary, options);
}

function entryOf(u: UnitResult, { gaps: gapLimit, paint, locale, width }: RenderOptions): TableEntry {
  const t = locale.t;
  const section: string[] = [];
  if (gapLimit > 0) {
    section.push('', paint.bold(`${unitLabel(u)}: ${locale.num(u.score)} ${paint.zone(u.zone.color, u.zone.label)}`));
    if (u.respondents !== undefined) {
      section.push(`  ${t('respondents')}: ${u.respondents}`, ...profileLines(u).flatMap((line) => hanging('    ', line, width)));
      const means = u.criteria.map((c) => `${c.id} ${locale.num(c.mean)} (${c.responses ?? 0})`);
      section.push(`  ${t('meanAnswers')}: ${means.join(' · ')}`);
    }
    const cap = capText(u, locale);
    if (cap) section.push(`  ${cap}`);
    if (u.gaps.length === 0) section.push(`  ${t('noGaps')}`);
    const shown = u.gaps.slice(0, gapLimit);
    const cells = shown.map((g) => [locale.num(g.lost), g.criterion, statusText(g.status, locale), answerText(g.value, g.status, locale, u.respondents !== undefined), g.title]);
    const columnWidth = (k: number) => largest(cells.map((c) => c[k]!.length));
    for (const c of cells) {
      const head = `  -${c[0]!.padStart(6)}  ${c[1]!.padEnd(columnWidth(1))}  ${c[2]!.padEnd(columnWidth(2))}  ${c[3]!.padEnd(columnWidth(3))}  `;
      // On a terminal, a long title wraps under itself rather than under the figures.
      section.push(...hanging(head, c[4]!, width));
    }
    if (u.gaps.length > shown.length) section.push(paint.dim(`  ${t('moreGaps', { n: u.gaps.length - shown.length, total: u.gaps.length })}`));
    section.push(...hanging(`  ${t('next')}: `, nextZoneText(u, locale), width));
  }
  return {
    unit: { id: u.unit.id, name: u.unit.name, type: u.unit.type, region: u.unit.region },
    score: u.score,
    zone: u.zone,
    capped: u.cappedBy.length > 0,
    gaps: u.gaps.length,
    next: u.nextZone ? { label: u.nextZone.zone.label, n: u.nextZone.close.length } : undefined,
    section: section.join('\n'),
  };
}

function renderEntries(head: ReportHead, all: readonly TableEntry[], summary: Summary, { paint, locale, width, sort = 'input' }: RenderOptions): string {
  const { rubric } = head;
  const entries = unitsInOrder(all, sort);
  const t = locale.t;
  const lines: string[] = hanging('', t('rubricLine', rubric), width).map(paint.bold);
  // A round whose units have no names (survey files, ids only) gets no column of empty cells.
  const named = entries.some((e) => e.unit.name);
  const layout = (short: boolean): Column[] => {
    const zone = (label: string) => (short ? shortZoneLabel(label) : label);
    return [
      { id: 'unit', head: t('unit'), cells: entries.map((e) => e.unit.id), align: 'left' },
      ...(named ? [{ id: 'name', head: t('name'), cells: entries.map((e) => e.unit.name ?? ''), align: 'left' } as const] : []),
      { id: 'score', head: t('score'), cells: entries.map((e) => locale.num(e.score)), align: 'right' },
      { id: 'zone', head: t('zone'), cells: entries.map((e) => zone(e.zone.label) + (e.capped ? ` ${t('capped')}` : '')), align: 'left' },
      { id: 'gaps', head: t('gaps'), cells: entries.map((e) => String(e.gaps)), align: 'right' },
      {
        id: 'next',
        head: t('nextZone'),
        cells: entries.map((e) => (e.next ? t('nextZoneCell', { zone: zone(e.next.label), n: e.next.n }) : '-')),
        align: 'left',
      },
    ];
  };
  const columns = fitColumns([layout(false), layout(true)], width);
  // Only the zone is painted; a zone is never cut, so its colour codes do not count in its width.
  const rows = entries.map((e, row) => columns.map((c) => (c.id === 'zone' ? paint.zone(e.zone.color, c.cells[row]!) : c.cells[row]!)));
  const colWidths = columns.map((c) => largest(c.cells.map((text) => text.length), c.head.length) + 2);
  const draw = (slice: readonly string[][], first: boolean) => {
    const table = new Table({ head: first ? columns.map((c) => c.head) : [], colWidths, colAligns: columns.map((c) => c.align), style: { head: [], border: [] }, chars: COMPACT });
    table.push(...slice);
    return first ? withHeadRule(table.toString()) : table.toString();
  };
  lines.push(slicedTable(rows, draw, false));
  for (const e of entries) if (e.section) lines.push(e.section);
  // Each part measured without its colour codes; a terminal too narrow for the line breaks it between parts.
  const parts = [
    { plain: t('unitCount', { n: summary.units }) },
    ...summary.zones.map((z) => ({ plain: `${z.label} ${z.count}`, painted: `${paint.zone(z.color, z.label)} ${z.count}` })),
    {
      plain: t('meanIs', { mean: meanText(summary.mean, summary.meanZone, locale) }),
      painted: t('meanIs', { mean: meanText(summary.mean, summary.meanZone, locale, (label) => paint.zone(summary.meanZone?.color, label)) }),
    },
    { plain: t('medianIs', { median: locale.num(summary.median) }) },
  ];
  lines.push('', ...joinedParts(parts, ' · ', width));
  // A round of several unit types or regions: each one's mean with its grade, a line each.
  for (const facet of ['type', 'region'] as const) {
    const words = FACET_WORDS[facet];
    const subsets = summaryBy(facet, all, rubric.zones, t(words.none));
    if (subsets.length === 0) continue;
    const subsetParts = subsets.map((subset) => ({
      plain: `${subset.name} ${subsetMeanText(subset, locale)}`,
      painted: `${subset.name} ${subsetMeanText(subset, locale, (label) => paint.zone(subset.meanZone.color, label))}`,
    }));
    lines.push(...joinedParts(subsetParts, ' · ', width, `${t(words.heading)}: `));
  }
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

/** The rule under the header that compact rows leave out. */
function withHeadRule(table: string): string {
  const lines = table.split('\n');
  if (lines.length < 3) return table;
  return [lines[0], lines[1], ruleFrom(lines[0]!), ...lines.slice(2)].join('\n');
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
