#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(16);
const utils = __nccwpck_require__(59);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(595);
const utils = __nccwpck_require__(59);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 16:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(781);
const parse = __nccwpck_require__(265);
const utils = __nccwpck_require__(59);
const constants = __nccwpck_require__(595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(59);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 59:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 800:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
exports.wT = __webpack_unused_export__ = void 0;
const ed5 = __nccwpck_require__(950);
const ed2 = __nccwpck_require__(488);
const NSed3 = __nccwpck_require__(699);
var isS = ed5.isS;
var isChar10 = ed5.isChar;
var isNameStartChar = ed5.isNameStartChar;
var isNameChar = ed5.isNameChar;
var S_LIST = ed5.S_LIST;
var NAME_RE = ed5.NAME_RE;
var isChar11 = ed2.isChar;
var isNCNameStartChar = NSed3.isNCNameStartChar;
var isNCNameChar = NSed3.isNCNameChar;
var NC_NAME_RE = NSed3.NC_NAME_RE;
const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
const rootNS = {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
    __proto__: null,
    xml: XML_NAMESPACE,
    xmlns: XMLNS_NAMESPACE,
};
const XML_ENTITIES = {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
    __proto__: null,
    amp: "&",
    gt: ">",
    lt: "<",
    quot: "\"",
    apos: "'",
};
// EOC: end-of-chunk
const EOC = -1;
const NL_LIKE = -2;
const S_BEGIN = 0; // Initial state.
const S_BEGIN_WHITESPACE = 1; // leading whitespace
const S_DOCTYPE = 2; // <!DOCTYPE
const S_DOCTYPE_QUOTE = 3; // <!DOCTYPE "//blah
const S_DTD = 4; // <!DOCTYPE "//blah" [ ...
const S_DTD_QUOTED = 5; // <!DOCTYPE "//blah" [ "foo
const S_DTD_OPEN_WAKA = 6;
const S_DTD_OPEN_WAKA_BANG = 7;
const S_DTD_COMMENT = 8; // <!--
const S_DTD_COMMENT_ENDING = 9; // <!-- blah -
const S_DTD_COMMENT_ENDED = 10; // <!-- blah --
const S_DTD_PI = 11; // <?
const S_DTD_PI_ENDING = 12; // <?hi "there" ?
const S_TEXT = 13; // general stuff
const S_ENTITY = 14; // &amp and such
const S_OPEN_WAKA = 15; // <
const S_OPEN_WAKA_BANG = 16; // <!...
const S_COMMENT = 17; // <!--
const S_COMMENT_ENDING = 18; // <!-- blah -
const S_COMMENT_ENDED = 19; // <!-- blah --
const S_CDATA = 20; // <![CDATA[ something
const S_CDATA_ENDING = 21; // ]
const S_CDATA_ENDING_2 = 22; // ]]
const S_PI_FIRST_CHAR = 23; // <?hi, first char
const S_PI_REST = 24; // <?hi, rest of the name
const S_PI_BODY = 25; // <?hi there
const S_PI_ENDING = 26; // <?hi "there" ?
const S_XML_DECL_NAME_START = 27; // <?xml
const S_XML_DECL_NAME = 28; // <?xml foo
const S_XML_DECL_EQ = 29; // <?xml foo=
const S_XML_DECL_VALUE_START = 30; // <?xml foo=
const S_XML_DECL_VALUE = 31; // <?xml foo="bar"
const S_XML_DECL_SEPARATOR = 32; // <?xml foo="bar"
const S_XML_DECL_ENDING = 33; // <?xml ... ?
const S_OPEN_TAG = 34; // <strong
const S_OPEN_TAG_SLASH = 35; // <strong /
const S_ATTRIB = 36; // <a
const S_ATTRIB_NAME = 37; // <a foo
const S_ATTRIB_NAME_SAW_WHITE = 38; // <a foo _
const S_ATTRIB_VALUE = 39; // <a foo=
const S_ATTRIB_VALUE_QUOTED = 40; // <a foo="bar
const S_ATTRIB_VALUE_CLOSED = 41; // <a foo="bar"
const S_ATTRIB_VALUE_UNQUOTED = 42; // <a foo=bar
const S_CLOSE_TAG = 43; // </a
const S_CLOSE_TAG_SAW_WHITE = 44; // </a   >
const TAB = 9;
const NL = 0xA;
const CR = 0xD;
const SPACE = 0x20;
const BANG = 0x21;
const DQUOTE = 0x22;
const AMP = 0x26;
const SQUOTE = 0x27;
const MINUS = 0x2D;
const FORWARD_SLASH = 0x2F;
const SEMICOLON = 0x3B;
const LESS = 0x3C;
const EQUAL = 0x3D;
const GREATER = 0x3E;
const QUESTION = 0x3F;
const OPEN_BRACKET = 0x5B;
const CLOSE_BRACKET = 0x5D;
const NEL = 0x85;
const LS = 0x2028; // Line Separator
const isQuote = (c) => c === DQUOTE || c === SQUOTE;
const QUOTES = [DQUOTE, SQUOTE];
const DOCTYPE_TERMINATOR = [...QUOTES, OPEN_BRACKET, GREATER];
const DTD_TERMINATOR = [...QUOTES, LESS, CLOSE_BRACKET];
const XML_DECL_NAME_TERMINATOR = [EQUAL, QUESTION, ...S_LIST];
const ATTRIB_VALUE_UNQUOTED_TERMINATOR = [...S_LIST, GREATER, AMP, LESS];
function nsPairCheck(parser, prefix, uri) {
    switch (prefix) {
        case "xml":
            if (uri !== XML_NAMESPACE) {
                parser.fail(`xml prefix must be bound to ${XML_NAMESPACE}.`);
            }
            break;
        case "xmlns":
            if (uri !== XMLNS_NAMESPACE) {
                parser.fail(`xmlns prefix must be bound to ${XMLNS_NAMESPACE}.`);
            }
            break;
        default:
    }
    switch (uri) {
        case XMLNS_NAMESPACE:
            parser.fail(prefix === "" ?
                `the default namespace may not be set to ${uri}.` :
                `may not assign a prefix (even "xmlns") to the URI \
${XMLNS_NAMESPACE}.`);
            break;
        case XML_NAMESPACE:
            switch (prefix) {
                case "xml":
                    // Assinging the XML namespace to "xml" is fine.
                    break;
                case "":
                    parser.fail(`the default namespace may not be set to ${uri}.`);
                    break;
                default:
                    parser.fail("may not assign the xml namespace to another prefix.");
            }
            break;
        default:
    }
}
function nsMappingCheck(parser, mapping) {
    for (const local of Object.keys(mapping)) {
        nsPairCheck(parser, local, mapping[local]);
    }
}
const isNCName = (name) => NC_NAME_RE.test(name);
const isName = (name) => NAME_RE.test(name);
const FORBIDDEN_START = 0;
const FORBIDDEN_BRACKET = 1;
const FORBIDDEN_BRACKET_BRACKET = 2;
/**
 * The list of supported events.
 */
__webpack_unused_export__ = [
    "xmldecl",
    "text",
    "processinginstruction",
    "doctype",
    "comment",
    "opentagstart",
    "attribute",
    "opentag",
    "closetag",
    "cdata",
    "error",
    "end",
    "ready",
];
const EVENT_NAME_TO_HANDLER_NAME = {
    xmldecl: "xmldeclHandler",
    text: "textHandler",
    processinginstruction: "piHandler",
    doctype: "doctypeHandler",
    comment: "commentHandler",
    opentagstart: "openTagStartHandler",
    attribute: "attributeHandler",
    opentag: "openTagHandler",
    closetag: "closeTagHandler",
    cdata: "cdataHandler",
    error: "errorHandler",
    end: "endHandler",
    ready: "readyHandler",
};
// eslint-disable-next-line @typescript-eslint/ban-types
class SaxesParser {
    /**
     * @param opt The parser options.
     */
    constructor(opt) {
        this.opt = opt !== null && opt !== void 0 ? opt : {};
        this.fragmentOpt = !!this.opt.fragment;
        const xmlnsOpt = this.xmlnsOpt = !!this.opt.xmlns;
        this.trackPosition = this.opt.position !== false;
        this.fileName = this.opt.fileName;
        if (xmlnsOpt) {
            // This is the function we use to perform name checks on PIs and entities.
            // When namespaces are used, colons are not allowed in PI target names or
            // entity names. So the check depends on whether namespaces are used. See:
            //
            // https://www.w3.org/XML/xml-names-19990114-errata.html
            // NE08
            //
            this.nameStartCheck = isNCNameStartChar;
            this.nameCheck = isNCNameChar;
            this.isName = isNCName;
            // eslint-disable-next-line @typescript-eslint/unbound-method
            this.processAttribs = this.processAttribsNS;
            // eslint-disable-next-line @typescript-eslint/unbound-method
            this.pushAttrib = this.pushAttribNS;
            // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
            this.ns = Object.assign({ __proto__: null }, rootNS);
            const additional = this.opt.additionalNamespaces;
            if (additional != null) {
                nsMappingCheck(this, additional);
                Object.assign(this.ns, additional);
            }
        }
        else {
            this.nameStartCheck = isNameStartChar;
            this.nameCheck = isNameChar;
            this.isName = isName;
            // eslint-disable-next-line @typescript-eslint/unbound-method
            this.processAttribs = this.processAttribsPlain;
            // eslint-disable-next-line @typescript-eslint/unbound-method
            this.pushAttrib = this.pushAttribPlain;
        }
        //
        // The order of the members in this table needs to correspond to the state
        // numbers given to the states that correspond to the methods being recorded
        // here.
        //
        this.stateTable = [
            /* eslint-disable @typescript-eslint/unbound-method */
            this.sBegin,
            this.sBeginWhitespace,
            this.sDoctype,
            this.sDoctypeQuote,
            this.sDTD,
            this.sDTDQuoted,
            this.sDTDOpenWaka,
            this.sDTDOpenWakaBang,
            this.sDTDComment,
            this.sDTDCommentEnding,
            this.sDTDCommentEnded,
            this.sDTDPI,
            this.sDTDPIEnding,
            this.sText,
            this.sEntity,
            this.sOpenWaka,
            this.sOpenWakaBang,
            this.sComment,
            this.sCommentEnding,
            this.sCommentEnded,
            this.sCData,
            this.sCDataEnding,
            this.sCDataEnding2,
            this.sPIFirstChar,
            this.sPIRest,
            this.sPIBody,
            this.sPIEnding,
            this.sXMLDeclNameStart,
            this.sXMLDeclName,
            this.sXMLDeclEq,
            this.sXMLDeclValueStart,
            this.sXMLDeclValue,
            this.sXMLDeclSeparator,
            this.sXMLDeclEnding,
            this.sOpenTag,
            this.sOpenTagSlash,
            this.sAttrib,
            this.sAttribName,
            this.sAttribNameSawWhite,
            this.sAttribValue,
            this.sAttribValueQuoted,
            this.sAttribValueClosed,
            this.sAttribValueUnquoted,
            this.sCloseTag,
            this.sCloseTagSawWhite,
            /* eslint-enable @typescript-eslint/unbound-method */
        ];
        this._init();
    }
    /**
     * Indicates whether or not the parser is closed. If ``true``, wait for
     * the ``ready`` event to write again.
     */
    get closed() {
        return this._closed;
    }
    _init() {
        var _a;
        this.openWakaBang = "";
        this.text = "";
        this.name = "";
        this.piTarget = "";
        this.entity = "";
        this.q = null;
        this.tags = [];
        this.tag = null;
        this.topNS = null;
        this.chunk = "";
        this.chunkPosition = 0;
        this.i = 0;
        this.prevI = 0;
        this.carriedFromPrevious = undefined;
        this.forbiddenState = FORBIDDEN_START;
        this.attribList = [];
        // The logic is organized so as to minimize the need to check
        // this.opt.fragment while parsing.
        const { fragmentOpt } = this;
        this.state = fragmentOpt ? S_TEXT : S_BEGIN;
        // We want these to be all true if we are dealing with a fragment.
        this.reportedTextBeforeRoot = this.reportedTextAfterRoot = this.closedRoot =
            this.sawRoot = fragmentOpt;
        // An XML declaration is intially possible only when parsing whole
        // documents.
        this.xmlDeclPossible = !fragmentOpt;
        this.xmlDeclExpects = ["version"];
        this.entityReturnState = undefined;
        let { defaultXMLVersion } = this.opt;
        if (defaultXMLVersion === undefined) {
            if (this.opt.forceXMLVersion === true) {
                throw new Error("forceXMLVersion set but defaultXMLVersion is not set");
            }
            defaultXMLVersion = "1.0";
        }
        this.setXMLVersion(defaultXMLVersion);
        this.positionAtNewLine = 0;
        this.doctype = false;
        this._closed = false;
        this.xmlDecl = {
            version: undefined,
            encoding: undefined,
            standalone: undefined,
        };
        this.line = 1;
        this.column = 0;
        this.ENTITIES = Object.create(XML_ENTITIES);
        (_a = this.readyHandler) === null || _a === void 0 ? void 0 : _a.call(this);
    }
    /**
     * The stream position the parser is currently looking at. This field is
     * zero-based.
     *
     * This field is not based on counting Unicode characters but is to be
     * interpreted as a plain index into a JavaScript string.
     */
    get position() {
        return this.chunkPosition + this.i;
    }
    /**
     * The column number of the next character to be read by the parser.  *
     * This field is zero-based. (The first column in a line is 0.)
     *
     * This field reports the index at which the next character would be in the
     * line if the line were represented as a JavaScript string.  Note that this
     * *can* be different to a count based on the number of *Unicode characters*
     * due to how JavaScript handles astral plane characters.
     *
     * See [[column]] for a number that corresponds to a count of Unicode
     * characters.
     */
    get columnIndex() {
        return this.position - this.positionAtNewLine;
    }
    /**
     * Set an event listener on an event. The parser supports one handler per
     * event type. If you try to set an event handler over an existing handler,
     * the old handler is silently overwritten.
     *
     * @param name The event to listen to.
     *
     * @param handler The handler to set.
     */
    on(name, handler) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access
        this[EVENT_NAME_TO_HANDLER_NAME[name]] = handler;
    }
    /**
     * Unset an event handler.
     *
     * @parma name The event to stop listening to.
     */
    off(name) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access
        this[EVENT_NAME_TO_HANDLER_NAME[name]] = undefined;
    }
    /**
     * Make an error object. The error object will have a message that contains
     * the ``fileName`` option passed at the creation of the parser. If position
     * tracking was turned on, it will also have line and column number
     * information.
     *
     * @param message The message describing the error to report.
     *
     * @returns An error object with a properly formatted message.
     */
    makeError(message) {
        var _a;
        let msg = (_a = this.fileName) !== null && _a !== void 0 ? _a : "";
        if (this.trackPosition) {
            if (msg.length > 0) {
                msg += ":";
            }
            msg += `${this.line}:${this.column}`;
        }
        if (msg.length > 0) {
            msg += ": ";
        }
        return new Error(msg + message);
    }
    /**
     * Report a parsing error. This method is made public so that client code may
     * check for issues that are outside the scope of this project and can report
     * errors.
     *
     * @param message The error to report.
     *
     * @returns this
     */
    fail(message) {
        const err = this.makeError(message);
        const handler = this.errorHandler;
        if (handler === undefined) {
            throw err;
        }
        else {
            handler(err);
        }
        return this;
    }
    /**
     * Write a XML data to the parser.
     *
     * @param chunk The XML data to write.
     *
     * @returns this
     */
    // We do need object for the type here. Yes, it often causes problems
    // but not in this case.
    write(chunk) {
        if (this.closed) {
            return this.fail("cannot write after close; assign an onready handler.");
        }
        let end = false;
        if (chunk === null) {
            // We cannot return immediately because carriedFromPrevious may need
            // processing.
            end = true;
            chunk = "";
        }
        else if (typeof chunk === "object") {
            chunk = chunk.toString();
        }
        // We checked if performing a pre-decomposition of the string into an array
        // of single complete characters (``Array.from(chunk)``) would be faster
        // than the current repeated calls to ``charCodeAt``. As of August 2018, it
        // isn't. (There may be Node-specific code that would perform faster than
        // ``Array.from`` but don't want to be dependent on Node.)
        if (this.carriedFromPrevious !== undefined) {
            // The previous chunk had char we must carry over.
            chunk = `${this.carriedFromPrevious}${chunk}`;
            this.carriedFromPrevious = undefined;
        }
        let limit = chunk.length;
        const lastCode = chunk.charCodeAt(limit - 1);
        if (!end &&
            // A trailing CR or surrogate must be carried over to the next
            // chunk.
            (lastCode === CR || (lastCode >= 0xD800 && lastCode <= 0xDBFF))) {
            // The chunk ends with a character that must be carried over. We cannot
            // know how to handle it until we get the next chunk or the end of the
            // stream. So save it for later.
            this.carriedFromPrevious = chunk[limit - 1];
            limit--;
            chunk = chunk.slice(0, limit);
        }
        const { stateTable } = this;
        this.chunk = chunk;
        this.i = 0;
        while (this.i < limit) {
            // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument
            stateTable[this.state].call(this);
        }
        this.chunkPosition += limit;
        return end ? this.end() : this;
    }
    /**
     * Close the current stream. Perform final well-formedness checks and reset
     * the parser tstate.
     *
     * @returns this
     */
    close() {
        return this.write(null);
    }
    /**
     * Get a single code point out of the current chunk. This updates the current
     * position if we do position tracking.
     *
     * This is the algorithm to use for XML 1.0.
     *
     * @returns The character read.
     */
    getCode10() {
        const { chunk, i } = this;
        this.prevI = i;
        // Yes, we do this instead of doing this.i++. Doing it this way, we do not
        // read this.i again, which is a bit faster.
        this.i = i + 1;
        if (i >= chunk.length) {
            return EOC;
        }
        // Using charCodeAt and handling the surrogates ourselves is faster
        // than using codePointAt.
        const code = chunk.charCodeAt(i);
        this.column++;
        if (code < 0xD800) {
            if (code >= SPACE || code === TAB) {
                return code;
            }
            switch (code) {
                case NL:
                    this.line++;
                    this.column = 0;
                    this.positionAtNewLine = this.position;
                    return NL;
                case CR:
                    // We may get NaN if we read past the end of the chunk, which is fine.
                    if (chunk.charCodeAt(i + 1) === NL) {
                        // A \r\n sequence is converted to \n so we have to skip over the
                        // next character. We already know it has a size of 1 so ++ is fine
                        // here.
                        this.i = i + 2;
                    }
                    // Otherwise, a \r is just converted to \n, so we don't have to skip
                    // ahead.
                    // In either case, \r becomes \n.
                    this.line++;
                    this.column = 0;
                    this.positionAtNewLine = this.position;
                    return NL_LIKE;
                default:
                    // If we get here, then code < SPACE and it is not NL CR or TAB.
                    this.fail("disallowed character.");
                    return code;
            }
        }
        if (code > 0xDBFF) {
            // This is a specialized version of isChar10 that takes into account
            // that in this context code > 0xDBFF and code <= 0xFFFF. So it does not
            // test cases that don't need testing.
            if (!(code >= 0xE000 && code <= 0xFFFD)) {
                this.fail("disallowed character.");
            }
            return code;
        }
        const final = 0x10000 + ((code - 0xD800) * 0x400) +
            (chunk.charCodeAt(i + 1) - 0xDC00);
        this.i = i + 2;
        // This is a specialized version of isChar10 that takes into account that in
        // this context necessarily final >= 0x10000.
        if (final > 0x10FFFF) {
            this.fail("disallowed character.");
        }
        return final;
    }
    /**
     * Get a single code point out of the current chunk. This updates the current
     * position if we do position tracking.
     *
     * This is the algorithm to use for XML 1.1.
     *
     * @returns {number} The character read.
     */
    getCode11() {
        const { chunk, i } = this;
        this.prevI = i;
        // Yes, we do this instead of doing this.i++. Doing it this way, we do not
        // read this.i again, which is a bit faster.
        this.i = i + 1;
        if (i >= chunk.length) {
            return EOC;
        }
        // Using charCodeAt and handling the surrogates ourselves is faster
        // than using codePointAt.
        const code = chunk.charCodeAt(i);
        this.column++;
        if (code < 0xD800) {
            if ((code > 0x1F && code < 0x7F) || (code > 0x9F && code !== LS) ||
                code === TAB) {
                return code;
            }
            switch (code) {
                case NL: // 0xA
                    this.line++;
                    this.column = 0;
                    this.positionAtNewLine = this.position;
                    return NL;
                case CR: { // 0xD
                    // We may get NaN if we read past the end of the chunk, which is
                    // fine.
                    const next = chunk.charCodeAt(i + 1);
                    if (next === NL || next === NEL) {
                        // A CR NL or CR NEL sequence is converted to NL so we have to skip
                        // over the next character. We already know it has a size of 1.
                        this.i = i + 2;
                    }
                    // Otherwise, a CR is just converted to NL, no skip.
                }
                /* yes, fall through */
                case NEL: // 0x85
                case LS: // Ox2028
                    this.line++;
                    this.column = 0;
                    this.positionAtNewLine = this.position;
                    return NL_LIKE;
                default:
                    this.fail("disallowed character.");
                    return code;
            }
        }
        if (code > 0xDBFF) {
            // This is a specialized version of isCharAndNotRestricted that takes into
            // account that in this context code > 0xDBFF and code <= 0xFFFF. So it
            // does not test cases that don't need testing.
            if (!(code >= 0xE000 && code <= 0xFFFD)) {
                this.fail("disallowed character.");
            }
            return code;
        }
        const final = 0x10000 + ((code - 0xD800) * 0x400) +
            (chunk.charCodeAt(i + 1) - 0xDC00);
        this.i = i + 2;
        // This is a specialized version of isCharAndNotRestricted that takes into
        // account that in this context necessarily final >= 0x10000.
        if (final > 0x10FFFF) {
            this.fail("disallowed character.");
        }
        return final;
    }
    /**
     * Like ``getCode`` but with the return value normalized so that ``NL`` is
     * returned for ``NL_LIKE``.
     */
    getCodeNorm() {
        const c = this.getCode();
        return c === NL_LIKE ? NL : c;
    }
    unget() {
        this.i = this.prevI;
        this.column--;
    }
    /**
     * Capture characters into a buffer until encountering one of a set of
     * characters.
     *
     * @param chars An array of codepoints. Encountering a character in the array
     * ends the capture. (``chars`` may safely contain ``NL``.)
     *
     * @return The character code that made the capture end, or ``EOC`` if we hit
     * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
     * instead.
     */
    captureTo(chars) {
        let { i: start } = this;
        const { chunk } = this;
        // eslint-disable-next-line no-constant-condition
        while (true) {
            const c = this.getCode();
            const isNLLike = c === NL_LIKE;
            const final = isNLLike ? NL : c;
            if (final === EOC || chars.includes(final)) {
                this.text += chunk.slice(start, this.prevI);
                return final;
            }
            if (isNLLike) {
                this.text += `${chunk.slice(start, this.prevI)}\n`;
                start = this.i;
            }
        }
    }
    /**
     * Capture characters into a buffer until encountering a character.
     *
     * @param char The codepoint that ends the capture. **NOTE ``char`` MAY NOT
     * CONTAIN ``NL``.** Passing ``NL`` will result in buggy behavior.
     *
     * @return ``true`` if we ran into the character. Otherwise, we ran into the
     * end of the current chunk.
     */
    captureToChar(char) {
        let { i: start } = this;
        const { chunk } = this;
        // eslint-disable-next-line no-constant-condition
        while (true) {
            let c = this.getCode();
            switch (c) {
                case NL_LIKE:
                    this.text += `${chunk.slice(start, this.prevI)}\n`;
                    start = this.i;
                    c = NL;
                    break;
                case EOC:
                    this.text += chunk.slice(start);
                    return false;
                default:
            }
            if (c === char) {
                this.text += chunk.slice(start, this.prevI);
                return true;
            }
        }
    }
    /**
     * Capture characters that satisfy ``isNameChar`` into the ``name`` field of
     * this parser.
     *
     * @return The character code that made the test fail, or ``EOC`` if we hit
     * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
     * instead.
     */
    captureNameChars() {
        const { chunk, i: start } = this;
        // eslint-disable-next-line no-constant-condition
        while (true) {
            const c = this.getCode();
            if (c === EOC) {
                this.name += chunk.slice(start);
                return EOC;
            }
            // NL is not a name char so we don't have to test specifically for it.
            if (!isNameChar(c)) {
                this.name += chunk.slice(start, this.prevI);
                return c === NL_LIKE ? NL : c;
            }
        }
    }
    /**
     * Skip white spaces.
     *
     * @return The character that ended the skip, or ``EOC`` if we hit
     * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
     * instead.
     */
    skipSpaces() {
        // eslint-disable-next-line no-constant-condition
        while (true) {
            const c = this.getCodeNorm();
            if (c === EOC || !isS(c)) {
                return c;
            }
        }
    }
    setXMLVersion(version) {
        this.currentXMLVersion = version;
        /*  eslint-disable @typescript-eslint/unbound-method */
        if (version === "1.0") {
            this.isChar = isChar10;
            this.getCode = this.getCode10;
        }
        else {
            this.isChar = isChar11;
            this.getCode = this.getCode11;
        }
        /* eslint-enable @typescript-eslint/unbound-method */
    }
    // STATE ENGINE METHODS
    // This needs to be a state separate from S_BEGIN_WHITESPACE because we want
    // to be sure never to come back to this state later.
    sBegin() {
        // We are essentially peeking at the first character of the chunk. Since
        // S_BEGIN can be in effect only when we start working on the first chunk,
        // the index at which we must look is necessarily 0. Note also that the
        // following test does not depend on decoding surrogates.
        // If the initial character is 0xFEFF, ignore it.
        if (this.chunk.charCodeAt(0) === 0xFEFF) {
            this.i++;
            this.column++;
        }
        this.state = S_BEGIN_WHITESPACE;
    }
    sBeginWhitespace() {
        // We need to know whether we've encountered spaces or not because as soon
        // as we run into a space, an XML declaration is no longer possible. Rather
        // than slow down skipSpaces even in places where we don't care whether it
        // skipped anything or not, we check whether prevI is equal to the value of
        // i from before we skip spaces.
        const iBefore = this.i;
        const c = this.skipSpaces();
        if (this.prevI !== iBefore) {
            this.xmlDeclPossible = false;
        }
        switch (c) {
            case LESS:
                this.state = S_OPEN_WAKA;
                // We could naively call closeText but in this state, it is not normal
                // to have text be filled with any data.
                if (this.text.length !== 0) {
                    throw new Error("no-empty text at start");
                }
                break;
            case EOC:
                break;
            default:
                this.unget();
                this.state = S_TEXT;
                this.xmlDeclPossible = false;
        }
    }
    sDoctype() {
        var _a;
        const c = this.captureTo(DOCTYPE_TERMINATOR);
        switch (c) {
            case GREATER: {
                (_a = this.doctypeHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
                this.text = "";
                this.state = S_TEXT;
                this.doctype = true; // just remember that we saw it.
                break;
            }
            case EOC:
                break;
            default:
                this.text += String.fromCodePoint(c);
                if (c === OPEN_BRACKET) {
                    this.state = S_DTD;
                }
                else if (isQuote(c)) {
                    this.state = S_DOCTYPE_QUOTE;
                    this.q = c;
                }
        }
    }
    sDoctypeQuote() {
        const q = this.q;
        if (this.captureToChar(q)) {
            this.text += String.fromCodePoint(q);
            this.q = null;
            this.state = S_DOCTYPE;
        }
    }
    sDTD() {
        const c = this.captureTo(DTD_TERMINATOR);
        if (c === EOC) {
            return;
        }
        this.text += String.fromCodePoint(c);
        if (c === CLOSE_BRACKET) {
            this.state = S_DOCTYPE;
        }
        else if (c === LESS) {
            this.state = S_DTD_OPEN_WAKA;
        }
        else if (isQuote(c)) {
            this.state = S_DTD_QUOTED;
            this.q = c;
        }
    }
    sDTDQuoted() {
        const q = this.q;
        if (this.captureToChar(q)) {
            this.text += String.fromCodePoint(q);
            this.state = S_DTD;
            this.q = null;
        }
    }
    sDTDOpenWaka() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        switch (c) {
            case BANG:
                this.state = S_DTD_OPEN_WAKA_BANG;
                this.openWakaBang = "";
                break;
            case QUESTION:
                this.state = S_DTD_PI;
                break;
            default:
                this.state = S_DTD;
        }
    }
    sDTDOpenWakaBang() {
        const char = String.fromCodePoint(this.getCodeNorm());
        const owb = this.openWakaBang += char;
        this.text += char;
        if (owb !== "-") {
            this.state = owb === "--" ? S_DTD_COMMENT : S_DTD;
            this.openWakaBang = "";
        }
    }
    sDTDComment() {
        if (this.captureToChar(MINUS)) {
            this.text += "-";
            this.state = S_DTD_COMMENT_ENDING;
        }
    }
    sDTDCommentEnding() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        this.state = c === MINUS ? S_DTD_COMMENT_ENDED : S_DTD_COMMENT;
    }
    sDTDCommentEnded() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        if (c === GREATER) {
            this.state = S_DTD;
        }
        else {
            this.fail("malformed comment.");
            // <!-- blah -- bloo --> will be recorded as
            // a comment of " blah -- bloo "
            this.state = S_DTD_COMMENT;
        }
    }
    sDTDPI() {
        if (this.captureToChar(QUESTION)) {
            this.text += "?";
            this.state = S_DTD_PI_ENDING;
        }
    }
    sDTDPIEnding() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        if (c === GREATER) {
            this.state = S_DTD;
        }
    }
    sText() {
        //
        // We did try a version of saxes where the S_TEXT state was split in two
        // states: one for text inside the root element, and one for text
        // outside. This was avoiding having to test this.tags.length to decide
        // what implementation to actually use.
        //
        // Peformance testing on gigabyte-size files did not show any advantage to
        // using the two states solution instead of the current one. Conversely, it
        // made the code a bit more complicated elsewhere. For instance, a comment
        // can appear before the root element so when a comment ended it was
        // necessary to determine whether to return to the S_TEXT state or to the
        // new text-outside-root state.
        //
        if (this.tags.length !== 0) {
            this.handleTextInRoot();
        }
        else {
            this.handleTextOutsideRoot();
        }
    }
    sEntity() {
        // This is essentially a specialized version of captureToChar(SEMICOLON...)
        let { i: start } = this;
        const { chunk } = this;
        // eslint-disable-next-line no-labels, no-restricted-syntax
        loop: 
        // eslint-disable-next-line no-constant-condition
        while (true) {
            switch (this.getCode()) {
                case NL_LIKE:
                    this.entity += `${chunk.slice(start, this.prevI)}\n`;
                    start = this.i;
                    break;
                case SEMICOLON: {
                    const { entityReturnState } = this;
                    const entity = this.entity + chunk.slice(start, this.prevI);
                    this.state = entityReturnState;
                    let parsed;
                    if (entity === "") {
                        this.fail("empty entity name.");
                        parsed = "&;";
                    }
                    else {
                        parsed = this.parseEntity(entity);
                        this.entity = "";
                    }
                    if (entityReturnState !== S_TEXT || this.textHandler !== undefined) {
                        this.text += parsed;
                    }
                    // eslint-disable-next-line no-labels
                    break loop;
                }
                case EOC:
                    this.entity += chunk.slice(start);
                    // eslint-disable-next-line no-labels
                    break loop;
                default:
            }
        }
    }
    sOpenWaka() {
        // Reminder: a state handler is called with at least one character
        // available in the current chunk. So the first call to get code inside of
        // a state handler cannot return ``EOC``. That's why we don't test
        // for it.
        const c = this.getCode();
        // either a /, ?, !, or text is coming next.
        if (isNameStartChar(c)) {
            this.state = S_OPEN_TAG;
            this.unget();
            this.xmlDeclPossible = false;
        }
        else {
            switch (c) {
                case FORWARD_SLASH:
                    this.state = S_CLOSE_TAG;
                    this.xmlDeclPossible = false;
                    break;
                case BANG:
                    this.state = S_OPEN_WAKA_BANG;
                    this.openWakaBang = "";
                    this.xmlDeclPossible = false;
                    break;
                case QUESTION:
                    this.state = S_PI_FIRST_CHAR;
                    break;
                default:
                    this.fail("disallowed character in tag name");
                    this.state = S_TEXT;
                    this.xmlDeclPossible = false;
            }
        }
    }
    sOpenWakaBang() {
        this.openWakaBang += String.fromCodePoint(this.getCodeNorm());
        switch (this.openWakaBang) {
            case "[CDATA[":
                if (!this.sawRoot && !this.reportedTextBeforeRoot) {
                    this.fail("text data outside of root node.");
                    this.reportedTextBeforeRoot = true;
                }
                if (this.closedRoot && !this.reportedTextAfterRoot) {
                    this.fail("text data outside of root node.");
                    this.reportedTextAfterRoot = true;
                }
                this.state = S_CDATA;
                this.openWakaBang = "";
                break;
            case "--":
                this.state = S_COMMENT;
                this.openWakaBang = "";
                break;
            case "DOCTYPE":
                this.state = S_DOCTYPE;
                if (this.doctype || this.sawRoot) {
                    this.fail("inappropriately located doctype declaration.");
                }
                this.openWakaBang = "";
                break;
            default:
                // 7 happens to be the maximum length of the string that can possibly
                // match one of the cases above.
                if (this.openWakaBang.length >= 7) {
                    this.fail("incorrect syntax.");
                }
        }
    }
    sComment() {
        if (this.captureToChar(MINUS)) {
            this.state = S_COMMENT_ENDING;
        }
    }
    sCommentEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === MINUS) {
            this.state = S_COMMENT_ENDED;
            (_a = this.commentHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
            this.text = "";
        }
        else {
            this.text += `-${String.fromCodePoint(c)}`;
            this.state = S_COMMENT;
        }
    }
    sCommentEnded() {
        const c = this.getCodeNorm();
        if (c !== GREATER) {
            this.fail("malformed comment.");
            // <!-- blah -- bloo --> will be recorded as
            // a comment of " blah -- bloo "
            this.text += `--${String.fromCodePoint(c)}`;
            this.state = S_COMMENT;
        }
        else {
            this.state = S_TEXT;
        }
    }
    sCData() {
        if (this.captureToChar(CLOSE_BRACKET)) {
            this.state = S_CDATA_ENDING;
        }
    }
    sCDataEnding() {
        const c = this.getCodeNorm();
        if (c === CLOSE_BRACKET) {
            this.state = S_CDATA_ENDING_2;
        }
        else {
            this.text += `]${String.fromCodePoint(c)}`;
            this.state = S_CDATA;
        }
    }
    sCDataEnding2() {
        var _a;
        const c = this.getCodeNorm();
        switch (c) {
            case GREATER: {
                (_a = this.cdataHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
                this.text = "";
                this.state = S_TEXT;
                break;
            }
            case CLOSE_BRACKET:
                this.text += "]";
                break;
            default:
                this.text += `]]${String.fromCodePoint(c)}`;
                this.state = S_CDATA;
        }
    }
    // We need this separate state to check the first character fo the pi target
    // with this.nameStartCheck which allows less characters than this.nameCheck.
    sPIFirstChar() {
        const c = this.getCodeNorm();
        // This is first because in the case where the file is well-formed this is
        // the branch taken. We optimize for well-formedness.
        if (this.nameStartCheck(c)) {
            this.piTarget += String.fromCodePoint(c);
            this.state = S_PI_REST;
        }
        else if (c === QUESTION || isS(c)) {
            this.fail("processing instruction without a target.");
            this.state = c === QUESTION ? S_PI_ENDING : S_PI_BODY;
        }
        else {
            this.fail("disallowed character in processing instruction name.");
            this.piTarget += String.fromCodePoint(c);
            this.state = S_PI_REST;
        }
    }
    sPIRest() {
        // Capture characters into a piTarget while ``this.nameCheck`` run on the
        // character read returns true.
        const { chunk, i: start } = this;
        // eslint-disable-next-line no-constant-condition
        while (true) {
            const c = this.getCodeNorm();
            if (c === EOC) {
                this.piTarget += chunk.slice(start);
                return;
            }
            // NL cannot satisfy this.nameCheck so we don't have to test specifically
            // for it.
            if (!this.nameCheck(c)) {
                this.piTarget += chunk.slice(start, this.prevI);
                const isQuestion = c === QUESTION;
                if (isQuestion || isS(c)) {
                    if (this.piTarget === "xml") {
                        if (!this.xmlDeclPossible) {
                            this.fail("an XML declaration must be at the start of the document.");
                        }
                        this.state = isQuestion ? S_XML_DECL_ENDING : S_XML_DECL_NAME_START;
                    }
                    else {
                        this.state = isQuestion ? S_PI_ENDING : S_PI_BODY;
                    }
                }
                else {
                    this.fail("disallowed character in processing instruction name.");
                    this.piTarget += String.fromCodePoint(c);
                }
                break;
            }
        }
    }
    sPIBody() {
        if (this.text.length === 0) {
            const c = this.getCodeNorm();
            if (c === QUESTION) {
                this.state = S_PI_ENDING;
            }
            else if (!isS(c)) {
                this.text = String.fromCodePoint(c);
            }
        }
        // The question mark character is not valid inside any of the XML
        // declaration name/value pairs.
        else if (this.captureToChar(QUESTION)) {
            this.state = S_PI_ENDING;
        }
    }
    sPIEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === GREATER) {
            const { piTarget } = this;
            if (piTarget.toLowerCase() === "xml") {
                this.fail("the XML declaration must appear at the start of the document.");
            }
            (_a = this.piHandler) === null || _a === void 0 ? void 0 : _a.call(this, {
                target: piTarget,
                body: this.text,
            });
            this.piTarget = this.text = "";
            this.state = S_TEXT;
        }
        else if (c === QUESTION) {
            // We ran into ?? as part of a processing instruction. We initially took
            // the first ? as a sign that the PI was ending, but it is not. So we have
            // to add it to the body but we take the new ? as a sign that the PI is
            // ending.
            this.text += "?";
        }
        else {
            this.text += `?${String.fromCodePoint(c)}`;
            this.state = S_PI_BODY;
        }
        this.xmlDeclPossible = false;
    }
    sXMLDeclNameStart() {
        const c = this.skipSpaces();
        // The question mark character is not valid inside any of the XML
        // declaration name/value pairs.
        if (c === QUESTION) {
            // It is valid to go to S_XML_DECL_ENDING from this state.
            this.state = S_XML_DECL_ENDING;
            return;
        }
        if (c !== EOC) {
            this.state = S_XML_DECL_NAME;
            this.name = String.fromCodePoint(c);
        }
    }
    sXMLDeclName() {
        const c = this.captureTo(XML_DECL_NAME_TERMINATOR);
        // The question mark character is not valid inside any of the XML
        // declaration name/value pairs.
        if (c === QUESTION) {
            this.state = S_XML_DECL_ENDING;
            this.name += this.text;
            this.text = "";
            this.fail("XML declaration is incomplete.");
            return;
        }
        if (!(isS(c) || c === EQUAL)) {
            return;
        }
        this.name += this.text;
        this.text = "";
        if (!this.xmlDeclExpects.includes(this.name)) {
            switch (this.name.length) {
                case 0:
                    this.fail("did not expect any more name/value pairs.");
                    break;
                case 1:
                    this.fail(`expected the name ${this.xmlDeclExpects[0]}.`);
                    break;
                default:
                    this.fail(`expected one of ${this.xmlDeclExpects.join(", ")}`);
            }
        }
        this.state = c === EQUAL ? S_XML_DECL_VALUE_START : S_XML_DECL_EQ;
    }
    sXMLDeclEq() {
        const c = this.getCodeNorm();
        // The question mark character is not valid inside any of the XML
        // declaration name/value pairs.
        if (c === QUESTION) {
            this.state = S_XML_DECL_ENDING;
            this.fail("XML declaration is incomplete.");
            return;
        }
        if (isS(c)) {
            return;
        }
        if (c !== EQUAL) {
            this.fail("value required.");
        }
        this.state = S_XML_DECL_VALUE_START;
    }
    sXMLDeclValueStart() {
        const c = this.getCodeNorm();
        // The question mark character is not valid inside any of the XML
        // declaration name/value pairs.
        if (c === QUESTION) {
            this.state = S_XML_DECL_ENDING;
            this.fail("XML declaration is incomplete.");
            return;
        }
        if (isS(c)) {
            return;
        }
        if (!isQuote(c)) {
            this.fail("value must be quoted.");
            this.q = SPACE;
        }
        else {
            this.q = c;
        }
        this.state = S_XML_DECL_VALUE;
    }
    sXMLDeclValue() {
        const c = this.captureTo([this.q, QUESTION]);
        // The question mark character is not valid inside any of the XML
        // declaration name/value pairs.
        if (c === QUESTION) {
            this.state = S_XML_DECL_ENDING;
            this.text = "";
            this.fail("XML declaration is incomplete.");
            return;
        }
        if (c === EOC) {
            return;
        }
        const value = this.text;
        this.text = "";
        switch (this.name) {
            case "version": {
                this.xmlDeclExpects = ["encoding", "standalone"];
                const version = value;
                this.xmlDecl.version = version;
                // This is the test specified by XML 1.0 but it is fine for XML 1.1.
                if (!/^1\.[0-9]+$/.test(version)) {
                    this.fail("version number must match /^1\\.[0-9]+$/.");
                }
                // When forceXMLVersion is set, the XML declaration is ignored.
                else if (!this.opt.forceXMLVersion) {
                    this.setXMLVersion(version);
                }
                break;
            }
            case "encoding":
                if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(value)) {
                    this.fail("encoding value must match \
/^[A-Za-z0-9][A-Za-z0-9._-]*$/.");
                }
                this.xmlDeclExpects = ["standalone"];
                this.xmlDecl.encoding = value;
                break;
            case "standalone":
                if (value !== "yes" && value !== "no") {
                    this.fail("standalone value must match \"yes\" or \"no\".");
                }
                this.xmlDeclExpects = [];
                this.xmlDecl.standalone = value;
                break;
            default:
            // We don't need to raise an error here since we've already raised one
            // when checking what name was expected.
        }
        this.name = "";
        this.state = S_XML_DECL_SEPARATOR;
    }
    sXMLDeclSeparator() {
        const c = this.getCodeNorm();
        // The question mark character is not valid inside any of the XML
        // declaration name/value pairs.
        if (c === QUESTION) {
            // It is valid to go to S_XML_DECL_ENDING from this state.
            this.state = S_XML_DECL_ENDING;
            return;
        }
        if (!isS(c)) {
            this.fail("whitespace required.");
            this.unget();
        }
        this.state = S_XML_DECL_NAME_START;
    }
    sXMLDeclEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === GREATER) {
            if (this.piTarget !== "xml") {
                this.fail("processing instructions are not allowed before root.");
            }
            else if (this.name !== "version" &&
                this.xmlDeclExpects.includes("version")) {
                this.fail("XML declaration must contain a version.");
            }
            (_a = this.xmldeclHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.xmlDecl);
            this.name = "";
            this.piTarget = this.text = "";
            this.state = S_TEXT;
        }
        else {
            // We got here because the previous character was a ?, but the question
            // mark character is not valid inside any of the XML declaration
            // name/value pairs.
            this.fail("The character ? is disallowed anywhere in XML declarations.");
        }
        this.xmlDeclPossible = false;
    }
    sOpenTag() {
        var _a;
        const c = this.captureNameChars();
        if (c === EOC) {
            return;
        }
        const tag = this.tag = {
            name: this.name,
            attributes: Object.create(null),
        };
        this.name = "";
        if (this.xmlnsOpt) {
            this.topNS = tag.ns = Object.create(null);
        }
        (_a = this.openTagStartHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        this.sawRoot = true;
        if (!this.fragmentOpt && this.closedRoot) {
            this.fail("documents may contain only one root.");
        }
        switch (c) {
            case GREATER:
                this.openTag();
                break;
            case FORWARD_SLASH:
                this.state = S_OPEN_TAG_SLASH;
                break;
            default:
                if (!isS(c)) {
                    this.fail("disallowed character in tag name.");
                }
                this.state = S_ATTRIB;
        }
    }
    sOpenTagSlash() {
        if (this.getCode() === GREATER) {
            this.openSelfClosingTag();
        }
        else {
            this.fail("forward-slash in opening tag not followed by >.");
            this.state = S_ATTRIB;
        }
    }
    sAttrib() {
        const c = this.skipSpaces();
        if (c === EOC) {
            return;
        }
        if (isNameStartChar(c)) {
            this.unget();
            this.state = S_ATTRIB_NAME;
        }
        else if (c === GREATER) {
            this.openTag();
        }
        else if (c === FORWARD_SLASH) {
            this.state = S_OPEN_TAG_SLASH;
        }
        else {
            this.fail("disallowed character in attribute name.");
        }
    }
    sAttribName() {
        const c = this.captureNameChars();
        if (c === EQUAL) {
            this.state = S_ATTRIB_VALUE;
        }
        else if (isS(c)) {
            this.state = S_ATTRIB_NAME_SAW_WHITE;
        }
        else if (c === GREATER) {
            this.fail("attribute without value.");
            this.pushAttrib(this.name, this.name);
            this.name = this.text = "";
            this.openTag();
        }
        else if (c !== EOC) {
            this.fail("disallowed character in attribute name.");
        }
    }
    sAttribNameSawWhite() {
        const c = this.skipSpaces();
        switch (c) {
            case EOC:
                return;
            case EQUAL:
                this.state = S_ATTRIB_VALUE;
                break;
            default:
                this.fail("attribute without value.");
                // Should we do this???
                // this.tag.attributes[this.name] = "";
                this.text = "";
                this.name = "";
                if (c === GREATER) {
                    this.openTag();
                }
                else if (isNameStartChar(c)) {
                    this.unget();
                    this.state = S_ATTRIB_NAME;
                }
                else {
                    this.fail("disallowed character in attribute name.");
                    this.state = S_ATTRIB;
                }
        }
    }
    sAttribValue() {
        const c = this.getCodeNorm();
        if (isQuote(c)) {
            this.q = c;
            this.state = S_ATTRIB_VALUE_QUOTED;
        }
        else if (!isS(c)) {
            this.fail("unquoted attribute value.");
            this.state = S_ATTRIB_VALUE_UNQUOTED;
            this.unget();
        }
    }
    sAttribValueQuoted() {
        // We deliberately do not use captureTo here. The specialized code we use
        // here is faster than using captureTo.
        const { q, chunk } = this;
        let { i: start } = this;
        // eslint-disable-next-line no-constant-condition
        while (true) {
            switch (this.getCode()) {
                case q:
                    this.pushAttrib(this.name, this.text + chunk.slice(start, this.prevI));
                    this.name = this.text = "";
                    this.q = null;
                    this.state = S_ATTRIB_VALUE_CLOSED;
                    return;
                case AMP:
                    this.text += chunk.slice(start, this.prevI);
                    this.state = S_ENTITY;
                    this.entityReturnState = S_ATTRIB_VALUE_QUOTED;
                    return;
                case NL:
                case NL_LIKE:
                case TAB:
                    this.text += `${chunk.slice(start, this.prevI)} `;
                    start = this.i;
                    break;
                case LESS:
                    this.text += chunk.slice(start, this.prevI);
                    this.fail("disallowed character.");
                    return;
                case EOC:
                    this.text += chunk.slice(start);
                    return;
                default:
            }
        }
    }
    sAttribValueClosed() {
        const c = this.getCodeNorm();
        if (isS(c)) {
            this.state = S_ATTRIB;
        }
        else if (c === GREATER) {
            this.openTag();
        }
        else if (c === FORWARD_SLASH) {
            this.state = S_OPEN_TAG_SLASH;
        }
        else if (isNameStartChar(c)) {
            this.fail("no whitespace between attributes.");
            this.unget();
            this.state = S_ATTRIB_NAME;
        }
        else {
            this.fail("disallowed character in attribute name.");
        }
    }
    sAttribValueUnquoted() {
        // We don't do anything regarding EOL or space handling for unquoted
        // attributes. We already have failed by the time we get here, and the
        // contract that saxes upholds states that upon failure, it is not safe to
        // rely on the data passed to event handlers (other than
        // ``onerror``). Passing "bad" data is not a problem.
        const c = this.captureTo(ATTRIB_VALUE_UNQUOTED_TERMINATOR);
        switch (c) {
            case AMP:
                this.state = S_ENTITY;
                this.entityReturnState = S_ATTRIB_VALUE_UNQUOTED;
                break;
            case LESS:
                this.fail("disallowed character.");
                break;
            case EOC:
                break;
            default:
                if (this.text.includes("]]>")) {
                    this.fail("the string \"]]>\" is disallowed in char data.");
                }
                this.pushAttrib(this.name, this.text);
                this.name = this.text = "";
                if (c === GREATER) {
                    this.openTag();
                }
                else {
                    this.state = S_ATTRIB;
                }
        }
    }
    sCloseTag() {
        const c = this.captureNameChars();
        if (c === GREATER) {
            this.closeTag();
        }
        else if (isS(c)) {
            this.state = S_CLOSE_TAG_SAW_WHITE;
        }
        else if (c !== EOC) {
            this.fail("disallowed character in closing tag.");
        }
    }
    sCloseTagSawWhite() {
        switch (this.skipSpaces()) {
            case GREATER:
                this.closeTag();
                break;
            case EOC:
                break;
            default:
                this.fail("disallowed character in closing tag.");
        }
    }
    // END OF STATE ENGINE METHODS
    handleTextInRoot() {
        // This is essentially a specialized version of captureTo which is optimized
        // for performing the ]]> check. A previous version of this code, checked
        // ``this.text`` for the presence of ]]>. It simplified the code but was
        // very costly when character data contained a lot of entities to be parsed.
        //
        // Since we are using a specialized loop, we also keep track of the presence
        // of ]]> in text data. The sequence ]]> is forbidden to appear as-is.
        //
        let { i: start, forbiddenState } = this;
        const { chunk, textHandler: handler } = this;
        // eslint-disable-next-line no-labels, no-restricted-syntax
        scanLoop: 
        // eslint-disable-next-line no-constant-condition
        while (true) {
            switch (this.getCode()) {
                case LESS: {
                    this.state = S_OPEN_WAKA;
                    if (handler !== undefined) {
                        const { text } = this;
                        const slice = chunk.slice(start, this.prevI);
                        if (text.length !== 0) {
                            handler(text + slice);
                            this.text = "";
                        }
                        else if (slice.length !== 0) {
                            handler(slice);
                        }
                    }
                    forbiddenState = FORBIDDEN_START;
                    // eslint-disable-next-line no-labels
                    break scanLoop;
                }
                case AMP:
                    this.state = S_ENTITY;
                    this.entityReturnState = S_TEXT;
                    if (handler !== undefined) {
                        this.text += chunk.slice(start, this.prevI);
                    }
                    forbiddenState = FORBIDDEN_START;
                    // eslint-disable-next-line no-labels
                    break scanLoop;
                case CLOSE_BRACKET:
                    switch (forbiddenState) {
                        case FORBIDDEN_START:
                            forbiddenState = FORBIDDEN_BRACKET;
                            break;
                        case FORBIDDEN_BRACKET:
                            forbiddenState = FORBIDDEN_BRACKET_BRACKET;
                            break;
                        case FORBIDDEN_BRACKET_BRACKET:
                            break;
                        default:
                            throw new Error("impossible state");
                    }
                    break;
                case GREATER:
                    if (forbiddenState === FORBIDDEN_BRACKET_BRACKET) {
                        this.fail("the string \"]]>\" is disallowed in char data.");
                    }
                    forbiddenState = FORBIDDEN_START;
                    break;
                case NL_LIKE:
                    if (handler !== undefined) {
                        this.text += `${chunk.slice(start, this.prevI)}\n`;
                    }
                    start = this.i;
                    forbiddenState = FORBIDDEN_START;
                    break;
                case EOC:
                    if (handler !== undefined) {
                        this.text += chunk.slice(start);
                    }
                    // eslint-disable-next-line no-labels
                    break scanLoop;
                default:
                    forbiddenState = FORBIDDEN_START;
            }
        }
        this.forbiddenState = forbiddenState;
    }
    handleTextOutsideRoot() {
        // This is essentially a specialized version of captureTo which is optimized
        // for a specialized task. We keep track of the presence of non-space
        // characters in the text since these are errors when appearing outside the
        // document root element.
        let { i: start } = this;
        const { chunk, textHandler: handler } = this;
        let nonSpace = false;
        // eslint-disable-next-line no-labels, no-restricted-syntax
        outRootLoop: 
        // eslint-disable-next-line no-constant-condition
        while (true) {
            const code = this.getCode();
            switch (code) {
                case LESS: {
                    this.state = S_OPEN_WAKA;
                    if (handler !== undefined) {
                        const { text } = this;
                        const slice = chunk.slice(start, this.prevI);
                        if (text.length !== 0) {
                            handler(text + slice);
                            this.text = "";
                        }
                        else if (slice.length !== 0) {
                            handler(slice);
                        }
                    }
                    // eslint-disable-next-line no-labels
                    break outRootLoop;
                }
                case AMP:
                    this.state = S_ENTITY;
                    this.entityReturnState = S_TEXT;
                    if (handler !== undefined) {
                        this.text += chunk.slice(start, this.prevI);
                    }
                    nonSpace = true;
                    // eslint-disable-next-line no-labels
                    break outRootLoop;
                case NL_LIKE:
                    if (handler !== undefined) {
                        this.text += `${chunk.slice(start, this.prevI)}\n`;
                    }
                    start = this.i;
                    break;
                case EOC:
                    if (handler !== undefined) {
                        this.text += chunk.slice(start);
                    }
                    // eslint-disable-next-line no-labels
                    break outRootLoop;
                default:
                    if (!isS(code)) {
                        nonSpace = true;
                    }
            }
        }
        if (!nonSpace) {
            return;
        }
        // We use the reportedTextBeforeRoot and reportedTextAfterRoot flags
        // to avoid reporting errors for every single character that is out of
        // place.
        if (!this.sawRoot && !this.reportedTextBeforeRoot) {
            this.fail("text data outside of root node.");
            this.reportedTextBeforeRoot = true;
        }
        if (this.closedRoot && !this.reportedTextAfterRoot) {
            this.fail("text data outside of root node.");
            this.reportedTextAfterRoot = true;
        }
    }
    pushAttribNS(name, value) {
        var _a;
        const { prefix, local } = this.qname(name);
        const attr = { name, prefix, local, value };
        this.attribList.push(attr);
        (_a = this.attributeHandler) === null || _a === void 0 ? void 0 : _a.call(this, attr);
        if (prefix === "xmlns") {
            const trimmed = value.trim();
            if (this.currentXMLVersion === "1.0" && trimmed === "") {
                this.fail("invalid attempt to undefine prefix in XML 1.0");
            }
            this.topNS[local] = trimmed;
            nsPairCheck(this, local, trimmed);
        }
        else if (name === "xmlns") {
            const trimmed = value.trim();
            this.topNS[""] = trimmed;
            nsPairCheck(this, "", trimmed);
        }
    }
    pushAttribPlain(name, value) {
        var _a;
        const attr = { name, value };
        this.attribList.push(attr);
        (_a = this.attributeHandler) === null || _a === void 0 ? void 0 : _a.call(this, attr);
    }
    /**
     * End parsing. This performs final well-formedness checks and resets the
     * parser to a clean state.
     *
     * @returns this
     */
    end() {
        var _a, _b;
        if (!this.sawRoot) {
            this.fail("document must contain a root element.");
        }
        const { tags } = this;
        while (tags.length > 0) {
            const tag = tags.pop();
            this.fail(`unclosed tag: ${tag.name}`);
        }
        if ((this.state !== S_BEGIN) && (this.state !== S_TEXT)) {
            this.fail("unexpected end.");
        }
        const { text } = this;
        if (text.length !== 0) {
            (_a = this.textHandler) === null || _a === void 0 ? void 0 : _a.call(this, text);
            this.text = "";
        }
        this._closed = true;
        (_b = this.endHandler) === null || _b === void 0 ? void 0 : _b.call(this);
        this._init();
        return this;
    }
    /**
     * Resolve a namespace prefix.
     *
     * @param prefix The prefix to resolve.
     *
     * @returns The namespace URI or ``undefined`` if the prefix is not defined.
     */
    resolve(prefix) {
        var _a, _b;
        let uri = this.topNS[prefix];
        if (uri !== undefined) {
            return uri;
        }
        const { tags } = this;
        for (let index = tags.length - 1; index >= 0; index--) {
            uri = tags[index].ns[prefix];
            if (uri !== undefined) {
                return uri;
            }
        }
        uri = this.ns[prefix];
        if (uri !== undefined) {
            return uri;
        }
        return (_b = (_a = this.opt).resolvePrefix) === null || _b === void 0 ? void 0 : _b.call(_a, prefix);
    }
    /**
     * Parse a qname into its prefix and local name parts.
     *
     * @param name The name to parse
     *
     * @returns
     */
    qname(name) {
        // This is faster than using name.split(":").
        const colon = name.indexOf(":");
        if (colon === -1) {
            return { prefix: "", local: name };
        }
        const local = name.slice(colon + 1);
        const prefix = name.slice(0, colon);
        if (prefix === "" || local === "" || local.includes(":")) {
            this.fail(`malformed name: ${name}.`);
        }
        return { prefix, local };
    }
    processAttribsNS() {
        var _a;
        const { attribList } = this;
        const tag = this.tag;
        {
            // add namespace info to tag
            const { prefix, local } = this.qname(tag.name);
            tag.prefix = prefix;
            tag.local = local;
            const uri = tag.uri = (_a = this.resolve(prefix)) !== null && _a !== void 0 ? _a : "";
            if (prefix !== "") {
                if (prefix === "xmlns") {
                    this.fail("tags may not have \"xmlns\" as prefix.");
                }
                if (uri === "") {
                    this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
                    tag.uri = prefix;
                }
            }
        }
        if (attribList.length === 0) {
            return;
        }
        const { attributes } = tag;
        const seen = new Set();
        // Note: do not apply default ns to attributes:
        //   http://www.w3.org/TR/REC-xml-names/#defaulting
        for (const attr of attribList) {
            const { name, prefix, local } = attr;
            let uri;
            let eqname;
            if (prefix === "") {
                uri = name === "xmlns" ? XMLNS_NAMESPACE : "";
                eqname = name;
            }
            else {
                uri = this.resolve(prefix);
                // if there's any attributes with an undefined namespace,
                // then fail on them now.
                if (uri === undefined) {
                    this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
                    uri = prefix;
                }
                eqname = `{${uri}}${local}`;
            }
            if (seen.has(eqname)) {
                this.fail(`duplicate attribute: ${eqname}.`);
            }
            seen.add(eqname);
            attr.uri = uri;
            attributes[name] = attr;
        }
        this.attribList = [];
    }
    processAttribsPlain() {
        const { attribList } = this;
        // eslint-disable-next-line prefer-destructuring
        const attributes = this.tag.attributes;
        for (const { name, value } of attribList) {
            if (attributes[name] !== undefined) {
                this.fail(`duplicate attribute: ${name}.`);
            }
            attributes[name] = value;
        }
        this.attribList = [];
    }
    /**
     * Handle a complete open tag. This parser code calls this once it has seen
     * the whole tag. This method checks for well-formeness and then emits
     * ``onopentag``.
     */
    openTag() {
        var _a;
        this.processAttribs();
        const { tags } = this;
        const tag = this.tag;
        tag.isSelfClosing = false;
        // There cannot be any pending text here due to the onopentagstart that was
        // necessarily emitted before we get here. So we do not check text.
        (_a = this.openTagHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        tags.push(tag);
        this.state = S_TEXT;
        this.name = "";
    }
    /**
     * Handle a complete self-closing tag. This parser code calls this once it has
     * seen the whole tag. This method checks for well-formeness and then emits
     * ``onopentag`` and ``onclosetag``.
     */
    openSelfClosingTag() {
        var _a, _b, _c;
        this.processAttribs();
        const { tags } = this;
        const tag = this.tag;
        tag.isSelfClosing = true;
        // There cannot be any pending text here due to the onopentagstart that was
        // necessarily emitted before we get here. So we do not check text.
        (_a = this.openTagHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        (_b = this.closeTagHandler) === null || _b === void 0 ? void 0 : _b.call(this, tag);
        const top = this.tag = (_c = tags[tags.length - 1]) !== null && _c !== void 0 ? _c : null;
        if (top === null) {
            this.closedRoot = true;
        }
        this.state = S_TEXT;
        this.name = "";
    }
    /**
     * Handle a complete close tag. This parser code calls this once it has seen
     * the whole tag. This method checks for well-formeness and then emits
     * ``onclosetag``.
     */
    closeTag() {
        const { tags, name } = this;
        // Our state after this will be S_TEXT, no matter what, and we can clear
        // tagName now.
        this.state = S_TEXT;
        this.name = "";
        if (name === "") {
            this.fail("weird empty close tag.");
            this.text += "</>";
            return;
        }
        const handler = this.closeTagHandler;
        let l = tags.length;
        while (l-- > 0) {
            const tag = this.tag = tags.pop();
            this.topNS = tag.ns;
            handler === null || handler === void 0 ? void 0 : handler(tag);
            if (tag.name === name) {
                break;
            }
            this.fail("unexpected close tag.");
        }
        if (l === 0) {
            this.closedRoot = true;
        }
        else if (l < 0) {
            this.fail(`unmatched closing tag: ${name}.`);
            this.text += `</${name}>`;
        }
    }
    /**
     * Resolves an entity. Makes any necessary well-formedness checks.
     *
     * @param entity The entity to resolve.
     *
     * @returns The parsed entity.
     */
    parseEntity(entity) {
        // startsWith would be significantly slower for this test.
        if (entity[0] !== "#") {
            const defined = this.ENTITIES[entity];
            if (defined !== undefined) {
                return defined;
            }
            this.fail(this.isName(entity) ? "undefined entity." :
                "disallowed character in entity name.");
            return `&${entity};`;
        }
        let num = NaN;
        if (entity[1] === "x" && /^#x[0-9a-f]+$/i.test(entity)) {
            num = parseInt(entity.slice(2), 16);
        }
        else if (/^#[0-9]+$/.test(entity)) {
            num = parseInt(entity.slice(1), 10);
        }
        // The character reference is required to match the CHAR production.
        if (!this.isChar(num)) {
            this.fail("malformed character entity.");
            return `&${entity};`;
        }
        return String.fromCodePoint(num);
    }
}
exports.wT = SaxesParser;
//# sourceMappingURL=saxes.js.map

/***/ }),

/***/ 950:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Character classes and associated utilities for the 5th edition of XML 1.0.
 *
 * @author Louis-Dominique Dubeau
 * @license MIT
 * @copyright Louis-Dominique Dubeau
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
//
// Fragments.
//
exports.CHAR = "\t\n\r -\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF";
exports.S = " \t\r\n";
// tslint:disable-next-line:max-line-length
exports.NAME_START_CHAR = ":A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800\uDC00-\uDB7F\uDFFF";
exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9\u00B7\u0300-\u036F\u203F-\u2040";
//
// Regular expressions.
//
exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
exports.S_RE = new RegExp("^[" + exports.S + "]+$", "u");
exports.NAME_START_CHAR_RE = new RegExp("^[" + exports.NAME_START_CHAR + "]$", "u");
exports.NAME_CHAR_RE = new RegExp("^[" + exports.NAME_CHAR + "]$", "u");
exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");
exports.NMTOKEN_RE = new RegExp("^[" + exports.NAME_CHAR + "]+$", "u");
var TAB = 9;
var NL = 0xA;
var CR = 0xD;
var SPACE = 0x20;
//
// Lists.
//
/** All characters in the ``S`` production. */
exports.S_LIST = [SPACE, NL, CR, TAB];
/**
 * Determines whether a codepoint matches the ``CHAR`` production.
 *
 * @param c The code point.
 *
 * @returns ``true`` if the codepoint matches ``CHAR``.
 */
function isChar(c) {
    return (c >= SPACE && c <= 0xD7FF) ||
        c === NL || c === CR || c === TAB ||
        (c >= 0xE000 && c <= 0xFFFD) ||
        (c >= 0x10000 && c <= 0x10FFFF);
}
exports.isChar = isChar;
/**
 * Determines whether a codepoint matches the ``S`` (space) production.
 *
 * @param c The code point.
 *
 * @returns ``true`` if the codepoint matches ``S``.
 */
function isS(c) {
    return c === SPACE || c === NL || c === CR || c === TAB;
}
exports.isS = isS;
/**
 * Determines whether a codepoint matches the ``NAME_START_CHAR`` production.
 *
 * @param c The code point.
 *
 * @returns ``true`` if the codepoint matches ``NAME_START_CHAR``.
 */
function isNameStartChar(c) {
    return ((c >= 0x41 && c <= 0x5A) ||
        (c >= 0x61 && c <= 0x7A) ||
        c === 0x3A ||
        c === 0x5F ||
        c === 0x200C ||
        c === 0x200D ||
        (c >= 0xC0 && c <= 0xD6) ||
        (c >= 0xD8 && c <= 0xF6) ||
        (c >= 0x00F8 && c <= 0x02FF) ||
        (c >= 0x0370 && c <= 0x037D) ||
        (c >= 0x037F && c <= 0x1FFF) ||
        (c >= 0x2070 && c <= 0x218F) ||
        (c >= 0x2C00 && c <= 0x2FEF) ||
        (c >= 0x3001 && c <= 0xD7FF) ||
        (c >= 0xF900 && c <= 0xFDCF) ||
        (c >= 0xFDF0 && c <= 0xFFFD) ||
        (c >= 0x10000 && c <= 0xEFFFF));
}
exports.isNameStartChar = isNameStartChar;
/**
 * Determines whether a codepoint matches the ``NAME_CHAR`` production.
 *
 * @param c The code point.
 *
 * @returns ``true`` if the codepoint matches ``NAME_CHAR``.
 */
function isNameChar(c) {
    return isNameStartChar(c) ||
        (c >= 0x30 && c <= 0x39) ||
        c === 0x2D ||
        c === 0x2E ||
        c === 0xB7 ||
        (c >= 0x0300 && c <= 0x036F) ||
        (c >= 0x203F && c <= 0x2040);
}
exports.isNameChar = isNameChar;
//# sourceMappingURL=ed5.js.map

/***/ }),

/***/ 488:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Character classes and associated utilities for the 2nd edition of XML 1.1.
 *
 * @author Louis-Dominique Dubeau
 * @license MIT
 * @copyright Louis-Dominique Dubeau
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
//
// Fragments.
//
exports.CHAR = "\u0001-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF";
exports.RESTRICTED_CHAR = "\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F";
exports.S = " \t\r\n";
// tslint:disable-next-line:max-line-length
exports.NAME_START_CHAR = ":A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800\uDC00-\uDB7F\uDFFF";
exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9\u00B7\u0300-\u036F\u203F-\u2040";
//
// Regular expressions.
//
exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
exports.RESTRICTED_CHAR_RE = new RegExp("^[" + exports.RESTRICTED_CHAR + "]$", "u");
exports.S_RE = new RegExp("^[" + exports.S + "]+$", "u");
exports.NAME_START_CHAR_RE = new RegExp("^[" + exports.NAME_START_CHAR + "]$", "u");
exports.NAME_CHAR_RE = new RegExp("^[" + exports.NAME_CHAR + "]$", "u");
exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");
exports.NMTOKEN_RE = new RegExp("^[" + exports.NAME_CHAR + "]+$", "u");
var TAB = 9;
var NL = 0xA;
var CR = 0xD;
var SPACE = 0x20;
//
// Lists.
//
/** All characters in the ``S`` production. */
exports.S_LIST = [SPACE, NL, CR, TAB];
/**
 * Determines whether a codepoint matches the ``CHAR`` production.
 *
 * @param c The code point.
 *
 * @returns ``true`` if the codepoint matches ``CHAR``.
 */
function isChar(c) {
    return (c >= 0x0001 && c <= 0xD7FF) ||
        (c >= 0xE000 && c <= 0xFFFD) ||
        (c >= 0x10000 && c <= 0x10FFFF);
}
exports.isChar = isChar;
/**
 * Determines whether a codepoint matches the ``RESTRICTED_CHAR`` production.
 *
 * @param c The code point.
 *
 * @returns ``true`` if the codepoint matches ``RESTRICTED_CHAR``.
 */
function isRestrictedChar(c) {
    return (c >= 0x1 && c <= 0x8) ||
        c === 0xB ||
        c === 0xC ||
        (c >= 0xE && c <= 0x1F) ||
        (c >= 0x7F && c <= 0x84) ||
        (c >= 0x86 && c <= 0x9F);
}
exports.isRestrictedChar = isRestrictedChar;
/**
 * Determines whether a codepoint matches the ``CHAR`` production and does not
 * match the ``RESTRICTED_CHAR`` production. ``isCharAndNotRestricted(x)`` is
 * equivalent to ``isChar(x) && !isRestrictedChar(x)``. This function is faster
 * than running the two-call equivalent.
 *
 * @param c The code point.
 *
 * @returns ``true`` if the codepoint matches ``CHAR`` and does not match
 * ``RESTRICTED_CHAR``.
 */
function isCharAndNotRestricted(c) {
    return (c === 0x9) ||
        (c === 0xA) ||
        (c === 0xD) ||
        (c > 0x1F && c < 0x7F) ||
        (c === 0x85) ||
        (c > 0x9F && c <= 0xD7FF) ||
        (c >= 0xE000 && c <= 0xFFFD) ||
        (c >= 0x10000 && c <= 0x10FFFF);
}
exports.isCharAndNotRestricted = isCharAndNotRestricted;
/**
 * Determines whether a codepoint matches the ``S`` (space) production.
 *
 * @param c The code point.
 *
 * @returns ``true`` if the codepoint matches ``S``.
 */
function isS(c) {
    return c === SPACE || c === NL || c === CR || c === TAB;
}
exports.isS = isS;
/**
 * Determines whether a codepoint matches the ``NAME_START_CHAR`` production.
 *
 * @param c The code point.
 *
 * @returns ``true`` if the codepoint matches ``NAME_START_CHAR``.
 */
// tslint:disable-next-line:cyclomatic-complexity
function isNameStartChar(c) {
    return ((c >= 0x41 && c <= 0x5A) ||
        (c >= 0x61 && c <= 0x7A) ||
        c === 0x3A ||
        c === 0x5F ||
        c === 0x200C ||
        c === 0x200D ||
        (c >= 0xC0 && c <= 0xD6) ||
        (c >= 0xD8 && c <= 0xF6) ||
        (c >= 0x00F8 && c <= 0x02FF) ||
        (c >= 0x0370 && c <= 0x037D) ||
        (c >= 0x037F && c <= 0x1FFF) ||
        (c >= 0x2070 && c <= 0x218F) ||
        (c >= 0x2C00 && c <= 0x2FEF) ||
        (c >= 0x3001 && c <= 0xD7FF) ||
        (c >= 0xF900 && c <= 0xFDCF) ||
        (c >= 0xFDF0 && c <= 0xFFFD) ||
        (c >= 0x10000 && c <= 0xEFFFF));
}
exports.isNameStartChar = isNameStartChar;
/**
 * Determines whether a codepoint matches the ``NAME_CHAR`` production.
 *
 * @param c The code point.
 *
 * @returns ``true`` if the codepoint matches ``NAME_CHAR``.
 */
function isNameChar(c) {
    return isNameStartChar(c) ||
        (c >= 0x30 && c <= 0x39) ||
        c === 0x2D ||
        c === 0x2E ||
        c === 0xB7 ||
        (c >= 0x0300 && c <= 0x036F) ||
        (c >= 0x203F && c <= 0x2040);
}
exports.isNameChar = isNameChar;
//# sourceMappingURL=ed2.js.map

/***/ }),

/***/ 699:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Character class utilities for XML NS 1.0 edition 3.
 *
 * @author Louis-Dominique Dubeau
 * @license MIT
 * @copyright Louis-Dominique Dubeau
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
//
// Fragments.
//
// tslint:disable-next-line:max-line-length
exports.NC_NAME_START_CHAR = "A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800\uDC00-\uDB7F\uDFFF";
exports.NC_NAME_CHAR = "-" + exports.NC_NAME_START_CHAR + ".0-9\u00B7\u0300-\u036F\u203F-\u2040";
//
// Regular expressions.
//
exports.NC_NAME_START_CHAR_RE = new RegExp("^[" + exports.NC_NAME_START_CHAR + "]$", "u");
exports.NC_NAME_CHAR_RE = new RegExp("^[" + exports.NC_NAME_CHAR + "]$", "u");
exports.NC_NAME_RE = new RegExp("^[" + exports.NC_NAME_START_CHAR + "][" + exports.NC_NAME_CHAR + "]*$", "u");
/**
 * Determines whether a codepoint matches [[NC_NAME_START_CHAR]].
 *
 * @param c The code point.
 *
 * @returns ``true`` if the codepoint matches.
 */
// tslint:disable-next-line:cyclomatic-complexity
function isNCNameStartChar(c) {
    return ((c >= 0x41 && c <= 0x5A) ||
        c === 0x5F ||
        (c >= 0x61 && c <= 0x7A) ||
        (c >= 0xC0 && c <= 0xD6) ||
        (c >= 0xD8 && c <= 0xF6) ||
        (c >= 0x00F8 && c <= 0x02FF) ||
        (c >= 0x0370 && c <= 0x037D) ||
        (c >= 0x037F && c <= 0x1FFF) ||
        (c >= 0x200C && c <= 0x200D) ||
        (c >= 0x2070 && c <= 0x218F) ||
        (c >= 0x2C00 && c <= 0x2FEF) ||
        (c >= 0x3001 && c <= 0xD7FF) ||
        (c >= 0xF900 && c <= 0xFDCF) ||
        (c >= 0xFDF0 && c <= 0xFFFD) ||
        (c >= 0x10000 && c <= 0xEFFFF));
}
exports.isNCNameStartChar = isNCNameStartChar;
/**
 * Determines whether a codepoint matches [[NC_NAME_CHAR]].
 *
 * @param c The code point.
 *
 * @returns ``true`` if the codepoint matches.
 */
function isNCNameChar(c) {
    return isNCNameStartChar(c) ||
        (c === 0x2D ||
            c === 0x2E ||
            (c >= 0x30 && c <= 0x39) ||
            c === 0x00B7 ||
            (c >= 0x0300 && c <= 0x036F) ||
            (c >= 0x203F && c <= 0x2040));
}
exports.isNCNameChar = isNCNameChar;
//# sourceMappingURL=ed3.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  d: () => (/* binding */ EXIT)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * An error the user caused or can fix (bad flag, unreadable report). Adapters print its
 * message as one sentence, without a stack trace, and exit with the usage/input code.
 */
class UserError extends Error {
    name = "UserError";
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}

;// CONCATENATED MODULE: ./src/settings.ts
const DEFAULTS = {
    reruns: 10,
    freshSeeds: 10,
    rerunTimeoutSec: 60,
    maxFailures: 50,
};

;// CONCATENATED MODULE: ./src/cli/template.ts

/**
 * Splits a `--rerun-command` template into argv the way a POSIX shell would split a simple
 * command line (whitespace, single and double quotes, backslash), without expanding anything.
 * The template comes from the workflow author (trusted); the values substituted into it later
 * come from reports (untrusted) and are placed into argv elements, never re-split.
 */
function splitCommandTemplate(src) {
    const out = [];
    let cur = "";
    let has = false;
    let quote = null;
    for (let i = 0; i < src.length; i++) {
        const c = src[i];
        if (quote === "'") {
            if (c === "'")
                quote = null;
            else
                cur += c;
        }
        else if (quote === '"') {
            if (c === '"')
                quote = null;
            else if (c === "\\" && i + 1 < src.length && '"\\$`'.includes(src[i + 1]))
                cur += src[++i];
            else
                cur += c;
        }
        else if (c === "'" || c === '"') {
            quote = c;
            has = true;
        }
        else if (c === "\\" && i + 1 < src.length) {
            cur += src[++i];
            has = true;
        }
        else if (/\s/.test(c)) {
            if (has || cur)
                out.push(cur);
            cur = "";
            has = false;
        }
        else {
            cur += c;
            has = true;
        }
    }
    if (quote)
        throw new UserError(`--rerun-command has an unclosed ${quote} quote`);
    if (has || cur)
        out.push(cur);
    return out;
}

;// CONCATENATED MODULE: ./src/render/shell-quote.ts
/**
 * POSIX-shell quoting for the reproduce commands we print. Test ids, seeds and paths are
 * untrusted (they come from CI reports), so every word is either made only of characters no
 * POSIX shell treats specially, or wrapped in single quotes, inside which sh interprets
 * nothing at all; an embedded single quote is written as '\'' (close, escaped quote, reopen).
 */
/** Characters that no POSIX shell expands or splits on, wherever they appear in a word. */
const SAFE_WORD = /^[A-Za-z0-9_@%+:,./=-]+$/;
/**
 * `NAME=value` as a command's first word is an assignment, not an argument, and zsh (where
 * people paste these) expands a leading `=` to a command path: quote both.
 */
const ASSIGNMENT_LIKE = /^(?:[A-Za-z_][A-Za-z0-9_]*)?=/;
/** POSIX: environment variable names the shell accepts in an assignment prefix. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isEnvName(name) {
    return ENV_NAME.test(name);
}
/** Quotes one word so that `sh` passes it to the command byte for byte. */
function shellQuote(word) {
    // argv entries are C strings: a NUL cannot be passed by any shell (or by execve).
    if (word.includes("\0"))
        throw new RangeError("a shell word cannot contain a NUL byte");
    if (SAFE_WORD.test(word) && !ASSIGNMENT_LIKE.test(word))
        return word;
    return `'${word.replaceAll("'", `'\\''`)}'`;
}
/**
 * One command line: optional `NAME=value` prefixes (names validated, values quoted), then the
 * argv words quoted one by one.
 */
function shellQuoteCommand(argv, env = {}) {
    const words = [];
    for (const [name, value] of Object.entries(env)) {
        if (!isEnvName(name))
            throw new RangeError(`not a valid environment variable name: ${JSON.stringify(name)}`);
        words.push(`${name}=${shellQuote(value)}`);
    }
    for (const word of argv)
        words.push(shellQuote(word));
    return words.join(" ");
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/seeds/recognisers.ts
/** Integer seeds longer than this are not seeds (numpy accepts up to 2^128 ≈ 39 digits). */
const MAX_SEED_DIGITS = 40;
/** A reproduce_failure blob is base64 of the choice sequence; long ones are still legitimate. */
const MAX_HYPOTHESIS_BLOB_CHARS = 4_096;
/** Falsifying examples can print large values; keep enough to recognise the case. */
const MAX_EXAMPLE_CHARS = 4_000;
const DIGITS = `(\\d{1,${MAX_SEED_DIGITS}})(?!\\d)`;
function group(match, index) {
    return match[index] ?? "";
}
/**
 * The falsifying call as hypothesis printed it: `f(x=1)` on one line, or `f(` + indented
 * argument lines + a line holding only `)`. Scanning stops after MAX_EXAMPLE_CHARS; a longer
 * example is kept truncated (it is evidence for a human, never re-applied).
 */
function exampleCall(match) {
    const input = match.input;
    const open = match.index + match[0].length - 1;
    const lineEnd = (from) => {
        const i = input.indexOf("\n", from);
        return i === -1 ? input.length : i;
    };
    const firstEnd = lineEnd(open);
    const head = group(match, 1);
    const firstLine = input.slice(open, firstEnd).trimEnd();
    if (firstLine.length > 1 && firstLine.endsWith(")"))
        return (head + firstLine).slice(0, MAX_EXAMPLE_CHARS);
    const limit = Math.min(input.length, open + MAX_EXAMPLE_CHARS);
    for (let start = firstEnd + 1; start < limit;) {
        const end = lineEnd(start);
        if (/^[ \t]*\)[ \t]*$/.test(input.slice(start, end)))
            return head + input.slice(open, end);
        start = end + 1;
    }
    return `${head}${input.slice(open, limit)} ...`;
}
/** Global-RNG forms all re-apply the same way: our pytest plugin seeds random/numpy/torch. */
function globalRng(name, pattern) {
    return {
        name,
        pattern,
        kind: "test",
        value: (m) => group(m, 1),
        apply: (m) => ({ kind: "global-rng", value: group(m, 1) }),
    };
}
/** A seed that goes back to its runner as command-line arguments built from the value. */
function runnerArgs(name, runner, pattern, args, valueGroup = 1) {
    return {
        name,
        pattern,
        kind: "test",
        runner,
        value: (m) => group(m, valueGroup),
        apply: (m) => ({ kind: "args", args: args(group(m, valueGroup)) }),
    };
}
/** A recogniser whose seed only orders the tests (see SeedRecogniser.ordersOnly). */
function ordering(r) {
    return { ...r, ordersOnly: true };
}
function orderOnly(r) {
    return { ...r, ordersTestsOnly: true };
}
/** A seed the runner cannot take back from outside: evidence, with how to replay it by hand. */
function fixedInCode(name, pattern, why, kind = "test") {
    return {
        name,
        pattern,
        kind,
        value: (m) => group(m, 1),
        apply: (m) => ({ kind: "none", why: why(group(m, 1)) }),
    };
}
/** Signed seeds (jest, jqwik, JUnit, fast-check print negative ones). */
const SIGNED = `(-?\\d{1,${MAX_SEED_DIGITS}})(?!\\d)`;
/**
 * Seeds of other runners, each from the runner's own words. Where the text came from is in
 * docs/runners.md: captured from a real run here (vitest, jest, choma, fast-check) or the
 * runner's documentation and source (the rest).
 */
const RUNNER_RECOGNISERS = [
    // vitest prints this under "RUN" when sequence.shuffle is on; the seed only orders tests,
    // so it goes back together with the shuffle it belongs to.
    orderOnly(runnerArgs("vitest-seed", "vitest", new RegExp(`Running tests with seed "${DIGITS}"`, "g"), (s) => [
        "--sequence.shuffle",
        `--sequence.seed=${s}`,
    ])),
    orderOnly(runnerArgs("vitest-seed-flag", "vitest", new RegExp(`--sequence\\.seed[= ]${DIGITS}`, "g"), (s) => [
        "--sequence.shuffle",
        `--sequence.seed=${s}`,
    ])),
    // jest --randomize / --showSeed: "Seed:        -1234567" in the summary (only there), padded
    // to the column of "Tests:       " (jest seeds are signed 32-bit). The padding keeps a test's
    // own "Seed: 5" line for the generic recognisers.
    orderOnly(runnerArgs("jest-seed", "jest", new RegExp(`^[ \\t]*Seed: {4,}${SIGNED}[ \\t]*$`, "gm"), (s) => [
        "--randomize",
        `--seed=${s}`,
    ])),
    // go test -shuffle prints "-test.shuffle N" as the first line of a package's output (go 1.19,
    // real; shown for failing packages, or always with -v). The go driver reruns the whole
    // package with it: go shuffles every test before -run filters them.
    ordering(runnerArgs("go-shuffle", "go", new RegExp(`-test\\.shuffle[ =]${SIGNED}`, "g"), (s) => [`-shuffle=${s}`])),
    // mocha has no ordering seed of its own; choma (the usual shuffling plugin) prints one first:
    // "choma: to re-use this ordering, run tests with CHOMA_SEED=4DaqZgCTey".
    {
        ordersTestsOnly: true,
        name: "mocha-choma-seed",
        pattern: /\bCHOMA_SEED=([A-Za-z0-9]{1,64})\b/g,
        kind: "test",
        runner: "mocha",
        value: (m) => group(m, 1),
        apply: (m) => ({ kind: "env", env: { CHOMA_SEED: group(m, 1) } }),
    },
    runnerArgs("rspec-seed", "rspec", new RegExp(`Randomized with seed ${DIGITS}`, "g"), (s) => ["--seed", s]),
    // minitest: "Run options: --seed N"; minitest-reporters' DefaultReporter replaces it with
    // "# Running tests with run options --seed N:".
    runnerArgs("minitest-seed", "minitest", new RegExp(`(?:Run options:|Running tests with run options)[^\\n]{0,200}?--seed[ =]${DIGITS}`, "g"), (s) => ["--seed", s]),
    orderOnly(runnerArgs("googletest-shuffle-seed", "gtest", new RegExp(`Note: Randomizing tests' orders with a seed of ${DIGITS}`, "g"), (s) => ["--gtest_shuffle", `--gtest_random_seed=${s}`])),
    runnerArgs("catch-rng-seed", "catch2", new RegExp(`Randomness seeded to: ${DIGITS}`, "g"), (s) => ["--rng-seed", s]),
    // The same seeds as the JUnit reports carry them, once for the whole run (TestCase.reportContext):
    // googletest's root attribute (written only when shuffling), Catch2's and rspec_junit_formatter's
    // suite properties.
    orderOnly(runnerArgs("googletest-xml-random-seed", "gtest", new RegExp(`<testsuites\\b[^>]*\\srandom_seed="${DIGITS}"`, "g"), (s) => [
        "--gtest_shuffle",
        `--gtest_random_seed=${s}`,
    ])),
    runnerArgs("catch-xml-random-seed", "catch2", new RegExp(`<property name="random-seed" value="${DIGITS}"`, "g"), (s) => ["--rng-seed", s]),
    runnerArgs("rspec-xml-seed", "rspec", new RegExp(`<property name="seed" value="${DIGITS}"`, "g"), (s) => ["--seed", s]),
    // PHPUnit's header pads the label to "Random Seed:   " (three spaces, capital S).
    runnerArgs("phpunit-random-seed", "phpunit", new RegExp(`Random Seed: {3}${DIGITS}`, "g"), (s) => [
        "--order-by=random",
        `--random-order-seed=${s}`,
    ]),
    // Surefire's runOrder=random announcement, and JUnit 5's random method order, both as the
    // system properties that reproduce them.
    orderOnly(runnerArgs("surefire-run-order-seed", "maven", new RegExp(`-Dsurefire\\.runOrder\\.random\\.seed=${SIGNED}`, "g"), (s) => [`-Dsurefire.runOrder.random.seed=${s}`])),
    orderOnly(runnerArgs("junit-jupiter-random-order-seed", "maven", new RegExp(`junit\\.jupiter\\.execution\\.order\\.random\\.seed\\]?(?:=| with value \\[)${SIGNED}`, "g"), (s) => [`-Djunit.jupiter.execution.order.random.seed=${s}`])),
    // jqwik's report table: "seed = 42859154278924201      | random seed to reproduce generated values".
    fixedInCode("jqwik-seed", new RegExp(`^[ \\t]*seed = ${SIGNED}[ \\t]*\\|`, "gm"), (s) => `jqwik takes its seed from code: add seed = "${s}" to the @Property annotation`),
    // fast-check (and other QuickCheck ports) print the run's seed and shrink path.
    fixedInCode("fast-check-seed", new RegExp(`\\{ seed: ${SIGNED}, path: "[0-9:]{0,4000}"`, "g"), (s) => `fast-check takes its seed from code: pass { seed: ${s}, path, endOnFailure: true } to fc.assert`),
    runnerArgs("quickcheck-replay", "quickcheck", /--quickcheck-replay=("?)([^\s"]{1,200})\1/g, (s) => [`--quickcheck-replay=${s}`], 2),
    // proptest's persistence line: a regression seed the next run replays once it is in the
    // proptest-regressions file.
    fixedInCode("proptest-regression", /^cc ([0-9a-f]{64})\b/gm, (s) => `proptest replays persisted failures: add the line "cc ${s}" to the test's proptest-regressions file`),
    fixedInCode("proptest-minimal-input", /minimal failing input: ([^\n]{1,4000})/g, () => "proptest shrank the failure to this input; it replays it from the proptest-regressions file", "example"),
    // A JVM generator seeded in code: the seed is fixed, so reruns reproduce it as is.
    fixedInCode("java-new-random", new RegExp(`\\bnew (?:java\\.util\\.)?Random\\(\\s*${SIGNED}L?\\s*\\)`, "g"), () => "the test seeds java.util.Random in code: it replays the same values on every run"),
];
const BUILTIN_RECOGNISERS = [
    ...RUNNER_RECOGNISERS,
    {
        // MXNet's with_seed / setup_module log line, with whatever logger prefix precedes it.
        name: "mxnet-test-seed",
        pattern: new RegExp(`\\bMXNET_TEST_SEED=${DIGITS}`, "g"),
        kind: "test",
        value: (m) => group(m, 1),
        apply: (m) => ({ kind: "env", env: { MXNET_TEST_SEED: group(m, 1) } }),
    },
    {
        name: "mxnet-module-seed",
        pattern: new RegExp(`\\bMXNET_MODULE_SEED=${DIGITS}`, "g"),
        kind: "module",
        value: (m) => group(m, 1),
        apply: (m) => ({ kind: "env", env: { MXNET_MODULE_SEED: group(m, 1) } }),
    },
    {
        // pytest-randomly's report header; `-p randomly` makes sure the plugin is loaded on rerun.
        name: "pytest-randomly",
        pattern: new RegExp(`Using --randomly-seed=${DIGITS}`, "g"),
        kind: "test",
        value: (m) => group(m, 1),
        apply: (m) => ({ kind: "args", args: ["-p", "randomly", `--randomly-seed=${group(m, 1)}`] }),
    },
    {
        // Printed with print_blob=True (or on CI profiles): the exact failing choice sequence.
        name: "hypothesis-reproduce-failure",
        pattern: new RegExp(`@reproduce_failure\\(\\s*(['"])([0-9][0-9A-Za-z.+-]{0,40})\\1\\s*,\\s*b(['"])([A-Za-z0-9+/=]{1,${MAX_HYPOTHESIS_BLOB_CHARS}})\\3\\s*\\)`, "g"),
        kind: "test",
        value: (m) => group(m, 4),
        apply: (m) => ({ kind: "hypothesis", decorator: m[0] }),
    },
    {
        // Hypothesis prints this when a failure did not reproduce on replay (flaky / unreliable).
        name: "hypothesis-seed",
        pattern: new RegExp(`--hypothesis-seed=${DIGITS}`, "g"),
        kind: "test",
        value: (m) => group(m, 1),
        apply: (m) => ({ kind: "args", args: [`--hypothesis-seed=${group(m, 1)}`] }),
    },
    {
        // Only the head is matched; the call's extent is read by `exampleCall` from the match.
        name: "hypothesis-falsifying-example",
        pattern: /Falsifying (?:explicit )?example: ([A-Za-z_][\w.]{0,200})\(/g,
        kind: "example",
        value: exampleCall,
        apply: () => ({
            kind: "none",
            why: "hypothesis printed a falsifying example but no @reproduce_failure blob; " +
                "enable @settings(print_blob=True) or paste the example as @example(...)",
        }),
    },
    globalRng("numpy-seed-call", new RegExp(`\\bnp\\.random\\.seed\\(\\s*${DIGITS}\\s*\\)`, "g")),
    globalRng("torch-manual-seed", new RegExp(`\\btorch\\.(?:cuda\\.)?manual_seed(?:_all)?\\(\\s*${DIGITS}\\s*\\)`, "g")),
    globalRng("python-random-seed", new RegExp(`(?<![\\w.])random\\.seed\\(\\s*${DIGITS}\\s*\\)`, "g")),
    {
        // A test that announces its seed as an environment variable ("set TEST_SEED=586376494 to
        // reproduce", "CALC_SEED=42"): it reads that variable, so the seed goes back through it.
        // SEED must be the name's last word: N_SEEDS=50 is a count, and PYTHONHASHSEED cannot
        // change inside a running interpreter. MXNet's own variables have their recognisers above
        // (the module seed is only related). After the explicit seeding calls, which name the
        // generator the test uses.
        name: "env-seed-variable",
        // "SEED=" outside the groups: the literal that rules the pattern out of most texts.
        pattern: new RegExp(`\\b(?!MXNET_)((?:[A-Z][A-Z0-9_]{0,60}_)?)SEED=${DIGITS}(?![\\w.])`, "g"),
        kind: "test",
        value: (m) => group(m, 2),
        apply: (m) => ({ kind: "env", env: { [`${group(m, 1)}SEED`]: group(m, 2) } }),
    },
    globalRng("random-seed-label", new RegExp(`\\bRandom seed:\\s*${DIGITS}`, "gi")),
    // Word boundary on the left keeps MXNET_TEST_SEED=, randomly_seed= etc. out of this one.
    globalRng("seed-assignment", new RegExp(`\\bseed\\s*[=:]\\s*${DIGITS}`, "gi")),
];
const recognisers_ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
/**
 * Variables a name read from a report must never set in a rerun: a user pattern's `env` group
 * takes its name from untrusted text, and `PATH=5`, `BASH_ENV`, `LD_PRELOAD`, `NODE_OPTIONS`,
 * `PYTHONSTARTUP` or `GOFLAGS` would change what the rerun runs, not the seed it uses.
 */
const NOT_A_SEED_VARIABLE = /^(?:PATH|HOME|SHELL|ENV|BASH_ENV|BASH_FUNC_\w*|IFS|PS4|CDPATH|GLOBIGNORE|TMPDIR|TEMP|TMP|CI|LD_\w*|DYLD_\w*|PYTHON(?!HASHSEED$)\w*|NODE_\w*|NPM_\w*|GO[A-Z]+|CGO_\w*|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|PERL5\w*|RUBY\w*|GIT_\w*|GITHUB_\w*|RUNNER_\w*|ACTIONS_\w*|FLAKY_TRIAGE_\w*)$/i;
/** Whether a report may name this variable as the one a seed goes back through. */
function isSeedVariableName(name) {
    return recognisers_ENV_NAME.test(name) && !NOT_A_SEED_VARIABLE.test(name);
}
/**
 * A user pattern (`--seed-pattern`) as a recogniser: named group `seed`, optional `env`. With
 * `env` the seed goes back as that environment variable, otherwise through the global RNGs.
 */
function userRecogniser(pattern, index) {
    const flags = pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g";
    const seedOf = (m) => m.groups?.["seed"]?.trim() ?? "";
    const envOf = (m) => {
        const env = m.groups?.["env"];
        return env !== undefined && isSeedVariableName(env) ? env : undefined;
    };
    return {
        name: `user:${index}`,
        pattern: new RegExp(pattern.source, flags),
        kind: "test",
        value: (m) => {
            const seed = seedOf(m);
            // User seeds need not be integers, but they travel through argv/env: keep them short
            // and printable.
            return seed.length > 0 && seed.length <= MAX_SEED_DIGITS * 2 && /^[\x21-\x7e]+$/.test(seed)
                ? seed
                : null;
        },
        apply: (m) => {
            const env = envOf(m);
            return env !== undefined
                ? { kind: "env", env: { [env]: seedOf(m) } }
                : { kind: "global-rng", value: seedOf(m) };
        },
    };
}
/** The driver whose arguments a built-in recogniser's seed carries, if any. */
function recogniserRunner(name) {
    return BUILTIN_RECOGNISERS.find((r) => r.name === name)?.runner;
}
const ORDERING = new Set(BUILTIN_RECOGNISERS.filter((r) => r.ordersOnly === true).map((r) => r.name));
const ORDERS_TESTS = new Set(BUILTIN_RECOGNISERS.filter((r) => r.ordersOnly === true || r.ordersTestsOnly === true).map((r) => r.name));
/** Whether the seed orders the tests and seeds nothing they draw (ordersTestsOnly, or go's -shuffle). */
function ordersTestsOnly(seed) {
    return seed !== null && ORDERS_TESTS.has(seed.recogniser);
}
/** Whether the seed only orders the tests: its fresh seeds are fresh orders. */
function ordersOnly(seed) {
    return seed !== null && ORDERING.has(seed.recogniser);
}

;// CONCATENATED MODULE: ./src/rerun/seed-apply.ts
/**
 * How a recorded seed (and its related seeds) goes back to a rerun, and where fresh seeds come
 * from. Seed values are untrusted text from CI logs: they only ever become argv elements or
 * environment values, never shell text, and values a process cannot carry (NUL) are refused.
 */



/** Values our plugin receives comma-separated, and that a process environment can carry. */
const CARRIABLE = /^[^\0,\n\r]+$/;
/**
 * Null when nothing of the seed can be given back (hypothesis blobs, unknown mechanisms).
 * `runner` names the driver asking: seed arguments are kept only when they are that runner's
 * (jest's `--seed=N` means nothing to pytest); undefined is pytest, whose arguments carry no
 * runner name.
 */
function seedApplication(seed, runner) {
    if (seed === null)
        return null;
    const app = { env: {}, args: [], globalRng: null, value: seed.value };
    for (const s of [seed, ...(seed.related ?? [])]) {
        const apply = s.apply;
        if (apply.kind === "args" && recogniserRunner(s.recogniser) !== runner)
            continue;
        if (apply.kind === "env") {
            for (const [name, value] of Object.entries(apply.env)) {
                if (isEnvName(name) && CARRIABLE.test(value))
                    app.env[name] = value;
            }
        }
        else if (apply.kind === "args") {
            if (apply.args.every((a) => !a.includes("\0")))
                app.args.push(...apply.args);
        }
        else if (apply.kind === "global-rng") {
            if (app.globalRng === null && CARRIABLE.test(apply.value))
                app.globalRng = apply.value;
        }
    }
    const empty = Object.keys(app.env).length === 0 && app.args.length === 0 && app.globalRng === null;
    return empty ? null : app;
}
/** `args` with every occurrence of the recorded seed replaced by `fresh`. */
function argsWithSeed(app, fresh) {
    return app.args.map((a) => a.replaceAll(app.value, fresh));
}
/**
 * The largest seed a runner takes, where it is below our default: googletest's
 * --gtest_random_seed is 1..99999 (a larger one is folded into that range, so the seed in the
 * report would not be the one the run used).
 */
function seedMax(seed) {
    return seed.recogniser.startsWith("googletest-") ? 99_999 : undefined;
}
/** `count` fresh seeds for a recorded one, within what its runner takes (seedMax). */
function freshSeedsFor(seed, count) {
    return freshSeeds(seed.value, count, seedMax(seed));
}
const UINT32_MAX = 2n ** 32n - 1n;
/** Our default: 31-bit, valid for every seeding API we know (numpy: < 2^32, C int: < 2^31). */
const DEFAULT_SEED_BOUND = 2 ** 31;
/**
 * `count` new seeds, different from the recorded one and from each other, cryptographically
 * random (a CI's own PRNG state is what we are trying to get away from). Shaped like the
 * original: a decimal beyond 32 bits stays within the original's bit width, hex stays hex of
 * the same length; everything else gets 31-bit decimals.
 */
function freshSeeds(original, count, max) {
    const seen = new Set(original === null ? [] : [original]);
    const out = [];
    // The retry bound only matters for tiny shapes (a 1-digit hex seed has 15 siblings).
    for (let tries = 0; out.length < count && tries < count * 20; tries++) {
        const s = max !== undefined ? String((0,external_node_crypto_namespaceObject.randomInt)(1, max + 1)) : freshSeed(original);
        if (!seen.has(s)) {
            seen.add(s);
            out.push(s);
        }
    }
    return out;
}
function freshSeed(original) {
    if (original !== null && /^[0-9]{1,100}$/.test(original) && BigInt(original) > UINT32_MAX) {
        const bits = BigInt(original).toString(2).length;
        return (randomBigInt(bits)).toString();
    }
    const hex = original === null ? null : /^(0x)?([0-9a-f]+)$/i.exec(original);
    if (hex && (hex[1] !== undefined || /[a-f]/i.test(hex[2] ?? "")) && (hex[2] ?? "").length <= 64) {
        const digits = (hex[2] ?? "").length;
        const body = (0,external_node_crypto_namespaceObject.randomBytes)(Math.ceil(digits / 2)).toString("hex").slice(0, digits);
        return (hex[1] ?? "") + (hex[2] === hex[2]?.toUpperCase() && /[A-F]/.test(hex[2] ?? "") ? body.toUpperCase() : body);
    }
    return String((0,external_node_crypto_namespaceObject.randomInt)(1, DEFAULT_SEED_BOUND));
}
function randomBigInt(bits) {
    const bytes = (0,external_node_crypto_namespaceObject.randomBytes)(Math.ceil(bits / 8));
    const value = BigInt(`0x${bytes.toString("hex")}`);
    return value & ((1n << BigInt(bits)) - 1n);
}

;// CONCATENATED MODULE: ./src/rerun/drivers/js-results.ts
/** jest's heading over a file that could not run; the reason is on the lines after it. */
const SUITE_FAILED_HEADING = /^●\s*Test suite failed to run$/;
function firstLine(s) {
    if (typeof s !== "string")
        return undefined;
    const line = s.split("\n").find((l) => l.trim() !== "" && !SUITE_FAILED_HEADING.test(l.trim()));
    return line?.trim();
}
/**
 * jest reports a test file it cannot read like one that throws on import ("Test suite failed
 * to run"), but a missing file is a wrong path, not a failure of the test: not run.
 */
function missingFile(f) {
    return typeof f.name === "string" && typeof f.message === "string" && f.message.includes(`ENOENT: no such file or directory, open '${f.name}'`);
}
/** How a test that matched the filter and did not run is listed: skipped in its code or a todo. */
const SKIPPED = new Set(["pending", "skipped", "todo", "disabled"]);
/**
 * Passed when the filtered test passed; failed when it failed or its file could not run (an
 * import that throws fails the test as surely as an assertion); not run when nothing matched,
 * or when the test matched and skipped itself (`it.skip`, `ctx.skip()`, a todo: `skipped`).
 */
function judgeJestJson(results, exitCode, what, filter) {
    const read = readResults(results);
    if (typeof read === "string") {
        return exitCode === 0 ? { kind: "not-run", why: `${what} wrote ${read}` } : { kind: "failed", message: `exit code ${exitCode}` };
    }
    const { data, files, assertions } = read;
    const failed = assertions.find((a) => a.status === "failed");
    if ((data.numFailedTests ?? 0) > 0 || failed !== undefined)
        return failedWith(failed?.failureMessages);
    const broken = brokenFile(files);
    if (broken !== undefined && missingFile(broken))
        return { kind: "not-run", why: `${what} could not find the test file ${broken.name ?? ""}` };
    if (broken !== undefined) {
        const message = firstLine(broken.message);
        return { kind: "failed", message: `the test file failed to run${message !== undefined ? `: ${message}` : ""}` };
    }
    if ((data.numPassedTests ?? 0) > 0 || assertions.some((a) => a.status === "passed"))
        return { kind: "passed" };
    // A hook of the test's describe block that throws (vitest's beforeAll) fails the file with no
    // message and lists the test as skipped: the test failed, it did not skip itself.
    if (exitCode !== 0 && (files.some((f) => f.status === "failed") || (data.numFailedTestSuites ?? 0) > 0)) {
        return { kind: "failed", message: `exit code ${exitCode}: the test file or a hook failed before the test ran` };
    }
    const own = filter !== undefined ? ownAssertion(assertions, filter) : undefined;
    if (own !== undefined && SKIPPED.has(own.status ?? "")) {
        return { kind: "not-run", why: `${what}: the test skipped itself (${own.status ?? ""})`, skipped: true };
    }
    return { kind: "not-run", why: `${what} found no test matching the name (all skipped or none collected)` };
}
/**
 * The runner stopped the test for its time: jest's `thrown: "Exceeded timeout of 5000 ms for a
 * test.`, vitest's `Test timed out in 5000ms.`, which vitest 4's JSON reporter shows as its
 * placeholder `Error: STACK_TRACE_ERROR` (the timeout error takes the stack captured when the
 * test was defined, and the header with it).
 */
const RUNNER_TIMEOUT = /Exceeded timeout of \d+ ?ms for a (?:test|hook)\b|^(?:Error: )?(?:Test|Hook) timed out in \d+ ?ms\b|^Error: STACK_TRACE_ERROR$/m;
/** The failed judgement of a test's failure messages: a timeout of the runner's, or a failure with its first line. */
function failedWith(messages) {
    const text = messages?.[0];
    if (typeof text === "string" && RUNNER_TIMEOUT.test(text))
        return { kind: "failed", timedOut: true };
    const message = firstLine(text);
    return message !== undefined ? { kind: "failed", message } : { kind: "failed" };
}
/** Statuses of a test that ran (the rest were skipped, pending or todo). */
const RAN = new Set(["passed", "failed"]);
/**
 * The order check's run of the test's whole file: the test's own result, and how many tests
 * ran before it. jest lists a file's results in the order they ran (shuffled ones too); vitest
 * lists them in the file's order, so its run is made in that order (`--sequence.shuffle=false`).
 * Tests after it ran too and do not count: only its own result does.
 */
function judgeRunUntil(results, what, filter) {
    const read = readResults(results);
    if (typeof read === "string")
        return { kind: "not-run", why: `${what} wrote ${read} for the test's file` };
    const { files, assertions } = read;
    const own = ownAssertion(assertions, filter);
    if (own === undefined || !RAN.has(own.status ?? "")) {
        const broken = brokenFile(files);
        const why = broken !== undefined ? `the test file failed to run: ${firstLine(broken.message) ?? ""}` : own === undefined ? "the test was not found in its file's results" : `the test did not run (${own.status ?? "no status"})`;
        return { kind: "not-run", why: `${what}: ${why}` };
    }
    let ranBefore = 0;
    for (const a of assertions) {
        if (a === own)
            break;
        if (RAN.has(a.status ?? ""))
            ranBefore++;
    }
    if (own.status === "passed")
        return { kind: "passed", ranBefore, finished: true };
    return { ...failedWith(own.failureMessages), ranBefore, finished: true };
}
/**
 * The order check's process: the test's whole file, judged by judgeRunUntil. A run the timeout
 * killed has no results (both runners write them at the end), so where it hung is not known.
 */
function wholeFileInvocation(argv, env, resultFile, what, filter) {
    return {
        argv,
        env,
        attempts: 1,
        reportsLines: false,
        judge: {
            runUntil: true,
            hungWithoutResult: `its file's run did not finish within the timeout (a test before or after it hung), and ${what} writes results only at the end`,
            resultFile,
            decide: (r) => judgeRunUntil(r.results, what, filter),
        },
    };
}
/** The results file parsed, its files and all their tests' results; or why there are none ("no results"). */
function readResults(results) {
    if (results === null)
        return "no results";
    let data;
    try {
        data = JSON.parse(results);
    }
    catch {
        return "unreadable results";
    }
    const files = Array.isArray(data.testResults) ? data.testResults : [];
    return { data, files, assertions: files.flatMap((f) => (Array.isArray(f.assertionResults) ? f.assertionResults : [])) };
}
/** A test file the runner could not run, with its reason. */
function brokenFile(files) {
    return files.find((f) => f.status === "failed" && typeof f.message === "string" && f.message !== "");
}
/** The result of the test the filter selected: the one whose full name it matches. */
function ownAssertion(assertions, filter) {
    let re;
    try {
        re = new RegExp(filter.pattern, filter.flags);
    }
    catch {
        return undefined;
    }
    return assertions.find((a) => typeof a.fullName === "string" && re.test(a.fullName));
}
/** A regular expression matching exactly `text` (JS and RE2 syntax alike). */
function exactPattern(text) {
    return `^${escapePattern(text)}$`;
}
/** `text` with the characters special in a JS or RE2 regular expression escaped. */
function escapePattern(text) {
    return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

;// CONCATENATED MODULE: ./src/rerun/drivers/go.ts



/**
 * `-run` splits its pattern at slashes, one expression per level (TestX, then its subtests);
 * each level is anchored so TestX does not also run TestX2. Go rewrites spaces in subtest
 * names to underscores, and the report holds the rewritten names, so they are matched as is.
 */
function goRunPattern(name) {
    return name
        .split("/")
        .map(exactPattern)
        .join("/");
}
/** An import path as the report gives it: never "-x", which go test would read as a flag. */
const IMPORT_PATH = /^[\w.~][\w.~-]*(?:\/[\w.~-]+)*$/;
/** `./dir` of the test file when the join resolved it; else the import path from the report. */
/**
 * The go test flags a failure's text shows CI ran with: the race detector's report means
 * `-race` (without it the race is not detected, and the test passes), and go's own timeout
 * panic names the `-timeout` it hit (a rerun without it runs on past it, and passes).
 */
function goFlagsSeenInCi(text) {
    const flags = [];
    if (/^WARNING: DATA RACE$|\brace detected during execution of test\b/m.test(text))
        flags.push("-race");
    const timeout = /^panic: test timed out after ((?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+)\b/m.exec(text)?.[1];
    if (timeout !== undefined)
        flags.push(`-timeout=${timeout}`);
    return flags;
}
function goPackage(test) {
    if (test.file !== undefined && test.file.endsWith(".go")) {
        const dir = test.file.includes("/") ? test.file.slice(0, test.file.lastIndexOf("/")) : ".";
        return dir === "." ? "." : `./${dir}`;
    }
    return test.classname !== "" ? test.classname : ".";
}
/**
 * `-shuffle=N` orders the package's top-level tests, and it shuffles them all before `-run`
 * filters them (go 1.19 testing.M.Run): the order seed only reproduces anything when the tests
 * that ran before this one run again. With it the whole package runs.
 */
function ordersPackage(app) {
    return app !== null && app.args.some((a) => a.startsWith("-shuffle="));
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
/** A test's own result line, `--- PASS: name (0.00s)` (indented for a subtest); group 1 the result. */
function ownResult(name, flags = "") {
    return new RegExp(`^[ \\t]*--- (PASS|FAIL|SKIP): ${escapeRegExp(name)} \\(`, flags);
}
/** What go test printed inside one test: from its `=== RUN` line up to its own result line. */
function blockOf(stdout, name, end) {
    const start = stdout.lastIndexOf(`=== RUN   ${name}\n`, end);
    const from = start === -1 ? 0 : start;
    // A parallel test's own output begins where it went on: while it waited (=== PAUSE), the
    // output was the sequential tests'.
    const cont = stdout.indexOf(`=== CONT  ${name}\n`, from);
    return stdout.slice(cont !== -1 && cont < end ? cont : from, end);
}
/**
 * The first `file_test.go:42: message` line of a block. testify prints its message on the
 * lines below an empty one (`Error:      \tmessage`), so that text is added.
 */
function failureLine(block) {
    const at = /^[ \t]+(\S+\.go:\d+:)(.*)$/m.exec(block);
    if (at === null)
        return undefined;
    const own = (at[2] ?? "").trim();
    if (own !== "")
        return `${at[1]} ${own}`;
    const testify = /^[ \t]+Error:[ \t]+(\S.*)$/m.exec(block.slice(at.index));
    return testify === null ? at[1] : `${at[1]} ${testify[1].trim()}`;
}
/**
 * One attempt from `go test -v` output. Without a name (or when the test printed no result
 * line of its own) the process as a whole decides, as for a run of the test alone.
 */
/** What the go command prints when it cannot build or find what it was asked to test. */
const GO_COMMAND_ERROR = /^(?:go: .+|.*\bno Go files in\b.*|.*\bcannot find (?:package|module)\b.*|.*\bmatched no packages\b.*|.*\bis not in (?:GOROOT|std)\b.*|.*\bdirectory .* outside (?:main module|available modules)\b.*)$/m;
function judgeGoTest(exitCode, stdout, opts = {}) {
    const { name, wholePackage = false, stderr = "" } = opts;
    if (/^testing: warning: no tests to run/m.test(stdout) || /\[no test files\]/.test(stdout)) {
        return { kind: "not-run", why: "go test found no test matching the -run pattern" };
    }
    if (/\[(?:build|setup) failed\]/.test(stdout)) {
        // The CI run built it: a rerun that cannot is a different checkout or toolchain, not a failure.
        const error = stderr.split("\n").find((l) => l.trim() !== "" && !l.startsWith("#"));
        return { kind: "not-run", why: `the package did not build${error !== undefined ? `: ${error.trim()}` : ""}` };
    }
    // The go command itself failed (no go.mod, no package there, no Go files): no test ran.
    const goError = exitCode !== 0 && !/^=== RUN /m.test(stdout) ? GO_COMMAND_ERROR.exec(`${stderr}\n${stdout}`)?.[0] : undefined;
    if (goError !== undefined)
        return { kind: "not-run", why: `go test did not run the package: ${goError.trim().slice(0, 300)}` };
    if (name !== undefined) {
        const results = [...stdout.matchAll(ownResult(name, "gm"))];
        const own = results[results.length - 1];
        if (own !== undefined) {
            if (own[1] === "PASS")
                return { kind: "passed" };
            if (own[1] === "SKIP")
                return { kind: "not-run", why: `${name} skipped itself (t.Skip)`, skipped: true };
            // A panic is printed after the result line, with the stack.
            const panic = /^panic: .*$/m.exec(stdout.slice(own.index))?.[0];
            const line = /^.*$/m.exec(stdout.slice(own.index))?.[0]?.trim() ?? own[0];
            return { kind: "failed", message: failureLine(blockOf(stdout, name, own.index)) ?? panic ?? line };
        }
        // Started and never finished: the test binary died inside it (os.Exit, fatal error).
        const started = stdout.lastIndexOf(`=== RUN   ${name}\n`);
        if (started !== -1) {
            const died = /^(?:panic|fatal error): .*$/m.exec(stdout.slice(started))?.[0];
            return { kind: "failed", message: died ?? `the test binary exited with code ${exitCode} during ${name}` };
        }
        // TestMain has no RUN line of its own (gotestsum names a package's failure outside any test
        // so): for it the exit code is the result. Any other test the binary never started did not
        // fail here: the binary died before it (or go printed nothing of it).
        // A subtest whose parent failed before reaching it (a fixture that t.Fatal-ed before t.Run)
        // failed with it. A parent that skipped or passed without reaching it did not run it.
        const levels = name.split("/");
        for (let k = levels.length - 1; k >= 1 && exitCode !== 0; k--) {
            const parent = levels.slice(0, k).join("/");
            const result = ownResult(parent, "m").exec(stdout);
            if (result === null)
                continue;
            if (result[1] !== "FAIL")
                break;
            return { kind: "failed", message: failureLine(blockOf(stdout, parent, result.index)) ?? `${parent} failed before it ran ${name}` };
        }
        if (wholePackage || name !== "TestMain") {
            const why = stderr.split("\n").find((l) => l.trim() !== "" && !l.startsWith("#"))?.trim();
            return exitCode === 0
                ? { kind: "not-run", why: `go test printed no result for ${name}` }
                : { kind: "not-run", why: `the test binary exited with code ${exitCode} before ${name} ran${why !== undefined ? `: ${why.slice(0, 300)}` : ""}` };
        }
    }
    if (exitCode === 0)
        return { kind: "passed" };
    const detail = failureLine(stdout) ?? /^--- FAIL: .*$/m.exec(stdout)?.[0];
    return detail !== undefined ? { kind: "failed", message: detail } : { kind: "failed", message: `exit code ${exitCode}` };
}
/** Whether go printed the test's own result line. */
function resultLine(stdout, name) {
    return ownResult(name, "m").test(stdout);
}
/**
 * The part of a line after its last bare carriage return: a test that draws a progress line
 * with `\r` leaves go's next marker mid-line (`50%\r=== RUN   TestX/sub`), which a terminal,
 * and so go's own reading, shows as the line.
 */
function afterCR(line) {
    const i = line.lastIndexOf("\r");
    return i < 0 ? line : line.slice(i + 1);
}
/**
 * For a run of the whole package: true at the first `=== RUN` after the test's own result
 * line, when nothing the judge reads is still to come (a subtest's result comes with its
 * parent's, before the next top-level test starts; a panic ends the process first).
 */
function endsAfter(name) {
    const own = ownResult(name);
    let seen = false;
    return (raw) => {
        const line = afterCR(raw);
        if (seen)
            return line.startsWith("=== RUN ");
        seen = own.test(line);
        return false;
    };
}
/** The package is built and its first test has begun: go test -v's first `=== RUN` line. */
function testsBegun(line) {
    return afterCR(line).startsWith("=== RUN ");
}
/** go test -v's markers of a test starting, pausing for t.Parallel, and going on. */
const MARKER = /^=== (RUN|PAUSE|CONT) +(\S+)\s*$/;
/**
 * Follows the markers of `go test -v` as they stream, to count the tests go started before
 * `name` began its work: other top-level tests, and for a subtest the earlier subtests under
 * its own top-level test (table-driven cases share its state), not its own parents. A parallel
 * test (`=== PAUSE` after its RUN) begins at its `=== CONT`, after the sequential tests that
 * follow it in the file: those count, and while it waits it has not started (a later test that
 * hangs is not its timeout). `before` stays undefined until `name` has begun. The stream, not
 * the captured output: a chatty package's output passes the rerun's capture cap (1 MiB),
 * whose cut middle would lose markers.
 */
function runOrder(name) {
    const top = name.split("/")[0] ?? name;
    let count = 0;
    let state = "waiting";
    let before;
    return {
        see(line) {
            const m = MARKER.exec(afterCR(line));
            if (m === null)
                return;
            const kind = m[1];
            const started = m[2] ?? "";
            if (started === name) {
                if (kind === "RUN" && state === "waiting") {
                    state = "running";
                    before = count;
                }
                else if (kind === "PAUSE" && state === "running") {
                    state = "paused";
                    before = undefined;
                }
                else if (kind === "CONT" && state === "paused") {
                    state = "running";
                    before = count;
                }
                return;
            }
            if (kind !== "RUN" || state === "running")
                return;
            if (name.startsWith(started + "/"))
                return;
            if (!started.includes("/") || started.startsWith(top + "/"))
                count++;
        },
        get before() {
            return before;
        },
        /** It started, called t.Parallel, and has not gone on yet. */
        get paused() {
            return state === "paused";
        },
    };
}
/** runOrder over a whole text of `go test -v` output. */
function testsRunBefore(stdout, name) {
    const order = runOrder(name);
    for (const line of stdout.split("\n"))
        order.see(line);
    return order.before;
}
function goDriver(go = "go") {
    const support = (seed) => {
        const app = seedApplication(seed, "go");
        const ok = app !== null && (app.args.length > 0 || Object.keys(app.env).length > 0);
        return { reapply: ok, fresh: ok };
    };
    /**
     * The test alone, or the whole package when the seed orders the package's tests, or when the
     * test is the package's TestMain (a failure outside its tests: a check after m.Run, a leak or a
     * race the tests leave, needs them run; `-run '^TestMain$'` runs none, and go says "no tests
     * to run").
     */
    const base = (test, app) => ordersPackage(app) || test.name === "TestMain"
        ? ["test", goPackage(test), "-count=1", ...(test.ciFlags ?? [])]
        : ["test", goPackage(test), "-run", goRunPattern(test.name), "-count=1", ...(test.ciFlags ?? [])];
    return {
        name: "go",
        // The package's tests in their source order, as `go test` runs them without -shuffle.
        orderCheck: true,
        orderCheckRefusal: (_test, seed) => ordersPackage(seedApplication(seed, "go")) ? "its reruns already ran its package, in the recorded shuffled order" : null,
        refuse: (test) => IMPORT_PATH.test(goPackage(test)) || goPackage(test).startsWith("./")
            ? null
            : `its package ${JSON.stringify(goPackage(test).slice(0, 200))} is not a Go import path, and go test would read it as a flag`,
        seedSupport: support,
        invocation(req) {
            const app = seedApplication(req.seed, "go");
            const fresh = req.freshSeeds?.[0];
            const env = {};
            for (const [k, v] of Object.entries(app?.env ?? {}))
                env[k] = fresh ?? v;
            const seedArgs = app === null ? [] : fresh !== undefined ? argsWithSeed(app, fresh) : app.args;
            if (req.mode === "run-until") {
                // The whole package in source order (no -shuffle: the order check is about the order
                // go runs tests in by default); tests after this one run too, and cannot change it.
                // One invocation is one process: the order seen is this process's.
                const order = runOrder(req.test.name);
                const ends = endsAfter(req.test.name);
                return {
                    argv: [go, "test", goPackage(req.test), "-count=1", ...(req.test.ciFlags ?? []), ...seedArgs.filter((a) => !a.startsWith("-shuffle=")), "-v"],
                    env,
                    attempts: 1,
                    reportsLines: false,
                    // No startsAt: the package's tests before this one run first, and the start-up
                    // allowance stays theirs as well as go's build.
                    judge: {
                        runUntil: true,
                        endsAt: (line) => {
                            order.see(line);
                            return ends(line);
                        },
                        decide: (r) => {
                            const judged = judgeGoTest(r.exitCode, r.stdout, { name: req.test.name, wholePackage: true, stderr: r.stderr });
                            const before = order.before;
                            const finished = resultLine(r.stdout, req.test.name);
                            // Paused for t.Parallel while a later sequential test ended the run (a panic, an
                            // exit, a hang): it never began its work.
                            if (order.paused && !finished) {
                                return { kind: "not-run", why: `the run ended while ${req.test.name} waited to go on (t.Parallel), so it never began` };
                            }
                            if (before === undefined)
                                return judged;
                            if (judged.kind === "not-run") {
                                // Its RUN line went by, so it started; with no result line of its own, the
                                // binary died (or hung) inside it after more output than the capture keeps.
                                if (finished)
                                    return judged;
                                // The last one: the capture's head may hold a predecessor's printed "panic: ...".
                                const died = [...r.stdout.matchAll(/^(?:panic|fatal error): .*$/gm)].pop()?.[0];
                                return { kind: "failed", message: died ?? `the test binary exited with code ${r.exitCode} during ${req.test.name}`, ranBefore: before, finished: false };
                            }
                            // Its own result line: it ended, and a timeout after it was a later test's.
                            return { ...judged, ranBefore: before, finished };
                        },
                    },
                };
            }
            const whole = ordersPackage(app);
            return {
                // -v prints the result line of every test (and the "no tests to run" warning).
                argv: [go, ...base(req.test, app), ...seedArgs, "-v"],
                env,
                attempts: 1,
                reportsLines: false,
                judge: {
                    startsAt: testsBegun,
                    ...(whole ? { endsAt: endsAfter(req.test.name) } : {}),
                    decide: (r) => judgeGoTest(r.exitCode, r.stdout, { name: req.test.name, wholePackage: whole, stderr: r.stderr }),
                },
            };
        },
        reproduceCommand(test, seed) {
            const app = seedApplication(seed, "go");
            return shellQuoteCommand([go, ...base(test, app), ...(app?.args ?? [])], app?.env ?? {});
        },
        orderReproduceCommand(test, seed) {
            const app = seedApplication(seed, "go");
            const args = (app?.args ?? []).filter((a) => !a.startsWith("-shuffle="));
            return shellQuoteCommand([go, "test", goPackage(test), "-count=1", ...(test.ciFlags ?? []), ...args, "-v"], app?.env ?? {});
        },
    };
}

;// CONCATENATED MODULE: ./src/reports/ci-log.ts
/**
 * Undoes what CI systems and copy-paste do to a console log, so the pytest and unittest readers
 * see the lines the test runner printed. Each kind of decoration is removed only where it is
 * found, and a note says so (the readers' anchors are start-of-line patterns, so a prefix left
 * in place would hide every section).
 */
/** Jenkins timestamper plugin: `[2018-05-01T12:00:00.123Z] ` before every line. */
const JENKINS_TIMESTAMP = /^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?\] ?/;
/** GitHub Actions raw logs: `2024-05-01T12:00:00.1234567Z ` before every line. */
const GITHUB_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
/** GitHub Actions folding markers: whole lines that carry no output of the job. */
const GITHUB_GROUP = /^##\[(?:group|endgroup)\]/;
/** Other GitHub workflow-command markers (`##[error]`, `##[warning]`...): keep the text. */
const GITHUB_MARKER = /^##\[[a-z]+\]/;
/** Jenkins pipeline step markers (`[Pipeline] sh`): lines printed by Jenkins, not the job. */
const JENKINS_PIPELINE = /^\[Pipeline\] /;
/** CSI (colours, cursor moves) and OSC (hyperlinks, titles) escape sequences. */
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
/** pytest-xdist's `[gw3] ` worker tag, at the start of a line only. */
const XDIST_PREFIX = /^\[gw\d+\] /;
/**
 * A copy is "double spaced" when almost every printed line is followed by one blank line
 * (CR CR LF read as two breaks, or a web page's paragraphs pasted as lines). Below this share
 * of non-blank lines followed directly by another non-blank line, we undo the spacing; real
 * logs have long runs of adjacent lines, so they stay far above it.
 */
const DOUBLE_SPACED_MAX_ADJACENT = 0.1;
/** Too few lines to judge spacing reliably. */
const DOUBLE_SPACED_MIN_LINES = 6;
/** Applies `strip` to each line when at least one line has the prefix; returns how many did. */
function stripPrefix(lines, re) {
    let n = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? "";
        const m = re.exec(line);
        if (m !== null) {
            lines[i] = line.slice(m[0].length);
            n++;
        }
    }
    return n;
}
function undoDoubleSpacing(lines, origin) {
    let printed = 0;
    let adjacent = 0;
    for (let i = 0; i < lines.length; i++) {
        if ((lines[i] ?? "").trim() === "")
            continue;
        printed++;
        const next = lines[i + 1];
        if (next !== undefined && next.trim() !== "")
            adjacent++;
    }
    if (printed < DOUBLE_SPACED_MIN_LINES || adjacent / printed > DOUBLE_SPACED_MAX_ADJACENT) {
        return null;
    }
    // One blank line between two printed lines was a line break; two or more were a blank line.
    const out = [];
    const at = [];
    let blanks = 0;
    lines.forEach((line, i) => {
        if (line.trim() === "") {
            blanks++;
            return;
        }
        if (blanks >= 2 && out.length > 0) {
            out.push("");
            at.push(origin[i - 1] ?? 0);
        }
        blanks = 0;
        out.push(line);
        at.push(origin[i] ?? 0);
    });
    if (blanks > 0) {
        out.push("");
        at.push(origin[lines.length - 1] ?? 0);
    }
    return { lines: out, origin: at };
}
/**
 * Removes CI decorations from a console log; `notes` says which were found, and `origin[i]` is
 * the 1-based line of the given text that line i of the result came from (undoing double
 * spacing removes lines, and evidence must still point at the line a person opens). Lines are
 * counted the way editors count them: CRLF, CR CR LF and a lone CR each end one line.
 */
function normaliseCiLog(text) {
    const notes = [];
    let t = text.replace(/^\uFEFF/, "");
    if (/\r/.test(t)) {
        // CR CR LF (a CRLF file converted again) is one break, not two.
        t = t.replace(/\r+\n/g, "\n").replace(/\r/g, "\n");
        notes.push("converted CRLF line endings");
    }
    const withoutAnsi = t.replace(ANSI, "");
    if (withoutAnsi.length !== t.length) {
        t = withoutAnsi;
        notes.push("removed ANSI colour codes");
    }
    let lines = t.split("\n");
    let origin = lines.map((_, i) => i + 1);
    if (stripPrefix(lines, JENKINS_TIMESTAMP) > 0)
        notes.push("removed Jenkins timestamps");
    if (stripPrefix(lines, GITHUB_TIMESTAMP) > 0)
        notes.push("removed GitHub Actions timestamps");
    // Blanked rather than removed, so line numbers still point into the file as it was given.
    let markers = 0;
    lines = lines.map((l) => {
        if (!GITHUB_GROUP.test(l) && !JENKINS_PIPELINE.test(l))
            return l;
        markers++;
        return "";
    });
    if (markers > 0)
        notes.push("blanked CI group and pipeline marker lines");
    if (stripPrefix(lines, GITHUB_MARKER) > 0)
        notes.push("removed GitHub workflow-command markers");
    if (stripPrefix(lines, XDIST_PREFIX) > 0)
        notes.push("removed pytest-xdist worker prefixes");
    const undone = undoDoubleSpacing(lines, origin);
    if (undone !== null) {
        lines = undone.lines;
        origin = undone.origin;
        notes.push("undid double line spacing");
    }
    return { text: lines.join("\n"), notes, origin };
}

;// CONCATENATED MODULE: ./src/reports/pytest-ids.ts
/**
 * Maps pytest's JUnit names back to node ids. pytest writes a test `tests/unit/test_x.py::
 * TestC::TestInner::test_y[p.1]` as classname `tests.unit.test_x.TestC.TestInner` and name
 * `test_y[p.1]`: the path's slashes became dots and ".py" was dropped, so where the module ends
 * and the classes begin is only known by looking at the project's files.
 */
/**
 * Directory-and-file splits of a dotted name tried at most, per test: each dot is a slash or a
 * literal dot, so the splits double with every dot; the search is pruned at directories that
 * do not exist, and this bounds what is left on pathological trees.
 */
const MAX_DOTTED_SPLITS = 256;
function normalisePath(p) {
    return p.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "");
}
function prefixOf(file, classes) {
    return [file, ...classes, ""].join("::");
}
/**
 * The pytest node id for a JUnit classname/name, and the test file when one exists in the
 * project. `name` is kept whole: its `[...]` parameter part may contain dots, slashes and
 * escapes exactly as pytest printed them, and is never split.
 */
function toPytestNodeId(classname, name, fileAttr, project) {
    return withName(nodePrefix(classname, fileAttr, project), name);
}
function withName({ prefix, file }, name) {
    // Joined, not `prefix + name`: a concatenation is a two-part string that the join's maps
    // flatten into a copy when they hash it; join() makes the flat string at once.
    const id = [prefix, name].join("");
    return file === undefined ? { id } : { id, file };
}
/**
 * `toPytestNodeId` for many tests of one project: the name only ends the id, so the rest is
 * worked out once per classname and file attribute (a report of 50,000 failures has a few
 * hundred of those; each took splits, joins and file lookups).
 */
class PytestIds {
    project;
    prefixes = new Map();
    constructor(project) {
        this.project = project;
    }
    /**
     * As toPytestNodeId, plus `head`: what precedes the id's first "::" (one string shared by the
     * tests of a classname, where the caller would otherwise cut a new one from each id).
     */
    of(classname, name, fileAttr) {
        // NUL cannot occur in XML text, nor in a path: the key is unambiguous.
        const key = fileAttr === undefined ? classname : `${classname}\u0000${fileAttr}`;
        let p = this.prefixes.get(key);
        if (p === undefined) {
            p = nodePrefix(classname, fileAttr, this.project);
            const cut = p.prefix.indexOf("::");
            if (cut >= 0)
                p.head = p.prefix.slice(0, cut);
            this.prefixes.set(key, p);
        }
        const mapped = withName(p, name);
        if (p.head !== undefined)
            mapped.head = p.head;
        return mapped;
    }
}
function nodePrefix(classname, fileAttr, project) {
    const parts = classname === "" ? [] : classname.split(".");
    // xunit1 names the file; the classes are what follows the file's dotted module path.
    if (fileAttr !== undefined && fileAttr !== "") {
        const file = normalisePath(fileAttr);
        const module = file.replace(/\.py$/, "").split("/");
        const matches = module.length <= parts.length && module.every((m, i) => parts[i] === m);
        // A classname that does not start with the module (junit_prefix, rootdir elsewhere):
        // the classes are the capitalised tail, which is how pytest classes are named.
        const classes = matches ? parts.slice(module.length) : trailingClasses(parts);
        const prefix = prefixOf(file, classes);
        return project.exists(file) ? { prefix, file } : { prefix };
    }
    // Longest dotted prefix that is a file: handles packages without __init__.py too, since
    // only the .py file itself is looked up.
    for (let k = parts.length; k >= 1; k--) {
        const rel = `${parts.slice(0, k).join("/")}.py`;
        if (project.exists(rel))
            return { prefix: prefixOf(rel, parts.slice(k)), file: rel };
    }
    const dotted = dottedDirectoryFile(parts, project);
    if (dotted !== null)
        return { prefix: prefixOf(dotted.file, parts.slice(dotted.used)), file: dotted.file };
    // No file found (report from another checkout, or rootdir differs): guess that the module
    // ends before the first capitalised part and do not claim the file exists.
    const classes = trailingClasses(parts);
    const moduleParts = parts.slice(0, parts.length - classes.length);
    if (parts.length === 0)
        return { prefix: "" };
    if (moduleParts.length === 0)
        return { prefix: prefixOf(classname, []) };
    return { prefix: prefixOf(`${moduleParts.join("/")}.py`, classes) };
}
/** The trailing run of parts that look like class names (start with a capital letter). */
function trailingClasses(parts) {
    let i = parts.length;
    while (i > 0 && /^[A-Z]/.test(parts[i - 1] ?? ""))
        i--;
    // Everything capitalised means no module part at all; treat only the last as a class.
    if (i === 0 && parts.length > 0)
        i = parts.length - 1;
    return parts.slice(i);
}
/**
 * pytest turned both the slashes and any dots of `tests/v1.2/test_x.py` into dots, so a dot may
 * be either. Walks the directories that exist, joining parts with a literal dot or descending,
 * and returns the file using the most parts (the most specific module, as the plain search does).
 */
function dottedDirectoryFile(parts, project) {
    if (parts.length < 2)
        return null;
    let best = null;
    walkDotted(parts, project, (here, used) => {
        if (project.exists(`${here}.py`) && (best === null || used > best.used))
            best = { file: `${here}.py`, used };
    });
    return best;
}
/**
 * The project file `name` in the directory written as `parts` joined by dots, each dot a `/` or
 * a dot of a directory's own name (`docs.v2`, and `.docs`: an empty part): pytest's JUnit
 * classname of a text file's doctest (`docs.v2.usage.md` with name `usage.md`).
 */
function fileInDottedDirectory(parts, name, project) {
    if (parts.length === 0)
        return project.exists(name) ? name : undefined;
    let found;
    walkDotted(parts, project, (here, used) => {
        if (found === undefined && used === parts.length && project.exists(`${here}/${name}`))
            found = `${here}/${name}`;
    });
    return found;
}
/**
 * Calls `visit` with each path that `parts` joined by dots may be (each dot a `/` or a literal
 * dot), as far as the directories it passes through exist, with the number of parts used.
 * At most MAX_DOTTED_SPLITS paths; nothing without `isDir`.
 */
function walkDotted(parts, project, visit) {
    const isDir = project.isDir?.bind(project);
    if (isDir === undefined || parts.length === 0)
        return;
    let budget = MAX_DOTTED_SPLITS;
    // `dir` holds the directories entered so far; `segment` is the name being built from parts[start..i).
    const walk = (dir, segment, i) => {
        if (budget-- <= 0)
            return;
        const here = dir === "" ? segment : `${dir}/${segment}`;
        visit(here, i);
        if (i >= parts.length)
            return;
        const next = parts[i];
        walk(dir, `${segment}.${next}`, i + 1);
        if (isDir(here))
            walk(here, next, i + 1);
    };
    walk("", parts[0], 1);
}
/** The file part of a node id (everything before the first `::`). */
function nodeIdFile(id) {
    const i = id.indexOf("::");
    return i === -1 ? id : id.slice(0, i);
}
/**
 * Whether a pytest node id names a doctest (see doctestKind).
 */
function isDoctestId(id) {
    return doctestKind(id) !== null;
}
/** Files whose doctests `--doctest-glob` is given for: text and documentation formats. */
const DOCTEST_TEXT_FILE = /.\.(?:txt|text|rst|rest|md|markdown|doctest)$/i;
/**
 * What kind of doctest a pytest node id names, if any:
 *  - "module": one `--doctest-modules` collects from a docstring. Its item is the dotted name of
 *    what holds the docstring (`pkg/mod.py::pkg.mod.fine`), and no test function or class name
 *    holds a dot (a parameter id may: `test_x[1.5]`, cut off first); or it is the docstring of a
 *    module outside any package, named as the module is (`tool.py::tool`, `mypkg/__init__.py::mypkg`),
 *    which no test function is under pytest's default `test` prefix (a project that collects
 *    other names, `python_functions = check_*`, and names a function as its module, `check_io.py::check_io`,
 *    is misread: its rerun, with --doctest-modules, still runs it, but its console section does
 *    not join its JUnit entry).
 *  - "text": a text file `--doctest-glob` collects (by default `test*.txt`), named by the file's
 *    name (`docs/usage.rst::usage.rst`). Only files named as documents are: a test of another
 *    runner named after its file (`a.test.ts::a.test.ts`) must not go to pytest.
 */
function doctestKind(id) {
    const i = id.indexOf("::");
    if (i < 0)
        return null;
    const file = id.slice(0, i);
    const item = id.slice(i + 2);
    const base = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
    if (!file.endsWith(".py"))
        return item === base && DOCTEST_TEXT_FILE.test(base) ? "text" : null;
    if (item.includes("::"))
        return null;
    const bracket = item.indexOf("[");
    if ((bracket < 0 ? item : item.slice(0, bracket)).includes("."))
        return "module";
    if (bracket >= 0)
        return null;
    // A package's own docstring is in its __init__.py and named as the package (`mypkg`, and
    // `testkit`: an __init__.py holds no test functions by pytest's default python_files).
    if (base === "__init__.py")
        return item === file.slice(0, -"/__init__.py".length).replace(/^.*[/\\]/, "") ? "module" : null;
    return item === base.slice(0, -3) && !item.startsWith("test") ? "module" : null;
}
/**
 * Whether a test is a collection that failed because another test file of its name was imported
 * first, under the module name both get (pytest's "import file mismatch"): its id is the file
 * (no `::`), and its text says so. A test that only printed those words is not.
 */
function failedWithImportMismatch(test) {
    return !test.id.includes("::") && test.details?.includes(IMPORT_FILE_MISMATCH) === true;
}
const IMPORT_FILE_MISMATCH = "import file mismatch";

;// CONCATENATED MODULE: ./src/reports/limits.ts
/**
 * Size limits for what the readers keep. Reports come from CI runs we do not control: a single
 * failure can carry a 50 MB tensor dump and a log can be gigabytes, so everything we retain is
 * capped while it is accumulated (never built in full and cut afterwards).
 *
 * Sizes are in UTF-16 code units (JavaScript string length), which is what memory scales with.
 */
const KiB = 1024;
const MiB = 1024 * KiB;
/**
 * One-line failure message. The message is shown in tables, annotations and check-run titles;
 * GitHub truncates annotation titles far below this, so 4 KiB only guards against a message
 * attribute that holds a whole dump.
 */
const MAX_MESSAGE_CHARS = 4 * KiB;
/**
 * Failure text (traceback, assertion details). Seeds and tolerances are usually printed near the
 * top (pytest's assertion) or the bottom (the exception line), so we keep head and tail.
 * 1 MiB fits the deepest real tracebacks we have seen (JVM stack traces with causes run to
 * ~100 KiB) with room to spare.
 */
const MAX_DETAILS_CHARS = 1 * MiB;
/**
 * Captured output per test (system-out + system-err, captured log). Seed announcements such as
 * "use MXNET_TEST_SEED=N to reproduce" are printed at the start or end of a test's output, so
 * head and tail are what matters; 256 KiB keeps both for chatty tests.
 */
const MAX_OUTPUT_CHARS = 256 * KiB;
/**
 * Once this much failure text and output has been retained from one file, further failing tests
 * keep only the lean caps below. Without it, a report with 100,000 failing tests each carrying a
 * 1 MiB trace would need ~100 GiB. 8 MiB keeps the full text of the first ~1,300 failures of
 * bench/gen-junit.mjs's reports (6 KB each) in report order, and reruns (at most
 * --max-failures, 50 by default) take failures in report order; past it a failure keeps the head
 * and tail of its traceback (the test's frame at the top, the assertion and the failing line at
 * the bottom) and of its output (seed announcements come first or last): 1 KiB and 512
 * characters. Memory then grows by ~1.7 K characters per failure: on the 500 MB report (31,000
 * failures, 1.6 M testcases) the reader alone peaks at 171 MB RSS, against 217 MB with the former
 * 16 MiB / 2 KiB / 1 KiB and 303 MB before that (with 1 MiB chunks). Of the 100 MB report's
 * 6,288 failures, one got another failing line than under the former caps (middle frames cut).
 */
const MAX_RETAINED_CHARS_PER_FILE = 8 * MiB;
const LEAN_DETAILS_CHARS = 1 * KiB;
const LEAN_OUTPUT_CHARS = 512;
/**
 * Past this much retained text (the lean tier holds ~5,000 of the generator's failures), each
 * further failing test keeps only the ends of its traceback and output: the failing line and
 * the exception at the bottom, a seed printed first or last. Those failures are far past any
 * rerun limit and are listed, not diagnosed in depth; what matters is that memory stays nearly
 * flat however many there are: ~450 characters each, against ~1.7 K in the lean tier. On the
 * 500 MB report (31,000 failures) the reader keeps 28 M characters of text instead of 56 M,
 * and peaks at 138-144 MB RSS instead of 167 MB.
 */
const MAX_LEAN_RETAINED_CHARS_PER_FILE = 16 * MiB;
const MINIMAL_DETAILS_CHARS = 256;
const MINIMAL_OUTPUT_CHARS = 128;
/**
 * Prior attempts kept per test (surefire reruns, pytest-rerunfailures, jest retries). Real
 * rerun counts are single digits; a report repeating one test a million times must not keep a
 * million entries. Past this, further attempts are counted in a warning only.
 */
const MAX_PRIOR_ATTEMPTS = 100;
/**
 * Warnings per file. A corrupt or binary file can produce one XML error per byte; the first
 * few say what is wrong, the rest only cost memory.
 */
const MAX_WARNINGS_PER_FILE = 20;
/**
 * XML errors after which the JUnit reader stops reading a file. saxes recovers from most
 * errors, but binary data yields an error (an Error object with a stack) per byte, which makes
 * a 100 MB non-XML file take minutes. A real report with more than 1000 syntax errors is
 * not one we can read meaningfully anyway.
 */
const MAX_XML_ERRORS = 1000;
/**
 * Elements open at once after which the JUnit reader stops reading a file. Real reports nest
 * suites a few levels deep; every open element costs memory in the parser (14 million unclosed
 * `<a>`, 42 MB of text, took 4 GB and five minutes), so a file nested deeper than this is
 * refused with a warning that says so, keeping the tests read before it.
 */
const MAX_XML_DEPTH = 1000;
/**
 * Console logs (pytest, unittest) are parsed as one string, so they are read up to this size
 * and the rest is dropped with a warning. 64 MiB holds the console of very long CI jobs; the
 * failure sections we need are normally well inside it.
 */
const MAX_LOG_BYTES = 64 * MiB;
/**
 * Characters of a JUnit report kept as its head: the root element and the first suite's
 * properties, where runners name themselves (`name="vitest tests"`) or their seed (googletest's
 * `random_seed`, Catch2's and rspec's seed properties); 4 KiB covers them in every real report.
 */
const REPORT_HEAD_CHARS = 4 * KiB;
/** Bytes read from the start of a file to detect its encoding and kind. */
const DETECT_HEAD_BYTES = 64 * KiB;
/**
 * Chunk size for streaming reports from disk: large enough to amortise parser calls, and small
 * enough that a chunk's text is an ordinary V8 heap object. Past 128 KiB (V8's largest regular
 * object) every chunk string is a separately mapped large object that lingers until a full GC:
 * streaming 500 MB as latin-1 strings peaked at 113 MB RSS in 1 MiB chunks, 76 MB in 512 KiB,
 * 55 MB in 64 KiB (and ran no slower). 64 KiB of UTF-16 text is still a regular object.
 */
const READ_CHUNK_BYTES = 64 * KiB;
/**
 * Bytes read from disk per awaited read, then decoded READ_CHUNK_BYTES at a time. Each read is a
 * trip through libuv's thread pool; 64 KiB reads of a 100 MB report were 1,600 of them and
 * ~10% of its reading time.
 */
const READ_BLOCK_BYTES = 1024 * KiB;
/**
 * A copy of `s` that does not share memory with the string it was sliced from. V8 represents
 * `big.slice(a, b)` as a view that keeps all of `big` alive; concatenating and slicing forces a
 * flat copy, so a kept 4 KiB message does not pin the 50 MB text it came from.
 */
function detach(s) {
    return (" " + s).slice(1);
}
/** Index in `s` at or before `i` that does not split a UTF-16 surrogate pair. */
function safeCutEnd(s, i) {
    if (i <= 0 || i >= s.length)
        return Math.max(0, Math.min(i, s.length));
    const c = s.charCodeAt(i - 1);
    return c >= 0xd800 && c <= 0xdbff ? i - 1 : i;
}
/** Index in `s` at or after `i` that does not split a UTF-16 surrogate pair. */
function safeCutStart(s, i) {
    if (i <= 0 || i >= s.length)
        return Math.max(0, Math.min(i, s.length));
    const c = s.charCodeAt(i);
    return c >= 0xdc00 && c <= 0xdfff ? i + 1 : i;
}
/**
 * Text that keeps at most `max` characters: the first half and the last half of everything
 * appended, with a marker saying how much was cut in between. Memory stays O(max) whatever
 * is appended, and nothing appended is kept by reference.
 */
class CappedText {
    head = "";
    /** Set once text went to the tail, so later text never goes back to the head. */
    headFull = false;
    tail = [];
    tailLength = 0;
    total = 0;
    max;
    headMax;
    constructor(max) {
        this.max = max;
        this.headMax = Math.ceil(max / 2);
    }
    /** What the tail may keep: the rest of the cap (the head can end one short of headMax). */
    get tailMax() {
        return this.max - this.head.length;
    }
    get length() {
        return this.total;
    }
    append(piece) {
        if (piece.length === 0)
            return;
        this.total += piece.length;
        let s = piece;
        if (!this.headFull) {
            const room = this.headMax - this.head.length;
            if (s.length <= room) {
                this.head += detach(s);
                return;
            }
            const cut = safeCutEnd(s, room);
            this.head += detach(s.slice(0, cut));
            this.headFull = true;
            s = s.slice(cut);
        }
        if (s.length >= this.tailMax) {
            this.tail = [detach(s.slice(safeCutStart(s, s.length - this.tailMax)))];
            this.tailLength = this.tail[0]?.length ?? 0;
            return;
        }
        this.appendTail(s);
    }
    /** Adds a piece shorter than the tail keeps to the tail. */
    appendTail(s) {
        this.tail.push(detach(s));
        this.tailLength += s.length;
        // Compact only when the tail doubles, so appending many small pieces stays linear.
        if (this.tailLength > 2 * this.tailMax) {
            const joined = this.tail.join("");
            const kept = detach(joined.slice(safeCutStart(joined, joined.length - this.tailMax)));
            this.tail = [kept];
            this.tailLength = kept.length;
        }
    }
    /**
     * Whether appending this many characters would keep little of them: then appendEnds, which
     * asks only for the ends it keeps, spares decoding the rest.
     */
    keepsLittleOf(length) {
        return length > 2 * this.max;
    }
    /**
     * append() for a text given by its length and its ends: keeps exactly what append(text) keeps,
     * asking only for the characters it keeps.
     */
    appendEnds(text) {
        const length = text.length;
        if (length === 0)
            return;
        this.total += length;
        let rest = length;
        if (!this.headFull) {
            const room = this.headMax - this.head.length;
            if (length <= room) {
                this.head += detach(text.head(length));
                return;
            }
            // As safeCutEnd(text, room): not between the halves of a surrogate pair.
            let h = room > 0 ? text.head(room) : "";
            const c = h.charCodeAt(room - 1);
            if (c >= 0xd800 && c <= 0xdbff)
                h = h.slice(0, room - 1);
            this.head += detach(h);
            this.headFull = true;
            rest = length - h.length;
        }
        if (rest >= this.tailMax) {
            let t = text.tail(this.tailMax);
            // As safeCutStart(rest, rest.length - tailMax), which cuts nothing when that is 0.
            const c = t.charCodeAt(0);
            if (rest > this.tailMax && c >= 0xdc00 && c <= 0xdfff)
                t = t.slice(1);
            this.tail = [detach(t)];
            this.tailLength = t.length;
            return;
        }
        this.appendTail(text.tail(rest));
    }
    toString() {
        let tail = this.tail.join("");
        if (tail.length > this.tailMax)
            tail = tail.slice(safeCutStart(tail, tail.length - this.tailMax));
        const cut = this.total - this.head.length - tail.length;
        if (cut <= 0)
            return this.head + tail;
        return `${this.head}\n[... ${cut} characters cut ...]\n${tail}`;
    }
}
/**
 * A first line that only names the exception (`AssertionError:`, as numpy's assert_allclose
 * and MXNet's almost-equal checks begin their messages): alone it says nothing of the failure.
 */
const BARE_EXCEPTION = /^[A-Za-z_][\w.]*:$/;
/** Lines a bare exception line takes after it, while each ends in a colon ("Items are not equal:"). */
const MAX_JOINED_LINES = 3;
/**
 * A first line that only says where (googletest's `tests.cc:54`, `unknown file` for an exception
 * it caught): what failed is on the lines after it. A path has a dot or a slash (`status:404`,
 * `12:30` are not places).
 */
const BARE_LOCATION = /^(?:[^\s:]{0,500}[./][^\s:]{0,500}:\d{1,9}|unknown file)$/;
/**
 * The first non-empty line of `s`, trimmed and capped at `max` characters, as a detached copy:
 * the one-line message. When that line only names the exception (`AssertionError:`), the next
 * non-empty line is joined to it, and the one after while the joined text ends in a colon:
 * "AssertionError: Not equal to tolerance rtol=1e-07, atol=0". A first line that only says where
 * (BARE_LOCATION) gives way to the next, and is the message only when nothing follows it. Scans
 * line by line, so a 50 MB single-line message costs one pass and a 4 KiB copy.
 */
function limits_firstLine(s, max) {
    let start = 0;
    let head = "";
    let joined = 0;
    let where;
    while (start < s.length) {
        let end = s.indexOf("\n", start);
        if (end < 0)
            end = s.length;
        // Look at no more than max (plus slack for leading blanks) of a line.
        const line = s.slice(start, Math.min(end, start + max + 256)).trim();
        start = end + 1;
        if (line.length === 0)
            continue;
        if (head === "" && where === undefined && BARE_LOCATION.test(line)) {
            where = line;
            continue;
        }
        const text = head === "" ? line : `${head} ${line}`;
        if (text.length < max && (head === "" ? BARE_EXCEPTION.test(text) : text.endsWith(":")) && joined < MAX_JOINED_LINES) {
            head = text;
            joined++;
            continue;
        }
        return detach(text.length > max ? text.slice(0, safeCutEnd(text, max)) : text);
    }
    return head !== "" ? detach(head) : where !== undefined ? detach(where) : undefined;
}

;// CONCATENATED MODULE: ./src/reports/console-runs.ts


function emptyCounts() {
    return { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
}
function bucket(outcome) {
    return outcome === "errored" ? "errored" : outcome;
}
/** Counts implied by a run's records alone (when its tail line is missing). */
function countRecords(records) {
    const c = emptyCounts();
    for (const r of records) {
        c[bucket(r.outcome)]++;
        c.tests++;
    }
    return c;
}
function capped(text, max) {
    if (text.length <= max)
        return text;
    const t = new CappedText(max);
    t.append(text);
    return t.toString();
}
function attemptOf(r) {
    if (r.outcome === "skipped")
        return null;
    return r.message === undefined ? { outcome: r.outcome } : { outcome: r.outcome, message: r.message };
}
function isFailing(r) {
    return r.outcome === "failed" || r.outcome === "errored";
}
/**
 * Folds the runs of one log into its tests: the last outcome of each id wins, earlier outcomes
 * become prior attempts, and the evidence (details, output, file, line) of the last failing
 * attempt is kept, because that is where the seed to reproduce it was printed. Only failing
 * tests and passing tests with failed prior attempts are returned, in first-seen order.
 */
function mergeRuns(runs, path, warnings, origin) {
    const byId = new Map();
    const counts = emptyCounts();
    const unmatched = new Map();
    for (const run of runs) {
        const c = run.counts ?? countRecords(run.records);
        for (const k of Object.keys(counts))
            counts[k] += c[k];
        for (const r of run.records) {
            const prev = byId.get(r.id);
            if (prev === undefined) {
                byId.set(r.id, r);
                // An earlier run that crashed counted a failure of this file from a mark alone: this
                // test, run again, may be it (a CI job that reruns the failures). Count it once.
                const u = unmatched.get(nodeIdFile(r.id));
                const was = u === undefined ? null : u.failed > 0 ? "failed" : u.errored > 0 ? "errored" : null;
                if (u !== undefined && was !== null && counts[was] > 0 && counts.tests > 0) {
                    u[was]--;
                    counts[was]--;
                    counts.tests--;
                }
                continue;
            }
            // The same test ran again: count it once, with its latest outcome.
            const b = bucket(prev.outcome);
            if (counts[b] > 0 && counts.tests > 0) {
                counts[b]--;
                counts.tests--;
            }
            const attempts = [...(prev.priorAttempts ?? [])];
            const a = attemptOf(prev);
            if (a !== null)
                attempts.push(a);
            attempts.push(...(r.priorAttempts ?? []));
            const evidence = isFailing(r) ? r : prev;
            const merged = {
                ...evidence,
                id: r.id,
                outcome: r.outcome,
                index: prev.index,
                priorAttempts: attempts.slice(-MAX_PRIOR_ATTEMPTS),
            };
            if (attempts.length > MAX_PRIOR_ATTEMPTS) {
                warnings.push(`${path}: ${r.id} ran ${attempts.length + 1} times; kept the last ${MAX_PRIOR_ATTEMPTS} prior attempts`);
            }
            byId.set(r.id, merged);
        }
        // This run's mark-only failures, for the runs after it.
        for (const [file, u] of run.unmatched ?? []) {
            const all = unmatched.get(file) ?? { failed: 0, errored: 0 };
            all.failed += u.failed;
            all.errored += u.errored;
            unmatched.set(file, all);
        }
    }
    if (runs.length > 1) {
        warnings.push(`${path}: the log holds ${runs.length} test runs; kept the last outcome of each test, earlier ones as prior attempts`);
    }
    const tests = [];
    for (const r of [...byId.values()].sort((a, b) => a.index - b.index)) {
        const hasFailedAttempt = (r.priorAttempts ?? []).some((a) => a.outcome !== "passed");
        if (!isFailing(r) && !(r.outcome === "passed" && hasFailedAttempt))
            continue;
        tests.push(toTestCase(r, path, origin));
    }
    return { tests, counts };
}
/** A reader's line number (1-based, in the normalised text) as a line of the file as given. */
function originalLine(n, origin) {
    if (n <= 0 || origin === undefined)
        return n;
    return origin[n - 1] ?? n;
}
/** The log lines of a kept field, or undefined when they no longer match its lines (capped). */
function fieldLines(kept, lines, origin) {
    if (lines === undefined)
        return undefined;
    let count = 1;
    for (let i = kept.indexOf("\n"); i !== -1; i = kept.indexOf("\n", i + 1))
        count++;
    if (count !== lines.length)
        return undefined;
    return lines.map((n) => originalLine(n, origin));
}
function toTestCase(r, path, origin) {
    const logLine = r.logLine === undefined ? undefined : originalLine(r.logLine, origin);
    const source = logLine === undefined ? { file: path } : { file: path, line: logLine };
    const t = {
        id: r.id,
        classname: r.classname,
        name: r.name,
        outcome: r.outcome,
        sources: [source],
        index: r.index,
    };
    if (r.file !== undefined)
        t.file = r.file;
    if (r.line !== undefined)
        t.line = r.line;
    if (r.message !== undefined) {
        const m = limits_firstLine(r.message, MAX_MESSAGE_CHARS);
        if (m !== undefined)
            t.message = m;
    }
    const logLines = { file: path };
    if (r.details !== undefined && r.details.length > 0) {
        t.details = capped(r.details, MAX_DETAILS_CHARS);
        const at = t.details === r.details ? fieldLines(t.details, r.detailsLines, origin) : undefined;
        if (at !== undefined)
            logLines.details = at;
    }
    if (r.output !== undefined && r.output.length > 0) {
        t.output = capped(r.output, MAX_OUTPUT_CHARS);
        const at = t.output === r.output ? fieldLines(t.output, r.outputLines, origin) : undefined;
        if (at !== undefined)
            logLines.output = at;
    }
    if (logLines.details !== undefined || logLines.output !== undefined)
        t.logLines = logLines;
    if (r.priorAttempts !== undefined && r.priorAttempts.length > 0)
        t.priorAttempts = r.priorAttempts;
    if (r.reportContext !== undefined)
        t.reportContext = r.reportContext;
    return t;
}
/** Keeps at most MAX_WARNINGS_PER_FILE warnings, saying how many were dropped. */
function capWarnings(warnings, path) {
    if (warnings.length <= MAX_WARNINGS_PER_FILE)
        return warnings;
    const kept = warnings.slice(0, MAX_WARNINGS_PER_FILE - 1);
    kept.push(`${path}: ${warnings.length - kept.length} more warnings not shown`);
    return kept;
}
/**
 * A pasted excerpt that stops without a final newline may have been cut inside its last word.
 * When that last line ends in a digit it is dropped (a seed `578250488` cut to `5782` is a
 * different, wrong seed), and a warning quotes it so a person can still read it.
 */
function dropCutTail(lines, text, path, warnings) {
    if (text.length === 0 || text.endsWith("\n"))
        return lines;
    const last = lines[lines.length - 1] ?? "";
    if (!/[A-Za-z0-9_]$/.test(last))
        return lines;
    const quoted = last.length > 60 ? `…${last.slice(-60)}` : last;
    if (/\d$/.test(last)) {
        warnings.push(`${path}: the text ends mid-line with a number ("${quoted}"), so it looks cut; that last line was not used`);
        return lines.slice(0, -1);
    }
    warnings.push(`${path}: the text ends mid-line ("${quoted}"); the excerpt may be cut at the end`);
    return lines;
}
/** True when `printed` (a path as a traceback shows it) names `file` (a relative path). */
function samePath(printed, file) {
    const a = printed.replace(/\\/g, "/");
    const b = file.replace(/\\/g, "/").replace(/^\.\//, "");
    return a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`);
}
/** `a` + separator + `b`, keeping the line map (the separator's blank lines map to 0). */
function appendLocated(a, b, blankLines) {
    if (a === undefined || a.text.length === 0)
        return b;
    if (b.text.length === 0)
        return a;
    return { text: a.text + "\n".repeat(blankLines + 1) + b.text, at: [...a.at, ...new Array(blankLines).fill(0), ...b.at] };
}

;// CONCATENATED MODULE: ./src/reports/gtest-log.ts



const RUN_HEADER = /^\[==========\] Running (\d+) tests? from \d+ test (?:suites?|cases?)\.\s*$/;
const REPEAT = /^Repeating all tests \(iteration \d+\) \. \. \.\s*$/;
const TAIL = /^\[==========\] (\d+) tests? from \d+ test (?:suites?|cases?) ran\./;
const SUITE = /^\[----------\] \d+ tests? from (\S+?)(?:, where TypeParam = .*)?\s*$/;
const RUN = /^\[ RUN {6}\] (\S+)\s*$/;
/** A result line: `[  FAILED  ] Typed/0.Sum, where TypeParam = float (0 ms)`; the summary's repeat of it has no time. */
const RESULT = /^\[ {2}(FAILED|SKIPPED) {1,2}\] (\S+?)(?:, where ((?:TypeParam|GetParam\(\)) = .*))? \(\d+ ms\)\s*$|^\[ {7}OK \] (\S+) \(\d+ ms\)\s*$/;
const SUITE_FAILED = /^\[ {2}FAILED {2}\] (\S+): SetUp(?:TestSuite|TestCase) or TearDown(?:TestSuite|TestCase)\s*$/;
/** googletest's failure heading: `path/x.cc:42: Failure`, `unknown file: Failure`. */
const FAILURE = /^(?:\S.*:\d+|unknown file): Failure\s*$/;
/** A bracketed googletest line: the end of the free text a test or set-up printed. */
const BRACKETED = /^\[(?:==========|----------| RUN {6}| {7}OK |  FAILED  |  SKIPPED | {2}PASSED {2})\]/;
/** CTest's line for a test it ran, before that test's output (`--output-on-failure`). */
const CTEST_STATUS = /^ *\d+\/\d+ Test +#\d+: (\S+) [^\n]*?(\*\*\*Timeout|\*\*\*Exception:[^\n]*?|\*\*\*Failed|\*\*\*Skipped|Passed)\s+[\d.]+ sec\s*$/;
/** CTest's line as it starts a test, and the summary after its last. */
const CTEST_START = /^ *Start +\d+: \S|^\d+% tests passed, \d+ tests? failed out of \d+/;
/** Lines the run's seed may be on (`Note: Randomizing tests' orders with a seed of 23 .`). */
const SEED_WORD = /seed/i;
/** Lines of free text kept for one test; the head and the tail of a longer text. */
const MAX_TEST_LINES = 400;
/** Whether a text is googletest console output (detect.ts asks). */
const GTEST_MARKERS = [/^\[==========\] Running \d+ tests? from \d+ test (?:suites?|cases?)\./m, /^\[ RUN {6}\] \S+\s*$/m];
function parseGtestLog(raw, path) {
    const { text, origin } = normaliseCiLog(raw);
    const warnings = [];
    const lines = dropCutTail(text.split("\n"), text, path, warnings);
    const runs = [];
    let run = null;
    let expected = null;
    let resulted = 0;
    let index = 0;
    let open = null;
    let suite = null;
    /** Failure text printed outside any test of the current suite (its set-up or tear-down). */
    let outside = null;
    let context = [];
    /** CTest's verdict on the process whose output follows (timeout, signal). */
    let ctest = null;
    let ctestRun = null;
    const record = (r, into) => {
        const target = into ?? run ?? (run = newRun());
        const dot = r.id.indexOf(".");
        const full = { classname: dot > 0 ? r.id.slice(0, dot) : "", name: dot > 0 ? r.id.slice(dot + 1) : r.id, index: index++, ...r };
        if (context.length > 0 && into === undefined)
            full.reportContext = detach(context.join("\n"));
        target.records.push(full);
    };
    const newRun = () => {
        const r = { records: [], counts: null };
        runs.push(r);
        return r;
    };
    const details = (o, dropped = 0) => {
        const kept = dropped > 0 ? [...o.lines.slice(0, MAX_TEST_LINES / 2), `[... ${dropped} lines cut ...]`, ...o.lines.slice(MAX_TEST_LINES / 2)] : o.lines;
        return detach(kept.join("\n").replace(/\s+$/, ""));
    };
    const died = (why) => {
        if (open === null)
            return;
        const last = open.lines.map((l) => l.trim()).filter((l) => l !== "").at(-1);
        const said = last !== undefined ? ` (its last line: ${last.slice(0, 300)})` : "";
        const how = ctest !== null && ctest.status.startsWith("***Timeout")
            ? `CTest stopped it at its TIMEOUT (${ctest.status})`
            : ctest !== null && ctest.status.startsWith("***Exception")
                ? `its process crashed (CTest: ${ctest.status.trim()})`
                : "the test binary died or was stopped (a crash, an abort, or a kill such as a timeout)";
        const message = `${open.id} started and printed no result${said}: ${how}`;
        const d = details(open, open.dropped);
        record({ id: open.id, outcome: "failed", message, details: d === "" ? message : `${d}\n${message}`, logLine: open.logLine });
        warnings.push(`${path}: ${open.id} started and printed no result (${why})${expected !== null && expected > resulted + 1 ? `; ${expected - resulted - 1} more tests of that run never ran` : ""}`);
        open = null;
    };
    const closeOutside = () => {
        if (outside === null || suite === null) {
            outside = null;
            return;
        }
        const d = details(outside);
        // FAIL() prints a bare "Failed" before its message.
        const said = (failureText(outside.lines) ?? "").split("\n").map((l) => l.trim()).filter((l) => l !== "" && l !== "Failed").join(" ");
        record({
            id: `${suite}.*`,
            outcome: "failed",
            message: `${suite}: its SetUpTestSuite or TearDownTestSuite failed${said !== "" ? `: ${said.slice(0, 500)}` : ""}`,
            details: d,
            logLine: outside.logLine,
        });
        outside = null;
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const at = i + 1;
        if (RUN_HEADER.test(line) || REPEAT.test(line)) {
            died("its run's output ends there");
            closeOutside();
            run = newRun();
            const m = RUN_HEADER.exec(line);
            expected = m !== null ? Number(m[1]) : null;
            resulted = 0;
            suite = null;
            // What the run printed before its first test (the shuffle seed's note) stays its own.
            context = lines
                .slice(Math.max(0, i - 5), i)
                .filter((l) => SEED_WORD.test(l) && !BRACKETED.test(l))
                .map((l) => l.trim());
            continue;
        }
        if (CTEST_START.test(line)) {
            died("CTest went on to the next test");
            closeOutside();
            continue;
        }
        const status = CTEST_STATUS.exec(line);
        if (status !== null) {
            died("CTest went on to the next test");
            closeOutside();
            ctest = { name: status[1], status: status[2] };
            // A test that passed or was skipped prints nothing more under --output-on-failure: its
            // line is its result, in a run of CTest's own (a process's run has its tail's counts).
            if (status[2] === "Passed" || status[2] === "***Skipped") {
                ctestRun ??= newRun();
                record({ id: status[1], outcome: status[2] === "Passed" ? "passed" : "skipped" }, ctestRun);
            }
            continue;
        }
        if (open !== null) {
            const result = RESULT.exec(line);
            const id = result === null ? undefined : (result[2] ?? result[4]);
            if (result !== null && id === open.id) {
                resulted++;
                const kind = result[1];
                if (kind === undefined)
                    record({ id, outcome: "passed" });
                else if (kind === "SKIPPED")
                    record({ id, outcome: "skipped" });
                else {
                    const where = result[3] !== undefined ? `\nwhere ${result[3]}` : "";
                    const d = details(open, open.dropped) + where;
                    const failure = failureText(open.lines);
                    record({ id, outcome: "failed", message: failure ?? `${id} failed`, details: d, logLine: open.logLine });
                }
                open = null;
                continue;
            }
            if (RUN.test(line) || TAIL.test(line))
                died("the next line is googletest's, not its result");
            else {
                if (open.lines.length < MAX_TEST_LINES)
                    open.lines.push(line);
                else {
                    open.lines.splice(MAX_TEST_LINES / 2, 1);
                    open.lines.push(line);
                    open.dropped++;
                }
                continue;
            }
        }
        const started = RUN.exec(line);
        if (started !== null) {
            closeOutside();
            open = { id: started[1], lines: [], dropped: 0, logLine: at };
            continue;
        }
        const s = SUITE.exec(line);
        if (s !== null && !/ms total\)\s*$/.test(line)) {
            closeOutside();
            suite = s[1];
            continue;
        }
        if (/^\[----------\] /.test(line)) {
            // The suite's closing line: a tear-down failure was printed before it.
            closeOutside();
            continue;
        }
        const t = TAIL.exec(line);
        if (t !== null && run !== null) {
            closeOutside();
            run.counts = tallied(run, Number(t[1]));
            continue;
        }
        if (SUITE_FAILED.test(line) || BRACKETED.test(line))
            continue;
        if (FAILURE.test(line.trim()) && suite !== null) {
            if (outside === null)
                outside = { lines: [], logLine: at };
        }
        if (outside !== null && outside.lines.length < MAX_TEST_LINES)
            outside.lines.push(line);
    }
    died("the log ends there");
    closeOutside();
    const merged = mergeRuns(repeats(runs) ? runs : [oneRun(runs)], path, warnings, origin);
    return { path, kind: "gtest-log", tests: merged.tests, counts: runs.length === 0 ? emptyCounts() : merged.counts, warnings: capWarnings(warnings, path) };
}
/** Whether some test ran in more than one run (`--gtest_repeat`, a job that reran its binary). */
function repeats(runs) {
    const seen = new Set();
    for (const run of runs) {
        const own = new Set(run.records.map((r) => r.id));
        for (const id of own) {
            if (seen.has(id))
                return true;
        }
        for (const id of own)
            seen.add(id);
    }
    return false;
}
/** Runs of different tests (CTest's process per test) as the one run they make up. */
function oneRun(runs) {
    const counts = emptyCounts();
    for (const run of runs) {
        const c = run.counts ?? tallied({ records: run.records, counts: null }, 0);
        for (const k of Object.keys(counts))
            counts[k] += c[k];
    }
    return { records: runs.flatMap((r) => r.records), counts };
}
/**
 * A run's counts from its records, once its tail says how many tests ran: the records are every
 * result it printed, a suite's set-up failure is one more failing test.
 */
function tallied(run, ran) {
    const c = emptyCounts();
    let suites = 0;
    for (const r of run.records) {
        c.tests++;
        c[r.outcome === "errored" ? "errored" : r.outcome]++;
        if (r.id.endsWith(".*"))
            suites++;
    }
    // Tests the tail counts that printed no line we read (a log with lines cut out of it) passed.
    const missing = ran - (c.tests - suites);
    if (missing > 0) {
        c.tests += missing;
        c.passed += missing;
    }
    return c;
}
/**
 * What failed, in googletest's words: the lines after each `file:line: Failure` heading, up to
 * the next heading or googletest line, the first failure first. Shared with the CTest dialect,
 * whose reports hold the same output.
 */
function failureText(lines) {
    const start = lines.findIndex((l) => FAILURE.test(l.trim()));
    if (start < 0)
        return undefined;
    const block = [];
    for (let i = start + 1; i < lines.length && block.length < 12; i++) {
        const l = lines[i];
        if (FAILURE.test(l.trim()) || BRACKETED.test(l))
            break;
        block.push(l);
    }
    const text = block.join("\n").trim();
    return text === "" ? undefined : detach(text);
}

;// CONCATENATED MODULE: ./src/reports/dialects/locate.ts
/**
 * Where a failure happened, in each runner's words: the frames and `file:line` forms its
 * failure text uses. Each finder returns the places it saw, in the order printed; the dialect
 * picks which one is the test's own (see dialects.ts).
 */
/** Bounded repetitions: failure texts are untrusted and can be one 1 MiB line. */
const PATH = String.raw `[^\s()"'<>|]{1,500}`;
function collect(text, pattern) {
    const out = [];
    for (const m of text.matchAll(pattern)) {
        const path = m[1];
        const line = Number(m[2]);
        if (path === undefined || path === "")
            continue;
        out.push(Number.isSafeInteger(line) && line >= 1 ? { path, line } : { path });
    }
    return out;
}
/** JVM frames: `at pkg.Class.method(File.java:42)`, with the class that printed the frame. */
function jvmFrames(text) {
    const out = [];
    // Kotlin allows spaces in method names (`fun \`test scale\`()`), so the method part may hold them.
    const pattern = /\bat ([\w$.]{1,500})\.[^.(\n]{1,300}\(([\w$]{1,200}\.(?:java|kt|scala|groovy)):(\d{1,9})\)/g;
    for (const m of text.matchAll(pattern)) {
        out.push({ frameClass: m[1] ?? "", path: m[2] ?? "", line: Number(m[3]) });
    }
    return out;
}
/** V8 stack frames (jest, mocha, node): `at fn (path:12:5)` and `at path:12:5`. */
function jsFrames(text) {
    return collect(text, new RegExp(String.raw `\bat (?:[^\n()]{1,300} \()?(?:file://)?(${PATH}\.[cm]?[jt]sx?):(\d{1,9}):\d{1,9}\)?`, "g"));
}
/** vitest's frames: ` ❯ a.test.ts:4:43` (and `❯ fn a.test.ts:4:43` inside helpers). */
function vitestFrames(text) {
    return collect(text, new RegExp(String.raw `❯ (?:[^\s]{1,300} )?(${PATH}\.[cm]?[jt]sx?):(\d{1,9}):\d{1,9}`, "g"));
}
/** Go's testing log lines: `    file_test.go:42: message`. */
function goLines(text) {
    return collect(text, /^[ \t]*([\w.-]{1,200}\.go):(\d{1,9}): /gm);
}
/**
 * The test files' frames of Go's goroutine stacks (a panic, the race detector, go's timeout
 * panic): `\t/home/ci/mod/svc/svc_test.go:9 +0x2e`, innermost first.
 */
function goStackFrames(text) {
    return collect(text, new RegExp(String.raw `^[ \t]+(${PATH}_test\.go):(\d{1,9})(?: \+0x[0-9a-f]{1,16})?[ \t]*$`, "gm"));
}
/** Compiler-style `path:line` at the start of a line: googletest, Swift (`path:42: error:`). */
function leadingFileLine(text, extensions) {
    return collect(text, new RegExp(String.raw `^[ \t]*(${PATH}\.(?:${extensions})):(\d{1,9})\b`, "gm"));
}
/** Catch2: `at /path/x.cpp:19`. */
function catch2Places(text) {
    return collect(text, new RegExp(String.raw `\bat (${PATH}\.\w{1,10}):(\d{1,9})\s*$`, "gm"));
}
/** Rust panics: `panicked at tests/x.rs:154:5:` (older: `panicked at 'msg', tests/x.rs:154:5`). */
function rustPanics(text) {
    return collect(text, new RegExp(String.raw `panicked at (?:'[^\n]{0,500}', )?(${PATH}\.rs):(\d{1,9}):\d{1,9}`, "g"));
}
/** PHPUnit prints the failing frame as a bare `/path/FooTest.php:42` line. */
function phpPlaces(text) {
    return collect(text, new RegExp(String.raw `^[ \t]*(${PATH}\.php):(\d{1,9})\s*$`, "gm"));
}
/**
 * Ruby backtrace lines: `./spec/x_spec.rb:20:in \`block ...'` (Ruby 3.4 quotes with '), at the
 * start of a line, after rspec's console "# " or Ruby's "from ". Anchored: a path pattern tried
 * at every position of a long line is quadratic.
 */
function rubyFrames(text) {
    return collect(text, new RegExp(String.raw `^[ \t]*(?:# |from )?(${PATH}\.rb):(\d{1,9}):in [\`']`, "gm"));
}
/** minitest's failure header: `StatsTest#test_x [test/x_test.rb:29]:` (reporters: `test_x(Class) [...]:`). */
function minitestPlaces(text) {
    return collect(text, new RegExp(String.raw `^\S{1,500} \[(${PATH}\.rb):(\d{1,9})\]:?[ \t]*$`, "gm"));
}
/** CUnit (through its JUnit converters): `File: /x/test.cpp` then `Line: 77`. */
function cunitPlaces(text) {
    return collect(text, /^[ \t]*File: ([^\n]{1,500}?)\s*\n[ \t]*Line: (\d{1,9})/gm);
}
/** .NET stack frames: `at Ns.Class.Method() in /path/File.cs:line 42`. */
function dotnetFrames(text) {
    return collect(text, new RegExp(String.raw ` in (${PATH}\.(?:cs|fs|vb)):line (\d{1,9})`, "g"));
}

;// CONCATENATED MODULE: ./src/reports/dialects/dialects.ts


const JS_TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$|(?:^|[\\/])__tests__[\\/].+\.[cm]?[jt]sx?$/;
const JVM_CLASS = /^(?:[a-z_][\w$]*\.)+[A-Z][\w$]*$/;
const GO_PACKAGE = /^[\w.-]+(?:\/[\w.~-]+)*$/;
const GO_TEST = /^(?:Test|Benchmark|Example|Fuzz)[^\s/]*(?:\/\S+)?$/;
const DOTNET_NAME = /^(?:[A-Za-z_]\w*\.)+[A-Za-z_]\w*(?:\(.*\))?$/;
const dialects_text = (t) => `${t.message ?? ""}\n${t.details ?? ""}`;
/** JUnit 5 under Gradle names methods `m()`; Maven's -Dtest wants `m`. */
function javaMethod(name) {
    return name.endsWith("()") ? name.slice(0, -2) : name;
}
/** The test's own frame: the deepest one printed by its class (or a nested/inner class of it). */
function javaPlaces(t) {
    const frames = jvmFrames(dialects_text(t)).filter((f) => f.frameClass === t.classname || f.frameClass.startsWith(`${t.classname}$`));
    const own = frames[0];
    if (own === undefined)
        return [];
    // Stack frames give a bare file name; the source tree puts it under the package directory.
    const pkg = t.classname.includes(".") ? t.classname.slice(0, t.classname.lastIndexOf(".")).replace(/\./g, "/") : "";
    const rel = pkg === "" ? own.path : `${pkg}/${own.path}`;
    const ext = own.path.slice(own.path.lastIndexOf(".") + 1);
    const lang = ext === "kt" ? "kotlin" : ext;
    const roots = [...new Set([`src/test/${lang}`, "src/test/java", `src/integrationTest/${lang}`, `src/it/${lang}`, `src/main/${lang}`, "src", "test", ""])];
    const module = moduleOf(t.sources[0]?.file ?? "");
    const places = [];
    for (const prefix of module === "" ? [""] : [module, ""]) {
        for (const root of roots)
            places.push({ path: [prefix, root, rel].filter((p) => p !== "").join("/"), line: own.line ?? 0 });
    }
    return places.map((p) => (p.line === 0 ? { path: p.path, guess: true } : { ...p, guess: true }));
}
/** `.../module/target/surefire-reports/TEST-x.xml` -> `.../module` (Gradle: build/test-results). */
function moduleOf(reportPath) {
    const m = /^(.*?)(?:^|[\\/])(?:target[\\/](?:surefire|failsafe)-reports|build[\\/]test-results)[\\/]/.exec(reportPath);
    return m?.[1] ?? "";
}
/** The JS test file of a jest/mocha failure: the first frame outside node_modules. */
function jsOwnPlaces(t) {
    return jsFrames(dialects_text(t)).filter((p) => !/node_modules|^node:|^internal[\\/]/.test(p.path));
}
/** jest-junit's suite name or `file` attribute, when it is the test file. */
function jestFile(t) {
    if (t.file !== undefined && t.file !== "")
        return t.file;
    return jsOwnPlaces(t).find((p) => JS_TEST_FILE.test(p.path))?.path;
}
/**
 * jest-junit's name parts. Its default templates write "{classname} {title}" into both
 * attributes (describe titles joined by spaces, then the test); configured ones often write
 * the describe chain (joined by " › ") as classname and the title as name.
 */
function jestNameParts(t) {
    // jest-junit's default templates are "{classname} {title}": a test outside any describe block
    // has an empty classname, so its name starts with the one space that joined nothing to it.
    const name = t.name.startsWith(" ") && !t.name.startsWith("  ") ? t.name.slice(1) : t.name;
    const cls = t.classname.trim();
    if (cls === "" || cls === name || name.startsWith(`${cls} `))
        return [name];
    return [...cls.split(/ › | > /), name];
}
/**
 * What failed, from a CTest test's output: googletest's failure (`file:line: Failure` and the
 * lines after it, as its own XML's message holds them), else the test that started and never
 * finished (CTest's JUnit does not say whether it crashed or timed out), else the output's last
 * line.
 */
function ctestMessage(output) {
    const lines = output.split("\n", 2000);
    const failure = failureText(lines);
    if (failure !== undefined)
        return failure;
    const printed = lines.map((l) => l.trim()).filter((l) => l !== "");
    const last = printed.at(-1);
    const started = /^\[ RUN {6}\] (\S+)$/.exec(printed.findLast((l) => /^\[ (?:RUN {6}| {7}OK|FAILED|SKIPPED)/.test(l)) ?? "");
    if (started !== null) {
        // Its last words say how it died when anything does (an assert's "Assertion `x' failed.").
        const said = last !== undefined && last !== started[0] ? ` (its last line: ${last.slice(0, 300)})` : "";
        return `${started[1]} started and printed no result${said}: the test process died or was stopped (a crash, an abort or CTest's TIMEOUT; its JUnit does not say which)`;
    }
    return last?.slice(0, 500);
}
const DIALECTS = [
    {
        name: "vitest",
        runner: "vitest",
        head: /<testsuites name="vitest tests"/,
        oneTestcasePerTest: true,
        // vitest's junit reporter: classname is the file, name the describe chain joined by " > ".
        score: (t) => (JS_TEST_FILE.test(t.classname) ? (vitestFrames(dialects_text(t)).length > 0 ? 2 : 1) : 0),
        id: (t) => `${t.classname} > ${t.name}`,
        locate: (t) => {
            const own = vitestFrames(dialects_text(t)).filter((p) => p.path === t.classname || t.classname.endsWith(`/${p.path}`));
            return [...own, { path: t.classname }];
        },
    },
    {
        name: "jest-junit",
        runner: "jest",
        head: /<testsuites name="jest tests"/,
        oneTestcasePerTest: true,
        score: (t) => {
            const frames = dialects_text(t);
            if (/\bat Object\.<anonymous> \(|\bexpect\(received\)/.test(frames))
                return 2;
            return / › /.test(t.classname) || /\.[cm]?[jt]sx?$/.test(jestFile(t) ?? "") ? 1 : 0;
        },
        id: (t) => {
            const file = jestFile(t);
            const parts = jestNameParts(t);
            return [...(file !== undefined ? [file.replace(/\\/g, "/")] : []), ...parts].join(" > ");
        },
        locate: (t) => {
            const file = jestFile(t);
            const own = jsOwnPlaces(t);
            return file === undefined ? own : [...own.filter((p) => p.path === file || p.path.replace(/\\/g, "/").endsWith(file.replace(/\\/g, "/"))), { path: file }];
        },
    },
    {
        // @web/test-runner's junit reporter: suites named browser_launcher_file, a file attribute.
        name: "web-test-runner",
        runner: null,
        head: /<testsuite name="(?:Chrome|Chromium|Firefox|Webkit|WebKit|Safari)[^"]*_\//,
        score: () => 0,
        id: (t) => [t.file, t.classname, t.name].filter((p) => p !== undefined && p !== "").join(" > "),
        locate: jsOwnPlaces,
    },
    {
        name: "mocha",
        runner: null,
        head: /<testsuites name="Mocha Tests"|<testsuite name="Root Suite"/,
        oneTestcasePerTest: true,
        score: (t) => (/\bat Context\.<anonymous> \(/.test(dialects_text(t)) ? 2 : 0),
        // mocha-junit-reporter: name is the full title (what --grep matches), classname the test's own.
        id: (t) => t.name,
        locate: jsOwnPlaces,
    },
    {
        name: "go-junit-report",
        runner: "go",
        head: /<testsuite [^>]*\bid="\d+"[^>]*>\s*<properties>\s*<property name="go\.version"/,
        score: (t) => {
            if (!GO_TEST.test(t.name) || !GO_PACKAGE.test(t.classname) || t.classname.includes(".") && !t.classname.includes("/"))
                return 0;
            return goLines(dialects_text(t)).length > 0 || /^=== RUN|--- FAIL: /m.test(dialects_text(t)) ? 2 : 1;
        },
        id: (t) => `${t.classname}/${t.name}`,
        locate: (t) => goPlaces(t),
        message: goMessage,
    },
    {
        name: "gotestsum",
        runner: "go",
        // Both Go converters write go.version; go-junit-report (before this entry) also numbers its suites.
        head: /<property name="go\.version"/,
        score: () => 0,
        id: (t) => `${t.classname}/${t.name}`,
        locate: (t) => goPlaces(t),
        message: goMessage,
    },
    {
        name: "nextest",
        runner: null,
        head: /<testsuites name="nextest-run"/,
        score: (t) => (rustPanics(`${dialects_text(t)}\n${t.output ?? ""}`).length > 0 ? 2 : 0),
        locate: (t) => rustPanics(`${dialects_text(t)}\n${t.output ?? ""}`),
    },
    {
        name: "catch2",
        runner: null,
        score: (t) => (/^FAILED:\s*\n\s*(?:REQUIRE|CHECK)/m.test(t.details ?? "") ? 2 : 0),
        // Catch2 runs a test case by its name.
        id: (t) => t.name,
        locate: (t) => catch2Places(t.details ?? ""),
    },
    {
        name: "googletest",
        runner: null,
        head: /<testsuites [^>]*name="AllTests"/,
        score: (t) => /^[^\s:]{1,500}\.(?:cc|cpp|cxx|c\+\+|h|hpp):\d+\s*$/m.test(t.details ?? "") &&
            /\b(?:Expected|Value of|Which is|Failure|evaluates to)\b/.test(t.details ?? "")
            ? 2
            : 0,
        // --gtest_filter=Suite.Test.
        id: (t) => (t.classname !== "" ? `${t.classname}.${t.name}` : t.name),
        locate: (t) => leadingFileLine(t.details ?? "", String.raw `cc|cpp|cxx|c\+\+|c|h|hpp`),
    },
    {
        // CTest's --output-junit (CMake >= 3.21): one testcase per CTest test, named as CTest names
        // it (gtest_discover_tests: `Suite.Test`) in both attributes, the test's output as
        // system-out and an empty failure message.
        name: "ctest",
        runner: null,
        head: /<testsuite name="[^"]*"\s*\n\s*tests="\d+"\s*\n\s*failures="\d+"\s*\n\s*disabled="\d+"\s*\n\s*skipped="\d+"\s*\n\s*hostname="/,
        score: () => 0,
        // What `ctest -R '^NAME$'` selects.
        id: (t) => t.name,
        locate: (t) => leadingFileLine(t.output ?? "", String.raw `cc|cpp|cxx|c\+\+|c|h|hpp`),
        message: (t) => ctestMessage(t.output ?? ""),
    },
    {
        name: "phpunit",
        runner: null,
        head: /<testsuite [^>]*\bassertions="[^>]*\bfile="[^"]*\.php"|<testsuite [^>]*\bfile="[^"]*\.php"[^>]*\bassertions="/,
        score: (t) => (t.file?.endsWith(".php") === true || phpPlaces(t.details ?? "").length > 0 ? 2 : 0),
        locate: (t) => phpPlaces(t.details ?? "").filter((p) => t.file === undefined || p.path === t.file),
    },
    {
        name: "rspec",
        runner: null,
        // rspec_junit_formatter: "rspec" plus TEST_ENV_NUMBER under parallel_tests.
        head: /<testsuite name="rspec\d*"/,
        score: (t) => (/_spec\.rb$/.test(t.file ?? "") || rubyFrames(dialects_text(t)).some((p) => /_spec\.rb$/.test(p.path)) ? 2 : 0),
        // The full description: what `rspec FILE -e NAME` selects.
        id: (t) => t.name,
        locate: (t) => {
            const own = t.file === undefined ? "" : t.file.replace(/^\.\//, "");
            const frames = rubyFrames(dialects_text(t)).filter((p) => own !== "" && (p.path.replace(/^\.\//, "") === own || p.path.endsWith(`/${own}`)));
            return t.file === undefined ? rubyFrames(dialects_text(t)) : [...frames, { path: t.file }];
        },
    },
    {
        name: "minitest",
        runner: null,
        score: (t) => (minitestPlaces(t.details ?? "").length > 0 ? 2 : rubyFrames(dialects_text(t)).some((p) => /(?:^|\/)test_[^/]*\.rb$|_test\.rb$/.test(p.path)) ? 1 : 0),
        // `-n NAME` needs only the method. minitest-reporters before 1.1 writes Minitest::Result
        // (minitest 5.11's result class) as every test's class: it names no test class.
        id: (t) => (t.classname === "" || t.classname === "Minitest::Result" ? t.name : `${t.classname}#${t.name}`),
        locate: (t) => [...minitestPlaces(t.details ?? ""), ...rubyFrames(dialects_text(t))],
    },
    {
        name: "cunit",
        runner: null,
        score: (t) => (cunitPlaces(t.details ?? "").length > 0 ? 2 : 0),
        locate: (t) => cunitPlaces(t.details ?? ""),
    },
    {
        name: "xunit",
        runner: null,
        // xunit.net / NUnit results converted to JUnit: name repeats the class, frames say "in file:line N".
        score: (t) => (dotnetFrames(dialects_text(t)).length > 0 ? 2 : DOTNET_NAME.test(t.name) && t.name.startsWith(`${t.classname}.`) ? 1 : 0),
        locate: (t) => dotnetFrames(dialects_text(t)),
    },
    {
        name: "swift",
        runner: null,
        score: (t) => (leadingFileLine(dialects_text(t), "swift").length > 0 ? 2 : 0),
        locate: (t) => leadingFileLine(dialects_text(t), "swift"),
    },
    {
        name: "gradle",
        runner: null,
        score: (t, path) => (JVM_CLASS.test(t.classname) && /(?:^|[\\/])build[\\/]test-results[\\/]/.test(path) ? 3 : 0),
        id: (t) => `${t.classname}#${javaMethod(t.name)}`,
        locate: javaPlaces,
    },
    {
        name: "surefire",
        runner: null,
        head: /surefire-test-report|<testsuite [^>]*name="(?:[a-z_][\w$]*\.)+[A-Z]/,
        score: (t) => {
            if (!JVM_CLASS.test(t.classname) && !/^[A-Z][\w$]*$/.test(t.classname))
                return 0;
            return jvmFrames(dialects_text(t)).length > 0 ? 2 : /^[a-z_][\w$]*$/.test(t.name) && JVM_CLASS.test(t.classname) ? 1 : 0;
        },
        id: (t) => `${t.classname}#${javaMethod(t.name)}`,
        locate: javaPlaces,
    },
];
/** go's panic line, else the test's last log line (where it failed: see goPlaces). */
function goMessage(t) {
    const body = t.details ?? "";
    const panic = /^panic: [^\n]{1,500}/m.exec(body)?.[0];
    if (panic !== undefined)
        return panic.replace(/ \[recovered\]$/, "");
    const logged = [...body.matchAll(/^[ \t]*([\w.-]{1,200}\.go:\d{1,9}: [^\n]{1,500})/gm)].at(-1)?.[1];
    if (logged !== undefined)
        return logged.trim();
    // A TestMain that printed why it left, before go's own FAIL lines.
    const said = body.split("\n", 20).find((l) => l.trim() !== "" && !/^(?:=== |--- |FAIL\b|PASS\b|ok\b|exit status )/.test(l.trim()));
    return said?.trim().slice(0, 500);
}
function goPlaces(t) {
    // A failing go test's log lines all look alike (`file_test.go:N: text`, t.Logf's and
    // t.Errorf's); a seeded test logs its seed first and fails after, so the last line of its own
    // log is where it failed (the message is that line's text too) and goes first.
    const own = goLines(dialects_text(t));
    const last = own.at(-1);
    const ordered = last === undefined ? own : [last, ...own.slice(0, -1)];
    // The log names a bare file; the package path (a suffix of it is the directory in the module) goes first.
    const logged = [...ordered, ...goLines(t.output ?? "")].map((p) => ({ ...p, path: `${t.classname}/${p.path}`, guess: true }));
    // A panic or a race prints no log line of the test's: its stack names the test file, by the
    // path it had on the CI machine.
    const stacks = [...goStackFrames(dialects_text(t)), ...goStackFrames(t.output ?? "")].map((p) => ({ ...p, guess: true }));
    return [...logged, ...stacks];
}
/** Python tests are the pytest id mapping's business (reports/pytest-ids.ts), not a dialect's. */
function looksPython(t) {
    return t.file?.endsWith(".py") === true || /File "[^"\n]{1,1000}\.py", line \d|\.py:\d+: /.test(t.details ?? "");
}
/**
 * The report's dialect: its head decides when it names a runner; otherwise the failing tests
 * vote (each dialect's scores summed, the highest wins; ties go to the earlier entry). A
 * report without failing tests needs no dialect: ids and drivers only matter for those.
 */
function detectDialect(sample) {
    const byHead = sample.head !== undefined ? dialectOfHead(sample.head) : undefined;
    if (byHead !== undefined)
        return byHead;
    const tests = sample.tests.filter((t) => !looksPython(t));
    if (tests.length === 0)
        return null;
    let best = null;
    let bestScore = 0;
    for (const d of DIALECTS) {
        let score = 0;
        for (const t of tests)
            score += d.score(t, sample.path);
        if (score > bestScore) {
            best = d;
            bestScore = score;
        }
    }
    return best;
}
/** The dialect the report's head names, if any. */
function dialectOfHead(head) {
    // Comments first: example reports describe attributes of other dialects in them.
    const bare = head.replace(/<!--[\s\S]*?-->/g, "");
    return DIALECTS.find((d) => d.head?.test(bare) === true);
}
/**
 * Whether a repeated testcase id in a report with this head is another attempt of one test
 * (pytest-rerunfailures, gotestsum --rerun-fails, TestNG) rather than another test.
 */
function repeatsAreAttempts(head) {
    return dialectOfHead(head)?.oneTestcasePerTest !== true;
}
/**
 * Whether the reports of the runner `--runner` names write one testcase per test (jest,
 * vitest): then repeats are tests whatever the root element says (jest-junit's `suiteName`
 * and vitest's junit `suiteName` options rename it).
 */
function runnerWritesOneTestcasePerTest(runner) {
    return runner != null && DIALECTS.some((d) => d.runner === runner && d.oneTestcasePerTest === true);
}
function dialectNamed(name) {
    return DIALECTS.find((d) => d.name === name);
}

;// CONCATENATED MODULE: ./src/reports/dialects/index.ts

function viewOf(dialect, test) {
    const message = dialect.message?.(test);
    return {
        id: dialect.id?.(test) ?? test.id,
        places: dialect.locate?.(test) ?? [],
        runner: dialect.runner,
        ...(message !== undefined ? { message } : {}),
    };
}

;// CONCATENATED MODULE: ./src/rerun/drivers/js-files.ts
/**
 * The test file a jest or vitest rerun names on its command line. It comes from the report (a
 * file attribute, a classname, the id), so it is untrusted: a leading `-` would be read as an
 * option (`--config=evil.js`), and a path outside the project would run a file the project
 * does not hold.
 */

/** `file` as an argument the runner reads as a path: `./` before a leading `-`. */
function fileArgument(file) {
    return file.startsWith("-") ? `./${file}` : file;
}
/** Why the runner must not be given `file`, or null: absolute, or climbing out of the project. */
function fileOutsideProject(file) {
    const norm = external_node_path_default().posix.normalize(file.replace(/\\/g, "/"));
    if (external_node_path_default().posix.isAbsolute(norm) || /^[A-Za-z]:\//.test(norm) || norm === ".." || norm.startsWith("../")) {
        return `its test file ${JSON.stringify(file.slice(0, 200))} is outside the project`;
    }
    return null;
}

;// CONCATENATED MODULE: ./src/rerun/drivers/jest.ts
/**
 * jest: one process per attempt, the file given as a path (`--runTestsByPath`, so it is not
 * read as a regular expression), the test by an anchored `-t` pattern, the outcome from
 * `--json --outputFile` (jest, like vitest, does not fail when the pattern matches nothing).
 */






const LAUNCH = ["npx", "--no-install", "jest"];
/** `-t` matches describe titles and the test title joined by spaces. */
function jestNamePattern(test) {
    return exactPattern(jestNameParts(test).join(" "));
}
/** The test file: the join resolved it from the report (file attribute, suite, stack frame). */
function jest_jestFile(test) {
    if (test.file !== undefined)
        return test.file;
    const first = test.id.split(" > ")[0];
    return first !== undefined && /\.[cm]?[jt]sx?$/.test(first) ? first : null;
}
/** jest's --seed range: a signed 32-bit integer. */
const JEST_SEED = /^-?[0-9]{1,10}$/;
/**
 * How a seed goes back to jest. A plain `Seed: 7` a jest test logs is jest's own seed
 * (`jest.getSeed()`, the one seed jest gives a test), read by the generic recognisers as one
 * for the global generators, which jest has no way to set from outside: it goes back as
 * `--seed=7`, which is what jest.getSeed() returns. A test seeding itself some other way gets
 * the same reruns as without it.
 */
function jestSeedApplication(seed) {
    const app = seedApplication(seed, "jest");
    if (app === null || app.args.length > 0 || app.globalRng === null || !JEST_SEED.test(app.globalRng))
        return app;
    const n = Number(app.globalRng);
    if (n < -(2 ** 31) || n >= 2 ** 31)
        return app;
    return { ...app, args: [`--seed=${app.globalRng}`], globalRng: null };
}
function jestDriver() {
    const support = (seed) => {
        const app = jestSeedApplication(seed);
        const ok = app !== null && (app.args.length > 0 || Object.keys(app.env).length > 0);
        return { reapply: ok, fresh: ok };
    };
    const base = (test) => {
        const file = jest_jestFile(test);
        return [...(file !== null ? ["--runTestsByPath", fileArgument(file)] : []), "-t", jestNamePattern(test)];
    };
    return {
        name: "jest",
        // The test's file run whole, in jest's order for it; tests in other files are not tried.
        orderCheck: true,
        orderCheckRefusal: (test) => (jest_jestFile(test) === null ? "its test file is not known" : null),
        refuse: (test) => {
            const file = jest_jestFile(test);
            return file === null ? null : fileOutsideProject(file);
        },
        seedSupport: support,
        invocation(req) {
            const app = jestSeedApplication(req.seed);
            const fresh = req.freshSeeds?.[0];
            const env = {};
            for (const [k, v] of Object.entries(app?.env ?? {}))
                env[k] = fresh ?? v;
            const seedArgs = app === null ? [] : fresh !== undefined ? argsWithSeed(app, fresh) : app.args;
            const results = external_node_path_default().join(req.workDir, "jest.json");
            const filter = { pattern: jestNamePattern(req.test), flags: "i" };
            const file = jest_jestFile(req.test);
            if (req.mode === "run-until" && file !== null) {
                return wholeFileInvocation([...LAUNCH, "--ci", "--runTestsByPath", fileArgument(file), ...seedArgs, "--json", `--outputFile=${results}`], env, results, "jest", filter);
            }
            return {
                // --ci: a snapshot the test has not stored fails, as in CI, instead of being written
                // into the user's checkout (and the test passing).
                argv: [...LAUNCH, "--ci", ...base(req.test), ...seedArgs, "--json", `--outputFile=${results}`],
                env,
                attempts: 1,
                reportsLines: false,
                judge: { resultFile: results, decide: (r) => judgeJestJson(r.results, r.exitCode, "jest", filter) },
            };
        },
        reproduceCommand(test, seed) {
            const app = jestSeedApplication(seed);
            // --ci as the reruns: a snapshot it has not stored fails instead of being written.
            return shellQuoteCommand(["npx", "jest", "--ci", ...base(test), ...(app?.args ?? [])], app?.env ?? {});
        },
        orderReproduceCommand(test, seed) {
            const app = jestSeedApplication(seed);
            const file = jest_jestFile(test);
            return shellQuoteCommand(["npx", "jest", "--ci", ...(file !== null ? ["--runTestsByPath", fileArgument(file)] : []), ...(app?.args ?? [])], app?.env ?? {});
        },
    };
}

;// CONCATENATED MODULE: ./src/rerun/pytest-plugin.ts
/**
 * The pytest plugin we ship, as source text: the engine writes it to a private temp directory
 * as `flaky_triage_rerun.py`, puts that directory on PYTHONPATH and loads it with
 * `-p flaky_triage_rerun`. It repeats one test in-process (so N attempts cost one interpreter
 * start and one collection, not N) and writes one JSON line per attempt, flushed at once, so
 * the parent sees an attempt that hangs or takes the interpreter down with it.
 *
 * Written like pytest-randomly and pytest-repeat: options in pytest_addoption, state set once
 * in pytest_configure, the seed announced in the report header, nothing imported that a hook
 * does not need. Keep it free of backticks and dollar-brace: it lives in a template literal.
 */
const PLUGIN_MODULE = "flaky_triage_rerun";
const PLUGIN_FILE = `${PLUGIN_MODULE}.py`;
const PYTEST_PLUGIN_SOURCE = String.raw `"""flaky-triage rerun plugin: repeat one test in-process, re-seeding before each attempt.

Written by flaky-triage into a private temp directory; loaded with -p flaky_triage_rerun.
Results go to --ft-results as JSON lines:
  {"event": "collected", ...}                       after collection
  {"event": "start", "attempt": i, "seed": s}       before attempt i
  {"event": "end", "attempt": i, "outcome": ...}    after attempt i
  {"event": "item", "index": k}                     before each predecessor (--ft-run-until)
With --ft-plan FILE (a JSON list of tests, each with runs of attempts) the start and end lines
also carry "item", the entry's index in the plan, and "run", the run's index in the entry; each
run's attempts run in forked children. A test whose claim file another process created first is
skipped; one this process takes is announced by {"event": "claim", "item": k}.
"""
import json
import os
import random
import re
import signal
import sys
import time
import warnings

import pytest
from _pytest.runner import runtestprotocol

MESSAGE_CHARS = 500
# How long a run waits for the parent to count a slow failed attempt (see _await_parent). The
# parent reads our lines every 50 ms; past this it is busy or gone, and we go on.
ACK_WAIT_SECONDS = 2.0
# What a child may write to its parent (where its attempts got to, outcomes and endings seen):
# less than a pipe's buffer, since the parent reads only after the child exited.
PIPE_BYTES = 16384
_STATE = "_flaky_triage_state"


def pytest_addoption(parser):
    group = parser.getgroup("flaky-triage", "flaky-triage reruns")
    group.addoption("--ft-repeat", type=int, default=0, metavar="N",
                    help="run the selected test N times in this process")
    group.addoption("--ft-results", default=None, metavar="FILE",
                    help="append one JSON line per attempt to FILE")
    group.addoption("--ft-seeds", default=None, metavar="A,B,C",
                    help="seed of each attempt (one seed: the same for all)")
    group.addoption("--ft-seed-env", action="append", default=[], metavar="NAME",
                    help="set environment variable NAME to the attempt's seed (repeatable)")
    group.addoption("--ft-fresh", action="store_true", default=False,
                    help="the seeds are fresh ones, not CI's: hypothesis searches anew with them")
    group.addoption("--ft-global-seed", action="store_true", default=False,
                    help="seed random, numpy and torch global generators before each attempt")
    group.addoption("--ft-stop-when-mixed", action="store_true", default=False,
                    help="stop repeating once a pass and a failure were both seen")
    group.addoption("--ft-fresh-passes", action="store_true", default=False,
                    help="end the forked child after each attempt that passes, so the next starts clean")
    group.addoption("--ft-run-until", default=None, metavar="NODEID",
                    help="run collected tests up to and including NODEID; record only its outcome")
    group.addoption("--ft-plan", default=None, metavar="FILE",
                    help="JSON list of tests and their runs of attempts: run each test not "
                         "claimed by another process, in forked children of this process")


class _State(object):
    def __init__(self, config):
        opt = config.option
        self.repeat = max(0, opt.ft_repeat)
        self.seeds = [s for s in (opt.ft_seeds or "").split(",") if s != ""]
        self.seed_env = list(opt.ft_seed_env)
        self.global_seed = opt.ft_global_seed
        self.fresh = opt.ft_fresh
        self.stop_when_mixed = opt.ft_stop_when_mixed
        self.fresh_passes = opt.ft_fresh_passes
        self.run_until = opt.ft_run_until
        self.invocation_dir = str(config.invocation_params.dir)
        self.target = None
        self.predecessors_run = 0
        self.plan = None
        if opt.ft_plan:
            with open(opt.ft_plan, "r", encoding="utf-8") as f:
                self.plan = json.load(f)
        self.entries = {}
        self.out = open(opt.ft_results, "a", encoding="utf-8") if opt.ft_results else None
        # The environment the test modules were imported under, and every seed given since: a
        # module global holding one of those seed values read it at import (see _refresh).
        self.env_at_import = dict(os.environ)
        self.applied = set()

    def seed_for(self, attempt):
        if not self.seeds:
            return None
        return self.seeds[min(attempt, len(self.seeds) - 1)]

    def emit(self, record):
        if self.out is None:
            return
        # One line per event, flushed now: the parent reads while we run and must see the
        # start of an attempt that never ends.
        self.out.write(json.dumps(record) + "\n")
        self.out.flush()


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    opt = config.option
    if opt.ft_repeat or opt.ft_run_until or opt.ft_results or opt.ft_plan:
        # pytest-benchmark opens its storage (default ./.benchmarks, made in the project) in its
        # own pytest_configure, which runs after this one: point it into the rerun's directory.
        if opt.ft_results and hasattr(opt, "benchmark_storage"):
            opt.benchmark_storage = "file://" + os.path.join(os.path.dirname(os.path.abspath(opt.ft_results)), "benchmarks")
        # --lf or --ff from the project's addopts would select from the rerun's own, empty cache:
        # with --lfnf=none nothing runs (exit 5), and between processes it would pick what the
        # last attempt left. cacheprovider reads them in its own pytest_configure, after this one.
        if getattr(opt, "lf", False):
            opt.lf = False
        if getattr(opt, "failedfirst", False):
            opt.failedfirst = False
        setattr(config, _STATE, _State(config))


def pytest_unconfigure(config):
    state = getattr(config, _STATE, None)
    if state is not None and state.out is not None:
        state.out.close()
        state.out = None


def pytest_report_header(config):
    state = getattr(config, _STATE, None)
    if state is None:
        return None
    if state.plan is not None:
        return "flaky-triage: plan of %d test(s)" % len(state.plan)
    if state.run_until:
        return "flaky-triage: order check, running up to " + state.run_until
    return "flaky-triage: %d attempt(s), seeds %s" % (state.repeat, ",".join(state.seeds) or "-")


def _same_test(item, nodeid, invocation_dir):
    if item.nodeid == nodeid:
        return True
    # The id may be relative to the invocation directory rather than pytest's rootdir.
    rest = item.nodeid.split("::", 1)[1] if "::" in item.nodeid else ""
    rel = os.path.relpath(str(item.path), invocation_dir).replace(os.sep, "/")
    return (rel + "::" + rest if rest else rel) == nodeid


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    state = getattr(config, _STATE, None)
    if state is None:
        return
    count = len(items)
    keep = items
    if state.plan is not None:
        _select_plan(state, config, items)
        return
    if state.run_until:
        index = None
        for i, item in enumerate(items):
            if _same_test(item, state.run_until, state.invocation_dir):
                index = i
                break
        keep = items[: index + 1] if index is not None else []
    elif state.repeat:
        # One node id may select several items (a parametrized test without its brackets):
        # the attempts are about one test, the first.
        keep = items[:1]
    state.target = keep[-1] if keep else None
    state.emit({"event": "collected", "count": count, "kept": len(keep),
                "target": state.target.nodeid if state.target is not None else None})
    if state.run_until and len(keep) == 1:
        # Nothing runs before it: the parent has run it alone already.
        keep = []
    if len(keep) != count:
        kept = set(id(i) for i in keep)
        config.hook.pytest_deselected(items=[i for i in items if id(i) not in kept])
        items[:] = keep


def _selects(item, nodeid, invocation_dir):
    """The item a node id given on the command line stands for: the test itself, or (like
    --ft-repeat's first item) a parametrized instance or a method of the class it names."""
    if _same_test(item, nodeid, invocation_dir):
        return True
    rest = item.nodeid.split("::", 1)[1] if "::" in item.nodeid else ""
    rel = os.path.relpath(str(item.path), invocation_dir).replace(os.sep, "/")
    for name in (item.nodeid, rel + "::" + rest if rest else rel):
        if name.startswith(nodeid + "[") or name.startswith(nodeid + "::"):
            return True
    return False


def _select_plan(state, config, items):
    count = len(items)
    keep = []
    missing = []
    taken = set()
    for index, entry in enumerate(state.plan):
        found = None
        for item in items:
            if id(item) not in taken and _selects(item, entry["id"], state.invocation_dir):
                found = item
                break
        if found is None:
            missing.append(index)
            continue
        taken.add(id(found))
        state.entries[id(found)] = (index, entry)
        keep.append(found)
    _warm(keep)
    state.emit({"event": "collected", "count": count, "kept": len(keep), "target": None,
                "missing": missing})
    config.hook.pytest_deselected(items=[i for i in items if id(i) not in taken])
    items[:] = keep


def _warm(items):
    """Fills, once in the parent, caches each forked child would otherwise fill again for its
    first failure report: which file holds which module (inspect walks every module in
    sys.modules for that) and the test files' lines. Both are read-only lookups; no test code runs."""
    import inspect
    import linecache
    for item in items:
        code = getattr(getattr(item, "obj", None), "__code__", None)
        if code is None:
            continue
        try:
            inspect.getmodule(code, code.co_filename)
            linecache.getlines(code.co_filename)
        except Exception:
            pass


def _holds_seed(module, values):
    for v in vars(module).values():
        if (type(v) is str and v in values) or (type(v) is int and str(v) in values):
            return True
    return False


def _refresh(state, item, seed, names):
    """A test module that read its seed variable when it was imported (SEED = int(os.environ[
    "TEST_SEED"]) at module level) keeps that value, so a new seed in the environment would not
    reach it: when a module global holds a value a seed variable had (at import, or from an
    earlier attempt) and the new seed differs, the module is executed again (importlib.reload,
    in place, so the test functions see the new globals). Attempts run in forked children; a
    module whose code cannot run twice keeps its old values, as before."""
    module = getattr(item, "module", None)
    if module is None or not names:
        return
    known = set(state.env_at_import.get(n) or "" for n in names) | state.applied
    state.applied.add(seed)
    # Two characters at least: a one-digit seed would match any small constant.
    known = set(v for v in known if len(v) >= 2 and v != seed)
    if known and _holds_seed(module, known):
        try:
            import importlib
            importlib.reload(module)
        except Exception:
            pass


def _reseed(state, seed, seed_env=None, global_seed=None, item=None, fresh=False):
    if seed is None:
        return
    names = state.seed_env if seed_env is None else seed_env
    for name in names:
        os.environ[name] = seed
    if item is not None:
        _refresh(state, item, seed, names)
        # Whatever carries the seed (a variable, the global generators), hypothesis's search
        # reads none of it: a fresh attempt must reach it too, or it replays CI's search.
        _seed_hypothesis(item, _seed_int(seed), fresh)
    if state.global_seed if global_seed is None else global_seed:
        value = _seed_int(seed)
        random.seed(value)
        try:
            import numpy
        except ImportError:
            numpy = None
        if numpy is not None:
            numpy.random.seed(value % (2 ** 32))
        # Importing torch costs seconds: seed it only if the test already has it.
        torch = sys.modules.get("torch")
        if torch is not None:
            torch.manual_seed(value)


def _seed_hypothesis(item, value, fresh):
    """A hypothesis test draws its examples from a generator of its own, which the global seed
    does not reach. Attempts of fresh seeds (verify's trials, the fresh-seed phase) give it the
    attempt's seed, as @hypothesis.seed would, and search without the example database: a failure
    saved by one attempt was replayed first by every later one, and a test failing for 17% of
    seeds read 96%. Other attempts run as CI's did: the test's own @seed, derandomize and database
    (CI's search never saw our seed; a failure it found is replayed from the database)."""
    fn = getattr(getattr(item, "obj", None), "__func__", getattr(item, "obj", None))
    if fn is None or not getattr(fn, "is_hypothesis_test", False):
        return
    try:
        saved = getattr(fn, "_ft_hypothesis_saved", None)
        if saved is None:
            saved = fn._ft_hypothesis_saved = (
                getattr(fn, "_hypothesis_internal_use_seed", _MISSING),
                getattr(fn, "_hypothesis_internal_use_settings", _MISSING),
            )
        if not fresh:
            for name, old in zip(("_hypothesis_internal_use_seed", "_hypothesis_internal_use_settings"), saved):
                if old is _MISSING:
                    if name in vars(fn):
                        delattr(fn, name)
                else:
                    setattr(fn, name, old)
            return
        import hypothesis
        parent = saved[1] if saved[1] is not _MISSING and saved[1] is not None else hypothesis.settings()
        # derandomize off too: hypothesis's "ci" profile, loaded whenever CI is set, turns it on
        # for every test, and a fresh seed must still vary the search.
        fn._hypothesis_internal_use_seed = value
        fn._hypothesis_internal_use_settings = hypothesis.settings(parent, database=None, derandomize=False)
    except Exception:
        pass


_MISSING = object()


def _seed_int(seed):
    if seed.isdigit():
        return int(seed)
    # hash() is salted per process; a seed must mean the same thing in every run.
    import hashlib
    return int(hashlib.sha256(seed.encode("utf-8")).hexdigest()[:8], 16)


def _summarise(reports):
    """One outcome per attempt: the first failing phase wins, then a skip, else a pass."""
    duration = sum(getattr(r, "duration", 0.0) for r in reports)
    for wanted in ("failed", "skipped"):
        for r in reports:
            if r.outcome == wanted:
                return wanted, r.when, duration, _message(r)
    return "passed", "call", duration, None


def _message(report):
    crash = getattr(report.longrepr, "reprcrash", None)
    text = getattr(crash, "message", None)
    if text is None and isinstance(report.longrepr, tuple) and len(report.longrepr) == 3:
        text = str(report.longrepr[2])  # skips: (path, line, reason)
    if text is None and report.longrepr is not None:
        text = str(report.longrepr).strip().splitlines()[-1:] or [""]
        text = text[0]
    if text is None:
        return None
    return _headline(text)[:MESSAGE_CHARS]


def _headline(text):
    """The first non-empty line; a line that only names the exception ("AssertionError:", as
    numpy's assert_allclose begins) takes the next one, and more while the text ends in a colon
    (at most three): the same one-line message the reader makes of a report's failure."""
    head = ""
    joined = 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        joined_text = line if not head else head + " " + line
        starts = re.match(r"^[A-Za-z_][\w.]*:$", joined_text) if not head else joined_text.endswith(":")
        if starts and joined < 3 and len(joined_text) < MESSAGE_CHARS:
            head = joined_text
            joined += 1
            continue
        return joined_text
    return head


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    state = getattr(item.config, _STATE, None)
    if state is None:
        return None
    if state.plan is not None:
        found = state.entries.get(id(item))
        if found is not None:
            _timeout_taken_over(item)
            _run_plan_entry(state, item, found[0], found[1])
        return True
    if state.run_until:
        if item is not state.target:
            state.emit({"event": "item", "index": state.predecessors_run})
            state.predecessors_run += 1
            return None
        _timeout_taken_over(item)
        return _run_attempts(state, item, 1)
    if state.repeat and item is state.target:
        _timeout_taken_over(item)
        return _run_attempts(state, item, state.repeat)
    return None


# pytest-timeout (unless func_only) arms its timer in a pytest_runtest_protocol hookwrapper,
# around the whole protocol: here, around every attempt of the test, or around the forks of a
# plan, where it would fire in the parent. A test with a 2 s timeout would hang on its second
# attempt and be killed as a crash. So the item's timer is cancelled when we take the protocol
# over, and set again around each attempt, through pytest-timeout's own hooks; the timeout then
# fails the attempt as it failed the CI run ("Failed: Timeout >2.0s").
def _timeout_settings(item):
    """pytest-timeout's settings for the item when its timer covers the whole protocol, else None."""
    module = item.config.pluginmanager.getplugin("timeout")
    settings_of = getattr(module, "_get_item_settings", None)
    hook = item.config.hook
    if settings_of is None or not hasattr(hook, "pytest_timeout_set_timer"):
        return None
    try:
        settings = settings_of(item)
    except Exception:
        return None
    if not settings.timeout or settings.timeout <= 0 or settings.func_only:
        return None  # func_only: its pytest_runtest_call wrapper times each attempt already
    return settings


def _timeout_taken_over(item):
    if _timeout_settings(item) is not None:
        item.config.hook.pytest_timeout_cancel_timer(item=item)


def _run_protocol(item):
    """One attempt of the test's whole protocol, timed by pytest-timeout as one run would be."""
    settings = _timeout_settings(item)
    if settings is None:
        return runtestprotocol(item, log=True, nextitem=None)
    item.config.hook.pytest_timeout_set_timer(item=item, settings=settings)
    try:
        return runtestprotocol(item, log=True, nextitem=None)
    finally:
        item.config.hook.pytest_timeout_cancel_timer(item=item)


def _run_attempts(state, item, attempts):
    def reseed(attempt):
        seed = state.seed_for(attempt)
        _reseed(state, seed, item=item, fresh=state.fresh)
        return seed

    run_attempt, emit_end = _attempt_lines(state, item, {}, reseed)
    _repeat(attempts, run_attempt, emit_end, state.stop_when_mixed, fresh_passes=state.fresh_passes)
    return True


def _attempt_lines(state, item, fields, reseed):
    """_repeat's run_attempt and emit_end: reseed(attempt) applies the attempt's seed and returns
    it; fields go into every start and end line (a plan's item and run)."""
    def run_attempt(attempt):
        seed = reseed(attempt)
        state.emit({"event": "start", **fields, "attempt": attempt, "seed": seed})
        _ATTEMPT_MISSING.clear()
        return _attempt_outcome(item)

    def emit_end(attempt, result):
        outcome, when, duration, message = result
        record = {"event": "end", **fields, "attempt": attempt, "outcome": outcome,
                  "when": when, "duration": round(duration, 6), "message": message}
        if _WITHHELD and outcome == "failed":
            missing = _missing_withheld(item)
            if missing:
                record["withheld"] = missing
        if _PRINTED[0]:
            record["printed"] = _PRINTED[0]
        state.emit(record)

    return run_attempt, emit_end


def _attempt_outcome(item):
    """Runs one attempt of the test's whole protocol: its outcome, phase, duration and message."""
    item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    _fresh_doctest_globals(item)
    _SUBTESTS[:] = []
    _LISTENING[0] = item.nodeid
    # pytest adds each phase's captured output and log to the item, and every report carries
    # all the item has: repeats of one item would carry every earlier attempt's too (memory and
    # time growing with the square of the attempts, and earlier attempts' seeds in this one's).
    if isinstance(getattr(item, "_report_sections", None), list):
        item._report_sections = []
    undo = _listen_to_writes()
    try:
        # nextitem=None tears everything down after each attempt, so every attempt builds its
        # fixtures (of every scope) afresh, as a new pytest run would.
        reports = _run_protocol(item)
    finally:
        _LISTENING[0] = None
        undo()
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    _PRINTED[0] = _printed(reports)
    # A failed subtest fails the attempt as it failed the CI run, though the test's own call
    # passes: its report comes first, as it came first in the run.
    return _summarise(_SUBTESTS[:1] + list(reports))


# What the attempt printed: a test that prints "use MXNET_TEST_SEED=N to reproduce" but draws N
# itself prints another N on every rerun, and the parent compares it with the seed CI printed
# (rerun/printed-seeds.ts). Reruns run with --capture=no, so what the test writes to sys.stdout
# and sys.stderr is noted on its way out (the streams' own write, patched on the instance: the
# stream stays the object the test may check); pytest's captured log (and output, should capture
# be on) is added from the reports. Of each, its head and tail and every line that says "seed"
# (up to a budget): a seed printed amid pages of output is still seen.
_PRINTED = [None]
PRINTED_END_CHARS = 2048
PRINTED_SEED_CHARS = 4096
PRINTED_LINE_CHARS = 1024
_SEED_WORD = re.compile(r"seed", re.IGNORECASE)


class _Printed(object):
    """Head, tail and the lines saying "seed" of a text written in pieces."""
    __slots__ = ("head", "tail", "tail_chars", "total", "seeds", "seed_chars", "line")

    def __init__(self):
        self.head = ""
        self.tail = []
        self.tail_chars = 0
        self.total = 0
        self.seeds = []
        self.seed_chars = 0
        self.line = ""

    def note(self, text):
        n = len(text)
        if len(self.head) < PRINTED_END_CHARS:
            self.head += text[:PRINTED_END_CHARS - len(self.head)]
        self.tail.append(text)
        self.tail_chars += n
        if self.tail_chars > 4 * PRINTED_END_CHARS:
            kept = "".join(self.tail)[-PRINTED_END_CHARS:]
            self.tail = [kept]
            self.tail_chars = len(kept)
        self.total += n
        if self.seed_chars >= PRINTED_SEED_CHARS:
            return
        line = self.line + text
        if "\n" not in text and len(line) <= PRINTED_LINE_CHARS:
            self.line = line
            return
        lines = line.split("\n")
        rest = lines.pop()
        for done in lines:
            self._seed_line(done)
        if len(rest) > PRINTED_LINE_CHARS:
            self._seed_line(rest)
            rest = ""
        self.line = rest

    def _seed_line(self, line):
        if self.seed_chars < PRINTED_SEED_CHARS and _SEED_WORD.search(line):
            kept = line[:PRINTED_SEED_CHARS - self.seed_chars]
            self.seeds.append(kept)
            self.seed_chars += len(kept) + 1

    def text(self):
        if self.line:
            self._seed_line(self.line)
            self.line = ""
        if self.total <= len(self.head):
            ends = self.head
        elif self.total <= 2 * PRINTED_END_CHARS:
            ends = self.head + "".join(self.tail)[len(self.head) - self.total:]
        else:
            ends = self.head + "\n" + "".join(self.tail)[-PRINTED_END_CHARS:]
        return "\n".join([ends] + self.seeds) if self.seeds else ends


_WRITTEN = [_Printed()]


def _listen_to_writes():
    """Notes what is written to sys.stdout and sys.stderr from now on; returns the undo."""
    written = _WRITTEN[0] = _Printed()
    patched = []
    for stream in (sys.stdout, sys.stderr):
        if any(stream is p for p in patched):
            continue
        original = getattr(stream, "write", None)
        if original is None:
            continue

        def write(text, _original=original):
            if isinstance(text, str) and text:
                try:
                    written.note(text)
                except Exception:
                    pass
            return _original(text)
        try:
            stream.write = write
        except Exception:
            continue
        patched.append(stream)

    def undo():
        for stream in patched:
            try:
                del stream.write
            except Exception:
                pass
    return undo


def _printed(reports):
    last = reports[-1] if reports else None
    parts = [_WRITTEN[0].text()]
    for name in ("capstdout", "capstderr", "caplog"):
        try:
            text = getattr(last, name, "")
        except Exception:
            text = ""
        if isinstance(text, str) and text:
            captured = _Printed()
            captured.note(text)
            parts.append(captured.text())
    text = "\n".join(p for p in parts if p)
    return text or None


def _fresh_doctest_globals(item):
    """A doctest's runner clears its globals after each run (doctest's clear_globs): a repeat in
    the same process would fail with a NameError. Each attempt gets the globals the first had."""
    globs = getattr(getattr(item, "dtest", None), "globs", None)
    if not isinstance(globs, dict):
        return
    saved = getattr(item, "_ft_doctest_globals", None)
    if saved is None:
        item._ft_doctest_globals = dict(globs)
    else:
        globs.clear()
        globs.update(saved)


# Subtests (unittest's subTest, pytest 9's subtests fixture, pytest-subtests) are reported one
# report each, logged while the test's call runs, and not among the reports runtestprotocol
# returns, whose call passes when only subtests failed ("1 failed, 1 passed"; the JUnit report
# marks the test failed). The first failed one of the attempt being run is kept here.
_SUBTESTS = []
_LISTENING = [None]

# Credential-like variables CI had and reruns withhold (FLAKY_TRIAGE_WITHHELD: names only).
# A test that reads one and finds it missing fails every rerun for want of it, whatever its
# failure in CI was; often without naming it (os.environ.get gives None, a client then says
# "no password supplied"). Such reads are noted: during an attempt, for the attempt; outside
# one (a module importing its settings), with the files on the stack, for the tests of those
# files. The parent does not count those failures (withheld.ts).
_WITHHELD = frozenset(n for n in os.environ.get("FLAKY_TRIAGE_WITHHELD", "").split(",") if n)
_ATTEMPT_MISSING = set()
_IMPORT_MISSING = []


def _watch_withheld():
    original = os._Environ.__getitem__

    def __getitem__(self, key):
        try:
            return original(self, key)
        except KeyError:
            # get, in, getenv and [] all come here; only a name that is missing now counts (a
            # test may set it itself).
            if self is os.environ and key in _WITHHELD:
                if _LISTENING[0] is not None:
                    _ATTEMPT_MISSING.add(key)
                elif len(_IMPORT_MISSING) < 1000:
                    files = set()
                    frame = sys._getframe(1)
                    while frame is not None:
                        files.add(os.path.normcase(os.path.abspath(frame.f_code.co_filename)))
                        frame = frame.f_back
                    _IMPORT_MISSING.append((key, files))
            raise

    os._Environ.__getitem__ = __getitem__


if _WITHHELD:
    _watch_withheld()


def _missing_withheld(item):
    """The withheld variables the attempt just run read and found missing, sorted."""
    names = set(_ATTEMPT_MISSING)
    path = os.path.normcase(os.path.abspath(str(getattr(item, "path", "") or getattr(item, "fspath", ""))))
    where = os.path.dirname(path) + os.sep
    for key, files in _IMPORT_MISSING:
        # Read while the test's module was imported, or a conftest.py that applies to it.
        if path in files or any(os.path.basename(f) == "conftest.py" and where.startswith(os.path.dirname(f) + os.sep) for f in files):
            names.add(key)
    return sorted(names)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_logreport(report):
    if (_LISTENING[0] is not None and report.nodeid == _LISTENING[0] and report.failed
            and report.when == "call" and getattr(report, "context", None) is not None and not _SUBTESTS):
        _SUBTESTS.append(report)


def _run_plan_entry(state, item, index, entry):
    not_after = entry.get("notAfter")
    if not_after is not None and time.time() > not_after:
        return  # the time budget ran out: a test that has not started does not start
    if not _claim(entry.get("claim")):
        return  # another process serving these tests has it
    state.emit({"event": "claim", "item": index})
    for run_index, run in enumerate(entry.get("runs") or []):
        if int(run.get("attempts", 0)) > 0:
            _run_plan_attempts(state, item, index, run_index, run)


def _claim(path):
    """Several processes may serve the same plan: the first to create the test's claim file
    runs it, so a process that is done with its test takes the next one nobody has taken."""
    if not path:
        return True
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError:
        return False
    return True


def _run_plan_attempts(state, item, index, run_index, run):
    seeds = [s for s in run.get("seeds") or [] if s != ""]
    seed_env = list(run.get("seedEnv") or [])
    global_seed = bool(run.get("globalSeed"))

    def reseed(attempt):
        seed = seeds[min(attempt, len(seeds) - 1)] if seeds else None
        _reseed(state, seed, seed_env, global_seed, item, fresh=bool(run.get("fresh")))
        return seed

    run_attempt, emit_end = _attempt_lines(state, item, {"item": index, "run": run_index}, reseed)
    _repeat(max(0, int(run.get("attempts", 0))), run_attempt, emit_end,
            bool(run.get("stopWhenMixed")), run.get("stopFile"), run.get("ackAfter"),
            lambda counted: _await_parent(run, counted), bool(run.get("freshPasses")))


# Why forked children, and why a new one when an attempt ends in a way no clean attempt did:
# the tests of one plan share this process's imports and collection (the cost we save), but an
# attempt must not see what an earlier attempt, or an earlier test, left behind in module
# state, os.environ or the global generators. A test that registers a name in a module-level
# registry passes alone and fails when it runs a second time in the same process: repeated in
# one process it would read as intermittent, while it is order dependent (the order check finds
# that); one that fails after changing such state would fail every repeat, and read as
# deterministic, while half its fresh processes pass. A child per attempt rules both out, but
# costs some 10 ms an attempt (copy-on-write faults: Python's reference counts write to every
# object an attempt touches), as much as a quick test itself. So the first attempt of each child,
# which starts from the state right after collection as a fresh pytest process would, is clean,
# and how it ended (outcome, phase, and message with numbers masked) is known to be a way the
# test ends in a fresh process. A repeat in the same child that ends one of the ways a clean
# attempt of this run ended says nothing a fresh process would not; one that ends otherwise
# ("already registered") is not reported, and runs again as the first attempt of a new child,
# whose result counts. With fresh_passes (triage's reruns; not verify's thousands of trials) an
# attempt that passes is counted and ends its child: a pass can leave state that makes the next
# attempt pass (a client that connected once is cached), and passes are what "not reproduced"
# rests on. Counted, not run again: a pass run again in a new child while a failure stood
# counted a coin-flip test's repeats as failing three times in four (a review's 30 triages with
# 5 reruns read it deterministic 5 times). Deterministic failures take one child per run;
# passes take a child each.
# A child that dies takes the parent with it, the same way (signal or exit code): the engine
# then sees exactly what it sees when a one-test process dies, and restarts the rest.
def _repeat(attempts, run_attempt, emit_end, stop_when_mixed, stop_file=None, ack_after=None,
            ack=None, fresh_passes=False):
    """Runs attempts 0..attempts-1 with run_attempt(k) (which emits the start) and emit_end."""
    seen = set()
    clean = set()
    attempt = 0
    while attempt < attempts:
        first = attempt
        served = _isolated(lambda note: _serve(first, attempts, run_attempt, emit_end, seen,
                                               clean, stop_when_mixed, stop_file, ack_after,
                                               ack, note, fresh_passes))
        attempt, done = int(served[0]), served[1] == "done"
        seen.update(w[2:] for w in served[2:] if w.startswith("o:"))
        clean.update(w[2:] for w in served[2:] if w.startswith("c:"))
        if done:
            return


def _serve(first, attempts, run_attempt, emit_end, seen, clean, stop_when_mixed, stop_file,
           ack_after, ack, note, fresh_passes=False):
    """Attempts from first on, while each ends one of the ways a clean attempt did (see above).
    Returns [next attempt, "done" or "again", "o:" outcomes seen..., "c:" clean endings...].
    Before each repeat, note() is given what to return should the repeat kill the child: a
    repeat that crashes is no more a clean result than one that fails otherwise."""
    seen = set(seen)
    clean = set(clean)
    isolated = getattr(os, "fork", None) is not None
    attempt = first
    state = "done"

    def words(state):
        return ([str(attempt), state] + ["o:" + o for o in sorted(seen)]
                + ["c:" + c for c in sorted(clean)])

    while attempt < attempts:
        if stop_file and os.path.exists(stop_file):
            break
        note(words("again") if attempt != first else None)
        result = run_attempt(attempt)
        note(None)
        outcome, when, duration, message = result
        ending = _ending(outcome, when, message)
        passed_fresh = isolated and fresh_passes and outcome == "passed"
        if attempt == first:
            clean.add(ending)
        elif isolated and ending not in clean and not passed_fresh:
            state = "again"
            break
        emit_end(attempt, result)
        seen.add(outcome)
        attempt += 1
        if stop_when_mixed and "passed" in seen and "failed" in seen:
            break
        if outcome == "failed" and ack_after is not None and duration >= ack_after and ack:
            ack(attempt)
        if passed_fresh:
            # The next attempt starts from the state right after collection, in a new child.
            state = "again"
            break
    return words(state)


def _ending(outcome, when, message):
    """How an attempt ended, as one word: a digest of its outcome, phase and masked message."""
    import hashlib
    text = "%s %s %s" % (outcome, when, _masked(message))
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


def _masked(message):
    """A message with what may change between attempts that fail the same way masked: paths
    (temporary directories), UUIDs (whole: a group of one may hold no digit), hexadecimal runs
    (addresses, hashes) and numbers (values, seeds, times)."""
    text = re.sub(r"[^\s'\"]*/[^\s'\"]*", "/", message or "")
    text = re.sub(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}", "#", text)
    return re.sub(r"(?:0x)?[0-9a-fA-F]*\d[0-9a-fA-F]*", "#", text)


def _fresh_entropy():
    """A forked child inherits its parent's generator states, so every child drew the same
    "random" inputs (ten reruns of an unseeded test tried one input ten times), where each fresh
    pytest process draws its own: numpy seeds its global generator from the OS (CPython reseeds
    random's in every child itself). So do we, in each child, unless the project seeded it while
    it was imported (np.random.seed(0) in a conftest or test module): a fresh process would have
    that state again, and so has the child. An attempt given a seed sets it after this."""
    numpy = sys.modules.get("numpy")
    if numpy is not None and not _NUMPY_SEEDED[0]:
        try:
            numpy.random.seed()
        except Exception:
            pass


# Whether numpy's global generator was given a seed (np.random.seed(N)) in this process.
_NUMPY_SEEDED = [False]


def _watch_numpy_seed():
    """Wraps numpy.random.seed to note a seed given to it, now if numpy.random is imported, else
    as soon as it is (a finder first on sys.meta_path, gone once it has done so). The plugin is
    imported before the project's conftest and test modules, which is where seeds are given."""
    def wrap(module):
        seed = getattr(module, "seed", None)
        if seed is None or getattr(seed, "_ft_watched", False):
            return

        def watched(*args, **kwargs):
            if (args and args[0] is not None) or kwargs.get("seed") is not None:
                _NUMPY_SEEDED[0] = True
            return seed(*args, **kwargs)
        watched._ft_watched = True
        try:
            module.seed = watched
        except Exception:
            pass

    if "numpy.random" in sys.modules:
        wrap(sys.modules["numpy.random"])
        return

    class Finder(object):
        def find_spec(self, name, path=None, target=None):
            if name != "numpy.random":
                return None
            try:
                sys.meta_path.remove(self)
            except ValueError:
                pass
            try:
                import importlib.util
                spec = importlib.util.find_spec(name)
                load = spec.loader.exec_module

                def exec_module(module):
                    load(module)
                    wrap(module)
                spec.loader.exec_module = exec_module
                return spec
            except Exception:
                return None

    sys.meta_path.insert(0, Finder())


_watch_numpy_seed()


def _isolated(serve):
    """Runs serve(note) (which returns a list of words) in a forked child, whose words come back
    through a pipe; here, where there is no fork. What the child last gave note() (words, or
    None) is what the parent goes on with should the child die: a file, since a dead child
    writes nothing more."""
    if getattr(os, "fork", None) is None:
        return serve(lambda words: None)
    import tempfile
    notes = tempfile.TemporaryFile()

    def note(words):
        data = b"" if words is None else " ".join(words).encode("ascii", "ignore")
        os.ftruncate(notes.fileno(), 0)
        if data:
            os.pwrite(notes.fileno(), data, 0)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    # The child writes its words here when it got through its attempts: a test that calls
    # os._exit(0) also exits 0, and must count as the crash it is.
    done_r, done_w = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12 warns about forking a process with threads; -W error must not stop us.
        warnings.simplefilter("ignore")
        pid = os.fork()
    if pid == 0:
        os.close(done_r)
        code = 0
        try:
            _fresh_entropy()
            words = serve(note)
            words.append("|")
            # Within the pipe's buffer: the parent reads only once we have exited.
            os.write(done_w, " ".join(words).encode("ascii", "ignore")[:PIPE_BYTES])
        except BaseException as e:
            code = getattr(e, "returncode", None) or 2
        finally:
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except Exception:
                    pass
            os._exit(code if isinstance(code, int) else 2)
    os.close(done_w)
    while True:
        try:
            _, status = os.waitpid(pid, 0)
            break
        except InterruptedError:
            continue
    # Non-blocking: a grandchild the test forked may still hold the write end open.
    os.set_blocking(done_r, False)
    try:
        words = os.read(done_r, PIPE_BYTES).decode("ascii", "replace").split()
    except OSError:
        words = []
    os.close(done_r)
    try:
        noted = os.pread(notes.fileno(), PIPE_BYTES, 0).decode("ascii", "replace").split()
    except OSError:
        noted = []
    notes.close()
    if "|" in words and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        return words[:words.index("|")]
    if noted:
        # Died in a repeat: that attempt runs again as the first of a new child.
        return noted
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            import faulthandler
            faulthandler.disable()
            signal.signal(sig, signal.SIG_DFL)
        except Exception:
            pass
        os.kill(os.getpid(), sig)
        os._exit(128 + sig)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


def _await_parent(run, counted):
    """Waits until the parent has counted this many attempts of the run, or stopped it."""
    ack_file = run.get("ackFile")
    stop_file = run.get("stopFile")
    if not ack_file:
        return
    until = time.time() + ACK_WAIT_SECONDS
    while time.time() < until:
        if stop_file and os.path.exists(stop_file):
            return
        try:
            with open(ack_file, "r", encoding="utf-8") as f:
                if int(f.read().strip() or "0") >= counted:
                    return
        except (OSError, ValueError):
            pass
        time.sleep(0.01)
`;

;// CONCATENATED MODULE: ./src/rerun/drivers/pytest.ts
/**
 * The built-in driver for pytest node ids: one interpreter repeats the test in-process through
 * our plugin. Every path pytest would write goes to our private directory: the JUnit XML, the
 * cache (-o cache_dir), hypothesis' example database.
 */





/** `tests/x.py::test_y[p]` or a bare `tests/x.py`; the file part must be a Python file. */
function isPytestNodeId(id) {
    return /\.py(?:::|$)/.test(id) || doctestKind(id) === "text";
}
/**
 * A node id pytest cannot mistake for an option: pytest re-parses arguments after "--"
 * (verified with pytest 9: `-- -x.py::t` is read as -x), but `./-x.py::t` is a path and
 * pytest normalises it back to the node id `-x.py::t`.
 */
function asPositional(id) {
    // `@path` is an argument file to pytest (read even after "--").
    return id.startsWith("-") || id.startsWith("@") ? `./${id}` : id;
}
/** `$FLAKY_TRIAGE_PYTHON` when set, else python3; read from the env the adapter passes in. */
function resolvePython(env) {
    const configured = env.FLAKY_TRIAGE_PYTHON;
    return configured !== undefined && configured.trim() !== "" ? configured : "python3";
}
function cacheIn(workDir) {
    return ["-o", `cache_dir=${external_node_path_default().join(workDir, "pytest-cache")}`];
}
function pytestArgv(python, workDir, resultsFile, extra, targets) {
    return [
        python,
        "-m",
        "pytest",
        "-p",
        PLUGIN_MODULE,
        // The cache in our directory, not turned off: `-p no:cacheprovider` also takes away the
        // `cache` fixture, and every rerun of a test that uses it failed "fixture 'cache' not found".
        ...cacheIn(workDir),
        "-q",
        "--color=no",
        // No capture: pytest would spool a test's output to a temp file (a test printing
        // gigabytes fills the disk); uncaptured, it streams into our capped pipe instead.
        "--capture=no",
        `--junitxml=${external_node_path_default().join(workDir, "junit.xml")}`,
        "-o",
        "junit_family=xunit2",
        `--ft-results=${resultsFile}`,
        ...extra,
        // pytest 9 still parses `--x.py` after "--" as an option; asPositional covers that.
        "--",
        ...targets,
    ];
}
/**
 * The project's hypothesis example database (hypothesis' default `.hypothesis/examples`), copied
 * into the rerun's own storage directory: hypothesis replays the falsifying example the CI run
 * saved before it searches, so a real bug it found once fails every rerun.
 */
function hypothesisExamples(workDir) {
    return [{ from: external_node_path_default().join(".hypothesis", "examples"), to: external_node_path_default().join(workDir, "hypothesis", "examples") }];
}
/**
 * A test id that is a whole file or directory (pytest's JUnit report names a module that failed
 * to import, "collection failure", by its file, and a directory whose conftest.py did by the
 * directory): its rerun is whether it collects.
 */
function isFileId(id) {
    return !id.includes("::");
}
/**
 * What a test's id needs on every pytest command line: a doctest of a module
 * (`pkg/mod.py::pkg.mod.fine`) is only collected with --doctest-modules, and one of a text file
 * (`docs/usage.rst::usage.rst`) only when --doctest-glob matches its name, as the CI run had it.
 */
function collectArgs(id) {
    const kind = doctestKind(id);
    if (kind === "module")
        return ["--doctest-modules"];
    if (kind === "text")
        return [`--doctest-glob=${globLiteral(external_node_path_default().basename(nodeIdFile(id)))}`];
    return [];
}
/** A glob (fnmatch) that matches exactly `name`: its wildcard characters each in a set of one. */
function globLiteral(name) {
    return name.replace(/[*?[]/g, "[$&]");
}
/** The paths a file id's collection names: the files its collection clashed with first (see TestCase.clashesWith). */
function collected(test) {
    return [...(test.clashesWith ?? []), test.id].map(asPositional);
}
/**
 * The first line of the error pytest reports for collecting `id` (its section is headed
 * `____ ERROR collecting ID ____`), or null when it reports none for that file.
 */
function ownCollectionError(stdout, id) {
    const escaped = id.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
    // The short summary names the file as given on the command line (-rE, set on it, keeps it
    // whatever the project's addopts say); the section header names it from pytest's rootdir,
    // which may lie below the directory the rerun runs in.
    const summary = new RegExp(`^ERROR ${escaped}(?: - ([^\\n]*?))?\\r?$`, "m").exec(stdout);
    const header = [...stdout.matchAll(/^_+ ERROR collecting (\S+) _+\r?$/gm)].find((h) => h[1] === id || id.endsWith("/" + h[1]));
    if (summary === null && header === undefined)
        return null;
    if (header !== undefined) {
        const body = stdout.slice(header.index + header[0].length).split("\n");
        const line = ERROR_LINE.exec(body.slice(0, 40).join("\n"))?.[1] ?? body.find((l) => l.trim() !== "");
        if (line !== undefined)
            return line.trim().slice(0, 500);
    }
    return (summary?.[1] ?? "collection error").trim().slice(0, 500);
}
/** pytest's own error lines ("E   ModuleNotFoundError: No module named 'x'"). */
const ERROR_LINE = /^E {1,8}(\S[^\n]*)$/m;
/**
 * pytest's exit codes: 0 all collected, 5 nothing to collect (the file imports fine), 4 usage
 * error: no such file, or a conftest.py that failed to import (the failure being rerun).
 */
const COLLECTED = new Set([0, 5]);
const USAGE_ERROR = 4;
const NOT_FOUND = /^ERROR: (?:file or directory not found|not found): [^\n]*/m;
/**
 * One collect-only run of a file: passed when it collects, failed with pytest's error line when
 * not. With the files it clashed with collected first (`test.clashesWith`), only an error of its
 * own counts: one of theirs (a module missing here) says nothing of it.
 */
function judgeCollection(run, test) {
    if (COLLECTED.has(run.exitCode))
        return { kind: "passed" };
    if (test?.clashesWith !== undefined && test.clashesWith.length > 0 && run.exitCode !== USAGE_ERROR) {
        const own = ownCollectionError(run.stdout, test.id);
        return own === null ? { kind: "passed" } : { kind: "failed", message: own };
    }
    const missing = run.exitCode === USAGE_ERROR ? (NOT_FOUND.exec(run.stderr) ?? NOT_FOUND.exec(run.stdout)) : null;
    if (missing !== null)
        return { kind: "not-run", why: `pytest could not collect it (exit 4): ${missing[0]}` };
    const line = ERROR_LINE.exec(run.stdout)?.[1] ?? ERROR_LINE.exec(run.stderr)?.[1];
    const message = line ?? `pytest exited ${run.exitCode} while collecting`;
    return { kind: "failed", message: message.trim().slice(0, 500) };
}
/**
 * A file that failed to import in CI, collected again (one process per attempt: an import runs
 * once per process). No plugin: nothing runs but the collection.
 */
function collectInvocation(python, req, env, pytestArgs) {
    // A clash is judged by pytest's words for the file itself: ask for them whatever addopts say.
    const clash = (req.test.clashesWith?.length ?? 0) > 0 ? ["--tb=short", "-rE"] : [];
    const argv = [python, "-m", "pytest", ...cacheIn(req.workDir), "-q", "--color=no", "--collect-only", ...clash, ...pytestArgs, "--", ...collected(req.test)];
    return { argv, env, attempts: 1, reportsLines: false, judge: { decide: (run) => judgeCollection(run, req.test) } };
}
function pytestDriver(python) {
    return {
        name: "pytest",
        orderCheck: true,
        orderCheckRefusal: (test) => (test.id.includes("::") ? null : "the test id names no test inside its file"),
        batch: {
            key(req) {
                // Same-seed repeats only: fresh seeds given as arguments need a process per seed.
                if (req.mode !== "repeat" || req.freshSeeds !== null || isFileId(req.test.id))
                    return null;
                if (req.test.id.includes("\0"))
                    return null;
                const app = seedApplication(req.seed);
                // The seed's env and arguments are the process's, so they are part of the key; the
                // global-RNG seed is applied in-process per attempt, so it is not.
                return JSON.stringify([nodeIdFile(req.test.id), app?.env ?? {}, app?.args ?? [], collectArgs(req.test.id)]);
            },
            run(req) {
                if (req.mode !== "repeat")
                    return null;
                const app = seedApplication(req.seed);
                if (req.freshSeeds === null) {
                    const global = app?.globalRng ?? null;
                    return {
                        attempts: req.attempts,
                        seeds: global !== null ? [global] : [],
                        seedEnv: [],
                        globalSeed: global !== null,
                        stopWhenMixed: req.stopWhenMixed,
                        freshPasses: req.freshPasses,
                    };
                }
                // Fresh seeds go in per attempt, in the forked child: through the environment (the
                // process's own carries the recorded seed, as for the same-seed run) and the global
                // generators. Arguments are read once per process (pytest-randomly reads its seed at
                // configure): a seed given as arguments needs a process per fresh seed.
                if (app === null || app.args.length > 0)
                    return null;
                const seeds = req.freshSeeds.slice(0, req.attempts);
                return {
                    attempts: seeds.length,
                    seeds,
                    fresh: true,
                    seedEnv: Object.keys(app.env),
                    globalSeed: app.globalRng !== null,
                    stopWhenMixed: req.stopWhenMixed,
                    freshPasses: req.freshPasses,
                };
            },
            invocation({ requests, planFile, resultsFile, workDir }) {
                const first = requests[0];
                const app = first ? seedApplication(first.seed) : null;
                const env = {
                    HYPOTHESIS_STORAGE_DIRECTORY: external_node_path_default().join(workDir, "hypothesis"),
                    ...(app?.env ?? {}),
                };
                const extra = [`--ft-plan=${planFile}`, ...(first ? collectArgs(first.test.id) : []), ...(app?.args ?? [])];
                const argv = pytestArgv(python, workDir, resultsFile, extra, requests.map((r) => asPositional(r.test.id)));
                return { argv, env, attempts: requests.reduce((n, r) => n + r.attempts, 0), reportsLines: true, copyIn: hypothesisExamples(workDir) };
            },
        },
        seedSupport(seed) {
            const ok = seedApplication(seed) !== null;
            return { reapply: ok, fresh: ok };
        },
        invocation(req) {
            const app = seedApplication(req.seed);
            const env = {
                // Keep hypothesis' example database out of the user's checkout.
                HYPOTHESIS_STORAGE_DIRECTORY: external_node_path_default().join(req.workDir, "hypothesis"),
            };
            const seedArgs = [];
            const pytestArgs = collectArgs(req.test.id);
            let attempts = req.mode === "run-until" ? 1 : req.attempts;
            const fresh = req.freshSeeds;
            if (app !== null && fresh === null) {
                Object.assign(env, app.env);
                pytestArgs.push(...app.args);
                if (app.globalRng !== null)
                    seedArgs.push("--ft-global-seed", `--ft-seeds=${app.globalRng}`);
            }
            else if (app !== null && fresh !== null) {
                // Arguments are read once per process (pytest-randomly reads its seed at configure):
                // a seed given as arguments means one process per fresh seed.
                if (app.args.length > 0)
                    attempts = 1;
                const seeds = fresh.slice(0, attempts);
                const first = seeds[0] ?? app.value;
                // The first fresh seed also goes into the process env, for code that reads it at import.
                for (const name of Object.keys(app.env)) {
                    env[name] = first;
                    seedArgs.push(`--ft-seed-env=${name}`);
                }
                pytestArgs.push(...argsWithSeed(app, first));
                if (app.globalRng !== null)
                    seedArgs.push("--ft-global-seed");
                seedArgs.push(`--ft-seeds=${seeds.join(",")}`, "--ft-fresh");
            }
            if (isFileId(req.test.id))
                return collectInvocation(python, req, env, pytestArgs);
            const modeArgs = req.mode === "repeat"
                ? [`--ft-repeat=${attempts}`, ...(req.stopWhenMixed ? ["--ft-stop-when-mixed"] : []), ...(req.freshPasses ? ["--ft-fresh-passes"] : [])]
                : [`--ft-run-until=${req.test.id}`];
            const target = asPositional(req.mode === "repeat" ? req.test.id : nodeIdFile(req.test.id));
            const argv = pytestArgv(python, req.workDir, req.resultsFile, [...modeArgs, ...seedArgs, ...pytestArgs], [target]);
            return { argv, env, attempts, reportsLines: true, copyIn: hypothesisExamples(req.workDir) };
        },
        reproduceCommand(test, seed) {
            const app = seedApplication(seed);
            const argv = [python, "-m", "pytest", ...collectArgs(test.id), ...(app?.args ?? [])];
            argv.push(...(isFileId(test.id) ? collected(test) : [asPositional(test.id)]));
            // Only the command: the global-RNG and hypothesis seeds need code, not a flag, and the
            // reports say so with the seed. A note after `#` is not a comment in zsh (macOS's shell)
            // unless interactive_comments is set: its words reached pytest as arguments, and a seed
            // value from the report, in backquotes, ran as a command.
            return shellQuoteCommand(argv, app?.env ?? {});
        },
        orderReproduceCommand(test, seed) {
            const app = seedApplication(seed);
            // The whole file: the tests before it run first, as in the order check.
            return shellQuoteCommand([python, "-m", "pytest", ...collectArgs(test.id), ...(app?.args ?? []), asPositional(nodeIdFile(test.id))], app?.env ?? {});
        },
    };
}

;// CONCATENATED MODULE: ./src/rerun/limits.ts
/** Limits of the rerun engine, in one place so they can be reviewed together. */
/**
 * Captured stdout/stderr per stream: the first and the last half MiB. Enough for pytest's
 * failure summary (at the end) and for start-up errors (at the start); a test that prints
 * gigabytes must not grow our memory, so the middle is counted and dropped.
 */
const OUTPUT_HEAD_BYTES = 512 * 1024;
const OUTPUT_TAIL_BYTES = 512 * 1024;
/** A single line handed to `onLine` is cut here; the rest of it, up to the newline, is dropped. */
const MAX_LINE_BYTES = 64 * 1024;
/**
 * Between SIGTERM and SIGKILL. Two seconds lets pytest run its teardown and flush files on
 * SIGTERM; a child that ignores SIGTERM waits that long and no more.
 */
const KILL_GRACE_MS = 2_000;
/**
 * After the process exited and its group was killed, how long we still wait for the pipes to
 * close. A grandchild that left our process group (setsid) can hold them open forever.
 */
const PIPE_DRAIN_MS = 500;
/** How often the parent reads new lines from the plugin's results file. */
const RESULTS_POLL_MS = 50;
/**
 * Extra time before the first line of each pytest process: interpreter start, imports
 * (numpy, torch, mxnet take seconds) and collection. Not counted against the test's timeout.
 */
const STARTUP_ALLOWANCE_SEC = 60;
/**
 * The abort reason when the time budget stops the reruns (the scheduler's signal then aborts
 * with it), so notes can say why attempts were cut instead of calling it an interruption.
 */
const TIME_BUDGET_SPENT = "time budget spent";
/** Consecutive timeouts after which a phase stops: the test hangs, more attempts only cost time. */
const MAX_CONSECUTIVE_TIMEOUTS = 3;
/** The order check reruns the file up to the test at most this many times (each is a process). */
const MAX_ORDER_ATTEMPTS = 3;
/** Messages we keep per trial or note (one line each; the report has the details). */
const limits_MAX_MESSAGE_CHARS = 500;
/**
 * Largest results file (vitest/jest JSON) read to judge one attempt. A filtered run lists
 * every test of the file, skipped ones included; 16 MiB covers files with tens of thousands
 * of tests and stays far from what a test process could make us hold.
 */
const MAX_JUDGE_RESULTS_BYTES = 16 * 1024 * 1024;
/**
 * A batch's test whose claim file blocked this many processes in a row (each the only one
 * running, none taking it) goes back to the one-test path. Claims are made by our plugin right
 * before it says so, so this guards against a wall we cannot see, not a case we expect.
 */
const MAX_CLAIM_STALLS = 2;
/**
 * A failed attempt of a batch (batch.ts) at least this long makes the plugin wait for our count
 * before the next one: the count may settle the run (its own timeouts, three in a row), and the
 * next attempt would cost as long again; the one-test path kills its process at that point
 * instead. Shorter attempts cost less to run than to wait for (we read results every 50 ms).
 */
const ACK_AFTER_SEC = 1;

;// CONCATENATED MODULE: ./src/rerun/telling-line.ts

/**
 * The most telling line a process printed, for a message when nothing better says why it
 * failed: its last error line (pytest's `ERROR` / `E `, `Fatal Python error`, `...Error:`), else
 * its last line; undefined when it printed nothing.
 */
function tellingLine(stdout, stderr) {
    const lines = `${stdout}\n${stderr}`
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "" && !/^=+$/.test(l));
    const telling = [...lines].reverse().find((l) => /^(ERROR|E |Fatal Python error|.*Error:)/.test(l)) ?? lines[lines.length - 1];
    return telling?.slice(0, limits_MAX_MESSAGE_CHARS);
}

;// CONCATENATED MODULE: ./src/rerun/drivers/template.ts




const PLACEHOLDER = /\{(id|file|name|seed)\}/g;
function expandTemplate(template, values) {
    return template.map((element) => element.replace(PLACEHOLDER, (_, key) => values[key]));
}
/**
 * Why running `template` for this test could go wrong, or null: an id or name from the report
 * that begins with "-" and fills a whole argument before any "--" reaches the command as an
 * option (`-k evil`, `--rootdir=/`), not as a test. Files are made safe with "./" instead.
 */
function optionLikeArgument(template, test) {
    const endOfOptions = template.indexOf("--");
    for (let i = 0; i < template.length; i++) {
        if (endOfOptions !== -1 && i > endOfOptions)
            break;
        const element = template[i];
        for (const key of ["id", "name"]) {
            if (element.startsWith(`{${key}}`) && test[key].startsWith("-")) {
                return `its ${key} starts with '-', and the --rerun-command puts it where the command would read it as an option (put '--' before {${key}} if the command takes it)`;
            }
        }
    }
    return null;
}
/** A path starting with "-" would be an option; "./-x" is the same file. */
function safeFile(file) {
    return file.startsWith("-") ? `./${file}` : file;
}
/**
 * What test runners print when they selected no test: with a filter that matches nothing (gtest's
 * `--gtest_filter=` on a name it does not have) most exit 0, and the attempt read as a pass, so a
 * real failure came out "not reproduced", exit 0. Each is a whole line of the runner's own.
 */
const RAN_NO_TEST = [
    ["googletest", /^\[==========\] Running 0 tests from /m],
    ["RSpec", /^0 examples, 0 failures/m],
    ["pytest", /^(?:=+ )?no tests ran in [\d.]+s/m],
    ["unittest", /^Ran 0 tests in /m],
    ["CTest", /^No tests were found!!!$/m],
    ["go test", /^testing: warning: no tests to run$/m],
    ["cargo test", /^running 0 tests$/m],
    ["Jest", /^No tests found, exiting with code \d+/m],
    ["Vitest", /^No test files found, exiting with code \d+/m],
    ["Mocha", /^\s*0 passing \(\d/m],
    ["Maven Surefire", /^\[(?:INFO|ERROR|WARNING)\] (?:Tests run: 0, Failures: 0, Errors: 0, Skipped: 0$|No tests (?:were )?executed!?)/m],
    ["Gradle", /^\s*No tests found for given includes: /m],
];
/**
 * Lines that say a test did run: a command that runs several targets or packages prints a zero
 * line for each that holds no match (cargo's lib target, go's other packages) next to the one
 * that ran the test.
 */
const RAN_A_TEST = [
    /^\[==========\] Running [1-9]/m,
    /^[1-9]\d* examples?, /m,
    /\b[1-9]\d* (?:passed|failed|errors?)\b/,
    /^Ran [1-9]\d* tests? in /m,
    /^=== RUN /m,
    /^--- (?:PASS|FAIL|SKIP): /m,
    /^ok\s+\S+\s+(?:\(cached\)|[\d.]+s)\s*$/m,
    /^running [1-9]\d* tests?$/m,
    /^\s*[1-9]\d* (?:passing|failing|pending)\b/m,
    /Tests run: [1-9]/,
    /\btests passed\b/,
    /^Tests: +[1-9]/m,
    /^ {0,2}Tests {2}[1-9]/m,
];
/**
 * The runner that said it ran no test, or null: only for a run that exited 0 (a run that failed
 * did run something, or failed to: either is a failure, as it was) and showed no sign of a test
 * that ran.
 */
function ranNoTest(output, exitCode = 0) {
    if (exitCode !== 0 || RAN_A_TEST.some((p) => p.test(output)))
        return null;
    return RAN_NO_TEST.find(([, pattern]) => pattern.test(output))?.[0] ?? null;
}
/** A template's attempt: its exit status, unless the command said it ran no test. */
const TEMPLATE_JUDGE = {
    decide({ exitCode, stdout, stderr }) {
        const runner = ranNoTest(`${stdout}\n${stderr}`, exitCode);
        if (runner !== null) {
            return { kind: "not-run", why: `the --rerun-command ran no test (${runner} said so): its {id}, {name} or {file} does not select this test` };
        }
        if (exitCode === 0)
            return { kind: "passed" };
        const status = ctestStatus(stdout);
        if (status !== null)
            return { kind: "failed", message: `CTest: ${status.line}`, ...(status.kind === "timeout" ? { timedOut: true } : { crashed: true }) };
        const telling = tellingLine(stdout, stderr);
        return { kind: "failed", message: `exit code ${exitCode}${telling !== undefined ? `: ${telling}` : ""}` };
    },
};
/**
 * CTest's verdict on a test it ran (`1/1 Test #4: Crash.Segfault ....***Exception: SegFault  0.01 sec`):
 * its process died by a signal (SegFault, Illegal, Interrupt, Numerical, Other; an abort reads
 * "Subprocess aborted***Exception:") or was stopped at its TIMEOUT, which CTest's own exit code
 * (8) does not tell from a failed assertion.
 */
const template_CTEST_STATUS = /^ *\d+\/\d+ Test +#\d+: [^\n]*?(\*\*\*Timeout|\*\*\*Exception:)[^\n]*$/m;
function ctestStatus(stdout) {
    const m = template_CTEST_STATUS.exec(stdout);
    if (m === null)
        return null;
    return { kind: m[1] === "***Timeout" ? "timeout" : "crash", line: m[0].trim().replace(/ \.{3,}\s*/, " ").replace(/\s+/g, " ") };
}
function templateDriver(template) {
    const usesSeed = template.some((e) => e.includes("{seed}"));
    const valuesFor = (test, seed) => ({
        id: test.id,
        file: safeFile(test.file ?? nodeIdFile(test.id)),
        name: test.name,
        seed,
    });
    const support = (seed) => {
        const app = seedApplication(seed);
        const ok = seed !== null && ((app !== null && Object.keys(app.env).length > 0) || usesSeed);
        return { reapply: ok, fresh: ok };
    };
    return {
        name: "template",
        orderCheck: false,
        refuse: (test) => optionLikeArgument(template, test),
        seedSupport: support,
        invocation(req) {
            const app = seedApplication(req.seed);
            const value = req.freshSeeds?.[0] ?? req.seed?.value ?? "";
            const env = {};
            for (const [name, recorded] of Object.entries(app?.env ?? {}))
                env[name] = req.freshSeeds ? value : recorded;
            return { argv: expandTemplate(template, valuesFor(req.test, value)), env, attempts: 1, reportsLines: false, judge: TEMPLATE_JUDGE };
        },
        reproduceCommand(test, seed) {
            const app = seedApplication(seed);
            return shellQuoteCommand(expandTemplate(template, valuesFor(test, seed?.value ?? "")), app?.env ?? {});
        },
    };
}

;// CONCATENATED MODULE: ./src/rerun/drivers/vitest.ts
/**
 * vitest: one process per attempt (vitest has no flag to repeat a test), the test picked by
 * file and an anchored, escaped `-t` pattern, the outcome read from vitest's JSON reporter
 * because vitest exits 0 when the pattern matches nothing.
 */





/** `npx --no-install`: a rerun must use the project's own vitest, never download one. */
const vitest_LAUNCH = ["npx", "--no-install", "vitest"];
/** What makes vitest run as in CI (see the invocation). */
const IN_CI = { CI: "true" };
/** The test file, as vitest's junit reporter wrote it (classname) unless the join found it. */
function vitestFile(test) {
    return test.file ?? test.classname;
}
/**
 * `-t` matches the full name: describe titles and the test title joined by spaces. The junit
 * reporter joins them with " > ", and a title may hold " > " itself ("returns true when a > b"):
 * which of them separate is not written down, so each matches either.
 */
function vitestNamePattern(test) {
    return `^${test.name.split(" > ").map(escapePattern).join("(?: > | )")}$`;
}
/**
 * Seed arguments for a run of the whole file in its own order: a recorded `--sequence.shuffle`
 * dropped, and shuffling turned off last (the last of vitest's repeated options wins).
 */
function unshuffled(args) {
    return [...args.filter((a) => !/^--sequence\.shuffle(?:=|$)/.test(a)), "--sequence.shuffle=false"];
}
function vitestDriver() {
    const support = (seed) => {
        const app = seedApplication(seed, "vitest");
        const ok = app !== null && (app.args.length > 0 || Object.keys(app.env).length > 0);
        return { reapply: ok, fresh: ok };
    };
    const base = (test) => ["run", fileArgument(vitestFile(test)), "-t", vitestNamePattern(test)];
    return {
        name: "vitest",
        // The test's file run whole in its own order; tests in other files are not tried.
        orderCheck: true,
        refuse: (test) => fileOutsideProject(vitestFile(test)),
        seedSupport: support,
        invocation(req) {
            const app = seedApplication(req.seed, "vitest");
            const fresh = req.freshSeeds?.[0];
            // vitest writes a snapshot the test has not stored into the user's checkout (and the test
            // passes) unless it runs in CI, which it reads from CI: as in the CI run, never written.
            // (Every vitest reads CI; `--update=none` is newer, and older ones read it as "all".) In CI
            // vitest also refuses `.only`: --allowOnly keeps that as it was without CI.
            const env = { ...IN_CI };
            for (const [k, v] of Object.entries(app?.env ?? {}))
                env[k] = fresh ?? v;
            const seedArgs = app === null ? [] : fresh !== undefined ? argsWithSeed(app, fresh) : app.args;
            const results = external_node_path_default().join(req.workDir, "vitest.json");
            const filter = { pattern: vitestNamePattern(req.test), flags: "" };
            if (req.mode === "run-until") {
                // vitest's JSON lists a file's tests in the file's order, whatever order they ran in:
                // unshuffled, that is the order they ran in, so counting the ones before it holds.
                const argv = [...vitest_LAUNCH, "run", fileArgument(vitestFile(req.test)), ...unshuffled(seedArgs), "--allowOnly", "--reporter=json", `--outputFile.json=${results}`];
                return wholeFileInvocation(argv, env, results, "vitest", filter);
            }
            const argv = [...vitest_LAUNCH, ...base(req.test), ...seedArgs, "--allowOnly", "--reporter=json", `--outputFile.json=${results}`];
            return {
                argv,
                env,
                attempts: 1,
                reportsLines: false,
                judge: { resultFile: results, decide: (r) => judgeJestJson(r.results, r.exitCode, "vitest", filter) },
            };
        },
        reproduceCommand(test, seed) {
            const app = seedApplication(seed, "vitest");
            // As the reruns ran it: a snapshot it has not stored fails instead of being written.
            return shellQuoteCommand(["npx", "vitest", ...base(test), ...(app?.args ?? [])], { ...IN_CI, ...(app?.env ?? {}) });
        },
        orderReproduceCommand(test, seed) {
            const app = seedApplication(seed, "vitest");
            return shellQuoteCommand(["npx", "vitest", "run", fileArgument(vitestFile(test)), ...unshuffled(app?.args ?? [])], { ...IN_CI, ...(app?.env ?? {}) });
        },
    };
}

;// CONCATENATED MODULE: ./src/rerun/drivers/index.ts





const DRIVERS = [
    {
        name: "template",
        matches: (_test, options) => options.rerunCommand !== null && options.rerunCommand.length > 0,
        create: (options) => templateDriver(options.rerunCommand ?? []),
    },
    {
        name: "pytest",
        matches: (test, options) => chosen(test, options, "pytest") ?? (isPytestNodeId(test.id) || test.runner === "pytest"),
        create: (options) => pytestDriver(options.python),
    },
    {
        name: "vitest",
        matches: (test, options) => chosen(test, options, "vitest") ?? test.runner === "vitest",
        create: () => vitestDriver(),
    },
    {
        name: "jest",
        matches: (test, options) => chosen(test, options, "jest") ?? test.runner === "jest",
        create: () => jestDriver(),
    },
    {
        name: "go",
        matches: (test, options) => chosen(test, options, "go") ?? test.runner === "go",
        create: () => goDriver(),
    },
];
/** The built-in drivers `--runner` accepts. */
const RUNNER_NAMES = DRIVERS.filter((d) => d.name !== "template").map((d) => d.name);
/** With `--runner`, whether it names this driver; without, undefined (the test decides). */
function chosen(_test, options, name) {
    const forced = options.runner ?? null;
    return forced === null ? undefined : forced === name;
}
function pickDriver(test, options) {
    const entry = DRIVERS.find((d) => d.matches(test, options));
    return entry ? entry.create(options) : null;
}

;// CONCATENATED MODULE: ./src/cli/args.ts








/** Flags shared with the documentation in `--help`; the order here is the order shown. */
const TRIAGE_FLAGS = [
    ["--cwd DIR", "project root for reruns and for resolving test files", "."],
    ["--reruns N", "same-seed reruns per failing test (at least 1; see --no-rerun)", String(DEFAULTS.reruns)],
    ["--fresh-seeds M", "fresh-seed reruns per failing test (when its seed can be re-applied)", String(DEFAULTS.freshSeeds)],
    ["--rerun-timeout S", "timeout per test attempt, in seconds", String(DEFAULTS.rerunTimeoutSec)],
    ["--jobs J", "tests rerun in parallel", "number of CPUs"],
    ["--time-budget S", "stop reruns after S seconds (running ones too; what they finished counts); tests not reached get not-rerun", "none"],
    ["--max-failures N", "rerun at most N failing tests; the rest get verdict not-rerun", String(DEFAULTS.maxFailures)],
    ["--seed-pattern REGEX", "extra seed pattern with a named group `seed` (and optional `env`); repeatable", "none"],
    ["--rerun-command TEMPLATE", "argv template for reruns, e.g. 'tox -e py -- {id}' ({id} {file} {name} {seed})", "the built-in driver: the report's dialect's, or --runner's"],
    ["--runner NAME", `rerun driver for every test: ${RUNNER_NAMES.join(", ")}`, "from the report's dialect"],
    ["--no-rerun", "read and extract only: no reruns; a test the report itself retried is classified from those retries, every other failing test gets verdict not-rerun", "off"],
    ["--json FILE", "write the JSON report (schema/report.schema.json) to FILE", "none"],
    ["--markdown FILE", "write the Markdown report to FILE", "none"],
    ["--args-json FILE", "read further arguments from a JSON array of strings (used by the Jenkins step)", "none"],
    ["--quiet", "no progress output on stderr (report warnings still print)", "off"],
    ["--help", "show this help", ""],
    ["--version", "print the version", ""],
];
const OPTIONS = {
    cwd: { type: "string" },
    reruns: { type: "string" },
    "fresh-seeds": { type: "string" },
    "rerun-timeout": { type: "string" },
    jobs: { type: "string" },
    "time-budget": { type: "string" },
    "max-failures": { type: "string" },
    "seed-pattern": { type: "string", multiple: true },
    "rerun-command": { type: "string" },
    runner: { type: "string" },
    "no-rerun": { type: "boolean" },
    json: { type: "string" },
    markdown: { type: "string" },
    "args-json": { type: "string" },
    quiet: { type: "boolean" },
    help: { type: "boolean", short: "h" },
    version: { type: "boolean", short: "V" },
};
function parseTriageArgs(argv, shellCwd) {
    const expanded = expandArgsJson(argv);
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: expanded, options: OPTIONS, allowPositionals: true, strict: true });
    }
    catch (err) {
        throw new UserError(`${errorMessage(err)} (see --help)`);
    }
    const v = parsed.values;
    if (v.help)
        return { kind: "help", topic: "triage" };
    if (v.version)
        return { kind: "version" };
    if (parsed.positionals.length === 0) {
        throw new UserError("no report given: pass JUnit XML files or console logs (see --help)");
    }
    const cwd = (0,external_node_path_namespaceObject.resolve)(shellCwd, v.cwd ?? ".");
    const settings = {
        reports: [],
        cwd,
        reruns: intFlag("--reruns", v.reruns, DEFAULTS.reruns, 1, 10_000),
        freshSeeds: intFlag("--fresh-seeds", v["fresh-seeds"], DEFAULTS.freshSeeds, 0, 10_000),
        rerunTimeoutSec: numFlag("--rerun-timeout", v["rerun-timeout"], DEFAULTS.rerunTimeoutSec, 0.1, 86_400),
        jobs: intFlag("--jobs", v.jobs, (0,external_node_os_namespaceObject.availableParallelism)(), 1, 256),
        timeBudgetSec: v["time-budget"] === undefined ? null : numFlag("--time-budget", v["time-budget"], 0, 0, 1e7),
        seedPatterns: (v["seed-pattern"] ?? []).map(seedPattern),
        rerunCommand: v["rerun-command"] === undefined ? null : rerunTemplate(v["rerun-command"]),
        runner: v.runner === undefined ? null : runnerName(v.runner),
        rerun: !v["no-rerun"],
        maxFailures: intFlag("--max-failures", v["max-failures"], DEFAULTS.maxFailures, 0, 1_000_000),
    };
    return {
        kind: "triage",
        triage: {
            settings,
            reportArgs: parsed.positionals,
            json: v.json === undefined ? null : (0,external_node_path_namespaceObject.resolve)(shellCwd, v.json),
            markdown: v.markdown === undefined ? null : (0,external_node_path_namespaceObject.resolve)(shellCwd, v.markdown),
            quiet: v.quiet ?? false,
        },
    };
}
/**
 * `--args-json FILE` splices a JSON array of strings into argv. The Jenkins step uses it so
 * that test names and paths travel as data, never through a shell command line.
 */
function expandArgsJson(argv) {
    const out = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        let file;
        if (a === "--args-json")
            file = argv[++i];
        else if (a.startsWith("--args-json="))
            file = a.slice("--args-json=".length);
        else {
            out.push(a);
            continue;
        }
        if (file === undefined)
            throw new UserError("--args-json needs a file");
        let data;
        try {
            data = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(file, "utf8"));
        }
        catch (err) {
            throw new UserError(`--args-json ${file}: ${errorMessage(err)}`);
        }
        if (!Array.isArray(data) || !data.every((x) => typeof x === "string")) {
            throw new UserError(`--args-json ${file}: expected a JSON array of strings`);
        }
        out.push(...expandArgsJson(data));
    }
    return out;
}
function intFlag(name, raw, dflt, min, max) {
    if (raw === undefined)
        return dflt;
    if (!/^\d+$/.test(raw.trim()))
        throw new UserError(`${name} expects a whole number, got '${raw}'`);
    const n = Number(raw);
    if (n < min || n > max)
        throw new UserError(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
}
function numFlag(name, raw, dflt, min, max) {
    if (raw === undefined)
        return dflt;
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n))
        throw new UserError(`${name} expects a number of seconds, got '${raw}'`);
    if (n < min || n > max)
        throw new UserError(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
}
function seedPattern(src) {
    let re;
    try {
        re = new RegExp(src);
    }
    catch (err) {
        throw new UserError(`--seed-pattern '${src}' is not a valid regular expression: ${errorMessage(err)}`);
    }
    if (!/\(\?<seed>/.test(src))
        throw new UserError(`--seed-pattern '${src}' needs a named group (?<seed>...)`);
    return re;
}
function runnerName(name) {
    if (!RUNNER_NAMES.includes(name))
        throw new UserError(`--runner must be one of ${RUNNER_NAMES.join(", ")}, got '${name}'`);
    return name;
}
function rerunTemplate(src) {
    const argv = splitCommandTemplate(src);
    if (argv.length === 0)
        throw new UserError("--rerun-command is empty");
    if (!argv.some((a) => a.includes("{id}") || a.includes("{file}") || a.includes("{name}"))) {
        throw new UserError("--rerun-command must contain {id}, {file} or {name} so it runs one test");
    }
    return argv;
}
function helpText(version) {
    const w = Math.max(...TRIAGE_FLAGS.map(([f]) => f.length));
    const lines = TRIAGE_FLAGS.map(([flag, what, dflt]) => `  ${flag.padEnd(w)}  ${what}${dflt ? ` (default: ${dflt})` : ""}`);
    return [
        `flaky-triage ${version}: which failing tests are real bugs, which are flaky, why, and what to change.`,
        "",
        "Usage:",
        "  flaky-triage [options] REPORT...      triage failing tests (JUnit XML; pytest, unittest and go test console output)",
        "  flaky-triage explain FILE|-           explain a log or a pasted excerpt for a person (no reruns; explain --help)",
        "  flaky-triage verify ID... --trials N  prove a fix over many fresh seeds (verify --help)",
        "  flaky-triage merge SHARD.json...      merge sharded verify reports (merge --help)",
        "",
        "Options:",
        ...lines,
        "",
        "Exit status: 0 no deterministic failure, 1 at least one deterministic failure, 2 usage or unreadable input.",
        "",
        "Example:",
        "  flaky-triage reports/junit.xml reports/pytest.log --json triage.json --markdown triage.md",
    ].join("\n");
}

;// CONCATENATED MODULE: ./src/cli/command-guard.ts
/**
 * In a GitHub Actions `run:` step the runner reads every line the CLI prints as a possible
 * workflow command: `::name::` at the start of a line, `##[name]` anywhere. The CLI prints test
 * ids, messages and paths from untrusted reports (a table row starts with the id), so in a
 * workflow everything it prints sits inside one `::stop-commands::TOKEN` block, closed when
 * the process exits. The token is random: nothing printed can know it.
 */

/** Opens the block when `env` says this is a GitHub Actions step; the block closes at exit. */
function guardWorkflowCommands(env, out) {
    if (env["GITHUB_ACTIONS"] !== "true")
        return;
    const token = (0,external_node_crypto_namespaceObject.randomBytes)(16).toString("hex");
    out.write(`::stop-commands::${token}\n`);
    // Writes to a pipe or file are synchronous on POSIX, so this lands after everything else.
    process.on("exit", () => out.write(`::${token}::\n`));
}

;// CONCATENATED MODULE: ./src/render/escape.ts
/**
 * Escaping for untrusted text (test ids, messages, paths, seeds, output) on its way into
 * GitHub-flavoured Markdown, HTML blocks, code spans and fenced code blocks. Every renderer
 * goes through here; nothing from a report reaches Markdown raw.
 */
// CSI/OSC and other ESC sequences first (so their parameters go with them), then the rest of
// C0 (except tab and newline), DEL and C1. Test output is full of colour codes and a hostile
// test can print cursor movements or terminal title changes.
const ANSI_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidi overrides and isolates can make a displayed id read differently from what it is
// ("Trojan Source", CVE-2021-42574).
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
/** Removes ANSI escape sequences, control characters (tab and newline kept) and bidi overrides. */
function stripControl(text) {
    return text.replace(/\r\n?/g, "\n").replace(ANSI_SEQUENCE, "").replace(CONTROL, "").replace(BIDI, "");
}
/**
 * Shows control characters (C0 and C1) as `\xNN` and bidi controls as `\uNNNN`: visible, inert
 * on a terminal, nothing lost; a bidi override could make a command read as another.
 */
function showControls(text) {
    return (text
        // eslint-disable-next-line no-control-regex
        .replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)
        .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`));
}
/** Collapses all whitespace runs (newlines included) to single spaces and trims. */
function oneLine(text) {
    return stripControl(text).replace(/\s+/g, " ").trim();
}
/** Shortens to at most `max` characters (code points), marking the cut with an ellipsis. */
function truncate(text, max) {
    const chars = Array.from(text);
    if (chars.length <= max)
        return text;
    return chars.slice(0, Math.max(0, max - 1)).join("") + "\u2026";
}
const HTML_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
};
// U+2060 WORD JOINER is invisible and, unlike a space, keeps the text reading the same, but
// GitHub's mention and issue-reference filters no longer see `@name` or `#123`. (Entities such
// as `&#64;` do not help: they are decoded before those filters run on the text nodes.)
const JOINER = "\u2060";
function breakReferences(text) {
    // After every `@`, not only one a name follows: in escapeMarkdown the punctuation after it is
    // backslash-escaped first (`admin@\.evil\.com`), and GitHub's email autolinks still form
    // through the escapes (mailto:admin@.evil.com).
    return text.replace(/@/g, `@${JOINER}`).replace(/#(?=[0-9])/g, `#${JOINER}`);
}
/**
 * For text inside an HTML block (e.g. `<summary>`): entities for `& < > " '`, references broken.
 * Markdown is not parsed inside an HTML block, but Markdown punctuation becomes numeric
 * entities as well, so the text stays literal even where a renderer does parse it.
 */
function escapeHtml(text) {
    // References are broken first: the entities made afterwards (`&#39;`) contain `#` + digits.
    return breakReferences(oneLine(text)).replace(/[&<>"'`*_[\]()~$|\\]/g, (c) => HTML_ENTITIES[c] ?? `&#${c.charCodeAt(0)};`);
}
// Everything CommonMark lets a backslash escape that could start or end inline syntax:
// emphasis `*_~`, code `` ` ``, links and images `[]()!`, headings and lists `#+-.`,
// table cells `|`, GitHub math `$`, and the backslash itself. `& < > " '` become entities.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~$:]/g;
/**
 * For text in a Markdown context (paragraph or table cell): one line, HTML-escaped,
 * Markdown punctuation backslash-escaped, mentions and issue references broken, so it
 * renders as the literal text it is.
 */
function escapeMarkdown(text) {
    return breakReferences(oneLine(text).replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}
function longestRun(text, char) {
    let longest = 0;
    let current = 0;
    for (const c of text) {
        current = c === char ? current + 1 : 0;
        if (current > longest)
            longest = current;
    }
    return longest;
}
/**
 * An inline code span that cannot be closed early: its delimiter is one backtick longer than
 * the longest run inside. In a table cell, `|` still splits the row even inside a code span
 * (GFM tables are split before inline parsing), so it is backslash-escaped there.
 */
function codeSpan(text, options = {}) {
    let body = oneLine(text);
    if (options.inTable)
        body = body.replace(/\|/g, "\\|");
    if (body === "")
        return "` `";
    const fence = "`".repeat(longestRun(body, "`") + 1);
    // A leading or trailing backtick would merge with the fence; CommonMark strips one space
    // from each side when both are present.
    const pad = body.startsWith("`") || body.endsWith("`") || (body.startsWith(" ") && body.endsWith(" "));
    return pad ? `${fence} ${body} ${fence}` : `${fence}${body}${fence}`;
}
/**
 * A fenced code block (with a blank line before it, as it may follow an HTML block). The fence
 * is longer than any backtick run in the body, so no line inside can close it.
 */
function codeBlock(text, language = "") {
    const body = stripControl(text).replace(/\n+$/, "");
    const fence = "`".repeat(Math.max(3, longestRun(body, "`") + 1));
    const info = language.replace(/[^A-Za-z0-9_+-]/g, "");
    return `${fence}${info}\n${body}\n${fence}`;
}

;// CONCATENATED MODULE: ./src/cli/sanitize.ts

/**
 * Test ids and paths come from untrusted reports. On a terminal or in a CI log, control
 * characters could move the cursor, hide text or (in GitHub's log) start a workflow
 * command at the beginning of a line; printed ids are therefore made one visible line.
 */
function sanitizeLine(s, max = 500) {
    const clean = showControls(s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/\t/g, " "));
    return clean.length > max ? clean.slice(0, max - 1) + "…" : clean;
}

;// CONCATENATED MODULE: ./src/cli/status-line.ts
/**
 * One status line on stderr that is redrawn in place on a terminal, and the plain lines that
 * scroll above it. In a CI log (not a TTY) nothing is redrawn: callers print whole lines.
 */
class StatusLine {
    out;
    live;
    lastLen = 0;
    constructor(out, quiet) {
        this.out = out;
        this.live = !quiet && out.isTTY === true;
    }
    /** Clears the status line, if one is shown. */
    clear() {
        if (this.live && this.lastLen > 0)
            this.out.write("\r" + " ".repeat(this.lastLen) + "\r");
        this.lastLen = 0;
    }
    /** A line that stays (scrolls above the status line). */
    line(s) {
        this.clear();
        this.out.write(s + "\n");
    }
    /** Replaces the status line; cut to the terminal's width so it never wraps. */
    redraw(s) {
        const width = Math.max(20, (this.out.columns ?? 100) - 1);
        const text = s.length > width ? s.slice(0, width - 1) + "…" : s;
        this.out.write("\r" + text.padEnd(this.lastLen));
        this.lastLen = text.length;
    }
}

;// CONCATENATED MODULE: ./src/render/reading.ts
/**
 * In a log (not a terminal), how long a report may be read before a line says how far reading
 * has got, and how often again. A 500 MB report takes seconds to read and a line per block would
 * bury the log; a read shorter than this says nothing until its "read" line.
 */
const READING_LINE_EVERY_MS = 5_000;
/** `120 of 500 MB (24%)`: bytes read of a file's size, in whole MB (KB below 1 MB). */
function readingAmount(bytesRead, bytesTotal) {
    const mb = bytesTotal >= 1_000_000;
    const unit = mb ? 1_000_000 : 1_000;
    const pct = bytesTotal > 0 ? Math.min(100, Math.floor((bytesRead / bytesTotal) * 100)) : 100;
    return `${Math.round(bytesRead / unit)} of ${Math.round(bytesTotal / unit)} ${mb ? "MB" : "KB"} (${pct}%)`;
}
/** Which reading events make a line in a log: one every READING_LINE_EVERY_MS per report. */
class ReadingLines {
    now;
    /** The report being read, and when its reading or its last line began. */
    current = null;
    constructor(now) {
        this.now = now;
    }
    /** readingAmount for this event when a line is due, else null. */
    next(ev) {
        const t = this.now();
        if (this.current?.path !== ev.path) {
            this.current = { path: ev.path, since: t };
            return null;
        }
        if (t - this.current.since < READING_LINE_EVERY_MS)
            return null;
        this.current.since = t;
        return readingAmount(ev.bytesRead, ev.bytesTotal);
    }
}

;// CONCATENATED MODULE: ./src/render/format.ts
/** Most important first: what a reviewer must act on before what may wait. */
const VERDICT_ORDER = ["deterministic", "intermittent", "not-reproduced", "not-rerun"];
const VERDICT_LABEL = {
    deterministic: "deterministic",
    intermittent: "intermittent",
    "not-reproduced": "not reproduced",
    "not-rerun": "not rerun",
};
const CAUSE_LABEL = {
    tolerance: "tolerance",
    "edge-case": "edge case",
    regression: "regression",
    "race-condition": "race condition",
    "order-dependence": "order dependence",
    timeout: "timeout",
    crash: "crash",
    environment: "environment",
    unknown: "unknown",
};
/** The report's tests, deterministic first, keeping the report's order within a verdict. */
function orderForDisplay(report) {
    const rank = (t) => VERDICT_ORDER.indexOf(t.verdict);
    return report.tests
        .map((test, position) => ({ test, position }))
        .sort((a, b) => rank(a.test) - rank(b.test) || a.position - b.position)
        .map((e) => e.test);
}
function verdictText(test) {
    const label = VERDICT_LABEL[test.verdict];
    return test.verdict === "deterministic" && test.seedSensitivity !== "unknown" ? `${label}, ${test.seedSensitivity}` : label;
}
function seedValue(seed) {
    return seed === null ? "" : seed.value;
}
/**
 * A table's seed cell: a hypothesis falsifying example is a call, not a seed to copy (it cannot
 * be given back; the details and the JSON keep it in full).
 */
function seedCell(seed) {
    return seed?.recogniser === "hypothesis-falsifying-example" ? "example" : seedValue(seed);
}
function applyText(apply) {
    switch (apply.kind) {
        case "env":
            return `environment ${Object.entries(apply.env).map(([k, v]) => `${k}=${v}`).join(" ")}`;
        case "args":
            return `arguments ${apply.args.join(" ")}`;
        case "global-rng":
            return `global generators seeded with ${apply.value}`;
        case "hypothesis":
            return `hypothesis ${apply.decorator}`;
        case "none":
            return `cannot be re-applied: ${apply.why}`;
    }
}
/**
 * Numbers as people write them: `digits` significant digits (4 for ratios and tolerances; more
 * for actual/expected values, whose difference is the point), exponent for very small or large.
 */
function formatNumber(n, digits = 4) {
    if (!Number.isFinite(n))
        return String(n);
    if (n === 0)
        return "0";
    const abs = Math.abs(n);
    if (abs >= 1e-3 && abs < 1e6)
        return String(Number(n.toPrecision(digits)));
    return n.toExponential(digits - 1).replace(/\.?0+e/, "e");
}
function percent(p) {
    return `${Number((p * 100).toPrecision(3))}%`;
}
function tallyText(t) {
    const parts = [`${t.runs} run${t.runs === 1 ? "" : "s"}`, `${t.passed} passed`, `${t.failed} failed`];
    if (t.timedOut > 0)
        parts.push(`${t.timedOut} timed out`);
    if (t.crashed > 0)
        parts.push(`${t.crashed} crashed`);
    return parts.join(", ") + (t.stoppedEarly ? " (stopped early: more runs could not change the verdict)" : "");
}
/**
 * Triaged tests that ended as passed: they failed, then passed on a retry the report recorded
 * (surefire's flakyFailure, gotestsum --rerun-fails). Named beside the failing count so that
 * the verdicts add up.
 */
function passedOnRetry(report) {
    // Counted, not inferred from the verdicts: a failure the report and its console log name
    // differently is two triaged entries for one failing test, not a retry.
    let n = 0;
    for (const t of report.tests)
        if (t.outcome === "passed")
            n++;
    return n;
}
/**
 * What a progress line says of a finished test (the CLI's and the Action's): its verdict, why
 * its reruns could not run (no interpreter, a driver's refusal: the table only reads "not
 * rerun"), or nothing for one not rerun by choice (--no-rerun, past --max-failures: a line each
 * for 50,000 of them only slows the log). One the time budget left out gets its verdict line.
 */
function doneLineKind(test, rerun) {
    const note = test.reruns.note;
    if (test.verdict !== "not-rerun" || note?.startsWith("time") === true)
        return "verdict";
    return rerun && note !== undefined ? "could-not-run" : null;
}
/**
 * Failing testcases triaged with another of the same id (a `test.each` case with a fixed title,
 * one test failing in two shards): the counts are the reports' testcases, the verdicts one per
 * id, so without this the tally read "2 failing tests: ... 1 not rerun".
 */
function sharedIdFailures(report) {
    return report.summary.sharedId ?? 0;
}
/** " (N triaged with another of the same id)" when there are such, else "". */
function sharedIdNote(report) {
    const n = sharedIdFailures(report);
    return n > 0 ? ` (${n} triaged with another of the same id)` : "";
}
function tallyLine(report) {
    const s = report.summary;
    const failing = s.failed + s.errored;
    const retried = passedOnRetry(report);
    return (`${failing} failing test${failing === 1 ? "" : "s"}${sharedIdNote(report)}${retried > 0 ? ` and ${retried} that passed on a retry` : ""} of ${s.tests}: ` +
        `${s.deterministic} deterministic, ${s.intermittent} intermittent, ${s.notReproduced} not reproduced, ${s.notRerun} not rerun`);
}
function historyText(h) {
    const rate = `flaky in ${h.flaky} of last ${h.runs} run${h.runs === 1 ? "" : "s"}`;
    return h.newFlaky ? `new flaky test (${rate})` : `${rate}, first seen ${h.firstSeen.slice(0, 10)}`;
}

;// CONCATENATED MODULE: ./src/cli/progress.ts




const PHASE_LABEL = {
    "same-seed": "same seed",
    "fresh-seeds": "fresh seeds",
    order: "after predecessors",
};
/** A terminal's status line is redrawn at most this often while a report is read (1 MiB a call). */
const REDRAW_EVERY_MS = 100;
/**
 * Progress on stderr. On a terminal one line is redrawn in place; in a CI log (not a TTY)
 * redrawing would spam the log, so each test gets one line when it finishes.
 */
class ProgressPrinter {
    opts;
    status;
    readingLines;
    now;
    redrawnAt = -Infinity;
    constructor(out, opts) {
        this.opts = opts;
        this.status = new StatusLine(out, opts.quiet);
        this.now = opts.now ?? Date.now;
        this.readingLines = new ReadingLines(this.now);
    }
    update(ev) {
        if (this.opts.quiet) {
            // Quiet drops progress, not problems: a report missing or cut off still says so.
            if (ev.kind === "read")
                for (const w of ev.warnings)
                    this.line(`warning: ${sanitizeLine(w)}`);
            return;
        }
        switch (ev.kind) {
            case "reading": {
                // The amount first: on a narrow terminal the path is what gets cut.
                if (this.status.live) {
                    const t = this.now();
                    if (t - this.redrawnAt < REDRAW_EVERY_MS && ev.bytesRead < ev.bytesTotal)
                        return;
                    this.redrawnAt = t;
                    this.status.redraw(`reading ${readingAmount(ev.bytesRead, ev.bytesTotal)}: ${sanitizeLine(ev.path)}`);
                    return;
                }
                const amount = this.readingLines.next(ev);
                if (amount !== null)
                    this.line(`reading ${amount}: ${sanitizeLine(ev.path)}`);
                return;
            }
            case "read":
                this.line(`read ${sanitizeLine(ev.path)}: ${ev.tests} tests, ${ev.failing} failing`);
                for (const w of ev.warnings)
                    this.line(`  warning: ${sanitizeLine(w)}`);
                return;
            case "plan":
                if (ev.toRerun > 0 || ev.notRerun > 0) {
                    this.line(`rerunning ${ev.toRerun} failing test(s)${ev.notRerun ? `, ${ev.notRerun} not rerun` : ""}`);
                }
                return;
            case "budget-spent":
                this.line(`time budget of ${ev.seconds} s spent: stopping the reruns still running; the report keeps the attempts they finished`);
                return;
            case "rerun":
                if (this.status.live) {
                    const label = PHASE_LABEL[ev.phase] ?? ev.phase;
                    this.status.redraw(`[${ev.index + 1}/${ev.count}] ${sanitizeLine(ev.id)}  ${label} ${ev.done}/${ev.total} ...`);
                }
                return;
            case "test-done": {
                const shown = doneLineKind(ev.test, ev.rerun);
                if (shown === null)
                    return;
                const head = `[${ev.index + 1}/${ev.count}] ${sanitizeLine(ev.test.id)}`;
                this.line(shown === "verdict" ? `${head}: ${ev.test.verdict}, ${ev.test.cause}` : `${head}: not rerun: ${sanitizeLine(ev.test.reruns.note ?? "")}`);
                return;
            }
        }
    }
    done() {
        this.status.clear();
    }
    line(s) {
        this.status.line(s);
    }
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
var external_fs_namespaceObject_0 = /*#__PURE__*/__nccwpck_require__.t(external_fs_namespaceObject, 2);
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "url"
const external_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");
;// CONCATENATED MODULE: external "module"
const external_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");
;// CONCATENATED MODULE: ./node_modules/fdir/dist/index.mjs




//#region rolldown:runtime
var __require = /* @__PURE__ */ (0,external_module_namespaceObject.createRequire)(import.meta.url);

//#endregion
//#region src/utils.ts
function cleanPath(path) {
	let normalized = (0,external_path_namespaceObject.normalize)(path);
	if (normalized.length > 1 && normalized[normalized.length - 1] === external_path_namespaceObject.sep) normalized = normalized.substring(0, normalized.length - 1);
	return normalized;
}
const SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
	return path.replace(SLASHES_REGEX, separator);
}
const WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
	return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
	const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
	const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
	if (resolvePaths) path = (0,external_path_namespaceObject.resolve)(path);
	if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
	if (path === ".") return "";
	const needsSeperator = path[path.length - 1] !== pathSeparator;
	return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}

//#endregion
//#region src/api/functions/join-path.ts
function joinPathWithBasePath(filename, directoryPath) {
	return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
	return function(filename, directoryPath) {
		const sameRoot = directoryPath.startsWith(root);
		if (sameRoot) return directoryPath.slice(root.length) + filename;
		else return convertSlashes((0,external_path_namespaceObject.relative)(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
	};
}
function joinPath(filename) {
	return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
	return directoryPath + filename + separator;
}
function build$7(root, options) {
	const { relativePaths, includeBasePath } = options;
	return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}

//#endregion
//#region src/api/functions/push-directory.ts
function pushDirectoryWithRelativePath(root) {
	return function(directoryPath, paths) {
		paths.push(directoryPath.substring(root.length) || ".");
	};
}
function pushDirectoryFilterWithRelativePath(root) {
	return function(directoryPath, paths, filters) {
		const relativePath = directoryPath.substring(root.length) || ".";
		if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
	};
}
const pushDirectory = (directoryPath, paths) => {
	paths.push(directoryPath || ".");
};
const pushDirectoryFilter = (directoryPath, paths, filters) => {
	const path = directoryPath || ".";
	if (filters.every((filter) => filter(path, true))) paths.push(path);
};
const empty$2 = () => {};
function build$6(root, options) {
	const { includeDirs, filters, relativePaths } = options;
	if (!includeDirs) return empty$2;
	if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
	return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}

//#endregion
//#region src/api/functions/push-file.ts
const pushFileFilterAndCount = (filename, _paths, counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) counts.files++;
};
const pushFileFilter = (filename, paths, _counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
const pushFileCount = (_filename, _paths, counts, _filters) => {
	counts.files++;
};
const pushFile = (filename, paths) => {
	paths.push(filename);
};
const empty$1 = () => {};
function build$5(options) {
	const { excludeFiles, filters, onlyCounts } = options;
	if (excludeFiles) return empty$1;
	if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
	else if (onlyCounts) return pushFileCount;
	else return pushFile;
}

//#endregion
//#region src/api/functions/get-array.ts
const getArray = (paths) => {
	return paths;
};
const getArrayGroup = () => {
	return [""].slice(0, 0);
};
function build$4(options) {
	return options.group ? getArrayGroup : getArray;
}

//#endregion
//#region src/api/functions/group-files.ts
const groupFiles = (groups, directory, files) => {
	groups.push({
		directory,
		files,
		dir: directory
	});
};
const empty = () => {};
function build$3(options) {
	return options.group ? groupFiles : empty;
}

//#endregion
//#region src/api/functions/resolve-symlink.ts
const resolveSymlinksAsync = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	fs.realpath(path, (error, resolvedPath) => {
		if (error) return queue.dequeue(suppressErrors ? null : error, state);
		fs.stat(resolvedPath, (error$1, stat) => {
			if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
			if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
			callback$1(stat, resolvedPath);
			queue.dequeue(null, state);
		});
	});
};
const resolveSymlinks = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	try {
		const resolvedPath = fs.realpathSync(path);
		const stat = fs.statSync(resolvedPath);
		if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return;
		callback$1(stat, resolvedPath);
	} catch (e) {
		if (!suppressErrors) throw e;
	}
};
function build$2(options, isSynchronous) {
	if (!options.resolveSymlinks || options.excludeSymlinks) return null;
	return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
	if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
	let parent = (0,external_path_namespaceObject.dirname)(path);
	let depth = 1;
	while (parent !== state.root && depth < 2) {
		const resolvedPath = state.symlinks.get(parent);
		const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
		if (isSameRoot) depth++;
		else parent = (0,external_path_namespaceObject.dirname)(parent);
	}
	state.symlinks.set(path, resolved);
	return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
	return state.visited.includes(resolved + state.options.pathSeparator);
}

//#endregion
//#region src/api/functions/invoke-callback.ts
const onlyCountsSync = (state) => {
	return state.counts;
};
const groupsSync = (state) => {
	return state.groups;
};
const defaultSync = (state) => {
	return state.paths;
};
const limitFilesSync = (state) => {
	return state.paths.slice(0, state.options.maxFiles);
};
const onlyCountsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.counts, state.options.suppressErrors);
	return null;
};
const defaultAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths, state.options.suppressErrors);
	return null;
};
const limitFilesAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
	return null;
};
const groupsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.groups, state.options.suppressErrors);
	return null;
};
function report(error, callback$1, output, suppressErrors) {
	if (error && !suppressErrors) callback$1(error, output);
	else callback$1(null, output);
}
function build$1(options, isSynchronous) {
	const { onlyCounts, group, maxFiles } = options;
	if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
	else if (group) return isSynchronous ? groupsSync : groupsAsync;
	else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
	else return isSynchronous ? defaultSync : defaultAsync;
}

//#endregion
//#region src/api/functions/walk-directory.ts
const readdirOpts = { withFileTypes: true };
const walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	state.queue.enqueue();
	if (currentDepth < 0) return state.queue.dequeue(null, state);
	const { fs } = state;
	state.visited.push(crawlPath);
	state.counts.directories++;
	fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
		callback$1(entries, directoryPath, currentDepth);
		state.queue.dequeue(state.options.suppressErrors ? null : error, state);
	});
};
const walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	const { fs } = state;
	if (currentDepth < 0) return;
	state.visited.push(crawlPath);
	state.counts.directories++;
	let entries = [];
	try {
		entries = fs.readdirSync(crawlPath || ".", readdirOpts);
	} catch (e) {
		if (!state.options.suppressErrors) throw e;
	}
	callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
	return isSynchronous ? walkSync : walkAsync;
}

//#endregion
//#region src/api/queue.ts
/**
* This is a custom stateless queue to track concurrent async fs calls.
* It increments a counter whenever a call is queued and decrements it
* as soon as it completes. When the counter hits 0, it calls onQueueEmpty.
*/
var Queue = class {
	count = 0;
	constructor(onQueueEmpty) {
		this.onQueueEmpty = onQueueEmpty;
	}
	enqueue() {
		this.count++;
		return this.count;
	}
	dequeue(error, output) {
		if (this.onQueueEmpty && (--this.count <= 0 || error)) {
			this.onQueueEmpty(error, output);
			if (error) {
				output.controller.abort();
				this.onQueueEmpty = void 0;
			}
		}
	}
};

//#endregion
//#region src/api/counter.ts
var Counter = class {
	_files = 0;
	_directories = 0;
	set files(num) {
		this._files = num;
	}
	get files() {
		return this._files;
	}
	set directories(num) {
		this._directories = num;
	}
	get directories() {
		return this._directories;
	}
	/**
	* @deprecated use `directories` instead
	*/
	/* c8 ignore next 3 */
	get dirs() {
		return this._directories;
	}
};

//#endregion
//#region src/api/aborter.ts
/**
* AbortController is not supported on Node 14 so we use this until we can drop
* support for Node 14.
*/
var Aborter = class {
	aborted = false;
	abort() {
		this.aborted = true;
	}
};

//#endregion
//#region src/api/walker.ts
var Walker = class {
	root;
	isSynchronous;
	state;
	joinPath;
	pushDirectory;
	pushFile;
	getArray;
	groupFiles;
	resolveSymlink;
	walkDirectory;
	callbackInvoker;
	constructor(root, options, callback$1) {
		this.isSynchronous = !callback$1;
		this.callbackInvoker = build$1(options, this.isSynchronous);
		this.root = normalizePath(root, options);
		this.state = {
			root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
			paths: [""].slice(0, 0),
			groups: [],
			counts: new Counter(),
			options,
			queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
			symlinks: /* @__PURE__ */ new Map(),
			visited: [""].slice(0, 0),
			controller: new Aborter(),
			fs: options.fs || external_fs_namespaceObject_0
		};
		this.joinPath = build$7(this.root, options);
		this.pushDirectory = build$6(this.root, options);
		this.pushFile = build$5(options);
		this.getArray = build$4(options);
		this.groupFiles = build$3(options);
		this.resolveSymlink = build$2(options, this.isSynchronous);
		this.walkDirectory = build(this.isSynchronous);
	}
	start() {
		this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
		this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
		return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
	}
	walk = (entries, directoryPath, depth) => {
		const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
		if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
		const files = this.getArray(this.state.paths);
		for (let i = 0; i < entries.length; ++i) {
			const entry = entries[i];
			if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
				const filename = this.joinPath(entry.name, directoryPath);
				this.pushFile(filename, files, this.state.counts, filters);
			} else if (entry.isDirectory()) {
				let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
				if (exclude && exclude(entry.name, path)) continue;
				this.pushDirectory(path, paths, filters);
				this.walkDirectory(this.state, path, path, depth - 1, this.walk);
			} else if (this.resolveSymlink && entry.isSymbolicLink()) {
				let path = joinPathWithBasePath(entry.name, directoryPath);
				this.resolveSymlink(path, this.state, (stat, resolvedPath) => {
					if (stat.isDirectory()) {
						resolvedPath = normalizePath(resolvedPath, this.state.options);
						if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
						this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
					} else {
						resolvedPath = useRealPaths ? resolvedPath : path;
						const filename = (0,external_path_namespaceObject.basename)(resolvedPath);
						const directoryPath$1 = normalizePath((0,external_path_namespaceObject.dirname)(resolvedPath), this.state.options);
						resolvedPath = this.joinPath(filename, directoryPath$1);
						this.pushFile(resolvedPath, files, this.state.counts, filters);
					}
				});
			}
		}
		this.groupFiles(this.state.groups, directoryPath, files);
	};
};

//#endregion
//#region src/api/async.ts
function promise(root, options) {
	return new Promise((resolve$1, reject) => {
		callback(root, options, (err, output) => {
			if (err) return reject(err);
			resolve$1(output);
		});
	});
}
function callback(root, options, callback$1) {
	let walker = new Walker(root, options, callback$1);
	walker.start();
}

//#endregion
//#region src/api/sync.ts
function sync(root, options) {
	const walker = new Walker(root, options);
	return walker.start();
}

//#endregion
//#region src/builder/api-builder.ts
var APIBuilder = class {
	constructor(root, options) {
		this.root = root;
		this.options = options;
	}
	withPromise() {
		return promise(this.root, this.options);
	}
	withCallback(cb) {
		callback(this.root, this.options, cb);
	}
	sync() {
		return sync(this.root, this.options);
	}
};

//#endregion
//#region src/builder/index.ts
let pm = null;
/* c8 ignore next 6 */
try {
	__require.resolve("picomatch");
	pm = __require("picomatch");
} catch {}
var Builder = class {
	globCache = {};
	options = {
		maxDepth: Infinity,
		suppressErrors: true,
		pathSeparator: external_path_namespaceObject.sep,
		filters: []
	};
	globFunction;
	constructor(options) {
		this.options = {
			...this.options,
			...options
		};
		this.globFunction = this.options.globFunction;
	}
	group() {
		this.options.group = true;
		return this;
	}
	withPathSeparator(separator) {
		this.options.pathSeparator = separator;
		return this;
	}
	withBasePath() {
		this.options.includeBasePath = true;
		return this;
	}
	withRelativePaths() {
		this.options.relativePaths = true;
		return this;
	}
	withDirs() {
		this.options.includeDirs = true;
		return this;
	}
	withMaxDepth(depth) {
		this.options.maxDepth = depth;
		return this;
	}
	withMaxFiles(limit) {
		this.options.maxFiles = limit;
		return this;
	}
	withFullPaths() {
		this.options.resolvePaths = true;
		this.options.includeBasePath = true;
		return this;
	}
	withErrors() {
		this.options.suppressErrors = false;
		return this;
	}
	withSymlinks({ resolvePaths = true } = {}) {
		this.options.resolveSymlinks = true;
		this.options.useRealPaths = resolvePaths;
		return this.withFullPaths();
	}
	withAbortSignal(signal) {
		this.options.signal = signal;
		return this;
	}
	normalize() {
		this.options.normalizePath = true;
		return this;
	}
	filter(predicate) {
		this.options.filters.push(predicate);
		return this;
	}
	onlyDirs() {
		this.options.excludeFiles = true;
		this.options.includeDirs = true;
		return this;
	}
	exclude(predicate) {
		this.options.exclude = predicate;
		return this;
	}
	onlyCounts() {
		this.options.onlyCounts = true;
		return this;
	}
	crawl(root) {
		return new APIBuilder(root || ".", this.options);
	}
	withGlobFunction(fn) {
		this.globFunction = fn;
		return this;
	}
	/**
	* @deprecated Pass options using the constructor instead:
	* ```ts
	* new fdir(options).crawl("/path/to/root");
	* ```
	* This method will be removed in v7.0
	*/
	/* c8 ignore next 4 */
	crawlWithOptions(root, options) {
		this.options = {
			...this.options,
			...options
		};
		return new APIBuilder(root || ".", this.options);
	}
	glob(...patterns) {
		if (this.globFunction) return this.globWithOptions(patterns);
		return this.globWithOptions(patterns, ...[{ dot: true }]);
	}
	globWithOptions(patterns, ...options) {
		const globFn = this.globFunction || pm;
		/* c8 ignore next 5 */
		if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
		var isMatch = this.globCache[patterns.join("\0")];
		if (!isMatch) {
			isMatch = globFn(patterns, ...options);
			this.globCache[patterns.join("\0")] = isMatch;
		}
		this.options.filters.push((path) => isMatch(path));
		return this;
	}
};

//#endregion

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(6);
;// CONCATENATED MODULE: ./node_modules/tinyglobby/dist/index.mjs





//#region src/utils.ts
const isReadonlyArray = Array.isArray;
const BACKSLASHES = /\\/g;
const DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
const isWin = process.platform === "win32";
const ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
	const patternsCount = patterns.length;
	const patternsParts = Array(patternsCount);
	const matchers = Array(patternsCount);
	let i, j;
	for (i = 0; i < patternsCount; i++) {
		const parts = splitPattern(patterns[i]);
		patternsParts[i] = parts;
		const partsCount = parts.length;
		const partMatchers = Array(partsCount);
		for (j = 0; j < partsCount; j++) partMatchers[j] = picomatch(parts[j], options);
		matchers[i] = partMatchers;
	}
	return (input) => {
		const inputParts = input.split("/");
		if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
		for (i = 0; i < patternsCount; i++) {
			const patternParts = patternsParts[i];
			const matcher = matchers[i];
			const inputPatternCount = inputParts.length;
			const minParts = Math.min(inputPatternCount, patternParts.length);
			j = 0;
			while (j < minParts) {
				const part = patternParts[j];
				if (part.includes("/")) return true;
				if (!matcher[j](inputParts[j])) break;
				if (!options.noglobstar && part === "**") return true;
				j++;
			}
			if (j === inputPatternCount) return true;
		}
		return false;
	};
}
/* node:coverage ignore next 2 */
const WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
const isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
	if (cwd === root || root.startsWith(`${cwd}/`)) {
		if (absolute) {
			const start = cwd.length + +!isRoot(cwd);
			return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
		}
		const prefix = root.slice(cwd.length + 1);
		if (prefix) return (p, isDir) => {
			if (p === ".") return prefix;
			const result = `${prefix}/${p}`;
			return isDir ? result.slice(0, -1) : result;
		};
		return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
	}
	if (absolute) return (p) => external_path_namespaceObject.posix.relative(cwd, p) || ".";
	return (p) => external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
	if (root.startsWith(`${cwd}/`)) {
		const prefix = root.slice(cwd.length + 1);
		return (p) => `${prefix}/${p}`;
	}
	return (p) => {
		const result = external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`);
		return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
	};
}
function ensureNonDriveRelativePath(path) {
	return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
const splitPatternOptions = { parts: true };
function splitPattern(path) {
	var _result$parts;
	const result = picomatch.scan(path, splitPatternOptions);
	return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
const ESCAPED_WIN32_BACKSLASHES = /\\(?![()[\]{}!+@])/g;
function convertPosixPathToPattern(path) {
	return escapePosixPath(path);
}
function convertWin32PathToPattern(path) {
	return escapeWin32Path(path).replace(ESCAPED_WIN32_BACKSLASHES, "/");
}
/**
* Converts a path to a pattern depending on the platform.
* Identical to {@link escapePath} on POSIX systems.
* @see {@link https://superchupu.dev/tinyglobby/documentation#convertPathToPattern}
*/
/* node:coverage ignore next 3 */
const convertPathToPattern = (/* unused pure expression or super */ null && (isWin ? convertWin32PathToPattern : convertPosixPathToPattern));
const POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
const WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
const escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
const escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
/**
* Escapes a path's special characters depending on the platform.
* @see {@link https://superchupu.dev/tinyglobby/documentation#escapePath}
*/
/* node:coverage ignore next */
const escapePath = isWin ? escapeWin32Path : escapePosixPath;
/**
* Checks if a pattern has dynamic parts.
*
* Has a few minor differences with [`fast-glob`](https://github.com/mrmlnc/fast-glob) for better accuracy:
*
* - Doesn't necessarily return `false` on patterns that include `\`.
* - Returns `true` if the pattern includes parentheses, regardless of them representing one single pattern or not.
* - Returns `true` for unfinished glob extensions i.e. `(h`, `+(h`.
* - Returns `true` for unfinished brace expansions as long as they include `,` or `..`.
*
* @see {@link https://superchupu.dev/tinyglobby/documentation#isDynamicPattern}
*/
function isDynamicPattern(pattern, options) {
	if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
	const scan = picomatch.scan(pattern);
	return scan.isGlob || scan.negated;
}
function log(...tasks) {
	console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
	return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
//#endregion
//#region src/patterns.ts
const PARENT_DIRECTORY = /^(\/?\.\.)+/;
const ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
	var _PARENT_DIRECTORY$exe;
	const cwd = opts.cwd;
	let result = pattern;
	if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
	if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
	const escapedCwd = escapePath(cwd);
	result = (0,external_path_namespaceObject.isAbsolute)(result.replace(ESCAPING_BACKSLASHES, "")) ? external_path_namespaceObject.posix.relative(escapedCwd, result) : external_path_namespaceObject.posix.normalize(result);
	const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
	const parts = splitPattern(result);
	if (parentDir) {
		const n = (parentDir.length + 1) / 3;
		let i = 0;
		const cwdParts = escapedCwd.split("/");
		while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
			result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
			i++;
		}
		const potentialRoot = external_path_namespaceObject.posix.join(cwd, parentDir.slice(i * 3));
		if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
			props.root = ensureNonDriveRelativePath(potentialRoot);
			props.depthOffset = -n + i;
		}
	}
	if (!isIgnore && props.depthOffset >= 0) {
		var _props$commonPath;
		(_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
		const newCommonPath = [];
		const length = Math.min(props.commonPath.length, parts.length);
		for (let i = 0; i < length; i++) {
			const part = parts[i];
			if (part === "**" && !parts[i + 1]) {
				newCommonPath.pop();
				break;
			}
			if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
			newCommonPath.push(part);
		}
		props.depthOffset = newCommonPath.length;
		props.commonPath = newCommonPath;
		props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? external_path_namespaceObject.posix.join(cwd, ...newCommonPath) : cwd);
	}
	return result;
}
function processPatterns(options, patterns, props) {
	const matchPatterns = [];
	const ignorePatterns = [];
	for (const pattern of options.ignore) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
	}
	for (const pattern of patterns) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
		else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
	}
	return {
		match: matchPatterns,
		ignore: ignorePatterns
	};
}
//#endregion
//#region src/crawler.ts
function buildCrawler(options, patterns) {
	const cwd = options.cwd;
	const props = {
		root: cwd,
		depthOffset: 0
	};
	const processed = processPatterns(options, patterns, props);
	if (options.debug) log("internal processing patterns:", processed);
	const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
	const root = props.root.replace(BACKSLASHES, "");
	const matchOptions = {
		dot,
		nobrace: options.braceExpansion === false,
		nocase: !caseSensitiveMatch,
		noextglob: options.extglob === false,
		noglobstar: options.globstar === false,
		posix: true
	};
	const matcher = picomatch(processed.match, matchOptions);
	const ignore = picomatch(processed.ignore, matchOptions);
	const partialMatcher = getPartialMatcher(processed.match, matchOptions);
	const format = buildFormat(cwd, root, absolute);
	const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
	const excludePredicate = (_, p) => {
		const relativePath = excludeFormatter(p, true);
		return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
	};
	let maxDepth;
	if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
	const crawler = new Builder({
		filters: [debug ? (p, isDirectory) => {
			const path = format(p, isDirectory);
			const matches = matcher(path) && !ignore(path);
			if (matches) log(`matched ${path}`);
			return matches;
		} : (p, isDirectory) => {
			const path = format(p, isDirectory);
			return matcher(path) && !ignore(path);
		}],
		exclude: debug ? (_, p) => {
			const skipped = excludePredicate(_, p);
			log(`${skipped ? "skipped" : "crawling"} ${p}`);
			return skipped;
		} : excludePredicate,
		fs: options.fs,
		pathSeparator: "/",
		relativePaths: !absolute,
		resolvePaths: absolute,
		includeBasePath: absolute,
		resolveSymlinks: followSymbolicLinks,
		excludeSymlinks: !followSymbolicLinks,
		excludeFiles: onlyDirectories,
		includeDirs: onlyDirectories || !options.onlyFiles,
		maxDepth,
		signal: options.signal
	}).crawl(root);
	if (options.debug) log("internal properties:", {
		...props,
		root
	});
	return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
//#endregion
//#region src/index.ts
function formatPaths(paths, mapper) {
	if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
	return paths;
}
const defaultOptions = {
	caseSensitiveMatch: true,
	debug: !!process.env.TINYGLOBBY_DEBUG,
	expandDirectories: true,
	followSymbolicLinks: true,
	onlyFiles: true
};
function getOptions(options) {
	const opts = Object.assign({}, options);
	for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
	opts.cwd = (opts.cwd instanceof URL ? (0,external_url_namespaceObject.fileURLToPath)(opts.cwd) : (0,external_path_namespaceObject.resolve)(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
	opts.ignore = ensureStringArray(opts.ignore);
	opts.fs && (opts.fs = {
		readdir: opts.fs.readdir || external_fs_namespaceObject.readdir,
		readdirSync: opts.fs.readdirSync || external_fs_namespaceObject.readdirSync,
		realpath: opts.fs.realpath || external_fs_namespaceObject.realpath,
		realpathSync: opts.fs.realpathSync || external_fs_namespaceObject.realpathSync,
		stat: opts.fs.stat || external_fs_namespaceObject.stat,
		statSync: opts.fs.statSync || external_fs_namespaceObject.statSync
	});
	if (opts.debug) log("globbing with options:", opts);
	return opts;
}
function getCrawler(globInput, inputOptions = {}) {
	var _ref;
	if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
	const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
	const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
	const options = getOptions(isModern ? inputOptions : globInput);
	return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(await crawler.withPromise(), relative) : [];
}
function globSync(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(crawler.sync(), relative) : [];
}
//#endregion


;// CONCATENATED MODULE: ./src/io/control-scan.ts
/**
 * Read buffers that a WebAssembly function can search for the control characters XML forbids.
 *
 * The JUnit fast path asks of every span it reads whether it holds a character XML 1.0 forbids
 * (see SPECIAL in reports/xml-fast.ts); in real reports none does. Asked as a regular
 * expression over the decoded text, that was the slowest search of all: 0.43 s of the 2.4 s the
 * reader took over the bench's 500 MB report, most of which is failure text. Over the bytes,
 * sixteen at a time (WebAssembly SIMD), a whole block costs about a tenth of that, and the
 * buffers live in the module's memory so that nothing is copied: the file is read straight into
 * them. A chunk that is ASCII (checked natively first) and holds no such byte holds no such
 * character, and the reader then skips the question for all of it.
 *
 * Where WebAssembly cannot run (`node --jitless`), the buffers are plain ones and every chunk
 * is searched as before.
 */
/**
 * Two buffers of `size` bytes for one reader, until it gives them back with releaseReadBuffers.
 * Given-back ones are handed out again: V8 reserves gigabytes of address space for each
 * WebAssembly memory, and reading thousands of shard files one after another should not leave
 * that many for the garbage collector to find.
 */
function takeReadBuffers(size) {
    const i = free.findIndex((b) => b.size === size);
    if (i >= 0)
        return free.splice(i, 1)[0];
    return readBuffers(size);
}
/** Gives buffers back once nothing reads into or out of them any more. */
function releaseReadBuffers(b) {
    if (free.length < MAX_FREE && !free.includes(b))
        free.push(b);
}
const free = [];
const MAX_FREE = 4;
/** Two fresh buffers of `size` bytes (exported for tests; readers take and release them). */
function readBuffers(size) {
    const scan = instantiate(2 * size);
    if (scan === null)
        return { size, buffers: [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)], hasControl: null };
    const { memory, firstControl } = scan;
    return {
        size,
        buffers: [Buffer.from(memory.buffer, 0, size), Buffer.from(memory.buffer, size, size)],
        hasControl: (chunk) => {
            if (chunk.buffer !== memory.buffer)
                throw new Error("control scan: the chunk is not in the scanned buffers");
            return firstControl(chunk.byteOffset, chunk.byteOffset + chunk.length) >= 0;
        },
    };
}
let compiled;
function instantiate(bytes) {
    try {
        compiled ??= typeof WebAssembly === "object" && WebAssembly !== undefined ? new WebAssembly.Module(MODULE) : null;
        if (compiled === null || WebAssembly === undefined)
            return null;
        const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE) });
        const instance = new WebAssembly.Instance(compiled, { m: { memory } });
        const firstControl = instance.exports["firstControl"];
        if (typeof firstControl !== "function")
            return null;
        return { memory, firstControl: firstControl };
    }
    catch {
        // No WebAssembly, or no SIMD in it: the regular expression does the work.
        compiled = null;
        return null;
    }
}
const PAGE = 65536;
/** Unsigned LEB128, as the binary format writes sizes and counts. */
function leb(n) {
    const out = [];
    do {
        let b = n & 0x7f;
        n >>>= 7;
        if (n !== 0)
            b |= 0x80;
        out.push(b);
    } while (n !== 0);
    return out;
}
const section = (id, body) => [id, ...leb(body.length), ...body];
const control_scan_name = (s) => [...leb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
// Opcodes used below (WebAssembly core spec 2.0, binary format; SIMD ones follow 0xfd).
const I32 = 0x7f;
const V128 = 0x7b;
const BLOCK = 0x02;
const LOOP = 0x03;
const IF = 0x04;
const VOID = 0x40;
const END = 0x0b;
const BR = 0x0c;
const BR_IF = 0x0d;
const RETURN = 0x0f;
const GET = 0x20;
const SET = 0x21;
const CONST = 0x41;
const LOAD8_U = [0x2d, 0x00, 0x00]; // i32.load8_u, align 1, offset 0
const EQZ = 0x45;
const EQ = 0x46;
const LT_U = 0x49;
const GE_U = 0x4f;
const GT_U = 0x4b;
const ADD = 0x6a;
const OR = 0x72;
const V128_LOAD = [0xfd, 0x00, 0x04, 0x00]; // align 16, offset 0
const SPLAT = [0xfd, 0x0f]; // i8x16.splat
const V_EQ = [0xfd, 0x23]; // i8x16.eq
const V_LT_U = [0xfd, 0x26]; // i8x16.lt_u
const V_ANDNOT = [0xfd, 0x4f];
const V_OR = [0xfd, 0x50];
const ANY_TRUE = [0xfd, 0x53];
// Locals: 0 from, 1 to (parameters), 2 sixteen bytes.
const FROM = 0;
const TO = 1;
const V = 2;
const byteIs = (c) => [GET, V, CONST, c, ...SPLAT, ...V_EQ];
const thisByteIs = (c) => [GET, FROM, ...LOAD8_U, CONST, c, EQ];
/**
 * firstControl(from, to): the index in memory[from, to) of the first byte below 0x20 that is
 * not tab (9), line feed (10) or carriage return (13), or -1. Sixteen bytes a step while
 * sixteen are left and none of them is one; then byte by byte.
 */
const BODY = [
    BLOCK, VOID, LOOP, VOID,
    // while from + 16 <= to
    GET, FROM, CONST, 16, ADD, GET, TO, GT_U, BR_IF, 1,
    GET, FROM, ...V128_LOAD, SET, V,
    // (v < 0x20) and not (v == 9 or v == 10 or v == 13), in any lane: go byte by byte
    GET, V, CONST, 0x20, ...SPLAT, ...V_LT_U,
    ...byteIs(9), ...byteIs(10), ...V_OR, ...byteIs(13), ...V_OR,
    ...V_ANDNOT, ...ANY_TRUE, BR_IF, 1,
    GET, FROM, CONST, 16, ADD, SET, FROM, BR, 0,
    END, END,
    BLOCK, VOID, LOOP, VOID,
    // while from < to
    GET, FROM, GET, TO, GE_U, BR_IF, 1,
    GET, FROM, ...LOAD8_U, CONST, 0x20, LT_U, IF, VOID,
    ...thisByteIs(9), ...thisByteIs(10), OR, ...thisByteIs(13), OR, EQZ, IF, VOID,
    GET, FROM, RETURN,
    END, END,
    GET, FROM, CONST, 1, ADD, SET, FROM, BR, 0,
    END, END,
    CONST, 0x7f, // -1
    END,
];
const MODULE = new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, [1, 0x60, 2, I32, I32, 1, I32]), // one type: (i32, i32) -> i32
    ...section(2, [1, ...control_scan_name("m"), ...control_scan_name("memory"), 0x02, 0x00, 1]), // imports m.memory, >= 1 page
    ...section(3, [1, 0]), // one function, of type 0
    ...section(7, [1, ...control_scan_name("firstControl"), 0x00, 0]), // exported as firstControl
    ...section(10, [1, ...leb(BODY.length + 3), 1, 1, V128, ...BODY]), // its code: one v128 local
]);

;// CONCATENATED MODULE: ./src/reports/detect.ts


/**
 * Detects what a report is from its first bytes (decoded), never from its file name: CI
 * artefacts are often named `output.txt` or `results` whatever they hold.
 */
/**
 * Whatever may precede an XML root: declaration, comments, processing instructions and a
 * DOCTYPE (with an internal subset). Matched repeatedly from the start of the text.
 */
// The DOCTYPE alternatives cannot overlap (an internal subset is "[...]" without "]" inside),
// so a hostile head cannot make the match backtrack exponentially.
const XML_PROLOG_ITEM = /^(?:\s+|<\?[^]*?\?>|<!--[^]*?-->|<!DOCTYPE(?:[^[\]>]|\[[^\]]*\])*>)/i;
/** An unfinished prolog item: the head ends inside a comment, PI or DOCTYPE. */
const XML_PROLOG_OPEN = /^(?:<\?|<!--|<!DOCTYPE)/i;
const JUNIT_ROOT = /^<testsuites?(?=[\s/>]|$)/;
const PYTEST_MARKERS = [
    /^=+ test session starts =+\s*$/m,
    /^=+ FAILURES =+\s*$/m,
    /^=+ ERRORS =+\s*$/m,
    /^=+ short test summary info =+\s*$/m,
    /^(?:FAILED|ERROR) \S+::\S/m,
    // Progress lines: "tests/test_x.py ..F.s   [ 40%]"
    /^\S+\.py [.FEsxX]+\s+\[\s*\d+%\]\s*$/m,
    // What an excerpt cut out of a failure section still shows.
    /^-+ Captured (?:log|stdout|stderr)(?: \w+)? -+$/m,
    /^[^\s:"]+\.py:\d+: (?:in \w+|[\w.]*(?:Error|Exception|Failed)\b)/m,
];
const UNITTEST_MARKERS = [
    /^(?:FAIL|ERROR): \w+/m,
    /^Ran \d+ tests? in /m,
    /^Traceback \(most recent call last\):/m,
    // Verbose progress: "test_x (pkg.mod.TestC.test_x) ... ok"
    /^\w+ \([\w.]+\)(?: \S.*)? \.\.\. (?:ok|FAIL|ERROR|skipped|expected failure|unexpected success)/m,
];
/** go test's own lines: `=== RUN   TestX`, `--- FAIL: TestX (0.00s)`, `-test.shuffle N`, `ok  \tpkg\t0.01s`. */
const GO_TEST_MARKERS = [
    /^=== RUN {3}\S/m,
    /^(?: {4})*--- (?:FAIL|PASS|SKIP): \S+ \(\d+(?:\.\d+)?s\)\s*$/m,
    /^-test\.shuffle -?\d+\s*$/m,
    /^(?:ok {2}|FAIL)\t\S+\t(?:\d+(?:\.\d+)?s|\(cached\))/m,
];
/** A test2json event line (`go test -json`, `gotestsum --jsonfile`): an object with an Action and a Package. */
const GO_TEST_EVENT = /^\s*\{(?=[^\n]*"Action":\s*"[a-z-]+")(?=[^\n]*"(?:Package|ImportPath)":\s*")[^\n]*\}\s*$/;
/**
 * Whether most of the first lines are test2json events: compiler errors and go 1.19's
 * `FAIL\tpkg [build failed]` can stand among them (or first) when stderr went to the same file.
 */
function isGoTestJson(head) {
    const lines = head.replace(/^\uFEFF/, "").split("\n", 50).filter((l) => l.trim() !== "").slice(0, 20);
    const events = lines.filter((l) => GO_TEST_EVENT.test(l)).length;
    return events > 0 && events * 2 > lines.length;
}
/** Skips the XML prolog; says whether there was one. */
function skipProlog(text) {
    let rest = text.replace(/^\uFEFF/, "");
    let sawProlog = false;
    for (;;) {
        const m = XML_PROLOG_ITEM.exec(rest);
        if (m === null || m[0].length === 0)
            break;
        if (m[0].trim().length > 0)
            sawProlog = true;
        rest = rest.slice(m[0].length);
    }
    return { rest, sawProlog };
}
/** How the text looks as XML: a JUnit root, another root, or not XML at all. */
function xmlRoot(head) {
    const { rest, sawProlog } = skipProlog(head);
    if (JUNIT_ROOT.test(rest))
        return "junit";
    // The head ended inside a long comment or DOCTYPE: an XML file whose root we cannot see yet.
    // The JUnit reader will say so if it turns out not to be JUnit.
    if (XML_PROLOG_OPEN.test(rest) || (sawProlog && rest.length === 0))
        return "maybe-junit";
    if (/^<[A-Za-z_]/.test(rest))
        return "other-xml";
    return "not-xml";
}
/** The kind of input `head` (the first KiB or more of a file, decoded) starts. */
function detectKind(head) {
    const xml = xmlRoot(head);
    if (xml === "junit" || xml === "maybe-junit")
        return "junit";
    if (xml === "other-xml")
        return "unknown";
    if (isGoTestJson(head))
        return "go-test-json";
    // The markers are start-of-line patterns: a Jenkins/GitHub timestamp, an xdist tag or a
    // colour code in front of every line would hide them, so they are looked for in the text
    // the readers will see.
    const text = normaliseCiLog(head).text;
    if (GO_TEST_MARKERS.some((re) => re.test(text)))
        return "go-test-log";
    if (GTEST_MARKERS.some((re) => re.test(text)))
        return "gtest-log";
    if (PYTEST_MARKERS.some((re) => re.test(text)))
        return "pytest-log";
    if (UNITTEST_MARKERS.some((re) => re.test(text)))
        return "unittest-log";
    return "unknown";
}
/** A few words on what an unrecognised input looks like, for the error message. */
function describeUnknown(head) {
    const text = head.replace(/^\uFEFF/, "");
    if (text.trim().length === 0)
        return "it is empty";
    if (xmlRoot(text) === "other-xml") {
        const root = /^<([A-Za-z_][\w.:-]*)/.exec(skipProlog(text).rest)?.[1];
        return `it is XML but its root is <${root ?? "?"}>, not <testsuites> or <testsuite>`;
    }
    // Count control characters other than tab/newline/CR to tell binary data from text.
    const sample = text.slice(0, 1024);
    const controls = sample.replace(/[^\u0000-\u0008\u000e-\u001f\ufffd]/g, "").length;
    if (controls > sample.length / 10)
        return "it looks like binary data";
    return "it is text in none of these formats";
}

;// CONCATENATED MODULE: ./src/reports/go-log.ts



/**
 * What a package prints before its first test is kept up to this size (head and tail). It is
 * TestMain's setup output, then `-test.shuffle N`, which `testing.M.Run` prints last, just
 * before the first test; 16 KiB keeps that line whatever TestMain printed before it.
 */
const PREAMBLE_MAX_CHARS = 16 * 1024;
/**
 * test2json writes a test's output in events of at most 1 KiB of text (go 1.19
 * cmd/internal/test2json: outBuffer), a few KiB once escaped: a longer JSON line is not
 * test2json's, and is skipped rather than buffered without bound.
 */
const MAX_JSON_LINE_CHARS = 1024 * 1024;
/** A test's lines with the log line each was read from, keeping head and tail within `max`. */
class LineBuffer {
    head = [];
    headAt = [];
    tail = [];
    tailAt = [];
    tailStart = 0;
    headChars = 0;
    tailChars = 0;
    headFull = false;
    cutLines = 0;
    half;
    constructor(max) {
        this.half = Math.max(1, Math.floor(max / 2));
    }
    get chars() {
        return this.headChars + this.tailChars;
    }
    get isEmpty() {
        return this.head.length === 0 && this.tail.length === this.tailStart;
    }
    push(raw, at) {
        // Kept lines are copies: a slice would keep the whole log (or JSON chunk) it came from alive.
        const line = raw.length > this.half ? `${detach(raw.slice(0, this.half))} [... ${raw.length - this.half} characters cut]` : detach(raw);
        // Each line costs its newline too, so the joined text stays within the cap.
        const size = line.length + 1;
        if (!this.headFull && this.headChars + size <= this.half) {
            this.head.push(line);
            this.headAt.push(at);
            this.headChars += size;
            return;
        }
        this.headFull = true;
        this.tail.push(line);
        this.tailAt.push(at);
        this.tailChars += size;
        while (this.tailChars > this.half && this.tail.length - this.tailStart > 1) {
            this.tailChars -= (this.tail[this.tailStart]?.length ?? 0) + 1;
            this.tailStart++;
            this.cutLines++;
        }
        // Compact now and then, so dropping from the front stays linear.
        if (this.tailStart > 1024 && this.tailStart * 2 > this.tail.length) {
            this.tail = this.tail.slice(this.tailStart);
            this.tailAt = this.tailAt.slice(this.tailStart);
            this.tailStart = 0;
        }
    }
    lines() {
        const cut = this.cutLines > 0 ? [`[... ${this.cutLines} lines cut ...]`] : [];
        return {
            lines: [...this.head, ...cut, ...this.tail.slice(this.tailStart)],
            // The marker line was never in the log: 0 says so (seed sources skip it).
            at: [...this.headAt, ...cut.map(() => 0), ...this.tailAt.slice(this.tailStart)],
        };
    }
}
/** go's line for a package that did not build (or set up): no test of it ran. */
const NOT_BUILT = /^FAIL\t\S+ \[(?:build|setup) failed\]/;
/** A package-level line that says why a package failed when none of its tests did. */
const PACKAGE_PROBLEM = /^(?:panic: |fatal error: |FAIL\t\S+ \[(?:build|setup) failed\])/;
/** The shared state of one input file: counters, failing tests, the retention budget. */
class Tally {
    path;
    counts = emptyCounts();
    warnings = [];
    kept = new Map();
    /** The last passing or skipped id: a failure right after it with the same id folds it in. */
    lastUnkept = null;
    retained = 0;
    nextIndex = 0;
    constructor(path) {
        this.path = path;
    }
    /** The cap for a test starting now: full text until the file's budget is spent, then lean, then minimal. */
    detailsCap() {
        if (this.retained < MAX_RETAINED_CHARS_PER_FILE)
            return MAX_DETAILS_CHARS;
        return this.retained < MAX_LEAN_RETAINED_CHARS_PER_FILE ? LEAN_DETAILS_CHARS : MINIMAL_DETAILS_CHARS;
    }
    /** Counts one result; keeps a failing one with its text and the package's `output` (shared, not copied). */
    add(pkg, r, output) {
        const id = pkg === undefined ? r.name : `${pkg}/${r.name}`;
        const prev = this.kept.get(id);
        if (prev === undefined && r.outcome !== "failed") {
            this.count(r.outcome, +1);
            this.lastUnkept = { id, outcome: r.outcome };
            return;
        }
        const evidence = r.outcome === "failed" && r.run !== undefined ? toEvidence(r.run, output) : undefined;
        if (evidence !== undefined)
            this.retained += evidence.chars;
        if (prev === undefined) {
            const k = { id, classname: pkg ?? "", name: r.name, outcome: "failed", index: r.index, priorAttempts: [] };
            if (evidence !== undefined)
                k.evidence = evidence;
            if (this.lastUnkept?.id === id) {
                // The same test passed (or was skipped) just before: one test, two attempts.
                if (this.lastUnkept.outcome === "passed")
                    k.priorAttempts.push({ outcome: "passed" });
                this.count(this.lastUnkept.outcome, -1);
            }
            this.lastUnkept = null;
            this.kept.set(id, k);
            this.count("failed", +1);
            return;
        }
        // Another attempt of a test already kept: counted once, with its latest outcome.
        this.count(prev.outcome, -1);
        this.count(r.outcome, +1);
        if (prev.outcome !== "skipped")
            prev.priorAttempts.push(go_log_attemptOf(prev));
        if (prev.priorAttempts.length > MAX_PRIOR_ATTEMPTS) {
            prev.priorAttempts.shift();
            prev.droppedAttempts = (prev.droppedAttempts ?? 0) + 1;
        }
        prev.outcome = r.outcome;
        // The last failing attempt's text is kept: that is where its seed was printed.
        if (evidence !== undefined)
            prev.evidence = evidence;
        this.lastUnkept = null;
    }
    count(outcome, by) {
        this.counts[outcome] += by;
        this.counts.tests += by;
    }
    tests() {
        const out = [];
        for (const k of [...this.kept.values()].sort((a, b) => a.index - b.index)) {
            if (k.droppedAttempts !== undefined) {
                this.warnings.push(`${this.path}: ${k.id} ran ${k.priorAttempts.length + k.droppedAttempts + 1} times; kept the last ${MAX_PRIOR_ATTEMPTS} prior attempts`);
            }
            // Passing tests are kept only when an earlier attempt failed (recorded trials).
            if (k.outcome !== "failed" && !k.priorAttempts.some((a) => a.outcome !== "passed"))
                continue;
            out.push(go_log_toTestCase(k, this.path));
        }
        return out;
    }
}
function go_log_attemptOf(k) {
    const outcome = k.outcome === "failed" ? "failed" : "passed";
    const message = outcome === "failed" ? k.evidence?.message : undefined;
    return message === undefined ? { outcome } : { outcome, message };
}
function toEvidence(run, output) {
    const details = run.lines.lines();
    const e = { details, logLine: run.logLine, chars: run.lines.chars };
    const message = messageOf(details.lines, run);
    if (message !== undefined)
        e.message = message;
    if (output !== null)
        e.output = output;
    if (run.durationSec !== undefined)
        e.durationSec = run.durationSec;
    return e;
}
/** `    stats_test.go:38: Median(...) = 3, want 2.5` (t.Error/t.Fatal/t.Log, any depth). */
const GO_LOG_LINE = /^\s*([\w.-]{1,200}\.go:\d{1,9}):(?: (.*))?$/;
const TESTIFY_ERROR = /^\s+Error:\s+(\S.*)$/;
const CRASH_LINE = /^(?:panic|fatal error): .*$/;
/**
 * One line saying what went wrong: a panic; else testify's `Error:`; else the last
 * `file.go:N: message` (go prints t.Log and t.Error alike, and a test logs before it fails);
 * else its result line.
 */
function messageOf(lines, run) {
    // A panic or a timeout is why the test failed, whatever it logged before.
    const crash = lines.find((l) => CRASH_LINE.test(l));
    if (crash !== undefined)
        return cap(crash);
    let last;
    for (let i = 0; i < lines.length; i++) {
        const m = GO_LOG_LINE.exec(lines[i] ?? "");
        if (m === null)
            continue;
        const own = (m[2] ?? "").trim();
        if (own === "") {
            // testify writes its message on the lines below an empty `file.go:N:` one.
            for (let j = i + 1; j < lines.length && j <= i + 8; j++) {
                const testify = TESTIFY_ERROR.exec(lines[j] ?? "");
                if (testify !== null)
                    return cap(`${m[1]}: ${(testify[1] ?? "").trim()}`);
            }
        }
        last = own === "" ? m[1] : `${m[1]}: ${own}`;
    }
    if (last !== undefined)
        return cap(last);
    if (run.outcome === null)
        return `no result: the test binary exited while ${run.name} ran`;
    if (run.name === "TestMain") {
        // A package that failed outside its tests (PackageRun.end): what it printed last says why.
        for (let i = lines.length - 1; i >= 0; i--)
            if ((lines[i] ?? "").trim() !== "")
                return cap((lines[i] ?? "").trim());
    }
    const result = lines.find((l) => /^\s*--- FAIL: /.test(l));
    return result === undefined ? undefined : cap(result.trim());
}
function cap(s) {
    return limits_firstLine(s, MAX_MESSAGE_CHARS);
}
function go_log_toTestCase(k, path) {
    const e = k.evidence;
    const t = {
        id: k.id,
        classname: k.classname,
        name: k.name,
        outcome: k.outcome,
        sources: [e === undefined ? { file: path } : { file: path, line: e.logLine }],
        index: k.index,
    };
    if (e !== undefined) {
        if (e.message !== undefined)
            t.message = e.message;
        if (e.durationSec !== undefined)
            t.durationSec = e.durationSec;
        const logLines = { file: path };
        if (e.details.lines.length > 0) {
            t.details = e.details.lines.join("\n");
            logLines.details = e.details.at;
        }
        if (e.output !== undefined) {
            t.output = e.output.text;
            logLines.output = e.output.at;
        }
        if (logLines.details !== undefined || logLines.output !== undefined)
            t.logLines = logLines;
    }
    if (k.priorAttempts.length > 0)
        t.priorAttempts = k.priorAttempts;
    return t;
}
/**
 * One package's run. JSON events name their package; go's text names it only on its last
 * line (`ok  \tpkg`, `FAIL\tpkg`), so the text reader learns it when the package ends.
 */
class PackageRun {
    tally;
    preamble = new LineBuffer(PREAMBLE_MAX_CHARS);
    /** What the package printed outside its tests once they began (a TestMain's check after m.Run). */
    trailer = new LineBuffer(PREAMBLE_MAX_CHARS);
    preamblePartial = "";
    started = false;
    /** Tests alive: running, or failed and still collecting what is printed after the result (a panic). */
    tests = new Map();
    results = [];
    /** Why the package failed when no test did (a panic in TestMain, a build failure). */
    problem = null;
    constructor(tally) {
        this.tally = tally;
    }
    get hasTests() {
        return this.started;
    }
    start(name, at) {
        this.started = true;
        const run = {
            name,
            index: this.tally.nextIndex++,
            logLine: at,
            lines: new LineBuffer(this.tally.detailsCap()),
            outcome: null,
            partial: "",
            partialAt: at,
        };
        const prev = this.tests.get(name);
        // Started again before it reported: that run never finished (the log holds another run of the package).
        if (prev !== undefined && prev.outcome === null)
            this.results.push(crashed(prev));
        this.tests.set(name, run);
        return run;
    }
    /**
     * A whole line printed by `name` (or by the package when `name` is undefined). A test that
     * already passed keeps nothing: its text was let go.
     */
    line(name, text, at) {
        if (name === undefined)
            this.packageLine(text, at);
        else
            this.tests.get(name)?.lines.push(text, at);
    }
    /** JSON output: text that may end mid-line, continued by the next event of the same test. */
    output(name, text, at) {
        if (name === undefined) {
            const rest = splitLines(this.preamblePartial + text, at, (l) => this.packageLine(l, at));
            this.preamblePartial = rest.length > MAX_DETAILS_CHARS ? "" : rest;
            return;
        }
        const run = this.tests.get(name);
        if (run === undefined)
            return;
        const startAt = run.partial === "" ? at : run.partialAt;
        const rest = splitLines(run.partial + text, startAt, (l, lineAt) => run.lines.push(l, lineAt));
        if (rest.length > MAX_DETAILS_CHARS) {
            // A line without end as long as the test's whole cap: keep what fits, as one line.
            run.lines.push(rest, startAt);
            run.partial = "";
        }
        else {
            run.partial = rest;
            run.partialAt = rest === "" ? at : startAt;
        }
    }
    packageLine(text, at) {
        if (this.problem === null && PACKAGE_PROBLEM.test(text))
            this.problem = detach(text.slice(0, 500));
        if (!this.started)
            this.preamble.push(text, at);
        else
            this.trailer.push(text, at);
    }
    /** A test's result; `line` is go's `--- FAIL: ...` line when read from text (JSON had it as output). */
    result(name, outcome, durationSec, at, line) {
        // Without -v the result line is the first go prints of a test.
        const run = this.tests.get(name) ?? this.start(name, at);
        flushPartial(run);
        if (line !== undefined)
            run.lines.push(line, at);
        run.outcome = outcome;
        if (durationSec !== undefined && Number.isFinite(durationSec))
            run.durationSec = durationSec;
        if (outcome === "failed") {
            this.results.push({ name, outcome, index: run.index, run });
            return;
        }
        // A passing test's text is not needed: drop it now, so memory does not grow with passes.
        this.tests.delete(name);
        this.results.push({ name, outcome, index: run.index });
    }
    /**
     * The package ended: `failed` when go said FAIL for it, `passed` for ok, `cut` when the input
     * stopped first, `not-built` after a build failure (already warned about). Hands its tests to
     * the tally under `pkg` (undefined: the text never named it).
     */
    end(pkg, how) {
        for (const run of this.tests.values())
            flushPartial(run);
        const open = [...this.tests.values()].filter((r) => r.outcome === null);
        if (how === "failed") {
            this.results.push(...open.map(crashed));
        }
        else if (open.length > 0 && how === "cut") {
            this.tally.warnings.push(`${this.tally.path}: ${open.length} test(s) of ${pkg ?? "a package"} started and have no result (${open
                .slice(0, 3)
                .map((r) => r.name)
                .join(", ")}${open.length > 3 ? ", ..." : ""}): the output looks cut; they are not counted`);
        }
        // go 1.24's -json reports a build failure as the package's output and fail event.
        const notBuilt = this.problem !== null && NOT_BUILT.test(this.problem);
        if (how === "failed" && pkg !== undefined && !notBuilt && !this.results.some((r) => r.outcome === "failed"))
            this.failedOutsideTests(pkg);
        this.results.sort((a, b) => a.index - b.index);
        // A build failure was warned about where go said so (its build-fail event, or its line).
        if (how === "failed" && !notBuilt && !this.results.some((r) => r.outcome === "failed")) {
            this.tally.warnings.push(`${this.tally.path}: ${pkg ?? "a package"} failed outside any test${this.problem !== null ? ` (${this.problem})` : ""}; there is no test to rerun`);
        }
        let output = null;
        if (!this.preamble.isEmpty && this.results.some((r) => r.outcome === "failed")) {
            const { lines, at } = this.preamble.lines();
            output = { text: lines.join("\n"), at };
        }
        for (const r of this.results)
            this.tally.add(pkg, r, output);
        this.results.length = 0;
        this.tests.clear();
    }
    /**
     * The package failed and no test of it said so. Without -v go prints nothing of a test that
     * was running when the binary died (a timeout's panic, os.Exit): the panic names it (`running
     * tests:` since go 1.21, its frame in the goroutine dump before that), and it failed. Else the
     * package failed outside its tests (TestMain exited before or after m.Run, an init panicked):
     * gotestsum names that TestMain, and so does this reader. Either way what the package printed
     * is the failure's text, and the failure is counted and rerun (the go driver runs TestMain as
     * the whole package, its tests with it) instead of reading "0 failing tests".
     */
    failedOutsideTests(pkg) {
        const before = this.preamble.lines();
        const after = this.trailer.lines();
        const lines = [...before.lines, ...after.lines];
        const at = [...before.at, ...after.at];
        const own = lines.flatMap((line, i) => (GO_PACKAGE_END.test(line) ? [] : [[line, at[i] ?? 0]]));
        const running = runningTests(lines, pkg);
        for (const name of running.length > 0 ? running : ["TestMain"]) {
            if (this.tests.has(name))
                continue;
            const run = this.start(name, at[0] ?? 0);
            for (const [line, lineAt] of own)
                run.lines.push(line, lineAt);
            run.outcome = "failed";
            this.results.push({ name, outcome: "failed", index: run.index, run });
        }
    }
}
/** The tests a panic's text says were running: go 1.21's `running tests:` list, else test frames in the goroutine dump. */
function runningTests(lines, pkg) {
    const names = [];
    const add = (name) => {
        if (!names.includes(name) && names.length < MAX_RUNNING_NAMED)
            names.push(name);
    };
    const listed = lines.findIndex((l) => l === "running tests:");
    if (listed >= 0) {
        for (let i = listed + 1; i < lines.length; i++) {
            const m = RUNNING_TEST.exec(lines[i] ?? "");
            if (m === null)
                break;
            add(m[1] ?? "");
        }
        if (names.length > 0)
            return names;
    }
    for (const line of lines) {
        const m = TEST_FRAME.exec(line);
        if (m !== null && m[1] === pkg)
            add(m[2] ?? "");
    }
    return names;
}
/** `\tTestHangs (3s)` under go 1.21's `running tests:`. */
const RUNNING_TEST = /^\t(Test[^\s(]*) \([^)]*\)$/;
/** `example.com/m/pkg.TestHangs(0x0?)`: a test function's own frame (not a closure inside it). */
const TEST_FRAME = /^(\S+)\.(Test[^.(\s]*)\(/;
/** A dump naming more running tests than this (parallel tests) names the first of them. */
const MAX_RUNNING_NAMED = 20;
/** go's own lines at the end of a package's run: not why it failed. */
const GO_PACKAGE_END = /^(?:FAIL|ok|PASS)(?:\s|$)|^exit status \d+$|^coverage: /;
/** A test that started and never reported: the test binary died inside it. */
function crashed(run) {
    return { name: run.name, outcome: "failed", index: run.index, run };
}
function flushPartial(run) {
    if (run.partial === "")
        return;
    run.lines.push(run.partial, run.partialAt);
    run.partial = "";
}
/** Calls `each` for every complete line of `text`; returns what follows the last newline. */
function splitLines(text, at, each) {
    let start = 0;
    for (let nl = text.indexOf("\n", start); nl !== -1; nl = text.indexOf("\n", start)) {
        each(text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl), at);
        start = nl + 1;
    }
    return start === 0 ? text : text.slice(start);
}
function finish(tally, kind) {
    const tests = tally.tests();
    return { path: tally.path, kind, tests, counts: tally.counts, warnings: capWarnings(tally.warnings, tally.path) };
}
// ---------------------------------------------------------------------------------------------
// go test -json
// A Map, not an object: an event's Action is untrusted ("constructor" is no outcome).
const ACTION_OUTCOME = new Map([
    ["pass", "passed"],
    ["fail", "failed"],
    ["skip", "skipped"],
]);
/**
 * Streams `go test -json` output (one test2json event per line). Events of different packages
 * may interleave (`go test -json ./...` runs packages in parallel); each carries its package.
 * Lines that are not events (go 1.19 writes `FAIL\tpkg [build failed]` among them) are skipped.
 */
class GoJsonReader {
    path;
    tally;
    packages = new Map();
    pending = "";
    skippingLongLine = false;
    lineNo = 0;
    malformed = 0;
    firstMalformed = null;
    constructor(path) {
        this.path = path;
        this.tally = new Tally(path);
    }
    write(chunk) {
        let start = 0;
        for (let nl = chunk.indexOf("\n"); nl !== -1; nl = chunk.indexOf("\n", start)) {
            const piece = chunk.slice(start, nl);
            start = nl + 1;
            this.lineNo++;
            if (this.skippingLongLine) {
                this.skippingLongLine = false;
                this.pending = "";
                continue;
            }
            const line = this.pending === "" ? piece : this.pending + piece;
            this.pending = "";
            this.handleLine(line);
        }
        if (start < chunk.length && !this.skippingLongLine) {
            this.pending += chunk.slice(start);
            if (this.pending.length > MAX_JSON_LINE_CHARS) {
                this.pending = "";
                this.skippingLongLine = true;
                this.noteMalformed(this.lineNo + 1);
            }
        }
    }
    end() {
        if (this.pending !== "" && !this.skippingLongLine) {
            this.lineNo++;
            this.handleLine(this.pending);
        }
        this.pending = "";
        for (const [pkg, run] of this.packages)
            run.end(pkg, "cut");
        this.packages.clear();
        if (this.malformed > 0) {
            this.tally.warnings.push(`${this.path}: ${this.malformed} line(s) are not go test -json events (first at line ${this.firstMalformed}); skipped`);
        }
        return finish(this.tally, "go-test-json");
    }
    noteMalformed(line) {
        this.malformed++;
        this.firstMalformed ??= line;
    }
    handleLine(raw) {
        if (raw.length > MAX_JSON_LINE_CHARS) {
            this.noteMalformed(this.lineNo);
            return;
        }
        const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
        const trimmed = line.trim();
        if (trimmed === "")
            return;
        if (!trimmed.startsWith("{")) {
            const build = /^FAIL\t(\S+) \[(build|setup) failed\]/.exec(trimmed);
            if (build !== null)
                this.tally.warnings.push(`${this.path}: ${build[1]} did not build (${build[2]} failed); its tests did not run`);
            else if (!/^(?:# |\S+\.go:\d+:\d+: |\t)/.test(line))
                this.noteMalformed(this.lineNo);
            return;
        }
        let event;
        try {
            event = JSON.parse(trimmed);
        }
        catch {
            this.noteMalformed(this.lineNo);
            return;
        }
        if (typeof event !== "object" || event === null) {
            this.noteMalformed(this.lineNo);
            return;
        }
        const e = event;
        const action = e["Action"];
        const pkg = e["Package"];
        if (typeof action !== "string") {
            this.noteMalformed(this.lineNo);
            return;
        }
        if (typeof pkg !== "string" || pkg === "") {
            // go 1.24 reports builds as events of their own (ImportPath, no Package).
            if (action === "build-fail" && typeof e["ImportPath"] === "string") {
                this.tally.warnings.push(`${this.path}: ${e["ImportPath"]} did not build; its tests did not run`);
            }
            else if (typeof e["ImportPath"] !== "string") {
                this.noteMalformed(this.lineNo);
            }
            return;
        }
        const test = typeof e["Test"] === "string" && e["Test"] !== "" ? e["Test"] : undefined;
        const at = this.lineNo;
        let run = this.packages.get(pkg);
        if (run === undefined) {
            run = new PackageRun(this.tally);
            this.packages.set(pkg, run);
        }
        const outcome = ACTION_OUTCOME.get(action);
        if (action === "output") {
            if (typeof e["Output"] === "string")
                run.output(test, e["Output"], at);
        }
        else if (action === "run") {
            if (test !== undefined)
                run.start(test, at);
        }
        else if (outcome !== undefined) {
            if (test !== undefined) {
                const elapsed = e["Elapsed"];
                run.result(test, outcome, typeof elapsed === "number" ? elapsed : undefined, at);
            }
            else {
                // The package's own result: its tests are done (a skip is `[no test files]`).
                run.end(pkg, outcome === "failed" ? "failed" : "passed");
                this.packages.delete(pkg);
            }
        }
        // start, pause, cont, bench, build-output: nothing to keep.
    }
}
/** Parses a whole `go test -json` text (tests and `explain`; files are streamed through GoJsonReader). */
function parseGoTestJson(text, path) {
    const r = new GoJsonReader(path);
    r.write(text);
    return r.end();
}
// ---------------------------------------------------------------------------------------------
// go test / go test -v text
/** `=== RUN   TestX/sub`, `=== PAUSE`, `=== CONT` (`=== NAME` from go 1.20 on). */
const UPDATE = /^=== (RUN|PAUSE|CONT|NAME) +(\S+)\s*$/;
/** `--- FAIL: TestX/sub (0.00s)`, indented four spaces per level when nested under its parent's. */
const REPORT = /^((?: {4})*)--- (PASS|FAIL|SKIP|BENCH): (\S+)(?: \((\d+(?:\.\d+)?)s\))?\s*$/;
const PKG_OK = /^ok {2}\t(\S+)(?:\t|\s*$)/;
const PKG_FAIL = /^FAIL\t(\S+)(?: \[(build failed|setup failed)\]|\t|\s*$)/;
const PKG_NO_TESTS = /^\? {3}\t(\S+)\t\[no test files\]/;
/** The bare PASS/FAIL go prints after a package's tests, before its summary line. */
const TESTS_DONE = /^(?:PASS|FAIL)\s*$/;
/** gotestsum repeats failures after the run (`=== Failed`, `=== FAIL: pkg TestX`) up to `DONE N tests`. */
const GOTESTSUM_SECTION = /^=== (?:Failed|Skipped|Errors)\s*$/;
const GOTESTSUM_DONE = /^DONE(?: \d+ runs?,)? \d+ tests?\b/;
/** Compiler output (on stderr, often mixed into the log): `# pkg` and the error lines under it. */
const BUILD_HEADER = /^# \S/;
const COMPILER_LINE = /^(?:\S+\.go:\d+(?::\d+)?: |\t|note: |too many errors)/;
const REPORT_OUTCOME = { PASS: "passed", FAIL: "failed", SKIP: "skipped" };
/** Parses the text of `go test` or `go test -v` (several packages, CI decorations, excerpts). */
function parseGoTestLog(text, path) {
    const tally = new Tally(path);
    const { text: norm, origin } = normaliseCiLog(text);
    const lines = dropCutTail(norm.split("\n"), norm, path, tally.warnings);
    let pkg = new PackageRun(tally);
    /** The test go's output is about now: named by the last `===` or `---` line. */
    let current;
    /** Tests whose `--- ` lines are open, by indentation: `go test` without -v prints a test's output under them. */
    let stack = [];
    let verbose = false;
    let quietFailures = false;
    let inGotestsum = false;
    let inBuild = false;
    const endPackage = (name, how) => {
        pkg.end(name, how);
        pkg = new PackageRun(tally);
        current = undefined;
        stack = [];
    };
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i] ?? "";
        const at = origin[i] ?? i + 1;
        if (inGotestsum) {
            if (GOTESTSUM_DONE.test(l))
                inGotestsum = false;
            continue;
        }
        if (GOTESTSUM_SECTION.test(l)) {
            inGotestsum = true;
            continue;
        }
        if (inBuild) {
            if (COMPILER_LINE.test(l))
                continue;
            inBuild = false;
        }
        if (BUILD_HEADER.test(l)) {
            inBuild = true;
            continue;
        }
        const update = UPDATE.exec(l);
        if (update !== null) {
            const name = update[2] ?? "";
            verbose = true;
            stack = [];
            current = name;
            if (update[1] === "RUN")
                pkg.start(name, at);
            pkg.line(name, l, at);
            continue;
        }
        const report = REPORT.exec(l);
        if (report !== null && report[2] !== "BENCH") {
            const depth = (report[1] ?? "").length / 4;
            // Deeper than the open reports: go did not print this one (test2json reads it as output).
            if (depth <= stack.length) {
                const name = report[3] ?? "";
                stack = [...stack.slice(0, depth), name];
                current = name;
                const outcome = REPORT_OUTCOME[report[2] ?? ""] ?? "failed";
                if (!verbose && outcome === "failed")
                    quietFailures = true;
                pkg.result(name, outcome, report[4] === undefined ? undefined : Number(report[4]), at, l);
                continue;
            }
        }
        const ok = PKG_OK.exec(l);
        const failed = ok === null ? PKG_FAIL.exec(l) : null;
        if (ok !== null || failed !== null) {
            const name = (ok ?? failed)?.[1];
            const notBuilt = failed?.[2];
            if (notBuilt !== undefined)
                tally.warnings.push(`${path}: ${name} did not build (${notBuilt}); its tests did not run`);
            endPackage(name, ok !== null ? "passed" : notBuilt !== undefined ? "not-built" : "failed");
            continue;
        }
        if (PKG_NO_TESTS.test(l)) {
            endPackage(undefined, "passed");
            continue;
        }
        if (TESTS_DONE.test(l)) {
            current = undefined;
            stack = [];
            continue;
        }
        // Output: by its indentation it belongs to an open report (no -v), else to the current test.
        let indent = 0;
        while (l.startsWith("    ", indent * 4))
            indent++;
        if (indent > 0 && indent <= stack.length)
            current = stack[indent - 1];
        pkg.line(current, l, at);
    }
    if (pkg.hasTests) {
        tally.warnings.push(`${path}: the last package's output has no "ok" or "FAIL" line naming it; its tests' ids are their bare names (the log looks cut)`);
        endPackage(undefined, "cut");
    }
    if (quietFailures) {
        tally.warnings.push(`${path}: go test ran without -v, which prints failing tests only: counts are of those (run go test -v, or -json, in CI)`);
    }
    return finish(tally, "go-test-log");
}

// EXTERNAL MODULE: ./node_modules/saxes/saxes.js
var saxes = __nccwpck_require__(800);
;// CONCATENATED MODULE: ./src/reports/failing-line.ts
/**
 * Finds the line of a failure inside the test's own file from its failure text. The last
 * matching entry wins: tracebacks list frames outermost first, so the last frame in the test
 * file is where the test itself failed (helpers it called sit below it and are skipped).
 */
/**
 * Each pattern captures (1) a path or file name and (2) a 1-based line number. Repetitions are
 * bounded so a 1 MiB single-line trace cannot make a pattern backtrack quadratically. Every
 * match contains its `needle`: a text without it is not scanned by that pattern.
 */
const FRAME_PATTERNS = [
    // Python traceback: File "/abs/path/tests/x.py", line 42, in test_y
    { pattern: /File "([^"\n]{1,1000})", line (\d{1,9})/g, needle: 'File "' },
    // pytest long repr: tests/x.py:42: AssertionError  /  tests/x.py:42: in test_y
    // Go testing: "    file_test.go:42: message"
    { pattern: /^[ \t]*([^\s:"'()]{1,1000}\.[A-Za-z]\w{0,20}):(\d{1,9}):(?:[ \t]|$)/gm, needle: ":" },
    // Java / Kotlin stack frame: at pkg.Class.method(File.java:42). Matched from the "(" so the
    // method part needs no pattern of its own.
    { pattern: /\(([^()\s:]{1,500}\.\w{1,20}):(\d{1,9})\)/g, needle: "(" },
    // JS stack frame with a function: at fn (path/file.test.ts:12:5)
    { pattern: /\((?:file:\/\/)?([^\s()]{1,500}\.\w{1,20}):(\d{1,9}):\d{1,9}\)/g, needle: "(" },
    // JS stack frame without one: at path/file.test.ts:12:5
    { pattern: /\bat (?:file:\/\/)?([^\s()]{1,500}\.\w{1,20}):(\d{1,9}):\d{1,9}/g, needle: "at " },
];
function normalise(p) {
    // Most paths need neither replacement: no regex work, no new string.
    if (!p.includes("\\") && !p.startsWith("./"))
        return p;
    return p.replace(/\\/g, "/").replace(/^\.\//, "");
}
/**
 * True when the path printed in a trace names `b` (normalised): an absolute or longer path ending in
 * `/file`, the same relative path, or (Java, Go) the bare file name.
 */
function sameFile(printed, b) {
    const a = normalise(printed);
    if (a === b || a.endsWith(`/${b}`))
        return true;
    if (!a.includes("/"))
        return b === a || b.endsWith(`/${a}`);
    // A trace printed relative to another directory (e.g. pytest --rootdir above the project).
    return b.endsWith(`/${a}`);
}
/** The 1-based line of the last traceback entry inside `file`, or undefined. */
function failingLine(details, file) {
    if (file.length === 0)
        return undefined;
    const b = normalise(file);
    // Every printed path sameFile accepts ends with the file's name (normalising only turns
    // backslashes into slashes and drops a leading "./"), so a text that never names the file
    // has no frame in it: most failures of a large report point into other files or none.
    if (!details.includes(b.slice(b.lastIndexOf("/") + 1)))
        return undefined;
    let bestPos = -1;
    let bestLine;
    for (const { pattern, needle } of FRAME_PATTERNS) {
        if (!details.includes(needle))
            continue;
        // exec on the shared pattern, not matchAll: matchAll copies the regex on every call (five
        // per failing test). No pattern matches the empty string, so lastIndex always advances.
        pattern.lastIndex = 0;
        for (let m = pattern.exec(details); m !== null; m = pattern.exec(details)) {
            const printed = m[1];
            const line = Number(m[2]);
            if (printed === undefined || !Number.isSafeInteger(line) || line < 1)
                continue;
            if (!sameFile(printed, b))
                continue;
            if (m.index > bestPos) {
                bestPos = m.index;
                bestLine = line;
            }
        }
        pattern.lastIndex = 0;
    }
    return bestLine;
}

;// CONCATENATED MODULE: ./src/reports/xml-fast.ts
/**
 * The pieces of XML that JUnitReader's fast path reads itself instead of saxes (see the fast-path
 * comment in junit.ts): start tags and character data, each accepted only when it is exactly what
 * saxes would read without an error, so that anything else can go to saxes and be reported as
 * saxes reports it. Pure string functions; no parser state.
 *
 * Speed comes from never looking at a character in JavaScript when a native search can: every
 * check ("is there a `&`, a `]]>` before the next tag?") is a lookup in a NextIndex, which
 * remembers where the next occurrence is, so checking all the pieces of a chunk costs one native
 * scan of the chunk per kind of character, not one per piece. Characters XML forbids are looked
 * for with a SpanIndex, which searches only the pieces asked about: their pattern is the
 * slowest search, and runs of passing testcases are matched by a pattern that rules them out.
 * Most chunks are not searched at all: the reader knows from its bytes (io/control-scan.ts) that
 * they hold none, and says so to ChunkIndex.
 */
/** Where the next occurrence of a string is in one text, remembered between questions. */
class NextIndex {
    text;
    needle;
    /** Index of the first occurrence at or after `from` (text.length if none), valid while asked past `from`. */
    found = -1;
    from = 0;
    constructor(text, needle) {
        this.text = text;
        this.needle = needle;
    }
    /** Index of the first occurrence at or after `from`, or text.length when there is none. */
    at(from) {
        if (from >= this.from && from <= this.found)
            return this.found;
        const i = this.text.indexOf(this.needle, from);
        this.from = from;
        this.found = i < 0 ? this.text.length : i;
        return this.found;
    }
}
/**
 * Whether a pattern occurs in spans of one text, asked in any order. Unlike a NextIndex, which
 * searches on to the next occurrence (to the end of the text when there is none), it searches
 * only the span asked about and a window past it: text that is never asked about, such as the
 * runs of passing testcases countRun matches with a pattern of its own, is never searched.
 */
class SpanIndex {
    text;
    pattern;
    /** The first occurrence in text[scannedFrom, scannedTo), or -1 when there is none. */
    found = -1;
    scannedFrom = 0;
    scannedTo = 0;
    /** `pattern` is shared between texts: `search` neither reads nor leaves its lastIndex. */
    constructor(text, pattern) {
        this.text = text;
        this.pattern = pattern;
    }
    /** Whether the pattern occurs in text[from, to). */
    in(from, to) {
        const known = from >= this.scannedFrom && to <= this.scannedTo && (this.found < 0 || this.found >= from);
        if (!known) {
            const end = Math.min(this.text.length, Math.max(to, from + SPAN_WINDOW));
            const at = this.text.slice(from, end).search(this.pattern);
            this.scannedFrom = from;
            this.scannedTo = end;
            this.found = at < 0 ? -1 : from + at;
        }
        return this.found >= 0 && this.found < to;
    }
}
/** The SpanSearch of a text known to hold no occurrence. */
const NONE = { in: () => false };
/** How far past the span asked about a SpanIndex searches, so that nearby questions cost nothing. */
const SPAN_WINDOW = 4096;
/**
 * Characters that need a closer look: those XML 1.0 forbids (C0 controls but tab, line feed and
 * carriage return; U+FFFE, U+FFFF) and surrogates, which are allowed only in pairs.
 */
const SPECIAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
/** The searches over one chunk of text that the fast path asks. */
class ChunkIndex {
    text;
    controlFree;
    lt;
    amp;
    cr;
    special;
    cdataEnd;
    dquote;
    squote;
    /** Line feeds and tabs: with `cr`, what attribute values turn into spaces. */
    lf;
    tab;
    /**
     * Line ends, for countLineEnds only. A NextIndex answers fast only when asked about positions
     * in increasing order; line counting lags behind the scan, so it has its own.
     */
    lineCR;
    lineLF;
    /** `controlFree`: the text is known to hold nothing SPECIAL matches, and is not searched for it. */
    constructor(text, controlFree = false) {
        this.text = text;
        this.controlFree = controlFree;
        this.lt = new NextIndex(text, "<");
        this.amp = new NextIndex(text, "&");
        this.cr = new NextIndex(text, "\r");
        this.special = controlFree ? NONE : new SpanIndex(text, SPECIAL);
        this.cdataEnd = new NextIndex(text, "]]>");
        this.dquote = new NextIndex(text, '"');
        this.squote = new NextIndex(text, "'");
        this.lf = new NextIndex(text, "\n");
        this.tab = new NextIndex(text, "\t");
        this.lineCR = new NextIndex(text, "\r");
        this.lineLF = new NextIndex(text, "\n");
    }
}
/** Line ends in text[from, to) as saxes counts them: CR LF once, a lone CR or LF once each. */
function countLineEnds(ix, from, to) {
    const s = ix.text;
    let n = 0;
    if (ix.lineCR.at(from) >= to) {
        for (let i = ix.lineLF.at(from); i < to; i = ix.lineLF.at(i + 1))
            n++;
        return n;
    }
    for (let i = from; i < to; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x0a)
            n++;
        else if (c === 0x0d && s.charCodeAt(i + 1) !== 0x0a)
            n++;
    }
    return n;
}
/** The text of the reference between `&` and `;` at s[from, to), or undefined if saxes would report it. */
function referenceAt(s, from, to) {
    const n = to - from;
    const c = s.charCodeAt(from);
    if (c !== 0x23) {
        // The five predefined entities, without slicing their names out.
        if (n === 2 && s.charCodeAt(from + 1) === 0x74)
            return c === 0x6c ? "<" : c === 0x67 ? ">" : undefined;
        if (n === 3 && s.startsWith("amp", from))
            return "&";
        if (n === 4 && s.startsWith("quot", from))
            return '"';
        if (n === 4 && s.startsWith("apos", from))
            return "'";
        return undefined;
    }
    const hex = s.charCodeAt(from + 1) === 0x78;
    const digits = n - (hex ? 2 : 1);
    if (digits < 1 || digits > (hex ? 6 : 7))
        return undefined;
    let v = 0;
    for (let i = to - digits; i < to; i++) {
        const d = s.charCodeAt(i);
        if (d >= 0x30 && d <= 0x39)
            v = v * (hex ? 16 : 10) + (d - 0x30);
        else if (hex && ((d >= 0x61 && d <= 0x66) || (d >= 0x41 && d <= 0x46)))
            v = v * 16 + ((d | 0x20) - 0x57);
        else
            return undefined;
    }
    const isChar = v === 0x9 || v === 0xa || v === 0xd || (v >= 0x20 && v <= 0xd7ff) || (v >= 0xe000 && v <= 0xfffd) || (v >= 0x10000 && v <= 0x10ffff);
    return isChar ? String.fromCodePoint(v) : undefined;
}
/** `s` with its references decoded, or undefined if one of them is not what saxes accepts. */
function decodeReferences(s) {
    let amp = s.indexOf("&");
    if (amp < 0)
        return s;
    let out = "";
    let from = 0;
    while (amp >= 0) {
        const semi = s.indexOf(";", amp + 1);
        if (semi < 0)
            return undefined;
        const v = referenceAt(s, amp + 1, semi);
        if (v === undefined)
            return undefined;
        out += s.slice(from, amp) + v;
        from = semi + 1;
        amp = s.indexOf("&", from);
    }
    return out + s.slice(from);
}
/** What follows a `&` when it starts a reference at all (known or not): `#digits;`, `#xhex;`, `name;`. */
const REFERENCE_SYNTAX = /#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z_:][A-Za-z0-9_:.-]*;/y;
/**
 * `s` with its references decoded and every `&` that starts no reference kept as a literal `&`
 * (a report writer that forgot to escape it: `assert a && b`, `?x=1&y=2`). XML readers take
 * such a `&` for the start of an entity name that runs to the next `;`, swallowing the rest of
 * the file; here it costs one character. Undefined for a reference saxes would report (an
 * unknown entity, a character XML does not allow): saxes reads those and says so.
 */
function decodeReferencesLenient(s) {
    let amp = s.indexOf("&");
    if (amp < 0)
        return { text: s, bare: 0 };
    let out = "";
    let from = 0;
    let bare = 0;
    while (amp >= 0) {
        REFERENCE_SYNTAX.lastIndex = amp + 1;
        if (!REFERENCE_SYNTAX.test(s)) {
            bare++;
            amp = s.indexOf("&", amp + 1);
            continue;
        }
        const semi = REFERENCE_SYNTAX.lastIndex - 1;
        const v = referenceAt(s, amp + 1, semi);
        if (v === undefined)
            return undefined;
        out += s.slice(from, amp) + v;
        from = semi + 1;
        amp = s.indexOf("&", from);
    }
    return { text: out + s.slice(from), bare };
}
/**
 * readCharData for text whose only fault is an `&` that starts no reference: such a `&` is
 * kept as a literal (decodeReferencesLenient), and `bare` says how many there were. Undefined
 * for anything else saxes would report.
 */
function readCharDataLenient(ix, from, to) {
    const out = checkedCharData(ix, from, to);
    return out === undefined ? undefined : decodeReferencesLenient(out);
}
/**
 * Character data s[from, to) for saxes with every `&` that certainly starts no reference written
 * as `&amp;`. A `&` whose reference may go on past `to` (only name characters after it) is left
 * as it is: the text after `to` decides. Null when there is nothing to repair.
 */
function escapeBareAmpersands(s, from, to) {
    let amp = s.indexOf("&", from);
    if (amp < 0 || amp >= to)
        return null;
    let out = "";
    let last = from;
    let bare = 0;
    while (amp >= 0 && amp < to) {
        REFERENCE_SYNTAX.lastIndex = amp + 1;
        const isReference = REFERENCE_SYNTAX.test(s) && REFERENCE_SYNTAX.lastIndex <= to;
        if (!isReference && !/^#?x?[A-Za-z0-9_:.-]*$/.test(s.slice(amp + 1, to))) {
            out += s.slice(last, amp) + "&amp;";
            last = amp + 1;
            bare++;
        }
        amp = s.indexOf("&", amp + 1);
    }
    return bare === 0 ? null : { text: out + s.slice(last, to), bare };
}
/**
 * Character data text[from, to) (ending before a `<`) as saxes hands it on: line ends normalised,
 * references decoded. Undefined for anything saxes would report (characters XML does not allow,
 * a lone surrogate, an unknown entity, `]]>`), so that saxes reads it and reports it.
 */
function readCharData(ix, from, to) {
    const out = checkedCharData(ix, from, to);
    if (out === undefined || ix.amp.at(from) >= to)
        return out;
    return decodeReferences(out);
}
/**
 * readCharData for a reader that keeps only the ends of long text: the same checks (undefined
 * for anything saxes would report), the decoded length counted without building the text, and
 * its first or last characters decoded on demand. Past the first failures, a report's failures
 * keep 1 KiB or less of each traceback: decoding all of it was a tenth of reading the bench's
 * 500 MB report.
 */
function readCharDataEnds(ix, from, to) {
    const s = ix.text;
    if (!charsValid(ix, from, to))
        return undefined;
    let length = to - from;
    for (let amp = ix.amp.at(from); amp < to;) {
        const semi = s.indexOf(";", amp + 1);
        if (semi < 0 || semi >= to)
            return undefined;
        const v = referenceAt(s, amp + 1, semi);
        if (v === undefined)
            return undefined;
        length -= semi + 1 - amp - v.length;
        amp = ix.amp.at(semi + 1);
    }
    const cr = ix.cr.at(from) < to;
    // CR LF reads as one line feed (`to` is a `<`, so a CR before it is alone).
    if (cr)
        for (let i = ix.cr.at(from); i < to; i = ix.cr.at(i + 1))
            if (s.charCodeAt(i + 1) === 0x0a)
                length--;
    // A slice that cuts no reference decodes to a piece of the whole: a cut CR LF reads as the
    // line feed it is a part of, a cut surrogate pair as the same half.
    const decoded = (a, b) => {
        const raw = s.slice(a, b);
        return decodeReferences(cr ? raw.replace(/\r\n?/g, "\n") : raw) ?? "";
    };
    return {
        length,
        head(n) {
            let k = Math.min(to, from + n);
            for (;;) {
                k = referenceEnd(s, from, k);
                const d = decoded(from, k);
                if (d.length >= n || k >= to)
                    return d.slice(0, n);
                k = Math.min(to, k + (n - d.length));
            }
        },
        tail(n) {
            let j = Math.max(from, to - n);
            for (;;) {
                j = referenceStart(s, from, j);
                const d = decoded(j, to);
                if (d.length >= n || j <= from)
                    return d.slice(Math.max(0, d.length - n));
                j = Math.max(from, j - (n - d.length));
            }
        },
    };
}
/** Longest reference the checks above let through: `&#x10FFFF;`, `&#1114111;`. */
const MAX_REFERENCE_CHARS = 10;
/** Where a reference that position i cuts begins (i itself when it cuts none). */
function referenceStart(s, from, i) {
    for (let j = i - 1; j >= from && j > i - MAX_REFERENCE_CHARS; j--) {
        const c = s.charCodeAt(j);
        if (c === 0x3b)
            return i;
        if (c === 0x26)
            return j;
    }
    return i;
}
/** Where a reference that position i cuts ends (i itself when it cuts none). */
function referenceEnd(s, from, i) {
    const start = referenceStart(s, from, i);
    return start === i ? i : s.indexOf(";", start) + 1;
}
/**
 * text[from, to) with line ends normalised, references not yet decoded; undefined when it holds
 * a character XML does not allow, a lone surrogate or `]]>`.
 */
function checkedCharData(ix, from, to) {
    const s = ix.text;
    if (!charsValid(ix, from, to))
        return undefined;
    const out = s.slice(from, to);
    return ix.cr.at(from) < to ? out.replace(/\r\n?/g, "\n") : out;
}
/**
 * Whether saxes reads character data text[from, to) without an error, for text nobody keeps
 * (whitespace between elements): readCharData's checks without building the text.
 */
function charDataValid(ix, from, to) {
    if (!charsValid(ix, from, to))
        return false;
    return ix.amp.at(from) >= to || decodeReferences(ix.text.slice(from, to)) !== undefined;
}
/**
 * Whether character data text[from, to) holds only characters XML 1.0 allows and no `]]>`: the
 * checks every reading of character data makes before its references.
 */
function charsValid(ix, from, to) {
    if (ix.special.in(from, to) && !allowedSpecials(ix.text, from, to))
        return false;
    // `]]>` is only an error when all of it is character data; its `>` must come before `to`.
    return ix.cdataEnd.at(from) + 2 >= to;
}
/** Whether text[from, to) holds only characters XML 1.0 allows (surrogates only in pairs). */
function allowedSpecials(s, from, to) {
    for (let i = from; i < to; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x20 && c < 0xd800)
            continue;
        if (c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0xe000 && c <= 0xfffd))
            continue;
        if (c >= 0xd800 && c <= 0xdbff) {
            const d = s.charCodeAt(i + 1);
            if (d >= 0xdc00 && d <= 0xdfff && i + 1 < to) {
                i++;
                continue;
            }
        }
        return false;
    }
    return true;
}
/** What the readers return instead of an index. */
const Tag = {
    /** Not something the fast path reads: saxes reads it. */
    No: -1,
    /** Cut by the end of the text: decide when more text has come. */
    Incomplete: -2,
};
/** More attributes than this on one tag: leave it to saxes. */
const MAX_FAST_ATTRIBUTES = 32;
const VALUE_BLANK = 1;
const VALUE_REFERENCE = 2;
/** A StartTag to read tags into; `wanted` names attributes whose index readStartTag notes. */
function newStartTag(wanted = []) {
    return {
        end: 0,
        nameStart: 0,
        nameEnd: 0,
        selfClosing: false,
        count: 0,
        names: [],
        nameEnds: [],
        starts: [],
        ends: [],
        flags: [],
        plain: true,
        wanted,
        found: wanted.map(() => -1),
        wantedLengths: wanted.map((w) => w.length),
        wantedFirsts: wanted.map((w) => w.charCodeAt(0)),
    };
}
function isNameStart(c) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}
function isNameChar(c) {
    return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x3a;
}
function isBlank(c) {
    return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
/** Whether s[a, a + n) and s[b, b + n) hold the same characters. */
function sameRange(s, a, b, n) {
    for (let k = 0; k < n; k++)
        if (s.charCodeAt(a + k) !== s.charCodeAt(b + k))
            return false;
    return true;
}
/**
 * Reads the start tag at `lt` (which holds `<`) strictly: an ASCII name, attributes with ASCII
 * names, quoted values without `<` or characters XML forbids, no duplicates, whitespace between
 * attributes. Only what saxes reads without an error (references are checked when decoded).
 * Returns the index past its `>` with the tag in `out`, or Tag.No / Tag.Incomplete when the text
 * ends before `limit` does.
 */
function readStartTag(ix, lt, limit, out) {
    const s = ix.text;
    const end = Math.min(s.length, limit);
    const incomplete = end === s.length ? Tag.Incomplete : Tag.No;
    let i = lt + 1;
    if (i >= end)
        return incomplete;
    if (!isNameStart(s.charCodeAt(i)))
        return Tag.No;
    i++;
    while (i < end && isNameChar(s.charCodeAt(i)))
        i++;
    if (i >= end)
        return incomplete;
    out.nameStart = lt + 1;
    out.nameEnd = i;
    out.count = 0;
    out.selfClosing = false;
    const wanted = out.wanted;
    for (let w = 0; w < wanted.length; w++)
        out.found[w] = -1;
    for (;;) {
        const before = i;
        while (i < end && isBlank(s.charCodeAt(i)))
            i++;
        if (i >= end)
            return incomplete;
        let c = s.charCodeAt(i);
        if (c === 0x3e || c === 0x2f) {
            if (c === 0x2f) {
                if (i + 1 >= end)
                    return incomplete;
                if (s.charCodeAt(i + 1) !== 0x3e)
                    return Tag.No;
                out.selfClosing = true;
                i++;
            }
            out.end = i + 1;
            return checkValues(ix, lt, out);
        }
        // saxes wants whitespace before each attribute.
        if (i === before || !isNameStart(c) || out.count >= MAX_FAST_ATTRIBUTES)
            return Tag.No;
        const nameStart = i;
        i++;
        while (i < end && isNameChar(s.charCodeAt(i)))
            i++;
        if (i >= end)
            return incomplete;
        const n = i - nameStart;
        for (let k = 0; k < out.count; k++) {
            const other = out.names[k] ?? 0;
            if ((out.nameEnds[k] ?? 0) - other === n && sameRange(s, other, nameStart, n))
                return Tag.No;
        }
        const first = s.charCodeAt(nameStart);
        for (let w = 0; w < wanted.length; w++) {
            if (out.wantedLengths[w] === n && out.wantedFirsts[w] === first && s.startsWith(wanted[w] ?? "", nameStart))
                out.found[w] = out.count;
        }
        while (i < end && isBlank(s.charCodeAt(i)))
            i++;
        if (i >= end)
            return incomplete;
        if (s.charCodeAt(i) !== 0x3d)
            return Tag.No;
        i++;
        while (i < end && isBlank(s.charCodeAt(i)))
            i++;
        if (i >= end)
            return incomplete;
        c = s.charCodeAt(i);
        if (c !== 0x22 && c !== 0x27)
            return Tag.No;
        const valueStart = i + 1;
        const close = (c === 0x22 ? ix.dquote : ix.squote).at(valueStart);
        if (close >= end)
            return incomplete;
        out.names[out.count] = nameStart;
        out.nameEnds[out.count] = nameStart + n;
        out.starts[out.count] = valueStart;
        out.ends[out.count] = close;
        out.count++;
        i = close + 1;
        if (i >= end)
            return incomplete;
        c = s.charCodeAt(i);
        if (!isBlank(c) && c !== 0x2f && c !== 0x3e)
            return Tag.No;
    }
}
/**
 * The checks on a tag's values, made once for the whole tag: outside its values a tag that
 * parsed holds only names, `=`, quotes and blanks, so a `<` or a character XML forbids anywhere
 * in it is in a value, and values need decoding only if the tag holds a `&` or a tab/line end
 * at all (then each value is looked at). Returns the tag's end, or Tag.No.
 */
function checkValues(ix, lt, out) {
    const end = out.end;
    if (ix.lt.at(lt + 1) < end || ix.special.in(lt, end))
        return Tag.No;
    out.plain = ix.amp.at(lt) >= end && ix.lf.at(lt) >= end && ix.cr.at(lt) >= end && ix.tab.at(lt) >= end;
    if (out.plain)
        return end;
    // Values come in increasing order, so each question is one cached native search, not a look
    // at every character of a multi-KB failure message.
    for (let k = 0; k < out.count; k++) {
        const from = out.starts[k] ?? 0;
        const to = out.ends[k] ?? 0;
        let flags = ix.amp.at(from) < to ? VALUE_REFERENCE : 0;
        if (ix.lf.at(from) < to || ix.cr.at(from) < to || ix.tab.at(from) < to)
            flags |= VALUE_BLANK;
        out.flags[k] = flags;
    }
    return end;
}
/** The shape of a tag readStartTag has just read, or null when it is not written the common way. */
function shapeOf(ix, tag) {
    const s = ix.text;
    const prefixes = [];
    let from = tag.nameEnd;
    for (let k = 0; k < tag.count; k++) {
        const start = tag.starts[k] ?? 0;
        const prefix = s.slice(from, start);
        if (prefix !== ` ${attributeName(ix, tag, k)}="`)
            return null;
        prefixes.push(prefix);
        from = (tag.ends[k] ?? 0) + 1;
    }
    // What is left is blanks and the `>` or `/>` readStartTag has checked.
    const open = s.slice(tag.nameStart - 1, tag.nameEnd);
    const close = s.slice(from, tag.end);
    return { open, prefixes, close, selfClosing: tag.selfClosing, found: [...tag.found], key: `${open}${prefixes.join("")}${close}` };
}
/**
 * Reads the start tag at `lt` when it is written in `shape`, as readStartTag would read it.
 * Returns the index past its `>` with the tag in `out`, or Tag.No for anything else (then
 * readStartTag decides, also whether the tag is cut by the end of the text).
 */
function readShapedTag(ix, lt, limit, shape, out) {
    const s = ix.text;
    if (!s.startsWith(shape.open, lt))
        return Tag.No;
    const end = Math.min(s.length, limit);
    let i = lt + shape.open.length;
    const prefixes = shape.prefixes;
    for (let k = 0; k < prefixes.length; k++) {
        const prefix = prefixes[k];
        // A loop, not startsWith: for these few characters the call costs more than comparing.
        for (let j = 0; j < prefix.length; j++)
            if (s.charCodeAt(i + j) !== prefix.charCodeAt(j))
                return Tag.No;
        const valueStart = i + prefix.length;
        const close = ix.dquote.at(valueStart);
        if (close >= end)
            return Tag.No;
        out.names[k] = i + 1;
        out.nameEnds[k] = valueStart - 2;
        out.starts[k] = valueStart;
        out.ends[k] = close;
        i = close + 1;
    }
    if (!s.startsWith(shape.close, i))
        return Tag.No;
    out.selfClosing = shape.selfClosing;
    out.end = i + shape.close.length;
    if (out.end > end)
        return Tag.No;
    out.nameStart = lt + 1;
    out.nameEnd = lt + shape.open.length;
    out.count = prefixes.length;
    for (let w = 0; w < shape.found.length; w++)
        out.found[w] = shape.found[w] ?? -1;
    return checkValues(ix, lt, out);
}
/** Whether the tag's name is `name`. */
function tagIs(ix, tag, name) {
    return tag.nameEnd - tag.nameStart === name.length && ix.text.startsWith(name, tag.nameStart);
}
function tagName(ix, tag) {
    return ix.text.slice(tag.nameStart, tag.nameEnd);
}
function attributeName(ix, tag, k) {
    return ix.text.slice(tag.names[k] ?? 0, tag.nameEnds[k] ?? 0);
}
/**
 * The value of attribute k as saxes gives it: literal tabs and line ends become spaces (CR LF one
 * space), then references are decoded. Undefined for a reference saxes would report.
 */
function attributeValue(ix, tag, k) {
    if (tag.plain)
        return ix.text.slice(tag.starts[k] ?? 0, tag.ends[k] ?? 0);
    const v = blankedValue(ix, tag, k);
    return ((tag.flags[k] ?? 0) & VALUE_REFERENCE) !== 0 ? decodeReferences(v) : v;
}
/** attributeValue with an `&` that starts no reference kept as a literal (decodeReferencesLenient). */
function attributeValueLenient(ix, tag, k) {
    return decodeReferencesLenient(blankedValue(ix, tag, k));
}
/** The raw value of attribute k with literal tabs and line ends as spaces (CR LF one space); references left as they are. */
function blankedValue(ix, tag, k) {
    const v = ix.text.slice(tag.starts[k] ?? 0, tag.ends[k] ?? 0);
    return ((tag.flags[k] ?? 0) & VALUE_BLANK) !== 0 ? v.replace(/\r\n|[\t\n\r]/g, " ") : v;
}
/** Whether saxes reads every value of `tag` without an error (all its references are known). */
function valuesValid(ix, tag) {
    if (tag.plain)
        return true;
    for (let k = 0; k < tag.count; k++) {
        if (((tag.flags[k] ?? 0) & VALUE_REFERENCE) !== 0 && attributeValue(ix, tag, k) === undefined)
            return false;
    }
    return true;
}
/**
 * After a `<testcase ...>` at `from`: only whitespace, then `</testcase>`. Returns the index past
 * its `>`, Tag.No, or Tag.Incomplete when the text ends before `limit` does.
 */
function readEmptyClose(ix, from, limit, name) {
    const s = ix.text;
    const end = Math.min(s.length, limit);
    const incomplete = end === s.length ? Tag.Incomplete : Tag.No;
    let i = from;
    while (i < end && isBlank(s.charCodeAt(i)))
        i++;
    if (i + name.length + 2 >= end)
        return incomplete;
    if (s.charCodeAt(i) !== 0x3c || s.charCodeAt(i + 1) !== 0x2f || !s.startsWith(name, i + 2))
        return Tag.No;
    i += name.length + 2;
    while (i < end && isBlank(s.charCodeAt(i)))
        i++;
    if (i >= end)
        return incomplete;
    return s.charCodeAt(i) === 0x3e ? i + 1 : Tag.No;
}
/**
 * Index just past the markup starting at `lt` (a tag, comment, CDATA section or processing
 * instruction), or -1 if it does not end in `s`. Only a hint: saxes decides what it is.
 */
function tagEnd(s, lt) {
    const ender = s.startsWith("<!--", lt) ? "-->" : s.startsWith("<![CDATA[", lt) ? "]]>" : s.startsWith("<?", lt) ? "?>" : null;
    if (ender !== null) {
        const e = s.indexOf(ender, lt + 2);
        return e < 0 ? -1 : e + ender.length;
    }
    let quote = 0;
    for (let i = lt + 1; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (quote !== 0) {
            if (c === quote)
                quote = 0;
        }
        else if (c === 0x22 || c === 0x27)
            quote = c;
        else if (c === 0x3e)
            return i + 1;
    }
    return -1;
}
/**
 * A character of an attribute value that readShapedTag reads as plain text: not its quote, `<`
 * or `&`, no tab or line end (which turn into spaces), nothing XML forbids (so no C0 control at
 * all) and no surrogate.
 */
const PLAIN_VALUE_CHAR = String.raw `[^"<&\u0000-\u001f\ud800-\udfff\ufffe\uffff]`;
/** A value that would make a bare testcase a skip, as a lookahead that rules such values out. */
function notOneOf(words) {
    const anyCase = (w) => [...w].map((c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).join("");
    return `(?!(?:${words.map(anyCase).join("|")})")`;
}
/**
 * Where the value of the shape's attribute `k` is, in a tag runPattern matched at `from`:
 * its start and end, cut to its first `max` characters (0, 0 when k < 0, an absent attribute).
 * Walks the values before it by their closing quotes, since a value may end in what looks like
 * a later prefix (`a name=`).
 */
function runValueRange(text, from, shape, k, max) {
    if (k < 0)
        return [0, 0];
    let i = text.indexOf("<", from) + shape.open.length;
    for (let j = 0; j < k; j++)
        i = text.indexOf('"', i + (shape.prefixes[j]?.length ?? 0)) + 1;
    const start = i + (shape.prefixes[k]?.length ?? 0);
    // A plain value holds no surrogate, so any cut is between characters.
    return [start, Math.min(text.indexOf('"', start), start + max)];
}
/**
 * A sticky pattern that matches, after blanks, one tag written in `shape` whose values
 * readShapedTag would read as plain text (so its checkValues would pass it), self-closing or
 * closed with only blanks inside (readEmptyClose): the bare testcase countPlain counts as passed
 * (values of any length: countRun cuts a long name as countBareSliced does). `found` gives the
 * index in the shape of the name,
 * classname, status and result attributes (-1: absent); a status or result that makes the
 * testcase a skip does not match (nor, then, count here). Null when the shape has no name.
 */
function runPattern(shape, found, skip) {
    if (found.name < 0)
        return null;
    const escape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
    // No capture groups: matched with test(), which builds no result array (a passing testcase
    // then costs no garbage, and the young generation stays small). No bounded repeats either:
    // `{0,4096}` made the pattern 40% slower than `*`.
    let source = `[ \\t\\r\\n]*${escape(shape.open)}`;
    for (let k = 0; k < shape.prefixes.length; k++) {
        source += escape(shape.prefixes[k] ?? "");
        if (k === found.status)
            source += notOneOf(skip.status);
        if (k === found.result)
            source += notOneOf(skip.result);
        source += `${PLAIN_VALUE_CHAR}*"`;
    }
    source += escape(shape.close);
    // Or closed with only blanks inside, as jest-junit and gotestsum write passing testcases.
    if (!shape.selfClosing)
        source += `[ \\t\\r\\n]*</${escape(shape.open.slice(1))}[ \\t\\r\\n]*>`;
    return { pattern: new RegExp(source, "y"), shape, name: found.name, classname: found.classname };
}

;// CONCATENATED MODULE: ./src/reports/junit.ts





const IGNORED = { sink: null };
// Maps, not object literals: element names come from the report, and `<constructor/>` inside a
// testcase must not find Object.prototype's constructor and count as a failure.
const FAILURE_ELEMENTS = new Map([
    ["failure", "failed"],
    ["error", "errored"],
]);
const ATTEMPT_ELEMENTS = new Map([
    ["flakyFailure", { outcome: "failed", flaky: true }],
    ["flakyError", { outcome: "errored", flaky: true }],
    ["rerunFailure", { outcome: "failed", flaky: false }],
    ["rerunError", { outcome: "errored", flaky: false }],
]);
/** How pytest's junitxml starts the message of an error raised in a fixture's teardown. */
const PYTEST_TEARDOWN = "failed on teardown with";
/** Attribute values by which some reporters mark a testcase that did not run. */
const NOT_RUN_STATUS_WORDS = ["disabled", "notrun", "skipped"];
const NOT_RUN_RESULT_WORDS = ["skipped", "suppressed"];
const NOT_RUN_STATUS = new RegExp(`^(?:${NOT_RUN_STATUS_WORDS.join("|")})$`, "i");
const NOT_RUN_RESULT = new RegExp(`^(?:${NOT_RUN_RESULT_WORDS.join("|")})$`, "i");
/*
 * Fast path. saxes reads character by character and builds text line by line; on a big report
 * that is nearly all of the time: passing testcases, which are nearly all one empty element
 * (`<testcase classname=".." name=".." time=".."/>`) we only count, and the multi-KB attribute
 * values and character data of failures and their output. So write() reads those itself
 * whenever saxes stands cleanly in an element's text (see clean()), with the functions of
 * xml-fast.ts, which accept only what saxes reads without an error:
 *   - a bare testcase (self-closing, or closed with only whitespace inside) is counted as
 *     finishCase would count it; saxes never sees it;
 *   - any other start tag is read with its attributes decoded as saxes decodes them, and saxes
 *     is given the same tag without attributes (`<failure>`), so it keeps its element stack, end
 *     tag checks and errors, and the handler gets the attributes read here;
 *   - character data up to the next `<` is checked and decoded as saxes would (line ends,
 *     predefined entities, character references) and handed to the text handler.
 * Anything else, and anything saxes would report, goes to saxes as written, so errors, warnings
 * and line numbers are unchanged; end tags, comments, CDATA and processing instructions are
 * always read by saxes. One deliberate exception: an `&` that starts no reference (`a && b` in
 * text or a value, from a writer that forgot to escape it) is read as a literal `&` with one
 * warning per file, where saxes would take everything up to the next `;` in the file, tags and
 * testcases included, for an entity name. Line ends in what saxes does not see are counted here
 * (lazily, per region, with native searches), so saxes' line plus ours is the line saxes alone
 * would give.
 */
const TESTCASE = "testcase";
/**
 * A start tag longer than this goes to saxes, and so does character data this long cut by the end
 * of a chunk. Bounds what write() holds back for the next chunk, so a 50 MB attribute value cannot
 * make scanning quadratic; the longest tags of real reports (a failure message attribute with a
 * whole assertion diff) fit.
 */
const MAX_FAST_TAG_CHARS = 64 * 1024;
/**
 * saxes' state number for "in text content". Its parser keeps the state in a field that its
 * typings hide; we read it only to know that skipping an element leaves saxes where it would
 * have been. The value is learnt from saxes itself, and if it cannot be told apart from the
 * states inside a comment, CDATA or tag, the fast path stays off.
 */
const SAXES_TEXT_STATE = (() => {
    const parserAfterRoot = () => {
        const p = new saxes/* SaxesParser */.wT({ xmlns: false });
        p.write("<a/>");
        return p;
    };
    const stateAfter = (xml) => {
        const p = new saxes/* SaxesParser */.wT({ xmlns: false });
        p.on("error", () => undefined);
        p.write(xml);
        return p.state;
    };
    const p = new saxes/* SaxesParser */.wT({ xmlns: false });
    p.write("<a>");
    const internals = p;
    const text = internals.state;
    if (typeof text !== "number" || internals.text !== "" || internals.tags?.length !== 1)
        return undefined;
    // After its root element, saxes reports every start tag: the fast path must know it is there.
    if (internals.closedRoot !== false || parserAfterRoot().closedRoot !== true)
        return undefined;
    if (stateAfter("<a>x") !== text)
        return undefined;
    for (const other of ["<a><!-- ", "<a><![CDATA[ ", "<a b='", "<a>&am", "<a><", "<a></a"]) {
        if (stateAfter(other) === text)
            return undefined;
    }
    return text;
})();
/** Run patterns (see countRun) made per file at most: reporters write testcases one or two ways. */
const MAX_RUN_PATTERNS = 16;
/** Steps of at most one `>` each given to saxes in a row before it gets the rest of a chunk. */
const MAX_CATCH_UP_STEPS = 64;
/** The attributes of a bare testcase that the counting rule reads, by their index in this list. */
const BARE_ATTRIBUTES = ["name", "classname", "status", "result"];
const BARE_NAME = 0;
const BARE_CLASSNAME = 1;
const BARE_STATUS = 2;
const BARE_RESULT = 3;
/** An attribute of a bare testcase as keptAttr would keep it ("" when absent, undefined when saxes would report it). */
function bareAttribute(ix, tag, wanted) {
    const k = tag.found[wanted] ?? -1;
    if (k < 0)
        return "";
    const v = attributeValue(ix, tag, k);
    return v !== undefined && v.length > MAX_MESSAGE_CHARS ? v.slice(0, MAX_MESSAGE_CHARS) : v;
}
function attr(tag, name) {
    const v = tag.attributes[name];
    return typeof v === "string" ? v : undefined;
}
/** Attribute values as kept: bounded and detached from saxes' buffers. */
function keptAttr(tag, name, max = MAX_MESSAGE_CHARS) {
    const v = attr(tag, name);
    if (v === undefined)
        return undefined;
    return detach(v.length > max ? v.slice(0, max) : v);
}
function parseNumber(s) {
    if (s === undefined)
        return undefined;
    // Some JVM reporters write locale-formatted times ("1,234.5").
    const n = Number(s.trim().replace(/,/g, ""));
    return s.trim() !== "" && Number.isFinite(n) && n >= 0 ? n : undefined;
}
function junit_emptyCounts() {
    return { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
}
/** Streaming JUnit XML reader: feed decoded text with write(), then call end() once. */
class JUnitReader {
    path;
    parser;
    stack = [];
    suites = [];
    tests = [];
    /** Kept (non-passing or flaky) tests by suite+classname+name, to fold repeated attempts. */
    kept = new Map();
    /** nameKey of kept tests' names: most passing testcases are told apart from them without building a key. */
    keptNames = new Set();
    /** The id of the previous testcase, and how it was counted when it was only counted. */
    lastCase = null;
    lastCaseCounted = false;
    counts = junit_emptyCounts();
    warnings = [];
    suppressedWarnings = 0;
    testcaseIndex = 0;
    /** The testcase being read, if any. */
    openCase = null;
    completed = 0;
    xmlErrors = 0;
    retainedChars = 0;
    droppedAttempts = 0;
    sawRoot = false;
    sawContent = false;
    /** Text held back from saxes: a tag or character data cut by the end of the last chunk. */
    carry = "";
    /** The carry came from a text known to hold no character XML forbids. */
    carryControlFree = false;
    warnedBareAmpersand = false;
    /** Line ends in text that the fast path kept from saxes (saxes' own line count misses them). */
    skippedLines = 0;
    /** The text being scanned, and how far into it skippedLines has counted. */
    ix = null;
    countedTo = 0;
    /** The last text given to saxes ended in a CR or a high surrogate, which saxes holds back. */
    fedHeldBack = false;
    tag = newStartTag(BARE_ATTRIBUTES);
    /** How the last testcase read in full was written, to read the next ones like it. */
    shape = null;
    /**
     * The pattern of the last bare testcase's shape, for countRun. Only a bare one's: pytest
     * writes a passing testcase `.../>` and a failing one `...>`, and the run must outlive the
     * failures between passing testcases (else the first passing testcase after each failure
     * goes the slow way, and learns its shape again).
     */
    run = null;
    runsMade = 0;
    /** Attributes read by the fast path for the tag saxes is being given without them. */
    pendingAttributes = null;
    stopped = false;
    ended = false;
    /** The report's first characters, for dialect and report-level seed detection. */
    head = "";
    /** See repeatsAreAttempts; undefined until the first testcase needs it. */
    attemptsRepeat;
    /** Whether write() may spare saxes (see the fast path above); off only to test it against saxes alone. */
    fast;
    /**
     * `repeatsAreTests`: every testcase is a test of its own, repeated ids included, whatever the
     * head says (the user named a runner whose reports are written so: `--runner jest`).
     */
    constructor(path, options = {}) {
        this.path = path;
        if (options.repeatsAreTests === true)
            this.attemptsRepeat = false;
        this.fast = options.fastPath !== false && SAXES_TEXT_STATE !== undefined;
        // position:true gives line numbers for warnings; namespaces are off because JUnit has none
        // and namespace checks only add errors for reports that use stray prefixes.
        this.parser = new saxes/* SaxesParser */.wT({ xmlns: false, position: true });
        this.parser.on("opentag", (tag) => {
            const attributes = this.pendingAttributes;
            if (attributes !== null) {
                this.pendingAttributes = null;
                tag.attributes = attributes;
            }
            this.open(tag);
        });
        this.parser.on("closetag", (tag) => this.close(tag));
        this.parser.on("text", (text) => this.text(text));
        this.parser.on("cdata", (text) => this.text(text));
        this.parser.on("error", (err) => this.xmlError(err));
        // saxes never expands DTD entities (only the five predefined ones and character
        // references): a DOCTYPE is passed to this event as text and otherwise ignored, and
        // references to entities it declares are reported as "undefined entity" and left as
        // literal text. So billion-laughs and external (XXE) entities cannot expand or fetch.
        this.parser.on("doctype", () => {
            this.warn(`${this.path}: has a DOCTYPE; its entity declarations were not expanded`);
        });
    }
    /**
     * Reads the next piece of the report. `controlFree` says the piece is known to hold none of the
     * characters XML forbids (see io/control-scan.ts), so the fast path need not look for them.
     */
    write(chunk, controlFree = false) {
        if (this.stopped || this.ended || chunk.length === 0)
            return;
        if (!this.sawContent && /\S/.test(chunk))
            this.sawContent = true;
        if (this.head.length < REPORT_HEAD_CHARS)
            this.head = detach(this.head + chunk.slice(0, REPORT_HEAD_CHARS - this.head.length));
        const text = this.carry.length > 0 ? this.carry + chunk : chunk;
        const free = controlFree && (this.carry.length === 0 || this.carryControlFree);
        this.carry = "";
        try {
            if (!this.fast)
                this.feed(text, 0, text.length);
            else
                this.scan(text, free);
        }
        catch (err) {
            this.stop(err);
        }
    }
    end() {
        if (!this.ended) {
            this.ix = null;
            if (this.carry.length > 0 && !this.stopped) {
                try {
                    this.feed(this.carry, 0, this.carry.length);
                }
                catch (err) {
                    this.stop(err);
                }
            }
            this.carry = "";
            this.ended = true;
            this.finish();
        }
        return {
            path: this.path,
            kind: "junit",
            tests: this.tests,
            counts: { ...this.counts },
            warnings: this.finalWarnings(),
            ...(this.head.length > 0 ? { head: this.head } : {}),
        };
    }
    /** Gives saxes text[from, to) as written, or `piece` in its place (the same line ends). */
    feed(text, from, to, piece) {
        if (from >= to || this.stopped)
            return;
        this.countSkipped(from);
        this.countedTo = to; // saxes counts the line ends it is given
        this.parser.write(piece ?? (from === 0 && to === text.length ? text : text.slice(from, to)));
        const last = text.charCodeAt(to - 1);
        this.fedHeldBack = last === 0x0d || (last >= 0xd800 && last <= 0xdbff);
    }
    /**
     * feed() for character data that goes on past this text: a `&` in it that certainly starts no
     * reference is given to saxes as `&amp;` (see passText), with the same warning.
     */
    feedCharData(text, from, to) {
        const repaired = escapeBareAmpersands(text, from, to);
        if (repaired === null) {
            this.feed(text, from, to);
            return;
        }
        if (this.stopped)
            return;
        this.bareAmpersand(from);
        this.feed(text, from, to, repaired.text);
    }
    /**
     * Gives saxes `bare`: the start tag that ends at `to`, written without its attributes, which
     * the opentag handler gets from here instead.
     */
    feedStartTag(to, bare, attributes) {
        // saxes reports the tag at its `>`: every line end inside it comes before.
        this.countSkipped(to);
        this.pendingAttributes = attributes;
        try {
            this.parser.write(bare);
        }
        finally {
            this.pendingAttributes = null;
        }
        this.fedHeldBack = false;
    }
    /** Adds the line ends of the text skipped since the last count, up to `to`. */
    countSkipped(to) {
        if (this.ix === null || to <= this.countedTo)
            return;
        this.skippedLines += countLineEnds(this.ix, this.countedTo, to);
        this.countedTo = to;
    }
    /** The current line: saxes' count plus the line ends the fast path kept from it. */
    get line() {
        return this.parser.line + this.skippedLines;
    }
    /**
     * Whether saxes has consumed everything given to it and stands in an element's text with
     * nothing buffered: then text up to the next `<`, or a start tag, may bypass it.
     */
    clean() {
        const p = this.parser;
        return (!this.stopped &&
            !this.fedHeldBack &&
            p.state === SAXES_TEXT_STATE &&
            p.text === "" &&
            p.tags.length > 0 &&
            p.closedRoot === false &&
            this.stack.length > 0 &&
            // XML 1.1 has other line ends and characters; leave such files to saxes.
            this.parser.xmlDecl.version !== "1.1");
    }
    /**
     * Feeds `text` to saxes except what it can be spared: character data between tags (handed
     * to the text handler as saxes would hand it), start tags (given to saxes without their
     * attributes) and bare testcases (counted here). Holds back a tag cut by the end of `text`
     * until the next write().
     */
    scan(text, controlFree) {
        const ix = new ChunkIndex(text, controlFree);
        this.ix = ix;
        this.countedTo = 0;
        let fed = 0;
        let catchUp = 0;
        while (fed < text.length && !this.stopped) {
            if (!this.clean()) {
                // saxes is inside a tag, comment, CDATA or buffered text: let it read on to the next
                // `>`, where it is usually clean again. A long run of such steps (many `>` inside one
                // comment or attribute) hands it the rest of this text at once, and so does anything
                // after the root element: saxes reports text there where a run of it ends, and a step
                // would end it early, moving the line that error names. Text before the root element
                // (not markup: no `<` here) is handed over up to the `<` that ends it, for the same
                // reason: a `>` in it ("x>") ended the step there.
                const p = this.parser;
                const afterRoot = p.closedRoot === true;
                const beforeRoot = !afterRoot && p.tags.length === 0 && text.charCodeAt(fed) !== 0x3c;
                const gt = catchUp >= MAX_CATCH_UP_STEPS || afterRoot ? -1 : beforeRoot ? text.indexOf("<", fed) - 1 : text.indexOf(">", fed);
                const to = gt < 0 ? text.length : gt + 1;
                this.feed(text, fed, to);
                fed = to;
                catchUp++;
                continue;
            }
            catchUp = 0;
            if (this.run !== null && this.openCase === null) {
                const after = this.countRun(text, fed, this.run);
                if (after > fed) {
                    fed = after;
                    continue;
                }
            }
            const lt = ix.lt.at(fed);
            if (lt >= text.length) {
                // Character data cut by the end of the chunk: read with the next one (saxes would
                // buffer it until its `<` comes, then read on slowly).
                if (text.length - fed < MAX_FAST_TAG_CHARS)
                    fed = this.hold(text, fed);
                else {
                    this.feedCharData(text, fed, text.length);
                    fed = text.length;
                }
                break;
            }
            if (lt > fed) {
                if (!this.passText(ix, fed, lt))
                    this.feed(text, fed, lt);
                fed = lt;
                continue;
            }
            const next = text.charCodeAt(lt + 1);
            if (next !== 0x2f && next !== 0x21 && next !== 0x3f) {
                const end = this.readStartTag(ix, lt);
                if (end >= 0) {
                    fed = end;
                    continue;
                }
                if (end === Tag.Incomplete) {
                    fed = this.hold(text, lt);
                    break;
                }
            }
            const end = tagEnd(text, lt);
            if (end < 0) {
                if (text.length - lt < MAX_FAST_TAG_CHARS)
                    fed = this.hold(text, lt);
                else {
                    this.feed(text, lt, text.length);
                    fed = text.length;
                }
                break;
            }
            this.feed(text, lt, end);
            fed = end;
        }
        if (!this.stopped)
            this.countSkipped(fed);
        this.ix = null;
    }
    /** Keeps text from `lt` on for the next write(); returns where this text's reading stops. */
    hold(text, lt) {
        this.countSkipped(lt);
        this.carry = text.slice(lt);
        this.carryControlFree = this.ix?.controlFree === true;
        return lt;
    }
    /**
     * The start tag at `lt`, read by the fast path: a bare testcase is counted, any other tag is
     * given to saxes without its attributes. Returns where reading goes on, Tag.Incomplete when the
     * text ends inside it, or Tag.No when saxes must read it as written.
     */
    readStartTag(ix, lt) {
        const tag = this.tag;
        const limit = lt + MAX_FAST_TAG_CHARS;
        let end = this.shape === null ? Tag.No : readShapedTag(ix, lt, limit, this.shape, tag);
        const shaped = end !== Tag.No;
        if (!shaped) {
            end = readStartTag(ix, lt, limit, tag);
            if (end < 0)
                return end;
            if (tagIs(ix, tag, TESTCASE))
                this.shape = shapeOf(ix, tag);
        }
        if (this.openCase === null && tagIs(ix, tag, TESTCASE) && this.stack[this.stack.length - 1]?.suite !== undefined) {
            const caseEnd = tag.selfClosing ? end : readEmptyClose(ix, end, limit, TESTCASE);
            if (caseEnd === Tag.Incomplete)
                return Tag.Incomplete;
            if (caseEnd >= 0 && this.countBare(ix, tag)) {
                // A second bare testcase in a row written the same way: runs are likely. Not on the
                // first (a report whose testcases each have other attributes would compile a pattern
                // per testcase: 10 times slower, and V8 keeps every one), and not past a few shapes.
                if (shaped && this.shape !== null && this.shape.key !== this.run?.shape.key && this.runsMade < MAX_RUN_PATTERNS) {
                    this.run = this.runOf(this.shape);
                    this.runsMade++;
                }
                return caseEnd;
            }
        }
        const attributes = Object.create(null);
        for (let k = 0; k < tag.count; k++) {
            let v = attributeValue(ix, tag, k);
            if (v === undefined) {
                // An unescaped `&` (see passText): saxes would read the rest of the file as its name.
                const lenient = attributeValueLenient(ix, tag, k);
                if (lenient === undefined)
                    return Tag.No;
                if (lenient.bare > 0)
                    this.bareAmpersand(lt);
                v = lenient.text;
            }
            attributes[attributeName(ix, tag, k)] = v;
        }
        const name = tagName(ix, tag);
        this.feedStartTag(end, tag.selfClosing ? `<${name}/>` : `<${name}>`, attributes);
        return end;
    }
    /**
     * Character data text[from, to) (ending before a `<`) handed to the text handler as saxes
     * would. Returns false, doing nothing, for anything saxes would report, so that saxes reads
     * it and reports it.
     */
    passText(ix, from, to) {
        const sink = this.stack[this.stack.length - 1]?.sink ?? null;
        const kept = sink !== null;
        if (!kept && charDataValid(ix, from, to))
            return true;
        if (kept && sink.keepsLittleOf(to - from)) {
            const ends = readCharDataEnds(ix, from, to);
            if (ends !== undefined) {
                sink.appendEnds(ends);
                return true;
            }
        }
        const out = kept ? readCharData(ix, from, to) : undefined;
        if (out !== undefined) {
            this.text(out);
            return true;
        }
        // An unescaped `&` would make saxes read the rest of the file as an entity name.
        const lenient = readCharDataLenient(ix, from, to);
        if (lenient === undefined)
            return false;
        if (lenient.bare > 0)
            this.bareAmpersand(from);
        if (kept)
            this.text(lenient.text);
        return true;
    }
    /** Warns, once per file, of the first `&` the writer forgot to escape (read as a literal `&`). */
    bareAmpersand(from) {
        if (this.warnedBareAmpersand)
            return;
        this.warnedBareAmpersand = true;
        this.countSkipped(from);
        this.warn(`${this.path}: line ${this.line}: an unescaped "&", read as a literal "&" (the report's writer should write it as &amp;)`);
    }
    /**
     * Counts a bare testcase as finishCase counts a passing or skipped one. Returns false, counting
     * nothing, when its id is a kept test's (folding it in is the slow path's job) or saxes would
     * report one of its references.
     */
    countBare(ix, tag) {
        return tag.plain ? this.countPlain(ix, tag) : this.countBareSliced(ix, tag);
    }
    /** countBare for any tag: its values decoded and sliced out. */
    countBareSliced(ix, tag) {
        if (!valuesValid(ix, tag))
            return false;
        const name = bareAttribute(ix, tag, BARE_NAME);
        const classname = bareAttribute(ix, tag, BARE_CLASSNAME);
        if (name === undefined || classname === undefined)
            return false;
        const suiteName = this.suites[this.suites.length - 1]?.name ?? "";
        if (this.keptNames.has(nameKey(name)) && this.kept.has(caseKey(suiteName, classname, name)))
            return false;
        const status = bareAttribute(ix, tag, BARE_STATUS);
        const result = bareAttribute(ix, tag, BARE_RESULT);
        if (status === undefined || result === undefined)
            return false;
        const outcome = NOT_RUN_STATUS.test(status) || NOT_RUN_RESULT.test(result) ? "skipped" : "passed";
        return this.countAs(this.setPrevious(suiteName, classname, name), outcome);
    }
    /** Counts the bare testcase setPrevious has just recorded as `last`. */
    countAs(last, outcome) {
        this.completed++;
        last.outcome = outcome;
        last.index = this.testcaseIndex++;
        this.lastCaseCounted = true;
        this.counts.tests++;
        this.counts[outcome]++;
        return true;
    }
    /**
     * countBare for a tag whose values need no decoding (nearly every passing testcase): the
     * name is told apart from kept tests' by its key, computed where it lies in the text.
     */
    countPlain(ix, tag) {
        const s = ix.text;
        const kn = tag.found[BARE_NAME] ?? -1;
        const kc = tag.found[BARE_CLASSNAME] ?? -1;
        const nameFrom = kn < 0 ? 0 : (tag.starts[kn] ?? 0);
        const nameTo = kn < 0 ? 0 : (tag.ends[kn] ?? 0);
        const classFrom = kc < 0 ? 0 : (tag.starts[kc] ?? 0);
        const classTo = kc < 0 ? 0 : (tag.ends[kc] ?? 0);
        if (nameTo - nameFrom > MAX_MESSAGE_CHARS || classTo - classFrom > MAX_MESSAGE_CHARS)
            return this.countBareSliced(ix, tag);
        const suiteName = this.suites[this.suites.length - 1]?.name ?? "";
        if (this.keptNames.has(rangeKey(s, nameFrom, nameTo))) {
            const key = caseKey(suiteName, s.slice(classFrom, classTo), s.slice(nameFrom, nameTo));
            if (this.kept.has(key))
                return false;
        }
        const ks = tag.found[BARE_STATUS] ?? -1;
        const kr = tag.found[BARE_RESULT] ?? -1;
        const skipped = (ks >= 0 && NOT_RUN_STATUS.test(s.slice(tag.starts[ks] ?? 0, tag.ends[ks] ?? 0))) ||
            (kr >= 0 && NOT_RUN_RESULT.test(s.slice(tag.starts[kr] ?? 0, tag.ends[kr] ?? 0)));
        const last = this.setPrevious(suiteName, "", "");
        last.text = s;
        last.nameFrom = nameFrom;
        last.nameTo = nameTo;
        last.classFrom = classFrom;
        last.classTo = classTo;
        return this.countAs(last, skipped ? "skipped" : "passed");
    }
    /**
     * Counts the bare passing testcases from `from` on that are written in the last bare
     * testcase's shape with plain values, one native match each (RunPattern): what readStartTag,
     * readShapedTag and countPlain would do for each of them and the blanks before it, at well
     * under half the cost (most of a big report is such runs). Stops before anything else, and
     * before a kept test's repeat (the slow path folds it). Returns where the run ends (`from`
     * when there is none).
     */
    countRun(text, from, run) {
        const top = this.stack[this.stack.length - 1];
        if (top?.suite === undefined || top.sink !== null)
            return from;
        const { pattern, shape } = run;
        const suiteName = this.suites[this.suites.length - 1]?.name ?? "";
        const checkKept = this.keptNames.size > 0;
        let at = from;
        let lastStart = -1;
        pattern.lastIndex = from;
        while (pattern.test(text)) {
            if (checkKept) {
                const [nameFrom, nameTo] = runValueRange(text, at, shape, run.name, MAX_MESSAGE_CHARS);
                if (this.keptNames.has(rangeKey(text, nameFrom, nameTo))) {
                    const [classFrom, classTo] = runValueRange(text, at, shape, run.classname, MAX_MESSAGE_CHARS);
                    if (this.kept.has(caseKey(suiteName, text.slice(classFrom, classTo), text.slice(nameFrom, nameTo))))
                        break;
                }
            }
            lastStart = at;
            at = pattern.lastIndex;
            this.completed++;
            this.testcaseIndex++;
            this.counts.tests++;
            this.counts.passed++;
        }
        if (lastStart < 0)
            return from;
        // As countPlain and countAs leave it after the last of them.
        const last = this.setPrevious(suiteName, "", "");
        [last.nameFrom, last.nameTo] = runValueRange(text, lastStart, shape, run.name, MAX_MESSAGE_CHARS);
        [last.classFrom, last.classTo] = runValueRange(text, lastStart, shape, run.classname, MAX_MESSAGE_CHARS);
        last.text = text;
        last.outcome = "passed";
        last.index = this.testcaseIndex - 1;
        this.lastCaseCounted = true;
        return at;
    }
    /** The run pattern of a bare testcase's shape (see countRun). */
    runOf(shape) {
        const index = (w) => shape.found[w] ?? -1;
        const found = { name: index(BARE_NAME), classname: index(BARE_CLASSNAME), status: index(BARE_STATUS), result: index(BARE_RESULT) };
        return runPattern(shape, found, { status: NOT_RUN_STATUS_WORDS, result: NOT_RUN_RESULT_WORDS });
    }
    /** Records the id of the testcase just read, as not counted (the caller says otherwise). */
    setPrevious(suiteName, classname, name) {
        let p = this.lastCase;
        if (p === null) {
            p = { suiteName, classname, name, outcome: "passed", index: 0, text: null, nameFrom: 0, nameTo: 0, classFrom: 0, classTo: 0 };
            this.lastCase = p;
        }
        else {
            p.suiteName = suiteName;
            p.classname = classname;
            p.name = name;
            p.text = null;
        }
        this.lastCaseCounted = false;
        return p;
    }
    /** The testcase read last, its name and classname sliced out if countPlain left them in the text. */
    previous() {
        const p = this.lastCase;
        if (p !== null && p.text !== null) {
            p.name = p.text.slice(p.nameFrom, p.nameTo);
            p.classname = p.text.slice(p.classFrom, p.classTo);
            p.text = null;
        }
        return p;
    }
    finish() {
        if (!this.sawContent) {
            this.warn(`${this.path}: empty file, no tests read`, true);
            return;
        }
        const truncated = !this.stopped && this.stack.length > 0;
        if (!this.stopped) {
            // Unclosed elements would each raise an "unclosed tag" error; the truncation warning
            // below says it once.
            this.stopped = true;
            try {
                this.parser.close();
            }
            catch {
                // close() can only report what the warnings below already say.
            }
        }
        if (truncated) {
            const complete = this.completed;
            // The cut often lands in a failing test's long output after its failure was written
            // in full; that failure is the evidence we are here for, so it is kept.
            const open = this.openCase;
            let salvaged = "";
            if (open !== null && (open.hasFailure || open.hasError)) {
                this.endCase(open);
                salvaged = `; the cut-off testcase "${open.name}" is kept as ${open.hasError ? "errored" : "failed"}`;
            }
            this.warn(`${this.path}: truncated after ${complete} testcases (the file ends inside an element)${salvaged}`, true);
        }
        // Suites left open (truncated or stopped): their output still belongs to their failing tests.
        for (let i = this.suites.length - 1; i >= 0; i--) {
            const suite = this.suites[i];
            if (suite !== undefined)
                this.closeSuite(suite, this.suites[i - 1]);
        }
        if (!this.sawRoot) {
            this.warn(`${this.path}: no <testsuites> or <testsuite> element found`, true);
        }
        if (this.droppedAttempts > 0) {
            this.warn(`${this.path}: ${this.droppedAttempts} attempts of repeated tests beyond ${MAX_PRIOR_ATTEMPTS} per test were not kept`, true);
        }
    }
    stop(err) {
        this.stopped = true;
        const why = err instanceof Error ? err.message : String(err);
        this.warn(`${this.path}: line ${this.line}: stopped reading after ${this.completed} testcases: ${why}`, true);
    }
    /** Per-error warnings are capped; `always` is for the few that say what happened to the file. */
    warn(message, always = false) {
        if (always || this.warnings.length < MAX_WARNINGS_PER_FILE)
            this.warnings.push(message);
        else
            this.suppressedWarnings++;
    }
    finalWarnings() {
        const out = [...this.warnings];
        if (this.suppressedWarnings > 0) {
            out.push(`${this.path}: ${this.suppressedWarnings} more warnings not shown`);
        }
        return out;
    }
    xmlError(err) {
        if (this.stopped)
            return;
        this.xmlErrors++;
        // saxes prefixes "line:column: "; we name the file and line ourselves.
        const what = err.message.replace(/^\d+:\d+: /, "");
        this.warn(`${this.path}: line ${this.line}: malformed XML: ${what}`);
        if (this.xmlErrors >= MAX_XML_ERRORS) {
            // Throwing out of the handler aborts the parser's current write(); write() catches it.
            throw new Error(`more than ${MAX_XML_ERRORS} XML errors`);
        }
    }
    get top() {
        return this.stack[this.stack.length - 1];
    }
    caps() {
        if (this.retainedChars < MAX_RETAINED_CHARS_PER_FILE)
            return { details: MAX_DETAILS_CHARS, output: MAX_OUTPUT_CHARS };
        if (this.retainedChars < MAX_LEAN_RETAINED_CHARS_PER_FILE)
            return { details: LEAN_DETAILS_CHARS, output: LEAN_OUTPUT_CHARS };
        return { details: MINIMAL_DETAILS_CHARS, output: MINIMAL_OUTPUT_CHARS };
    }
    open(tag) {
        if (this.stopped)
            return;
        // Thrown out of the parser's write(); write() stops reading and says why.
        if (this.stack.length >= MAX_XML_DEPTH)
            throw new Error(`elements nested more than ${MAX_XML_DEPTH} deep, which no test report does`);
        const name = tag.name;
        const parent = this.top;
        if (this.stack.length === 0) {
            if (name !== "testsuites" && name !== "testsuite") {
                const shown = name.length > 80 ? `${name.slice(0, 80)}...` : name;
                this.warn(`${this.path}: root element is <${shown}>, not <testsuites> or <testsuite>; reading any <testcase> inside it`);
            }
        }
        if (name === "testsuites" || name === "testsuite") {
            this.sawRoot = true;
            const suite = {
                output: null,
                needOutput: [],
                name: keptAttr(tag, "name") ?? "",
            };
            this.suites.push(suite);
            this.stack.push({ sink: null, suite });
            return;
        }
        if (name === "testcase") {
            // Testcases never nest in any dialect; one opening inside another means the outer one's
            // end tag was lost (e.g. `x=1/>` read as an attribute value), so the outer one ends here.
            if (this.openCase !== null)
                this.endCase(this.openCase);
            const suite = this.suites[this.suites.length - 1];
            const testcase = {
                index: this.testcaseIndex++,
                xmlLine: this.line,
                classname: keptAttr(tag, "classname") ?? "",
                name: keptAttr(tag, "name") ?? "",
                file: keptAttr(tag, "file"),
                time: parseNumber(attr(tag, "time")),
                suiteName: suite?.name ?? "",
                hasFailure: false,
                hasError: false,
                hasSkipped: NOT_RUN_STATUS.test(attr(tag, "status") ?? "") || NOT_RUN_RESULT.test(attr(tag, "result") ?? ""),
                message: undefined,
                details: null,
                output: null,
                flaky: [],
                reruns: [],
                done: false,
            };
            this.openCase = testcase;
            this.stack.push({ sink: null, testcase });
            return;
        }
        // Children of a testcase.
        const tc = parent?.testcase;
        if (tc?.done === true) {
            this.stack.push(IGNORED);
            return;
        }
        if (tc !== undefined) {
            const failureKind = FAILURE_ELEMENTS.get(name);
            if (failureKind !== undefined) {
                if (failureKind === "errored")
                    tc.hasError = true;
                else
                    tc.hasFailure = true;
                const caps = this.caps();
                tc.details ??= new CappedText(caps.details);
                if (tc.details.length > 0)
                    tc.details.append("\n\n");
                const message = attr(tag, "message");
                if (tc.message === undefined && message !== undefined) {
                    tc.message = limits_firstLine(message, MAX_MESSAGE_CHARS);
                }
                // A multi-line message attribute on an element without text is the only copy of the
                // details (assertion diffs, seeds): it becomes the details when the element closes empty.
                const fallback = message?.includes("\n") === true ? message : undefined;
                this.stack.push({ sink: tc.details, ...(fallback !== undefined ? { fallback, mark: tc.details.length } : {}) });
                return;
            }
            if (name === "skipped") {
                tc.hasSkipped = true;
                this.stack.push(IGNORED);
                return;
            }
            if (name === "system-out" || name === "system-err") {
                tc.output ??= new CappedText(this.caps().output);
                if (tc.output.length > 0)
                    tc.output.append("\n");
                this.stack.push({ sink: tc.output });
                return;
            }
            const attemptKind = ATTEMPT_ELEMENTS.get(name);
            if (attemptKind !== undefined) {
                const caps = this.caps();
                const attempt = {
                    outcome: attemptKind.outcome,
                    message: limits_firstLine(attr(tag, "message") ?? "", MAX_MESSAGE_CHARS),
                    details: new CappedText(caps.details),
                    output: new CappedText(caps.output),
                };
                (attemptKind.flaky ? tc.flaky : tc.reruns).push(attempt);
                // Text directly inside the element is its stack trace in some reporters.
                this.stack.push({ sink: attempt.details, attempt });
                return;
            }
            this.stack.push(IGNORED); // properties and unknown children
            return;
        }
        // Children of a Surefire flaky/rerun attempt.
        const attempt = parent?.attempt;
        if (attempt !== undefined) {
            if (name === "stackTrace")
                this.stack.push({ sink: attempt.details });
            else if (name === "system-out" || name === "system-err") {
                if (attempt.output.length > 0)
                    attempt.output.append("\n");
                this.stack.push({ sink: attempt.output });
            }
            else
                this.stack.push(IGNORED);
            return;
        }
        // Suite-level output.
        const suite = parent?.suite;
        if (suite !== undefined && (name === "system-out" || name === "system-err")) {
            suite.output ??= new CappedText(this.caps().output);
            if (suite.output.length > 0)
                suite.output.append("\n");
            this.stack.push({ sink: suite.output });
            return;
        }
        this.stack.push(IGNORED);
    }
    close(_tag) {
        if (this.stopped)
            return;
        const frame = this.stack.pop();
        if (frame === undefined)
            return;
        if (frame.fallback !== undefined && frame.sink !== null && frame.sink.length === frame.mark) {
            frame.sink.append(frame.fallback);
        }
        if (frame.suite !== undefined) {
            this.suites.pop();
            this.closeSuite(frame.suite, this.suites[this.suites.length - 1]);
        }
        else if (frame.testcase !== undefined) {
            this.endCase(frame.testcase);
        }
    }
    text(text) {
        if (this.stopped)
            return;
        this.top?.sink?.append(text);
    }
    endCase(c) {
        if (c.done)
            return;
        c.done = true;
        if (this.openCase === c)
            this.openCase = null;
        this.finishCase(c);
    }
    closeSuite(suite, outer) {
        const output = suite.output === null ? "" : suite.output.toString();
        if (output.trim().length > 0) {
            for (const t of suite.needOutput)
                if (t.output === undefined)
                    t.output = output;
        }
        else if (outer !== undefined) {
            // Output of an enclosing suite is the next best evidence for these tests.
            for (const t of suite.needOutput)
                if (t.output === undefined)
                    outer.needOutput.push(t);
        }
        suite.needOutput = [];
        suite.output = null;
    }
    finishCase(c) {
        this.completed++;
        let outcome;
        const prior = [];
        let evidence;
        if (c.hasError || c.hasFailure) {
            outcome = c.hasError ? "errored" : "failed";
            for (const a of c.reruns)
                prior.push(toPrior(a));
        }
        else if (c.reruns.length > 0) {
            const last = c.reruns[c.reruns.length - 1];
            outcome = last?.outcome ?? "failed";
            for (const a of c.reruns.slice(0, -1))
                prior.push(toPrior(a));
            evidence = last;
        }
        else if (c.flaky.length > 0) {
            outcome = "passed";
            evidence = c.flaky.find((a) => a.details.length > 0 || a.output.length > 0) ?? c.flaky[0];
        }
        else if (c.hasSkipped) {
            outcome = "skipped";
        }
        else {
            outcome = "passed";
        }
        for (const a of c.flaky)
            prior.push(toPrior(a));
        const key = caseKey(c.suiteName, c.classname, c.name);
        const attempts = this.repeatsAreAttempts();
        const previous = attempts ? this.kept.get(key) : undefined;
        const keep = outcome === "failed" || outcome === "errored" || prior.length > 0;
        const last = this.previous();
        const adjacent = last !== null && last.suiteName === c.suiteName && last.classname === c.classname && last.name === c.name;
        const counted = attempts && adjacent && this.lastCaseCounted ? { outcome: last.outcome, index: last.index } : null;
        this.setPrevious(c.suiteName, c.classname, c.name);
        if (previous === undefined && !keep) {
            this.counts.tests++;
            this.counts[outcome]++;
            const mine = this.lastCase;
            mine.outcome = outcome;
            mine.index = c.index;
            this.lastCaseCounted = true;
            return;
        }
        let index = c.index;
        if (previous === undefined && counted !== null) {
            // A retry right after a passing (or, as TestNG reports retried runs, skipped) attempt:
            // that attempt was counted as its own test; it becomes a prior attempt of this one.
            this.counts.tests--;
            this.counts[counted.outcome]--;
            if (counted.outcome === "passed")
                prior.unshift({ outcome: "passed" });
            index = counted.index;
        }
        const message = c.message ?? evidence?.message ?? limits_firstLine(c.details?.toString() ?? "", MAX_MESSAGE_CHARS);
        const detailsText = nonEmpty(c.details) ?? (evidence !== undefined ? nonEmpty(evidence.details) : undefined);
        const outputText = nonEmpty(c.output) ?? (evidence !== undefined ? nonEmpty(evidence.output) : undefined);
        if (previous !== undefined && adjacent && outcome === "errored" && c.message?.startsWith(PYTEST_TEARDOWN) === true) {
            this.addTeardownError(previous, detailsText);
            return;
        }
        if (previous !== undefined) {
            this.foldAttempt(previous, outcome, prior, message, detailsText, outputText);
            return;
        }
        // Without a classname (jest-junit, nested suites) the suite name is what tells tests apart.
        const scope = c.classname !== "" ? c.classname : c.suiteName;
        const id = scope !== "" ? `${scope}::${c.name}` : c.name;
        const test = {
            id,
            classname: c.classname,
            name: c.name,
            outcome,
            sources: [{ file: this.path, line: c.xmlLine }],
            index,
        };
        if (c.file !== undefined && c.file !== "")
            test.file = c.file;
        if (c.time !== undefined)
            test.durationSec = c.time;
        if (message !== undefined)
            test.message = message;
        if (detailsText !== undefined)
            test.details = detailsText;
        if (outputText !== undefined)
            test.output = outputText;
        if (prior.length > 0)
            test.priorAttempts = this.capAttempts(prior);
        const line = this.lineOf(test);
        if (line !== undefined)
            test.line = line;
        this.retainedChars += (detailsText?.length ?? 0) + (outputText?.length ?? 0);
        this.tests.push(test);
        if (attempts) {
            this.kept.set(key, test);
            this.keptNames.add(nameKey(c.name));
        }
        this.counts.tests++;
        this.counts[outcome]++;
        if (outputText === undefined)
            this.suites[this.suites.length - 1]?.needOutput.push(test);
    }
    /**
     * Whether a repeated id is another attempt of one test: not in the reports of jest-junit,
     * vitest and mocha, which write one testcase per test however often it was retried, so a
     * repeat there is another test of the same title (`test.each` with a fixed title). Folding
     * those made a failing case that a passing one of the same title followed read as passed
     * on retry. Decided by the report's head, read before its first testcase.
     */
    repeatsAreAttempts() {
        return (this.attemptsRepeat ??= repeatsAreAttempts(this.head));
    }
    /** A repeat of a kept test: the new attempt becomes the outcome, the old one a prior attempt. */
    foldAttempt(test, outcome, prior, message, details, output) {
        const attempts = test.priorAttempts ?? [];
        if (test.outcome !== "skipped") {
            const previousAttempt = { outcome: test.outcome };
            if (test.message !== undefined && test.outcome !== "passed")
                previousAttempt.message = test.message;
            attempts.push(previousAttempt);
        }
        attempts.push(...prior);
        test.priorAttempts = this.capAttempts(attempts);
        this.counts[test.outcome]--;
        this.counts[outcome]++;
        test.outcome = outcome;
        // A passing last attempt keeps the failing attempt's text: that is the flaky evidence.
        if (outcome === "failed" || outcome === "errored") {
            if (message !== undefined)
                test.message = message;
            if (details !== undefined) {
                this.retainedChars += details.length - (test.details?.length ?? 0);
                test.details = details;
            }
            if (output !== undefined) {
                this.retainedChars += output.length - (test.output?.length ?? 0);
                test.output = output;
            }
        }
    }
    /**
     * pytest reports a teardown error after a failed call as a second testcase of the same run;
     * it is part of that run, not another attempt (it would read as a recorded rerun).
     */
    addTeardownError(test, details) {
        this.counts[test.outcome]--;
        this.counts.errored++;
        test.outcome = "errored";
        if (details === undefined)
            return;
        const joined = new CappedText(MAX_DETAILS_CHARS);
        if (test.details !== undefined) {
            joined.append(test.details);
            joined.append("\n\n");
        }
        joined.append(details);
        const text = joined.toString();
        this.retainedChars += text.length - (test.details?.length ?? 0);
        test.details = text;
    }
    capAttempts(attempts) {
        if (attempts.length <= MAX_PRIOR_ATTEMPTS)
            return attempts;
        this.droppedAttempts += attempts.length - MAX_PRIOR_ATTEMPTS;
        return attempts.slice(0, MAX_PRIOR_ATTEMPTS);
    }
    /**
     * The failing line from the trace. The `line` attribute (pytest xunit1, some JS reporters) is
     * where the test is defined, not where it failed, so it is not used: the model's `line` is the
     * failure's, and join.ts prefers a reader's line over reading traces itself.
     */
    lineOf(test) {
        if (test.file === undefined || test.details === undefined)
            return undefined;
        return failingLine(test.details, test.file);
    }
}
/**
 * A number from a name's length and its last 24 characters (where names of one report differ:
 * parameters, numbers): equal names have equal keys, and nearly all different names do not.
 * Cheaper than a Set of strings, which flattens and hashes the name of every passing testcase.
 */
function nameKey(name) {
    return rangeKey(name, 0, name.length);
}
/** nameKey of s.slice(from, to), without slicing it. */
function rangeKey(s, from, to) {
    let h = to - from;
    for (let i = to - from > 24 ? to - 24 : from; i < to; i++)
        h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    return h;
}
/** Identifies a test within a file: the same classname and name in two suites are two tests. */
function caseKey(suiteName, classname, name) {
    return `${suiteName}\u0000${classname}\u0000${name}`;
}
function toPrior(a) {
    const p = { outcome: a.outcome };
    if (a.message !== undefined)
        p.message = a.message;
    else {
        const m = limits_firstLine(a.details.toString(), MAX_MESSAGE_CHARS);
        if (m !== undefined)
            p.message = m;
    }
    return p;
}
function nonEmpty(t) {
    if (t === null)
        return undefined;
    const s = t.toString();
    return s.trim().length > 0 ? s : undefined;
}

;// CONCATENATED MODULE: ./src/reports/pytest-log.ts



const SESSION_START = /^=+ test session starts =+$/;
/** pytest's separator lines: `==== TITLE ====`. */
const MAJOR_SECTION = /^={3,} (.+?) ={3,}$/;
/**
 * A failure section's headline, `____ TestC.test_y[p] ____` (one `_` each side when too long):
 * its title, or null. Code, not a regular expression: `/^_+ (.*?[^_ ].*?) _+$/` takes time
 * quadratic in the length of a line that starts with `_ ` and is no headline.
 */
function headline(l) {
    if (l.charCodeAt(0) !== 0x5f || l.charCodeAt(l.length - 1) !== 0x5f)
        return null;
    let from = 0;
    while (l.charCodeAt(from) === 0x5f)
        from++;
    let to = l.length;
    while (to > from && l.charCodeAt(to - 1) === 0x5f)
        to--;
    if (l.charCodeAt(from) !== 0x20 || l.charCodeAt(to - 1) !== 0x20 || to - 1 <= from + 1)
        return null;
    const title = l.slice(from + 1, to - 1);
    return /[^_ ]/.test(title) ? title : null;
}
/** A separator whose title was too long for the terminal: one character each side. */
const MINIMAL_SEPARATOR = /^([=_]) \S.* \1$/;
const CAPTURED = /^-{2,} (Captured (?:log|stdout|stderr)(?: \w+)?) -{2,}$/;
/** `-v`: `tests/x.py::test_y PASSED   [ 40%]` (the outcome may carry a reason in parentheses). */
const VERBOSE = /^(\S.*?::\S.*?) (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS|RERUN)(?: \(.*\))?(?:[ \t]*\[\s*\d+%\])?\s*$/;
/** pytest-xdist `-v`, once its `[gw3] ` prefix is gone: `[ 40%] FAILED tests/x.py::test_y`. */
const XDIST_VERBOSE = /^\[\s*\d+%\] (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS|RERUN) (\S.*?::\S.*?)\s*$/;
/** `-v` line of a test that started but never finished (the session died inside it). */
const VERBOSE_STARTED = /^(\S[^\s:]*\.py::\S.*?)\s*$/;
/** pytest's failure text for a strict xfail that passed. */
const XPASS_STRICT_LINE = /^\[XPASS\(strict\)\]/;
/** -s -v: a test's result alone on a line, after the lines the test printed. */
const LONE_RESULT = /^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)(?: \(.*\))?(?:[ \t]*\[\s*\d+%\])?\s*$/;
/**
 * -s -v: the line pytest starts with the test's id, followed by the first line the test printed
 * (pytest writes the id, then the test runs and prints, then the result). The id ends at the
 * first blank outside its parameters' brackets (`test_x[a b]` holds one); null when the rest
 * is a result word (a plain -v line) or nothing.
 */
function printingStart(l) {
    const end = idEnd(l);
    if (end === null)
        return null;
    const rest = l.slice(end + 1);
    // pytest 9's subtests report on the test's line (`SUBPASSED[case] (i=0)`), -s or not.
    if (end >= l.length - 1 || rest.trim() === "" || SUBTEST_RESULT.test(rest) || VERBOSE.test(l) || XDIST_VERBOSE.test(l))
        return null;
    return { id: l.slice(0, end), rest };
}
/** `tests/x.py::test_y` alone on its line (-v, a test that started), else null. */
function bareStartedId(l) {
    const trimmed = l.trimEnd();
    const end = idEnd(trimmed);
    return end !== null && end === trimmed.length ? trimmed : null;
}
/** Where a line's leading node id ends: its first blank outside brackets (its end if none). */
function idEnd(l) {
    const head = /^\S[^\s:]*\.py::/.exec(l);
    if (head === null)
        return null;
    let depth = 0;
    for (let i = head[0].length; i < l.length; i++) {
        const c = l[i];
        if (c === "[")
            depth++;
        else if (c === "]")
            depth = Math.max(0, depth - 1);
        else if (depth === 0 && (c === " " || c === "\t"))
            return i;
    }
    return l.length;
}
const SUBTEST_RESULT = /^SUB[A-Z]+\b/;
/** pytest's own section titles, at whatever width it drew them. */
const PYTEST_TITLES = /^(?:FAILURES|ERRORS|short test summary info|warnings summary(?: \(final\))?|PASSES|XFAILURES|XPASSES|test session starts|slowest (?:\d+ )?durations|rerun test summary info)$/;
/** Whether a line starts and ends as a `=== x ===` or `___ x ___` separator does. */
function looksLikeSeparator(l) {
    const c = l.charCodeAt(0);
    return (c === 0x3d || c === 0x5f) && l.charCodeAt(l.length - 1) === c;
}
/** The message of a test whose -v line has no result because the log ends while it ran. */
const CUT_WHILE_RUNNING = "the log ends while this test ran (no result line): the run was killed, by a hang the job's time limit or a cancel ended, or by a death that printed nothing";
/** What each non-verbose progress mark counts as (R, a rerun, is not a test of its own). */
const MARK_OUTCOME = { ".": "passed", F: "failed", E: "errored", s: "skipped", x: "skipped", X: "passed" };
/** Non-verbose progress: `tests/x.py .F.sE   [ 40%]`, and its continuation lines for long files. */
const PROGRESS = /^(\S+\.py) ([.FEsxXR]+)\s*(?:\[\s*\d+%\])?\s*$/;
const PROGRESS_MORE = /^([.FEsxXR]+)\s*(?:\[\s*\d+%\])?\s*$/;
const PASTED_SUMMARY = /^(?:FAILED|ERROR) \S+\.py(?:::\S| - |$)/;
const SUMMARY = /^(FAILED|ERROR) (.+?)\s*$/;
/**
 * A failed subtest (unittest's subTest, pytest 9's subtests): `SUBFAILED(i=1) id - message`,
 * `SUBFAILED[msg] (shape=(2, 3)) id`: what comes before the node id (found by its `.py`, as
 * the suffix may hold anything) heads the subtest's section after the test's headline,
 * `T.test_y (i=1)`. It fails the test (the JUnit report marks the test failed).
 */
const SUBFAILED = /^SUBFAILED(.*?) (\S+\.py(?:::\S.*?)?(?: - .*?)?)\s*$/;
/** Tail counts: `6 failed, 3 passed, 1 skipped, 1 warning, 1 error in 2.21s`. */
const COUNTS_TAIL = /^(?:=+ )?((?:\d+ [a-z]+(?:, )?)+|no tests ran) in \d+(?:\.\d+)?s\b.*?(?: =+)?$/;
const COUNT_ITEM = /(\d+) ([a-z]+)/g;
/** Long and short tracebacks (`tests/x.py:42: AssertionError`, `tests/x.py:42: in test_y`), and `--tb=line`. */
const LOCATION = /^([^\s:"'()]+\.py):(\d+): (.*)$/;
/** `--tb=native` frames and faulthandler's dump (which omits the comma before `in`). */
const NATIVE_FRAME = /^\s*File "([^"]+)", line (\d+),? in (\S+)/;
const E_LINE = /^E {1,}(.*)$/;
/** pytest-xdist prints the worker's platform as the first line of each of its sections. */
const XDIST_PLATFORM = /^\w+ -- Python \d/;
const XDIST_CRASH = /worker '(gw\d+)' crashed while running '([^']+)'/;
const FATAL = /Fatal Python error: /;
/** pytest-timeout's thread method dumps every stack between these lines and ends the process. */
const TIMEOUT_BANNER = /^\++ Timeout \++$/;
/** The headline pytest prints for a node id. */
function headlineOf(nodeId) {
    const i = nodeId.indexOf("::");
    if (i < 0)
        return nodeId;
    // A doctest's item reports itself as "[doctest] pkg.mod.fine".
    if (isDoctestId(nodeId))
        return `[doctest] ${nodeId.slice(i + 2)}`;
    const rest = nodeId.slice(i + 2);
    // Parameter ids are printed as they are, `::` included.
    const bracket = rest.indexOf("[");
    const path = bracket < 0 ? rest : rest.slice(0, bracket);
    return path.replace(/::/g, ".") + (bracket < 0 ? "" : rest.slice(bracket));
}
/** Splits at the last `.` or `::` outside a parametrize bracket: `TestC.test_y[1.5]` -> [TestC, test_y[1.5]]. */
function splitLast(s, sep) {
    const bracket = s.indexOf("[");
    const head = bracket < 0 ? s : s.slice(0, bracket);
    const i = head.lastIndexOf(sep);
    return i < 0 ? ["", s] : [s.slice(0, i), s.slice(i + sep.length)];
}
/** classname/name as pytest's JUnit writer would give them, so joins line up. */
function namesOf(id) {
    if (!id.includes("::")) {
        const [classname, name] = splitLast(id, ".");
        return { classname, name };
    }
    const [head, name] = splitLast(id, "::");
    const [file, ...classes] = head.split("::");
    const module = (file ?? "").replace(/\.py$/, "").replace(/[\\/]/g, ".");
    return { classname: [module, ...classes].join("."), name };
}
function parseCounts(list) {
    const c = emptyCounts();
    for (const m of list.matchAll(COUNT_ITEM)) {
        const n = Number(m[1]);
        switch (m[2]) {
            case "passed":
            case "xpassed":
                c.passed += n;
                break;
            case "failed":
                c.failed += n;
                break;
            case "error":
            case "errors":
                c.errored += n;
                break;
            case "skipped":
            case "xfailed":
                c.skipped += n;
                break;
            default:
                continue; // warnings, deselected, rerun: not test outcomes
        }
    }
    c.tests = c.passed + c.failed + c.errored + c.skipped;
    return c;
}
function outcomeOf(word) {
    switch (word) {
        case "PASSED":
        case "XPASS":
            return "passed";
        case "FAILED":
            return "failed";
        case "ERROR":
            return "errored";
        case "SKIPPED":
        case "XFAIL":
            return "skipped";
        default:
            return null;
    }
}
function trimBlank(lines) {
    let a = 0;
    let b = lines.length;
    while (a < b && (lines[a] ?? "").trim() === "")
        a++;
    while (b > a && (lines[b - 1] ?? "").trim() === "")
        b--;
    return lines.slice(a, b);
}
/** `trimBlank` that keeps each line's log line. */
function trimLocated(lines, at) {
    let a = 0;
    let b = lines.length;
    while (a < b && (lines[a] ?? "").trim() === "")
        a++;
    while (b > a && (lines[b - 1] ?? "").trim() === "")
        b--;
    return { lines: lines.slice(a, b), at: at.slice(a, b) };
}
function located(lines, at) {
    return { text: lines.join("\n"), at };
}
function range(first, count) {
    return Array.from({ length: count }, (_, k) => first + k);
}
function framesOf(body) {
    const frames = [];
    for (const l of body) {
        const loc = LOCATION.exec(l);
        if (loc !== null) {
            const fn = /^in (\S+)$/.exec(loc[3] ?? "")?.[1];
            frames.push(fn === undefined ? { path: loc[1] ?? "", line: Number(loc[2]) } : { path: loc[1] ?? "", line: Number(loc[2]), fn });
            continue;
        }
        const nat = NATIVE_FRAME.exec(l);
        if (nat !== null)
            frames.push({ path: nat[1] ?? "", line: Number(nat[2]), fn: nat[3] ?? "" });
    }
    return frames;
}
/**
 * The first line of the failure: the first `E   ` line, or for `--tb=native` the exception line.
 * numpy's assert_allclose raises a bare `AssertionError:` with its text on the next line, so a
 * bare exception name is joined with the next non-empty line.
 */
function pytest_log_messageOf(body) {
    let at = body.findIndex((l) => E_LINE.test(l) && (E_LINE.exec(l)?.[1] ?? "").trim().length > 0);
    if (at < 0)
        at = body.findIndex((l) => /^[A-Za-z_][\w.]*(?:Error|Exception|Failed|Timeout|Exit)\b:?/.test(l));
    if (at < 0)
        return trimBlank(body)[0];
    const first = (body[at] ?? "").replace(/^E\s+/, "").trim();
    if (!/^[\w.]+:$/.test(first))
        return first;
    const next = body
        .slice(at + 1)
        .map((l) => l.replace(/^E\s*/, "").trim())
        .find((l) => l.length > 0);
    return next === undefined ? first : `${first} ${next}`;
}
/** Test file and failing line: the node id's file when known, else the first frame (the test's own in long/short tracebacks). */
function locate(id, section, frames) {
    let file;
    if (id !== null && id.includes("::"))
        file = id.slice(0, id.indexOf("::"));
    else if (id !== null && /\.py$/.test(id))
        file = id;
    else if (section !== null && section.kind === "failure") {
        const fnName = section.key === null ? undefined : splitLast(section.key, ".")[1].replace(/\[.*$/, "");
        file = (frames.find((f) => f.fn !== undefined && f.fn === fnName) ?? frames[0])?.path;
    }
    if (file === undefined)
        return {};
    let line;
    for (const f of frames)
        if (samePath(f.path, file))
            line = f.line;
    return line === undefined ? { file } : { file, line };
}
/**
 * `FAILED id - message`: a parameter id may itself contain " - " (`test_y[a - b]`), so the
 * split is the first one whose id the log shows elsewhere (a section headline or a -v line),
 * else the first that leaves the id's brackets balanced, else the first.
 */
function splitSummary(rest, known) {
    const cuts = [];
    for (let i = rest.indexOf(" - "); i !== -1; i = rest.indexOf(" - ", i + 1))
        cuts.push(i);
    if (cuts.length === 0)
        return { id: rest };
    const at = (i) => ({ id: rest.slice(0, i), message: rest.slice(i + 3) });
    const balanced = (id) => {
        const open = id.indexOf("[");
        return open < 0 || id.endsWith("]");
    };
    const pick = cuts.find((i) => known(rest.slice(0, i))) ??
        (known(rest) ? undefined : cuts.find((i) => balanced(rest.slice(0, i))));
    if (pick === undefined)
        return known(rest) ? { id: rest } : at(cuts[0]);
    return at(pick);
}
/** A field already kept on a record, with its line map when it has one. */
function prevLocated(text, at) {
    if (text === undefined)
        return undefined;
    return { text, at: at ?? [] };
}
/**
 * Whether line `i` starts a session that a test ran inside itself and printed (pytester's
 * `runpytest`, a subprocess): its `test session starts` line comes right under a test's
 * `Captured stdout` header. Such a session is that test's output, not a run of the log.
 */
function nestedSessionAt(lines, i) {
    if (!SESSION_START.test(lines[i] ?? ""))
        return false;
    // runpytest_subprocess prints the command and its directory first.
    let h = i - 1;
    while (h > 0 && i - h <= 2 && SUBPROCESS_PREAMBLE.test(lines[h] ?? ""))
        h--;
    if (h < 0 || !CAPTURED.test(lines[h] ?? ""))
        return false;
    // Its own counts line must come before the log's last one: a session that died before
    // printing one (a crash) would otherwise take every later failure and the outer summary.
    let counts = 0;
    for (let j = i + 1; j < lines.length && counts < 2; j++) {
        const l = lines[j] ?? "";
        if (MAJOR_SECTION.test(l) && COUNTS_TAIL.test(l))
            counts++;
    }
    return counts >= 2;
}
/** What pytester's runpytest_subprocess prints before the session: `running: ...` and `     in: ...`. */
const SUBPROCESS_PREAMBLE = /^ {0,8}(?:running|in): /;
/** Sets a record's output from lines of the log (and their line numbers), when they hold anything. */
function setOutput(rec, out) {
    if (out === undefined || !out.lines.some((x) => x.trim() !== ""))
        return;
    rec.output = out.lines.join("\n");
    rec.outputLines = out.at;
}
/**
 * Parses one pytest session (from its `test session starts` line to the next). `nested` holds the
 * log's line numbers where a session a test printed begins (nestedSessionAt, decided once on the
 * whole log).
 */
function parseRun(lines, firstLineNo, ctx, nested) {
    let area = "progress";
    let counts = null;
    const sections = [];
    const headless = [];
    const summary = [];
    const verbose = [];
    const reruns = new Map();
    let current = null;
    let inCaptured = false;
    let crash = null;
    /** pytest-xdist workers that died (their stack dump's lines), the session carrying on. */
    const workerDumps = [];
    /** Progress marks printed with no file (pytest-xdist without -v: `.F..F`). */
    let looseMarks = "";
    let lastStarted = null;
    /** -s -v: what the running test printed between its id and its result (see printingStart). */
    let printing = null;
    /**
     * Ends what the running test printed. Its result is the last lone result word among its lines:
     * one it printed itself (a `FAILED` of its own output) is followed by more.
     */
    const endPrinting = () => {
        const p = printing;
        printing = null;
        if (p?.result === undefined)
            return;
        verbose.push({ id: p.id, outcome: p.result.outcome, index: ctx.nextIndex++ });
        printedBy.set(p.id, { lines: p.lines.slice(0, p.result.line), at: p.at.slice(0, p.result.line) });
        lastStarted = null;
    };
    const printedBy = new Map();
    let lastProgressFile = null;
    let sawSessionStart = false;
    // Non-verbose progress: one character per test, per file, in run order; used to place failures.
    const progress = new Map();
    // Failures counted from progress marks only (a crashed run): a later run's records may be them.
    const unmatched = new Map();
    const close = () => {
        current = null;
        inCaptured = false;
    };
    /**
     * pytest draws every separator of a session at the terminal's width (`sep` pads the title to
     * it; a title too long gets one character each side). A `=== x ===` or `___ x ___` line of
     * another width among a test's output is the test's own (a banner it printed, a counts line of
     * a suite it ran): taken for pytest's, it ended the run's failures there, or made a phantom test.
     */
    let width = null;
    const drawn = (l) => width === null || l.length === width || MINIMAL_SEPARATOR.test(l);
    /** The run's last counts line (-q draws it bare): its own end, at whatever width. */
    let lastCountsAt = -1;
    for (let i = lines.length - 1; i >= 0; i--) {
        const l = lines[i] ?? "";
        if (COUNTS_TAIL.test(l)) {
            lastCountsAt = i;
            break;
        }
    }
    /** Inside a session a test ran and printed (pytester): see nestedSessionAt. */
    let inNested = false;
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i] ?? "";
        if (crash !== null)
            break; // the process died: nothing after the dump belongs to a test
        if (inNested || nested.has(firstLineNo + i)) {
            // Its lines are the test's captured output (of a failing test; a passing one's under -rP
            // has no section here), up to and including the session's counts line: its FAILURES and
            // summary are not this run's (they made a phantom failing test).
            if (inCaptured && current !== null) {
                const sec = current;
                sec.captured.push(l);
                sec.capturedAt.push(firstLineNo + i);
            }
            inNested = !(MAJOR_SECTION.test(l) && COUNTS_TAIL.test(l));
            continue;
        }
        // (The first and last characters first: a separator's patterns on a long line that is none cost
        // time quadratic in its length.)
        // Each looked for once: every line of a 64 MB log comes through here.
        const sepLike = looksLikeSeparator(l);
        const majorMatch = sepLike ? MAJOR_SECTION.exec(l) : null;
        const head = sepLike && majorMatch === null ? headline(l) : null;
        const separator = majorMatch !== null || head !== null;
        // Output: a test's captured output, or what it printed between progress marks under -s.
        let printed = false;
        if (separator && (inCaptured || (area === "progress" && sawSessionStart)) && !drawn(l)) {
            // pytest reads the terminal's width afresh for each separator: a test module that sets
            // COLUMNS changes it mid-run. Its own section titles (and the run's last counts line)
            // are its own at any width, and give the width from there on.
            const title = majorMatch?.[1];
            // (Not in a test's captured output: a pytest it ran prints those titles at its own width.)
            const own = title !== undefined && ((!inCaptured && PYTEST_TITLES.test(title)) || (i === lastCountsAt && COUNTS_TAIL.test(l)));
            if (own)
                width = l.length;
            else
                printed = true;
        }
        const major = printed ? null : majorMatch;
        const tail = printed ? null : COUNTS_TAIL.exec(l);
        if (major !== null && width === null)
            width = l.length;
        if (tail !== null && (major !== null || area === "progress" || area === "summary" || area === "other")) {
            endPrinting();
            counts = parseCounts(tail[1] ?? "");
            close();
            area = "other";
            continue;
        }
        if (major !== null) {
            endPrinting();
            close();
            const title = major[1] ?? "";
            if (SESSION_START.test(l))
                sawSessionStart = true;
            area = title === "FAILURES" ? "failures" : title === "ERRORS" ? "errors" : title === "short test summary info" ? "summary" : title === "test session starts" ? "progress" : "other";
            continue;
        }
        if (area === "progress") {
            if (printing !== null) {
                // -s -v: the test's result word comes alone on a line, after what it printed (kept
                // until the next test begins: see endPrinting).
                const alone = LONE_RESULT.exec(l);
                const o = alone !== null ? outcomeOf(alone[1] ?? "") : null;
                if (o !== null) {
                    printing.result = { outcome: o, line: printing.lines.length };
                    printing.lines.push(l);
                    printing.at.push(firstLineNo + i);
                    continue;
                }
            }
            const v = VERBOSE.exec(l);
            const x = v === null ? XDIST_VERBOSE.exec(l) : null;
            const id = v?.[1] ?? x?.[2];
            const word = v?.[2] ?? x?.[1];
            if (id !== undefined && word !== undefined) {
                endPrinting();
                lastStarted = null;
                if (word === "RERUN") {
                    reruns.set(id, (reruns.get(id) ?? 0) + 1);
                    continue;
                }
                const o = outcomeOf(word);
                if (o !== null)
                    verbose.push({ id, outcome: o, index: ctx.nextIndex++ });
                continue;
            }
            if (FATAL.test(l) || TIMEOUT_BANNER.test(l)) {
                // Under pytest-xdist a worker died, not the session: the controller replaces it and runs
                // on to its summary, which names the crashed test ("worker 'gw1' crashed while running").
                const resumed = xdistRecovery(lines, i + 1);
                if (resumed !== null) {
                    workerDumps.push({ start: i, end: resumed });
                    i = resumed;
                    continue;
                }
                const before = l.slice(0, l.search(FATAL) < 0 ? 0 : l.search(FATAL)).trim();
                const prefixId = /^(\S+::\S+)/.exec(before)?.[1] ?? null;
                const prefixFile = /^(\S+\.py)\b/.exec(before)?.[1] ?? null;
                // "tests/test_b.py .FFatal Python error": the file's marks before the crash are on this line.
                const onLine = /^(?:\S+\.py )?([.FEsxXR]+)$/.exec(before)?.[1];
                const markFile = prefixFile ?? lastProgressFile;
                if (onLine !== undefined && markFile !== null) {
                    const marks = progress.get(markFile) ?? [];
                    for (const ch of onLine)
                        marks.push({ ch, index: ctx.nextIndex++ });
                    progress.set(markFile, marks);
                }
                crash = {
                    id: prefixId ?? lastStarted,
                    file: prefixFile ?? lastProgressFile,
                    start: i,
                    kind: TIMEOUT_BANNER.test(l) ? "timeout" : "crash",
                };
                continue;
            }
            const chars = PROGRESS.exec(l) ?? PROGRESS_MORE.exec(l);
            if (chars !== null) {
                const file = chars.length === 3 ? (chars[1] ?? null) : lastProgressFile;
                if (file === null && looseMarks.length < 1_000_000)
                    looseMarks += chars[chars.length - 1] ?? "";
                if (file !== null) {
                    lastProgressFile = file;
                    const marks = progress.get(file) ?? [];
                    for (const ch of chars[chars.length - 1] ?? "")
                        marks.push({ ch, index: ctx.nextIndex++ });
                    progress.set(file, marks);
                }
                continue;
            }
            // -s -v: `tests/x.py::test_y what it printed first`, more of it, then the result alone.
            const startedPrinting = sawSessionStart ? printingStart(l) : null;
            if (startedPrinting !== null) {
                endPrinting();
                printing = { id: startedPrinting.id, lines: [startedPrinting.rest], at: [firstLineNo + i] };
                lastStarted = startedPrinting.id;
                continue;
            }
            if (printing !== null) {
                // The next test's bare id: the one that printed ended without a line end before its
                // result (`donePASSED`), and this one is running now.
                const bare = sawSessionStart ? bareStartedId(l) : null;
                if (bare !== null) {
                    endPrinting();
                    lastStarted = bare;
                    continue;
                }
                printing.lines.push(l);
                printing.at.push(firstLineNo + i);
                continue;
            }
            const started = VERBOSE_STARTED.exec(l);
            if (started !== null)
                lastStarted = started[1] ?? null;
            const progressFile = /^(\S+\.py) [.FEsxXR]*/.exec(l);
            if (progressFile !== null)
                lastProgressFile = progressFile[1] ?? null;
            if (!sawSessionStart && PASTED_SUMMARY.test(l)) {
                area = "summary";
            }
            else if (!sawSessionStart && (E_LINE.test(l) || LOCATION.test(l) || CAPTURED.test(l) || head !== null)) {
                area = "failures";
                if (head === null) {
                    // An excerpt that starts inside a failure section: a section without headline.
                    current = {
                        kind: "failure",
                        key: null,
                        collecting: false,
                        body: lines.slice(0, i),
                        captured: [],
                        bodyAt: range(firstLineNo, i),
                        capturedAt: [],
                        logLine: firstLineNo,
                    };
                    sections.push(current);
                }
            }
            else {
                continue;
            }
        }
        // (Not in a test's captured output under a FAILURES header: a real summary would come under
        // a header of its own, so such a line is the test's output.)
        if ((area === "failures" || area === "errors") && !sawSessionStart && (width === null || !inCaptured) && PASTED_SUMMARY.test(l)) {
            // An excerpt with the summary line pasted under its section, without the header.
            close();
            area = "summary";
        }
        if (area === "failures" || area === "errors") {
            if (!printed && head !== null) {
                const text = head;
                const err = /^ERROR (?:at (setup|teardown) of|collecting) (.+)$/.exec(text);
                current = {
                    kind: area === "errors" || err !== null ? "error" : "failure",
                    key: err !== null ? (err[2] ?? text) : text,
                    collecting: err !== null && err[1] === undefined,
                    body: [],
                    captured: [],
                    bodyAt: [],
                    capturedAt: [],
                    logLine: firstLineNo + i,
                };
                inCaptured = false;
                sections.push(current);
                continue;
            }
            if (XPASS_STRICT_LINE.test(l) && (current === null || headless.includes(current))) {
                // --tb=line: a strict xfail that passed prints its reason, its captured output if any,
                // and its reason again; no location line to end on. A failure of its own (else it took
                // the next failure's text and seed), which its second reason line ends.
                const open = current;
                if (open !== null && open.body.length === 1 && open.body[0] === l) {
                    close();
                    continue;
                }
                close();
                current = { kind: area === "errors" ? "error" : "failure", key: null, collecting: false, body: [l], captured: [], bodyAt: [firstLineNo + i], capturedAt: [], logLine: firstLineNo + i };
                headless.push(current);
                continue;
            }
            const xpassOpen = current;
            if (xpassOpen !== null && !inCaptured && xpassOpen.body.length === 1 && XPASS_STRICT_LINE.test(xpassOpen.body[0] ?? "") && !CAPTURED.test(l)) {
                // One whose reason came once only: what follows is the next failure's.
                close();
            }
            if (current === null) {
                // --tb=line: no headlines; each failure ends at its `path:line: message` line.
                current = {
                    kind: area === "errors" ? "error" : "failure",
                    key: null,
                    collecting: false,
                    body: [],
                    captured: [],
                    bodyAt: [],
                    capturedAt: [],
                    logLine: firstLineNo + i,
                };
                headless.push(current);
            }
            const sec = current;
            const cap = CAPTURED.exec(l);
            if (cap !== null) {
                inCaptured = true;
                sec.captured.push(l);
                sec.capturedAt.push(firstLineNo + i);
                continue;
            }
            if (inCaptured) {
                if (headless.includes(sec) && LOCATION.test(l)) {
                    sec.body.push(l);
                    sec.bodyAt.push(firstLineNo + i);
                    close();
                    continue;
                }
                sec.captured.push(l);
                sec.capturedAt.push(firstLineNo + i);
                continue;
            }
            if (sec.body.length === 0 && XDIST_PLATFORM.test(l))
                continue;
            sec.body.push(l);
            sec.bodyAt.push(firstLineNo + i);
            if (headless.includes(sec) && LOCATION.test(l))
                close();
            continue;
        }
        if (area === "summary") {
            const s = SUMMARY.exec(l);
            const sub = s === null ? SUBFAILED.exec(l) : null;
            if (s !== null || sub !== null) {
                const suffix = sub === null ? "" : ` ${(sub[1] ?? "").trim()}`;
                const known = (id) => verbose.some((v) => v.id === id) || sections.some((sec) => sec.key !== null && sec.key === headlineOf(id) + suffix);
                const { id, message } = splitSummary((s ?? sub)?.[2] ?? "", known);
                const entry = { kind: s?.[1] === "ERROR" ? "error" : "failure", id, used: false };
                if (message !== undefined && message.length > 0)
                    entry.message = message;
                if (sub !== null)
                    entry.headline = headlineOf(id) + suffix;
                summary.push(entry);
            }
        }
    }
    // A test whose result was printed; one still printing is the one running when the log ends.
    if (printing?.result !== undefined)
        endPrinting();
    const records = [];
    const byId = new Map();
    let unresolved = 0;
    const resolve = (sec) => {
        const crashed = XDIST_CRASH.exec(sec.body.join("\n"));
        if (crashed !== null) {
            const id = crashed[2] ?? "";
            const e = summary.find((s) => !s.used && s.id === id);
            if (e !== undefined)
                e.used = true;
            return id;
        }
        if (sec.key === null)
            return null;
        if (sec.collecting)
            return sec.key;
        const key = sec.key;
        const pick = summary.find((s) => !s.used && s.kind === sec.kind && (s.headline ?? headlineOf(s.id)) === key) ??
            summary.find((s) => !s.used && (s.headline ?? headlineOf(s.id)) === key);
        if (pick !== undefined) {
            pick.used = true;
            return pick.id;
        }
        const v = verbose.find((e) => (e.outcome === "failed" || e.outcome === "errored") && headlineOf(e.id) === key && !byId.has(e.id));
        return v?.id ?? null;
    };
    const progressIndex = (file, outcome) => {
        if (file === undefined)
            return undefined;
        const ch = outcome === "errored" ? "E" : "F";
        const mark = progress.get(file)?.find((m) => m.ch === ch && m.used !== true);
        if (mark === undefined)
            return undefined;
        mark.used = true;
        return mark.index;
    };
    const add = (id, sec, entry) => {
        const trimmedBody = sec === null ? { lines: [], at: [] } : trimLocated(sec.body, sec.bodyAt);
        const body = trimmedBody.lines;
        const trimmedOut = sec === null ? { lines: [], at: [] } : trimLocated(sec.captured, sec.capturedAt);
        const frames = framesOf(body);
        const outcome = (sec?.kind ?? entry?.kind) === "error" ? "errored" : "failed";
        const where = locate(id, sec, frames);
        const message = pytest_log_messageOf(body) ?? entry?.message;
        const prev = byId.get(id);
        if (prev !== undefined) {
            // A failed test whose teardown also errored: one test, both texts.
            if (body.length > 0) {
                const d = appendLocated(prevLocated(prev.details, prev.detailsLines), located(body, trimmedBody.at), 1);
                prev.details = d.text;
                prev.detailsLines = d.at;
            }
            if (trimmedOut.lines.length > 0) {
                const o = appendLocated(prevLocated(prev.output, prev.outputLines), located(trimmedOut.lines, trimmedOut.at), 0);
                prev.output = o.text;
                prev.outputLines = o.at;
            }
            if (prev.line === undefined && where.line !== undefined)
                prev.line = where.line;
            return;
        }
        const v = verbose.find((e) => e.id === id);
        const rec = { id, ...namesOf(id), outcome, index: v?.index ?? progressIndex(where.file, outcome) ?? ctx.nextIndex++ };
        if (where.file !== undefined)
            rec.file = where.file;
        if (where.line !== undefined)
            rec.line = where.line;
        if (message !== undefined)
            rec.message = message;
        if (body.length > 0) {
            rec.details = body.join("\n");
            rec.detailsLines = trimmedBody.at;
        }
        // Under -s nothing is captured: what the test printed is in the progress lines.
        setOutput(rec, trimmedOut.lines.length > 0 ? trimmedOut : printedBy.get(id));
        if (sec !== null)
            rec.logLine = sec.logLine;
        const n = reruns.get(id);
        if (n !== undefined)
            rec.priorAttempts = Array.from({ length: n }, () => ({ outcome: "failed" }));
        byId.set(id, rec);
        records.push(rec);
    };
    for (const sec of sections) {
        let id = resolve(sec);
        if (id === null && sec.key !== null) {
            id = sec.key;
            unresolved++;
        }
        if (id === null) {
            // A pasted excerpt starting inside a section: the test function's source line names it.
            const def = sec.body.map((l) => /^\s*(?:async )?def (test\w*)\(/.exec(l)?.[1]).find((n) => n !== undefined);
            if (def === undefined) {
                ctx.warnings.push(`${ctx.path}: the text starts inside a failure section whose test is not named; it was not used`);
                continue;
            }
            ctx.warnings.push(`${ctx.path}: the text starts inside a failure section; the test name "${def}" was read from its source line`);
            id = def;
        }
        add(id, sec, null);
    }
    // --tb=line: the sections carry no names; they are in the order of the summary's FAILED lines.
    const freeFailures = summary.filter((s) => !s.used && s.kind === "failure");
    headless.forEach((sec, k) => {
        const entry = freeFailures[k];
        if (entry === undefined)
            return;
        entry.used = true;
        add(entry.id, sec, entry);
    });
    for (const entry of summary) {
        if (entry.used)
            continue;
        entry.used = true;
        add(entry.id, null, entry);
    }
    if (unresolved > 0) {
        ctx.warnings.push(`${ctx.path}: ${unresolved} failure section(s) could not be matched to a node id (no short test summary or -v lines); their ids are pytest headlines`);
    }
    // A worker that died is named in xdist's summary ("worker 'gw0' crashed while running ...");
    // a session cut before it (a job's time limit after the workers kept dying) names it nowhere
    // else: its test is the dump's first frame in a file under the rootdir.
    const rootdir = /^rootdir: (\/[^,\s]*|[A-Za-z]:\\[^,\s]*)/m.exec(lines.slice(0, MAX_HEADER_LINES).join("\n"))?.[1];
    for (const d of workerDumps) {
        if (rootdir === undefined)
            break;
        const dumpAt = trimLocated(lines.slice(d.start, d.end + 1), range(firstLineNo + d.start, d.end + 1 - d.start));
        const own = framesOf(dumpAt.lines).find((f) => f.fn !== undefined && f.fn !== "" && f.path.startsWith(`${rootdir}/`) && /\.py$/.test(f.path));
        if (own === undefined)
            continue;
        const id = `${own.path.slice(rootdir.length + 1)}::${own.fn}`;
        if (byId.has(id) || summary.some((s) => s.id === id || s.id.startsWith(`${id}[`)))
            continue;
        add(id, { kind: "failure", key: null, collecting: false, body: dumpAt.lines, captured: [], bodyAt: dumpAt.at, capturedAt: [], logLine: firstLineNo + d.start }, null);
        const rec = byId.get(id);
        const first = dumpAt.lines.find((l) => FATAL.test(l));
        if (rec !== undefined)
            rec.message = `${first !== undefined ? first.slice(first.search(FATAL)) : "Fatal Python error"} (a pytest-xdist worker died running it)`;
        ctx.warnings.push(`${ctx.path}: a pytest-xdist worker died in ${id}, and the log ends before xdist's summary; the id was read from the stack dump (a method's class is not shown there)`);
    }
    if (crash !== null) {
        const c = crash;
        const dumpAt = trimLocated(lines.slice(c.start), range(firstLineNo + c.start, lines.length - c.start));
        const dump = dumpAt.lines;
        const frames = framesOf(dump);
        let id = c.id;
        if (id === null && c.file !== null) {
            const file = c.file;
            // faulthandler lists the most recent call first: the first frame in the test file is the test.
            const fn = frames.find((f) => samePath(f.path, file) && f.fn !== undefined)?.fn;
            if (fn !== undefined) {
                id = `${file}::${fn}`;
                ctx.warnings.push(`${ctx.path}: the session died in ${file}; the test id ${id} was read from the stack dump (a method's class is not shown there)`);
            }
        }
        const what = c.kind === "timeout" ? "timed out (pytest-timeout ended the process)" : "crashed (Fatal Python error)";
        if (id === null) {
            ctx.warnings.push(`${ctx.path}: the session ${what} in a test whose id is not printed`);
        }
        else {
            const sec = {
                kind: "failure",
                key: null,
                collecting: false,
                body: dump,
                captured: [],
                bodyAt: dumpAt.at,
                capturedAt: [],
                logLine: firstLineNo + c.start,
            };
            add(id, sec, null);
            const rec = byId.get(id);
            const first = dump.find((l) => FATAL.test(l));
            if (rec !== undefined)
                rec.message = first !== undefined ? first.slice(first.search(FATAL)) : "Timeout (pytest-timeout dumped the stacks and ended the process)";
            // pytest never printed its counts: the progress marks before the crash are the run's
            // record, the crashed test one more failure. Failures marked there have no details.
            let undetailed = 0;
            if (counts === null && verbose.length === 0 && progress.size > 0) {
                const c = emptyCounts();
                for (const [file, marks] of progress) {
                    for (const { ch } of marks) {
                        const outcome = MARK_OUTCOME[ch];
                        if (outcome === undefined)
                            continue;
                        c.tests++;
                        c[outcome]++;
                        if (outcome === "failed" || outcome === "errored") {
                            undetailed++;
                            const u = unmatched.get(file) ?? { failed: 0, errored: 0 };
                            u[outcome]++;
                            unmatched.set(file, u);
                        }
                    }
                }
                c.tests++;
                c.failed++;
                counts = c;
            }
            const lost = undetailed > 0 ? `; ${undetailed} more failed or errored before it (F/E in the progress lines) with no details printed, so they are counted but not triaged (pytest writes no JUnit report when it dies): rerun them to see their failures` : "";
            ctx.warnings.push(`${ctx.path}: the session ${what} in ${id} before pytest printed its summary; counts are from the lines before the crash${lost}`);
        }
    }
    else if (counts === null && (sections.length > 0 || headless.length > 0 || sawSessionStart)) {
        // pytest-xdist without -v marks each result with no file: the marks are all the count there
        // is of a session cut before its summary (a crashed test's worker is marked F too).
        if (verbose.length === 0 && progress.size === 0 && looseMarks.length > 0) {
            const c = emptyCounts();
            for (const ch of looseMarks) {
                const outcome = MARK_OUTCOME[ch];
                if (outcome === undefined)
                    continue;
                c.tests++;
                c[outcome]++;
            }
            const found = records.filter((r) => r.outcome === "failed" || r.outcome === "errored").length;
            const marked = c.failed + c.errored;
            if (marked >= found) {
                counts = c;
                if (marked > found) {
                    ctx.warnings.push(`${ctx.path}: the progress marks show ${marked - found} more failed or errored test(s) whose failures were never printed (the session ended before pytest's failure sections): counted, not triaged; rerun them to see their failures`);
                }
            }
        }
        const open = sections.length > 0 || headless.length > 0 ? "failure sections without their end" : "a session start";
        // -v printed the test's id and never its result: it was running when the log ends (a hang
        // the job's time limit or a cancel ended, or a death that printed nothing). It failed.
        const running = lastStarted !== null && !byId.has(lastStarted) && !verbose.some((v) => v.id === lastStarted) ? lastStarted : null;
        if (running !== null) {
            const rec = { id: running, ...namesOf(running), outcome: "errored", index: ctx.nextIndex++, message: CUT_WHILE_RUNNING };
            if (printing !== null && printing.id === running)
                setOutput(rec, printing);
            byId.set(running, rec);
            records.push(rec);
        }
        const was = running !== null ? `; ${running} was running when it ends, and is triaged as errored` : "";
        ctx.warnings.push(`${ctx.path}: no final "=== N failed, M passed in Ts ===" line after ${open}: the log looks cut at the end; counts are from the tests found${was}`);
    }
    // Passed/skipped tests seen in -v lines matter only when they ran again (prior attempts).
    for (const v of verbose) {
        if (byId.has(v.id))
            continue;
        const rec = { id: v.id, ...namesOf(v.id), outcome: v.outcome, index: v.index };
        if (v.outcome === "failed" || v.outcome === "errored")
            setOutput(rec, printedBy.get(v.id));
        const n = reruns.get(v.id);
        if (n !== undefined)
            rec.priorAttempts = Array.from({ length: n }, () => ({ outcome: "failed" }));
        byId.set(v.id, rec);
        records.push(rec);
    }
    if (counts === null && verbose.length > 0) {
        const c = emptyCounts();
        for (const r of records) {
            c[r.outcome === "errored" ? "errored" : r.outcome]++;
            c.tests++;
        }
        counts = c;
    }
    // pytest-randomly (and projects' conftest headers) print the run's seed once, above the tests:
    // each failing test of the run gets those lines, where seed recognisers and --seed-pattern
    // look after the test's own text.
    const headerSeeds = seedLinesOfHeader(lines);
    if (headerSeeds !== undefined)
        for (const r of records)
            if (r.outcome === "failed" || r.outcome === "errored")
                r.reportContext = headerSeeds;
    records.sort((a, b) => a.index - b.index);
    return { records, counts, ...(unmatched.size > 0 ? { unmatched } : {}) };
}
/** pytest-xdist after a worker's death: the controller carries on (`replacing crashed worker gw1`). */
const XDIST_RECOVERY = /^(?:\[gw\d+\] node down: Not properly terminated|replacing crashed worker gw\d+)\s*$/;
/** Lines a worker's stack dump may take before xdist says it carries on. */
const MAX_DUMP_LINES = 5000;
/** The line where xdist resumes after a worker's crash dump starting at `from`, or null when the session itself died. */
function xdistRecovery(lines, from) {
    let found = null;
    for (let j = from; j < lines.length && j < from + MAX_DUMP_LINES; j++) {
        if (XDIST_RECOVERY.test(lines[j]))
            found = j;
        else if (found !== null)
            return found;
    }
    return found;
}
/** The end of pytest's session header: tests are collected, and the run begins. */
const HEADER_END = /^(?:collected \d+ items?|collecting \.\.\.|=+ (?:FAILURES|ERRORS|short test summary info) =+$)/;
/** Header lines looked at, and kept per line: a header is a dozen lines of plugin banners. */
const MAX_HEADER_LINES = 60;
const MAX_HEADER_LINE_CHARS = 300;
/** The lines of a run's header (before collection ends) that mention a seed, or undefined. */
function seedLinesOfHeader(lines) {
    const found = [];
    for (let i = 0; i < lines.length && i < MAX_HEADER_LINES; i++) {
        const l = lines[i];
        if (HEADER_END.test(l))
            break;
        if (/seed/i.test(l))
            found.push(l.slice(0, MAX_HEADER_LINE_CHARS));
    }
    return found.length > 0 ? found.join("\n") : undefined;
}
/** Parses a pytest console log (`pytest ... | tee pytest.log`, or an excerpt of one). */
function parsePytestLog(text, path) {
    const warnings = [];
    const { text: norm, origin } = normaliseCiLog(text);
    const lines = dropCutTail(norm.split("\n"), norm, path, warnings);
    const starts = [];
    /** Line numbers (1-based, as parseRun counts) where a session a test printed begins. */
    const nested = new Set();
    lines.forEach((l, i) => {
        if (!SESSION_START.test(l))
            return;
        if (nestedSessionAt(lines, i))
            nested.add(i + 1);
        else
            starts.push(i);
    });
    const bounds = starts.length === 0 || starts[0] !== 0 ? [0, ...starts] : starts;
    const ctx = { path, warnings, nextIndex: 0 };
    const runs = [];
    bounds.forEach((start, k) => {
        const end = bounds[k + 1] ?? lines.length;
        const run = parseRun(lines.slice(start, end), start + 1, ctx, nested);
        // Text before the first session (a CI job's set-up) is a run only if it shows tests.
        if (k === 0 && starts.length > 0 && start !== starts[0] && run.records.length === 0 && run.counts === null)
            return;
        runs.push(run);
    });
    const { tests, counts } = mergeRuns(runs, path, warnings, origin);
    if (tests.length === 0 && runs.every((r) => r.counts === null)) {
        warnings.push(`${path}: no pytest failure sections, summary lines or counts found`);
    }
    return { path, kind: "pytest-log", tests, counts, warnings: capWarnings(warnings, path) };
}

;// CONCATENATED MODULE: ./src/reports/unittest-log.ts


const BLOCK_SEP = /^={20,}$/;
const DASH_SEP = /^-{20,}$/;
const HEADER = /^(FAIL|ERROR|UNEXPECTED SUCCESS): (.+?)\s*$/;
const unittest_log_RAN = /^Ran (\d+) tests? in \d+(?:\.\d+)?s$/;
/** `FAILED (failures=2, errors=1, skipped=1)`, `OK (skipped=1)`; nose writes `SKIP=`. */
const unittest_log_RESULT = /^(OK|FAILED)(?: \((.*)\))?\s*$/;
/** `test_x (pkg.mod.Class)` (py<3.11) or `test_x (pkg.mod.Class.test_x)`, maybe with subtest params. */
const UNITTEST_TITLE = /^(\w+) \(([\w.]+)\)(?: \((.*)\))?$/;
/** nose function tests: `test_operator_gpu.test_sparse_dot`, generators `mod.test_gen(1, 2)`. */
const NOSE_TITLE = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(\(.*\))?$/;
const unittest_log_PROGRESS = /^(\w+) \(([\w.]+)\)(?: \(.*\))?(?: \.\.\. ?(.*))?$/;
const NOSE_PROGRESS = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?:\(.*\))?) \.\.\. ?(.*)$/;
/** unittest status words, and nose's `SKIP: reason`. */
const STATUS = /^(ok|FAIL|ERROR|skipped(?: .*)?|SKIP(?:: .*)?|expected failure|unexpected success)$/;
const FRAME = /^\s*File "([^"]*)", line (\d+), in (\S+)/;
const NOSE_CAPTURE_BEGIN = /^-+ >> begin captured (?:logging|stdout|stderr) << -+$/;
const NOSE_CAPTURE_END = /^-+ >> end captured (?:logging|stdout|stderr) << -+$/;
/** unittest's `-b` (buffer) appends what the test printed after the traceback. */
const BUFFERED = /^(?:Stdout|Stderr):$/;
/** Frames in installed packages or the standard library are never the test's own. */
const LIBRARY = /(?:site-packages|dist-packages|[\\/]lib[\\/]python\d[\d.]*[\\/]|^<frozen )/;
/** A line that announces a seed (the recognisers decide later; this only tells stray output apart). */
const SEED_MENTION = /\bseed\b|_SEED=/i;
const EXCEPTION_LINE = /^[A-Za-z_][\w.]*(?:: .*|:)?$/;
function statusOutcome(status) {
    if (status === "ok" || status === "expected failure")
        return status === "ok" ? "passed" : "skipped";
    if (status === "FAIL" || status === "unexpected success")
        return "failed";
    if (status === "ERROR")
        return "errored";
    return "skipped";
}
/** Id, classname and name from a block title or a progress line. */
function idOf(name, paren) {
    if (name === "setUpClass" || name === "tearDownClass" || name === "setUpModule" || name === "tearDownModule") {
        // The class (or module) is what failed and what a rerun names.
        return { id: paren, classname: paren, name };
    }
    if (paren.endsWith(`.${name}`))
        return { id: paren, classname: paren.slice(0, -name.length - 1), name };
    return { id: `${paren}.${name}`, classname: paren, name };
}
function parseTitle(title) {
    const u = UNITTEST_TITLE.exec(title);
    if (u !== null)
        return idOf(u[1] ?? "", u[2] ?? "");
    const n = NOSE_TITLE.exec(title);
    if (n !== null) {
        const dotted = n[1] ?? "";
        const i = dotted.lastIndexOf(".");
        return { id: title, classname: dotted.slice(0, i), name: dotted.slice(i + 1) + (n[2] ?? "") };
    }
    return { id: title, classname: "", name: title };
}
function parseResult(ran, result) {
    const c = emptyCounts();
    c.tests = ran;
    for (const m of (result ?? "").matchAll(/([a-z ]+)=(\d+)/gi)) {
        const n = Number(m[2]);
        const key = (m[1] ?? "").trim().toLowerCase();
        if (key === "failures" || key === "unexpected successes")
            c.failed += n;
        else if (key === "errors")
            c.errored += n;
        else if (key === "skipped" || key === "skip" || key === "expected failures")
            c.skipped += n;
    }
    c.passed = Math.max(0, ran - c.failed - c.errored - c.skipped);
    return c;
}
/** Splits a block's body into the traceback and what the test printed (nose captures, `-b` buffers). */
function splitBody(body, bodyAt) {
    const details = { lines: [], at: [] };
    const output = { lines: [], at: [] };
    let inCapture = false;
    let inBuffered = false;
    for (let i = 0; i < body.length; i++) {
        const l = body[i] ?? "";
        if (NOSE_CAPTURE_BEGIN.test(l))
            inCapture = true;
        if (BUFFERED.test(l) && (i === 0 || (body[i - 1] ?? "").trim() === ""))
            inBuffered = true;
        const into = inCapture || inBuffered ? output : details;
        into.lines.push(l);
        into.at.push(bodyAt[i] ?? 0);
        if (NOSE_CAPTURE_END.test(l))
            inCapture = false;
    }
    return { details: unittest_log_trimLocated(details), output: unittest_log_trimLocated(output) };
}
function unittest_log_trimBlank(lines) {
    return unittest_log_trimLocated({ lines, at: [] }).lines;
}
function unittest_log_trimLocated(x) {
    let a = 0;
    let b = x.lines.length;
    while (a < b && (x.lines[a] ?? "").trim() === "")
        a++;
    while (b > a && (x.lines[b - 1] ?? "").trim() === "")
        b--;
    return { lines: x.lines.slice(a, b), at: x.at.slice(a, b) };
}
/**
 * The exception line after the last traceback. Copies from web pages lose indentation, so a
 * code line right after a frame is recognised by not looking like `Name: message`.
 */
function unittest_log_messageOf(details) {
    let last = -1;
    details.forEach((l, i) => {
        if (FRAME.test(l))
            last = i;
    });
    let i = last + 1;
    if (last >= 0) {
        while (i < details.length && /^\s+\S/.test(details[i] ?? ""))
            i++;
        const next = details[i] ?? "";
        if (i === last + 1 && next.trim() !== "" && !EXCEPTION_LINE.test(next.trim()))
            i++;
    }
    const rest = details.slice(Math.max(0, i)).map((l) => l.trim()).filter((l) => l.length > 0 && !/^[~^]+$/.test(l));
    const first = rest[0];
    if (first === undefined)
        return undefined;
    // `AssertionError:` / nose's `Items are not equal:` put the substance on the next line.
    return first.endsWith(":") && rest[1] !== undefined ? `${first} ${rest[1]}` : first;
}
/** The test's file as printed (the join resolves it by suffix) and the last line in it. */
function unittest_log_locate(details, name) {
    const frames = details
        .map((l) => FRAME.exec(l))
        .filter((m) => m !== null)
        .map((m) => ({ path: m[1] ?? "", line: Number(m[2]), fn: m[3] ?? "" }))
        // A path cut to its directory (`.../unittest/`, as web copies of nose logs show) names no file.
        .filter((f) => f.path.length > 0 && !/[\\/]$/.test(f.path));
    const baseName = name.replace(/\(.*$/, "");
    const own = [...frames].reverse().find((f) => f.fn === baseName) ?? [...frames].reverse().find((f) => !LIBRARY.test(f.path));
    if (own === undefined)
        return {};
    let line = own.line;
    for (const f of frames)
        if (samePath(f.path, own.path))
            line = f.line;
    return { file: own.path, line };
}
function unittest_log_parseRun(lines, firstLineNo, counts, ctx) {
    const blocks = [];
    const progress = [];
    /** Lines outside any block and any test's progress line that mention a seed (quiet output). */
    let strayed = 0;
    let pending = null;
    let block = null;
    let inHeader = false;
    let preamble = 0;
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i] ?? "";
        let header = BLOCK_SEP.test(l) ? HEADER.exec(lines[i + 1] ?? "") : null;
        if (header === null && block === null && HEADER.test(l)) {
            // Pasted without the `=====` line above it (as in web copies of nose logs).
            const next = lines.slice(i + 1).find((x) => x.trim() !== "") ?? "";
            if (DASH_SEP.test(next) || next.startsWith("Traceback (most recent call last):")) {
                header = HEADER.exec(l);
                i--;
            }
        }
        if (header !== null) {
            pending = null;
            block = {
                outcome: header[1] === "ERROR" ? "errored" : "failed",
                title: header[2] ?? "",
                details: [],
                at: [],
                logLine: firstLineNo + i + 1,
            };
            blocks.push(block);
            i++;
            inHeader = DASH_SEP.test(lines.slice(i + 1).find((x) => x.trim() !== "") ?? "");
            continue;
        }
        if (block !== null && inHeader) {
            // py3.11 prints a test's docstring under its title; the body starts after the dashes.
            if (DASH_SEP.test(l))
                inHeader = false;
            continue;
        }
        if (block !== null) {
            // The dashes before `Ran N tests` end the last block.
            if (DASH_SEP.test(l) && unittest_log_RAN.test((lines[i + 1] ?? "").trim() === "" ? (lines[i + 2] ?? "") : (lines[i + 1] ?? ""))) {
                block = null;
                continue;
            }
            block.details.push(l);
            block.at.push(firstLineNo + i);
            continue;
        }
        if (blocks.length === 0 && progress.length === 0 && /^(?:Traceback \(most recent call last\):|\s+File ")/.test(l))
            preamble++;
        const p = unittest_log_PROGRESS.exec(l) ?? NOSE_PROGRESS.exec(l);
        if (p !== null) {
            const ids = p.length === 4 ? idOf(p[1] ?? "", p[2] ?? "") : parseTitle(p[1] ?? "");
            let rest = p.length === 4 ? p[3] : p[2];
            if (rest === undefined) {
                // py3.11 with a docstring: `test_x (mod.C.test_x)` then `Doc line ... ok`.
                const doc = /^.*? \.\.\. ?(.*)$/.exec(lines[i + 1] ?? "");
                if (doc === null)
                    continue;
                rest = doc[1] ?? "";
                i++;
            }
            pending = { ...ids, outcome: null, output: { lines: [], at: [] }, index: ctx.nextIndex++ };
            progress.push(pending);
            const status = STATUS.exec(rest.trim());
            if (status !== null) {
                pending.outcome = statusOutcome(status[1] ?? "");
                pending = null;
            }
            else if (rest.length > 0) {
                pending.output.lines.push(rest);
                pending.output.at.push(firstLineNo + i);
            }
            continue;
        }
        if (pending !== null) {
            const status = STATUS.exec(l.trim());
            if (status !== null) {
                pending.outcome = statusOutcome(status[1] ?? "");
                pending = null;
            }
            else {
                pending.output.lines.push(l);
                pending.output.at.push(firstLineNo + i);
            }
        }
        else if (SEED_MENTION.test(l)) {
            strayed++;
        }
    }
    if (preamble > 0) {
        ctx.warnings.push(`${ctx.path}: the text starts inside a traceback without its FAIL/ERROR header; that part is not attributed to a test`);
    }
    const records = [];
    const byId = new Map();
    for (const b of blocks) {
        const ids = parseTitle(b.title);
        const split = splitBody(b.details, b.at);
        const details = split.details.lines;
        const output = split.output;
        const prev = byId.get(ids.id);
        if (prev !== undefined) {
            // Subtests report one block per failing parameter set: one test, all texts.
            const d = appendLocated(prev.details === undefined ? undefined : { text: prev.details, at: prev.detailsLines ?? [] }, { text: details.join("\n"), at: split.details.at }, 1);
            prev.details = d.text;
            prev.detailsLines = d.at;
            if (output.lines.length > 0) {
                const o = appendLocated(prev.output === undefined ? undefined : { text: prev.output, at: prev.outputLines ?? [] }, { text: output.lines.join("\n"), at: output.at }, 0);
                prev.output = o.text;
                prev.outputLines = o.at;
            }
            continue;
        }
        const seen = progress.find((p) => p.id === ids.id);
        const rec = { ...ids, outcome: b.outcome, index: seen?.index ?? ctx.nextIndex++, logLine: b.logLine };
        const where = unittest_log_locate(details, ids.name);
        if (where.file !== undefined)
            rec.file = where.file;
        if (where.line !== undefined)
            rec.line = where.line;
        const message = unittest_log_messageOf(details);
        if (message !== undefined)
            rec.message = message;
        if (details.length > 0) {
            rec.details = details.join("\n");
            rec.detailsLines = split.details.at;
        }
        const printed = unittest_log_trimLocated(seen?.output ?? { lines: [], at: [] });
        const out = [...printed.lines, ...output.lines];
        if (out.length > 0) {
            rec.output = out.join("\n");
            rec.outputLines = [...printed.at, ...output.at];
        }
        byId.set(ids.id, rec);
        records.push(rec);
    }
    if (strayed > 0 && progress.length === 0 && blocks.length > 0) {
        ctx.warnings.push(`${ctx.path}: ${strayed} line(s) mentioning a seed stand between the progress dots, outside any test's block ` +
            `(unittest without -v prints no test names there), so they cannot be attached to a test; ` +
            `run unittest with -v or -b so each test's output is tied to it`);
    }
    for (const p of progress) {
        if (byId.has(p.id) || p.outcome === null)
            continue;
        const rec = { id: p.id, classname: p.classname, name: p.name, outcome: p.outcome, index: p.index };
        byId.set(p.id, rec);
        records.push(rec);
    }
    const last = block;
    if (counts === null && (blocks.length > 0 || progress.length > 0)) {
        const what = last !== null ? `the ${last.title} block has no end` : "there is no \"Ran N tests\" line";
        ctx.warnings.push(`${ctx.path}: ${what}: the log looks cut at the end; counts are from the tests found`);
    }
    records.sort((a, b) => a.index - b.index);
    return { records, counts };
}
/** Parses a unittest or nose console log (or an excerpt of one). */
function parseUnittestLog(text, path) {
    const warnings = [];
    const { text: norm, origin } = normaliseCiLog(text);
    const lines = dropCutTail(norm.split("\n"), norm, path, warnings);
    const ctx = { path, warnings, nextIndex: 0 };
    const runs = [];
    let start = 0;
    for (let i = 0; i < lines.length; i++) {
        const ran = unittest_log_RAN.exec(lines[i] ?? "");
        if (ran === null)
            continue;
        // The result line follows `Ran N tests` after one blank line.
        let j = i + 1;
        while (j < lines.length && (lines[j] ?? "").trim() === "" && j <= i + 2)
            j++;
        const result = unittest_log_RESULT.exec(lines[j] ?? "");
        const counts = parseResult(Number(ran[1]), result?.[2]);
        if (result === null)
            warnings.push(`${path}: "Ran ${ran[1]} tests" is not followed by OK or FAILED (...); failures and errors were counted from the blocks`);
        const run = unittest_log_parseRun(lines.slice(start, i + 1), start + 1, counts, ctx);
        if (result === null) {
            const c = counts;
            for (const r of run.records)
                if (r.outcome === "failed")
                    c.failed++;
            for (const r of run.records)
                if (r.outcome === "errored")
                    c.errored++;
            c.passed = Math.max(0, c.tests - c.failed - c.errored);
        }
        runs.push(run);
        start = result === null ? i + 1 : j + 1;
        i = start - 1;
    }
    if (start < lines.length) {
        const rest = unittest_log_parseRun(lines.slice(start), start + 1, null, ctx);
        if (rest.records.length > 0)
            runs.push(rest);
    }
    const { tests, counts } = mergeRuns(runs, path, warnings, origin);
    if (tests.length === 0 && runs.length === 0) {
        warnings.push(`${path}: no FAIL/ERROR blocks, progress lines or "Ran N tests" line found`);
    }
    return { path, kind: "unittest-log", tests, counts, warnings: capWarnings(warnings, path) };
}

;// CONCATENATED MODULE: ./src/io/read-inputs.ts













/**
 * Encoding from the first bytes: a BOM, UTF-16 without BOM (a leading "<" is "<\0" or "\0<"),
 * or an XML declaration naming a single-byte encoding. Everything else is read as
 * UTF-8 with invalid bytes replaced (U+FFFD), never rejected.
 */
function sniffEncoding(head) {
    const [a, b, c, d] = head;
    if (a === 0xef && b === 0xbb && c === 0xbf)
        return { label: "utf-8", skip: 3 };
    if (a === 0xff && b === 0xfe)
        return { label: "utf-16le", skip: 2 };
    if (a === 0xfe && b === 0xff)
        return { label: "utf-16be", skip: 2 };
    // "<" next to a NUL never starts UTF-8 text; it is UTF-16 without a BOM.
    if (a === 0x3c && b === 0x00 && c !== 0x00)
        return { label: "utf-16le", skip: 0 };
    if (a === 0x00 && b === 0x3c && d !== 0x00)
        return { label: "utf-16be", skip: 0 };
    const decl = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(Buffer.from(head.subarray(0, 200)).toString("latin1"));
    const named = decl?.[1]?.toLowerCase();
    if (named !== undefined && /^(?:iso-8859-1|latin-?1|windows-1252|cp1252|us-ascii|ascii)$/.test(named)) {
        return { label: "windows-1252", skip: 0 };
    }
    return { label: "utf-8", skip: 0 };
}
/**
 * A report path that names no readable report file (missing, a directory, a FIFO, unreadable):
 * readInputs reads the others when there are others, and says which it left out.
 */
class UnreadableInput extends UserError {
}
/** The input's size in bytes, or a UserError saying why it is not a readable file. */
async function statInput(p, abs) {
    let info;
    try {
        info = await (0,promises_namespaceObject.stat)(abs);
    }
    catch (err) {
        const code = err.code;
        if (code === "ENOENT" || code === "ENOTDIR")
            throw new UnreadableInput(`${p}: ${isDynamicPattern(p) ? "no file matches this pattern" : "no such file"}`);
        throw new UnreadableInput(`${p}: cannot be read (${errorMessage(err)})`);
    }
    if (info.isDirectory())
        throw new UnreadableInput(`${p}: is a directory, not a report file`);
    if (!info.isFile())
        throw new UnreadableInput(`${p}: is not a regular file`);
    return info.size;
}
async function readHead(p, abs) {
    let handle;
    try {
        handle = await (0,promises_namespaceObject.open)(abs, "r");
        const buf = Buffer.alloc(DETECT_HEAD_BYTES);
        const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
        return buf.subarray(0, bytesRead);
    }
    catch (err) {
        throw new UnreadableInput(`${p}: cannot be read (${errorMessage(err)})`);
    }
    finally {
        await handle?.close();
    }
}
/**
 * Decoded chunks of a file, from past its BOM, at most `maxBytes` bytes. With `cutAfterGt`, a
 * chunk of an ASCII-compatible encoding ends just after its last `>` (when that keeps most of
 * it) and the bytes after it start the next chunk: the XML reader then rarely holds a cut tag
 * back, and so rarely joins two texts (a joined string is slower to read character by
 * character than one decoded in one piece).
 */
async function* decodedChunks(abs, enc, options = {}) {
    const decoder = new TextDecoder(enc.label, { fatal: false, ignoreBOM: true });
    // ASCII reads the same in UTF-8 and windows-1252, and latin-1 decoding is a plain copy: several
    // times faster than the decoder's checks on the all-ASCII chunks most reports are made of.
    const asciiCompatible = enc.label === "utf-8" || enc.label === "windows-1252";
    const cut = options.cutAfterGt === true && asciiCompatible;
    // Whether the decoder may hold the start of a UTF-8 sequence cut by the end of the last chunk.
    let pending = false;
    // Two buffers, filled in turn: while the chunks of one block are decoded and read, the next
    // block is already being read from disk into the other. A read is a trip through libuv's
    // thread pool, which otherwise left this thread idle: 150 ms of the 3.2 s that reading the
    // 500 MB bench report took.
    // Both decodings copy out of a buffer, so nothing of the file's bytes outlives its chunk. A
    // buffer's first READ_CHUNK_BYTES hold what the last block left after its last cut (at most
    // half a chunk, see below), so that it goes on in one piece with the block read after it.
    const room = READ_CHUNK_BYTES;
    const taken = takeReadBuffers(room + READ_BLOCK_BYTES);
    const { hasControl } = taken;
    let [buf, next] = taken.buffers;
    const handle = await (0,promises_namespaceObject.open)(abs, "r").catch((err) => {
        releaseReadBuffers(taken);
        throw err;
    });
    let reading = null;
    try {
        let position = enc.skip;
        let left = options.maxBytes ?? Number.POSITIVE_INFINITY;
        // Bytes of the file up to the end of the block being parsed: what onRead reports once its
        // chunks are read (the read-ahead is further on).
        let parsedTo = position;
        const readInto = (buf) => {
            if (left <= 0)
                return null;
            const length = Math.min(READ_BLOCK_BYTES, left);
            const read = handle.read(buf, room, length, position).then(({ bytesRead }) => {
                position += bytesRead;
                left -= bytesRead;
                return bytesRead;
            });
            // A read that fails while the block before it is still being yielded is reported when
            // awaited, not as an unhandled rejection in the meantime (which ends the process).
            read.catch(() => undefined);
            return read;
        };
        reading = readInto(buf);
        // Bytes after the last cut, just before `room` in the buffer whose turn it is.
        let kept = 0;
        for (;;) {
            const bytesRead = reading === null ? 0 : await reading;
            parsedTo += bytesRead;
            // Whether the file may go on after this block: then its last cut piece waits for the rest.
            const more = bytesRead > 0;
            reading = more ? readInto(next) : null;
            const start = room - kept;
            const n = room + bytesRead;
            if (n === start)
                break;
            let pos = start;
            while (pos < n) {
                let end = Math.min(pos + READ_CHUNK_BYTES, n);
                const last = end === n;
                if (cut && (!last || more)) {
                    const gt = buf.lastIndexOf(0x3e, end - 1);
                    if (gt >= pos && gt + 1 - pos >= (end - pos) / 2)
                        end = gt + 1;
                }
                const chunk = buf.subarray(pos, end);
                if (asciiCompatible && !pending && (0,external_node_buffer_namespaceObject.isAscii)(chunk)) {
                    yield { text: chunk.toString("latin1"), controlFree: hasControl !== null && !hasControl(chunk) };
                }
                else {
                    const text = decoder.decode(chunk, { stream: true });
                    pending = (chunk[chunk.length - 1] ?? 0) >= 0x80;
                    if (text.length > 0)
                        yield { text, controlFree: false };
                }
                pos = end;
                if (last)
                    break;
            }
            if (more)
                options.onRead?.(parsedTo);
            // The last block of a file is not cut: it has all been yielded.
            if (!more)
                break;
            kept = n - pos;
            // A cut keeps at most half a chunk (the rest of the block is yielded), so it fits.
            buf.copy(next, room - kept, pos, n);
            [buf, next] = [next, buf];
        }
    }
    finally {
        // A consumer that stops early (an error) must not leave a read writing into a closed file.
        await reading?.catch(() => 0);
        await handle.close();
        releaseReadBuffers(taken);
    }
    const rest = decoder.decode();
    if (rest.length > 0)
        yield { text: rest, controlFree: false };
}
/** go test -json streams like JUnit: passing tests' events are read and let go. */
async function readGoJson(p, abs, enc, onRead) {
    const reader = new GoJsonReader(p);
    for await (const { text } of decodedChunks(abs, enc, onRead ? { onRead } : {}))
        reader.write(text);
    return reader.end();
}
async function readJUnit(p, abs, enc, onRead, repeatsAreTests) {
    const reader = new JUnitReader(p, { repeatsAreTests });
    for await (const { text, controlFree } of decodedChunks(abs, enc, { cutAfterGt: true, ...(onRead ? { onRead } : {}) })) {
        reader.write(text, controlFree);
    }
    return reader.end();
}
/**
 * A console log read as one string (the log parsers need it whole), up to MAX_LOG_BYTES, and
 * given to its parser; a warning says when the rest was not read.
 */
async function readLog(p, abs, enc, size, parse, progress) {
    // Read up to MAX_LOG_BYTES: that is all there is to read of it.
    const onRead = progress?.(Math.min(size, enc.skip + MAX_LOG_BYTES));
    const parts = [];
    for await (const { text } of decodedChunks(abs, enc, { maxBytes: MAX_LOG_BYTES, ...(onRead ? { onRead } : {}) }))
        parts.push(text);
    const parsed = parse(parts.join(""), p);
    if (size - enc.skip <= MAX_LOG_BYTES)
        return parsed;
    const cut = `${p}: only the first ${MAX_LOG_BYTES / (1024 * 1024)} MiB of this ${size}-byte log were read`;
    return { ...parsed, warnings: [cut, ...parsed.warnings] };
}
/** Reads one report from disk into the reader its content calls for. */
async function readInput(p, cwd, onProgress, repeatsAreTests = false) {
    const abs = external_node_path_default().resolve(cwd, p);
    const size = await statInput(p, abs);
    const headBytes = await readHead(p, abs);
    const enc = sniffEncoding(headBytes);
    const head = new TextDecoder(enc.label, { fatal: false, ignoreBOM: true }).decode(headBytes.subarray(enc.skip));
    if (head.trim().length === 0 && headBytes.length < DETECT_HEAD_BYTES) {
        return {
            path: p,
            kind: "unknown",
            tests: [],
            counts: { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 },
            warnings: [`${p}: empty file, no tests read`],
        };
    }
    const kind = detectKind(head);
    const progress = onProgress && ((bytesTotal) => (bytesRead) => onProgress({ path: p, bytesRead, bytesTotal }));
    try {
        switch (kind) {
            case "junit":
                return await readJUnit(p, abs, enc, progress?.(size), repeatsAreTests);
            case "pytest-log":
                return await readLog(p, abs, enc, size, parsePytestLog, progress);
            case "unittest-log":
                return await readLog(p, abs, enc, size, parseUnittestLog, progress);
            case "go-test-json":
                return await readGoJson(p, abs, enc, progress?.(size));
            case "go-test-log":
                return await readLog(p, abs, enc, size, parseGoTestLog, progress);
            case "gtest-log":
                return await readLog(p, abs, enc, size, parseGtestLog, progress);
            case "unknown": {
                const what = describeUnknown(head);
                const why = `${p}: not a JUnit XML report, a pytest, unittest, go test or googletest console log, or go test -json output: ${what}`;
                // A console log of a runner whose log is not read (googletest's, RSpec's) next to its XML
                // is a warning, as a missing file is; what may be a report gone wrong (an .xml file,
                // XML, binary data, a run's failure summary) stays an error, as does any file alone.
                if (mayBeReport(p, head, what))
                    throw new UserError(why);
                throw new UnreadableInput(why);
            }
        }
    }
    catch (err) {
        if (err instanceof UserError)
            throw err;
        // A file that disappears or becomes unreadable mid-read (rotated CI logs, NFS).
        throw new UserError(`${p}: cannot be read (${errorMessage(err)})`);
    }
}
/**
 * Whether a file in none of the formats read may be a report gone wrong rather than another
 * runner's console log: named .xml, XML, binary (compressed, cut; `what` is describeUnknown's
 * word for it), or a text with a run's failure summary (`3 failed`, `FAILED`, `--- FAIL`),
 * whose failures would go uncounted.
 */
function mayBeReport(p, head, what) {
    if (/\.xml$/i.test(p) || /^\s*</.test(head))
        return true;
    if (what !== "it is text in none of these formats")
        return true;
    return /\b\d+ failed\b|^FAILED\b|^--- FAIL\b/m.test(head);
}
/**
 * How a report is named in what we write: its path from the project root when it lies inside
 * (`reports/pytest.log`), else its absolute path. Reports are read relative to the root.
 */
function fromProject(root, abs) {
    const rel = external_node_path_default().relative(root, abs);
    return rel === "" || external_node_path_default().isAbsolute(rel) || rel.split((external_node_path_default()).sep)[0] === ".." ? abs : rel;
}
/**
 * Reads every report, in order; the first unusable one stops with a UserError naming it. A path
 * that names no file, or a file in none of the formats read, is the exception when other reports
 * are given: a test run that crashed writes no JUnit report, and its console log is then the
 * evidence; a console log of a runner whose log is not read comes with its XML. It becomes an
 * input with a warning; only when no path names a usable file is it an error.
 */
async function readInputs(paths, opts) {
    const out = [];
    let missing = null;
    let found = 0;
    for (const p of paths) {
        let input;
        try {
            input = await readInput(p, opts.cwd, opts.onProgress, opts.repeatsAreTests === true);
            found++;
        }
        catch (err) {
            if (!(err instanceof UnreadableInput) || paths.length === 1)
                throw err;
            missing ??= err;
            input = {
                path: p,
                kind: "unknown",
                tests: [],
                counts: { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 },
                warnings: [`${err.message}; the other reports were read without it`],
            };
        }
        opts.onRead?.(input);
        out.push(input);
    }
    if (missing !== null && found === 0)
        throw missing;
    return out;
}
/**
 * Expands report arguments. A path that exists is kept as given, even if it contains glob
 * characters (a file named `results[1].xml`); a pattern is expanded to absolute paths, so the
 * result does not depend on which directory the reports are later read relative to. A pattern
 * that matches nothing is an error with `unmatched: "error"` (a typo should not look like "no
 * failing tests"); with "keep" it stays in the list as given, so that readInputs treats it like
 * a missing file: a warning when other reports are read (a crashed run writes no JUnit report,
 * and its log is the evidence), an error when none is.
 */
async function expandGlobs(patterns, cwd, unmatched = "error") {
    const out = [];
    const seen = new Set();
    const add = (p) => {
        if (!seen.has(p)) {
            seen.add(p);
            out.push(p);
        }
    };
    for (const pattern of patterns) {
        const exists = await (0,promises_namespaceObject.stat)(external_node_path_default().resolve(cwd, pattern)).then(() => true, () => false);
        if (exists || !isDynamicPattern(pattern)) {
            add(pattern); // a missing literal path is reported by readInputs as "no such file"
            continue;
        }
        const matches = await glob(pattern, {
            cwd,
            absolute: true,
            onlyFiles: true,
            expandDirectories: false,
            dot: true,
        });
        if (matches.length === 0) {
            if (unmatched === "error")
                throw new UserError(`${pattern}: no file matches this pattern`);
            add(pattern);
        }
        for (const m of matches.sort())
            add(m);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/reports/message.ts
/**
 * Failure messages that say nothing of what failed: gotestsum writes `Failed` for every test,
 * and some converters `failure` or nothing at all. Another source's message, or the failure's
 * own first line of substance, says more.
 */
const UNINFORMATIVE = /^\s*(?:(?:test )?(?:failed|failure|error|errored))?[.!]?\s*$/i;
function isUninformativeMessage(message) {
    return UNINFORMATIVE.test(message);
}

;// CONCATENATED MODULE: ./src/diagnose/literal.ts
/**
 * A fixed string to look for in failure texts, many times over (the tolerance parsers' needles).
 *
 * `includes` finds a needle by scanning for its first character and comparing from there, so
 * its cost follows how common that character is: `" ± "` (a space first) took 30 ms over the
 * 17 MB of failure text in the 100 MB bench report, `"Failed: Timeout >"` 2 ms. Searching from
 * the needle's least common character, then checking the characters before it, finds exactly
 * the same occurrences at the cost of the rare one.
 */
class Literal {
    text;
    /** The needle before its rarest character, and from it on. */
    head;
    tail;
    blankFirst;
    constructor(text) {
        this.text = text;
        let best = 0;
        for (let i = 1; i < text.length; i++)
            if (rarity(text.charCodeAt(i)) > rarity(text.charCodeAt(best)))
                best = i;
        this.head = text.slice(0, best);
        this.tail = text.slice(best);
        this.blankFirst = rarity(text.charCodeAt(0)) === 0;
    }
    /** Whether `haystack` contains the needle (`haystack.includes(text)`). */
    in(haystack) {
        const { head, tail } = this;
        // In a short text the split only adds its own cost, unless the needle starts with a blank
        // (found at every word). Measured on 50,000 one-line failures and on 6,288 of 2-8 KB.
        if (head.length === 0 || (haystack.length < SHORT_TEXT && !this.blankFirst))
            return haystack.includes(this.text);
        for (let i = haystack.indexOf(tail, head.length); i >= 0; i = haystack.indexOf(tail, i + 1)) {
            if (haystack.startsWith(head, i - head.length))
                return true;
        }
        return false;
    }
}
/** Texts shorter than this are searched with plain `includes` for needles led by a non-blank. */
const SHORT_TEXT = 1024;
/** English letters from the most to the least frequent (failure text is mostly English words). */
const LETTERS = "etaoinsrhldcumfpgwybvkxjqz";
/**
 * How rarely a character shows up in failure text, higher is rarer. A guess from tracebacks
 * and assertion messages: blanks, lower-case letters and digits are everywhere; capitals
 * start fewer words; most punctuation and anything beyond ASCII is rarer still. A wrong guess
 * only costs speed, never a match.
 */
function rarity(code) {
    if (code === 0x20 || code === 0x0a || code === 0x09)
        return 0;
    if (code >= 0x61 && code <= 0x7a)
        return 1 + LETTERS.indexOf(String.fromCharCode(code)) / LETTERS.length;
    if (code >= 0x30 && code <= 0x39)
        return 1.5;
    if (code === 0x2e || code === 0x2c || code === 0x3a || code === 0x28 || code === 0x29 || code === 0x5f || code === 0x3d)
        return 1.5;
    if (code >= 0x41 && code <= 0x5a)
        return 3;
    if (code < 0x80)
        return 4;
    return 5;
}

;// CONCATENATED MODULE: ./src/seeds/extract.ts


/**
 * Matches found past this many characters of one field are not looked for: readers already
 * cap captured output, this only bounds the work on hostile input.
 */
const MAX_SCAN_CHARS = 4 * 1024 * 1024;
/** The text recognisers' regexes run on (line numbers count in it). */
function textOf(field) {
    return (field.stripped ??= stripPytestPrefixes(field.raw));
}
/**
 * pytest prefixes assertion text with "E   " (and empty lines with a bare "E"). Removing the
 * prefix lets multi-line patterns see the text as the framework printed it; the line count
 * is unchanged, so line numbers still point into the original field.
 */
function stripPytestPrefixes(text) {
    // Most text has no "E" line and no CR: nothing to strip, and no split/join copy of it.
    if (!text.startsWith("E") && !text.includes("\nE") && !text.includes("\r"))
        return text;
    const lines = (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text).split("\n");
    // pytest indents the E block to the failing line's column; strip that common indent only,
    // so nested indentation (a multi-line falsifying example) survives.
    for (let start = 0; start < lines.length;) {
        if (!isPytestErrorLine(lines[start])) {
            start++;
            continue;
        }
        let end = start;
        let indent = Infinity;
        for (; end < lines.length && isPytestErrorLine(lines[end]); end++) {
            const rest = lines[end].slice(1);
            if (rest.trim().length > 0)
                indent = Math.min(indent, rest.length - rest.trimStart().length);
        }
        for (let i = start; i < end; i++) {
            const rest = lines[i].slice(1);
            lines[i] = rest.trim().length === 0 ? "" : rest.slice(indent === Infinity ? 0 : indent);
        }
        start = end;
    }
    return lines.join("\n");
}
function isPytestErrorLine(line) {
    return line === "E" || line.startsWith("E ");
}
function lineAt(text, index) {
    let line = 1;
    for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1))
        line++;
    return line;
}
/**
 * Of a recogniser's matches in one field, only this many of the last are considered: the last
 * acceptable one wins, and validating (or locating) every match of a hostile field would make
 * extraction quadratic.
 */
const RECENT_MATCHES = 64;
/**
 * A literal every match of `pattern` contains, or null when none can be told safely. Only
 * characters outside groups and classes, in a pattern without top-level alternation, count;
 * a character made optional by a quantifier ends the run before it. Used as a cheap
 * `includes` check that rules a recogniser out before its regex scans the whole text.
 */
function requiredLiteral(pattern) {
    if (pattern.flags.includes("i") || pattern.flags.includes("v"))
        return null;
    let best = "";
    for (const run of literalRuns(pattern.source) ?? [])
        if (run.length > best.length)
            best = run;
    return best.length >= 3 ? best : null;
}
/**
 * Every run of literal characters that every match of a pattern with this source contains, in
 * the pattern's own letter case (see requiredLiteral), or null when none can be told safely.
 */
function literalRuns(src) {
    const runs = [];
    let run = "";
    const end = () => {
        if (run.length > 0)
            runs.push(run);
        run = "";
    };
    let depth = 0;
    for (let i = 0; i < src.length; i++) {
        const c = src[i];
        if (c === "\\") {
            const e = src[i + 1] ?? "";
            if (/[A-Za-z0-9]/.test(e)) {
                // \d, \b, \1, \x41, \u{...}, \p{...}, \k<name>, \cJ: none is one known literal.
                end();
                i++;
                if (e === "x")
                    i += 2;
                else if (e === "c")
                    i += 1;
                else if (e === "u")
                    i = src[i + 1] === "{" ? src.indexOf("}", i) : i + 4;
                else if (e === "p" || e === "P")
                    i = src.indexOf("}", i);
                else if (e === "k")
                    i = src.indexOf(">", i);
                if (i < 0)
                    return null;
                continue;
            }
            i++;
            if (depth === 0)
                run += e;
            continue;
        }
        if (c === "[") {
            end();
            // Skip the class, honouring escapes inside it.
            for (i++; i < src.length && src[i] !== "]"; i++)
                if (src[i] === "\\")
                    i++;
            continue;
        }
        if (c === "(") {
            depth++;
            end();
            continue;
        }
        if (c === ")") {
            depth--;
            end();
            continue;
        }
        if (depth > 0)
            continue;
        if (c === "|")
            return null;
        if (c === "?" || c === "*" || c === "{") {
            // The character before is optional (or counted): it does not belong to the run.
            run = run.slice(0, -1);
            end();
            if (c === "{") {
                const close = src.indexOf("}", i);
                if (close < 0)
                    return null;
                i = close;
            }
            continue;
        }
        if (c === "+" || c === "." || c === "^" || c === "$") {
            end();
            continue;
        }
        run += c;
    }
    end();
    return runs;
}
/**
 * Whether every match of `pattern` contains "seed" in some letter case. Most failure texts
 * never say "seed", and this rules out 25 of the built-in recognisers with one search: on the
 * Action's bench report (50,000 one-line failures) the recognisers' 100 literal checks per test
 * were most of extraction's time. Under `i` a literal matches its ASCII case variants only
 * unless `u` or `v` is set (then Unicode folding applies, and nothing is claimed).
 */
function needsSeedWord(pattern) {
    const { flags } = pattern;
    if (flags.includes("v") || (flags.includes("i") && flags.includes("u")))
        return false;
    return (literalRuns(pattern.source) ?? []).some((run) => extract_SEED_WORD.test(run));
}
/** "seed" in any ASCII letter case (no `u`: exactly what needsSeedWord assumes). */
const extract_SEED_WORD = /seed/i;
function compileAll(recognisers) {
    const compiled = recognisers.map((r) => {
        const flags = r.pattern.flags.includes("g") ? r.pattern.flags : r.pattern.flags + "g";
        const pattern = new RegExp(r.pattern.source, flags);
        const literal = requiredLiteral(r.pattern);
        // (A pattern's source spells line ends as escapes, so no literal holds one; if one ever did,
        // the argument above would not hold for it.)
        return {
            pattern,
            literal: literal === null || /[\r\n]/.test(literal) ? null : new Literal(literal),
            seedWord: needsSeedWord(r.pattern),
        };
    });
    return { recognisers, compiled };
}
const BUILTIN_SCANNER = compileAll(BUILTIN_RECOGNISERS);
/**
 * Scanners per --seed-pattern list, built once rather than once per test (the settings keep one
 * array for the whole run); with the patterns they were built from, should the array change.
 */
const userScanners = new WeakMap();
function scannerFor(userPatterns) {
    if (userPatterns.length === 0)
        return BUILTIN_SCANNER;
    const cached = userScanners.get(userPatterns);
    if (cached !== undefined && cached.patterns.length === userPatterns.length && cached.patterns.every((p, i) => p === userPatterns[i])) {
        return cached.scanner;
    }
    const scanner = compileAll([...userPatterns.map((p, i) => userRecogniser(p, i)), ...BUILTIN_RECOGNISERS]);
    userScanners.set(userPatterns, { patterns: [...userPatterns], scanner });
    return scanner;
}
/** The last acceptable match of one recogniser in one field. */
/** Whether the field can hold a match of the recogniser: it says "seed" if every match does, and has its literal. */
function mayMatch({ literal, seedWord }, field) {
    if (seedWord && !(field.seedWord ??= extract_SEED_WORD.test(field.raw)))
        return false;
    return literal === null || literal.in(field.raw);
}
/** Calls `each` with every non-empty match of a recogniser's global pattern in `text`, until it returns false. */
function forEachMatch(pattern, text, each) {
    pattern.lastIndex = 0;
    try {
        for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
            if (m[0].length === 0) {
                // A user pattern that can match the empty string would loop forever.
                pattern.lastIndex++;
                continue;
            }
            if (!each(m))
                break;
        }
    }
    finally {
        pattern.lastIndex = 0;
    }
}
function lastMatch(recogniser, compiled, field) {
    if (!mayMatch(compiled, field))
        return null;
    const text = textOf(field);
    const recent = [];
    forEachMatch(compiled.pattern, text, (m) => {
        recent.push(m);
        if (recent.length > RECENT_MATCHES)
            recent.shift();
        return true;
    });
    for (let i = recent.length - 1; i >= 0; i--) {
        const m = recent[i];
        const value = recogniser.value(m);
        if (value !== null && value.length > 0) {
            return { recogniser, match: m, value, line: lineAt(text, m.index), field: field.name };
        }
    }
    return null;
}
/** Fields in the order the seed is most likely printed: MXNet logs it in captured output. */
function fieldsOf(test) {
    const fields = [];
    // The report's own run-wide seed last: what the test printed is nearer to what it used.
    for (const [name, text] of [["output", test.output], ["details", test.details], ["message", test.message], ["report", test.reportContext]]) {
        if (text !== undefined && text.length > 0) {
            const raw = text.slice(0, MAX_SCAN_CHARS);
            fields.push({ name, raw });
        }
    }
    return fields;
}
function find(recogniser, compiled, fields) {
    for (const field of fields) {
        const found = lastMatch(recogniser, compiled, field);
        if (found !== null)
            return found;
    }
    return null;
}
/**
 * Where the seed line stands: in the log itself when a console reader mapped the field's lines
 * (a person opens the log at that line), else the line within the field.
 */
function sourceOf(found, test, file) {
    const map = test.logLines;
    const lines = found.field === "output" ? map?.output : found.field === "details" ? map?.details : undefined;
    const at = lines?.[found.line - 1];
    if (map !== undefined && at !== undefined && at > 0)
        return { file: map.file, line: at };
    // The report context is a snippet of the report's head, not a field with lines of its own.
    if (found.field === "report")
        return { file };
    return { file, line: found.line };
}
function toSeed(found, test, file) {
    return {
        value: found.value,
        recogniser: found.recogniser.name,
        source: sourceOf(found, test, file),
        apply: found.recogniser.apply(found.match),
    };
}
function mergeEnv(apply, extra) {
    if (apply.kind !== "env" || extra.kind !== "env")
        return apply;
    return { kind: "env", env: { ...extra.env, ...apply.env } };
}
/**
 * The test's seed, or null when none was printed.
 *
 * Recognisers are tried in priority order (user patterns first, then the built-ins, most
 * specific first); for each, the fields are searched output -> details -> message and the
 * last match in the first field that has one wins (a test that retries internally prints a
 * seed per attempt, and the last is the one that failed). The MXNet module seed and a
 * hypothesis falsifying example travel as `related`; either stands in as the seed when no
 * test seed was printed. `source` is the log file and line when the reader recorded
 * `logLines`, else the report file and the 1-based line within the field searched.
 */
function extractSeed(test, userPatterns) {
    const scanner = scannerFor(userPatterns);
    const fields = fieldsOf(test);
    if (fields.length === 0)
        return null;
    const file = test.sources[0]?.file ?? test.file ?? "";
    let primary = null;
    const related = [];
    for (let r = 0; r < scanner.recognisers.length; r++) {
        const recogniser = scanner.recognisers[r];
        // One test seed; but a seed that only orders the tests (go -shuffle) gives way to the test's
        // own seed printed next to it (`TEST_SEED=106`): that one decides the data the test fails
        // on, and the reruns give it back and vary it; the order has a check of its own.
        if (recogniser.kind === "test" && primary !== null && !(primary.recogniser.ordersOnly === true && recogniser.ordersOnly !== true))
            continue;
        const found = find(recogniser, scanner.compiled[r], fields);
        if (found === null)
            continue;
        if (recogniser.kind === "test") {
            if (primary !== null)
                related.push(primary);
            primary = found;
        }
        else
            related.push(found);
    }
    if (primary === null) {
        // Module seed first: it can be re-applied, an example cannot.
        const standIn = related.find((f) => f.recogniser.kind === "module") ?? related[0];
        if (standIn === undefined)
            return null;
        primary = standIn;
        related.splice(related.indexOf(standIn), 1);
    }
    const seed = toSeed(primary, test, file);
    if (related.length > 0) {
        const relatedSeeds = related.map((f) => toSeed(f, test, file));
        for (const r of relatedSeeds)
            seed.apply = mergeEnv(seed.apply, r.apply);
        seed.related = relatedSeeds;
    }
    return seed;
}
/**
 * Every seed the recogniser named `name` finds in a text, in order (at most MAX_FOUND): its
 * value and how it would be given back. What a rerun printed is compared with CI's seed this way
 * (rerun/printed-seeds.ts): every match, since a test may print several seeds and CI's need not
 * be the last of a rerun's.
 */
function seedsFoundBy(name, text, userPatterns) {
    const scanner = scannerFor(userPatterns);
    const r = scanner.recognisers.findIndex((x) => x.name === name);
    const recogniser = scanner.recognisers[r];
    const compiled = scanner.compiled[r];
    if (recogniser === undefined || compiled === undefined)
        return [];
    const field = { name: "output", raw: text.slice(0, MAX_SCAN_CHARS) };
    if (!mayMatch(compiled, field))
        return [];
    const found = [];
    forEachMatch(compiled.pattern, textOf(field), (m) => {
        const value = recogniser.value(m);
        if (value !== null && value.length > 0)
            found.push({ value, apply: recogniser.apply(m) });
        return found.length < MAX_FOUND;
    });
    return found;
}
/** seedsFoundBy looks no further than this many seeds. */
const MAX_FOUND = 1000;
/** The recognisers of seeds a JUnit report records once for its whole run. */
const REPORT_SEED_RECOGNISERS = BUILTIN_RECOGNISERS.filter((r) => /-xml-/.test(r.name));
/**
 * The parts of a report's head that carry its run-wide seed (`random_seed="23"`, a seed
 * property), or undefined: each test of the report gets them as `reportContext`, so the head
 * is searched once per report rather than once per failing test.
 */
function reportSeedContext(head) {
    if (head === undefined || head.length === 0)
        return undefined;
    const found = [];
    for (const r of REPORT_SEED_RECOGNISERS) {
        r.pattern.lastIndex = 0;
        const m = r.pattern.exec(head);
        r.pattern.lastIndex = 0;
        if (m !== null)
            found.push(detachCopy(m[0]));
    }
    return found.length > 0 ? found.join("\n") : undefined;
}
/** A flat copy: the match is a slice of the head, which need not stay alive with every test. */
function detachCopy(s) {
    return (" " + s).slice(1);
}

;// CONCATENATED MODULE: ./src/reports/join.ts
/**
 * Joins the evidence several inputs hold about the same test. A pytest run typically leaves a
 * JUnit report (structured, but without what the test logged: `junit_logging = no` is pytest's
 * default) and a console log (where the seed lines are); nose/unittest runs leave a console log,
 * sometimes an xunit report. Tests are matched by id, the failing line is resolved, and paths
 * printed on another machine are mapped into the project.
 */







// Parts after the first may start with a digit or hold a hyphen: they may be directory names
// (`tests/v1.2/` is written `tests.v1.2.`, `tests/e2e-api/` as `tests.e2e-api.`).
const DOTTED_MODULE_PATH = /^[A-Za-z_][\w-]*(?:\.[\w-]+)*$/;
/** Stack frames of JVM languages: a dotted classname that is not a Python module. */
const OTHER_SOURCE_LINE = /\.(?:c|cc|cpp|cxx|h|hpp|go|rs|rb|php|cs|swift|m|mm|js|mjs|cjs|ts|tsx|jsx)(?::|\(|, line )\d+/;
const JVM_FRAME = /\bat [\w$.<>]+\([\w$]+\.(?:java|kt|scala|groovy):\d+\)/;
function keep(t) {
    if (t.outcome === "failed" || t.outcome === "errored")
        return true;
    return t.outcome === "passed" && (t.priorAttempts?.length ?? 0) > 0;
}
/**
 * Whether a JUnit test came from pytest: a dotted module path as classname, and Python evidence
 * (a .py file attribute or traceback, python-style test module names, or the module existing).
 */
function pytestJUnit(t, ids, project) {
    // A module pytest could not import or collect: no classname, the module's dotted path as the
    // name, message "collection failure". Its id is the file, as the console says it ("ERROR
    // collecting tests/test_api.py"), so the two join and the rerun collects that file.
    if (t.classname === "" && t.message === "collection failure" && DOTTED_MODULE_PATH.test(t.name)) {
        const found = ids.of(t.name, "x", t.file).file;
        // A directory's conftest.py that fails to import is named by the directory (`tests.sub`).
        const dir = t.name.replace(/\./g, "/");
        if (found === undefined && project.isDir?.(dir) === true)
            return { id: dir, runner: "pytest" };
        const file = found ?? `${dir}.py`;
        return { id: file, file };
    }
    // A text file's doctest (--doctest-glob): the file's path with its separators written as dots,
    // and the file's name (`docs.usage.md`, `usage.md`; `test_notes.txt` twice at the root).
    if ((t.classname === t.name || t.classname.endsWith("." + t.name)) && doctestKind(`${t.name}::${t.name}`) === "text") {
        const file = fileInDottedDirectory(t.classname.slice(0, t.classname.length - t.name.length).split(".").slice(0, -1), t.name, project);
        if (file !== undefined)
            return { id: `${file}::${t.name}`, file, runner: "pytest" };
    }
    if (!DOTTED_MODULE_PATH.test(t.classname))
        return null;
    const details = t.details ?? "";
    if (JVM_FRAME.test(details) || (t.file !== undefined && !/\.py$/.test(t.file)))
        return null;
    // A failure that points into another language's source and never at a .py file is not
    // pytest's, whatever its classname looks like (C++ test binaries are often named x_test).
    if (OTHER_SOURCE_LINE.test(details) && !/\.py\b/.test(details))
        return null;
    const mapped = ids.of(t.classname, t.name, t.file);
    const python = t.file !== undefined ||
        /\.py\b/.test(details) ||
        t.classname.split(".").some((p) => /^test_|_test$/.test(p)) ||
        mapped.file !== undefined;
    return python ? mapped : null;
}
/** `a/b/../c.py` -> `a/c.py`, Windows separators to `/`; no file system access. */
function join_cleanPath(p) {
    let c = cleanCache.get(p);
    if (c === undefined) {
        // Bounded: a report naming millions of distinct paths must not grow this without end.
        if (cleanCache.size >= CLEAN_CACHE_MAX)
            cleanCache.clear();
        c = cleanUncached(p);
        cleanCache.set(p, c);
    }
    return c;
}
/** Cleaned paths, memoised: 50,000 failures name the same few hundred files again and again. */
const cleanCache = new Map();
const CLEAN_CACHE_MAX = 10_000;
function cleanUncached(p) {
    return external_node_path_namespaceObject.posix.normalize(p.replace(/\\/g, "/")).replace(/^\.\//, "");
}
/**
 * The project-relative file for a path as printed: itself if it exists, else the longest
 * suffix that exists (`/work/mxnet/tests/python/unittest/x.py` -> `tests/python/unittest/x.py`).
 */
function resolveInProject(printed, project) {
    if (project instanceof MemoView)
        return project.resolve(printed);
    return resolveUncached(printed, project);
}
function resolveUncached(printed, project) {
    const clean = join_cleanPath(printed);
    const parts = clean.replace(/^[A-Za-z]:\//, "/").split("/").filter((s) => s.length > 0 && s !== "..");
    for (let k = 0; k < parts.length; k++) {
        const rel = parts.slice(k).join("/");
        if (project.exists(rel))
            return rel;
    }
    return undefined;
}
/**
 * A view that asks the project once per path, and resolves each printed path once: a report
 * with 50,000 failures names the same few hundred files over and over (as the file attribute,
 * the node id's file and the traceback), and every suffix of each is a lookup.
 */
class MemoView {
    project;
    known = new Map();
    resolved = new Map();
    dirs = new Map();
    constructor(project) {
        this.project = project;
    }
    isDir(relPath) {
        let v = this.dirs.get(relPath);
        if (v === undefined) {
            v = this.project.isDir?.(relPath) ?? false;
            this.dirs.set(relPath, v);
        }
        return v;
    }
    exists(relPath) {
        let v = this.known.get(relPath);
        if (v === undefined) {
            v = this.project.exists(relPath);
            this.known.set(relPath, v);
        }
        return v;
    }
    resolve(printed) {
        // One lookup, not has() then get(): null stands for "resolves to nothing".
        const known = this.resolved.get(printed);
        if (known !== undefined)
            return known ?? undefined;
        const rel = resolveUncached(printed, this);
        this.resolved.set(printed, rel ?? null);
        return rel;
    }
}
function isRelative(p) {
    const c = join_cleanPath(p);
    return !c.startsWith("/") && !c.startsWith("../") && !/^[A-Za-z]:\//.test(c);
}
/** Console ids that are pytest headlines (`TestC.test_y[p]`) because no node id was printed. */
function headlineOnly(e) {
    // A file (`ERROR collecting tests/test_api.py`) is an id, not a headline.
    return e.kind === "pytest-log" && !e.id.includes("::") && !e.id.endsWith(".py");
}
function aliases(e) {
    const a = [e.id];
    if (e.test.classname !== "")
        a.push(`${e.test.classname}.${e.test.name}`);
    return a;
}
/** Which evidence's id names the merged test: the runner's own console format first. */
function idRank(e) {
    if (e.kind === "unittest-log")
        return 0;
    if (e.kind === "pytest-log" && e.id.includes("::"))
        return 1;
    if (e.kind === "junit")
        return 2;
    return 3;
}
function mergeGroup(group, project) {
    const primary = group.find((e) => e.kind === "junit") ?? group[0];
    if (primary === undefined)
        throw new Error("empty group");
    // The first evidence of the lowest rank (what a stable sort would put first).
    let named = group[0] ?? primary;
    for (const e of group)
        if (idRank(e) < idRank(named))
            named = e;
    // Primary first, then the rest in group order (visiting primary twice changes no answer below).
    const all = group.length === 1 && group[0] === primary ? group : [primary, ...group.filter((e) => e !== primary)];
    const p = primary.test;
    const out = {
        id: named.id,
        classname: p.classname,
        name: p.name,
        outcome: p.outcome,
        sources: [],
        index: p.index,
    };
    // A message that says what failed, from whichever source has one (gotestsum writes "Failed").
    const message = first(all, informativeMessageOf) ?? first(all, join_messageOf);
    if (message !== undefined)
        out.message = message;
    const details = first(all, detailsOf);
    if (details !== undefined)
        out.details = details;
    const duration = first(all, durationOf);
    if (duration !== undefined)
        out.durationSec = duration;
    const runner = group.find((e) => e.runner !== undefined)?.runner;
    if (runner !== undefined)
        out.runner = runner;
    const prior = first(all, priorOf);
    if (prior !== undefined)
        out.priorAttempts = prior;
    const context = first(all, contextOf);
    if (context !== undefined)
        out.reportContext = context;
    // Every captured output counts (JUnit system-out and the console's captured log are
    // different texts); the same text seen twice is kept once.
    const outputs = [];
    for (const e of all) {
        const o = e.test.output;
        if (o === undefined || o.length === 0 || outputs.some((x) => x.includes(o)))
            continue;
        const covered = outputs.findIndex((x) => o.includes(x));
        if (covered >= 0)
            outputs.splice(covered, 1);
        outputs.push(o);
    }
    if (outputs.length > 0)
        out.output = outputs.join("\n");
    // Line maps hold only where the kept text is one console input's text, unchanged.
    const mapped = all.find((e) => e.test.logLines !== undefined && (out.details === e.test.details || out.output === e.test.output));
    const map = mapped?.test.logLines;
    if (mapped !== undefined && map !== undefined) {
        const lines = { file: map.file };
        if (map.details !== undefined && out.details === mapped.test.details)
            lines.details = map.details;
        if (map.output !== undefined && out.output === mapped.test.output)
            lines.output = map.output;
        if (lines.details !== undefined || lines.output !== undefined)
            out.logLines = lines;
    }
    // File: a path that exists in the project wins; else a relative path as given (the node id's).
    const candidates = [];
    for (const e of all) {
        if (e.mappedFile !== undefined)
            candidates.push({ path: e.mappedFile });
        if (e.test.file !== undefined) {
            candidates.push(e.test.line === undefined ? { path: e.test.file } : { path: e.test.file, line: e.test.line });
        }
        candidates.push(...(e.dialectPlaces ?? []));
        if (e.idHead !== undefined)
            candidates.push({ path: e.idHead });
        else if (e.id.includes("::"))
            candidates.push({ path: e.id.slice(0, e.id.indexOf("::")) });
    }
    const rels = candidates.map((c) => resolveInProject(c.path, project));
    let file = rels.find((rel) => rel !== undefined);
    for (let i = 0; file === undefined && i < candidates.length; i++) {
        const c = candidates[i];
        if (c.guess === true)
            continue;
        const clean = join_cleanPath(c.path);
        if (isRelative(clean) && /\.\w+$/.test(clean))
            file = clean;
    }
    if (file !== undefined) {
        out.file = file;
        const sameFile = candidates.find((c, i) => c.line !== undefined && (rels[i] === file || join_cleanPath(c.path) === file));
        let line = sameFile?.line;
        for (let i = 0; line === undefined && i < group.length; i++)
            line = failingLine(group[i].test.details ?? "", file);
        if (line !== undefined)
            out.line = line;
    }
    // A unittest/nose id has no file in it: the rerun driver needs the pytest node id of the
    // same test (pytest collects unittest classes and nose-style functions alike).
    if (named.kind === "unittest-log" && !named.id.includes("::")) {
        const node = unittestNodeId(named.test, project);
        if (node !== null) {
            out.id = node.id;
            if (out.file === undefined)
                out.file = node.file;
        }
    }
    // The common case, one evidence with one source, has nothing to deduplicate. Built by map,
    // not push: an array grown from empty by push keeps room for 17 elements, and there is one
    // per failing test (4.8 MB of the 500 MB bench report's 31,000).
    const only = group.length === 1 ? group[0].test.sources : undefined;
    if (only !== undefined && only.length <= 1) {
        out.sources = only.map((s) => ({ ...s }));
        return out;
    }
    const seen = new Set();
    const sources = [];
    for (const e of group) {
        for (const s of e.test.sources) {
            const key = `${s.file}\u0000${s.line ?? ""}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            sources.push({ ...s });
        }
    }
    out.sources = sources.slice();
    return out;
}
/**
 * The first of the group's values of one field (primary first). One getter per field, not
 * `test[key]`: a load by a key that changes from call to call is a slow generic lookup, and this
 * runs for every failing test.
 */
function first(all, get) {
    for (const e of all) {
        const v = get(e.test);
        if (v !== undefined)
            return v;
    }
    return undefined;
}
const join_messageOf = (t) => t.message;
const informativeMessageOf = (t) => (t.message !== undefined && !isUninformativeMessage(t.message) ? t.message : undefined);
const detailsOf = (t) => t.details;
const durationOf = (t) => t.durationSec;
const contextOf = (t) => t.reportContext;
const priorOf = (t) => (t.priorAttempts !== undefined && t.priorAttempts.length > 0 ? t.priorAttempts : undefined);
const TRACEBACK_FRAME = /^\s*File "([^"]+)", line \d+, in (\S+)/gm;
/**
 * The pytest node id of a unittest/nose test, when its module is a file in the project.
 *
 * The module is looked for at the project root and next to every file the traceback names,
 * in the directories as printed (before `..` is folded): MXNet's `test_operator_gpu` imports
 * its tests from `../unittest/test_operator.py`, so the failing test's own frame is in
 * `tests/python/gpu/../unittest/`, and the module that ran it, `test_operator_gpu.py`, sits in
 * `tests/python/gpu/`. Rerunning the defining file instead would run another module (a CPU
 * context instead of a GPU one), so when the module itself is not found there is no node id.
 */
function unittestNodeId(test, project) {
    // Generator tests (`mod.test_gen(1, 2)`) and class fixtures have no node id of their own.
    if (!/^[A-Za-z_]\w*$/.test(test.name) || test.classname === "")
        return null;
    const parts = test.classname.split(".");
    if (!parts.every((p) => /^[A-Za-z_]\w*$/.test(p)))
        return null;
    const printed = [];
    if (test.file !== undefined)
        printed.push(test.file);
    for (const m of (test.details ?? "").matchAll(TRACEBACK_FRAME))
        printed.push(m[1] ?? "");
    const dirs = [""];
    for (const p of printed) {
        const segs = p.replace(/\\/g, "/").split("/");
        // Every directory on the path, deepest first, as a prefix the suffix match may resolve.
        for (let j = segs.length - 1; j >= 1; j--) {
            const d = segs.slice(0, j).join("/");
            if (d.length > 0 && !dirs.includes(d))
                dirs.push(d);
        }
    }
    for (let k = parts.length; k >= 1; k--) {
        const rel = `${parts.slice(0, k).join("/")}.py`;
        for (const d of dirs) {
            const file = d === "" ? (project.exists(rel) ? rel : undefined) : resolveInProject(`${d}/${rel}`, project);
            if (file === undefined)
                continue;
            return { id: [file, ...parts.slice(k), test.name].join("::"), file };
        }
    }
    return null;
}
/**
 * JS runners' ids start with the test file, which jest-junit takes from a stack frame: an
 * absolute path on the CI machine. The project-relative path keeps ids the same on every
 * machine (history, reruns in another checkout), as the runner's own `file > ...` ids are.
 */
function projectRelativeId(id, project) {
    const cut = id.indexOf(" > ");
    if (cut <= 0 || !/^(?:\/|[A-Za-z]:[\\/])/.test(id))
        return id;
    const rel = resolveInProject(id.slice(0, cut), project);
    return rel === undefined ? id : rel + id.slice(cut);
}
/**
 * pytest run from a subdirectory (`cd tests && pytest gpu`) prints node ids relative to where it
 * ran (`gpu/test_x.py::test_a`) and writes JUnit classnames relative to its rootdir
 * (`tests.gpu.test_x`, read as `tests/gpu/test_x.py::test_a`). A console id whose file is not in
 * the project takes the one JUnit id that ends with it at a directory boundary, so the two join:
 * the seed and captured output the console holds land on the test that is rerun, by its
 * rootdir id. Ids that are in the project, or that end none or several JUnit ids, stay.
 */
function rebaseConsoleIds(evidence, project) {
    let bySuffix;
    for (const e of evidence) {
        if (e.kind !== "pytest-log" || headlineOnly(e))
            continue;
        const file = nodeIdFile(e.id);
        if (project.exists(file))
            continue;
        bySuffix ??= junitIdSuffixes(evidence);
        // Windows prints the path relative to the subdirectory with backslashes (gpu\test_x.py).
        const found = bySuffix.get(file.replace(/\\/g, "/") + e.id.slice(file.length));
        // A JUnit id equal to it is its own test (a project view that has no files says nothing).
        if (found?.length === 1 && found[0] !== e.id)
            e.id = found[0];
    }
}
/** The index of the next `/` in `file` from `from` on, or its length when there is none. */
function nextSlash(file, from) {
    const i = file.indexOf("/", from);
    return i < 0 ? file.length : i;
}
/** Each JUnit pytest id under itself and every tail of its file's path (`gpu/x.py::t`, `x.py::t`). */
function junitIdSuffixes(evidence) {
    const map = new Map();
    for (const e of evidence) {
        if (e.kind !== "junit")
            continue;
        const file = nodeIdFile(e.id);
        if (!file.endsWith(".py"))
            continue;
        // Each `/` of the file, and one before its start: the whole id.
        for (let i = -1; i < file.length; i = nextSlash(file, i + 1)) {
            const key = e.id.slice(i + 1);
            const list = map.get(key);
            if (list === undefined)
                map.set(key, [e.id]);
            else if (!list.includes(e.id))
                list.push(e.id);
        }
    }
    return map;
}
function firstOrder(group) {
    let order = Infinity;
    for (const e of group)
        if (e.order < order)
            order = e.order;
    return order;
}
/**
 * The runner dialect of an input's tests (`kept`: those the join keeps), or null (pytest's, or
 * none known). go's own output reads as its JUnit converters do: same ids, file:line places, go
 * driver.
 */
function inputDialect(input, kept = input.tests.filter(keep)) {
    if (input.kind === "junit")
        return detectDialect({ path: input.path, tests: kept, ...(input.head !== undefined ? { head: input.head } : {}) });
    if (input.kind === "gtest-log")
        return dialectNamed("googletest") ?? null;
    return input.kind === "go-test-json" || input.kind === "go-test-log" ? (dialectNamed("gotestsum") ?? null) : null;
}
/**
 * Merges the failing tests of all inputs (and passing ones with failed prior attempts) into one
 * list keyed by runner-native id (pytest node id where the run was pytest's), in run order.
 */
function joinInputs(inputs, view) {
    const project = view instanceof MemoView ? view : new MemoView(view);
    const ids = new PytestIds(project);
    const evidence = [];
    let order = 0;
    for (const input of inputs) {
        const kept = input.tests.filter(keep);
        const dialect = inputDialect(input, kept);
        const reportContext = input.kind === "junit" ? reportSeedContext(input.head) : undefined;
        for (const test of kept) {
            if (reportContext !== undefined && test.reportContext === undefined)
                test.reportContext = reportContext;
            // gotestsum names a package's failure outside any test (a TestMain that exits) with no
            // classname: its package is the suite's name, which the reader put in the id.
            if (dialect?.runner === "go" && test.classname === "" && test.id.endsWith(`::${test.name}`)) {
                test.classname = test.id.slice(0, test.id.length - test.name.length - 2);
            }
            const e = { test, kind: input.kind, id: test.id, order: order++ };
            // A go log that never named the package leaves bare test names: nothing to map them with.
            if (input.kind === "junit" || (dialect !== null && test.classname !== "")) {
                // A runner of its own that names tests like dotted modules (CTest: `Suite.Test`) is not pytest.
                const mapped = input.kind === "junit" && dialect?.name !== "ctest" ? pytestJUnit(test, ids, project) : null;
                if (mapped !== null) {
                    e.id = mapped.id;
                    if (mapped.runner !== undefined)
                        e.runner = mapped.runner;
                    if (mapped.file !== undefined)
                        e.mappedFile = mapped.file;
                    if (mapped.head !== undefined)
                        e.idHead = mapped.head;
                }
                else if (dialect !== null) {
                    // The runner's own id and failure places (surefire, jest, vitest, go, ...).
                    const view = viewOf(dialect, test);
                    e.id = projectRelativeId(view.id, project);
                    e.dialectPlaces = view.places;
                    if (view.runner !== null)
                        e.runner = view.runner;
                    if (view.message !== undefined && (test.message === undefined || isUninformativeMessage(test.message)))
                        test.message = view.message;
                }
            }
            evidence.push(e);
        }
    }
    rebaseConsoleIds(evidence, project);
    const groups = [];
    const byAlias = new Map();
    const byHeadline = new Map();
    const loose = evidence.filter(headlineOnly);
    // Headlines are only looked up for console sections known by a headline alone; without any,
    // a map of 50,000 headlines would be built for nothing.
    const needHeadlines = loose.length > 0;
    const place = (e, group, names = aliases(e)) => {
        const g = group ?? [];
        if (group === undefined)
            groups.push(g);
        g.push(e);
        for (const a of names)
            if (!byAlias.has(a))
                byAlias.set(a, g);
        if (needHeadlines && e.id.includes("::")) {
            const h = headlineOf(e.id);
            const list = byHeadline.get(h) ?? [];
            if (!list.includes(g))
                list.push(g);
            byHeadline.set(h, list);
        }
    };
    for (const e of evidence) {
        if (headlineOnly(e))
            continue;
        // One alias list per evidence: each is a new string, hashed anew by every map it meets.
        const names = aliases(e);
        let group;
        for (let i = 0; group === undefined && i < names.length; i++)
            group = byAlias.get(names[i]);
        place(e, group, names);
    }
    // A console section known only by its headline joins the one test with that headline (and
    // the same file, when the console printed one); if several match, it stays on its own.
    for (const e of loose) {
        const matches = (byHeadline.get(e.id) ?? []).filter((g) => {
            const f = e.test.file;
            if (f === undefined)
                return true;
            return g.some((x) => x.id.includes("::") && join_cleanPath(f).endsWith(join_cleanPath(x.id.slice(0, x.id.indexOf("::")))));
        });
        place(e, matches.length === 1 ? matches[0] : undefined);
    }
    const joined = groups
        .map((g) => ({ test: mergeGroup(g, project), order: firstOrder(g) }))
        .sort((a, b) => a.test.index - b.test.index || a.order - b.order)
        .map((x) => x.test);
    addClashes(joined, project);
    return joined;
}
/**
 * Each pytest test file that failed to collect with "import file mismatch" gets the files it
 * clashed with (see withClashes), and also the test files of its name that failed the same way
 * before it in the run: after a partial fix (an __init__.py for the file the error names), it
 * still clashes with those.
 */
function addClashes(tests, project) {
    const seen = new Map();
    for (const t of tests) {
        if (withClashes(t, project) === null)
            continue;
        const base = external_node_path_namespaceObject.posix.basename(t.id);
        const earlier = seen.get(base) ?? [];
        const all = [...(t.clashesWith ?? []), ...earlier.filter((e) => !(t.clashesWith ?? []).includes(e))];
        if (all.length > 0)
            t.clashesWith = all;
        seen.set(base, [...earlier, t.id]);
    }
}
/**
 * A pytest test file that failed to collect with "import file mismatch": another file of the same
 * name was imported first under the module name both get (`test_utils`, with no `__init__.py` to
 * tell them apart). Collected alone, it collects; `clashesWith` names the other file in the
 * project, which its rerun and reproduce command collect first, as the CI run did. Null for any
 * other test.
 */
function withClashes(test, project) {
    if (!failedWithImportMismatch(test) || !test.id.endsWith(".py"))
        return null;
    // Both paths must be the project's: a test file named from elsewhere (pytest run in a
    // subdirectory, no --cwd) would be collected beside a path of another frame.
    if (!project.exists(test.id))
        return null;
    const imported = IMPORTED_FILE.exec(test.details ?? "")?.[1];
    const rel = imported === undefined ? undefined : resolveInProject(imported.trim(), project);
    if (rel !== undefined && rel !== test.id)
        test.clashesWith = [rel];
    return test;
}
/** pytest's words for the file imported first: `has this __file__ attribute:` and its path on the next line. */
const IMPORTED_FILE = /import file mismatch:\s*\nimported module '[^'\n]{1,200}' has this __file__ attribute:\s*\n([^\n]{1,4096})/;

;// CONCATENATED MODULE: ./src/diagnose/needle-set.ts
/**
 * Which of many fixed strings a text contains, in one pass over it.
 *
 * Cause hints rule out their regexes with ~45 literal checks per failure text. `includes` jumps
 * between occurrences of a needle's first character, so needles that start with a common letter
 * ("crashed", "nan", "inf", "core dumped") walk the text nearly character by character, each on
 * its own: on the 100 MB bench report (6,288 failures, 17 M characters) the checks took ~190 ms.
 * An Aho-Corasick automaton reads each character once for all needles together (~75 ms there).
 * (Seed recognisers have fewer needles, mostly led by rare characters: `Literal` suits them better.)
 *
 * Needles are ASCII. The automaton reads the text with ASCII letters folded to lower case;
 * a case-sensitive needle is then confirmed where it ends with `startsWith`, so answers are
 * exactly those of `includes` (case-insensitive needles: of `includes` on the text with ASCII
 * letters lower-cased).
 */
/** Characters that are no needle's: any of them sends the automaton back to its start. */
const OTHER = 0;
const needle_set_NONE = Object.freeze([]);
class NeedleSet {
    needles;
    /** Class of each ASCII character (letters folded); everything else is OTHER. */
    classOf = new Uint8Array(128);
    classes;
    /** delta[state + class] is the next state, pre-multiplied by `classes`. */
    delta;
    /**
     * States are numbered so that those where some needle ends come last: the scan's only test
     * per character is one comparison with this (pre-multiplied) first one.
     */
    endingFrom;
    /** Needle indices ending at each state (its own and its suffixes'). */
    ends;
    constructor(needles) {
        this.needles = needles;
        const folded = needles.map((n) => {
            if (n.text.length === 0 || !/^[\x00-\x7f]*$/.test(n.text))
                throw new Error(`needle must be non-empty ASCII: ${JSON.stringify(n.text)}`);
            return n.text.toLowerCase();
        });
        let k = 1;
        for (const f of folded) {
            for (let i = 0; i < f.length; i++) {
                const c = f.charCodeAt(i);
                if (this.classOf[c] === OTHER)
                    this.classOf[c] = k++;
            }
        }
        for (let c = 65; c <= 90; c++)
            this.classOf[c] = this.classOf[c + 32];
        this.classes = k;
        // The trie, then failure links breadth first (the textbook construction, as a full DFA).
        const goto = [new Array(k).fill(-1)];
        const ends = [[]];
        folded.forEach((f, index) => {
            let s = 0;
            for (let i = 0; i < f.length; i++) {
                const c = this.classOf[f.charCodeAt(i)];
                if (goto[s][c] === -1) {
                    goto[s][c] = goto.length;
                    goto.push(new Array(k).fill(-1));
                    ends.push([]);
                }
                s = goto[s][c];
            }
            ends[s].push(index);
        });
        const fail = new Array(goto.length).fill(0);
        const queue = [];
        for (let c = 0; c < k; c++) {
            const t = goto[0][c];
            if (t === -1)
                goto[0][c] = 0;
            else
                queue.push(t);
        }
        for (let q = 0; q < queue.length; q++) {
            const s = queue[q];
            ends[s].push(...ends[fail[s]]);
            for (let c = 0; c < k; c++) {
                const t = goto[s][c];
                if (t === -1) {
                    goto[s][c] = goto[fail[s]][c];
                }
                else {
                    fail[t] = goto[fail[s]][c];
                    queue.push(t);
                }
            }
        }
        const order = [...goto.keys()].sort((a, b) => Number(ends[a].length > 0) - Number(ends[b].length > 0) || a - b);
        const renumbered = new Array(goto.length);
        order.forEach((old, s) => (renumbered[old] = s));
        this.delta = new Int32Array(goto.length * k);
        order.forEach((old, s) => goto[old].forEach((t, c) => (this.delta[s * k + c] = renumbered[t] * k)));
        this.endingFrom = order.findIndex((old) => ends[old].length > 0) * k;
        if (this.endingFrom < 0)
            this.endingFrom = goto.length * k;
        this.ends = order.map((old) => ends[old]);
    }
    /**
     * The indices of the needles `text.slice(0, end)` contains, in the order their first
     * occurrences end. Most texts contain none: the answer is then a shared empty array, and a
     * scan allocates nothing.
     */
    scan(text, end = text.length) {
        const { classOf, delta, endingFrom } = this;
        const stop = Math.min(end, text.length);
        let found;
        let s = 0;
        for (let i = 0; i < stop; i++) {
            const c = text.charCodeAt(i);
            s = delta[s + (c < 128 ? classOf[c] : OTHER)];
            if (s >= endingFrom)
                found = this.confirm(text, i + 1, s / this.classes, found);
        }
        return found ?? needle_set_NONE;
    }
    /** Needles ending at `endAt` in this state, added to `found` when new and (case) confirmed. */
    confirm(text, endAt, state, found) {
        for (const index of this.ends[state]) {
            if (found?.includes(index))
                continue;
            const n = this.needles[index];
            if (n.ignoreCase === true || text.startsWith(n.text, endAt - n.text.length))
                (found ??= []).push(index);
        }
        return found;
    }
}

;// CONCATENATED MODULE: ./src/diagnose/cause-hints.ts


/** Hints are looked for in at most this much text (readers cap failure text already). */
const MAX_HINT_TEXT = 256 * 1024;
const MAX_EVIDENCE_CHARS = 120;
/**
 * Patterns per kind, most specific first. Case-sensitive where the framework prints a fixed
 * spelling, so a test *named* test_timeout_retry does not look like a timeout.
 */
const HINT_PATTERNS = [
    // pytest-timeout ("Failed: Timeout >5.0s"; since 2.2 "Failed: Timeout (>5.0s) from
    // pytest-timeout."; "+++++ Timeout +++++"), asyncio, subprocess, sockets.
    { kind: "timeout", pattern: /Failed: Timeout \(?>[^\n]*/, needles: ["Failed: Timeout >", "Failed: Timeout (>"] },
    { kind: "timeout", pattern: /\+{3,} Timeout \+{3,}/, needles: ["+++ Timeout +++"] },
    { kind: "timeout", pattern: /\b(?:TimeoutError|TimeoutExpired|ReadTimeout|ConnectTimeout)\b[^\n]*/, needles: ["Timeout"] },
    { kind: "timeout", pattern: /\bsocket\.timeout\b[^\n]*/, needles: ["socket.timeout"] },
    { kind: "timeout", pattern: /\btimed out\b[^\n]*/i, lower: true, needles: ["timed out"] },
    // jest (circus): `thrown: "Exceeded timeout of 5000 ms for a test.` (or "for a hook.").
    { kind: "timeout", pattern: /Exceeded timeout of \d+ ?ms for a (?:test|hook)\b[^\n]*/, needles: ["Exceeded timeout of"] },
    { kind: "timeout", pattern: /(?<![\w.])Timeout\b(?!\w)[^\n]*/, needles: ["Timeout"] },
    // An import that fails: the machine's fault (a package not installed) unless every module
    // named is the project's own (a name moved or removed, a circular import): see importProblem.
    { kind: "environment", find: (text, ctx) => importProblem(text, ctx, "environment"), needles: ["ModuleNotFoundError", "ImportError"] },
    { kind: "own-import", find: (text, ctx) => importProblem(text, ctx, "own-import"), needles: ["ModuleNotFoundError", "ImportError"] },
    { kind: "environment", pattern: /\bFileNotFoundError\b[^\n]*/, needles: ["FileNotFoundError"] },
    { kind: "environment", pattern: /\bPermissionError\b[^\n]*/, needles: ["PermissionError"] },
    { kind: "environment", pattern: /\bConnectionRefusedError\b[^\n]*/, needles: ["ConnectionRefusedError"] },
    { kind: "environment", pattern: /fixture '[^'\n]{1,200}' not found/, needles: ["fixture '"] },
    { kind: "environment", pattern: /OSError: \[Errno 28\][^\n]*/, needles: ["OSError: [Errno 28]"] },
    { kind: "environment", pattern: /No space left on device/, needles: ["No space left on device"] },
    // Node's system errors (jest, vitest): `Error: ENOENT: no such file or directory, open 'x'`,
    // `connect ECONNREFUSED 127.0.0.1:5432`, and a package that is not installed (a relative
    // module is the project's own file).
    // Only in the forms Node writes them: a test that expects an error may name the code itself
    // (`toThrow(/ENOENT/)`), and then fails for the code's sake.
    {
        kind: "environment",
        pattern: /\b(?:(?:ENOENT: no such file or directory|EACCES: permission denied|ENOSPC: no space left on device|EPERM: operation not permitted), \w+ '|(?:connect ECONNREFUSED|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|listen EADDRINUSE(?:: address already in use)?) )[^\n]*/,
        needles: ["ENOENT: no such file", "EACCES: permission denied", "ENOSPC: no space", "EPERM: operation not permitted", "connect ECONNREFUSED", "getaddrinfo ENOTFOUND", "getaddrinfo EAI_AGAIN", "listen EADDRINUSE"],
    },
    { kind: "environment", pattern: /Cannot find module '(?![./])[^'\n]{1,200}'[^\n]*/, needles: ["Cannot find module '"] },
    // Go's: `dial tcp 127.0.0.1:1: connect: connection refused`, `open testdata/x.json: no such
    // file or directory` (an operation on a path: not any "permission denied" a test asserts on).
    { kind: "environment", pattern: /\bconnect: connection refused\b[^\n]*/, needles: ["connect: connection refused"] },
    {
        kind: "environment",
        pattern: /\b(?:open|stat|lstat|mkdir|remove|rename|chmod|readdir|create) \S+: (?:no such file or directory|permission denied|no space left on device)\b[^\n]*/,
        needles: ["no such file or directory", "permission denied", "no space left on device"],
    },
    // An environment variable the test reads is not set: code, not a regex (see envKeyError).
    { kind: "environment", find: envKeyError, needles: ["<frozen os>", "os.py:", "os.environ["] },
    // Interpreter/native crashes: faulthandler, the shell's report, pytest-xdist's worker loss.
    { kind: "crash", pattern: /Fatal Python error[^\n]*/, needles: ["Fatal Python error"] },
    { kind: "crash", pattern: /Segmentation fault[^\n]*/, needles: ["Segmentation fault"] },
    { kind: "crash", pattern: /\(core dumped\)|\bcore dumped\b/, needles: ["core dumped"] },
    { kind: "crash", pattern: /\bAborted\b(?! by user)[^\n]*/, needles: ["Aborted"] },
    { kind: "crash", pattern: /\bSIG(?:SEGV|ABRT|BUS|ILL|FPE)\b[^\n]*/, needles: ["SIGSEGV", "SIGABRT", "SIGBUS", "SIGILL", "SIGFPE"] },
    { kind: "crash", pattern: /worker '?\w+'? crashed[^\n]*|node down: Not properly terminated/, needles: ["crashed", "node down: Not properly terminated"] },
    // C and C++: glibc's assert() before it aborts; CTest's word for a test process that died.
    { kind: "crash", pattern: /Assertion `[^\n]{0,500}' failed\./, needles: ["Assertion `"] },
    { kind: "crash", pattern: /\*\*\*Exception: [^\n]*|Subprocess aborted\*\*\*Exception:/, needles: ["***Exception:"] },
    // Non-finite values where finite ones were expected.
    { kind: "non-finite", pattern: /Error nan exceeds tolerance/, needles: ["Error nan exceeds tolerance"] },
    { kind: "non-finite", pattern: /\b(?:x and y )?[-+]?(?:nan|inf) location mismatch/, needles: ["location mismatch"] },
    { kind: "non-finite", pattern: /RuntimeWarning: invalid value encountered[^\n]*/, needles: ["RuntimeWarning: invalid value encountered"] },
    { kind: "non-finite", pattern: /RuntimeWarning: divide by zero encountered[^\n]*/, needles: ["RuntimeWarning: divide by zero encountered"] },
    {
        kind: "non-finite",
        pattern: /\b(?:Obtained|ACTUAL|actual|got|a|x)\s*[:=]\s*(?:array\(\[?\s*)?[-+]?(?:nan|inf)\b[^\n]*/,
        needles: ["nan", "inf"],
    },
    {
        kind: "non-finite",
        pattern: /\bassert [-+]?(?:nan|inf) (?:==|<|>|<=|>=|!=)[^\n]*/,
        // Not "assert ": nearly every pytest failure has one, and the regex would scan them all.
        needles: ["assert nan", "assert inf", "assert -nan", "assert -inf", "assert +nan", "assert +inf"],
    },
    { kind: "non-finite", pattern: /Greatest (?:absolute|relative) difference: nan[^\n]*/, needles: ["difference: nan"] },
    // Threads, processes or tasks in the failing code, or a race detector's report: what makes a
    // race more than a guess when no seed pins the test's inputs.
    {
        kind: "concurrency",
        pattern: /(?:threading\.|Thread\(|ThreadPoolExecutor|concurrent\.futures|multiprocessing|asyncio\.(?:gather|create_task)|Lock\(\)|goroutine|t\.Parallel\(\)|Promise\.all|DATA RACE|race condition|deadlock|sync\.(?:WaitGroup|Mutex)|worker_threads|[Ww]orker|[Pp]arallel)[^\n]*/,
        needles: ["threading.", "Thread(", "ThreadPoolExecutor", "concurrent.futures", "multiprocessing", "asyncio.gather", "asyncio.create_task", "Lock()", "goroutine", "t.Parallel()", "Promise.all", "DATA RACE", "race condition", "deadlock", "sync.WaitGroup", "sync.Mutex", "worker_threads", "worker", "Worker", "parallel", "Parallel"],
    },
    { kind: "overflow", pattern: /RuntimeWarning: overflow encountered[^\n]*/, needles: ["RuntimeWarning: overflow encountered"] },
    { kind: "overflow", pattern: /\bOverflowError\b[^\n]*/, needles: ["OverflowError"] },
    { kind: "overflow", pattern: /\b(?:integer|int) overflow\b[^\n]*/i, lower: true, needles: ["int overflow", "integer overflow"] },
    // Integer wraparound shows up as the extremes of 32/64-bit types in the compared values.
    {
        kind: "overflow",
        pattern: /(?<![\d.])(?:-2147483648|2147483647|4294967295|-9223372036854775808|9223372036854775807|18446744073709551615)(?![\d.])/,
        needles: ["2147483647", "2147483648", "4294967295", "9223372036854775807", "9223372036854775808", "18446744073709551615"],
    },
];
const IMPORT_LINE = /\b(?:ModuleNotFoundError|ImportError)\b[^\n]*/g;
/** Module names an import error line gives: `No module named 'a.b'`, `from 'a'`, `module 'a.b'`. */
const IMPORTED_NAME = /(?:No module named|from|module) '([A-Za-z_][\w.]{0,200})'/g;
const MAX_IMPORT_LINES = 50;
/**
 * The evidence of an import error, as `kind` sees it: "own-import" when every module the import
 * error lines name is the project's own (ctx.ownModule), "environment" when one of them is not,
 * or when none names a module at all (pytest's "ImportError while importing test module ...").
 */
function importProblem(text, ctx, kind) {
    const { foreign, own, unnamed } = importLines(text, ctx);
    if (kind === "own-import")
        return foreign === null ? own : null;
    return foreign ?? (own === null ? unnamed : null);
}
/** The last text's import error lines: its two hint kinds ask one after the other. */
let lastImportLines = null;
function importLines(text, ctx) {
    if (lastImportLines !== null && lastImportLines.text === text && lastImportLines.ctx === ctx)
        return lastImportLines;
    const out = { text, ctx, foreign: null, own: null, unnamed: null };
    let lines = 0;
    IMPORT_LINE.lastIndex = 0;
    for (let m = IMPORT_LINE.exec(text); m !== null && lines < MAX_IMPORT_LINES; m = IMPORT_LINE.exec(text), lines++) {
        const line = m[0];
        const names = [...line.matchAll(IMPORTED_NAME)].map((n) => n[1].split(".")[0]);
        if (names.length === 0)
            out.unnamed ??= line;
        else if (ctx.ownModule !== undefined && names.every((n) => ctx.ownModule(n)))
            out.own ??= line;
        else
            out.foreign ??= line;
    }
    lastImportLines = out;
    return out;
}
/** How far (characters) the KeyError line may stand from what ties it to os.environ. */
const ENV_KEY_ERROR_REACH = 2000;
const OS_FRAME = /(?:<frozen os>|\bos\.py):\d+: KeyError/;
/** The frame of os's __getitem__ as --tb=short and --tb=native (and unittest) print it; the KeyError follows. */
const OS_GETITEM = /(?:<frozen os>|\bos\.py)(?::\d+: in |", line \d+, in )__getitem__/;
const FAILING_ENV_LINE = /^>[ \t][^\n]{0,400}\bos\.environ\[/m;
/**
 * The `KeyError: NAME` line of an environment variable the test read and that is not set:
 * os.environ[...] raises it in os's own __getitem__, which pytest names as the last frame
 * ("<frozen os>:679: KeyError"; "os.py:679: KeyError" before Python 3.11 froze the module), or
 * pytest's failing line (`>`) reads os.environ[...] and its error lines say KeyError; with
 * --tb=short or --tb=native (and in unittest) the frame names os's __getitem__ before the
 * KeyError. A test
 * that only sets a variable and fails on a dict of its own shows neither. Searched from the
 * ties back or forward a bounded distance: linear in the text, however hostile.
 */
function envKeyError(text) {
    const lineOf = (at) => {
        const end = text.indexOf("\n", at);
        return text.slice(at, end < 0 ? text.length : end);
    };
    const frame = OS_FRAME.exec(text);
    if (frame !== null) {
        const at = text.lastIndexOf("KeyError: ", frame.index);
        if (at >= 0 && frame.index - at <= ENV_KEY_ERROR_REACH)
            return lineOf(at);
    }
    // Ties the KeyError line follows: os's __getitem__ frame, or pytest's failing line.
    for (const tie of [OS_GETITEM, FAILING_ENV_LINE]) {
        const m = tie.exec(text);
        if (m === null)
            continue;
        const at = text.indexOf("KeyError: ", m.index);
        if (at >= 0 && at - m.index <= ENV_KEY_ERROR_REACH)
            return lineOf(at);
    }
    return null;
}
/** All patterns' needles, looked for in one pass; the pattern each needle belongs to. */
const NEEDLES = new NeedleSet(HINT_PATTERNS.flatMap(({ needles, lower }) => needles.map((text) => (lower === true ? { text, ignoreCase: true } : { text }))));
const PATTERN_OF = HINT_PATTERNS.flatMap(({ needles }, p) => needles.map(() => p));
/** Every kind of hint the text shows, each with its first matching evidence. */
function causeHints(text, ctx = {}) {
    return hintsOf(text, NEEDLES.scan(text, MAX_HINT_TEXT), ctx);
}
/** The hints of `text` given the needles `found` in its first MAX_HINT_TEXT characters. */
function hintsOf(text, found, ctx) {
    // Most failure texts hold no needle at all.
    if (found.length === 0)
        return [];
    const candidates = new Set(found.map((i) => PATTERN_OF[i]));
    const hints = [];
    const scanned = text.slice(0, MAX_HINT_TEXT);
    for (let p = 0; p < HINT_PATTERNS.length; p++) {
        const { kind, pattern, find } = HINT_PATTERNS[p];
        if (!candidates.has(p) || hints.some((h) => h.kind === kind))
            continue;
        const evidence = pattern !== undefined ? (pattern.exec(scanned)?.[0] ?? null) : (find?.(scanned, ctx) ?? null);
        // Copied: a slice would keep the whole failure text alive as long as the hint (the report).
        if (evidence !== null)
            hints.push({ kind, evidence: detach(evidence.trim().slice(0, MAX_EVIDENCE_CHARS)) });
    }
    // A copy of exactly its length: grown by push, it keeps room for 17 hints, and most failing
    // tests hold one (4.3 MB of the 500 MB bench report's 31,000 failures).
    return hints.slice();
}
/**
 * `causeHints(parts.join("\n"))`, scanning each part once: no needle holds a line end, so a
 * needle is in the joined text exactly when it is in one of the parts, as long as the joined
 * text fits in MAX_HINT_TEXT. The parts are joined only when one holds a needle (few failures).
 */
function causeHintsOfParts(parts, ctx = {}) {
    let length = parts.length - 1;
    for (const p of parts)
        length += p.length;
    if (length > MAX_HINT_TEXT)
        return causeHints(parts.join("\n"), ctx);
    let found;
    for (const p of parts) {
        for (const i of NEEDLES.scan(p))
            if (!(found ??= []).includes(i))
                found.push(i);
    }
    return found === undefined ? [] : hintsOf(parts.join("\n"), found, ctx);
}
function findHint(hints, kind) {
    return hints.find((h) => h.kind === kind);
}

;// CONCATENATED MODULE: ./src/diagnose/ladder.ts
/**
 * Per-dtype ceilings above which a tolerance stops being "numerical noise" and the suggestion
 * carries a warning to double-check the implementation.
 *  - rtol: float16 1e-2, float32 1e-4, float64 1e-7, as set by the project issue (MXNet's own
 *    default_rtols use float16 1e-2 and float32 1e-4 as well).
 *  - atol: the reference's Appendix II "Recommended Tolerance Levels": float16 1e-2,
 *    float32 1e-3, float64 1e-3.
 * Appendix II's rtol column (1e-4 / 1e-5 / 1e-5) is deliberately not used: the issue's values
 * supersede it.
 */
const DTYPE_GUIDELINES = {
    float16: { rtol: 1e-2, atol: 1e-2 },
    float32: { rtol: 1e-4, atol: 1e-3 },
    float64: { rtol: 1e-7, atol: 1e-3 },
};
/** Mantissas of the rungs within one decade. */
const MANTISSAS = [1, 5];
/**
 * Printed tolerances are rounded (MXNet prints "%f", pytest.approx two digits); values this
 * close to a rung count as on it.
 */
const RUNG_EPSILON = 1e-4;
/** Rung number i is MANTISSAS[i mod 2] * 10^floor(i/2); built from a decimal string so 5e-5 is exact. */
function rungValue(index) {
    const mantissa = MANTISSAS[((index % 2) + 2) % 2];
    return Number(`${mantissa}e${Math.floor(index / 2)}`);
}
/** The smallest rung index whose value is >= x (x > 0). */
function rungIndexAtLeast(x) {
    let i = 2 * Math.floor(Math.log10(x)) - 2;
    while (rungValue(i) < x * (1 - RUNG_EPSILON))
        i++;
    return i;
}
/** The smallest rung index whose value is > x (x > 0). */
function rungIndexAbove(x) {
    let i = rungIndexAtLeast(x);
    if (rungValue(i) <= x * (1 + RUNG_EPSILON))
        i++;
    return i;
}
/** The next rung above a tolerance value: 1e-5 -> 5e-5, 5e-5 -> 1e-4, 3e-5 -> 5e-5. */
function nextRung(x) {
    return rungValue(rungIndexAbove(x));
}
/** Rungs to climb from `from` until `needed` passes; 1 = the next rung is enough. */
function rungsNeeded(from, needed) {
    if (needed <= from * (1 + RUNG_EPSILON))
        return 0;
    return Math.max(1, rungIndexAtLeast(needed) - rungIndexAbove(from) + 1);
}
/** Violation ratio at the worst element (an upper bound for `maxima`); Infinity when nothing can pass. */
function violationRatio(evidence, rtol, atol) {
    if (evidence.kind === "maxima") {
        const inverse = (atol > 0 ? atol / evidence.maxAbs : 0) + (rtol > 0 ? rtol / evidence.maxRel : 0);
        return inverse > 0 ? 1 / inverse : Infinity;
    }
    let worst = 0;
    for (const e of evidence.elements) {
        const allowed = atol + rtol * Math.abs(e.expected);
        const ratio = allowed > 0 ? e.absDiff / allowed : e.absDiff > 0 ? Infinity : 0;
        worst = Math.max(worst, ratio);
    }
    return worst;
}
/** The smallest rtol (atol fixed) that passes, or null when rtol cannot help (expected 0). */
function minimumRtol(evidence, atol) {
    if (evidence.kind === "maxima")
        return Number.isFinite(evidence.maxRel) ? evidence.maxRel : null;
    let needed = 0;
    for (const e of evidence.elements) {
        if (e.absDiff <= atol)
            continue;
        if (e.expected === 0)
            return null;
        needed = Math.max(needed, (e.absDiff - atol) / Math.abs(e.expected));
    }
    return needed;
}
/** The smallest atol (rtol fixed) that passes. */
function minimumAtol(evidence, rtol) {
    if (evidence.kind === "maxima")
        return evidence.maxAbs;
    let needed = 0;
    for (const e of evidence.elements) {
        needed = Math.max(needed, e.absDiff - rtol * Math.abs(e.expected));
    }
    return needed;
}
/** The largest absolute difference the evidence shows. */
function largestAbsDiff(evidence) {
    return evidence.kind === "maxima"
        ? evidence.maxAbs
        : Math.max(0, ...evidence.elements.map((e) => e.absDiff));
}
/** True when every element expected exactly 0: rtol scales nothing, only atol can pass. */
function expectsOnlyZeros(evidence) {
    return evidence.kind === "maxima"
        ? !Number.isFinite(evidence.maxRel)
        : evidence.elements.length > 0 && evidence.elements.every((e) => e.expected === 0);
}
/** 5e-5 -> "5e-5"; 0.5 -> "0.5"; 10 -> "10". */
function formatTolerance(x) {
    if (x === 0)
        return "0";
    if (x >= 0.1 && x < 1e4)
        return String(Number(x.toPrecision(6)));
    const [mantissa, exponent] = x.toExponential().split("e");
    const m = Number(Number(mantissa).toPrecision(6));
    return `${m}e${Number(exponent)}`;
}
/** Rounded UP to three significant digits, so "needed >= X" stays true after rounding. */
function formatNeeded(x) {
    if (!(x > 0) || !Number.isFinite(x))
        return formatTolerance(x);
    const exponent = Math.floor(Math.log10(x));
    const scale = Math.pow(10, exponent - 2);
    const up = Math.ceil(x / scale - 1e-9) * scale;
    return formatTolerance(Number(up.toPrecision(3)));
}
function guidelineFor(dtype) {
    return dtype !== undefined && dtype in DTYPE_GUIDELINES
        ? DTYPE_GUIDELINES[dtype]
        : undefined;
}
function guidelineWarning(parameter, value, dtype) {
    const ceiling = guidelineFor(dtype)?.[parameter];
    if (ceiling === undefined || value <= ceiling * (1 + RUNG_EPSILON))
        return undefined;
    return (`double-check the implementation: ${parameter} ${formatTolerance(value)} exceeds the ` +
        `${dtype} guideline of ${formatTolerance(ceiling)}`);
}
function rungWord(n) {
    return n === 1 ? "one rung" : `${n} rungs`;
}
function describe(option, to, label) {
    const head = `raise ${label} ${formatTolerance(option.from)} -> ${formatTolerance(to)}`;
    const needed = `needed >= ${formatNeeded(option.needed)}`;
    if (option.rungs <= 1)
        return `${head} (one rung; ${needed})`;
    return (`${head} (${needed}, ${rungWord(option.rungs)} away: the next rung alone will not cover ` +
        `the observed case; re-run after each step)`);
}
/**
 * The ladder suggestion for a near miss: for rtol and atol separately (the other held fixed),
 * the smallest passing value; the parameter needing fewer rungs wins (tie: the term that
 * dominates the current allowance at the worst element); the suggestion is its next rung.
 *
 * A parameter currently 0 has no "next rung"; it is only proposed when the other cannot help:
 * atol=0 with expected 0 cannot pass by construction for any nonzero error, so we propose the
 * smallest rung above the observed absolute error.
 */
function suggestTolerance(input) {
    const { rtol, atol, dtype, evidence } = input;
    const labels = input.labels ?? { rtol: "rtol", atol: "atol" };
    const observed = largestAbsDiff(evidence);
    if (!(observed > 0) || !Number.isFinite(observed))
        return null;
    if ((atol === null || atol === 0) && expectsOnlyZeros(evidence)) {
        const to = nextRung(observed);
        const warning = guidelineWarning("atol", to, dtype);
        return {
            parameter: "atol",
            from: 0,
            to,
            minimumPassing: observed,
            rungsNeeded: 1,
            ...(warning !== undefined ? { guidelineWarning: warning } : {}),
            text: `set ${labels.atol} ${formatTolerance(to)} (${labels.atol}=0 with expected 0 cannot pass for any nonzero ` +
                `error; observed ${formatNeeded(observed)})`,
        };
    }
    const options = [];
    if (rtol !== null && rtol > 0) {
        const needed = minimumRtol(evidence, atol ?? 0);
        if (needed !== null && needed > 0) {
            options.push({ parameter: "rtol", from: rtol, needed, rungs: rungsNeeded(rtol, needed) });
        }
    }
    if (atol !== null && atol > 0) {
        const needed = minimumAtol(evidence, rtol ?? 0);
        if (needed > 0)
            options.push({ parameter: "atol", from: atol, needed, rungs: rungsNeeded(atol, needed) });
    }
    if (options.length === 0)
        return null;
    const dominant = dominantTerm(evidence, rtol ?? 0, atol ?? 0);
    options.sort((a, b) => a.rungs - b.rungs || (a.parameter === dominant ? -1 : 1));
    const best = options[0];
    if (best.rungs === 0)
        return null;
    const to = nextRung(best.from);
    const warning = guidelineWarning(best.parameter, to, dtype);
    return {
        parameter: best.parameter,
        from: best.from,
        to,
        minimumPassing: best.needed,
        rungsNeeded: best.rungs,
        ...(warning !== undefined ? { guidelineWarning: warning } : {}),
        text: describe(best, to, labels[best.parameter]),
    };
}
/** Which term makes up most of the allowance atol + rtol*|expected| at the worst element. */
function dominantTerm(evidence, rtol, atol) {
    let expected;
    if (evidence.kind === "maxima") {
        expected = evidence.maxRel > 0 ? evidence.maxAbs / evidence.maxRel : 0;
    }
    else {
        let worst = -1;
        expected = 0;
        for (const e of evidence.elements) {
            const allowed = atol + rtol * Math.abs(e.expected);
            const ratio = allowed > 0 ? e.absDiff / allowed : Infinity;
            if (ratio > worst) {
                worst = ratio;
                expected = e.expected;
            }
        }
    }
    return rtol * Math.abs(expected) > atol ? "rtol" : "atol";
}
/**
 * numpy's decimal form (assert_array_almost_equal): passes when |desired - actual| <
 * 1.5 * 10^-decimal. Its ladder is the decimal itself, one decade (one decimal) per step.
 */
function suggestDecimal(decimal, evidence, dtype, spelling = { factor: 1.5, word: "decimal" }) {
    const observed = largestAbsDiff(evidence);
    if (!(observed > 0) || !Number.isFinite(observed))
        return null;
    // Built from a decimal string so 0.5e-2 is exactly 0.005.
    const threshold = (d) => Number(`${spelling.factor}e${-d}`);
    // Largest decimal whose threshold is strictly above the observed difference.
    let neededDecimal = decimal;
    while (threshold(neededDecimal) <= observed && neededDecimal > -20)
        neededDecimal--;
    const rungs = Math.max(1, decimal - neededDecimal);
    const from = threshold(decimal);
    const to = threshold(decimal - 1);
    const warning = guidelineWarning("atol", to, dtype);
    const head = `lower ${spelling.word} ${decimal} -> ${decimal - 1} (abs threshold ${formatTolerance(from)} -> ` +
        `${formatTolerance(to)}`;
    const text = rungs <= 1
        ? `${head}; one step; needed > ${formatNeeded(observed)})`
        : `${head}; needed > ${formatNeeded(observed)}, ${rungs} steps away: the next step alone ` +
            `will not cover the observed case; re-run after each step)`;
    return {
        parameter: "atol",
        from,
        to,
        minimumPassing: observed,
        rungsNeeded: rungs,
        ...(warning !== undefined ? { guidelineWarning: warning } : {}),
        text,
    };
}

;// CONCATENATED MODULE: ./src/diagnose/tolerance.ts



/** Failure texts are capped by readers already; this bounds regex work on hostile input. */
const MAX_TOLERANCE_TEXT = 256 * 1024;
/** Elements read from printed arrays; beyond this the arrays are summarised by maxima. */
const MAX_ARRAY_ELEMENTS = 10_000;
// Unambiguous on purpose (\d* only after a dot): nested optional digit runs backtrack
// quadratically on long digit strings.
const NUM = String.raw `[-+]?(?:\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|nan|NaN|inf|Infinity)`;
function num(text) {
    if (text === undefined)
        return NaN;
    const t = text.trim().replace(/,$/, "");
    if (/^[-+]?(?:inf|Infinity)$/i.test(t))
        return t.startsWith("-") ? -Infinity : Infinity;
    if (/^[-+]?nan$/i.test(t))
        return NaN;
    return Number(t);
}
function nonFiniteName(...values) {
    if (values.some((v) => Number.isNaN(v)))
        return "nan";
    if (values.some((v) => v === Infinity || v === -Infinity))
        return "inf";
    return undefined;
}
// ---------------------------------------------------------------------------------- MXNet
const MXNET = new RegExp(String.raw `Error\s+(${NUM})\s+exceeds tolerance rtol=(${NUM}),\s*atol=(${NUM})` +
    String.raw `(?:\s*\(mismatch[^)\n]*\))?\.?\s*` +
    String.raw `(?:Location of\s+(?:maximum\s+)?error:\s*(\([^)\n]*\)|\S+?),\s*([\w.]+)=(${NUM}),\s*([\w.]+)=(${NUM}))?`);
function parseMxnet(text) {
    const m = MXNET.exec(text);
    if (m === null)
        return null;
    const ratio = num(m[1]);
    const rtol = num(m[2]);
    const atol = num(m[3]);
    const parsed = { format: "mxnet-assert-almost-equal", rtol, atol, evidence: null };
    if (m[4] !== undefined)
        parsed.location = m[4];
    // MXNet's error is |a-b| / (atol + rtol*|b|): the second array is the reference.
    const a = num(m[6]);
    const b = num(m[8]);
    if (m[6] !== undefined)
        parsed.actual = a;
    if (m[8] !== undefined)
        parsed.expected = b;
    const nonFinite = nonFiniteName(ratio, ...(m[6] !== undefined ? [a, b] : []));
    if (nonFinite !== undefined) {
        parsed.nonFinite = nonFinite;
        return parsed;
    }
    parsed.printedRatio = ratio;
    if (m[8] !== undefined) {
        // a and b are printed rounded (6 or 8 decimals); the printed ratio is exact, so the
        // difference is recovered from it rather than from a - b.
        const absDiff = ratio * (atol + rtol * Math.abs(b));
        parsed.evidence = { kind: "elements", elements: [{ absDiff, expected: b }], complete: true };
    }
    return parsed;
}
/** Numbers of a printed numpy array/scalar; null when elided with "..." or unreadable. */
function arrayValues(printed) {
    if (printed.includes("..."))
        return null;
    const body = printed.replace(/dtype=[\w.'"()]+/g, "").replace(/^\s*array\(/, "");
    const values = body.match(new RegExp(`(?<![\\w.])${NUM}(?![\\w.])`, "g"));
    if (values === null || values.length > MAX_ARRAY_ELEMENTS)
        return null;
    return values.map(num);
}
function printedArrays(text) {
    // numpy 2: " ACTUAL: ..." / " DESIRED: ..."; numpy 1: " x: ..." / " y: ...". Located step by
    // step rather than with one lazy regex, which is quadratic on many "x: " lines.
    const actualHead = /^ ?(?:ACTUAL|x): /m.exec(text);
    if (actualHead === null)
        return null;
    const afterActual = actualHead.index + actualHead[0].length;
    const desiredHead = /^ ?(?:DESIRED|y): /m.exec(text.slice(afterActual));
    if (desiredHead === null)
        return null;
    const actualText = text.slice(afterActual, afterActual + desiredHead.index);
    const desiredStart = afterActual + desiredHead.index + desiredHead[0].length;
    const rest = text.slice(desiredStart);
    // The array continues on indented lines; it ends at a blank or unindented line.
    const end = /\n(?=\S)|\n\n/.exec(rest);
    const desiredText = end === null ? rest : rest.slice(0, end.index);
    const actual = arrayValues(actualText);
    const desired = arrayValues(desiredText);
    if (actual === null || desired === null || actual.length !== desired.length)
        return null;
    return { actual, desired };
}
const MISMATCH_LINE = new RegExp(String.raw `^ *\[([^\]\n]*)\]: (${NUM}) \(ACTUAL\), (${NUM}) \(DESIRED\)`, "gm");
/** numpy's per-violation evidence, the most precise first. */
function numpyEvidence(text, parsed) {
    const mismatched = /Mismatched elements: (\d+) \/ (\d+)/.exec(text);
    const listed = [...text.matchAll(MISMATCH_LINE)];
    const first = listed[0];
    if (first !== undefined) {
        parsed.location = `[${first[1]}]`;
        parsed.actual = num(first[2]);
        parsed.expected = num(first[3]);
    }
    const pairs = listed.map((l) => ({ actual: num(l[2]), expected: num(l[3]) }));
    const nonFinite = nonFiniteName(...pairs.flatMap((p) => [p.actual, p.expected]));
    if (nonFinite !== undefined) {
        parsed.nonFinite = nonFinite;
        return;
    }
    // Listed lines carry full precision; they are the whole story when every mismatch is listed.
    if (mismatched !== null && pairs.length > 0 && pairs.length >= Number(mismatched[1])) {
        parsed.evidence = {
            kind: "elements",
            elements: pairs.map((p) => ({ absDiff: Math.abs(p.actual - p.expected), expected: p.expected })),
            complete: true,
        };
        return;
    }
    const maxAbs = /Max absolute difference(?: among violations)?: (\S+)/.exec(text);
    const maxRel = /Max relative difference(?: among violations)?: (\S+)/.exec(text);
    const arrays = printedArrays(text);
    if (arrays !== null) {
        const nf = nonFiniteName(...arrays.actual, ...arrays.desired);
        if (nf !== undefined) {
            parsed.nonFinite = nf;
            return;
        }
        // Printed to numpy's default 8 significant digits: exact unless the tolerance is finer than
        // that (rtol=1e-9 on float32 values prints ACTUAL and DESIRED alike, a difference of 0).
        // Then the printed maxima, which numpy gives at full precision, tell the miss.
        const elements = arrays.actual.map((a, i) => ({ absDiff: Math.abs(a - arrays.desired[i]), expected: arrays.desired[i] }));
        const printedMax = Math.max(...elements.map((e) => e.absDiff));
        const statedMax = maxAbs !== null ? num(maxAbs[1]) : NaN;
        if (!(statedMax > printedMax * 1.01)) {
            parsed.evidence = { kind: "elements", elements, complete: true };
            if (arrays.actual.length === 1) {
                parsed.actual ??= arrays.actual[0];
                parsed.expected ??= arrays.desired[0];
            }
            return;
        }
    }
    if (maxAbs !== null && maxRel !== null) {
        const abs = num(maxAbs[1]);
        const rel = num(maxRel[1]);
        if (Number.isNaN(abs) || abs === Infinity) {
            parsed.nonFinite = nonFiniteName(abs) ?? "nan";
            return;
        }
        parsed.evidence = { kind: "maxima", maxAbs: abs, maxRel: Number.isNaN(rel) ? Infinity : rel };
    }
}
function parseNumpyAllclose(text) {
    const m = new RegExp(String.raw `Not equal to tolerance rtol=(${NUM}), atol=(${NUM})`).exec(text);
    if (m === null)
        return null;
    const parsed = { format: "numpy-allclose", rtol: num(m[1]), atol: num(m[2]), evidence: null };
    const location = /(?:x and y )?([-+]?(?:nan|inf)) location mismatch/.exec(text);
    if (location !== null) {
        parsed.nonFinite = location[1].replace(/^[-+]/, "");
        return parsed;
    }
    numpyEvidence(text, parsed);
    return parsed;
}
function parseNumpyDecimal(text) {
    const m = /Arrays are not almost equal to (\d+) decimals/.exec(text);
    if (m === null)
        return null;
    const decimal = Number(m[1]);
    // assert_array_almost_equal passes when |desired - actual| < 1.5 * 10**-decimal.
    const parsed = {
        format: "numpy-almost-equal-decimal",
        rtol: 0,
        atol: Number(`1.5e${-decimal}`),
        evidence: null,
        decimal,
    };
    const location = /(?:x and y )?([-+]?(?:nan|inf)) location mismatch/.exec(text);
    if (location !== null) {
        parsed.nonFinite = location[1].replace(/^[-+]/, "");
        return parsed;
    }
    numpyEvidence(text, parsed);
    return parsed;
}
// ---------------------------------------------------------------------------------- torch
const TORCH_DIFF = (which) => new RegExp(String.raw `Greatest ${which} difference: (${NUM}) at index (\([^)\n]*\)) \(up to (${NUM}) allowed\)`);
function parseTorchTensor(text) {
    if (!/Tensor-likes are not close!/.test(text))
        return null;
    const abs = TORCH_DIFF("absolute").exec(text);
    const rel = TORCH_DIFF("relative").exec(text);
    const parsed = {
        format: "torch-assert-close",
        atol: abs !== null ? num(abs[3]) : null,
        rtol: rel !== null ? num(rel[3]) : null,
        evidence: null,
    };
    if (abs === null || rel === null)
        return parsed;
    parsed.location = abs[2];
    const maxAbs = num(abs[1]);
    const maxRel = num(rel[1]);
    const nonFinite = nonFiniteName(maxAbs);
    if (nonFinite !== undefined) {
        parsed.nonFinite = nonFinite;
        return parsed;
    }
    if (abs[2] === rel[2] && maxRel > 0 && Number.isFinite(maxRel)) {
        // One element holds both maxima: its expected magnitude is abs/rel, so it is exact.
        parsed.evidence = {
            kind: "elements",
            elements: [{ absDiff: maxAbs, expected: maxAbs / maxRel }],
            complete: true,
        };
    }
    else {
        parsed.evidence = { kind: "maxima", maxAbs, maxRel: Number.isNaN(maxRel) ? Infinity : maxRel };
    }
    return parsed;
}
function parseTorchScalar(text) {
    if (!/Scalars are not close!/.test(text))
        return null;
    const values = new RegExp(String.raw `Expected (${NUM}) but got (${NUM})\.`).exec(text);
    const abs = new RegExp(String.raw `Absolute difference: (${NUM}) \(up to (${NUM}) allowed\)`).exec(text);
    const rel = new RegExp(String.raw `Relative difference: (${NUM}) \(up to (${NUM}) allowed\)`).exec(text);
    const parsed = {
        format: "torch-assert-close",
        atol: abs !== null ? num(abs[2]) : null,
        rtol: rel !== null ? num(rel[2]) : null,
        evidence: null,
    };
    if (values === null)
        return parsed;
    parsed.expected = num(values[1]);
    parsed.actual = num(values[2]);
    const nonFinite = nonFiniteName(parsed.actual, parsed.expected);
    if (nonFinite !== undefined) {
        parsed.nonFinite = nonFinite;
        return parsed;
    }
    parsed.evidence = {
        kind: "elements",
        elements: [{ absDiff: Math.abs(parsed.actual - parsed.expected), expected: parsed.expected }],
        complete: true,
    };
    return parsed;
}
// ---------------------------------------------------------------------------------- pytest.approx
/** toBeCloseTo's second argument: passes when |diff| < 10^-precision / 2. */
const TO_BE_CLOSE_TO = { factor: 0.5, word: "toBeCloseTo precision" };
/** pytest.approx spells its tolerances rel= and abs=; suggestions use the user's words. */
const APPROX_LABELS = { rtol: "rel", atol: "abs" };
/** pytest prints the tolerance with two significant digits ("3.0e-07"). */
function twoDigits(x) {
    return Number(x.toPrecision(2));
}
/**
 * The rel a test wrote, from the "±" pytest printed: that figure has two significant digits
 * (`{:.1e}`), so tolerance / |expected| is off by up to 5% (rel=1e-6 at 2.34 prints ± 2.3e-06,
 * which reads 9.8e-7, and the fix then suggested raising 9.8e-7 to 1e-6: what the test has).
 * A written rel has one significant digit; within 5% of one, that is it.
 */
function writtenTolerance(ratio) {
    const one = Number(ratio.toPrecision(1));
    return Math.abs(ratio - one) <= 0.05 * one ? one : twoDigits(ratio);
}
/**
 * pytest.approx allows max(rel*|expected|, abs) (defaults rel=1e-6, abs=1e-12) and prints
 * that single number after "±". Where the expected value is nonzero we read it as an rtol
 * (T/|expected|; the 1e-12 floor is negligible there); where it is 0 only abs applies.
 */
function approxTolerances(rows) {
    const nonzero = rows.find((r) => r.expected !== 0 && Number.isFinite(r.expected));
    if (nonzero !== undefined)
        return { rtol: writtenTolerance(nonzero.tolerance / Math.abs(nonzero.expected)), atol: 0 };
    const zero = rows[0];
    return { rtol: null, atol: zero !== undefined ? zero.tolerance : null };
}
function parsePytestApproxSequence(text) {
    const m = /comparison failed\. Mismatched elements: (\d+) \/ (\d+):/.exec(text);
    if (m === null)
        return null;
    const rowPattern = new RegExp(String.raw `^[ \t]*(\S+)\s*\|\s*(${NUM})\s*\|\s*(${NUM}) ± (${NUM})\s*$`, "gm");
    const rows = [...text.matchAll(rowPattern)].map((r) => ({
        index: r[1],
        actual: num(r[2]),
        expected: num(r[3]),
        tolerance: num(r[4]),
    }));
    const parsed = { format: "pytest-approx", ...approxTolerances(rows), evidence: null };
    const first = rows[0];
    if (first !== undefined) {
        parsed.location = first.index;
        parsed.actual = first.actual;
        parsed.expected = first.expected;
    }
    const nonFinite = nonFiniteName(...rows.flatMap((r) => [r.actual, r.expected]));
    if (nonFinite !== undefined) {
        parsed.nonFinite = nonFinite;
        return parsed;
    }
    if (rows.length > 0 && rows.length >= Number(m[1])) {
        parsed.evidence = {
            kind: "elements",
            elements: rows.map((r) => ({ absDiff: Math.abs(r.actual - r.expected), expected: r.expected })),
            complete: true,
        };
        return parsed;
    }
    const maxAbs = /Max absolute difference: (\S+)/.exec(text);
    const maxRel = /Max relative difference: (\S+)/.exec(text);
    if (maxAbs !== null && maxRel !== null) {
        parsed.evidence = { kind: "maxima", maxAbs: num(maxAbs[1]), maxRel: num(maxRel[1]) };
    }
    return parsed;
}
function parsePytestApproxScalar(text) {
    let actual;
    let expected;
    let tolerance;
    const lines = new RegExp(String.raw `Obtained: (${NUM})[ \t]*\n[ \t]*Expected: (${NUM}) ± (${NUM})`).exec(text);
    if (lines !== null) {
        [actual, expected, tolerance] = [num(lines[1]), num(lines[2]), num(lines[3])];
    }
    else {
        const forward = new RegExp(String.raw `assert (${NUM}) == (${NUM}) ± (${NUM})`).exec(text);
        const reverse = new RegExp(String.raw `assert (${NUM}) ± (${NUM}) == (${NUM})`).exec(text);
        if (forward !== null)
            [actual, expected, tolerance] = [num(forward[1]), num(forward[2]), num(forward[3])];
        else if (reverse !== null)
            [expected, tolerance, actual] = [num(reverse[1]), num(reverse[2]), num(reverse[3])];
        else
            return null;
    }
    const parsed = {
        format: "pytest-approx",
        ...approxTolerances([{ expected, tolerance }]),
        evidence: null,
        actual,
        expected,
    };
    const nonFinite = nonFiniteName(actual, expected);
    if (nonFinite !== undefined) {
        parsed.nonFinite = nonFinite;
        return parsed;
    }
    parsed.evidence = { kind: "elements", elements: [{ absDiff: Math.abs(actual - expected), expected }], complete: true };
    return parsed;
}
// ---------------------------------------------------------------------------------- other runners
/** One observed pair: the single element every scalar near miss of another runner gives. */
function scalar(format, tol, actual, expected, absDiff) {
    const parsed = { format, ...tol, evidence: null, actual, expected };
    const nonFinite = nonFiniteName(actual, expected);
    if (nonFinite !== undefined) {
        parsed.nonFinite = nonFinite;
        return parsed;
    }
    // A printed difference is at full precision where the values may be rounded for display.
    const diff = absDiff !== undefined && Number.isFinite(absDiff) ? Math.abs(absDiff) : Math.abs(actual - expected);
    parsed.evidence = { kind: "elements", elements: [{ absDiff: diff, expected }], complete: true };
    return parsed;
}
/**
 * toBeCloseTo(expected, precision) passes when |expected - received| < 10^-precision / 2
 * (jest and vitest alike). The tolerance is an atol; its ladder is the precision itself.
 * jest prints "Expected precision / Expected difference / Received difference" lines;
 * vitest one sentence: "expected R to be close to E, received difference is D, but expected T".
 */
function parseToBeCloseTo(text) {
    const jest = new RegExp(String.raw `Expected: (${NUM})\s*\n\s*Received: (${NUM})\s*\n(?:\s*\n)?\s*Expected precision: +(\d{1,3})\s*\n\s*Expected difference: +< ?(${NUM})\s*\n\s*Received difference: +(${NUM})`).exec(text);
    if (jest !== null) {
        const precision = Number(jest[3]);
        const parsed = scalar("jest-to-be-close-to", { rtol: 0, atol: num(jest[4]) }, num(jest[2]), num(jest[1]), num(jest[5]));
        parsed.precision = precision;
        return parsed;
    }
    const vitest = new RegExp(String.raw `expected (${NUM}) to be close to (${NUM}), received difference is (${NUM}), but expected (${NUM})`).exec(text);
    if (vitest === null)
        return null;
    const allowed = num(vitest[4]);
    const parsed = scalar("vitest-to-be-close-to", { rtol: 0, atol: allowed }, num(vitest[1]), num(vitest[2]), num(vitest[3]));
    // vitest prints 10**-p / 2 unrounded (5e-6 shows as 0.0000049999999999999996).
    const precision = Math.round(-Math.log10(2 * allowed));
    if (Number.isFinite(precision) && precision >= -20 && precision <= 20)
        parsed.precision = precision;
    return parsed;
}
/**
 * AssertJ isCloseTo(expected, within/offset(d)) and isCloseTo(expected, withPercentage(p)):
 * "Expecting actual:\n  8.1\nto be close to:\n  8.0\nby less than 0.05 but difference was 0.1".
 * Older AssertJ wraps values in <...> and says "Expecting:". A percentage is an rtol.
 */
function parseAssertJ(text) {
    const m = new RegExp(String.raw `Expecting(?: actual)?:\s*<?(${NUM})>?\s*\n\s*to be close to:\s*<?(${NUM})>?\s*\n\s*by less than <?(${NUM})(%?)>? but difference was <?(${NUM})(%?)>?`).exec(text);
    if (m === null)
        return null;
    const actual = num(m[1]);
    const expected = num(m[2]);
    const allowed = num(m[3]);
    if (m[4] === "%") {
        const parsed = scalar("assertj-is-close-to-percentage", { rtol: allowed / 100, atol: 0 }, actual, expected);
        parsed.labels = { rtol: "withPercentage (as a fraction)", atol: "offset" };
        return parsed;
    }
    const parsed = scalar("assertj-is-close-to", { rtol: 0, atol: allowed }, actual, expected, num(m[5]));
    parsed.labels = { rtol: "percentage", atol: "offset" };
    return parsed;
}
/**
 * JUnit's assertEquals(expected, actual, delta) prints only "expected: <1.0> but was: <1.1>"
 * (JUnit 4: "expected:<1.0> but was:<1.1>"): the delta is not in the message, so the observed
 * difference is all there is; no ratio, no rung. Only decimal values on a JUnit assertion count.
 */
function parseJUnitDelta(text) {
    if (!/\b(?:AssertionFailedError|java\.lang\.AssertionError|org\.junit\.|junit\.framework\.)/.test(text))
        return null;
    const m = new RegExp(String.raw `expected: ?<(${NUM})> but was: ?<(${NUM})>`).exec(text);
    if (m === null || !/[.eE]|nan|inf|Infinity/i.test(`${m[1]}${m[2]}`))
        return null;
    return scalar("junit-assert-equals-delta", { rtol: null, atol: null }, num(m[2]), num(m[1]));
}
/** Go's %v of a float also prints +Inf and -Inf. */
const GO_NUM = String.raw `(?:[-+]Inf|${NUM})`;
/**
 * testify: InDelta "Max difference between 1.5 and 1.7 allowed is 0.1, but difference was -0.2"
 * (expected first; a NaN actual: "Expected 1 with delta 1e-09, but was NaN"); InEpsilon
 * "Relative error is too high: 0.01 (expected)\n < 0.2 (actual)". Checked against testify
 * 1.8.1's own output (examples/go).
 */
function parseTestify(text) {
    const nan = new RegExp(String.raw `Expected (${GO_NUM}) with delta (${GO_NUM}), but was NaN`).exec(text);
    if (nan !== null) {
        const parsed = scalar("testify-in-delta", { rtol: 0, atol: num(nan[2]) }, NaN, num(nan[1]));
        parsed.labels = { rtol: "epsilon", atol: "delta" };
        return parsed;
    }
    const delta = new RegExp(String.raw `Max difference between (${GO_NUM}) and (${GO_NUM}) allowed is (${GO_NUM}), but difference was (${GO_NUM})`).exec(text);
    if (delta !== null) {
        const parsed = scalar("testify-in-delta", { rtol: 0, atol: num(delta[3]) }, num(delta[2]), num(delta[1]), num(delta[4]));
        parsed.labels = { rtol: "epsilon", atol: "delta" };
        return parsed;
    }
    const eps = new RegExp(String.raw `Relative error is too high: (${NUM}) \(expected\)\s*\n?\s*< (${NUM}) \(actual\)`).exec(text);
    if (eps === null)
        return null;
    const epsilon = num(eps[1]);
    const observed = num(eps[2]);
    // Only the relative error is printed: as one element with expected 1 its ratio is exact.
    const parsed = { format: "testify-in-epsilon", rtol: epsilon, atol: 0, evidence: null };
    if (!Number.isFinite(observed))
        parsed.nonFinite = nonFiniteName(observed) ?? "nan";
    else
        parsed.evidence = { kind: "elements", elements: [{ absDiff: Math.abs(observed), expected: 1 }], complete: true };
    parsed.labels = { rtol: "epsilon", atol: "delta" };
    return parsed;
}
/**
 * googletest EXPECT_NEAR / ASSERT_NEAR: "The difference between a and b is D, which exceeds
 * abs_error, where\na evaluates to A,\nb evaluates to B, and\nabs_error evaluates to T."
 */
function parseGoogletestNear(text) {
    const m = new RegExp(String.raw `The difference between .{1,500}? is (${NUM}), which exceeds .{1,500}?, where\s*\n.{0,500}? evaluates to (${NUM}),\s*\n.{0,500}? evaluates to (${NUM}), and\s*\n.{0,500}? evaluates to (${NUM})`).exec(text);
    if (m === null)
        return null;
    const parsed = scalar("googletest-expect-near", { rtol: 0, atol: num(m[4]) }, num(m[2]), num(m[3]), num(m[1]));
    parsed.labels = { rtol: "rtol", atol: "abs_error" };
    return parsed;
}
/** Catch2's Approx default epsilon: std::numeric_limits<float>::epsilon() * 100. */
const CATCH2_APPROX_EPSILON = 1.1920929e-7 * 100;
/**
 * Catch2: `with expansion:` then "1.1 is within 0.01 of 1.0" (WithinAbs), "1.1 and 1.0 are
 * within 1% of each other" (WithinRel), or "1.1 == Approx( 1.0 )". Approx's epsilon and margin
 * are not expanded: they are read from the printed expression (".epsilon(0.01)"), else
 * Catch2's defaults (epsilon float-eps*100, margin 0).
 */
/**
 * A number that starts a pattern: not inside a longer run of digits. Without the lookbehind a
 * 200k-digit line costs a scan from every position (quadratic).
 */
const LEADING_NUM = String.raw `(?<![\w.+-])(${NUM})`;
function parseCatch2(text) {
    if (!/ is within | are within |Approx\( /.test(text))
        return null;
    const abs = new RegExp(String.raw `${LEADING_NUM} is within (${NUM}) of (${NUM})`).exec(text);
    if (abs !== null) {
        const parsed = scalar("catch2-within-abs", { rtol: 0, atol: num(abs[2]) }, num(abs[1]), num(abs[3]));
        parsed.labels = { rtol: "WithinRel", atol: "WithinAbs margin" };
        return parsed;
    }
    const rel = new RegExp(String.raw `${LEADING_NUM} and (${NUM}) are within (${NUM})% of each other`).exec(text);
    if (rel !== null) {
        const parsed = scalar("catch2-within-rel", { rtol: num(rel[3]) / 100, atol: 0 }, num(rel[1]), num(rel[2]));
        parsed.labels = { rtol: "WithinRel epsilon", atol: "WithinAbs margin" };
        return parsed;
    }
    const approx = new RegExp(String.raw `${LEADING_NUM} == Approx\( (${NUM}) \)|Approx\( (${NUM}) \) == (${NUM})`).exec(text);
    if (approx === null)
        return null;
    const actual = num(approx[1] ?? approx[4]);
    const expected = num(approx[2] ?? approx[3]);
    const epsilon = new RegExp(String.raw `\.epsilon\(\s*(${NUM})\s*\)`).exec(text);
    const margin = new RegExp(String.raw `\.margin\(\s*(${NUM})\s*\)`).exec(text);
    const parsed = scalar("catch2-approx", { rtol: epsilon !== null ? num(epsilon[1]) : CATCH2_APPROX_EPSILON, atol: margin !== null ? num(margin[1]) : 0 }, actual, expected);
    parsed.labels = { rtol: "Approx epsilon", atol: "Approx margin" };
    return parsed;
}
/**
 * rspec be_within(d).of(e): "expected 0.4858 to be within 0.01 of 0.5"; with .percent_of(e)
 * "expected 0.4858 to be within 2% of 0.5" (the allowance is p% of |e|: an rtol).
 */
function parseRspecBeWithin(text) {
    const m = new RegExp(String.raw `expected (${NUM}) to be within (${NUM})(%?) of (${NUM})`).exec(text);
    if (m === null)
        return null;
    const actual = num(m[1]);
    const expected = num(m[4]);
    const allowed = num(m[2]);
    const percent = m[3] === "%";
    const parsed = percent
        ? scalar("rspec-be-within-percent-of", { rtol: allowed / 100, atol: 0 }, actual, expected)
        : scalar("rspec-be-within", { rtol: 0, atol: allowed }, actual, expected);
    // No " (" in a label: suggest.ts puts " in file:line" before the first one.
    parsed.labels = { rtol: "be_within percent/100", atol: "be_within delta" };
    return parsed;
}
/**
 * minitest assert_in_delta(e, a, d): "Expected |0.5 - 0.4858| (0.0142) to be <= 0.01." with the
 * difference at full precision. assert_in_epsilon(e, a, eps) prints the same sentence with
 * d = eps * min(|e|, |a|), so from the text alone both read as an absolute allowance.
 */
function parseMinitestInDelta(text) {
    const m = new RegExp(String.raw `Expected \|(${NUM}) - (${NUM})\| \((${NUM})\) to be <= (${NUM})`).exec(text);
    if (m === null)
        return null;
    const parsed = scalar("minitest-assert-in-delta", { rtol: 0, atol: num(m[4]) }, num(m[2]), num(m[1]), num(m[3]));
    parsed.labels = { rtol: "assert_in_epsilon epsilon", atol: "assert_in_delta delta" };
    return parsed;
}
/**
 * PHPUnit 9 assertEqualsWithDelta(e, a, d): "Failed asserting that 0.4863 matches expected 0.5."
 * The delta is not printed (assertEquals on floats says the same), so as with JUnit the
 * observed difference is all there is. Only decimal values count.
 */
function parsePhpunitEqualsWithDelta(text) {
    const m = new RegExp(String.raw `Failed asserting that (${NUM}) matches expected (${NUM})\.`).exec(text);
    if (m === null || !/[.eE]|nan|inf|Infinity/i.test(`${m[1]}${m[2]}`))
        return null;
    return scalar("phpunit-assert-equals-with-delta", { rtol: null, atol: null }, num(m[1]), num(m[2]));
}
// ---------------------------------------------------------------------------------- dtype
const DTYPE = /(?<![A-Za-z0-9])(bfloat16|float16|float32|float64)(?![0-9])/;
/** dtype from the message (`dtype=float32`, `dtype('float16')`, `torch.float64`), else the test id. */
function dtypeOf(text, id) {
    const inText = /dtype\s*[=(:]\s*(?:np\.|numpy\.|torch\.)?['"]?(bfloat16|float16|float32|float64)\b/.exec(text) ??
        /\b(?:np|numpy|torch)\.(bfloat16|float16|float32|float64)\b/.exec(text);
    if (inText !== null)
        return inText[1];
    return DTYPE.exec(id)?.[1];
}
// ---------------------------------------------------------------------------------- entry
/**
 * Each parser with literals of which every text it accepts contains at least one: an
 * `includes` rules a parser out before its regexes (most of which start with a number, so the
 * regex engine cannot skip ahead) scan the text. Most failures are no numeric comparison.
 */
const PARSERS = [
    { parse: parseMxnet, needles: ["exceeds tolerance rtol="] },
    { parse: parseNumpyAllclose, needles: ["Not equal to tolerance rtol="] },
    { parse: parseNumpyDecimal, needles: ["Arrays are not almost equal to "] },
    { parse: parseTorchTensor, needles: ["Tensor-likes are not close!"] },
    { parse: parseTorchScalar, needles: ["Scalars are not close!"] },
    { parse: parsePytestApproxSequence, needles: ["comparison failed. Mismatched elements: "] },
    { parse: parsePytestApproxScalar, needles: [" ± "] },
    { parse: parseToBeCloseTo, needles: ["Expected precision: ", " to be close to "] },
    { parse: parseAssertJ, needles: ["to be close to:"] },
    { parse: parseTestify, needles: [" allowed is ", "Relative error is too high: ", ", but was NaN"] },
    { parse: parseGoogletestNear, needles: ["The difference between "] },
    { parse: parseCatch2, needles: [" is within ", " are within ", "Approx( "] },
    { parse: parseRspecBeWithin, needles: [" to be within "] },
    { parse: parseMinitestInDelta, needles: [") to be <= "] },
    // Last: they need no tolerance in the text, so any format naming one wins over them.
    { parse: parseJUnitDelta, needles: ["but was:"] },
    { parse: parsePhpunitEqualsWithDelta, needles: [" matches expected "] },
];
/** The needles as `Literal`s (searched from their rarest character: many start with a blank). */
const GATED_PARSERS = PARSERS.map(({ parse, needles }) => ({ parse, literals: needles.map((n) => new Literal(n)) }));
/**
 * The tolerance failure in `text`, or null when the text is no numeric comparison we know.
 * `context.id` (the test id) supplies the dtype when the message does not print one.
 */
function parseTolerance(text, context) {
    const scanned = text.slice(0, MAX_TOLERANCE_TEXT);
    // Stripping pytest's prefixes only cuts characters from line starts and turns CRs into line
    // ends, and no needle holds a line end: a needle of the stripped text is in the raw text
    // too. So parsers whose needles the raw text lacks are out before the stripped copy is made
    // (and most failures, lacking them all, never make it).
    const candidates = GATED_PARSERS.filter(({ literals }) => literals.some((n) => n.in(scanned)));
    if (candidates.length === 0)
        return null;
    const normalised = stripPytestPrefixes(scanned);
    let parsed = null;
    for (const { parse, literals } of candidates) {
        if (!literals.some((n) => n.in(normalised)))
            continue;
        parsed = parse(normalised);
        if (parsed !== null)
            break;
    }
    if (parsed === null)
        return null;
    const dtype = dtypeOf(normalised, context.id);
    const tolerance = {
        format: parsed.format,
        rtol: parsed.rtol,
        atol: parsed.atol,
        ratio: null,
        suggestion: null,
    };
    if (parsed.actual !== undefined)
        tolerance.actual = parsed.actual;
    if (parsed.expected !== undefined)
        tolerance.expected = parsed.expected;
    if (dtype !== undefined)
        tolerance.dtype = dtype;
    if (parsed.location !== undefined)
        tolerance.location = parsed.location;
    if (parsed.nonFinite !== undefined) {
        tolerance.nonFinite = parsed.nonFinite;
        return tolerance;
    }
    const { evidence } = parsed;
    if (parsed.printedRatio !== undefined)
        tolerance.ratio = parsed.printedRatio;
    else if (evidence !== null) {
        const ratio = violationRatio(evidence, parsed.rtol ?? 0, parsed.atol ?? 0);
        tolerance.ratio = Number.isFinite(ratio) ? ratio : null;
    }
    if (evidence === null)
        return tolerance;
    if (parsed.rtol === null && parsed.atol === null)
        return tolerance;
    const labels = parsed.format === "pytest-approx" ? APPROX_LABELS : parsed.labels;
    tolerance.suggestion =
        parsed.decimal !== undefined
            ? suggestDecimal(parsed.decimal, evidence, dtype)
            : parsed.precision !== undefined
                ? suggestDecimal(parsed.precision, evidence, dtype, TO_BE_CLOSE_TO)
                : suggestTolerance({
                    rtol: parsed.rtol,
                    atol: parsed.atol,
                    dtype,
                    evidence,
                    ...(labels !== undefined ? { labels } : {}),
                });
    return tolerance;
}
/**
 * atol=0 against an expected 0: no rtol can pass it, so any nonzero error fails by
 * construction (the suggestion then introduces an atol rather than stepping one).
 */
function cannotPassByConstruction(tolerance) {
    return tolerance.suggestion?.parameter === "atol" && tolerance.suggestion.from === 0;
}

;// CONCATENATED MODULE: ./src/stats.ts
/**
 * Exact binomial (Clopper-Pearson) bounds. Rerun counts are small (10, 20, 100), where normal
 * approximations are badly wrong near 0 and 1; the exact bounds come from the beta
 * distribution: for k successes in n trials, the one-sided upper bound at level `conf` is the
 * `conf` quantile of Beta(k+1, n-k), the lower bound the `1-conf` quantile of Beta(k, n-k+1).
 */
/** How close bisection gets to the quantile; far below anything we print (3 significant digits). */
const QUANTILE_TOLERANCE = 1e-13;
/** Continued-fraction convergence: relative change per step below this is machine precision. */
const CF_EPSILON = 3e-16;
const CF_MAX_ITERATIONS = 10_000;
/** Guards the modified Lentz algorithm against division by zero. */
const CF_TINY = 1e-300;
/** Lanczos coefficients (g=7, n=9): about 15 significant digits for x > 0. */
const LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
];
/** ln Γ(x) for x > 0. */
function logGamma(x) {
    if (x < 0.5) {
        // Reflection keeps the Lanczos series in the range where it is accurate.
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    const z = x - 1;
    let sum = LANCZOS[0];
    for (let i = 1; i < LANCZOS.length; i++)
        sum += LANCZOS[i] / (z + i);
    const t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
/** Continued fraction for I_x(a, b), evaluated with the modified Lentz method. */
function betaContinuedFraction(x, a, b) {
    let c = 1;
    let d = 1 - ((a + b) * x) / (a + 1);
    if (Math.abs(d) < CF_TINY)
        d = CF_TINY;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= CF_MAX_ITERATIONS; m++) {
        const m2 = 2 * m;
        // even step
        let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
        d = 1 + num * d;
        if (Math.abs(d) < CF_TINY)
            d = CF_TINY;
        c = 1 + num / c;
        if (Math.abs(c) < CF_TINY)
            c = CF_TINY;
        d = 1 / d;
        h *= d * c;
        // odd step
        num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
        d = 1 + num * d;
        if (Math.abs(d) < CF_TINY)
            d = CF_TINY;
        c = 1 + num / c;
        if (Math.abs(c) < CF_TINY)
            c = CF_TINY;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < CF_EPSILON)
            return h;
    }
    return h;
}
/** The regularized incomplete beta function I_x(a, b), a, b > 0, 0 <= x <= 1. */
function regularizedIncompleteBeta(x, a, b) {
    if (!(a > 0 && b > 0))
        throw new RangeError(`beta parameters must be positive (a=${a}, b=${b})`);
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    const front = Math.exp(logFront);
    // The continued fraction converges fast only on this side of the mean; use symmetry otherwise.
    if (x < (a + 1) / (a + b + 2))
        return (front * betaContinuedFraction(x, a, b)) / a;
    return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}
/** The p-quantile of Beta(a, b): the x with I_x(a, b) = p, by bisection (I is monotone in x). */
function inverseRegularizedIncompleteBeta(p, a, b) {
    if (p <= 0)
        return 0;
    if (p >= 1)
        return 1;
    let lo = 0;
    let hi = 1;
    while (hi - lo > QUANTILE_TOLERANCE) {
        const mid = (lo + hi) / 2;
        if (regularizedIncompleteBeta(mid, a, b) < p)
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}
function checkCounts(k, n, conf) {
    if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
        throw new RangeError(`need integers 0 <= k <= n (k=${k}, n=${n})`);
    }
    if (!(conf > 0 && conf < 1))
        throw new RangeError(`confidence must be in (0, 1) (got ${conf})`);
}
/**
 * One-sided exact upper bound on the success probability after k successes in n trials.
 * k=0 has the closed form 1 - (1-conf)^(1/n): 10 trials, none successful -> 0.2589.
 */
function upperBound(k, n, conf = 0.95) {
    checkCounts(k, n, conf);
    if (k === n)
        return 1;
    if (k === 0)
        return 1 - Math.pow(1 - conf, 1 / n);
    return inverseRegularizedIncompleteBeta(conf, k + 1, n - k);
}
/** One-sided exact lower bound on the success probability after k successes in n trials. */
function lowerBound(k, n, conf = 0.95) {
    checkCounts(k, n, conf);
    if (k === 0)
        return 0;
    if (k === n)
        return Math.pow(1 - conf, 1 / n);
    return inverseRegularizedIncompleteBeta(1 - conf, k, n - k + 1);
}
/** Two-sided exact interval: each tail gets (1-conf)/2. */
function interval(k, n, conf = 0.95) {
    checkCounts(k, n, conf);
    const oneSided = 1 - (1 - conf) / 2;
    return { lower: lowerBound(k, n, oneSided), upper: upperBound(k, n, oneSided) };
}

;// CONCATENATED MODULE: ./src/classify.ts






/** Violation ratio up to which a deterministic miss counts as a tolerance problem (see RULES). */
const NEAR_MISS_RATIO = 10;
/** Fewer trials than this never support a confident verdict. */
const MIN_TRIALS = 5;
/** A one-sided 95% bound above this is too weak to act on without more reruns. */
const MAX_BOUND = 0.3;
function counts(...tallies) {
    const c = { n: 0, passes: 0, failures: 0, timedOut: 0, crashed: 0 };
    for (const t of tallies) {
        if (t === undefined)
            continue;
        c.passes += t.passed;
        c.failures += t.failed + t.timedOut + t.crashed;
        c.timedOut += t.timedOut;
        c.crashed += t.crashed;
    }
    c.n = c.passes + c.failures;
    return c;
}
function verdictOf(c) {
    if (c.n === 0)
        return "not-rerun";
    if (c.failures === c.n)
        return "deterministic";
    if (c.passes === c.n)
        return "not-reproduced";
    return "intermittent";
}
function sensitivityOf(verdict, reruns) {
    if (verdict !== "deterministic")
        return "unknown";
    const fresh = counts(reruns.freshSeeds);
    if (fresh.n === 0)
        return "unknown";
    if (fresh.failures === fresh.n)
        return "all-seeds";
    if (fresh.failures <= fresh.n / 2)
        return "seed-specific";
    return "unknown";
}
/**
 * A probability as a percentage with two significant digits, rounded in the direction that
 * keeps a bound true ("< 26%" for 25.89%): up for upper bounds, down for lower bounds.
 */
function pct(p, rounding = "nearest") {
    if (p <= 0)
        return "0%";
    if (p >= 1)
        return "100%";
    const percent = p * 100;
    const scale = Math.pow(10, Math.floor(Math.log10(percent)) - 1);
    const round = rounding === "up" ? Math.ceil : rounding === "down" ? Math.floor : Math.round;
    // The epsilon keeps 30.000000000000004 from rounding up to 31.
    const nudge = rounding === "up" ? -1e-9 : rounding === "down" ? 1e-9 : 0;
    return `${Number((round(percent / scale + nudge) * scale).toPrecision(2))}%`;
}
function runs(n) {
    return n === 1 ? "1 rerun" : `${n} reruns`;
}
function confidenceOf(verdict, c) {
    switch (verdict) {
        case "deterministic": {
            const bound = upperBound(0, c.n);
            return {
                about: "pass-probability",
                upperBound95: bound,
                estimate: 0,
                text: `failed all ${runs(c.n)}: passes with probability < ${pct(bound, "up")} (exact 95% bound)`,
                moreRerunsAdvised: c.n < MIN_TRIALS || bound > MAX_BOUND,
            };
        }
        case "not-reproduced": {
            const bound = upperBound(0, c.n);
            return {
                about: "failure-probability",
                upperBound95: bound,
                estimate: 0,
                text: `passed all ${runs(c.n)}: fails with probability < ${pct(bound, "up")} (exact 95% bound)`,
                moreRerunsAdvised: c.n < MIN_TRIALS || bound > MAX_BOUND,
            };
        }
        case "intermittent": {
            const ci = interval(c.failures, c.n);
            const estimate = c.failures / c.n;
            return {
                about: "failure-probability",
                upperBound95: upperBound(c.failures, c.n),
                estimate,
                text: `failed ${c.failures} of ${runs(c.n)}: failure rate ${pct(estimate)} ` +
                    `(95% interval ${pct(ci.lower, "down")}-${pct(ci.upper, "up")})`,
                moreRerunsAdvised: c.n < MIN_TRIALS,
            };
        }
        case "not-rerun":
            return NO_CONFIDENCE;
    }
}
/**
 * One object for every test not rerun (a report of 30,000 failures mostly holds those), frozen
 * so that no consumer can change it for all of them at once.
 */
const NO_CONFIDENCE = Object.freeze({
    about: "none",
    upperBound95: null,
    estimate: null,
    text: "not rerun: no confidence beyond the failure text",
    moreRerunsAdvised: true,
});
/**
 * The reason of a test not rerun whose text points to no cause: most tests of a large report,
 * and one string per note (there are a handful), not one per test (~130 bytes each, held by
 * the report until it is written). Bounded, in case notes ever vary without end.
 */
function noCauseReason(note) {
    let reason = noCauseReasons.get(note);
    if (reason === undefined) {
        reason = `not rerun${note !== undefined ? ` (${note})` : ""}, and the failure text alone points to no cause`;
        if (noCauseReasons.size < MAX_NO_CAUSE_REASONS)
            noCauseReasons.set(note, reason);
    }
    return reason;
}
const noCauseReasons = new Map();
const MAX_NO_CAUSE_REASONS = 100;
/**
 * A test named for what it exercises (`parallelSum adds every value`, `test_concurrent_writes`):
 * evidence of concurrency where its failure text has none, as a race's often has not.
 */
const CONCURRENT_NAME = /thread|concurren|parallel|(?<![a-z])(?:race|lock)|mutex|worker|atomic|goroutine/i;
function concurrentName(name) {
    return CONCURRENT_NAME.test(name) ? { kind: "concurrency", evidence: name.slice(0, 120) } : undefined;
}
function quote(hint) {
    return `"${hint.evidence}"`;
}
/** Machine epsilon per dtype: an rtol below it asks for more digits than the values have. */
const EPSILON = { float16: 2 ** -10, float32: 2 ** -23, float64: 2 ** -52 };
/**
 * An rtol below the dtype's own precision (float32 values checked at rtol=1e-7), where what the
 * observed case needs is within the dtype's guideline: the check cannot hold whatever the seed,
 * so it is the tolerance, not a regression, however far the miss. Why, or undefined.
 */
function belowPrecision(tolerance) {
    const { dtype, rtol, suggestion } = tolerance;
    const eps = dtype !== undefined ? EPSILON[dtype] : undefined;
    const guideline = guidelineFor(dtype);
    if (eps === undefined || guideline === undefined || rtol === null || rtol >= eps)
        return undefined;
    if (suggestion === null || suggestion.parameter !== "rtol" || suggestion.minimumPassing > guideline.rtol)
        return undefined;
    return (`rtol ${formatTolerance(rtol)} is below ${dtype}'s precision (machine epsilon ${formatTolerance(Number(eps.toPrecision(2)))}): ` +
        `the observed case needs rtol >= ${formatTolerance(suggestion.minimumPassing)}, within the ${dtype} guideline of ${formatTolerance(guideline.rtol)}`);
}
/** The atol guideline that bounds a by-construction failure; float32's when the dtype is unknown. */
function constructionLimit(tolerance) {
    return (guidelineFor(tolerance.dtype) ?? DTYPE_GUIDELINES.float32).atol;
}
function numericSignal(tolerance, hints) {
    // A difference of zero cannot have failed the check: the printed values lost the digits that
    // differ. That says nothing about how near the miss was.
    const ratio = tolerance?.ratio !== null && tolerance?.ratio !== undefined && tolerance.ratio > 0 ? tolerance.ratio : null;
    const construction = tolerance !== null &&
        cannotPassByConstruction(tolerance) &&
        tolerance.suggestion.minimumPassing <= constructionLimit(tolerance);
    const nonFinite = tolerance?.nonFinite ?? (findHint(hints, "non-finite") ? "nan/inf" : undefined);
    const precision = construction || tolerance === null ? undefined : belowPrecision(tolerance);
    const signal = {
        nearMiss: ratio !== null && ratio <= NEAR_MISS_RATIO,
        construction: construction || precision !== undefined,
        farMiss: ratio !== null && ratio > NEAR_MISS_RATIO,
        nonFinite,
        overflow: findHint(hints, "overflow"),
        describe: "",
    };
    if (construction) {
        signal.describe =
            `atol=0 against an expected 0 cannot pass for any nonzero error ` +
                `(observed ${formatTolerance(tolerance.suggestion.minimumPassing)})`;
    }
    else if (precision !== undefined) {
        signal.describe = precision;
    }
    else if (ratio !== null) {
        signal.describe = `error ${Number(ratio.toPrecision(3))}x the allowed tolerance`;
    }
    return signal;
}
/** Why a failing import of the project's own module is a regression. */
const OWN_IMPORT = "an import of the project's own module fails: a name it needs moved or was removed, or modules import each other in a circle";
function textCause(hints, numeric) {
    const crash = findHint(hints, "crash");
    if (crash)
        return { cause: "crash", because: `the output shows a crash (${quote(crash)})` };
    const timeout = findHint(hints, "timeout");
    if (timeout)
        return { cause: "timeout", because: `the text says it timed out (${quote(timeout)})` };
    const env = findHint(hints, "environment");
    if (env)
        return { cause: "environment", because: `the text shows a setup problem (${quote(env)})` };
    const own = findHint(hints, "own-import");
    if (own)
        return { cause: "regression", because: `${OWN_IMPORT} (${quote(own)})` };
    if (numeric.nearMiss || numeric.construction) {
        return { cause: "tolerance", because: numeric.nearMiss ? `a numeric near miss: ${numeric.describe}` : numeric.describe };
    }
    if (numeric.nonFinite !== undefined) {
        return { cause: "edge-case", because: `non-finite values (${numeric.nonFinite}) where finite ones were expected` };
    }
    if (numeric.overflow)
        return { cause: "edge-case", because: `an overflow (${quote(numeric.overflow)})` };
    return null;
}
/**
 * Whether giving `seed` back pins the test's random inputs: a seed the test reads itself (an
 * environment variable, an argument) does; one only fed to random's and numpy's global
 * generators does not (np.random.default_rng() and fixtures that pick their own seed escape it).
 */
/** Where a seed that pins only the global generators went, in the test's runner's terms. */
function globalSeedWords(test, seed) {
    if (ordersTestsOnly(seed)) {
        const of = recogniserRunner(seed.recogniser) ?? test.runner;
        return `given back as ${of !== undefined ? `${of}'s ` : "the "}test-order seed, which seeds nothing the test draws`;
    }
    const runner = test.runner ?? "pytest";
    if (runner === "pytest")
        return "given to random's and numpy's global generators only";
    return runner === "jest" ? "given back as jest's --seed only" : `given back to ${runner} as its seed only`;
}
function pinsInputs(seed) {
    return seed !== null && seed.apply.kind !== "global-rng" && !ordersTestsOnly(seed);
}
/** Whether the only trials are the report's own retries: flaky-triage reran nothing of its own. */
function onlyRecordedRetries(reruns) {
    return reruns.sameSeed.runs === 0 && reruns.recorded !== undefined;
}
/** What the failure text alone says about the cause (message, details and output together). */
function failureHints(test, ctx = {}) {
    const hints = causeHintsOfParts([test.message, test.details, test.output].filter((t) => t !== undefined), ctx);
    // Two test files of one name imported as one module: the project's layout, where it is the
    // test's own failure (a file that failed to collect), not text a test printed.
    if (failedWithImportMismatch(test) && findHint(hints, "environment") === undefined) {
        return [...hints, { kind: "environment", evidence: IMPORT_FILE_MISMATCH }];
    }
    return hints;
}
/** Verdict, seed sensitivity, cause and confidence for one test. See RULES above. */
function classify(input) {
    const { test, seed, tolerance, reruns, seedReapplied } = input;
    const instead = reruns.seedsPrintedInstead !== undefined && reruns.seedsPrintedInstead.length > 0 ? reruns.seedsPrintedInstead : undefined;
    const hints = input.hints ?? failureHints(test);
    const numeric = numericSignal(tolerance, hints);
    const same = counts(reruns.sameSeed, reruns.recorded);
    const order = counts(reruns.order);
    const orderDependent = same.n > 0 && same.passes === same.n && reruns.order !== undefined && order.failures > 0;
    const basis = orderDependent ? order : same;
    const verdict = verdictOf(basis);
    // Fresh-seed runs of an order-dependent test ran alone and pass: they say nothing of seeds.
    const seedSensitivity = orderDependent ? "unknown" : sensitivityOf(verdict, reruns);
    const confidence = confidenceOf(verdict, basis);
    const done = (cause, causeReason) => ({
        verdict,
        seedSensitivity,
        cause,
        causeReason,
        confidence,
    });
    if (orderDependent) {
        return done("order-dependence", `passed all ${runs(same.n)} alone but failed ${order.failures} of ${order.n} after ` +
            `${reruns.order.predecessors} earlier test${reruns.order.predecessors === 1 ? "" : "s"}: state leaks from a predecessor`);
    }
    if (verdict === "not-rerun") {
        const why = reruns.note !== undefined ? ` (${reruns.note})` : "";
        const guess = textCause(hints, numeric);
        if (guess === null)
            return done("unknown", noCauseReason(reruns.note));
        return done(guess.cause, `${guess.because}; a hypothesis from the failure text until reruns confirm it${why}`);
    }
    if (verdict === "not-reproduced") {
        const timeout = findHint(hints, "timeout");
        const env = findHint(hints, "environment");
        // The order check passed too: say so, it rules out the commonest reason a test fails only in CI.
        const passed = reruns.order !== undefined && order.n > 0
            ? `did not fail in ${runs(same.n)} (nor in ${order.n} more after its ${reruns.order.predecessors} predecessors)`
            : `did not fail in ${runs(same.n)}`;
        const fresh = counts(reruns.freshSeeds);
        if (seed !== null && instead === undefined && fresh.failures > 0) {
            return notReproducedButFresh(done, passed, seed, fresh, reruns.freshSeeds.failingSeeds);
        }
        if (timeout) {
            return done("timeout", `${passed}, but the original run timed out (${quote(timeout)}): likely a slow or overloaded CI machine`);
        }
        if (env) {
            return done("environment", `${passed}, but the original run had a setup problem (${quote(env)}): the CI environment differs`);
        }
        if (seed !== null && instead !== undefined) {
            return done("unknown", `${passed}, but not with CI's seed: ${drewItsOwn(seed, instead)}, so CI's inputs were never tried again`);
        }
        return done("unknown", passed);
    }
    // deterministic or intermittent from here on.
    if (same.crashed * 2 > same.failures) {
        return done("crash", `${same.crashed} of ${same.failures} failing reruns crashed`);
    }
    const timeoutHint = findHint(hints, "timeout");
    if (same.timedOut * 2 > same.failures) {
        return done("timeout", `${same.timedOut} of ${same.failures} failing reruns timed out`);
    }
    if (timeoutHint)
        return done("timeout", `the text says it timed out (${quote(timeoutHint)})`);
    const envHint = findHint(hints, "environment");
    if (envHint)
        return done("environment", `the text shows a setup problem (${quote(envHint)})`);
    const ownImport = findHint(hints, "own-import");
    if (ownImport && verdict === "deterministic") {
        return done("regression", `failed all ${runs(same.n)}: ${OWN_IMPORT} (${quote(ownImport)})`);
    }
    // A worker or subprocess the test depends on died by a signal: the test itself reports a
    // plain failure, so the tallies show no crash, but the cause is the crash.
    const crashHint = findHint(hints, "crash");
    if (crashHint)
        return done("crash", `the failure text shows a process dying (${quote(crashHint)})`);
    if (verdict === "deterministic") {
        const fresh = counts(reruns.freshSeeds);
        if (seed !== null && ordersOnly(seed) && fresh.passes > 0) {
            return done("order-dependence", `failed all ${runs(same.n)} in its recorded order (seed ${seed.value}) but passed ${fresh.passes} of ` +
                `${fresh.n} fresh orders: which tests run before it decides`);
        }
        return deterministicCause(done, same, fresh, seed, seedSensitivity, numeric, instead, seedReapplied);
    }
    // intermittent
    if (onlyRecordedRetries(reruns)) {
        // Only the report's own retries (gotestsum --rerun-fails, surefire, pytest-rerunfailures):
        // flaky-triage does not rerun a test that passed its retry, and a retry that ran the test
        // without the tests before it (gotestsum's does) cannot tell a race from order dependence.
        return done("unknown", `failed ${same.failures} of the ${same.n} runs the report recorded (the test runner's own retries, ` +
            `not repeated here): a race, or order dependence when a retry ran it without the tests before it`);
    }
    if (seed !== null && instead !== undefined) {
        return done("unknown", `failed ${same.failures} of ${runs(same.n)}, each with inputs of its own: ${drewItsOwn(seed, instead)}; ` +
            `an unlucky draw cannot be told from a race until the test takes its seed back`);
    }
    if (seed !== null && !seedReapplied) {
        return done("unknown", `failed ${same.failures} of ${runs(same.n)}, but its seed ${seed.value} could not be ` +
            `re-applied: unseeded randomness cannot be ruled out`);
    }
    // Inputs no seed pins (none printed, or one only for the global generators): a race needs
    // evidence of its own.
    const concurrency = findHint(hints, "concurrency") ?? concurrentName(test.name);
    if (!pinsInputs(seed) && concurrency === undefined) {
        return done("unknown", `failed ${same.failures} of ${runs(same.n)} ${seed === null ? "with no seed printed" : `with its seed ${seed.value} ${globalSeedWords(test, seed)}`}: ` +
            `unseeded randomness (a generator of its own, a fixture that picks a seed) or a race, and its text shows no threads or processes`);
    }
    const under = seed !== null
        ? `with the same seed ${seed.value}`
        : `with no seed printed, running concurrent code (${concurrency.evidence === test.name ? `its name: ${quote(concurrency)}` : quote(concurrency)})`;
    const numericNote = numeric.nearMiss ? `; the ${numeric.describe} suggests nondeterministic numerics, not a tolerance problem` : "";
    return done("race-condition", `failed ${same.failures} of ${runs(same.n)} ${under}: something outside the inputs varies between runs${numericNote}`);
}
/**
 * The falsifying example of a failure hypothesis replays (its @reproduce_failure blob, or the
 * example itself) on one line, "" when only the blob was printed; null for other seeds.
 */
function hypothesisExample(seed) {
    if (seed === null)
        return null;
    const example = [seed, ...(seed.related ?? [])].find((s) => s.recogniser === "hypothesis-falsifying-example");
    if (seed.apply.kind !== "hypothesis" && example === undefined)
        return null;
    if (example === undefined)
        return "";
    // Hypothesis comments an argument any value of which fails: `x=0,  # or any other generated value`.
    const line = example.value
        .replace(/[ \t]*#[^\n]*/g, "")
        .replace(/\s*\n\s*/g, "")
        .replace(/,\)$/, ")");
    return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
/** Whether hypothesis said that any generated value of an argument fails: no one input to fix. */
function anyValueFails(seed) {
    return [seed, ...(seed?.related ?? [])].some((s) => s?.recogniser === "hypothesis-falsifying-example" && /# or any other generated value/.test(s.value));
}
/** What a test that printed other seeds than the one it was given did. */
/**
 * Not reproduced with CI's seed, yet some fresh seeds failed: evidence of its own, which "did not
 * fail in N reruns" hid (and the report showed green). A seed that orders the tests: other
 * orders fail, so the order decides. One that pins inputs: some inputs break it, CI's did not
 * here, so CI's failure had another cause or the seed does not pin what failed.
 */
function notReproducedButFresh(done, passed, seed, fresh, failingSeeds) {
    const listed = failingSeeds.slice(0, 5).join(", ") + (failingSeeds.length > 5 ? ", ..." : "");
    const which = listed === "" ? "" : ` (${listed})`;
    if (ordersOnly(seed)) {
        return done("order-dependence", `${passed} in CI's order (seed ${seed.value}) but failed ${fresh.failures} of ${fresh.n} other orders${which}: which tests run before it decides`);
    }
    if (ordersTestsOnly(seed)) {
        return done("unknown", `${passed} with CI's seed ${seed.value} but failed ${fresh.failures} of ${fresh.n} more runs with other seeds${which}, which only order the tests ` +
            `and it ran alone: it fails intermittently, from unseeded randomness or a race`);
    }
    return done("unknown", `${passed} with CI's seed ${seed.value}, but failed with ${fresh.failures} of ${fresh.n} fresh seeds${which}: some inputs break it, ` +
        `and CI's did not here, so CI's failure had another cause (a race, the machine) or the seed does not pin what failed`);
}
function drewItsOwn(seed, instead) {
    return `given CI's seed ${seed.value}, they printed ${instead.join(", ")} (the test draws its own seed and only prints it)`;
}
function deterministicCause(done, same, fresh, seed, sensitivity, numeric, instead, seedReapplied) {
    const all = `failed all ${runs(same.n)}`;
    if (numeric.nearMiss || numeric.construction) {
        return done("tolerance", numeric.nearMiss ? `${all} with a near miss: ${numeric.describe}` : `${all}: ${numeric.describe}`);
    }
    const example = hypothesisExample(seed);
    if (example !== null && anyValueFails(seed)) {
        return done("regression", `${all}; hypothesis's falsifying example ${example} fails with any other generated value too: a real bug`);
    }
    if (example !== null && sensitivity !== "all-seeds") {
        // Hypothesis searched the inputs and shrank the failure to one: the fresh-seed question
        // ("edge case or regression?") is answered by the search itself.
        return done("edge-case", `${all}; hypothesis's falsifying example${example !== "" ? ` ${example}` : ""}: an input the code does not handle`);
    }
    if (seed !== null && instead !== undefined) {
        // Not CI's seed again and again: a draw of its own each time, as fresh seeds would be.
        return done("regression", `${all}, each with inputs of its own (${drewItsOwn(seed, instead)}): it fails whatever it draws`);
    }
    if (seed !== null && !seedReapplied && fresh.n === 0) {
        // The reruns ran on the test's own default inputs (a --rerun-command without {seed} for a
        // seed given as an argument): "with seed N" would claim what never ran. Failing without
        // CI's inputs as well, it fails whatever its inputs, as a test with no seed to vary does.
        return done("regression", `${all}, run without its seed ${seed.value} (the reruns could not be given it): it fails without CI's inputs too, a real bug`);
    }
    if (sensitivity === "seed-specific") {
        if (numeric.nonFinite !== undefined) {
            return done("edge-case", `${all} with its seed but not with most fresh seeds; non-finite values (${numeric.nonFinite})`);
        }
        if (numeric.overflow) {
            return done("edge-case", `${all} with its seed but not with most fresh seeds; overflow (${quote(numeric.overflow)})`);
        }
        if (numeric.farMiss) {
            return done("edge-case", `${all} with its seed but not with most fresh seeds; ${numeric.describe}, far beyond noise`);
        }
        return done("edge-case", `${all} with its seed but not with most fresh seeds: those inputs hit an unhandled case`);
    }
    if (sensitivity === "all-seeds") {
        return done("regression", `${all} and every fresh seed${numeric.describe ? ` (${numeric.describe})` : ""}: a real bug`);
    }
    if (seed === null) {
        return done("regression", `${all} and printed no seed to vary: a real bug`);
    }
    if (fresh.n > 0) {
        // More than half of the fresh seeds failed, but not all: neither a few unlucky inputs nor
        // every input.
        return done("unknown", `${all} with seed ${seed.value} and ${fresh.failures} of ${fresh.n} fresh seeds: most inputs fail, some pass; ` +
            `what the passing ones have in common tells an edge case from a regression`);
    }
    return done("unknown", `${all} with seed ${seed.value}; without fresh-seed runs an edge case cannot be told from a regression`);
}

;// CONCATENATED MODULE: ./src/render/explain.ts
/**
 * `flaky-triage explain`: the triage of a pasted log told to a person, one failing test at a
 * time, in the order the manual process works (docs reference "Fixing flaky tests"): the test
 * and its seed, how to reproduce it, the error against the tolerances, the likely cause, and
 * what to run to confirm it. Plain text; bold headings only on a terminal.
 */





/** Trials the reference asks for before a fix is called done ("more than 10000 passes"). */
const CONFIRM_TRIALS = 10_000;
/** Everything taken from the log passes through here: one visible line, no escapes. */
function clean(s, max = 500) {
    return sanitizeLine(s, max);
}
/** A computed figure: seven significant digits, as many as the tools print themselves. */
function explain_num(x) {
    if (!Number.isFinite(x))
        return String(x);
    return Number(x.toPrecision(7)).toString();
}
/** A value read from the text: JavaScript's shortest form gives back the digits printed. */
function printed(x) {
    return String(x);
}
function applyLine(apply, recogniser) {
    switch (apply.kind) {
        case "env":
            return `goes back as the environment: ${Object.entries(apply.env)
                .map(([k, v]) => `${k}=${v}`)
                .join(" ")}`;
        case "args":
            return `goes back as ${recogniserRunner(recogniser) ?? "pytest"} arguments: ${apply.args.join(" ")}`;
        case "global-rng":
            return `seeds python's, numpy's (and torch's) global generators: ${apply.value}`;
        case "hypothesis":
            return `replays with ${apply.decorator}`;
        case "none":
            return `cannot be given back: ${apply.why}`;
    }
}
function seedLines(seed, test) {
    if (seed === null) {
        return ["  no seed found in the text: the failure may not depend on random inputs, or the seed was not printed (or was cut off)"];
    }
    const where = (s) => (s.source.line !== undefined ? `${s.source.file} line ${s.source.line}` : s.source.file);
    const out = [
        `  ${clean(seed.value, 200)}  (${seed.recogniser}, read at ${clean(where(seed))})`,
        `  ${clean(applyLine(seed.apply, seed.recogniser))}`,
    ];
    for (const r of seed.related ?? []) {
        // A falsifying example is printed over lines (`test_y(\n    x=1000,\n)`): one line here.
        const value = r.recogniser === "hypothesis-falsifying-example" ? (hypothesisExample(r) ?? r.value) : r.value;
        out.push(`  also ${clean(value, 200)}  (${r.recogniser}, read at ${clean(where(r))})`);
    }
    out.push("", "  reproduce:");
    if (test.reproduce !== null) {
        out.push(`    ${clean(test.reproduce, 2000)}`);
    }
    else {
        const env = seed.apply.kind === "env" ? Object.entries(seed.apply.env).map(([k, v]) => `${k}=${v}`).join(" ") : null;
        out.push(`    no command: the log does not say which file holds ${clean(test.id)}` +
            (env !== null ? `; run it with ${clean(env)} in its environment` : ""));
    }
    return out;
}
function toleranceLines(t) {
    if (t === null)
        return ["  no numeric comparison recognised in the failure text"];
    const out = [`  format: ${t.format}`];
    const tol = [t.rtol !== null ? `rtol=${formatTolerance(t.rtol)}` : null, t.atol !== null ? `atol=${formatTolerance(t.atol)}` : null]
        .filter((x) => x !== null)
        .join(", ");
    if (tol !== "")
        out.push(`  tolerances in force: ${tol}`);
    if (t.nonFinite !== undefined) {
        out.push(`  non-finite value: ${t.nonFinite} where a finite one was expected (no tolerance fixes that)`);
    }
    if (t.ratio === 0) {
        // A failed check with no difference in the printed values: they lost the digits that differ.
        out.push("  error ratio: not visible (the printed values agree to the digits shown)");
    }
    else if (t.ratio !== null) {
        out.push(`  error ratio: ${explain_num(t.ratio)}  (|actual - expected| / (atol + rtol*|expected|); the check passes at <= 1)`);
    }
    const at = t.location !== undefined ? ` at ${clean(t.location, 100)}` : "";
    if (t.actual !== undefined && t.expected !== undefined) {
        out.push(`  worst element${at}: actual ${printed(t.actual)}, expected ${printed(t.expected)}`);
    }
    else if (at !== "") {
        out.push(`  worst element${at}`);
    }
    out.push(`  dtype: ${t.dtype ?? "not shown in the text"}`);
    const s = t.suggestion;
    if (s === null) {
        if (t.nonFinite === undefined)
            out.push("  no tolerance change computed from what the text shows");
        return out;
    }
    out.push(`  smallest passing ${s.parameter}: ${formatNeeded(s.minimumPassing)} (the other tolerance unchanged)`, `  next rung: ${s.parameter} ${formatTolerance(s.from)} -> ${formatTolerance(s.to)}: ` +
        (s.rungsNeeded <= 1
            ? "one rung covers the observed case"
            : `the observed case needs ${s.rungsNeeded} rungs; raise one rung at a time and rerun after each`));
    const g = guidelineFor(t.dtype);
    if (s.guidelineWarning !== undefined) {
        out.push(`  warning: ${s.guidelineWarning}`);
    }
    else if (g !== undefined && s.minimumPassing > g[s.parameter]) {
        // The next rung is fine, but the rungs after it that the observed case needs are not.
        out.push(`  warning: the observed case needs ${s.parameter} ${formatNeeded(s.minimumPassing)}, above the ${t.dtype} ` +
            `guideline ${formatTolerance(g[s.parameter])}: double-check the implementation or the test before going that far`);
    }
    else {
        out.push(g !== undefined
            ? `  within the ${t.dtype} guideline (rtol ${formatTolerance(g.rtol)}, atol ${formatTolerance(g.atol)})`
            : "  dtype unknown: check the new value against the guideline for the test's dtype (float16 rtol/atol 1e-2; float32 rtol 1e-4, atol 1e-3; float64 rtol 1e-7, atol 1e-3)");
    }
    return out;
}
function runnerFlag(options) {
    const runner = options.runner ?? null;
    return runner === null || runner === "pytest" ? "" : ` --runner ${clean(shellQuote(runner), 40)}`;
}
/**
 * pytest's driver seeds the global generators itself and jest takes `--seed`; a go or vitest
 * test is seeded only through what its seed went back as (a variable, an argument): without
 * one, verify asks how (and verifies nothing).
 */
function needsSeedFlag(test, options) {
    const runner = options.runner ?? null;
    if (runner !== "go" && runner !== "vitest")
        return false;
    return test.seed === null || (test.seed.apply.kind !== "env" && test.seed.apply.kind !== "args");
}
function confirmLines(test, options) {
    const log = options.logArg === "-" ? "pasted.log" : options.logArg;
    const save = options.logArg === "-" ? ["  save the pasted text as pasted.log, then"] : [];
    return [
        ...save,
        `  flaky-triage ${clean(shellQuote(log))} --cwd ${options.project !== null ? clean(shellQuote(options.project)) : "PROJECT_ROOT"}`,
        "    reruns it with the same seed and with fresh seeds: same-seed failures every time mean a real",
        "    failure (edge case if fresh seeds pass, regression if they fail); mixed results mean a race",
        ...verifyLines(test, options),
    ];
}
/** The verify command to run after a fix, and what to fill in for it. */
function verifyLines(test, options) {
    // An id no driver runs (a nose id without its file) would make verify refuse: the triage
    // above, with --cwd, names the test by one it can run.
    const runnable = test.reproduce !== null;
    const seedFlag = runnable && needsSeedFlag(test, options);
    const id = runnable ? clean(shellQuote(test.id), 1000) : "TEST_ID";
    const command = `  flaky-triage verify ${id}${runnerFlag(options)}${seedFlag ? " --seed-env NAME" : ""} --trials ${CONFIRM_TRIALS}`;
    if (seedFlag) {
        return [
            command,
            "    after a fix, from the project root, NAME the variable the test reads its seed from (or",
            "    --seed-arg TEMPLATE): the reference asks for more than 10000 passes",
        ];
    }
    if (runnable)
        return [command, "    after a fix, from the project root: the reference asks for more than 10000 passes"];
    return [
        command,
        "    after a fix, from the project root, with the id the triage above gives the test (this log's",
        `    ${clean(test.id, 200)} names no file to run): the reference asks for more than 10000 passes`,
    ];
}
function explainTest(test, options, h) {
    const where = test.file !== null ? `${test.file}${test.line !== null ? `:${test.line}` : ""}` : null;
    const lines = [
        h(`${test.outcome === "errored" ? "ERROR" : "FAILED"}  ${clean(test.id)}`),
        ...(where !== null ? [`  code: ${clean(where)}`] : []),
        ...(test.message !== null ? [`  message: ${clean(test.message, 300)}`] : []),
        "",
        h("Seed"),
        ...seedLines(test.seed, test),
        "",
        h("Tolerance"),
        ...toleranceLines(test.tolerance),
        "",
        h(`Likely cause: ${test.cause}`),
        `  why: ${clean(test.causeReason, 1000)}`,
        `  fix: ${clean(test.suggestion, 1000)}`,
    ];
    if (test.verdict !== "not-rerun") {
        lines.push(`  verdict: ${test.verdict} (${clean(test.confidence.text)})`);
    }
    lines.push("", h("To confirm"), ...confirmLines(test, options));
    return lines;
}
/** The explanation of every failing test in `report`, and what was cut or could not be read. */
function renderExplain(report, options) {
    const h = (s) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
    const out = [];
    const failing = report.tests;
    const inputs = report.inputs.map((i) => `${clean(i.path)} (${i.kind})`).join(", ");
    out.push(`${failing.length === 1 ? "1 failing test" : `${failing.length} failing tests`} in ${inputs}`);
    const warnings = report.inputs.flatMap((i) => i.warnings);
    if (warnings.length > 0) {
        out.push("", h("What the text lacks or was cut"));
        for (const w of warnings)
            out.push(`  - ${clean(w, 1000)}`);
    }
    if (failing.length > 0) {
        // explain is for pasted excerpts and never runs anything.
        out.push("", "Nothing was rerun: causes below are read from the text alone and stay hypotheses until reruns confirm them.");
    }
    for (const t of failing) {
        out.push("", "-".repeat(72), ...explainTest(t, options, h));
    }
    return out.join("\n") + "\n";
}

;// CONCATENATED MODULE: ./src/rerun/env.ts
/**
 * The environment reruns get: the user's, minus anything that looks like a credential (unless
 * the user passes it by name, PASS_ENV) and the runner's file commands. A failing test is code
 * from a pull request; rerunning it must not hand it the CI job's tokens (GITHUB_TOKEN can
 * push, ACTIONS_RUNTIME_TOKEN can write caches and artifacts).
 */

/** GitHub Actions' runtime variables: tokens and the URLs they are meant for. */
const ACTIONS_RUNTIME = /^ACTIONS_(RUNTIME_|ID_TOKEN_REQUEST_|[A-Z0-9_]*_TOKEN$)/i;
/** Any name that says it holds a secret; case-insensitive because `npm_config__authToken` exists. */
const SECRET_WORDS = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|PRIVATE_?KEY/i;
function isCredentialName(name) {
    return name === "GITHUB_TOKEN" || ACTIONS_RUNTIME.test(name) || SECRET_WORDS.test(name);
}
/**
 * The runner's file commands: files whose lines the runner turns into the job summary, step
 * outputs, and the environment and PATH of later steps. A rerun test that could append to them
 * would write unescaped Markdown into the summary, forge our outputs or set BASH_ENV for the
 * next step, past every stop-commands block; it gets none of them.
 */
const RUNNER_FILE_COMMANDS = new Set(["GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STATE"]);
/** Whether a rerun must not see this variable: a credential or a runner file command. */
function isWithheld(name) {
    return isCredentialName(name) || RUNNER_FILE_COMMANDS.has(name.toUpperCase());
}
/**
 * The variable naming what reruns may see although it looks like a credential: names separated
 * by commas or blanks (`FLAKY_TRIAGE_PASS_ENV=DB_PASSWORD`). A test that reads a database
 * password fails every rerun without it. An environment variable, not a flag, so the CLI, the
 * Action (`env:` of its step) and the Jenkins step (`withEnv`) all take it the same way. The
 * runner's file commands are never passed.
 */
const PASS_ENV = "FLAKY_TRIAGE_PASS_ENV";
/** The names (never the values) of the credential-like variables reruns withhold, given to reruns. */
const WITHHELD_ENV = "FLAKY_TRIAGE_WITHHELD";
function passedNames(user) {
    return new Set((user[PASS_ENV] ?? "").split(/[\s,]+/).filter((n) => n !== "" && !RUNNER_FILE_COMMANDS.has(n.toUpperCase())));
}
/** The names of `user` that reruns do not get. */
function withheldNames(user) {
    const passed = passedNames(user);
    return Object.keys(user).filter((name) => user[name] !== undefined && isWithheld(name) && !passed.has(name));
}
/**
 * `user` is the environment the adapter was started with (passed in, never read from
 * `process.env` here); `pluginDir` holds our pytest plugin module.
 */
function rerunEnv(user, pluginDir) {
    const env = {};
    const withheld = new Set(withheldNames(user));
    for (const [name, value] of Object.entries(user)) {
        if (value === undefined || withheld.has(name))
            continue;
        env[name] = value;
    }
    // Names only, for our pytest plugin: it notes a test that reads one of them and finds it missing.
    const credentials = [...withheld].filter(isCredentialName);
    if (credentials.length > 0)
        env[WITHHELD_ENV] = credentials.join(",");
    // Reruns must not leave __pycache__ directories in the user's checkout.
    env.PYTHONDONTWRITEBYTECODE = "1";
    const existing = env.PYTHONPATH;
    env.PYTHONPATH = existing ? `${pluginDir}${(external_node_path_default()).delimiter}${existing}` : pluginDir;
    return env;
}

;// CONCATENATED MODULE: ./src/rerun/tally.ts
const emptyTally = () => ({ runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false });
/** Counts one attempt into `tally` by its kind (a skipped one only as a run). */
function countTrial(tally, t) {
    tally.runs++;
    if (t.kind === "passed")
        tally.passed++;
    else if (t.kind === "failed")
        tally.failed++;
    else if (t.kind === "timedOut")
        tally.timedOut++;
    else if (t.kind === "crashed")
        tally.crashed++;
}
/** The fresh-seed phase's tally with the seeds it tried and those that failed, from its trials. */
function freshTally(tally, trials) {
    const seeds = [];
    const failingSeeds = [];
    for (const t of trials) {
        if (t.seed === undefined || t.seed === "")
            continue;
        seeds.push(t.seed);
        if (t.kind === "failed" || t.kind === "timedOut" || t.kind === "crashed")
            failingSeeds.push(t.seed);
    }
    return { ...tally, seeds, failingSeeds };
}

;// CONCATENATED MODULE: ./src/rerun/withheld.ts



/** Recounts a phase's tally from its trials (`runs` is one per trial either way). */
function retally(tally, trials) {
    const t = { ...emptyTally(), stoppedEarly: tally.stoppedEarly };
    for (const trial of trials)
        countTrial(t, trial);
    return t;
}
/** A message's first line of substance, without pytest's `E` and the exception's name. */
function gist(message) {
    const first = message.split("\n").find((l) => l.trim() !== "") ?? "";
    return first.replace(/^\s*E\s+/, "").replace(/^[\w.]*(?:Error|Exception|Failure):\s*/, "").trim();
}
/** Whether two failure messages tell of the same failure (one may be cut or prefixed). */
function sameFailure(a, b) {
    const x = gist(a);
    const y = gist(b);
    return x !== "" && y !== "" && (x === y || x.includes(y) || y.includes(x));
}
const withheld_escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function namePattern(withheld) {
    return new RegExp(`(?<![\\w$])(?:${withheld.map(withheld_escape).join("|")})(?![\\w$])`);
}
/** The first of `withheld` that `message` names (as a whole word), or null. */
function withheldNamedIn(message, withheld) {
    return withheld.length === 0 ? null : (namePattern(withheld).exec(message)?.[0] ?? null);
}
/**
 * Turns the failing trials whose message names a withheld variable, or that read one and found
 * it missing, one the CI failure's message does not name, into skipped ones and recounts the
 * tallies (in place: `reruns` and `byPhase` are rerunTest's own). Returns the note to add, or null when no trial was such.
 */
function discountWithheld(reruns, byPhase, withheld, ciMessage) {
    if (withheld.length === 0)
        return null;
    // Only against a CI failure that says what failed: with none to compare (gotestsum writes
    // "Failed" for every test, `--tb=no` logs none) a rerun naming the variable may be failing
    // exactly as CI did (a test that clears API_KEY itself and checks the error names it).
    if (isUninformativeMessage(ciMessage))
        return null;
    const pattern = namePattern(withheld);
    // A failure CI had too is the test's own, whatever it names.
    if (pattern.test(ciMessage))
        return null;
    const named = new Set();
    let discounted = 0;
    for (const phase of Object.keys(byPhase)) {
        byPhase[phase] = byPhase[phase].map((t) => {
            if (t.kind !== "failed" && t.kind !== "crashed")
                return t;
            // Named in the failure, or read and found missing by the test (our pytest plugin saw it:
            // os.environ.get gives None, and the failure then names something else).
            const inMessage = t.message !== undefined ? pattern.exec(t.message)?.[0] : undefined;
            // A read alone (a module's optional `os.environ.get("API_TOKEN")`) proves nothing when the
            // rerun failed as CI did: that failure is the test's own.
            const read = t.kind === "failed" && !(t.message !== undefined && sameFailure(t.message, ciMessage)) ? (t.withheld ?? []).filter((n) => withheld.includes(n)) : [];
            if (inMessage === undefined && read.length === 0)
                return t;
            for (const name of inMessage !== undefined ? [inMessage] : read)
                named.add(name);
            discounted++;
            return { kind: "skipped", ...(t.seed !== undefined ? { seed: t.seed } : {}), durationSec: t.durationSec, ...(t.message !== undefined ? { message: t.message } : {}) };
        });
    }
    if (discounted === 0)
        return null;
    reruns.sameSeed = retally(reruns.sameSeed, byPhase["same-seed"]);
    reruns.freshSeeds = freshTally(retally(reruns.freshSeeds, byPhase["fresh-seeds"]), byPhase["fresh-seeds"]);
    if (reruns.order !== undefined)
        reruns.order = { ...retally(reruns.order, byPhase.order), predecessors: reruns.order.predecessors };
    const names = [...named].sort();
    const list = names.join(", ");
    return (`${discounted} rerun${discounted === 1 ? "" : "s"} failed on ${list}, which reruns do not get (${names.length === 1 ? "its name looks" : "their names look"} ` +
        `like a credential): not counted; give ${names.length === 1 ? "it" : "them"} to reruns with ${PASS_ENV}=${names.join(",")}`);
}
/** The `FLAKY_TRIAGE_PASS_ENV=NAMES` a rerun note of discountWithheld's asks for, or null. */
function passEnvAskedIn(note) {
    return note === undefined ? null : (PASS_ENV_ASKED.exec(note)?.[0] ?? null);
}
const PASS_ENV_ASKED = new RegExp(`${PASS_ENV}=[^\\s;)]+`);

;// CONCATENATED MODULE: ./src/diagnose/suggest.ts
/**
 * One actionable line per triaged test: what to change, where, and how far. The fixes follow
 * the manual process: tolerance one rung at a time, edge cases fixed and covered, races fixed
 * with the least synchronisation, never by loosening tolerances.
 */






/** Trials suggested to verify a non-reproduced failure: bounds the failure rate below 3%. */
const VERIFY_TRIALS = 100;
function where(test) {
    if (test.file === undefined)
        return "";
    return test.line !== undefined ? ` in ${test.file}:${test.line}` : ` in ${test.file}`;
}
function withSeed(seed) {
    if (seed === null)
        return "";
    if (seed.apply.kind === "hypothesis")
        return ` (replay with ${seed.apply.decorator})`;
    // A hypothesis falsifying example is evidence, not a seed to name.
    if (seed.recogniser === "hypothesis-falsifying-example")
        return " with its falsifying example";
    return ` with seed ${seed.value}`;
}
function toleranceFix(test, tolerance) {
    const s = tolerance?.suggestion;
    if (s === undefined || s === null) {
        return `loosen the tolerance${where(test)} one rung at a time (e.g. 1e-5 -> 5e-5, not straight to 1e-3), re-running after each step`;
    }
    // Put the location right after the action: "raise atol 1e-5 -> 5e-5 in x.py:42 (one rung; ...)".
    // The last " (" opens the detail: a runner's label may hold one ("withPercentage (as a fraction)").
    const cut = s.text.lastIndexOf(" (");
    const text = cut === -1 ? `${s.text}${where(test)}` : `${s.text.slice(0, cut)}${where(test)}${s.text.slice(cut)}`;
    return s.guidelineWarning !== undefined ? `${text}; ${s.guidelineWarning}` : text;
}
function edgeCaseFix(test, tolerance, seed) {
    const at = tolerance?.location !== undefined ? ` at index ${tolerance.location}` : "";
    const cover = "fix that input's handling, add it as a fixed test case and check neighbouring edge cases";
    if (tolerance?.nonFinite !== undefined) {
        const value = tolerance.nonFinite === "nan" ? "NaN" : "inf";
        return `${value}${at}${withSeed(seed)}: find the operation producing it (division by zero, log/sqrt of a non-positive, overflow)${where(test)}; ${cover}`;
    }
    if (tolerance?.ratio !== null && tolerance?.ratio !== undefined && tolerance.ratio > 0) {
        return `error ${Number(tolerance.ratio.toPrecision(3))}x the tolerance${at}${withSeed(seed)}: inspect the inputs that seed generates${where(test)}; ${cover}`;
    }
    const example = hypothesisExample(seed);
    if (example !== null) {
        return (`fails for hypothesis's falsifying example${example !== "" ? ` ${example}` : ""}${withSeed(seed).replace(" with its falsifying example", "")}: ` +
            `fix that input's handling${where(test)} (or narrow the strategy if such inputs are out of scope) and keep it tested with @example(...)`);
    }
    return `fails only${withSeed(seed) || " with particular inputs"}: reproduce it${where(test)}, ${cover}`;
}
function verifyFix(test, reruns, how) {
    const n = reruns !== undefined ? reruns.sameSeed.runs + (reruns.recorded?.runs ?? 0) : 0;
    const why = [
        ...(n > 0 ? [`${n} passing reruns only bound its failure rate below ${Math.round(upperBound(0, n) * 100)}%`] : []),
        // Reruns run the test alone and after its own file's tests; in CI other files ran before it
        // too (go runs each package in a process of its own: no such order there). A template's
        // reruns run it alone only: not even its own file's (or binary's) tests went before it.
        ...((how?.template ?? null) !== null
            ? ["the tests that ran before it in CI (in its file or binary too) were not run before it here: run them together, with the seed"]
            : test.runner === "go"
                ? []
                : ["tests of other files that ran before it in CI were not tried"]),
    ];
    return `not reproduced${why.length > 0 ? ` (${why.join("; ")})` : ""}: verify with more trials before closing it (${verifyCommand(test, how)})`;
}
/**
 * The verify command for this test, run from the project root: its id quoted, and how this run
 * reran it (the runner it forced or the dialect's, or its --rerun-command template, rebuilt so
 * that verify splits it into the same words) and read its seed (--seed-pattern), which verify
 * needs to learn how to give the test its seed.
 */
function verifyCommand(test, how) {
    const argv = ["flaky-triage", "verify"];
    // An id no shell can pass (a NUL) is left for the user to fill in.
    argv.push(test.id.includes("\0") ? "TEST_ID" : test.id);
    // A dialect only names a built-in driver (vitest, jest, go); pytest is verify's default.
    const runner = how?.runner ?? test.runner;
    const template = how?.template ?? null;
    if (template !== null)
        argv.push("--rerun-command", shellQuoteCommand(template));
    else if (runner !== undefined && runner !== null && runner !== "pytest")
        argv.push("--runner", runner);
    for (const p of how?.seedPatterns ?? [])
        argv.push("--seed-pattern", p);
    argv.push("--trials", String(VERIFY_TRIALS));
    return shellQuoteCommand(argv);
}
/** How to see where a crashing test dies, in its runner's terms (python's for pytest and unknown runners; gdb for a template). */
function crashAdvice(runner) {
    switch (runner) {
        case "go":
            return "rerun it with GOTRACEBACK=all (or under dlv or gdb) to see every goroutine where it dies";
        case "jest":
        case "vitest":
            return "rerun it alone with node --trace-uncaught --trace-exit (or under gdb for a native addon) to locate the fault";
        case "template":
            return "rerun it under gdb (or with your runner's crash handler on) to locate the native fault";
        default:
            return "rerun with python -X faulthandler (or under gdb) to locate the native fault";
    }
}
/** pytest's message for a strict xfail that passed: `[XPASS(strict)] reason`. */
const XPASS_STRICT = /^\[XPASS\(strict\)\]( [^\n]*)?$/;
/** The one-line fix for a test's cause. */
function suggest(input) {
    const { test, verdict, cause, tolerance, seed, reruns, how } = input;
    // pytest's strict xfail: the test passed where it is marked to fail, which fails the run.
    const xpass = XPASS_STRICT.exec(test.message ?? "");
    if (xpass !== null && verdict === "deterministic") {
        const reason = (xpass[1] ?? "").trim();
        return (`passes though marked xfail(strict=True)${reason !== "" ? ` (${reason.slice(0, 200)})` : ""}: what it marks as broken works now ` +
            `(a change fixed it, or the test no longer reaches it); remove the marker${where(test)}, nothing to bisect`);
    }
    switch (cause) {
        case "tolerance":
            return toleranceFix(test, tolerance);
        case "edge-case":
            return edgeCaseFix(test, tolerance, seed);
        case "regression":
            // "Every seed" only when fresh seeds were tried: a test with no seed to vary failed every
            // rerun, which says as much about the code but nothing about seeds.
            return `${(reruns?.freshSeeds.runs ?? 0) > 0 ? "fails with every seed" : "fails every time"}: a real bug${where(test)}, bisect recent changes`;
        case "race-condition":
            return (`nondeterministic under the same inputs: add synchronisation where shared state is ` +
                `touched${where(test)} (only what is needed); do not just raise tolerances`);
        case "order-dependence":
            // Found by a seed that only orders the tests, not by an order check: "alone" never ran.
            return (`${reruns?.order === undefined && ordersOnly(seed) ? `${inOrders(verdict, seed, reruns)}: isolate state leaking from the tests that run before it` : "passes alone, fails after earlier tests: isolate state leaking from them"} ` +
                `(module globals, caches, RNG state, fixtures with a wider scope, files)${where(test)}`);
        case "timeout":
            return (`timed out${where(test)}: find the blocking or slow step (deadlock, network wait, ` +
                `oversized input) before raising the timeout`);
        case "crash":
            return `crashed${where(test)}: ${crashAdvice((how?.template ?? null) !== null ? "template" : (how?.runner ?? test.runner))}`;
        case "environment":
            if (test.clashesWith !== undefined && test.clashesWith.length > 0) {
                return (`pytest imports ${test.id} and ${test.clashesWith.join(", ")} as one module (import file mismatch): ` +
                    `give their directories an __init__.py, rename one, or run pytest with --import-mode=importlib`);
            }
            return `environment problem${where(test)}: fix the CI setup (missing dependency, file, fixture or service), not the test`;
        case "unknown":
            return unknownFix(test, verdict, tolerance, seed, reruns, how);
    }
}
/** Which orders fail, when a seed that orders the tests found it: CI's (deterministic), or others (CI's passed). */
function inOrders(verdict, seed, reruns) {
    if (verdict !== "not-reproduced")
        return `fails in its recorded order${withSeed(seed)}, passes in others`;
    const failing = reruns?.freshSeeds.failingSeeds ?? [];
    return `passes in its recorded order${withSeed(seed)}, fails in others${failing.length > 0 ? ` (seeds ${failing.slice(0, 3).join(", ")}${failing.length > 3 ? ", ..." : ""})` : ""}`;
}
/** Where a seed is given back to the test: its environment variables, or its arguments. */
function seedSource(seed) {
    return seed.apply.kind === "env" ? Object.keys(seed.apply.env).join(" / ") : "the argument that passes it";
}
function unknownFix(test, verdict, tolerance, seed, reruns, how) {
    const instead = reruns?.seedsPrintedInstead;
    if (instead !== undefined && instead.length > 0 && seed !== null && verdict !== "not-rerun") {
        return (`it prints seed ${seed.value} but draws its own (its reruns printed ${instead.join(", ")})${where(test)}: seed its ` +
            `generators from ${seedSource(seed)} whenever it is set, then rerun with CI's seed to replay the failing inputs`);
    }
    switch (verdict) {
        case "not-reproduced": {
            const failing = reruns?.freshSeeds.failingSeeds ?? [];
            if (seed !== null && failing.length > 0 && !ordersTestsOnly(seed)) {
                return (`passed every rerun with CI's seed ${seed.value} but failed with fresh seed${failing.length === 1 ? "" : "s"} ${failing.slice(0, 3).join(", ")}${failing.length > 3 ? ", ..." : ""}: ` +
                    `rerun it with seed ${failing[0]} (${seedSource(seed)}) a few times: failing every time, those inputs hit an edge case to fix${where(test)} ` +
                    `(keep the seed as a regression case); only sometimes, a race. CI's own failure stays unexplained: ${verifyFix(test, reruns, how)}`);
            }
            return verifyFix(test, reruns, how);
        }
        case "intermittent":
            if (reruns !== undefined && onlyRecordedRetries(reruns)) {
                return (`flaky in the report's own retries, which are not repeated here: run it alone many times ` +
                    `(${verifyCommand(test, how)}); failures alone mean a race, none mean the tests before it decide (order dependence)`);
            }
            if (pinsInputs(seed)) {
                return (`intermittent but its seed could not be re-applied: make the test take its seed from ` +
                    `the environment (or add --seed-pattern) and rerun to tell a race from unseeded randomness`);
            }
            return (`intermittent with nothing pinning its random inputs: seed every generator it uses from one ` +
                `seed it prints and reads from the environment (MXNET_TEST_SEED style), then rerun: failing ` +
                `with that seed every time is an unlucky draw (tolerance or edge case), failing only sometimes a race`);
        case "deterministic": {
            const fresh = reruns?.freshSeeds;
            if (fresh !== undefined && fresh.runs > 0) {
                const failed = fresh.failed + fresh.timedOut + fresh.crashed;
                return (`fails every time${withSeed(seed)} and with ${failed} of ${fresh.runs} fresh seeds: debug it as a bug${where(test)}, ` +
                    `comparing with a fresh seed it passes with (the JSON report lists them)`);
            }
            return `fails every time${withSeed(seed)}: rerun with fresh seeds to tell an edge case from a regression${where(test)}`;
        }
        case "not-rerun": {
            const hint = tolerance?.suggestion !== null && tolerance?.suggestion !== undefined
                ? ` (if it is a tolerance problem: ${tolerance.suggestion.parameter} ${formatTolerance(tolerance.suggestion.from)} -> ${formatTolerance(tolerance.suggestion.to)})`
                : "";
            // Its reruns failed for want of a variable they are not given (rerun/withheld.ts says so).
            const pass = passEnvAskedIn(reruns?.note);
            if (pass !== null)
                return `not rerun: its reruns lacked a variable they are not given; rerun with ${pass} to classify the failure${where(test)}${hint}`;
            return `not rerun: rerun it to classify the failure${where(test)}${hint}`;
        }
    }
}

;// CONCATENATED MODULE: ./src/rerun/plan.ts

function planRerun(input) {
    const count = (n) => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
    return {
        test: input.test,
        seed: input.seed,
        reruns: count(input.reruns),
        freshSeeds: count(input.freshSeeds),
        timeoutSec: Number.isFinite(input.timeoutSec) && input.timeoutSec > 0 ? input.timeoutSec : DEFAULTS.rerunTimeoutSec,
        cwd: input.cwd,
        rerunCommand: input.rerunCommand && input.rerunCommand.length > 0 ? input.rerunCommand : null,
        runner: input.runner ?? null,
        seedPatterns: input.seedPatterns ?? [],
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/rerun/reaper.ts
/**
 * A tiny Node process that sits between flaky-triage and every rerun process. Without it the
 * test's parent is flaky-triage itself: `os.kill(os.getppid(), SIGKILL)` from a test would kill
 * the triage, and `os.killpg(os.getpgid(os.getppid()), ...)` would kill the CI job's whole
 * process group. With it, the test's parent is the reaper, which leads the test's own process
 * group, so both reach only that group.
 *
 * It also ties the group's life to ours: when flaky-triage dies abruptly (SIGKILL, a second
 * Ctrl-C), the control channel closes and the reaper kills its group, so no rerun outlives us.
 *
 * Protocol on fd 3 (a socket to the parent), one JSON line: `{"exitCode":n,"signal":s}` when
 * the child ended, or `{"spawnError":"..."}` when it could not start. No line means the reaper
 * itself was killed; the parent then reports the reaper's own exit status.
 */
/** The environment variable that carries NODE_OPTIONS past the reaper to the child. */
const REAPER_NODE_OPTIONS = "FLAKY_TRIAGE_CHILD_NODE_OPTIONS";
/**
 * Run with `node -e REAPER_SOURCE -- argv...`. Plain CommonJS with built-ins only: it must
 * start fast and must not read anything from the (untrusted) project directory.
 */
const REAPER_SOURCE = `"use strict";
const { spawn } = require("node:child_process");
const net = require("node:net");
const ctl = new net.Socket({ fd: 3, readable: true, writable: true });
const killGroup = () => { try { process.kill(-process.pid, "SIGKILL"); } catch {} process.exit(137); };
// The parent went away (its end of the socket closed): nobody will reap this group.
ctl.on("end", killGroup);
ctl.on("error", killGroup);
// Group signals from the parent reach the child directly; the reaper waits to report.
for (const s of ["SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGPIPE"]) process.on(s, () => {});
const env = process.env;
if (env.${REAPER_NODE_OPTIONS} !== undefined) {
  env.NODE_OPTIONS = env.${REAPER_NODE_OPTIONS};
  delete env.${REAPER_NODE_OPTIONS};
}
let reported = false;
const report = (msg, code) => {
  if (reported) return;
  reported = true;
  ctl.end(JSON.stringify(msg) + "\\n", () => process.exit(code));
};
const argv = process.argv.slice(1);
let child;
try {
  child = spawn(argv[0], argv.slice(1), { stdio: ["ignore", "inherit", "inherit"], env });
} catch (e) {
  report({ spawnError: String(e && e.message || e) }, 127);
}
if (child) {
  child.once("error", (e) => report({ spawnError: e.message }, 127));
  child.once("exit", (code, signal) => report({ exitCode: code, signal }, code === null ? 128 : code));
}
`;

;// CONCATENATED MODULE: ./src/rerun/process.ts
/**
 * The only place flaky-triage starts processes. Always an argv array (`shell: false`): test
 * ids and seeds are untrusted. Each child runs under our reaper (reaper.ts), which leads its
 * own process group (`detached: true`, i.e. setsid): a timeout or an abort kills the whole
 * tree the test started, and a test that kills its own process group, its parent or its
 * parent's group reaches the reaper's group, never us.
 */




/** Process groups of reruns still running, for `killAllNow`. */
const liveGroups = new Set();
/**
 * SIGKILLs every rerun process group at once, synchronously: for an adapter about to exit
 * without waiting (a second Ctrl-C). The reapers would do it too once we are gone; this does
 * not depend on them noticing.
 */
function killAllNow() {
    for (const pid of liveGroups) {
        try {
            process.kill(-pid, "SIGKILL");
        }
        catch {
            // Already gone.
        }
    }
    liveGroups.clear();
}
/** The reaper's environment: NODE_OPTIONS from the user is meant for the test, not for it. */
function reaperEnv(env) {
    const out = { ...env };
    delete out[REAPER_NODE_OPTIONS];
    if (out.NODE_OPTIONS !== undefined) {
        out[REAPER_NODE_OPTIONS] = out.NODE_OPTIONS;
        delete out.NODE_OPTIONS;
    }
    return out;
}
function runProcess(spec) {
    return startProcess(spec).done;
}
function startProcess(spec) {
    const started = Date.now();
    const cap = spec.outputCapBytes ?? OUTPUT_HEAD_BYTES + OUTPUT_TAIL_BYTES;
    const out = new CappedBuffer(Math.floor(cap / 2), cap - Math.floor(cap / 2));
    const err = new CappedBuffer(Math.floor(cap / 2), cap - Math.floor(cap / 2));
    const grace = spec.killGraceMs ?? KILL_GRACE_MS;
    const [command, ...args] = spec.argv;
    const result = (partial) => ({
        pid: null,
        exitCode: null,
        signal: null,
        durationMs: Date.now() - started,
        stdout: out.result(),
        stderr: err.result(),
        killed: null,
        spawnError: null,
        ...partial,
    });
    if (command === undefined) {
        return { pid: null, done: Promise.resolve(result({ spawnError: "empty command" })), kill() { } };
    }
    if (spec.signal?.aborted) {
        return { pid: null, done: Promise.resolve(result({ killed: "abort" })), kill() { } };
    }
    let child;
    try {
        child = (0,external_node_child_process_namespaceObject.spawn)(process.execPath, ["-e", REAPER_SOURCE, "--", command, ...args], {
            cwd: spec.cwd,
            env: reaperEnv(spec.env),
            shell: false,
            detached: true,
            stdio: ["ignore", "pipe", "pipe", "pipe"],
        });
    }
    catch (e) {
        // Synchronous failures: NUL bytes in an argument, invalid env. Reported like a spawn error.
        return { pid: null, done: Promise.resolve(result({ spawnError: String(e) })), kill() { } };
    }
    const pid = child.pid ?? null;
    if (pid !== null)
        liveGroups.add(pid);
    // The reaper's report of how the real child ended (see reaper.ts).
    // stdio is ["ignore", "pipe", "pipe", "pipe"], so these three exist.
    const stdout = child.stdio[1];
    const stderr = child.stdio[2];
    const control = child.stdio[3];
    let controlText = "";
    control.on("data", (chunk) => {
        if (controlText.length < 64 * 1024)
            controlText += chunk.toString("utf8");
    });
    control.on("error", () => { });
    const controlClosed = new Promise((r) => control.once("close", () => r()));
    let killed = null;
    let exited = false;
    let graceTimer;
    /** Resolves once the group got its SIGKILL (set when a kill starts). */
    let groupKilled;
    /** Signal 0 only probes: true while any process of the group exists. */
    const signalGroup = (sig) => {
        if (pid === null)
            return false;
        try {
            process.kill(-pid, sig);
            return true;
        }
        catch {
            return false; // ESRCH: nobody left in the group.
        }
    };
    const groupAlive = () => signalGroup(0);
    const kill = (reason = "caller") => {
        if (killed !== null || exited)
            return;
        killed = reason;
        signalGroup("SIGTERM");
        // SIGKILL the group after the grace period even if the leader is gone by then: its
        // children may ignore SIGTERM and would otherwise outlive us as orphans.
        groupKilled = new Promise((r) => {
            graceTimer = setTimeout(() => {
                signalGroup("SIGKILL");
                r();
            }, grace);
        });
    };
    const timeoutTimer = spec.timeoutMs !== undefined ? setTimeout(() => kill("timeout"), spec.timeoutMs) : undefined;
    const onAbort = () => kill("abort");
    spec.signal?.addEventListener("abort", onAbort, { once: true });
    const lines = {
        stdout: spec.onLine ? new LineSplitter((l) => spec.onLine?.(l, "stdout")) : null,
        stderr: spec.onLine ? new LineSplitter((l) => spec.onLine?.(l, "stderr")) : null,
    };
    // Keep reading even past the cap: a child blocked on a full pipe would never finish.
    stdout.on("data", (chunk) => {
        out.push(chunk);
        lines.stdout?.push(chunk);
    });
    stderr.on("data", (chunk) => {
        err.push(chunk);
        lines.stderr?.push(chunk);
    });
    const pipesClosed = Promise.all([
        new Promise((r) => stdout.once("close", () => r())),
        new Promise((r) => stderr.once("close", () => r())),
    ]);
    const done = new Promise((resolve) => {
        let settled = false;
        const finish = async (partial) => {
            if (settled)
                return;
            settled = true;
            exited = true;
            if (timeoutTimer)
                clearTimeout(timeoutTimer);
            spec.signal?.removeEventListener("abort", onAbort);
            if (groupKilled !== undefined && groupAlive()) {
                // We are killing it and members remain: wait for the scheduled SIGKILL.
                await groupKilled;
            }
            else {
                if (graceTimer !== undefined)
                    clearTimeout(graceTimer);
                // The leader is gone; whatever it left behind in its group goes too.
                signalGroup("SIGKILL");
            }
            if (pid !== null)
                liveGroups.delete(pid);
            await Promise.race([Promise.all([pipesClosed, controlClosed]), delay(PIPE_DRAIN_MS)]);
            stdout.destroy();
            stderr.destroy();
            control.destroy();
            lines.stdout?.end();
            lines.stderr?.end();
            resolve(result({ pid, killed, ...partial, ...childStatus(controlText) }));
        };
        child.once("exit", (code, sig) => void finish({ exitCode: code, signal: sig }));
        // An error here is about the reaper (the interpreter we run on); the usual cause is cwd.
        child.once("error", (e) => void finish({ spawnError: (0,external_node_fs_namespaceObject.existsSync)(spec.cwd) ? e.message : `working directory ${spec.cwd} does not exist` }));
    });
    return { pid, done, kill };
}
/**
 * The real child's status from the reaper's report. None (the reaper itself was killed, by us
 * or by the test): the reaper's own status stands.
 */
function childStatus(text) {
    const line = text.split("\n")[0] ?? "";
    try {
        const v = JSON.parse(line);
        if (typeof v.spawnError === "string")
            return { exitCode: null, signal: null, spawnError: v.spawnError };
        if (typeof v.exitCode === "number" || typeof v.signal === "string") {
            return {
                exitCode: typeof v.exitCode === "number" ? v.exitCode : null,
                signal: typeof v.signal === "string" ? v.signal : null,
            };
        }
    }
    catch {
        // No report.
    }
    return {};
}
/**
 * A wait that usually ends sooner (the race above): unref'd, so the timer left pending does not
 * hold the adapter's exit back by PIPE_DRAIN_MS. While the pipes are open they keep us alive.
 */
function delay(ms) {
    return new Promise((r) => setTimeout(r, ms).unref());
}
/** Keeps the first `headCap` and the last `tailCap` bytes of a stream; counts the rest. */
class CappedBuffer {
    headCap;
    tailCap;
    head = [];
    headLen = 0;
    tail = [];
    tailLen = 0;
    total = 0;
    constructor(headCap, tailCap) {
        this.headCap = headCap;
        this.tailCap = tailCap;
    }
    push(chunk) {
        this.total += chunk.length;
        if (this.headLen < this.headCap) {
            const take = Math.min(this.headCap - this.headLen, chunk.length);
            // Copy: the stream may reuse the chunk's memory pool.
            this.head.push(Buffer.from(chunk.subarray(0, take)));
            this.headLen += take;
            chunk = chunk.subarray(take);
        }
        if (chunk.length === 0 || this.tailCap === 0)
            return;
        if (chunk.length >= this.tailCap) {
            this.tail = [Buffer.from(chunk.subarray(chunk.length - this.tailCap))];
            this.tailLen = this.tailCap;
            return;
        }
        this.tail.push(Buffer.from(chunk));
        this.tailLen += chunk.length;
        while (this.tailLen > this.tailCap) {
            const first = this.tail[0];
            const excess = this.tailLen - this.tailCap;
            if (first.length <= excess) {
                this.tail.shift();
                this.tailLen -= first.length;
            }
            else {
                this.tail[0] = first.subarray(excess);
                this.tailLen -= excess;
            }
        }
    }
    result() {
        const kept = this.headLen + this.tailLen;
        const dropped = this.total - kept;
        const head = Buffer.concat(this.head).toString("utf8");
        const tail = Buffer.concat(this.tail).toString("utf8");
        if (dropped <= 0)
            return { text: head + tail, totalBytes: this.total, truncated: false };
        return {
            text: `${head}\n[... ${dropped} bytes of output omitted ...]\n${tail}`,
            totalBytes: this.total,
            truncated: true,
        };
    }
}
/** Splits a byte stream into lines, cutting lines longer than MAX_LINE_BYTES. */
class LineSplitter {
    emit;
    parts = [];
    len = 0;
    overflow = false;
    constructor(emit) {
        this.emit = emit;
    }
    push(chunk) {
        let start = 0;
        for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
            this.add(chunk.subarray(start, nl));
            this.flush();
            start = nl + 1;
        }
        this.add(chunk.subarray(start));
    }
    end() {
        if (this.len > 0 || this.overflow)
            this.flush();
    }
    add(part) {
        const room = MAX_LINE_BYTES - this.len;
        if (part.length > room)
            this.overflow = true;
        const take = part.subarray(0, Math.max(0, room));
        if (take.length > 0) {
            this.parts.push(Buffer.from(take));
            this.len += take.length;
        }
    }
    flush() {
        const line = Buffer.concat(this.parts).toString("utf8").replace(/\r$/, "");
        this.parts = [];
        this.len = 0;
        this.overflow = false;
        this.emit(line);
    }
}

;// CONCATENATED MODULE: ./src/rerun/attempts.ts
/**
 * One rerun process and the attempts it runs. With our plugin the process reports each
 * attempt as JSON lines in a results file; we read that file while it runs, so the per-attempt
 * timeout is ours (pytest-timeout is not installed everywhere), and an attempt that started
 * but never ended tells us which attempt hung or took the interpreter down.
 */




async function runBatch(spec) {
    return spec.reportsLines ? runPluginBatch(spec) : runExitStatusBatch(spec);
}
/** A process that is one attempt: exit 0 passed, other codes failed, a signal crashed. */
async function runExitStatusBatch(spec) {
    const endsAt = spec.judge?.endsAt;
    const startsAt = spec.judge?.startsAt;
    // Once the runner says its tests have begun, the test's own timeout runs from there: a hang
    // costs --rerun-timeout, not the start-up allowance on top (go builds first, then runs).
    let testClock;
    const onLine = (line, stream) => {
        if (stream !== "stdout")
            return;
        if (startsAt !== undefined && testClock === undefined && startsAt(line))
            testClock = setTimeout(() => running.kill("timeout"), spec.timeoutMs);
        // The judge has all it needs: the rest of the package need not run.
        if (endsAt?.(line) === true)
            running.kill("caller");
    };
    const running = startProcess({
        argv: spec.argv,
        cwd: spec.cwd,
        env: spec.env,
        timeoutMs: spec.startupMs + spec.timeoutMs,
        ...(spec.signal ? { signal: spec.signal } : {}),
        ...(spec.killGraceMs !== undefined ? { killGraceMs: spec.killGraceMs } : {}),
        ...(endsAt !== undefined || startsAt !== undefined ? { onLine } : {}),
    });
    const proc = await running.done;
    clearTimeout(testClock);
    const abortedWithIt = await abortFollows(spec.signal, proc);
    const seed = spec.seeds[0] ?? null;
    const base = { ...(seed !== null ? { seed } : {}), durationSec: proc.durationMs / 1000 };
    let collected = null;
    const result = (trials, cannotRun = null) => ({
        trials,
        cannotRun,
        collected,
        predecessorsRun: 0,
        process: proc,
        stopped: false,
        aborted: proc.killed === "abort" || abortedWithIt,
    });
    if (proc.spawnError !== null)
        return result([], `could not start ${spec.argv[0] ?? ""}: ${proc.spawnError}`);
    if (proc.killed === "abort" || abortedWithIt)
        return result([]);
    let trial;
    const ran = (before) => {
        collected = { count: before + 1, kept: before + 1, target: spec.argv.join(" ") };
    };
    if (proc.killed === "timeout" && spec.judge?.runUntil === true) {
        // The order check's process hung: in a test before this one (it never ran), in it (a
        // timeout of its own), or in one after it (then it has its result).
        const judged = await judge(spec.judge, proc);
        if (judged.kind === "not-run" || judged.ranBefore === undefined) {
            return result([], spec.judge.hungWithoutResult ?? "the tests before it did not finish within the timeout, so it never ran");
        }
        ran(judged.ranBefore);
        trial = judged.finished === true ? judgedTrial(judged, base, "failed") : { kind: "timedOut", ...base };
    }
    else if (proc.killed === "timeout")
        trial = { kind: "timedOut", ...base };
    else if (proc.signal !== null && proc.killed !== "caller")
        trial = { kind: "crashed", ...base, signal: proc.signal, ...attempts_messageOf(proc) };
    else if (spec.judge !== undefined) {
        const judged = await judge(spec.judge, proc);
        if (judged.kind === "not-run") {
            if (judged.skipped !== true || spec.skipsAreTrials !== true)
                return result([], judged.why);
            trial = { kind: "skipped", ...base, message: judged.why };
        }
        else {
            if (judged.ranBefore !== undefined)
                ran(judged.ranBefore);
            trial = judgedTrial(judged, base, `exit code ${proc.exitCode ?? "?"}`);
        }
    }
    else if (proc.exitCode === 0)
        trial = { kind: "passed", ...base };
    else
        trial = { kind: "failed", ...base, message: `exit code ${proc.exitCode ?? "?"}${tailLine(proc, ": ")}` };
    spec.onTrial(trial);
    return result([trial]);
}
/** The attempt a passed or failed judgement stands for; `message` when the judge gave none. */
function judgedTrial(judged, base, message) {
    if (judged.kind === "passed")
        return { kind: "passed", ...base };
    if (judged.timedOut === true)
        return { kind: "timedOut", ...base };
    if (judged.crashed === true)
        return { kind: "crashed", ...base, message: (judged.message ?? message).slice(0, limits_MAX_MESSAGE_CHARS) };
    return { kind: "failed", ...base, message: (judged.message ?? message).slice(0, limits_MAX_MESSAGE_CHARS) };
}
/** What a test process seldom dies of unless its whole tree was signalled (a CI cancel, Ctrl-C). */
const TREE_SIGNALS = new Set(["SIGTERM", "SIGINT", "SIGHUP"]);
/** How long such a death waits for our own abort, which comes from the same cancel. */
const ABORT_AFTER_DEATH_MS = 300;
/**
 * Whether a process that died by one of TREE_SIGNALS, which we did not send, did so because
 * of a stop that is reaching us too: the abort is already there or comes within a moment.
 * Otherwise it is the test's own crash.
 */
function abortFollows(signal, proc) {
    if (signal === undefined || proc.killed !== null || proc.signal === null || !TREE_SIGNALS.has(proc.signal))
        return Promise.resolve(false);
    if (signal.aborted)
        return Promise.resolve(true);
    return new Promise((resolve) => {
        const onAbort = () => {
            clearTimeout(timer);
            resolve(true);
        };
        const timer = setTimeout(() => {
            signal.removeEventListener("abort", onAbort);
            resolve(false);
        }, ABORT_AFTER_DEATH_MS);
        signal.addEventListener("abort", onAbort, { once: true });
    });
}
/** The judge's verdict on what the process printed. */
async function judge(j, proc) {
    return j.decide({ exitCode: proc.exitCode ?? 1, stdout: proc.stdout.text, stderr: proc.stderr.text, results: await attempts_readResults(j.resultFile) });
}
async function runPluginBatch(spec) {
    const trials = [];
    let collected = null;
    let predecessorsRun = 0;
    let current = null;
    let stopped = false;
    const state = { timedOutAt: null, aborted: false };
    const proc = await followPlugin(spec, state, (ev, running) => {
        const now = Date.now();
        if (ev.event === "collected")
            collected = { count: ev.count, kept: ev.kept, target: ev.target };
        else if (ev.event === "item")
            predecessorsRun++;
        else if (ev.event === "start")
            current = { attempt: ev.attempt, seed: ev.seed, at: now };
        else if (ev.event === "end") {
            const seed = current?.seed ?? spec.seeds[ev.attempt] ?? null;
            current = null;
            const trial = trialFromEnd(ev, seed);
            trials.push(trial);
            if (!stopped && !state.aborted && spec.onTrial(trial)) {
                stopped = true;
                running.kill("caller");
            }
        }
    }, { stopped: () => stopped });
    const { timedOutAt, aborted } = state;
    // TypeScript cannot see the assignments inside `handle`.
    const open = current;
    let cannotRun = null;
    if (open !== null && !stopped && !aborted) {
        const trial = unfinishedTrial(open, timedOutAt, proc);
        trials.push(trial);
        spec.onTrial(trial);
    }
    else if (trials.length === 0 && !stopped && !aborted) {
        if (predecessorsRun > 0) {
            // Order check: a test before ours hung or crashed; ours never ran, so nothing to count.
            const how = timedOutAt !== null ? "hung" : proc.signal !== null ? `died (${proc.signal})` : "stopped the run";
            cannotRun = `a test before it ${how}, so it never ran`;
        }
        else if (timedOutAt !== null) {
            // Hung before the first attempt (an import or a collection-time fixture): one attempt.
            const seed = spec.seeds[0] ?? null;
            const trial = {
                kind: "timedOut",
                ...(seed !== null ? { seed } : {}),
                durationSec: proc.durationMs / 1000,
            };
            trials.push(trial);
            spec.onTrial(trial);
        }
        else {
            cannotRun = describeCannotRun(spec.argv, proc, collected);
        }
    }
    return { trials, cannotRun, collected, predecessorsRun, process: proc, stopped, aborted };
}
/**
 * A process running a plan (several tests' attempts, see --ft-plan): the same clock as
 * runPluginBatch (a line restarts it; the first line gets the start-up allowance too), the
 * same reading of an attempt that started and never ended (timed out if we killed it, else
 * crashed), per plan entry. Nothing is stopped from here: the caller stops a run through
 * its stop file, and restarts a process for what a timeout or a crash left undone.
 */
async function runPlanBatch(spec) {
    let missing = null;
    let started = false;
    let current = null;
    const state = { timedOutAt: null, aborted: false };
    const late = (line) => {
        const ev = line;
        if (ev.event === "claim")
            spec.onLateClaim?.(ev.item);
    };
    const proc = await followPlugin(spec, state, (line) => {
        const ev = line;
        const now = Date.now();
        if (ev.event === "collected")
            missing = Array.isArray(ev.missing) ? ev.missing : [];
        else if (ev.event === "claim")
            spec.onClaim?.(ev.item);
        else if (ev.event === "start") {
            started = true;
            current = { item: ev.item, run: ev.run ?? 0, attempt: ev.attempt, seed: ev.seed, at: now };
        }
        else if (ev.event === "end") {
            const run = ev.run ?? 0;
            const seed = current?.seed ?? spec.seedOf(ev.item, run, ev.attempt);
            current = null;
            if (!state.aborted)
                spec.onTrial(ev.item, run, trialFromEnd(ev, seed));
        }
    }, { late });
    const { timedOutAt, aborted } = state;
    const open = current;
    if (open !== null && !aborted) {
        const trial = unfinishedTrial(open, timedOutAt, proc);
        spec.onTrial(open.item, open.run, trial);
    }
    const idle = missing === null && !aborted;
    return {
        missing,
        collected: missing !== null,
        started,
        cannotRun: idle && timedOutAt === null ? describeCannotRun(spec.argv, proc, null) : null,
        hungBeforeStart: idle && timedOutAt !== null,
        timedOut: timedOutAt !== null,
        process: proc,
        aborted,
    };
}
/**
 * Starts a process whose plugin writes JSON lines to `resultsFile` and follows it to its end:
 * each line goes to `handle` and restarts the clock (the first line also gets the start-up
 * allowance); a process silent past its deadline is killed as timed out, unless `hooks.stopped` says
 * the caller already ended it; an abort signal kills it. One clock for runPluginBatch (one
 * test) and runPlanBatch (a plan of several tests).
 */
async function followPlugin(spec, state, handle, hooks = {}) {
    const stopped = hooks.stopped ?? (() => false);
    const late = hooks.late ?? (() => { });
    const running = startProcess({
        argv: spec.argv,
        cwd: spec.cwd,
        env: spec.env,
        ...(spec.killGraceMs !== undefined ? { killGraceMs: spec.killGraceMs } : {}),
    });
    const reader = new LineReader(spec.resultsFile);
    let deadline = Date.now() + spec.startupMs + spec.timeoutMs;
    let exited = false;
    void running.done.then(() => (exited = true));
    const abort = () => {
        state.aborted = true;
        running.kill("abort");
    };
    // The listener only wakes the loop: the abort is acted on there, after a read.
    let wake = () => { };
    const aborting = new Promise((r) => (wake = r));
    const onAbort = () => wake();
    if (spec.signal?.aborted)
        abort();
    else
        spec.signal?.addEventListener("abort", onAbort, { once: true });
    const take = (ev) => {
        // After our timeout kill, what the process says is the kill's doing (a SIGTERM handler
        // that fails the test, the next attempt begun before the SIGKILL): the attempt it cut
        // timed out, and nothing after it counts. `late` still hears of it (a claim it made).
        if (state.timedOutAt !== null) {
            late(ev);
            return;
        }
        // Any line is progress: the clock restarts for whatever comes next.
        deadline = Date.now() + spec.timeoutMs;
        handle(ev, running);
    };
    try {
        while (!exited) {
            // The abort wakes the loop once; after that, a settled promise would make it spin.
            await Promise.race(state.aborted || state.timedOutAt !== null ? [attempts_delay(RESULTS_POLL_MS), running.done] : [attempts_delay(RESULTS_POLL_MS), running.done, aborting]);
            for (const ev of await reader.read())
                take(ev);
            // An abort is acted on after the read: attempts that ended before it still count (lines
            // after our kill may be the kill's doing and do not). A process already being killed on
            // its timeout is left to that: its open attempt timed out, and counts so.
            if (!exited && !state.aborted && state.timedOutAt === null && spec.signal?.aborted === true)
                abort();
            if (!exited && state.timedOutAt === null && !stopped() && !state.aborted && Date.now() > deadline) {
                state.timedOutAt = Date.now();
                running.kill("timeout");
            }
        }
        // Killed by a signal as the abort came (a CI cancel signals the whole tree at once): that
        // death is the abort's, not a crash of the test, and what is still unread may be the
        // signal's doing too. A process that ended by itself at that instant keeps its lines.
        if (!state.aborted && state.timedOutAt === null && (await abortFollows(spec.signal, await running.done)))
            state.aborted = true;
        // The process is gone and the file complete: read all of it (bounded: a runaway test's).
        for (const ev of await reader.read(RESULTS_READ_CHUNKS_AT_EXIT))
            take(ev);
    }
    finally {
        spec.signal?.removeEventListener("abort", onAbort);
    }
    return running.done;
}
/** A runner's results file, or null when it wrote none (or one too large to be a single test's). */
async function attempts_readResults(file) {
    if (file === undefined)
        return null;
    try {
        const handle = await (0,promises_namespaceObject.open)(file, "r");
        try {
            const { size } = await handle.stat();
            if (size > MAX_JUDGE_RESULTS_BYTES)
                return null;
        }
        finally {
            await handle.close();
        }
        return await (0,promises_namespaceObject.readFile)(file, "utf8");
    }
    catch {
        return null;
    }
}
/** The plugin sends at most ~8 KB of each of four texts an attempt printed (_Printed); more is not ours. */
const MAX_PRINTED_CHARS = 40_000;
function trialFromEnd(ev, seed) {
    const base = { ...(seed !== null ? { seed } : {}), durationSec: ev.duration };
    const message = ev.message !== null && ev.message !== undefined ? { message: ev.message.slice(0, limits_MAX_MESSAGE_CHARS) } : {};
    const printed = typeof ev.printed === "string" && ev.printed !== "" ? { printed: ev.printed.slice(0, MAX_PRINTED_CHARS) } : {};
    if (ev.outcome === "passed")
        return { kind: "passed", ...base, ...printed };
    if (ev.outcome === "skipped")
        return { kind: "skipped", ...base, ...message };
    const withheld = Array.isArray(ev.withheld) ? ev.withheld.filter((n) => typeof n === "string").slice(0, 20) : [];
    return { kind: "failed", ...base, ...message, ...(withheld.length > 0 ? { withheld } : {}), ...printed };
}
function describeCannotRun(argv, proc, collected) {
    if (proc.spawnError !== null)
        return `could not start ${argv[0] ?? ""}: ${proc.spawnError}`;
    const c = collected;
    if (c !== null && c.kept === 0)
        return `pytest did not find the test (collected ${c.count})${tailLine(proc, ": ")}`;
    const how = proc.signal !== null ? `was killed by ${proc.signal}` : `exited with code ${proc.exitCode ?? "?"}`;
    return `pytest ${how} before running the test${tailLine(proc, ": ")}`;
}
/** The most telling line of the output: pytest's ERROR / Fatal Python error, else the last. */
function tailLine(proc, prefix) {
    const telling = tellingLine(proc.stdout.text, proc.stderr.text);
    return telling === undefined ? "" : prefix + telling;
}
/**
 * pytest-timeout's banner. With `timeout_method = thread` it prints the stacks between two of
 * these and ends the whole process (os._exit): the attempt timed out, as the CI run did, and
 * did not crash.
 */
const PYTEST_TIMEOUT_BANNER = /^\+{5,} Timeout \+{5,}$/;
/**
 * Whether pytest-timeout's thread method ended the process: exit code 1 (os._exit(1), no
 * signal) right after its closing banner, the last line of stderr or stdout. Not a banner
 * anywhere: the signal method prints one too when another thread is alive, then the test fails
 * and pytest goes on (a later crash of that process is a crash).
 */
function endedByPytestTimeout(proc) {
    if (proc.signal !== null || proc.exitCode !== 1)
        return false;
    const last = (text) => text.trimEnd().split("\n").pop()?.trim() ?? "";
    return PYTEST_TIMEOUT_BANNER.test(last(proc.stderr.text)) || PYTEST_TIMEOUT_BANNER.test(last(proc.stdout.text));
}
/**
 * The attempt that had started but not ended when its process stopped: timed out if we killed
 * it for the timeout or pytest-timeout ended it, otherwise crashed (died by a signal or exited
 * mid-attempt).
 */
function unfinishedTrial(open, timedOutAt, proc) {
    const base = {
        ...(open.seed !== null ? { seed: open.seed } : {}),
        durationSec: ((timedOutAt ?? Date.now()) - open.at) / 1000,
    };
    if (timedOutAt !== null || endedByPytestTimeout(proc))
        return { kind: "timedOut", ...base };
    return {
        kind: "crashed",
        ...base,
        ...(proc.signal !== null ? { signal: proc.signal } : {}),
        ...(proc.signal === null && proc.exitCode !== null ? { exitCode: proc.exitCode } : {}),
        ...attempts_messageOf(proc),
    };
}
function attempts_messageOf(proc) {
    const line = tailLine(proc, "");
    return line === "" ? {} : { message: line };
}
function attempts_delay(ms) {
    return new Promise((r) => setTimeout(r, ms));
}
/** 64 KiB reads per poll of a results file (1 MiB). */
const RESULTS_READ_CHUNKS_PER_POLL = 16;
/** 64 KiB reads of what is left once the process ended (64 MiB, ~300,000 attempts' lines). */
const RESULTS_READ_CHUNKS_AT_EXIT = 1024;
/** A results-file line longer than this is dropped unread. */
const MAX_RESULTS_LINE_CHARS = 1024 * 1024;
/** Reads complete JSON lines appended to a file since the last call. Missing file: none yet. */
class LineReader {
    file;
    offset = 0;
    partial = "";
    constructor(file) {
        this.file = file;
    }
    async read(maxChunks = RESULTS_READ_CHUNKS_PER_POLL) {
        let handle;
        try {
            handle = await (0,promises_namespaceObject.open)(this.file, "r");
        }
        catch {
            return [];
        }
        const events = [];
        try {
            const buf = Buffer.alloc(64 * 1024);
            // At most so much per poll: a test that fills the file faster than we read it must not
            // keep the caller from its timeout and abort checks, which come between reads.
            for (let n = 0; n < maxChunks; n++) {
                const { bytesRead } = await handle.read(buf, 0, buf.length, this.offset);
                if (bytesRead === 0)
                    break;
                this.offset += bytesRead;
                this.partial += buf.subarray(0, bytesRead).toString("utf8");
            }
        }
        finally {
            await handle.close();
        }
        const lines = this.partial.split("\n");
        this.partial = lines.pop() ?? "";
        // Our plugin's lines are short; an endless one is not ours, and must not grow our memory.
        if (this.partial.length > MAX_RESULTS_LINE_CHARS)
            this.partial = "";
        for (const line of lines) {
            const ev = parseEvent(line);
            if (ev !== null)
                events.push(ev);
        }
        return events;
    }
}
function parseEvent(line) {
    try {
        const v = JSON.parse(line);
        if (typeof v === "object" && v !== null && "event" in v)
            return v;
    }
    catch {
        // A torn or foreign line: the plugin writes whole lines, so ignore it.
    }
    return null;
}

;// CONCATENATED MODULE: ./src/rerun/printed-seeds.ts

/** At most this many of the seeds the reruns printed are named. */
const MAX_NAMED = 5;
/**
 * The seeds the same-seed reruns printed in place of CI's: some only when CI's seed was given to
 * the test to read (an environment variable or an argument), some rerun printed a seed by the
 * same recogniser (and variable), and no rerun printed CI's anywhere (a test may print several
 * seeds, of retries or workers, besides the one it was given).
 */
function seedsPrintedInstead(trials, seed, userPatterns) {
    const none = { seeds: [], more: false };
    if (seed === null || (seed.apply.kind !== "env" && seed.apply.kind !== "args"))
        return none;
    const variable = variableOf(seed);
    const others = [];
    for (const trial of trials) {
        if (trial.kind !== "passed" && trial.kind !== "failed")
            continue;
        const message = trial.kind === "failed" ? trial.message : undefined;
        const text = [trial.printed, message].filter((t) => t !== undefined).join("\n");
        if (text === "")
            continue;
        for (const found of seedsFoundBy(seed.recogniser, text, userPatterns)) {
            if (variable !== null && variableOfApply(found.apply) !== variable)
                continue;
            if (found.value === seed.value)
                return none;
            if (!others.includes(found.value) && others.length <= MAX_NAMED)
                others.push(found.value);
        }
    }
    return { seeds: others.slice(0, MAX_NAMED), more: others.length > MAX_NAMED };
}
/** The note on the reruns for seedsPrintedInstead's seeds. */
function printedInsteadNote(seed, instead) {
    const given = seed.apply.kind === "env" ? (variableOf(seed) ?? Object.keys(seed.apply.env).join(", ")) : "its arguments";
    return (`the reruns were given seed ${seed.value} (${given}) but printed ${instead.seeds.join(", ")}${instead.more ? ", ..." : ""}: ` +
        `the test draws its own seed and only prints it, so CI's inputs were not tried again`);
}
/** The environment variable CI's seed goes back in (the one holding its value), or null. */
function variableOf(seed) {
    if (seed.apply.kind !== "env")
        return null;
    return Object.entries(seed.apply.env).find(([, v]) => v === seed.value)?.[0] ?? null;
}
/** The variable a seed found in a rerun's output would go back in, or null. */
function variableOfApply(apply) {
    return apply.kind === "env" ? (Object.keys(apply.env)[0] ?? null) : null;
}

;// CONCATENATED MODULE: ./src/rerun/copy-in.ts
/**
 * Files a rerun process starts with in its private directory, copied from the project: the
 * hypothesis example database, so a rerun replays the falsifying example the CI run saved
 * (hypothesis tries saved examples first) instead of searching afresh and often missing it.
 * Copied, never linked: what the rerun saves must not reach the project.
 */


/** A directory copied in whole, or not at all when larger (a long-lived local database). */
const MAX_COPY_IN_BYTES = 64 * 1024 * 1024;
/** Files looked at before giving up on a directory as too large to copy. */
const MAX_COPY_IN_FILES = 20_000;
/** Copies each existing `from` directory to `to`; a missing, unreadable or oversized one is skipped. */
async function copyIn(items, cwd) {
    for (const item of items ?? []) {
        const from = external_node_path_default().resolve(cwd, item.from);
        if ((await sizeWithin(from, MAX_COPY_IN_BYTES)) === null)
            continue;
        await (0,promises_namespaceObject.cp)(from, item.to, { recursive: true, force: false, errorOnExist: false, dereference: false, verbatimSymlinks: true }).catch(() => undefined);
    }
}
/** Total size of the regular files under `dir`, or null when it is no directory or exceeds `max`. */
async function sizeWithin(dir, max) {
    const info = await (0,promises_namespaceObject.stat)(dir).catch(() => null);
    if (info === null || !info.isDirectory())
        return null;
    let total = 0;
    let files = 0;
    const pending = [dir];
    while (pending.length > 0) {
        const d = pending.pop();
        const entries = await (0,promises_namespaceObject.readdir)(d, { withFileTypes: true }).catch(() => null);
        if (entries === null)
            return null;
        for (const e of entries) {
            const p = external_node_path_default().join(d, e.name);
            if (e.isDirectory())
                pending.push(p);
            else if (e.isFile()) {
                total += (await (0,promises_namespaceObject.stat)(p).catch(() => null))?.size ?? 0;
                if (++files > MAX_COPY_IN_FILES || total > max)
                    return null;
            }
        }
    }
    return total;
}

;// CONCATENATED MODULE: ./src/rerun/rerun.ts
/**
 * Reruns of one failing test, in three phases:
 *  1. same seed: the recorded seed given back, `reruns` attempts, in one process where the
 *     driver can repeat in-process; a crash or a timeout costs a new process for the rest;
 *  2. fresh seeds: new random seeds, where the seed can be given back at all;
 *  3. order: only when every same-seed attempt passed, the tests that precede it and then the
 *     test (pytest: its file up to it; go: its package in source order), to see whether a
 *     predecessor's state is what made it fail.
 * Each phase stops as soon as more attempts cannot change what it tells. Tests a batch serves
 * (batch.ts) come here with phases 1 and 2 already run in a process shared with the other tests
 * of their file; only what the batch left (the order check, seeds only arguments carry) runs here.
 */
















/**
 * Counts one attempt into a phase's tally; `settled` when more attempts cannot change what
 * the phase tells (then the tally is marked stoppedEarly). Shared by rerunTest and batch.ts.
 */
function tallyTrial(tally, consecutiveTimeouts, t, stopWhenMixed, total) {
    countTrial(tally, t);
    const consecutive = isTimeout(t) ? consecutiveTimeouts + 1 : 0;
    const bad = tally.failed + tally.timedOut + tally.crashed;
    // A pass next to a failure: intermittent, whatever comes next. Timeouts in a row: the
    // test hangs, and each further attempt costs the full timeout.
    const settles = (stopWhenMixed && tally.passed > 0 && bad > 0) || consecutive >= MAX_CONSECUTIVE_TIMEOUTS;
    if (settles && tally.runs < total) {
        tally.stoppedEarly = true;
        return { consecutiveTimeouts: consecutive, settled: true };
    }
    return { consecutiveTimeouts: consecutive, settled: false };
}
/** Whether an attempt timed out: ours, or the test's own (pytest-timeout, a TimeoutError), which costs the same wait. */
function isTimeout(t) {
    return t.kind === "timedOut" || (t.kind === "failed" && findHint(causeHints(t.message ?? ""), "timeout") !== undefined);
}
/**
 * Timeouts in a row before a test's first rerun: 1 when its recorded failure was a timeout.
 * "Timeouts in a row" run on across the recorded run and the phases: a test that hung in CI
 * and hangs twice more with the same seed is settled, and after that a fresh seed that hangs
 * too settles its phase at once (a hang that is not the seed's); each further attempt would
 * only cost the full timeout. A pass or a plain failure starts the count again.
 */
function recordedTimeouts(test) {
    return findHint(causeHints(test.message ?? ""), "timeout") !== undefined ? 1 : 0;
}
/** Timeouts in a row after `trials`, counting on from `before` when every one of them timed out. */
function timeoutsInARow(trials, before) {
    let n = 0;
    while (n < trials.length && isTimeout(trials[trials.length - 1 - n]))
        n++;
    return n === trials.length ? before + n : n;
}
async function rerunTest(req, ctx, batched) {
    const driver = pickDriver(req.test, { python: resolvePython(ctx.env), rerunCommand: req.rerunCommand, runner: req.runner ?? null });
    const byPhase = { "same-seed": [], "fresh-seeds": [], order: [] };
    const reruns = { sameSeed: emptyTally(), freshSeeds: { ...emptyTally(), seeds: [], failingSeeds: [] } };
    const notes = [];
    const withheld = withheldNames(ctx.env);
    const outcome = (reproduce, seedReapplied, processes) => {
        const discounted = discountWithheld(reruns, byPhase, withheld, req.test.message ?? "");
        if (discounted !== null)
            notes.push(discounted);
        const instead = seedsPrintedInstead(byPhase["same-seed"], req.seed, req.seedPatterns ?? []);
        if (instead.seeds.length > 0 && req.seed !== null) {
            notes.push(printedInsteadNote(req.seed, instead));
            reruns.seedsPrintedInstead = instead.seeds;
        }
        if (notes.length > 0)
            reruns.note = notes.join("; ");
        return {
            reruns,
            trials: [...byPhase["same-seed"], ...byPhase["fresh-seeds"], ...byPhase.order],
            trialsByPhase: byPhase,
            seedReapplied: seedReapplied && instead.seeds.length === 0,
            reproduce,
            processes,
        };
    };
    if (driver === null) {
        notes.push("no rerun driver for this test id (give --rerun-command)");
        return outcome(null, false, 0);
    }
    let reproduce = safeCommand(() => driver.reproduceCommand(req.test, req.seed));
    const support = driver.seedSupport(req.seed);
    if (req.test.id.includes("\0")) {
        notes.push("test id contains a NUL byte; it cannot be passed to a process");
        return outcome(reproduce, false, 0);
    }
    if (!(0,external_node_fs_namespaceObject.existsSync)(req.cwd)) {
        notes.push(`working directory ${req.cwd} does not exist`);
        return outcome(reproduce, false, 0);
    }
    const refused = driver.refuse?.(req.test) ?? null;
    if (refused !== null) {
        notes.push(`not rerun: ${refused}`);
        return outcome(reproduce, false, 0);
    }
    const pluginDir = await ensurePlugin(ctx.runDir);
    const workRoot = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(ctx.runDir, "test-"));
    const baseEnv = rerunEnv(ctx.env, pluginDir);
    let processes = 0;
    let batchNo = 0;
    let cannotRun = false;
    /** A phase was due, or had attempts due, when the stop came. */
    let cut = false;
    const runPhase = async (phase, total, opts) => {
        const tally = emptyTally();
        const trials = byPhase[phase];
        let consecutiveTimeouts = opts.timeoutsBefore;
        let finished = false;
        let last = null;
        let predecessors = null;
        const count = (t) => {
            trials.push(t);
            const r = tallyTrial(tally, consecutiveTimeouts, t, opts.stopWhenMixed, total);
            consecutiveTimeouts = r.consecutiveTimeouts;
            ctx.onProgress?.({ id: req.test.id, phase, done: tally.runs, total });
            if (r.settled)
                finished = true;
            return finished;
        };
        let brokeOut = false;
        while (tally.runs < total && !finished && !ctx.signal?.aborted) {
            const remaining = total - tally.runs;
            const dir = external_node_path_default().join(workRoot, `${phase}-${batchNo++}`);
            await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
            const fresh = opts.fresh ? opts.fresh.slice(tally.runs) : null;
            const inv = driver.invocation({
                test: req.test,
                seed: req.seed,
                mode: opts.mode,
                attempts: opts.processPerAttempt ? 1 : remaining,
                freshSeeds: fresh,
                resultsFile: external_node_path_default().join(dir, "results.jsonl"),
                workDir: dir,
                stopWhenMixed: opts.stopWhenMixed,
                freshPasses: true,
            });
            await copyIn(inv.copyIn, req.cwd);
            const recordedSeed = support.reapply ? (req.seed?.value ?? null) : null;
            const seeds = Array.from({ length: inv.attempts }, (_, i) => fresh?.[i] ?? recordedSeed);
            processes++;
            const before = tally.runs;
            const batch = await runBatch({
                argv: inv.argv,
                cwd: req.cwd,
                env: { ...baseEnv, ...inv.env },
                seeds,
                reportsLines: inv.reportsLines,
                ...(inv.judge !== undefined ? { judge: inv.judge } : {}),
                resultsFile: external_node_path_default().join(dir, "results.jsonl"),
                timeoutMs: req.timeoutSec * 1000,
                startupMs: (ctx.startupAllowanceSec ?? STARTUP_ALLOWANCE_SEC) * 1000,
                killGraceMs: ctx.killGraceMs ?? KILL_GRACE_MS,
                ...(ctx.signal ? { signal: ctx.signal } : {}),
                onTrial: count,
            });
            last = batch;
            if (batch.collected !== null && opts.mode === "run-until") {
                const { target, kept } = batch.collected;
                predecessors = target === null ? null : kept - 1;
                // First in its file: running the file up to it is running it alone, already done.
                if (predecessors === 0) {
                    brokeOut = true;
                    break;
                }
            }
            if (batch.cannotRun !== null) {
                const gone = !(0,external_node_fs_namespaceObject.existsSync)(req.cwd) ? ` (working directory ${req.cwd} no longer exists)` : "";
                notes.push(`${phase}: ${batch.cannotRun}${gone}`);
                cannotRun = true;
                brokeOut = true;
                break;
            }
            // Defensive: a process that ran nothing and said nothing must not loop forever.
            if (tally.runs === before && !batch.aborted && !batch.stopped) {
                notes.push(`${phase}: the rerun process ended without running an attempt`);
                brokeOut = true;
                break;
            }
        }
        // Left because of the stop, with attempts still due: cut short.
        if (!brokeOut && !finished && tally.runs < total && ctx.signal?.aborted === true)
            cut = true;
        return { tally, last, predecessors, timeoutsAfter: consecutiveTimeouts };
    };
    try {
        // Phase 1: the recorded seed, as many times as asked, in-process where possible.
        let timeouts = recordedTimeouts(req.test);
        if (batched !== undefined) {
            byPhase["same-seed"].push(...batched.sameSeed.trials);
            reruns.sameSeed = batched.sameSeed.tally;
            processes += batched.processes;
            notes.push(...batched.notes);
            cannotRun = batched.cannotRun;
            timeouts = timeoutsInARow(batched.sameSeed.trials, timeouts);
        }
        else if (req.reruns > 0) {
            const r = await runPhase("same-seed", req.reruns, { fresh: null, mode: "repeat", processPerAttempt: false, stopWhenMixed: true, timeoutsBefore: timeouts });
            reruns.sameSeed = r.tally;
            timeouts = r.timeoutsAfter;
        }
        // Phase 2: fresh seeds, only where a seed can be given back.
        const batchedFresh = batched?.freshSeeds ?? null;
        if (batchedFresh !== null) {
            byPhase["fresh-seeds"].push(...batchedFresh.trials);
            reruns.freshSeeds = freshTally(batchedFresh.tally, batchedFresh.trials);
        }
        else if (req.freshSeeds > 0 && !cannotRun && ctx.signal?.aborted) {
            if (req.seed !== null && support.fresh)
                cut = true;
        }
        else if (req.freshSeeds > 0 && !cannotRun) {
            if (req.seed === null) {
                // Nothing to vary: without a known seed, fresh-seed runs are same-seed runs again.
            }
            else if (!support.fresh) {
                notes.push(`fresh seeds skipped: the ${req.seed.recogniser} seed cannot be given back to the test`);
            }
            else {
                const seeds = freshSeedsFor(req.seed, req.freshSeeds);
                const r = await runPhase("fresh-seeds", seeds.length, { fresh: seeds, mode: "repeat", processPerAttempt: false, stopWhenMixed: false, timeoutsBefore: timeouts });
                reruns.freshSeeds = freshTally(r.tally, byPhase["fresh-seeds"]);
            }
        }
        // Phase 3: order, only when the test passes on its own (a failing test needs no predecessor).
        const s = reruns.sameSeed;
        if (driver.orderCheck && !cannotRun && s.runs > 0 && s.passed === s.runs) {
            const refusal = driver.orderCheckRefusal?.(req.test, req.seed) ?? null;
            if (refusal !== null) {
                notes.push(`order check skipped: ${refusal}`);
            }
            else if (ctx.signal?.aborted) {
                cut = true;
            }
            else {
                const total = Math.min(req.reruns, MAX_ORDER_ATTEMPTS);
                const r = await runPhase("order", total, { fresh: null, mode: "run-until", processPerAttempt: true, stopWhenMixed: true, timeoutsBefore: 0 });
                if (r.predecessors === 0) {
                    byPhase.order.length = 0;
                    // The check reruns the test's own file (go: package) up to it; others' leftovers are not tried.
                    const unit = driver.name === "go" ? "package" : "file";
                    notes.push(`order check skipped: no test runs before it in its ${unit} (tests in other ${unit}s are not tried)`);
                }
                else if (r.predecessors !== null) {
                    reruns.order = { ...r.tally, predecessors: r.predecessors };
                    // It passes alone and failed after them: the command to paste is the one that runs them.
                    if (r.tally.failed + r.tally.timedOut + r.tally.crashed > 0)
                        reproduce = safeCommand(() => driver.orderReproduceCommand?.(req.test, req.seed)) ?? reproduce;
                }
                else if (r.last?.collected)
                    notes.push("order check skipped: the test was not found when collecting its file");
                else if (byPhase.order.length > 0) {
                    // Runs whose output never said what ran before the test: they prove no order.
                    byPhase.order.length = 0;
                    notes.push("order check inconclusive: its runs did not show which tests ran before it");
                }
            }
        }
    }
    catch (e) {
        notes.push(`reruns stopped by an internal error: ${errorMessage(e)}`);
    }
    // Only a test the stop cut short says so: one whose reruns were complete (a batch may hand a
    // finished test back after the stop) keeps a plain outcome.
    if (ctx.signal?.aborted && !cannotRun && (cut || batched?.unfinished === true)) {
        notes.push(ctx.signal.reason === TIME_BUDGET_SPENT ? "time budget ran out: reruns were cut short" : "interrupted: reruns were cut short");
    }
    return outcome(reproduce, support.reapply, processes);
}
/** A reproduce command, or null when the id cannot be quoted (NUL): better none than a wrong one. */
function safeCommand(make) {
    try {
        return make() ?? null;
    }
    catch {
        return null;
    }
}
/** Writes the plugin module into the run directory (once); returns the directory for PYTHONPATH. */
async function ensurePlugin(runDir) {
    const dir = external_node_path_default().join(runDir, "plugin");
    const file = external_node_path_default().join(dir, PLUGIN_FILE);
    if (!(0,external_node_fs_namespaceObject.existsSync)(file)) {
        await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
        // Write-then-rename: parallel workers may race here, and pytest must never import half a file.
        const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        await (0,promises_namespaceObject.writeFile)(tmp, PYTEST_PLUGIN_SOURCE, "utf8");
        await (0,promises_namespaceObject.rename)(tmp, file);
    }
    return dir;
}

;// CONCATENATED MODULE: ./src/rerun/batch.ts
/**
 * The same-seed and fresh-seed reruns of several tests of one file in as few pytest processes as
 * possible: the interpreter start, the imports and the collection are paid once per process
 * instead of once per test and phase.
 *
 * What may share a process (the isolation argument): tests of ONE file, with the same
 * process-level seed environment and arguments (the driver's batch key), and the same timeout.
 * Inside the process each run (a test's same-seed attempts, then its fresh-seed attempts) runs
 * in forked children (see the plugin's --ft-plan), so it starts from the state right after
 * collection, as in a process of its own, and whatever it leaves in module state, os.environ or
 * the global generators dies with its child: one test cannot contaminate another's verdict, nor
 * its own same-seed run its fresh-seed run. A child serves a run's attempts while each ends in
 * a way a child's first (clean) attempt ended; one that ends otherwise runs again in a new child
 * (the plugin's _repeat says why). Tests of different files are not batched even so:
 * importing a file can have side effects (conftest hooks, monkeypatching at import) that the
 * other file's tests would then see, which a process of their own would not show.
 *
 * Sharing the work: up to `jobs` processes serve one batch at once. Each is given the tests that
 * no process runs yet; before running a test the plugin creates the test's claim file (O_EXCL),
 * so each test runs in exactly one process, and a process that is done with a test takes the
 * next one nobody has taken. The tests spread over the workers as they finish, so one slow test
 * does not leave a worker idle behind a split made up front.
 *
 * Failures cost what they cost one test on its own: an attempt that hangs is killed after its
 * timeout (with the whole process), an attempt that crashes takes the process down; either
 * counts as that attempt's timedOut/crashed trial, and a new process runs only the work left:
 * the rest of that test's runs (under a new claim file: the dead process holds the old one) and
 * the tests nobody took. A run that settles early (mixed outcomes, timeouts in a row) is stopped
 * through its stop file, which the plugin checks before each attempt. Anything this path cannot
 * explain (a test pytest does not find, a process that dies before running the test) sends the
 * test back to the one-test path, which reports it exactly as before.
 */










/** The note of a member no batch process got to: its start-up or collection outlasted the timeout. */
const HUNG_BEFORE_TEST = "the rerun process hung before running the test";
/** The same-seed request a driver sees for a member (the one-test path builds the same). */
function sameSeedRequest(req, attempts, resultsFile, workDir) {
    return { test: req.test, seed: req.seed, mode: "repeat", attempts, freshSeeds: null, resultsFile, workDir, stopWhenMixed: true, freshPasses: true };
}
/** The fresh-seed request (the one-test path runs it with the same seeds and flags). */
function freshSeedRequest(req, seeds) {
    return { test: req.test, seed: req.seed, mode: "repeat", attempts: seeds.length, freshSeeds: seeds, resultsFile: "", workDir: "", stopWhenMixed: false, freshPasses: true };
}
/**
 * One batch: members share the driver's batch key, cwd and timeout. Workers call `serve`
 * (several at once is fine); each member's outcome goes to `onDone` as soon as it is known,
 * so its remaining phase (the order check) can start while the batch runs on.
 */
class Batch {
    ctx;
    notAfterMs;
    onDone;
    onChange;
    states;
    live = new Map();
    processNo = 0;
    /** A process of this batch could not start while another ran: no more side by side. */
    noJoin = false;
    workRoot = null;
    constructor(members, ctx, 
    /** Wall-clock ms after which no test of the batch starts (the time budget); Infinity: none. */
    notAfterMs, onDone, 
    /** After each process of the batch ended (work may be waiting for another worker). */
    onChange = () => { }) {
        this.ctx = ctx;
        this.notAfterMs = notAfterMs;
        this.onDone = onDone;
        this.onChange = onChange;
        this.states = members.map((m, index) => {
            const runs = [newRun("same-seed", m.req.reruns, null, true, recordedTimeouts(m.req.test))];
            const fresh = freshRun(m);
            if (fresh !== null)
                runs.push(newRun("fresh-seeds", fresh.length, fresh, false, 0));
            return {
                m,
                index,
                runs,
                owner: null,
                claimGen: 0,
                started: false,
                processes: 0,
                lastProcess: 0,
                notes: [],
                cannotRun: false,
                alone: false,
                stalls: 0,
                reported: false,
            };
        });
    }
    /** Whether a process started now would find a test no other process is about to take. */
    wantsProcess() {
        if (this.ctx.signal?.aborted)
            return false;
        if (this.noJoin && this.live.size > 0)
            return false;
        const waiting = [...this.live.values()].filter((p) => !p.claimed).length;
        return this.plannable().length > waiting;
    }
    /** Every member has been handed back. */
    get finished() {
        return this.states.every((s) => s.reported);
    }
    /** Runs processes for the batch while there is work no live process has. */
    async serve() {
        while (this.wantsProcess())
            await this.runProcess();
        this.settle();
    }
    /**
     * After an internal error (not a test's: those are results): the members not yet handed
     * back, now marked as handed back, for the caller to report as failed.
     */
    abandon() {
        const left = this.states.filter((s) => !s.reported);
        for (const s of left)
            s.reported = true;
        return left.map((s) => s.m);
    }
    late() {
        return Date.now() >= this.notAfterMs;
    }
    complete(s) {
        return s.alone || s.cannotRun || s.runs.every((r) => r.settled || r.tally.runs >= r.total);
    }
    /** Members a new process may be given: unfinished, held by no live process, allowed to start. */
    plannable() {
        return this.states.filter((s) => !s.reported && !this.complete(s) && s.owner === null && !(!s.started && this.late()));
    }
    claimFile(root, s) {
        return external_node_path_default().join(root, "claims", `${s.index}-${s.claimGen}`);
    }
    async runProcess() {
        // Registered before the first await, so a worker asking wantsProcess() meanwhile sees it.
        const no = ++this.processNo;
        const live = { claimed: false };
        this.live.set(no, live);
        const todo = this.plannable();
        try {
            if (todo.length === 0)
                return;
            await this.runPlan(no, live, todo);
        }
        finally {
            this.live.delete(no);
            this.reportReady();
            this.settle();
            this.onChange();
        }
    }
    async runPlan(no, live, todo) {
        const { ctx } = this;
        const batch = todo[0].m.driver.batch;
        this.workRoot ??= (async () => {
            const root = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(ctx.runDir, "batch-"));
            await (0,promises_namespaceObject.mkdir)(external_node_path_default().join(root, "claims"));
            return root;
        })();
        const root = await this.workRoot;
        const pluginDir = await ensurePlugin(ctx.runDir);
        const dir = external_node_path_default().join(root, `process-${no}`);
        await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
        const resultsFile = external_node_path_default().join(dir, "results.jsonl");
        const planFile = external_node_path_default().join(dir, "plan.json");
        const notAfter = Number.isFinite(this.notAfterMs) ? this.notAfterMs / 1000 : null;
        const gens = todo.map((s) => s.claimGen);
        const plan = todo.map((s) => ({
            id: s.m.req.test.id,
            runs: s.runs.map((r, i) => planRun(s.m, r, external_node_path_default().join(root, `stop-${s.index}-${i}`))),
            claim: this.claimFile(root, s),
            // A test that already started is not skipped by the plugin's clock (a new process after a
            // crash resumes it); the budget's end stops it as an abort does, from our side.
            notAfter: s.started ? null : notAfter,
        }));
        await (0,promises_namespaceObject.writeFile)(planFile, JSON.stringify(plan), "utf8");
        const requests = todo.map((s) => sameSeedRequest(s.m.req, s.m.req.reruns, resultsFile, dir));
        const inv = batch.invocation({ requests, planFile, resultsFile, workDir: dir });
        const req0 = todo[0].m.req;
        await copyIn(inv.copyIn, req0.cwd);
        const owned = new Set();
        const progressed = new Set();
        const res = await runPlanBatch({
            argv: inv.argv,
            cwd: req0.cwd,
            env: { ...rerunEnv(ctx.env, pluginDir), ...inv.env },
            resultsFile,
            seedOf: (k, run, a) => {
                const seeds = plan[k]?.runs[run]?.seeds ?? [];
                if (seeds.length > 0)
                    return seeds[Math.min(a, seeds.length - 1)] ?? null;
                const s = todo[k];
                return s === undefined ? null : recordedSeed(s.m);
            },
            timeoutMs: req0.timeoutSec * 1000,
            startupMs: (ctx.startupAllowanceSec ?? STARTUP_ALLOWANCE_SEC) * 1000,
            killGraceMs: ctx.killGraceMs ?? KILL_GRACE_MS,
            ...(ctx.signal ? { signal: ctx.signal } : {}),
            onClaim: (k) => {
                const s = todo[k];
                if (s === undefined)
                    return;
                s.owner = no;
                s.started = true;
                live.claimed = true;
                owned.add(s);
            },
            onLateClaim: (k) => {
                const s = todo[k];
                if (s === undefined || gens[k] !== s.claimGen || s.owner !== null)
                    return;
                // Its claim file now exists with nobody to run the test: the next process needs a new one
                // (it would otherwise find the test taken, and start, collect and take nothing). A stall
                // all the same: a process that only ever gets to the test after our kill (collection
                // slower than the timeout) must not be restarted for ever.
                this.stall(s, HUNG_BEFORE_TEST);
            },
            onTrial: (k, run, t) => {
                const s = todo[k];
                if (s === undefined)
                    return;
                if (this.count(s, run, t, no))
                    progressed.add(s);
            },
        });
        if (res.aborted) {
            for (const s of owned)
                s.owner = null;
            return;
        }
        const othersLive = this.live.size > 1;
        if (!res.collected) {
            // It never got through collection. With another process of the batch running, that one
            // goes on with these tests; alone, these tests get what a one-test process would give.
            if (othersLive) {
                this.noJoin = true;
                return;
            }
            todo.forEach((s, i) => {
                if (gens[i] !== s.claimGen || s.owner !== null || this.complete(s))
                    return;
                const run = currentRun(s);
                if (res.hungBeforeStart && run !== undefined && s.runs.some((r) => r.tally.runs > 0)) {
                    // As the one-test path: a process that hangs before its first attempt is one timeout.
                    this.count(s, s.runs.indexOf(run), timedOut(s, run, res.process.durationMs), no);
                }
                else
                    this.notRun(s, res.cannotRun ?? HUNG_BEFORE_TEST);
            });
            return;
        }
        for (const k of res.missing ?? []) {
            const s = todo[k];
            if (s !== undefined)
                this.notRun(s, "pytest did not find the test");
        }
        for (const s of owned) {
            s.owner = null;
            if (this.complete(s))
                continue;
            // Its claim file stays with the dead process: the rest runs under a new one.
            s.claimGen++;
            if (progressed.has(s))
                continue;
            // It died (or hung) between taking the test and its first attempt.
            const run = currentRun(s);
            if (res.timedOut && run !== undefined)
                this.count(s, s.runs.indexOf(run), timedOut(s, run, res.process.durationMs), no);
            else
                this.notRun(s, describeCannotRun(inv.argv, res.process, null));
        }
        if (!othersLive && owned.size === 0) {
            // Defensive: the only process of the batch took none of its tests. It hung before the
            // first, or their claim files exist without a process that said it took them; either way
            // a new process must not meet the same wall for ever.
            const why = res.timedOut ? HUNG_BEFORE_TEST : "the rerun process ended without running an attempt";
            todo.forEach((s, i) => {
                if (gens[i] !== s.claimGen || s.owner !== null || this.complete(s) || (!s.started && this.late()))
                    return;
                this.stall(s, why);
            });
        }
    }
    /** Counts a trial into run `run` of a member; false when it no longer counts (settled, or an extra). */
    count(s, runIndex, t, no) {
        const r = s.runs[runIndex];
        if (r === undefined || r.settled || r.tally.runs >= r.total || s.cannotRun || s.alone)
            return false;
        // Timeouts in a row run on from the phase before (see recordedTimeouts).
        if (r.tally.runs === 0 && runIndex > 0)
            r.consecutiveTimeouts = s.runs[runIndex - 1]?.consecutiveTimeouts ?? 0;
        r.trials.push(t);
        const out = tallyTrial(r.tally, r.consecutiveTimeouts, t, r.stopWhenMixed, r.total);
        r.consecutiveTimeouts = out.consecutiveTimeouts;
        if (s.lastProcess !== no) {
            s.lastProcess = no;
            s.processes++;
        }
        this.ctx.onProgress?.({ id: s.m.req.test.id, phase: r.phase, done: r.tally.runs, total: r.total });
        try {
            if (out.settled) {
                r.settled = true;
                (0,external_node_fs_namespaceObject.writeFileSync)(r.stopFile, "");
            }
            // The plugin waits for this after a slow failure (see PlanRun.ackFile); written after the
            // stop file, so it finds that first.
            if (t.kind === "failed" && t.durationSec >= ACK_AFTER_SEC)
                (0,external_node_fs_namespaceObject.writeFileSync)(ackFile(r), String(r.tally.runs));
        }
        catch {
            // Then the plugin runs (or waits for) attempts we do not count: only time lost.
        }
        if (this.complete(s))
            this.report(s);
        return true;
    }
    /** What this path cannot run: before any attempt, the one-test path; after, a note. */
    /**
     * A process got no further with the member than its claim file: the next process gets a new
     * one, and after MAX_CLAIM_STALLS of these the member takes the one-test path.
     */
    stall(s, why) {
        s.claimGen++;
        if (++s.stalls >= MAX_CLAIM_STALLS)
            this.notRun(s, why);
    }
    notRun(s, why) {
        if (s.runs.every((r) => r.tally.runs === 0)) {
            s.alone = true;
            return;
        }
        const run = currentRun(s) ?? s.runs[0];
        const gone = !(0,external_node_fs_namespaceObject.existsSync)(s.m.req.cwd) ? ` (working directory ${s.m.req.cwd} no longer exists)` : "";
        s.notes.push(`${run.phase}: ${why}${gone}`);
        s.cannotRun = true;
    }
    reportReady() {
        for (const s of this.states)
            if (!s.reported && s.owner === null && this.complete(s))
                this.report(s);
    }
    /** With no process left and nothing to plan (time budget, abort), hands back every member left. */
    settle() {
        if (this.live.size > 0 || (this.plannable().length > 0 && !this.ctx.signal?.aborted))
            return;
        for (const s of this.states)
            this.report(s);
    }
    report(s) {
        if (s.reported)
            return;
        s.reported = true;
        let outcome;
        if (s.alone)
            outcome = null;
        // Never started (time budget, abort): no result, as for a test the pool never reached.
        else if (!s.started && s.runs.every((r) => r.tally.runs === 0) && !s.cannotRun)
            outcome = undefined;
        else {
            const [same, fresh] = s.runs;
            outcome = {
                sameSeed: { trials: same.trials, tally: same.tally },
                freshSeeds: fresh === undefined ? null : { trials: fresh.trials, tally: fresh.tally },
                processes: s.processes,
                notes: s.notes,
                cannotRun: s.cannotRun,
                unfinished: s.runs.some((r) => !r.settled && r.tally.runs < r.total),
            };
        }
        try {
            this.onDone(s.m, outcome);
        }
        catch {
            // A reporting callback must not stop the batch.
        }
    }
}
function newRun(phase, total, seeds, stopWhenMixed, timeoutsBefore) {
    return {
        phase,
        total,
        seeds,
        stopWhenMixed,
        trials: [],
        tally: emptyTally(),
        consecutiveTimeouts: timeoutsBefore,
        settled: total <= 0,
        // Named when the batch's directory exists (planRun).
        stopFile: "",
    };
}
/** The fresh seeds the batch runs for a member, or null when the one-test path must (or skips them). */
function freshRun(m) {
    const { req, driver } = m;
    if (req.freshSeeds <= 0 || req.seed === null || !driver.seedSupport(req.seed).fresh)
        return null;
    const seeds = freshSeedsFor(req.seed, req.freshSeeds);
    if (seeds.length === 0)
        return null;
    return driver.batch?.run(freshSeedRequest(req, seeds)) ? seeds : null;
}
/** The run's remaining attempts as the plan gives them to the plugin (none: attempts 0). */
function planRun(m, r, stopFile) {
    r.stopFile = stopFile;
    const left = r.settled ? 0 : Math.max(0, r.total - r.tally.runs);
    const req = r.seeds === null ? sameSeedRequest(m.req, left, "", "") : freshSeedRequest(m.req, r.seeds.slice(r.tally.runs, r.tally.runs + left));
    const run = left > 0 ? m.driver.batch?.run(req) : null;
    if (!run)
        return { attempts: 0, seeds: [], seedEnv: [], globalSeed: false, stopWhenMixed: false, stopFile: null, ackFile: null, ackAfter: null };
    return { ...run, attempts: Math.min(run.attempts, left), stopFile, ackFile: ackFile(r), ackAfter: ACK_AFTER_SEC };
}
function ackFile(r) {
    return `${r.stopFile}.ack`;
}
/** The seed the one-test path records for a same-seed attempt: the recorded one, where it went back. */
function recordedSeed(m) {
    return m.driver.seedSupport(m.req.seed).reapply ? (m.req.seed?.value ?? null) : null;
}
function currentRun(s) {
    return s.runs.find((r) => !r.settled && r.tally.runs < r.total);
}
function timedOut(s, run, durationMs) {
    const seed = run.seeds === null ? recordedSeed(s.m) : (run.seeds[run.tally.runs] ?? null);
    return { kind: "timedOut", ...(seed !== null ? { seed } : {}), durationSec: durationMs / 1000 };
}

;// CONCATENATED MODULE: ./src/rerun/scheduler.ts







/** The longest delay setTimeout takes (2^31 - 1 ms); Infinity (no budget) is past it too. */
const MAX_TIMER_MS = 2 ** 31 - 1;
async function rerunAll(requests, options) {
    const now = options.now ?? Date.now;
    const deadline = options.timeBudgetSec === null ? Infinity : now() + options.timeBudgetSec * 1000;
    const runOne = options.runOne ?? rerunTest;
    const results = new Map();
    // One signal for everything that stops reruns: the caller's abort, or the budget's end.
    const stop = new AbortController();
    const signal = stop.signal;
    const ctx = {
        runDir: options.runDir,
        // The adapter is the edge that owns the environment; this default keeps triage.ts simple.
        env: options.env ?? process.env,
        signal,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.startupAllowanceSec !== undefined ? { startupAllowanceSec: options.startupAllowanceSec } : {}),
        ...(options.killGraceMs !== undefined ? { killGraceMs: options.killGraceMs } : {}),
    };
    const finish = (id, outcome) => {
        results.set(id, outcome);
        try {
            options.onTestDone?.(id, outcome);
        }
        catch {
            // A reporting callback must not stop the pool.
        }
    };
    const runTest = async (req, batched) => {
        let outcome;
        try {
            outcome = batched ? await rerunTest(req, ctx, batched) : await runOne(req, ctx);
        }
        catch (e) {
            outcome = failedOutcome(`reruns failed: ${errorMessage(e)}`);
        }
        finish(req.test.id, outcome);
    };
    // Workers wait here when the only work left is with another worker's batch process.
    let wake = () => { };
    let changed = new Promise((r) => (wake = r));
    const notify = () => {
        const w = wake;
        changed = new Promise((r) => (wake = r));
        w();
    };
    /** Tests a batch handed back: their remaining phases run next (after a stop, rerunTest records what they have). */
    const handedBack = [];
    const units = planUnits(requests, options, ctx.env).map((u) => Array.isArray(u)
        ? new Batch(u, ctx, deadline, (m, outcome) => {
            // undefined: never started (time budget, abort), so no result, as for a test no
            // worker reached. null: to the one-test path, which starts only within the budget.
            if (outcome !== undefined)
                handedBack.push({ req: m.req, outcome });
            notify();
        }, notify)
        : { req: u.req, taken: false });
    const idle = () => handedBack.length === 0 && units.every((u) => (u instanceof Batch ? u.finished : u.taken));
    const worker = async () => {
        for (;;) {
            // A test a batch started gets its outcome even after an abort (rerunTest notes it).
            const back = handedBack.shift();
            if (back !== undefined) {
                if (back.outcome !== null)
                    await runTest(back.req, back.outcome);
                else if (now() < deadline && !signal.aborted)
                    await runTest(back.req);
                continue;
            }
            if (signal.aborted) {
                for (const u of units)
                    if (u instanceof Batch)
                        u.settle();
                if (handedBack.length === 0)
                    return;
                continue;
            }
            const late = now() >= deadline;
            const unit = units.find((u) => (u instanceof Batch ? u.wantsProcess() : !u.taken && !late));
            if (unit instanceof Batch) {
                try {
                    await unit.serve();
                }
                catch (e) {
                    // Internal errors only (the batch reports process failures as results).
                    for (const m of unit.abandon())
                        finish(m.req.test.id, failedOutcome(`reruns failed: ${errorMessage(e)}`));
                }
                continue;
            }
            if (unit !== undefined) {
                unit.taken = true;
                await runTest(unit.req);
                continue;
            }
            for (const u of units) {
                if (u instanceof Batch)
                    u.settle();
                else if (late)
                    u.taken = true;
            }
            if (idle())
                return;
            await changed;
        }
    };
    const jobs = Math.max(1, Math.min(Math.floor(options.jobs) || 1, requests.length || 1));
    const onCallerAbort = () => stop.abort(options.signal?.reason);
    if (options.signal?.aborted)
        onCallerAbort();
    else
        options.signal?.addEventListener("abort", onCallerAbort, { once: true });
    // A real timer even under a test clock (`now`): it only has to fire when real time is up.
    // Past setTimeout's range (~24.8 days) Node would fire at once; such a budget never ends a run.
    const budgetMs = deadline - now();
    const budgetTimer = budgetMs > MAX_TIMER_MS
        ? null
        : setTimeout(() => {
            if (signal.aborted)
                return;
            stop.abort(TIME_BUDGET_SPENT);
            try {
                options.onBudgetSpent?.();
            }
            catch {
                // A reporting callback must not stop the pool.
            }
        }, Math.max(0, budgetMs));
    try {
        await Promise.all(Array.from({ length: jobs }, worker));
    }
    finally {
        if (budgetTimer !== null)
            clearTimeout(budgetTimer);
        options.signal?.removeEventListener("abort", onCallerAbort);
    }
    return results;
}
/**
 * The work, in input order of each unit's first test: a test on its own path, or a batch
 * (batch.ts) of the tests that may share processes: same driver batch key (file, seed env and
 * args), cwd and timeout. A batch is not cut up front: its tests go to the workers as they free
 * up (claim files), and the plugin checks the time budget before each test.
 */
function planUnits(requests, options, env) {
    const alone = (req) => ({ req });
    if (options.runOne !== undefined || options.batch === false)
        return requests.map(alone);
    const groups = new Map();
    const units = [];
    requests.forEach((req, index) => {
        const key = batchKey(req, env);
        const group = key === null ? undefined : groups.get(key.key);
        if (key === null || group?.ids.has(req.test.id)) {
            units.push({ first: index, unit: alone(req) });
            return;
        }
        if (group === undefined)
            groups.set(key.key, { first: index, members: [{ req, driver: key.driver }], ids: new Set([req.test.id]) });
        else {
            group.members.push({ req, driver: key.driver });
            group.ids.add(req.test.id);
        }
    });
    // A batch of one still pays off: its same-seed and fresh-seed runs share one process.
    for (const g of groups.values())
        units.push({ first: g.first, unit: g.members });
    return units.sort((a, b) => a.first - b.first).map((u) => u.unit);
}
function batchKey(req, env) {
    if (req.reruns <= 0 || req.test.id.includes("\0") || !(0,external_node_fs_namespaceObject.existsSync)(req.cwd))
        return null;
    const driver = pickDriver(req.test, { python: resolvePython(env), rerunCommand: req.rerunCommand, runner: req.runner ?? null });
    if (driver === null || driver.batch === undefined)
        return null;
    const key = driver.batch.key(sameSeedRequest(req, req.reruns, "", ""));
    return key === null ? null : { key: JSON.stringify([driver.name, req.cwd, req.timeoutSec, key]), driver };
}
function failedOutcome(note) {
    const tally = () => ({ runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false });
    return {
        reruns: { sameSeed: tally(), freshSeeds: { ...tally(), seeds: [], failingSeeds: [] }, note },
        trials: [],
        trialsByPhase: { "same-seed": [], "fresh-seeds": [], order: [] },
        seedReapplied: false,
        reproduce: null,
        processes: 0,
    };
}

;// CONCATENATED MODULE: ./src/version.ts
const VERSION = "0.1.0";

;// CONCATENATED MODULE: ./src/triage.ts


















/** read -> join -> extract -> rerun -> classify -> suggest: the whole engine behind every adapter. */
async function triage(settings, hooks = {}, options = {}) {
    const onProgress = hooks.onProgress;
    const reading = onProgress && {
        onProgress: (ev) => onProgress({ kind: "reading", ...ev }),
        onRead: (input) => onProgress(readEvent(input)),
    };
    // Handed on without a name here, so nothing holds the inputs' text once it is joined.
    // A runner whose reports hold one testcase per test (jest, vitest): repeated ids are tests,
    // also in a report whose root element was renamed (the reader otherwise goes by it).
    const repeatsAreTests = runnerWritesOneTestcasePerTest(settings.runner);
    return triageInputs(await readInputs(settings.reports, { cwd: settings.cwd, ...reading, repeatsAreTests }), settings, hooks, { ...options, announced: true });
}
/**
 * The engine from already-read inputs (text pasted on stdin has no file to read). Takes the
 * inputs: the array is emptied once they are joined.
 */
async function triageInputs(inputs, settings, hooks = {}, options = {}) {
    const { counts, summaries } = announce(inputs, options.announced === true ? undefined : hooks.onProgress);
    // From here on the inputs are not needed: the joined tests are new objects of our own, whose
    // text triageTests lets go of test by test. Emptied, not merely unused: this frame stays on the
    // stack while triageTests runs up to its first await (all of it, without reruns), and through
    // `inputs` (or a loop variable left in a register, hence announce) it held every failure's
    // text until the report was done: 40 MB of the 500 MB report's peak heap.
    const project = projectView(settings.cwd);
    return triageTests(joinInputs(inputs.splice(0), project), project, counts, summaries, settings, hooks, options);
}
function readEvent(input) {
    return { kind: "read", path: input.path, tests: input.counts.tests, failing: input.counts.failed + input.counts.errored, warnings: input.warnings };
}
/** Reports each input as read (unless already reported); its counts and summaries are all the report keeps of it. */
function announce(inputs, onProgress) {
    for (const input of inputs)
        onProgress?.(readEvent(input));
    const summaries = inputs.map((i) => ({ path: i.path, kind: i.kind, tests: i.counts.tests, warnings: i.warnings }));
    return { counts: countsOf(inputs), summaries };
}
async function triageTests(tests, project, counts, inputs, settings, hooks, options) {
    // The join's view of the project: each path it asked about is not asked again.
    const hintContext = { ownModule: ownModuleIn(project) };
    const candidates = tests
        .filter((t) => t.outcome === "failed" || t.outcome === "errored" || (t.priorAttempts?.length ?? 0) > 0)
        .map((test) => {
        const c = {
            test,
            seed: extractSeed(test, settings.seedPatterns),
            tolerance: parseTolerance([test.message, test.details].filter(Boolean).join("\n"), { id: test.id }),
            hints: failureHints(test, hintContext),
        };
        if ((settings.runner ?? test.runner) === "go") {
            const flags = goFlagsSeenInCi(`${test.message ?? ""}\n${test.details ?? ""}\n${test.output ?? ""}`);
            if (flags.length > 0)
                test.ciFlags = flags;
        }
        // Everything is read from the text now: nothing after this (reruns, classification) needs
        // it, and the reruns can take minutes.
        releaseText(test);
        return c;
    });
    const env = hooks.env ?? {};
    const python = resolvePython(env);
    const selected = selectForRerun(candidates, settings, python);
    hooks.onProgress?.({ kind: "plan", toRerun: selected.length, notRerun: candidates.length - selected.length });
    const selectedIds = new Set(selected.map((c) => c.test.id));
    const finished = new Map();
    /** The budget stopped the reruns (before any interrupt did: the first stop is the reason). */
    let budgetSpent = false;
    let doneCount = 0;
    const how = {
        runner: settings.runner ?? null,
        template: settings.rerunCommand,
        seedPatterns: settings.seedPatterns.map((p) => p.source),
    };
    const complete = (c, outcome, note) => {
        const t = triage_finish(c, outcome, note, reproduceFor(c, settings, python), how);
        finished.set(c.test.id, t);
        hooks.onProgress?.({ kind: "test-done", index: doneCount++, count: candidates.length, test: t, rerun: outcome !== undefined });
    };
    if (selected.length > 0) {
        const runDir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), "flaky-triage-"));
        try {
            const byId = new Map(selected.map((c) => [c.test.id, c]));
            const requests = rerunOrder(selected, settings).map((c) => planRerun({
                test: c.test,
                seed: c.seed,
                reruns: settings.reruns,
                freshSeeds: settings.freshSeeds,
                timeoutSec: settings.rerunTimeoutSec,
                cwd: settings.cwd,
                rerunCommand: settings.rerunCommand,
                runner: settings.runner ?? null,
                seedPatterns: settings.seedPatterns,
            }));
            await rerunAll(requests, {
                jobs: settings.jobs,
                timeBudgetSec: settings.timeBudgetSec,
                onBudgetSpent: () => {
                    budgetSpent = true;
                    hooks.onProgress?.({ kind: "budget-spent", seconds: settings.timeBudgetSec ?? 0 });
                },
                runDir,
                env,
                ...(hooks.signal ? { signal: hooks.signal } : {}),
                onProgress: (ev) => hooks.onProgress?.({ kind: "rerun", index: indexOf(selected, ev.id), count: selected.length, ...ev }),
                // Classified as soon as its reruns end, so progress shows verdicts as they come.
                onTestDone: (id, outcome) => {
                    const c = byId.get(id);
                    if (c)
                        complete(c, outcome, undefined);
                },
            });
        }
        finally {
            await (0,promises_namespaceObject.rm)(runDir, { recursive: true, force: true });
        }
    }
    for (const c of candidates) {
        if (finished.has(c.test.id))
            continue;
        const note = !settings.rerun
            ? (options.noRerunNote ?? "--no-rerun: read and extracted only")
            : !selectedIds.has(c.test.id)
                ? notSelectedReason(c, settings, python)
                : hooks.signal?.aborted && !budgetSpent
                    ? "interrupted before its reruns finished"
                    : "time budget ran out before its reruns started";
        complete(c, undefined, note);
    }
    const triaged = candidates.map((c) => finished.get(c.test.id));
    return {
        schemaVersion: 1,
        tool: { name: "flaky-triage", version: VERSION },
        summary: summarise(counts, triaged),
        inputs,
        tests: sortForReport(triaged),
    };
}
function indexOf(selected, id) {
    return selected.findIndex((c) => c.test.id === id);
}
/**
 * Which failing tests get reruns. Surefire-style recorded reruns already decide a verdict,
 * so those tests need none; beyond --max-failures a broken build must not turn into hours of
 * reruns, so the most useful come first: errors in setup and timeouts last (they are the
 * slowest and the least informative), the rest in report order.
 */
function selectForRerun(candidates, settings, python) {
    if (!settings.rerun)
        return [];
    // A test no driver can run would only take a --max-failures slot from one that can.
    const eligible = candidates.filter((c) => (c.test.outcome === "failed" || c.test.outcome === "errored") && hasDriver(c, settings, python));
    const cost = (c) => (/timeout|timed out/i.test(c.test.message ?? "") ? 2 : c.test.outcome === "errored" ? 1 : 0);
    return [...eligible].sort((a, b) => cost(a) - cost(b) || a.test.index - b.test.index).slice(0, settings.maxFailures);
}
/**
 * The order reruns start in. With a time budget, selection order (the most useful first).
 * Without one every selected test runs whatever the order, so tests that timed out (the slowest
 * to rerun) start first instead of ending the run alone on one core (longest first).
 */
function rerunOrder(selected, settings) {
    if (settings.timeBudgetSec !== null)
        return selected;
    // The same reading of "its recorded failure was a timeout" as the reruns' count of timeouts.
    const slow = (c) => recordedTimeouts(c.test);
    return [...selected].sort((a, b) => slow(b) - slow(a));
}
function hasDriver(c, settings, python) {
    // The same options reproduceFor passes: a test is selected exactly when a driver can run it.
    return pickDriver(c.test, { python, rerunCommand: settings.rerunCommand, runner: settings.runner ?? null }) !== null;
}
function notSelectedReason(c, settings, python) {
    if (c.test.outcome === "passed")
        return "passed on a rerun recorded in the report; verdict from those attempts";
    if (!hasDriver(c, settings, python)) {
        // Console logs of unittest/nose runs name tests by module, not file (see reports/join.ts).
        return (`no rerun driver for this id: it names no test file found under ${settings.cwd} ` +
            `(give --cwd the project root, or --rerun-command, e.g. 'python -m unittest {id}')`);
    }
    return `beyond --max-failures ${settings.maxFailures}`;
}
/**
 * The tallies of a test without reruns: one frozen pair for all of them (~180 bytes a test
 * otherwise, on reports of 30,000 failures mostly not rerun). Frozen, so a consumer that
 * changed one would throw rather than change every test's.
 */
const NO_SAME_SEED = Object.freeze({ runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false });
const NO_FRESH_SEEDS = Object.freeze({
    ...NO_SAME_SEED,
    seeds: Object.freeze([]),
    failingSeeds: Object.freeze([]),
});
/** Every failing test gets a reproduce command, rerun or not (null only when no driver fits). */
function reproduceFor(c, settings, python) {
    const driver = pickDriver(c.test, { python, rerunCommand: settings.rerunCommand, runner: settings.runner ?? null });
    if (!driver)
        return null;
    try {
        return driver.reproduceCommand(c.test, c.seed);
    }
    catch {
        // An id that cannot be quoted (a NUL byte): no command beats a wrong one.
        return null;
    }
}
function triage_finish(c, outcome, note, reproduce, how) {
    const recorded = recordedTally(c.test);
    let reruns;
    if (outcome === undefined && recorded === undefined && note) {
        // The common case made in one literal: `note` added afterwards gave each of these objects
        // a separate property store (40 bytes a test).
        reruns = { sameSeed: NO_SAME_SEED, freshSeeds: NO_FRESH_SEEDS, note };
    }
    else {
        reruns = outcome ? { ...outcome.reruns } : { sameSeed: NO_SAME_SEED, freshSeeds: NO_FRESH_SEEDS };
        if (recorded)
            reruns.recorded = recorded;
        if (note && !reruns.note)
            reruns.note = note;
    }
    const seedReapplied = outcome?.seedReapplied ?? false;
    const cls = classify({ test: c.test, seed: c.seed, tolerance: c.tolerance, reruns, seedReapplied, hints: c.hints });
    const t = c.test;
    return {
        id: t.id,
        file: t.file ?? null,
        line: t.line ?? null,
        classname: t.classname,
        name: t.name,
        outcome: t.outcome,
        message: t.message ?? null,
        verdict: cls.verdict,
        seedSensitivity: cls.seedSensitivity,
        cause: cls.cause,
        causeReason: cls.causeReason,
        seed: c.seed,
        reruns,
        tolerance: c.tolerance,
        suggestion: suggest({ test: t, verdict: cls.verdict, cause: cls.cause, tolerance: c.tolerance, seed: c.seed, reruns, how }),
        reproduce: outcome?.reproduce ?? reproduce,
        confidence: cls.confidence,
    };
}
/** Attempts recorded in the report itself (surefire reruns, pytest-rerunfailures) as a tally. */
function recordedTally(test) {
    const prior = test.priorAttempts;
    if (!prior || prior.length === 0)
        return undefined;
    const all = [...prior.map((p) => p.outcome), test.outcome];
    const passed = all.filter((o) => o === "passed").length;
    const failed = all.filter((o) => o === "failed" || o === "errored").length;
    return { runs: passed + failed, passed, failed, timedOut: 0, crashed: 0, stoppedEarly: false };
}
function countsOf(inputs) {
    const junit = inputs.filter((i) => i.kind === "junit");
    const basis = junit.length > 0 ? junit : inputs;
    const counts = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
    // Failing testcases of one id are one triaged test (the join merges them): a test.each case
    // of one title, or one test failing in two shards. Failures counted but never read (a
    // session that died) are not among them.
    const ids = new Set();
    let failing = 0;
    for (const i of basis) {
        counts.tests += i.counts.tests;
        counts.passed += i.counts.passed;
        counts.failed += i.counts.failed;
        counts.errored += i.counts.errored;
        counts.skipped += i.counts.skipped;
        for (const t of i.tests) {
            if (t.outcome !== "failed" && t.outcome !== "errored")
                continue;
            failing++;
            ids.add(t.id);
        }
    }
    const shared = failing - ids.size;
    return shared > 0 ? { ...counts, sharedId: shared } : counts;
}
function summarise(counts, tests) {
    const n = (v) => tests.filter((t) => t.verdict === v).length;
    const { sharedId, ...plain } = counts;
    return {
        ...plain,
        deterministic: n("deterministic"),
        intermittent: n("intermittent"),
        notReproduced: n("not-reproduced"),
        notRerun: n("not-rerun"),
        ...(sharedId !== undefined ? { sharedId } : {}),
    };
}
/**
 * Drops a failing test's text once seed, tolerance and hints are read from it: a report of
 * 30,000 failures would otherwise hold all their text until the last one is classified.
 */
function releaseText(test) {
    // Assigned, not deleted: deleting turns each object into a slow dictionary.
    const t = test;
    t.details = undefined;
    t.output = undefined;
    t.logLines = undefined;
}
const triage_VERDICT_ORDER = { deterministic: 0, intermittent: 1, "not-reproduced": 2, "not-rerun": 3 };
function sortForReport(tests) {
    return [...tests].sort((a, b) => triage_VERDICT_ORDER[a.verdict] - triage_VERDICT_ORDER[b.verdict]);
}
const PYTHON_NAME = /^[A-Za-z_]\w{0,200}$/;
/**
 * Whether a top-level Python module name is the project's own: a package directory or a module
 * file in the project's root or its src/ (the two layouts pytest imports from).
 */
function ownModuleIn(project) {
    return (name) => PYTHON_NAME.test(name) &&
        (project.isDir(name) || project.exists(`${name}.py`) || project.isDir(`src/${name}`) || project.exists(`src/${name}.py`));
}
/**
 * The project tree as the pure readers see it: existence of relative paths, nothing more.
 * Answers are memoised per path (the join asks for the same test files once per failing test,
 * and every suffix of every printed path), so each distinct path costs one stat at most.
 */
function projectView(cwd) {
    const known = new Map();
    const dirs = new Map();
    const check = (rel, what) => {
        if (rel === "" || (0,external_node_path_namespaceObject.isAbsolute)(rel))
            return false;
        const abs = (0,external_node_path_namespaceObject.normalize)((0,external_node_path_namespaceObject.join)(cwd, rel));
        const back = (0,external_node_path_namespaceObject.relative)(cwd, abs);
        // Report paths are untrusted: never look outside the project.
        if (back.startsWith(".." + external_node_path_namespaceObject.sep) || back === "..")
            return false;
        try {
            const st = (0,external_node_fs_namespaceObject.statSync)(abs, { throwIfNoEntry: false });
            return (what === "file" ? st?.isFile() : st?.isDirectory()) ?? false;
        }
        catch {
            return false;
        }
    };
    return {
        exists(rel) {
            let v = known.get(rel);
            if (v === undefined) {
                v = check(rel, "file");
                known.set(rel, v);
            }
            return v;
        },
        isDir(rel) {
            let v = dirs.get(rel);
            if (v === undefined) {
                v = check(rel, "dir");
                dirs.set(rel, v);
            }
            return v;
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/explain-command.ts
/**
 * `flaky-triage explain FILE|-`: reads a console log, a pasted excerpt or a JUnit report and
 * explains each failing test to a person. It never reruns anything: pasted excerpts come
 * without their project, and the triage command (printed at the end) is the way to rerun.
 */


















const HELP = [
    "Usage:",
    "  flaky-triage explain [options] FILE     explain the failing tests of a console log or report",
    "  flaky-triage explain [options] -        the same for text on stdin (a pasted excerpt)",
    "",
    "Prints, per failing test: the seed and how to reproduce it, the tolerance maths and the next",
    "rung, the likely cause and why, and what to run to confirm it. Nothing is rerun.",
    "",
    "Options:",
    "  --seed-pattern REGEX  extra seed pattern with a named group `seed` (and optional `env`); repeatable",
    "  --cwd DIR             project root, to resolve test files for the reproduce command (nothing is run)",
    "  --help                show this help",
].join("\n");
const STDIN_LABEL = "<stdin>";
const explain_command_OPTIONS = {
    "seed-pattern": { type: "string", multiple: true },
    cwd: { type: "string" },
    help: { type: "boolean", short: "h" },
};
/** Runs `explain`; returns the exit code (0: explained, whatever the tests' verdicts). */
async function explainMain(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: argv, options: explain_command_OPTIONS, allowPositionals: true, strict: true });
    }
    catch (err) {
        throw new UserError(`explain: ${errorMessage(err)} (see flaky-triage explain --help)`);
    }
    const v = parsed.values;
    if (v.help) {
        process.stdout.write(HELP + "\n");
        return 0;
    }
    if (parsed.positionals.length !== 1) {
        throw new UserError("explain: give exactly one FILE, or - to read stdin (see flaky-triage explain --help)");
    }
    const arg = parsed.positionals[0];
    // The triage flags' validation, reused: the same --seed-pattern rules as the triage command.
    const triageArgv = [arg, "--no-rerun", ...(v["seed-pattern"] ?? []).flatMap((p) => ["--seed-pattern", p])];
    if (v.cwd !== undefined)
        triageArgv.push("--cwd", v.cwd);
    const cmd = parseTriageArgs(triageArgv, process.cwd());
    if (cmd.kind !== "triage")
        throw new UserError("explain: unexpected arguments (see flaky-triage explain --help)");
    const settings = cmd.triage.settings;
    if (v.cwd === undefined) {
        // Without --cwd nothing is resolved against the shell's directory: a pasted excerpt's
        // paths belong to another machine, and a reproduce command must not pretend otherwise.
        settings.cwd = (0,external_node_path_namespaceObject.resolve)("/nonexistent-flaky-triage-project");
    }
    const label = arg === "-" ? STDIN_LABEL : arg;
    const text = arg === "-" ? await readStdin() : await readFileText(arg);
    let input;
    if (text.kind === "junit-file") {
        input = await readInput(arg, process.cwd());
    }
    else {
        input = parseText(text.text, label);
        if (text.cut)
            input.warnings.unshift(`${label}: only the first ${MAX_LOG_BYTES / (1024 * 1024)} MiB were read`);
        if (input.tests.length === 0 && input.counts.tests === 0)
            input = asBareFailure(input, text.text);
    }
    // The built-in runner of the input's ids, as the join decides it for reruns.
    const runner = inputDialect(input)?.runner ?? null;
    const report = await triageInputs([input], settings, { env: process.env }, { noRerunNote: "explain does not rerun" });
    process.stdout.write(renderExplain(report, { logArg: arg, project: v.cwd ?? null, runner, color: process.stdout.isTTY === true }));
    return 0;
}
async function readStdin() {
    const chunks = [];
    let size = 0;
    let cut = false;
    for await (const chunk of process.stdin) {
        // Keep draining past the cap so the writer is not killed by a broken pipe.
        if (size >= MAX_LOG_BYTES) {
            cut = true;
            continue;
        }
        chunks.push(chunk);
        size += chunk.length;
    }
    return { kind: "text", text: decode(Buffer.concat(chunks)), cut: cut || size > MAX_LOG_BYTES };
}
/** A file's text (JUnit is left to the streaming reader), up to MAX_LOG_BYTES. */
async function readFileText(p) {
    let handle;
    try {
        handle = await (0,promises_namespaceObject.open)((0,external_node_path_namespaceObject.resolve)(process.cwd(), p), "r");
        const info = await handle.stat();
        if (info.isDirectory())
            throw new UserError(`${p}: is a directory, not a log file`);
        const buf = Buffer.alloc(Math.min(info.size, MAX_LOG_BYTES));
        const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
        const bytes = buf.subarray(0, bytesRead);
        const head = decode(bytes.subarray(0, DETECT_HEAD_BYTES));
        if (detectKind(head) === "junit")
            return { kind: "junit-file" };
        return { kind: "text", text: decode(bytes), cut: info.size > MAX_LOG_BYTES };
    }
    catch (err) {
        if (err instanceof UserError)
            throw err;
        const code = err.code;
        if (code === "ENOENT" || code === "ENOTDIR")
            throw new UserError(`${p}: no such file`);
        throw new UserError(`${p}: cannot be read (${errorMessage(err)})`);
    }
    finally {
        await handle?.close();
    }
}
function decode(bytes) {
    const enc = sniffEncoding(bytes);
    return new TextDecoder(enc.label, { fatal: false, ignoreBOM: true }).decode(bytes.subarray(enc.skip));
}
function parseText(text, label) {
    const body = text.replace(/^\uFEFF/, "");
    const kind = detectKind(body.slice(0, DETECT_HEAD_BYTES));
    switch (kind) {
        case "junit": {
            const r = new JUnitReader(label);
            r.write(body);
            return r.end();
        }
        case "pytest-log":
            return parsePytestLog(body, label);
        case "unittest-log":
            return parseUnittestLog(body, label);
        case "go-test-json":
            return parseGoTestJson(body, label);
        case "go-test-log":
            return parseGoTestLog(body, label);
        case "gtest-log":
            return parseGtestLog(body, label);
        case "unknown":
            // An excerpt without any runner's markers (only the assertion and a seed line, say).
            return { ...parseUnittestLog(body, label), kind: "unknown" };
    }
}
/**
 * A pasted text with no test header at all: read as one failure of an unnamed test, so its
 * seed and tolerance are still explained. The id says it is unnamed; nothing is made up.
 */
function asBareFailure(input, raw) {
    const { text, origin } = normaliseCiLog(raw);
    const warnings = [...input.warnings];
    // The readers already warned about a cut tail; only the lines they would keep are used.
    const lines = dropCutTail(text.split("\n"), text, input.path, []);
    const first = lines.findIndex((l) => l.trim() !== "");
    if (first < 0)
        return input;
    let last = lines.length;
    while (last > first && (lines[last - 1] ?? "").trim() === "")
        last--;
    const kept = lines.slice(first, last);
    const test = {
        id: "(unnamed test)",
        classname: "",
        name: "(unnamed test)",
        outcome: "failed",
        details: kept.join("\n"),
        sources: [{ file: input.path, line: origin[first] ?? first + 1 }],
        index: 0,
        logLines: { file: input.path, details: kept.map((_, i) => origin[first + i] ?? first + i + 1) },
    };
    const message = kept.find((l) => /\b(?:Error|exceeds tolerance|Not equal|Mismatch)/.test(l));
    if (message !== undefined)
        test.message = message.trim();
    warnings.push(`${input.path}: no test header found; the whole text was read as the failure of one unnamed test`);
    return { ...input, tests: [test], counts: { tests: 1, passed: 0, failed: 1, errored: 0, skipped: 0 }, warnings };
}

;// CONCATENATED MODULE: ./src/io/output-paths.ts
/**
 * Output options checked before anything runs (reruns can take many minutes, and a report that
 * cannot be written at the end is lost work):
 * - the user's reports are never written: an output path that names one of the files being read
 *   (by the same path, a symlink or a hard link: the same file on disk) is refused, so a slip
 *   like `--json junit.xml` costs a message, not the CI run's only report;
 * - an output path that is a directory is refused.
 */


/** The file's stats, or null when it is missing or unreadable (reading reports that). */
function statOf(p) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(p);
    }
    catch {
        return null;
    }
}
/** A regular file's identity on disk (device and inode), the same for its links. */
function identity(s) {
    return s !== null && s.isFile() ? `${s.dev}:${s.ino}` : null;
}
/**
 * Throws a UserError when an output is a directory or one of `inputs` (paths as read;
 * `resolveInput` makes them absolute).
 */
function checkOutputPaths(outputs, inputs, resolveInput) {
    const written = [];
    for (const o of outputs) {
        if (o.path === null)
            continue;
        const stats = statOf(o.path);
        if (stats?.isDirectory() === true)
            throw new UserError(`${o.flag} ${o.path}: is a directory; give the path of a file to write`);
        // A new output (no file yet) cannot be a report.
        const id = identity(stats);
        if (id !== null)
            written.push({ ...o, id });
    }
    if (written.length === 0)
        return;
    for (const input of inputs) {
        const id = identity(statOf(resolveInput(input)));
        const clash = id === null ? undefined : written.find((o) => o.id === id);
        if (clash !== undefined) {
            throw new UserError(`${clash.flag} ${clash.path}: is ${input}, one of the reports being read; writing there would overwrite it (choose another file)`);
        }
    }
}

;// CONCATENATED MODULE: ./src/io/write-atomic.ts



/**
 * Writes a file so that readers see either the old content or the new, never a torn one:
 * a CI step killed mid-write must not leave a half report that a later step trusts.
 */
async function writeFileAtomic(path, data) {
    if (await isSpecialFile(path)) {
        await (0,promises_namespaceObject.writeFile)(path, data, "utf8");
        return;
    }
    const dir = (0,external_node_path_namespaceObject.dirname)(path);
    await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
    const tmp = (0,external_node_path_namespaceObject.join)(dir, `.${(0,external_node_path_namespaceObject.basename)(path)}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString("hex")}.tmp`);
    try {
        await (0,promises_namespaceObject.writeFile)(tmp, data, { encoding: "utf8", flag: "wx" });
        await (0,promises_namespaceObject.rename)(tmp, path);
    }
    catch (err) {
        await (0,promises_namespaceObject.rm)(tmp, { force: true });
        throw err;
    }
}
/**
 * Whether the output exists and is no regular file (`--json /dev/null`, `/dev/stdout`, a FIFO):
 * it is written in place, since renaming a file over it replaced the device with that file (as
 * root, /dev/null became a regular file for every process on the machine).
 */
async function isSpecialFile(path) {
    const info = await (0,promises_namespaceObject.stat)(path).catch(() => null);
    return info !== null && !info.isFile() && !info.isDirectory();
}
/**
 * Bytes of JSON encoded before one write: few syscalls, into one reused buffer. Gathering a
 * 1 MiB string per write instead made a large string and its UTF-8 copy each time, garbage that
 * waits for a full GC: ~30 MB of the CLI's peak on the 500 MB bench report.
 */
const JSON_WRITE_BUFFER_BYTES = 1 << 20;
/**
 * Array elements stringified per call: big enough that the calls cost nothing, small enough
 * that each batch's text (~1.4 KB a test in a report) stays below V8's large-object size
 * (128 KiB) and dies young.
 */
const JSON_BATCH = 64;
/**
 * `JSON.stringify({ [key]: v }, null, 2)` without its first line (`{`) and last (`}`): the
 * member as it appears, natively indented, inside a top-level object.
 */
function member(key, v) {
    const text = JSON.stringify({ [key]: v }, null, 2);
    return text.slice(2, text.length - 2);
}
/**
 * The text `JSON.stringify(value, null, 2) + "\n"` in pieces: a top-level object's arrays are
 * stringified a batch of elements at a time, so a report with 50,000 tests never exists as one
 * 70 MB string (plus its UTF-8 copy) in memory. Byte for byte the same text (the indentation
 * is JSON.stringify's own: each batch is stringified under the same key, then unwrapped).
 */
function* jsonChunks(value) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || typeof value.toJSON === "function") {
        yield (JSON.stringify(value, null, 2) ?? "undefined") + "\n";
        return;
    }
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
    if (entries.length === 0) {
        yield "{}\n";
        return;
    }
    yield "{\n";
    for (let k = 0; k < entries.length; k++) {
        const [key, v] = entries[k];
        if (Array.isArray(v) && v.length > JSON_BATCH && typeof v.toJSON !== "function") {
            // `  "key": [\n` + elements at indent 4 + `\n  ]`, a batch at a time.
            const open = `  ${JSON.stringify(key)}: [\n`;
            yield open;
            for (let i = 0; i < v.length; i += JSON_BATCH) {
                const text = member(key, v.slice(i, i + JSON_BATCH));
                // Drop this batch's own `  "key": [\n` and `\n  ]`.
                yield text.slice(open.length, text.length - 4);
                yield i + JSON_BATCH < v.length ? ",\n" : "\n";
            }
            yield "  ]";
        }
        else {
            yield member(key, v);
        }
        yield k + 1 < entries.length ? ",\n" : "\n";
    }
    yield "}\n";
}
/** `writeFileAtomic(path, JSON.stringify(value, null, 2) + "\n")`, written in pieces. */
async function writeJsonAtomic(path, value) {
    const special = await isSpecialFile(path);
    const dir = (0,external_node_path_namespaceObject.dirname)(path);
    if (!special)
        await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
    const tmp = special ? path : (0,external_node_path_namespaceObject.join)(dir, `.${(0,external_node_path_namespaceObject.basename)(path)}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString("hex")}.tmp`);
    try {
        const fh = await (0,promises_namespaceObject.open)(tmp, special ? "w" : "wx");
        try {
            const buf = Buffer.allocUnsafe(JSON_WRITE_BUFFER_BYTES);
            let used = 0;
            for (const piece of jsonChunks(value)) {
                // UTF-8 takes at most 3 bytes per UTF-16 code unit (a lone surrogate becomes U+FFFD).
                const most = piece.length * 3;
                if (used > 0 && used + most > buf.length) {
                    await writeAll(fh, buf, used);
                    used = 0;
                }
                if (most > buf.length)
                    await fh.write(piece, null, "utf8");
                else
                    used += buf.write(piece, used, "utf8");
            }
            if (used > 0)
                await writeAll(fh, buf, used);
        }
        finally {
            await fh.close();
        }
        if (!special)
            await (0,promises_namespaceObject.rename)(tmp, path);
    }
    catch (err) {
        if (!special)
            await (0,promises_namespaceObject.rm)(tmp, { force: true });
        throw err;
    }
}
/** The first `length` bytes of `buf`, however many writes the file system takes for them. */
async function writeAll(fh, buf, length) {
    for (let done = 0; done < length;) {
        const { bytesWritten } = await fh.write(buf, done, length - done);
        done += bytesWritten;
    }
}

;// CONCATENATED MODULE: ./src/verify/tally.ts

const tally_emptyCounts = () => ({ trials: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, skipped: 0 });
function addTrial(c, t) {
    c.trials++;
    c[t.kind]++;
}
function failures(c) {
    return c.failed + c.timedOut + c.crashed;
}
function isFailure(t) {
    return t.kind === "failed" || t.kind === "timedOut" || t.kind === "crashed";
}
/** Failure rate and its exact one-sided 95% upper bound; both null when no trial counted. */
function rateAndBound(c) {
    const n = c.trials - c.skipped;
    if (n <= 0)
        return { failureRate: null, upperBound95: null };
    const k = failures(c);
    return { failureRate: k / n, upperBound95: upperBound(k, n, 0.95) };
}

;// CONCATENATED MODULE: ./src/verify/merge.ts
/**
 * `flaky-triage merge`: shards' verify reports into one. Counts are summed and the rate and
 * bound recomputed from the sums (never averaged); failing seeds are the union, in stream order
 * (shards are contiguous ranges of one stream, so shard order then file order is stream order).
 *
 * Only shards of one run merge: the same seed stream (base seed or seed-list digest, and total),
 * the same shard count, the same tests, each shard at most once. Anything else would sum
 * trials that may share seeds, or counts of different tests, into a bound that means nothing.
 */


/** Parses one shard file, with a sentence naming it when it is not a verify report. */
function parseVerifyReport(text, path) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
        throw new UserError(`${path} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    const r = data;
    if (typeof r !== "object" || r === null || r.mode !== "verify") {
        throw new UserError(`${path} is not a flaky-triage verify report (no "mode": "verify"); give the files verify --json wrote`);
    }
    if (r.schemaVersion !== 1)
        throw new UserError(`${path} has schemaVersion ${String(r.schemaVersion)}; this flaky-triage reads 1`);
    if (typeof r.seeds !== "object" || r.seeds === null || !Array.isArray(r.tests)) {
        throw new UserError(`${path} is a verify report without "seeds" or "tests"`);
    }
    const problem = shapeProblem(r);
    if (problem !== null)
        throw new UserError(`${path} is not a verify report as verify --json writes it: ${problem}`);
    return r;
}
const COUNTS = ["requested", "trials", "passed", "failed", "timedOut", "crashed", "skipped"];
function count(v) {
    return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
}
/**
 * What merge relies on that the file does not hold, or null. A shard is a file someone hands
 * over (an artifact of another job): its counts are added, its shard numbers listed and its
 * seeds shown, so each must be what verify writes before any of it is used.
 */
function isSeedApply(a) {
    if (typeof a !== "object" || a === null)
        return false;
    const o = a;
    return (["env", "args", "global-rng"].includes(o["kind"]) &&
        Array.isArray(o["target"]) &&
        o["target"].every((x) => typeof x === "string") &&
        typeof o["source"] === "string" &&
        typeof o["detail"] === "string");
}
function shapeProblem(r) {
    const s = r.seeds;
    if (!count(s["total"]) || (s["kind"] !== "random" && s["kind"] !== "list"))
        return '"seeds" needs "kind" random or list and a whole "total"';
    if (s["kind"] === "random" ? typeof s["baseSeed"] !== "string" : typeof s["file"] !== "string" || typeof s["sha256"] !== "string") {
        return '"seeds" lacks its base seed, or its list file and sha256';
    }
    const positive = (v) => count(v) && v >= 1;
    if (r.shard !== undefined && !(typeof r.shard === "object" && r.shard !== null && positive(r.shard.index) && positive(r.shard.count) && r.shard.index <= r.shard.count)) {
        return '"shard" needs whole numbers 1 <= index <= count';
    }
    const m = r.merged;
    if (m !== undefined && !(typeof m === "object" && m !== null && positive(m.count) && [m.shards, m.missing].every((a) => Array.isArray(a) && a.every((i) => positive(i) && i <= m.count)))) {
        return '"merged" needs a whole "count" and "shards" and "missing" of whole numbers up to it';
    }
    for (const [i, t] of r.tests.entries()) {
        if (typeof t !== "object" || t === null || typeof t.id !== "string")
            return `tests[${i}] has no string "id"`;
        const bad = COUNTS.find((k) => !count(t[k]));
        if (bad !== undefined)
            return `tests[${i}] ("${t.id.slice(0, 80)}") has "${bad}" that is not a whole number`;
        if (!Array.isArray(t.failingSeeds) || !t.failingSeeds.every((x) => typeof x === "string"))
            return `tests[${i}] has "failingSeeds" that are not strings`;
        if (typeof t.durationSec !== "number" || !Number.isFinite(t.durationSec))
            return `tests[${i}] has no numeric "durationSec"`;
        for (const k of ["reproduce", "firstFailure", "note"]) {
            if (t[k] !== null && typeof t[k] !== "string")
                return `tests[${i}] has "${k}" that is neither a string nor null`;
        }
        const a = t.seedApply;
        if (a !== null && !isSeedApply(a))
            return `tests[${i}] has "seedApply" that is not null or {kind, target (strings), source, detail}`;
    }
    return null;
}
function streamKey(r) {
    const s = r.seeds;
    return s.kind === "random" ? `base seed ${s.baseSeed}, ${s.total} trials` : `seed list ${s.file} (sha256 ${s.sha256.slice(0, 12)}), ${s.total} trials`;
}
/** Shard count and the shard indices an input covers (an unsharded run is shard 1 of 1). */
function coverage(r) {
    if (r.merged)
        return { count: r.merged.count, shards: r.merged.shards };
    if (r.shard)
        return { count: r.shard.count, shards: [r.shard.index] };
    return { count: 1, shards: [1] };
}
function mergeReports(inputs) {
    if (inputs.length === 0)
        throw new UserError("merge needs at least one verify report");
    const first = inputs[0];
    const key = streamKey(first.report);
    const count = coverage(first.report).count;
    const ids = first.report.tests.map((t) => t.id);
    const owner = new Map();
    for (const { path, report } of inputs) {
        if (streamKey(report) !== key) {
            throw new UserError(`${path} ran ${streamKey(report)} but ${first.path} ran ${key}: they are not shards of one verify run`);
        }
        const c = coverage(report);
        if (c.count !== count)
            throw new UserError(`${path} is split into ${c.count} shard(s) but ${first.path} into ${count}`);
        for (const s of c.shards) {
            const seen = owner.get(s);
            if (seen !== undefined)
                throw new UserError(`shard ${s}/${count} is in both ${seen} and ${path}; each shard may be merged once`);
            owner.set(s, path);
        }
        const theirs = report.tests.map((t) => t.id);
        const same = theirs.length === ids.length && theirs.every((id) => ids.includes(id));
        if (!same) {
            const diff = [...theirs.filter((id) => !ids.includes(id)), ...ids.filter((id) => !theirs.includes(id))];
            throw new UserError(`${path} and ${first.path} verify different tests (e.g. ${diff[0] ?? "?"}): they are not shards of one verify run`);
        }
    }
    // Shard order is stream order.
    const ordered = [...inputs].sort((a, b) => Math.min(...coverage(a.report).shards) - Math.min(...coverage(b.report).shards));
    const tests = ids.map((id) => mergeTest(ordered.map((i) => ({ shard: coverage(i.report).shards, t: i.report.tests.find((t) => t.id === id) }))));
    const shards = [...owner.keys()].sort((a, b) => a - b);
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((s) => !owner.has(s));
    const { shard: _shard, merged: _merged, ...rest } = first.report;
    return { ...rest, merged: { shards, count, missing }, tests };
}
function mergeTest(parts) {
    const c = { trials: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, skipped: 0 };
    let requested = 0;
    let durationSec = 0;
    const seeds = [];
    const seen = new Set();
    const notes = [];
    const applies = new Set();
    for (const { shard, t } of parts) {
        for (const k of ["trials", "passed", "failed", "timedOut", "crashed", "skipped"])
            c[k] += t[k];
        requested += t.requested;
        durationSec += t.durationSec;
        for (const s of t.failingSeeds) {
            if (!seen.has(s)) {
                seen.add(s);
                seeds.push(s);
            }
        }
        if (t.note !== null)
            notes.push(`shard ${shard.join(",")}: ${t.note}`);
        if (t.seedApply !== null)
            applies.add(`${t.seedApply.kind} ${t.seedApply.target.join(" ")}`);
    }
    if (applies.size > 1)
        notes.push(`shards applied the seed differently (${[...applies].join("; ")})`);
    const firstFailing = parts.find(({ t }) => t.reproduce !== null || t.firstFailure !== null)?.t;
    const base = parts[0].t;
    return {
        id: base.id,
        requested,
        ...c,
        ...rateAndBound(c),
        failingSeeds: seeds,
        reproduce: firstFailing?.reproduce ?? null,
        firstFailure: firstFailing?.firstFailure ?? null,
        seedApply: base.seedApply,
        stoppedEarly: parts.some(({ t }) => t.stoppedEarly),
        note: notes.length > 0 ? notes.join("; ") : null,
        durationSec,
    };
}

;// CONCATENATED MODULE: ./src/verify/report.ts
/**
 * Rendering the verify report: the sentence about the bound (with the rule of three when no
 * trial failed), the terminal text and the Markdown for job summaries. Test ids, seeds and
 * messages are untrusted: terminal text goes through `sanitizeLine`, Markdown through the
 * escapers.
 */



/** Failing seeds listed in text and Markdown; the JSON has every one. */
const SEEDS_SHOWN = 20;
function counted(t) {
    return t.trials - t.skipped;
}
function bad(t) {
    return t.failed + t.timedOut + t.crashed;
}
/**
 * One sentence on what the trials prove. With 0 failures in n the exact bound is
 * 1 - 0.05^(1/n), which is about 3/n (the "rule of three"); we print both.
 */
function boundSentence(t) {
    const n = counted(t);
    if (n === 0 || t.upperBound95 === null) {
        return t.trials > 0
            ? "every trial was skipped, so nothing is known about the failure rate"
            : "no trial ran to completion, so nothing is known about the failure rate";
    }
    const k = bad(t);
    if (k === 0) {
        return `0 of ${n} trials failed: with 95% confidence the failure rate is below ${percent(t.upperBound95)} (rule of three: 3/${n} = ${percent(3 / n)})`;
    }
    return `${k} of ${n} trials failed (${percent(k / n)}): with 95% confidence the failure rate is below ${percent(t.upperBound95)}`;
}
function report_tallyText(t) {
    const parts = [`${t.trials} trial${t.trials === 1 ? "" : "s"}`, `${t.passed} passed`, `${t.failed} failed`];
    if (t.timedOut > 0)
        parts.push(`${t.timedOut} timed out`);
    if (t.crashed > 0)
        parts.push(`${t.crashed} crashed`);
    if (t.skipped > 0)
        parts.push(`${t.skipped} skipped`);
    if (t.trials < t.requested)
        parts.push(`of ${t.requested} requested`);
    return parts.join(", ");
}
function seedsText(seeds) {
    const shown = seeds.slice(0, SEEDS_SHOWN).join(", ");
    return seeds.length > SEEDS_SHOWN ? `${shown}, and ${seeds.length - SEEDS_SHOWN} more (all in --json)` : shown;
}
function report_applyText(t) {
    const a = t.seedApply;
    if (a === null)
        return null;
    const how = a.kind === "env" ? `environment ${a.target.join(", ")}` : a.kind === "args" ? `arguments ${a.target.join(" ")}` : "seeding random/numpy/torch before each trial";
    return `${how} (${a.source}: ${a.detail})`;
}
function streamText(r) {
    const s = r.seeds;
    const stream = s.kind === "random" ? `base seed ${s.baseSeed}` : `seed list ${s.file}`;
    const part = r.shard ? `, shard ${r.shard.index}/${r.shard.count}` : "";
    const merged = r.merged
        ? `, merged shards ${r.merged.shards.join(", ")} of ${r.merged.count}${r.merged.missing.length > 0 ? ` (missing: ${r.merged.missing.join(", ")})` : ""}`
        : "";
    return `${stream} (${s.total} trials per test in all${part}${merged})`;
}
/** Plain text for the terminal or a CI log. */
function renderVerifyText(r) {
    const out = [`flaky-triage verify: ${sanitizeLine(streamText(r))}`];
    for (const t of r.tests) {
        out.push("", sanitizeLine(t.id));
        out.push(`  ${report_tallyText(t)}`);
        out.push(`  ${boundSentence(t)}`);
        const how = report_applyText(t);
        if (how !== null)
            out.push(`  seed: ${sanitizeLine(how)}`);
        if (t.failingSeeds.length > 0)
            out.push(`  failing seeds (${t.failingSeeds.length}): ${sanitizeLine(seedsText(t.failingSeeds), 4000)}`);
        if (t.firstFailure !== null)
            out.push(`  first failure: ${sanitizeLine(t.firstFailure)}`);
        if (t.reproduce !== null)
            out.push(`  reproduce: ${sanitizeLine(t.reproduce, 4000)}`);
        if (t.note !== null)
            out.push(`  note: ${sanitizeLine(t.note, 1000)}`);
    }
    const failing = r.tests.filter((t) => bad(t) > 0).length;
    const unverified = r.tests.filter((t) => bad(t) === 0 && t.requested > 0 && counted(t) === 0).length;
    out.push("", failing > 0
        ? `${failing} of ${r.tests.length} test(s) failed at least one trial.`
        : unverified > 0
            ? `No trial failed, but ${unverified} of ${r.tests.length} test(s) had no trial that counts (see their notes): ${unverified === 1 ? "it was" : "they were"} not verified.`
            : `No trial failed (${r.tests.length} test(s)).`);
    return out.join("\n");
}
/** Markdown for a job summary or a file: a table, then details per failing test. */
function renderVerifyMarkdown(r) {
    const out = ["## flaky-triage verify", "", escapeMarkdown(streamText(r)), ""];
    out.push("| Test | Trials | Failed | Failure rate | 95% upper bound |", "| --- | ---: | ---: | ---: | ---: |");
    for (const t of r.tests) {
        const rate = t.failureRate === null ? "n/a" : percent(t.failureRate);
        const ub = t.upperBound95 === null ? "n/a" : percent(t.upperBound95);
        out.push(`| ${codeSpan(t.id, { inTable: true })} | ${t.trials} | ${bad(t)} | ${rate} | ${ub} |`);
    }
    for (const t of r.tests) {
        out.push("", `### ${escapeMarkdown(t.id)}`, "", `${escapeMarkdown(report_tallyText(t))}. ${escapeMarkdown(boundSentence(t))}.`);
        const how = report_applyText(t);
        if (how !== null)
            out.push("", `Seed given as ${escapeMarkdown(how)}.`);
        if (t.failingSeeds.length > 0) {
            const shown = t.failingSeeds.slice(0, SEEDS_SHOWN).map((s) => codeSpan(s)).join(", ");
            const more = t.failingSeeds.length > SEEDS_SHOWN ? `, and ${t.failingSeeds.length - SEEDS_SHOWN} more (all in the JSON report)` : "";
            out.push("", `Failing seeds (${t.failingSeeds.length}): ${shown}${more}`);
        }
        if (t.firstFailure !== null)
            out.push("", `First failure: ${escapeMarkdown(t.firstFailure)}`);
        if (t.reproduce !== null)
            out.push("", "Reproduce the first failing seed:", "", codeBlock(t.reproduce, "sh"));
        if (t.note !== null)
            out.push("", `_${escapeMarkdown(t.note)}_`);
    }
    return out.join("\n") + "\n";
}
/**
 * Why a verify run fails, for the Action's error annotation (the Jenkins step words it the same
 * way, in VerifyParams.groovy): tests that failed trials and tests with no trial that counts are
 * named apart, since "retry the failing seeds" and "make the test run at all" are different fixes.
 * Null when verifyFailed is false.
 */
function failureSentence(r) {
    const failing = r.tests.filter((t) => bad(t) > 0);
    const unverified = r.tests.filter((t) => bad(t) === 0 && t.requested > 0 && counted(t) === 0).length;
    const parts = [];
    if (failing.length > 0) {
        const trials = failing.reduce((n, t) => n + bad(t), 0);
        parts.push(`${failing.length} test(s) failed ${trials} trial(s)`);
    }
    if (unverified > 0)
        parts.push(`${unverified} test(s) had no trial that counts (every trial skipped itself, or the test could not run)`);
    return parts.length === 0 ? null : parts.join("; ");
}
/** Exit status: 1 when any trial failed, timed out or crashed, or a test could not run at all. */
function verifyFailed(r) {
    return r.tests.some((t) => bad(t) > 0 || (t.requested > 0 && counted(t) === 0));
}

;// CONCATENATED MODULE: ./src/cli/merge-command.ts
/** `flaky-triage merge SHARD.json...`: one verify report from its shards' reports. */











const merge_command_OPTIONS = {
    json: { type: "string" },
    markdown: { type: "string" },
    quiet: { type: "boolean" },
    help: { type: "boolean", short: "h" },
};
/** Reads and merges shard reports (globs expanded against `cwd`). */
async function mergeFiles(patterns, cwd) {
    return mergeShards(await shardFiles(patterns, cwd));
}
/** The shard reports the patterns name, as absolute paths (globs expanded against `cwd`). */
async function shardFiles(patterns, cwd) {
    return (await expandGlobs(patterns, cwd)).map((p) => (0,external_node_path_namespaceObject.resolve)(cwd, p));
}
/** Reads and merges shard reports. */
async function mergeShards(files) {
    const inputs = [];
    for (const file of files) {
        let text;
        try {
            text = await (0,promises_namespaceObject.readFile)(file, "utf8");
        }
        catch (err) {
            // As triage names its inputs: the file, then what is wrong, in words.
            const code = err.code;
            if (code === "ENOENT")
                throw new UserError(`${file}: no such file`);
            if (code === "EISDIR")
                throw new UserError(`${file}: is a directory, not a verify report`);
            throw new UserError(`${file}: cannot be read (${errorMessage(err)})`);
        }
        inputs.push({ path: file, report: parseVerifyReport(text, file) });
    }
    return mergeReports(inputs);
}
function mergeHelpText() {
    return [
        `flaky-triage ${VERSION} merge: one verify report from the reports of its shards (verify --shard K/N --json).`,
        "",
        "Usage:",
        "  flaky-triage merge [--json FILE] [--markdown FILE] [--quiet] SHARD.json...",
        "",
        "Options:",
        "  --json FILE      write the merged report as JSON",
        "  --markdown FILE  write the merged report as Markdown",
        "  --quiet          accepted for symmetry with verify; a missing shard is still reported",
        "",
        "Shards must share the base seed, trials and tests; a missing shard is a warning, and the",
        "totals then cover the others only. Globs are expanded (quote them).",
        "Exit status: 0 no trial failed, 1 a trial failed, timed out or crashed, 2 usage error.",
        "",
        "Example:",
        "  flaky-triage merge 'verify-shard-*.json' --json verify.json --markdown verify.md",
    ].join("\n");
}
async function mergeMain(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: expandArgsJson(argv), options: merge_command_OPTIONS, allowPositionals: true, strict: true });
    }
    catch (err) {
        throw new UserError(`merge: ${errorMessage(err)} (see merge --help)`);
    }
    const v = parsed.values;
    if (v.help) {
        process.stdout.write(mergeHelpText() + "\n");
        return 0;
    }
    if (parsed.positionals.length === 0)
        throw new UserError("merge: no report given: pass the shards' verify --json files");
    const shards = await shardFiles(parsed.positionals, process.cwd());
    checkOutputPaths([
        { flag: "--json", path: v.json === undefined ? null : (0,external_node_path_namespaceObject.resolve)(v.json) },
        { flag: "--markdown", path: v.markdown === undefined ? null : (0,external_node_path_namespaceObject.resolve)(v.markdown) },
    ], shards, (p) => p);
    const report = await mergeShards(shards);
    // A warning, not progress: printed under --quiet too.
    if (report.merged && report.merged.missing.length > 0) {
        process.stderr.write(`flaky-triage: merge: shard(s) ${report.merged.missing.join(", ")} of ${report.merged.count} are missing; the totals cover the others only\n`);
    }
    if (v.json !== undefined)
        await writeFileAtomic((0,external_node_path_namespaceObject.resolve)(v.json), JSON.stringify(report, null, 2) + "\n");
    if (v.markdown !== undefined)
        await writeFileAtomic((0,external_node_path_namespaceObject.resolve)(v.markdown), renderVerifyMarkdown(report));
    process.stdout.write(renderVerifyText(report) + "\n");
    return verifyFailed(report) ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/io/project-dir.ts


/**
 * The project root a command runs tests in (`--cwd`) must be a directory. A mistyped one made
 * every rerun unable to start: each test read "not rerun" and the run exited 0, the reason only
 * in the JSON report's notes.
 */
function checkProjectDir(flag, dir) {
    let isDir = false;
    try {
        isDir = (0,external_node_fs_namespaceObject.statSync)(dir).isDirectory();
    }
    catch {
        // Missing or unreadable: said below.
    }
    if (!isDir)
        throw new UserError(`${flag} ${dir}: not a directory`);
}

;// CONCATENATED MODULE: ./src/verify/probe.ts
/**
 * How verify gives each trial its seed: from a flag (`--seed-env`, `--seed-arg`), from the seed
 * a triage report recorded for the test, or learnt from a probe run: the test is run once
 * without a seed, and the seed line it logs ("MXNET_TEST_SEED=N", "Using --randomly-seed=N",
 * "np.random.seed(N)", a `--seed-pattern`) is read with the same recognisers triage uses.
 * The recogniser then says how the seed goes back: an environment variable, arguments, or our
 * plugin seeding the global generators.
 */





/** Stands for the trial's seed in `--seed-arg` templates. */
const SEED_PLACEHOLDER = "{seed}";
/** The mechanism as one line for people ("environment MXNET_TEST_SEED"). */
function describeMechanism(m) {
    const how = m.kind === "env"
        ? `environment ${m.names.join(", ")}`
        : m.kind === "args"
            ? `arguments ${m.template.join(" ")}`
            : "global RNG seeding (random, numpy, torch) before each trial";
    return `${how} (from ${m.source}: ${m.detail})`;
}
/** A Seed that gives `value` to the test the way `m` says; what drivers and reproduce take. */
function seedWithValue(m, value) {
    const base = { value, recogniser: `verify:${m.source}`, source: { file: "flaky-triage verify" } };
    if (m.kind === "env") {
        return { ...base, apply: { kind: "env", env: Object.fromEntries(m.names.map((n) => [n, value])) } };
    }
    if (m.kind === "args") {
        return { ...base, apply: { kind: "args", args: m.template.map((a) => a.replaceAll(SEED_PLACEHOLDER, value)) } };
    }
    return { ...base, apply: { kind: "global-rng", value } };
}
/**
 * The mechanism behind a recorded seed, or null when it cannot take another value (hypothesis
 * blobs, unknown mechanisms). Only the primary seed counts: a related MXNet module seed stays
 * out, so every trial's outcome depends on its one recorded seed.
 */
function mechanismFromSeed(seed, source) {
    const apply = seed.apply;
    const detail = seed.recogniser;
    if (apply.kind === "env") {
        const names = Object.entries(apply.env)
            .filter(([, v]) => v === seed.value)
            .map(([n]) => n);
        return names.length > 0 ? { source, detail, kind: "env", names } : null;
    }
    if (apply.kind === "args") {
        if (seed.value === "" || !apply.args.some((a) => a.includes(seed.value)))
            return null;
        return { source, detail, kind: "args", template: apply.args.map((a) => a.replaceAll(seed.value, SEED_PLACEHOLDER)) };
    }
    if (apply.kind === "global-rng")
        return { source, detail, kind: "global-rng" };
    return null;
}
const FALLBACK_MECHANISM = {
    source: "default",
    detail: "no seed line seen in the probe run",
    kind: "global-rng",
};
/**
 * Runs the test once without a seed and reads the seed it logs. pytest's live logging is
 * switched on through PYTEST_ADDOPTS (appended to the user's): MXNet's `with_seed` logs its
 * seed at INFO, which pytest would otherwise only show for a failing test.
 */
async function probeSeed(test, driver, ctx, userPatterns) {
    await (0,promises_namespaceObject.mkdir)(ctx.workDir, { recursive: true });
    const resultsFile = external_node_path_default().join(ctx.workDir, "probe.jsonl");
    const inv = driver.invocation({
        test,
        seed: null,
        mode: "repeat",
        attempts: 1,
        freshSeeds: null,
        resultsFile,
        workDir: ctx.workDir,
        stopWhenMixed: false,
        freshPasses: false,
    });
    // -v undoes the driver's -q: pytest's report header, where pytest-randomly prints its seed
    // ("Using --randomly-seed=N"), is shown only at the default verbosity or above.
    const addopts = [ctx.env["PYTEST_ADDOPTS"] ?? "", "-v -o log_cli=true -o log_cli_level=DEBUG"].join(" ").trim();
    const batch = await runBatch({
        argv: inv.argv,
        cwd: ctx.cwd,
        env: { ...ctx.env, ...inv.env, PYTEST_ADDOPTS: addopts },
        seeds: [null],
        reportsLines: inv.reportsLines,
        // As verify's trials: go's exit status 0 for a -run that matches nothing is no pass.
        ...(inv.judge !== undefined ? { judge: inv.judge } : {}),
        // A test that skipped itself ran: its seed line, if any, is still there to read.
        skipsAreTrials: true,
        resultsFile,
        timeoutMs: ctx.timeoutMs,
        startupMs: ctx.startupMs,
        killGraceMs: ctx.killGraceMs,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        onTrial: () => false,
    });
    const trial = batch.trials[0];
    const message = trial !== undefined && "message" in trial ? (trial.message ?? "") : "";
    const output = [batch.process.stdout.text, batch.process.stderr.text, message].join("\n");
    const probeCase = {
        id: test.id,
        classname: test.classname,
        name: test.name,
        outcome: "failed",
        output,
        sources: [{ file: "probe run" }],
        index: 0,
    };
    return {
        seed: extractSeed(probeCase, userPatterns) ?? missingSeedVariable(message),
        cannotRun: batch.cannotRun,
        durationSec: trial?.durationSec ?? batch.process.durationMs / 1000,
    };
}
/**
 * A probe that failed for want of a seed variable (`KeyError: 'MXNET_TEST_SEED'`: the test reads
 * `os.environ["MXNET_TEST_SEED"]` and prints nothing without it): that variable is how its seed
 * goes in. Without this every trial failed the same way, "1000 of 1000 failed", exit 1.
 */
function missingSeedVariable(message) {
    const name = /\bKeyError: '([A-Za-z_][A-Za-z0-9_]{0,99})'/.exec(message)?.[1];
    // A variable named for a seed (MXNET_TEST_SEED, RANDOM_SEED): not any the test needs (DB_PASSWORD).
    if (name === undefined || !/seed/i.test(name) || !isSeedVariableName(name))
        return null;
    return { value: "", recogniser: `the probe failed with KeyError: '${name}'`, source: { file: "probe run" }, apply: { kind: "env", env: { [name]: "" } } };
}

;// CONCATENATED MODULE: ./src/verify/seeds.ts
/**
 * The seeds verify gives its trials, as deterministic streams.
 *
 * A run of T trials uses the seeds at indices 0..T-1 of one stream; `--shard K/N` takes the
 * contiguous index range [floor((K-1)T/N), floor(KT/N)). So N shards together run exactly the
 * seeds one unsharded run with the same stream would, each seed once, and their merged totals
 * are those of that run.
 *
 * A random stream is keyed by a base seed (any short text; random when not given, and always
 * recorded in the JSON so the run can be repeated). The seed at index i is a keyed permutation
 * of i over [0, 2^31 - 1), plus one: a 4-round Feistel network over 32 bits, cycle-walked into
 * the range. A permutation, so no two indices share a seed (the shards' streams are disjoint
 * by construction, not by luck); 31-bit decimals from 1, because every seeding API we know
 * accepts them (numpy: < 2^32; C `int`: < 2^31; some treat 0 as "pick one for me").
 *
 * A list stream (`--seed-list FILE`) is the file's seeds in order, sharded the same way.
 */


/** Seeds are 1..SEED_RANGE: 31-bit, see above. */
const SEED_RANGE = 2 ** 31 - 1;
/** Bumped if the derivation ever changes: a recorded base seed must keep meaning the same seeds. */
const KEY_CONTEXT = "flaky-triage verify seed stream v1\0";
const FEISTEL_ROUNDS = 4;
/** A list seed travels through argv, the environment and our plugin's comma-separated list. */
const LIST_SEED = /^[\x21-\x2b\x2d-\x7e]{1,80}$/;
const MAX_BASE_SEED_CHARS = 64;
/** A fresh base seed: 64 random bits as decimal. */
function randomBaseSeed() {
    return BigInt(`0x${(0,external_node_crypto_namespaceObject.randomBytes)(8).toString("hex")}`).toString();
}
function checkBaseSeed(text) {
    if (!/^[\x21-\x7e]+$/.test(text) || text.length > MAX_BASE_SEED_CHARS) {
        throw new UserError(`--base-seed must be 1 to ${MAX_BASE_SEED_CHARS} printable characters without spaces, got '${text}'`);
    }
    return text;
}
/** `K/N` with 1 <= K <= N. */
function parseShard(text) {
    const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text);
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (!m || count < 1 || index < 1 || index > count) {
        throw new UserError(`--shard expects K/N with 1 <= K <= N (e.g. 2/4), got '${text}'`);
    }
    return { index, count };
}
/** The indices [start, end) of the stream that a shard runs. */
function shardRange(total, shard) {
    if (shard === null)
        return { start: 0, end: total };
    return {
        start: Math.floor(((shard.index - 1) * total) / shard.count),
        end: Math.floor((shard.index * total) / shard.count),
    };
}
/** Seeds of one list file: one per line; blank lines and `#` comments are skipped. */
function parseSeedList(text, file) {
    const seeds = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === "" || line.startsWith("#"))
            continue;
        if (!LIST_SEED.test(line)) {
            throw new UserError(`--seed-list ${file}:${i + 1}: '${line.slice(0, 40)}' is not a seed (printable, no spaces or commas, at most 80 characters)`);
        }
        seeds.push(line);
    }
    if (seeds.length === 0)
        throw new UserError(`--seed-list ${file} holds no seeds`);
    return seeds;
}
function listStream(file, text) {
    const seeds = parseSeedList(text, file);
    return {
        kind: "list",
        file,
        sha256: (0,external_node_crypto_namespaceObject.createHash)("sha256").update(seeds.join("\n")).digest("hex"),
        total: seeds.length,
        seeds,
    };
}
function streamInfo(s) {
    return s.kind === "random"
        ? { kind: "random", baseSeed: s.baseSeed, total: s.total }
        : { kind: "list", file: s.file, sha256: s.sha256, total: s.total };
}
/** The seeds of indices [start, end) of the stream. */
function streamSeeds(stream, start, end) {
    if (stream.kind === "list")
        return stream.seeds.slice(start, end);
    const keys = roundKeys(stream.baseSeed);
    const out = [];
    for (let i = start; i < end; i++)
        out.push(String(permuteIndex(i, keys) + 1));
    return out;
}
function roundKeys(baseSeed) {
    const digest = (0,external_node_crypto_namespaceObject.createHash)("sha256").update(KEY_CONTEXT + baseSeed).digest();
    return Array.from({ length: FEISTEL_ROUNDS }, (_, r) => digest.readUInt32BE(r * 4));
}
/** murmur3's 32-bit finaliser: a cheap, well-mixed round function. */
function mix32(x) {
    x ^= x >>> 16;
    x = Math.imul(x, 0x85ebca6b);
    x ^= x >>> 13;
    x = Math.imul(x, 0xc2b2ae35);
    x ^= x >>> 16;
    return x >>> 0;
}
function feistel32(x, keys) {
    let left = x >>> 16;
    let right = x & 0xffff;
    for (const k of keys) {
        const next = left ^ (mix32(right ^ k) & 0xffff);
        left = right;
        right = next;
    }
    return ((left << 16) | right) >>> 0;
}
/**
 * A bijection on [0, SEED_RANGE): cycle-walking a permutation of the 32-bit values until it
 * lands in range keeps it a permutation of the range (about two steps on average).
 */
function permuteIndex(i, keys) {
    if (!Number.isInteger(i) || i < 0 || i >= SEED_RANGE)
        throw new RangeError(`seed index out of range: ${i}`);
    let x = i;
    do
        x = feistel32(x, keys);
    while (x >= SEED_RANGE);
    return x;
}
function keysFor(baseSeed) {
    return roundKeys(baseSeed);
}

;// CONCATENATED MODULE: ./src/verify/settings.ts
/**
 * The one settings object verify runs on, built by each adapter (CLI flags, Action inputs,
 * the Jenkins step through the CLI), and `planVerify`, which reads the inputs it names (a seed
 * list, a triage report) into what the engine takes.
 */




const VERIFY_DEFAULTS = {
    /**
     * 1,000 trials: with none failing, the failure rate is below 0.3% at 95% confidence (rule of
     * three). MXNet's flakiness checker defaults to 10,000 (below 0.03%); ask for that with
     * --trials when the test is fast enough.
     */
    trials: 1_000,
    rerunTimeoutSec: 60,
};
/** Trials per test at most: seeds are 31-bit and a stream must not wrap. */
const MAX_TRIALS = 10_000_000;
/**
 * Where a Go test's name starts in its id (`pkg/path/TestX/sub`): the first segment go would
 * take for a test function, by go's own rule: Test/Benchmark/Example/Fuzz followed by the end or
 * a character that is not a lower-case letter (`github.com/FuzzyStatic/demo` is a module path).
 */
const GO_NAME_SEGMENT = /^(?:Test|Benchmark|Example|Fuzz)(?![a-z])/;
const JS_FILE = /\.[cm]?[jt]sx?$/;
/**
 * A TestCase for an id given on the command line, in the form triage reports it for its runner:
 * pytest `file.py::test`, go `import/path/TestX/sub`, vitest `file > describe > test`, jest
 * `file > describe > test`. The drivers read the classname and name (go's package and -run
 * pattern, the -t pattern of vitest and jest): split as the id was made, not as a pytest id
 * (which made `go test example.com.pkg.TestX` and -t patterns matching nothing).
 */
function testCaseFor(id, source, index, runner = null) {
    const base = { id, outcome: "failed", sources: [{ file: source }], index };
    if (runner === "go") {
        const segments = id.split("/");
        const at = segments.findIndex((seg, i) => i > 0 && GO_NAME_SEGMENT.test(seg));
        if (at > 0)
            return { ...base, classname: segments.slice(0, at).join("/"), name: segments.slice(at).join("/"), runner };
    }
    if (runner === "vitest" || runner === "jest") {
        const parts = id.split(" > ");
        const file = parts.length > 1 && JS_FILE.test(parts[0]) ? parts[0] : undefined;
        const titles = file !== undefined ? parts.slice(1) : parts;
        // vitest: classname is the file, name the titles as its reporter joins them; jest: the
        // titles joined by spaces, as its -t matches them (an empty classname keeps them whole).
        return runner === "vitest"
            ? { ...base, classname: file ?? "", name: titles.join(" > "), ...(file !== undefined ? { file } : {}), runner }
            : { ...base, classname: "", name: titles.join(" "), ...(file !== undefined ? { file } : {}), runner };
    }
    const parts = id.split("::");
    const file = parts[0] ?? id;
    return {
        ...base,
        classname: file.replace(/\.py$/, "").replaceAll("/", "."),
        name: parts[parts.length - 1] ?? id,
        ...(parts.length > 1 ? { file } : {}),
        ...(runner !== null ? { runner } : {}),
    };
}
async function planVerify(s) {
    const targets = [];
    const seen = new Set();
    const add = (test, mechanism) => {
        if (seen.has(test.id))
            return;
        seen.add(test.id);
        targets.push({ test, mechanism: s.mechanism ?? mechanism });
    };
    if ((s.runner === null || s.runner === "pytest") && s.rerunCommand === null) {
        // A file runs all its tests as one trial, in a process per trial: no failure rate of a test.
        const whole = s.ids.find((id) => !id.includes("::") && /\.py$/.test(id));
        if (whole !== undefined)
            throw new UserError(`${whole}: a file, not a test: give its test ids (${whole}::test_name; pytest --collect-only -q lists them)`);
    }
    s.ids.forEach((id, i) => add(testCaseFor(id, "command line", i, s.runner), null));
    if (s.fromReport !== null) {
        for (const t of await readReportTests(s.fromReport, s.runner))
            add(t.test, t.mechanism);
    }
    if (targets.length === 0) {
        throw new UserError(s.fromReport !== null ? `--from-report ${s.fromReport} lists no tests to verify` : "no test to verify: give test ids or --from-report FILE");
    }
    let stream;
    if (s.seedList !== null) {
        let text;
        try {
            text = await (0,promises_namespaceObject.readFile)(s.seedList, "utf8");
        }
        catch (err) {
            throw new UserError(`--seed-list ${s.seedList}: ${errorMessage(err)}`);
        }
        stream = listStream(s.seedList, text);
    }
    else {
        stream = { kind: "random", baseSeed: s.baseSeed ?? randomBaseSeed(), total: s.trials };
    }
    return { targets, stream };
}
/** Tests of a triage report (or ids of a verify report), with the seed mechanism triage found. */
async function readReportTests(file, runner) {
    let data;
    try {
        data = JSON.parse(await (0,promises_namespaceObject.readFile)(file, "utf8"));
    }
    catch (err) {
        throw new UserError(`--from-report ${file}: ${errorMessage(err)}`);
    }
    const tests = data?.tests;
    if (typeof data !== "object" || data === null || !Array.isArray(tests)) {
        throw new UserError(`--from-report ${file} is not a flaky-triage JSON report (no "tests" list)`);
    }
    const out = [];
    tests.forEach((raw, i) => {
        const t = raw;
        if (typeof t?.id !== "string" || t.id === "")
            return;
        const test = testCaseFor(t.id, file, i, runner);
        if (typeof t.file === "string")
            test.file = t.file;
        // The report's own name parts are what triage's drivers ran it by.
        if (typeof t.classname === "string" && typeof t.name === "string" && runner !== null && runner !== "pytest") {
            test.classname = t.classname;
            test.name = t.name;
        }
        const seed = t.seed;
        const mechanism = seed && typeof seed.value === "string" && typeof seed.apply === "object" ? mechanismFromSeed(seed, "report") : null;
        out.push({ test, mechanism });
    });
    return out;
}
/**
 * The engine's options from the settings and their plan: one mapping for every adapter, so a
 * setting the CLI honours cannot be dropped by the Action (as `runner` once was).
 */
function verifyOptions(s, plan, ctx) {
    return {
        ...plan,
        cwd: s.cwd,
        shard: s.shard,
        jobs: s.jobs,
        timeoutSec: s.timeoutSec,
        rerunCommand: s.rerunCommand,
        runner: s.runner,
        seedPatterns: s.seedPatterns,
        stopOnFailure: s.stopOnFailure,
        runDir: ctx.runDir,
        env: ctx.env,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
    };
}

;// CONCATENATED MODULE: ./src/verify/verify.ts
/**
 * The verify engine: runs each test `trials` times with seeds from a deterministic stream and
 * counts the outcomes. It is the triage rerun machinery with a different plan: the same drivers
 * build the processes, the same plugin repeats the test in-process with a list of seeds
 * (`--ft-seeds`, applied through `--ft-seed-env` or `--ft-global-seed`), and `runBatch` reads
 * its per-attempt results and enforces the per-attempt timeout. Trials are split into `jobs`
 * contiguous parts run side by side; a crash or timeout ends its process and the part goes on
 * with the next seed in a new one.
 */















/**
 * Seeds per process. The plugin takes them as one comma-separated argument, and Linux caps a
 * single argument at 128 KiB (MAX_ARG_STRLEN): 1,500 list seeds of up to 80 characters and
 * their commas stay under it. Startup (about a second with numpy) is then under 1 ms a trial.
 */
const MAX_SEEDS_PER_PROCESS = 1_500;
/**
 * Trials that all skipped, after which a test stops: one skipped in its code (`it.skip`, a
 * `t.Skip` before any work) would otherwise cost a jest, vitest or go process for every seed,
 * to verify nothing. A test that skips half its seeds gets this far in 1 run of 1,024.
 */
const ALL_SKIPPED_STOP = 10;
async function verify(opts) {
    const { start, end } = shardRange(opts.stream.total, opts.shard);
    const seeds = streamSeeds(opts.stream, start, end);
    const tests = [];
    for (let index = 0; index < opts.targets.length; index++) {
        const target = opts.targets[index];
        let result;
        try {
            result = await verifyOne(target, seeds, index, opts);
        }
        catch (e) {
            result = notRun(target.test.id, seeds.length, null, `verify stopped by an internal error: ${errorMessage(e)}`);
        }
        tests.push(result);
        opts.onProgress?.({ kind: "test-done", index, count: opts.targets.length, test: result });
        if (opts.signal?.aborted)
            break;
    }
    return {
        schemaVersion: 1,
        mode: "verify",
        tool: { name: "flaky-triage", version: VERSION },
        seeds: streamInfo(opts.stream),
        ...(opts.shard ? { shard: { index: opts.shard.index, count: opts.shard.count } } : {}),
        tests,
    };
}
function notRun(id, requested, seedApply, note) {
    return {
        id,
        requested,
        ...tally_emptyCounts(),
        failureRate: null,
        upperBound95: null,
        failingSeeds: [],
        reproduce: null,
        firstFailure: null,
        seedApply,
        stoppedEarly: requested > 0,
        note,
        durationSec: 0,
    };
}
function applyInfo(m) {
    const target = m.kind === "env" ? m.names : m.kind === "args" ? m.template : [];
    return { kind: m.kind, target, source: m.source, detail: m.detail };
}
async function verifyOne(target, seeds, index, opts) {
    const { test } = target;
    const count = opts.targets.length;
    const started = Date.now();
    const driver = pickDriver(test, { python: resolvePython(opts.env), rerunCommand: opts.rerunCommand, runner: opts.runner ?? null });
    if (driver === null)
        return notRun(test.id, seeds.length, null, "no driver runs this test id (give --rerun-command)");
    if (test.id.includes("\0"))
        return notRun(test.id, seeds.length, null, "the test id contains a NUL byte");
    if (!(0,external_node_fs_namespaceObject.existsSync)(opts.cwd))
        return notRun(test.id, seeds.length, null, `working directory ${opts.cwd} does not exist`);
    const refused = driver.refuse?.(test) ?? null;
    if (refused !== null)
        return notRun(test.id, seeds.length, null, `not run: ${refused}`);
    const pluginDir = await ensurePlugin(opts.runDir);
    const workRoot = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(opts.runDir, "verify-"));
    const baseEnv = rerunEnv(opts.env, pluginDir);
    const timeoutMs = opts.timeoutSec * 1000;
    const startupMs = (opts.startupAllowanceSec ?? STARTUP_ALLOWANCE_SEC) * 1000;
    const killGraceMs = opts.killGraceMs ?? KILL_GRACE_MS;
    const notes = [];
    let mechanism = target.mechanism;
    if (mechanism === null) {
        opts.onProgress?.({ kind: "probe", id: test.id, index, count });
        const probe = await probeSeed(test, driver, {
            cwd: opts.cwd,
            env: baseEnv,
            workDir: external_node_path_default().join(workRoot, "probe"),
            timeoutMs,
            startupMs,
            killGraceMs,
            ...(opts.signal ? { signal: opts.signal } : {}),
        }, opts.seedPatterns);
        if (probe.cannotRun !== null)
            return notRun(test.id, seeds.length, null, `probe run: ${probe.cannotRun}`);
        mechanism = probe.seed !== null ? mechanismFromSeed(probe.seed, "probe") : null;
        if (mechanism === null) {
            mechanism = FALLBACK_MECHANISM;
            notes.push(probe.seed === null
                ? "the probe run logged no seed line: each trial seeds random, numpy and torch instead (give --seed-env or --seed-arg if the test takes its seed another way)"
                : `the probe run's ${probe.seed.recogniser} seed cannot take another value: each trial seeds random, numpy and torch instead`);
        }
    }
    const mech = mechanism;
    const info = applyInfo(mech);
    if (!driver.seedSupport(seedWithValue(mechanism, seeds[0] ?? "1")).fresh) {
        // Say how to give it one: without a seed to vary, trials would only repeat one run.
        const ways = driver.name === "template" ? "put {seed} in --rerun-command, or give --seed-env NAME or --seed-arg TEMPLATE" : "give --seed-env NAME or --seed-arg TEMPLATE";
        return notRun(test.id, seeds.length, info, `the ${driver.name} driver cannot give this test a seed by ${mechanism.kind}: ${ways}`);
    }
    opts.onProgress?.({ kind: "seed", id: test.id, index, count, how: mechanism.kind });
    const counts = tally_emptyCounts();
    const failing = new Map();
    const streamIndex = new Map(seeds.map((s, i) => [s, i]));
    let firstFailure = null;
    /** Why the test skipped itself, from its first skipped trial (for a test that always does). */
    let skipReason = null;
    let stop = false;
    const cannotRun = [];
    const record = (t) => {
        addTrial(counts, t);
        if (t.kind === "skipped" && skipReason === null)
            skipReason = t.message ?? "";
        if (!stop && counts.trials >= ALL_SKIPPED_STOP && counts.skipped === counts.trials)
            stop = true;
        if (isFailure(t)) {
            const seed = t.seed ?? "";
            const order = streamIndex.get(seed) ?? Number.MAX_SAFE_INTEGER;
            if (seed !== "" && !failing.has(seed))
                failing.set(seed, order);
            if (firstFailure === null || order < firstFailure.order) {
                firstFailure = {
                    order,
                    message: "message" in t ? (t.message ?? null) : t.kind === "timedOut" ? "timed out" : null,
                    withheld: t.kind === "failed" ? (t.withheld ?? []) : [],
                };
            }
            if (opts.stopOnFailure)
                stop = true;
        }
        opts.onProgress?.({ kind: "trial", id: test.id, index, count, done: counts.trials, total: seeds.length, failed: failures(counts) });
        return stop || opts.signal?.aborted === true;
    };
    const drv = driver;
    let batchNo = 0;
    const runPart = async (part) => {
        let i = 0;
        let consecutiveTimeouts = 0;
        while (i < part.length && !stop && !opts.signal?.aborted) {
            const chunk = part.slice(i, i + MAX_SEEDS_PER_PROCESS);
            const dir = external_node_path_default().join(workRoot, `batch-${batchNo++}`);
            await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
            const resultsFile = external_node_path_default().join(dir, "results.jsonl");
            const inv = drv.invocation({
                test,
                seed: seedWithValue(mech, chunk[0]),
                mode: "repeat",
                attempts: chunk.length,
                freshSeeds: chunk,
                resultsFile,
                workDir: dir,
                stopWhenMixed: false,
                freshPasses: false,
            });
            const batch = await runBatch({
                argv: inv.argv,
                cwd: opts.cwd,
                env: { ...baseEnv, ...inv.env },
                seeds: chunk.slice(0, inv.attempts),
                reportsLines: inv.reportsLines,
                // Drivers judged by more than the exit status (go's own result line, jest's and
                // vitest's result files): without it a filter that matches nothing would pass.
                ...(inv.judge !== undefined ? { judge: inv.judge } : {}),
                skipsAreTrials: true,
                resultsFile,
                timeoutMs,
                startupMs,
                killGraceMs,
                ...(opts.signal ? { signal: opts.signal } : {}),
                onTrial: (t) => {
                    consecutiveTimeouts = t.kind === "timedOut" ? consecutiveTimeouts + 1 : 0;
                    if (consecutiveTimeouts >= MAX_CONSECUTIVE_TIMEOUTS && !stop) {
                        stop = true;
                        notes.push(`stopped after ${MAX_CONSECUTIVE_TIMEOUTS} timeouts in a row: the test hangs`);
                    }
                    return record(t);
                },
            });
            i += batch.trials.length;
            if (batch.cannotRun !== null) {
                cannotRun.push(batch.cannotRun);
                stop = true;
                return;
            }
            if (batch.trials.length === 0 && !batch.aborted && !batch.stopped) {
                notes.push("a verify process ended without running a trial");
                stop = true;
                return;
            }
        }
    };
    const jobs = Math.max(1, Math.min(Math.floor(opts.jobs) || 1, seeds.length || 1));
    const parts = Array.from({ length: jobs }, (_, j) => seeds.slice(Math.floor((j * seeds.length) / jobs), Math.floor(((j + 1) * seeds.length) / jobs)));
    await Promise.all(parts.map(runPart));
    if (cannotRun.length > 0)
        notes.push(`could not run the test: ${cannotRun[0]}`);
    const reason = skipReason;
    if (counts.trials > 0 && counts.skipped === counts.trials) {
        const cut = counts.trials < seeds.length ? ` (stopped after ${counts.trials} of ${seeds.length})` : "";
        notes.push(`every trial skipped itself${cut}${reason ? `: ${reason}` : ""}`);
    }
    if (opts.stopOnFailure && failures(counts) > 0 && counts.trials < seeds.length)
        notes.push("stopped at the first failure (--stop-on-failure)");
    if (opts.signal?.aborted && counts.trials < seeds.length)
        notes.push("interrupted: trials were cut short");
    const failingSeeds = [...failing.entries()].sort((a, b) => a[1] - b[1]).map(([s]) => s);
    const first = failingSeeds[0];
    let reproduce = null;
    if (first !== undefined) {
        try {
            reproduce = driver.reproduceCommand(test, seedWithValue(mech, first));
        }
        catch {
            // An id no shell can carry: better no command than a wrong one.
        }
    }
    const ff = firstFailure;
    // Trials get no credential-like variable unless passed by name: a failure naming one, or one
    // the test read and found missing, is likely that, not the test (triage does not count such
    // reruns; verify says so).
    const withheld = withheldNames(opts.env);
    const named = ff?.message != null ? withheldNamedIn(ff.message, withheld) : null;
    const read = named === null ? (ff?.withheld.find((n) => withheld.includes(n)) ?? null) : null;
    if (named !== null) {
        notes.push(`the first failure names ${named}, which trials do not get (its name looks like a credential): if the test needs it, give it with ${PASS_ENV}=${named}`);
    }
    else if (read !== null) {
        notes.push(`the first failing trial read ${read} and found it missing: trials do not get it (its name looks like a credential); if the test needs it, give it with ${PASS_ENV}=${read}`);
    }
    return {
        id: test.id,
        requested: seeds.length,
        ...counts,
        ...rateAndBound(counts),
        failingSeeds,
        reproduce,
        firstFailure: ff?.message ?? null,
        seedApply: info,
        stoppedEarly: counts.trials < seeds.length,
        note: notes.length > 0 ? notes.join("; ") : null,
        durationSec: (Date.now() - started) / 1000,
    };
}

;// CONCATENATED MODULE: ./src/cli/verify-progress.ts



/** In a CI log a line per this share of a test's trials... */
const LOG_EVERY_FRACTION = 0.1;
/** ...or after this long, whichever comes first: a slow test still shows it is alive. */
const LOG_EVERY_MS = 10_000;
/** A terminal line is redrawn at most this often; thousands of trials/s would flood it. */
const verify_progress_REDRAW_EVERY_MS = 100;
/**
 * Verify's progress on stderr, with trials/s and an ETA. On a terminal one line is redrawn in
 * place; in a CI log a line every 10% of a test's trials or every 10 s.
 */
class VerifyProgressPrinter {
    opts;
    status;
    started = 0;
    lastDraw = 0;
    lastLogged = 0;
    lastLoggedAt = 0;
    constructor(out, opts) {
        this.opts = opts;
        this.status = new StatusLine(out, opts.quiet);
    }
    now() {
        return (this.opts.now ?? Date.now)();
    }
    update(ev) {
        if (this.opts.quiet)
            return;
        const tag = (index, count, id) => `[${index + 1}/${count}] ${sanitizeLine(id)}`;
        switch (ev.kind) {
            case "probe":
                this.line(`${tag(ev.index, ev.count, ev.id)}: probe run to learn how it takes its seed`);
                return;
            case "seed":
                this.started = this.now();
                this.lastLogged = 0;
                this.lastLoggedAt = this.started;
                return;
            case "trial": {
                const now = this.now();
                const elapsed = (now - this.started) / 1000;
                const rate = elapsed > 0 ? ev.done / elapsed : 0;
                const eta = rate > 0 ? (ev.total - ev.done) / rate : null;
                const text = `${tag(ev.index, ev.count, ev.id)}: ${ev.done}/${ev.total} trials, ${ev.failed} failed, ` +
                    `${rate.toFixed(rate >= 100 ? 0 : 1)} trials/s, ETA ${eta === null ? "?" : duration(eta)}`;
                if (this.status.live) {
                    if (now - this.lastDraw >= verify_progress_REDRAW_EVERY_MS || ev.done === ev.total) {
                        this.lastDraw = now;
                        this.status.redraw(text);
                    }
                }
                else {
                    const step = Math.max(1, Math.ceil(ev.total * LOG_EVERY_FRACTION));
                    if (ev.done - this.lastLogged >= step || now - this.lastLoggedAt >= LOG_EVERY_MS) {
                        this.lastLogged = ev.done;
                        this.lastLoggedAt = now;
                        this.line(text);
                    }
                }
                return;
            }
            case "test-done":
                this.line(`${tag(ev.index, ev.count, ev.test.id)}: ${boundSentence(ev.test)}`);
                return;
        }
    }
    done() {
        this.status.clear();
    }
    line(s) {
        this.status.line(s);
    }
}
function duration(sec) {
    if (sec < 60)
        return `${Math.ceil(sec)}s`;
    if (sec < 3600)
        return `${Math.floor(sec / 60)}m${String(Math.ceil(sec % 60)).padStart(2, "0")}s`;
    return `${Math.floor(sec / 3600)}h${String(Math.floor((sec % 3600) / 60)).padStart(2, "0")}m`;
}

;// CONCATENATED MODULE: ./src/cli/verify-command.ts
/**
 * `flaky-triage verify ID... [options]`: run tests thousands of times with fresh seeds and say,
 * with an exact bound, how often they fail. Flags shared with triage keep triage's meaning.
 */



















const VERIFY_FLAGS = [
    ["--trials N", "trials per test, all shards together", String(VERIFY_DEFAULTS.trials)],
    ["--jobs J", "trials run in parallel (in-process batches)", "number of CPUs"],
    ["--rerun-timeout S", "timeout per trial, in seconds", String(VERIFY_DEFAULTS.rerunTimeoutSec)],
    ["--cwd DIR", "project root: trials run there", "."],
    ["--seed-env NAME", "give each trial's seed as environment variable NAME; repeatable", "learnt from a probe run"],
    ["--seed-arg TEMPLATE", "give each trial's seed as arguments, e.g. '-p randomly --randomly-seed={seed}'", "learnt from a probe run"],
    ["--seed-pattern REGEX", "how the test logs its seed, named group `seed` (and `env`); repeatable", "built-in recognisers"],
    ["--seed-list FILE", "replay these seeds (one per line) instead of random ones", "none"],
    ["--base-seed TEXT", "key of the random seed stream; the same on every shard", "random, recorded in the JSON"],
    ["--shard K/N", "run part K of N of the trials (disjoint seeds; needs --base-seed or --seed-list); combine with `merge`", "none"],
    ["--stop-on-failure", "stop a test's trials at its first failure", "off"],
    ["--from-report FILE", "verify every test of a triage JSON report", "none"],
    ["--rerun-command TEMPLATE", "argv template to run one test ({id} {file} {name} {seed}); one process per trial", "the built-in driver: --runner's, or pytest's for node ids"],
    ["--runner NAME", `built-in driver for every test: ${RUNNER_NAMES.join(", ")}`, "pytest for node ids"],
    ["--json FILE", "write the JSON report (schema/verify.schema.json) to FILE", "none"],
    ["--markdown FILE", "write the Markdown report to FILE", "none"],
    ["--args-json FILE", "read further arguments from a JSON array of strings", "none"],
    ["--quiet", "no progress output on stderr", "off"],
    ["--help", "show this help", ""],
];
const verify_command_OPTIONS = {
    trials: { type: "string" },
    jobs: { type: "string" },
    "rerun-timeout": { type: "string" },
    cwd: { type: "string" },
    "seed-env": { type: "string", multiple: true },
    "seed-arg": { type: "string" },
    "seed-pattern": { type: "string", multiple: true },
    "seed-list": { type: "string" },
    "base-seed": { type: "string" },
    shard: { type: "string" },
    "stop-on-failure": { type: "boolean" },
    "from-report": { type: "string" },
    "rerun-command": { type: "string" },
    runner: { type: "string" },
    json: { type: "string" },
    markdown: { type: "string" },
    quiet: { type: "boolean" },
    help: { type: "boolean", short: "h" },
};
/**
 * Flags whose values naturally start with a dash (`--seed-arg '-p randomly ...'`): node's
 * parseArgs calls such a value ambiguous unless written `--flag=value`, so we write it so.
 */
const DASH_VALUED = new Set(["--seed-arg", "--rerun-command", "--seed-pattern"]);
function joinDashValues(argv) {
    const out = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--") {
            out.push(...argv.slice(i));
            break;
        }
        if (DASH_VALUED.has(a) && i + 1 < argv.length)
            out.push(`${a}=${argv[++i]}`);
        else
            out.push(a);
    }
    return out;
}
function parseVerifyArgs(argv, shellCwd) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: joinDashValues(expandArgsJson(argv)), options: verify_command_OPTIONS, allowPositionals: true, strict: true });
    }
    catch (err) {
        throw new UserError(`verify: ${errorMessage(err)} (see verify --help)`);
    }
    const v = parsed.values;
    if (v.help)
        return "help";
    if (parsed.positionals.length === 0 && v["from-report"] === undefined) {
        throw new UserError("verify: no test given: pass test ids (e.g. tests/test_x.py::test_y) or --from-report FILE");
    }
    if (v["seed-env"] !== undefined && v["seed-arg"] !== undefined) {
        throw new UserError("verify: give --seed-env or --seed-arg, not both");
    }
    if (v["seed-list"] !== undefined && v.trials !== undefined) {
        throw new UserError("verify: --seed-list runs one trial per listed seed; drop --trials");
    }
    if (v["seed-list"] !== undefined && v["base-seed"] !== undefined) {
        throw new UserError("verify: --base-seed keys random seeds; it means nothing with --seed-list");
    }
    const shard = v.shard === undefined ? null : parseShard(v.shard);
    if (shard !== null && v["base-seed"] === undefined && v["seed-list"] === undefined) {
        throw new UserError("verify: --shard needs --base-seed (the same on every shard, e.g. the CI run id) so the shards run disjoint parts of one seed stream");
    }
    let mechanism = null;
    if (v["seed-env"] !== undefined) {
        for (const name of v["seed-env"]) {
            if (!isEnvName(name))
                throw new UserError(`verify: --seed-env '${name}' is not an environment variable name`);
        }
        mechanism = { source: "flag", detail: "--seed-env", kind: "env", names: [...new Set(v["seed-env"])] };
    }
    else if (v["seed-arg"] !== undefined) {
        let template;
        try {
            template = splitCommandTemplate(v["seed-arg"]);
        }
        catch (err) {
            throw new UserError(`verify: --seed-arg: ${errorMessage(err)}`);
        }
        if (!template.some((a) => a.includes(SEED_PLACEHOLDER))) {
            throw new UserError(`verify: --seed-arg '${v["seed-arg"]}' must contain ${SEED_PLACEHOLDER} where the seed goes`);
        }
        mechanism = { source: "flag", detail: "--seed-arg", kind: "args", template };
    }
    const settings = {
        ids: parsed.positionals,
        fromReport: v["from-report"] === undefined ? null : (0,external_node_path_namespaceObject.resolve)(shellCwd, v["from-report"]),
        cwd: (0,external_node_path_namespaceObject.resolve)(shellCwd, v.cwd ?? "."),
        trials: intFlag("--trials", v.trials, VERIFY_DEFAULTS.trials, 1, MAX_TRIALS),
        jobs: intFlag("--jobs", v.jobs, (0,external_node_os_namespaceObject.availableParallelism)(), 1, 256),
        timeoutSec: numFlag("--rerun-timeout", v["rerun-timeout"], VERIFY_DEFAULTS.rerunTimeoutSec, 0.1, 86_400),
        seedPatterns: (v["seed-pattern"] ?? []).map(seedPattern),
        rerunCommand: v["rerun-command"] === undefined ? null : rerunTemplate(v["rerun-command"]),
        runner: v.runner === undefined ? null : runnerName(v.runner),
        mechanism,
        seedList: v["seed-list"] === undefined ? null : (0,external_node_path_namespaceObject.resolve)(shellCwd, v["seed-list"]),
        baseSeed: v["base-seed"] === undefined ? null : checkBaseSeed(v["base-seed"]),
        shard,
        stopOnFailure: v["stop-on-failure"] ?? false,
    };
    return {
        settings,
        json: v.json === undefined ? null : (0,external_node_path_namespaceObject.resolve)(shellCwd, v.json),
        markdown: v.markdown === undefined ? null : (0,external_node_path_namespaceObject.resolve)(shellCwd, v.markdown),
        quiet: v.quiet ?? false,
    };
}
function verifyHelpText() {
    const w = Math.max(...VERIFY_FLAGS.map(([f]) => f.length));
    return [
        `flaky-triage ${VERSION} verify: run tests thousands of times with fresh seeds; report the failure rate with an exact 95% bound.`,
        "",
        "Usage:",
        "  flaky-triage verify [options] TEST_ID...",
        "  flaky-triage verify [options] --from-report triage.json",
        "  flaky-triage merge [--json FILE] [--markdown FILE] [--quiet] SHARD.json...",
        "",
        "Options:",
        ...VERIFY_FLAGS.map(([flag, what, dflt]) => `  ${flag.padEnd(w)}  ${what}${dflt ? ` (default: ${dflt})` : ""}`),
        "",
        "With 0 failures in n trials the 95% upper bound is about 3/n (the rule of three).",
        "Exit status: 0 no trial failed, 1 a trial failed, timed out or crashed (or a test could not run), 2 usage error.",
        "",
        "Example:",
        "  flaky-triage verify 'tests/test_ops.py::test_dot' --trials 10000 --jobs 8 --json verify.json",
    ].join("\n");
}
async function verifyMain(argv) {
    const cmd = parseVerifyArgs(argv, process.cwd());
    if (cmd === "help") {
        process.stdout.write(verifyHelpText() + "\n");
        return 0;
    }
    checkProjectDir("--cwd", cmd.settings.cwd);
    const read = [cmd.settings.fromReport, cmd.settings.seedList].filter((p) => p !== null);
    checkOutputPaths([
        { flag: "--json", path: cmd.json },
        { flag: "--markdown", path: cmd.markdown },
    ], read, (p) => p);
    const plan = await planVerify(cmd.settings);
    const abort = new AbortController();
    let interrupted = null;
    const onSignal = (sig) => {
        if (interrupted)
            process.exit(130);
        interrupted = sig;
        process.stderr.write(`flaky-triage: ${sig}: stopping trials, writing the report for what finished\n`);
        abort.abort();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    const runDir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join((0,external_node_os_namespaceObject.tmpdir)(), "flaky-triage-verify-"));
    const progress = new VerifyProgressPrinter(process.stderr, { quiet: cmd.quiet });
    try {
        const report = await verify(verifyOptions(cmd.settings, plan, { runDir, env: process.env, signal: abort.signal, onProgress: (ev) => progress.update(ev) }));
        progress.done();
        if (cmd.json)
            await writeFileAtomic(cmd.json, JSON.stringify(report, null, 2) + "\n");
        if (cmd.markdown)
            await writeFileAtomic(cmd.markdown, renderVerifyMarkdown(report));
        process.stdout.write(renderVerifyText(report) + "\n");
        if (interrupted)
            return interrupted === "SIGINT" ? 130 : 143;
        return verifyFailed(report) ? 1 : 0;
    }
    finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        await (0,promises_namespaceObject.rm)(runDir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/render/budget.ts
/** Byte accounting for outputs with size limits (job summary, check-run text). */
function byteLength(text) {
    return Buffer.byteLength(text, "utf8");
}
/** The longest prefix of `text` that fits in `maxBytes` UTF-8 bytes, never splitting a character. */
function cutToBytes(text, maxBytes) {
    if (maxBytes <= 0)
        return "";
    if (byteLength(text) <= maxBytes)
        return text;
    const bytes = Buffer.from(text, "utf8");
    let end = maxBytes;
    // Back up over UTF-8 continuation bytes (10xxxxxx) to the start of the cut character.
    while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80)
        end--;
    return bytes.subarray(0, end).toString("utf8");
}
/** Appends parts while they fit; remembers how much room is left. */
class ByteBudget {
    limit;
    used = 0;
    parts = [];
    constructor(limit) {
        this.limit = limit;
    }
    get remaining() {
        return this.limit - this.used;
    }
    fits(text, reserve = 0) {
        return byteLength(text) + reserve <= this.remaining;
    }
    /** Adds `text` if it fits with `reserve` bytes to spare; returns whether it did. */
    tryAdd(text, reserve = 0) {
        const n = byteLength(text);
        if (n + reserve > this.remaining)
            return false;
        this.parts.push(text);
        this.used += n;
        return true;
    }
    toString() {
        return this.parts.join("");
    }
}

;// CONCATENATED MODULE: ./src/render/charts.ts


/** Trend charts beyond a handful stop being pictures and become a wall. */
const MAX_TREND_CHARTS = 3;
const MAX_LABEL_CHARS = 60;
function chartLabel(text) {
    const safe = text.replace(/[^A-Za-z0-9_./:-]+/g, " ").trim();
    return safe.length > MAX_LABEL_CHARS ? `...${safe.slice(safe.length - MAX_LABEL_CHARS + 3)}` : safe || "test";
}
/** A pie of verdicts; null when nothing failed. */
function verdictPie(report) {
    const s = report.summary;
    const slices = [
        ["deterministic", s.deterministic],
        ["intermittent", s.intermittent],
        ["not reproduced", s.notReproduced],
        ["not rerun", s.notRerun],
    ];
    const shown = slices.filter(([, n]) => n > 0);
    if (shown.length === 0)
        return null;
    const lines = ["pie showData title Verdicts of failing tests", ...shown.map(([label, n]) => `    "${label}" : ${n}`)];
    return codeBlock(lines.join("\n"), "mermaid");
}
/** One flake-rate line chart per flaky test with at least two recorded runs, worst first. */
function trendCharts(history, testIds) {
    const candidates = testIds
        .map((id) => ({ id, h: history.get(id) }))
        .filter((e) => e.h !== undefined && e.h.flaky > 0 && e.h.trend.length >= 2)
        .sort((a, b) => b.h.flaky / b.h.runs - a.h.flaky / a.h.runs)
        .slice(0, MAX_TREND_CHARTS);
    return candidates.map(({ id, h }) => {
        const n = h.trend.length;
        const lines = [
            "xychart-beta",
            `    title "Flake rate: ${chartLabel(id)} (${percent(h.flaky / h.runs)} over ${h.runs} runs)"`,
            `    x-axis "run" 1 --> ${n}`,
            `    y-axis "flake rate (%)" 0 --> 100`,
            `    line [${h.trend.map((r) => Math.round(r * 100)).join(", ")}]`,
        ];
        return codeBlock(lines.join("\n"), "mermaid");
    });
}

;// CONCATENATED MODULE: ./src/render/markdown.ts




// Caps per field so that one enormous message cannot crowd out every other test.
const CELL_MAX_CHARS = 200;
const ID_MAX_CHARS = 300;
const MESSAGE_MAX_CHARS = 2000;
const SEEDS_LISTED = 10;
// A reproduce command cut short would run the wrong thing; past this it is left to the JSON report.
const REPRODUCE_MAX_CHARS = 4000;
const VERDICT_ICON = {
    deterministic: "\u{1F534}",
    intermittent: "\u{1F7E1}",
    "not-reproduced": "\u{1F7E2}",
    "not-rerun": "\u26AA",
};
function markdown_headline(report) {
    const s = report.summary;
    const failing = s.failed + s.errored;
    const retried = passedOnRetry(report);
    const title = failing + retried === 0
        ? "## flaky-triage: no failing tests"
        : `## flaky-triage: ${s.deterministic} deterministic, ${s.intermittent} intermittent, ${s.notReproduced} not reproduced`;
    const counts = `**${failing} failing**${sharedIdNote(report)}${retried > 0 ? ` and ${retried} passed on a retry` : ""} of ${s.tests} tests (${s.passed} passed, ${s.skipped} skipped)` +
        ` · ${VERDICT_ICON.deterministic} ${s.deterministic} deterministic` +
        ` · ${VERDICT_ICON.intermittent} ${s.intermittent} intermittent` +
        ` · ${VERDICT_ICON["not-reproduced"]} ${s.notReproduced} not reproduced` +
        (s.notRerun > 0 ? ` · ${VERDICT_ICON["not-rerun"]} ${s.notRerun} not rerun` : "");
    return `${title}\n\n${counts}\n\n`;
}
function safeUrl(url) {
    // Only links we made from the API's answer; still, nothing but http(s) and no characters
    // that could end the Markdown link destination.
    if (!/^https?:\/\/[^\s<>()\\]+$/.test(url))
        return null;
    return url;
}
function notesBlock(options) {
    const lines = [];
    const url = options.checkRunUrl === undefined ? null : safeUrl(options.checkRunUrl);
    if (url !== null)
        lines.push(`- Every annotation is on the [check run](${url}).`);
    for (const note of options.notes ?? [])
        lines.push(`- ${escapeMarkdown(note)}`);
    return lines.length === 0 ? "" : lines.join("\n") + "\n\n";
}
/** Input warnings listed in full; the JSON report has them all (at most 20 per file). */
const WARNINGS_SHOWN = 10;
/**
 * What went wrong reading the reports (truncated, empty, missing): shown before the table, so
 * that a short or empty result is not read as a clean one.
 */
function warningsBlock(report) {
    const all = report.inputs.flatMap((i) => i.warnings);
    if (all.length === 0)
        return "";
    const lines = all.slice(0, WARNINGS_SHOWN).map((w) => `- ${escapeMarkdown(truncate(oneLine(w), MESSAGE_MAX_CHARS))}`);
    if (all.length > WARNINGS_SHOWN)
        lines.push(`- and ${all.length - WARNINGS_SHOWN} more (\`inputs[].warnings\` in the JSON report)`);
    return `**Reading the reports:**\n\n${lines.join("\n")}\n\n`;
}
const TABLE_HEAD = "| | Test | Verdict | Cause | Seed | Fix |\n|---|---|---|---|---|---|\n";
function tableRow(test) {
    const seed = test.seed === null ? "" : codeSpan(truncate(seedCell(test.seed), CELL_MAX_CHARS), { inTable: true });
    return (`| ${VERDICT_ICON[test.verdict]} | ${codeSpan(truncate(test.id, ID_MAX_CHARS), { inTable: true })}` +
        ` | ${escapeMarkdown(verdictText(test))} | ${escapeMarkdown(CAUSE_LABEL[test.cause])}` +
        ` | ${seed} | ${escapeMarkdown(truncate(test.suggestion, CELL_MAX_CHARS))} |\n`);
}
function markdown_toleranceLines(t) {
    const lines = [];
    const params = [
        t.rtol === null ? null : `rtol=${formatNumber(t.rtol)}`,
        t.atol === null ? null : `atol=${formatNumber(t.atol)}`,
        t.dtype === undefined ? null : `dtype=${t.dtype}`,
    ].filter((p) => p !== null);
    lines.push(`**Tolerance** (${escapeMarkdown(t.format)}): ${escapeMarkdown(params.join(", ") || "not stated")}`);
    if (t.actual !== undefined && t.expected !== undefined) {
        lines.push(`actual ${escapeMarkdown(formatNumber(t.actual, 10))}, expected ${escapeMarkdown(formatNumber(t.expected, 10))}` +
            (t.location === undefined ? "" : ` at ${escapeMarkdown(t.location)}`));
    }
    if (t.ratio === 0) {
        // A failed check with no difference in the printed values: they lost the digits that differ.
        lines.push("violation ratio: not visible (the printed values agree to the digits shown)");
    }
    else if (t.ratio !== null) {
        lines.push(`violation ratio \\|actual − expected\\| / (atol + rtol·\\|expected\\|) = ${escapeMarkdown(formatNumber(t.ratio))}` +
            (t.ratio <= 1 ? "" : ` (${escapeMarkdown(formatNumber(t.ratio))}× over the allowed error)`));
    }
    if (t.nonFinite !== undefined)
        lines.push(`non-finite value: ${escapeMarkdown(t.nonFinite)}`);
    const s = t.suggestion;
    if (s !== null) {
        lines.push(`suggestion: ${s.parameter} ${escapeMarkdown(formatNumber(s.from))} → ${escapeMarkdown(formatNumber(s.to))}` +
            ` (smallest passing ${s.parameter}: ${escapeMarkdown(formatNumber(s.minimumPassing))}; ` +
            `${s.rungsNeeded} rung${s.rungsNeeded === 1 ? "" : "s"} of the ladder needed)`);
        if (s.guidelineWarning !== undefined)
            lines.push(`⚠️ ${escapeMarkdown(s.guidelineWarning)}`);
    }
    return lines;
}
function details(test, history) {
    const lines = [];
    const where = test.file === null ? "" : ` (${escapeMarkdown(test.file + (test.line === null ? "" : `:${test.line}`))})`;
    lines.push(`**${escapeMarkdown(verdictText(test))}**, cause **${escapeMarkdown(CAUSE_LABEL[test.cause])}**${where}: ${escapeMarkdown(truncate(test.causeReason, MESSAGE_MAX_CHARS))}`);
    if (test.message !== null)
        lines.push(`**Message:** ${escapeMarkdown(truncate(test.message, MESSAGE_MAX_CHARS))}`);
    if (test.seed !== null) {
        const src = test.seed.source;
        lines.push(`**Seed:** ${codeSpan(test.seed.value)} (${escapeMarkdown(test.seed.recogniser)}, from ` +
            `${escapeMarkdown(src.file + (src.line === undefined ? "" : `:${src.line}`))}); ${escapeMarkdown(applyText(test.seed.apply))}`);
    }
    const r = test.reruns;
    lines.push(`**Same seed:** ${escapeMarkdown(tallyText(r.sameSeed))}`);
    if (r.freshSeeds.runs > 0) {
        const listed = r.freshSeeds.seeds.slice(0, SEEDS_LISTED).join(", ");
        const more = r.freshSeeds.seeds.length > SEEDS_LISTED ? `, … ${r.freshSeeds.seeds.length - SEEDS_LISTED} more` : "";
        const failing = r.freshSeeds.failingSeeds;
        const failed = failing.length > 0 ? `; failed with ${escapeMarkdown(failing.slice(0, SEEDS_LISTED).join(", ") + (failing.length > SEEDS_LISTED ? `, … ${failing.length - SEEDS_LISTED} more` : ""))}` : "";
        lines.push(`**Fresh seeds:** ${escapeMarkdown(tallyText(r.freshSeeds))}${listed ? `; seeds ${escapeMarkdown(listed + more)}` : ""}${failed}`);
    }
    if (r.order !== undefined)
        lines.push(`**After its ${r.order.predecessors} predecessors:** ${escapeMarkdown(tallyText(r.order))}`);
    if (r.recorded !== undefined)
        lines.push(`**Recorded in the report:** ${escapeMarkdown(tallyText(r.recorded))}`);
    if (r.note !== undefined)
        lines.push(`**Note:** ${escapeMarkdown(r.note)}`);
    lines.push(`**Confidence:** ${escapeMarkdown(test.confidence.text)}${test.confidence.moreRerunsAdvised ? " (more reruns advised)" : ""}`);
    if (test.tolerance !== null)
        lines.push(...markdown_toleranceLines(test.tolerance));
    const h = history?.get(test.id);
    if (h !== undefined)
        lines.push(`**History:** ${escapeMarkdown(historyText(h))}`);
    lines.push(`**Fix:** ${escapeMarkdown(truncate(test.suggestion, MESSAGE_MAX_CHARS))}`);
    // Two trailing spaces would be invisible; a blank line between facts keeps them apart.
    let body = lines.join("\n\n");
    if (test.reproduce !== null) {
        body +=
            test.reproduce.length <= REPRODUCE_MAX_CHARS
                ? `\n\nReproduce:\n\n${codeBlock(test.reproduce, "sh")}`
                : "\n\nThe reproduce command is too long to show here; the JSON report has it.";
    }
    const summary = `${VERDICT_ICON[test.verdict]} <code>${escapeHtml(truncate(test.id, ID_MAX_CHARS))}</code>: ${escapeHtml(verdictText(test))}, ${escapeHtml(CAUSE_LABEL[test.cause])}`;
    // The blank line after </summary> ends the HTML block so the body is parsed as Markdown.
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>\n\n`;
}
function moreRowsLine(n) {
    return `\n**${n} more failing test${n === 1 ? "" : "s"} not shown** (the summary is limited in size; the JSON report has all of them).\n\n`;
}
function detailsOmittedLine(shown, total) {
    return shown === 0
        ? `Details are not shown for ${total} tests (the summary is limited in size; the JSON report has them).\n\n`
        : `Details are shown for the first ${shown} of ${total} tests (the summary is limited in size; the JSON report has the rest).\n\n`;
}
/** Renders the report as GitHub-flavoured Markdown of at most `options.budgetBytes` bytes. */
function renderMarkdown(report, options) {
    const tests = orderForDisplay(report);
    const limit = options.budgetBytes ?? Number.POSITIVE_INFINITY;
    const budget = new ByteBudget(limit);
    const head = markdown_headline(report);
    if (!budget.tryAdd(head))
        return cutToBytes(head, limit);
    const notes = notesBlock(options);
    if (notes !== "")
        budget.tryAdd(notes);
    const warnings = warningsBlock(report);
    if (warnings !== "")
        budget.tryAdd(warnings);
    if (options.charts) {
        const pie = verdictPie(report);
        if (pie !== null)
            budget.tryAdd(pie + "\n\n");
        if (options.history !== undefined) {
            for (const chart of trendCharts(options.history, tests.map((t) => t.id)))
                budget.tryAdd(chart + "\n\n");
        }
    }
    if (tests.length === 0)
        return budget.toString();
    // Rows first: a row is worth more than any test's details. The reserve keeps room for the
    // "N more" line, whose length depends only on the digits of N.
    const moreReserve = byteLength(moreRowsLine(tests.length));
    if (!budget.tryAdd(TABLE_HEAD, moreReserve))
        return budget.toString();
    let rows = 0;
    for (const test of tests) {
        if (!budget.tryAdd(tableRow(test), rows + 1 < tests.length ? moreReserve : 0))
            break;
        rows++;
    }
    if (rows < tests.length) {
        budget.tryAdd(moreRowsLine(tests.length - rows));
        return budget.toString();
    }
    budget.tryAdd("\n");
    // Then details, in display order, until the next one does not fit.
    const omittedReserve = byteLength(detailsOmittedLine(tests.length, tests.length));
    let shown = 0;
    for (const test of tests) {
        const last = shown + 1 === tests.length;
        if (!budget.tryAdd(details(test, options.history), last ? 0 : omittedReserve))
            break;
        shown++;
    }
    if (shown < tests.length)
        budget.tryAdd(detailsOmittedLine(shown, tests.length));
    return budget.toString();
}

;// CONCATENATED MODULE: ./src/render/table.ts


const COLOR = {
    deterministic: "\u001b[31m",
    intermittent: "\u001b[33m",
    "not-reproduced": "\u001b[32m",
    "not-rerun": "\u001b[90m",
};
const RESET = "\u001b[0m";
const GAP = "  ";
// Column caps: ids and seeds can be long; the fix column takes whatever is left.
const ID_MAX = 80;
const SEED_MAX = 24;
const FIX_MIN = 20;
/** Code points in `text` (what Array.from counts), without building the array. */
function charCount(text) {
    let n = text.length;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        // A high surrogate followed by a low one is one code point.
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
            const d = text.charCodeAt(i + 1);
            if (d >= 0xdc00 && d <= 0xdfff) {
                n--;
                i++;
            }
        }
    }
    return n;
}
function cut(text, max) {
    // Code points never outnumber code units: short text needs no counting.
    if (text.length <= max)
        return text;
    const chars = Array.from(text);
    if (chars.length <= max)
        return text;
    return max <= 1 ? chars.slice(0, max).join("") : chars.slice(0, max - 1).join("") + "\u2026";
}
function pad(text, width) {
    return text + " ".repeat(Math.max(0, width - charCount(text)));
}
function cellsOf(test) {
    return [oneLine(test.id), verdictText(test), CAUSE_LABEL[test.cause], oneLine(seedCell(test.seed)) || "-", oneLine(test.suggestion)];
}
/** Renders the failing tests as aligned plain-text columns followed by a tally line (no final newline). */
function renderTable(report, options = {}) {
    return [...tableLines(report, options)].join("\n");
}
/**
 * renderTable's lines, one at a time. The cells are made twice (once to size the columns, once
 * to print), not kept: the 500 MB bench report's 31,000 rows held ~20 MB while the table was
 * built and written as one string.
 */
function* tableLines(report, options = {}) {
    const ordered = orderForDisplay(report);
    const shown = options.maxRows !== undefined && ordered.length > options.maxRows ? ordered.slice(0, Math.max(0, options.maxRows)) : ordered;
    const header = ["TEST", "VERDICT", "CAUSE", "SEED", "FIX"];
    const widths = header.map(charCount);
    const caps = [ID_MAX, Infinity, Infinity, SEED_MAX];
    for (const test of shown) {
        const cells = cellsOf(test);
        for (let i = 0; i < caps.length; i++)
            if (widths[i] < caps[i])
                widths[i] = Math.max(widths[i], charCount(cells[i]));
    }
    let idW = Math.min(ID_MAX, widths[0]);
    const verdictW = widths[1];
    const causeW = widths[2];
    const seedW = Math.min(SEED_MAX, widths[3]);
    if (options.width !== undefined) {
        const fixed = verdictW + causeW + seedW + GAP.length * 4;
        // Give the id at most what leaves the fix column its minimum.
        idW = Math.max(10, Math.min(idW, options.width - fixed - FIX_MIN));
    }
    const fixW = options.width === undefined ? Infinity : Math.max(FIX_MIN, options.width - idW - verdictW - causeW - seedW - GAP.length * 4);
    const line = (cells, verdict) => {
        const [id, v, cause, seed, fix] = cells;
        const verdictCell = pad(cut(v, verdictW), verdictW);
        const coloured = options.color && verdict !== undefined ? `${COLOR[verdict]}${verdictCell}${RESET}` : verdictCell;
        return [pad(cut(id, idW), idW), coloured, pad(cut(cause, causeW), causeW), pad(cut(seed, seedW), seedW), cut(fix, fixW)]
            .join(GAP)
            .trimEnd();
    };
    if (shown.length > 0) {
        yield line(header);
        for (const test of shown)
            yield line(cellsOf(test), test.verdict);
    }
    const hidden = ordered.length - shown.length;
    if (hidden > 0) {
        yield `... and ${hidden} more failing test${hidden === 1 ? "" : "s"}${options.moreWhere ? `: ${options.moreWhere}` : ""}`;
    }
    yield tallyLine(report);
}
/** Reproduce commands printed under the table; the JSON and Markdown reports have every one. */
const REPRODUCE_SHOWN = 10;
/**
 * The copy-paste reproduce commands of the failures worth reproducing (deterministic and
 * intermittent, in display order), one per line after a heading; empty when there are none.
 * A command is kept whole: control characters (which a quoted id may hold) are shown escaped,
 * since cutting or collapsing it would make it run something else. Commands run from the project
 * root; `from` names it when that is not where the user is.
 */
function renderReproduce(report, max = REPRODUCE_SHOWN, from) {
    const worth = orderForDisplay(report).filter((t) => (t.verdict === "deterministic" || t.verdict === "intermittent") && t.reproduce !== null);
    if (worth.length === 0)
        return "";
    const shown = worth.slice(0, max);
    const where = from === undefined ? "" : `, from ${showControls(from)}`;
    const lines = [`reproduce (${shown.length === worth.length ? "" : `${shown.length} of ${worth.length} `}deterministic and intermittent failures${where}):`];
    for (const t of shown)
        lines.push(`  ${showControls(t.reproduce)}`);
    if (shown.length < worth.length)
        lines.push(`  ... ${worth.length - shown.length} more in the JSON and Markdown reports`);
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./src/cli.ts


















/** Exit codes are part of the CLI's contract (the Jenkins step and `fail-on` build on them). */
const EXIT = { ok: 0, deterministic: 1, usage: 2 };
/**
 * Subcommands, by first argument. A report file that happens to be named like one is still
 * reachable as `./verify`.
 */
const SUBCOMMANDS = {
    verify: verifyMain,
    merge: mergeMain,
    explain: explainMain,
};
async function main(argv) {
    // `flaky-triage ... | head` closes our stdout early: what is left of the table goes nowhere,
    // and the run ends as it would have (the JSON and Markdown reports are written all the same).
    process.stdout.on("error", (err) => {
        if (err.code !== "EPIPE")
            throw err;
    });
    // Own keys only: `flaky-triage constructor` names a report file, not Object.prototype's.
    const sub = argv[0] !== undefined && Object.hasOwn(SUBCOMMANDS, argv[0]) ? SUBCOMMANDS[argv[0]] : undefined;
    if (sub) {
        guardWorkflowCommands(process.env, process.stdout);
        return sub(argv.slice(1));
    }
    const cmd = parseTriageArgs(argv, process.cwd());
    switch (cmd.kind) {
        case "help":
            process.stdout.write(helpText(VERSION) + "\n");
            return EXIT.ok;
        case "version":
            // Nothing from a report: `$(flaky-triage --version)` stays one line in a workflow too.
            process.stdout.write(VERSION + "\n");
            return EXIT.ok;
        case "triage":
            guardWorkflowCommands(process.env, process.stdout);
            return runTriage(cmd.triage);
    }
}
async function runTriage(cmd) {
    // Report paths are relative to the shell, not to --cwd (the project root for reruns); they are
    // read relative to --cwd, and named so in the reports: inside the project, by their path from
    // its root (a summary says `reports/pytest.log:53`, not the machine's directories).
    checkProjectDir("--cwd", cmd.settings.cwd);
    cmd.settings.reports = (await expandGlobs(cmd.reportArgs, process.cwd(), "keep")).map((p) => fromProject(cmd.settings.cwd, (0,external_node_path_namespaceObject.resolve)(process.cwd(), p)));
    checkOutputPaths([
        { flag: "--json", path: cmd.json },
        { flag: "--markdown", path: cmd.markdown },
    ], cmd.settings.reports, (p) => (0,external_node_path_namespaceObject.resolve)(cmd.settings.cwd, p));
    const abort = new AbortController();
    let interrupted = null;
    const onSignal = (sig) => {
        // A second signal means "now": leave without the report, but take the reruns along
        // (they lead their own process groups, so nothing else would stop them).
        if (interrupted) {
            killAllNow();
            process.exit(sig === "SIGINT" ? 130 : 143);
        }
        interrupted = sig;
        process.stderr.write(`flaky-triage: ${sig}: stopping reruns, writing the report for what finished\n`);
        abort.abort();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    const progress = new ProgressPrinter(process.stderr, { quiet: cmd.quiet });
    const report = await triage(cmd.settings, {
        onProgress: (ev) => progress.update(ev),
        signal: abort.signal,
        env: process.env,
    });
    progress.done();
    if (cmd.json)
        await writeJsonAtomic(cmd.json, report);
    if (cmd.markdown)
        await writeFileAtomic(cmd.markdown, renderMarkdown(report, { charts: true }));
    writeLines(tableLines(report, { color: process.stdout.isTTY === true }));
    // Commands run from the project root: named when --cwd put it elsewhere.
    const reproduce = renderReproduce(report, undefined, (0,external_node_path_namespaceObject.resolve)(cmd.settings.cwd) === process.cwd() ? undefined : cmd.settings.cwd);
    if (reproduce !== "")
        process.stdout.write("\n" + reproduce + "\n");
    if (interrupted)
        return interrupted === "SIGINT" ? 130 : 143;
    return report.summary.deterministic > 0 ? EXIT.deterministic : EXIT.ok;
}
/**
 * Each line and its newline, written a few hundred at a time: a table of 31,000 failing tests
 * never exists as one string and its UTF-8 copy. (Writes to files, pipes and terminals are
 * synchronous on Linux and macOS, so nothing queues up.)
 */
function writeLines(lines) {
    let batch = [];
    const flush = () => {
        if (batch.length > 0)
            process.stdout.write(batch.join("\n") + "\n");
        batch = [];
    };
    for (const l of lines)
        if (batch.push(l) === 256)
            flush();
    flush();
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (err) => {
    if (err instanceof UserError) {
        process.stderr.write(`flaky-triage: ${err.message}\n`);
    }
    else {
        // Unexpected: one line for the user, the detail for whoever files the bug.
        process.stderr.write(`flaky-triage: internal error: ${errorMessage(err)}\n`);
        if (process.env["FLAKY_TRIAGE_DEBUG"] && err instanceof Error)
            (0,external_node_fs_namespaceObject.writeFileSync)(2, `${err.stack}\n`);
    }
    process.exitCode = EXIT.usage;
});

var __webpack_exports__EXIT = __webpack_exports__.d;
export { __webpack_exports__EXIT as EXIT };
