import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cliEnv, monev } from './run-cli.js';

/** A run killed half-way leaves the previous output intact. */
describe('--out survives a killed run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'monev-kill-'));
  const input = join(dir, 'besar.csv');
  // Large enough that writing the output takes a while: the kill lands mid-write.
  const ids = ['persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'dasar-hukum', 'maklumat', 'toilet', 'sarana-pengaduan'];
  writeFileSync(input, `unit,${ids.join(',')}\n${Array.from({ length: 60000 }, (_, i) => `u${i},${ids.map((_, k) => ((i + k) % 3 ? 'ya' : 'tidak')).join(',')}`).join('\n')}\n`);

  async function killMidWrite(signal: NodeJS.Signals, threads = '1'): Promise<{ out: string; files: string[]; code: number | null; signal: NodeJS.Signals | null }> {
    const out = join(mkdtempSync(join(dir, 'run-')), 'hasil.json');
    writeFileSync(out, 'previous result\n');
    const child = spawn(process.execPath, [BIN, 'score', input, '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'json', '-q', '--out', out, '--threads', threads], { stdio: 'ignore' });
    const folder = join(out, '..');
    const started = Date.now();
    // Wait until the temporary file has content, so the kill lands while output is being written.
    const writing = () => readdirSync(folder).some((f) => f.endsWith('.tmp') && statSync(join(folder, f)).size > 0);
    while (!writing()) {
      if (Date.now() - started > 20_000) throw new Error('the run never started writing');
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill(signal);
    const [code, sig] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    return { out: readFileSync(out, 'utf8'), files: readdirSync(folder), code, signal: sig };
  }

  it('SIGKILL: the previous output is intact', async () => {
    const run = await killMidWrite('SIGKILL');
    expect(run.signal).toBe('SIGKILL');
    expect(run.out).toBe('previous result\n');
  }, 60_000);

  it('SIGTERM: the previous output is intact and the temporary file is removed', async () => {
    const run = await killMidWrite('SIGTERM');
    expect(run.code).toBe(143);
    expect(run.out).toBe('previous result\n');
    expect(run.files).toEqual(['hasil.json']);
  }, 60_000);

  // With the parse thread, records are taken in the main thread's event loop: the signal must
  // still be handled while the round runs, not after it.
  it('SIGTERM with the parse thread: the same', async () => {
    const run = await killMidWrite('SIGTERM', '2');
    expect(run.code).toBe(143);
    expect(run.out).toBe('previous result\n');
    expect(run.files).toEqual(['hasil.json']);
  }, 60_000);
});

describe('--out into folders that do not exist yet', () => {
  it('makes them, and takes them away again when the run writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-out-'));
    const out = join(dir, 'laporan', '2023', 'hasil.json');
    expect(monev(['score', 'examples/pra-evaluasi', '--format', 'json', '-q', '--out', out])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).units).toHaveLength(6);
    expect(readdirSync(join(dir, 'laporan', '2023'))).toEqual(['hasil.json']);

    // An input error after the output was opened: nothing written, no folder left behind.
    writeFileSync(join(dir, 'rusak.csv'), 'criterion,value\npersyaratn,ya\n');
    const failed = monev(['score', join(dir, 'rusak.csv'), '--rubric', 'examples/rubric-pra-evaluasi.yaml', '-q', '--out', join(dir, 'baru', 'a', 'hasil.json')]);
    expect(failed.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['laporan', 'rusak.csv']);

    // A path ending in a separator names a folder: no file is written there, none is made.
    expect(monev(['score', 'examples/pra-evaluasi', '-q', '--out', join(dir, 'baru') + '/'])).toMatchObject({
      code: 2,
      stderr: `${join(dir, 'baru')}/: error: cannot write the output here (EISDIR: it is a folder; name a file) [output/unwritable]\n`,
    });
    expect(readdirSync(dir).sort()).toEqual(['laporan', 'rusak.csv']);

    // A file where a folder should be is still an error, with its reason.
    expect(monev(['score', 'examples/pra-evaluasi', '-q', '--out', join(dir, 'rusak.csv', 'hasil.json')])).toMatchObject({
      code: 2,
      stderr: `${join(dir, 'rusak.csv', 'hasil.json')}: error: cannot write the output here (ENOTDIR: a part of the path is a file, not a folder) [output/unwritable]\n`,
    });
  });
});

describe('where the output goes: stdout redirected, a full disk', () => {
  /** Runs monev with stdout on `target` (as `> target` does), stderr kept. */
  function redirected(target: string, args: string[]) {
    const fd = openSync(target, 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: cliEnv() });
      return { code: run.status, stderr: run.stderr };
    } finally {
      closeSync(fd);
    }
  }

  // Both are written in place (src/io/output-sink.ts), not through Node's stream: what lands must
  // be what a pipe gets, byte for byte, for output larger than the 256 KiB buffer.
  const dir = mkdtempSync(join(tmpdir(), 'monev-stdout-'));
  const input = join(dir, 'besar.csv');
  const ids = ['persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'dasar-hukum', 'maklumat', 'toilet', 'sarana-pengaduan'];
  writeFileSync(input, `unit,${ids.join(',')}\n${Array.from({ length: 3000 }, (_, i) => `u${i},${ids.map((_, k) => ((i + k) % 3 ? 'ya' : 'tidak')).join(',')}`).join('\n')}\n`);
  const args = ['score', input, '--rubric', 'examples/rubric-pra-evaluasi.yaml', '--format', 'jsonl', '-q'];

  it('to a file: the same bytes as through a pipe', () => {
    const piped = monev(args);
    expect(piped).toMatchObject({ code: 0, stderr: '' });
    expect(piped.stdout.length).toBeGreaterThan(1 << 20);
    const file = join(dir, 'hasil.jsonl');
    expect(redirected(file, args)).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
  });

  it('to /dev/null: the run ends as it does through a pipe', () => {
    expect(redirected('/dev/null', args)).toEqual({ code: 0, stderr: '' });
    const failing = [...args, '--fail-under', '101'];
    const piped = monev(failing);
    expect(piped.code).toBe(1);
    expect(redirected('/dev/null', failing)).toEqual({ code: 1, stderr: piped.stderr });
  });

  // /dev/full refuses every write with ENOSPC, as a full disk does: the output here is about 3 MB,
  // so the refusal comes mid-round, from the 256 KiB buffer, not only at the end.
  it.runIf(existsSync('/dev/full'))('to a full disk: a clear message and exit 2, for stdout and --out alike', () => {
    const full = 'error: cannot write the output here (ENOSPC: the disk is full) [output/unwritable]\n';
    expect(redirected('/dev/full', args)).toEqual({ code: 2, stderr: `<stdout>: ${full}` });
    expect(monev([...args, '--out', '/dev/full'])).toEqual({ code: 2, stdout: '', stderr: `/dev/full: ${full}` });
    // A report is written at once, at its end.
    expect(redirected('/dev/full', ['report', 'examples/pra-evaluasi', '--format', 'markdown', '-q'])).toEqual({ code: 2, stderr: `<stdout>: ${full}` });
  });

  /** Runs monev with stdout on a pipe or a TCP connection whose reader `stop`s it after the first bytes. */
  async function cutOff(stdout: 'pipe' | 'socket', argv: string[]): Promise<{ code: number | null; stderr: string }> {
    const spawned = (out: 'pipe' | Socket) => spawn(process.execPath, [BIN, ...argv], { stdio: ['ignore', out, 'pipe'], env: cliEnv() });
    const ended = async (child: ReturnType<typeof spawned>) => {
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      return { code, stderr };
    };
    if (stdout === 'pipe') {
      // The reader stops early and closes its end, as `| head` does.
      const child = spawned('pipe');
      child.stdout!.once('data', () => child.stdout!.destroy());
      return ended(child);
    }
    // The reader resets the connection (a TCP RST) after the first bytes.
    const server = createServer((peer) => peer.once('data', () => peer.resetAndDestroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const socket = await new Promise<Socket>((resolve) => {
      const s = connect(port, '127.0.0.1', () => resolve(s));
    });
    try {
      return await ended(spawned(socket));
    } finally {
      socket.destroy();
      server.close();
    }
  }

  it('to a reader that stops early (`| head`): no message, the run\'s own exit code', async () => {
    expect(await cutOff('pipe', args)).toEqual({ code: 0, stderr: '' });
    expect(await cutOff('pipe', [...args, '--threads', '2'])).toEqual({ code: 0, stderr: '' });
  });

  it('to a connection reset by its reader: a clear message and exit 2, not a stack trace', async () => {
    const reset = 'error: cannot write the output here (ECONNRESET: the other end of the connection reset it) [output/unwritable]\n';
    expect(await cutOff('socket', args)).toEqual({ code: 2, stderr: `<stdout>: ${reset}` });
    expect(await cutOff('socket', [...args, '--threads', '2', '--lang', 'id'])).toEqual({
      code: 2,
      stderr: '<stdout>: galat: keluaran tidak dapat ditulis di sini (ECONNRESET: sambungannya diputus oleh ujung yang lain) [output/unwritable]\n',
    });
  });

  it('to a file larger than the system allows: the same, and no temporary file is left', () => {
    const folder = mkdtempSync(join(tmpdir(), 'monev-efbig-'));
    const out = join(folder, 'hasil.jsonl');
    // `ulimit -f 64`: no file of this process may pass 64 KiB; Node takes the refusal as EFBIG.
    const command = ['ulimit -f 64;', process.execPath, BIN, ...args, '--out', out].map((part, i) => (i ? `'${part}'` : part)).join(' ');
    const run = spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8', env: cliEnv() });
    expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 2, stderr: `${out}: error: cannot write the output here (EFBIG: the file would be larger than this system lets it be) [output/unwritable]\n` });
    expect(readdirSync(folder)).toEqual([]);
  });
});
