/**
 * YOLO-World's class-text JSON: entry i lists the names of label i, primary name first
 * (`class_text_path` of `MultiModalDataset`).
 */
export type ClassTexts = string[][];

/**
 * Formats class texts the way the seed tutorial shows them and users write them by hand: one class
 * per line, UTF-8 as is (no `\u` escapes for non-ASCII), trailing newline. Quotes, backslashes and
 * control characters get JSON escapes from `JSON.stringify`, so Python's `json.load` reads it back.
 */
export function formatClassTexts(texts: ClassTexts): string {
  if (texts.length === 0) return '[]\n';
  const lines = texts.map((names) => `  [${names.map((name) => JSON.stringify(name)).join(', ')}]`);
  return `[\n${lines.join(',\n')}\n]\n`;
}
