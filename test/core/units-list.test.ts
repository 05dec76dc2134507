import { describe, expect, it } from 'vitest';
import { unitIdFromName, unitsOfList } from '../../src/core/units-list.js';

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

  it('needs an id or a name column', () => {
    expect(unitsOfList(['No', 'Alamat'], rows(['1', 'Jl. Sudirman']), 'u.csv', 1).problems.map((p) => p.code)).toEqual(['csv/missing-unit-column']);
  });
});
