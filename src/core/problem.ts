/**
 * Problems are data: a stable code, where it happened and the values that explain it.
 * One formatter (src/i18n) turns them into words, so every command and language agrees.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  code: string;
  severity: Severity;
  file?: string;
  line?: number;
  column?: number;
  /** Path inside a structured document (YAML keys / array indexes), resolved to line and column by io. */
  path?: (string | number)[];
  params: Record<string, unknown>;
}

export function problem(
  code: string,
  params: Record<string, unknown> = {},
  where: Partial<Pick<Problem, 'file' | 'line' | 'column' | 'path' | 'severity'>> = {},
): Problem {
  return { code, severity: where.severity ?? 'error', params, ...where };
}

/** The one error type: carries every problem found, so users can fix them all in one pass. */
export class MonevError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => p.code).join(', '));
    this.name = 'MonevError';
    this.problems = problems;
  }
}
