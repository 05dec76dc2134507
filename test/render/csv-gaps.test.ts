import { describe, expect, it } from 'vitest';
import { UnitCollector } from '../../src/core/collect.js';
import type { ReportHead } from '../../src/core/report.js';
import { scoreUnit } from '../../src/core/score.js';
import { collectText } from '../../src/core/text-out.js';
import { localeFor } from '../../src/i18n/locale.js';
import { csvStream, csvStreamOf, excelCsv } from '../../src/render/csv.js';
import { csvGapsStream } from '../../src/render/csv-gaps.js';
import type { StreamRenderer } from '../../src/render/types.js';
import { rubricOf } from '../helpers.js';

const rubric = rubricOf({
  groups: [
    {
      id: 'layanan',
      title: 'Layanan',
      criteria: [
        { id: 'a', title: 'Persyaratan dipublikasikan', guidance: 'Cek papan informasi' },
        { id: 'b', title: 'Maklumat', type: 'choice', options: [{ value: 'lengkap', score: 1 }, { value: 'sebagian', score: 0.5 }, { value: 'tidak', score: 0 }] },
        { id: 'c', title: 'Sarana pengaduan', weight: 2 },
        { id: 'd', title: 'Ketepatan waktu', type: 'percent', guidance: 'Hitung dari register; "tepat" = selesai sesuai janji' },
      ],
    },
  ],
});

/** Weights 1, 1, 2, 1: worth 20, 20, 40 and 20 points. a no (-20), b sebagian (-10), c yes, d 98.5% (-0.30): 69.70, yellow. */
function unit() {
  const collector = new UnitCollector(rubric);
  const answers = [
    { criterion: 'a', value: 'tidak' },
    { criterion: 'b', value: 'sebagian', note: 'papan rusak, "diganti"' },
    { criterion: 'c', value: 'ya' },
    { criterion: 'd', value: '98,5' },
  ].map((a) => ({ ...a, file: 'dinsos.yaml' }));
  const outcome = scoreUnit(rubric, collector.take({ unit: { id: 'dinsos', name: 'Dinas Sosial', type: 'dinas' }, file: 'dinsos.yaml', answers }));
  if (!outcome.ok) throw new Error('not scored');
  return outcome.result;
}

function render(renderer: StreamRenderer): string {
  const head = { rubric: { groups: [{ id: 'layanan', title: 'Layanan' }], criteria: [], aggregate: 'none' } } as unknown as ReportHead;
  return renderer.begin(head, rubric) + collectText((out) => renderer.unit(unit(), out, 0)) + renderer.end({} as never, head, 1);
}

describe('csv-gaps: a row per gap, the follow-up list', () => {
  it('lists each gap largest loss first, with its answer, loss, next-zone mark, note and guidance (hand-computed)', () => {
    expect(unit().score).toBe(69.7);
    expect(render(csvGapsStream()).split('\n')).toEqual([
      'unit,name,type,region,rank,criterion,title,group,status,answer,lost,next_zone,note,evidence,guidance',
      // Closing a alone (+20) reaches green (81): 89.70.
      'dinsos,Dinas Sosial,dinas,,1,a,Persyaratan dipublikasikan,layanan,unmet,no,20.00,yes,,,Cek papan informasi',
      'dinsos,Dinas Sosial,dinas,,2,b,Maklumat,layanan,partial,sebagian,10.00,,"papan rusak, ""diganti""",,',
      'dinsos,Dinas Sosial,dinas,,3,d,Ketepatan waktu,layanan,partial,98.5,0.30,,,,"Hitung dari register; ""tepat"" = selesai sesuai janji"',
      '',
    ]);
  });

  it('--excel --lang id: BOM, CRLF, ";" and decimal commas, figures unquoted; the table\'s words in Indonesian, group titles', () => {
    const lines = render(csvGapsStream(excelCsv('id'), localeFor('id'))).split('\r\n');
    expect(lines).toEqual([
      '\uFEFFUnit;Nama;Jenis;Wilayah;Urutan;Kriteria;Judul;Kelompok;Status;Jawaban;Hilang;Untuk zona berikutnya;Catatan;Bukti;Petunjuk',
      'dinsos;Dinas Sosial;dinas;;1;a;Persyaratan dipublikasikan;Layanan;tidak terpenuhi;tidak;20,00;ya;;;Cek papan informasi',
      'dinsos;Dinas Sosial;dinas;;2;b;Maklumat;Layanan;sebagian;sebagian;10,00;;"papan rusak, ""diganti""";;',
      'dinsos;Dinas Sosial;dinas;;3;d;Ketepatan waktu;Layanan;sebagian;98,5;0,30;;;;"Hitung dari register; ""tepat"" = selesai sesuai janji"',
      '',
    ]);
  });

  it('--excel in English: the table\'s words, "," and decimal points', () => {
    const lines = render(csvGapsStream(excelCsv('en'), localeFor('en'))).split('\r\n');
    expect(lines[0]).toBe('\uFEFFUnit,Name,Type,Region,Rank,Criterion,Title,Group,Status,Answer,Lost,For the next zone,Note,Evidence,Guidance');
    expect(lines[1]).toBe('dinsos,Dinas Sosial,dinas,,1,a,Persyaratan dipublikasikan,Layanan,unmet,no,20.00,yes,,,Cek papan informasi');
  });
});

describe('csv: a row per unit', () => {
  // a no (-20), b sebagian (-10), c yes, d 98.5%: 69.70, yellow (Zona Kuning), 3 gaps; the one group scores 69.70 too.
  it('for programs: ids and codes, whatever the language; for people (--excel): the table\'s words, zone labels, group titles', () => {
    expect(render(csvStream)).toBe('unit,name,score,zone,capped_by,gaps,layanan\ndinsos,Dinas Sosial,69.70,yellow,,3,69.70\n');
    expect(render(csvStreamOf(excelCsv('id'), localeFor('id')))).toBe(
      '\uFEFFUnit;Nama;Nilai;Zona;Dibatasi oleh;Kekurangan;Layanan\r\ndinsos;Dinas Sosial;69,70;Zona Kuning;;3;69,70\r\n',
    );
    expect(render(csvStreamOf(excelCsv('en'), localeFor('en')))).toBe('\uFEFFUnit,Name,Score,Zone,Capped by,Gaps,Layanan\r\ndinsos,Dinas Sosial,69.70,Zona Kuning,,3,69.70\r\n');
  });
});
