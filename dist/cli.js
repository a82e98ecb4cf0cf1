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

;// CONCATENATED MODULE: ./src/cli/args.ts







/** Flags shared with the documentation in `--help`; the order here is the order shown. */
const TRIAGE_FLAGS = [
    ["--cwd DIR", "project root for reruns and for resolving test files", "."],
    ["--reruns N", "same-seed reruns per failing test", String(DEFAULTS.reruns)],
    ["--fresh-seeds M", "fresh-seed reruns per failing test (when its seed can be re-applied)", String(DEFAULTS.freshSeeds)],
    ["--rerun-timeout S", "timeout per test attempt, in seconds", String(DEFAULTS.rerunTimeoutSec)],
    ["--jobs J", "tests rerun in parallel", "number of CPUs"],
    ["--time-budget S", "stop starting reruns after S seconds; tests not reached get verdict not-rerun", "none"],
    ["--max-failures N", "rerun at most N failing tests; the rest get verdict not-rerun", String(DEFAULTS.maxFailures)],
    ["--seed-pattern REGEX", "extra seed pattern with a named group `seed` (and optional `env`); repeatable", "none"],
    ["--rerun-command TEMPLATE", "argv template for reruns, e.g. 'tox -e py -- {id}' ({id} {file} {name} {seed})", "built-in pytest driver"],
    ["--no-rerun", "read and extract only; every failing test gets verdict not-rerun", "off"],
    ["--json FILE", "write the JSON report (schema/report.schema.json) to FILE", "none"],
    ["--markdown FILE", "write the Markdown report to FILE", "none"],
    ["--args-json FILE", "read further arguments from a JSON array of strings (used by the Jenkins step)", "none"],
    ["--quiet", "no progress output on stderr", "off"],
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
        "  flaky-triage [options] REPORT...      triage failing tests (JUnit XML and/or pytest/unittest console logs)",
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

;// CONCATENATED MODULE: ./src/cli/sanitize.ts
/**
 * Test ids and paths come from untrusted reports. On a terminal or in a CI log, control
 * characters could move the cursor, hide text or (in GitHub's log) start a workflow
 * command at the beginning of a line; printed ids are therefore made one visible line.
 */
function sanitizeLine(s, max = 500) {
    // eslint-disable-next-line no-control-regex
    const clean = s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => c === "\t" ? " " : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
    return clean.length > max ? clean.slice(0, max - 1) + "…" : clean;
}

;// CONCATENATED MODULE: ./src/cli/progress.ts

const PHASE_LABEL = {
    "same-seed": "same seed",
    "fresh-seeds": "fresh seeds",
    order: "after predecessors",
};
/**
 * Progress on stderr. On a terminal one line is redrawn in place; in a CI log (not a TTY)
 * redrawing would spam the log, so each test gets one line when it finishes.
 */
class ProgressPrinter {
    out;
    opts;
    live;
    lastLen = 0;
    constructor(out, opts) {
        this.out = out;
        this.opts = opts;
        this.live = !opts.quiet && out.isTTY === true;
    }
    update(ev) {
        if (this.opts.quiet)
            return;
        switch (ev.kind) {
            case "read":
                this.line(`read ${sanitizeLine(ev.path)}: ${ev.tests} tests, ${ev.failing} failing`);
                return;
            case "plan":
                if (ev.toRerun > 0 || ev.notRerun > 0) {
                    this.line(`rerunning ${ev.toRerun} failing test(s)${ev.notRerun ? `, ${ev.notRerun} not rerun` : ""}`);
                }
                return;
            case "rerun":
                if (this.live) {
                    const label = PHASE_LABEL[ev.phase] ?? ev.phase;
                    this.redraw(`[${ev.index + 1}/${ev.count}] ${sanitizeLine(ev.id)}  ${label} ${ev.done}/${ev.total} ...`);
                }
                return;
            case "test-done":
                if (ev.test.verdict === "not-rerun" && !ev.test.reruns.note?.startsWith("time"))
                    return;
                this.line(`[${ev.index + 1}/${ev.count}] ${sanitizeLine(ev.test.id)}: ${ev.test.verdict}, ${ev.test.cause}`);
                return;
        }
    }
    done() {
        if (this.live && this.lastLen > 0)
            this.out.write("\r" + " ".repeat(this.lastLen) + "\r");
        this.lastLen = 0;
    }
    line(s) {
        this.done();
        this.out.write(s + "\n");
    }
    redraw(s) {
        const width = Math.max(20, (this.out.columns ?? 100) - 1);
        const text = s.length > width ? s.slice(0, width - 1) + "…" : s;
        this.out.write("\r" + text.padEnd(this.lastLen));
        this.lastLen = text.length;
    }
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
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
];
const UNITTEST_MARKERS = [
    /^(?:FAIL|ERROR): \w+/m,
    /^Ran \d+ tests? in /m,
    /^Traceback \(most recent call last\):/m,
    // Verbose progress: "test_x (pkg.mod.TestC.test_x) ... ok"
    /^\w+ \([\w.]+\)(?: \S.*)? \.\.\. (?:ok|FAIL|ERROR|skipped|expected failure|unexpected success)/m,
];
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
    if (PYTEST_MARKERS.some((re) => re.test(head)))
        return "pytest-log";
    if (UNITTEST_MARKERS.some((re) => re.test(head)))
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
    return "it is text but not a JUnit XML report, pytest console log or unittest log";
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
 * bounded so a 1 MiB single-line trace cannot make a pattern backtrack quadratically.
 */
const FRAME_PATTERNS = [
    // Python traceback: File "/abs/path/tests/x.py", line 42, in test_y
    /File "([^"\n]{1,1000})", line (\d{1,9})/g,
    // pytest long repr: tests/x.py:42: AssertionError  /  tests/x.py:42: in test_y
    // Go testing: "    file_test.go:42: message"
    /^[ \t]*([^\s:"'()]{1,1000}\.[A-Za-z]\w{0,20}):(\d{1,9}):(?:[ \t]|$)/gm,
    // Java / Kotlin stack frame: at pkg.Class.method(File.java:42). Matched from the "(" so the
    // method part needs no pattern of its own.
    /\(([^()\s:]{1,500}\.\w{1,20}):(\d{1,9})\)/g,
    // JS stack frame with a function: at fn (path/file.test.ts:12:5)
    /\((?:file:\/\/)?([^\s()]{1,500}\.\w{1,20}):(\d{1,9}):\d{1,9}\)/g,
    // JS stack frame without one: at path/file.test.ts:12:5
    /\bat (?:file:\/\/)?([^\s()]{1,500}\.\w{1,20}):(\d{1,9}):\d{1,9}/g,
];
function normalise(p) {
    return p.replace(/\\/g, "/").replace(/^\.\//, "");
}
/**
 * True when the path printed in a trace names `file`: an absolute or longer path ending in
 * `/file`, the same relative path, or (Java, Go) the bare file name.
 */
function sameFile(printed, file) {
    const a = normalise(printed);
    const b = normalise(file);
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
    let bestPos = -1;
    let bestLine;
    for (const pattern of FRAME_PATTERNS) {
        pattern.lastIndex = 0;
        for (const m of details.matchAll(pattern)) {
            const printed = m[1];
            const line = Number(m[2]);
            if (printed === undefined || !Number.isSafeInteger(line) || line < 1)
                continue;
            if (!sameFile(printed, file))
                continue;
            const pos = m.index ?? 0;
            if (pos > bestPos) {
                bestPos = pos;
                bestLine = line;
            }
        }
    }
    return bestLine;
}

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
 * 1 MiB trace would need ~100 GiB; with it a reader holds a few hundred MiB at most.
 */
const MAX_RETAINED_CHARS_PER_FILE = 128 * MiB;
const LEAN_DETAILS_CHARS = 16 * KiB;
const LEAN_OUTPUT_CHARS = 4 * KiB;
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
 * Console logs (pytest, unittest) are parsed as one string, so they are read up to this size
 * and the rest is dropped with a warning. 64 MiB holds the console of very long CI jobs; the
 * failure sections we need are normally well inside it.
 */
const MAX_LOG_BYTES = 64 * MiB;
/** Bytes read from the start of a file to detect its encoding and kind. */
const DETECT_HEAD_BYTES = 64 * KiB;
/** Chunk size for streaming reports from disk: large enough to amortise parser calls. */
const READ_CHUNK_BYTES = 1 * MiB;
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
 * The first non-empty line of `s`, trimmed and capped at `max` characters, as a detached copy.
 * Scans line by line so a 50 MB single-line message costs one pass and a 4 KiB copy.
 */
function firstLine(s, max) {
    let start = 0;
    while (start < s.length) {
        let end = s.indexOf("\n", start);
        if (end < 0)
            end = s.length;
        // Look at no more than max (plus slack for leading blanks) of a line.
        const line = s.slice(start, Math.min(end, start + max + 256)).trim();
        if (line.length > 0) {
            return detach(line.length > max ? line.slice(0, safeCutEnd(line, max)) : line);
        }
        start = end + 1;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/reports/junit.ts



const IGNORED = { sink: null };
const FAILURE_ELEMENTS = {
    failure: "failed",
    error: "errored",
};
const ATTEMPT_ELEMENTS = {
    flakyFailure: { outcome: "failed", flaky: true },
    flakyError: { outcome: "errored", flaky: true },
    rerunFailure: { outcome: "failed", flaky: false },
    rerunError: { outcome: "errored", flaky: false },
};
/** How pytest's junitxml starts the message of an error raised in a fixture's teardown. */
const PYTEST_TEARDOWN = "failed on teardown with";
/** Attribute values by which some reporters mark a testcase that did not run. */
const NOT_RUN_STATUS = /^(?:disabled|notrun|skipped)$/i;
const NOT_RUN_RESULT = /^(?:skipped|suppressed)$/i;
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
function emptyCounts() {
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
    /** The previous testcase when it was only counted: a failing repeat right after it folds it in. */
    lastCounted = null;
    lastKey = null;
    counts = emptyCounts();
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
    stopped = false;
    ended = false;
    constructor(path) {
        this.path = path;
        // position:true gives line numbers for warnings; namespaces are off because JUnit has none
        // and namespace checks only add errors for reports that use stray prefixes.
        this.parser = new saxes/* SaxesParser */.wT({ xmlns: false, position: true });
        this.parser.on("opentag", (tag) => this.open(tag));
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
    write(chunk) {
        if (this.stopped || this.ended || chunk.length === 0)
            return;
        if (!this.sawContent && /\S/.test(chunk))
            this.sawContent = true;
        try {
            this.parser.write(chunk);
        }
        catch (err) {
            this.stop(err);
        }
    }
    end() {
        if (!this.ended) {
            this.ended = true;
            this.finish();
        }
        return {
            path: this.path,
            kind: "junit",
            tests: this.tests,
            counts: { ...this.counts },
            warnings: this.finalWarnings(),
        };
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
        this.warn(`${this.path}: line ${this.parser.line}: stopped reading after ${this.completed} testcases: ${why}`, true);
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
        this.warn(`${this.path}: line ${this.parser.line}: malformed XML: ${what}`);
        if (this.xmlErrors >= MAX_XML_ERRORS) {
            // Throwing out of the handler aborts the parser's current write(); write() catches it.
            throw new Error(`more than ${MAX_XML_ERRORS} XML errors`);
        }
    }
    get top() {
        return this.stack[this.stack.length - 1];
    }
    caps() {
        return this.retainedChars < MAX_RETAINED_CHARS_PER_FILE
            ? { details: MAX_DETAILS_CHARS, output: MAX_OUTPUT_CHARS }
            : { details: LEAN_DETAILS_CHARS, output: LEAN_OUTPUT_CHARS };
    }
    open(tag) {
        if (this.stopped)
            return;
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
                xmlLine: this.parser.line,
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
            const failureKind = FAILURE_ELEMENTS[name];
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
                    tc.message = firstLine(message, MAX_MESSAGE_CHARS);
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
            const attemptKind = ATTEMPT_ELEMENTS[name];
            if (attemptKind !== undefined) {
                const caps = this.caps();
                const attempt = {
                    outcome: attemptKind.outcome,
                    message: firstLine(attr(tag, "message") ?? "", MAX_MESSAGE_CHARS),
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
        const key = `${c.suiteName}\u0000${c.classname}\u0000${c.name}`;
        const previous = this.kept.get(key);
        const keep = outcome === "failed" || outcome === "errored" || prior.length > 0;
        const last = this.lastCounted;
        this.lastCounted = null;
        const adjacent = this.lastKey === key;
        this.lastKey = key;
        if (previous === undefined && !keep) {
            this.counts.tests++;
            this.counts[outcome]++;
            this.lastCounted = { key, outcome, index: c.index };
            return;
        }
        let index = c.index;
        if (previous === undefined && last !== null && last.key === key) {
            // A retry right after a passing (or, as TestNG reports retried runs, skipped) attempt:
            // that attempt was counted as its own test; it becomes a prior attempt of this one.
            this.counts.tests--;
            this.counts[last.outcome]--;
            if (last.outcome === "passed")
                prior.unshift({ outcome: "passed" });
            index = last.index;
        }
        const message = c.message ?? evidence?.message ?? firstLine(c.details?.toString() ?? "", MAX_MESSAGE_CHARS);
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
        this.kept.set(key, test);
        this.counts.tests++;
        this.counts[outcome]++;
        if (outputText === undefined)
            this.suites[this.suites.length - 1]?.needOutput.push(test);
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
function toPrior(a) {
    const p = { outcome: a.outcome };
    if (a.message !== undefined)
        p.message = a.message;
    else {
        const m = firstLine(a.details.toString(), MAX_MESSAGE_CHARS);
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
function undoDoubleSpacing(lines) {
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
    let blanks = 0;
    for (const line of lines) {
        if (line.trim() === "") {
            blanks++;
            continue;
        }
        if (blanks >= 2 && out.length > 0)
            out.push("");
        blanks = 0;
        out.push(line);
    }
    if (blanks > 0)
        out.push("");
    return out;
}
/** Removes CI decorations from a console log; `notes` says which were found. */
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
    const undone = undoDoubleSpacing(lines);
    if (undone !== null) {
        lines = undone;
        notes.push("undid double line spacing");
    }
    return { text: lines.join("\n"), notes };
}

;// CONCATENATED MODULE: ./src/reports/console-runs.ts

function console_runs_emptyCounts() {
    return { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
}
function bucket(outcome) {
    return outcome === "errored" ? "errored" : outcome;
}
/** Counts implied by a run's records alone (when its tail line is missing). */
function countRecords(records) {
    const c = console_runs_emptyCounts();
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
function mergeRuns(runs, path, warnings) {
    const byId = new Map();
    const counts = console_runs_emptyCounts();
    for (const run of runs) {
        const c = run.counts ?? countRecords(run.records);
        for (const k of Object.keys(counts))
            counts[k] += c[k];
        for (const r of run.records) {
            const prev = byId.get(r.id);
            if (prev === undefined) {
                byId.set(r.id, r);
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
    }
    if (runs.length > 1) {
        warnings.push(`${path}: the log holds ${runs.length} test runs; kept the last outcome of each test, earlier ones as prior attempts`);
    }
    const tests = [];
    for (const r of [...byId.values()].sort((a, b) => a.index - b.index)) {
        const hasFailedAttempt = (r.priorAttempts ?? []).some((a) => a.outcome !== "passed");
        if (!isFailing(r) && !(r.outcome === "passed" && hasFailedAttempt))
            continue;
        tests.push(toTestCase(r, path));
    }
    return { tests, counts };
}
function toTestCase(r, path) {
    const source = r.logLine === undefined ? { file: path } : { file: path, line: r.logLine };
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
        const m = firstLine(r.message, MAX_MESSAGE_CHARS);
        if (m !== undefined)
            t.message = m;
    }
    if (r.details !== undefined && r.details.length > 0)
        t.details = capped(r.details, MAX_DETAILS_CHARS);
    if (r.output !== undefined && r.output.length > 0)
        t.output = capped(r.output, MAX_OUTPUT_CHARS);
    if (r.priorAttempts !== undefined && r.priorAttempts.length > 0)
        t.priorAttempts = r.priorAttempts;
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

;// CONCATENATED MODULE: ./src/reports/pytest-log.ts


const SESSION_START = /^=+ test session starts =+$/;
/** pytest's separator lines: `==== TITLE ====`. */
const MAJOR_SECTION = /^={3,} (.+?) ={3,}$/;
/** A failure section's headline: `____ TestC.test_y[p] ____` (one `_` each side when too long). */
const HEADLINE = /^_+ (.*?[^_ ].*?) _+$/;
const CAPTURED = /^-{2,} (Captured (?:log|stdout|stderr)(?: \w+)?) -{2,}$/;
/** `-v`: `tests/x.py::test_y PASSED   [ 40%]` (the outcome may carry a reason in parentheses). */
const VERBOSE = /^(\S.*?::\S.*?) (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS|RERUN)(?: \(.*\))?\s*(?:\[\s*\d+%\])?\s*$/;
/** pytest-xdist `-v`, once its `[gw3] ` prefix is gone: `[ 40%] FAILED tests/x.py::test_y`. */
const XDIST_VERBOSE = /^\[\s*\d+%\] (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS|RERUN) (\S.*?::\S.*?)\s*$/;
/** `-v` line of a test that started but never finished (the session died inside it). */
const VERBOSE_STARTED = /^(\S[^\s:]*\.py::\S.*?)\s*$/;
/** Non-verbose progress: `tests/x.py .F.sE   [ 40%]`, and its continuation lines for long files. */
const PROGRESS = /^(\S+\.py) ([.FEsxXR]+)\s*(?:\[\s*\d+%\])?\s*$/;
const PROGRESS_MORE = /^([.FEsxXR]+)\s*(?:\[\s*\d+%\])?\s*$/;
const PASTED_SUMMARY = /^(?:FAILED|ERROR) \S+\.py(?:::\S| - |$)/;
const SUMMARY = /^(FAILED|ERROR) (.+?)(?: - (.*))?\s*$/;
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
    const c = console_runs_emptyCounts();
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
function messageOf(body) {
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
/** Parses one pytest session (from its `test session starts` line to the next). */
function parseRun(lines, firstLineNo, ctx) {
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
    let lastStarted = null;
    let lastProgressFile = null;
    let sawSessionStart = false;
    // Non-verbose progress: one character per test, per file, in run order; used to place failures.
    const progress = new Map();
    const close = () => {
        current = null;
        inCaptured = false;
    };
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i] ?? "";
        if (crash !== null)
            break; // the process died: nothing after the dump belongs to a test
        const major = MAJOR_SECTION.exec(l);
        const tail = COUNTS_TAIL.exec(l);
        if (tail !== null && (major !== null || area === "progress" || area === "summary" || area === "other")) {
            counts = parseCounts(tail[1] ?? "");
            close();
            area = "other";
            continue;
        }
        if (major !== null) {
            close();
            const title = major[1] ?? "";
            if (SESSION_START.test(l))
                sawSessionStart = true;
            area = title === "FAILURES" ? "failures" : title === "ERRORS" ? "errors" : title === "short test summary info" ? "summary" : title === "test session starts" ? "progress" : "other";
            continue;
        }
        if (area === "progress") {
            const v = VERBOSE.exec(l);
            const x = v === null ? XDIST_VERBOSE.exec(l) : null;
            const id = v?.[1] ?? x?.[2];
            const word = v?.[2] ?? x?.[1];
            if (id !== undefined && word !== undefined) {
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
                const before = l.slice(0, l.search(FATAL) < 0 ? 0 : l.search(FATAL)).trim();
                const prefixId = /^(\S+::\S+)/.exec(before)?.[1] ?? null;
                const prefixFile = /^(\S+\.py)\b/.exec(before)?.[1] ?? null;
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
                if (file !== null) {
                    lastProgressFile = file;
                    const marks = progress.get(file) ?? [];
                    for (const ch of chars[chars.length - 1] ?? "")
                        marks.push({ ch, index: ctx.nextIndex++ });
                    progress.set(file, marks);
                }
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
            else if (!sawSessionStart && (E_LINE.test(l) || LOCATION.test(l) || CAPTURED.test(l) || HEADLINE.test(l))) {
                area = "failures";
                if (!HEADLINE.test(l)) {
                    // An excerpt that starts inside a failure section: a section without headline.
                    current = { kind: "failure", key: null, collecting: false, body: lines.slice(0, i), captured: [], logLine: firstLineNo };
                    sections.push(current);
                }
            }
            else {
                continue;
            }
        }
        if ((area === "failures" || area === "errors") && !sawSessionStart && PASTED_SUMMARY.test(l)) {
            // An excerpt with the summary line pasted under its section, without the header.
            close();
            area = "summary";
        }
        if (area === "failures" || area === "errors") {
            const h = HEADLINE.exec(l);
            if (h !== null) {
                const text = h[1] ?? "";
                const err = /^ERROR (?:at (setup|teardown) of|collecting) (.+)$/.exec(text);
                current = {
                    kind: area === "errors" || err !== null ? "error" : "failure",
                    key: err !== null ? (err[2] ?? text) : text,
                    collecting: err !== null && err[1] === undefined,
                    body: [],
                    captured: [],
                    logLine: firstLineNo + i,
                };
                inCaptured = false;
                sections.push(current);
                continue;
            }
            if (current === null) {
                // --tb=line: no headlines; each failure ends at its `path:line: message` line.
                current = { kind: area === "errors" ? "error" : "failure", key: null, collecting: false, body: [], captured: [], logLine: firstLineNo + i };
                headless.push(current);
            }
            const sec = current;
            const cap = CAPTURED.exec(l);
            if (cap !== null) {
                inCaptured = true;
                sec.captured.push(l);
                continue;
            }
            if (inCaptured) {
                if (headless.includes(sec) && LOCATION.test(l)) {
                    sec.body.push(l);
                    close();
                    continue;
                }
                sec.captured.push(l);
                continue;
            }
            if (sec.body.length === 0 && XDIST_PLATFORM.test(l))
                continue;
            sec.body.push(l);
            if (headless.includes(sec) && LOCATION.test(l))
                close();
            continue;
        }
        if (area === "summary") {
            const s = SUMMARY.exec(l);
            if (s !== null) {
                const entry = { kind: s[1] === "ERROR" ? "error" : "failure", id: s[2] ?? "", used: false };
                if (s[3] !== undefined && s[3].length > 0)
                    entry.message = s[3];
                summary.push(entry);
            }
        }
    }
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
        const pick = summary.find((s) => !s.used && s.kind === sec.kind && headlineOf(s.id) === key) ??
            summary.find((s) => !s.used && headlineOf(s.id) === key);
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
        const body = sec === null ? [] : trimBlank(sec.body);
        const frames = framesOf(body);
        const outcome = (sec?.kind ?? entry?.kind) === "error" ? "errored" : "failed";
        const where = locate(id, sec, frames);
        const message = messageOf(body) ?? entry?.message;
        const prev = byId.get(id);
        if (prev !== undefined) {
            // A failed test whose teardown also errored: one test, both texts.
            if (body.length > 0)
                prev.details = [prev.details, body.join("\n")].filter((s) => s !== undefined && s.length > 0).join("\n\n");
            const out = sec === null ? [] : trimBlank(sec.captured);
            if (out.length > 0)
                prev.output = [prev.output, out.join("\n")].filter((s) => s !== undefined && s.length > 0).join("\n");
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
        if (body.length > 0)
            rec.details = body.join("\n");
        const out = sec === null ? [] : trimBlank(sec.captured);
        if (out.length > 0)
            rec.output = out.join("\n");
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
    if (crash !== null) {
        const c = crash;
        const dump = trimBlank(lines.slice(c.start));
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
            const sec = { kind: "failure", key: null, collecting: false, body: dump, captured: [], logLine: firstLineNo + c.start };
            add(id, sec, null);
            const rec = byId.get(id);
            const first = dump.find((l) => FATAL.test(l));
            if (rec !== undefined)
                rec.message = first !== undefined ? first.slice(first.search(FATAL)) : "Timeout (pytest-timeout dumped the stacks and ended the process)";
            ctx.warnings.push(`${ctx.path}: the session ${what} in ${id} before pytest printed its summary; counts are from the lines before the crash`);
        }
    }
    else if (counts === null && (sections.length > 0 || headless.length > 0 || sawSessionStart)) {
        const open = sections.length > 0 || headless.length > 0 ? "failure sections without their end" : "a session start";
        ctx.warnings.push(`${ctx.path}: no final "=== N failed, M passed in Ts ===" line after ${open}: the log looks cut at the end; counts are from the tests found`);
    }
    // Passed/skipped tests seen in -v lines matter only when they ran again (prior attempts).
    for (const v of verbose) {
        if (byId.has(v.id))
            continue;
        const rec = { id: v.id, ...namesOf(v.id), outcome: v.outcome, index: v.index };
        const n = reruns.get(v.id);
        if (n !== undefined)
            rec.priorAttempts = Array.from({ length: n }, () => ({ outcome: "failed" }));
        byId.set(v.id, rec);
        records.push(rec);
    }
    if (counts === null && verbose.length > 0) {
        const c = console_runs_emptyCounts();
        for (const r of records) {
            c[r.outcome === "errored" ? "errored" : r.outcome]++;
            c.tests++;
        }
        counts = c;
    }
    records.sort((a, b) => a.index - b.index);
    return { records, counts };
}
/** Parses a pytest console log (`pytest ... | tee pytest.log`, or an excerpt of one). */
function parsePytestLog(text, path) {
    const warnings = [];
    const norm = normaliseCiLog(text).text;
    const lines = dropCutTail(norm.split("\n"), norm, path, warnings);
    const starts = [];
    lines.forEach((l, i) => {
        if (SESSION_START.test(l))
            starts.push(i);
    });
    const bounds = starts.length === 0 || starts[0] !== 0 ? [0, ...starts] : starts;
    const ctx = { path, warnings, nextIndex: 0 };
    const runs = [];
    bounds.forEach((start, k) => {
        const end = bounds[k + 1] ?? lines.length;
        const run = parseRun(lines.slice(start, end), start + 1, ctx);
        // Text before the first session (a CI job's set-up) is a run only if it shows tests.
        if (k === 0 && starts.length > 0 && start !== starts[0] && run.records.length === 0 && run.counts === null)
            return;
        runs.push(run);
    });
    const { tests, counts } = mergeRuns(runs, path, warnings);
    if (tests.length === 0 && runs.every((r) => r.counts === null)) {
        warnings.push(`${path}: no pytest failure sections, summary lines or counts found`);
    }
    return { path, kind: "pytest-log", tests, counts, warnings: capWarnings(warnings, path) };
}

;// CONCATENATED MODULE: ./src/reports/unittest-log.ts


const BLOCK_SEP = /^={20,}$/;
const DASH_SEP = /^-{20,}$/;
const HEADER = /^(FAIL|ERROR|UNEXPECTED SUCCESS): (.+?)\s*$/;
const RAN = /^Ran (\d+) tests? in \d+(?:\.\d+)?s$/;
/** `FAILED (failures=2, errors=1, skipped=1)`, `OK (skipped=1)`; nose writes `SKIP=`. */
const RESULT = /^(OK|FAILED)(?: \((.*)\))?\s*$/;
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
    const c = console_runs_emptyCounts();
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
function splitBody(body) {
    const details = [];
    const output = [];
    let inCapture = false;
    let inBuffered = false;
    for (let i = 0; i < body.length; i++) {
        const l = body[i] ?? "";
        if (NOSE_CAPTURE_BEGIN.test(l))
            inCapture = true;
        if (BUFFERED.test(l) && (i === 0 || (body[i - 1] ?? "").trim() === ""))
            inBuffered = true;
        (inCapture || inBuffered ? output : details).push(l);
        if (NOSE_CAPTURE_END.test(l))
            inCapture = false;
    }
    return { details: unittest_log_trimBlank(details), output: unittest_log_trimBlank(output) };
}
function unittest_log_trimBlank(lines) {
    let a = 0;
    let b = lines.length;
    while (a < b && (lines[a] ?? "").trim() === "")
        a++;
    while (b > a && (lines[b - 1] ?? "").trim() === "")
        b--;
    return lines.slice(a, b);
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
                output: [],
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
            if (DASH_SEP.test(l) && RAN.test((lines[i + 1] ?? "").trim() === "" ? (lines[i + 2] ?? "") : (lines[i + 1] ?? ""))) {
                block = null;
                continue;
            }
            block.details.push(l);
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
            pending = { ...ids, outcome: null, output: [], index: ctx.nextIndex++ };
            progress.push(pending);
            const status = STATUS.exec(rest.trim());
            if (status !== null) {
                pending.outcome = statusOutcome(status[1] ?? "");
                pending = null;
            }
            else if (rest.length > 0) {
                pending.output.push(rest);
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
                pending.output.push(l);
            }
        }
    }
    if (preamble > 0) {
        ctx.warnings.push(`${ctx.path}: the text starts inside a traceback without its FAIL/ERROR header; that part is not attributed to a test`);
    }
    const records = [];
    const byId = new Map();
    for (const b of blocks) {
        const ids = parseTitle(b.title);
        const { details, output } = splitBody(b.details);
        const prev = byId.get(ids.id);
        if (prev !== undefined) {
            // Subtests report one block per failing parameter set: one test, all texts.
            prev.details = [prev.details ?? "", details.join("\n")].join("\n\n");
            if (output.length > 0)
                prev.output = [prev.output ?? "", output.join("\n")].filter((s) => s.length > 0).join("\n");
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
        if (details.length > 0)
            rec.details = details.join("\n");
        const printed = unittest_log_trimBlank(seen?.output ?? []);
        const out = [...printed, ...output];
        if (out.length > 0)
            rec.output = out.join("\n");
        byId.set(ids.id, rec);
        records.push(rec);
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
    const norm = normaliseCiLog(text).text;
    const lines = dropCutTail(norm.split("\n"), norm, path, warnings);
    const ctx = { path, warnings, nextIndex: 0 };
    const runs = [];
    let start = 0;
    for (let i = 0; i < lines.length; i++) {
        const ran = RAN.exec(lines[i] ?? "");
        if (ran === null)
            continue;
        // The result line follows `Ran N tests` after one blank line.
        let j = i + 1;
        while (j < lines.length && (lines[j] ?? "").trim() === "" && j <= i + 2)
            j++;
        const result = RESULT.exec(lines[j] ?? "");
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
    const { tests, counts } = mergeRuns(runs, path, warnings);
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
/** The input's size in bytes, or a UserError saying why it is not a readable file. */
async function statInput(p, abs) {
    let info;
    try {
        info = await (0,promises_namespaceObject.stat)(abs);
    }
    catch (err) {
        const code = err.code;
        if (code === "ENOENT" || code === "ENOTDIR")
            throw new UserError(`${p}: no such file`);
        throw new UserError(`${p}: cannot be read (${errorMessage(err)})`);
    }
    if (info.isDirectory())
        throw new UserError(`${p}: is a directory, not a report file`);
    if (!info.isFile())
        throw new UserError(`${p}: is not a regular file`);
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
        throw new UserError(`${p}: cannot be read (${errorMessage(err)})`);
    }
    finally {
        await handle?.close();
    }
}
/** Decoded chunks of a file, from past its BOM, at most `maxBytes` bytes. */
async function* decodedChunks(abs, enc, maxBytes = Number.POSITIVE_INFINITY) {
    const decoder = new TextDecoder(enc.label, { fatal: false, ignoreBOM: true });
    const end = Number.isFinite(maxBytes) ? enc.skip + maxBytes - 1 : undefined;
    const stream = (0,external_node_fs_namespaceObject.createReadStream)(abs, {
        start: enc.skip,
        ...(end !== undefined ? { end } : {}),
        highWaterMark: READ_CHUNK_BYTES,
    });
    for await (const chunk of stream) {
        const text = decoder.decode(chunk, { stream: true });
        if (text.length > 0)
            yield text;
    }
    const rest = decoder.decode();
    if (rest.length > 0)
        yield rest;
}
async function readJUnit(p, abs, enc) {
    const reader = new JUnitReader(p);
    for await (const text of decodedChunks(abs, enc))
        reader.write(text);
    return reader.end();
}
/** A console log as one string (the log parsers need it whole), up to MAX_LOG_BYTES. */
async function readLog(p, abs, enc, size) {
    const parts = [];
    for await (const text of decodedChunks(abs, enc, MAX_LOG_BYTES))
        parts.push(text);
    const warnings = size - enc.skip > MAX_LOG_BYTES
        ? [`${p}: only the first ${MAX_LOG_BYTES / (1024 * 1024)} MiB of this ${size}-byte log were read`]
        : [];
    return { text: parts.join(""), warnings };
}
/** Reads one report from disk into the reader its content calls for. */
async function readInput(p, cwd) {
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
    try {
        switch (kind) {
            case "junit":
                return await readJUnit(p, abs, enc);
            case "pytest-log": {
                const { text, warnings } = await readLog(p, abs, enc, size);
                const parsed = parsePytestLog(text, p);
                return { ...parsed, warnings: [...warnings, ...parsed.warnings] };
            }
            case "unittest-log": {
                const { text, warnings } = await readLog(p, abs, enc, size);
                const parsed = parseUnittestLog(text, p);
                return { ...parsed, warnings: [...warnings, ...parsed.warnings] };
            }
            case "unknown":
                throw new UserError(`${p}: not a JUnit XML report, pytest log or unittest log: ${describeUnknown(head)}`);
        }
    }
    catch (err) {
        if (err instanceof UserError)
            throw err;
        // A file that disappears or becomes unreadable mid-read (rotated CI logs, NFS).
        throw new UserError(`${p}: cannot be read (${errorMessage(err)})`);
    }
}
/** Reads every report, in order; the first unusable one stops with a UserError naming it. */
async function readInputs(paths, opts) {
    const out = [];
    for (const p of paths)
        out.push(await readInput(p, opts.cwd));
    return out;
}
/**
 * Expands report arguments. A path that exists is kept as given, even if it contains glob
 * characters (a file named `results[1].xml`); a pattern is expanded to absolute paths, so the
 * result does not depend on which directory the reports are later read relative to; a pattern
 * that matches nothing is an error (a typo should not look like "no failing tests").
 */
async function expandGlobs(patterns, cwd) {
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
        if (matches.length === 0)
            throw new UserError(`${pattern}: no file matches this pattern`);
        for (const m of matches.sort())
            add(m);
    }
    return out;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/io/write-atomic.ts



/**
 * Writes a file so that readers see either the old content or the new, never a torn one:
 * a CI step killed mid-write must not leave a half report that a later step trusts.
 */
async function writeFileAtomic(path, data) {
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
    return text.replace(/@(?=[A-Za-z0-9_-])/g, `@${JOINER}`).replace(/#(?=[0-9])/g, `#${JOINER}`);
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
function tallyLine(report) {
    const s = report.summary;
    const failing = s.failed + s.errored;
    return (`${failing} failing test${failing === 1 ? "" : "s"} of ${s.tests}: ${s.deterministic} deterministic, ` +
        `${s.intermittent} intermittent, ${s.notReproduced} not reproduced, ${s.notRerun} not rerun`);
}
function historyText(h) {
    const rate = `flaky in ${h.flaky} of last ${h.runs} run${h.runs === 1 ? "" : "s"}`;
    return h.newFlaky ? `new flaky test (${rate})` : `${rate}, first seen ${h.firstSeen.slice(0, 10)}`;
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
function headline(report) {
    const s = report.summary;
    const failing = s.failed + s.errored;
    const title = failing === 0
        ? "## flaky-triage: no failing tests"
        : `## flaky-triage: ${s.deterministic} deterministic, ${s.intermittent} intermittent, ${s.notReproduced} not reproduced`;
    const counts = `**${failing} failing** of ${s.tests} tests (${s.passed} passed, ${s.skipped} skipped)` +
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
const TABLE_HEAD = "| | Test | Verdict | Cause | Seed | Fix |\n|---|---|---|---|---|---|\n";
function tableRow(test) {
    const seed = test.seed === null ? "" : codeSpan(truncate(test.seed.value, CELL_MAX_CHARS), { inTable: true });
    return (`| ${VERDICT_ICON[test.verdict]} | ${codeSpan(truncate(test.id, ID_MAX_CHARS), { inTable: true })}` +
        ` | ${escapeMarkdown(verdictText(test))} | ${escapeMarkdown(CAUSE_LABEL[test.cause])}` +
        ` | ${seed} | ${escapeMarkdown(truncate(test.suggestion, CELL_MAX_CHARS))} |\n`);
}
function toleranceLines(t) {
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
    if (t.ratio !== null) {
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
        lines.push(`**Fresh seeds:** ${escapeMarkdown(tallyText(r.freshSeeds))}${listed ? `; seeds ${escapeMarkdown(listed + more)}` : ""}`);
    }
    if (r.order !== undefined)
        lines.push(`**After its ${r.order.predecessors} predecessors:** ${escapeMarkdown(tallyText(r.order))}`);
    if (r.recorded !== undefined)
        lines.push(`**Recorded in the report:** ${escapeMarkdown(tallyText(r.recorded))}`);
    if (r.note !== undefined)
        lines.push(`**Note:** ${escapeMarkdown(r.note)}`);
    lines.push(`**Confidence:** ${escapeMarkdown(test.confidence.text)}${test.confidence.moreRerunsAdvised ? " (more reruns advised)" : ""}`);
    if (test.tolerance !== null)
        lines.push(...toleranceLines(test.tolerance));
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
    const head = headline(report);
    if (!budget.tryAdd(head))
        return cutToBytes(head, limit);
    const notes = notesBlock(options);
    if (notes !== "")
        budget.tryAdd(notes);
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
function cut(text, max) {
    const chars = Array.from(text);
    if (chars.length <= max)
        return text;
    return max <= 1 ? chars.slice(0, max).join("") : chars.slice(0, max - 1).join("") + "\u2026";
}
function pad(text, width) {
    return text + " ".repeat(Math.max(0, width - Array.from(text).length));
}
/** Renders the failing tests as aligned plain-text columns followed by a tally line (no final newline). */
function renderTable(report, options = {}) {
    const rows = orderForDisplay(report).map((test) => ({
        test,
        cells: [
            oneLine(test.id),
            verdictText(test),
            CAUSE_LABEL[test.cause],
            oneLine(seedValue(test.seed)) || "-",
            oneLine(test.suggestion),
        ],
    }));
    const header = ["TEST", "VERDICT", "CAUSE", "SEED", "FIX"];
    const widthOf = (i, max) => Math.min(max, Math.max(Array.from(header[i] ?? "").length, ...rows.map((r) => Array.from(r.cells[i] ?? "").length)));
    let idW = widthOf(0, ID_MAX);
    const verdictW = widthOf(1, Infinity);
    const causeW = widthOf(2, Infinity);
    const seedW = widthOf(3, SEED_MAX);
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
    const out = [];
    if (rows.length > 0) {
        out.push(line(header));
        for (const r of rows)
            out.push(line(r.cells, r.test.verdict));
    }
    out.push(tallyLine(report));
    return out.join("\n");
}

;// CONCATENATED MODULE: ./src/diagnose/cause-hints.ts
/**
 * What the failure text alone says about the cause. These are hints: classification weighs
 * them against rerun results, and without reruns they only support a hypothesis.
 */
/** Hints are looked for in at most this much text (readers cap failure text already). */
const MAX_HINT_TEXT = 256 * 1024;
const MAX_EVIDENCE_CHARS = 120;
/**
 * Patterns per kind, most specific first. Case-sensitive where the framework prints a fixed
 * spelling, so a test *named* test_timeout_retry does not look like a timeout.
 */
const HINT_PATTERNS = [
    // pytest-timeout ("Failed: Timeout >5.0s", "+++++ Timeout +++++"), asyncio, subprocess, sockets.
    { kind: "timeout", pattern: /Failed: Timeout >[^\n]*/ },
    { kind: "timeout", pattern: /\+{3,} Timeout \+{3,}/ },
    { kind: "timeout", pattern: /\b(?:TimeoutError|TimeoutExpired|ReadTimeout|ConnectTimeout)\b[^\n]*/ },
    { kind: "timeout", pattern: /\bsocket\.timeout\b[^\n]*/ },
    { kind: "timeout", pattern: /\btimed out\b[^\n]*/i },
    { kind: "timeout", pattern: /(?<![\w.])Timeout\b(?!\w)[^\n]*/ },
    { kind: "environment", pattern: /\b(?:ModuleNotFoundError|ImportError)\b[^\n]*/ },
    { kind: "environment", pattern: /\bFileNotFoundError\b[^\n]*/ },
    { kind: "environment", pattern: /\bPermissionError\b[^\n]*/ },
    { kind: "environment", pattern: /\bConnectionRefusedError\b[^\n]*/ },
    { kind: "environment", pattern: /fixture '[^'\n]{1,200}' not found/ },
    { kind: "environment", pattern: /OSError: \[Errno 28\][^\n]*/ },
    { kind: "environment", pattern: /No space left on device/ },
    // Interpreter/native crashes: faulthandler, the shell's report, pytest-xdist's worker loss.
    { kind: "crash", pattern: /Fatal Python error[^\n]*/ },
    { kind: "crash", pattern: /Segmentation fault[^\n]*/ },
    { kind: "crash", pattern: /\(core dumped\)|\bcore dumped\b/ },
    { kind: "crash", pattern: /\bAborted\b(?! by user)[^\n]*/ },
    { kind: "crash", pattern: /\bSIG(?:SEGV|ABRT|BUS|ILL|FPE)\b[^\n]*/ },
    { kind: "crash", pattern: /worker '?\w+'? crashed[^\n]*|node down: Not properly terminated/ },
    // Non-finite values where finite ones were expected.
    { kind: "non-finite", pattern: /Error nan exceeds tolerance/ },
    { kind: "non-finite", pattern: /\b(?:x and y )?[-+]?(?:nan|inf) location mismatch/ },
    { kind: "non-finite", pattern: /RuntimeWarning: invalid value encountered[^\n]*/ },
    { kind: "non-finite", pattern: /RuntimeWarning: divide by zero encountered[^\n]*/ },
    {
        kind: "non-finite",
        pattern: /\b(?:Obtained|ACTUAL|actual|got|a|x)\s*[:=]\s*(?:array\(\[?\s*)?[-+]?(?:nan|inf)\b[^\n]*/,
    },
    { kind: "non-finite", pattern: /\bassert [-+]?(?:nan|inf) (?:==|<|>|<=|>=|!=)[^\n]*/ },
    { kind: "non-finite", pattern: /Greatest (?:absolute|relative) difference: nan[^\n]*/ },
    { kind: "overflow", pattern: /RuntimeWarning: overflow encountered[^\n]*/ },
    { kind: "overflow", pattern: /\bOverflowError\b[^\n]*/ },
    { kind: "overflow", pattern: /\b(?:integer|int) overflow\b[^\n]*/i },
    // Integer wraparound shows up as the extremes of 32/64-bit types in the compared values.
    {
        kind: "overflow",
        pattern: /(?<![\d.])(?:-2147483648|2147483647|4294967295|-9223372036854775808|9223372036854775807|18446744073709551615)(?![\d.])/,
    },
];
/** Every kind of hint the text shows, each with its first matching evidence. */
function causeHints(text) {
    const scanned = text.slice(0, MAX_HINT_TEXT);
    const hints = [];
    for (const { kind, pattern } of HINT_PATTERNS) {
        if (hints.some((h) => h.kind === kind))
            continue;
        const m = pattern.exec(scanned);
        if (m !== null)
            hints.push({ kind, evidence: m[0].trim().slice(0, MAX_EVIDENCE_CHARS) });
    }
    return hints;
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
function suggestDecimal(decimal, evidence, dtype) {
    const observed = largestAbsDiff(evidence);
    if (!(observed > 0) || !Number.isFinite(observed))
        return null;
    const threshold = (d) => Number(`1.5e${-d}`);
    // Largest decimal whose threshold is strictly above the observed difference.
    let neededDecimal = decimal;
    while (threshold(neededDecimal) <= observed && neededDecimal > -20)
        neededDecimal--;
    const rungs = Math.max(1, decimal - neededDecimal);
    const from = threshold(decimal);
    const to = threshold(decimal - 1);
    const warning = guidelineWarning("atol", to, dtype);
    const head = `lower decimal ${decimal} -> ${decimal - 1} (abs threshold ${formatTolerance(from)} -> ` +
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
const BUILTIN_RECOGNISERS = [
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
    globalRng("random-seed-label", new RegExp(`\\bRandom seed:\\s*${DIGITS}`, "gi")),
    // Word boundary on the left keeps MXNET_TEST_SEED=, randomly_seed= etc. out of this one.
    globalRng("seed-assignment", new RegExp(`\\bseed\\s*[=:]\\s*${DIGITS}`, "gi")),
];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
/**
 * A user pattern (`--seed-pattern`) as a recogniser: named group `seed`, optional `env`. With
 * `env` the seed goes back as that environment variable, otherwise through the global RNGs.
 */
function userRecogniser(pattern, index) {
    const flags = pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g";
    const seedOf = (m) => m.groups?.["seed"]?.trim() ?? "";
    const envOf = (m) => {
        const env = m.groups?.["env"];
        return env !== undefined && ENV_NAME.test(env) ? env : undefined;
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

;// CONCATENATED MODULE: ./src/seeds/extract.ts

/**
 * Matches found past this many characters of one field are not looked for: readers already
 * cap captured output, this only bounds the work on hostile input.
 */
const MAX_SCAN_CHARS = 4 * 1024 * 1024;
/**
 * pytest prefixes assertion text with "E   " (and empty lines with a bare "E"). Removing the
 * prefix lets multi-line patterns see the text as the framework printed it; the line count
 * is unchanged, so line numbers still point into the original field.
 */
function stripPytestPrefixes(text) {
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
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
/** The last acceptable match of one recogniser in one text. */
function lastMatch(recogniser, text) {
    const pattern = new RegExp(recogniser.pattern.source, recogniser.pattern.flags);
    const recent = [];
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        if (m[0].length === 0) {
            // A user pattern that can match the empty string would loop forever.
            pattern.lastIndex++;
            continue;
        }
        recent.push(m);
        if (recent.length > RECENT_MATCHES)
            recent.shift();
    }
    for (let i = recent.length - 1; i >= 0; i--) {
        const m = recent[i];
        const value = recogniser.value(m);
        if (value !== null && value.length > 0) {
            return { recogniser, match: m, value, line: lineAt(text, m.index) };
        }
    }
    return null;
}
/** Fields in the order the seed is most likely printed: MXNet logs it in captured output. */
function fieldsOf(test) {
    const fields = [];
    for (const text of [test.output, test.details, test.message]) {
        if (text !== undefined && text.length > 0) {
            fields.push(stripPytestPrefixes(text.slice(0, MAX_SCAN_CHARS)));
        }
    }
    return fields;
}
function find(recogniser, fields) {
    for (const text of fields) {
        const found = lastMatch(recogniser, text);
        if (found !== null)
            return found;
    }
    return null;
}
function toSeed(found, file) {
    return {
        value: found.value,
        recogniser: found.recogniser.name,
        source: { file, line: found.line },
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
 * test seed was printed. `source.line` is the 1-based line within the field searched.
 */
function extractSeed(test, userPatterns) {
    const fields = fieldsOf(test);
    if (fields.length === 0)
        return null;
    const file = test.sources[0]?.file ?? test.file ?? "";
    const recognisers = [
        ...userPatterns.map((p, i) => userRecogniser(p, i)),
        ...BUILTIN_RECOGNISERS,
    ];
    let primary = null;
    const related = [];
    for (const recogniser of recognisers) {
        if (recogniser.kind === "test" && primary !== null)
            continue;
        const found = find(recogniser, fields);
        if (found === null)
            continue;
        if (recogniser.kind === "test")
            primary = found;
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
    const seed = toSeed(primary, file);
    if (related.length > 0) {
        const relatedSeeds = related.map((f) => toSeed(f, file));
        for (const r of relatedSeeds)
            seed.apply = mergeEnv(seed.apply, r.apply);
        seed.related = relatedSeeds;
    }
    return seed;
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
    const arrays = printedArrays(text);
    if (arrays !== null) {
        const nf = nonFiniteName(...arrays.actual, ...arrays.desired);
        if (nf !== undefined) {
            parsed.nonFinite = nf;
            return;
        }
        // Printed to numpy's default 8 significant digits: exact for our purposes.
        parsed.evidence = {
            kind: "elements",
            elements: arrays.actual.map((a, i) => ({ absDiff: Math.abs(a - arrays.desired[i]), expected: arrays.desired[i] })),
            complete: true,
        };
        if (arrays.actual.length === 1) {
            parsed.actual ??= arrays.actual[0];
            parsed.expected ??= arrays.desired[0];
        }
        return;
    }
    const maxAbs = /Max absolute difference(?: among violations)?: (\S+)/.exec(text);
    const maxRel = /Max relative difference(?: among violations)?: (\S+)/.exec(text);
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
/** pytest.approx spells its tolerances rel= and abs=; suggestions use the user's words. */
const APPROX_LABELS = { rtol: "rel", atol: "abs" };
/** pytest prints the tolerance with two significant digits ("3.0e-07"). */
function twoDigits(x) {
    return Number(x.toPrecision(2));
}
/**
 * pytest.approx allows max(rel*|expected|, abs) (defaults rel=1e-6, abs=1e-12) and prints
 * that single number after "±". Where the expected value is nonzero we read it as an rtol
 * (T/|expected|; the 1e-12 floor is negligible there); where it is 0 only abs applies.
 */
function approxTolerances(rows) {
    const nonzero = rows.find((r) => r.expected !== 0 && Number.isFinite(r.expected));
    if (nonzero !== undefined)
        return { rtol: twoDigits(nonzero.tolerance / Math.abs(nonzero.expected)), atol: 0 };
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
const PARSERS = [
    parseMxnet,
    parseNumpyAllclose,
    parseNumpyDecimal,
    parseTorchTensor,
    parseTorchScalar,
    parsePytestApproxSequence,
    parsePytestApproxScalar,
];
/**
 * The tolerance failure in `text`, or null when the text is no numeric comparison we know.
 * `context.id` (the test id) supplies the dtype when the message does not print one.
 */
function parseTolerance(text, context) {
    const normalised = stripPytestPrefixes(text.slice(0, MAX_TOLERANCE_TEXT));
    let parsed = null;
    for (const parse of PARSERS) {
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
    tolerance.suggestion =
        parsed.decimal !== undefined
            ? suggestDecimal(parsed.decimal, evidence, dtype)
            : suggestTolerance({
                rtol: parsed.rtol,
                atol: parsed.atol,
                dtype,
                evidence,
                ...(parsed.format === "pytest-approx" ? { labels: APPROX_LABELS } : {}),
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
            return {
                about: "none",
                upperBound95: null,
                estimate: null,
                text: "not rerun: no confidence beyond the failure text",
                moreRerunsAdvised: true,
            };
    }
}
function quote(hint) {
    return `"${hint.evidence}"`;
}
/** The atol guideline that bounds a by-construction failure; float32's when the dtype is unknown. */
function constructionLimit(tolerance) {
    return (guidelineFor(tolerance.dtype) ?? DTYPE_GUIDELINES.float32).atol;
}
function numericSignal(tolerance, hints) {
    const ratio = tolerance?.ratio ?? null;
    const construction = tolerance !== null &&
        cannotPassByConstruction(tolerance) &&
        tolerance.suggestion.minimumPassing <= constructionLimit(tolerance);
    const nonFinite = tolerance?.nonFinite ?? (findHint(hints, "non-finite") ? "nan/inf" : undefined);
    const signal = {
        nearMiss: ratio !== null && ratio <= NEAR_MISS_RATIO,
        construction,
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
    else if (ratio !== null) {
        signal.describe = `error ${Number(ratio.toPrecision(3))}x the allowed tolerance`;
    }
    return signal;
}
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
    if (numeric.nearMiss || numeric.construction) {
        return { cause: "tolerance", because: `a numeric near miss: ${numeric.describe}` };
    }
    if (numeric.nonFinite !== undefined) {
        return { cause: "edge-case", because: `non-finite values (${numeric.nonFinite}) where finite ones were expected` };
    }
    if (numeric.overflow)
        return { cause: "edge-case", because: `an overflow (${quote(numeric.overflow)})` };
    return null;
}
function failureText(test) {
    return [test.message, test.details, test.output].filter((t) => t !== undefined).join("\n");
}
/** Verdict, seed sensitivity, cause and confidence for one test. See RULES above. */
function classify(input) {
    const { test, seed, tolerance, reruns, seedReapplied } = input;
    const hints = causeHints(failureText(test));
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
            `${reruns.order.predecessors} earlier tests: state leaks from a predecessor`);
    }
    if (verdict === "not-rerun") {
        const why = reruns.note !== undefined ? ` (${reruns.note})` : "";
        const guess = textCause(hints, numeric);
        if (guess === null)
            return done("unknown", `not rerun${why}, and the failure text alone points to no cause`);
        return done(guess.cause, `${guess.because}; a hypothesis from the failure text until reruns confirm it${why}`);
    }
    if (verdict === "not-reproduced") {
        const timeout = findHint(hints, "timeout");
        const env = findHint(hints, "environment");
        if (timeout) {
            return done("timeout", `did not fail in ${runs(same.n)}, but the original run timed out (${quote(timeout)}): likely a slow or overloaded CI machine`);
        }
        if (env) {
            return done("environment", `did not fail in ${runs(same.n)}, but the original run had a setup problem (${quote(env)}): the CI environment differs`);
        }
        return done("unknown", `did not fail in ${runs(same.n)}`);
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
    // A worker or subprocess the test depends on died by a signal: the test itself reports a
    // plain failure, so the tallies show no crash, but the cause is the crash.
    const crashHint = findHint(hints, "crash");
    if (crashHint)
        return done("crash", `the failure text shows a process dying (${quote(crashHint)})`);
    if (verdict === "deterministic")
        return deterministicCause(done, same, seed, seedSensitivity, numeric);
    // intermittent
    if (seed !== null && !seedReapplied) {
        return done("unknown", `failed ${same.failures} of ${runs(same.n)}, but its seed ${seed.value} could not be ` +
            `re-applied: unseeded randomness cannot be ruled out`);
    }
    const under = seed !== null ? `with the same seed ${seed.value}` : "with no seed printed (no randomness we know of)";
    const numericNote = numeric.nearMiss ? `; the ${numeric.describe} suggests nondeterministic numerics, not a tolerance problem` : "";
    return done("race-condition", `failed ${same.failures} of ${runs(same.n)} ${under}: something outside the inputs varies between runs${numericNote}`);
}
function deterministicCause(done, same, seed, sensitivity, numeric) {
    const all = `failed all ${runs(same.n)}`;
    if (numeric.nearMiss || numeric.construction) {
        return done("tolerance", `${all} with a near miss: ${numeric.describe}`);
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
    return done("unknown", `${all} with seed ${seed.value}; without fresh-seed runs an edge case cannot be told from a regression`);
}

;// CONCATENATED MODULE: ./src/diagnose/suggest.ts


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
    return ` with seed ${seed.value}`;
}
function toleranceFix(test, tolerance) {
    const s = tolerance?.suggestion;
    if (s === undefined || s === null) {
        return `loosen the tolerance${where(test)} one rung at a time (e.g. 1e-5 -> 5e-5, not straight to 1e-3), re-running after each step`;
    }
    // Put the location right after the action: "raise atol 1e-5 -> 5e-5 in x.py:42 (one rung; ...)".
    const cut = s.text.indexOf(" (");
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
    if (tolerance?.ratio !== null && tolerance?.ratio !== undefined) {
        return `error ${Number(tolerance.ratio.toPrecision(3))}x the tolerance${at}${withSeed(seed)}: inspect the inputs that seed generates${where(test)}; ${cover}`;
    }
    return `fails only${withSeed(seed) || " with particular inputs"}: reproduce it${where(test)}, ${cover}`;
}
function verifyFix(reruns) {
    const n = reruns !== undefined ? reruns.sameSeed.runs + (reruns.recorded?.runs ?? 0) : 0;
    const bound = n > 0 ? ` (${n} passing reruns only bound its failure rate below ${Math.round(upperBound(0, n) * 100)}%)` : "";
    return (`not reproduced${bound}: verify with more trials before closing it ` +
        `(flaky-triage verify --reruns ${VERIFY_TRIALS})`);
}
/** The one-line fix for a test's cause. */
function suggest(input) {
    const { test, verdict, cause, tolerance, seed, reruns } = input;
    switch (cause) {
        case "tolerance":
            return toleranceFix(test, tolerance);
        case "edge-case":
            return edgeCaseFix(test, tolerance, seed);
        case "regression":
            return `fails with every seed: a real bug${where(test)}, bisect recent changes`;
        case "race-condition":
            return (`nondeterministic under the same inputs: add synchronisation where shared state is ` +
                `touched${where(test)} (only what is needed); do not just raise tolerances`);
        case "order-dependence":
            return (`passes alone, fails after earlier tests: isolate state leaking from them (module ` +
                `globals, caches, RNG state, fixtures with a wider scope, files)${where(test)}`);
        case "timeout":
            return (`timed out${where(test)}: find the blocking or slow step (deadlock, network wait, ` +
                `oversized input) before raising the timeout`);
        case "crash":
            return (`crashed${where(test)}: rerun with python -X faulthandler (or under gdb) to locate ` +
                `the native fault`);
        case "environment":
            return `environment problem${where(test)}: fix the CI setup (missing dependency, file, fixture or service), not the test`;
        case "unknown":
            return unknownFix(test, verdict, tolerance, seed, reruns);
    }
}
function unknownFix(test, verdict, tolerance, seed, reruns) {
    switch (verdict) {
        case "not-reproduced":
            return verifyFix(reruns);
        case "intermittent":
            return (`intermittent but its seed could not be re-applied: make the test take its seed from ` +
                `the environment (or add --seed-pattern) and rerun to tell a race from unseeded randomness`);
        case "deterministic":
            return `fails every time${withSeed(seed)}: rerun with fresh seeds to tell an edge case from a regression${where(test)}`;
        case "not-rerun": {
            const hint = tolerance?.suggestion !== null && tolerance?.suggestion !== undefined
                ? ` (if it is a tolerance problem: ${tolerance.suggestion.parameter} ${formatTolerance(tolerance.suggestion.from)} -> ${formatTolerance(tolerance.suggestion.to)})`
                : "";
            return `not rerun: rerun it to classify the failure${where(test)}${hint}`;
        }
    }
}

;// CONCATENATED MODULE: ./src/reports/pytest-ids.ts
/**
 * Maps pytest's JUnit names back to node ids. pytest writes a test `tests/unit/test_x.py::
 * TestC::TestInner::test_y[p.1]` as classname `tests.unit.test_x.TestC.TestInner` and name
 * `test_y[p.1]`: the path's slashes became dots and ".py" was dropped, so where the module ends
 * and the classes begin is only known by looking at the project's files.
 */
function normalisePath(p) {
    return p.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "");
}
function nodeId(file, classes, name) {
    return [file, ...classes, name].join("::");
}
/**
 * The pytest node id for a JUnit classname/name, and the test file when one exists in the
 * project. `name` is kept whole: its `[...]` parameter part may contain dots, slashes and
 * escapes exactly as pytest printed them, and is never split.
 */
function toPytestNodeId(classname, name, fileAttr, project) {
    const parts = classname === "" ? [] : classname.split(".");
    // xunit1 names the file; the classes are what follows the file's dotted module path.
    if (fileAttr !== undefined && fileAttr !== "") {
        const file = normalisePath(fileAttr);
        const module = file.replace(/\.py$/, "").split("/");
        const matches = module.length <= parts.length && module.every((m, i) => parts[i] === m);
        // A classname that does not start with the module (junit_prefix, rootdir elsewhere):
        // the classes are the capitalised tail, which is how pytest classes are named.
        const classes = matches ? parts.slice(module.length) : trailingClasses(parts);
        const id = nodeId(file, classes, name);
        return project.exists(file) ? { id, file } : { id };
    }
    // Longest dotted prefix that is a file: handles packages without __init__.py too, since
    // only the .py file itself is looked up.
    for (let k = parts.length; k >= 1; k--) {
        const rel = `${parts.slice(0, k).join("/")}.py`;
        if (project.exists(rel))
            return { id: nodeId(rel, parts.slice(k), name), file: rel };
    }
    // No file found (report from another checkout, or rootdir differs): guess that the module
    // ends before the first capitalised part and do not claim the file exists.
    const classes = trailingClasses(parts);
    const moduleParts = parts.slice(0, parts.length - classes.length);
    if (parts.length === 0)
        return { id: name };
    if (moduleParts.length === 0)
        return { id: nodeId(classname, [], name) };
    return { id: nodeId(`${moduleParts.join("/")}.py`, classes, name) };
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

;// CONCATENATED MODULE: ./src/reports/join.ts
/**
 * Joins the evidence several inputs hold about the same test. A pytest run typically leaves a
 * JUnit report (structured, but without what the test logged: `junit_logging = no` is pytest's
 * default) and a console log (where the seed lines are); nose/unittest runs leave a console log,
 * sometimes an xunit report. Tests are matched by id, the failing line is resolved, and paths
 * printed on another machine are mapped into the project.
 */




const DOTTED_MODULE_PATH = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
/** Stack frames of JVM languages: a dotted classname that is not a Python module. */
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
function pytestJUnit(t, project) {
    if (!DOTTED_MODULE_PATH.test(t.classname))
        return null;
    const details = t.details ?? "";
    if (JVM_FRAME.test(details) || (t.file !== undefined && !/\.py$/.test(t.file)))
        return null;
    const mapped = toPytestNodeId(t.classname, t.name, t.file, project);
    const python = t.file !== undefined ||
        /\.py\b/.test(details) ||
        t.classname.split(".").some((p) => /^test_|_test$/.test(p)) ||
        mapped.file !== undefined;
    return python ? mapped : null;
}
/** `a/b/../c.py` -> `a/c.py`, Windows separators to `/`; no file system access. */
function join_cleanPath(p) {
    return external_node_path_namespaceObject.posix.normalize(p.replace(/\\/g, "/")).replace(/^\.\//, "");
}
/**
 * The project-relative file for a path as printed: itself if it exists, else the longest
 * suffix that exists (`/work/mxnet/tests/python/unittest/x.py` -> `tests/python/unittest/x.py`).
 */
function resolveInProject(printed, project) {
    const clean = join_cleanPath(printed);
    const parts = clean.replace(/^[A-Za-z]:\//, "/").split("/").filter((s) => s.length > 0 && s !== "..");
    for (let k = 0; k < parts.length; k++) {
        const rel = parts.slice(k).join("/");
        if (project.exists(rel))
            return rel;
    }
    return undefined;
}
function isRelative(p) {
    const c = join_cleanPath(p);
    return !c.startsWith("/") && !c.startsWith("../") && !/^[A-Za-z]:\//.test(c);
}
/** Console ids that are pytest headlines (`TestC.test_y[p]`) because no node id was printed. */
function headlineOnly(e) {
    return e.kind === "pytest-log" && !e.id.includes("::");
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
    const named = [...group].sort((a, b) => idRank(a) - idRank(b))[0] ?? primary;
    const p = primary.test;
    const out = {
        id: named.id,
        classname: p.classname,
        name: p.name,
        outcome: p.outcome,
        sources: [],
        index: p.index,
    };
    const first = (k) => [primary, ...group].map((e) => e.test[k]).find((v) => v !== undefined);
    const message = first("message");
    if (message !== undefined)
        out.message = message;
    const details = first("details");
    if (details !== undefined)
        out.details = details;
    const duration = first("durationSec");
    if (duration !== undefined)
        out.durationSec = duration;
    const prior = [primary, ...group].map((e) => e.test.priorAttempts).find((a) => a !== undefined && a.length > 0);
    if (prior !== undefined)
        out.priorAttempts = prior;
    // Every captured output counts (JUnit system-out and the console's captured log are
    // different texts); the same text seen twice is kept once.
    const outputs = [];
    for (const e of [primary, ...group]) {
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
    // File: a path that exists in the project wins; else a relative path as given (the node id's).
    const candidates = [];
    for (const e of [primary, ...group]) {
        if (e.mappedFile !== undefined)
            candidates.push({ path: e.mappedFile });
        if (e.test.file !== undefined) {
            candidates.push(e.test.line === undefined ? { path: e.test.file } : { path: e.test.file, line: e.test.line });
        }
        if (e.id.includes("::"))
            candidates.push({ path: e.id.slice(0, e.id.indexOf("::")) });
    }
    const resolved = candidates.map((c) => ({ ...c, rel: resolveInProject(c.path, project) }));
    const file = resolved.find((c) => c.rel !== undefined)?.rel ??
        resolved.map((c) => join_cleanPath(c.path)).find((c) => isRelative(c) && /\.\w+$/.test(c));
    if (file !== undefined) {
        out.file = file;
        const sameFile = resolved.find((c) => c.line !== undefined && (c.rel === file || join_cleanPath(c.path) === file));
        const line = sameFile?.line ?? group.map((e) => failingLine(e.test.details ?? "", file)).find((l) => l !== undefined);
        if (line !== undefined)
            out.line = line;
    }
    const seen = new Set();
    for (const e of group) {
        for (const s of e.test.sources) {
            const key = `${s.file}\u0000${s.line ?? ""}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            out.sources.push({ ...s });
        }
    }
    return out;
}
/**
 * Merges the failing tests of all inputs (and passing ones with failed prior attempts) into one
 * list keyed by runner-native id (pytest node id where the run was pytest's), in run order.
 */
function joinInputs(inputs, project) {
    const evidence = [];
    let order = 0;
    for (const input of inputs) {
        for (const test of input.tests) {
            if (!keep(test))
                continue;
            const e = { test, kind: input.kind, id: test.id, order: order++ };
            if (input.kind === "junit") {
                const mapped = pytestJUnit(test, project);
                if (mapped !== null) {
                    e.id = mapped.id;
                    if (mapped.file !== undefined)
                        e.mappedFile = mapped.file;
                }
            }
            evidence.push(e);
        }
    }
    const groups = [];
    const byAlias = new Map();
    const byHeadline = new Map();
    const place = (e, group) => {
        const g = group ?? [];
        if (group === undefined)
            groups.push(g);
        g.push(e);
        for (const a of aliases(e))
            if (!byAlias.has(a))
                byAlias.set(a, g);
        if (e.id.includes("::")) {
            const h = headlineOf(e.id);
            const list = byHeadline.get(h) ?? [];
            if (!list.includes(g))
                list.push(g);
            byHeadline.set(h, list);
        }
    };
    for (const e of evidence.filter((x) => !headlineOnly(x))) {
        place(e, aliases(e).map((a) => byAlias.get(a)).find((g) => g !== undefined));
    }
    // A console section known only by its headline joins the one test with that headline (and
    // the same file, when the console printed one); if several match, it stays on its own.
    for (const e of evidence.filter(headlineOnly)) {
        const matches = (byHeadline.get(e.id) ?? []).filter((g) => {
            const f = e.test.file;
            if (f === undefined)
                return true;
            return g.some((x) => x.id.includes("::") && join_cleanPath(f).endsWith(join_cleanPath(x.id.slice(0, x.id.indexOf("::")))));
        });
        place(e, matches.length === 1 ? matches[0] : undefined);
    }
    return groups
        .map((g) => ({ test: mergeGroup(g, project), order: Math.min(...g.map((e) => e.order)) }))
        .sort((a, b) => a.test.index - b.test.index || a.order - b.order)
        .map((x) => x.test);
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
/** Consecutive timeouts after which a phase stops: the test hangs, more attempts only cost time. */
const MAX_CONSECUTIVE_TIMEOUTS = 3;
/** The order check reruns the file up to the test at most this many times (each is a process). */
const MAX_ORDER_ATTEMPTS = 3;
/** Messages we keep per trial or note (one line each; the report has the details). */
const limits_MAX_MESSAGE_CHARS = 500;

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/rerun/process.ts
/**
 * The only place flaky-triage starts processes. Always an argv array (`shell: false`): test
 * ids and seeds are untrusted. Each child leads its own process group (`detached: true`, i.e.
 * setsid), so a timeout or an abort kills the whole tree the test started, and a test that
 * kills its own process group cannot reach us.
 */


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
        child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
            cwd: spec.cwd,
            env: spec.env,
            shell: false,
            detached: true,
            stdio: ["ignore", "pipe", "pipe"],
        });
    }
    catch (e) {
        // Synchronous failures: NUL bytes in an argument, invalid env. Reported like a spawn error.
        return { pid: null, done: Promise.resolve(result({ spawnError: String(e) })), kill() { } };
    }
    const pid = child.pid ?? null;
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
    child.stdout.on("data", (chunk) => {
        out.push(chunk);
        lines.stdout?.push(chunk);
    });
    child.stderr.on("data", (chunk) => {
        err.push(chunk);
        lines.stderr?.push(chunk);
    });
    const pipesClosed = Promise.all([
        new Promise((r) => child.stdout.once("close", () => r())),
        new Promise((r) => child.stderr.once("close", () => r())),
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
            await Promise.race([pipesClosed, delay(PIPE_DRAIN_MS)]);
            child.stdout.destroy();
            child.stderr.destroy();
            lines.stdout?.end();
            lines.stderr?.end();
            resolve(result({ pid, killed, ...partial }));
        };
        child.once("exit", (code, sig) => void finish({ exitCode: code, signal: sig }));
        child.once("error", (e) => void finish({ spawnError: e.message }));
    });
    return { pid, done, kill };
}
function delay(ms) {
    return new Promise((r) => setTimeout(r, ms));
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
    const proc = await startProcess({
        argv: spec.argv,
        cwd: spec.cwd,
        env: spec.env,
        timeoutMs: spec.startupMs + spec.timeoutMs,
        ...(spec.signal ? { signal: spec.signal } : {}),
        ...(spec.killGraceMs !== undefined ? { killGraceMs: spec.killGraceMs } : {}),
    }).done;
    const seed = spec.seeds[0] ?? null;
    const base = { ...(seed !== null ? { seed } : {}), durationSec: proc.durationMs / 1000 };
    const result = (trials, cannotRun = null) => ({
        trials,
        cannotRun,
        collected: null,
        predecessorsRun: 0,
        process: proc,
        stopped: false,
        aborted: proc.killed === "abort",
    });
    if (proc.spawnError !== null)
        return result([], `could not start ${spec.argv[0] ?? ""}: ${proc.spawnError}`);
    if (proc.killed === "abort")
        return result([]);
    let trial;
    if (proc.killed === "timeout")
        trial = { kind: "timedOut", ...base };
    else if (proc.signal !== null)
        trial = { kind: "crashed", ...base, signal: proc.signal, ...attempts_messageOf(proc) };
    else if (proc.exitCode === 0)
        trial = { kind: "passed", ...base };
    else
        trial = { kind: "failed", ...base, message: `exit code ${proc.exitCode ?? "?"}${tailLine(proc, ": ")}` };
    spec.onTrial(trial);
    return result([trial]);
}
async function runPluginBatch(spec) {
    const running = startProcess({
        argv: spec.argv,
        cwd: spec.cwd,
        env: spec.env,
        ...(spec.killGraceMs !== undefined ? { killGraceMs: spec.killGraceMs } : {}),
    });
    const reader = new LineReader(spec.resultsFile);
    const trials = [];
    let collected = null;
    let predecessorsRun = 0;
    let current = null;
    let deadline = Date.now() + spec.startupMs + spec.timeoutMs;
    let timedOutAt = null;
    let stopped = false;
    let aborted = false;
    let exited = false;
    void running.done.then(() => (exited = true));
    const onAbort = () => {
        aborted = true;
        running.kill("abort");
    };
    if (spec.signal?.aborted)
        onAbort();
    spec.signal?.addEventListener("abort", onAbort, { once: true });
    const handle = (ev) => {
        const now = Date.now();
        // Any line is progress: the clock restarts for whatever comes next.
        deadline = now + spec.timeoutMs;
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
            if (!stopped && !aborted && spec.onTrial(trial)) {
                stopped = true;
                running.kill("caller");
            }
        }
    };
    try {
        while (!exited) {
            await Promise.race([attempts_delay(RESULTS_POLL_MS), running.done]);
            for (const ev of await reader.read())
                handle(ev);
            if (!exited && timedOutAt === null && !stopped && !aborted && Date.now() > deadline) {
                timedOutAt = Date.now();
                running.kill("timeout");
            }
        }
        for (const ev of await reader.read())
            handle(ev);
    }
    finally {
        spec.signal?.removeEventListener("abort", onAbort);
    }
    const proc = await running.done;
    // TypeScript cannot see the assignments inside `handle`.
    const open = current;
    let cannotRun = null;
    if (open !== null && !stopped && !aborted) {
        const base = {
            ...(open.seed !== null ? { seed: open.seed } : {}),
            durationSec: ((timedOutAt ?? Date.now()) - open.at) / 1000,
        };
        const trial = timedOutAt !== null
            ? { kind: "timedOut", ...base }
            : {
                kind: "crashed",
                ...base,
                ...(proc.signal !== null ? { signal: proc.signal } : {}),
                ...(proc.signal === null && proc.exitCode !== null ? { exitCode: proc.exitCode } : {}),
                ...attempts_messageOf(proc),
            };
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
            cannotRun = describeCannotRun(spec, proc, collected);
        }
    }
    return { trials, cannotRun, collected, predecessorsRun, process: proc, stopped, aborted };
}
function trialFromEnd(ev, seed) {
    const base = { ...(seed !== null ? { seed } : {}), durationSec: ev.duration };
    const message = ev.message !== null && ev.message !== undefined ? { message: ev.message.slice(0, limits_MAX_MESSAGE_CHARS) } : {};
    if (ev.outcome === "passed")
        return { kind: "passed", ...base };
    if (ev.outcome === "skipped")
        return { kind: "skipped", ...base, ...message };
    return { kind: "failed", ...base, ...message };
}
function describeCannotRun(spec, proc, collected) {
    if (proc.spawnError !== null)
        return `could not start ${spec.argv[0] ?? ""}: ${proc.spawnError}`;
    const c = collected;
    if (c !== null && c.kept === 0)
        return `pytest did not find the test (collected ${c.count})${tailLine(proc, ": ")}`;
    const how = proc.signal !== null ? `was killed by ${proc.signal}` : `exited with code ${proc.exitCode ?? "?"}`;
    return `pytest ${how} before running the test${tailLine(proc, ": ")}`;
}
/** The most telling line of the output: pytest's ERROR / Fatal Python error, else the last. */
function tailLine(proc, prefix) {
    const lines = `${proc.stdout.text}\n${proc.stderr.text}`
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "" && !/^=+$/.test(l));
    const telling = [...lines].reverse().find((l) => /^(ERROR|E |Fatal Python error|.*Error:)/.test(l)) ?? lines[lines.length - 1];
    return telling === undefined ? "" : prefix + telling.slice(0, limits_MAX_MESSAGE_CHARS);
}
function attempts_messageOf(proc) {
    const line = tailLine(proc, "");
    return line === "" ? {} : { message: line };
}
function attempts_delay(ms) {
    return new Promise((r) => setTimeout(r, ms));
}
/** Reads complete JSON lines appended to a file since the last call. Missing file: none yet. */
class LineReader {
    file;
    offset = 0;
    partial = "";
    constructor(file) {
        this.file = file;
    }
    async read() {
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
            for (;;) {
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
const shell_quote_ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isEnvName(name) {
    return shell_quote_ENV_NAME.test(name);
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
"""
import json
import os
import random
import sys

import pytest
from _pytest.runner import runtestprotocol

MESSAGE_CHARS = 500
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
    group.addoption("--ft-global-seed", action="store_true", default=False,
                    help="seed random, numpy and torch global generators before each attempt")
    group.addoption("--ft-stop-when-mixed", action="store_true", default=False,
                    help="stop repeating once a pass and a failure were both seen")
    group.addoption("--ft-run-until", default=None, metavar="NODEID",
                    help="run collected tests up to and including NODEID; record only its outcome")


class _State(object):
    def __init__(self, config):
        opt = config.option
        self.repeat = max(0, opt.ft_repeat)
        self.seeds = [s for s in (opt.ft_seeds or "").split(",") if s != ""]
        self.seed_env = list(opt.ft_seed_env)
        self.global_seed = opt.ft_global_seed
        self.stop_when_mixed = opt.ft_stop_when_mixed
        self.run_until = opt.ft_run_until
        self.invocation_dir = str(config.invocation_params.dir)
        self.target = None
        self.predecessors_run = 0
        self.out = open(opt.ft_results, "a", encoding="utf-8") if opt.ft_results else None

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


def pytest_configure(config):
    opt = config.option
    if opt.ft_repeat or opt.ft_run_until or opt.ft_results:
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


def _reseed(state, seed):
    if seed is None:
        return
    for name in state.seed_env:
        os.environ[name] = seed
    if state.global_seed:
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
    return text.splitlines()[0][:MESSAGE_CHARS] if text else ""


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    state = getattr(item.config, _STATE, None)
    if state is None:
        return None
    if state.run_until:
        if item is not state.target:
            state.emit({"event": "item", "index": state.predecessors_run})
            state.predecessors_run += 1
            return None
        return _run_attempts(state, item, 1)
    if state.repeat and item is state.target:
        return _run_attempts(state, item, state.repeat)
    return None


def _run_attempts(state, item, attempts):
    seen = set()
    for attempt in range(attempts):
        seed = state.seed_for(attempt)
        _reseed(state, seed)
        state.emit({"event": "start", "attempt": attempt, "seed": seed})
        item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
        # nextitem=None tears everything down after each attempt, so every attempt builds its
        # fixtures (of every scope) afresh, as a new pytest run would.
        reports = runtestprotocol(item, log=True, nextitem=None)
        item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
        outcome, when, duration, message = _summarise(reports)
        state.emit({"event": "end", "attempt": attempt, "outcome": outcome, "when": when,
                    "duration": round(duration, 6), "message": message})
        seen.add(outcome)
        if state.stop_when_mixed and "passed" in seen and "failed" in seen:
            break
    return True
`;

;// CONCATENATED MODULE: ./src/rerun/seed-apply.ts
/**
 * How a recorded seed (and its related seeds) goes back to a rerun, and where fresh seeds come
 * from. Seed values are untrusted text from CI logs: they only ever become argv elements or
 * environment values, never shell text, and values a process cannot carry (NUL) are refused.
 */


/** Values our plugin receives comma-separated, and that a process environment can carry. */
const CARRIABLE = /^[^\0,\n\r]+$/;
/** Null when nothing of the seed can be given back (hypothesis blobs, unknown mechanisms). */
function seedApplication(seed) {
    if (seed === null)
        return null;
    const app = { env: {}, args: [], globalRng: null, value: seed.value };
    for (const s of [seed, ...(seed.related ?? [])]) {
        const apply = s.apply;
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
const UINT32_MAX = 2n ** 32n - 1n;
/** Our default: 31-bit, valid for every seeding API we know (numpy: < 2^32, C int: < 2^31). */
const DEFAULT_SEED_BOUND = 2 ** 31;
/**
 * `count` new seeds, different from the recorded one and from each other, cryptographically
 * random (a CI's own PRNG state is what we are trying to get away from). Shaped like the
 * original: a decimal beyond 32 bits stays within the original's bit width, hex stays hex of
 * the same length; everything else gets 31-bit decimals.
 */
function freshSeeds(original, count) {
    const seen = new Set(original === null ? [] : [original]);
    const out = [];
    // The retry bound only matters for tiny shapes (a 1-digit hex seed has 15 siblings).
    for (let tries = 0; out.length < count && tries < count * 20; tries++) {
        const s = freshSeed(original);
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

;// CONCATENATED MODULE: ./src/rerun/drivers/pytest.ts
/**
 * The built-in driver for pytest node ids: one interpreter repeats the test in-process through
 * our plugin. Every path pytest would write goes to our private directory: the JUnit XML, no
 * cache (-p no:cacheprovider), hypothesis' example database.
 */




/** `tests/x.py::test_y[p]` or a bare `tests/x.py`; the file part must be a Python file. */
function isPytestNodeId(id) {
    return /\.py(?:::|$)/.test(id);
}
/** The file part of a node id (everything before the first `::`). */
function nodeIdFile(id) {
    const i = id.indexOf("::");
    return i === -1 ? id : id.slice(0, i);
}
/**
 * A node id pytest cannot mistake for an option: pytest re-parses arguments after "--"
 * (verified with pytest 9: `-- -x.py::t` is read as -x), but `./-x.py::t` is a path and
 * pytest normalises it back to the node id `-x.py::t`.
 */
function asPositional(id) {
    return id.startsWith("-") ? `./${id}` : id;
}
/** `$FLAKY_TRIAGE_PYTHON` when set, else python3; read from the env the adapter passes in. */
function resolvePython(env) {
    const configured = env.FLAKY_TRIAGE_PYTHON;
    return configured !== undefined && configured.trim() !== "" ? configured : "python3";
}
function pytestDriver(python) {
    return {
        name: "pytest",
        orderCheck: true,
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
            const pytestArgs = [];
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
                seedArgs.push(`--ft-seeds=${seeds.join(",")}`);
            }
            const modeArgs = req.mode === "repeat"
                ? [`--ft-repeat=${attempts}`, ...(req.stopWhenMixed ? ["--ft-stop-when-mixed"] : [])]
                : [`--ft-run-until=${req.test.id}`];
            const target = asPositional(req.mode === "repeat" ? req.test.id : nodeIdFile(req.test.id));
            const argv = [
                python,
                "-m",
                "pytest",
                "-p",
                PLUGIN_MODULE,
                "-p",
                "no:cacheprovider",
                "-q",
                "--color=no",
                // No capture: pytest would spool a test's output to a temp file (a test printing
                // gigabytes fills the disk); uncaptured, it streams into our capped pipe instead.
                "--capture=no",
                `--junitxml=${external_node_path_default().join(req.workDir, "junit.xml")}`,
                "-o",
                "junit_family=xunit2",
                `--ft-results=${req.resultsFile}`,
                ...modeArgs,
                ...seedArgs,
                ...pytestArgs,
                // pytest 9 still parses `--x.py` after "--" as an option; asPositional covers that.
                "--",
                target,
            ];
            return { argv, env, attempts, reportsLines: true };
        },
        reproduceCommand(test, seed) {
            const app = seedApplication(seed);
            const argv = [python, "-m", "pytest", ...(app?.args ?? [])];
            argv.push(asPositional(test.id));
            const command = shellQuoteCommand(argv, app?.env ?? {});
            // The global-RNG and hypothesis seeds need code, not a flag: say which, as a comment.
            // A comment ends at a newline, so only single-line values go there.
            const hint = app?.globalRng != null
                ? `seed random/numpy with ${app.globalRng}`
                : seed?.apply.kind === "hypothesis"
                    ? `add ${seed.apply.decorator}`
                    : null;
            return hint !== null && /^[^\n\r\0]*$/.test(hint) ? `${command}  # ${hint}` : command;
        },
    };
}

;// CONCATENATED MODULE: ./src/rerun/drivers/template.ts



const PLACEHOLDER = /\{(id|file|name|seed)\}/g;
function expandTemplate(template, values) {
    return template.map((element) => element.replace(PLACEHOLDER, (_, key) => values[key]));
}
function templateDriver(template) {
    const usesSeed = template.some((e) => e.includes("{seed}"));
    const valuesFor = (test, seed) => ({
        id: test.id,
        file: test.file ?? nodeIdFile(test.id),
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
        seedSupport: support,
        invocation(req) {
            const app = seedApplication(req.seed);
            const value = req.freshSeeds?.[0] ?? req.seed?.value ?? "";
            const env = {};
            for (const [name, recorded] of Object.entries(app?.env ?? {}))
                env[name] = req.freshSeeds ? value : recorded;
            return { argv: expandTemplate(template, valuesFor(req.test, value)), env, attempts: 1, reportsLines: false };
        },
        reproduceCommand(test, seed) {
            const app = seedApplication(seed);
            return shellQuoteCommand(expandTemplate(template, valuesFor(test, seed?.value ?? "")), app?.env ?? {});
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
        matches: (test) => isPytestNodeId(test.id),
        create: (options) => pytestDriver(options.python),
    },
];
function pickDriver(test, options) {
    const entry = DRIVERS.find((d) => d.matches(test, options));
    return entry ? entry.create(options) : null;
}

;// CONCATENATED MODULE: ./src/rerun/env.ts
/**
 * The environment reruns get: the user's, minus anything that looks like a credential. A
 * failing test is code from a pull request; rerunning it must not hand it the CI job's tokens
 * (GITHUB_TOKEN can push, ACTIONS_RUNTIME_TOKEN can write caches and artifacts).
 */

/** GitHub Actions' runtime variables: tokens and the URLs they are meant for. */
const ACTIONS_RUNTIME = /^ACTIONS_(RUNTIME_|ID_TOKEN_REQUEST_|[A-Z0-9_]*_TOKEN$)/i;
/** Any name that says it holds a secret; case-insensitive because `npm_config__authToken` exists. */
const SECRET_WORDS = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|PRIVATE_?KEY/i;
function isCredentialName(name) {
    return name === "GITHUB_TOKEN" || ACTIONS_RUNTIME.test(name) || SECRET_WORDS.test(name);
}
/**
 * `user` is the environment the adapter was started with (passed in, never read from
 * `process.env` here); `pluginDir` holds our pytest plugin module.
 */
function rerunEnv(user, pluginDir) {
    const env = {};
    for (const [name, value] of Object.entries(user)) {
        if (value === undefined || isCredentialName(name))
            continue;
        env[name] = value;
    }
    // Reruns must not leave __pycache__ directories in the user's checkout.
    env.PYTHONDONTWRITEBYTECODE = "1";
    const existing = env.PYTHONPATH;
    env.PYTHONPATH = existing ? `${pluginDir}${(external_node_path_default()).delimiter}${existing}` : pluginDir;
    return env;
}

;// CONCATENATED MODULE: ./src/rerun/rerun.ts
/**
 * Reruns of one failing test, in three phases:
 *  1. same seed: the recorded seed given back, `reruns` attempts, in one process where the
 *     driver can repeat in-process; a crash or a timeout costs a new process for the rest;
 *  2. fresh seeds: new random seeds, where the seed can be given back at all;
 *  3. order: only when every same-seed attempt passed, the test's file up to and including
 *     the test, to see whether a predecessor's state is what made it fail.
 * Each phase stops as soon as more attempts cannot change what it tells.
 */












const emptyTally = () => ({ runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false });
async function rerunTest(req, ctx) {
    const driver = pickDriver(req.test, { python: resolvePython(ctx.env), rerunCommand: req.rerunCommand });
    const byPhase = { "same-seed": [], "fresh-seeds": [], order: [] };
    const reruns = { sameSeed: emptyTally(), freshSeeds: { ...emptyTally(), seeds: [] } };
    const notes = [];
    const outcome = (reproduce, seedReapplied, processes) => {
        if (notes.length > 0)
            reruns.note = notes.join("; ");
        return {
            reruns,
            trials: [...byPhase["same-seed"], ...byPhase["fresh-seeds"], ...byPhase.order],
            trialsByPhase: byPhase,
            seedReapplied,
            reproduce,
            processes,
        };
    };
    if (driver === null) {
        notes.push("no rerun driver for this test id (give --rerun-command)");
        return outcome(null, false, 0);
    }
    const reproduce = safeReproduce(driver, req);
    const support = driver.seedSupport(req.seed);
    if (req.test.id.includes("\0")) {
        notes.push("test id contains a NUL byte; it cannot be passed to a process");
        return outcome(reproduce, false, 0);
    }
    if (!(0,external_node_fs_namespaceObject.existsSync)(req.cwd)) {
        notes.push(`working directory ${req.cwd} does not exist`);
        return outcome(reproduce, false, 0);
    }
    const pluginDir = await ensurePlugin(ctx.runDir);
    const workRoot = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(ctx.runDir, "test-"));
    const baseEnv = rerunEnv(ctx.env, pluginDir);
    let processes = 0;
    let batchNo = 0;
    let cannotRun = false;
    const runPhase = async (phase, total, opts) => {
        const tally = emptyTally();
        const trials = byPhase[phase];
        let consecutiveTimeouts = 0;
        let finished = false;
        let last = null;
        let predecessors = null;
        const count = (t) => {
            trials.push(t);
            tally.runs++;
            if (t.kind === "passed")
                tally.passed++;
            else if (t.kind === "failed")
                tally.failed++;
            else if (t.kind === "timedOut")
                tally.timedOut++;
            else if (t.kind === "crashed")
                tally.crashed++;
            // The test's own timeout (pytest-timeout, a TimeoutError) costs the same wait as ours.
            const timedOut = t.kind === "timedOut" || (t.kind === "failed" && findHint(causeHints(t.message ?? ""), "timeout") !== undefined);
            consecutiveTimeouts = timedOut ? consecutiveTimeouts + 1 : 0;
            ctx.onProgress?.({ id: req.test.id, phase, done: tally.runs, total });
            const bad = tally.failed + tally.timedOut + tally.crashed;
            // A pass next to a failure: intermittent, whatever comes next. Timeouts in a row: the
            // test hangs, and each further attempt costs the full timeout.
            const settled = (opts.stopWhenMixed && tally.passed > 0 && bad > 0) || consecutiveTimeouts >= MAX_CONSECUTIVE_TIMEOUTS;
            if (settled && tally.runs < total) {
                tally.stoppedEarly = true;
                finished = true;
            }
            return finished;
        };
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
            });
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
                if (predecessors === 0)
                    break;
            }
            if (batch.cannotRun !== null) {
                const gone = !(0,external_node_fs_namespaceObject.existsSync)(req.cwd) ? ` (working directory ${req.cwd} no longer exists)` : "";
                notes.push(`${phase}: ${batch.cannotRun}${gone}`);
                cannotRun = true;
                break;
            }
            // Defensive: a process that ran nothing and said nothing must not loop forever.
            if (tally.runs === before && !batch.aborted && !batch.stopped) {
                notes.push(`${phase}: the rerun process ended without running an attempt`);
                break;
            }
        }
        return { tally, last, predecessors };
    };
    try {
        // Phase 1: the recorded seed, as many times as asked, in-process where possible.
        if (req.reruns > 0) {
            const r = await runPhase("same-seed", req.reruns, { fresh: null, mode: "repeat", processPerAttempt: false, stopWhenMixed: true });
            reruns.sameSeed = r.tally;
        }
        // Phase 2: fresh seeds, only where a seed can be given back.
        if (req.freshSeeds > 0 && !cannotRun && !ctx.signal?.aborted) {
            if (req.seed === null) {
                // Nothing to vary: without a known seed, fresh-seed runs are same-seed runs again.
            }
            else if (!support.fresh) {
                notes.push(`fresh seeds skipped: the ${req.seed.recogniser} seed cannot be given back to the test`);
            }
            else {
                const seeds = freshSeeds(req.seed.value, req.freshSeeds);
                const r = await runPhase("fresh-seeds", seeds.length, { fresh: seeds, mode: "repeat", processPerAttempt: false, stopWhenMixed: false });
                reruns.freshSeeds = { ...r.tally, seeds: byPhase["fresh-seeds"].map((t) => t.seed ?? "").filter((s) => s !== "") };
            }
        }
        // Phase 3: order, only when the test passes on its own (a failing test needs no predecessor).
        const s = reruns.sameSeed;
        if (driver.orderCheck && !cannotRun && !ctx.signal?.aborted && s.runs > 0 && s.passed === s.runs) {
            if (!req.test.id.includes("::")) {
                notes.push("order check skipped: the test id names no test inside its file");
            }
            else {
                const total = Math.min(req.reruns, MAX_ORDER_ATTEMPTS);
                const r = await runPhase("order", total, { fresh: null, mode: "run-until", processPerAttempt: true, stopWhenMixed: true });
                if (r.predecessors === 0) {
                    byPhase.order.length = 0;
                    notes.push("order check skipped: no test precedes it in its file");
                }
                else if (r.predecessors !== null)
                    reruns.order = { ...r.tally, predecessors: r.predecessors };
                else if (r.last?.collected)
                    notes.push("order check skipped: the test was not found when collecting its file");
            }
        }
    }
    catch (e) {
        notes.push(`reruns stopped by an internal error: ${errorMessage(e)}`);
    }
    if (ctx.signal?.aborted)
        notes.push("interrupted: reruns were cut short");
    return outcome(reproduce, support.reapply, processes);
}
function safeReproduce(driver, req) {
    try {
        return driver.reproduceCommand(req.test, req.seed);
    }
    catch {
        // An id no shell can carry (NUL): better no command than a wrong one.
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

;// CONCATENATED MODULE: ./src/rerun/scheduler.ts


async function rerunAll(requests, options) {
    const now = options.now ?? Date.now;
    const deadline = options.timeBudgetSec === null ? Infinity : now() + options.timeBudgetSec * 1000;
    const runOne = options.runOne ?? rerunTest;
    const results = new Map();
    const ctx = {
        runDir: options.runDir,
        // The adapter is the edge that owns the environment; this default keeps triage.ts simple.
        env: options.env ?? process.env,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.startupAllowanceSec !== undefined ? { startupAllowanceSec: options.startupAllowanceSec } : {}),
        ...(options.killGraceMs !== undefined ? { killGraceMs: options.killGraceMs } : {}),
    };
    let next = 0;
    const worker = async () => {
        while (next < requests.length) {
            if (options.signal?.aborted || now() >= deadline)
                return;
            const req = requests[next++];
            let outcome;
            try {
                outcome = await runOne(req, ctx);
            }
            catch (e) {
                outcome = failedOutcome(`reruns failed: ${errorMessage(e)}`);
            }
            results.set(req.test.id, outcome);
            try {
                options.onTestDone?.(req.test.id, outcome);
            }
            catch {
                // A reporting callback must not stop the pool.
            }
        }
    };
    const jobs = Math.max(1, Math.min(Math.floor(options.jobs) || 1, requests.length || 1));
    await Promise.all(Array.from({ length: jobs }, worker));
    return results;
}
function failedOutcome(note) {
    const tally = () => ({ runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false });
    return {
        reruns: { sameSeed: tally(), freshSeeds: { ...tally(), seeds: [] }, note },
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
async function triage(settings, hooks = {}) {
    const inputs = await readInputs(settings.reports, { cwd: settings.cwd });
    for (const input of inputs) {
        hooks.onProgress?.({
            kind: "read",
            path: input.path,
            tests: input.counts.tests,
            failing: input.counts.failed + input.counts.errored,
        });
    }
    const tests = joinInputs(inputs, projectView(settings.cwd));
    const candidates = tests
        .filter((t) => t.outcome === "failed" || t.outcome === "errored" || (t.priorAttempts?.length ?? 0) > 0)
        .map((test) => ({
        test,
        seed: extractSeed(test, settings.seedPatterns),
        tolerance: parseTolerance([test.message, test.details].filter(Boolean).join("\n"), { id: test.id }),
    }));
    const selected = selectForRerun(candidates, settings);
    hooks.onProgress?.({ kind: "plan", toRerun: selected.length, notRerun: candidates.length - selected.length });
    const env = hooks.env ?? {};
    const python = resolvePython(env);
    const selectedIds = new Set(selected.map((c) => c.test.id));
    const finished = new Map();
    let doneCount = 0;
    const complete = (c, outcome, note) => {
        const t = finish(c, outcome, note, reproduceFor(c, settings, python));
        finished.set(c.test.id, t);
        hooks.onProgress?.({ kind: "test-done", index: doneCount++, count: candidates.length, test: t });
    };
    if (selected.length > 0) {
        const runDir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), "flaky-triage-"));
        try {
            const byId = new Map(selected.map((c) => [c.test.id, c]));
            const requests = selected.map((c) => planRerun({
                test: c.test,
                seed: c.seed,
                reruns: settings.reruns,
                freshSeeds: settings.freshSeeds,
                timeoutSec: settings.rerunTimeoutSec,
                cwd: settings.cwd,
                rerunCommand: settings.rerunCommand,
            }));
            await rerunAll(requests, {
                jobs: settings.jobs,
                timeBudgetSec: settings.timeBudgetSec,
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
            ? "--no-rerun: read and extracted only"
            : !selectedIds.has(c.test.id)
                ? notSelectedReason(c, settings)
                : hooks.signal?.aborted
                    ? "interrupted before its reruns finished"
                    : "time budget ran out before its reruns started";
        complete(c, undefined, note);
    }
    const triaged = candidates.map((c) => finished.get(c.test.id));
    return {
        schemaVersion: 1,
        tool: { name: "flaky-triage", version: VERSION },
        summary: summarise(inputs, triaged),
        inputs: inputs.map((i) => ({ path: i.path, kind: i.kind, tests: i.counts.tests, warnings: i.warnings })),
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
function selectForRerun(candidates, settings) {
    if (!settings.rerun)
        return [];
    const eligible = candidates.filter((c) => c.test.outcome === "failed" || c.test.outcome === "errored");
    const cost = (c) => (/timeout|timed out/i.test(c.test.message ?? "") ? 2 : c.test.outcome === "errored" ? 1 : 0);
    return [...eligible].sort((a, b) => cost(a) - cost(b) || a.test.index - b.test.index).slice(0, settings.maxFailures);
}
function notSelectedReason(c, settings) {
    if (c.test.outcome === "passed")
        return "passed on a rerun recorded in the report; verdict from those attempts";
    return `beyond --max-failures ${settings.maxFailures}`;
}
const EMPTY_TALLY = { runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false };
/** Every failing test gets a reproduce command, rerun or not (null only when no driver fits). */
function reproduceFor(c, settings, python) {
    const driver = pickDriver(c.test, { python, rerunCommand: settings.rerunCommand });
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
function finish(c, outcome, note, reproduce) {
    const recorded = recordedTally(c.test);
    const reruns = outcome
        ? { ...outcome.reruns }
        : { sameSeed: { ...EMPTY_TALLY }, freshSeeds: { ...EMPTY_TALLY, seeds: [] } };
    if (recorded)
        reruns.recorded = recorded;
    if (note && !reruns.note)
        reruns.note = note;
    const seedReapplied = outcome?.seedReapplied ?? false;
    const cls = classify({ test: c.test, seed: c.seed, tolerance: c.tolerance, reruns, seedReapplied });
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
        suggestion: suggest({ test: t, verdict: cls.verdict, cause: cls.cause, tolerance: c.tolerance, seed: c.seed, reruns }),
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
/**
 * Counts come from JUnit inputs when there are any (a console log of the same run would count
 * every test twice); from console logs only when no JUnit was given.
 */
function summarise(inputs, tests) {
    const junit = inputs.filter((i) => i.kind === "junit");
    const basis = junit.length > 0 ? junit : inputs;
    const counts = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
    for (const i of basis) {
        counts.tests += i.counts.tests;
        counts.passed += i.counts.passed;
        counts.failed += i.counts.failed;
        counts.errored += i.counts.errored;
        counts.skipped += i.counts.skipped;
    }
    const n = (v) => tests.filter((t) => t.verdict === v).length;
    return {
        ...counts,
        deterministic: n("deterministic"),
        intermittent: n("intermittent"),
        notReproduced: n("not-reproduced"),
        notRerun: n("not-rerun"),
    };
}
const triage_VERDICT_ORDER = { deterministic: 0, intermittent: 1, "not-reproduced": 2, "not-rerun": 3 };
function sortForReport(tests) {
    return [...tests].sort((a, b) => triage_VERDICT_ORDER[a.verdict] - triage_VERDICT_ORDER[b.verdict]);
}
/** The project tree as the pure readers see it: existence of relative paths, nothing more. */
function projectView(cwd) {
    return {
        exists(rel) {
            if (rel === "" || (0,external_node_path_namespaceObject.isAbsolute)(rel))
                return false;
            const abs = (0,external_node_path_namespaceObject.normalize)((0,external_node_path_namespaceObject.join)(cwd, rel));
            const back = (0,external_node_path_namespaceObject.relative)(cwd, abs);
            // Report paths are untrusted: never look outside the project.
            if (back.startsWith(".." + external_node_path_namespaceObject.sep) || back === "..")
                return false;
            try {
                return (0,external_node_fs_namespaceObject.existsSync)(abs) && (0,external_node_fs_namespaceObject.statSync)(abs).isFile();
            }
            catch {
                return false;
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/cli.ts











/** Exit codes are part of the CLI's contract (the Jenkins step and `fail-on` build on them). */
const EXIT = { ok: 0, deterministic: 1, usage: 2 };
async function main(argv) {
    const cmd = parseTriageArgs(argv, process.cwd());
    switch (cmd.kind) {
        case "help":
            process.stdout.write(helpText(VERSION) + "\n");
            return EXIT.ok;
        case "version":
            process.stdout.write(VERSION + "\n");
            return EXIT.ok;
        case "triage":
            return runTriage(cmd.triage);
    }
}
async function runTriage(cmd) {
    // Report paths are relative to the shell, not to --cwd (the project root for reruns).
    cmd.settings.reports = (await expandGlobs(cmd.reportArgs, process.cwd())).map((p) => (0,external_node_path_namespaceObject.resolve)(process.cwd(), p));
    const abort = new AbortController();
    let interrupted = null;
    const onSignal = (sig) => {
        // A second signal means "now": leave without the report.
        if (interrupted)
            process.exit(130);
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
        await writeFileAtomic(cmd.json, JSON.stringify(report, null, 2) + "\n");
    if (cmd.markdown)
        await writeFileAtomic(cmd.markdown, renderMarkdown(report, { charts: true }));
    process.stdout.write(renderTable(report, { color: process.stdout.isTTY === true }) + "\n");
    if (interrupted)
        return interrupted === "SIGINT" ? 130 : 143;
    return report.summary.deterministic > 0 ? EXIT.deterministic : EXIT.ok;
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
