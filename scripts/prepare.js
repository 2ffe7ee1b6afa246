// `npm run prepare`: builds dist/ wherever npm needs a runnable yw from the sources: `npm ci` or
// `npm install` in a clone (so `npm link` and `npx yw` work), `npm pack`, and `npm install -g <git URL>`
// (npm clones, installs dev dependencies, runs prepare, then packs `bin` + `dist`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(new URL('../package.json', import.meta.url));

function findTsc() {
  try {
    return require.resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!findTsc()) {
  if (process.env.npm_config_global === 'true') {
    // npm/cli#8440: for `npm install -g <git URL>`, npm prepares the clone with an inner `npm install`
    // that inherits global=true from the environment, so the clone gets no node_modules and no
    // typescript. Install the locked dependencies here, in the clone, without scripts (this is one).
    console.error('yw prepare: dev dependencies missing (npm/cli#8440); installing them in the clone');
    run('npm', ['ci', '--global=false', `--prefix=${root}`, '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
  } else if (existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
    console.error('yw prepare: typescript is not installed (dev dependencies omitted?); keeping the existing dist/');
    process.exit(0);
  } else {
    console.error('yw prepare: cannot build dist/: typescript is not installed. Run `npm ci` (dev dependencies included), then `npm run build`.');
    process.exit(1);
  }
}

run(process.execPath, [findTsc(), '-p', 'tsconfig.json']);
