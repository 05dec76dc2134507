import { join } from 'node:path';
import { BUNDLED_DIR, bundledRubricIds, loadRubric } from '../io/rubric-file.js';
import { renderRubricTree } from '../render/rubric-tree.js';
import { plainPainter } from '../render/types.js';
import { wantsColor } from './options.js';
import { chalkPainter } from './paint.js';

export function listRubricsCommand(): void {
  const lines: string[] = [];
  for (const id of bundledRubricIds()) {
    const { compiled } = loadRubric(join(BUNDLED_DIR, `${id}.yaml`));
    lines.push(`${id}  ${compiled.title} (version ${compiled.version})`);
    if (compiled.source) lines.push(`    source: ${compiled.source}`);
  }
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'no bundled rubrics\n');
}

export function showRubricCommand(spec: string, options: { color?: boolean }): void {
  const { compiled } = loadRubric(spec);
  process.stdout.write(renderRubricTree(compiled, wantsColor(options.color, process.stdout) ? chalkPainter() : plainPainter));
}
