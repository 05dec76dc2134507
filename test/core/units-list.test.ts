import { describe, expect, it } from 'vitest';
import { krejcieMorgan } from '../../src/core/sample-size.js';
import { populationOf, unitIdFromName, unitsOfList } from '../../src/core/units-list.js';

describe("an office's list of units", () => {
  const rows = (...records: string[][]) => records.map((record, i) => ({ record, line: i + 2 }));

  it('makes ids from names when the list has none', () => {
    expect(unitIdFromName('Dinas Kesehatan')).toBe('dinas-kesehatan');
    expect(unitIdFromName('  UPTD Puskesmas Tanjung  Beringin ')).toBe('uptd-puskesmas-tanjung-beringin');
    expect(unitIdFromName('Dinas Penanaman Modal & PTSP (DPMPTSP)')).toBe('dinas-penanaman-modal-ptsp-dpmptsp');
    expect(unitIdFromName('RSUD Dr. H. Kumpulan Pane')).toBe('rsud-dr-h-kumpulan-pane');
    expect(unitIdFromName('Café Pelayanan')).toBe('cafe-pelayanan');
  });

  it('reads English or Indonesian headers, an id column first', () => {
    const { units, problems } = unitsOfList(['Kode', 'Nama Unit', 'Wilayah'], rows(['dinkes', 'Dinas Kesehatan', 'Asahan'], ['', '', '']), 'u.csv', 1);
    expect(problems).toEqual([]);
    expect(units).toEqual([{ id: 'dinkes', name: 'Dinas Kesehatan', type: undefined, region: 'Asahan' }]);
  });

  it('reports a row without id or name at its cell, a unit listed twice, and what no form field takes', () => {
    const { units, problems } = unitsOfList(['No', 'Nama', 'nama'], rows(['1', 'Dinas Sosial', 'x'], ['2', '', ''], ['3', 'Dinas  Sosial', '']), 'u.csv', 1);
    expect(units.map((u) => u.id)).toEqual(['dinas-sosial']);
    expect(problems.map((p) => [p.code, p.severity, p.line, p.column, p.params])).toEqual([
      ['units/unused-columns', 'warning', 1, undefined, { columns: ['No', 'nama'] }],
      ['csv/missing-unit', 'error', 3, 2, {}],
      ['units/duplicate', 'error', 4, undefined, { unit: 'dinas-sosial', first: 'u.csv:2' }],
    ]);
  });

  it('reads a population as offices write it, thousands marked or not; anything else is an error at its cell', () => {
    expect(['1250', '1.250', '1,250', ' 80 ', '1.250.000'].map(populationOf)).toEqual([1250, 1250, 1250, 80, 1250000]);
    expect(['12,5', '1.25', '0', '-3', 'banyak', '1 250'].map(populationOf)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    const { units, problems } = unitsOfList(['kode', 'Populasi'], rows(['pkm-a', '1.250'], ['pkm-b', ''], ['pkm-c', 'banyak']), 'u.csv', 1);
    expect(units.map((u) => [u.id, u.population])).toEqual([['pkm-a', 1250], ['pkm-b', undefined], ['pkm-c', undefined]]);
    expect(problems).toEqual([expect.objectContaining({ code: 'units/invalid-population', file: 'u.csv', line: 4, column: 2, params: { value: 'banyak' } })]);
  });

  it('needs an id or a name column', () => {
    expect(unitsOfList(['No', 'Alamat'], rows(['1', 'Jl. Sudirman']), 'u.csv', 1).problems.map((p) => p.code)).toEqual(['csv/missing-unit-column']);
  });
});

describe("the least sample of a survey (Krejcie and Morgan's table)", () => {
  it('gives the published table, population to respondents', () => {
    // Krejcie and Morgan (1970), Table 1, as SKM guides reprint it.
    const table: [number, number][] = [[10, 10], [30, 28], [40, 36], [50, 44], [100, 80], [150, 108], [200, 132], [300, 169], [500, 217], [1000, 278], [2000, 322], [5000, 357], [10000, 370], [20000, 377], [50000, 381], [75000, 382], [1000000, 384]];
    expect(table.map(([n]) => [n, krejcieMorgan(n)])).toEqual(table);
  });
});
