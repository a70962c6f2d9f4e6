/** Bounds on the shape of a JSON text, checked before it is parsed. */
export interface JsonLimits {
  /** Deepest nesting of arrays and objects (the top-level array counts 1). */
  readonly maxDepth: number;
  /** Most values (every number, string, literal, array and object counts 1; keys do not). */
  readonly maxNodes: number;
  /** Most distinct property names in the whole text. */
  readonly maxKeys: number;
}

/** Limits used unless a caller sets its own: deep enough for any dataset file, far from V8's stack. */
export const DEFAULT_JSON_LIMITS: JsonLimits = Object.freeze({ maxDepth: 64, maxNodes: 10_000_000, maxKeys: 100_000 });

/** The first problem of a JSON text: a syntax error or a limit passed, at a character position. */
export interface JsonScanProblem {
  readonly kind: 'syntax' | 'limit';
  /** Index in the text (UTF-16 code units) where the problem was found. */
  readonly position: number;
  readonly en: string;
  readonly zh: string;
}

// Scanner states: what may come next.
const State = { Value: 0, ValueOrEnd: 1, AfterValue: 2, Key: 3, KeyOrEnd: 4 } as const;
type State = (typeof State)[keyof typeof State];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * Check a JSON text in one pass, in time linear in its length and memory bounded by the limits: full
 * JSON syntax (RFC 8259), nesting depth, value count and distinct keys. Runs before `JSON.parse`, so a
 * text nested 100,000 levels deep or holding millions of keys is refused before anything is built, and a
 * syntax error gets a position without the parser's message (which quotes the text).
 *
 * @returns undefined when the text is valid JSON within the limits, else the first problem
 * @example
 * scanJson('[[[1]]]', { maxDepth: 2, maxNodes: 100, maxKeys: 100 })?.kind; // 'limit'
 */
export function scanJson(text: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): JsonScanProblem | undefined {
  const n = text.length;
  const { maxDepth, maxNodes, maxKeys } = limits;
  // 0 = array, 1 = object, per open level; depth never exceeds maxDepth.
  const stack = new Uint8Array(maxDepth + 1);
  const keys = new Set<string>();
  let depth = 0;
  let nodes = 0;
  let state: State = State.Value;
  let i = 0;
  const syntax = (position: number, en: string, zh: string): JsonScanProblem => ({ kind: 'syntax', position, en, zh });
  let stringError: JsonScanProblem | undefined;

  /** End (after the closing quote) of the string starting at `start`, or -1 with `stringError` set. */
  const stringEnd = (start: number): number => {
    let j = start + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 34) return j + 1;
      if (c === 92) {
        const e = text.charCodeAt(j + 1);
        if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) j += 2;
        else if (e === 117 && isHex(text.charCodeAt(j + 2)) && isHex(text.charCodeAt(j + 3)) && isHex(text.charCodeAt(j + 4)) && isHex(text.charCodeAt(j + 5))) j += 6;
        else {
          stringError = syntax(j, 'bad escape sequence in a string', '字符串中的转义序列无效');
          return -1;
        }
      } else if (c < 0x20) {
        stringError = syntax(j, 'control character (such as a raw line break) inside a string', '字符串中含有控制字符（如未转义的换行）');
        return -1;
      } else j++;
    }
    stringError = syntax(n, 'unterminated string', '字符串没有结束引号');
    return -1;
  };

  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    if (i >= n) {
      if (state === State.AfterValue && depth === 0) return undefined;
      return syntax(n, 'unexpected end of the JSON text', 'JSON 文本意外结束');
    }
    const c = text.charCodeAt(i);
    if ((state === State.ValueOrEnd && c === 93) || (state === State.KeyOrEnd && c === 125)) {
      // An empty array or object.
      depth--;
      i++;
      state = State.AfterValue;
      continue;
    }
    switch (state) {
      case State.ValueOrEnd:
      case State.Value: {
        if (++nodes > maxNodes) return { kind: 'limit', position: i, en: `more than ${maxNodes} values (limit maxNodes)`, zh: `值超过 ${maxNodes} 个（上限 maxNodes）` };
        if (c === 91 || c === 123) {
          if (depth >= maxDepth) return { kind: 'limit', position: i, en: `nested deeper than ${maxDepth} levels (limit maxDepth)`, zh: `嵌套超过 ${maxDepth} 层（上限 maxDepth）` };
          stack[depth++] = c === 91 ? 0 : 1;
          i++;
          state = c === 91 ? State.ValueOrEnd : State.KeyOrEnd;
        } else if (c === 34) {
          const end = stringEnd(i);
          if (end < 0) return stringError;
          i = end;
          state = State.AfterValue;
        } else if (c === 45 || isDigit(c)) {
          let j = c === 45 ? i + 1 : i;
          if (text.charCodeAt(j) === 48) j++;
          else if (isDigit(text.charCodeAt(j)) && text.charCodeAt(j) !== 48) while (isDigit(text.charCodeAt(j))) j++;
          else return syntax(j, 'invalid number', '数字格式无效');
          if (text.charCodeAt(j) === 46) {
            j++;
            if (!isDigit(text.charCodeAt(j))) return syntax(j, 'invalid number: digits must follow the decimal point', '数字格式无效：小数点后应有数字');
            while (isDigit(text.charCodeAt(j))) j++;
          }
          const e = text.charCodeAt(j);
          if (e === 101 || e === 69) {
            j++;
            const s = text.charCodeAt(j);
            if (s === 43 || s === 45) j++;
            if (!isDigit(text.charCodeAt(j))) return syntax(j, 'invalid number: digits must follow the exponent', '数字格式无效：指数后应有数字');
            while (isDigit(text.charCodeAt(j))) j++;
          }
          i = j;
          state = State.AfterValue;
        } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
          i += 4;
          state = State.AfterValue;
        } else if (text.startsWith('false', i)) {
          i += 5;
          state = State.AfterValue;
        } else {
          return syntax(i, 'unexpected character where a value should be', '此处应为一个值，但遇到了意外字符');
        }
        break;
      }
      case State.AfterValue: {
        if (depth === 0) return syntax(i, 'unexpected text after the JSON value', 'JSON 值之后还有多余内容');
        const inObject = stack[depth - 1] === 1;
        if (c === 44) {
          i++;
          state = inObject ? State.Key : State.Value;
        } else if ((c === 93 && !inObject) || (c === 125 && inObject)) {
          depth--;
          i++;
        } else {
          return inObject ? syntax(i, "expected ',' or '}' after a property value", "属性值之后应为 ',' 或 '}'") : syntax(i, "expected ',' or ']' after an array element", "数组元素之后应为 ',' 或 ']'");
        }
        break;
      }
      case State.KeyOrEnd:
      case State.Key: {
        if (c !== 34) return syntax(i, 'expected a double-quoted property name', '此处应为带双引号的属性名');
        const end = stringEnd(i);
        if (end < 0) return stringError;
        if (keys.size <= maxKeys) {
          keys.add(text.slice(i + 1, end - 1));
          if (keys.size > maxKeys) return { kind: 'limit', position: i, en: `more than ${maxKeys} distinct property names (limit maxKeys)`, zh: `不同的属性名超过 ${maxKeys} 个（上限 maxKeys）` };
        }
        i = end;
        while (i < n) {
          const w = text.charCodeAt(i);
          if (w === 32 || w === 10 || w === 13 || w === 9) i++;
          else break;
        }
        if (text.charCodeAt(i) !== 58) return syntax(i, "expected ':' after a property name", "属性名之后应为 ':'");
        i++;
        state = State.Value;
        break;
      }
    }
  }
}
