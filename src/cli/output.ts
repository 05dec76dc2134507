import { MonevError, problem, type Problem } from '../core/problem.js';
import { formatProblem } from '../i18n/format.js';
import { writeFileAtomic } from '../io/atomic-write.js';

/** Writes a command's output to --out (atomically) or stdout. */
export function emit(text: string, out: string | undefined): void {
  if (!out) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileAtomic(out, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new MonevError([problem('output/unwritable', { reason: code }, { file: out })]);
  }
}

export function warn(problems: Problem[], quiet: boolean | undefined): void {
  if (quiet) return;
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
}
