import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnitCollector } from '../../src/core/collect.js';
import { MonevError } from '../../src/core/problem.js';
import { scoreUnit } from '../../src/core/score.js';
import { readSheets } from '../../src/io/assessment-files.js';
import { loadRubric } from '../../src/io/rubric-file.js';
import { BIN } from '../e2e/run-cli.js';

/**
 * Hostile input: whatever a spreadsheet (or anything else) throws at the readers, a run ends with
 * a score or a MonevError (exit 2), never another exception, a hang, or unbounded memory.
 */
const rubric = loadRubric('examples/rubric-pra-evaluasi.yaml').compiled;
const ids = rubric.criterionList.map((c) => c.id);
// Generous for slow CI machines; the inputs here take milliseconds, a hang would take forever.
const SECONDS_PER_INPUT = 5;

function ingest(text: string, format: 'csv' | 'yaml'): 'scored' | 'rejected' {
  const started = Date.now();
  try {
    const collector = new UnitCollector(rubric);
    let rejected = false;
    for (const sheet of readSheets(`fuzz.${format}`, text, format)) {
      const unit = collector.take(sheet);
      if (collector.drain().length) rejected = true;
      else if (!scoreUnit(rubric, unit).ok) rejected = true;
    }
    return rejected ? 'rejected' : 'scored';
  } catch (error) {
    if (error instanceof MonevError) return 'rejected';
    throw error;
  } finally {
    expect(Date.now() - started).toBeLessThan(SECONDS_PER_INPUT * 1000);
  }
}

const cell = fc.oneof(
  fc.constantFrom('ya', 'tidak', 'na', '-', '', '85,5', '3', 'lengkap', 'sebagian', 'baik', '"', '""', ';', '\r', '\n', '\t', '\uFEFF', ','),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const csvText = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom('unit', 'criterion', 'value', 'name', 'note', '_x', ...ids), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 }),
    fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 }),
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([header, rows, d, eol, bom]) => `${bom ? '\uFEFF' : ''}${[header, ...rows].map((r) => r.join(d)).join(eol)}${eol}`);

const yamlValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('ya', 'tidak', 'na', 3, 85.5, null, true, 'lengkap', ''),
    fc.string({ maxLength: 10 }),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('value', 'note', 'evidence', 'x', ...ids.slice(0, 4)), tie('v'), { maxKeys: 3 }),
  ),
})).v;
const yamlText = fc
  .record({
    unit: fc.option(fc.record({ id: fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), name: fc.string({ maxLength: 6 }) }), { nil: undefined }),
    answers: fc.dictionary(fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 6 })), yamlValue, { maxKeys: 8 }),
    extra: fc.option(yamlValue, { nil: undefined }),
  })
  .map((doc) => JSON.stringify(doc)) // JSON is YAML: structure mutations come from the mutator below
  .chain((text) => mutated(text));

/** Random edits of a valid text: deletions, insertions of syntax characters, duplications. */
function mutated(text: string): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.nat(), fc.constantFrom('del', 'ins', 'dup'), fc.constantFrom('[', ']', '{', '}', ':', '-', '"', "'", '&a', '*a', '\n', '  ', '#', '---\n', '\t', '!!', '|', '>')), { maxLength: 6 })
    .map((edits) =>
      edits.reduce((t, [at, op, s]) => {
        const i = t.length ? at % t.length : 0;
        if (op === 'del') return t.slice(0, i) + t.slice(i + 1);
        if (op === 'ins') return t.slice(0, i) + s + t.slice(i);
        return t.slice(0, i) + t.slice(i, i + 20) + t.slice(i);
      }, text),
    );
}

const examples = {
  csv: ['examples/pra-evaluasi/disdukcapil.csv', 'examples/pra-evaluasi/opd-lainnya.csv'].map((f) => readFileSync(f, 'utf8')),
  yaml: ['examples/pra-evaluasi/dinas-sosial.yaml', 'examples/pra-evaluasi/puskesmas-gambir-baru.yaml'].map((f) => readFileSync(f, 'utf8')),
};

describe('fuzzing the readers', () => {
  it('generated CSV (ragged rows, quotes, BOM, any delimiter or line end) is scored or rejected', () => {
    fc.assert(fc.property(csvText, (text) => void ingest(text, 'csv')), { numRuns: 400 });
  });

  it('mutated real CSV exports are scored or rejected', () => {
    fc.assert(fc.property(fc.constantFrom(...examples.csv).chain(mutated), (text) => void ingest(text, 'csv')), { numRuns: 300 });
  });

  it('generated and mutated YAML is scored or rejected', () => {
    fc.assert(fc.property(yamlText, (text) => void ingest(text, 'yaml')), { numRuns: 400 });
    fc.assert(fc.property(fc.constantFrom(...examples.yaml).chain(mutated), (text) => void ingest(text, 'yaml')), { numRuns: 300 });
  });

  it('random bytes are scored or rejected, as CSV and as YAML', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = Buffer.from(bytes).toString('utf8');
        ingest(text, 'csv');
        ingest(text, 'yaml');
      }),
      { numRuns: 300 },
    );
  });

  it('deep nesting, alias bombs and huge cells hit a documented limit, quickly', () => {
    const cases: [string, 'csv' | 'yaml'][] = [
      [`answers: ${'['.repeat(5000)}${']'.repeat(5000)}`, 'yaml'],
      [`answers:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')} x`, 'yaml'],
      [['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(',')}]`), 'answers: {}'].join('\n'), 'yaml'],
      [`unit,persyaratan\npkm,"${'x'.repeat(5_000_000)}"\n`, 'csv'],
      [`unit,${'k,'.repeat(20000)}z\n`, 'csv'],
    ];
    for (const [text, format] of cases) expect(ingest(text, format)).toBe('rejected');
  });
});

describe('the CLI on hostile files', () => {
  it('exits 2 with a message, never 3 and never a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-fuzz-'));
    const samples = fc.sample(fc.oneof(csvText.map((t) => ['csv', t] as const), yamlText.map((t) => ['yaml', t] as const)), { numRuns: 12, seed: 20231 });
    samples.push(['yaml', `answers: ${'['.repeat(100000)}`], ['csv', '\uFEFF\u0000\u0001;;;"\n"\n']);
    for (const [i, [format, text]] of samples.entries()) {
      const file = join(dir, `unit-${i}.${format}`);
      writeFileSync(file, text);
      const run = spawnSync(process.execPath, [BIN, 'score', file, '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'json', '-q'], { encoding: 'utf8' });
      expect([0, 2], `${file}: ${run.stderr}`).toContain(run.status);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      if (run.status === 2) expect(run.stderr).toMatch(/error: .* \[[a-z]+\/[a-z-]+\]/);
    }
  }, 60_000);
});
