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

export function pieceBytes(piece: TextPiece): Uint8Array {
  return (piece.bytes ??= encoder.encode(piece.text));
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
