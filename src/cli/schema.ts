import { jsonSchema, SCHEMA_KINDS, type SchemaKind } from '../core/json-schemas.js';
import { usage } from './options.js';
import { emit } from './output.js';

/** Prints the JSON Schema of a rubric, an assessment or a score result. */
export async function schemaCommand(kind: string, options: { out?: string }): Promise<void> {
  if (!(SCHEMA_KINDS as readonly string[]).includes(kind)) throw usage('usage/invalid-option', { option: 'schema', value: kind, expected: SCHEMA_KINDS.join(', ') });
  await emit(`${JSON.stringify(jsonSchema(kind as SchemaKind), null, 2)}\n`, options.out);
}
