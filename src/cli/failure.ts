import { MonevError, problem } from '../core/problem.js';
import { formatProblem } from '../i18n/format.js';
import { localeFor, type Locale } from '../i18n/locale.js';
import { STDOUT } from '../io/output-sink.js';

/** Input problems become messages and exit 2; anything else is a bug in monev: exit 3. */
export function reportFailure(error: unknown, locale: Locale = localeFor('en')): number {
  if (error instanceof MonevError) {
    for (const p of error.problems) process.stderr.write(`${formatProblem(p, locale)}\n`);
    const errors = error.problems.filter((p) => p.severity === 'error').length;
    if (errors > 1) process.stderr.write(`${locale.t('errorsCount', { n: errors })}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${locale.t('internalError', { message })}\n`);
  if (process.env.MONEV_DEBUG === '1' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write(`${locale.t('debugHint')}\n`);
  return 3;
}

/** stdout refused a write (a socket reset by its peer, a device's error): an output problem, as a file that cannot be written is. */
export function stdoutFailure(error: unknown): MonevError {
  const reason = (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
  return new MonevError([problem('output/unwritable', { reason }, { file: STDOUT })]);
}
