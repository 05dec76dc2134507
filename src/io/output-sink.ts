import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmdirSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { MonevError, problem } from '../core/problem.js';
import { pieceBytes, type TextOut, type TextPiece } from '../core/text-out.js';
import { endsWithSeparator } from './out-path.js';

export interface OutputSink extends TextOut {
  /** Writes text and waits, when the output asks for it, until it can take more. */
  write(text: string): void | Promise<void>;
  /**
   * A promise when the caller must wait before writing more (stdout's back-pressure), so that
   * most units cost no promise.
   */
  ready(): void | Promise<void>;
  /** Flushes; for a file, renames the temporary file onto the target. */
  commit(): Promise<void>;
  /** Drops what was written to a file (stdout cannot be taken back). */
  abort(): void;
}

/**
 * Output to a file goes to a temporary file beside it and is renamed on commit, so readers see the
 * old file or the new one, never half of one; a run killed half-way leaves the previous output.
 * Output to a pipe or terminal is sent in 64 KiB chunks and respects back-pressure.
 */
export function openOutput(target: string | undefined): OutputSink {
  // Redirected to a file (`> hasil.jsonl`) or a device (`> /dev/null`), stdout is written like
  // --out, minus the rename: Node would write there synchronously too, but through a stream that
  // takes a fresh 64 KiB chunk each time (a 100,000-unit jsonl run hands it 20,000 of them).
  if (!target && stdoutIsFileOrDevice()) return fdOutput(1, false, STDOUT);
  if (!target) return streamOutput(process.stdout);
  if (isSpecialFile(target)) return fdOutput(openSync(target, 'w'), true, target);
  // `--out laporan/` names a folder, whether or not it exists yet: no file can be written there.
  if (endsWithSeparator(target)) throw Object.assign(new Error(`a folder: ${target}`), { code: 'EISDIR' });
  // node:crypto is required here, not imported: loading it costs about 5 ms, and most runs write to stdout.
  const { randomBytes } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  // Folders named in --out that do not exist yet are made (`--out laporan/2023/hasil.html`), and
  // taken away again when the run ends without writing.
  const folder = dirname(target);
  const made = makeFolder(folder);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const discard = () => {
    rmSync(temp, { force: true });
    if (made) removeEmptyFolders(folder, made);
  };
  const file = fdOutput(openSync(temp, 'w'), true, target);
  // Interrupted (Ctrl-C, a CI timeout), the half-written temporary file goes; the target was never touched.
  const onSignal = (signal: NodeJS.Signals) => {
    discard();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const release = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return {
    ...file,
    async commit() {
      try {
        await file.commit();
        renameSync(temp, target);
      } catch (error) {
        discard();
        throw error;
      } finally {
        release();
      }
    },
    abort() {
      file.abort();
      discard();
      release();
    },
  };
}

/** mkdir -p; a file where a folder should be is ENOTDIR (mkdir says EEXIST, which misleads). */
function makeFolder(folder: string): string | undefined {
  try {
    return mkdirSync(folder, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw Object.assign(new Error(`not a folder: ${folder}`), { code: 'ENOTDIR' });
    throw error;
  }
}

/** Removes `from` and the folders above it up to `top`, as long as each is empty. */
function removeEmptyFolders(from: string, top: string): void {
  for (let folder = from; ; folder = dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      return;
    }
    if (folder === top) return;
  }
}

/** How messages name standard output. */
export const STDOUT = '<stdout>';

const WRITE_BUFFER = 1 << 18;
const STREAM_CHUNK = 1 << 16;

/**
 * Text and kept pieces encoded straight into one byte buffer, handed to `send` when full. No
 * string is built up: joining hundreds of megabytes of JSON into chunk strings cost more than the
 * encoding itself, and a kept piece is copied as the bytes it was encoded to once. `fresh` gives
 * each chunk its own buffer, for a stream that keeps what it is given.
 */
function byteBuffer(size: number, send: (bytes: Buffer) => void, fresh = false) {
  let bytes = Buffer.allocUnsafe(size);
  let used = 0;
  const flush = () => {
    if (!used) return;
    const full = bytes.subarray(0, used);
    if (fresh) bytes = Buffer.allocUnsafe(size);
    used = 0;
    send(full);
  };
  return {
    text(text: string): void {
      // A UTF-16 unit takes at most 3 bytes in UTF-8.
      if (used + text.length * 3 > size) flush();
      if (text.length * 3 <= size) used += bytes.write(text, used);
      else send(Buffer.from(text));
    },
    piece(piece: TextPiece): void {
      const encoded = pieceBytes(piece);
      if (used + encoded.length > size) flush();
      if (encoded.length <= size) {
        bytes.set(encoded, used);
        used += encoded.length;
      } else send(Buffer.from(encoded.buffer, encoded.byteOffset, encoded.length));
    },
    flush,
    drop(): void {
      used = 0;
    },
  };
}

/** A pipe may take fewer bytes than offered: write until all are taken. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** A pipe or terminal: Node's stream does the writing; waiting for 'drain' when it asks. */
export function streamOutput(stream: NodeJS.WritableStream): OutputSink {
  let waiting: Promise<void> | undefined;
  const writer = byteBuffer(
    STREAM_CHUNK,
    (bytes) => {
      if (!stream.write(bytes)) waiting ??= new Promise((resolve) => stream.once('drain', () => resolve()));
    },
    true,
  );
  const ready = () => {
    const promise = waiting;
    waiting = undefined;
    return promise;
  };
  return {
    text: writer.text,
    piece: writer.piece,
    write(text) {
      writer.text(text);
      return ready();
    },
    ready,
    async commit() {
      writer.flush();
      await ready();
    },
    abort() {
      writer.drop();
    },
  };
}

function stdoutIsFileOrDevice(): boolean {
  try {
    return writtenInPlace(fstatSync(1), Boolean(process.stdout.isTTY));
  } catch {
    return false;
  }
}

/** A file or a device other than a terminal (`/dev/null`) takes synchronous writes of any size; a pipe or terminal gets a stream. */
export function writtenInPlace(stat: Pick<Stats, 'isFile' | 'isCharacterDevice'>, isTTY: boolean): boolean {
  return stat.isFile() || (stat.isCharacterDevice() && !isTTY);
}

/** A device or a FIFO (/dev/null, a named pipe) is written in place: renaming onto it would replace it. */
function isSpecialFile(target: string): boolean {
  try {
    return !statSync(target).isFile();
  } catch {
    return false;
  }
}

/**
 * A file or a device (stdout redirected, /dev/null) written in place, synchronously. A write the
 * system refuses (a full disk, mid-round or at the end) is a problem of the output `name`: the
 * user's --out, or stdout; not a crash.
 */
function fdOutput(fd: number, owned: boolean, name: string): OutputSink {
  const { text, piece, flush, drop } = byteBuffer(WRITE_BUFFER, (bytes) => {
    try {
      writeAll(fd, bytes);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw code ? new MonevError([problem('output/unwritable', { reason: code }, { file: name })]) : error;
    }
  });
  let open = true;
  const close = () => {
    if (open && owned) closeSync(fd);
    open = false;
  };
  return {
    text,
    piece,
    write: text,
    ready: () => undefined,
    async commit() {
      try {
        flush();
      } finally {
        close();
      }
    },
    abort() {
      drop();
      close();
    },
  };
}
