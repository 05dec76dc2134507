import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { problem, MonevError } from '../core/problem.js';
import { LIMITS } from './limits.js';
import { decodeInput } from './text-decoding.js';

/** How many bytes of a file too large to read whole are read for a look at its start. */
export const HEAD_BYTES = 1 << 16;

/**
 * Opens an input once for its bytes: all of them when it has at most `wholeUpTo` (`whole`), else
 * its first HEAD_BYTES, for a look at its start before the caller streams it. One open and one
 * fstat a file: in a round of ten thousand files, system calls are a cost of their own.
 */
export function openInput(file: string, wholeUpTo = Infinity): { bytes: Buffer; whole: boolean; size: number } {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size > LIMITS.fileBytes) throw new MonevError([problem('input/too-large', { size, limit: LIMITS.fileBytes }, { file })]);
    const whole = size <= wholeUpTo;
    return { bytes: readWhole(fd, whole ? size : Math.min(size, HEAD_BYTES)), whole, size };
  } catch (error) {
    if (error instanceof MonevError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new MonevError([problem(code === 'ENOENT' ? 'input/not-found' : 'input/unreadable', { reason: code ?? String(error) }, { file })]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The bytes of an open file whose size is known: read as readFileSync reads them (up to that
 * size), without the second fstat readFileSync makes. A size of 0 may be a device or a pseudo-file
 * that has bytes all the same: readFileSync reads those to their end.
 */
function readWhole(fd: number, size: number): Buffer {
  if (size === 0) return readFileSync(fd);
  const bytes = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const read = readSync(fd, bytes, length, size - length, null);
    if (read === 0) break;
    length += read;
  }
  return length === size ? bytes : bytes.subarray(0, length);
}

export function readBytes(file: string): Buffer {
  return openInput(file).bytes;
}

/** Reads a whole input file as text (UTF-8, or UTF-16 with its BOM), or throws a MonevError that names it. */
export function readText(file: string): string {
  return decodeInput(readBytes(file), file);
}
