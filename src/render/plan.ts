import type { ReportHead } from '../core/report.js';
import type { UnitResult } from '../core/score.js';
import type { Summary } from '../core/summary.js';
import type { FormatEntry } from './registry.js';
import type { RenderOptions, StreamRenderer } from './types.js';

/**
 * Every format seen as a stream: streamed formats take units as they come (most write them then;
 * the terminal table keeps what it prints of each for the end); whole-report formats (markdown)
 * hold the units and write everything at the end.
 */
export async function streamFor(entry: FormatEntry, options: RenderOptions): Promise<StreamRenderer> {
  if (entry.kind === 'stream') return entry.load(options);
  const render = await entry.load();
  const units: UnitResult[] = [];
  return {
    begin: () => '',
    unit: (unit) => {
      units.push(unit);
    },
    end: (summary: Summary, head: ReportHead) => render({ ...head, units, summary }, options),
  };
}
