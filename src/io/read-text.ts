import { readFileSync, statSync } from 'node:fs';
import { problem, MonevError } from '../core/problem.js';
import { LIMITS } from './limits.js';

/** Reads a whole input file as UTF-8, or throws a MonevError that names it. */
export function readText(file: string): string {
  return readBytes(file).toString('utf8');
}

export function readBytes(file: string): Buffer {
  try {
    const size = statSync(file).size;
    if (size > LIMITS.fileBytes) throw new MonevError([problem('input/too-large', { size, limit: LIMITS.fileBytes }, { file })]);
    return readFileSync(file);
  } catch (error) {
    if (error instanceof MonevError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new MonevError([problem(code === 'ENOENT' ? 'input/not-found' : 'input/unreadable', { reason: code ?? String(error) }, { file })]);
  }
}
