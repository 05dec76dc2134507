import type { Problem } from '../core/problem.js';
import { formatProblem } from '../i18n/format.js';
import { writeFileAtomic } from '../io/atomic-write.js';

/** Writes a command's output to --out (atomically) or stdout. */
export function emit(text: string, out: string | undefined): void {
  if (out) writeFileAtomic(out, text);
  else process.stdout.write(text);
}

export function warn(problems: Problem[], quiet: boolean | undefined): void {
  if (quiet) return;
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
}
