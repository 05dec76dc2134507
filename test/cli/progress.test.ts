import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupThousands, progressReporter, secondsLeft } from '../../src/cli/progress.js';
import { localeFor } from '../../src/i18n/locale.js';

describe('the progress line', () => {
  const written: string[] = [];
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    written.length = 0;
  });
  const capture = () => vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));

  it('stays silent when not on a terminal (or with --quiet)', () => {
    vi.useFakeTimers();
    capture();
    const progress = progressReporter(false, localeFor('en'));
    vi.advanceTimersByTime(5000);
    progress.update({ files: 1, totalFiles: 2, units: 10, share: 0.5 });
    progress.done();
    expect(written).toEqual([]);
  });

  it('appears only once a run has taken about a second, at most five times a second, and is cleared at the end', () => {
    vi.useFakeTimers();
    capture();
    const progress = progressReporter(true, localeFor('en'));
    vi.advanceTimersByTime(500);
    progress.update({ files: 1, totalFiles: 4, units: 100, share: 0.25 });
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1500);
    progress.update({ files: 2, totalFiles: 4, units: 4000, share: 0.5 });
    progress.update({ files: 3, totalFiles: 4, units: 4100, share: 0.75 }); // too soon after the last one
    // Half done in 2 s: 2 s left at that pace.
    expect(written).toEqual(['\r\u001b[2Kmonev: 50%, 2/4 files, 4,000 units, 2,000 units/s, about 2 s left']);
    progress.done();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });

  it("speaks the run's language, and leaves out the file count of a single input", () => {
    vi.useFakeTimers();
    capture();
    const indonesian = progressReporter(true, localeFor('id'));
    vi.advanceTimersByTime(2000);
    // 12.34% in 2 s: 2 x 0.8766 / 0.1234 = 14.2 s left, said as 15.
    indonesian.update({ files: 1234, totalFiles: 10000, units: 1234, share: 0.1234 });
    // One large CSV, 30% of its bytes read in 4 s: its file count would read 0/1 until the end.
    const single = progressReporter(true, localeFor('en'));
    vi.advanceTimersByTime(4000);
    single.update({ files: 0, totalFiles: 1, units: 300000, share: 0.3 });
    indonesian.update({ files: 5000, totalFiles: 10000, units: 5000, share: 0.5 });
    expect(written).toEqual([
      '\r\u001b[2Kmonev: 12%, 1.234/10.000 berkas, 1.234 unit, 617 unit/detik, sekitar 15 detik lagi',
      '\r\u001b[2Kmonev: 30%, 300,000 units, 75,000 units/s, about 10 s left',
      '\r\u001b[2Kmonev: 50%, 5.000/10.000 berkas, 5.000 unit, 833 unit/detik, sekitar 6 detik lagi',
    ]);
  });

  it('says minutes from two minutes left, and neither share nor time when nothing tells how much is read (standard input)', () => {
    vi.useFakeTimers();
    capture();
    const english = progressReporter(true, localeFor('en'));
    const indonesian = progressReporter(true, localeFor('id'));
    vi.advanceTimersByTime(60_000);
    english.update({ files: 0, totalFiles: 1, units: 120000, share: 0.2 });
    indonesian.update({ files: 0, totalFiles: 1, units: 120000, share: 0.2 });
    vi.advanceTimersByTime(1000);
    english.update({ files: 0, totalFiles: 1, units: 5000, share: 0 });
    expect(written).toEqual([
      '\r\u001b[2Kmonev: 20%, 120,000 units, 2,000 units/s, about 4 min left',
      '\r\u001b[2Kmonev: 20%, 120.000 unit, 2.000 unit/detik, sekitar 4 menit lagi',
      '\r\u001b[2Kmonev: 5,000 units, 82 units/s',
    ]);
  });

  it('gives the time left at the pace so far, from 1% done until all is read', () => {
    expect(secondsLeft(10, 0.25)).toBe(30);
    expect(secondsLeft(3, 0.7)).toBe(2); // 1.29 s, rounded up
    expect(secondsLeft(10, 0.005)).toBeUndefined();
    expect(secondsLeft(10, 1)).toBeUndefined();
  });

  it('groups thousands', () => {
    expect([0, 7, 999, 1000, 65432, 1234567].map((n) => groupThousands(n, ','))).toEqual(['0', '7', '999', '1,000', '65,432', '1,234,567']);
    expect(groupThousands(1234567, '.')).toBe('1.234.567');
  });
});
