import { MonevError } from '../core/problem.js';
import { formatProblem } from '../i18n/format.js';

/** Input problems become messages and exit 2; anything else is a bug in monev: exit 3. */
export function reportFailure(error: unknown): number {
  if (error instanceof MonevError) {
    for (const p of error.problems) process.stderr.write(`${formatProblem(p)}\n`);
    const errors = error.problems.filter((p) => p.severity === 'error').length;
    if (errors > 1) process.stderr.write(`${errors} errors\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`monev: internal error: ${message}\nThis is a bug in monev; please report it with the command you ran.\n`);
  if (process.env.MONEV_DEBUG === '1' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('Set MONEV_DEBUG=1 to see the stack trace.\n');
  return 3;
}
