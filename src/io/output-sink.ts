import { closeSync, fstatSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

export interface OutputSink {
  /** Returns a promise only when the caller must wait (stdout's back-pressure), so that most writes cost no promise. */
  write(text: string): void | Promise<void>;
  /** Flushes; for a file, renames the temporary file onto the target. */
  commit(): Promise<void>;
  /** Drops what was written to a file (stdout cannot be taken back). */
  abort(): void;
}

const CHUNK = 1 << 16;

/**
 * Output to a file goes to a temporary file beside it and is renamed on commit, so readers see the
 * old file or the new one, never half of one; a run killed half-way leaves the previous output.
 * Output to a pipe or terminal is buffered in 64 KiB chunks and respects back-pressure.
 */
export function openOutput(target: string | undefined): OutputSink {
  // Redirected to a file (`> hasil.jsonl`), stdout is written like --out, minus the rename.
  if (!target && stdoutIsFile()) return directOutput(1);
  if (!target) {
    let buffer = '';
    const flush = (): void | Promise<void> => {
      const text = buffer;
      buffer = '';
      if (text && !process.stdout.write(text)) return new Promise((resolve) => process.stdout.once('drain', resolve));
    };
    return {
      write(text) {
        buffer += text;
        if (buffer.length >= CHUNK) return flush();
      },
      commit: async () => flush(),
      abort() {
        buffer = '';
      },
    };
  }
  if (isSpecialFile(target)) return directOutput(target);
  // node:crypto is required here, not imported: loading it costs about 5 ms, and most runs write to stdout.
  const { randomBytes } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const writer = fdWriter(openSync(temp, 'w'));
  // Interrupted (Ctrl-C, a CI timeout), the half-written temporary file goes; the target was never touched.
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(temp, { force: true });
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const release = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return {
    write: writer.write,
    async commit() {
      try {
        writer.close();
        renameSync(temp, target);
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      } finally {
        release();
      }
    },
    abort() {
      writer.drop();
      rmSync(temp, { force: true });
      release();
    },
  };
}

const WRITE_BUFFER = 1 << 18;

/**
 * Writes text to a file descriptor through one reused byte buffer: each text is encoded straight
 * into it, and it goes to the file when full. No string is built up (joining hundreds of
 * megabytes of JSON into chunk strings cost more than the encoding itself).
 */
function fdWriter(fd: number, owned = true) {
  const bytes = Buffer.allocUnsafe(WRITE_BUFFER);
  let used = 0;
  let open = true;
  // A pipe may take fewer bytes than offered: write until all are taken.
  const writeAll = (data: Buffer, length: number) => {
    for (let done = 0; done < length; ) done += writeSync(fd, data, done, length - done);
  };
  const flush = () => {
    writeAll(bytes, used);
    used = 0;
  };
  return {
    write(text: string): void {
      // A UTF-16 unit takes at most 3 bytes in UTF-8.
      if (used + text.length * 3 > WRITE_BUFFER) flush();
      if (text.length * 3 <= WRITE_BUFFER) used += bytes.write(text, used);
      else {
        const large = Buffer.from(text);
        writeAll(large, large.length);
      }
    },
    close(): void {
      if (!open) return;
      open = false;
      try {
        flush();
      } finally {
        if (owned) closeSync(fd);
      }
    },
    drop(): void {
      used = 0;
      if (open && owned) closeSync(fd);
      open = false;
    },
  };
}

function stdoutIsFile(): boolean {
  try {
    return fstatSync(1).isFile();
  } catch {
    return false;
  }
}

/** A device or a FIFO (/dev/null, a named pipe) is written in place: renaming onto it would replace it. */
function isSpecialFile(target: string): boolean {
  try {
    return !statSync(target).isFile();
  } catch {
    return false;
  }
}

function directOutput(target: string | 1): OutputSink {
  const writer = fdWriter(target === 1 ? 1 : openSync(target, 'w'), target !== 1);
  return {
    write: writer.write,
    async commit() {
      writer.close();
    },
    abort() {
      writer.drop();
    },
  };
}
