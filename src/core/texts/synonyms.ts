import { YwError } from '../../errors.js';

/** Extra names for one class, as given in a `--synonyms` file. */
export interface SynonymSpec {
  /** The class's primary name, as it appears in the class source. */
  name: string;
  synonyms: string[];
  file: string;
  /** 1-based line of the entry, when it can be told. */
  line?: number;
}

const HINT = 'write a JSON object {"class": ["synonym", ...]} or lines "class: synonym1, synonym2"';

/**
 * Parses a synonyms file: a JSON object `{"helmet": ["hard hat"]}` (when the text starts with `{`),
 * or lines `helmet: hard hat, safety helmet` split at the first colon, synonyms separated by commas.
 * In the lines form, blank lines and lines starting with `#` are skipped; names containing a colon
 * or synonyms containing a comma need the JSON form.
 */
export function parseSynonyms(text: string, file: string): SynonymSpec[] {
  const clean = text.replace(/^\uFEFF/, '');
  return clean.trimStart().startsWith('{') ? parseJsonForm(clean, file) : parseLineForm(clean, file);
}

function parseJsonForm(text: string, file: string): SynonymSpec[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new YwError('SYNONYMS_INVALID', `${file} is not valid JSON: ${reason}`, { file, hint: HINT });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new YwError('SYNONYMS_INVALID', `${file} must be a JSON object mapping class names to lists`, { file, hint: HINT });
  }
  return Object.entries(data as Record<string, unknown>).map(([name, value]) => {
    const line = keyLine(text, name);
    const at = line === undefined ? {} : { line };
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) {
      throw new YwError('SYNONYMS_INVALID', `${file}: the synonyms of "${name}" must be a list of strings`, {
        file,
        ...at,
        hint: HINT,
      });
    }
    return { name: name.trim(), synonyms: list.map((s) => s.trim()), file, ...at };
  });
}

/** The line a key is written on, found by its plain JSON spelling (unknown if written with escapes). */
function keyLine(text: string, key: string): number | undefined {
  const match = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:`).exec(text);
  if (!match) return undefined;
  return text.slice(0, match.index).split('\n').length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function parseLineForm(text: string, file: string): SynonymSpec[] {
  const specs: SynonymSpec[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const line = index + 1;
    const colon = content.indexOf(':');
    if (colon < 0) {
      throw new YwError('SYNONYMS_INVALID', `${file}:${line}: expected "class: synonym1, synonym2", found "${content}"`, {
        file,
        line,
        hint: HINT,
      });
    }
    const synonyms = content.slice(colon + 1).split(',').map((s) => s.trim());
    specs.push({ name: content.slice(0, colon).trim(), synonyms, file, line });
  });
  return specs;
}
