import type { Sheet } from '../src/core/assessment.js';
import { MonevError, type Problem } from '../src/core/problem.js';
import { UnitCollector } from '../src/core/collect.js';
import { compileRubric, type CompiledRubric } from '../src/core/compile.js';
import type { RoundSnapshot } from '../src/core/diff.js';
import { RubricSchema } from '../src/core/rubric-schema.js';
import { scoreUnit, type UnitResult } from '../src/core/score.js';

export const TRAFFIC_ZONES = [
  { id: 'green', label: 'Zona Hijau', min: 81 },
  { id: 'yellow', label: 'Zona Kuning', min: 51 },
  { id: 'red', label: 'Zona Merah', min: 0 },
];

/** A unit of a round as a comparison keeps it, zoned by TRAFFIC_ZONES. */
export function snapshotUnit(id: string, name: string | undefined, score: number, gaps: string[] = []): RoundSnapshot['units'][number] {
  return { id, name, score, zone: TRAFFIC_ZONES.find((z) => score >= z.min)!, gaps };
}

/** A round's rubric as a comparison keeps it. */
export const SNAPSHOT_RUBRIC: RoundSnapshot['rubric'] = { id: 'r', title: 'R', version: '1', sha256: 'x', zones: TRAFFIC_ZONES };

export function rubricOf(partial: Record<string, unknown>): CompiledRubric {
  return compileRubric(RubricSchema.parse({ id: 'test', title: 'Test', version: '1', zones: TRAFFIC_ZONES, ...partial }));
}

export function sheet(unit: string, answers: Record<string, unknown>): Sheet {
  return {
    unit: { id: unit },
    file: `${unit}.yaml`,
    answers: Object.entries(answers).map(([criterion, value]) => ({ criterion, value: value as never, file: `${unit}.yaml` })),
  };
}

/** Scores one unit's answers; fails the test on any problem. */
export function score(rubric: CompiledRubric, answers: Record<string, unknown>, unit = 'u'): UnitResult {
  const collector = new UnitCollector(rubric);
  const s = sheet(unit, answers);
  const collected = rubric.aggregate === 'mean' ? (collector.add(s), collector.result()[0]!) : collector.take(s);
  const problems = collector.drain();
  if (problems.length) throw new Error(JSON.stringify(problems));
  const outcome = scoreUnit(rubric, collected);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return outcome.result;
}

/** The [code, line, column] of each problem a reader throws; [] when it throws nothing. */
export function thrownProblems(fn: () => unknown): [string, number | undefined, number | undefined][] {
  return thrownErrorProblems(fn).map((p) => [p.code, p.line, p.column]);
}

/** The problems of the MonevError `fn` throws (none when it throws nothing). */
export function thrownErrorProblems(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof MonevError) return error.problems;
    throw error;
  }
  return [];
}
