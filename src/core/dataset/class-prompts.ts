import { finding, type Finding } from '../findings.js';
import type { ClassEntry } from './classes.js';

/**
 * CLIP's tokenizer lower-cases and collapses whitespace, so names equal under this key give the
 * same text embedding: "Hard  Hat" and "hard hat" are one prompt to YOLO-World.
 */
export function promptKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** One warning per class whose name gives the same text prompt as an earlier class's. */
export function samePromptFindings(classes: readonly ClassEntry[], file: string, code: string): Finding[] {
  const seen = new Map<string, ClassEntry>();
  const findings: Finding[] = [];
  for (const c of classes) {
    const first = seen.get(promptKey(c.name));
    if (first) {
      findings.push(finding(code, 'warning', `classes "${first.name}" and "${c.name}" give the same text prompt`, {
        file,
        hint: 'the CLIP text model ignores case and repeated spaces, so YOLO-World cannot tell these classes apart by text',
      }));
    } else seen.set(promptKey(c.name), c);
  }
  return findings;
}
