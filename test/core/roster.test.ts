import { describe, expect, it } from 'vitest';
import { rosterOf } from '../../src/core/roster.js';

const listed = [
  { id: 'dinkes', name: 'Dinas Kesehatan', type: 'dinas', region: 'Kabupaten Langkat' },
  { id: 'dinsos', name: 'Dinas Sosial', type: 'dinas' },
  { id: 'pkm-karang-rejo', name: 'UPTD Puskesmas Karang Rejo', type: 'puskesmas' },
  { id: 'disdik' },
];
const at = { file: 'r1/a.yaml', line: 3 };

describe('rosterOf: the units list of a round', () => {
  it("fills in what a sheet left out from the list, keeps what the sheet gives, and names the listed units no sheet assessed", () => {
    const roster = rosterOf(listed);
    expect(roster.check({ id: 'dinkes' }, at)).toEqual({ unit: { id: 'dinkes', name: 'Dinas Kesehatan', type: 'dinas', region: 'Kabupaten Langkat' } });
    const own = { id: 'dinsos', name: 'Dinas Sosial P3A', type: 'dinas', region: 'Langkat' };
    expect(roster.check(own, at).unit).toBe(own);
    expect(roster.notAssessed().map((u) => u.id)).toEqual(['pkm-karang-rejo', 'disdik']);
  });

  it('takes a sheet that names the unit by its listed name, or by the id the list would make of it', () => {
    const roster = rosterOf(listed);
    expect(roster.check({ id: ' uptd puskesmas  KARANG rejo' }, at)).toEqual({ unit: { id: 'pkm-karang-rejo', name: 'UPTD Puskesmas Karang Rejo', type: 'puskesmas', region: undefined } });
    expect(roster.check({ id: 'Disdik' }, at).unit.id).toBe('disdik');
    expect(roster.notAssessed().map((u) => u.id)).toEqual(['dinkes', 'dinsos']);
  });

  it("takes a name as a form's drop-down lists it: numbered, or beside its code", () => {
    const roster = rosterOf(listed);
    expect(roster.check({ id: '1. Dinas Kesehatan' }, at).unit).toEqual({ id: 'dinkes', name: 'Dinas Kesehatan', type: 'dinas', region: 'Kabupaten Langkat' });
    expect(roster.check({ id: '02 - dinas sosial' }, at).unit.id).toBe('dinsos');
    expect(roster.check({ id: 'pkm-karang-rejo - UPTD Puskesmas Karang Rejo' }, at).unit.id).toBe('pkm-karang-rejo');
    expect(roster.notAssessed().map((u) => u.id)).toEqual(['disdik']);
    // The code and the name must agree; a number before no listed name is no unit of the list.
    expect(roster.check({ id: 'dinsos - Dinas Kesehatan' }, at).problem?.code).toBe('units/not-listed');
    expect(roster.check({ id: '3. Bappeda' }, at).problem?.code).toBe('units/not-listed');
  });

  it('warns once of a unit not on the list, with the listed id it most likely meant, and scores it as it is', () => {
    const roster = rosterOf(listed);
    const typo = { id: 'dinkess' };
    expect(roster.check(typo, at)).toEqual({
      unit: typo,
      problem: expect.objectContaining({ code: 'units/not-listed', severity: 'warning', file: 'r1/a.yaml', line: 3, params: { unit: 'dinkess', suggestion: 'dinkes' } }),
    });
    expect(roster.check(typo, { file: 'r1/b.yaml' }).problem).toBeUndefined();
    // A sheet that gives a listed unit's name under another id points at that id.
    expect(roster.check({ id: 'sosial', name: 'Dinas Sosial' }, at).problem?.params).toEqual({ unit: 'sosial', suggestion: 'dinsos' });
    expect(roster.check({ id: 'bappeda' }, at).problem?.params).toEqual({ unit: 'bappeda', suggestion: undefined });
    // A name close to a listed unit's name (a typo, a prefix left out) points at that unit.
    expect(roster.check({ id: 'Dinas Sosail' }, at).problem?.params).toEqual({ unit: 'Dinas Sosail', suggestion: 'dinsos', name: 'Dinas Sosial' });
    expect(roster.check({ id: 'Puskesmas Karang Rejo' }, at).problem?.params).toEqual({ unit: 'Puskesmas Karang Rejo', suggestion: 'pkm-karang-rejo', name: 'UPTD Puskesmas Karang Rejo' });
    expect(roster.notAssessed()).toHaveLength(4);
  });
});

describe('rosterOf: a list where one name is several units (a province)', () => {
  const province = [
    { id: 'langkat-dinkes', name: 'Dinas Kesehatan', region: 'Kabupaten Langkat' },
    { id: 'asahan-dinkes', name: 'Dinas Kesehatan', region: 'Kabupaten Asahan' },
    { id: 'asahan-dinsos', name: 'Dinas Sosial', region: 'Kabupaten Asahan' },
  ];

  it('takes a unique name for its unit, and warns of a shared one naming the ids it could be, never picking one', () => {
    const roster = rosterOf(province);
    expect(roster.check({ id: 'Dinas Sosial' }, at).unit.id).toBe('asahan-dinsos');
    expect(roster.check({ id: 'Dinas Kesehatan' }, at)).toEqual({
      unit: { id: 'Dinas Kesehatan' },
      problem: expect.objectContaining({ code: 'units/ambiguous-name', severity: 'warning', params: { unit: 'Dinas Kesehatan', units: ['langkat-dinkes', 'asahan-dinkes'] } }),
    });
    expect(roster.check({ id: 'dinkes', name: 'Dinas Kesehatan' }, at).problem?.code).toBe('units/ambiguous-name');
    expect(roster.check({ id: '4. Dinas Kesehatan' }, at).problem?.params).toEqual({ unit: '4. Dinas Kesehatan', units: ['langkat-dinkes', 'asahan-dinkes'] });
    expect(roster.check({ id: '5. Dinas Sosial' }, at).unit.id).toBe('asahan-dinsos');
    // A name close to a shared one points at none of its units; close to a unique one, at that unit.
    expect(roster.check({ id: 'Dinas Kesehatn' }, at).problem?.params).toEqual({ unit: 'Dinas Kesehatn', suggestion: undefined });
    expect(roster.check({ id: 'Dinas Sosal' }, at).problem?.params).toEqual({ unit: 'Dinas Sosal', suggestion: 'asahan-dinsos', name: 'Dinas Sosial' });
    expect(roster.notAssessed().map((u) => u.id)).toEqual(['langkat-dinkes', 'asahan-dinkes']);
  });
});
