// Preloaded into each measured process (NODE_OPTIONS=--require): records its peak RSS on exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.MONEV_BENCH_RSS) writeFileSync(process.env.MONEV_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
