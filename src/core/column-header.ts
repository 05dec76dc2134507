import type { CompiledCriterion, CompiledRubric } from './compile.js';
import { pushTo } from './group-by.js';
import { suggest } from './suggest.js';

/**
 * Which criterion a wide CSV's column header names. Spreadsheets made from `monev template` head
 * their columns with criterion ids; a form tool (Google Forms, Microsoft Forms) heads them with
 * its questions' texts, which people write as the criterion's title, number ("1. …"), or start
 * with the questionnaire's code ("U1. …", as the SKM's unsur are known). Reading those as they are
 * spares the analyst from renaming every column of every export by hand, which is where a wrong
 * column would slip in. Rules, first that matches wins (README, "CSV wide"):
 *   1. the criterion id, exactly;
 *   2. the header, compared case-blind with spaces collapsed and a leading number ("1.", "2)")
 *      and trailing "?", ":" or "." left out, is a criterion's id, or else its title (also
 *      without the title's closing remark in brackets);
 *   3. a grid question's column, `Question [Row]`, whose row is a criterion's id or title by 2
 *      (when titles repeat, the question's text picks the group), or starts with its code by 4;
 *   4. the header starts with a criterion's id followed by ".", ")", ":", or " -" (`U1. Bagaimana
 *      …`, `[u1] …`), or by a space when the id has a digit (`U1 Persyaratan`);
 *   5. a question inside a form's group, as KoboToolbox and ODK head it (`group_standar/persyaratan`,
 *      `pelayanan/u1`): when what comes before the last `/` is a path of names without spaces,
 *      what follows it names the criterion by rules 1 to 4.
 * A title shared by several criteria names none of them: that column is reported with their ids.
 */
export type HeaderMatch = { criterion: CompiledCriterion } | { ambiguous: readonly string[] } | undefined;

interface HeaderIndex {
  byId: Map<string, CompiledCriterion>;
  /** Criteria by their title's key (a title may be shared). */
  byTitle: Map<string, CompiledCriterion[]>;
  /** The keys of each criterion's enclosing group titles and ids, for grid questions. */
  groupKeys: Map<CompiledCriterion, Set<string>>;
  /** Longest id first, so that `u10` is tried before `u1`. */
  idsByLength: CompiledCriterion[];
}

const indexes = new WeakMap<CompiledRubric, HeaderIndex>();

/** A header's text as it is compared: case-blind, spaces collapsed, numbering and end punctuation left out. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\d+(?:\.\d+)*[.)]\s*(?=\D|$)/, '')
    .replace(/\s*[?:.]+$/, '');
}

function indexOf(rubric: CompiledRubric): HeaderIndex {
  let index = indexes.get(rubric);
  if (index) return index;
  const byId = new Map<string, CompiledCriterion>();
  const byTitle = new Map<string, CompiledCriterion[]>();
  const groupKeys = new Map<CompiledCriterion, Set<string>>();
  // A form's question often drops a title's closing remark in brackets: "Biaya/tarif pelayanan
  // dipublikasikan" for "… dipublikasikan (termasuk keterangan tidak dipungut biaya)".
  const shortTitles = new Map<string, CompiledCriterion[]>();
  for (const c of rubric.criterionList) {
    byId.set(headerKey(c.id), c);
    pushTo(byTitle, headerKey(c.title), c);
    const short = headerKey(c.title.replace(/\s*\([^()]*\)\s*$/, ''));
    if (short !== headerKey(c.title) && short !== '') pushTo(shortTitles, short, c);
    groupKeys.set(c, new Set(c.groupPath.flatMap((g) => [g, headerKey(rubric.groupTitles.get(g) ?? g)])));
  }
  for (const [key, list] of shortTitles) if (!byTitle.has(key)) byTitle.set(key, list);
  index = { byId, byTitle, groupKeys, idsByLength: [...rubric.criterionList].sort((a, b) => b.id.length - a.id.length) };
  indexes.set(rubric, index);
  return index;
}

const GRID = /^(.*?)\s*\[([^\]]+)\]\s*$/;

export function criterionOfHeader(rubric: CompiledRubric, header: string): HeaderMatch {
  const exact = rubric.criteria.get(header);
  if (exact) return { criterion: exact };
  const index = indexOf(rubric);
  const whole = byKey(index, headerKey(header));
  if (whole) return whole;
  const grid = GRID.exec(header);
  if (grid) {
    const row = byKey(index, headerKey(grid[2]!), headerKey(grid[1]!));
    if (row) return row;
    const codedRow = byLeadingId(index, grid[2]!);
    if (codedRow) return { criterion: codedRow };
  }
  const coded = byLeadingId(index, header);
  if (coded) return { criterion: coded };
  // A group's path is names without spaces (XML names): a question that joins words with a slash
  // ("Apakah ada informasi persyaratan/prosedur?") is not read as its last word's criterion.
  const slash = header.lastIndexOf('/');
  const path = header.slice(0, slash).trim();
  return slash > 0 && slash < header.length - 1 && !/\s/.test(path) ? criterionOfHeader(rubric, header.slice(slash + 1).trim()) : undefined;
}

/** The criterion whose id, or else title, has this key; `question`: a grid question's key, which may pick among criteria sharing a title. */
function byKey(index: HeaderIndex, key: string, question?: string): HeaderMatch {
  const id = index.byId.get(key);
  if (id) return { criterion: id };
  const found = index.byTitle.get(key);
  if (!found) return undefined;
  if (found.length === 1) return { criterion: found[0]! };
  const inGroup = question === undefined ? [] : found.filter((c) => index.groupKeys.get(c)!.has(question));
  return inGroup.length === 1 ? { criterion: inGroup[0]! } : { ambiguous: found.map((c) => c.id) };
}

function byLeadingId(index: HeaderIndex, header: string): CompiledCriterion | undefined {
  const text = header.trim().toLowerCase().replace(/^[[(]\s*/, '');
  for (const c of index.idsByLength) {
    if (!text.startsWith(c.id)) continue;
    const rest = text.slice(c.id.length);
    if (/^\s*(?:[.):\]]|-\s)/.test(rest) || (/\d/.test(c.id) && /^\s+\S/.test(rest))) return c;
  }
  return undefined;
}

/** The id of the criterion a header that names none comes closest to, by its id or else by its title. */
export function suggestCriterion(rubric: CompiledRubric, header: string): string | undefined {
  const byId = suggest(header, rubric.criteria.keys());
  if (byId) return byId;
  const { byTitle } = indexOf(rubric);
  const title = suggest(headerKey(header), byTitle.keys());
  const found = title === undefined ? undefined : byTitle.get(title);
  return found?.length === 1 ? found[0]!.id : undefined;
}

/**
 * Which of a survey's profile items (`profile`: a respondent's gender, education, …) a column
 * gives, by its id or title as rule 2 compares them; `_` before a header (a column set aside
 * from scoring) and `_` or `-` between words (`_jenis_kelamin`) do not count. -1: none.
 */
export function profileItemOf(rubric: CompiledRubric, header: string): number {
  const words = (text: string) => headerKey(text.replace(/^_+/, '').replace(/[_-]+/g, ' '));
  const key = words(header);
  return rubric.profile.findIndex((item) => words(item.id) === key || words(item.title) === key);
}
