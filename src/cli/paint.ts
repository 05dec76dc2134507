import { Chalk } from 'chalk';
import type { Painter } from '../render/types.js';

/** Zone colours for terminals; called only once colour is wanted, so chalk's level is at least 1. */
export function chalkPainter(): Painter {
  const chalk = new Chalk({ level: Math.max(1, new Chalk().level) as 1 | 2 | 3 });
  return {
    zone: (color, text) => (color === 'green' ? chalk.green(text) : color === 'yellow' ? chalk.yellow(text) : color === 'red' ? chalk.red(text) : text),
    bold: (text) => chalk.bold(text),
    dim: (text) => chalk.dim(text),
  };
}
