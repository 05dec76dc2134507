import { describe, expect, it } from 'vitest';
import { zoneNamed } from '../../src/core/zone-name.js';

describe('the zone a person means', () => {
  const traffic = [
    { id: 'green', label: 'Zona Hijau' },
    { id: 'yellow', label: 'Zona Kuning' },
    { id: 'red', label: 'Zona Merah' },
  ];
  const grades = [
    { id: 'a', label: 'A - Kualitas Tertinggi' },
    { id: 'b', label: 'B - Kualitas Tinggi' },
    { id: 'c', label: 'C - Kualitas Sedang' },
  ];

  it('by id, by id or label in any case, or by a word of one label', () => {
    expect(zoneNamed('yellow', traffic)?.id).toBe('yellow');
    expect(zoneNamed('YELLOW', traffic)?.id).toBe('yellow');
    expect(zoneNamed(' zona kuning ', traffic)?.id).toBe('yellow');
    expect(zoneNamed('Merah', traffic)?.id).toBe('red');
    expect(zoneNamed('C', grades)?.id).toBe('c');
    expect(zoneNamed('sedang', grades)?.id).toBe('c');
  });

  it('none for a word of several labels, a part of a word, or another word', () => {
    expect(zoneNamed('zona', traffic)).toBeUndefined();
    expect(zoneNamed('kualitas', grades)).toBeUndefined();
    expect(zoneNamed('kun', traffic)).toBeUndefined();
    expect(zoneNamed('biru', traffic)).toBeUndefined();
  });
});
