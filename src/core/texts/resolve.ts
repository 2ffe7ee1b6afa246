import { classesFromCoco, classesFromText, datasetNameFor, type ClassSource, type CocoFile, type TextFile } from './source.js';
import { classesFromRoot, type RootInput } from './root-source.js';

/** A source as read from disk; `absolute` is the real path (for the dataset name). */
export type SourceRead =
  | { kind: 'text'; absolute: string; file: TextFile }
  | { kind: 'coco-json'; absolute: string; file: CocoFile }
  | { kind: 'dataset-root'; absolute: string; root: RootInput };

/** The classes of any source, in the label order training will use. */
export function resolveClassSource(read: SourceRead): ClassSource {
  const resolved =
    read.kind === 'text'
      ? { ...classesFromText(read.file), findings: [] }
      : read.kind === 'coco-json'
        ? { ...classesFromCoco(read.file), findings: [] }
        : classesFromRoot(read.root);
  return { ...resolved, datasetName: datasetNameFor(resolved.kind, read.absolute) };
}
