// `npm run demo`: converts the bundled sample dataset (fixtures/sample-helmet, the seed tutorial's
// split-folder layout) to COCO JSON in demo-output/ and shows the result.
import { cp, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../dist/cli/main.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataset = join(repo, 'demo-output', 'sample-helmet');

// Work on a copy so that the demo never writes into fixtures/.
await rm(dataset, { recursive: true, force: true });
await cp(join(repo, 'fixtures', 'sample-helmet'), dataset, { recursive: true });

const step = async (title, argv) => {
  console.log(`\n$ yw ${argv.join(' ')}    # ${title}`);
  const code = await main(argv, { stdout: process.stdout, stderr: process.stderr, cwd: repo, env: process.env, isTTY: false });
  if (code !== 0) {
    console.error(`demo step failed with exit code ${code}`);
    process.exit(code);
  }
};

await step('YOLO labels -> COCO JSON per split', ['convert', 'demo-output/sample-helmet', '--force']);
const train = await readFile(join(dataset, 'annotations', 'train.json'), 'utf8');
console.log('\ndemo-output/sample-helmet/annotations/train.json:');
console.log(train);
