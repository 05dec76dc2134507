/**
 * Where streamed output goes, piece by piece: a string being built, or a byte buffer on its way
 * to a file. A unit's JSON is mostly text shared with other units (a criterion answered the same
 * way at the same share); handing it over as a kept piece lets a byte writer copy the bytes it
 * encoded the first time instead of building, flattening and encoding 12 KB of text per unit.
 */
export interface TextOut {
  text(text: string): void;
  piece(piece: TextPiece): void;
}

/** Text written many times: its UTF-8 bytes are encoded on first use and kept beside it. */
export interface TextPiece {
  readonly text: string;
  bytes: Uint8Array | undefined;
}

export function textPiece(text: string): TextPiece {
  return { text, bytes: undefined };
}

const encoder = new TextEncoder();
const ARENA = 1 << 16;
let arena = new Uint8Array(ARENA);
let arenaUsed = 0;

/**
 * A piece's UTF-8, encoded once into a shared arena: thousands of small pieces then sit side by
 * side in a few blocks rather than in an allocation each.
 */
export function pieceBytes(piece: TextPiece): Uint8Array {
  if (piece.bytes) return piece.bytes;
  const most = piece.text.length * 3;
  if (most > ARENA >> 4) return (piece.bytes = encoder.encode(piece.text));
  if (arenaUsed + most > ARENA) {
    arena = new Uint8Array(ARENA);
    arenaUsed = 0;
  }
  const { written } = encoder.encodeInto(piece.text, arena.subarray(arenaUsed));
  piece.bytes = arena.subarray(arenaUsed, arenaUsed + written);
  arenaUsed += written;
  return piece.bytes;
}

/** What a writer wrote, as one string (for whole reports and tests). */
export function collectText(write: (out: TextOut) => void): string {
  let collected = '';
  write({
    text: (text) => {
      collected += text;
    },
    piece: (piece) => {
      collected += piece.text;
    },
  });
  return collected;
}
