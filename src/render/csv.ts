import { gapCount, topGroupScores } from '../core/score.js';
import type { Lang, Locale } from '../i18n/locale.js';
import { fixed2 } from './numbers.js';
import type { StreamRenderer } from './types.js';

/** How a CSV is written: for programs and scripts (the default), or for a spreadsheet opening it as it is. */
export interface CsvDialect {
  separator: ',' | ';';
  decimalComma: boolean;
  /** A UTF-8 BOM first: Excel reads a CSV without one in the system's ANSI code page. */
  bom: boolean;
  eol: '\n' | '\r\n';
}

export const PLAIN_CSV: CsvDialect = { separator: ',', decimalComma: false, bom: false, eol: '\n' };

/**
 * CSV as Excel opens it by a double click: BOM and CRLF, and in Indonesian regional settings
 * (`--lang id`) `;` between cells and a decimal comma, as Excel there writes and expects.
 */
export function excelCsv(lang: Lang): CsvDialect {
  return lang === 'id' ? { separator: ';', decimalComma: true, bom: true, eol: '\r\n' } : { separator: ',', decimalComma: false, bom: true, eol: '\r\n' };
}

export function csvCell(value: unknown): string {
  if (typeof value === 'number') return String(value);
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: unknown[], dialect: CsvDialect = PLAIN_CSV) => `${cells.map(csvCell).join(dialect.separator)}${dialect.eol}`;

/** What a CSV file starts with, before its header: the BOM, when the dialect wants one. */
export const csvStart = (dialect: CsvDialect) => (dialect.bom ? '\uFEFF' : '');

/**
 * One row per unit for spreadsheets: id, name, score, zone, then each top-level group's score.
 * For programs (no `forPeople`): ids and fixed codes (`yellow`, `na`) whatever the language. For
 * people opening it in a spreadsheet (`--excel`, `forPeople` the output's locale): the table's
 * words as headers, zone labels and group titles, and n/a in that language.
 */
export function csvStreamOf(dialect: CsvDialect, forPeople?: Locale): StreamRenderer {
  const { separator: sep, eol } = dialect;
  const figure = dialect.decimalComma ? (n: number) => fixed2(n).replace('.', ',') : fixed2;
  const na = forPeople ? csvCell(forPeople.t('na')) : 'na';
  const zoneCell = forPeople ? (zone: { label: string }) => csvCell(zone.label) : (zone: { id: string }) => csvCell(zone.id);
  return {
    begin: (head) => {
      const t = forPeople?.t;
      const header = t
        ? [t('unit'), t('name'), t('score'), t('zone'), t('cappedByColumn'), t('gaps'), ...head.rubric.groups.map((g) => g.title)]
        : ['unit', 'name', 'score', 'zone', 'capped_by', 'gaps', ...head.rubric.groups.map((g) => g.id)];
      return `${csvStart(dialect)}${csvLine(header, dialect)}`;
    },
    // Written out rather than through csvLine: this runs once per unit of a national round.
    unit: (u, out) => {
      let line = `${csvCell(u.unit.id)}${sep}${csvCell(u.unit.name)}${sep}${figure(u.score)}${sep}${zoneCell(u.zone)}${sep}${u.cappedBy.length ? csvCell(u.cappedBy.map((c) => c.criterion).join(' ')) : ''}${sep}${gapCount(u)}`;
      const scores = topGroupScores(u);
      for (let k = 0; k < scores.length; k++) line += scores[k] === null ? `${sep}${na}` : `${sep}${figure(scores[k]!)}`;
      out.text(`${line}${eol}`);
    },
    end: () => '',
  };
}

export const csvStream = csvStreamOf(PLAIN_CSV);
