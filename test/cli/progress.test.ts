import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressReporter } from '../../src/cli/progress.js';

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
    const progress = progressReporter(false);
    vi.advanceTimersByTime(5000);
    progress.update({ files: 1, totalFiles: 2, units: 10 });
    progress.done();
    expect(written).toEqual([]);
  });

  it('appears only once a run has taken about a second, at most five times a second, and is cleared at the end', () => {
    vi.useFakeTimers();
    capture();
    const progress = progressReporter(true);
    vi.advanceTimersByTime(500);
    progress.update({ files: 1, totalFiles: 4, units: 100 });
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1500);
    progress.update({ files: 2, totalFiles: 4, units: 4000 });
    progress.update({ files: 3, totalFiles: 4, units: 4100 }); // too soon after the last one
    expect(written).toEqual(['\r\u001b[2Kmonev: 2/4 files, 4000 units, 2000 units/s']);
    progress.done();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });
});
