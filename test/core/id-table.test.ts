import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idTable } from '../../src/core/id-table.js';

/** What the table must answer: the number of an id's first occurrence, in order of first sight. */
function firstNumbers(ids: string[]): number[] {
  const first = new Map<string, number>();
  return ids.map((id) => {
    if (!first.has(id)) first.set(id, first.size);
    return first.get(id)!;
  });
}

describe('idTable', () => {
  it('numbers ids in the order first seen and gives a repeated id its first number', () => {
    const table = idTable();
    expect(['a', 'b', 'a', 'c', 'b', ''].map((id) => table.number(id))).toEqual([0, 1, 0, 2, 1, 3]);
    expect(table.size).toBe(4);
  });

  it('agrees with a Map over any sequence, whatever the seed (growing many times over)', () => {
    // Short ids from a small alphabet repeat often; the seed changes every probe sequence.
    const ids = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'é', '1', ' '), maxLength: 3 }), { maxLength: 3000 });
    fc.assert(
      fc.property(ids, fc.integer(), (list, seed) => {
        const table = idTable(seed);
        expect(list.map((id) => table.number(id))).toEqual(firstNumbers(list));
        expect(table.size).toBe(new Set(list).size);
      }),
      { numRuns: 100 },
    );
  });

  it('finds the number an id got, and -1 for an id never numbered, without numbering it', () => {
    const ids = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'é'), maxLength: 3 }), { maxLength: 300 });
    fc.assert(
      fc.property(ids, ids, fc.integer(), (numbered, asked, seed) => {
        const table = idTable(seed);
        numbered.forEach((id) => table.number(id));
        const first = new Map(numbered.map((id, i) => [id, firstNumbers(numbered)[i]!]));
        expect(asked.map((id) => table.find(id))).toEqual(asked.map((id) => first.get(id) ?? -1));
        expect(table.size).toBe(first.size);
        expect([...first].every(([id, n]) => table.at(n) === id)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps ids apart whose hashes collide', () => {
    // Only three hash values for 3,000 ids: every probe meets equal hashes of other ids, so
    // only the comparison of the ids themselves keeps them apart.
    const ids = Array.from({ length: 1000 }, (_, i) => [`u${i}`, `x${i}`, `u${i}`]).flat();
    const table = idTable(0, (id) => id.length % 3);
    expect(ids.map((id) => table.number(id))).toEqual(firstNumbers(ids));
  });

  it('takes a national round of ids and their repeats', () => {
    const ids = Array.from({ length: 300_000 }, (_, i) => `3201${String(i).padStart(6, '0')}`);
    const table = idTable();
    expect(ids.every((id, i) => table.number(id) === i)).toBe(true);
    expect(ids.every((id, i) => table.number(id) === i)).toBe(true);
    expect(table.size).toBe(300_000);
  });
});
