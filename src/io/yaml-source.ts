import { LineCounter, parseAllDocuments, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import { problem, type Problem } from '../core/problem.js';
import { LIMITS } from './limits.js';

export interface YamlDocument {
  value: unknown;
  /**
   * 1-based line and column of the node at `path`, or of its nearest existing ancestor;
   * with `atKey`, of the mapping key that ends the path (for unknown keys).
   */
  locate(path: readonly (string | number)[], atKey?: boolean): { line: number; column: number };
  /** Where the document starts. */
  line: number;
}

/** How monev asks yaml to parse (besides its line counter): the benchmark's YAML floor parses alike. */
export const yamlParseOptions = { prettyErrors: false, uniqueKeys: true } as const;

/** Parses every `---` document of a YAML text; positions come from yaml's own parse tree. */
export function parseYaml(text: string, file: string): { documents: YamlDocument[]; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  const documents: YamlDocument[] = [];
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const nesting = roughNesting(text);
  if (nesting.depth > LIMITS.yamlScanDepth || nesting.indent > LIMITS.yamlIndent) {
    // Refused before parsing: the parser recurses on nesting, and recursion deep enough can bring
    // the process down in ways no try/catch sees.
    const { line, column } = at(nesting.offset);
    return { documents, problems: [problem('yaml/too-deep', { depth: Math.max(nesting.depth, Math.ceil(nesting.indent / 2)), limit: LIMITS.yamlDepth }, { file, line, column })] };
  }
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, { lineCounter, ...yamlParseOptions }) as Document.Parsed[];
  } catch (error) {
    const tooDeep = error instanceof RangeError;
    return { documents, problems: [tooDeep ? problem('yaml/too-deep', { depth: nesting.depth, limit: LIMITS.yamlDepth }, { file }) : problem('yaml/syntax', { message: firstLine((error as Error).message) }, { file })] };
  }
  if (!Array.isArray(parsed)) parsed = [];
  for (const doc of parsed) {
    const errors = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'DUPLICATE_KEY')];
    for (const error of errors) {
      const { line, column } = at(error.pos[0]);
      problems.push(problem('yaml/syntax', { message: firstLine(error.message) }, { file, line, column }));
    }
    if (errors.length > 0) continue;
    // An empty document (after a trailing ---, or comments only) holds nothing to read.
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: LIMITS.yamlAliasCount });
    } catch (error) {
      const { line, column } = at(doc.range[0]);
      problems.push(problem('yaml/aliases', { limit: LIMITS.yamlAliasCount, message: firstLine((error as Error).message) }, { file, line, column }));
      continue;
    }
    const depth = nestingDepth(value);
    if (depth > LIMITS.yamlDepth) {
      const { line, column } = at(doc.range[0]);
      problems.push(problem('yaml/too-deep', { depth, limit: LIMITS.yamlDepth }, { file, line, column }));
      continue;
    }
    const start = doc.contents.range[0];
    documents.push({
      value,
      line: at(start).line,
      locate(path, atKey = false) {
        return at(offsetOf(doc, path, atKey) ?? start);
      },
    });
  }
  return { documents, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Offset of the deepest node that exists along `path`. */
function offsetOf(doc: Document.Parsed, path: readonly (string | number)[], atKey: boolean): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (doc.contents as Node | null)?.range?.[0];
  for (const [i, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      const keyNode = pair.key as Node;
      const valueNode = pair.value as Node | null;
      offset = valueNode?.range?.[0] ?? keyNode.range?.[0] ?? offset;
      node = valueNode;
      if (atKey && i === path.length - 1) offset = keyNode.range?.[0] ?? offset;
    } else if (node && typeof node === 'object' && 'items' in node && typeof key === 'number') {
      const item = (node as { items: unknown[] }).items[key] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

function nestingDepth(value: unknown, depth = 0): number {
  if (value === null || typeof value !== 'object' || depth > LIMITS.yamlDepth) return depth;
  let max = depth;
  for (const child of Object.values(value as object)) max = Math.max(max, nestingDepth(child, depth + 1));
  return max;
}

/**
 * A cheap upper bound of a text's nesting, before any parsing: bracket depth (quotes ignored, so
 * brackets inside strings count too; the limit is generous for that) and the widest indentation.
 */
function roughNesting(text: string): { depth: number; indent: number; offset: number } {
  let depth = 0;
  let max = 0;
  let indent = 0;
  let offset = 0;
  let lineStart = 0;
  let inIndent = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      lineStart = i + 1;
      inIndent = true;
      continue;
    }
    if (inIndent && ch !== 32) {
      inIndent = false;
      if (i - lineStart > indent) {
        indent = i - lineStart;
        if (indent > LIMITS.yamlIndent) return { depth: max, indent, offset: i };
      }
    }
    if (ch === 91 || ch === 123) {
      depth++;
      if (depth > max) {
        max = depth;
        offset = i;
        if (max > LIMITS.yamlScanDepth) return { depth: max, indent, offset };
      }
    } else if ((ch === 93 || ch === 125) && depth > 0) depth--;
  }
  return { depth: max, indent, offset };
}
