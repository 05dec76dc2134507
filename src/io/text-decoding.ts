import { isUtf8 } from 'node:buffer';
import { MonevError, problem } from '../core/problem.js';

/**
 * Input bytes as text, without a BOM. UTF-8 (with or without a BOM) is what monev reads; UTF-16
 * is read when its BOM says so (Excel's "Unicode Text"). Anything else is refused with the place of the first byte
 * that is not UTF-8, rather than decoded with replacement characters: a CSV saved by Excel as plain
 * "CSV" is Windows-1252, and a name or note with `é` or `–` would otherwise change silently.
 */
export function decodeInput(bytes: Uint8Array, file: string): string {
  const utf16 = utf16Of(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    // The BOM is no character of the text: left in, it would shift line 1's columns and stop JSON.parse.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  throw notUtf8(bytes, firstInvalid(bytes, bytes.length), file);
}

/**
 * The start of a file that is streamed on: decoded as decodeInput would, except that a character
 * cut at the end of the piece is not an error (the stream has its other bytes).
 */
export function decodeHead(bytes: Uint8Array, file: string): string {
  const utf16 = utf16Of(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes.subarray(0, bytes.length & ~1));
  const complete = bytes.subarray(0, completeEnd(bytes, bytes.length));
  return decodeInput(complete, file);
}

export type Utf16 = 'utf-16le' | 'utf-16be';

/** The encoding a BOM declares, when it is UTF-16's. */
export function utf16Of(bytes: Uint8Array): Utf16 | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

export interface Utf8Checker {
  /** Each chunk as it passes; throws at the first byte that is not UTF-8. */
  chunk(bytes: Uint8Array): void;
  /** The end of the stream: throws if it cuts a character. */
  end(): void;
}

/** Checks a stream's UTF-8 piece by piece. A character split between two chunks is carried to the next. */
export function utf8Checker(file: string): Utf8Checker {
  let carry = Buffer.alloc(0);
  let lines = 0;
  // The current line's bytes so far, for the column of an error on it (not kept past 64 KiB).
  let line = Buffer.alloc(0);
  const check = (bytes: Buffer, end: number) => {
    if (isUtf8(bytes.subarray(0, end))) return;
    throw notUtf8(bytes, firstInvalid(bytes, end), file, { lines, lineBefore: line.length < LINE_KEPT ? line : undefined });
  };
  return {
    chunk(chunk) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const end = completeEnd(bytes, bytes.length);
      check(bytes, end);
      const lastBreak = lastBreakBefore(bytes, end);
      lines += countBreaks(bytes, end);
      const rest = bytes.subarray(lastBreak + 1, end);
      line = lastBreak >= 0 ? Buffer.from(rest) : line.length < LINE_KEPT ? Buffer.concat([line, rest]) : line;
      carry = Buffer.from(bytes.subarray(end));
    },
    end() {
      check(carry, carry.length);
    },
  };
}

const LINE_KEPT = 1 << 16;

/** The last LF before `end`, or -1 (lastIndexOf would read a negative start as counted from the end). */
function lastBreakBefore(bytes: Uint8Array, end: number): number {
  return end > 0 ? bytes.lastIndexOf(0x0a, end - 1) : -1;
}

function countBreaks(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < end; at = bytes.indexOf(0x0a, at + 1)) n++;
  return n;
}

/** Where the bytes stop being complete: a lead byte near the end whose continuation bytes are still to come is left out. */
function completeEnd(bytes: Uint8Array, length: number): number {
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: its lead is further back
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? length - back : length;
  }
  return length;
}

/**
 * The offset of the first byte that starts no valid UTF-8 sequence (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF); `end` when there is none. Only on the error path.
 */
export function firstInvalid(bytes: Uint8Array, end: number): number {
  let i = 0;
  while (i < end) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const follow = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (follow === 0 || i + follow >= end) return i;
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k <= follow; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += follow + 1;
  }
  return end;
}

function notUtf8(bytes: Uint8Array, at: number, file: string, before: { lines: number; lineBefore: Uint8Array | undefined } = { lines: 0, lineBefore: new Uint8Array(0) }): MonevError {
  const breakAt = lastBreakBefore(bytes, at);
  const line = before.lines + countBreaks(bytes, at) + 1;
  const lineBytes = breakAt >= 0 ? bytes.subarray(breakAt + 1, at) : before.lineBefore && Buffer.concat([before.lineBefore, bytes.subarray(0, at)]);
  const column = lineBytes && new TextDecoder().decode(lineBytes).length + 1;
  const byte = `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}`;
  return new MonevError([problem('input/not-utf8', { byte }, { file, line, column })]);
}
