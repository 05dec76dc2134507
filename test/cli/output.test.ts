import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emit, writeOrAbort } from '../../src/cli/output.js';
import type { OutputSink } from '../../src/io/output-sink.js';

/** A sink that records what it is given and whether it was dropped. */
function recordingSink() {
  const written: string[] = [];
  let aborted = false;
  const sink: OutputSink = {
    text: (text) => void written.push(text),
    piece: (piece) => void written.push(piece.text),
    write: (text) => void written.push(text),
    ready: () => undefined,
    commit: async () => undefined,
    abort: () => {
      aborted = true;
    },
  };
  return { sink, written, aborted: () => aborted };
}

describe('writing a whole output', () => {
  it('writes a text, or its parts one after another, as they are made', async () => {
    const one = recordingSink();
    await writeOrAbort(one.sink, 'semua');
    expect(one.written).toEqual(['semua']);
    const made: string[] = [];
    function* parts() {
      for (const part of ['a', 'b', 'c']) {
        made.push(part);
        yield part;
      }
    }
    const several = recordingSink();
    await writeOrAbort(several.sink, parts());
    expect([several.written, made, several.aborted()]).toEqual([['a', 'b', 'c'], ['a', 'b', 'c'], false]);
  });

  it('drops the output when a part cannot be made, and says why', async () => {
    function* failing() {
      yield 'kepala';
      throw new Error('rusak');
    }
    const run = recordingSink();
    await expect(writeOrAbort(run.sink, failing())).rejects.toThrow('rusak');
    expect([run.written, run.aborted()]).toEqual([['kepala'], true]);
    // Through --out: the previous file is left as it was, and no temporary file stays behind.
    const dir = mkdtempSync(join(tmpdir(), 'monev-emit-'));
    const out = join(dir, 'laporan.md');
    await emit(['# Laporan\n', 'isi\n'], out);
    expect(readFileSync(out, 'utf8')).toBe('# Laporan\nisi\n');
    await expect(emit(failing(), out)).rejects.toThrow('rusak');
    expect([readFileSync(out, 'utf8'), readdirSync(dir)]).toEqual(['# Laporan\nisi\n', ['laporan.md']]);
  });
});
