import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The core is pure: data in, data out. It may import zod and its own modules, nothing else. */
const FORBIDDEN = [/^node:/, /^fs$/, /^path$/, /^chalk$/, /^cli-table3$/, /^commander$/, /^yaml$/, /^csv-parse/, /\/(io|render|cli|i18n)\//];

function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

describe('layering', () => {
  const dir = 'src/core';
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('finds the core modules', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('src/core/%s reaches no io, render, cli, fs, process or chalk', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const bad = importsOf(source).filter((spec) => FORBIDDEN.some((re) => re.test(spec)) || (spec.startsWith('..') && !spec.startsWith('./')));
    expect(bad).toEqual([]);
    expect(source).not.toMatch(/\bprocess\./);
  });

  it('recognises a forbidden import when there is one', () => {
    expect(importsOf("import { readFileSync } from 'node:fs';\nconst m = await import('../io/x.js');")).toEqual(['node:fs', '../io/x.js']);
  });
});
