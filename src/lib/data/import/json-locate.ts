/**
 * Locate the first syntax error in JSON text (the runtime's JSON.parse message does not always
 * give a position). Only called after JSON.parse failed, so speed is secondary.
 */

/** Offset of the first JSON syntax error and what was expected there; null when the text is valid. */
export function locateJsonError(text: string): { offset: number; expected: string; atEnd: boolean } | null {
  let i = 0;
  const n = text.length;
  class Stop extends Error {
    constructor(public expected: string) {
      super(expected);
    }
  }
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (expected: string): never => {
    throw new Stop(expected);
  };
  const string = () => {
    if (text[i] !== '"') fail('a string');
    i++;
    while (i < n && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('a closing quote');
      i++;
    }
    if (i >= n) fail('a closing quote');
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ':') fail('":"');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('"," or "}"');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('"," or "]"');
      }
    }
    if (c === '"') return string();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) fail('a value');
    i += m![0].length;
  };
  try {
    value();
    ws();
    if (i < n) fail('the end of the text');
    return null;
  } catch (e) {
    if (e instanceof Stop) return { offset: i, expected: e.expected, atEnd: i >= n };
    throw e;
  }
}
