import type { Renderer } from './types.js';

/** Output formats by name; each module is loaded only when its format is asked for. */
const renderers: Record<string, () => Promise<Renderer>> = {
  table: async () => (await import('./table.js')).renderTable,
  json: async () => (await import('./json.js')).renderJson,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
  csv: async () => (await import('./csv.js')).renderCsv,
};

export const SCORE_FORMATS = Object.keys(renderers);

export function loadRenderer(format: string): Promise<Renderer> | undefined {
  return renderers[format]?.();
}
