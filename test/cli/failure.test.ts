import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportFailure } from '../../src/cli/failure.js';
import { MonevError, problem } from '../../src/core/problem.js';

describe('reportFailure', () => {
  const written: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    written.length = 0;
    delete process.env.MONEV_DEBUG;
  });
  const capture = () => vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));

  it('turns input problems into messages and exit 2', () => {
    capture();
    expect(reportFailure(new MonevError([problem('input/not-found', {}, { file: 'x.csv' })]))).toBe(2);
    expect(written.join('')).toBe('x.csv: error: no such file or folder [input/not-found]\n');
  });

  it('reports a bug in one short message and exit 3, the stack only with MONEV_DEBUG=1', () => {
    capture();
    expect(reportFailure(new TypeError('boom'))).toBe(3);
    expect(written.join('')).toBe(
      'monev: internal error: boom\nThis is a bug in monev; please report it with the command you ran.\nSet MONEV_DEBUG=1 to see the stack trace.\n',
    );
    written.length = 0;
    process.env.MONEV_DEBUG = '1';
    expect(reportFailure(new TypeError('boom'))).toBe(3);
    expect(written.join('')).toMatch(/TypeError: boom\n\s+at /);
  });
});
