// Runs yw in this process and reports its peak RSS on stderr (for machines without /usr/bin/time).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
const usage = process.resourceUsage();
process.stderr.write(`maxRSS=${usage.maxRSS} cpu=${(usage.userCPUTime + usage.systemCPUTime) / 1e6}\n`);
