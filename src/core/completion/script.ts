import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import type { CompletionSpec, Shell } from './spec.js';
import { zshScript } from './zsh.js';

const RENDERERS: Record<Shell, (spec: CompletionSpec) => string> = { bash: bashScript, zsh: zshScript, fish: fishScript };

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return RENDERERS[shell](spec);
}
