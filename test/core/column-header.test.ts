import { describe, expect, it } from 'vitest';
import type { Sheet } from '../../src/core/assessment.js';
import { answerFor, UnitCollector } from '../../src/core/collect.js';
import { criterionOfHeader, headerKey, profileItemOf, suggestCriterion } from '../../src/core/column-header.js';
import { checkRubric } from '../../src/core/rubric-check.js';
import { RubricSchema } from '../../src/core/rubric-schema.js';
import { scoreUnit, writeUnitJson } from '../../src/core/score.js';
import { collectText } from '../../src/core/text-out.js';
import { rubricOf } from '../helpers.js';

const rubric = rubricOf({
  groups: [
    {
      id: 'proses',
      title: 'Dimensi Proses',
      criteria: [
        { id: 'persyaratan', title: 'Persyaratan pelayanan dipublikasikan' },
        { id: 'biaya', title: 'Biaya/tarif pelayanan dipublikasikan' },
        { id: 'tersedia-loket', title: 'Tersedia' },
      ],
    },
    {
      id: 'sarana',
      title: 'Sarana',
      criteria: [
        { id: 'tersedia-toilet', title: 'Tersedia' },
        { id: 'u1', title: 'Kesesuaian persyaratan', type: 'scale', min: 1, max: 4 },
        { id: 'u10', title: 'Penanganan pengaduan', type: 'scale', min: 1, max: 4 },
      ],
    },
  ],
});

const matched = (header: string) => {
  const m = criterionOfHeader(rubric, header);
  return m === undefined ? undefined : 'criterion' in m ? m.criterion.id : { ambiguous: m.ambiguous };
};

describe('criterionOfHeader: which criterion a form export column answers', () => {
  it('takes the id as it is, and then the id or title compared case-blind, spaces collapsed, numbering and end punctuation left out', () => {
    expect(matched('persyaratan')).toBe('persyaratan');
    expect(matched(' Persyaratan ')).toBe('persyaratan');
    expect(matched('Persyaratan pelayanan dipublikasikan')).toBe('persyaratan');
    expect(matched('1. PERSYARATAN  pelayanan\tdipublikasikan?')).toBe('persyaratan');
    expect(matched('12) Biaya/tarif pelayanan dipublikasikan :')).toBe('biaya');
    expect(matched('Persyaratan pelayanan')).toBeUndefined();
  });

  it('takes a title without its closing remark in brackets, unless another title reads so in full', () => {
    const bracketed = rubricOf({
      groups: [
        {
          id: 'g',
          title: 'G',
          criteria: [
            { id: 'biaya', title: 'Biaya/tarif dipublikasikan (termasuk keterangan gratis)' },
            { id: 'ruang-tunggu', title: 'Sarana (ruang tunggu)' },
            { id: 'sarana-umum', title: 'Sarana' },
          ],
        },
      ],
    });
    const id = (header: string) => {
      const m = criterionOfHeader(bracketed, header);
      return m && 'criterion' in m ? m.criterion.id : m;
    };
    expect(id('Biaya/tarif dipublikasikan?')).toBe('biaya');
    expect(id('Biaya/tarif dipublikasikan (termasuk keterangan gratis)')).toBe('biaya');
    expect(id('Sarana')).toBe('sarana-umum');
    expect(id('Sarana (ruang tunggu)')).toBe('ruang-tunggu');
  });

  it('reads a grid question column, Question [Row], by its row; the question picks among criteria sharing a title', () => {
    expect(matched('Dimensi Proses [Persyaratan pelayanan dipublikasikan]')).toBe('persyaratan');
    expect(matched('Apa saja yang dipublikasikan? [biaya]')).toBe('biaya');
    expect(matched('Sarana [Tersedia]')).toBe('tersedia-toilet');
    expect(matched('dimensi proses [tersedia]')).toBe('tersedia-loket');
    expect(matched('Tersedia')).toEqual({ ambiguous: ['tersedia-loket', 'tersedia-toilet'] });
    expect(matched('Lainnya [Tersedia]')).toEqual({ ambiguous: ['tersedia-loket', 'tersedia-toilet'] });
    // A grid row written as `template --format questions` heads it, code first.
    expect(matched('Sarana [U10. Penanganan pengaduan yang cepat]')).toBe('u10');
  });

  it('reads a question that starts with a criterion id and a separator, or a space when the id has a digit (U1)', () => {
    expect(matched('U1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan?')).toBe('u1');
    expect(matched('[u1] Bagaimana pendapat Saudara')).toBe('u1');
    expect(matched('(U1) Bagaimana pendapat Saudara')).toBe('u1');
    expect(matched('u1: kesesuaian')).toBe('u1');
    expect(matched('U1 Persyaratan')).toBe('u1');
    expect(matched('U10 Penanganan pengaduan yang lain')).toBe('u10');
    expect(matched('Biaya: apakah dipungut?')).toBe('biaya');
    expect(matched('biaya - ditempel di loket')).toBe('biaya');
    // A word that happens to be an id, followed by more words, is not a code.
    expect(matched('Biaya tambahan')).toBeUndefined();
    expect(matched('U11. Lainnya')).toBeUndefined();
    expect(matched('Timestamp')).toBeUndefined();
  });

  it("reads a question inside a form's group as KoboToolbox and ODK head it, group/question, by what follows the last /", () => {
    expect(matched('group_proses/persyaratan')).toBe('persyaratan');
    expect(matched('survei/sarana/U10')).toBe('u10');
    expect(matched('group_proses/Persyaratan pelayanan dipublikasikan')).toBe('persyaratan');
    // A title with a slash in it is read whole first; a group's question that names nothing is nothing.
    expect(matched('Biaya/tarif pelayanan dipublikasikan')).toBe('biaya');
    expect(matched('group_proses/lainnya')).toBeUndefined();
    expect(matched('group_proses/')).toBeUndefined();
    expect(matched('/persyaratan')).toBeUndefined();
    // A question that joins two words with a slash is not its last word's criterion.
    expect(matched('Apakah ada informasi biaya/persyaratan?')).toBeUndefined();
  });

  it('keys leave numbers that are part of the text alone', () => {
    expect(headerKey('1.5 kg beras')).toBe('1.5 kg beras');
    expect(headerKey('2.3. Jangka waktu')).toBe('jangka waktu');
    expect(headerKey('Persyaratan...')).toBe('persyaratan');
  });

  it('suggests the criterion whose id or title is close to a header that names none', () => {
    expect(suggestCriterion(rubric, 'persyaratn')).toBe('persyaratan');
    expect(suggestCriterion(rubric, 'Persyaratan pelayanan di publikasikan')).toBe('persyaratan');
    expect(suggestCriterion(rubric, 'Jenis kelamin')).toBeUndefined();
  });
});

/** A wide CSV row as the CSV reader builds it: its header's texts and the cells under them. */
function wideRow(unit: string, header: string[], cells: string[], line = 2): Sheet {
  const columns = header.map((_, i) => i);
  return { unit: { id: unit }, file: 'form.csv', line, answers: [], row: { cells, columns, criteria: header, headerLine: 1 } };
}

describe('UnitCollector with a form export header', () => {
  it('scores the columns its question texts name, as the ids would', () => {
    const header = ['1. Persyaratan pelayanan dipublikasikan?', 'Dimensi Proses [Biaya/tarif pelayanan dipublikasikan]', 'U1. Bagaimana kesesuaian persyaratan?'];
    const collector = new UnitCollector(rubric);
    const unit = collector.take(wideRow('pkm', header, ['ya', 'tidak', '3']));
    expect(collector.drain()).toEqual([]);
    expect(['persyaratan', 'biaya', 'u1'].map((id) => answerFor(rubric, unit, id)?.fraction)).toEqual([1, 0, 2 / 3]);
  });

  it('reports a column whose title several criteria share, once per file, naming them, at the header', () => {
    const collector = new UnitCollector(rubric);
    collector.take(wideRow('a', ['persyaratan', 'Tersedia'], ['ya', 'ya'], 2));
    collector.take(wideRow('b', ['persyaratan', 'Tersedia'], ['ya', 'ya'], 3));
    expect(collector.drain()).toEqual([
      expect.objectContaining({ code: 'answer/ambiguous-column', file: 'form.csv', line: 1, column: 2, params: { column: 'Tersedia', criteria: ['tersedia-loket', 'tersedia-toilet'] } }),
    ]);
  });

  it('refuses two columns that name one criterion, by id and by title', () => {
    const collector = new UnitCollector(rubric);
    collector.take(wideRow('a', ['persyaratan', 'Persyaratan pelayanan dipublikasikan'], ['ya', 'tidak']));
    expect(collector.drain()).toEqual([expect.objectContaining({ code: 'answer/duplicate', column: 2, params: { criterion: 'persyaratan', unit: 'a', first: 'form.csv:2:1' } })]);
  });

  it('with skipOtherColumns, leaves a form\'s other columns unread with one warning per file; a misnamed column stays an error', () => {
    const header = ['Cap waktu', 'Usia', 'persyaratn', 'nama', 'Persyaratan pelayanan dipublikasikan', 'Saran'];
    const collector = new UnitCollector(rubric, { skipOtherColumns: true });
    const unit = collector.take(wideRow('a', header, ['2023/07/12 10:00:00', '34', 'ya', 'Dinas Sosial', 'ya', '-'], 2));
    collector.take(wideRow('b', header, ['2023/07/12 11:00:00', '51', 'ya', 'Dinas Sosial', 'tidak', ''], 3));
    expect(collector.drain()).toEqual([
      expect.objectContaining({ code: 'csv/columns-skipped', severity: 'warning', file: 'form.csv', params: { columns: ['Cap waktu', 'Usia', 'Saran'] } }),
      // Close to a criterion id, or headed like the unit's name: most likely misnamed.
      expect.objectContaining({ code: 'answer/unknown-criterion', severity: 'error', line: 1, column: 3, params: expect.objectContaining({ criterion: 'persyaratn', suggestion: 'persyaratan' }) }),
      expect.objectContaining({ code: 'answer/unknown-criterion', severity: 'error', column: 4, params: expect.objectContaining({ criterion: 'nama', column: 'name' }) }),
    ]);
    expect(answerFor(rubric, unit, 'persyaratan')?.fraction).toBe(1);
  });

  it('pools respondents of a form export by question text (aggregate: mean)', () => {
    const survey = rubricOf({ aggregate: 'mean', groups: [{ id: 'unsur', title: 'Unsur', criteria: [{ id: 'u1', title: 'Persyaratan', type: 'scale', min: 1, max: 4, scoring: 'ratio' }] }] });
    const collector = new UnitCollector(survey);
    collector.add(wideRow('pkm', ['U1. Bagaimana pendapat Saudara?'], ['4'], 2));
    collector.add(wideRow('pkm', ['U1. Bagaimana pendapat Saudara?'], ['2'], 3));
    expect(collector.drain()).toEqual([]);
    expect(answerFor(survey, collector.result()[0]!, 'u1')).toMatchObject({ responses: 2, mean: 3 });
  });
});

describe("a survey's respondent profile", () => {
  const survey = rubricOf({
    aggregate: 'mean',
    profile: [
      { id: 'jenis-kelamin', title: 'Jenis kelamin' },
      { id: 'pendidikan', title: 'Pendidikan' },
      { id: 'pekerjaan', title: 'Pekerjaan' },
    ],
    groups: [{ id: 'unsur', title: 'Unsur', criteria: [{ id: 'u1', title: 'Persyaratan', type: 'scale', min: 1, max: 4, scoring: 'ratio' }] }],
  });

  it('matches columns by id or title, set aside with _ or not, words joined by _ or -', () => {
    expect(['_jenis_kelamin', 'Jenis Kelamin', 'jenis-kelamin', '_Pendidikan', 'PENDIDIKAN:', 'Usia', 'u1'].map((h) => profileItemOf(survey, h))).toEqual([0, 0, 0, 1, 1, -1, -1]);
  });

  it('counts per unit how many respondents gave each answer, most given first, case-blind, blanks left out; the columns are not reported', () => {
    // Header: `_jenis_kelamin` set aside (column 0), then the question `Pendidikan` and U1.
    const header = ['Pendidikan', 'U1. Persyaratan?'];
    const asides = { columns: [0], names: ['_jenis_kelamin'] };
    const row = (unit: string, cells: string[], line: number): Sheet => ({ unit: { id: unit }, file: 'skm.csv', line, answers: [], row: { cells, columns: [1, 2], criteria: header, asides, headerLine: 1 } });
    const collector = new UnitCollector(survey);
    collector.add(row('pkm', ['P', 'SMA', '4'], 2));
    collector.add(row('pkm', ['L', 'S1', '3'], 3));
    collector.add(row('pkm', ['p', 'sma', '2'], 4));
    collector.add(row('pkm', ['', 'SMA', '3'], 5));
    expect(collector.drain()).toEqual([]);
    const [unit] = collector.result();
    expect(unit!.profile).toEqual([
      { id: 'jenis-kelamin', title: 'Jenis kelamin', counts: [{ answer: 'P', count: 2 }, { answer: 'L', count: 1 }] },
      { id: 'pendidikan', title: 'Pendidikan', counts: [{ answer: 'SMA', count: 3 }, { answer: 'S1', count: 1 }] },
      { id: 'pekerjaan', title: 'Pekerjaan', counts: [] },
    ]);
    // The unit's JSON carries it, written by the fast writer as JSON.stringify writes it.
    const outcome = scoreUnit(survey, unit!);
    if (!outcome.ok) throw new Error('not scored');
    expect(collectText((out) => writeUnitJson(outcome.result, out))).toBe(JSON.stringify(outcome.result));
    expect(JSON.parse(JSON.stringify(outcome.result)).profile[0].counts).toEqual([{ answer: 'P', count: 2 }, { answer: 'L', count: 1 }]);
  });

  it('is a rubric error without aggregate: mean, and its ids may be no criterion\'s', () => {
    const rubric = (extra: Record<string, unknown>) =>
      RubricSchema.parse({ id: 'r', title: 'R', version: '1', zones: [{ id: 'z', label: 'Z', min: 0 }], groups: [{ id: 'g', title: 'G', criteria: [{ id: 'u1', title: 'U1' }] }], ...extra });
    expect(checkRubric(rubric({ profile: [{ id: 'jenis-kelamin', title: 'Jenis kelamin' }] })).map((p) => p.code)).toEqual(['rubric/profile-without-mean']);
    expect(checkRubric(rubric({ aggregate: 'mean', profile: [{ id: 'u1', title: 'Usia' }] })).map((p) => [p.code, p.path])).toEqual([['rubric/duplicate-id', ['profile', 0, 'id']]]);
  });
});
