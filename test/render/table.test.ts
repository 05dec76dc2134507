import { describe, expect, it } from 'vitest';
import { UnitCollector } from '../../src/core/collect.js';
import type { ScoreReport } from '../../src/core/report.js';
import { scoreUnit, type UnitResult } from '../../src/core/score.js';
import { summaryAccumulator } from '../../src/core/summary.js';
import { localeFor } from '../../src/i18n/locale.js';
import { renderTable, tableStream } from '../../src/render/table.js';
import { plainPainter } from '../../src/render/types.js';
import { rubricOf, sheet } from '../helpers.js';

describe('table: fitted to the terminal', () => {
  const zones = [
    { id: 'a', label: 'A - Kualitas Tertinggi', min: 88, color: 'green' },
    { id: 'c', label: 'C - Kualitas Sedang', min: 54, color: 'yellow' },
    { id: 'e', label: 'E - Kualitas Terendah', min: 0, color: 'red' },
  ];
  const rubric = rubricOf({ zones, groups: [{ id: 'g', title: 'G', criteria: [{ id: 'k1', title: 'K1' }, { id: 'k2', title: 'K2' }, { id: 'k3', title: 'K3', weight: 8 }] }] });
  const names = ['Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'UPTD Puskesmas Tanjungberingin', 'Dinas Sosial'];
  const answers = [{ k1: 'ya', k2: 'ya', k3: 'ya' }, { k1: 'tidak', k2: 'ya', k3: 'ya' }, { k1: 'ya', k2: 'tidak', k3: 'tidak' }];
  const units: UnitResult[] = names.map((name, i) => {
    const s = { ...sheet(`unit-${i + 1}`, answers[i]!), unit: { id: `unit-${i + 1}`, name } };
    const outcome = scoreUnit(rubric, new UnitCollector(rubric).take(s));
    if (!outcome.ok) throw new Error('unscored');
    return outcome.result;
  });
  const acc = summaryAccumulator(rubric);
  units.forEach((u) => acc.add(u));
  const report: ScoreReport = {
    schemaVersion: 1,
    generator: { name: 'monev', version: '0' },
    rubric: { id: 'test', title: 'Test', version: '1', scale: 100, aggregate: 'none', zones: rubric.zones, sha256: 'x', groups: [], criteria: [] },
    units,
    summary: acc.summary(),
  };
  const table = (width?: number) => {
    const text = renderTable(report, { gaps: 0, paint: plainPainter, locale: localeFor('en'), width });
    return text.split('\n').filter((line) => /^[┌│├└]/.test(line));
  };

  it('draws a row a line: the rule under the header only', () => {
    const lines = table();
    // top, header, rule, three units, bottom
    expect(lines).toHaveLength(7);
    expect(lines.filter((line) => line.startsWith('├'))).toHaveLength(1);
    expect(lines[3]).toMatch(/^│ unit-1 +│ Dinas Pemberdayaan Perempuan dan Perlindungan Anak │ 100\.00 │ A - Kualitas Tertinggi │/);
    expect(lines[5]).toMatch(/│ +10\.00 │ E - Kualitas Terendah +│ +2 │ 1 gap → A - Kualitas Tertinggi │$/);
  });

  it('keeps every cell whole without a width (a pipe or a file), however wide that is', () => {
    expect(Math.max(...table().map((line) => line.length))).toBeGreaterThan(120);
  });

  it('cuts the names first, then shortens the zones, then leaves the names out', () => {
    const wide = table(120);
    for (const line of wide) expect(line.length).toBeLessThanOrEqual(120);
    expect(wide[3]).toMatch(/│ Dinas Pemberdayaan Perempuan[^│]*… │/);
    expect(wide[3]).toContain('A - Kualitas Tertinggi');

    const middle = table(80);
    for (const line of middle) expect(line.length).toBeLessThanOrEqual(80);
    expect(middle[3]).toMatch(/│ Dinas Pemberdayaan Perempuan[^│]*… │ 100\.00 │ A +│ +0 │ - +│$/);
    expect(middle[5]).toMatch(/│ 1 gap → A +│$/);

    const narrow = table(50);
    for (const line of narrow) expect(line.length).toBeLessThanOrEqual(50);
    expect(narrow[1]).toMatch(/^│ Unit +│ +Score │ Zone │ Gaps │ Next zone +│$/);
    expect(narrow[5]).toBe('│ unit-3 │  10.00 │ E    │    2 │ 1 gap → A │');
  });

  it('draws a round larger than one slice of rows as one table, and keeps only what it prints of each unit', () => {
    // 600 units: three slices of cli-table3 rows (whose layout time grows with the square of its rows), joined.
    const many: UnitResult[] = Array.from({ length: 600 }, (_, i) => {
      const outcome = scoreUnit(rubric, new UnitCollector(rubric).take({ ...sheet(`u${String(i).padStart(3, '0')}`, answers[i % 3]!), unit: { id: `u${String(i).padStart(3, '0')}`, name: names[i % 3] } }));
      if (!outcome.ok) throw new Error('unscored');
      return outcome.result;
    });
    const acc = summaryAccumulator(rubric);
    many.forEach((u) => acc.add(u));
    const stream = tableStream({ gaps: 1, paint: plainPainter, locale: localeFor('en') });
    stream.begin(report);
    many.forEach((u, i) => stream.unit(u, { text: () => {}, piece: () => {} }, i));
    const text = stream.end(acc.summary(), report, many.length);
    const lines = text.split('\n').filter((line) => /^[┌│├└]/.test(line));
    expect(lines).toHaveLength(600 + 4);
    expect(lines.map((line) => line[0]).join('')).toBe(`┌│├${'│'.repeat(600)}└`);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines.slice(3, -1).map((line) => line.slice(2, 6))).toEqual(many.map((u) => u.unit.id));
    // Each unit's gap list follows the table, in the same order.
    expect(text.match(/^[^\n]*\(u\d{3}\): /gm)!.map((line) => line.match(/\((u\d{3})\)/)![1])).toEqual(many.map((u) => u.unit.id));
  });
});
