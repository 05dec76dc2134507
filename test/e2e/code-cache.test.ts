import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, monev } from './run-cli.js';

/**
 * The built commands start from the V8 code cache the build wrote (src/cli/command-bundle.ts).
 * A cache that does not fit the bundle must change nothing but the time a run takes.
 */
const ARGS = ['score', 'examples/pra-evaluasi', '--format', 'json'];

function run(root: string, args = ARGS, nodeArgs: string[] = []) {
  const env = cliEnv({ MONEV_DEBUG: '1' });
  const result = spawnSync(process.execPath, [...nodeArgs, join(root, 'bin', 'monev.js'), ...args], { encoding: 'utf8', env });
  const [status, ...rest] = result.stderr.split('\n');
  return { status, stdout: result.stdout, stderr: rest.join('\n'), code: result.status };
}

/** A copy of the built package (it needs nothing else: dependencies are bundled). */
function copyOfPackage(): string {
  const root = mkdtempSync(join(tmpdir(), 'monev-cache-'));
  for (const part of ['bin', 'dist', 'rubrics', 'package.json']) cpSync(part, join(root, part), { recursive: true });
  return root;
}

describe('the code cache of the built commands', () => {
  it('is used by a run of the build', () => {
    const built = run('.', ['validate', 'rubrics/ombudsman-ppp-2023.yaml']);
    expect(built.status).toBe(`monev: code cache used (${join(process.cwd(), 'dist', 'commands.cjs.cache')})`);
    expect(built.code).toBe(0);
    const bundle = readFileSync('dist/commands.cjs');
    // The loader reads the bundle as one-byte text: the build leaves it ASCII-only.
    expect(bundle.every((byte) => byte < 0x80)).toBe(true);
    // The file is the function a CommonJS module is wrapped in; its sources are ES modules,
    // strict: the directive must come before any statement of the function.
    expect(bundle.toString('latin1')).toMatch(/^\(function \(exports, require, module, __filename, __dirname\) \{'use strict';\n/);
  });

  it('stale, rejected, unchecked or missing: the same output, compiled from source; no bundle: exit 3', () => {
    const expected = run('.');
    expect(expected.code).toBe(0);
    const root = copyOfPackage();
    const bundle = join(root, 'dist', 'commands.cjs');
    const cache = `${bundle}.cache`;
    const original = readFileSync(cache);
    try {
      // A V8 header that is not this Node's (its version hash, after the 8 bytes of the bundle's CRC-32 and length).
      const foreign = Buffer.from(original);
      foreign[8 + 4]! ^= 0xff;
      writeFileSync(cache, foreign);
      expect(run(root)).toEqual({ ...expected, status: `monev: code cache rejected (${cache})` });

      // The bundle changed, its length not: V8 alone would take the old cache for it.
      writeFileSync(cache, original);
      const source = readFileSync(bundle, 'latin1');
      const head = '(function (exports, require, module, __filename, __dirname) {';
      expect(source.startsWith(head)).toBe(true);
      writeFileSync(bundle, source.replace(head, '(function(exports, require, module, __filename, __dirname)  {'), 'latin1');
      expect(run(root)).toEqual({ ...expected, status: `monev: code cache stale (${cache})` });

      // A Node without zlib.crc32 (before 20.15) cannot check the cache: it does not use it.
      writeFileSync(bundle, source, 'latin1');
      const noCrc32 = join(root, 'no-crc32.cjs');
      writeFileSync(noCrc32, "require('node:zlib').crc32 = undefined;\n");
      expect(run(root, ARGS, ['--require', noCrc32])).toEqual({ ...expected, status: `monev: code cache unchecked (${cache})` });
      expect(run(root)).toEqual({ ...expected, status: `monev: code cache used (${cache})` });

      rmSync(cache);
      expect(run(root)).toEqual({ ...expected, status: `monev: code cache missing (${cache})` });

      // A damaged install: a short message and exit 3, not a stack trace.
      rmSync(bundle);
      const damaged = spawnSync(process.execPath, [join(root, 'bin', 'monev.js'), ...ARGS], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
      expect({ code: damaged.status, stdout: damaged.stdout, stderr: damaged.stderr }).toEqual({ code: 3, stdout: '', stderr: `monev: internal error: ENOENT: no such file or directory, open '${bundle}'\nmonev could not load its commands; reinstalling it should fix this.\n` });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the optimizing compiler in short runs (src/cli/command-bundle.ts)', () => {
  // The raised interrupt budget is applied on Node 20's V8 only, where it was measured.
  it.runIf(process.versions.v8.startsWith('11.'))('optimizes nothing while validating one rubric', () => {
    // --trace-opt prints a line for each function given to TurboFan (8 here with V8's default budget).
    const traced = spawnSync(process.execPath, ['--trace-opt', join('bin', 'monev.js'), 'validate', 'rubrics/ombudsman-ppp-2023.yaml'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(traced.status).toBe(0);
    expect(traced.stdout).toContain('1 file checked: 0 errors, 0 warnings');
    expect(traced.stdout.split('\n').filter((line) => line.startsWith('[compiling method'))).toEqual([]);
  });
});

describe('the bundled yaml', () => {
  it("does not read its debugging switches: LOG_TOKENS or LOG_STREAM in the environment change nothing", () => {
    // yaml looks them up for every token (a profiled 14% of its parsing) and, when set, logs to stdout.
    const args = ['score', 'examples/langkat-2023/r1', '--format', 'json'];
    const plain = monev(args);
    expect(plain.code).toBe(0);
    expect(monev(args, { env: { LOG_TOKENS: '1', LOG_STREAM: '1' } })).toEqual(plain);
    expect(readFileSync('dist/commands.cjs', 'latin1')).not.toMatch(/LOG_TOKENS|LOG_STREAM/);
  });
});
