import { MonevError, problem } from '../core/problem.js';
import { suggest } from '../core/suggest.js';

export function usage(code: string, params: Record<string, unknown>): MonevError {
  return new MonevError([problem(code, params)]);
}

/** `--format` naming none of `allowed`, with the one most likely meant (`jsn`: `json`). */
export function unknownFormat(format: string, allowed: readonly string[]): MonevError {
  return usage('usage/unknown-format', { format, allowed, suggestion: suggest(format, allowed) });
}

/** An option that only means something for CSV output (`--wide`, `--excel`) given with another format. */
export function requireCsvFormat(option: string, given: boolean | undefined, format: string, csvFormats: readonly string[] = ['csv']): void {
  if (given && !csvFormats.includes(format)) throw usage('usage/invalid-option', { option, value: format, expected: csvFormats.map((f) => `--format ${f}`).join(' or ') });
}

export function parseNumberOption(option: string, value: string | undefined, expected: string, valid: (n: number) => boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(',', '.'));
  if (value.trim() === '' || !Number.isFinite(n) || !valid(n)) throw usage('usage/invalid-option', { option, value, expected });
  return n;
}

/** Colour only for a terminal, never when NO_COLOR is set or --no-color is given; FORCE_COLOR wins. */
export function wantsColor(colorOption: boolean | undefined, stream: NodeJS.WriteStream): boolean {
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return colorOption !== false;
  if (colorOption === false || (process.env.NO_COLOR ?? '') !== '') return false;
  return Boolean(stream.isTTY);
}
