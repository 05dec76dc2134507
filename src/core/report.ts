import type { CompiledZone } from './compile.js';
import type { UnitResult } from './score.js';
import type { Summary } from './summary.js';

/** The result of a scoring run, the input of every renderer. Its JSON form is a stable interface. */
export interface ScoreReport extends ReportHead {
  units: UnitResult[];
  summary: Summary;
}

/** What is known before the first unit: enough to start a streamed output. */
export interface ReportHead {
  schemaVersion: 1;
  generator: { name: 'monev'; version: string };
  rubric: {
    id: string;
    title: string;
    version: string;
    source?: string | undefined;
    scale: number;
    aggregate: 'none' | 'mean';
    zones: CompiledZone[];
    /** sha256 of the rubric file's bytes: results are comparable only under the same hash. */
    sha256: string;
    groups: { id: string; title: string }[];
    /** Every criterion once, in rubric order: units refer to them by id. */
    criteria: { id: string; title: string; group: string[] }[];
  };
}

/** The order units are listed in: as read, by score (highest first; ties by id), or by id. */
export type UnitOrder = 'input' | 'score' | 'id';

export function unitsInOrder(units: readonly UnitResult[], order: UnitOrder): readonly UnitResult[] {
  if (order === 'input') return units;
  const byId = (a: UnitResult, b: UnitResult) => (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0);
  // By the score as printed, so that units the ranking puts level stand in the order of their ids.
  return [...units].sort(order === 'score' ? (a, b) => b.score - a.score || byId(a, b) : byId);
}
