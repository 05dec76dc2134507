import { realpathSync } from 'node:fs';
import { dirname, basename, join, relative, isAbsolute, resolve } from 'node:path';
import { MonevError, problem } from '../core/problem.js';

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // The output may not exist yet: resolve its folder instead.
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Refuses an --out that names an input file or lies inside an input folder. */
export function assertOutputIsNotInput(out: string, inputs: string[]): void {
  const target = canonical(out);
  for (const input of inputs) {
    if (input === '-') continue;
    const source = canonical(input);
    const rel = relative(source, target);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
      throw new MonevError([problem('usage/out-is-input', { out, input })]);
    }
  }
}
