#!/usr/bin/env node
// Regenerates what the built-in config reader is compared with, using the real mmengine 0.10.3
// (`python3 -c "import mmengine"` must work; set PYTHONPATH or --python). Review the diff like code.
//   fixtures/reader-semantics/<case>/expected.json   mmengine's resolution of each small config there
//   fixtures/reader-mmyolo/digests.json              sha256 of mmengine's resolution of every mmyolo config
//                                                     in ../shared/reference/upstream-configs/mmyolo (or an error)
// Usage: npm run build && node scripts/reader-references.js [--python EXE] [--reference DIR]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MMENGINE_ENCODE } from '../dist/io/config/mmengine-config.js';
import { decodeReferenceJson, encodeReferenceJson } from '../dist/core/config-reader/reference-json.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const python = arg('--python', 'python3');
const reference = arg('--reference', [join(repo, '../shared/reference'), '/work/shared/reference'].find((d) => existsSync(d)));

/** Resolves each file in one Python process; a file mmengine cannot load gives its last error line. */
function resolveAll(files, cwd) {
  const script = `${MMENGINE_ENCODE}
import os, traceback
out = {}
for path in json.loads(sys.stdin.read()):
    try:
        os.chdir(os.path.dirname(path))
        out[path] = resolve(path)
    except Exception as e:
        out[path] = {'error': type(e).__name__ + ': ' + str(e).splitlines()[0]}
sys.stdout.write(json.dumps(out))
`;
  const run = spawnSync(python, ['-c', script], { cwd, input: JSON.stringify(files), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`${python} failed (is mmengine importable?):\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

const canonical = (text, file) => encodeReferenceJson(decodeReferenceJson(text, file));

const semantics = join(repo, 'fixtures/reader-semantics');
const cases = readdirSync(semantics).filter((d) => existsSync(join(semantics, d, 'config.py'))).sort();
const resolved = resolveAll(cases.map((d) => join(semantics, d, 'config.py')), semantics);
for (const d of cases) {
  const result = resolved[join(semantics, d, 'config.py')];
  const text = typeof result === 'string' ? canonical(result, d) : `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(join(semantics, d, 'expected.json'), text);
}
console.log(`fixtures/reader-semantics: ${cases.length} cases`);

if (!reference) {
  console.log('no ../shared/reference: mmyolo digests not regenerated');
} else {
  const mmyolo = join(reference, 'upstream-configs/mmyolo');
  const files = readdirSync(join(mmyolo, 'configs'), { recursive: true })
    .filter((f) => f.endsWith('.py')).map((f) => join(mmyolo, 'configs', f)).sort();
  const results = resolveAll(files, mmyolo);
  const digests = {};
  for (const file of files) {
    const r = results[file];
    digests[relative(mmyolo, file)] = typeof r === 'string'
      ? createHash('sha256').update(canonical(r, file)).digest('hex') : r;
  }
  mkdirSync(join(repo, 'fixtures/reader-mmyolo'), { recursive: true });
  writeFileSync(join(repo, 'fixtures/reader-mmyolo/digests.json'), `${JSON.stringify(digests, null, 2)}\n`);
  console.log(`fixtures/reader-mmyolo/digests.json: ${files.length} configs`);
}
