import type { CompiledRubric, ZoneColor } from '../core/compile.js';
import { unitDiffs, type RoundDiff } from '../core/diff.js';
import type { UnitSample } from '../core/sample-size.js';
import { elementStandings, heatGrid, roundPath, summaryBy, type ScoreReport, type UnitFacet } from '../core/report.js';
import type { UnitResult } from '../core/score.js';
import { zoneFor } from '../core/score.js';
import type { Locale } from '../i18n/locale.js';
import { answerText, commonGapsShown, heatMapTitle, profileLines, movementSentences, respondentsText, roundDateText, roundPathText, shortZoneLabel, signed, sincePreviousText, standingText, statusText, subsetMeanText, FACET_WORDS, unitFacts, unitLabel, zoneChange } from './describe.js';
import { fitText, textWidth, wrapText } from './svg-text.js';
import { largest } from './terminal-fit.js';

export interface ReportOptions {
  locale: Locale;
  rubric: CompiledRubric;
  /** ISO date(s) of the round, shown in the header. */
  roundDates: string[];
  /** ISO date the report was generated. */
  generated: string;
  /** The comparison with the previous round (`--previous`), if any. */
  previous?: RoundDiff | undefined;
  /** Per unit id, a survey unit's population and the respondents it needs (`--units` with populations). */
  samples?: ReadonlyMap<string, UnitSample> | undefined;
}

const COLORS: Record<ZoneColor | 'none', { fill: string; soft: string; text: string }> = {
  green: { fill: '#2e7d32', soft: '#e3f1e4', text: '#ffffff' },
  yellow: { fill: '#f2b705', soft: '#fdf3d4', text: '#1f1f1f' },
  red: { fill: '#c62828', soft: '#f9e0e0', text: '#ffffff' },
  none: { fill: '#607d8b', soft: '#eceff1', text: '#ffffff' },
};
const colorOf = (c: ZoneColor | undefined) => COLORS[c ?? 'none'];

const esc = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const anchor = (id: string) => `unit-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * One self-contained HTML file: inline CSS and inline SVG charts, no script, no font, no request
 * of any kind, so it opens from a USB stick on an office PC and prints on A4.
 */
export function renderReportHtml(report: ScoreReport, options: ReportOptions): Iterable<string> {
  return htmlPage(report, options, report.rubric.title, reportBody(report, options));
}

/** The round's page: its summary, then each unit's section, made as it is written (10,000 units are 100 MB of HTML). */
function* reportBody(report: ScoreReport, options: ReportOptions): Generator<string> {
  const { locale } = options;
  const t = locale.t;
  const { summary, units } = report;
  const byId = new Map(units.map((u) => [u.unit.id, u]));
  yield* [
    ...reportHeader(report, options),
    `<section class="summary" aria-labelledby="summary"><h2 id="summary">${esc(t('summary'))}</h2>`,
    // The round's mean and its grade first: what the Ombudsman would make of these units together.
    `<div class="cards"><div class="card" style="border-color:${colorOf(summary.meanZone?.color).fill}"><span class="big">${locale.num(summary.mean)}</span><span>${esc(summary.meanZone ? `${t('mean')}: ${summary.meanZone.label}` : t('mean'))}</span></div><div class="card"><span class="big">${locale.num(summary.median)}</span><span>${esc(t('median'))}</span></div>${summary.zones
      .map((z) => `<div class="card" style="border-color:${colorOf(z.color).fill}"><span class="big">${z.count}</span><span>${esc(z.label)}</span></div>`)
      .join('')}</div>`,
    subsetTable(report, 'type', locale),
    subsetTable(report, 'region', locale),
    `<div class="charts"><figure><figcaption>${esc(t('unitsByZone'))}</figcaption>${zoneChart(report, locale)}</figure>`,
    `<figure><figcaption>${esc(t('ranking'))}</figcaption>${rankingChart(report, locale)}</figure></div>`,
    `<figure class="wide"><figcaption>${esc(heatMapTitle(report, locale))}</figcaption>${heatMap(report, options.rubric, locale)}</figure>`,
    changesTable(options),
    roundPathTable(report, locale),
    commonGapsTable(report, locale),
    notAssessedList(report, locale),
    `<nav><h3>${esc(t('contents'))}</h3><ol>${summary.ranking
      .map((r) => `<li><a href="#${anchor(r.unit)}">${esc(unitLabel(byId.get(r.unit)!))}</a> ${locale.num(r.score)}</li>`)
      .join('')}</ol></nav></section>`,
  ];
  for (const u of units) yield unitSection(u, report, options);
}

/**
 * One unit's page, for the unit itself (`report --out folder/`): the round's header, where the
 * unit stands in the round, and its section (groups, next-zone path, every gap with its guidance).
 */
export function renderUnitReportHtml(report: ScoreReport, unit: UnitResult, options: ReportOptions): Iterable<string> {
  const standing = standingText(report, unit, options.locale);
  // One unit's page prints its section under the header, not on a page of its own.
  return htmlPage(report, options, `${unitLabel(unit)} · ${report.rubric.title}`, [...reportHeader(report, options), `<p class="meta">${esc(standing)}</p>`, unitSection(unit, report, options)], 'one-unit');
}

function reportHeader(report: ScoreReport, options: ReportOptions): string[] {
  const { locale } = options;
  const t = locale.t;
  const { rubric } = report;
  const dates = roundDateText(options.roundDates, locale);
  return [
    `<header><p class="kicker">${esc(t('reportTitle'))}</p><h1>${esc(rubric.title)}</h1>`,
    `<p class="meta">${esc(t('rubricAbout', rubric).replace(/`/g, ''))}${rubric.source ? ` ${esc(t('source'))}: ${esc(rubric.source)}` : ''}</p>`,
    dates ? `<p class="meta"><strong>${esc(t('roundDate'))}:</strong> ${esc(dates)}</p>` : '',
    `</header>`,
  ];
}

/** The page around `body`'s parts (empty ones left out, the rest a line apart), in parts: no string of the whole page is built. */
function* htmlPage(report: ScoreReport, options: ReportOptions, title: string, body: Iterable<string>, bodyClass?: string): Generator<string> {
  const { locale } = options;
  const footer = `<footer>${esc(locale.t('generated', { version: report.generator.version, date: locale.date(options.generated), sha: report.rubric.sha256.slice(0, 12) }))}</footer>`;
  yield `<!doctype html>
<html lang="${locale.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body${bodyClass ? ` class="${bodyClass}"` : ''}>
`;
  let first = true;
  for (const parts of [body, [footer]]) {
    for (const part of parts) {
      if (!part) continue;
      yield first ? part : `\n${part}`;
      first = false;
    }
  }
  yield '\n</body>\n</html>\n';
}

function zoneChart(report: ScoreReport, locale: Locale): string {
  const zones = report.summary.zones;
  const max = Math.max(1, ...zones.map((z) => z.count));
  const barWidth = 56;
  const gap = 24;
  const height = 180;
  const width = zones.length * (barWidth + gap) + gap;
  const bars = zones.map((z, i) => {
    const h = Math.round((z.count / max) * (height - 60));
    const x = gap + i * (barWidth + gap);
    const y = height - 30 - h;
    return `<rect class="bar" x="${x}" y="${y}" width="${barWidth}" height="${Math.max(h, 1)}" fill="${colorOf(z.color).fill}"><title>${esc(z.label)}: ${z.count}</title></rect>
<text x="${x + barWidth / 2}" y="${y - 6}" text-anchor="middle" class="value">${z.count}</text>
<text x="${x + barWidth / 2}" y="${height - 12}" text-anchor="middle" class="axis">${esc(shortLabel(z.label, barWidth + gap - 4))}</text>`;
  });
  return `${chartSvg('chart', width, height, `${locale.t('unitsByZone')}: ${zones.map((z) => `${z.label} ${z.count}`).join('; ')}`)}${bars.join('\n')}<line x1="0" x2="${width}" y1="${height - 30}" y2="${height - 30}" class="baseline"/></svg>`;
}

/** An inline chart's opening tag; `label` is its text for screen readers (the figures it draws). */
function chartSvg(className: string, width: number, height: number, label: string): string {
  return `<svg class="${className}" role="img" aria-label="${esc(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`;
}

function rankingChart(report: ScoreReport, locale: Locale): string {
  const { ranking, zones } = report.summary;
  const scale = report.rubric.scale;
  const rowH = 22;
  const unitOf = new Map(report.units.map((u) => [u.unit.id, u]));
  const ranked = ranking.map((r) => unitOf.get(r.unit)!);
  const labelW = labelWidth(ranked);
  const barW = 260;
  const width = labelW + barW + 60;
  const height = ranking.length * rowH + 24;
  const bars: string[] = [];
  const values: string[] = [];
  ranking.forEach((r, i) => {
    const u = ranked[i]!;
    const w = Math.max(1, (r.score / scale) * barW);
    const y = 4 + i * rowH;
    bars.push(`${unitNameLabel(u, labelW, y + 14)}
<rect class="bar" x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${colorOf(u.zone.color).fill}"><title>${esc(unitLabel(u))}: ${locale.num(r.score)} (${esc(u.zone.label)})</title></rect>`);
    values.push(`<text x="${(labelW + w + 4).toFixed(1)}" y="${y + 14}" class="value halo">${locale.num(r.score)}</text>`);
  });
  const lines = zones
    .filter((z) => z.min > 0)
    .map((z) => {
      const x = (labelW + (z.min / scale) * barW).toFixed(1);
      return `<line x1="${x}" x2="${x}" y1="0" y2="${height - 18}" class="threshold"><title>${esc(z.label)} ≥ ${locale.num(z.min)}</title></line><text x="${x}" y="${height - 6}" text-anchor="middle" class="axis">${locale.num(z.min, 0)}</text>`;
    });
  return `${chartSvg('chart', width, height, `${locale.t('ranking')}: ${ranking.map((r, i) => `${r.rank}. ${ranked[i]!.unit.name ?? r.unit} ${locale.num(r.score)}`).join('; ')}`)}${bars.join('\n')}${lines.join('')}${values.join('\n')}</svg>`;
}

// Chart text is set at 11px (the CSS below); labels are measured at that size.
const CHART_FONT = 11;
const LABEL_PAD = 6;
const LABEL_MAX = 240;

/** Room for the units' names left of a chart: as wide as the longest needs, up to LABEL_MAX. */
function labelWidth(units: readonly UnitResult[]): number {
  const widest = largest(units.map((u) => textWidth(u.unit.name ?? u.unit.id, CHART_FONT)));
  return Math.ceil(Math.min(LABEL_MAX, Math.max(60, widest + 2 * LABEL_PAD)));
}

/** A unit's name ending at the chart's label edge; a name cut to fit keeps the whole in its tooltip. */
function unitNameLabel(u: UnitResult, labelW: number, y: number): string {
  const name = u.unit.name ?? u.unit.id;
  const shown = fitText(name, labelW - 2 * LABEL_PAD, CHART_FONT);
  const tip = shown === name ? '' : `<title>${esc(unitLabel(u))}</title>`;
  return `<text x="${labelW - LABEL_PAD}" y="${y}" text-anchor="end" class="axis">${tip}${esc(shown)}</text>`;
}

function heatMap(report: ScoreReport, rubric: CompiledRubric, locale: Locale): string {
  const grid = heatGrid(report);
  const groups = grid.columns;
  const cellW = 92;
  const cellH = 26;
  const labelW = labelWidth(report.units);
  // A column's title on up to three lines over it, so that "Dimensi Pengaduan" is not cut.
  const titles = groups.map((g) => wrapText(g.title, cellW - 2 * LABEL_PAD, CHART_FONT, 3));
  const headH = 20 + 13 * Math.max(1, ...titles.map((lines) => lines.length));
  const width = labelW + groups.length * cellW + 4;
  const head = groups.map((g, j) => {
    const lines = titles[j]!;
    const x = labelW + j * cellW + cellW / 2;
    const spans = lines.map((line, k) => `<tspan x="${x}" y="${headH - 10 - (lines.length - 1 - k) * 13}">${esc(line)}</tspan>`);
    return `<text text-anchor="middle" class="axis"><title>${esc(g.title)}</title>${spans.join('')}</text>`;
  });
  // One row per unit, then the round's mean of each column (a column n/a for every unit has none).
  const rows = [
    ...report.units.map((u, i) => ({
      label: (y: number) => unitNameLabel(u, labelW, y),
      of: unitLabel(u),
      scores: grid.rows[i]!,
    })),
    {
      label: (y: number) => `<text x="${labelW - LABEL_PAD}" y="${y}" text-anchor="end" class="axis mean">${esc(locale.t('mean'))}</text>`,
      of: locale.t('mean'),
      scores: grid.means,
    },
  ];
  const height = headH + rows.length * cellH + 4;
  const cells = rows.flatMap((row, i) => {
    const y = headH + i * cellH;
    return [row.label(y + 17)].concat(
      groups.map((g, j) => {
        const score = row.scores[j] ?? null;
        const zone = score === null ? undefined : zoneFor(rubric.zones, score);
        const c = colorOf(zone?.color);
        const x = labelW + j * cellW;
        return `<rect class="cell" x="${x + 1}" y="${y + 1}" width="${cellW - 2}" height="${cellH - 2}" fill="${score === null ? '#ffffff' : c.soft}" stroke="${score === null ? '#cfd8dc' : c.fill}"><title>${esc(row.of)} · ${esc(g.title)}: ${score === null ? 'n/a' : locale.num(score)}</title></rect><text x="${x + cellW / 2}" y="${y + 17}" text-anchor="middle" class="value">${score === null ? 'n/a' : locale.num(score)}</text>`;
      }),
    );
  });
  return `${chartSvg('chart heat', width, height, `${heatMapTitle(report, locale)}; ${locale.t('mean')}: ${groups.map((g, j) => `${g.title} ${locale.num(grid.means[j])}`).join('; ')}`)}${head.join('')}${cells.join('\n')}</svg>`;
}

/** How each kind of unit (dinas, puskesmas, …), or each region, fares: units, mean and zones. */
function subsetTable(report: ScoreReport, facet: UnitFacet, locale: Locale): string {
  const t = locale.t;
  const words = FACET_WORDS[facet];
  const subsets = summaryBy(facet, report.units, report.rubric.zones, t(words.none));
  if (subsets.length === 0) return '';
  const zones = report.summary.zones;
  const head = [t(words.column), t('units'), t('mean'), ...zones.map((z) => shortZoneLabel(z.label))];
  const rows = subsets.map((subset) => `<tr><td>${esc(subset.name)}</td><td class="num">${subset.units}</td><td class="num">${esc(subsetMeanText(subset, locale))}</td>${subset.zones.map((z) => `<td class="num">${z.count}</td>`).join('')}</tr>`);
  // Scrolls sideways on a phone rather than run past the page's edge: one column per zone.
  return `<h3>${esc(t(words.heading))}</h3><div class="scroll"><table class="types ${facet}"><thead><tr>${head.map((h, i) => `<th${i ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The fewest gaps, unit by unit, that lift the round's mean into the next zone. */
function roundPathTable(report: ScoreReport, locale: Locale): string {
  const path = roundPath(report);
  if (!path) return '';
  const t = locale.t;
  const rows = path.units.map(
    (u) => `<tr><td>${unitCell(u.unit, u.name)}</td><td class="num">${locale.num(u.before)}</td><td class="num">${locale.num(u.after)}</td><td>${u.close.map((id) => `<code>${esc(id)}</code>`).join(', ')}</td></tr>`,
  );
  return `<h3>${esc(t('roundPathHeading', { zone: path.zone.label }))}</h3><p>${esc(roundPathText(path, report.summary, locale))}</p><div class="scroll"><table class="round-path"><thead><tr><th>${esc(t('unit'))}</th><th class="num">${esc(t('before'))}</th><th class="num">${esc(t('after'))}</th><th>${esc(t('toClose'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The criteria that are gaps in the most units: where one fix across the round lifts most units. */
function commonGapsTable(report: ScoreReport, locale: Locale): string {
  const commonGaps = commonGapsShown(report);
  const { units } = report.summary;
  if (commonGaps.length === 0) return '';
  const t = locale.t;
  const rows = commonGaps.map((g) => {
    const share = units ? (g.units / units) * 100 : 0;
    return `<tr><td><strong>${esc(g.title)}</strong><br><code>${esc(g.criterion)}</code></td><td class="num">${esc(t('unitsOf', { n: g.units, total: units }))}</td><td class="barcell"><svg class="mini" viewBox="0 0 100 10" preserveAspectRatio="none" width="120" height="10" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="100" height="10" fill="#eceff1"/><rect x="0" y="0" width="${share.toFixed(1)}" height="10" fill="#c62828"/></svg></td></tr>`;
  });
  return `<h3>${esc(t('commonGaps'))}</h3><table class="common"><thead><tr><th>${esc(t('criterion'))}</th><th class="num">${esc(t('units'))}</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Each unit's score and zone against the previous round's (`--previous`): who moved, and which way. */
function changesTable(options: ReportOptions): string {
  const diff = options.previous;
  if (!diff) return '';
  const { locale } = options;
  const t = locale.t;
  const rows = diff.units.map((u) => {
    const way = u.movement === 'up' ? ' class="up"' : u.movement === 'down' ? ' class="down"' : '';
    return `<tr><td>${unitCell(u.unit, u.name)}</td><td class="num">${locale.num(u.before?.score)}</td><td class="num">${locale.num(u.after?.score)}</td><td class="num">${esc(signed(u.change, locale))}</td><td${way}>${esc(zoneChange(u, locale, true))}</td></tr>`;
  });
  return `<h3>${esc(t('sincePreviousHeading'))}</h3>${movementSentences(diff, locale).map((sentence) => `<p>${esc(sentence)}</p>`).join('')}<div class="scroll"><table class="changes"><thead><tr><th>${esc(t('unit'))}</th><th class="num">${esc(t('before'))}</th><th class="num">${esc(t('after'))}</th><th class="num">${esc(t('change'))}</th><th>${esc(t('zoneChange'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** A unit in a table's cell: its name, and its id beside it, which gives way on a phone; a unit without a name keeps its id. */
function unitCell(id: string, name: string | undefined): string {
  return name ? `${esc(name)} <code class="aside">${esc(id)}</code>` : `<code>${esc(id)}</code>`;
}

/** The listed units no sheet assessed (`--units`): a form that never came back is named, not missed. */
function notAssessedList(report: ScoreReport, locale: Locale): string {
  const missing = report.summary.notAssessed;
  if (!missing?.length) return '';
  const t = locale.t;
  const items = missing.map((u) => `<li>${u.name ? `${esc(u.name)} <code>${esc(u.unit)}</code>` : `<code>${esc(u.unit)}</code>`}</li>`);
  return `<h3>${esc(t('notAssessed', { n: missing.length }))}</h3><ul class="missing">${items.join('')}</ul>`;
}

/** A survey unit's criteria, each over its respondents: mean answer, on the scale, and its zone (the SKM's NRR, 25 x NRR and mutu per unsur). */
function elementsTable(u: UnitResult, report: ScoreReport, locale: Locale): string {
  const t = locale.t;
  const rows = elementStandings(u, report.rubric).map((e) => {
    const c = colorOf(e.zone?.color);
    const badge = e.zone ? `<span class="badge" style="background:${c.fill};color:${c.text}">${esc(shortZoneLabel(e.zone.label))}</span>` : '';
    return `<tr><td><strong>${esc(e.title)}</strong> <code>${esc(e.id)}</code></td><td class="num">${e.responses}</td><td class="num">${locale.num(e.mean)}</td><td class="num">${locale.num(e.score)}</td><td>${badge}</td></tr>`;
  });
  return `<h3>${esc(t('elementsHeading'))}</h3><div class="scroll"><table class="elements"><thead><tr><th>${esc(t('criterion'))}</th><th class="num">${esc(t('responses'))}</th><th class="num">${esc(t('meanAnswer'))}</th><th class="num">${esc(t('score'))}</th><th>${esc(t('zone'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function unitSection(u: UnitResult, report: ScoreReport, options: ReportOptions): string {
  const { locale, rubric } = options;
  const t = locale.t;
  const c = colorOf(u.zone.color);
  const parts: string[] = [];
  parts.push(`<section class="unit" id="${anchor(u.unit.id)}"><h2>${esc(unitLabel(u))}</h2>`);
  const facts = unitFacts(u, locale).map(esc).join(' · ');
  if (facts) parts.push(`<p class="meta">${facts}</p>`);
  parts.push(
    `<p class="score"><span class="big">${locale.num(u.score)}</span> <span class="badge" style="background:${c.fill};color:${c.text}">${esc(u.zone.label)}</span>${u.respondents !== undefined ? ` <span class="meta">${esc(respondentsText(u.respondents, options.samples?.get(u.unit.id), locale))}</span>` : ''}</p>`,
  );
  const change = options.previous && unitDiffs(options.previous).get(u.unit.id);
  if (change) {
    const way = change.movement === 'up' ? ' up' : change.movement === 'down' ? ' down' : '';
    parts.push(`<p class="change${way}">${esc(sincePreviousText(change, locale))}</p>`);
    if (change.gapsClosed.length) parts.push(`<p class="meta">${esc(t('closedSince', { list: change.gapsClosed.map((id) => rubric.criteria.get(id)?.title ?? id).join('; ') }))}</p>`);
  }
  if (u.cappedBy.length) {
    parts.push(`<p class="cap">${esc(t('cappedBy', { zone: u.zone.label, criteria: u.cappedBy.map((x) => x.criterion).join(', '), byScore: u.zoneByScore.label }))}</p>`);
  }
  // Beside each group's score, the round's mean of it: where the unit stands among the others.
  const roundMeans = new Map(report.summary.groups.map((g) => [g.id, g.mean]));
  parts.push(`<h3>${esc(t('groups'))}</h3><table class="groups"><thead><tr><th>${esc(t('group'))}</th><th class="num">${esc(t('score'))}</th><th></th><th class="num">${esc(t('roundMean'))}</th></tr></thead><tbody>`);
  for (const g of u.groups) {
    const zone = g.score === null ? undefined : zoneFor(rubric.zones, g.score);
    const pct = g.score === null ? 0 : Math.max(0, Math.min(100, (g.score / report.rubric.scale) * 100));
    parts.push(
      `<tr><td>${esc(g.title)}</td><td class="num">${g.score === null ? 'n/a' : locale.num(g.score)}</td><td class="barcell"><svg class="mini" viewBox="0 0 100 10" preserveAspectRatio="none" width="120" height="10" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="100" height="10" fill="#eceff1"/><rect x="0" y="0" width="${pct.toFixed(1)}" height="10" fill="${colorOf(zone?.color).fill}"/></svg></td><td class="num">${locale.num(roundMeans.get(g.id))}</td></tr>`,
    );
  }
  parts.push('</tbody></table>');
  if (u.respondents !== undefined) {
    const profile = profileLines(u);
    if (profile.length) parts.push(`<p class="meta"><strong>${esc(t('profile'))}:</strong> ${profile.map(esc).join(' · ')}</p>`);
    parts.push(elementsTable(u, report, locale));
  }
  const next = u.nextZone;
  parts.push(`<h3>${esc(t('nextZone'))}</h3>`);
  if (!next) parts.push(`<p>${esc(t('inTopZone', { zone: u.zone.label }))}</p>`);
  else {
    const titles = new Map(u.gaps.map((g) => [g.criterion, g]));
    parts.push(`<p>${esc(t('pathToNext', { n: next.close.length, zone: next.zone.label, score: locale.num(next.score) }))}</p><ol class="path">`);
    for (const id of next.close) {
      const g = titles.get(id)!;
      parts.push(`<li><strong>${esc(g.title)}</strong> <code>${esc(id)}</code> <span class="gain">+${locale.num(g.lost)}</span></li>`);
    }
    parts.push('</ol>');
  }
  parts.push(`<h3>${esc(t('gaps'))} (${u.gaps.length})</h3>`);
  if (u.gaps.length === 0) parts.push(`<p>${esc(t('noGapsSentence'))}</p>`);
  else {
    parts.push(
      `<div class="scroll"><table class="gaps"><thead><tr><th class="num">${esc(t('lost'))}</th><th>${esc(t('criterion'))}</th><th>${esc(t('status'))}</th><th>${esc(t(u.respondents === undefined ? 'answer' : 'meanAnswer'))}</th><th>${esc(t('guidance'))}</th></tr></thead><tbody>`,
    );
    // Field notes and evidence travel with the answer, so the unit sees what the team saw.
    const remarks = new Map(u.criteria.filter((c) => c.note || c.evidence).map((c) => [c.id, [c.note, c.evidence].filter(Boolean).join(' · ')]));
    const opened = new Set(change?.gapsOpened);
    for (const g of u.gaps) {
      const guidance = rubric.criteria.get(g.criterion)?.guidance ?? '';
      const remark = remarks.get(g.criterion);
      const isNew = opened.has(g.criterion) ? ` <span class="new">${esc(t('newGap'))}</span>` : '';
      parts.push(
        `<tr><td class="num">${locale.num(g.lost)}</td><td><strong>${esc(g.title)}</strong><br><code>${esc(g.criterion)}</code></td><td>${esc(statusText(g.status, locale))}${isNew}</td><td>${esc(answerText(g.value, g.status, locale, u.respondents !== undefined))}${remark ? `<br><span class="remark">${esc(remark)}</span>` : ''}</td><td class="guidance">${esc(guidance)}</td></tr>`,
      );
    }
    parts.push('</tbody></table></div>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

// "A - Kualitas Tertinggi" under its bar is "A"; "Zona Hijau - Kepatuhan Tinggi" is "Zona Hijau".
const shortLabel = (label: string, room: number) => fitText(shortZoneLabel(label), room, CHART_FONT);

const CSS = `
:root{--ink:#1f2933;--muted:#5f6b76;--line:#d9e0e6}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1040px;padding:24px 20px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
h1{font-size:1.7em;margin:.1em 0 .3em}h2{font-size:1.35em;margin:1.2em 0 .4em;border-bottom:2px solid var(--line);padding-bottom:.2em}h3{font-size:1.05em;margin:1em 0 .4em}
.kicker{text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-size:.8em;margin:0}
.meta{color:var(--muted);margin:.2em 0}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.card{border:1px solid var(--line);border-top:5px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px;display:flex;flex-direction:column}
.big{font-size:1.6em;font-weight:700}
.charts{display:flex;flex-wrap:wrap;gap:24px}
figure{margin:12px 0;max-width:100%;overflow-x:auto}figcaption{font-weight:600;margin-bottom:6px}
svg.chart{max-width:100%;height:auto}
svg .axis{font-size:11px;fill:var(--muted)}svg .mean{font-weight:700;fill:var(--ink)}svg .value{font-size:11px;fill:var(--ink)}
svg .baseline{stroke:#90a4ae}svg .threshold{stroke:#37474f;stroke-dasharray:3 3}svg .halo{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
nav ol{columns:2;column-gap:3em;padding-left:1.4em}nav li{break-inside:avoid;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:6px 0}table.changes td:last-child{white-space:nowrap}th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f5f7f9;font-weight:600}.num{text-align:right;white-space:nowrap}
.scroll{overflow-x:auto}table.round-path code{white-space:nowrap}
.badge{display:inline-block;border-radius:4px;padding:2px 10px;font-weight:600}
.up{color:#2e7d32}.down{color:#c62828}.change{font-weight:600}
.new{display:inline-block;border-radius:3px;padding:0 6px;background:#c62828;color:#fff;font-size:.8em;font-weight:600}
.cap{background:#fff4e5;border-left:4px solid #f2b705;padding:6px 10px}
.gain{color:#2e7d32;font-weight:600}
.guidance{color:var(--muted);font-size:.92em;min-width:16em}table.types{width:auto;min-width:50%}
.remark{font-size:.88em;font-style:italic}
code{font-size:.88em;color:var(--muted)}
footer{margin-top:32px;color:var(--muted);font-size:.85em;border-top:1px solid var(--line);padding-top:8px}
@media (max-width:640px){body{padding:14px 10px;font-size:14px}nav ol{columns:1}.card{min-width:44%}table.common .barcell{display:none}table.groups svg.mini{width:56px}table.types th,table.types td,table.changes th,table.changes td,table.round-path th,table.round-path td{padding:5px 4px}table.changes .aside,table.round-path .aside{display:none}}
@page{size:A4;margin:15mm}
@media print{body{max-width:none;padding:0;font-size:11pt}section.unit{break-before:page}.one-unit section.unit{break-before:auto}figure,tr,.card{break-inside:avoid}a{color:inherit;text-decoration:none}nav{break-after:page}}
`;
