import { describe, expect, it } from 'vitest';
import { boxWidth, cutCell, hanging, largest } from '../../src/render/terminal-fit.js';

describe('fitting text to a terminal', () => {
  it('measures a box-drawn table: a space either side of each cell, a border after it, one opening the row', () => {
    // "│ ab │ c │" is 10 characters
    expect(boxWidth([2, 1])).toBe(10);
  });

  it('cuts a cell with an ellipsis, never leaving a space before it', () => {
    expect(cutCell('Dinas Sosial', 20)).toBe('Dinas Sosial');
    expect(cutCell('Dinas Kesehatan', 7)).toBe('Dinas…');
  });

  it('wraps under the first line, words whole; leaves text alone without a width or with too little room', () => {
    expect(hanging('  next: ', 'close 4 gaps (biaya, waktu) to reach Zona Hijau at 84.96', 40)).toEqual(['  next: close 4 gaps (biaya, waktu) to', '        reach Zona Hijau at 84.96']);
    expect(hanging('> ', 'a b c', undefined)).toEqual(['> a b c']);
    expect(hanging('x'.repeat(70), 'a long title that would not fit', 80)).toEqual([`${'x'.repeat(70)}a long title that would not fit`]);
  });

  it('finds the largest of as many values as a national round has units', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => i % 977);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(largest(values)).toBe(976);
    expect(largest([], 5)).toBe(5);
  });
});
