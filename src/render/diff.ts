import Table from 'cli-table3';
import type { RoundDiff, UnitDiff } from '../core/diff.js';
import type { Locale } from '../i18n/locale.js';
import type { Painter } from './types.js';

const ARROWS = { up: '▲', down: '▼', same: '=', added: '+', removed: '−' } as const;

function zoneChange(u: UnitDiff, locale: Locale): string {
  if (!u.before) return `${ARROWS.added} ${locale.t('onlyAfter')}`;
  if (!u.after) return `${ARROWS.removed} ${locale.t('onlyBefore')}`;
  return u.movement === 'same' ? `${ARROWS.same} ${u.after.zone.label}` : `${ARROWS[u.movement]} ${u.before.zone.label} → ${u.after.zone.label}`;
}

const signed = (n: number | null, locale: Locale) => (n === null ? '-' : `${n > 0 ? '+' : ''}${locale.num(n)}`);

export function renderDiffTable(diff: RoundDiff, locale: Locale, paint: Painter): string {
  const t = locale.t;
  const table = new Table({
    head: [t('unit'), t('before'), t('after'), t('change'), t('zoneChange'), t('gapsClosed'), t('gapsOpened')],
    colAligns: ['left', 'right', 'right', 'right', 'left', 'left', 'left'],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [null, null, null, null, null, 36, 36] as unknown as number[],
  });
  for (const u of diff.units) {
    const color = u.movement === 'up' ? 'green' : u.movement === 'down' ? 'red' : undefined;
    table.push([
      u.name ? `${u.name} (${u.unit})` : u.unit,
      locale.num(u.before?.score),
      locale.num(u.after?.score),
      signed(u.change, locale),
      paint.zone(color, zoneChange(u, locale)),
      u.gapsClosed.join(', '),
      u.gapsOpened.join(', '),
    ]);
  }
  const lines = [paint.bold(t('diffTitle', { title: diff.rubric.after.title })), table.toString(), '', summaryLine(diff, locale)];
  if (diff.regressions.length) lines.push(paint.zone('red', t('regressions', { n: diff.regressions.length, list: diff.regressions.join(', ') })));
  return `${lines.join('\n')}\n`;
}

function summaryLine(diff: RoundDiff, locale: Locale): string {
  return locale.t('movementLine', diff.summary);
}

export function renderDiffMarkdown(diff: RoundDiff, locale: Locale): string {
  const t = locale.t;
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
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
  out.push('', `## ${t('movement')}`, '', summaryLine(diff, locale) + '.', '');
  out.push(row([t('before'), t('after'), t('units')]), row(['---', '---', '---:']));
  const label = new Map([...diff.rubric.before.zones, ...diff.rubric.after.zones].map((z) => [z.id, z.label]));
  for (const tr of diff.summary.transitions) out.push(row([label.get(tr.from) ?? tr.from, label.get(tr.to) ?? tr.to, String(tr.units)]));
  if (diff.regressions.length) out.push('', t('regressions', { n: diff.regressions.length, list: diff.regressions.map((r) => `\`${r}\``).join(', ') }));
  return `${out.join('\n')}\n`;
}

export function renderDiffJson(diff: RoundDiff): string {
  return `${JSON.stringify({ schemaVersion: 1, ...diff }, null, 2)}\n`;
}
