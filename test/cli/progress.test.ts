import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupThousands, progressReporter } from '../../src/cli/progress.js';
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
    progress.update({ files: 1, totalFiles: 2, units: 10 });
    progress.done();
    expect(written).toEqual([]);
  });

  it('appears only once a run has taken about a second, at most five times a second, and is cleared at the end', () => {
    vi.useFakeTimers();
    capture();
    const progress = progressReporter(true, localeFor('en'));
    vi.advanceTimersByTime(500);
    progress.update({ files: 1, totalFiles: 4, units: 100 });
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1500);
    progress.update({ files: 2, totalFiles: 4, units: 4000 });
    progress.update({ files: 3, totalFiles: 4, units: 4100 }); // too soon after the last one
    expect(written).toEqual(['\r\u001b[2Kmonev: 2/4 files, 4,000 units, 2,000 units/s']);
    progress.done();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });

  it("speaks the run's language, and leaves out the file count of a single input", () => {
    vi.useFakeTimers();
    capture();
    const indonesian = progressReporter(true, localeFor('id'));
    vi.advanceTimersByTime(2000);
    indonesian.update({ files: 1234, totalFiles: 10000, units: 1234 });
    // One large CSV: its file count would read 0/1 until the end.
    const single = progressReporter(true, localeFor('en'));
    vi.advanceTimersByTime(4000);
    single.update({ files: 0, totalFiles: 1, units: 300000 });
    indonesian.update({ files: 5000, totalFiles: 10000, units: 5000 });
    expect(written).toEqual(['\r\u001b[2Kmonev: 1.234/10.000 berkas, 1.234 unit, 617 unit/detik', '\r\u001b[2Kmonev: 300,000 units, 75,000 units/s', '\r\u001b[2Kmonev: 5.000/10.000 berkas, 5.000 unit, 833 unit/detik']);
  });

  it('groups thousands', () => {
    expect([0, 7, 999, 1000, 65432, 1234567].map((n) => groupThousands(n, ','))).toEqual(['0', '7', '999', '1,000', '65,432', '1,234,567']);
    expect(groupThousands(1234567, '.')).toBe('1.234.567');
  });
});
