import type { CompiledRubric } from '../core/compile.js';
import { unitDiffs } from '../core/diff.js';
import { elementStandings, heatGrid, roundPath, summaryBy, type ScoreReport } from '../core/report.js';
import { zoneFor, type UnitResult } from '../core/score.js';
import { answerText, heatMapTitle, capText, commonGapsShown, meanText, profileMarkdown, respondentsText, roundDateText, movementSentences, roundPathText, shortZoneLabel, subsetMeanText, FACET_WORDS, signed, sincePreviousText, standingText, statusText, unitFacts, unitLabel, unitMarkdown, notAssessedMarkdown, zoneChange, markdownRow } from './describe.js';
import type { ReportOptions } from './report-html.js';

const row = markdownRow;

/** The report's content as Markdown: the charts become tables; every gap comes with its guidance. */
export function* renderReportMarkdown(report: ScoreReport, options: ReportOptions): Generator<string> {
  const { locale, rubric } = options;
  const { t, num } = locale;
  const { summary, units } = report;
  const out: string[] = reportHeader(report, options);
  out.push('', `## ${t('summary')}`, '', t('summaryText', { units: summary.units, mean: meanText(summary.mean, summary.meanZone, locale), median: num(summary.median) }), '');
  for (const facet of ['type', 'region'] as const) {
    const words = FACET_WORDS[facet];
    const subsets = summaryBy(facet, units, report.rubric.zones, t(words.none));
    if (subsets.length === 0) continue;
    out.push(`### ${t(words.heading)}`, '', row([t(words.column), t('units'), t('mean'), ...summary.zones.map((z) => shortZoneLabel(z.label))]), row(['---', '---:', '---:', ...summary.zones.map(() => '---:')]));
    for (const subset of subsets) out.push(row([subset.name, String(subset.units), subsetMeanText(subset, locale), ...subset.zones.map((z) => String(z.count))]));
    out.push('');
  }
  out.push(`### ${t('unitsByZone')}`, '', row([t('zone'), t('from'), t('units')]), row(['---', '---:', '---:']));
  for (const z of summary.zones) out.push(row([z.label, num(z.min), String(z.count)]));
  out.push('', `### ${t('ranking')}`, '', row([t('rank'), t('unit'), t('score'), t('zone')]), row(['---:', '---', '---:', '---']));
  const byId = new Map(units.map((u) => [u.unit.id, u]));
  for (const r of summary.ranking) out.push(row([String(r.rank), unitLabel(byId.get(r.unit)!), num(r.score), byId.get(r.unit)!.zone.label]));
  const grid = heatGrid(report);
  out.push('', `### ${heatMapTitle(report, locale)}`, '', row([t('unit'), ...grid.columns.map((c) => c.title)]), row(['---', ...grid.columns.map(() => '---:')]));
  units.forEach((u, i) => out.push(row([unitLabel(u), ...grid.rows[i]!.map((score) => heatCell(score, rubric, num))])));
  out.push(row([`**${t('mean')}**`, ...grid.means.map((score) => heatCell(score, rubric, num))]));
  const diff = options.previous;
  if (diff) {
    out.push('', `### ${t('sincePreviousHeading')}`, '', ...movementSentences(diff, locale).flatMap((sentence) => [sentence, '']), row([t('unit'), t('before'), t('after'), t('change'), t('zoneChange')]), row(['---', '---:', '---:', '---:', '---']));
    for (const u of diff.units) out.push(row([unitMarkdown(u.unit, u.name), num(u.before?.score), num(u.after?.score), signed(u.change, locale), zoneChange(u, locale)]));
  }
  const path = roundPath(report);
  if (path) {
    out.push('', `### ${t('roundPathHeading', { zone: path.zone.label })}`, '', roundPathText(path, summary, locale), '', row([t('unit'), t('before'), t('after'), t('toClose')]), row(['---', '---:', '---:', '---']));
    for (const u of path.units) out.push(row([unitMarkdown(u.unit, u.name), num(u.before), num(u.after), u.close.map((id) => `\`${id}\``).join(', ')]));
  }
  const common = commonGapsShown(report);
  if (common.length) {
    out.push('', `### ${t('commonGaps')}`, '', row([t('criterion'), t('units')]), row(['---', '---:']));
    for (const g of common) out.push(row([`${g.title} (\`${g.criterion}\`)`, t('unitsOf', { n: g.units, total: summary.units })]));
  }
  out.push(...notAssessedMarkdown(summary, locale, '###'));
  // Each unit's section is made as it is written: 10,000 units are 32 MB of Markdown.
  yield out.join('\n');
  for (const u of units) yield `\n${unitSection(u, report, options).join('\n')}`;
  yield `\n${pageEnd(report, options)}`;
}

/** One unit's page, for the unit itself (`report --out folder/`): the round's header, its standing, its section. */
export function renderUnitReportMarkdown(report: ScoreReport, unit: UnitResult, options: ReportOptions): string {
  return page([...reportHeader(report, options), '', standingText(report, unit, options.locale), ...unitSection(unit, report, options)], report, options);
}

function reportHeader(report: ScoreReport, { locale, roundDates }: ReportOptions): string[] {
  const t = locale.t;
  const out = [`# ${t('reportTitle')}: ${report.rubric.title}`, ''];
  out.push(`${t('rubricAbout', report.rubric)}${report.rubric.source ? ` ${t('source')}: ${report.rubric.source.replace(/\.$/, '')}.` : ''}`);
  const dates = roundDateText(roundDates, locale);
  if (dates) out.push('', `**${t('roundDate')}:** ${dates}`);
  return out;
}

function page(lines: string[], report: ScoreReport, options: ReportOptions): string {
  return `${lines.join('\n')}\n${pageEnd(report, options)}`;
}

/** What closes a page: a rule and the footer, after a blank line. */
function pageEnd(report: ScoreReport, { locale, generated }: ReportOptions): string {
  const footer = locale.t('generated', { version: report.generator.version, date: locale.date(generated), sha: report.rubric.sha256.slice(0, 12) });
  return `${['', '---', '', footer].join('\n')}\n`;
}

/** A unit's section: score and zone, facts, groups, the path to the next zone, every gap with its guidance. */
function unitSection(u: UnitResult, report: ScoreReport, options: ReportOptions): string[] {
  const { locale, rubric } = options;
  const { summary } = report;
  const { t, num } = locale;
  const out: string[] = [];
  out.push('', `## ${unitLabel(u)}`, '', `${t('scoreZone', { score: num(u.score), zone: u.zone.label })}${u.respondents !== undefined ? ` ${respondentsText(u.respondents, options.samples?.get(u.unit.id), locale)}` : ''}`);
  const facts = unitFacts(u, locale);
  if (facts.length) out.push('', facts.join(' · '));
  const change = options.previous && unitDiffs(options.previous).get(u.unit.id);
  if (change) {
    out.push('', sincePreviousText(change, locale));
    if (change.gapsClosed.length) out.push('', t('closedSince', { list: change.gapsClosed.map((id) => `${rubric.criteria.get(id)?.title ?? id} (\`${id}\`)`).join('; ') }));
  }
  if (u.cappedBy.length) out.push('', t('zoneCapped', { text: capText(u, locale) }));
  // Beside each group's score, the round's mean of it: where the unit stands among the others.
  const roundMeans = new Map(summary.groups.map((g) => [g.id, g.mean]));
  out.push('', row([t('group'), t('score'), t('roundMean')]), row(['---', '---:', '---:']));
  for (const g of u.groups) out.push(row([g.title, num(g.score), num(roundMeans.get(g.id))]));
  if (u.respondents !== undefined) {
    out.push(...profileMarkdown(u, locale));
    out.push('', `### ${t('elementsHeading')}`, '', row([t('criterion'), t('responses'), t('meanAnswer'), t('score'), t('zone')]), row(['---', '---:', '---:', '---:', '---']));
    for (const e of elementStandings(u, report.rubric)) out.push(row([`${e.title} (\`${e.id}\`)`, String(e.responses), num(e.mean), num(e.score), e.zone?.label ?? '']));
  }
  out.push('', `### ${t('nextZone')}`, '');
  const next = u.nextZone;
  if (!next) out.push(t('inTopZone', { zone: u.zone.label }));
  else {
    out.push(t('pathToNext', { n: next.close.length, zone: next.zone.label, score: num(next.score) }), '');
    const gaps = new Map(u.gaps.map((g) => [g.criterion, g]));
    next.close.forEach((id, i) => out.push(`${i + 1}. ${gaps.get(id)!.title} (\`${id}\`, +${num(gaps.get(id)!.lost)})`));
  }
  out.push('', `### ${t('gaps')} (${u.gaps.length})`, '');
  if (u.gaps.length === 0) out.push(t('noGapsSentence'));
  else {
    out.push(row([t('lost'), t('criterion'), t('status'), t(u.respondents === undefined ? 'answer' : 'meanAnswer'), t('guidance')]), row(['---:', '---', '---', '---', '---']));
    const remarks = new Map(u.criteria.filter((c) => c.note || c.evidence).map((c) => [c.id, [c.note, c.evidence].filter(Boolean).join(' · ')]));
    const opened = new Set(change?.gapsOpened);
    for (const g of u.gaps) {
      const remark = remarks.get(g.criterion);
      const answer = answerText(g.value, g.status, locale, u.respondents !== undefined) + (remark ? ` (${remark})` : '');
      const status = statusText(g.status, locale) + (opened.has(g.criterion) ? ` **${t('newGap')}**` : '');
      out.push(row([num(g.lost), `${g.title} (\`${g.criterion}\`)`, status, answer, rubric.criteria.get(g.criterion)?.guidance ?? '']));
    }
  }
  return out;
}

function heatCell(score: number | null, rubric: CompiledRubric, num: (n: number | null) => string): string {
  if (score === null) return 'n/a';
  const zone = zoneFor(rubric.zones, score);
  const mark = zone.color === 'green' ? '🟢' : zone.color === 'yellow' ? '🟡' : zone.color === 'red' ? '🔴' : '';
  return `${mark} ${num(score)}`.trim();
}
