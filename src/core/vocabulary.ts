import type { Rubric } from './rubric-schema.js';

/**
 * Defaults cover Indonesian and English, so field forms need no rubric-specific words. A checkbox
 * in a spreadsheet exports TRUE / FALSE, and Excel set to Indonesian writes them BENAR / SALAH.
 */
export const DEFAULT_ANSWERS = {
  yes: ['ya', 'y', 'yes', 'true', '1', 'ada', 'sesuai', 'benar'],
  no: ['tidak', 't', 'no', 'n', 'false', '0', 'tidak ada', 'tidak sesuai', 'salah'],
  na: ['na', 'n/a', '-', 'tidak berlaku'],
} as const;

export interface AnswerVocabulary {
  yes: Set<string>;
  no: Set<string>;
  na: Set<string>;
}

/**
 * Characters that print as nothing: a zero-width space or joiner pasted from a web page or a chat,
 * a soft hyphen, a byte-order mark in mid-text, direction marks. In a header or an answer they
 * are never meant: `ya\u200B` is `ya` to whoever reads the sheet. (As a character class's
 * ranges, for messages to show them too: i18n/quote.ts.)
 */
export const INVISIBLE_CHARS = '\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');

/** `text` without the characters that print as nothing. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

export function normalizeWord(word: string): string {
  return withoutInvisible(word).trim().toLowerCase().replace(/\s+/g, ' ');
}

export function answerVocabulary(answers: Rubric['answers']): AnswerVocabulary {
  const words = (kind: 'yes' | 'no' | 'na') => new Set((answers?.[kind] ?? DEFAULT_ANSWERS[kind]).map(normalizeWord));
  return { yes: words('yes'), no: words('no'), na: words('na') };
}

/**
 * Headers people write for a CSV's unit columns, or a long CSV's criterion and value, in Indonesian
 * or by habit, with the column monev reads (a long CSV without `criterion` and `value` reads as a
 * wide one, whose headers are criteria). They are not read as those columns (a rubric may use any
 * id); they are named when such a header turns out to be no criterion: it is most likely the
 * column meant.
 */
export const COLUMN_NAMES_MEANT: Readonly<Record<string, string>> = {
  id: 'unit',
  kode: 'unit',
  'kode unit': 'unit',
  'id unit': 'unit',
  // An online form's question for the unit, answered from a drop-down of names.
  'unit layanan': 'unit',
  'unit kerja': 'unit',
  'unit yang dinilai': 'unit',
  opd: 'unit',
  nama: 'name',
  'nama unit': 'name',
  'nama opd': 'name',
  'nama puskesmas': 'name',
  jenis: 'type',
  tipe: 'type',
  wilayah: 'region',
  kabupaten: 'region',
  'kabupaten/kota': 'region',
  daerah: 'region',
  tanggal: 'date',
  penilai: 'assessor',
  asesor: 'assessor',
  rubrik: 'rubric',
  kriteria: 'criterion',
  'id kriteria': 'criterion',
  nilai: 'value',
  jawaban: 'value',
  catatan: 'note',
  keterangan: 'note',
  bukti: 'evidence',
  // Columns form tools add to every export (Google Forms in English and Indonesian).
  timestamp: 'form',
  'cap waktu': 'form',
  'email address': 'form',
  'alamat email': 'form',
  score: 'form',
  skor: 'form',
  // Microsoft Forms (its export, saved as CSV); its `ID` and `Name` too, see microsoftFormsExport.
  'start time': 'form',
  'completion time': 'form',
  'last modified time': 'form',
  email: 'form',
  // KoboToolbox and ODK: when the form was opened, sent, on which day and device.
  start: 'form',
  end: 'form',
  today: 'form',
  deviceid: 'form',
};

/**
 * Whether a header (its cells, lower case) is a Microsoft Forms export's: it starts `ID, Start time,
 * Completion time, Email, Name`, whose `ID` numbers the responses and whose `Name` is the
 * respondent's. There they are the form tool's columns, not the unit's id and name.
 */
export function microsoftFormsExport(lowerHeaders: readonly string[]): boolean {
  return lowerHeaders.includes('start time') && lowerHeaders.includes('completion time');
}

/** What a header that names no criterion most likely is (COLUMN_NAMES_MEANT), in a header of `lowerHeaders`. */
export function columnMeant(header: string, lowerHeaders: readonly string[]): string | undefined {
  const key = normalizeWord(header);
  if ((key === 'id' || key === 'name') && microsoftFormsExport(lowerHeaders)) return 'form';
  return COLUMN_NAMES_MEANT[key];
}
