import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { jsonSchema, SCHEMA_KINDS } from '../src/core/json-schemas.js';
import { monev } from './e2e/run-cli.js';

const shipped = (kind: string) => JSON.parse(readFileSync(`schema/${kind}.schema.json`, 'utf8'));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const yamlDocs = (file: string) => parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS());

// An independent validator: ajv, not zod, checks the generated schemas against the real files.
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validator = (kind: string) => ajv.compile(shipped(kind));

describe('JSON Schemas', () => {
  it.each(SCHEMA_KINDS)('schema/%s.schema.json is what the zod schemas generate (run `npm run schema` after a change)', (kind) => {
    expect(shipped(kind)).toEqual(jsonSchema(kind));
  });

  it('carry descriptions for the fields editors complete', () => {
    const rubric = shipped('rubric') as { properties: Record<string, { description?: string }>; title?: string };
    expect(rubric.title).toBe('monev rubric');
    for (const key of ['id', 'title', 'version', 'scale', 'zones', 'groups']) expect(rubric.properties[key]!.description, key).toBeTruthy();
  });

  it('every bundled rubric and the example rubric validate, and declare the schema for VS Code', () => {
    const validate = validator('rubric');
    const rubrics = [...files('rubrics').filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml')), 'examples/rubric-pra-evaluasi.yaml'];
    expect(rubrics.length).toBe(5);
    for (const file of rubrics) {
      expect(readFileSync(file, 'utf8').split('\n')[0], file).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schema\/rubric\.schema\.json$/);
      const [doc] = yamlDocs(file);
      expect(validate(doc) ? [] : validate.errors, file).toEqual([]);
    }
  });

  it('every example assessment validates and declares the schema', () => {
    const validate = validator('assessment');
    const assessments = files('examples').filter((f) => f.endsWith('.yaml') && !f.endsWith('rubric-pra-evaluasi.yaml'));
    expect(assessments.length).toBeGreaterThan(8);
    for (const file of assessments) {
      expect(readFileSync(file, 'utf8').split('\n')[0], file).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schema\/assessment\.schema\.json$/);
      for (const doc of yamlDocs(file)) expect(validate(doc) ? [] : validate.errors, file).toEqual([]);
    }
  });

  it('rejects what monev rejects: a rubric with an unknown key and a wrong type', () => {
    const validate = validator('rubric');
    const [doc] = yamlDocs('test/fixtures/rubrics/structural-errors.yaml');
    expect(validate(doc)).toBe(false);
  });

  it('describes the JSON results monev writes (the stable interface)', () => {
    const validate = validator('result');
    for (const args of [
      ['examples/pra-evaluasi'],
      ['examples/skm', '--rubric', 'skm-permenpanrb-14-2017'],
      ['examples/langkat-2023/r1', '--rubric', 'ombudsman-ppp-2023'],
      // With a units list, the summary names the listed units not assessed.
      ['examples/langkat-2023/r1', '--rubric', 'ombudsman-ppp-2023', '--units', 'examples/langkat-2023/daftar-unit.csv'],
    ]) {
      const result = JSON.parse(monev(['score', ...args, '--format', 'json', '-q']).stdout);
      expect(validate(result) ? [] : validate.errors, args.join(' ')).toEqual([]);
    }
    expect(monev(['schema', 'result']).stdout).toBe(`${JSON.stringify(jsonSchema('result'), null, 2)}\n`);
    expect(monev(['schema', 'nonsense']).code).toBe(2);
  });
});
