import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAD_BYTES, openInput, readBytes, readText } from '../../src/io/read-text.js';

describe('reading an input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'monev-read-'));

  it('reads a file whole, small or large, and an empty one', () => {
    const small = join(dir, 'kecil.csv');
    const large = join(dir, 'besar.csv');
    const empty = join(dir, 'kosong.csv');
    writeFileSync(small, 'unit,persyaratan\npkm-1,ya\n');
    writeFileSync(large, `unit,catatan\n${'pkm,"Puskesmas Tanjung Beringin — ruang tunggu"\n'.repeat(40_000)}`);
    writeFileSync(empty, '');
    expect(readText(small)).toBe('unit,persyaratan\npkm-1,ya\n');
    expect(readBytes(large).equals(readFileSync(large))).toBe(true);
    expect(readBytes(empty).length).toBe(0);
    // Too large to read whole: its first HEAD_BYTES, for a look at its start.
    const opened = openInput(large, 1024);
    expect(opened.whole).toBe(false);
    expect(opened.size).toBe(statSync(large).size);
    expect(opened.bytes.equals(readFileSync(large).subarray(0, HEAD_BYTES))).toBe(true);
    expect(openInput(small, 1024)).toEqual({ bytes: readFileSync(small), whole: true, size: 26 });
  });

  // A pseudo-file reports a size of 0 and still has bytes: they are read to the end.
  it.runIf(process.platform === 'linux')('reads a file that reports no size to its end', () => {
    expect(readText('/proc/self/status')).toMatch(/^Name:/);
  });
});
