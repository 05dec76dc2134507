import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitText, textWidth, wrapText } from '../../src/render/svg-text.js';

describe('chart label widths', () => {
  it('measures with DejaVu Sans advances: wide capitals, narrow i and l', () => {
    // 'W' 0.99 em, 'i' 0.28 em, at 10 px; 'é' as an accented letter (0.72 em).
    expect(textWidth('W', 10)).toBeCloseTo(9.9);
    expect(textWidth('ii', 10)).toBeCloseTo(5.6);
    expect(textWidth('é', 10)).toBeCloseTo(7.2);
    expect(textWidth('DINAS', 11)).toBeGreaterThan(textWidth('Dinas', 11));
  });

  it('keeps a label that fits, and cuts one that does not with an ellipsis inside the room', () => {
    expect(fitText('Dinas Sosial', 200, 11)).toBe('Dinas Sosial');
    const cut = fitText('DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK', 150, 11);
    expect(cut).toMatch(/^DINAS PEMBERDAYAAN.*…$/);
    expect(textWidth(cut, 11)).toBeLessThanOrEqual(150);
    expect(cut.at(-2)).not.toBe(' '); // no space left hanging before the ellipsis
  });

  it('never returns more than the room it was given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 12, max: 300 }), (text, room) => {
        expect(textWidth(fitText(text, room, 11), 11)).toBeLessThanOrEqual(room);
      }),
      { numRuns: 500 },
    );
  });

  it('wraps a group title at spaces onto the lines it may use', () => {
    expect(wrapText('Dimensi Pengaduan', 80, 11, 2)).toEqual(['Dimensi', 'Pengaduan']);
    expect(wrapText('Dimensi Input', 80, 11, 2)).toEqual(['Dimensi Input']);
    const lines = wrapText('Penyampaian Pelayanan dan Pengelolaan Pengaduan Masyarakat', 80, 11, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    for (const line of lines) expect(textWidth(line, 11)).toBeLessThanOrEqual(80);
  });
});
