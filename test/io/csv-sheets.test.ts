import { describe, expect, it } from 'vitest';
import { readSheets } from '../../src/io/assessment-files.js';
import { csvRecordsOf } from '../../src/io/csv-records.js';
import { csvSheetBuilder, sniffDelimiter, type UnitColumn } from '../../src/io/csv-sheets.js';
import type { Problem } from '../../src/core/problem.js';
import { formatProblem } from '../../src/i18n/format.js';
import { thrownErrorProblems, thrownProblems } from '../helpers.js';

const csvSheets = (text: string, file: string, _stem: string) => readSheets(file, text, 'csv');

const codes = thrownProblems;

describe('CSV assessments', () => {
  it('reads a long CSV without a unit column as one unit named by the file', () => {
    const [sheet, ...rest] = csvSheets('criterion,value,note\npersyaratan,ya,\nbiaya,tidak,belum ada papan\n', 'dinsos.csv', 'dinsos');
    expect(rest).toEqual([]);
    expect(sheet!.unit.id).toBe('dinsos');
    expect(sheet!.answers.map((a) => [a.criterion, a.value, a.note, a.line, a.column])).toEqual([
      ['persyaratan', 'ya', undefined, 2, 2],
      ['biaya', 'tidak', 'belum ada papan', 3, 2],
    ]);
  });

  it('groups a long CSV by its unit column, keeping the first name given', () => {
    const sheets = csvSheets('unit,name,criterion,value\na,Dinas A,x,ya\nb,Dinas B,x,tidak\na,,y,ya\n', 'round.csv', 'round');
    expect(sheets.map((s) => [s.unit.id, s.unit.name, s.answers.map((a) => a.criterion)])).toEqual([
      ['a', 'Dinas A', ['x', 'y']],
      ['b', 'Dinas B', ['x']],
    ]);
  });

  it('reads a wide CSV: one row per unit, metadata and _columns are not criteria, blank rows are skipped', () => {
    const text = 'unit,name,region,_catatan,persyaratan,biaya\npkm,Puskesmas,Asahan,ok,ya,\n,,,,,\ndinsos,Dinas Sosial,Asahan,,tidak,ya\n';
    const sheets = csvSheets(text, 'r.csv', 'r');
    expect(sheets.map((s) => [s.unit, s.answers.map((a) => [a.criterion, a.value, a.column])])).toEqual([
      [{ id: 'pkm', name: 'Puskesmas', type: undefined, region: 'Asahan' }, [['persyaratan', 'ya', 5], ['biaya', '', 6]]],
      [{ id: 'dinsos', name: 'Dinas Sosial', type: undefined, region: 'Asahan' }, [['persyaratan', 'tidak', 5], ['biaya', 'ya', 6]]],
    ]);
    expect(sheets[1]!.line).toBe(4);
  });

  it('with a unit column named (--unit-column), reads it in place of `unit`, wide or long, and says when a file has it', () => {
    const read = (text: string, unitColumn?: UnitColumn) => {
      const problems: Problem[] = [];
      const builder = csvSheetBuilder('form.csv', 'form', (p) => problems.push(p), unitColumn);
      const sheets = [...builder.rows(csvRecordsOf(text)), ...builder.end()];
      return { units: sheets.map((s) => [s.unit.id, s.answers.map((a) => a.criterion)]), problems: problems.map((p) => [p.code, p.line, p.column]) };
    };
    let found = 0;
    const without: (readonly string[])[] = [];
    const named: UnitColumn = { header: ' unit yang DINILAI', found: () => void found++, absent: (headers) => void without.push(headers) };
    const wide = 'Unit yang dinilai,persyaratan\nDinas Sosial,ya\nDinas Kesehatan,tidak\n';
    expect(read(wide, named)).toEqual({ units: [['Dinas Sosial', ['persyaratan']], ['Dinas Kesehatan', ['persyaratan']]], problems: [] });
    expect(found).toBe(1);
    // The same header without the option (a header's reading is kept per header text): a criterion column.
    expect(read(wide).units).toEqual([['form', ['Unit yang dinilai', 'persyaratan']], ['form', ['Unit yang dinilai', 'persyaratan']]]);
    expect(read('Kode Unit,criterion,value\ndinsos,persyaratan,ya\n', { ...named, header: 'kode unit' })).toEqual({ units: [['dinsos', ['persyaratan']]], problems: [] });
    expect(found).toBe(2);
    // A file without the column is read as ever, and not counted as having it.
    expect(read('unit,persyaratan\ndinkes,ya\n', named)).toEqual({ units: [['dinkes', ['persyaratan']]], problems: [] });
    expect(found).toBe(2);
    expect(without).toEqual([['unit', 'persyaratan']]);
    expect(read('unit,Unit yang dinilai,persyaratan\na,Dinas Sosial,ya\n', named)).toEqual({ units: [], problems: [['csv/two-unit-columns', 1, 1]] });
  });

  it('reads real spreadsheet exports: BOM, CRLF, semicolons, quoted cells, decimal commas, trailing blank rows', () => {
    const text = '\uFEFFunit;criterion;value;note\r\npkm;tepat-waktu;"85,5";"ramai; antre"\r\npkm;skm;3;\r\n;;;\r\n\r\n';
    const [sheet] = csvSheets(text, 'x.csv', 'x');
    expect(sheet!.answers.map((a) => [a.criterion, a.value, a.note])).toEqual([
      ['tepat-waktu', '85,5', 'ramai; antre'],
      ['skm', '3', undefined],
    ]);
  });

  it('reads past a column without a name when it is empty (a spreadsheet\'s stray column), wide or long', () => {
    const [wide] = csvSheets('unit,persyaratan,\r\npkm,ya,\r\n', 'w.csv', 'w');
    expect(wide!.answers.map((a) => [a.criterion, a.value, a.column])).toEqual([['persyaratan', 'ya', 2]]);
    const [long] = csvSheets('criterion,,value\npersyaratan,,ya\n', 'l.csv', 'l');
    expect(long!.answers.map((a) => [a.criterion, a.value, a.column])).toEqual([['persyaratan', 'ya', 3]]);
  });

  it('sniffs tab, semicolon and comma delimiters from the header', () => {
    expect(sniffDelimiter('unit\tcriterion\tvalue\n')).toBe('\t');
    expect(sniffDelimiter('\uFEFFunit;criterion;value\r\n')).toBe(';');
    expect(sniffDelimiter('"a;b",criterion,value\n')).toBe(',');
    const [sheet] = csvSheets('unit\tpersyaratan\npkm\tya\n', 't.tsv', 't');
    expect(sheet!.answers[0]).toMatchObject({ criterion: 'persyaratan', value: 'ya' });
  });

  it('says when a ragged row is a decimal comma that split a number in a comma-separated file', () => {
    const [split] = thrownErrorProblems(() => csvSheets('criterion,value\ntepat-waktu,98,5\n', 'f.csv', 'f'));
    expect(split).toMatchObject({ code: 'csv/ragged-row', line: 2, params: { expected: 2, got: 3, number: '98,5', column: 2 } });
    expect(formatProblem(split!)).toBe(
      'f.csv:2: error: row has 3 cells, the header has 2: `98,5` at column 2 looks like a number with a decimal comma, which splits it in a comma-separated file; write it with a point (98.5), quote it, or save the file with `;` [csv/ragged-row]',
    );
    // One cell short, or no two numbers side by side: a ragged row and no more.
    const [short] = thrownErrorProblems(() => csvSheets('unit,a,b\nx,ya\n', 'f.csv', 'f'));
    expect(short!.params).toEqual({ expected: 3, got: 2 });
    const [words] = thrownErrorProblems(() => csvSheets('unit,a,b\nx,ya,tidak,ya\n', 'f.csv', 'f'));
    expect(words!.params).toEqual({ expected: 3, got: 4 });
  });

  it('refuses ragged rows, unknown long columns, duplicate headers and values under a column without a name, with positions', () => {
    expect(codes(() => csvSheets('unit,a,b\nx,ya,ya\ny,ya\n', 'f.csv', 'f'))).toEqual([['csv/ragged-row', 3, undefined]]);
    expect(codes(() => csvSheets('criterion,value,nilai\na,ya,1\n', 'f.csv', 'f'))).toEqual([['csv/unknown-column', 1, 3]]);
    expect(codes(() => csvSheets('unit,,a,a\nx,,ya,ya\n', 'f.csv', 'f'))).toEqual([['csv/duplicate-column', 1, 4]]);
    expect(codes(() => csvSheets('unit,a,,\nx,ya,,\ny,ya,,1\nz,ya,2,\n', 'f.csv', 'f'))).toEqual([
      ['csv/unnamed-value', 3, 4],
      ['csv/unnamed-value', 4, 3],
    ]);
    expect(codes(() => csvSheets('criterion,value,\na,ya,\nb,ya,x\n', 'f.csv', 'f'))).toEqual([['csv/unnamed-value', 3, 3]]);
    expect(codes(() => csvSheets('unit,a\n,ya\n', 'f.csv', 'f'))).toEqual([['csv/missing-unit', 2, 1]]);
    expect(codes(() => csvSheets('unit,a\n"x,ya\n', 'f.csv', 'f'))).toEqual([['csv/syntax', 2, undefined]]);
  });

  it('reads files sharing a header alike, and reports a bad header in every file that has it, at its own line', () => {
    // Headers are laid out once and kept by their text: the second file must not inherit anything from the first.
    const first = csvSheets('unit,name,persyaratan\npkm,Puskesmas,ya\n', 'a.csv', 'a');
    const second = csvSheets('unit,name,persyaratan\ndinsos,,tidak\n', 'b.csv', 'b');
    expect([...first, ...second].map((s) => [s.file, s.unit.id, s.unit.name, s.line, s.answers.map((a) => [a.criterion, a.value, a.column])])).toEqual([
      ['a.csv', 'pkm', 'Puskesmas', 2, [['persyaratan', 'ya', 3]]],
      ['b.csv', 'dinsos', undefined, 2, [['persyaratan', 'tidak', 3]]],
    ]);
    expect(codes(() => csvSheets('unit,a,a\nx,ya,ya\n', 'f.csv', 'f'))).toEqual([['csv/duplicate-column', 1, 3]]);
    expect(codes(() => csvSheets('\nunit,a,a\nx,ya,ya\n', 'g.csv', 'g'))).toEqual([['csv/duplicate-column', 2, 3]]);
    expect(codes(() => csvSheets('criterion,value,nilai\na,ya,1\n', 'f.csv', 'f'))).toEqual([['csv/unknown-column', 1, 3]]);
    expect(codes(() => csvSheets('criterion,value,nilai\na,ya,1\n', 'g.csv', 'g'))).toEqual([['csv/unknown-column', 1, 3]]);
  });

  it('takes a long unit\'s details from the first row that gives them, also when its rows are apart', () => {
    const sheets = csvSheets('unit,name,type,region,criterion,value\na,,,,x,ya\nb,Dinas B,dinas,,x,ya\na,Dinas A,,Asahan,y,tidak\na,Nama lain,puskesmas,,z,ya\n', 'r.csv', 'r');
    expect(sheets.map((s) => [s.unit, s.line, s.answers.map((a) => a.line)])).toEqual([
      [{ id: 'a', name: 'Dinas A', type: 'puskesmas', region: 'Asahan' }, 2, [2, 4, 5]],
      [{ id: 'b', name: 'Dinas B', type: 'dinas', region: undefined }, 3, [3]],
    ]);
  });
});
