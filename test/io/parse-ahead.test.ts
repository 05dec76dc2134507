import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MonevError } from '../../src/core/problem.js';
import { csvRecordBatches, type CsvRecord } from '../../src/io/csv-records.js';
import { parseAhead, parseThreadInputs } from '../../src/io/parse-ahead.js';
import { tooFarAhead } from '../../src/io/parse-protocol.js';
import { ParseThreadError } from '../../src/io/sheet-stream.js';

// The thread's script is the built one (`npm test` builds first).
const WORKER = resolve('dist/parse-worker.cjs');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'monev-ahead-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Every record of an input, or the error that stopped it (as sheet-stream sees it). */
async function drain(batches: AsyncIterable<CsvRecord[]>): Promise<{ records: CsvRecord[]; error?: unknown }> {
  const records: CsvRecord[] = [];
  try {
    for await (const batch of batches) records.push(...batch);
  } catch (error) {
    return { records, error: error instanceof MonevError ? error.problems : { message: (error as Error).message, code: (error as { code?: string }).code, lines: (error as { lines?: number }).lines } };
  }
  return { records };
}

const big = `unit,a,b\n${Array.from({ length: 60_000 }, (_, i) => `u${i},${i % 7},"x${i % 3 ? '' : '\ny'}"`).join('\n')}\n`;

describe('parseAhead', () => {
  it('gives each input the records, lines and errors it gives when read here', async () => {
    const dir = folder({
      'a.csv': 'criterion,value\nk1,ya\nk2,"dua\r\nbaris"\n',
      'b.csv': 'criterion,value\nk1,"tidak tertutup\n',
      'c.csv': big,
      'd.csv': `${big}u-akhir,"a" b,1\n`,
      'e.csv': '\ufeffcriterion;value\n\nk1;ya\n',
    });
    const paths = ['a.csv', 'b.csv', 'c.csv', 'd.csv', 'hilang.csv', 'e.csv'].map((f) => join(dir, f));
    const ahead = parseAhead(paths.map((p, i) => [i, p]), WORKER);
    try {
      for (const [i, path] of paths.entries()) {
        const there = await drain(ahead.batches(i)!);
        const here = await drain(csvRecordBatches(path));
        expect(there, path).toEqual(here);
      }
    } finally {
      await ahead.close();
    }
  }, 30_000);

  it('tells how much of a streamed file was read with its records, as reading it here does', async () => {
    const dir = folder({ 'a.csv': `unit,a,b\n${Array.from({ length: 150_000 }, (_, i) => `u${i},${i % 7},x`).join('\n')}\n`, 'b.csv': 'x,y\n1,2\n' });
    const shares = async (batches: (onRead: (share: number) => void) => AsyncIterable<CsvRecord[]>) => {
      const seen: number[] = [];
      let records = 0;
      for await (const batch of batches((share) => seen.push(share))) records += batch.length;
      return { seen, records };
    };
    const ahead = parseAhead([[0, join(dir, 'a.csv')], [1, join(dir, 'b.csv')]], WORKER);
    try {
      for (const [i, file] of ['a.csv', 'b.csv'].entries()) {
        const there = await shares((onRead) => ahead.batches(i, onRead)!);
        const here = await shares((onRead) => csvRecordBatches(join(dir, file), undefined, onRead));
        expect(there.records).toBe(here.records);
        if (file === 'b.csv') {
          // A small file is read whole: nothing to tell before its records.
          expect([there.seen, here.seen]).toEqual([[], []]);
          continue;
        }
        // The 1.7 MB file in 64 KiB reads: a share with each batch, growing to the whole file.
        for (const { seen } of [there, here]) {
          expect(seen.length).toBeGreaterThan(10);
          expect(seen.every((s, k) => s > 0 && s <= 1 && (k === 0 || s >= seen[k - 1]!))).toBe(true);
          expect(seen.at(-1)).toBe(1);
        }
      }
    } finally {
      await ahead.close();
    }
  }, 30_000);

  it('passes over inputs the reader stopped early, and leaves other inputs to this thread', async () => {
    const dir = folder({ 'a.csv': big, 'b.csv': 'x,y\n1,2\n' });
    const ahead = parseAhead([[0, join(dir, 'a.csv')], [2, join(dir, 'b.csv')]], WORKER);
    try {
      const first = ahead.batches(0)![Symbol.asyncIterator]();
      expect((await first.next()).value.length).toBeGreaterThan(0);
      expect(ahead.batches(1)).toBeUndefined();
      expect((await drain(ahead.batches(2)!)).records.map((r) => r.record)).toEqual([['x', 'y'], ['1', '2']]);
    } finally {
      await ahead.close();
    }
  }, 30_000);

  it('turns a failure of the thread into a ParseThreadError, never a problem of the input', async () => {
    const dir = folder({ 'throws.cjs': "throw new Error('boom');", 'quits.cjs': 'process.exit(0);', 'a.csv': 'x\n1\n' });
    for (const script of ['throws.cjs', 'quits.cjs']) {
      const ahead = parseAhead([[0, join(dir, 'a.csv')]], join(dir, script));
      try {
        const batches = ahead.batches(0)![Symbol.asyncIterator]();
        await expect(batches.next()).rejects.toBeInstanceOf(ParseThreadError);
      } finally {
        await ahead.close();
      }
    }
  });
});

describe('parseThreadInputs', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `/data/u${i}.csv`);
  const options = { worker: WORKER, cores: 2 };
  it('runs ahead by cells, not messages: many small messages or few large ones, and always one', () => {
    // Messages of 768 cells (256 long-CSV rows) against a budget of 16,128 cells (one of 256 wide rows of 63).
    const small = Array.from({ length: 40 }, (_, n) => n * 768);
    expect(tooFarAhead(small, 21, 0, 16_128)).toBe(false);
    expect(tooFarAhead(small, 22, 0, 16_128)).toBe(true);
    expect(tooFarAhead(small, 22, 1, 16_128)).toBe(false);
    const wide = [0, 16_128, 32_256, 48_384];
    expect(tooFarAhead(wide, 1, 0, 16_128)).toBe(false);
    expect(tooFarAhead(wide, 2, 0, 16_128)).toBe(true);
    // A message larger than the budget is posted all the same, one at a time.
    expect(tooFarAhead([0, 50_000, 100_000], 1, 0, 16_128)).toBe(false);
    expect(tooFarAhead([0, 50_000, 100_000], 2, 1, 16_128)).toBe(false);
    expect(tooFarAhead([0, 50_000, 100_000], 2, 0, 16_128)).toBe(true);
  });

  it('hands over the CSV inputs of a large round, not YAML or stdin', () => {
    const inputs = [...many(3000), '/data/x.yaml', '-', '/data/y.TSV'];
    expect(parseThreadInputs(inputs, undefined, options)).toEqual([...many(3000).map((p, i) => [i, p]), [3002, '/data/y.TSV']]);
  });
  it('counts a round of fewer files by the bytes of its first ones', () => {
    const dir = folder({ 'besar.csv': big.repeat(16), 'kecil.csv': 'x\n1\n' });
    expect(parseThreadInputs([join(dir, 'besar.csv')], undefined, options)).toEqual([[0, join(dir, 'besar.csv')]]);
    expect(parseThreadInputs([join(dir, 'kecil.csv')], undefined, options)).toBeUndefined();
    expect(parseThreadInputs(many(2999), undefined, options)).toBeUndefined();
  });
  it('follows --threads, and keeps one core and installations without the script on this thread', () => {
    expect(parseThreadInputs(many(5), 2, options)).toEqual(many(5).map((p, i) => [i, p]));
    expect(parseThreadInputs(many(3000), 1, options)).toBeUndefined();
    expect(parseThreadInputs(many(3000), undefined, { ...options, cores: 1 })).toBeUndefined();
    expect(parseThreadInputs(many(3000), 2, { worker: '/nowhere/parse-worker.cjs', cores: 2 })).toBeUndefined();
    expect(parseThreadInputs(['/data/x.yaml', '-'], 2, options)).toBeUndefined();
  });
});
