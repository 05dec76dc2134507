import { Command, CommanderError, Option } from 'commander';
import { packageVersion } from './version.js';

/**
 * Wiring only: each command's module is imported when that command runs, so `--version`,
 * `--help` and `validate` do not pay for what `score` needs.
 */
const program = new Command('monev')
  .description('Score public-service compliance (pra evaluasi) against YAML rubrics')
  .version(packageVersion(), '-V, --version')
  .option('--lang <lang>', 'language of messages and reports: en or id (default: MONEV_LANG, else LANG/LC_ALL, else en)')
  .showSuggestionAfterError()
  .exitOverride();

program
  .command('score')
  .description('score assessment files (CSV or YAML, files or folders; - for stdin)')
  .argument('<paths...>', 'assessment files or folders')
  .option('-r, --rubric <file|id>', 'rubric file or bundled rubric id (default: the rubric the assessments name)')
  .addOption(new Option('-f, --format <format>', 'output format: table, json, jsonl, markdown, csv (default: table on a terminal, json otherwise)'))
  .option('-o, --out <file>', 'write the output to a file (atomically) instead of stdout')
  .option('--gaps <n>', 'gaps listed per unit in table and markdown output', '5')
  .option('--fail-under <score>', 'exit 1 when any unit scores below this')
  .option('--fail-zone <zone>', 'exit 1 when any unit is in this zone or a lower one')
  .option('--strict', 'a criterion without an answer is an error, not a 0')
  .addOption(new Option('--stdin-format <format>', 'format of standard input').choices(['csv', 'yaml']))
  .option('--no-color', 'no colours (NO_COLOR is honoured too)')
  .option('-q, --quiet', 'no warnings on stderr')
  .action(async (paths: string[], options) => (await import('./score.js')).scoreCommand(paths, { ...options, lang: program.opts().lang }));

program
  .command('validate')
  .description('validate rubric files, or assessment files against --rubric, without scoring')
  .argument('<paths...>', 'rubric files or folders (or assessment files with --rubric)')
  .option('-r, --rubric <file|id>', 'validate the paths as assessments against this rubric')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github', 'junit']).default('text'))
  .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
  .action(async (paths: string[], options) => (await import('./validate.js')).validateCommand(paths, { ...options, lang: program.opts().lang }));

program
  .command('template')
  .description('write a blank assessment form for a rubric (YAML, long CSV or wide CSV)')
  .requiredOption('-r, --rubric <file|id>', 'rubric file or bundled rubric id')
  .option('-f, --format <format>', 'yaml or csv', 'yaml')
  .option('--wide', 'with --format csv: one header row of criterion ids, one row per unit')
  .option('--units <file>', 'CSV of units (unit or id, name, type, region) to prefill one form per unit')
  .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
  .action(async (options) => (await import('./template.js')).templateCommand({ ...options, lang: program.opts().lang }));

program
  .command('diff')
  .description('compare two rounds: score JSON files, or folders of assessments scored with --rubric')
  .argument('<before>', 'first round: a `score --format json` file or assessment files/folder')
  .argument('<after>', 'second round, the same way')
  .option('-r, --rubric <file|id>', 'rubric for rounds given as assessments')
  .addOption(new Option('-f, --format <format>', 'table, json or markdown (default: table on a terminal, json otherwise)'))
  .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
  .option('--allow-rubric-change', 'compare even when the rounds were scored with different rubrics')
  .option('--fail-on-regression', 'exit 1 when a unit falls a zone, loses more than --tolerance points, or opens a gap')
  .option('--tolerance <points>', 'points a unit may lose before it counts as a regression', '0')
  .option('--no-color', 'no colours')
  .option('-q, --quiet', 'no warnings on stderr')
  .action(async (before: string, after: string, options) => (await import('./diff.js')).diffCommand(before, after, { ...options, lang: program.opts().lang }));

program
  .command('report')
  .description('write the round as a report: one self-contained HTML file (charts, one section per unit) or Markdown')
  .argument('<paths...>', 'assessment files or folders')
  .option('-r, --rubric <file|id>', 'rubric file or bundled rubric id (default: the rubric the assessments name)')
  .option('-f, --format <format>', 'html or markdown', 'html')
  .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
  .option('--date <YYYY-MM-DD>', 'date of the round (default: the assessments\' dates)')
  .option('--strict', 'a criterion without an answer is an error, not a 0')
  .option('-q, --quiet', 'no warnings on stderr')
  .action(async (paths: string[], options) => (await import('./report.js')).reportCommand(paths, { ...options, lang: program.opts().lang }));

program
  .command('test')
  .description('run rubric tests (<rubric>.test.yaml): expected score, zone, cap and gaps per case')
  .argument('<paths...>', 'rubric files, .test.yaml files or folders')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'github', 'junit']).default('text'))
  .action(async (paths: string[], options) => (await import('./test-rubrics.js')).testCommand(paths, { ...options, lang: program.opts().lang }));

program
  .command('schema')
  .description('print the JSON Schema (draft 2020-12) of a rubric, an assessment or a score result')
  .argument('<kind>', 'rubric, assessment or result')
  .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
  .action(async (kind: string, options) => (await import('./schema.js')).schemaCommand(kind, options));

const rubrics = program.command('rubrics').description('list the bundled rubrics, or show one as a tree of weights and points');
rubrics
  .command('list', { isDefault: true })
  .description('list the bundled rubrics with their sources')
  .action(async () => (await import('./rubrics.js')).listRubricsCommand({ lang: program.opts().lang }));
rubrics
  .command('show')
  .description('show a rubric as a tree: weights, points out of the scale, zones and source')
  .argument('<rubric>', 'bundled rubric id or rubric file')
  .option('--no-color', 'no colours')
  .action(async (spec: string, options) => (await import('./rubrics.js')).showRubricCommand(spec, { ...options, lang: program.opts().lang }));

// A reader that stops early (`monev score … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message; help and version exit 0.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    const { reportFailure } = await import('./failure.js');
    const { localeFor } = await import('../i18n/locale.js');
    let locale = localeFor('en');
    try {
      locale = (await import('./lang.js')).resolveLocale(program.opts().lang);
    } catch {
      // An invalid --lang is itself the error being reported: say it in English.
    }
    process.exitCode = reportFailure(error, locale);
  }
}

await main();
