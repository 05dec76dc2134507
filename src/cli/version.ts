import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../io/package-root.js';

// Required, not imported: this module is on every start's path, and Node's ES-module view of
// node:fs reads every export, whose lazy stream getters then load node:stream (about 8 ms).
const { readFileSync } = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');

let cached: string | undefined;

export function packageVersion(): string {
  cached ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
