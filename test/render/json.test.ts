import { describe, expect, it } from 'vitest';
import { UnitCollector } from '../../src/core/collect.js';
import { scoreUnit, type UnitResult } from '../../src/core/score.js';
import { summaryAccumulator } from '../../src/core/summary.js';
import { renderJson } from '../../src/render/json.js';
import { rubricOf, sheet } from '../helpers.js';

describe('json stream', () => {
  const rubric = rubricOf({ groups: [{ id: 'g', title: 'G', criteria: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B', type: 'percent' }] }] });
  const head = {
    schemaVersion: 1 as const,
    generator: { name: 'monev' as const, version: '0' },
    rubric: { id: 'test', title: 'Test', version: '1', scale: 100, aggregate: 'none' as const, zones: rubric.zones, sha256: 'x', groups: [{ id: 'g', title: 'G' }], criteria: [] },
  };
  const scored = (answers: Record<string, unknown>[]): UnitResult[] =>
    answers.map((a, i) => {
      const outcome = scoreUnit(rubric, new UnitCollector(rubric).take(sheet(`u${i}`, a)));
      if (!outcome.ok) throw new Error('unscored');
      return outcome.result;
    });

  it.each([0, 1, 3])('writes one JSON document, a unit a line, equal to the report, for %i unit(s)', (n) => {
    const units = scored(Array.from({ length: n }, (_, i) => ({ a: i % 2 ? 'ya' : 'tidak', b: String(i * 33.3) })));
    const acc = summaryAccumulator(rubric);
    units.forEach((u) => acc.add(u));
    const summary = acc.summary();
    const json = renderJson({ ...head, units, summary });
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ ...head, units, summary })));
    // The head line, a line per unit, the summary line, and the final newline.
    expect(json.split('\n')).toHaveLength(n + 3);
  });
});
