import { summaryJson, unitJson } from './json.js';
import type { StreamRenderer } from './types.js';

/** One JSON object per unit per line, as soon as it is scored; a last line holds the summary. */
export const jsonlStream: StreamRenderer = {
  begin: () => '',
  unit: (unit) => `${unitJson(unit)}\n`,
  separator: '',
  end: (summary, head) => `${summaryJson({ summary, schemaVersion: head.schemaVersion, generator: head.generator, rubric: head.rubric })}\n`,
};
