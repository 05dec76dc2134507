import type { CompiledRubric } from '../core/compile.js';
import type { Gap } from '../core/score.js';
import type { Locale } from '../i18n/locale.js';
import { csvCell, csvLine, csvStart, PLAIN_CSV, type CsvDialect } from './csv.js';
import { statusText } from './describe.js';
import { fixed2 } from './numbers.js';
import type { StreamRenderer } from './types.js';

/**
 * One row per gap of every unit: the follow-up list a Bagian Organisasi keeps in a spreadsheet,
 * filtered by unit or criterion and ticked off as units fix them. A unit's gaps come largest loss
 * first (`rank`); `next_zone` marks the gaps of the fewest-gaps path to the next zone; `guidance`
 * is the rubric's, so that a row says what to do. Units without gaps have no row. For programs
 * (no `forPeople`): ids and fixed codes (`unmet`, `yes`); for people (`--excel`, `forPeople` the
 * output's locale): the table's words as headers, statuses and answers, and group titles.
 */
export function csvGapsStream(dialect: CsvDialect = PLAIN_CSV, forPeople?: Locale): StreamRenderer {
  const figure = dialect.decimalComma ? (n: number) => fixed2(n).replace('.', ',') : fixed2;
  const { separator: sep, eol } = dialect;
  const number = dialect.decimalComma ? (n: number) => String(n).replace('.', ',') : String;
  // Figures unquoted, as the one-row-per-unit CSV writes them: a spreadsheet reads them as numbers.
  const text = (cells: unknown[]) => cells.map(csvCell).join(sep);
  // A survey's mean answer to two decimals, as scores are; an answer's own number as given (98.5, not 98.50).
  const answerCell = (g: Gap, survey: boolean) =>
    g.status === 'missing' || g.value === null
      ? ''
      : typeof g.value === 'boolean'
        ? csvCell(forPeople ? forPeople.t(g.value ? 'yes' : 'no') : g.value ? 'yes' : 'no')
        : typeof g.value === 'string'
          ? csvCell(g.value)
          : survey
            ? figure(g.value)
            : number(g.value);
  const statusCell = forPeople ? (g: Gap) => statusText(g.status, forPeople) : (g: Gap) => g.status;
  const onPath = forPeople ? forPeople.t('yes') : 'yes';
  let guidance = new Map<string, string>();
  let groupCell = (id: string) => id;
  return {
    begin: (head, rubric?: CompiledRubric) => {
      guidance = new Map(rubric?.criterionList.map((c) => [c.id, c.guidance ?? '']));
      const t = forPeople?.t;
      if (t) {
        const titles = new Map(head.rubric.groups.map((g) => [g.id, g.title]));
        groupCell = (id) => titles.get(id) ?? id;
      }
      const header = t
        ? [t('unit'), t('name'), t('type'), t('region'), t('gapRankColumn'), t('criterion'), t('title'), t('group'), t('status'), t(head.rubric.aggregate === 'mean' ? 'meanAnswer' : 'answer'), t('lost'), t('nextZonePathColumn'), t('note'), t('evidence'), t('guidance')]
        : ['unit', 'name', 'type', 'region', 'rank', 'criterion', 'title', 'group', 'status', 'answer', 'lost', 'next_zone', 'note', 'evidence', 'guidance'];
      return `${csvStart(dialect)}${csvLine(header, dialect)}`;
    },
    unit: (u, out) => {
      if (u.gaps.length === 0) return;
      const next = new Set(u.nextZone?.close);
      const remarks = new Map(u.criteria.filter((c) => c.note || c.evidence).map((c) => [c.id, c]));
      u.gaps.forEach((g, i) => {
        const remark = remarks.get(g.criterion);
        out.text(`${text([u.unit.id, u.unit.name, u.unit.type, u.unit.region])}${sep}${i + 1}${sep}${text([g.criterion, g.title, groupCell(g.group[0]!), statusCell(g)])}${sep}${answerCell(g, u.respondents !== undefined)}${sep}${figure(g.lost)}${sep}${text([next.has(g.criterion) ? onPath : '', remark?.note, remark?.evidence, guidance.get(g.criterion)])}${eol}`);
      });
    },
    end: () => '',
  };
}
