import * as z from 'zod';
import type { GroupResult as GroupResultType } from './score.js';

/**
 * The JSON that `monev score --format json` writes (schemaVersion 1): a stable interface for
 * scripts. `monev schema result` prints it as JSON Schema; `monev diff` reads results with it.
 */

const ZoneRef = z.object({ id: z.string(), label: z.string(), color: z.enum(['green', 'yellow', 'red']).optional() });
const Value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const GroupResult: z.ZodType<GroupResultType> = z.object({
  id: z.string(),
  title: z.string(),
  score: z.number().nullable().describe("The group's own fraction x scale, rounded; null when n/a"),
  fraction: z.number().nullable(),
  points: z.number().describe('Points this group contributes to the unit score'),
  worth: z.number().describe('Points this group is worth in this unit'),
  get groups() {
    return z.array(GroupResult);
  },
});

export const GapResultSchema = z.object({
  criterion: z.string(),
  title: z.string(),
  group: z.array(z.string()).describe('Ids of the enclosing groups, outermost first'),
  value: Value,
  status: z.enum(['partial', 'unmet', 'missing']),
  lost: z.number().describe('Points lost on the rubric scale'),
  cap: z.string().optional().describe('Zone id this criterion caps the unit at while open'),
});

export const UnitResultSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string().optional(), type: z.string().optional(), region: z.string().optional() }),
  source: z.array(z.string()).describe('Input files the unit was read from'),
  date: z.string().optional(),
  assessor: z.string().optional(),
  respondents: z.number().int().optional().describe('Rubrics with aggregate: mean: the number of respondents'),
  profile: z
    .array(z.object({ id: z.string(), title: z.string(), counts: z.array(z.object({ answer: z.string(), count: z.number().int() })) }))
    .optional()
    .describe("Rubrics with a profile: per profile item, how many respondents gave each answer, most given first"),
  score: z.number().describe('Score rounded to 2 decimals, half away from zero'),
  scoreExact: z.number().describe('Unrounded score'),
  zone: ZoneRef.describe('Zone after caps'),
  zoneByScore: ZoneRef.describe('Zone the score alone gives'),
  cappedBy: z.array(z.object({ criterion: z.string(), zone: z.string() })),
  groups: z.array(GroupResult),
  criteria: z.array(
    z.object({
      id: z.string().describe("A criterion of the report's rubric.criteria"),
      status: z.enum(['met', 'partial', 'unmet', 'missing', 'na']),
      value: Value,
      fraction: z.number().nullable(),
      points: z.number(),
      worth: z.number(),
      lost: z.number(),
      responses: z.number().int().optional(),
      mean: z.number().nullable().optional(),
      note: z.string().optional(),
      evidence: z.string().optional(),
    }),
  ),
  gaps: z.array(GapResultSchema).describe('Largest loss first, then by id'),
  nextZone: z
    .object({ zone: ZoneRef, close: z.array(z.string()), score: z.number() })
    .nullable()
    .describe('The fewest gaps to close to reach the next zone; null in the top zone'),
});

export const SummarySchema = z.object({
  units: z.number().int(),
  zones: z.array(ZoneRef.extend({ min: z.number(), count: z.number().int() })),
  mean: z.number().nullable(),
  meanZone: ZoneRef.nullable()
    .optional()
    .describe("The zone of the rounded mean: the round's grade, as a government's is the mean of its services'; null without units (absent in results written before it was added)"),
  median: z.number().nullable(),
  ranking: z.array(z.object({ rank: z.number().int(), unit: z.string(), name: z.string().optional(), score: z.number(), zone: z.string() })),
  groups: z.array(z.object({ id: z.string(), title: z.string(), mean: z.number().nullable(), units: z.number().int() })),
  commonGaps: z.array(z.object({ criterion: z.string(), title: z.string(), units: z.number().int() })),
  notAssessed: z
    .array(z.object({ unit: z.string(), name: z.string().optional() }))
    .optional()
    .describe('With a units list (--units): the listed units no assessment covered, in the list order'),
});

export const ResultRubricSchema = z.object({
  id: z.string(),
  title: z.string(),
  version: z.string(),
  source: z.string().optional(),
  scale: z.number(),
  aggregate: z.enum(['none', 'mean']),
  zones: z.array(z.object({ id: z.string(), label: z.string(), min: z.number(), color: z.enum(['green', 'yellow', 'red']).optional() })).min(1),
  sha256: z.string().describe('sha256 of the rubric file: results are comparable only under the same hash'),
  groups: z.array(z.object({ id: z.string(), title: z.string() })).describe('The top-level groups'),
  criteria: z
    .array(z.object({ id: z.string(), title: z.string(), group: z.array(z.string()).describe('Ids of the enclosing groups, outermost first') }))
    .describe('Every criterion, in rubric order; units refer to them by id'),
});

export const ScoreResultSchema = z
  .object({
    schemaVersion: z.literal(1),
    generator: z.object({ name: z.literal('monev'), version: z.string() }),
    rubric: ResultRubricSchema,
    units: z.array(UnitResultSchema),
    summary: SummarySchema,
  })
  .describe('The result of `monev score --format json`');

export type ScoreResult = z.output<typeof ScoreResultSchema>;

/** The last line of `--format jsonl`: the summary with the round's rubric. */
export const ResultLinesEndSchema = z.object({
  summary: SummarySchema,
  schemaVersion: z.literal(1),
  generator: z.object({ name: z.literal('monev'), version: z.string() }),
  rubric: ResultRubricSchema,
});

/** What a comparison reads of a unit line of `--format jsonl` (the rest of the line is not checked: a national round is read line by line). */
export const UnitLineSchema = UnitResultSchema.pick({ unit: true, score: true, zone: true }).extend({ gaps: z.array(GapResultSchema.pick({ criterion: true })) });
