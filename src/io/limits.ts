/** Explicit input limits: crossing one is a clear input error, never a hang or a crash. */
export const LIMITS = {
  /** Largest input file read, in bytes. */
  fileBytes: 512 * 1024 * 1024,
  /** Deepest nesting of mappings and lists in a YAML document. */
  yamlDepth: 64,
  /** Brackets nested in a YAML text, counted before parsing (strings included, so above yamlDepth). */
  yamlScanDepth: 256,
  /** Widest indentation of a YAML line, in spaces, checked before parsing. */
  yamlIndent: 512,
  /** Alias nodes a YAML document may expand (yaml's maxAliasCount). */
  yamlAliasCount: 1000,
} as const;
