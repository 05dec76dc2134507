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
