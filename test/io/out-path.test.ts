import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MonevError } from '../../src/core/problem.js';
import { filesPerUnit, fileStem } from '../../src/io/out-path.js';

function nameTaken(ids: string[]): unknown {
  try {
    filesPerUnit(ids.map((id) => ({ id })), 'laporan', 'html');
  } catch (error) {
    if (error instanceof MonevError) return error.problems.map((p) => ({ code: p.code, file: p.file, params: p.params }));
    throw error;
  }
  return undefined;
}

describe('filesPerUnit: a file per unit, named by its id', () => {
  it('names each file by its id, with what a file system would refuse as `-`', () => {
    expect(fileStem('pkm/stabat')).toBe('pkm-stabat');
    expect(filesPerUnit([{ id: 'dinkes' }, { id: 'pkm/stabat' }], 'laporan', 'html').map((f) => f.path)).toEqual([join('laporan', 'dinkes.html'), join('laporan', 'pkm-stabat.html')]);
  });

  it('refuses two ids that make one name, and says so of names that differ only in letter case', () => {
    expect(nameTaken(['pkm/stabat', 'pkm-stabat'])).toEqual([{ code: 'output/name-taken', file: join('laporan', 'pkm-stabat.html'), params: { unit: 'pkm-stabat', other: 'pkm/stabat', caseOnly: false } }]);
    // Windows and macOS take Dinkes.html and dinkes.html for one file: the second would overwrite the first there.
    expect(nameTaken(['dinkes', 'Dinkes'])).toEqual([{ code: 'output/name-taken', file: join('laporan', 'Dinkes.html'), params: { unit: 'Dinkes', other: 'dinkes', caseOnly: true } }]);
  });
});
