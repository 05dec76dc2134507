import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandModules } from './command-modules.js';

/**
 * What the built CLI imports in place of command-modules.ts (scripts/build.mjs swaps them): the
 * commands live in one CommonJS bundle, dist/commands.cjs, compiled from a V8 code cache written
 * by the build, dist/commands.cjs.cache. Compiling zod, yaml, csv-parse and monev's own modules
 * from source is a large part of a short run (measured: `score` of a small folder 45 ms faster,
 * `validate` about 20 ms); Node 20 offers no code cache for ES modules, hence CommonJS here.
 *
 * The cache starts with the CRC-32 and the length of the bundle it was made from: V8 itself checks
 * only the source's length, so a cache is used only with the same bundle (a CRC-32 misses no
 * accidental edit of fewer than 32 bits and one in 2^32 of the others; it is no defence against
 * someone who can write the package, who could write the cache too). node:zlib loads and hashes in
 * about 4 ms where node:crypto and SHA-256 took 7.5, and `validate` then loads no node:crypto at
 * all. A Node without zlib.crc32 (before 20.15) compiles from source. V8 rejects a cache made by
 * another Node version or with other V8 flags; the bundle is then compiled from source, as
 * without a cache. Nothing is written at run time, except when the build asks for it
 * (MONEV_WRITE_CODE_CACHE=1).
 */
const require = createRequire(import.meta.url);
const HEADER_BYTES = 8;

type Status = 'used' | 'rejected' | 'missing' | 'stale' | 'unchecked';
let bundle: CommandModules | undefined;

/** Async like the import() it stands for: a bundle that cannot be loaded is a rejection, not a throw. */
export async function loadCommand<K extends keyof CommandModules>(name: K): Promise<Awaited<ReturnType<CommandModules[K]>>> {
  bundle ??= loadBundle();
  return (await bundle[name]()) as Awaited<ReturnType<CommandModules[K]>>;
}

function loadBundle(): CommandModules {
  const fs = require('node:fs') as typeof import('node:fs');
  const vm = require('node:vm') as typeof import('node:vm');
  const file = fileURLToPath(new URL('./commands.cjs', import.meta.url));
  const cacheFile = `${file}.cache`;
  const bytes = fs.readFileSync(file);
  const header = fingerprint(bytes);
  let cache: Buffer | undefined;
  let status: Status = header ? 'missing' : 'unchecked';
  try {
    if (header) {
      const stored = fs.readFileSync(cacheFile);
      if (stored.subarray(0, HEADER_BYTES).equals(header)) cache = stored.subarray(HEADER_BYTES);
      else status = 'stale';
    }
  } catch {
    // No cache (a build without one, or a read-only copy): compile from source.
  }
  // The build leaves the bundle ASCII-only, so one-byte text is exact; the file is the function
  // Node itself would wrap a CommonJS module in (scripts/build.mjs).
  const script = new vm.Script(bytes.toString('latin1'), { filename: file, cachedData: cache });
  if (cache) status = script.cachedDataRejected ? 'rejected' : 'used';
  // After the compile: V8 takes a cache only under the flags it was made with.
  if (process.env.MONEV_WRITE_CODE_CACHE !== '1') patientOptimizer();
  const module = { exports: {} as { commandModules: CommandModules } };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (process.env.MONEV_DEBUG === '1') process.stderr.write(`monev: code cache ${status} (${cacheFile})\n`);
  if (process.env.MONEV_WRITE_CODE_CACHE === '1' && header) {
    // At exit, so that the functions this run compiled are in the cache too.
    process.once('exit', () => {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temp, Buffer.concat([header, script.createCachedData()]));
        fs.renameSync(temp, cacheFile);
      } catch (error) {
        fs.rmSync(temp, { force: true });
        process.stderr.write(`monev: the code cache was not written: ${(error as Error).message}\n`);
      }
    });
  }
  return module.exports.commandModules;
}

/**
 * Most runs are short (a CI job validating a rubric, a kabupaten's few dozen files): V8's
 * optimizing compiler then starts on functions that are hot only for a few milliseconds (the yaml
 * lexer, the nesting scan), compiles them on the second core for 2-34 ms each, and the process
 * waits at exit for compiles still running. With six times V8 11.3's interrupt budget (66 KiB of
 * bytecode between tiering checks) such runs optimize nothing: measured `validate` 203 -> 173 ms
 * and `score` of the example round 208 -> 183 ms, min of 21 interleaved runs; rounds of
 * seconds optimize the same functions a few milliseconds later (A, B and C unchanged within
 * noise). Only Node 20's V8 (11.x) was measured; other versions keep their defaults (and an
 * unknown flag would print an error). Set after the bundle is compiled, since a code cache is
 * taken only under the flags it was made with, and never in the build's training runs, whose
 * cache records the flags.
 */
function patientOptimizer(): void {
  if (!process.versions.v8.startsWith('11.')) return;
  const v8 = require('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString(`--interrupt-budget=${6 * 67_584}`);
}

/** CRC-32 and length of the bundle; undefined where node:zlib has no crc32 (Node before 20.15). */
function fingerprint(bytes: Buffer): Buffer | undefined {
  const { crc32 } = require('node:zlib') as { crc32?: (data: Uint8Array) => number };
  if (!crc32) return undefined;
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(crc32(bytes), 0);
  header.writeUInt32BE(bytes.length, 4);
  return header;
}
