import * as z from 'zod';
import type { RawAnswer } from './compile.js';

/** The YAML assessment document, one unit per document. */

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const AnswerObjectSchema = z
  .strictObject({
    value: Scalar.describe('The answer: yes/no word, number or option value; empty when not checked'),
    note: z.string().optional().describe('Field remark'),
    evidence: z.string().optional().describe('Where the evidence is (photo, document, link)'),
  })
  .meta({ title: 'Answer with note', description: 'An answer with a field note and evidence' });

const UnitId = z.union([z.string().min(1), z.number()]).transform(String);

export const UnitObjectSchema = z
  .strictObject({
    id: UnitId.optional().describe('Unit id (default: file name)'),
    name: z.string().optional().describe('Unit name, e.g. "UPTD Puskesmas Gambir Baru"'),
    type: z.string().optional().describe('Unit type, e.g. puskesmas, dinas'),
    region: z.string().optional().describe('Kabupaten/Kota'),
  })
  .meta({ title: 'Unit', description: 'The unit assessed (OPD, UPTD Puskesmas, …)' });

/** `unit: dinkes` is short for `unit: { id: dinkes }`, as people write it by hand. */
export const UnitSchema = z.union([UnitId.describe('Unit id').transform((id): z.output<typeof UnitObjectSchema> => ({ id })), UnitObjectSchema]);

export const AssessmentSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference for editors'),
    unit: UnitSchema.optional(),
    rubric: z.string().optional().describe('Id or path of the rubric the answers follow'),
    date: z.string().optional().describe('Date of the visit (YYYY-MM-DD)'),
    assessor: z.string().optional().describe('Who assessed the unit'),
    answers: z
      .record(z.string(), z.union([Scalar.describe('The answer'), AnswerObjectSchema]))
      .describe('criterionId: answer (a word, a number, or {value, note, evidence})'),
  })
  .meta({ title: 'monev assessment', description: "One unit's answers to a rubric (one YAML document per unit)" });

export const ASSESSMENT_KEYS = [...new Set([...Object.keys(AssessmentSchema.shape), ...Object.keys(UnitObjectSchema.shape), ...Object.keys(AnswerObjectSchema.shape)])];

export type AssessmentDocument = z.output<typeof AssessmentSchema>;

export interface UnitInfo {
  id: string;
  name?: string | undefined;
  type?: string | undefined;
  region?: string | undefined;
}

/** Where a value came from, for messages. */
export interface Position {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
}

export interface AnswerRecord extends Position {
  criterion: string;
  value: RawAnswer;
  note?: string | undefined;
  evidence?: string | undefined;
}

/**
 * A wide-CSV row as read: answer k is `cells[columns[k]]` for criterion `criteria[k]`. `criteria`
 * and `columns` are shared by every row of a file, so a row costs no object per answer.
 */
export interface SheetRow {
  cells: readonly string[];
  /** The line of the file's header: where a column that names no criterion is reported. */
  headerLine: number;
  columns: readonly number[];
  criteria: readonly string[];
  /** The row's columns starting with `_` (not scored), one object per header. */
  asides?: RowAsides;
}

export interface RowAsides {
  columns: readonly number[];
  names: readonly string[];
}

/** One unit's answers as one source gave them: a YAML document, a wide-CSV row, a long-CSV unit. */
export interface Sheet extends Position {
  unit: UnitInfo;
  rubric?: string | undefined;
  date?: string | undefined;
  assessor?: string | undefined;
  /** The answers one by one (for a wide row, built from `row` when asked for). */
  answers: AnswerRecord[];
  row?: SheetRow | undefined;
}
