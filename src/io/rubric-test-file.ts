import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CompiledRubric } from '../core/compile.js';
import { MonevError, problem, type Problem } from '../core/problem.js';
import { expectationProblems, RubricTestFileSchema, TEST_KEYS, type RubricTestFile } from '../core/rubric-tests.js';
import { schemaProblems } from '../core/schema-problems.js';
import { readText } from './read-text.js';
import { positioned } from './rubric-file.js';
import { parseYaml, type YamlDocument } from './yaml-source.js';

export interface LoadedRubricTests {
  data: RubricTestFile;
  doc: YamlDocument;
  /** The rubric the cases are for: `rubric:` relative to the test file, else `x.yaml` beside `x.test.yaml`. */
  rubricFile: string;
}

/**
 * A rubric test file read and checked for shape, and its rubric found; the cases are not run.
 * `monev test` runs them; `monev validate` stops here. Throws every problem found as a MonevError.
 */
export function readRubricTestFile(file: string): LoadedRubricTests {
  const { documents, problems } = parseYaml(readText(file), file);
  if (problems.length) throw new MonevError(problems);
  const doc = documents[0];
  if (!doc || documents.length > 1) throw new MonevError([problem('rubric/documents', { count: documents.length }, { file, line: documents[1]?.line })]);
  const parsed = RubricTestFileSchema.safeParse(doc.value);
  if (!parsed.success) throw new MonevError(positioned(schemaProblems(parsed.error, doc.value, 'test', TEST_KEYS), doc, file));
  const rubricFile = join(dirname(file), parsed.data.rubric ?? basename(file).replace(/\.test\.yaml$/, '.yaml'));
  if (!existsSync(rubricFile)) {
    const at = parsed.data.rubric === undefined ? { line: 1, column: 1 } : doc.locate(['rubric']);
    throw new MonevError([problem('test/rubric-not-found', { rubric: rubricFile }, { file, ...at })]);
  }
  return { data: parsed.data, doc, rubricFile };
}

/** What the file's cases expect that its rubric does not have (a zone, a criterion), at their places in the file. */
export function expectationProblemsOf(file: string, { data, doc }: LoadedRubricTests, rubric: CompiledRubric): Problem[] {
  return positioned(expectationProblems(rubric, data), doc, file);
}
