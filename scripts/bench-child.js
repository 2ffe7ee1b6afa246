// Runs yw in this process and reports its peak RSS on stderr (for machines without /usr/bin/time).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`);
