import { Command, CommanderError, Option } from 'commander';
import { packageVersion } from './version.js';

/**
 * Wiring only: each command's module is imported when that command runs, so `--version`,
 * `--help` and `validate` do not pay for what `score` needs.
 */
const program = new Command('monev')
  .description('Score public-service compliance (pra evaluasi) against YAML rubrics')
  .version(packageVersion(), '-V, --version')
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
  .action(async (paths: string[], options) => (await import('./score.js')).scoreCommand(paths, options));

program
  .command('validate')
  .description('validate rubric files, or assessment files against --rubric, without scoring')
  .argument('<paths...>', 'rubric files or folders (or assessment files with --rubric)')
  .option('-r, --rubric <file|id>', 'validate the paths as assessments against this rubric')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
  .action(async (paths: string[], options) => (await import('./validate.js')).validateCommand(paths, options));

const rubrics = program.command('rubrics').description('list the bundled rubrics, or show one as a tree of weights and points');
rubrics
  .command('list', { isDefault: true })
  .description('list the bundled rubrics with their sources')
  .action(async () => (await import('./rubrics.js')).listRubricsCommand());
rubrics
  .command('show')
  .description('show a rubric as a tree: weights, points out of the scale, zones and source')
  .argument('<rubric>', 'bundled rubric id or rubric file')
  .option('--no-color', 'no colours')
  .action(async (spec: string, options) => (await import('./rubrics.js')).showRubricCommand(spec, options));

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
    process.exitCode = reportFailure(error);
  }
}

await main();
