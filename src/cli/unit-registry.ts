import { basename, extname } from 'node:path';
import { formatPosition } from '../core/collect.js';
import { idTable } from '../core/id-table.js';
import { problem, type Problem } from '../core/problem.js';
import { displayName } from '../io/sheet-stream.js';

/**
 * The units seen so far, so that a unit assessed twice is caught: one probe per unit in an id
 * table (core/id-table.ts, which numbers ids in the order first seen), and each unit's first
 * position packed by that number.
 */
export function unitRegistry(inputs: string[], report: (p: Problem) => void, { caseCheck }: { caseCheck: boolean }) {
  const seen = idTable();
  let files = new Int32Array(1024);
  let lines = new Int32Array(1024);
  // `Dinkes` and `dinkes` are two units to monev, and most likely one unit typed two ways. Ids with
  // a capital are kept folded to lower case, each folding with the number of its first id; an id
  // without one is looked up there only once there are any: a round of lower-case ids pays a scan.
  const folded = idTable();
  let firstOfFolding = new Int32Array(64);
  const positionOf = (n: number) => formatPosition({ file: displayName(inputs[files[n]!]!), line: lines[n]! || undefined });
  /** The number of the first earlier id that differs from `id` (numbered `n`) only in letter case, or -1. */
  const caseVariantOf = (id: string, n: number): number => {
    if (!hasCapital(id)) {
      if (folded.size === 0) return -1;
      const f = folded.find(id);
      return f < 0 ? -1 : firstOfFolding[f]!;
    }
    const lower = id.toLowerCase();
    // The first of them: the id in lower case itself, or the first with a capital that folds alike.
    const plain = seen.find(lower);
    const f = folded.size;
    const folding = folded.number(lower);
    if (folding < f) return plain >= 0 && plain < firstOfFolding[folding]! ? plain : firstOfFolding[folding]!;
    if (f === firstOfFolding.length) firstOfFolding = grown(firstOfFolding);
    firstOfFolding[f] = n;
    return plain;
  };
  return {
    claim(id: string, fileIndex: number, line: number | undefined, file: string): boolean {
      const n = seen.size;
      const first = seen.number(id);
      if (first < n) {
        // Two rows of one file, both the unit the file is named after: a file without a unit column
        // (a form tool's export) whose rows are different units.
        const byFileName = files[first] === fileIndex && id === basename(file, extname(file));
        report(problem('unit/duplicate', { unit: id, first: positionOf(first), byFileName }, { file, line }));
        return false;
      }
      if (n === files.length) {
        files = grown(files);
        lines = grown(lines);
      }
      files[n] = fileIndex;
      lines[n] = line ?? 0;
      const other = caseCheck ? caseVariantOf(id, n) : -1;
      if (other >= 0) report(problem('unit/case-variant', { unit: id, other: seen.at(other), first: positionOf(other) }, { file, line, severity: 'warning' }));
      return true;
    },
  };
}

/** Whether `id` has a capital letter (any script's; ASCII ids are told by their codes). */
function hasCapital(id: string): boolean {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
    if (c > 127) return id !== id.toLowerCase();
  }
  return false;
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
