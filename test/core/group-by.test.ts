import { describe, expect, it } from 'vitest';
import { groupBy, pushTo } from '../../src/core/group-by.js';

describe('groupBy and pushTo', () => {
  it('group items under their keys, keys and items in the order met, items without a key left out', () => {
    const groups = groupBy(['Dinkes', 'dinsos', 'DINKES', '', 'Dinsos', 'dinkes'], (name) => (name ? name.toLowerCase() : undefined));
    expect([...groups]).toEqual([
      ['dinkes', ['Dinkes', 'DINKES', 'dinkes']],
      ['dinsos', ['dinsos', 'Dinsos']],
    ]);
    pushTo(groups, 'disdik', 'Disdik');
    pushTo(groups, 'dinsos', 'DINSOS');
    expect(groups.get('disdik')).toEqual(['Disdik']);
    expect(groups.get('dinsos')).toEqual(['dinsos', 'Dinsos', 'DINSOS']);
  });
});
