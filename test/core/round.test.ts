import { describe, expect, it } from 'vitest';
import { roundHalfAway } from '../../src/core/round.js';

describe('roundHalfAway', () => {
  it('rounds halves away from zero, as spreadsheets do, despite binary noise', () => {
    expect(roundHalfAway(78.125)).toBe(78.13); // 78.125 is stored as 78.12499999999999
    expect(roundHalfAway(1.005)).toBe(1.01); // stored as 1.00499999999999989
    expect(roundHalfAway(80.995)).toBe(81);
    expect(roundHalfAway(80.994999)).toBe(80.99);
    expect(roundHalfAway(-2.345)).toBe(-2.35);
    expect(roundHalfAway(91.4750191570881)).toBe(91.48);
    expect(roundHalfAway(2.5, 0)).toBe(3);
  });
});
