import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDay, parseDay } from '../../src/core/calendar-day.js';

describe('a visit date as field teams write it', () => {
  it('reads ISO, day-first numbers, Google Forms timestamps and Indonesian or English words', () => {
    expect(parseDay('2023-07-12')).toBe('2023-07-12');
    expect(parseDay('2023-07-12T09:30:00+07:00')).toBe('2023-07-12');
    expect(parseDay('2023/07/12 10:00:00')).toBe('2023-07-12');
    expect(parseDay('12/07/2023')).toBe('2023-07-12');
    expect(parseDay('3/8/2023')).toBe('2023-08-03');
    expect(parseDay('12-07-2023')).toBe('2023-07-12');
    expect(parseDay('12.07.2023')).toBe('2023-07-12');
    expect(parseDay('12/07/2023 10:00:00')).toBe('2023-07-12');
    expect(parseDay('12 Juli 2023')).toBe('2023-07-12');
    expect(parseDay(' 18 Agustus 2023 ')).toBe('2023-08-18');
    expect(parseDay('1 Agt. 2023')).toBe('2023-08-01');
    expect(parseDay('20 July 2023')).toBe('2023-07-20');
  });

  it('reads no day from what names none, or from a day no calendar has', () => {
    for (const text of ['', 'kemarin', 'Juli 2023', '2023', '12/07/23', '31/06/2023', '2023-02-29', '29 Februari 2023', '12 Juliii 2023', '07/32/2023']) {
      expect(parseDay(text), text).toBeUndefined();
    }
    expect(parseDay('29/02/2024')).toBe('2024-02-29');
  });

  it('gives back every day of the calendar written ISO, day-first or in Indonesian words', () => {
    const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(parseDay(iso)).toBe(iso);
        expect(isIsoDay(iso)).toBe(true);
        expect(parseDay(`${d}/${m}/${y}`)).toBe(iso);
        expect(parseDay(`${d} ${MONTHS[m - 1]} ${y}`)).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });

  it('takes only YYYY-MM-DD for --date', () => {
    expect(isIsoDay('2023-07-12')).toBe(true);
    expect(isIsoDay('2024-02-30')).toBe(false);
    expect(isIsoDay('12/07/2023')).toBe(false);
    expect(isIsoDay('2023-7-12')).toBe(false);
  });
});
