#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry costs Node its module loader, about 6 ms on every
// start. `monev --version` alone is answered here, before the CLI and its argument parser load:
// CI jobs and scripts ask it to check the tool is installed, and it should cost no more than Node
// itself. Anything else goes to the CLI, which prints the same version for `-V` among other options.
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('../dist/main.cjs');
}
