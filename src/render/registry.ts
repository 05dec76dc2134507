import type { RenderOptions, StreamRenderer } from './types.js';

/** A format's renderer, its module loaded when the format is asked for. */
export type FormatLoader = (options: RenderOptions) => Promise<StreamRenderer>;

/** Output formats by name; each module is loaded only when its format is asked for. */
const formats: Record<string, FormatLoader> = {
  table: async (options) => (await import('./table.js')).tableStream(options),
  markdown: async (options) => (await import('./markdown.js')).markdownStream(options),
  json: async () => (await import('./json.js')).jsonStream,
  jsonl: async () => (await import('./jsonl.js')).jsonlStream,
  csv: async ({ excel, locale }) => {
    const csv = await import('./csv.js');
    return excel ? csv.csvStreamOf(csv.excelCsv(locale.lang), locale) : csv.csvStream;
  },
  'csv-gaps': async ({ excel, locale }) => {
    const [{ csvGapsStream }, { excelCsv }] = await Promise.all([import('./csv-gaps.js'), import('./csv.js')]);
    return excel ? csvGapsStream(excelCsv(locale.lang), locale) : csvGapsStream();
  },
};

export const SCORE_FORMATS = Object.keys(formats);

export function scoreFormat(name: string): FormatLoader | undefined {
  return formats[name];
}
