// Preloaded into each measured process (NODE_OPTIONS=--require): records on exit its peak RSS and
// the CPU time of all its threads (user + system, microseconds), as "rss cpu".
const { writeFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');
if (isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    if (process.env.MONEV_BENCH_RSS) writeFileSync(process.env.MONEV_BENCH_RSS, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
  });
}
