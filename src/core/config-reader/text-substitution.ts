import { basename, dirname, extname } from 'node:path';
import { cannotRead, configError } from './reader-error.js';

/** Where each `{{_base_.x}}` placeholder stands: the dotted path it names and its line. */
export type Placeholders = Map<string, { path: string; line: number }>;

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The three text passes mmengine 0.10.3 makes over a config file before parsing it, in its order:
 * `{{ fileDirname }}`-style names, `{{$VAR:default}}` environment variables, and `{{_base_.x}}`, which
 * becomes a string placeholder that is swapped for the base's value after the file ran.
 */
export function substituteText(source: string, file: string, env: Env): { text: string; placeholders: Placeholders } {
  const withNames = predefined(source, file);
  const withEnv = environment(withNames, file, env);
  return baseVariables(withEnv);
}

function predefined(source: string, file: string): string {
  const name = basename(file);
  const values: Record<string, string> = {
    fileDirname: dirname(file),
    fileBasename: name,
    fileBasenameNoExtension: name.slice(0, name.length - extname(name).length),
    fileExtname: extname(file),
  };
  let text = source;
  for (const [key, value] of Object.entries(values)) {
    text = text.replace(new RegExp(String.raw`\{\{\s*${key}\s*\}\}`, 'g'), () => value.replace(/\\/g, '/'));
  }
  return text;
}

const ENV = /\{\{['"]?\s*\$(\w+)\s*:\s*(\S*?)\s*['"]?\}\}/g;

function environment(source: string, file: string, env: Env): string {
  return source.replace(ENV, (_match, name: string, fallback: string, offset: number) => {
    const line = lineAt(source, offset);
    const value = env[name] ?? fallback;
    if (!value) {
      throw configError(`KeyError: \`${name}\` cannot be found in \`os.environ\`. Please set \`${name}\` in environment or give a default value.`, file, line);
    }
    // mmengine passes the value to re.sub, which would read its backslashes as escapes.
    if (value.includes('\\')) throw cannotRead(`the environment variable ${name} (its value has a backslash)`, file, line);
    return value;
  });
}

const BASE_VARIABLE = /\{\{\s*_base_\.([\w.]+)\s*\}\}/g;

function baseVariables(source: string): { text: string; placeholders: Placeholders } {
  const placeholders: Placeholders = new Map();
  const byPath = new Map<string, string>();
  const text = source.replace(BASE_VARIABLE, (_match, path: string, offset: number) => {
    let placeholder = byPath.get(path);
    if (placeholder === undefined) {
      // mmengine appends 6 random hex digits; a fixed suffix of the same length keeps len() the same.
      placeholder = `_${path}_${(0xa0b0c0 + byPath.size).toString(16)}`;
      byPath.set(path, placeholder);
      placeholders.set(placeholder, { path, line: lineAt(source, offset) });
    }
    return `"${placeholder}"`;
  });
  return { text, placeholders };
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line += 1;
  return line;
}
