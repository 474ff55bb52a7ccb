// Preloaded into a bench child when GNU time is missing: writes the process's peak RSS (KB) at exit.
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
