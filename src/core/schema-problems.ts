import type { z } from 'zod';
import { problem, type Problem } from './problem.js';
import { suggest } from './suggest.js';

/** zod issues as monev problems: stable codes, the offending value, and the document path. */
export function schemaProblems(error: z.ZodError, data: unknown, codePrefix: string, knownKeys: readonly string[] = []): Problem[] {
  return issueProblems(error.issues, [], data, codePrefix, knownKeys);
}

/** `issues` of the value at `at` (their paths are relative to it), as problems. */
function issueProblems(issues: readonly z.core.$ZodIssue[], at: (string | number)[], data: unknown, codePrefix: string, knownKeys: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...at, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    const value = valueAt(data, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const split = splitDecimal(value, key);
          // A key valid at another level (`id` belongs under `unit`) is no suggestion for itself.
          const suggestion = split ? undefined : suggest(key, knownKeys.filter((k) => k !== key));
          problems.push(problem(`${codePrefix}/unknown-key`, { key, suggestion, split }, { path: [...path, key] }));
        }
        break;
      case 'invalid_type':
        problems.push(
          value === undefined
            ? problem(`${codePrefix}/missing-key`, { key: path[path.length - 1], expected: yamlType(issue.expected) }, { path })
            : problem(`${codePrefix}/wrong-type`, { expected: yamlType(issue.expected), value, got: typeName(value), meant: issue.expected === 'number' ? numberMeant(value) : undefined }, { path }),
        );
        break;
      case 'too_small':
      case 'too_big': {
        const bound = issue.code === 'too_small' ? { minimum: issue.minimum } : { maximum: issue.maximum };
        const kind = issue.origin === 'array' ? 'array' : issue.origin === 'string' ? 'string' : 'number';
        problems.push(problem(`${codePrefix}/${issue.code === 'too_small' ? 'too-small' : 'too-big'}`, { kind, value, inclusive: issue.inclusive, ...bound }, { path }));
        break;
      }
      case 'invalid_format':
        problems.push(problem(`${codePrefix}/invalid-format`, { value, expected: issue.message }, { path }));
        break;
      case 'invalid_value':
        problems.push(problem(`${codePrefix}/invalid-value`, { value, allowed: issue.values.map(String) }, { path }));
        break;
      case 'invalid_union': {
        // The value has the type of exactly one branch (a mapping where a word or a mapping may go): what is wrong inside it is the news.
        const inside = issue.errors.filter((branch) => !(branch.length === 1 && branch[0]!.path.length === 0 && (branch[0]!.code === 'invalid_type' || branch[0]!.code === 'invalid_union')));
        if (inside.length === 1 && value !== undefined) {
          problems.push(...issueProblems(inside[0]!, path, data, codePrefix, knownKeys));
          break;
        }
        const allowed = 'options' in issue && Array.isArray(issue.options) ? issue.options.filter((o) => o != null).map(String) : undefined;
        const expected = unionTypes(issue.errors) ?? 'another type';
        problems.push(
          allowed
            ? problem(`${codePrefix}/invalid-value`, { value, allowed }, { path })
            : value === undefined
              ? problem(`${codePrefix}/missing-key`, { key: path[path.length - 1], expected }, { path })
              : problem(`${codePrefix}/wrong-type`, { expected, value, got: typeName(value) }, { path }),
        );
        break;
      }
      default:
        problems.push(problem(`${codePrefix}/invalid`, { value, message: issue.message }, { path }));
    }
  }
  return problems;
}

/** `string | number` for a union whose every branch failed only on the value's type; undefined when a branch failed deeper. */
function unionTypes(branches: readonly (readonly z.core.$ZodIssue[])[]): string | undefined {
  const types = branchTypes(branches);
  return types && [...new Set(types)].join(' | ');
}

function branchTypes(branches: readonly (readonly z.core.$ZodIssue[])[]): string[] | undefined {
  const types: string[] = [];
  for (const issues of branches) {
    const issue = issues.length === 1 && issues[0]!.path.length === 0 ? issues[0]! : undefined;
    const own = issue?.code === 'invalid_type' ? [yamlType(issue.expected)] : issue?.code === 'invalid_union' ? branchTypes(issue.errors) : undefined;
    if (!own) return undefined;
    types.push(...own);
  }
  return types.length ? types : undefined;
}

/** zod's name for a type as a YAML file's author knows it: a mapping, a list. */
function yamlType(expected: string): string {
  return expected === 'object' || expected === 'record' || expected === 'map' ? 'mapping' : expected === 'array' || expected === 'tuple' || expected === 'set' ? 'list' : expected;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'non-finite number';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

/**
 * The number a spreadsheet habit wrote as text: `0,5` (a decimal comma, as Indonesian writes it) is
 * 0.5, `40%` is 40. YAML reads both as strings.
 */
function numberMeant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(-?\d+)(?:,(\d+))?\s*(%?)\s*$/.exec(value);
  if (!match || (match[2] === undefined && !match[3])) return undefined;
  return Number(match[2] === undefined ? match[1] : `${match[1]}.${match[2]}`);
}

/**
 * `{ min: 80,5 }`: inside a flow mapping a comma ends an entry, so a decimal comma leaves `min: 80`
 * and an empty key `5`. For a key of digits with no value, the entry as meant when one whole number
 * in the mapping can be the one cut (JavaScript lists digit keys first, so the order of the
 * document is not there to tell); `{}` when it cannot be told which.
 */
function splitDecimal(mapping: unknown, key: string): { key?: string; meant?: string } | undefined {
  if (!/^\d+$/.test(key) || typeof mapping !== 'object' || mapping === null) return undefined;
  const entries = Object.entries(mapping as Record<string, unknown>);
  if (entries.find(([k]) => k === key)?.[1] !== null) return undefined;
  const wholes = entries.filter(([, v]) => typeof v === 'number' && Number.isInteger(v));
  return wholes.length === 1 ? { key: wholes[0]![0], meant: `${wholes[0]![1]}.${key}` } : {};
}
