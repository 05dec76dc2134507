/** Fitting box-drawn tables (cli-table3's default style) to a terminal's width. */

/** The width of a table whose columns hold cells this wide: a space either side of each cell, a border after it, and one opening the row. */
export function boxWidth(cellWidths: readonly number[]): number {
  return cellWidths.reduce((sum, w) => sum + w + 3, 1);
}

/** `text` cut to `room` characters, with an ellipsis for what is left out. */
export function cutCell(text: string, room: number): string {
  return text.length <= room ? text : `${text.slice(0, room - 1).trimEnd()}…`;
}
