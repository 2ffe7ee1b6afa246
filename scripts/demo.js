// `npm run demo`: the whole yw workflow on the bundled sample dataset (fixtures/sample-helmet, the seed
// tutorial's split-folder layout). demo-output/ plays the YOLO-World checkout root, as in the tutorial:
//   demo-output/data/sample-helmet/...        the dataset (a copy; fixtures/ is never written)
//   demo-output/sample-helmet-report.html     yw check --html
//   demo-output/data/texts/...                yw texts
//   demo-output/configs/custom/...            yw config
//   demo-output/work_dirs/sample-helmet/      a recorded training run (fixtures/best-unsaved) for yw best
import { cp, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../dist/cli/main.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(repo, 'demo-output');
const config = 'configs/custom/sample-helmet.py';

// Start from a clean copy every time, so that the demo shows the same thing on every run.
await rm(root, { recursive: true, force: true });
await mkdir(join(root, 'data'), { recursive: true });
await cp(join(repo, 'fixtures', 'sample-helmet'), join(root, 'data', 'sample-helmet'), { recursive: true });

async function step(title, argv, { expect = 0 } = {}) {
  console.log(`\n$ yw ${argv.join(' ')}\n# ${title}`);
  const code = await main(argv, { stdout: process.stdout, stderr: process.stderr, cwd: root, env: process.env, isTTY: false });
  if (code !== expect) {
    console.error(`demo step failed: exit code ${code}, expected ${expect}`);
    process.exit(1);
  }
}

console.log(`YOLO-World root for this demo: ${root}`);
await step('YOLO labels -> COCO JSON per split', ['convert', 'data/sample-helmet']);
await step('the dataset profile and every finding, before any GPU time (writes only the page: open it in a browser)', [
  'check', 'data/sample-helmet', '--html', 'sample-helmet-report.html',
]);
await step('class-text JSON in label order', ['texts', 'data/sample-helmet']);
await step('a fine-tuning config (standalone: needs no third_party/mmyolo checkout)', [
  'config', '--data', 'data/sample-helmet', '--mode', 'finetune', '--size', 's', '--style', 'standalone', '--out', config,
]);
await step('check the config against the data, texts and weights it names (the pretrained weights are not downloaded in the demo, so this reports exactly that)', [
  'check', '--config', config,
], { expect: 1 });
// A training run is out of reach here (no GPU, no YOLO-World install): a realistic recorded work dir stands in.
await cp(join(repo, 'fixtures', 'best-unsaved'), join(root, 'work_dirs', 'sample-helmet'), { recursive: true });
await step('after training: the best epoch, its checkpoint (the best epoch was not saved here), best.pth and a plot', [
  'best', 'work_dirs/sample-helmet', '--write', '--link', '--plot', 'work_dirs/sample-helmet/best.svg',
]);
console.log('\ndemo finished: every step above did what it says.');
