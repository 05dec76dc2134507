import { join } from 'node:path';
import { BUNDLED_DIR, bundledRubricIds, loadRubric } from '../io/rubric-file.js';
import { renderRubricTree } from '../render/rubric-tree.js';
import { plainPainter } from '../render/types.js';
import { resolveLocale } from './lang.js';
import { wantsColor } from './options.js';
import { chalkPainter } from './paint.js';

export function listRubricsCommand(options: { lang?: string }): void {
  const locale = resolveLocale(options.lang);
  const lines: string[] = [];
  for (const id of bundledRubricIds()) {
    const { compiled } = loadRubric(join(BUNDLED_DIR, `${id}.yaml`));
    lines.push(`${id}  ${compiled.title} (${compiled.version})`);
    if (compiled.source) lines.push(`    ${locale.t('source')}: ${compiled.source}`);
  }
  process.stdout.write(`${lines.length ? lines.join('\n') : locale.t('noBundled')}\n`);
}

export function showRubricCommand(spec: string, options: { color?: boolean; lang?: string }): void {
  const { compiled } = loadRubric(spec);
  const width = process.stdout.isTTY ? process.stdout.columns : undefined;
  process.stdout.write(renderRubricTree(compiled, wantsColor(options.color, process.stdout) ? chalkPainter() : plainPainter, resolveLocale(options.lang), width));
}
