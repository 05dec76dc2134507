import * as z from 'zod';

/**
 * The rubric file format. These schemas are the single source of truth: TypeScript types are
 * inferred from them, and the JSON Schema for editors is generated from them.
 * Structural rules live here; rules that relate parts of the rubric (unique ids, zone order,
 * caps naming a zone) live in rubric-check.ts so that all of them are reported at once.
 */

const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'a lower-case slug (a-z, 0-9, "-", "_", ".")')
  .describe('Identifier: lower-case letters, digits, "-", "_" or "."');

const Weight = z.number().positive().default(1).describe('Relative weight among siblings (> 0, default 1)');

export const ZoneColor = z.enum(['green', 'yellow', 'red']).describe('Traffic-light colour used to display the zone');

export const ZoneSchema = z
  .strictObject({
    id: Slug,
    label: z.string().min(1).describe('Label shown to users, e.g. "Zona Hijau"'),
    min: z.number().min(0).describe('Lowest (rounded) score in this zone'),
    color: ZoneColor.optional(),
  })
  .meta({ title: 'Zone', description: 'A score band: a unit is in the zone with the highest min <= its rounded score' });

const AnswerWords = z.array(z.string()).min(1);

export const AnswersSchema = z
  .strictObject({
    yes: AnswerWords.optional().describe('Words meaning yes (case-insensitive)'),
    no: AnswerWords.optional().describe('Words meaning no (case-insensitive)'),
    na: AnswerWords.optional().describe('Words meaning not applicable (case-insensitive)'),
  })
  .meta({ title: 'Answer words', description: 'The yes / no / not-applicable vocabulary; each list given replaces its default' });

const criterionCommon = {
  id: Slug,
  title: z.string().min(1).describe('Criterion title (in the rubric language)'),
  weight: Weight,
  description: z.string().optional().describe('What the criterion means'),
  guidance: z.string().optional().describe('How the field team verifies the criterion (shown in forms and reports)'),
  cap: Slug.optional().describe('Zone id: while this criterion is not fully met, the unit is at most in this zone'),
  na: z.boolean().optional().describe('false: the criterion applies to every unit, an n/a answer is an error'),
};

const BooleanCriterion = z
  .strictObject({
    ...criterionCommon,
    type: z.literal('boolean').default('boolean').describe('yes -> 1, no -> 0 (default type)'),
  })
  .meta({ title: 'Yes/no criterion' });

const ScaleCriterion = z
  .strictObject({
  ...criterionCommon,
  type: z.literal('scale').describe('An integer scale answer, e.g. 1..4'),
  min: z.int().describe('Lowest allowed answer'),
  max: z.int().describe('Highest allowed answer'),
  scoring: z
    .enum(['linear', 'ratio'])
    .default('linear')
    .describe('linear: (v - min) / (max - min); ratio: v / max (the SKM convention)'),
  labels: z
    .record(z.string(), z.int())
    .optional()
    .describe('Words an answer may use for a point of the scale, e.g. {"tidak sesuai": 1, "sangat sesuai": 4} (case-insensitive): what form tools export'),
  })
  .meta({ title: 'Scale criterion' });

export const ChoiceOption = z
  .strictObject({
    value: z.union([z.string(), z.number()]).transform(String).describe('The answer as written in assessments'),
    label: z.string().optional().describe('What the option means'),
    score: z.number().describe('Fraction earned, within [0, 1]'),
  })
  .meta({ title: 'Option' });

const ChoiceCriterion = z
  .strictObject({
    ...criterionCommon,
    type: z.literal('choice').describe('One of a list of options, each with a score'),
    options: z.array(ChoiceOption).min(1).describe('The allowed answers'),
  })
  .meta({ title: 'Choice criterion' });

const PercentCriterion = z
  .strictObject({
    ...criterionCommon,
    type: z.literal('percent').describe('0..100, fraction = v / 100'),
  })
  .meta({ title: 'Percentage criterion' });

export const Band = z
  .strictObject({
    min: z.number().describe('Lowest value in the band'),
    score: z.number().describe('Fraction earned, within [0, 1]'),
  })
  .meta({ title: 'Band' });

const NumberCriterion = z
  .strictObject({
    ...criterionCommon,
    type: z.literal('number').describe('A number scored by bands'),
    bands: z.array(Band).min(1).describe('Sorted by min ascending; a value below the first band is invalid'),
  })
  .meta({ title: 'Number criterion' });

export const CriterionSchema = z.discriminatedUnion('type', [
  BooleanCriterion,
  ScaleCriterion,
  ChoiceCriterion,
  PercentCriterion,
  NumberCriterion,
]);

export const GroupSchema = z
  .strictObject({
    id: Slug,
    title: z.string().min(1).describe('Group title (in the rubric language)'),
    weight: Weight,
    description: z.string().optional().describe('What the group covers'),
    criteria: z.array(CriterionSchema).optional().describe('Criteria of this group'),
    get groups() {
      return z.array(GroupSchema).optional().describe('Child groups');
    },
  })
  .meta({ id: 'Group', title: 'Group', description: 'A weighted group of criteria and/or child groups' });

export const RubricSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference for editors'),
    id: Slug.describe('Rubric id, referenced by assessments and --rubric'),
    title: z.string().min(1).describe('Rubric title'),
    version: z.union([z.string(), z.number()]).transform(String).describe('Rubric version, e.g. "2023.1"'),
    source: z.string().optional().describe('The regulation or document the rubric follows'),
    description: z.string().optional().describe('What is official and what is assumed'),
    locale: z.string().optional().describe('Language of the rubric texts, e.g. id'),
    scale: z.number().positive().default(100).describe('Maximum score (default 100)'),
    aggregate: z
      .enum(['none', 'mean'])
      .default('none')
      .describe('mean: several answers for one unit and criterion (respondents) are averaged'),
    sample: z
      .enum(['krejcie-morgan'])
      .optional()
      .describe("With aggregate: mean, the least number of respondents for a unit's population (a units list's population column): krejcie-morgan, the table PermenPANRB 14/2017 points to"),
    profile: z
      .array(z.strictObject({ id: Slug, title: z.string().min(1).describe('The question, as a form heads its column') }))
      .optional()
      .describe("With aggregate: mean, the respondents' details counted per unit (a survey report's respondent profile): the columns that give them, by id or title"),
    zones: z.array(ZoneSchema).min(1).describe('Score bands; exactly one starts at 0'),
    answers: AnswersSchema.optional(),
    groups: z.array(GroupSchema).min(1).describe('The top-level groups'),
  })
  .meta({ title: 'monev rubric', description: 'A monev rubric: weighted criteria grouped in a tree, and score zones' });

export type Rubric = z.output<typeof RubricSchema>;
export type Group = z.output<typeof GroupSchema>;
export type Criterion = z.output<typeof CriterionSchema>;
export type Zone = z.output<typeof ZoneSchema>;

/** Every key a rubric may use, for "did you mean" hints on unknown keys. */
export const RUBRIC_KEYS = [
  ...new Set([
    ...Object.keys(RubricSchema.shape),
    ...Object.keys(ZoneSchema.shape),
    ...Object.keys(AnswersSchema.shape),
    ...Object.keys(GroupSchema.shape),
    ...CriterionSchema.options.flatMap((o) => Object.keys(o.shape)),
    ...Object.keys(ChoiceOption.shape),
    ...Object.keys(Band.shape),
  ]),
];
