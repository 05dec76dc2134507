import type { UnitInfo } from './assessment.js';
import { problem, type Problem } from './problem.js';
import { normalizeWord } from './vocabulary.js';

type UnitColumn = 'unit' | 'name' | 'type' | 'region' | 'population';

// Headers of an office's list of units, in English or Indonesian, by the field they fill.
const HEADERS: Record<string, UnitColumn> = {
  unit: 'unit', id: 'unit', kode: 'unit', 'kode unit': 'unit', 'id unit': 'unit',
  name: 'name', nama: 'name',
  type: 'type', jenis: 'type', tipe: 'type', 'jenis unit': 'type',
  region: 'region', wilayah: 'region', kabupaten: 'region', 'kabupaten/kota': 'region', daerah: 'region',
  population: 'population', populasi: 'population', 'jumlah populasi': 'population', 'pengguna layanan': 'population', 'jumlah pengguna layanan': 'population',
};

/** The field a units list's header fills: `Nama OPD` and `Nama Puskesmas` are names too. */
function columnOf(header: string): UnitColumn | undefined {
  const word = normalizeWord(header);
  return HEADERS[word] ?? (word.startsWith('nama ') ? 'name' : undefined);
}

/**
 * A unit id made from its name, for lists that have only names: "Dinas Kesehatan" is
 * `dinas-kesehatan`, "UPTD Puskesmas Tanjung Beringin" `uptd-puskesmas-tanjung-beringin`.
 */
export function unitIdFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A unit as a list names it; `population`: the service users a survey samples (for the SKM's least sample). */
export interface ListedUnit extends UnitInfo {
  population?: number | undefined;
}

export interface UnitsList {
  units: ListedUnit[];
  problems: Problem[];
}

/**
 * A population as offices write it: `1250`, or with thousands marked the Indonesian or the English
 * way (`1.250`, `1,250`). Undefined for anything that is not a whole number of people.
 */
export function populationOf(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{1,3}(?:\.\d{3})+$|^\d{1,3}(?:,\d{3})+$|^\d+$/.test(t)) return undefined;
  const n = Number(t.replace(/[.,]/g, ''));
  return n >= 1 ? n : undefined;
}

/**
 * The units of a list (a CSV's rows under `header`) that forms are prefilled for, and a round is
 * checked against. Ids come from a `unit`/`id`/`kode` column, or else from the names; a
 * `population` column gives the service users a survey samples. A unit listed twice, a row
 * without id or name, or a population that is no whole number, is an error; a column the list
 * has but no form field takes is a warning.
 */
export function unitsOfList(header: readonly string[], rows: readonly { record: readonly string[]; line: number }[], file: string, headerLine: number): UnitsList {
  const roles = header.map(columnOf);
  const at = (role: UnitColumn) => roles.indexOf(role);
  const idColumn = at('unit');
  const nameColumn = at('name');
  const problems: Problem[] = [];
  if (idColumn < 0 && nameColumn < 0) return { units: [], problems: [problem('csv/missing-unit-column', {}, { file, line: headerLine })] };
  const unused = header.filter((h, i) => roles[i] === undefined || roles.indexOf(roles[i]) !== i).filter((h) => h.trim() !== '');
  if (unused.length) problems.push(problem('units/unused-columns', { columns: unused }, { file, line: headerLine, severity: 'warning' }));
  const cell = (record: readonly string[], role: UnitColumn) => {
    const i = at(role);
    return i < 0 || !record[i]?.trim() ? undefined : record[i]!.trim();
  };
  const units: ListedUnit[] = [];
  const firstLine = new Map<string, number>();
  for (const { record, line } of rows) {
    if (record.every((c) => c.trim() === '')) continue;
    const name = cell(record, 'name');
    const id = idColumn >= 0 ? cell(record, 'unit') : name && unitIdFromName(name);
    if (!id) {
      problems.push(problem('csv/missing-unit', {}, { file, line, column: (idColumn >= 0 ? idColumn : nameColumn) + 1 }));
      continue;
    }
    const first = firstLine.get(id);
    if (first !== undefined) {
      problems.push(problem('units/duplicate', { unit: id, first: `${file}:${first}` }, { file, line }));
      continue;
    }
    firstLine.set(id, line);
    const unit: ListedUnit = { id, name, type: cell(record, 'type'), region: cell(record, 'region') };
    const people = cell(record, 'population');
    if (people !== undefined) {
      unit.population = populationOf(people);
      if (unit.population === undefined) problems.push(problem('units/invalid-population', { value: people }, { file, line, column: at('population') + 1 }));
    }
    units.push(unit);
  }
  return { units, problems };
}
