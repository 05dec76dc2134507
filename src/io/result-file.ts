import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { roundRubric, roundUnit, type RoundSnapshot } from '../core/diff.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { JSON_SUMMARY_OPEN, JSON_UNITS_OPEN } from '../core/result-layout.js';
import { ResultLinesEndSchema, ScoreResultSchema, UnitLineSchema } from '../core/result-schema.js';
import { schemaProblems } from '../core/schema-problems.js';
import { readText } from './read-text.js';

export type ResultFormat = 'json' | 'jsonl';

/** The result format a file's name says (`monev score --format json` or `jsonl`), if any. */
export function resultFormatOf(file: string): ResultFormat | undefined {
  return file.endsWith('.jsonl') ? 'jsonl' : file.endsWith('.json') ? 'json' : undefined;
}

/** What a comparison needs of a round written by `monev score`, checked against the result's schema. */
export async function readResult(file: string, format: ResultFormat): Promise<RoundSnapshot> {
  if (format === 'jsonl') return fromJsonLines(file);
  return (await fromJsonByLines(file)) ?? fromJson(file);
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
 * A `score --format json` file as monev writes it, read line by line: its head and `"units":[` on
 * the first line, a unit a line (with the comma between them), and the summary on the last. A
 * national round's file is larger than one string may be, and parsing it whole held the whole
 * round's JSON at once. Undefined when the first line is not so (the file was re-indented, by `jq .`
 * say): it is then read whole.
 */
async function fromJsonByLines(file: string): Promise<RoundSnapshot | undefined> {
  const units: RoundSnapshot['units'] = [];
  const problems: Problem[] = [];
  let head: string | undefined;
  let end: { line: number; text: string } | undefined;
  // The last unit's line and whether a comma ends it: one must, but after the last unit, as JSON has it.
  let lastUnit: { line: number; comma: boolean } | undefined;
  let lineNumber = 0;
  for await (const [number, line] of numberedLines(file)) {
    lineNumber = number;
    if (lineNumber === 1) {
      if (!line.startsWith('{') || !line.endsWith(JSON_UNITS_OPEN)) break;
      head = line.slice(0, -JSON_UNITS_OPEN.length);
      continue;
    }
    if (end) {
      // Only the summary may close the units: anything after it is no part of the result.
      if (line.trim() !== '') end = { line: lineNumber, text: line };
      continue;
    }
    if (line.startsWith(JSON_SUMMARY_OPEN)) {
      if (lastUnit?.comma) problems.push(problem('diff/not-a-result', { reason: 'a comma after the last unit' }, { file, line: lastUnit.line }));
      end = { line: lineNumber, text: line };
      continue;
    }
    // A blank line is JSON's whitespace, as it is in a file read whole.
    if (line.trim() === '' || problems.length >= 10) continue;
    const text = line.trimEnd();
    const comma = text.endsWith(',');
    if (lastUnit && !lastUnit.comma) problems.push(problem('diff/not-a-result', { reason: `no comma between this unit and the one on line ${lastUnit.line}` }, { file, line: lineNumber }));
    lastUnit = { line: lineNumber, comma };
    const json = jsonOfLine(comma ? text.slice(0, -1) : text, lineNumber, file, problems);
    const unit = json && unitOfLine(json.data, lineNumber, file, problems);
    if (unit) units.push(unit);
  }
  if (head === undefined) return undefined;
  let closing: unknown;
  try {
    if (!end || !end.text.endsWith('}')) throw new Error('the units are not closed by the summary of `monev score --format json`');
    const { schemaVersion, generator, rubric } = JSON.parse(`${head}}`) as Record<string, unknown>;
    closing = { summary: JSON.parse(end.text.slice(JSON_SUMMARY_OPEN.length, -1)), schemaVersion, generator, rubric };
  } catch (error) {
    problems.push(problem('diff/not-a-result', { reason: (error as Error).message }, { file, line: end?.line ?? lineNumber }));
  }
  const last = closing === undefined ? undefined : ResultLinesEndSchema.safeParse(closing);
  // The summary is on the last line, the rest of the head (the rubric) on the first: in the file's order.
  if (last && !last.success) problems.push(...schemaProblems(last.error, closing, 'result').map((p) => ({ ...p, file, line: p.path?.[0] === 'summary' ? end!.line : 1 })).sort((a, b) => a.line - b.line));
  if (problems.length || !last?.success) throw new MonevError(problems.slice(0, 10));
  return { rubric: roundRubric(last.data.rubric), units };
}

/**
 * A round from a `score --format jsonl` file, read line by line (a national round's file is larger
 * than one string may be): each unit line for what a comparison needs, the last line for the rubric.
 */
async function fromJsonLines(file: string): Promise<RoundSnapshot> {
  const units: RoundSnapshot['units'] = [];
  const problems: Problem[] = [];
  let end: { line: number; data: unknown } | undefined;
  for await (const [lineNumber, text] of numberedLines(file)) {
    if (text.trim() === '' || problems.length >= 10) continue;
    const json = jsonOfLine(text, lineNumber, file, problems);
    if (!json) continue;
    // Each line is a unit until a later one comes: only the last is the summary.
    const unit = end && unitOfLine(end.data, end.line, file, problems);
    if (unit) units.push(unit);
    end = { line: lineNumber, data: json.data };
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

/**
 * A result file's lines, numbered from 1, the first without a BOM (the file saved again by an
 * editor); a file that cannot be read is `input/unreadable`. Stopping early closes the file.
 */
async function* numberedLines(file: string): AsyncGenerator<[number, string]> {
  const input = createReadStream(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const line of lines) {
      number++;
      yield [number, number === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line];
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MonevError([problem('input/unreadable', { reason: code ?? String(error) }, { file })]);
  } finally {
    lines.close();
    input.destroy();
  }
}

/** A line's JSON (wrapped: it may be null), or undefined with the parser's complaint added to `problems`. */
function jsonOfLine(text: string, line: number, file: string, problems: Problem[]): { data: unknown } | undefined {
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    problems.push(problem('diff/not-a-result', { reason: (error as Error).message }, { file, line }));
    return undefined;
  }
}
