import type { ScoreReport } from '../core/report.js';
import { answerText, capText, nextZoneText, unitLabel } from './describe.js';
import { fixed2 } from './numbers.js';
import type { RenderOptions } from './types.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const fmt = (n: number | null) => (n === null ? '–' : fixed2(n));

/** A readable pre-evaluation report: summary, ranking, then each unit's gaps and next-zone path. */
export function renderMarkdown(report: ScoreReport, { gaps: gapLimit }: RenderOptions): string {
  const { rubric, units, summary } = report;
  const out: string[] = [];
  out.push(`# ${rubric.title}`, '');
  out.push(`Rubric \`${rubric.id}\` version ${rubric.version}, scale ${rubric.scale}.${rubric.source ? ` Source: ${rubric.source.replace(/\.$/, '')}.` : ''}`, '');
  out.push('## Summary', '');
  out.push(`${summary.units} unit(s); mean ${fmt(summary.mean)}, median ${fmt(summary.median)}.`, '');
  out.push(row(['Zone', 'From', 'Units']), row(['---', '---:', '---:']));
  for (const z of summary.zones) out.push(row([z.label, fixed2(z.min), String(z.count)]));
  out.push('', '## Ranking', '');
  out.push(row(['Rank', 'Unit', 'Score', 'Zone']), row(['---:', '---', '---:', '---']));
  const byId = new Map(units.map((u) => [u.unit.id, u]));
  for (const r of summary.ranking) out.push(row([String(r.rank), unitLabel(byId.get(r.unit)!), fixed2(r.score), byId.get(r.unit)!.zone.label]));
  out.push('', '## Groups', '');
  out.push(row(['Group', 'Mean score', 'Units']), row(['---', '---:', '---:']));
  for (const g of summary.groups) out.push(row([g.title, fmt(g.mean), String(g.units)]));
  if (summary.commonGaps.length) {
    out.push('', '## Most common gaps', '');
    out.push(row(['Criterion', 'Title', 'Units']), row(['---', '---', '---:']));
    for (const g of summary.commonGaps) out.push(row([`\`${g.criterion}\``, g.title, String(g.units)]));
  }
  for (const u of units) {
    out.push('', `## ${unitLabel(u)}`, '');
    out.push(`**Score ${fixed2(u.score)}**, ${u.zone.label}.${u.respondents !== undefined ? ` Respondents: ${u.respondents}.` : ''}`);
    const cap = capText(u);
    if (cap) out.push('', `Zone ${cap}.`);
    out.push('', row(['Group', 'Score']), row(['---', '---:']));
    for (const g of u.groups) out.push(row([g.title, fmt(g.score)]));
    if (u.respondents !== undefined) {
      out.push('', 'Answers averaged over respondents (mean = the mean raw answer):', '');
      out.push(row(['Criterion', 'Title', 'Responses', 'Mean', 'Points', 'Worth']), row(['---', '---', '---:', '---:', '---:', '---:']));
      for (const c of u.criteria) {
        out.push(row([`\`${c.id}\``, c.title, String(c.responses ?? 0), c.mean == null ? '–' : c.mean.toFixed(2), fixed2(c.points), fixed2(c.worth)]));
      }
    }
    out.push('');
    if (u.gaps.length === 0) out.push('No gaps.');
    else {
      const shown = u.gaps.slice(0, gapLimit);
      out.push(`Gaps (${shown.length} of ${u.gaps.length}, largest loss first):`, '');
      out.push(row(['Lost', 'Criterion', 'Title', 'Status', 'Answer']), row(['---:', '---', '---', '---', '---']));
      for (const g of shown) out.push(row([fixed2(g.lost), `\`${g.criterion}\``, g.title, g.status, answerText(g.value, g.status)]));
    }
    out.push('', `Next zone: ${nextZoneText(u)}.`);
  }
  return `${out.join('\n')}\n`;
}
