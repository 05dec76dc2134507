// Bundles the CLI with esbuild: one entry plus a chunk per lazily imported command and per
// dependency group, so that starting `monev` resolves a handful of files instead of hundreds
// (zod alone is about a hundred modules). Type checking is tsc's job (`tsc --noEmit` runs first).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * commander requires node:child_process at load, for subcommands run as separate executables,
 * which monev does not use; loading it costs about 7 ms on every start. The require is made lazy:
 * child_process then loads only if commander ever reaches for it.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`lazy-child-process: ${args.path} no longer has: ${eager}`);
      const lazy = "let childProcessModule; const childProcess = new Proxy({}, { get: (_, key) => (childProcessModule ??= require('node:child_process'))[key] });";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS dependencies call require(); an ES module has none unless it is made.
  banner: { js: "import { createRequire as __monevCreateRequire } from 'node:module'; const require = __monevCreateRequire(import.meta.url);" },
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [lazyChildProcess],
});
