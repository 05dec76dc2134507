// Bundles the CLI with esbuild into two files: the entry (argument parsing, help) and the
// commands, which start from a V8 code cache the build writes last. Two files instead of hundreds
// of modules (zod alone is about a hundred). Type checking is tsc's job (`tsc --noEmit` runs first).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import zlib from 'node:zlib';
import { readFile } from 'node:fs/promises';

/**
 * commander requires node:child_process at load, for subcommands run as separate executables,
 * which monev does not use; loading it costs about 7 ms on every start. The require is made lazy:
 * child_process then loads only if commander ever reaches for it.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`lazy-child-process: ${args.path} no longer has: ${eager}`);
      const lazy = "let childProcessModule; const childProcess = new Proxy({}, { get: (_, key) => (childProcessModule ??= require('node:child_process'))[key] });";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * yaml's parser and composer look up a debugging switch in process.env for every token and every
 * document part (`LOG_TOKENS`, `LOG_STREAM`): a call into Node's environment each time, about
 * 120 ns, which profiled at 14% of parsing 1,000 assessment files. The switches are read as off.
 */
const yamlLogSwitches = {
  name: 'yaml-log-switches',
  setup(build) {
    build.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const lookup = /node_process\.env\.LOG_(TOKENS|STREAM)\b/g;
      const count = source.match(lookup)?.length ?? 0;
      if (count !== 1) throw new Error(`yaml-log-switches: ${args.path} has ${count} log switches where 1 was expected`);
      return { contents: source.replace(lookup, 'false'), loader: 'js' };
    });
  },
};

/** The built CLI imports the command bundle's loader where the sources import the modules themselves. */
const commandBundle = {
  name: 'command-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\/command-modules\.js$/ }, (args) => (args.importer.endsWith('main.ts') ? { path: resolve('src/cli/command-bundle.ts') } : undefined));
  },
};

/**
 * Both files are CommonJS: an ES module entry costs Node its module loader on every start, and the
 * commands start from a V8 code cache, which Node 20 offers for scripts only. The sources use
 * import.meta.url, which CommonJS has not: it is made from __filename. "use strict" comes first:
 * the sources are ES modules (strict), and a directive after a statement is none.
 */
const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'linked',
  logLevel: 'warning',
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { 'import.meta.url': '__monevModuleUrl' },
  banner: { js: "'use strict';\nconst __monevModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

rmSync('dist', { recursive: true, force: true });
// The entry: argument parsing and help only (`--help` loads nothing else).
await build({ ...shared, entryPoints: { main: 'src/cli/main.ts' }, plugins: [lazyChildProcess, commandBundle] });
// The parse thread (src/io/parse-ahead.ts): reading and csv-parse only, started by large CSV rounds.
await build({ ...shared, entryPoints: { 'parse-worker': 'src/io/parse-worker.ts' } });
// The commands: one file, so that it can start from a V8 code cache (src/cli/command-bundle.ts).
const commandsBuild = await build({
  ...shared,
  write: false,
  entryPoints: { commands: 'src/cli/command-modules.ts' },
  plugins: [yamlLogSwitches],
  // Without comments and indentation the bundle is 30% smaller (600 KB): less to read, check and
  // copy on every start. Names are kept, so stacks (MONEV_DEBUG=1) still name the functions.
  minifyWhitespace: true,
});

/**
 * esbuild writes code as ASCII (non-ASCII characters escaped), but keeps comments as they are;
 * the few non-ASCII characters of comments are escaped too, so that the loader can read the file
 * as one-byte text (measured: 3 ms instead of 7 for UTF-8 decoding). A line or paragraph separator
 * would end a comment, so it is refused rather than escaped.
 */
function asciiOnly(code) {
  if (/[\u2028\u2029]/.test(code)) throw new Error('dist/commands.cjs: a raw U+2028/U+2029 in the bundle');
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/**
 * The bundle is written as the function Node would wrap a CommonJS module in, so that the loader
 * compiles the file's text as it is: wrapping it at run time made a string of two parts, which V8
 * flattens (a copy of the whole bundle) before compiling: measured 11 ms to compile instead of 6.5.
 */
const wrap = (code) => `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
for (const file of commandsBuild.outputFiles) writeFileSync(file.path, file.path.endsWith('.cjs') ? wrap(asciiOnly(file.text)) : file.contents);

/**
 * The code cache: a few ordinary runs, each starting from the cache the previous one wrote, so
 * that it holds what they compiled (the rubric, assessment and output paths). Output discarded.
 */
const training = [
  ['validate', 'rubrics'],
  ['score', 'examples/pra-evaluasi', '--format', 'json'],
  ['score', 'examples/pra-evaluasi', '--format', 'csv'],
  ['score', 'examples/pra-evaluasi', '--format', 'markdown', '--gaps', '3'],
  ['score', 'examples/pra-evaluasi', '--no-color'],
];
for (const args of training) {
  const run = spawnSync(process.execPath, ['bin/monev.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, MONEV_WRITE_CODE_CACHE: '1', MONEV_DEBUG: undefined } });
  if (run.status !== 0 && run.status !== 1) throw new Error(`code cache: monev ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
}
// A Node without zlib.crc32 (before 20.15) cannot check a cache, so it writes none either.
if (!existsSync('dist/commands.cjs.cache') && zlib.crc32) throw new Error('code cache: dist/commands.cjs.cache was not written');
