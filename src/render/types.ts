import type { ZoneColor } from '../core/compile.js';
import type { ScoreReport } from '../core/report.js';

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
}

export type Renderer = (report: ScoreReport, options: RenderOptions) => string;
