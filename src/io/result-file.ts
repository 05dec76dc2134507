import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { roundRubric, roundUnit, type RoundSnapshot } from '../core/diff.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { ResultLinesEndSchema, ScoreResultSchema, UnitLineSchema } from '../core/result-schema.js';
import { schemaProblems } from '../core/schema-problems.js';
import { readText } from './read-text.js';

export type ResultFormat = 'json' | 'jsonl';

/** The result format a file's name says (`monev score --format json` or `jsonl`), if any. */
export function resultFormatOf(file: string): ResultFormat | undefined {
  return file.endsWith('.jsonl') ? 'jsonl' : file.endsWith('.json') ? 'json' : undefined;
}

/** What a comparison needs of a round written by `monev score`, checked against the result's schema. */
export function readResult(file: string, format: ResultFormat): Promise<RoundSnapshot> {
  return format === 'jsonl' ? fromJsonLines(file) : Promise.resolve(fromJson(file));
}

function fromJson(file: string): RoundSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof MonevError) throw error;
    throw new MonevError([problem('diff/not-a-result', { reason: (error as Error).message }, { file })]);
  }
  const parsed = ScoreResultSchema.safeParse(data);
  if (!parsed.success) throw new MonevError(schemaProblems(parsed.error, data, 'result').slice(0, 10).map((p) => ({ ...p, file })));
  const { rubric, units } = parsed.data;
  return { rubric: roundRubric(rubric), units: units.map(roundUnit) };
}

/**
 * A round from a `score --format jsonl` file, read line by line (a national round's file is larger
 * than one string may be): each unit line for what a comparison needs, the last line for the rubric.
 */
async function fromJsonLines(file: string): Promise<RoundSnapshot> {
  const units: RoundSnapshot['units'] = [];
  const problems: Problem[] = [];
  let end: { line: number; data: unknown } | undefined;
  let lineNumber = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      lineNumber++;
      // A BOM (the file saved again by an editor) is no part of the first line's JSON.
      const text = lineNumber === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
      if (text.trim() === '' || problems.length >= 10) continue;
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        problems.push(problem('diff/not-a-result', { reason: (error as Error).message }, { file, line: lineNumber }));
        continue;
      }
      // Each line is a unit until a later one comes: only the last is the summary.
      const unit = end && unitOfLine(end.data, end.line, file, problems);
      if (unit) units.push(unit);
      end = { line: lineNumber, data };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MonevError([problem('input/unreadable', { reason: code ?? String(error) }, { file })]);
  }
  const last = ResultLinesEndSchema.safeParse(end?.data);
  if (!last.success) {
    const reason = end === undefined ? 'no lines' : 'the last line is not the summary line of `monev score --format jsonl`';
    problems.push(problem('diff/not-a-result', { reason }, { file, line: end?.line }));
  }
  if (problems.length || !last.success) throw new MonevError(problems.slice(0, 10));
  return { rubric: roundRubric(last.data.rubric), units };
}

function unitOfLine(data: unknown, line: number, file: string, problems: Problem[]): RoundSnapshot['units'][number] | undefined {
  const parsed = UnitLineSchema.safeParse(data);
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error, data, 'result').map((p) => ({ ...p, file, line })));
    return undefined;
  }
  return roundUnit(parsed.data);
}
