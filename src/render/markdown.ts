import { elementStandings, unitsInOrder, type ReportHead } from '../core/report.js';
import type { UnitResult } from '../core/score.js';
import type { Summary } from '../core/summary.js';
import { answerText, capText, commonGapsShown, markdownRow, meanText, nextZoneText, profileMarkdown, statusText, unitLabel, notAssessedMarkdown } from './describe.js';
import type { RenderOptions, StreamRenderer } from './types.js';

const row = markdownRow;

/** What the report keeps of a unit: what its ranking row and its order need, and its section, already written. */
interface MarkdownEntry {
  unit: { id: string };
  score: number;
  label: string;
  zoneLabel: string;
  section: string;
}

/**
 * A readable pre-evaluation report: summary, ranking, then each unit's gaps and next-zone path.
 * The summary comes first, so nothing is written before the last unit; but each unit's section is
 * written as it is scored and only that text is kept, not the unit: a national round's report
 * does not hold every result whole (300,000 units took 3 GB that way).
 */
export function markdownStream(options: RenderOptions): StreamRenderer {
  const entries: MarkdownEntry[] = [];
  let head: ReportHead;
  return {
    begin: (reportHead) => {
      head = reportHead;
      return '';
    },
    unit: (u) => {
      entries.push({ unit: { id: u.unit.id }, score: u.score, label: unitLabel(u), zoneLabel: u.zone.label, section: unitSection(u, head, options) });
    },
    end: (summary) => [summaryPart(head, summary, entries, options), ...unitsInOrder(entries, options.sort ?? 'input').map((e) => e.section), '\n'],
  };
}

function summaryPart(head: ReportHead, summary: Summary, entries: readonly MarkdownEntry[], { locale }: RenderOptions): string {
  const { rubric } = head;
  const { t, num } = locale;
  const out: string[] = [];
  out.push(`# ${rubric.title}`, '');
  out.push(`${t('rubricAbout', rubric)}${rubric.source ? ` ${t('source')}: ${rubric.source.replace(/\.$/, '')}.` : ''}`, '');
  out.push(`## ${t('summary')}`, '');
  out.push(t('summaryText', { units: summary.units, mean: meanText(summary.mean, summary.meanZone, locale), median: num(summary.median) }), '');
  out.push(row([t('zone'), t('from'), t('units')]), row(['---', '---:', '---:']));
  for (const z of summary.zones) out.push(row([z.label, num(z.min), String(z.count)]));
  out.push('', `## ${t('ranking')}`, '');
  out.push(row([t('rank'), t('unit'), t('score'), t('zone')]), row(['---:', '---', '---:', '---']));
  const byId = new Map(entries.map((e) => [e.unit.id, e]));
  for (const r of summary.ranking) out.push(row([String(r.rank), byId.get(r.unit)!.label, num(r.score), byId.get(r.unit)!.zoneLabel]));
  out.push('', `## ${t('groups')}`, '');
  out.push(row([t('group'), t('meanScore'), t('units')]), row(['---', '---:', '---:']));
  for (const g of summary.groups) out.push(row([g.title, num(g.mean), String(g.units)]));
  const common = commonGapsShown({ rubric, summary });
  if (common.length) {
    out.push('', `## ${t('commonGaps')}`, '');
    out.push(row([t('criterion'), t('title'), t('units')]), row(['---', '---', '---:']));
    for (const g of common) out.push(row([`\`${g.criterion}\``, g.title, String(g.units)]));
  }
  out.push(...notAssessedMarkdown(summary, locale, '##'));
  return out.join('\n');
}

/** A unit's section, with the line break that parts it from what comes before. */
function unitSection(u: UnitResult, { rubric }: ReportHead, { gaps: gapLimit, locale }: RenderOptions): string {
  const { t, num } = locale;
  const out: string[] = [''];
  out.push('', `## ${unitLabel(u)}`, '');
  out.push(`${t('scoreZone', { score: num(u.score), zone: u.zone.label })}${u.respondents !== undefined ? ` ${t('respondentsCount', { n: u.respondents })}` : ''}`);
  const cap = capText(u, locale);
  if (cap) out.push('', t('zoneCapped', { text: cap }));
  out.push('', row([t('group'), t('score')]), row(['---', '---:']));
  for (const g of u.groups) out.push(row([g.title, num(g.score)]));
  if (u.respondents !== undefined) {
    out.push(...profileMarkdown(u, locale));
    out.push('', t('averagedNote'), '');
    out.push(row([t('criterion'), t('title'), t('responses'), t('mean'), t('score'), t('zone'), t('points'), t('worth')]), row(['---', '---', '---:', '---:', '---:', '---', '---:', '---:']));
    const standings = elementStandings(u, rubric);
    u.criteria.forEach((c, i) => {
      const e = standings[i]!;
      out.push(row([`\`${c.id}\``, e.title, String(e.responses), num(e.mean), num(e.score), e.zone?.label ?? '', num(c.points), num(c.worth)]));
    });
  }
  out.push('');
  if (u.gaps.length === 0) out.push(t('noGapsSentence'));
  else {
    const shown = u.gaps.slice(0, gapLimit);
    out.push(t('gapsOf', { shown: shown.length, total: u.gaps.length }), '');
    out.push(row([t('lost'), t('criterion'), t('title'), t('status'), t(u.respondents === undefined ? 'answer' : 'meanAnswer')]), row(['---:', '---', '---', '---', '---']));
    for (const g of shown) out.push(row([num(g.lost), `\`${g.criterion}\``, g.title, statusText(g.status, locale), answerText(g.value, g.status, locale, u.respondents !== undefined)]));
  }
  out.push('', t('nextZoneSentence', { text: nextZoneText(u, locale) }));
  return out.join('\n');
}
