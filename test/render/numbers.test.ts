import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfAway } from '../../src/core/round.js';
import { fixed2 } from '../../src/render/numbers.js';

describe('fixed2', () => {
  it('writes what roundHalfAway(n).toFixed(2) writes, for any number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -1e6, max: 1e6 }).map((c) => c / 1000), fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100 + 0.005)), (n) => {
        expect(fixed2(n)).toBe(roundHalfAway(n).toFixed(2));
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds halves away from zero, as published scores are', () => {
    expect([78.125, 54.625, 0.005, -0.005, 99.995, 0, -0.004, 100].map(fixed2)).toEqual(['78.13', '54.63', '0.01', '-0.01', '100.00', '0.00', '0.00', '100.00']);
  });
});
