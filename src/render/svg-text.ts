/**
 * How wide a chart label will be, without a browser to ask. An SVG cannot wrap or shrink its text,
 * so a label longer than the room beside a bar runs off the chart's left edge and is cut. Widths
 * are DejaVu Sans's (Debian's and many Linux desktops' default sans-serif, and wider than Segoe UI,
 * Arial or Roboto), so a label that fits here fits on the office PCs too.
 */

// Advance widths of the printable ASCII characters (space to ~), in hundredths of an em.
const ASCII_EM = [
  32, 40, 46, 84, 64, 95, 78, 28, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 71, 69, 70,
  77, 63, 57, 78, 75, 30, 30, 66, 56, 86, 75, 79, 60, 79, 70, 64, 59, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 64, 55, 64, 62, 35, 64,
  63, 28, 28, 58, 28, 97, 63, 61, 64, 64, 39, 52, 39, 63, 59, 82, 59, 59, 53, 64, 34, 64, 84,
];
// Accented Latin letters are about as wide as their base letter; anything else is given a full em.
const OTHER_EM = 100;
const LATIN_EM = 72;
const ELLIPSIS = '…';

/** The estimated width of `text` set at `fontPx` pixels. */
export function textWidth(text: string, fontPx: number): number {
  let hundredths = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    hundredths += code >= 32 && code < 127 ? ASCII_EM[code - 32]! : code >= 0xc0 && code < 0x250 ? LATIN_EM : OTHER_EM;
  }
  return (hundredths / 100) * fontPx;
}

/** `text` as it fits in `maxWidth`: whole, or cut with an ellipsis. */
export function fitText(text: string, maxWidth: number, fontPx: number): string {
  if (textWidth(text, fontPx) <= maxWidth) return text;
  const chars = [...text];
  const room = maxWidth - textWidth(ELLIPSIS, fontPx);
  let used = 0;
  let n = 0;
  while (n < chars.length && used + textWidth(chars[n]!, fontPx) <= room) used += textWidth(chars[n++]!, fontPx);
  return `${chars.slice(0, n).join('').trimEnd()}${ELLIPSIS}`;
}

/**
 * `text` broken at spaces into at most `maxLines` lines of `maxWidth`; what does not fit on the
 * last line is cut with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, fontPx: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim().split(/\s+/);
  while (rest.length && lines.length < maxLines - 1) {
    let n = 1;
    while (n < rest.length && textWidth(rest.slice(0, n + 1).join(' '), fontPx) <= maxWidth) n++;
    if (textWidth(rest[0]!, fontPx) > maxWidth) break;
    lines.push(rest.slice(0, n).join(' '));
    rest = rest.slice(n);
  }
  if (rest.length) lines.push(fitText(rest.join(' '), maxWidth, fontPx));
  return lines;
}
