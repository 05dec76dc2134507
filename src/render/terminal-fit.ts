/** Fitting box-drawn tables (cli-table3's default style) to a terminal's width. */

/** The width of a table whose columns hold cells this wide: a space either side of each cell, a border after it, and one opening the row. */
export function boxWidth(cellWidths: readonly number[]): number {
  return cellWidths.reduce((sum, w) => sum + w + 3, 1);
}

/**
 * The largest of `values`, at least `floor`. A loop, not `Math.max(...values)`: spreading the cells
 * of a round of 200,000 units overflows the call stack.
 */
export function largest(values: Iterable<number>, floor = 0): number {
  let most = floor;
  for (const value of values) if (value > most) most = value;
  return most;
}

/** `text` cut to `room` characters, with an ellipsis for what is left out. */
export function cutCell(text: string, room: number): string {
  return text.length <= room ? text : `${text.slice(0, room - 1).trimEnd()}…`;
}

/**
 * `text` broken at spaces into lines of at most `room` characters (a word longer than that has a
 * line of its own). With less than 20 characters of room it is not broken: the terminal wraps it.
 */
function wrapWords(text: string, room: number): string[] {
  if (room < 20 || text.length <= room) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** `prefix` then `text`, its further lines (on a terminal `width` wide) indented under its first. */
export function hanging(prefix: string, text: string, width: number | undefined): string[] {
  const lines = width ? wrapWords(text, width - prefix.length) : [text];
  return lines.map((line, i) => `${i === 0 ? prefix : ' '.repeat(prefix.length)}${line}`);
}

/**
 * Parts joined with `separator`, on as few lines as a terminal `width` wide needs: a line breaks
 * only between parts, ending with the separator's text (trimmed), never inside one. Widths are
 * those of the `plain` texts; `painted` (the same text with colour codes) is what is written. A
 * `lead` (a heading, `By region: `) goes with the first part, so that it is never alone on a line.
 */
export function joinedParts(parts: readonly { plain: string; painted?: string }[], separator: string, width: number | undefined, lead = ''): string[] {
  const mark = separator.trimEnd();
  const lines: string[] = [];
  let line: string | undefined;
  let used = 0;
  parts.forEach((given, i) => {
    const part = i === 0 && lead ? { plain: lead + given.plain, painted: given.painted === undefined ? undefined : lead + given.painted } : given;
    const text = part.painted ?? part.plain;
    // A part joins the line if the line still has room for the mark after it, should a break follow.
    const room = used + separator.length + part.plain.length + (i < parts.length - 1 ? mark.length : 0);
    if (line !== undefined && !(width && room > width)) {
      line += separator + text;
      used += separator.length + part.plain.length;
      return;
    }
    if (line !== undefined) lines.push(line + mark);
    line = text;
    used = part.plain.length;
  });
  if (line !== undefined) lines.push(line);
  return lines;
}

// cli-table3 lays a table out in time that grows with the square of its rows (each cell is checked
// against the rows above it): a table of 10,000 units took 8 s, one of 100,000 would take many
// minutes. Tables are drawn in slices of this many rows, with the same column widths, and joined.
const SLICE = 250;

/**
 * A table of many rows drawn slice by slice and joined into one. `draw` renders some rows as a
 * whole table (with the header for the first slice) at fixed column widths; every slice but the
 * first loses its top border (which becomes a rule between rows when the table has them: `ruled`),
 * every slice but the last its bottom border.
 */
export function slicedTable<R>(rows: readonly R[], draw: (rows: readonly R[], first: boolean) => string, ruled: boolean): string {
  const out: string[] = [];
  for (let start = 0; start === 0 || start < rows.length; start += SLICE) {
    const lines = draw(rows.slice(start, start + SLICE), start === 0).split('\n');
    if (start > 0) {
      const top = lines.shift()!;
      if (ruled) out.push(ruleFrom(top));
    }
    if (start + SLICE < rows.length) lines.pop();
    out.push(...lines);
  }
  return out.join('\n');
}

/** A rule between rows, drawn from a table's top border. */
export function ruleFrom(top: string): string {
  return top.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤');
}
