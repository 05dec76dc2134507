import type { CompiledCriterion, CompiledGroup, CompiledRubric } from '../core/compile.js';
import { roundHalfAway } from '../core/round.js';
import type { Painter } from './types.js';

const points = (n: number) => roundHalfAway(n).toFixed(2).padStart(7);
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
export function renderRubricTree(rubric: CompiledRubric, paint: Painter): string {
  const lines: string[] = [];
  lines.push(paint.bold(`${rubric.title}`));
  lines.push(`id ${rubric.id}, version ${rubric.version}, scale ${rubric.scale}${rubric.aggregate === 'mean' ? ', answers of several respondents averaged' : ''}`);
  if (rubric.source) lines.push(`source: ${rubric.source}`);
  lines.push('', 'zones:');
  for (const z of [...rubric.zones].reverse()) lines.push(`  ${paint.zone(z.color, z.label)}  from ${z.min}${z.color ? ` (${z.color})` : ''}  [${z.id}]`);
  lines.push('', paint.dim(' weight  points  item'));
  const walk = (nodes: (CompiledGroup | CompiledCriterion)[], share: number, depth: number) => {
    const total = nodes.reduce((sum, n) => sum + n.weight, 0);
    for (const node of nodes) {
      const nodeShare = (share * node.weight) / total;
      const indent = '  '.repeat(depth);
      if (node.kind === 'group') {
        lines.push(paint.bold(`${weight(node.weight)} ${points(rubric.scale * nodeShare)}  ${indent}${node.id}  ${node.title}`));
        walk(node.children, nodeShare, depth + 1);
      } else {
        const extras = [answers(node), node.cap ? `cap ${node.cap}` : '', node.naAllowed ? '' : 'always applies'].filter(Boolean).join('; ');
        lines.push(`${weight(node.weight)} ${points(rubric.scale * nodeShare)}  ${indent}${node.id}  ${node.title} ${paint.dim(`[${extras}]`)}`);
      }
    }
  };
  walk(rubric.groups, 1, 0);
  lines.push('', `${rubric.criterionList.length} criteria. Points assume every criterion applies; an n/a answer shares its points among its siblings.`);
  return `${lines.join('\n')}\n`;
}
