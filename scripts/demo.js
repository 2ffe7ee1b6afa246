// `npm run demo`: the whole yw workflow on the bundled sample dataset (fixtures/sample-helmet, the seed
// tutorial's split-folder layout). demo-output/ plays the YOLO-World checkout root, as in the tutorial:
//   demo-output/data/sample-helmet/...        the dataset (a copy; fixtures/ is never written)
//   demo-output/sample-helmet-report.html     the dataset page (--html)
//   demo-output/data/texts/...                the class texts
//   demo-output/configs/custom/...            the config
//   demo-output/work_dirs/sample-helmet/      a recorded training run (fixtures/best-unsaved) for yw best
// First `yw prepare` does it all in one command; then the commands it stands for run one at a time.
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../dist/cli/main.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(repo, 'demo-output');

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
// Exit 1: the pretrained weights are not downloaded in the demo, and yw check --config says so.
await step('from the export to a ready run in one command: convert, check, texts, config, check --config (nothing written if one would refuse), one summary with the next commands', [
  'prepare', 'data/sample-helmet', '--size', 's', '--style', 'standalone', '--html', 'sample-helmet-report.html', '--report', 'prepare-report.json',
], { expect: 1 });
const { summary } = JSON.parse(await readFile(join(root, 'prepare-report.json'), 'utf8'));
const config = summary.config_file;

console.log('\n# The same steps one command at a time, as yw prepare ran them (--force: the files are there now)');
await step('YOLO labels -> COCO JSON per split', ['convert', 'data/sample-helmet', '--force']);
await step('the dataset profile and every finding, before any GPU time (writes only the page: open it in a browser)', [
  'check', 'data/sample-helmet', '--html', 'sample-helmet-report.html', '--force',
]);
await step('class-text JSON in label order', ['texts', 'data/sample-helmet', '--force']);
await step('a fine-tuning config (standalone: needs no third_party/mmyolo checkout)', [
  'config', '--data', 'data/sample-helmet', '--size', 's', '--style', 'standalone', '--force',
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
