/**
 * Dates as assessment files carry them, read as a day. Field teams write the visit's date the way
 * their spreadsheet or form tool does: ISO (2023-07-12), day first with slashes, dashes or dots
 * (12/07/2023, as Excel in Indonesian settings writes it; never month first), Google Forms'
 * timestamps (2023/07/12 10:00:00), or in words (12 Juli 2023, 12 Jul 2023, 12 July 2023).
 */

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2, pebruari: 2,
  maret: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, ags: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11, nopember: 11, nop: 11,
  desember: 12, december: 12, des: 12, dec: 12,
};

/** The day `text` names, as YYYY-MM-DD; undefined when it names none (or a day no calendar has). */
export function parseDay(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[t\s])/.exec(t);
  if (m) return dayOf(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|\s)/.exec(t);
  if (m) return dayOf(+m[3]!, +m[2]!, +m[1]!);
  m = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(t);
  if (m && MONTHS[m[2]!]) return dayOf(+m[3]!, MONTHS[m[2]!]!, +m[1]!);
  return undefined;
}

/** YYYY-MM-DD naming a day that exists (not 2024-02-30), as `--date` must be written. */
export function isIsoDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDay(text) === text;
}

function dayOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
