import type { Criterion, Group, Rubric, Zone } from './rubric-schema.js';
import { answerVocabulary, normalizeWord, withoutInvisible, type AnswerVocabulary } from './vocabulary.js';

/**
 * A rubric compiled once into plain lookup tables, so that parsing an answer is a Map lookup or a
 * number parse, never a schema validation. Everything downstream works on this shape.
 */

export type ZoneColor = 'green' | 'yellow' | 'red';

export interface CompiledZone {
  id: string;
  label: string;
  min: number;
  color: ZoneColor | undefined;
}

/** What an answer may be, as data; the message formatter words it. */
export type AnswerSpec =
  | { type: 'boolean'; yes: string[]; no: string[]; na: string[] | null }
  | { type: 'scale'; min: number; max: number; labels?: [string, number][]; na: string[] | null }
  | { type: 'choice'; options: string[]; na: string[] | null }
  | { type: 'percent'; na: string[] | null }
  | { type: 'number'; min: number; na: string[] | null };

export type RawAnswer = string | number | boolean | null;

/**
 * A valid parsed answer has the shape of a single collected answer (responses, mean), so that
 * the common case, one answer without a note, is used as it is.
 */
export type ParsedAnswer =
  | { kind: 'na'; fraction: null; value: null; responses: 0; mean: null }
  | { kind: 'value'; value: string | number | boolean; fraction: number; responses: 1; mean: number | null }
  | { kind: 'invalid'; naForbidden?: boolean };

// Fields in the same order as valueOf's: one object shape for every answer the scoring reads.
const NA: ParsedAnswer = { kind: 'na', value: null, fraction: null, responses: 0, mean: null };
const valueOf = (value: string | number | boolean, fraction: number, mean: number | null): ParsedAnswer => ({ kind: 'value', value, fraction, responses: 1, mean });

export interface CompiledCriterion {
  kind: 'criterion';
  /** Position in rubric order: answers are addressed by it. */
  index: number;
  id: string;
  title: string;
  weight: number;
  guidance: string | undefined;
  description: string | undefined;
  cap: string | undefined;
  naAllowed: boolean;
  type: Criterion['type'];
  /** Ids of the enclosing groups, outermost first. */
  groupPath: string[];
  spec: AnswerSpec;
  parse(raw: RawAnswer): ParsedAnswer;
}

export interface CompiledGroup {
  kind: 'group';
  /** Position among the rubric's groups (root excluded), for per-unit arrays. */
  index: number;
  id: string;
  title: string;
  weight: number;
  children: (CompiledGroup | CompiledCriterion)[];
}

export interface CompiledRubric {
  id: string;
  title: string;
  version: string;
  source: string | undefined;
  scale: number;
  aggregate: 'none' | 'mean';
  /** The rule for a survey's least number of respondents, if the rubric names one. */
  sample: 'krejcie-morgan' | undefined;
  /** The respondents' details a survey counts per unit (`profile`), in the rubric's order. */
  profile: { id: string; title: string }[];
  /** Ascending by min. */
  zones: CompiledZone[];
  groups: CompiledGroup[];
  /** A virtual group holding the top-level groups, index -1. */
  root: CompiledGroup;
  groupCount: number;
  criteria: Map<string, CompiledCriterion>;
  /** In rubric order. */
  criterionList: CompiledCriterion[];
  groupTitles: Map<string, string>;
  rubric: Rubric;
}

const COLORS = new Set<string>(['green', 'yellow', 'red']);

export function compileRubric(rubric: Rubric): CompiledRubric {
  const vocabulary = answerVocabulary(rubric.answers);
  const criteria = new Map<string, CompiledCriterion>();
  const criterionList: CompiledCriterion[] = [];
  const groupTitles = new Map<string, string>();
  let groupCount = 0;
  const compileGroup = (group: Group, path: string[]): CompiledGroup => {
    groupTitles.set(group.id, group.title);
    const index = groupCount++;
    const groupPath = [...path, group.id];
    const children: (CompiledGroup | CompiledCriterion)[] = [];
    for (const criterion of group.criteria ?? []) {
      const compiled = compileCriterion(criterion, groupPath, vocabulary, criterionList.length);
      criteria.set(compiled.id, compiled);
      criterionList.push(compiled);
      children.push(compiled);
    }
    for (const child of group.groups ?? []) children.push(compileGroup(child, groupPath));
    return { kind: 'group', index, id: group.id, title: group.title, weight: group.weight, children };
  };
  const groups = rubric.groups.map((g) => compileGroup(g, []));
  const zones = rubric.zones
    .map((z: Zone) => ({
      id: z.id,
      label: z.label,
      min: z.min,
      color: (z.color ?? (COLORS.has(z.id) ? z.id : undefined)) as ZoneColor | undefined,
    }))
    .sort((a, b) => a.min - b.min);
  return {
    id: rubric.id,
    title: rubric.title,
    version: rubric.version,
    source: rubric.source,
    scale: rubric.scale,
    aggregate: rubric.aggregate,
    sample: rubric.sample,
    profile: rubric.profile ?? [],
    zones,
    groups,
    root: { kind: 'group', index: -1, id: '', title: '', weight: 1, children: groups },
    groupCount,
    criteria,
    criterionList,
    groupTitles,
    rubric,
  };
}

const NUMBER = /^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/;

/** Accepts "85", "85.5" and the decimal comma of Indonesian spreadsheets, "85,5". */
export function parseNumber(raw: RawAnswer): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  // What prints as nothing may have come with the number (`5\u200B`, pasted): it is read without.
  const text = NUMBER.test(trimmed) ? trimmed : withoutInvisible(trimmed).trim();
  return NUMBER.test(text) ? Number(text.replace(',', '.')) : undefined;
}

/**
 * A choice as a questionnaire prints it, with its letter or number: `a. tidak sesuai`,
 * `4 - sangat sesuai`, `sangat sesuai (4)`. The words, and the number written beside them if any.
 */
function unmarked(text: string): { word: string; point?: number } | undefined {
  const before = /^(?:([a-z])|(\d+))\s*[.):\-–]\s*(.*\S)$/.exec(text);
  if (before) return { word: before[3]!, ...(before[2] === undefined ? {} : { point: Number(before[2]) }) };
  const after = /^(.*\S)\s*\((\d+)\)$/.exec(text);
  return after ? { word: after[1]!, point: Number(after[2]) } : undefined;
}

/** A scale's word with its choice's letter or number; a number that is not the word's point names none. */
function markedLabel(labels: Map<string, number>, text: string): number | undefined {
  const marked = unmarked(text);
  const point = marked && labels.get(marked.word);
  return point !== undefined && (marked!.point === undefined || marked!.point === point) ? point : undefined;
}

function rawText(raw: RawAnswer): string {
  return raw === null ? '' : normalizeWord(String(raw));
}

function compileCriterion(criterion: Criterion, groupPath: string[], vocabulary: AnswerVocabulary, index: number): CompiledCriterion {
  const naAllowed = criterion.na !== false;
  const naWords = naAllowed ? [...vocabulary.na] : null;
  const isNa = (text: string) => vocabulary.na.has(text);
  const withNa =
    (parseValue: (raw: RawAnswer, text: string) => ParsedAnswer) =>
    (raw: RawAnswer): ParsedAnswer => {
      const text = rawText(raw);
      if (isNa(text)) return naAllowed ? NA : { kind: 'invalid', naForbidden: true };
      return parseValue(raw, text);
    };
  const invalid: ParsedAnswer = { kind: 'invalid' };
  let spec: AnswerSpec;
  let parse: (raw: RawAnswer) => ParsedAnswer;
  switch (criterion.type) {
    case 'boolean': {
      spec = { type: 'boolean', yes: [...vocabulary.yes], no: [...vocabulary.no], na: naWords };
      parse = withNa((_raw, text) => {
        if (vocabulary.yes.has(text)) return valueOf(true, 1, 1);
        if (vocabulary.no.has(text)) return valueOf(false, 0, 0);
        return invalid;
      });
      break;
    }
    case 'scale': {
      const { min, max, scoring } = criterion;
      const labels = criterion.labels && new Map(Object.entries(criterion.labels).map(([word, point]) => [normalizeWord(word), point]));
      spec = { type: 'scale', min, max, ...(criterion.labels ? { labels: Object.entries(criterion.labels) } : {}), na: naWords };
      parse = withNa((raw, text) => {
        // A form tool exports the words the respondent ticked ("sangat sesuai"): they name a point.
        const v = parseNumber(raw) ?? (labels && (labels.get(text) ?? markedLabel(labels, text)));
        if (v === undefined || !Number.isInteger(v) || v < min || v > max) return invalid;
        const fraction = scoring === 'ratio' ? v / max : (v - min) / (max - min);
        return valueOf(v, fraction, v);
      });
      break;
    }
    case 'choice': {
      const options = new Map(criterion.options.map((o) => [normalizeWord(o.value), o]));
      spec = { type: 'choice', options: criterion.options.map((o) => o.value), na: naWords };
      parse = withNa((_raw, text) => {
        const option = options.get(text) ?? options.get(unmarked(text)?.word ?? '');
        return option ? valueOf(option.value, option.score, null) : invalid;
      });
      break;
    }
    case 'percent': {
      spec = { type: 'percent', na: naWords };
      parse = withNa((raw) => {
        const v = parseNumber(typeof raw === 'string' ? withoutInvisible(raw).trim().replace(/%$/, '') : raw);
        if (v === undefined || v < 0 || v > 100) return invalid;
        return valueOf(v, v / 100, v);
      });
      break;
    }
    case 'number': {
      const bands = criterion.bands;
      spec = { type: 'number', min: bands[0]!.min, na: naWords };
      parse = withNa((raw) => {
        const v = parseNumber(raw);
        if (v === undefined) return invalid;
        let band: (typeof bands)[number] | undefined;
        for (const b of bands) if (b.min <= v) band = b;
        return band ? valueOf(v, band.score, v) : invalid;
      });
      break;
    }
  }
  return {
    kind: 'criterion',
    index,
    id: criterion.id,
    parse: memoize(parse),
    title: criterion.title,
    weight: criterion.weight,
    guidance: criterion.guidance,
    description: criterion.description,
    cap: criterion.cap,
    naAllowed,
    type: criterion.type,
    groupPath,
    spec,
  };
}

/**
 * Field answers come from a small vocabulary ("ya", "tidak", "lengkap", "3"), so each criterion
 * remembers what it parsed: the hot path of a large round is then a comparison with the few
 * answers seen first (cheaper than hashing a freshly read string), else one Map lookup.
 * Bounded, so hostile input with endless distinct values cannot grow it without limit.
 */
function memoize(parse: (raw: RawAnswer) => ParsedAnswer): (raw: RawAnswer) => ParsedAnswer {
  const firstSeen: string[] = [];
  const firstParsed: ParsedAnswer[] = [];
  const cache = new Map<string, ParsedAnswer>();
  // Percentages and scale points ("0" to "100", "3") by their number: a few character codes
  // instead of comparisons and a hash.
  const byNatural: (ParsedAnswer | undefined)[] = [];
  return (raw) => {
    if (typeof raw !== 'string') return parse(raw);
    const n = smallNatural(raw);
    if (n >= 0) return (byNatural[n] ??= parse(raw));
    for (let i = 0; i < firstSeen.length; i++) if (firstSeen[i] === raw) return firstParsed[i]!;
    let parsed = cache.get(raw);
    if (parsed === undefined) {
      parsed = parse(raw);
      if (firstSeen.length < 6) {
        firstSeen.push(raw);
        firstParsed.push(parsed);
      } else if (cache.size < 4096) cache.set(raw, parsed);
    }
    return parsed;
  };
}

/** The number a text of one to three digits writes, without a leading zero ("7", "85", "100"); else -1. */
function smallNatural(text: string): number {
  const length = text.length;
  if (length === 0 || length > 3) return -1;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9 || (digit === 0 && i === 0 && length > 1)) return -1;
    n = n * 10 + digit;
  }
  return n;
}
