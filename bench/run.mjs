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

/** Runs a command once; returns its wall time, peak RSS and CPU time (all threads). */
function runOnce(argv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...cleanEnv, NODE_OPTIONS: `--require ${hook}`, MONEV_BENCH_RSS: rssFile },
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  const [rssKB, cpuUs] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { ms, rssMB: rssKB / 1024, cpuMs: cpuUs / 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs each command `runs` times, taking turns (a run of one, then a run of the other), so that a
 * machine slowing down or speeding up in the middle weighs on both alike. Returns for each the
 * median and the best wall time, the median CPU time and the largest peak RSS. On a shared VM the
 * same CPU-bound loop can take twice as long from one minute to the next: the best of several runs
 * is the figure least touched by other tenants, the median the one a user should expect.
 */
function measure(commands, runs) {
  const times = commands.map(() => []);
  const cpu = commands.map(() => []);
  const rss = commands.map(() => 0);
  for (let i = 0; i < runs; i++) {
    commands.forEach((argv, c) => {
      const r = runOnce(argv);
      times[c].push(r.ms);
      cpu[c].push(r.cpuMs);
      rss[c] = Math.max(rss[c], r.rssMB);
    });
  }
  return commands.map((_, c) => ({ ms: median(times[c]), bestMs: Math.min(...times[c]), cpuMs: median(cpu[c]), rssMB: rss[c] }));
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
/**
 * One case, taking turns with its floor. With `oneThread`, the same command with `--threads 1` takes
 * turns too and gets a row of its own: what the case costs without the parse thread.
 */
const add = (name, input, rows, argv, floorArgv, { oneThread = false } = {}) => {
  process.stderr.write(`${name} …\n`);
  const variants = oneThread ? [argv, [...argv, '--threads', '1']] : [argv];
  const measured = measure(floorArgv ? [...variants, floorArgv] : variants, sizes.runs);
  const floor = floorArgv ? measured.at(-1) : undefined;
  const bytes = input ? sizeOf(input) : 0;
  variants.forEach((_, v) => {
    const run = measured[v];
    cases.push({ name: v ? `${name}, --threads 1` : name, rows, bytes, ms: run.ms, cpuMs: run.cpuMs, rssMB: run.rssMB, floorMs: floor?.ms ?? null, floorCpuMs: floor?.cpuMs ?? null, ratio: floor ? run.ms / floor.ms : null, bestRatio: floor ? run.bestMs / floor.bestMs : null });
  });
};

const long = join(dataDir, 'long');
if (only.has('A')) add(`A  ${sizes.files} long-CSV files, json`, long, sizes.files * 60, monev('score', long, '--rubric', rubric, '--format', 'json', '-q', '--out', '/dev/null'), floorOf(long), { oneThread: true });
for (const units of only.has('B') ? sizes.wideUnits : []) {
  const wide = join(dataDir, `wide-${units}.csv`);
  add(`B  wide CSV ${units} units, jsonl`, wide, units, monev('score', wide, '--rubric', rubric, '--format', 'jsonl', '-q', '--out', '/dev/null'), floorOf(wide));
  add(`B  wide CSV ${units} units, csv`, wide, units, monev('score', wide, '--rubric', rubric, '--format', 'csv', '-q', '--out', '/dev/null'), floorOf(wide), { oneThread: true });
}
const yaml = join(dataDir, 'yaml');
// C's floor is yaml's parse of the same files (bench/floor-yaml.mjs): csv-parse has nothing to read there.
if (only.has('C')) add(`C  ${sizes.yamlFiles} YAML files, json`, yaml, sizes.yamlFiles, monev('score', yaml, '--rubric', rubric, '--format', 'json', '-q', '--out', '/dev/null'), [join(root, 'bench', 'floor-yaml.mjs'), yaml]);
// Start-up is short and noisy: many runs, the median.
const startRuns = tiny ? 1 : 21;
if (only.has('D')) {
  const starts = [
    ['D  monev --version', monev('--version')],
    ['D  monev --help', monev('--help')],
    ['D  monev validate <bundled rubric>', monev('validate', join(root, 'rubrics', 'ombudsman-ppp-2023.yaml'))],
  ];
  const [node0, ...measured] = measure([['-e', '0'], ...starts.map(([, argv]) => argv)], startRuns);
  cases.push({ name: 'D  node -e 0', rows: 0, bytes: 0, ms: node0.ms, cpuMs: node0.cpuMs, rssMB: node0.rssMB, floorMs: node0.ms, floorCpuMs: node0.cpuMs, ratio: 1, bestRatio: 1 });
  starts.forEach(([name], i) => cases.push({ name, rows: 0, bytes: 0, ms: measured[i].ms, cpuMs: measured[i].cpuMs, rssMB: measured[i].rssMB, floorMs: node0.ms, floorCpuMs: node0.cpuMs, ratio: measured[i].ms / node0.ms, bestRatio: measured[i].bestMs / node0.bestMs }));
}

const machine = { host: hostname(), cpus: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
const fmt = (n, d = 0) => (n === null ? '-' : n.toFixed(d));
const lines = [
  `monev benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine.cpus}, ${machine.memoryGB} GiB, Node ${machine.node}, median of ${sizes.runs} run(s) taking turns with the floor, start-up of ${startRuns}${tiny ? ' (tiny smoke sizes)' : ''}`,
  '',
  '| case | median ms | rows/s | MB/s | peak RSS MB | floor ms | ratio | best-of ratio | CPU ms (floor) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...cases.map((c) => `| ${c.name} | ${fmt(c.ms)} | ${c.rows ? fmt(c.rows / (c.ms / 1000)) : '-'} | ${c.bytes ? fmt(c.bytes / 2 ** 20 / (c.ms / 1000), 1) : '-'} | ${fmt(c.rssMB)} | ${fmt(c.floorMs)} | ${c.ratio === null ? '-' : `${c.ratio.toFixed(2)}x`} | ${c.bestRatio === null ? '-' : `${c.bestRatio.toFixed(2)}x`} | ${fmt(c.cpuMs)}${c.floorCpuMs === null ? '' : ` (${fmt(c.floorCpuMs)})`} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
mkdirSync(resultsDir, { recursive: true });
const result = { date: new Date().toISOString(), machine, sizes, cases };
writeFileSync(join(resultsDir, tiny ? 'tiny.json' : only.size === 4 && !args.includes('--wide') ? 'latest.json' : 'partial.json'), `${JSON.stringify(result, null, 2)}\n`);
