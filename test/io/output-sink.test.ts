import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collectText, textPiece, type TextOut } from '../../src/core/text-out.js';
import { openOutput, streamOutput, writtenInPlace } from '../../src/io/output-sink.js';

/**
 * Writes that cross the byte buffer's edges (256 KiB for files, 64 KiB chunks for pipes): kept
 * pieces reused thousands of times, thousands of distinct pieces, text and pieces outside ASCII (a piece's UTF-8 is longer than
 * its text), and a text and a piece each larger than the buffer.
 */
function writeMixed(out: TextOut): void {
  const shared = [textPiece(',{"id":"k01","status":"met","value":true}'), textPiece(',{"title":"Ruang tunggu ramah disabilitas — lantai 1"}'), textPiece('𝄞é\n')];
  for (let i = 0; i < 30_000; i++) {
    out.text(`{"unit":"u${i}","name":"Puskesmas Tanjung Beringin ${i % 7 ? '' : 'ñ'}"`);
    out.piece(shared[i % 3]!);
    out.piece(shared[(i + 1) % 3]!);
  }
  // Enough distinct pieces to fill several of the blocks their bytes are kept in, each written twice.
  const many = Array.from({ length: 5000 }, (_, i) => textPiece(`,{"id":"k${i}","title":"Pelayanan ${i % 11 ? 'terpadu' : 'ñ'}"}`));
  for (const piece of [...many, ...many]) out.piece(piece);
  out.text('x'.repeat(200_000));
  out.piece(textPiece('é'.repeat(300_000)));
  out.text('end\n');
}

describe('output sink', () => {
  const expected = collectText(writeMixed);

  it('writes text and kept pieces to a file as the same UTF-8 as the text they add up to', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'monev-sink-')), 'hasil.jsonl');
    writeFileSync(target, 'previous\n');
    const sink = openOutput(target);
    writeMixed(sink);
    expect(sink.ready()).toBeUndefined();
    expect(readFileSync(target, 'utf8')).toBe('previous\n');
    await sink.commit();
    expect(readFileSync(target, 'utf8')).toBe(expected);
  });

  it('leaves the previous file and no temporary file when aborted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-sink-'));
    const target = join(dir, 'hasil.json');
    writeFileSync(target, 'previous\n');
    const sink = openOutput(target);
    writeMixed(sink);
    sink.abort();
    expect(readFileSync(target, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir)).toEqual(['hasil.json']);
  });

  it('sends a stream its own chunks and waits when the stream asks for it', async () => {
    const chunks: Buffer[] = [];
    // A slow reader: every chunk is taken a tick later, and the stream asks to wait after 1 byte.
    const stream = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        setImmediate(done);
      },
    });
    const sink = streamOutput(stream);
    let waits = 0;
    for (let round = 0; round < 3; round++) {
      writeMixed(sink);
      const ready = sink.ready();
      if (ready) {
        waits++;
        await ready;
      }
    }
    await sink.commit();
    expect(waits).toBe(3);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected.repeat(3));
    // Each chunk is a buffer of its own: none was overwritten by a later write.
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
  });

  it('writes stdout in place when it is a file or a device other than a terminal, through a stream otherwise', () => {
    const stat = (kind: 'file' | 'device' | 'pipe') => ({ isFile: () => kind === 'file', isCharacterDevice: () => kind === 'device' });
    expect(writtenInPlace(stat('file'), false)).toBe(true);
    // `> /dev/null`
    expect(writtenInPlace(stat('device'), false)).toBe(true);
    // A terminal is a character device too; it keeps the stream (and its back-pressure).
    expect(writtenInPlace(stat('device'), true)).toBe(false);
    expect(writtenInPlace(stat('pipe'), false)).toBe(false);
  });
});
