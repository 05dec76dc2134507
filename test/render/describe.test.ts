import { describe, expect, it } from 'vitest';
import { localeFor } from '../../src/i18n/locale.js';
import { answerText, markdownRow, roundDateText } from '../../src/render/describe.js';

describe('answers as the gap lists show them', () => {
  const en = localeFor('en');
  const id = localeFor('id');

  it('shows a number as written, in the language of the text', () => {
    expect(answerText(98.5, 'partial', en, false)).toBe('98.5');
    expect(answerText(98.5, 'partial', id, false)).toBe('98,5');
    expect(answerText(90, 'partial', en, false)).toBe('90');
    expect(answerText(98.456, 'partial', en, false)).toBe('98.46');
  });

  it("shows a survey's mean answer (the SKM's NRR) to two decimals, as its mean-answer line does", () => {
    expect(answerText(100 / 29, 'partial', en, true)).toBe('3.45'); // 3.4482…
    expect(answerText(8 / 3, 'partial', id, true)).toBe('2,67');
    expect(answerText(1.8, 'partial', en, true)).toBe('1.80');
    expect(answerText(3, 'partial', id, true)).toBe('3,00');
  });

  it('words yes, no, n/a and a missing answer', () => {
    expect(answerText(false, 'unmet', en, false)).toBe('no');
    expect(answerText(true, 'met', id, false)).toBe('ya');
    expect(answerText(null, 'missing', en, true)).toBe(en.t('noAnswer'));
  });
});

describe("the round's dates", () => {
  const id = localeFor('id');

  it('from the first day to the last in calendar order, whatever the order of their text', () => {
    // As text, "12/08/2023" sorts before "5/07/2023".
    expect(roundDateText(['12/08/2023', '5/07/2023', '2023-07-20', '12/08/2023'], id)).toBe('5 Juli 2023 – 12 Agustus 2023');
    expect(roundDateText(['18 Juli 2023'], localeFor('en'))).toBe('18 July 2023');
    expect(roundDateText([], id)).toBe('');
  });

  it('adds a date that names no day as written, so that none is dropped', () => {
    expect(roundDateText(['2023-07-12', 'minggu kedua Juli', ' '], id)).toBe('12 Juli 2023, minggu kedua Juli');
  });
});

describe('a Markdown table row', () => {
  it('keeps a cell inside its column: a `|` escaped, line breaks made spaces (score, report and diff alike)', () => {
    expect(markdownRow(['Dinas A|B', 'baris satu\r\nbaris dua\ntiga', '78.50'])).toBe('| Dinas A\\|B | baris satu baris dua tiga | 78.50 |');
  });
});
