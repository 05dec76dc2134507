#!/usr/bin/env node
// monev benchmark: generates seeded inputs, times each case several times, and compares it with
// the floor measured in the same run (csv-parse alone on the same bytes). See README "Performance".
//   npm run bench                      full sizes
//   node bench/run.mjs --tiny          a smoke run (the test suite runs this)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const tiny = flag('--tiny');
// --cases A,D runs only those cases, --wide 100000 only that size of case B (a quicker look; the
// README figures come from a full run).
const only = new Set((option('--cases', 'A,B,C,D') ?? '').split(',').map((c) => c.trim().toUpperCase()));
const sizes = tiny
  ? { files: 20, wideUnits: [200, 600], yamlFiles: 10, runs: 1 }
  : { files: 10_000, wideUnits: option('--wide', '100000,300000').split(',').map(Number), yamlFiles: 1_000, runs: Number(option('--runs', 5)) };
const resultsDir = option('--results', join(root, 'bench', 'results'));
const dataDir = option('--data', join(tmpdir(), `monev-bench-${tiny ? 'tiny' : 'full'}`));

const bin = join(root, 'bin', 'monev.js');
const hook = join(root, 'bench', 'rss-hook.cjs');
const rssFile = join(mkdtempSync(join(tmpdir(), 'monev-rss-')), 'rss');

function sizeOf(path) {
  const st = statSync(path);
  return st.isDirectory() ? readdirSync(path).reduce((s, f) => s + sizeOf(join(path, f)), 0) : st.size;
}

/**
 * Every measured process (monev, the floors, `node -e 0`) runs without NODE_EXTRA_CA_CERTS: where
 * it is set (it is on this project's VM), Node reads the CA bundle at every start, which added
 * about 45 ms to each process and made start-up ratios look better than they are.
 */
const { NODE_EXTRA_CA_CERTS: _caBundle, ...cleanEnv } = process.env;

/** Runs a command once; returns its wall time and peak RSS. */
function runOnce(argv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...cleanEnv, NODE_OPTIONS: `--require ${hook}`, MONEV_BENCH_RSS: rssFile },
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  return { ms, rssMB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs each command `runs` times, taking turns (a run of one, then a run of the other), so that a
 * machine slowing down or speeding up in the middle weighs on both alike. Returns for each the
 * median and the best wall time, and the largest peak RSS. On a shared VM the same CPU-bound loop
 * can take twice as long from one minute to the next: the best of several runs is the figure least
 * touched by other tenants, the median the one a user should expect.
 */
function measure(commands, runs) {
  const times = commands.map(() => []);
  const rss = commands.map(() => 0);
  for (let i = 0; i < runs; i++) {
    commands.forEach((argv, c) => {
      const r = runOnce(argv);
      times[c].push(r.ms);
      rss[c] = Math.max(rss[c], r.rssMB);
    });
  }
  return commands.map((_, c) => ({ ms: median(times[c]), bestMs: Math.min(...times[c]), rssMB: rss[c] }));
}

const missing = [join(dataDir, 'rubric.yaml'), ...sizes.wideUnits.map((units) => join(dataDir, `wide-${units}.csv`))].some((f) => !existsSync(f));
if (missing || flag('--regenerate')) {
  rmSync(dataDir, { recursive: true, force: true });
  process.stderr.write(`generating inputs in ${dataDir} …\n`);
  await generate(dataDir, sizes);
}
const rubric = join(dataDir, 'rubric.yaml');
const monev = (...a) => [bin, ...a];
const floorOf = (input) => [join(root, 'bench', 'floor-csv.mjs'), input];
const cases = [];
const add = (name, input, rows, argv, floorArgv, runs = sizes.runs) => {
  process.stderr.write(`${name} …\n`);
  const [run, floor] = measure(floorArgv ? [argv, floorArgv] : [argv], runs);
  const bytes = input ? sizeOf(input) : 0;
  cases.push({ name, rows, bytes, ms: run.ms, rssMB: run.rssMB, floorMs: floor?.ms ?? null, ratio: floor ? run.ms / floor.ms : null, bestRatio: floor ? run.bestMs / floor.bestMs : null });
};

const long = join(dataDir, 'long');
if (only.has('A')) add(`A  ${sizes.files} long-CSV files, json`, long, sizes.files * 60, monev('score', long, '--rubric', rubric, '--format', 'json', '-q', '--out', '/dev/null'), floorOf(long));
for (const units of only.has('B') ? sizes.wideUnits : []) {
  const wide = join(dataDir, `wide-${units}.csv`);
  add(`B  wide CSV ${units} units, jsonl`, wide, units, monev('score', wide, '--rubric', rubric, '--format', 'jsonl', '-q', '--out', '/dev/null'), floorOf(wide));
  add(`B  wide CSV ${units} units, csv`, wide, units, monev('score', wide, '--rubric', rubric, '--format', 'csv', '-q', '--out', '/dev/null'), floorOf(wide));
}
const yaml = join(dataDir, 'yaml');
if (only.has('C')) add(`C  ${sizes.yamlFiles} YAML files, json`, yaml, sizes.yamlFiles, monev('score', yaml, '--rubric', rubric, '--format', 'json', '-q', '--out', '/dev/null'), undefined);
// Start-up is short and noisy: many runs, the median.
const startRuns = tiny ? 1 : 21;
if (only.has('D')) {
  const starts = [
    ['D  monev --version', monev('--version')],
    ['D  monev --help', monev('--help')],
    ['D  monev validate <bundled rubric>', monev('validate', join(root, 'rubrics', 'ombudsman-ppp-2023.yaml'))],
  ];
  const [node0, ...measured] = measure([['-e', '0'], ...starts.map(([, argv]) => argv)], startRuns);
  cases.push({ name: 'D  node -e 0', rows: 0, bytes: 0, ms: node0.ms, rssMB: node0.rssMB, floorMs: node0.ms, ratio: 1, bestRatio: 1 });
  starts.forEach(([name], i) => cases.push({ name, rows: 0, bytes: 0, ms: measured[i].ms, rssMB: measured[i].rssMB, floorMs: node0.ms, ratio: measured[i].ms / node0.ms, bestRatio: measured[i].bestMs / node0.bestMs }));
}

const machine = { host: hostname(), cpus: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
const fmt = (n, d = 0) => (n === null ? '-' : n.toFixed(d));
const lines = [
  `monev benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine.cpus}, ${machine.memoryGB} GiB, Node ${machine.node}, median of ${sizes.runs} run(s) taking turns with the floor, start-up of ${startRuns}${tiny ? ' (tiny smoke sizes)' : ''}`,
  '',
  '| case | median ms | rows/s | MB/s | peak RSS MB | floor ms | ratio | best-of ratio |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...cases.map((c) => `| ${c.name} | ${fmt(c.ms)} | ${c.rows ? fmt(c.rows / (c.ms / 1000)) : '-'} | ${c.bytes ? fmt(c.bytes / 2 ** 20 / (c.ms / 1000), 1) : '-'} | ${fmt(c.rssMB)} | ${fmt(c.floorMs)} | ${c.ratio === null ? '-' : `${c.ratio.toFixed(2)}x`} | ${c.bestRatio === null ? '-' : `${c.bestRatio.toFixed(2)}x`} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
mkdirSync(resultsDir, { recursive: true });
const result = { date: new Date().toISOString(), machine, sizes, cases };
writeFileSync(join(resultsDir, tiny ? 'tiny.json' : only.size === 4 && !args.includes('--wide') ? 'latest.json' : 'partial.json'), `${JSON.stringify(result, null, 2)}\n`);
