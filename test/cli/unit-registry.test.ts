import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problem.js';
import { unitRegistry } from '../../src/cli/unit-registry.js';

const INPUTS = ['a.csv', 'b.csv', 'c.yaml'];

/** Claims [id, input, line] in turn; what each claim answered, and the problems reported, as `code unit first`. */
function claims(list: [string, number, number][], caseCheck = true): { claimed: boolean[]; said: string[] } {
  const problems: Problem[] = [];
  const registry = unitRegistry(INPUTS, (p) => problems.push(p), { caseCheck });
  const claimed = list.map(([id, input, line]) => registry.claim(id, input, line, INPUTS[input]!));
  return { claimed, said: problems.map((p) => `${p.code} ${p.params.unit} ${p.params.other ?? ''} ${p.params.first} @${p.file}:${p.line} ${p.severity}`.replace(/ {2}/g, ' ')) };
}

describe('unitRegistry: units claimed once, told of ids that differ only in letter case', () => {
  it('refuses a unit claimed twice, naming where it was first', () => {
    expect(claims([['dinkes', 0, 2], ['dinsos', 0, 3], ['dinkes', 2, 1]])).toEqual({
      claimed: [true, true, false],
      said: ['unit/duplicate dinkes a.csv:2 @c.yaml:1 error'],
    });
  });

  it('warns of each later id that folds to an earlier one, naming the first of them, and claims it', () => {
    // Dinkes first; dinkes (no capital) and DINKES after it name Dinkes. pkm first in lower case: Pkm, PKM name it.
    const { claimed, said } = claims([
      ['Dinkes', 0, 2],
      ['pkm', 0, 3],
      ['dinkes', 1, 2],
      ['DINKES', 1, 3],
      ['Pkm', 2, 1],
      ['PKM', 2, 5],
      ['dinsos', 2, 6],
    ]);
    expect(claimed).toEqual([true, true, true, true, true, true, true]);
    expect(said).toEqual([
      'unit/case-variant dinkes Dinkes a.csv:2 @b.csv:2 warning',
      'unit/case-variant DINKES Dinkes a.csv:2 @b.csv:3 warning',
      'unit/case-variant Pkm pkm a.csv:3 @c.yaml:1 warning',
      'unit/case-variant PKM pkm a.csv:3 @c.yaml:5 warning',
    ]);
  });

  it('names the first of them when the lower-case id came between two with capitals', () => {
    expect(claims([['Dinkes', 0, 2], ['dinkes', 0, 3], ['DINKES', 0, 4]]).said).toEqual([
      'unit/case-variant dinkes Dinkes a.csv:2 @a.csv:3 warning',
      'unit/case-variant DINKES Dinkes a.csv:2 @a.csv:4 warning',
    ]);
    // Capitals of any script: the Turkish dotted İ folds to i and a combining dot.
    expect(claims([['DİNAS', 0, 2], ['di̇nas', 0, 3]]).said).toEqual(['unit/case-variant di̇nas DİNAS a.csv:2 @a.csv:3 warning']);
  });

  it('leaves letter case alone when a units list decides which unit an id is', () => {
    expect(claims([['Dinkes', 0, 2], ['dinkes', 1, 2]], false)).toEqual({ claimed: [true, true], said: [] });
  });

  it('says a file without a unit column gave its rows the unit it is named after', () => {
    const problems: Problem[] = [];
    const registry = unitRegistry(['formulir.csv'], (p) => problems.push(p), { caseCheck: true });
    expect([registry.claim('formulir', 0, 2, 'formulir.csv'), registry.claim('formulir', 0, 3, 'formulir.csv')]).toEqual([true, false]);
    expect(problems[0]!.params).toMatchObject({ unit: 'formulir', first: 'formulir.csv:2', byFileName: true });
  });
});
