import { describe, expect, it } from 'vitest';
import { criterionOfHeader } from '../../src/core/column-header.js';
import { localeFor } from '../../src/i18n/locale.js';
import { questionsTemplate } from '../../src/render/template.js';
import { rubricOf } from '../helpers.js';

describe('template --format questions: headings that read back as their criterion', () => {
  const rubric = rubricOf({
    groups: [
      {
        id: 'sarana',
        title: 'Sarana',
        criteria: [
          { id: 'loket', title: 'Tersedia' },
          { id: 'toilet', title: 'Tersedia' },
          { id: 'biaya', title: 'Tarif dipublikasikan' },
          { id: 'tarif', title: 'Biaya' },
          { id: 'k1', title: 'Ruang tunggu', type: 'scale', min: 1, max: 3, labels: { kurang: 1, cukup: 2, 'cukup baik': 2, baik: 3 } },
        ],
      },
    ],
  });

  it('gives the code where the id has a digit, the title where it is unique, the id in brackets where it is not, and one choice a point', () => {
    const text = questionsTemplate(rubric, { rubricRef: 'test', units: [], locale: localeFor('en') });
    const headings = text.split('\n\n').map((block) => block.split('\n')[0]!);
    // "Biaya" is the id of another criterion: read as that id, so it is written with its own.
    expect(headings.filter((h) => !h.startsWith('#') && !h.startsWith('Questions') && h !== 'unit')).toEqual(['Tersedia [loket]', 'Tersedia [toilet]', 'Tarif dipublikasikan', 'Biaya [tarif]', 'K1. Ruang tunggu']);
    for (const [heading, id] of [['Tersedia [loket]', 'loket'], ['Tersedia [toilet]', 'toilet'], ['Biaya [tarif]', 'tarif'], ['K1. Ruang tunggu', 'k1']] as const) {
      const m = criterionOfHeader(rubric, heading);
      expect(m && 'criterion' in m ? m.criterion.id : m, heading).toBe(id);
    }
    expect(text).toContain('K1. Ruang tunggu\n    Kurang / Cukup / Baik / Tidak berlaku\n');
  });
});
