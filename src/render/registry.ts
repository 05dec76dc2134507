import type { RenderOptions, Renderer, StreamRenderer } from './types.js';

export type FormatEntry = { kind: 'whole'; load: () => Promise<Renderer> } | { kind: 'stream'; load: (options: RenderOptions) => Promise<StreamRenderer> };

/** Output formats by name; each module is loaded only when its format is asked for. */
const formats: Record<string, FormatEntry> = {
  table: { kind: 'stream', load: async (options) => (await import('./table.js')).tableStream(options) },
  markdown: { kind: 'whole', load: async () => (await import('./markdown.js')).renderMarkdown },
  json: { kind: 'stream', load: async () => (await import('./json.js')).jsonStream },
  jsonl: { kind: 'stream', load: async () => (await import('./jsonl.js')).jsonlStream },
  csv: {
    kind: 'stream',
    load: async ({ excel, locale }) => {
      const csv = await import('./csv.js');
      return excel ? csv.csvStreamOf(csv.excelCsv(locale.lang)) : csv.csvStream;
    },
  },
  'csv-gaps': {
    kind: 'stream',
    load: async ({ excel, locale }) => {
      const [{ csvGapsStream }, { excelCsv }] = await Promise.all([import('./csv-gaps.js'), import('./csv.js')]);
      return csvGapsStream(excel ? excelCsv(locale.lang) : undefined);
    },
  },
};

export const SCORE_FORMATS = Object.keys(formats);

export function scoreFormat(name: string): FormatEntry | undefined {
  return formats[name];
}
