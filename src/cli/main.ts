import { Command, CommanderError, Option } from 'commander';
import { helpEn, helpExtrasId, helpId, usageErrorId } from '../i18n/help.js';
import { requestedLang } from '../i18n/lang-choice.js';
import { loadCommand } from './command-modules.js';
import { packageVersion } from './version.js';

/**
 * The help speaks the language the run will use. The choice is read here without failing: an
 * invalid --lang is reported by the command that reads it.
 */
function helpLanguage(argv: string[], env: NodeJS.ProcessEnv): typeof helpEn {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const option = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return requestedLang(option, env).code === 'id' ? helpId : helpEn;
}

const h = helpLanguage(process.argv, process.env);
const TITLES: Record<string, string> = {
  'Usage:': h.titleUsage,
  'Arguments:': h.titleArguments,
  'Options:': h.titleOptions,
  'Commands:': h.titleCommands,
  'Global Options:': h.titleGlobalOptions,
};

/**
 * Wiring only: each command's module is imported when that command runs, so `--version`,
 * `--help` and `validate` do not pay for what `score` needs.
 */
const program = new Command('monev')
  .description(h.program)
  .version(packageVersion(), '-V, --version', h.version)
  .helpOption('-h, --help', h.help)
  .helpCommand('help [command]', h.help)
  .configureHelp({
    styleTitle: (title: string) => TITLES[title] ?? title,
    ...(h === helpId ? { styleOptionDescription: helpExtrasId, styleArgumentDescription: helpExtrasId } : {}),
  })
  .configureOutput({ outputError: (message, write) => write(h === helpId ? usageErrorId(message) : message) })
  .option('--lang <lang>', h.lang)
  .showSuggestionAfterError()
  .exitOverride();

program
  .command('score')
  .description(h.score)
  .argument('<paths...>', h.paths)
  .option('-r, --rubric <file|id>', h.rubricOrNamed)
  .addOption(new Option('-f, --format <format>', h.scoreFormat))
  .option('-o, --out <file>', h.out)
  .addOption(new Option('--gaps <n>', h.gaps).default('5', '5'))
  .addOption(new Option('--sort <order>', h.sort).choices(['input', 'score', 'id']).default('input'))
  .option('--fail-under <score>', h.failUnder)
  .option('--fail-zone <zone>', h.failZone)
  .option('--strict', h.strict)
  .option('--units <file>', h.roundUnits)
  .option('--skip-other-columns', h.skipOtherColumns)
  .option('--unit-column <header>', h.unitColumn)
  .addOption(new Option('--stdin-format <format>', h.stdinFormat).choices(['csv', 'yaml']))
  .addOption(new Option('--threads <n>', h.threads).choices(['1', '2']))
  .option('--excel', h.scoreExcel)
  .option('--no-color', h.noColor)
  .option('-q, --quiet', h.quiet)
  .action(async (paths: string[], options) => (await loadCommand('score')).scoreCommand(paths, { ...options, lang: program.opts().lang }));

program
  .command('validate')
  .description(h.validate)
  .argument('<paths...>', h.validatePaths)
  .option('-r, --rubric <file|id>', h.validateRubric)
  .option('--units <file>', h.roundUnits)
  .option('--skip-other-columns', h.skipOtherColumns)
  .option('--unit-column <header>', h.unitColumn)
  .addOption(new Option('-f, --format <format>', h.outputFormat).choices(['text', 'json', 'github', 'junit']).default('text'))
  .option('--max-warnings <n>', h.maxWarnings)
  .action(async (paths: string[], options) => (await loadCommand('validate')).validateCommand(paths, { ...options, lang: program.opts().lang }));

program
  .command('template')
  .description(h.template)
  .requiredOption('-r, --rubric <file|id>', h.rubric)
  .option('-f, --format <format>', h.templateFormat, 'yaml')
  .option('--wide', h.wide)
  .option('--units <file>', h.units)
  .option('--excel', h.excel)
  .option('-o, --out <file>', h.out)
  .action(async (options) => (await loadCommand('template')).templateCommand({ ...options, lang: program.opts().lang }));

program
  .command('diff')
  .description(h.diff)
  .argument('<before>', h.before)
  .argument('<after>', h.after)
  .option('-r, --rubric <file|id>', h.diffRubric)
  .addOption(new Option('-f, --format <format>', h.diffFormat))
  .option('-o, --out <file>', h.out)
  .option('--allow-rubric-change', h.allowRubricChange)
  .option('--fail-on-regression', h.failOnRegression)
  .option('--units <file>', h.roundUnits)
  .option('--skip-other-columns', h.skipOtherColumns)
  .option('--unit-column <header>', h.unitColumn)
  .addOption(new Option('--tolerance <points>', h.tolerance).default('0', '0'))
  .option('--no-color', h.noColor)
  .option('-q, --quiet', h.quiet)
  .action(async (before: string, after: string, options) => (await loadCommand('diff')).diffCommand(before, after, { ...options, lang: program.opts().lang }));

program
  .command('report')
  .description(h.report)
  .argument('<paths...>', h.paths)
  .option('-r, --rubric <file|id>', h.rubricOrNamed)
  .option('-f, --format <format>', h.reportFormat, 'html')
  .option('-o, --out <file>', h.out)
  .option('--date <YYYY-MM-DD>', h.date)
  .option('--strict', h.strict)
  .option('--units <file>', h.roundUnits)
  .option('--skip-other-columns', h.skipOtherColumns)
  .option('--unit-column <header>', h.unitColumn)
  .option('--previous <round>', h.previous)
  .option('--allow-rubric-change', h.allowRubricChange)
  .option('-q, --quiet', h.quiet)
  .action(async (paths: string[], options) => (await loadCommand('report')).reportCommand(paths, { ...options, lang: program.opts().lang }));

program
  .command('test')
  .description(h.test)
  .argument('<paths...>', h.testPaths)
  .addOption(new Option('-f, --format <format>', h.outputFormat).choices(['text', 'github', 'junit']).default('text'))
  .action(async (paths: string[], options) => (await loadCommand('test')).testCommand(paths, { ...options, lang: program.opts().lang }));

program
  .command('schema')
  .description(h.schema)
  .argument('<kind>', h.schemaKind)
  .option('-o, --out <file>', h.out)
  .action(async (kind: string, options) => (await loadCommand('schema')).schemaCommand(kind, options));

const rubrics = program.command('rubrics').description(h.rubrics);
rubrics
  .command('list', { isDefault: true })
  .description(h.rubricsList)
  .action(async () => (await loadCommand('rubrics')).listRubricsCommand({ lang: program.opts().lang }));
rubrics
  .command('show')
  .description(h.rubricsShow)
  .argument('<rubric>', h.rubricsShowArg)
  .option('--no-color', h.noColor)
  .action(async (spec: string, options) => (await loadCommand('rubrics')).showRubricCommand(spec, { ...options, lang: program.opts().lang }));

let stdoutFailed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (stdoutFailed) return;
  stdoutFailed = true;
  // A reader that stops early (`monev score … | head`) closes the pipe: that is not an error.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  // Any other refusal (a socket reset by its peer, a device's error) ends the run as a file that
  // cannot be written does: a message and exit 2. Nothing more can reach stdout, hence the exit.
  void reportError(error, 'stdout').then((code) => process.exit(code));
});

/**
 * Says what went wrong, in the run's language, and returns the exit code. An error of stdout
 * itself (`on: 'stdout'`) is worded by the commands' bundle as monev's own output problem.
 */
async function reportError(error: unknown, on?: 'stdout'): Promise<number> {
  const failure = await loadCommand('failure').catch(() => undefined);
  if (!failure) {
    // The commands themselves could not be loaded (a damaged install): nothing to word it with.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`monev: internal error: ${message}\nmonev could not load its commands; reinstalling it should fix this.\n`);
    if (process.env.MONEV_DEBUG === '1' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 3;
  }
  const { reportFailure, stdoutFailure } = failure;
  const { localeFor } = await loadCommand('locale');
  let locale = localeFor('en');
  try {
    locale = (await loadCommand('lang')).resolveLocale(program.opts().lang);
  } catch {
    // An invalid --lang is itself the error being reported: say it in English.
  }
  return reportFailure(on === 'stdout' ? stdoutFailure(error) : error, locale);
}

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message; help and version exit 0.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    process.exitCode = await reportError(error);
  }
}

// Not awaited at the top level: the built entry is CommonJS. main() settles every failure itself.
void main();
