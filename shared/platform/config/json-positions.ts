/** Where something is in a text file, as editors count: both from 1. */
export interface TextPosition {
  line: number;
  column: number;
}

/** The line and column of a character offset in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/**
 * The position of JSON.parse's complaint about `text`, from the character offset V8 puts in its
 * message ("… in JSON at position 57"), or at the end of the text for "Unexpected end".
 */
export function syntaxErrorPosition(text: string, message: string): TextPosition | undefined {
  const at = /at position (\d+)/.exec(message);
  if (at) return positionAt(text, Number(at[1]));
  return /end of JSON input/.test(message) ? positionAt(text, text.length) : undefined;
}

/**
 * Where each value of a valid JSON text starts, by path (`values[2].label.en`, as zod issues
 * are described): for an object member, its key. A small scanner, used only to explain an
 * invalid config, so `JSON.parse` stays the reader.
 */
export function jsonPositions(text: string): Map<string, number> {
  const positions = new Map<string, number>();
  let i = 0;
  const space = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string, at: number): void => {
    space();
    positions.set(path, at);
    const char = text[i];
    if (char === '{') {
      i++;
      space();
      while (text[i] !== '}' && i < text.length) {
        space();
        const keyAt = i;
        const key = string();
        space();
        i++; // the colon
        value(path ? `${path}.${key}` : key, keyAt);
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
    } else if (char === '[') {
      i++;
      space();
      for (let index = 0; text[i] !== ']' && i < text.length; index++) {
        space();
        value(`${path}[${index}]`, i);
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
    } else if (char === '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  space();
  value('', i);
  return positions;
}

/** The position of `path`, or of its nearest ancestor present in the text (a missing field is reported where it belongs). */
export function positionOfPath(text: string, positions: Map<string, number>, path: string): TextPosition | undefined {
  for (let p = path; ; ) {
    const offset = positions.get(p);
    if (offset !== undefined) return positionAt(text, offset);
    // Up one level: drop the last `[n]`, `.key`, or the top-level key.
    const parent = p.replace(/(\[\d+\]|\.?[^.[\]]+)$/, '');
    if (parent === p) return undefined;
    p = parent;
  }
}
