import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const BIN = join(process.cwd(), 'bin', 'monev.js');

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** A clean, colourless, English environment for the built CLI, with `extra` on top. */
export const cliEnv = (extra: Record<string, string> = {}): Record<string, string> => ({ PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C', ...extra });

/** Runs the built CLI with a clean, colourless environment. */
export function monev(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): CliRun {
  const env = cliEnv(options.env);
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: options.input, env, cwd: options.cwd, maxBuffer: 1 << 28 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

// util-linux's `script` gives the CLI a terminal of a chosen width, as an analyst's window would.
export const SCRIPT = ['/usr/bin/script', '/bin/script'].find((path) => existsSync(path));

/** Runs the built CLI on a terminal `cols` columns wide (needs SCRIPT); stdout and stderr arrive mixed, with CRLF. */
export function monevOnTerminal(args: string[], cols: number): CliRun {
  const command = `stty cols ${cols}; ${[process.execPath, BIN, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ')}`;
  const result = spawnSync(SCRIPT!, ['-qec', command, '/dev/null'], { encoding: 'utf8', env: cliEnv() });
  return { stdout: result.stdout.replace(/\r\n/g, '\n'), stderr: result.stderr, code: result.status };
}

/** The lines of a box-drawn table in `text`. */
export const tableLines = (text: string) => text.split('\n').filter((line) => /^[┌│├└]/.test(line));

/**
 * Compares a run with test/e2e/golden/<name>.{stdout,stderr,code}; UPDATE_GOLDEN=1 rewrites them
 * (review the diff before committing).
 */
export function expectGolden(name: string, run: CliRun): void {
  const dir = join('test', 'e2e', 'golden');
  const files = { stdout: join(dir, `${name}.stdout`), stderr: join(dir, `${name}.stderr`), code: join(dir, `${name}.code`) };
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(files.code)) {
    if (process.env.CI) throw new Error(`golden file ${files.code} is missing`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(files.stdout, run.stdout);
    writeFileSync(files.stderr, run.stderr);
    writeFileSync(files.code, `${run.code}\n`);
  }
  expect({ stdout: run.stdout, stderr: run.stderr, code: run.code }).toEqual({
    stdout: readFileSync(files.stdout, 'utf8'),
    stderr: readFileSync(files.stderr, 'utf8'),
    code: Number(readFileSync(files.code, 'utf8').trim()),
  });
}
