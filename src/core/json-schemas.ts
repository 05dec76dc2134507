import * as z from 'zod';
import { AssessmentSchema } from './assessment.js';
import { ScoreResultSchema } from './result-schema.js';
import { RubricSchema } from './rubric-schema.js';

export const SCHEMA_KINDS = ['rubric', 'assessment', 'result'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/**
 * JSON Schemas (draft 2020-12) generated from the zod schemas, never written by hand. Rubrics and
 * assessments are described as they are written (input: defaults optional); results as monev
 * writes them (output).
 */
export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  const schema = kind === 'rubric' ? RubricSchema : kind === 'assessment' ? AssessmentSchema : ScoreResultSchema;
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io: kind === 'result' ? 'output' : 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
}
