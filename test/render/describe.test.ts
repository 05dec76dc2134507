import { describe, expect, it } from 'vitest';
import { localeFor } from '../../src/i18n/locale.js';
import { answerText } from '../../src/render/describe.js';

describe('answers as the gap lists show them', () => {
  const en = localeFor('en');
  const id = localeFor('id');

  it('shows a number as written, in the language of the text', () => {
    expect(answerText(98.5, 'partial', en)).toBe('98.5');
    expect(answerText(98.5, 'partial', id)).toBe('98,5');
    expect(answerText(90, 'partial', en)).toBe('90');
  });

  it("shows a survey's mean answer (the SKM's NRR) to two decimals at most", () => {
    expect(answerText(100 / 29, 'partial', en)).toBe('3.45'); // 3.4482…
    expect(answerText(8 / 3, 'partial', id)).toBe('2,67');
    expect(answerText(1.8, 'partial', en)).toBe('1.8');
  });

  it('words yes, no, n/a and a missing answer', () => {
    expect(answerText(false, 'unmet', en)).toBe('no');
    expect(answerText(true, 'met', id)).toBe('ya');
    expect(answerText(null, 'missing', en)).toBe(en.t('noAnswer'));
  });
});
