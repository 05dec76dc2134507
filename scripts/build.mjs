// Bundles the CLI with esbuild: one entry plus a chunk per lazily imported command and per
// dependency group, so that starting `monev` resolves a handful of files instead of hundreds
// (zod alone is about a hundred modules). Type checking is tsc's job (`tsc --noEmit` runs first).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

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
});
