import type { CompiledRubric, ZoneColor } from '../core/compile.js';
import type { Locale } from '../i18n/locale.js';
import type { ReportHead, UnitOrder } from '../core/report.js';
import type { UnitResult } from '../core/score.js';
import type { Summary } from '../core/summary.js';
import type { TextOut } from '../core/text-out.js';

export interface Painter {
  zone(color: ZoneColor | undefined, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

export const plainPainter: Painter = { zone: (_c, t) => t, bold: (t) => t, dim: (t) => t };

export interface RenderOptions {
  /** Gaps listed per unit in table and markdown output. */
  gaps: number;
  paint: Painter;
  locale: Locale;
  /** CSV for a spreadsheet program to open as it is (`score --excel`): see render/csv.ts. */
  excel?: boolean;
  /** The terminal's width in columns: the table is fitted to it. None for a pipe or a file. */
  width?: number;
  /** The order of the units in table and Markdown output (`score --sort`). */
  sort?: UnitOrder;
}

/**
 * Renders unit by unit, so that output starts before the last input is read and memory stays
 * flat. `unit` writes one unit to the output; `index` is its place there, from 0 (a format that
 * separates units writes the separator before each unit but the first). A format that needs every
 * unit before its first line (the terminal table, Markdown) keeps what it will print of each and writes it
 * from `end`, rather than holding whole results.
 */
export interface StreamRenderer {
  /** `rubric`: the compiled rubric, for a format that writes what the head does not carry (guidance). */
  begin(head: ReportHead, rubric?: CompiledRubric): string;
  unit(unit: UnitResult, out: TextOut, index: number): void;
  /**
   * What comes after the last unit. A format that keeps its units for the end (the terminal
   * table, Markdown) may give it in parts, written one after another: a national round's text in
   * one string could pass the longest string V8 allows.
   */
  end(summary: Summary, head: ReportHead, units: number): string | readonly string[];
}
