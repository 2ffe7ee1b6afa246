import { countByCode, countBySeverity, type Finding, type Severity } from '../findings.js';
import type { LayoutKind } from './layout.js';

export interface SplitSummary {
  name: string;
  /** The COCO file written (as given to the summary, usually absolute). */
  file: string;
  dataPrefix: string;
  images: number;
  /** Images without any annotation (no label file, empty file, or every line dropped). */
  background: number;
  annotations: number;
}

export interface ConvertSummary {
  root: string;
  layout: LayoutKind;
  /** The description file that decided the splits (data.yaml, obj.data), if one did. */
  splitsFrom?: string;
  classes: number;
  classesSource: string;
  splits: SplitSummary[];
  images: number;
  annotations: number;
  /** Label lines not written, per finding code. */
  dropped: Record<string, number>;
  /** Images not written, per finding code. */
  excludedImages: Record<string, number>;
  findings: Record<Severity, number>;
}

export function summarizeConversion(
  base: Pick<ConvertSummary, 'root' | 'layout' | 'splitsFrom' | 'classes' | 'classesSource'>,
  splits: SplitSummary[],
  findings: readonly Finding[],
): ConvertSummary {
  return {
    ...base,
    splits,
    images: splits.reduce((n, s) => n + s.images, 0),
    annotations: splits.reduce((n, s) => n + s.annotations, 0),
    dropped: countByCode(findings.filter((f) => f.data?.dropped === true)),
    excludedImages: countByCode(findings.filter((f) => f.data?.excluded === true)),
    findings: countBySeverity(findings),
  };
}
