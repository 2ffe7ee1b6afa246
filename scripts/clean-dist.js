// `npm pack` / `npm publish` run `prepack`, then `prepare` (the build). Removing dist/ first means the
// package holds exactly what the sources compile to today: tsc never deletes the output of a source
// file that was moved or removed, and the incremental build info would otherwise skip the rebuild.
import { rm } from 'node:fs/promises';

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
