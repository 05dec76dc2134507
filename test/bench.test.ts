import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvParseOptions } from '../src/io/csv-sheets.js';
import { yamlParseOptions } from '../src/io/yaml-source.js';

/** The benchmark is not a test (nothing is timed here); this smoke run on tiny inputs keeps it from rotting. */
describe('npm run bench (tiny smoke run)', () => {
  it('generates inputs, runs every case against its floor and writes the table and JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-bench-'));
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--tiny', '--data', join(dir, 'data'), '--results', join(dir, 'results')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\| case \| median ms \| rows\/s \| MB\/s \| peak RSS MB \| floor ms \| ratio \| best-of ratio \| CPU ms \(floor\) \|$/m);
    for (const name of ['A  20 long-CSV files, json', 'A  20 long-CSV files, json, --threads 1', 'B  wide CSV 200 units, jsonl', 'B  wide CSV 600 units, csv', 'B  wide CSV 600 units, csv, --threads 1', 'C  10 YAML files, json', 'D  monev --version', 'D  monev validate <bundled rubric>']) {
      expect(run.stdout).toContain(`| ${name} |`);
    }
    const result = JSON.parse(readFileSync(join(dir, 'results', 'tiny.json'), 'utf8'));
    expect(result.cases).toHaveLength(13);
    for (const c of result.cases) {
      expect(c.ms).toBeGreaterThan(0);
      // CPU time of all the process's threads, next to the wall time: the parse thread's share shows.
      expect(c.cpuMs).toBeGreaterThan(0);
      expect(c.rssMB).toBeGreaterThan(10);
      // Cases with a floor carry both ratios; the best-of one compares best runs with each other.
      if (c.ratio !== null) expect(c.bestRatio).toBeGreaterThan(0);
    }
    // Every case has a floor: csv-parse for A and B, yaml for C, `node -e 0` for D.
    expect(result.cases.filter((c: { ratio: number | null }) => c.ratio === null)).toEqual([]);
  }, 120_000);

  it('has the floors parse with the options monev parses with', () => {
    const source = readFileSync('bench/floor-csv.mjs', 'utf8');
    const literal = /^const options = (\{.*\});$/m.exec(source)?.[1];
    expect(literal).toBeDefined();
    expect(new Function(`return ${literal}`)()).toEqual(csvParseOptions(','));
    const yamlLiteral = /^const options = (\{.*\});$/m.exec(readFileSync('bench/floor-yaml.mjs', 'utf8'))?.[1];
    expect(yamlLiteral).toBeDefined();
    expect(new Function(`return ${yamlLiteral}`)()).toEqual(yamlParseOptions);
  });
});
