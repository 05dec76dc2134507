import { MonevError, problem } from '../core/problem.js';
import type { UnitOrder } from '../core/report.js';
import { suggest } from '../core/suggest.js';
import { zoneNamed, zonesWithWord } from '../core/zone-name.js';
import { formatProblem } from '../i18n/format.js';
import { assertOutputIsNotInput } from '../io/out-path.js';
import { SCORE_FORMATS, scoreFormat } from '../render/registry.js';
import { plainPainter, type Painter } from '../render/types.js';
import { parseNumberOption, requireCsvFormat, unknownFormat, usage, wantsColor } from './options.js';
import { commitOutput, openCommandOutput, warn, writeOrAbort } from './output.js';
import { resolveLocale } from './lang.js';
import { scoreRoundShown } from './round.js';

interface ScoreOptions {
  rubric?: string;
  format?: string;
  out?: string;
  gaps: string;
  failUnder?: string;
  failZone?: string;
  strict?: boolean;
  stdinFormat?: 'csv' | 'yaml';
  threads?: '1' | '2';
  color?: boolean;
  quiet?: boolean;
  lang?: string;
  excel?: boolean;
  sort?: UnitOrder;
  units?: string;
  skipOtherColumns?: boolean;
  unitColumn?: string;
}

export async function scoreCommand(paths: string[], options: ScoreOptions): Promise<void> {
  const locale = resolveLocale(options.lang);
  const format = options.format ?? (process.stdout.isTTY && !options.out ? 'table' : 'json');
  const loadFormat = scoreFormat(format);
  if (!loadFormat) throw unknownFormat(format, SCORE_FORMATS);
  const gaps = parseNumberOption('--gaps', options.gaps, 'a whole number >= 0', (n) => Number.isInteger(n) && n >= 0)!;
  const failUnder = parseNumberOption('--fail-under', options.failUnder, 'a score', () => true);
  if (options.out) assertOutputIsNotInput(options.out, [...paths, ...(options.units ? [options.units] : [])]);
  const paint: Painter = format === 'table' && !options.out && wantsColor(options.color, process.stdout) ? (await import('./paint.js')).chalkPainter() : plainPainter;

  requireCsvFormat('--excel', options.excel, format, ['csv', 'csv-gaps']);
  // The streamed formats write each unit as it is scored; a spreadsheet or jq sorts them after.
  if (options.sort && options.sort !== 'input' && !['table', 'markdown'].includes(format)) throw usage('usage/invalid-option', { option: '--sort', value: format, expected: '--format table or markdown' });
  const width = format === 'table' && !options.out && process.stdout.isTTY ? process.stdout.columns : undefined;
  const renderer = await loadFormat({ gaps, paint, locale, excel: options.excel, width, sort: options.sort });
  const sink = openCommandOutput(options.out);
  const below: string[] = [];
  const inZone: string[] = [];
  let zoneMins = new Map<string, number>();
  let failZone: { label: string; min: number } | undefined;
  let written = 0;
  let outcome;
  try {
    outcome = await scoreRoundShown(
      { paths, rubric: options.rubric, strict: options.strict, stdinFormat: options.stdinFormat, threads: options.threads && Number(options.threads), units: options.units, skipOtherColumns: options.skipOtherColumns, unitColumn: options.unitColumn, ranking: !['jsonl', 'csv', 'csv-gaps'].includes(format) },
      {
        begin: async (head, loaded) => {
          // The rubric is an input too, and may be known only now (named by the assessments).
          if (options.out) assertOutputIsNotInput(options.out, [loaded.file]);
          zoneMins = new Map(loaded.compiled.zones.map((z) => [z.id, z.min]));
          if (options.failZone !== undefined) failZone = failZoneNamed(options.failZone, loaded.compiled.zones);
          await sink.write(renderer.begin(head, loaded.compiled));
        },
        unit: (unit) => {
          if (failUnder !== undefined && unit.score < failUnder) below.push(unit.unit.id);
          if (failZone && zoneMins.get(unit.zone.id)! <= failZone.min) inZone.push(unit.unit.id);
          renderer.unit(unit, sink, written++);
          return sink.ready();
        },
      },
      { quiet: options.quiet, locale },
    );
  } catch (error) {
    sink.abort();
    throw error;
  }
  warn(outcome.warnings, options.quiet, locale);
  await writeOrAbort(sink, renderer.end(outcome.summary, outcome.head, written));
  await commitOutput(sink, options.out);

  if (below.length) process.stderr.write(`${formatProblem(problem('threshold/fail-under', { threshold: failUnder, units: below }), locale)}\n`);
  if (inZone.length) process.stderr.write(`${formatProblem(problem('threshold/fail-zone', { zone: failZone!.label, units: inZone }), locale)}\n`);
  process.exitCode = below.length || inZone.length ? 1 : 0;
}

/** The zone --fail-zone names (see zoneNamed), or a usage error listing the zones. */
function failZoneNamed<Z extends { id: string; label: string; min: number }>(zone: string, zones: readonly Z[]): Z {
  const found = zoneNamed(zone, zones);
  if (found) return found;
  const ids = zones.map((z) => z.id);
  // A word of several labels ("zona") is said to be so, rather than to name no zone.
  const shared = zonesWithWord(zone, zones).length > 1;
  throw new MonevError([problem('usage/unknown-zone', { option: '--fail-zone', zone, zones: ids, labels: zones.map((z) => z.label), suggestion: shared ? undefined : suggest(zone, ids), shared })]);
}
