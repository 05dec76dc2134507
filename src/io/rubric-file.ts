import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { compileRubric, type CompiledRubric } from '../core/compile.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { checkRubric } from '../core/rubric-check.js';
import { RUBRIC_KEYS, RubricSchema, type Rubric } from '../core/rubric-schema.js';
import { schemaProblems } from '../core/schema-problems.js';
import { suggest } from '../core/suggest.js';
import { formatOfName, isRubricTestFile } from './input-formats.js';
import { PACKAGE_ROOT } from './package-root.js';
import { readBytes } from './read-text.js';
import { decodeInput } from './text-decoding.js';
import { parseYaml, type YamlDocument } from './yaml-source.js';

export interface LoadedRubric {
  file: string;
  /** Of the file's bytes, computed when first read. */
  readonly sha256: string;
  rubric: Rubric;
  compiled: CompiledRubric;
}

/** The package's own rubrics/ folder, wherever the package is installed. */
export const BUNDLED_DIR = join(PACKAGE_ROOT, 'rubrics');

export function bundledRubricIds(): string[] {
  if (!existsSync(BUNDLED_DIR)) return [];
  return readdirSync(BUNDLED_DIR)
    .filter((f) => f.endsWith('.yaml') && !isRubricTestFile(f))
    .map((f) => basename(f, '.yaml'))
    .sort();
}

/** A rubric file path, or the id of a bundled rubric. */
export function resolveRubricPath(spec: string): string {
  if (existsSync(spec)) return spec;
  const ids = bundledRubricIds();
  if (ids.includes(spec)) return join(BUNDLED_DIR, `${spec}.yaml`);
  throw new MonevError([problem('rubric/not-found', { name: spec, bundled: ids, suggestion: suggest(spec, ids) })]);
}

/**
 * A YAML document that is an assessment rather than a rubric: no `groups`, and a `unit` or answers
 * to criteria (a rubric's `answers` holds only its yes / no / n/a words). Named as such, instead of
 * two dozen problems of a rubric that is not one.
 */
function looksLikeAssessment(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || 'groups' in value) return false;
  const { unit, answers } = value as { unit?: unknown; answers?: unknown };
  const answerKeys = answers !== null && typeof answers === 'object' ? Object.keys(answers) : [];
  return unit !== undefined || answerKeys.some((key) => !['yes', 'no', 'na'].includes(key));
}

/** Validates a rubric file: every structural and semantic problem, positioned in the file. */
export function checkRubricFile(file: string): { loaded?: LoadedRubric; problems: Problem[] } {
  if (formatOfName(file) === 'csv') return { problems: [problem('rubric/is-assessment', {}, { file })] };
  const bytes = readBytes(file);
  const { documents, problems } = parseYaml(decodeInput(bytes, file), file);
  if (problems.length > 0) return { problems };
  if (documents.length > 0 && documents.every((d) => looksLikeAssessment(d.value))) return { problems: [problem('rubric/is-assessment', {}, { file, line: documents[0]!.line })] };
  if (documents.length !== 1) {
    return { problems: [problem('rubric/documents', { count: documents.length }, { file, line: documents[1]?.line })] };
  }
  const doc = documents[0]!;
  const parsed = RubricSchema.safeParse(doc.value);
  if (!parsed.success) return { problems: positioned(schemaProblems(parsed.error, doc.value, 'rubric', RUBRIC_KEYS), doc, file) };
  const semantic = positioned(checkRubric(parsed.data), doc, file);
  if (semantic.some((p) => p.severity === 'error')) return { problems: semantic };
  let sha256: string | undefined;
  const loaded: LoadedRubric = {
    file,
    get sha256() {
      return (sha256 ??= sha256Of(bytes));
    },
    rubric: parsed.data,
    compiled: compileRubric(parsed.data),
  };
  return { loaded, problems: semantic };
}

/** node:crypto takes about 5 ms to load, and `validate` never needs the hash: it loads when first asked. */
function sha256Of(bytes: Buffer): string {
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

export function loadRubric(spec: string): LoadedRubric {
  const { loaded, problems } = checkRubricFile(resolveRubricPath(spec));
  if (!loaded) throw new MonevError(problems);
  return loaded;
}

/** Gives each problem its file, line and column; a `firstPath` param (an earlier occurrence) becomes its line. */
export function positioned(problems: Problem[], doc: YamlDocument, file: string): Problem[] {
  return problems
    .map((p) => {
      const { firstPath, ...params } = p.params as { firstPath?: (string | number)[] };
      const first = firstPath ? { first: `line ${doc.locate(firstPath).line}` } : {};
      return { ...p, params: { ...params, ...first }, file, ...(p.path ? doc.locate(p.path, p.code.endsWith('/unknown-key')) : {}) };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
