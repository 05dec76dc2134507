import { realpathSync } from 'node:fs';
import { dirname, basename, join, relative, isAbsolute, resolve } from 'node:path';
import { MonevError, problem } from '../core/problem.js';
import { pathKind } from './discover.js';

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

/** A path written as a folder's (`laporan/`), whether or not the folder exists yet. */
export function endsWithSeparator(path: string): boolean {
  return /[\\/]$/.test(path);
}

/** `--out` naming a folder: one that exists, or a path ending with a separator (`forms/`). */
export function isFolderPath(out: string): boolean {
  return endsWithSeparator(out) || pathKind(out) === 'folder';
}

/** A unit id as a file name: what a file system or a shared drive would refuse becomes `-`. */
export function fileStem(id: string): string {
  return id.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '') || 'unit';
}

/**
 * A file in `folder` for each unit, named by its id; two ids that would make one name are an error,
 * names that differ only in letter case too: Windows and macOS take them for one file, and the
 * folder is made to be shared (`Dinkes.html` would overwrite `dinkes.html` there).
 */
export function filesPerUnit<U extends { id: string }>(units: readonly U[], folder: string, extension: string): { unit: U; path: string }[] {
  const taken = new Map<string, { id: string; path: string }>();
  return units.map((unit) => {
    const path = join(folder, `${fileStem(unit.id)}.${extension}`);
    const key = path.toLowerCase();
    const other = taken.get(key);
    if (other !== undefined) throw new MonevError([problem('output/name-taken', { unit: unit.id, other: other.id, caseOnly: other.path !== path }, { file: path })]);
    taken.set(key, { id: unit.id, path });
    return { unit, path };
  });
}
