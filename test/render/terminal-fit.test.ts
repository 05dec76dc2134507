import { describe, expect, it } from 'vitest';
import { boxWidth, cutCell, hanging, joinedParts, largest } from '../../src/render/terminal-fit.js';

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

  it('joins parts on as few lines as the width allows, breaking only between parts and measuring them without colour', () => {
    const parts = [{ plain: '6 units' }, { plain: 'Zona Hijau 2', painted: '\u001b[32mZona Hijau\u001b[39m 2' }, { plain: 'mean 71.91 (Zona Kuning)' }, { plain: 'median 75.84' }];
    const joined = '6 units · \u001b[32mZona Hijau\u001b[39m 2 · mean 71.91 (Zona Kuning) · median 75.84';
    expect(joinedParts(parts, ' · ', undefined)).toEqual([joined]);
    // The line is 64 columns wide on screen (its colour codes take none).
    expect(joinedParts(parts, ' · ', 64)).toEqual([joined]);
    expect(joinedParts(parts, ' · ', 63)).toEqual(['6 units · \u001b[32mZona Hijau\u001b[39m 2 · mean 71.91 (Zona Kuning) ·', 'median 75.84']);
    // A part wider than the terminal stands on a line of its own, whole.
    expect(joinedParts(parts, ' · ', 10)).toEqual(['6 units ·', '\u001b[32mZona Hijau\u001b[39m 2 ·', 'mean 71.91 (Zona Kuning) ·', 'median 75.84']);
    expect(joinedParts([], ' · ', 10)).toEqual([]);
    // A line that breaks keeps room for its closing mark: "aaaaa · bbbbb" fits 13 columns, but
    // "aaaaa · bbbbb ·" would not, so b starts the next line, where the last part needs no mark.
    const abc = ['aaaaa', 'bbbbb', 'ccccc'].map((plain) => ({ plain }));
    expect(joinedParts(abc, ' · ', 13)).toEqual(['aaaaa ·', 'bbbbb · ccccc']);
    expect(joinedParts(abc, ' · ', 21)).toEqual(['aaaaa · bbbbb · ccccc']);
    // A lead goes with the first part, painted or not, and counts in its line's width.
    expect(joinedParts(abc, ' · ', 21, 'By: ')).toEqual(['By: aaaaa · bbbbb ·', 'ccccc']);
    expect(joinedParts([{ plain: 'a 1', painted: '\u001b[32ma\u001b[39m 1' }, { plain: 'b 2' }], ' · ', 8, 'By: ')).toEqual(['By: \u001b[32ma\u001b[39m 1 ·', 'b 2']);
  });

  it('finds the largest of as many values as a national round has units', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => i % 977);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(largest(values)).toBe(976);
    expect(largest([], 5)).toBe(5);
  });
});
