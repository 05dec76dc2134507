import type { AnswerSpec } from '../core/compile.js';
import { code } from './quote.js';

/** English wording of every problem code. Params are the problem's own data. */
type P = Record<string, any>;

const q = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? code(v) : v === undefined ? 'nothing' : v === null ? 'null' : code(JSON.stringify(v)));
const hint = (s: unknown) => (s ? ` (did you mean ${code(s)}?)` : '');
const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const COLUMN_ROLE: Record<string, string> = { unit: "the unit's id", name: "the unit's name", type: "the unit's type", region: "the unit's region", date: 'the date of the visit', assessor: 'the assessor', rubric: 'the rubric', criterion: 'criterion ids, one answer a row', value: 'answers, one a row' };
// Zone ids with their labels beside them: `yellow` (Zona Kuning).
const zoneList = (p: P) => (p.zones as string[]).map((id, i) => (p.labels?.[i] && p.labels[i] !== id ? `\`${id}\` (${p.labels[i]})` : `\`${id}\``)).join(', ');
// Why an output path cannot be written, by the system's error code.
const UNWRITABLE: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder; name a file',
  EACCES: 'no permission to write there',
  EPERM: 'no permission to write there',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EFBIG: 'the file would be larger than this system lets it be',
  EDQUOT: 'the disk quota is used up',
  ECONNRESET: 'the other end of the connection reset it',
  EIO: 'the device reported an input/output error',
};
const list = (xs: unknown[], max = 12) => {
  const shown = xs.slice(0, max).map(code).join(', ');
  return xs.length > max ? `${shown}, … (${xs.length} in all)` : shown;
};
/** Units by id with their names beside them, as `disdik` (Dinas Pendidikan); the sentence gives their number. */
const namedUnits = (p: P) => {
  const ids = p.units as string[];
  const shown = ids.slice(0, 12).map((id, i) => (p.names?.[i] ? `\`${id}\` (${p.names[i]})` : `\`${id}\``));
  return `${shown.join(', ')}${ids.length > 12 ? ', …' : ''}`;
};

export function describeSpec(spec: AnswerSpec): string {
  const na = spec.na ? `, or n/a (${list(spec.na)})` : ' (n/a is not allowed for this criterion)';
  switch (spec.type) {
    case 'boolean':
      return `yes (${list(spec.yes)}) or no (${list(spec.no)})${na}`;
    case 'scale':
      return `a whole number from ${spec.min} to ${spec.max}${spec.labels ? ` or its words (${spec.labels.map(([word, point]) => `\`${word}\` ${point}`).join(', ')})` : ''}${na}`;
    case 'choice':
      return `one of ${list(spec.options)}${na}`;
    case 'percent':
      return `a percentage from 0 to 100${na}`;
    case 'number':
      return `a number of at least ${spec.min}${na}`;
  }
}

export const en: Record<string, (p: P) => string> = {
  'yaml/syntax': (p) => `YAML syntax: ${p.message}`,
  'yaml/aliases': (p) => `YAML aliases expand too much (limit ${p.limit} alias nodes): ${p.message}`,
  'yaml/too-deep': (p) => `YAML nesting is ${p.depth} levels deep; the limit is ${p.limit}`,

  'schema/unknown-key': (p) =>
    p.split
      ? `unknown key ${q(p.key)}: inside \`{ … }\` a comma ends an entry, so a decimal comma splits the number; ${p.split.key ? `write \`${p.split.key}: ${p.split.meant}\`` : 'write it with a decimal point'}`
      : `unknown key ${q(p.key)}${hint(p.suggestion)}`,
  'schema/missing-key': (p) => `missing required key ${q(p.key)} (expected ${p.expected})`,
  'schema/wrong-type': (p) => `expected ${p.expected}, got ${p.value == null ? 'nothing' : `${p.got} ${q(p.value)}`}${p.meant === undefined ? '' : ` (write ${p.meant}: a YAML number has a decimal point and no %)`}`,
  'schema/too-small': (p) =>
    p.kind === 'array'
      ? `must have at least ${counted(p.minimum, 'item', 'items')}`
      : p.kind === 'string'
        ? 'must not be empty'
        : `${q(p.value)} is too small: expected ${p.inclusive ? 'at least' : 'more than'} ${p.minimum}`,
  'schema/too-big': (p) => `${q(p.value)} is too big: expected ${p.inclusive ? 'at most' : 'less than'} ${p.maximum}`,
  'schema/invalid-format': (p) => `${q(p.value)} is not valid: expected ${p.expected}`,
  'schema/invalid-value': (p) => `${q(p.value)} is not allowed: expected one of ${list(p.allowed)}`,
  'schema/invalid': (p) => `${q(p.value)} is not valid: ${p.message}`,

  'rubric/duplicate-id': (p) => `duplicate id ${q(p.id)}: ids must be unique across groups and criteria (first used at ${p.first})`,
  'rubric/empty-group': (p) => `group ${q(p.id)} has no criteria and no groups`,
  'rubric/unknown-zone': (p) => `cap ${q(p.zone)} names no zone${hint(p.suggestion)}; zones are ${zoneList(p)}`,
  'rubric/label-range': (p) => `label ${q(p.word)} names ${p.point}, outside the scale ${p.min}..${p.max}`,
  'rubric/label-is-na': (p) => `label ${q(p.word)} is also a not-applicable word: such an answer is read as n/a, never as the label`,
  'rubric/scale-range': (p) => `scale min ${p.min} must be below max ${p.max}`,
  'rubric/ratio-negative': (p) => `ratio scoring needs min >= 0, got ${p.min}`,
  'rubric/score-range': (p) => `score ${q(p.score)} is outside [0, 1]`,
  'rubric/duplicate-option': (p) => `duplicate option value ${q(p.value)} (values are compared case-insensitively)`,
  'rubric/bands-order': (p) => `band min ${p.min} must be greater than the previous band's min ${p.previous} (bands are sorted and do not overlap)`,
  'rubric/no-zero-zone': () => 'no zone has `min: 0`: exactly one zone must start at 0 so that every score has a zone',
  'rubric/several-zero-zones': (p) => `several zones have \`min: 0\`: ${list(p.zones)}`,
  'rubric/duplicate-zone-id': (p) => `duplicate zone id ${q(p.id)}`,
  'rubric/duplicate-zone-min': (p) => `zone ${q(p.zone)} has the same min ${p.min} as zone ${q(p.other)}`,
  'rubric/zone-min-range': (p) => `zone min ${p.min} is above the scale ${p.scale}`,
  'rubric/ambiguous-answer': (p) => `answer word ${q(p.word)} is listed as both ${p.kinds.join(' and ')}`,
  'rubric/unreachable-zone': (p) => `zone ${q(p.zone)} (from ${p.min}) ends at ${p.next}: no score rounded to 2 decimals falls in it`,
  'rubric/tiny-weight': (p) => `criterion ${q(p.criterion)} is worth ${Number(p.points).toFixed(3)} points, less than ${p.limit}: is its weight (or its group's) right?`,
  'rubric/sample-without-mean': (p) => `sample: ${p.sample} counts respondents, and only a rubric with \`aggregate: mean\` has them`,
  'rubric/profile-without-mean': () => 'profile counts the details of respondents, and only a rubric with `aggregate: mean` has them',
  'rubric/cap-top-zone': (p) => `cap ${q(p.zone)} of ${q(p.criterion)} is the top zone: it can never lower a unit's zone`,
  'rubric/no-guidance': (p) => `criterion ${q(p.criterion)} has no guidance: the field team will not know how to check it`,
  'rubric/is-assessment': () => 'this is an assessment, not a rubric (assessments are checked with `monev validate --rubric <rubric> <files>`)',
  'rubric/documents': (p) => `a rubric file holds exactly one YAML document, found ${p.count}`,
  'rubric/not-found': (p) =>
    `no rubric file or bundled rubric named ${q(p.name)}${hint(p.suggestion)}; bundled rubrics: ${p.bundled.length ? list(p.bundled) : 'none'}`,

  'assessment/rubric-mismatch': (p) => `assessment names rubric ${q(p.named)} but is scored with ${q(p.used)}`,
  'assessment/missing-unit-id': () => 'a file with several YAML documents needs `unit: {id: …}` in each',
  'assessment/unread-date': (p) => `date ${q(p.date)} names no day: reports show it as written and cannot put it in order (write 2023-07-12, 12/07/2023 or 12 Juli 2023)`,
  'assessment/no-rubric': () => 'no rubric: pass --rubric <file or bundled id>, or name one with `rubric:` in the assessments',
  'assessment/several-rubrics': (p) => `this assessment names rubric ${q(p.rubrics[0])}, earlier ones name ${q(p.rubrics[1])}; pass --rubric to choose one`,

  'csv/columns-skipped': (p) => `columns that name no criterion, not read (--skip-other-columns): ${list(p.columns)}`,
  'answer/unknown-criterion': (p) =>
    `unknown criterion ${q(p.criterion)}${
      p.aside === 'form'
        ? ` (a column the form tool adds? name it \`${p.column}\`: a column whose name starts with _ is not scored)`
        : p.aside === 'other'
        ? ` (not a criterion's id, title or code; if the column answers none, name it \`${p.column}\`: a column whose name starts with _ is not scored)`
        : p.aside
        ? ` (to keep notes beside the answers, name the column \`${p.column}\`: a column whose name starts with _ is not scored)`
        : p.column
          ? ` (if it holds ${COLUMN_ROLE[p.column]}, the column is named \`${p.column}\`${p.column === 'unit' ? `, or read as it is with --unit-column "${p.criterion}"` : ''})`
          : hint(p.suggestion)
    }`,
  'answer/ambiguous-column': (p) => `column ${q(p.column)} is the title of several criteria (${list(p.criteria as unknown[])}): head it with the id of the one it answers`,
  'answer/invalid': (p) => `invalid answer ${q(p.value)} for ${q(p.criterion)}: expected ${describeSpec(p.spec)}`,
  'answer/na-forbidden': (p) => `${q(p.criterion)} applies to every unit (na: false); answer ${describeSpec(p.spec)}`,
  'answer/duplicate': (p) => `second answer for ${q(p.criterion)} of unit ${q(p.unit)} (first at ${p.first}); the rubric does not average answers`,

  'unit/missing-answers': (p) => `unit ${q(p.unit)}: ${counted(p.criteria.length, 'criterion', 'criteria')} without an answer${p.strict ? '' : ', scored 0'}: ${list(p.criteria, 8)}`,
  'unit/duplicate': (p) =>
    `unit ${q(p.unit)} is assessed twice (first at ${p.first}); ${
      p.byFileName
        ? "without a `unit` column every row is the unit the file is named after: head the column that says which unit a row is `unit`, or name it with --unit-column (its ids, or the units' names with --units)"
        : "a unit's answers come from one sheet unless the rubric averages respondents"
    }`,
  'unit/case-variant': (p) => `unit ${q(p.unit)} differs from unit ${q(p.other)} (at ${p.first}) only in letter case: they are scored as two units; if they are one, give it one id (or pass --units, whose list matches ids case-blind)`,
  'unit/no-applicable': (p) => `unit ${q(p.unit)} has no applicable criterion (every answer is n/a): it cannot be scored`,

  'input/not-found': () => 'no such file or folder',
  'input/not-utf8': (p) => `byte ${p.byte} is not UTF-8 text: save the file as UTF-8 (in Excel: "CSV UTF-8"; a plain "CSV" is Windows-1252)`,
  'input/unreadable': (p) => `cannot read (${p.reason})`,
  'input/too-large': (p) => `file is ${p.size} bytes; the limit is ${p.limit}`,
  'input/empty-folder': (p) => `folder has no assessment files (${list(p.extensions)})`,
  'input/workbook': (p) => `${q(p.extension)} workbooks are not read: save the sheet as CSV (in Excel: "CSV UTF-8") and ${p.list ? 'pass that to --units' : 'score that'}`,
  'input/workbook-skipped': (p) => `skipped: ${q(p.extension)} workbooks are not read; save the sheet as CSV (in Excel: "CSV UTF-8") to score it`,
  'input/unknown-extension': (p) => `cannot tell the format from the file name: expected ${list(p.extensions)}`,
  'input/rubric-in-round': () => 'a rubric, not an assessment: not scored (the round is scored with another rubric)',
  'input/empty-file': () => 'no unit in this file (empty, comments only, or a header without rows)',
  'input/no-criterion-columns': (p) => `no column names a criterion of rubric ${q(p.rubric)}${p.columns.length ? ` (${list(p.columns, 6)})` : ''}: its rows are not scored; if this is the list of units, pass it with --units`,
  'input/no-units': () => 'the inputs hold no unit to score',
  'input/unit-column-not-found': (p) => `--unit-column: no CSV file of the round has a column headed ${q(p.column)}${hint(p.suggestion)}`,
  'input/no-files': () => 'no input: name files or folders, or - for standard input',

  'output/forms-exist': (p) => `${counted(p.forms.length, 'form is', 'forms are')} already there (perhaps filled in): ${list(p.forms, 8)}; none is written over: move them away or choose another folder`,
  'output/name-taken': (p) => `the file for ${q(p.unit)} would have the same name as the one for ${q(p.other)}${p.caseOnly ? ' on Windows and macOS, which do not tell letter case apart in file names' : ''}`,
  'output/unwritable': (p) => `cannot write the output here (${p.reason}${UNWRITABLE[p.reason] ? `: ${UNWRITABLE[p.reason]}` : ''})`,

  'csv/syntax': (p) => `CSV syntax: ${p.message}`,
  'csv/ragged-row': (p) =>
    `row has ${p.got} cells, the header has ${p.expected}${p.number ? `: ${q(p.number)} at column ${p.column} looks like a number with a decimal comma, which splits it in a comma-separated file; write it with a point (${p.number.replace(',', '.')}), quote it, or save the file with \`;\`` : ''}`,
  'csv/unnamed-value': (p) => `${q(p.value)} in a column without a name in the header: name the column (a criterion id, or _ first to leave it out) or empty it`,
  'csv/duplicate-column': (p) => `duplicate column ${q(p.column)}`,
  'csv/unknown-column': (p) => `unknown column ${q(p.column)} in a long CSV; expected ${list(p.allowed, 20)}, or a name starting with \`_\``,
  'csv/missing-unit': () => 'empty unit id',
  'csv/two-unit-columns': (p) => `two columns for the unit: \`unit\` and ${q(p.column)} (--unit-column); keep one`,
  'csv/missing-unit-column': () => 'a units file needs a `unit` (or `id`, `kode`) column, or a `name` (`nama`) column to make ids from',
  'units/empty': () => 'the units list names no unit (a header row `unit,name,…` or `kode,nama,…`, then a row per unit)',
  'units/invalid-population': (p) => `population ${q(p.value)} is not a whole number of people (write 1250, or 1.250)`,
  'units/small-sample': (p) => `unit ${q(p.unit)}: ${p.respondents} respondents; a population of ${p.population} needs at least ${p.needed} (the Krejcie and Morgan table PermenPANRB 14/2017 uses for the SKM); the score stands, on a smaller sample`,
  'units/ambiguous-name': (p) => `unit ${q(p.unit)} is not on the units list by its id, and its name is listed for several units (${list(p.units)}): give it the id of the one it is; it is scored as it is`,
  'units/not-listed': (p) => `unit ${q(p.unit)} is not on the units list${p.name ? ` (did you mean \`${p.suggestion}\`, ${p.name}?)` : hint(p.suggestion)}; it is scored as it is`,
  'units/not-assessed': (p) => `${(p.units as unknown[]).length} of the ${p.listed} listed units have no assessment in this round: ${namedUnits(p)}`,
  'units/unused-columns': (p) => `columns not used for the forms: ${list(p.columns)} (a form takes the unit's id, name, type and region)`,
  'units/duplicate': (p) => `unit ${q(p.unit)} is listed twice (first at ${p.first})`,
  'csv/missing-criterion': () => 'empty criterion id',

  'usage/stdin-format': () => 'reading standard input needs --stdin-format csv|yaml',
  'usage/unknown-format': (p) => `unknown format ${q(p.format)}${hint(p.suggestion)}; expected one of ${list(p.allowed)}`,
  'usage/out-is-input': (p) => `--out ${q(p.out)} would overwrite an input (${p.input}); choose another path`,
  'usage/invalid-option': (p) => `${p.option}: ${q(p.value)} is not valid; expected ${p.expected}`,
  'usage/html-to-terminal': () => 'the HTML report is a file: pass --out laporan.html (or redirect: > laporan.html); --format markdown reads on a terminal',
  'usage/out-folder': (p) =>
    `--out ${q(p.out)} names a folder: ${p.questions ? "an online form's questions are one list" : p.wide ? 'a wide CSV form holds every unit in one file' : 'a form per unit needs --units'}; name a file (forms/${p.questions ? 'pertanyaan.txt' : p.wide ? 'round.csv' : 'dinkes.yaml'})`,
  'usage/unknown-zone': (p) => `${p.option}: ${p.shared ? `${q(p.zone)} is a word of several zones' labels, not one zone` : `no zone ${q(p.zone)}${hint(p.suggestion)}`}; zones are ${zoneList(p)}`,

  'diff/rubric-changed': (p) => `the rounds were scored with different rubrics (${p.changes.map((c: P) => `${c.field} ${c.before} -> ${c.after}`).join('; ')}); scores are not comparable. Pass --allow-rubric-change to compare anyway`,
  'diff/regression': (p) => `${counted(p.units.length, 'unit', 'units')} regressed (lower zone, lost points or new gaps): ${list(p.units)}`,
  'diff/renamed-unit': (p) => `${q(p.before)} (first round only) and ${q(p.after)} (second round only) ${p.name === undefined ? 'differ only in letter case' : `are both named ${p.name}`}: if they are one unit, give it one id in both rounds to compare it`,
  'diff/not-a-result': (p) => `not a monev JSON result: ${p.reason}`,

  'test/rubric-not-found': (p) => `the rubric these tests are for, ${q(p.rubric)}, was not found (set \`rubric:\` to its path, relative to this file)`,
  'test/unknown-zone': (p) => `expected zone ${q(p.zone)} is none of the rubric's zone ids${hint(p.suggestion)}; zones are ${zoneList(p)}`,
  'test/unknown-criterion': (p) => `${q(p.criterion)} is no criterion of the rubric${hint(p.suggestion)}`,
  'test/none': () => 'no rubric tests here (a rubric `x.yaml` has its tests in `x.test.yaml`)',

  'threshold/fail-under': (p) => `${counted(p.units.length, 'unit', 'units')} ${p.units.length === 1 ? 'scores' : 'score'} below ${p.threshold}: ${list(p.units)}`,
  'threshold/fail-zone': (p) => `${counted(p.units.length, 'unit', 'units')} ${p.units.length === 1 ? 'is' : 'are'} in zone ${q(p.zone)} or lower: ${list(p.units)}`,
};
