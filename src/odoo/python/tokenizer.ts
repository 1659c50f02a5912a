/**
 * @fileoverview CPython 3.11's tokenizer (Parser/tokenizer.c) in TypeScript, for our own Python
 * reader (parser.ts). It reads the whole source at once into parallel typed arrays (kind, start,
 * end, line, bracket level) rather than one object per token, which is what keeps a 31 MB tree
 * under a second. Comments and blank lines produce nothing; NL inside brackets is dropped, as the
 * C parser never sees them either. The first tokenizer error stops the scan and is kept with the
 * index of the token it replaces, so that the parser can decide, as CPython does, whether that
 * error or its own comes first.
 */

// Token kinds. Keywords and operators are kinds of their own so that the parser compares ints.
export const T = {
  ENDMARKER: 0,
  NAME: 1,
  NUMBER: 2,
  STRING: 3,
  NEWLINE: 4,
  INDENT: 5,
  DEDENT: 6,
  /** The token where the tokenizer failed (see Tokens.error). */
  ERRORTOKEN: 7,
  // Keywords
  FALSE: 10, NONE: 11, TRUE: 12, AND: 13, AS: 14, ASSERT: 15, ASYNC: 16, AWAIT: 17, BREAK: 18,
  CLASS: 19, CONTINUE: 20, DEF: 21, DEL: 22, ELIF: 23, ELSE: 24, EXCEPT: 25, FINALLY: 26, FOR: 27,
  FROM: 28, GLOBAL: 29, IF: 30, IMPORT: 31, IN: 32, IS: 33, LAMBDA: 34, NONLOCAL: 35, NOT: 36,
  OR: 37, PASS: 38, RAISE: 39, RETURN: 40, TRY: 41, WHILE: 42, WITH: 43, YIELD: 44,
  // Operators
  LPAR: 50, RPAR: 51, LSQB: 52, RSQB: 53, COLON: 54, COMMA: 55, SEMI: 56, PLUS: 57, MINUS: 58,
  STAR: 59, SLASH: 60, VBAR: 61, AMPER: 62, LESS: 63, GREATER: 64, EQUAL: 65, DOT: 66,
  PERCENT: 67, LBRACE: 68, RBRACE: 69, EQEQUAL: 70, NOTEQUAL: 71, LESSEQUAL: 72,
  GREATEREQUAL: 73, TILDE: 74, CIRCUMFLEX: 75, LEFTSHIFT: 76, RIGHTSHIFT: 77, DOUBLESTAR: 78,
  PLUSEQUAL: 79, MINEQUAL: 80, STAREQUAL: 81, SLASHEQUAL: 82, PERCENTEQUAL: 83, AMPEREQUAL: 84,
  VBAREQUAL: 85, CIRCUMFLEXEQUAL: 86, LEFTSHIFTEQUAL: 87, RIGHTSHIFTEQUAL: 88,
  DOUBLESTAREQUAL: 89, DOUBLESLASH: 90, DOUBLESLASHEQUAL: 91, AT: 92, ATEQUAL: 93, RARROW: 94,
  ELLIPSIS: 95, COLONEQUAL: 96,
  /** A character CPython passes to the parser as a bare OP ('$', '?', '!', '`'). */
  OP: 97,
} as const;

export const KEYWORDS: ReadonlyMap<string, number> = new Map([
  ['False', T.FALSE], ['None', T.NONE], ['True', T.TRUE], ['and', T.AND], ['as', T.AS],
  ['assert', T.ASSERT], ['async', T.ASYNC], ['await', T.AWAIT], ['break', T.BREAK],
  ['class', T.CLASS], ['continue', T.CONTINUE], ['def', T.DEF], ['del', T.DEL], ['elif', T.ELIF],
  ['else', T.ELSE], ['except', T.EXCEPT], ['finally', T.FINALLY], ['for', T.FOR],
  ['from', T.FROM], ['global', T.GLOBAL], ['if', T.IF], ['import', T.IMPORT], ['in', T.IN],
  ['is', T.IS], ['lambda', T.LAMBDA], ['nonlocal', T.NONLOCAL], ['not', T.NOT], ['or', T.OR],
  ['pass', T.PASS], ['raise', T.RAISE], ['return', T.RETURN], ['try', T.TRY],
  ['while', T.WHILE], ['with', T.WITH], ['yield', T.YIELD],
]);

/** Source spelling of each kind, for messages ("expected ':'", "cannot assign to True"). */
export const KIND_TEXT: string[] = [];
for (const [text, kind] of KEYWORDS) KIND_TEXT[kind] = text;
const OPS: Array<[string, number]> = [
  ['(', T.LPAR], [')', T.RPAR], ['[', T.LSQB], [']', T.RSQB], [':', T.COLON], [',', T.COMMA],
  [';', T.SEMI], ['+', T.PLUS], ['-', T.MINUS], ['*', T.STAR], ['/', T.SLASH], ['|', T.VBAR],
  ['&', T.AMPER], ['<', T.LESS], ['>', T.GREATER], ['=', T.EQUAL], ['.', T.DOT],
  ['%', T.PERCENT], ['{', T.LBRACE], ['}', T.RBRACE], ['==', T.EQEQUAL], ['!=', T.NOTEQUAL],
  ['<=', T.LESSEQUAL], ['>=', T.GREATEREQUAL], ['~', T.TILDE], ['^', T.CIRCUMFLEX],
  ['<<', T.LEFTSHIFT], ['>>', T.RIGHTSHIFT], ['**', T.DOUBLESTAR], ['+=', T.PLUSEQUAL],
  ['-=', T.MINEQUAL], ['*=', T.STAREQUAL], ['/=', T.SLASHEQUAL], ['%=', T.PERCENTEQUAL],
  ['&=', T.AMPEREQUAL], ['|=', T.VBAREQUAL], ['^=', T.CIRCUMFLEXEQUAL], ['<<=', T.LEFTSHIFTEQUAL],
  ['>>=', T.RIGHTSHIFTEQUAL], ['**=', T.DOUBLESTAREQUAL], ['//', T.DOUBLESLASH],
  ['//=', T.DOUBLESLASHEQUAL], ['@', T.AT], ['@=', T.ATEQUAL], ['->', T.RARROW],
  ['...', T.ELLIPSIS], [':=', T.COLONEQUAL],
];
for (const [text, kind] of OPS) KIND_TEXT[kind] = text;

/**
 * How the tokenizer failed, in CPython's terms: `raised` errors are those tokenizer.c raises
 * itself (unterminated string, invalid character, unmatched bracket...), which win over a parser
 * error found earlier in the file; the others (EOF, bad dedent, TabError, line continuation) are
 * only reported when the parser reaches them.
 */
export interface TokenizerError {
  /** Index of the ERRORTOKEN standing for the failure in the token arrays. */
  index: number;
  line: number;
  /** 1-based, UTF-16 units. */
  column: number;
  message: string;
  kind: 'raised' | 'eof' | 'dedent' | 'tab' | 'linecont';
  /** For kinds 'eof' and 'linecont': the brackets still open (char, line, 1-based column), innermost last. */
  open?: Array<{ char: string; line: number; column: number }>;
}

export interface Tokens {
  source: string;
  count: number;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  /** Bracket nesting level after the token (CPython's token->level). */
  level: Uint16Array;
  /** lineStart[n] = offset of 1-based line n. */
  lineStart: Int32Array;
  error: TokenizerError | null;
}

export interface TokenizeOptions {
  /** Tokenize source.slice(from, to) only (an f-string expression); positions stay absolute. */
  from?: number;
  to?: number;
  /** Line of `from`, and the offset where that line starts. */
  firstLine?: number;
  firstLineStart?: number;
  /** Start inside brackets (f-string expressions are parsed as `(expr)`). */
  inBrackets?: boolean;
  /**
   * Fill arrays kept from the previous `reuse` call (and keep these for the next): only for a
   * caller that is done with the previous result, as parseModule is.
   */
  reuse?: boolean;
}

/**
 * Arrays kept from the last `reuse` call: parseModule drops its tokens once the tree is built,
 * so the next file can fill the same arrays instead of allocating ~4 bytes per source character.
 */
let pool: Pick<Tokens, 'kind' | 'start' | 'end' | 'line' | 'level' | 'lineStart'> | null = null;

const TABSIZE = 8;
const MAXINDENT = 100;
const MAXLEVEL = 200;

function isIdChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57) || c >= 128;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
/** The character code at i, or -1 at the end of the scanned range. */
function charAt(src: string, i: number, to: number): number {
  return i < to ? src.charCodeAt(i) : -1;
}

/** 1 for the ASCII characters an identifier may contain. */
const ID_CHAR: Uint8Array = (() => {
  const a = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (isIdChar(c)) a[c] = 1;
  return a;
})();

const ID_RE = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;
const XID_CONTINUE = /[\p{XID_Continue}]/u;

// What a character starts, for the ASCII range (from 128 up: an identifier, as in tokenizer.c).
const C_OP = 0;
const C_NEWLINE = 1;
const C_NAME = 2;
const C_QUOTE = 3;
const C_DIGIT = 4;
const C_DOT = 5;
const C_BACKSLASH = 6;
const C_OPEN = 7;
const C_CLOSE = 8;
const CHAR_CLASS: Uint8Array = (() => {
  const a = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) a[c] = C_NAME;
    else if (isDigit(c)) a[c] = C_DIGIT;
  }
  a[10] = a[13] = C_NEWLINE;
  a[34] = a[39] = C_QUOTE;
  a[46] = C_DOT;
  a[92] = C_BACKSLASH;
  a[40] = a[91] = a[123] = C_OPEN;
  a[41] = a[93] = a[125] = C_CLOSE;
  return a;
})();

/**
 * Operators by table rather than by branches, so that a rare operator met late in a run costs no
 * deoptimisation: OP1 by character, OP2 by (first << 7 | second), OP3 the kind a two-character
 * operator becomes with a third '=' ('**=', '//=', '<<=', '>>='). '<>' is a bare OP (refused by
 * the parser); '!' alone and characters CPython has no operator for are bare OPs too.
 */
const OP1 = new Uint8Array(128);
const OP2 = new Uint8Array(128 * 128);
const OP3 = new Uint8Array(128);
for (const [text, kind] of OPS) {
  if (text.length === 1) OP1[text.charCodeAt(0)] = kind;
  else if (text.length === 2) OP2[(text.charCodeAt(0) << 7) | text.charCodeAt(1)] = kind;
}
OP1[33] = T.OP;
OP2[(60 << 7) | 62] = T.OP;
OP3[T.DOUBLESTAR] = T.DOUBLESTAREQUAL;
OP3[T.DOUBLESLASH] = T.DOUBLESLASHEQUAL;
OP3[T.LEFTSHIFT] = T.LEFTSHIFTEQUAL;
OP3[T.RIGHTSHIFT] = T.RIGHTSHIFTEQUAL;

/**
 * Keywords by (first character, length): KEYWORD_AT[(c << 3) | len] is the index of the first
 * candidate in KEYWORD_WORDS / KEYWORD_KINDS and KEYWORD_COUNT how many follow it (at most two:
 * 'in'/'is', 'else'/'elif'...), so that recognising a name costs no allocation and at most two
 * comparisons of its text.
 */
const KEYWORD_WORDS: string[] = [];
const KEYWORD_KINDS: number[] = [];
const KEYWORD_AT = new Int16Array(128 * 8).fill(-1);
const KEYWORD_COUNT = new Uint8Array(128 * 8);
const keywordKey = (word: string): number => (word.charCodeAt(0) << 3) | (word.length & 7);
for (const [word, kind] of [...KEYWORDS].sort((a, b) => keywordKey(a[0]) - keywordKey(b[0]))) {
  const key = keywordKey(word);
  if (KEYWORD_AT[key] < 0) KEYWORD_AT[key] = KEYWORD_WORDS.length;
  KEYWORD_COUNT[key]++;
  KEYWORD_WORDS.push(word);
  KEYWORD_KINDS.push(kind);
}

/** Thrown inside the scanner to stop at the first error. */
class Stop {
  constructor(
    readonly pos: number,
    readonly message: string,
    readonly kind: TokenizerError['kind'],
    /** Line of the error when it is not the line being read (unterminated strings). */
    readonly line = -1,
    readonly lineStartAt = -1,
  ) {}
}

/**
 * The tokenizer's state, one object per call with a fixed shape, and one small method per kind
 * of token: V8 optimises each on its own, and a path first met late in a run (a tab, a rare
 * operator, an error) only deoptimises the small method that takes it.
 */
class Scanner {
  readonly src: string;
  readonly from: number;
  readonly to: number;
  readonly inBrackets: boolean;
  pos: number;
  /** Current 1-based line, and the offset where it starts. */
  line: number;
  ls: number;
  n = 0;
  cap: number;
  lcap: number;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  lineOf: Int32Array;
  levelOf: Uint16Array;
  lineStart: Int32Array;
  level: number;
  atbol: boolean;
  /** Whether a significant token follows the last NEWLINE (one is owed at the line's end). */
  needNewline = false;
  readonly indstack: number[] = [0];
  readonly altstack: number[] = [0];
  readonly parens: number[] = [];
  readonly parenLine: number[] = [];
  readonly parenCol: number[] = [];

  constructor(source: string, options: TokenizeOptions) {
    this.src = source;
    this.from = options.from ?? 0;
    this.to = options.to ?? source.length;
    this.inBrackets = options.inBrackets === true;
    this.pos = this.from;
    this.line = options.firstLine ?? 1;
    this.ls = options.firstLineStart ?? this.from;
    let cap = ((this.to - this.from) >> 2) + 64;
    let lcap = ((this.to - this.from) >> 5) + 16;
    const p = options.reuse === true ? pool : null;
    if (p !== null && p.kind.length >= cap && p.lineStart.length >= lcap) {
      this.cap = p.kind.length;
      this.lcap = p.lineStart.length;
      this.kind = p.kind;
      this.start = p.start;
      this.end = p.end;
      this.lineOf = p.line;
      this.levelOf = p.level;
      this.lineStart = p.lineStart;
    } else {
      if (this.line >= lcap) lcap = this.line * 2 + 16;
      this.cap = cap;
      this.lcap = lcap;
      this.kind = new Uint8Array(cap);
      this.start = new Int32Array(cap);
      this.end = new Int32Array(cap);
      this.lineOf = new Int32Array(cap);
      this.levelOf = new Uint16Array(cap);
      this.lineStart = new Int32Array(lcap);
    }
    if (this.line >= this.lcap) this.growLines(this.line);
    this.lineStart[this.line] = this.ls;
    this.level = this.inBrackets ? 1 : 0;
    this.atbol = !this.inBrackets;
    if (this.inBrackets) {
      this.parens.push(40);
      this.parenLine.push(this.line);
      this.parenCol.push(0);
    }
  }

  private grow(): void {
    const cap = this.cap * 2;
    this.cap = cap;
    const k2 = new Uint8Array(cap); k2.set(this.kind); this.kind = k2;
    const s2 = new Int32Array(cap); s2.set(this.start); this.start = s2;
    const e2 = new Int32Array(cap); e2.set(this.end); this.end = e2;
    const l2 = new Int32Array(cap); l2.set(this.lineOf); this.lineOf = l2;
    const v2 = new Uint16Array(cap); v2.set(this.levelOf); this.levelOf = v2;
  }

  private growLines(line: number): void {
    let lcap = this.lcap * 2;
    while (lcap <= line) lcap *= 2;
    this.lcap = lcap;
    const l2 = new Int32Array(lcap); l2.set(this.lineStart); this.lineStart = l2;
  }

  emit(k: number, s: number, e: number, l: number): void {
    const n = this.n;
    if (n + 2 >= this.cap) this.grow();
    this.kind[n] = k;
    this.start[n] = s;
    this.end[n] = e;
    this.lineOf[n] = l;
    this.levelOf[n] = this.level;
    this.n = n + 1;
  }

  /** A physical line starts at offset `at`. */
  private newLine(at: number): void {
    const line = this.line + 1;
    this.line = line;
    if (line >= this.lcap) this.growLines(line);
    this.lineStart[line] = at;
    this.ls = at;
  }

  /** Scans tokens up to the end of the range; throws Stop at the first error. */
  run(): void {
    const src = this.src;
    const to = this.to;
    for (;;) {
      if (this.atbol) {
        this.atbol = false;
        this.indentation();
      }
      let pos = this.pos;
      let c = pos < to ? src.charCodeAt(pos) : -1;
      while (c === 32 || c === 9 || c === 12) c = ++pos < to ? src.charCodeAt(pos) : -1;
      const tokStart = pos;
      if (c === 35) {
        // Comment: up to the end of the line.
        pos++;
        while (pos < to && (c = src.charCodeAt(pos)) !== 10 && c !== 13) pos++;
        if (pos >= to) c = -1;
      }
      this.pos = pos;
      if (c < 0) {
        this.endOfInput();
        return;
      }
      switch (c < 128 ? CHAR_CLASS[c] : C_NAME) {
        case C_NEWLINE:
          this.newlineToken(tokStart, c);
          continue;
        case C_NAME:
          if (!this.name(tokStart)) this.string(tokStart);
          break;
        case C_QUOTE:
          this.string(tokStart);
          break;
        case C_DIGIT:
          this.pos = scanNumber(src, pos, to);
          this.emit(T.NUMBER, tokStart, this.pos, this.line);
          break;
        case C_DOT:
          this.dot();
          break;
        case C_BACKSLASH:
          this.continuation();
          continue;
        case C_OPEN:
          this.open(c);
          break;
        case C_CLOSE:
          this.close(c);
          break;
        default:
          this.operator(c);
      }
      this.needNewline = true;
    }
  }

  /** Beginning of a logical or physical line: measures the indentation, emits INDENT/DEDENTs. */
  private indentation(): void {
    const src = this.src;
    const to = this.to;
    let pos = this.pos;
    let c = charAt(src, pos, to);
    // The usual indentation, spaces only, in one tight loop; tabs and the rest below.
    while (c === 32) c = ++pos < to ? src.charCodeAt(pos) : -1;
    let col = pos - this.pos;
    let altcol = col;
    let contLineCol = 0;
    for (;;) {
      if (c === 32) {
        col++;
        altcol++;
      } else if (c === 9) {
        col = ((col / TABSIZE) | 0) * TABSIZE + TABSIZE;
        altcol = altcol + 1;
      } else if (c === 12) {
        col = altcol = 0;
      } else if (c === 92) {
        // A backslash in the indentation: the first one fixes the level (3.11's cont_line_col).
        contLineCol = contLineCol || col;
        pos = this.indentContinuation(pos);
        c = src.charCodeAt(pos);
        continue;
      } else break;
      pos++;
      c = charAt(src, pos, to);
    }
    this.pos = pos;
    if (contLineCol) col = altcol = contLineCol;
    const blank = c === 35 || c === 10 || c === 13 || c === -1;
    if (blank || this.level !== 0) return;
    const indstack = this.indstack;
    const top = indstack.length - 1;
    if (col === indstack[top]) {
      if (altcol !== this.altstack[top]) throw new Stop(pos, 'inconsistent use of tabs and spaces in indentation', 'tab');
    } else if (col > indstack[top]) this.indent(col, altcol);
    else this.dedent(col, altcol);
  }

  /** A backslash at `pos` in the indentation; returns the start of the next line. */
  private indentContinuation(pos: number): number {
    const n = charAt(this.src, pos + 1, this.to);
    if (n === -1) throw new Stop(pos + 1, 'unexpected EOF while parsing', 'eof');
    if (n !== 10 && n !== 13) throw new Stop(pos + 2, 'unexpected character after line continuation character', 'linecont');
    pos += n === 13 && this.src.charCodeAt(pos + 2) === 10 ? 3 : 2;
    if (pos >= this.to) throw new Stop(pos, 'unexpected EOF while parsing', 'eof');
    this.newLine(pos);
    return pos;
  }

  private indent(col: number, altcol: number): void {
    const top = this.indstack.length - 1;
    if (this.indstack.length >= MAXINDENT) throw new Stop(this.pos, 'too many levels of indentation', 'tab');
    if (altcol <= this.altstack[top]) throw new Stop(this.pos, 'inconsistent use of tabs and spaces in indentation', 'tab');
    this.indstack.push(col);
    this.altstack.push(altcol);
    this.emit(T.INDENT, this.pos, this.pos, this.line);
  }

  private dedent(col: number, altcol: number): void {
    const indstack = this.indstack;
    const altstack = this.altstack;
    while (indstack.length > 1 && col < indstack[indstack.length - 1]) {
      indstack.pop();
      altstack.pop();
      this.emit(T.DEDENT, this.pos, this.pos, this.line);
    }
    if (col !== indstack[indstack.length - 1]) {
      throw new Stop(this.pos, 'unindent does not match any outer indentation level', 'dedent');
    }
    if (altcol !== altstack[altstack.length - 1]) {
      throw new Stop(this.pos, 'inconsistent use of tabs and spaces in indentation', 'tab');
    }
  }

  /** End of the range: the last NEWLINE, the DEDENTs and ENDMARKER. */
  private endOfInput(): void {
    const pos = this.pos;
    if (this.level > (this.inBrackets ? 1 : 0)) {
      throw new Stop(pos, 'unexpected EOF while parsing', 'eof');
    }
    // CPython's line counter stays on the last line at the end of the input.
    const last = pos > this.from ? this.src.charCodeAt(pos - 1) : -1;
    const eofLine = this.line > 1 && (last === 10 || last === 13) ? this.line - 1 : this.line;
    if (this.needNewline && !this.inBrackets) {
      this.emit(T.NEWLINE, pos, pos, eofLine);
      this.needNewline = false;
    }
    if (!this.inBrackets) {
      for (let i = this.indstack.length - 1; i > 0; i--) this.emit(T.DEDENT, pos, pos, eofLine);
    }
    this.emit(T.ENDMARKER, pos, pos, eofLine);
  }

  /** A line end at this.pos (`tokStart` is where a comment before it starts). */
  private newlineToken(tokStart: number, c: number): void {
    const nlAt = this.pos;
    const pos = nlAt + (c === 13 && this.src.charCodeAt(nlAt + 1) === 10 ? 2 : 1);
    this.pos = pos;
    if (this.needNewline && this.level === 0) {
      this.emit(T.NEWLINE, tokStart, nlAt + 1, this.line);
      this.needNewline = false;
    }
    this.newLine(pos);
    this.atbol = true;
  }

  /**
   * A name or keyword at tokStart, emitted; or false when it is the prefix of a string (this.pos
   * is then at its opening quote).
   */
  private name(tokStart: number): boolean {
    const src = this.src;
    const to = this.to;
    let pos = tokStart;
    let c = src.charCodeAt(pos);
    // String prefixes: any mix of b, r, u, f CPython allows, then a quote.
    let sawB = false;
    let sawR = false;
    let sawU = false;
    let sawF = false;
    for (;;) {
      if (!(sawB || sawU || sawF) && (c === 98 || c === 66)) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && (c === 117 || c === 85)) sawU = true;
      else if (!(sawR || sawU) && (c === 114 || c === 82)) sawR = true;
      else if (!(sawF || sawB || sawU) && (c === 102 || c === 70)) sawF = true;
      else break;
      pos++;
      c = charAt(src, pos, to);
      if (c === 34 || c === 39) {
        this.pos = pos;
        return false;
      }
    }
    let nonascii = false;
    while (pos < to) {
      c = src.charCodeAt(pos);
      if (c < 128) {
        if (ID_CHAR[c] === 0) break;
      } else nonascii = true;
      pos++;
    }
    this.pos = pos;
    if (nonascii) verifyIdentifier(src, tokStart, pos);
    const len = pos - tokStart;
    this.emit(len >= 2 && len <= 8 ? keywordKind(src, tokStart, len) : T.NAME, tokStart, pos, this.line);
    return true;
  }

  /** A string whose opening quote is at this.pos (its prefix from tokStart). */
  private string(tokStart: number): void {
    const src = this.src;
    const to = this.to;
    let pos = this.pos;
    const quote = src.charCodeAt(pos);
    const firstLine = this.line;
    const firstLs = this.ls;
    let quoteSize = 1;
    let endQuote = 0;
    pos++;
    if (charAt(src, pos, to) === quote) {
      pos++;
      if (charAt(src, pos, to) === quote) {
        quoteSize = 3;
        pos++;
      } else endQuote = 1;
    }
    while (endQuote !== quoteSize) {
      const c = pos < to ? src.charCodeAt(pos) : -1;
      pos++;
      if (c === quote) endQuote++;
      else if (c > 92) endQuote = 0; // quotes, backslash and line ends are all below: the common case
      else {
        endQuote = 0;
        if (c === 92) {
          // Skip the escaped character (a newline still counts as one).
          const e = charAt(src, pos, to);
          if (e !== -1) {
            pos++;
            if (e === 13 && src.charCodeAt(pos) === 10) pos++;
            if (e === 10 || e === 13) this.newLine(pos);
          }
        } else if (c === 10 || c === 13) {
          if (quoteSize === 1) this.unterminated(tokStart, c, 1, firstLine, firstLs);
          if (c === 13 && src.charCodeAt(pos) === 10) pos++;
          this.newLine(pos);
        } else if (c === -1) this.unterminated(tokStart, c, quoteSize, firstLine, firstLs);
      }
    }
    this.pos = pos;
    this.emit(T.STRING, tokStart, pos, firstLine);
  }

  private unterminated(tokStart: number, c: number, quoteSize: number, firstLine: number, firstLs: number): never {
    const src = this.src;
    const to = this.to;
    const atEofAfterNewline = c === -1 && this.line > firstLine && (src.charCodeAt(to - 1) === 10 || src.charCodeAt(to - 1) === 13);
    const detected = atEofAfterNewline ? this.line - 1 : this.line;
    throw new Stop(
      tokStart + 1,
      quoteSize === 3
        ? `unterminated triple-quoted string literal (detected at line ${detected})`
        : `unterminated string literal (detected at line ${detected})`,
      'raised',
      firstLine,
      firstLs,
    );
  }

  /** '.', '...', or a number such as '.5'. */
  private dot(): void {
    const src = this.src;
    const to = this.to;
    const pos = this.pos;
    const c = charAt(src, pos + 1, to);
    if (isDigit(c)) {
      this.pos = scanNumber(src, pos, to);
      this.emit(T.NUMBER, pos, this.pos, this.line);
    } else if (c === 46 && charAt(src, pos + 2, to) === 46) {
      this.pos = pos + 3;
      this.emit(T.ELLIPSIS, pos, pos + 3, this.line);
    } else {
      this.pos = pos + 1;
      this.emit(T.DOT, pos, pos + 1, this.line);
    }
  }

  /** A backslash outside the indentation: the line goes on. */
  private continuation(): void {
    let pos = this.pos + 1;
    const c = charAt(this.src, pos, this.to);
    if (c === -1) throw new Stop(pos, 'unexpected EOF while parsing', 'eof');
    if (c !== 10 && c !== 13) throw new Stop(pos + 1, 'unexpected character after line continuation character', 'linecont');
    pos += c === 13 && this.src.charCodeAt(pos + 1) === 10 ? 2 : 1;
    if (pos >= this.to) throw new Stop(pos, 'unexpected EOF while parsing', 'eof');
    this.pos = pos;
    this.newLine(pos);
  }

  private open(c: number): void {
    const tokStart = this.pos;
    if (this.level >= MAXLEVEL) throw new Stop(tokStart + 1, 'too many nested parentheses', 'raised');
    this.parens.push(c);
    this.parenLine.push(this.line);
    this.parenCol.push(tokStart - this.ls + 1);
    this.level++;
    this.pos = tokStart + 1;
    this.emit(c === 40 ? T.LPAR : c === 91 ? T.LSQB : T.LBRACE, tokStart, tokStart + 1, this.line);
  }

  private close(c: number): void {
    const tokStart = this.pos;
    if (this.level === 0 || (this.inBrackets && this.level === 1 && c !== 41)) {
      throw new Stop(tokStart + 1, `unmatched '${String.fromCharCode(c)}'`, 'raised');
    }
    this.level--;
    const opening = this.parens.pop()!;
    const openLine = this.parenLine.pop()!;
    this.parenCol.pop();
    if (!((opening === 40 && c === 41) || (opening === 91 && c === 93) || (opening === 123 && c === 125))) {
      this.mismatch(tokStart, c, opening, openLine);
    }
    this.pos = tokStart + 1;
    this.emit(c === 41 ? T.RPAR : c === 93 ? T.RSQB : T.RBRACE, tokStart, tokStart + 1, this.line);
  }

  private mismatch(tokStart: number, c: number, opening: number, openLine: number): never {
    const ch = String.fromCharCode(c);
    const o = String.fromCharCode(opening);
    throw new Stop(
      tokStart + 1,
      openLine !== this.line
        ? `closing parenthesis '${ch}' does not match opening parenthesis '${o}' on line ${openLine}`
        : `closing parenthesis '${ch}' does not match opening parenthesis '${o}'`,
      'raised',
    );
  }

  /** An operator (other than brackets and dots) or a character CPython passes on as OP. */
  private operator(c: number): void {
    const src = this.src;
    const to = this.to;
    const tokStart = this.pos;
    let pos = tokStart + 1;
    let k = OP1[c];
    const c2 = charAt(src, pos, to);
    const k2 = c2 >= 0 && c2 < 128 ? OP2[(c << 7) | c2] : 0;
    if (k2 !== 0) {
      pos++;
      k = k2;
      const k3 = OP3[k2];
      if (k3 !== 0 && charAt(src, pos, to) === 61) {
        pos++;
        k = k3;
      }
    } else if (k === 0) {
      if (c < 32 || c === 127) {
        throw new Stop(tokStart + 1, `invalid non-printable character U+${c.toString(16).toUpperCase().padStart(4, '0')}`, 'raised');
      }
      k = T.OP;
    }
    this.pos = pos;
    this.emit(k, tokStart, pos, this.line);
  }

  /** Turns the first error into the ERRORTOKEN that stands for it. */
  fail(e: Stop): TokenizerError {
    const eline = e.line > 0 ? e.line : this.line;
    const els = e.line > 0 ? e.lineStartAt : this.ls;
    let column = e.pos - els;
    if (e.kind === 'tab') column = 1;
    else if (e.kind === 'dedent') {
      // CPython points after the end of the offending line.
      const src = this.src;
      const to = this.to;
      let p = e.pos;
      while (p < to && src.charCodeAt(p) !== 10 && src.charCodeAt(p) !== 13) p++;
      if (p < to) p += src.charCodeAt(p) === 13 && src.charCodeAt(p + 1) === 10 ? 2 : 1;
      column = p - els;
    }
    const error: TokenizerError = { index: this.n, line: eline, column, message: e.message, kind: e.kind };
    if ((e.kind === 'eof' || e.kind === 'linecont') && this.parens.length > 0) {
      error.open = this.parens.map((p, i) => ({ char: String.fromCharCode(p), line: this.parenLine[i], column: this.parenCol[i] }));
    }
    this.emit(T.ERRORTOKEN, e.pos, e.pos, eline);
    return error;
  }
}

/** The keyword kind of the name source[s, s + len) (2 to 8 characters), or NAME. */
function keywordKind(src: string, s: number, len: number): number {
  const c = src.charCodeAt(s);
  if (c >= 128) return T.NAME;
  const key = (c << 3) | (len & 7);
  const n = KEYWORD_COUNT[key];
  if (n === 0) return T.NAME;
  const first = KEYWORD_AT[key];
  for (let j = first; j < first + n; j++) {
    const w = KEYWORD_WORDS[j];
    if (w.length !== len) continue;
    // The first character matched by the key; the rest compared by code, no call into startsWith.
    let i = 1;
    while (i < len && src.charCodeAt(s + i) === w.charCodeAt(i)) i++;
    if (i === len) return KEYWORD_KINDS[j];
  }
  return T.NAME;
}

export function tokenize(source: string, options: TokenizeOptions = {}): Tokens {
  const s = new Scanner(source, options);
  let error: TokenizerError | null = null;
  try {
    s.run();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    error = s.fail(e);
  }
  // Sentinels: a lookahead past the last token reads ENDMARKER, even in reused arrays.
  s.kind[s.n] = T.ENDMARKER;
  s.kind[s.n + 1] = T.ENDMARKER;
  if (options.reuse) pool = { kind: s.kind, start: s.start, end: s.end, line: s.lineOf, level: s.levelOf, lineStart: s.lineStart };
  return { source, count: s.n, kind: s.kind, start: s.start, end: s.end, line: s.lineOf, level: s.levelOf, lineStart: s.lineStart, error };
}

/** A non-ASCII identifier must be XID; else "invalid character" at the first bad one. */
function verifyIdentifier(source: string, s: number, e: number): void {
  const text = source.slice(s, e);
  if (ID_RE.test(text.normalize('NFKC'))) return;
  let i = 0;
  for (const ch of text) {
    const ok = i === 0 ? /[\p{XID_Start}_]/u.test(ch.normalize('NFKC')) || XID_CONTINUE.test(ch) : XID_CONTINUE.test(ch.normalize('NFKC'));
    if (!ok) {
      const cp = ch.codePointAt(0)!;
      throw new Stop(s + i + 1, `invalid character '${ch}' (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`, 'raised');
    }
    i += ch.length;
  }
  throw new Stop(s + 1, `invalid character '${text[0]}' (U+${text.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`, 'raised');
}

/** Digits with single underscores between them, from a digit at pos; returns their end. */
function decimalTail(src: string, pos: number, to: number): number {
  for (;;) {
    while (isDigit(charAt(src, pos, to))) pos++;
    if (charAt(src, pos, to) !== 95) return pos;
    pos++;
    if (!isDigit(charAt(src, pos, to))) throw new Stop(pos, 'invalid decimal literal', 'raised');
  }
}

/** Scans a number from `pos` (a digit or '.digit'), returns its end; throws CPython's errors. */
function scanNumber(src: string, pos: number, to: number): number {
  const c = src.charCodeAt(pos);
  if (c === 46) return exponentAndImag(src, decimalTail(src, pos + 1, to), to);
  if (c === 48) return zeroNumber(src, pos, to);
  pos = decimalTail(src, pos, to);
  if (charAt(src, pos, to) === 46) {
    pos++;
    if (isDigit(charAt(src, pos, to))) pos = decimalTail(src, pos, to);
  }
  return exponentAndImag(src, pos, to);
}

/** A number starting with '0': radix literals, '0', '00', '0_0', or a float/imaginary with leading zeros. */
function zeroNumber(src: string, pos: number, to: number): number {
  const start = pos;
  pos++;
  const c = charAt(src, pos, to);
  if (c === 120 || c === 88 || c === 111 || c === 79 || c === 98 || c === 66) return radixNumber(src, pos, to, c);
  let nonzero = false;
  for (;;) {
    if (charAt(src, pos, to) === 95) {
      pos++;
      if (!isDigit(charAt(src, pos, to))) throw new Stop(pos, 'invalid decimal literal', 'raised');
    }
    if (charAt(src, pos, to) !== 48) break;
    pos++;
  }
  if (isDigit(charAt(src, pos, to))) {
    nonzero = true;
    pos = decimalTail(src, pos, to);
  }
  const d = charAt(src, pos, to);
  if (d === 46 || d === 101 || d === 69 || d === 106 || d === 74) {
    if (d === 46) {
      pos++;
      if (isDigit(charAt(src, pos, to))) pos = decimalTail(src, pos, to);
    }
    return exponentAndImag(src, pos, to);
  }
  if (nonzero) {
    throw new Stop(start + 1, 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', 'raised');
  }
  verifyEndOfNumber(src, pos, to, 'decimal');
  return pos;
}

function isRadixDigit(d: number, radix: number): boolean {
  return radix === 16 ? isHex(d) : radix === 8 ? d >= 48 && d <= 55 : d === 48 || d === 49;
}

/** A hexadecimal, octal or binary literal; `pos` at its x, o or b. */
function radixNumber(src: string, pos: number, to: number, c: number): number {
  const radix = c === 120 || c === 88 ? 16 : c === 111 || c === 79 ? 8 : 2;
  const name = radix === 16 ? 'hexadecimal' : radix === 8 ? 'octal' : 'binary';
  pos++;
  do {
    if (charAt(src, pos, to) === 95) pos++;
    const d = charAt(src, pos, to);
    if (!isRadixDigit(d, radix)) {
      if (radix !== 16 && isDigit(d)) throw new Stop(pos + 1, `invalid digit '${String.fromCharCode(d)}' in ${name} literal`, 'raised');
      throw new Stop(pos, `invalid ${name} literal`, 'raised');
    }
    while (isRadixDigit(charAt(src, pos, to), radix)) pos++;
  } while (charAt(src, pos, to) === 95);
  const e = charAt(src, pos, to);
  if (radix !== 16 && isDigit(e)) throw new Stop(pos + 1, `invalid digit '${String.fromCharCode(e)}' in ${name} literal`, 'raised');
  verifyEndOfNumber(src, pos, to, name);
  return pos;
}

/** The exponent and 'j' suffix after a number's digits at pos; returns the number's end. */
function exponentAndImag(src: string, pos: number, to: number): number {
  let ch = charAt(src, pos, to);
  if (ch === 101 || ch === 69) {
    const ePos = pos;
    pos++;
    ch = charAt(src, pos, to);
    if (ch === 43 || ch === 45) {
      pos++;
      if (!isDigit(charAt(src, pos, to))) throw new Stop(pos, 'invalid decimal literal', 'raised');
    } else if (!isDigit(ch)) {
      // '1e' followed by something: the number ends before the 'e'.
      verifyEndOfNumber(src, ePos, to, 'decimal');
      return ePos;
    }
    pos = decimalTail(src, pos, to);
    ch = charAt(src, pos, to);
  }
  if (ch === 106 || ch === 74) {
    pos++;
    verifyEndOfNumber(src, pos, to, 'imaginary');
  } else verifyEndOfNumber(src, pos, to, 'decimal');
  return pos;
}

/** tokenizer.c's verify_end_of_number: a letter right after a number is an error, except the keywords that may follow one. */
function verifyEndOfNumber(src: string, pos: number, to: number, what: string): void {
  const c = charAt(src, pos, to);
  let r = false;
  if (c === 97) r = src.startsWith('nd', pos + 1);
  else if (c === 101) r = src.startsWith('lse', pos + 1);
  else if (c === 102) r = src.startsWith('or', pos + 1);
  else if (c === 105) {
    const c2 = charAt(src, pos + 1, to);
    r = c2 === 102 || c2 === 110 || c2 === 115;
  } else if (c === 111) r = src.startsWith('r', pos + 1);
  else if (c === 110) r = src.startsWith('ot', pos + 1);
  if (r) return;
  if (c !== -1 && isIdChar(c)) throw new Stop(pos, `invalid ${what} literal`, 'raised');
}
