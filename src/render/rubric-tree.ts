import type { CompiledCriterion, CompiledGroup, CompiledRubric } from '../core/compile.js';
import { roundHalfAway } from '../core/round.js';
import type { Locale } from '../i18n/locale.js';
import { hanging } from './terminal-fit.js';
import type { Painter } from './types.js';

const weight = (n: number) => String(roundHalfAway(n, 4)).padStart(7);

function answers(c: CompiledCriterion): string {
  switch (c.spec.type) {
    case 'boolean':
      return 'ya/tidak';
    case 'scale':
      return `${c.spec.min}..${c.spec.max}`;
    case 'choice':
      return c.spec.options.join(' / ');
    case 'percent':
      return '0..100 %';
    case 'number':
      return `>= ${c.spec.min}`;
  }
}

/**
 * The rubric as a tree: each node's weight and the points it is worth when every criterion
 * applies (its share x scale), so an analyst can answer "what is this item worth?".
 */
export function renderRubricTree(rubric: CompiledRubric, paint: Painter, locale: Locale, width?: number): string {
  const lines: string[] = [];
  const points = (n: number) => locale.num(n).padStart(7);
  const t = locale.t;
  lines.push(paint.bold(`${rubric.title}`));
  lines.push(`${t('rubricLine', rubric).replace(`${rubric.title} (`, '').replace(/\)$/, '')}${rubric.aggregate === 'mean' ? `, ${t('averagedRubric')}` : ''}${rubric.sample ? `, ${t('sampleRule')}` : ''}`);
  if (rubric.source) lines.push(...hanging(`${t('source')}: `, rubric.source, width));
  if (rubric.profile.length) lines.push(...hanging(`${t('profile')}: `, rubric.profile.map((p) => `${p.title} [${p.id}]`).join(', '), width));
  lines.push('', `${t('zones')}:`);
  const zones = [...rubric.zones].reverse();
  // Labels padded to one width, so that the thresholds line up (the padding outside the colour).
  const labelWidth = Math.max(...zones.map((z) => z.label.length));
  const minWidth = Math.max(...zones.map((z) => locale.num(z.min).length));
  for (const z of zones) {
    const min = t('fromMin', { min: locale.num(z.min).padStart(minWidth) });
    lines.push(`  ${paint.zone(z.color, z.label)}${' '.repeat(labelWidth - z.label.length)}  ${min}${z.color ? ` (${z.color})` : ''}  [${z.id}]`);
  }
  lines.push('', paint.dim(t('treeHeader')));
  const walk = (nodes: (CompiledGroup | CompiledCriterion)[], share: number, depth: number) => {
    const total = nodes.reduce((sum, n) => sum + n.weight, 0);
    for (const node of nodes) {
      const nodeShare = (share * node.weight) / total;
      const indent = '  '.repeat(depth);
      const head = `${weight(node.weight)} ${points(rubric.scale * nodeShare)}  ${indent}${node.id}  `;
      if (node.kind === 'group') {
        lines.push(...hanging(head, node.title, width).map(paint.bold));
        walk(node.children, nodeShare, depth + 1);
      } else {
        const extras = `[${[answers(node), node.cap ? `${t('cap')} ${node.cap}` : '', node.naAllowed ? '' : t('alwaysApplies')].filter(Boolean).join('; ')}]`;
        // On a terminal too narrow for the line, the title wraps under itself and the answers follow it.
        if (!width || head.length + node.title.length + 1 + extras.length <= width) lines.push(`${head}${node.title} ${paint.dim(extras)}`);
        else lines.push(...hanging(head, node.title, width), ...hanging(' '.repeat(head.length), extras, width).map(paint.dim));
      }
    }
  };
  walk(rubric.groups, 1, 0);
  lines.push('', ...hanging('', t('treeFooter', { n: rubric.criterionList.length }), width));
  return `${lines.join('\n')}\n`;
}
