import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoundProgress } from '../../src/cli/progress.js';
import { scoreRound } from '../../src/cli/round.js';

const RUBRIC = 'examples/rubric-pra-evaluasi.yaml';
const IDS = ['persyaratan', 'prosedur', 'waktu', 'biaya', 'produk'];

/** Every progress report of a round, in order. */
async function progressOf(paths: string[]): Promise<RoundProgress[]> {
  const seen: RoundProgress[] = [];
  await scoreRound({ paths, rubric: RUBRIC, threads: 1, ranking: false }, { progress: (p) => seen.push({ ...p }) }).catch(() => undefined);
  return seen;
}

describe('how far a round has come', () => {
  const dir = mkdtempSync(join(tmpdir(), 'monev-progress-'));
  // 60,000 rows, about 1.7 MB: streamed (over 1 MiB), in reads of 64 KiB.
  const large = join(dir, 'besar.csv');
  writeFileSync(large, `unit,${IDS.join(',')}\n${Array.from({ length: 60_000 }, (_, i) => `u${i},${IDS.map((_, k) => ((i + k) % 3 ? 'ya' : 'tidak')).join(',')}`).join('\n')}\n`);

  it('counts a large file by its bytes read, every 256 units, up to the whole round', async () => {
    const seen = await progressOf([large]);
    // A report every 256 units within the file (234 of them), and one when it is read.
    expect(seen.length).toBe(Math.floor(60_000 / 256) + 1);
    expect(seen.every((p, k) => p.totalFiles === 1 && p.share > 0 && p.share <= 1 && (k === 0 || p.share >= seen[k - 1]!.share))).toBe(true);
    // Read ahead of the scoring by what the file stream holds: one 64 KiB read, 3.9% of the 1.7 MB file (measured); the bound leaves room for a second.
    const midway = seen[Math.floor(seen.length / 2)]!;
    expect(Math.abs(midway.share - midway.units / 60_000)).toBeLessThan(0.1);
    expect(seen.at(-1)).toEqual({ files: 1, totalFiles: 1, units: 60_000, share: 1 });
  });

  it('counts files read whole by the files done', async () => {
    const small = ['a', 'b', 'c', 'd'].map((name) => {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, `criterion,value\n${IDS.map((id) => `${id},ya`).join('\n')}\n`);
      return file;
    });
    expect((await progressOf(small)).map((p) => [p.files, p.share])).toEqual([
      [1, 0.25],
      [2, 0.5],
      [3, 0.75],
      [4, 1],
    ]);
    // A large file among them counts by its bytes while it is read: between the files before it and after it.
    const mixed = await progressOf([small[0]!, large, small[1]!]);
    const during = mixed.filter((p) => p.files === 1);
    expect(during.length).toBeGreaterThan(200);
    expect(during.every((p) => p.share >= 1 / 3 && p.share <= 2 / 3)).toBe(true);
    expect(during.filter((p) => p.share > 0.4 && p.share < 0.6).length).toBeGreaterThan(50);
    expect(mixed.at(-1)!.share).toBe(1);
  });
});
