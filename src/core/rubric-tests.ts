import * as z from 'zod';
import type { Sheet } from './assessment.js';
import { UnitCollector } from './collect.js';
import type { CompiledGroup, CompiledRubric, RawAnswer } from './compile.js';
import { problem, type Problem } from './problem.js';
import { scoreUnit } from './score.js';
import { suggest } from './suggest.js';
import { zoneNamed } from './zone-name.js';

/**
 * Rubric tests (`<rubric>.test.yaml`): cases with answers and the score, zone, cap and gaps they
 * must give, so that an edit to a rubric cannot silently shift results.
 */

const Answer = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const Answers = z.record(z.string(), Answer).describe('criterionId: answer');

export const RubricTestCaseSchema = z
  .strictObject({
    name: z.string().min(1).describe('What the case shows'),
    fill: z
      .record(z.string(), Answer)
      .optional()
      .describe('Answer for every criterion under a group id ("*": every criterion) not listed in answers'),
    answers: Answers.optional().describe("One unit's answers"),
    responses: z.array(Answers).optional().describe('For rubrics that average respondents: one map per respondent'),
    table: z.string().optional().describe('Respondents as CSV text: a header of criterion ids, a row per respondent'),
    expect: z.strictObject({
      score: z.number().describe('Expected score, to 2 decimals'),
      zone: z.string().describe('Expected zone id'),
      cap: z.union([z.string(), z.array(z.string()), z.null()]).optional().describe('Criteria expected to cap the zone (null or [] for none)'),
      gaps: z.array(z.string()).optional().describe('Exactly these gap criterion ids (any order)'),
    }),
  })
  .meta({ title: 'Rubric test case' });

export const RubricTestFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    rubric: z.string().optional().describe('The rubric file, relative to this file (default: the same name without .test)'),
    cases: z.array(RubricTestCaseSchema).min(1),
  })
  .meta({ title: 'monev rubric tests' });

export type RubricTestCase = z.output<typeof RubricTestCaseSchema>;
export type RubricTestFile = z.output<typeof RubricTestFileSchema>;

export interface CaseFailure {
  field: 'score' | 'zone' | 'cap' | 'gaps' | 'answers';
  expected: unknown;
  got: unknown;
}

export interface CaseResult {
  name: string;
  line?: number | undefined;
  failures: CaseFailure[];
  problems: readonly Problem[];
}

/** Respondent rows given as CSV text in a test file; the reader's CSV rules are not needed here. */
export type TableParser = (text: string) => Record<string, string>[];

export function runCase(rubric: CompiledRubric, testCase: RubricTestCase, where: { file: string; line?: number | undefined }, parseTable: TableParser): CaseResult {
  const sheets = sheetsOf(rubric, testCase, where, parseTable);
  const collector = new UnitCollector(rubric);
  let unit;
  if (rubric.aggregate === 'mean') {
    sheets.forEach((s) => collector.add(s));
    unit = collector.result()[0];
  } else unit = collector.take(sheets[0]!);
  const problems = collector.drain();
  const result = { name: testCase.name, line: where.line, problems };
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length || !unit) return { ...result, failures: [{ field: 'answers', expected: 'valid answers', got: errors.map((p) => p.code).join(', ') || 'no answers' }] };
  const outcome = scoreUnit(rubric, unit);
  if (!outcome.ok) return { ...result, failures: [{ field: 'answers', expected: 'an applicable criterion', got: outcome.problem.code }] };
  const got = outcome.result;
  const failures: CaseFailure[] = [];
  const { expect } = testCase;
  if (Math.round(expect.score * 100) !== Math.round(got.score * 100)) failures.push({ field: 'score', expected: expect.score, got: got.score });
  if (expect.zone !== got.zone.id) failures.push({ field: 'zone', expected: expect.zone, got: got.zone.id });
  if (expect.cap !== undefined) {
    const wanted = expect.cap === null ? [] : typeof expect.cap === 'string' ? [expect.cap] : expect.cap;
    const capped = got.cappedBy.map((c) => c.criterion);
    if (!sameSet(wanted, capped)) failures.push({ field: 'cap', expected: wanted, got: capped });
  }
  if (expect.gaps !== undefined) {
    const gaps = got.gaps.map((g) => g.criterion);
    if (!sameSet(expect.gaps, gaps)) failures.push({ field: 'gaps', expected: [...expect.gaps].sort(), got: [...gaps].sort() });
  }
  return { ...result, failures };
}

/**
 * What the cases expect that the rubric does not have: a zone that is none of its zone ids, a
 * criterion in `cap` or `gaps` that it does not hold. Such a case could only fail, and would say
 * so as if the rubric were wrong; these are the test file's own mistakes, with their place in it.
 */
export function expectationProblems(rubric: CompiledRubric, data: RubricTestFile): Problem[] {
  const zoneIds = rubric.zones.map((z) => z.id);
  const criterionIds = [...rubric.criteria.keys()];
  const problems: Problem[] = [];
  data.cases.forEach((testCase, i) => {
    const { zone, cap, gaps } = testCase.expect;
    const at = ['cases', i, 'expect'];
    if (!zoneIds.includes(zone)) {
      // A zone named as people say it (its label, `kuning`) is meant by its id here.
      const suggestion = zoneNamed(zone, rubric.zones)?.id ?? suggest(zone, zoneIds);
      problems.push(problem('test/unknown-zone', { zone, zones: zoneIds, labels: rubric.zones.map((z) => z.label), suggestion }, { path: [...at, 'zone'] }));
    }
    const named: { id: string; path: (string | number)[] }[] = [
      ...(typeof cap === 'string' ? [{ id: cap, path: [...at, 'cap'] }] : (cap ?? []).map((id, k) => ({ id, path: [...at, 'cap', k] }))),
      ...(gaps ?? []).map((id, k) => ({ id, path: [...at, 'gaps', k] })),
    ];
    for (const { id, path } of named) if (!rubric.criteria.has(id)) problems.push(problem('test/unknown-criterion', { criterion: id, suggestion: suggest(id, criterionIds) }, { path }));
  });
  return problems;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\0') === [...b].sort().join('\0');
}

function sheetsOf(rubric: CompiledRubric, testCase: RubricTestCase, where: { file: string; line?: number | undefined }, parseTable: TableParser): Sheet[] {
  const filled = fillAnswers(rubric, testCase.fill ?? {});
  const maps: Record<string, RawAnswer>[] = testCase.responses ?? (testCase.table ? parseTable(testCase.table) : [testCase.answers ?? {}]);
  return maps.map((answers) => ({
    unit: { id: testCase.name },
    file: where.file,
    line: where.line,
    answers: Object.entries({ ...filled, ...answers }).map(([criterion, value]) => ({ criterion, value, file: where.file, line: where.line })),
  }));
}

/**
 * The `fill` shorthand: a key that is a group id answers every criterion under that group ("*":
 * the whole rubric); any other key is an answer like those in `answers` (so a typo is reported).
 */
function fillAnswers(rubric: CompiledRubric, fill: Record<string, RawAnswer>): Record<string, RawAnswer> {
  const answers: Record<string, RawAnswer> = {};
  if ('*' in fill) for (const c of rubric.criterionList) answers[c.id] = fill['*']!;
  const walk = (group: CompiledGroup, inherited: RawAnswer | undefined) => {
    const value = group.id in fill ? fill[group.id] : inherited;
    for (const child of group.children) {
      if (child.kind === 'group') walk(child, value);
      else if (value !== undefined) answers[child.id] = value;
    }
  };
  rubric.groups.forEach((g) => walk(g, undefined));
  for (const [key, value] of Object.entries(fill)) if (key !== '*' && !rubric.groupTitles.has(key)) answers[key] = value;
  return answers;
}

/** Every key a test file may use, for "did you mean" hints. */
export const TEST_KEYS = [...new Set([...Object.keys(RubricTestFileSchema.shape), ...Object.keys(RubricTestCaseSchema.shape), 'score', 'zone', 'cap', 'gaps'])];
