import { writeUnitJson } from '../core/score.js';
import { textPiece } from '../core/text-out.js';
import { summaryJson } from './json.js';
import type { StreamRenderer } from './types.js';

const NEWLINE = textPiece('\n');

/** One JSON object per unit per line, as soon as it is scored; a last line holds the summary. */
export const jsonlStream: StreamRenderer = {
  begin: () => '',
  unit: (unit, out) => {
    writeUnitJson(unit, out);
    out.piece(NEWLINE);
  },
  end: (summary, head) => `${summaryJson({ summary, schemaVersion: head.schemaVersion, generator: head.generator, rubric: head.rubric })}\n`,
};
