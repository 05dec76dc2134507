import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MonevError } from '../../src/core/problem.js';
import { readResult } from '../../src/io/result-file.js';

// A real result, as `score --format json` writes it (the built CLI; `npm test` builds first).
const written = spawnSync(process.execPath, [resolve('bin/monev.js'), 'score', 'examples/langkat-2023/r1', '--rubric', 'ombudsman-ppp-2023', '--format', 'json', '-q'], { encoding: 'utf8' }).stdout;

/** What reading `text` as a json result gives: the round, or the lines of its problems. */
async function read(text: string): Promise<{ round?: unknown; problemLines?: (number | undefined)[] }> {
  const file = join(mkdtempSync(join(tmpdir(), 'monev-result-')), 'hasil.json');
  writeFileSync(file, text);
  try {
    return { round: await readResult(file, 'json') };
  } catch (error) {
    if (!(error instanceof MonevError)) throw error;
    return { problemLines: error.problems.map((p) => p.line) };
  }
}

describe('a json result read a unit a line', () => {
  it('reads what JSON reads and refuses what it refuses, edited line by line, to the same round as a file read whole', async () => {
    const lines = written.split('\n');
    expect(lines.length).toBeGreaterThan(6);
    const edit = fc.record({
      kind: fc.constantFrom('blank line', 'line out', 'comma out', 'comma in', 'cut'),
      // A unit's line (the first is the head, the last two the summary and the end).
      at: fc.integer({ min: 1, max: lines.length - 3 }),
      cut: fc.integer({ min: 0, max: written.length - 1 }),
    });
    await fc.assert(
      fc.asyncProperty(edit, async ({ kind, at, cut }) => {
        const edited = [...lines];
        if (kind === 'blank line') edited.splice(at, 0, '');
        if (kind === 'line out') edited.splice(at, 1);
        if (kind === 'comma out') edited[at] = edited[at]!.replace(/,$/, '');
        if (kind === 'comma in') edited[at] = edited[at]!.replace(/\}$/, '},');
        const text = kind === 'cut' ? written.slice(0, cut) : edited.join('\n');
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          data = undefined;
        }
        const byLines = await read(text);
        if (data === undefined) {
          expect(byLines.round).toBeUndefined();
          // At a line of the file, once its first line is whole (before that, it is read whole, as any JSON).
          if (text.startsWith(`${lines[0]}\n`)) expect(byLines.problemLines!.every((line) => line !== undefined && line >= 1)).toBe(true);
        } else {
          // The same round as the same data re-indented, which is read whole.
          expect(byLines).toEqual(await read(JSON.stringify(data, null, 2)));
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
