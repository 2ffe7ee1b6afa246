#!/usr/bin/env node
import { guardProcess } from '../dist/cli/process-guards.js';
import { main } from '../dist/cli/main.js';

// Signals, exit and stdout failures: temporary files never survive, messages stay one line.
guardProcess();

process.exitCode = await main(process.argv.slice(2));
