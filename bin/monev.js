#!/usr/bin/env node
// `monev --version` alone is answered here, before the CLI and its argument parser load: CI jobs
// and scripts ask it to check the tool is installed, and it should cost no more than Node itself.
// Anything else goes to the CLI, which prints the same version for `-V` among other options.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  await import('../dist/main.js');
}
