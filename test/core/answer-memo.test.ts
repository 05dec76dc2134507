import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRubric, type CompiledCriterion } from '../../src/core/compile.js';
import { RubricSchema } from '../../src/core/rubric-schema.js';
import { TRAFFIC_ZONES } from '../helpers.js';

/**
 * Each criterion remembers the answers it has parsed (the first few by comparison, short numbers
 * by their value, the rest in a map). Which path an answer takes depends on what came before it:
 * none of that may change what the answer parses to.
 */
const definition = {
  id: 'memo',
  title: 'Memo',
  version: '1',
  zones: TRAFFIC_ZONES,
  groups: [
    {
      id: 'g',
      title: 'G',
      criteria: [
        { id: 'b', title: 'b' },
        { id: 'p', title: 'p', type: 'percent' },
        { id: 's', title: 's', type: 'scale', min: 1, max: 4 },
        { id: 'n', title: 'n', type: 'number', bands: [{ min: 0, score: 0 }, { min: 10, score: 0.5 }, { min: 100, score: 1 }] },
        { id: 'c', title: 'c', type: 'choice', options: [{ value: '1', score: 1 }, { value: '01', score: 0.5 }, { value: 'tidak', score: 0 }] },
      ],
    },
  ],
};
const fresh = () => compileRubric(RubricSchema.parse(definition)).criterionList;

// Short numbers with and without leading zeros, out of range, signed, decimal, padded, words.
const answer = fc.oneof(
  fc.integer({ min: 0, max: 1200 }).map(String),
  fc.constantFrom('0', '00', '07', '007', '100', '101', '999', '1000', '-1', '+5', '3.5', '85,5', ' 7', '7 ', '50%', 'ya', 'tidak', 'na', 'NA', '', '01', '1'),
);

describe('remembered answers', () => {
  it('parse to what a criterion that never saw an answer before gives, whatever came first', () => {
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 60 }), (answers) => {
        const seasoned = fresh();
        for (const raw of [...answers].reverse()) for (const c of seasoned) c.parse(raw);
        for (const raw of answers) {
          seasoned.forEach((c: CompiledCriterion, i) => expect(c.parse(raw)).toEqual(fresh()[i]!.parse(raw)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps "1" and "01" apart where the rubric does', () => {
    const c = fresh().find((x) => x.id === 'c')!;
    expect([c.parse('01'), c.parse('1'), c.parse('01')].map((p) => (p.kind === 'value' ? p.fraction : p.kind))).toEqual([0.5, 1, 0.5]);
  });
});
