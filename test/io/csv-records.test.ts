import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecordsOf, csvRecordStream, withLines, type CsvRecord } from '../../src/io/csv-records.js';
import { csvParseOptionsFor, sepHint } from '../../src/io/csv-sheets.js';

const recordsOf = (text: string) => parse(text, csvParseOptionsFor(text)) as string[][];

/** The line each record ends on, as csv-parse says with `info: true`: what monev gave before it counted them itself. */
function parserLines(text: string): number[] {
  return (parse(text, { ...csvParseOptionsFor(text), info: true }) as unknown as { info: { lines: number } }[]).map((r) => r.info.lines);
}

/**
 * CSV texts with what moves line numbers: quoted cells holding LF, CRLF, blank lines, commas and
 * quotes; LF or CRLF line ends; blank and whitespace-only lines between records; a BOM; a stray
 * CR; trailing line breaks.
 */
const plainCell = fc.stringMatching(/^[a-z0-9 \t]{0,4}$/);
const quotedCell = fc
  .array(fc.constantFrom('a', ' ', ',', '\n', '\r\n', '""', '\n\n', '9'), { maxLength: 5 })
  .chain((parts) => fc.constantFrom('', ' ').map((pad) => `${pad}"${parts.join('')}"${pad}`));
const record = fc.array(fc.oneof(plainCell, plainCell, quotedCell), { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
const csvText = fc
  .record({
    lines: fc.array(fc.oneof({ weight: 6, arbitrary: record }, { weight: 1, arbitrary: fc.constantFrom('', '  ', '\t', '\u00a0') }), { minLength: 1, maxLength: 8 }),
    end: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    // Excel's delimiter hint on the first line: no record, yet a line.
    sep: fc.boolean(),
    strayCr: fc.boolean(),
    trailing: fc.constantFrom('', '\n', '\n\n', ' \n'),
  })
  .map(({ lines, end, bom, sep, strayCr, trailing }) => {
    // Every record must hold something, or the parser skips it as a blank line and so may this test's model.
    const text = lines.map((l, i) => (i === 0 && l.trim() === '' ? 'h' : l)).join(end);
    return `${bom ? '\uFEFF' : ''}${sep ? `sep=,${end}` : ''}${strayCr ? text.replace(',', ',\r') : text}${trailing}`;
  });

function parses(text: string): boolean {
  try {
    recordsOf(text);
    return true;
  } catch {
    return false;
  }
}

describe('CSV record lines', () => {
  it('are the lines csv-parse counts, whether worked out from the text or asked of the parser', () => {
    let shortcut = 0;
    let runs = 0;
    fc.assert(
      fc.property(csvText, (text) => {
        fc.pre(parses(text));
        runs++;
        const expected = parserLines(text);
        expect(csvRecordsOf(text).map((r) => r.line)).toEqual(expected);
        const lined = withLines(text, recordsOf(text), sepHint(text) === undefined ? 0 : 1);
        if (lined) {
          shortcut++;
          expect(lined.map((r) => r.line)).toEqual(expected);
        }
      }),
      { numRuns: 600 },
    );
    // The shortcut is taken often enough for this to test it, and left often enough to test the way
    // back. One text in six or seven takes it (71-108 of 600 in six runs); a tenth as the bound
    // failed a run now and then (59 of 600).
    expect(shortcut).toBeGreaterThan(runs / 20);
    expect(shortcut).toBeLessThan(runs);
  });

  it('takes the shortcut for a plain file and for quoted line breaks, not past a blank line or a lone CR', () => {
    const lines = (text: string) => withLines(text, recordsOf(text))?.map((r) => r.line);
    expect(lines('unit,k1\nu1,ya\nu2,tidak\n\n')).toEqual([1, 2, 3]);
    // csv-parse counts a CRLF inside quotes as two lines; monev's messages keep its count.
    expect(lines('unit,note\r\nu1,"baris satu\r\nbaris dua"\r\nu2,x\r\n')).toEqual([1, 4, 5]);
    expect(lines('unit,note\nu1,"baris satu\nbaris dua"\nu2,x\n')).toEqual([1, 3, 4]);
    expect(lines('unit,k1\n\nu1,ya\n')).toBeUndefined();
    expect(lines('unit,k1\n  \nu1,ya\n')).toBeUndefined();
    expect(lines('unit,k1\ru1,ya\r')).toBeUndefined();
    expect(lines('unit,k1\r\nu1,"a\nb"\r\n')).toBeUndefined();
    expect(csvRecordsOf('unit,k1\n\n  \nu1,ya\n').map((r) => r.line)).toEqual([1, 4]);
    // A last line of spaces without a line break is a record: the blank line before it counts.
    expect(lines('a,b\n\n ,')).toBeUndefined();
    expect(csvRecordsOf('a,b\n\n ,').map((r) => r.line)).toEqual([1, 3]);
  });

  it('end at every kind of line break in a text with a CR: rows added under Linux to an Excel export, old Mac files', async () => {
    const mixed = 'unit,k1\r\nu1,ya\nu2,"a\r\nb"\nu3,tidak\r\n';
    const expected = [
      { record: ['unit', 'k1'], line: 1 },
      { record: ['u1', 'ya'], line: 2 },
      // A CRLF inside quotes counts two lines, as csv-parse counts it (README: Assessment files).
      { record: ['u2', 'a\r\nb'], line: 5 },
      { record: ['u3', 'tidak'], line: 6 },
    ];
    expect(csvRecordsOf(mixed)).toEqual(expected);
    const streamed: CsvRecord[] = [];
    for await (const r of Readable.from([Buffer.from(mixed.slice(0, 12)), Buffer.from(mixed.slice(12))]).pipe(csvRecordStream(mixed.slice(0, 12)))) streamed.push(r as CsvRecord);
    expect(streamed).toEqual(expected);
    expect(csvRecordsOf('unit,k1\ru1,ya\ru2,tidak')).toEqual([
      { record: ['unit', 'k1'], line: 1 },
      { record: ['u1', 'ya'], line: 2 },
      { record: ['u2', 'tidak'], line: 3 },
    ]);
    // A CR after LF line ends is a line end too; without any CR, LF is the one line end.
    expect(csvRecordsOf('unit,k1\nu1,ya\r\nu2,tidak\n').map((r) => r.record)).toEqual([['unit', 'k1'], ['u1', 'ya'], ['u2', 'tidak']]);
  });

  it("skip Excel's `sep=` line, taking its delimiter, and count it as a line", () => {
    expect(sepHint('sep=;\r\nunit;k1\r\n')).toBe(';');
    expect(sepHint('\uFEFFSEP=,\nunit,k1\n')).toBe(',');
    // A line with more on it than one character after `sep=` is a header, not a hint.
    expect(sepHint('sep=;;\nunit\n')).toBeUndefined();
    expect(sepHint('unit,sep=;\n')).toBeUndefined();
    // The hint's delimiter decides, whatever the header holds; its line is line 1.
    expect(csvRecordsOf('sep=;\r\nunit;k1,x\r\nu1;"ya\r\nada"\r\nu2;tidak\r\n')).toEqual([
      { record: ['unit', 'k1,x'], line: 2 },
      { record: ['u1', 'ya\r\nada'], line: 5 },
      { record: ['u2', 'tidak'], line: 6 },
    ]);
  });

  it('come with each record of a streamed file, read in small pieces', async () => {
    const samples = fc.sample(csvText.filter(parses), { numRuns: 150, seed: 5 });
    for (const text of samples) {
      const bytes = Buffer.from(text);
      const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
      const got: CsvRecord[] = [];
      for await (const r of Readable.from(pieces).pipe(csvRecordStream(text))) got.push(r as CsvRecord);
      expect(got.map((r) => r.line)).toEqual(parserLines(text));
      expect(got.map((r) => r.record)).toEqual(recordsOf(text));
    }
  });
});
