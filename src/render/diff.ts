import Table from 'cli-table3';
import type { RoundDiff, UnitDiff } from '../core/diff.js';
import type { Locale } from '../i18n/locale.js';
import { FACET_WORDS, markdownRow, movementSentences, roundMeansText, signed, subsetMeansOf, subsetMeansText, zoneChange } from './describe.js';
import { boxWidth, joinedParts, largest, slicedTable } from './terminal-fit.js';
import type { Painter } from './types.js';

// Gap lists wrap inside their columns; without a terminal to fit, each column is this wide.
const GAP_COLUMN = 34;

/**
 * The comparison as a terminal table. On a terminal (`width`), the table is fitted to it: the gap
 * lists wrap in what room is left, and when that is too little for the longest criterion id, zones
 * are shortened, then units are named by their id alone.
 */
export function renderDiffTable(diff: RoundDiff, locale: Locale, paint: Painter, width?: number): string {
  const t = locale.t;
  const closed = diff.units.map((u) => u.gapsClosed.join(', '));
  const opened = diff.units.map((u) => u.gapsOpened.join(', '));
  const longestId = largest(diff.units.flatMap((u) => [...u.gapsClosed, ...u.gapsOpened].map((id) => id.length + 1)));
  const layout = (short: boolean, idOnly: boolean) => [
    diff.units.map((u) => (u.name && !idOnly ? `${u.name} (${u.unit})` : u.unit)),
    diff.units.map((u) => locale.num(u.before?.score)),
    diff.units.map((u) => locale.num(u.after?.score)),
    diff.units.map((u) => signed(u.change, locale)),
    diff.units.map((u) => zoneChange(u, locale, short)),
  ];
  const head = [t('unit'), t('before'), t('after'), t('change'), t('zoneChange'), t('gapsClosed'), t('gapsOpened')];
  const natural = (cells: string[], k: number) => largest(cells.map((c) => c.length), head[k]!.length);
  let fixed = layout(false, false);
  let gapWidth = GAP_COLUMN;
  if (width) {
    for (const [short, idOnly] of [[false, false], [true, false], [true, true]] as const) {
      fixed = layout(short, idOnly);
      // What the five columns take; the two gap columns share the rest.
      const taken = boxWidth(fixed.map((cells, k) => natural(cells, k)));
      gapWidth = Math.floor((width - taken) / 2) - 3;
      if (gapWidth >= longestId) break;
    }
    gapWidth = Math.max(gapWidth, longestId, head[5]!.length, head[6]!.length);
  }
  // A gap column is as wide as its longest list when that is narrower than the room it has.
  const gapColumn = (cells: string[], k: number) => Math.min(gapWidth, natural(cells, k)) + 2;
  const colWidths = [...fixed.map((cells, k) => natural(cells, k) + 2), gapColumn(closed, 5), gapColumn(opened, 6)];
  const rows = diff.units.map((u, i) => {
    const color = u.movement === 'up' ? 'green' : u.movement === 'down' ? 'red' : undefined;
    return [fixed[0]![i]!, fixed[1]![i]!, fixed[2]![i]!, fixed[3]![i]!, paint.zone(color, fixed[4]![i]!), closed[i]!, opened[i]!];
  });
  const draw = (slice: readonly string[][], first: boolean) => {
    const table = new Table({ head: first ? head : [], colAligns: ['left', 'right', 'right', 'right', 'left', 'left', 'left'], style: { head: [], border: [] }, wordWrap: true, colWidths });
    table.push(...slice);
    return table.toString();
  };
  const lines = [paint.bold(t('diffTitle', { title: diff.rubric.after.title })), slicedTable(rows, draw, true), '', t('movementLine', diff.summary), roundMeansText(diff.summary.mean, locale)];
  for (const [facet, means] of subsetMeansOf(diff)) {
    lines.push(...joinedParts(means.map((m) => ({ plain: subsetMeansText(m, facet, locale) })), ' · ', width, `${t(FACET_WORDS[facet].heading)}: `));
  }
  if (diff.regressions.length) lines.push(paint.zone('red', t('regressions', { n: diff.regressions.length, list: diff.regressions.join(', ') })));
  return `${lines.join('\n')}\n`;
}

export function renderDiffMarkdown(diff: RoundDiff, locale: Locale): string {
  const t = locale.t;
  const row = markdownRow;
  const out = [`# ${t('diffTitle', { title: diff.rubric.after.title })}`, ''];
  out.push(row([t('unit'), t('before'), t('after'), t('change'), t('zoneChange'), t('gapsClosed'), t('gapsOpened')]), row(['---', '---:', '---:', '---:', '---', '---', '---']));
  for (const u of diff.units) {
    out.push(
      row([
        u.name ? `${u.name} (${u.unit})` : u.unit,
        locale.num(u.before?.score),
        locale.num(u.after?.score),
        signed(u.change, locale),
        zoneChange(u, locale),
        u.gapsClosed.map((g) => `\`${g}\``).join(', '),
        u.gapsOpened.map((g) => `\`${g}\``).join(', '),
      ]),
    );
  }
  out.push('', `## ${t('movement')}`, '', ...movementSentences(diff, locale).flatMap((sentence) => [sentence, '']));
  out.push(row([t('before'), t('after'), t('units')]), row(['---', '---', '---:']));
  const label = new Map([...diff.rubric.before.zones, ...diff.rubric.after.zones].map((z) => [z.id, z.label]));
  for (const tr of diff.summary.transitions) out.push(row([label.get(tr.from) ?? tr.from, label.get(tr.to) ?? tr.to, String(tr.units)]));
  if (diff.regressions.length) out.push('', t('regressions', { n: diff.regressions.length, list: diff.regressions.map((r) => `\`${r}\``).join(', ') }));
  return `${out.join('\n')}\n`;
}

export function renderDiffJson(diff: RoundDiff): string {
  return `${JSON.stringify({ schemaVersion: 1, ...diff }, null, 2)}\n`;
}
