// `prepare`: builds dist/ wherever npm needs a runnable yw from the sources: `npm ci` / `npm install`
// in a clone (so `npm link` and `npx yw` work), `npm pack` (after `prepack` emptied dist/), and `npm pack
// <git URL>` (npm clones, installs dev dependencies, runs prepare, then packs `bin` + `dist`).
// A tarball install never runs it: the package already holds dist/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let tsc;
try {
  tsc = createRequire(new URL('../package.json', import.meta.url)).resolve('typescript/bin/tsc');
} catch {
  // `npm ci --omit=dev`: no compiler. A dist/ built earlier is still good; none at all is a dead end.
  if (existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
    console.error('yw prepare: typescript is not installed (dev dependencies omitted); keeping the existing dist/');
    process.exit(0);
  }
  console.error('yw prepare: cannot build dist/: typescript is not installed. Run `npm ci` with dev dependencies.');
  process.exit(1);
}
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
