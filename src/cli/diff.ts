import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { diffRounds, rubricChanges, type RoundSnapshot } from '../core/diff.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { ResultLinesEndSchema, ScoreResultSchema, UnitLineSchema } from '../core/result-schema.js';
import { schemaProblems } from '../core/schema-problems.js';
import { formatProblem } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { assertOutputIsNotInput } from '../io/out-path.js';
import { readText } from '../io/read-text.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffTable } from '../render/diff.js';
import { plainPainter } from '../render/types.js';
import { resolveLocale } from './lang.js';
import { parseNumberOption, usage, wantsColor } from './options.js';
import { emit, quietFailure, warn } from './output.js';
import { scoreRound } from './round.js';

interface DiffOptions {
  rubric?: string;
  format?: string;
  out?: string;
  allowRubricChange?: boolean;
  failOnRegression?: boolean;
  tolerance: string;
  color?: boolean;
  quiet?: boolean;
  lang?: string;
}

const FORMATS = ['table', 'json', 'markdown'];

export async function diffCommand(beforePath: string, afterPath: string, options: DiffOptions): Promise<void> {
  const locale = resolveLocale(options.lang);
  const format = options.format ?? (process.stdout.isTTY && !options.out ? 'table' : 'json');
  if (!FORMATS.includes(format)) throw usage('usage/unknown-format', { format, allowed: FORMATS });
  const tolerance = parseNumberOption('--tolerance', options.tolerance, 'points >= 0', (n) => n >= 0)!;
  if (options.out) assertOutputIsNotInput(options.out, [beforePath, afterPath]);
  const rubricFiles: string[] = [];
  const before = await snapshot(beforePath, options, locale, rubricFiles);
  const after = await snapshot(afterPath, options, locale, rubricFiles);
  if (options.out) assertOutputIsNotInput(options.out, rubricFiles);
  const changes = rubricChanges(before.rubric, after.rubric);
  if (changes.length) {
    const p = problem('diff/rubric-changed', { changes }, { severity: options.allowRubricChange ? 'warning' : 'error' });
    if (!options.allowRubricChange) throw new MonevError([p]);
    warn([p], options.quiet, locale);
  }
  const diff = diffRounds(before, after, tolerance);
  const paint = format === 'table' && !options.out && wantsColor(options.color, process.stdout) ? (await import('./paint.js')).chalkPainter() : plainPainter;
  const text = format === 'json' ? renderDiffJson(diff) : format === 'markdown' ? renderDiffMarkdown(diff, locale) : renderDiffTable(diff, locale, paint);
  await emit(text, options.out);
  if (options.failOnRegression && diff.regressions.length) {
    process.stderr.write(`${formatProblem(problem('diff/regression', { units: diff.regressions }), locale)}\n`);
    process.exitCode = 1;
  }
}

/** A round from a `score --format json` file, or scored now from assessment files or folders. */
async function snapshot(path: string, options: DiffOptions, locale: Locale, rubricFiles: string[]): Promise<RoundSnapshot> {
  if (path.endsWith('.json') && statSafe(path)?.isFile()) return fromJson(path);
  if (path.endsWith('.jsonl') && statSafe(path)?.isFile()) return fromJsonLines(path);
  const units: RoundSnapshot['units'] = [];
  const outcome = await scoreRound(
    { paths: [path], rubric: options.rubric },
    { unit: (u) => void units.push({ id: u.unit.id, name: u.unit.name, score: u.score, zone: u.zone, gaps: u.gaps.map((g) => g.criterion) }) },
  ).catch((error: unknown) => {
    throw quietFailure(error, options.quiet);
  });
  warn(outcome.warnings, options.quiet, locale);
  rubricFiles.push(outcome.loaded.file);
  const r = outcome.head.rubric;
  return { rubric: { id: r.id, title: r.title, version: r.version, sha256: r.sha256, zones: r.zones }, units };
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
  return {
    rubric: { id: rubric.id, title: rubric.title, version: rubric.version, sha256: rubric.sha256, zones: rubric.zones },
    units: units.map((u) => ({ id: u.unit.id, name: u.unit.name, score: u.score, zone: u.zone, gaps: u.gaps.map((g) => g.criterion) })),
  };
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
  const { rubric } = last.data;
  return { rubric: { id: rubric.id, title: rubric.title, version: rubric.version, sha256: rubric.sha256, zones: rubric.zones }, units };
}

function unitOfLine(data: unknown, line: number, file: string, problems: Problem[]): RoundSnapshot['units'][number] | undefined {
  const parsed = UnitLineSchema.safeParse(data);
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error, data, 'result').map((p) => ({ ...p, file, line })));
    return undefined;
  }
  const u = parsed.data;
  return { id: u.unit.id, name: u.unit.name, score: u.score, zone: u.zone, gaps: u.gaps.map((g) => g.criterion) };
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
