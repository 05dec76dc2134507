import { MonevError, problem, type Problem } from '../core/problem.js';
import { formatProblem } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { openOutput, type OutputSink } from '../io/output-sink.js';

/** Opens --out (atomically) or stdout; an OS error on the output path is an input error, not a crash. */
export function openCommandOutput(out: string | undefined): OutputSink {
  return guard(out, () => openOutput(out));
}

export async function commitOutput(sink: OutputSink, out: string | undefined): Promise<void> {
  await guardAsync(out, () => sink.commit());
}

/** Writes a whole command output, given at once or in parts (a large report is made as it is written). */
export async function emit(text: string | Iterable<string>, out: string | undefined): Promise<void> {
  const sink = openCommandOutput(out);
  await writeOrAbort(sink, text);
  await commitOutput(sink, out);
}

/**
 * Writes `text`, or its parts one after another. A write refused half-way (a full disk), or a part
 * that could not be made, drops the output, leaving no temporary file behind.
 */
export async function writeOrAbort(sink: OutputSink, text: string | Iterable<string>): Promise<void> {
  try {
    for (const part of typeof text === 'string' ? [text] : text) await sink.write(part);
  } catch (error) {
    sink.abort();
    throw error;
  }
}

function unwritable(error: unknown, out: string | undefined): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code || !out) throw error;
  throw new MonevError([problem('output/unwritable', { reason: code }, { file: out })]);
}

function guard<T>(out: string | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    return unwritable(error, out);
  }
}

async function guardAsync(out: string | undefined, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    unwritable(error, out);
  }
}

/** The failure to report: with --quiet, a round's errors without the warnings found beside them. */
export function quietFailure(error: unknown, quiet: boolean | undefined): unknown {
  if (!quiet || !(error instanceof MonevError)) return error;
  const errors = error.problems.filter((p) => p.severity !== 'warning');
  return errors.length ? new MonevError(errors) : error;
}

/** At most this many warnings of one kind are printed; the rest are counted. */
const WARNINGS_PER_CODE = 20;

export function warn(problems: Problem[], quiet: boolean | undefined, locale: Locale): void {
  if (quiet) return;
  const shown = new Map<string, number>();
  let text = '';
  for (const p of problems) {
    const n = (shown.get(p.code) ?? 0) + 1;
    shown.set(p.code, n);
    if (n <= WARNINGS_PER_CODE) text += `${formatProblem(p, locale)}\n`;
  }
  for (const [code, n] of shown) if (n > WARNINGS_PER_CODE) text += `${locale.t('moreWarnings', { n: n - WARNINGS_PER_CODE, code })}\n`;
  process.stderr.write(text);
}
