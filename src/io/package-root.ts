import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Required, not imported (see cli/version.ts): this module is on every start's path.
const { existsSync } = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');

/**
 * The installed package's root folder (where package.json and rubrics/ are), found by walking up
 * from this module: the same whether it runs from src/, dist/ or a bundled chunk.
 */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rubrics'))) return dir;
    if (dirname(dir) === dir) return join(start, '..', '..');
  }
}
