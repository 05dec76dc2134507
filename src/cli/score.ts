import { MonevError, problem } from '../core/problem.js';
import { suggest } from '../core/suggest.js';
import { formatProblem } from '../i18n/format.js';
import { assertOutputIsNotInput } from '../io/out-path.js';
import { loadRenderer, SCORE_FORMATS } from '../render/registry.js';
import { plainPainter } from '../render/types.js';
import { chalkPainter } from './paint.js';
import { parseNumberOption, usage, wantsColor } from './options.js';
import { emit, warn } from './output.js';
import { scoreRound } from './round.js';

interface ScoreOptions {
  rubric?: string;
  format?: string;
  out?: string;
  gaps: string;
  failUnder?: string;
  failZone?: string;
  strict?: boolean;
  stdinFormat?: 'csv' | 'yaml';
  color?: boolean;
  quiet?: boolean;
}

export async function scoreCommand(paths: string[], options: ScoreOptions): Promise<void> {
  const format = options.format ?? (process.stdout.isTTY && !options.out ? 'table' : 'json');
  const renderer = loadRenderer(format);
  if (!renderer) throw usage('usage/unknown-format', { format, allowed: SCORE_FORMATS });
  const gaps = parseNumberOption('--gaps', options.gaps, 'a whole number >= 0', (n) => Number.isInteger(n) && n >= 0)!;
  const failUnder = parseNumberOption('--fail-under', options.failUnder, 'a score', () => true);
  if (options.out) assertOutputIsNotInput(options.out, paths);

  const { report, loaded, warnings } = scoreRound({ paths, rubric: options.rubric, strict: options.strict, stdinFormat: options.stdinFormat });

  const zones = loaded.compiled.zones;
  const failZone = options.failZone === undefined ? undefined : zones.find((z) => z.id === options.failZone);
  if (options.failZone !== undefined && !failZone) {
    const ids = zones.map((z) => z.id);
    throw new MonevError([problem('usage/unknown-zone', { option: '--fail-zone', zone: options.failZone, zones: ids, suggestion: suggest(options.failZone, ids) })]);
  }
  warn(warnings, options.quiet);

  const paint = format === 'table' && !options.out && wantsColor(options.color, process.stdout) ? chalkPainter() : plainPainter;
  emit((await renderer)(report, { gaps, paint }), options.out);

  const below = failUnder === undefined ? [] : report.units.filter((u) => u.score < failUnder).map((u) => u.unit.id);
  const inZone = failZone === undefined ? [] : report.units.filter((u) => zones.find((z) => z.id === u.zone.id)!.min <= failZone.min).map((u) => u.unit.id);
  if (below.length) process.stderr.write(`${formatProblem(problem('threshold/fail-under', { threshold: failUnder, units: below }))}\n`);
  if (inZone.length) process.stderr.write(`${formatProblem(problem('threshold/fail-zone', { zone: failZone!.id, units: inZone }))}\n`);
  process.exitCode = below.length || inZone.length ? 1 : 0;
}
