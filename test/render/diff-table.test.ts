import { describe, expect, it } from 'vitest';
import { diffRounds } from '../../src/core/diff.js';
import { localeFor } from '../../src/i18n/locale.js';
import { renderDiffTable } from '../../src/render/diff.js';
import { plainPainter } from '../../src/render/types.js';
import { SNAPSHOT_RUBRIC, snapshotUnit } from '../helpers.js';

const rubric = SNAPSHOT_RUBRIC;
const unit = snapshotUnit;

describe('the comparison as a terminal table', () => {
  it('draws a round larger than one slice of rows as one table, a rule between every two units', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `u${String(i).padStart(3, '0')}`);
    const diff = diffRounds({ rubric, units: ids.map((id, i) => unit(id, undefined, 40 + (i % 50), ['a'])) }, { rubric, units: ids.map((id, i) => unit(id, undefined, 45 + (i % 50), ['b'])) });
    const lines = renderDiffTable(diff, localeFor('en'), plainPainter).split('\n').filter((line) => /^[┌│├└]/.test(line));
    // top, header, then a rule before each of the 300 rows, bottom
    expect(lines.map((line) => line[0]).join('')).toBe(`┌│${'├│'.repeat(300)}└`);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines.filter((line) => line.startsWith('│ u')).map((line) => line.slice(2, 6))).toEqual(ids);
  });
});
