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

/** Keywords by the code of their first character (no allocation to recognise one). */
const KEYWORDS_BY_FIRST: Array<string[] | undefined> = [];
for (const word of KEYWORDS.keys()) (KEYWORDS_BY_FIRST[word.charCodeAt(0)] ??= []).push(word);

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

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isIdChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57) || c >= 128;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

const ID_RE = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;
const XID_CONTINUE = /[\p{XID_Continue}]/u;

/** Thrown inside tokenize() to stop at the first error. */
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

export function tokenize(source: string, options: TokenizeOptions = {}): Tokens {
  const from = options.from ?? 0;
  const to = options.to ?? source.length;
  let cap = ((to - from) >> 2) + 64;
  let lcap = ((to - from) >> 5) + 16;
  const reuse = options.reuse === true && pool !== null && pool.kind.length >= cap && pool.lineStart.length >= lcap;
  if (reuse) {
    cap = pool!.kind.length;
    lcap = pool!.lineStart.length;
  }
  let kind = reuse ? pool!.kind : new Uint8Array(cap);
  let start = reuse ? pool!.start : new Int32Array(cap);
  let end = reuse ? pool!.end : new Int32Array(cap);
  let lineOf = reuse ? pool!.line : new Int32Array(cap);
  let levelOf = reuse ? pool!.level : new Uint16Array(cap);
  let lineStart = reuse ? pool!.lineStart : new Int32Array(lcap);
  let n = 0;
  let line = options.firstLine ?? 1;
  let ls = options.firstLineStart ?? from;
  lineStart[line < lcap ? line : 0] = ls;
  if (line >= lcap) {
    lcap = line * 2 + 16;
    lineStart = new Int32Array(lcap);
    lineStart[line] = ls;
  }

  const grow = (): void => {
    cap *= 2;
    const k2 = new Uint8Array(cap); k2.set(kind); kind = k2;
    const s2 = new Int32Array(cap); s2.set(start); start = s2;
    const e2 = new Int32Array(cap); e2.set(end); end = e2;
    const l2 = new Int32Array(cap); l2.set(lineOf); lineOf = l2;
    const v2 = new Uint16Array(cap); v2.set(levelOf); levelOf = v2;
  };
  const newLine = (at: number): void => {
    line++;
    if (line >= lcap) {
      lcap *= 2;
      const l2 = new Int32Array(lcap); l2.set(lineStart); lineStart = l2;
    }
    lineStart[line] = at;
    ls = at;
  };

  const indstack = [0];
  const altstack = [0];
  const parens: number[] = [];
  const parenLine: number[] = [];
  const parenCol: number[] = [];
  let level = options.inBrackets ? 1 : 0;
  if (options.inBrackets) {
    parens.push(40);
    parenLine.push(line);
    parenCol.push(0);
  }
  let pos = from;
  let atbol = !options.inBrackets;
  let error: TokenizerError | null = null;
  /** Whether the last significant token emitted is NEWLINE (or nothing yet). */
  let needNewline = false;

  const emit = (k: number, s: number, e: number, l: number): void => {
    if (n + 2 >= cap) grow();
    kind[n] = k;
    start[n] = s;
    end[n] = e;
    lineOf[n] = l;
    levelOf[n] = level;
    n++;
  };

  try {
    for (;;) {
      // Beginning of a logical or physical line: measure the indentation.
      if (atbol) {
        atbol = false;
        let col = 0;
        let altcol = 0;
        let c = pos < to ? source.charCodeAt(pos) : -1;
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
            const n = pos + 1 < to ? source.charCodeAt(pos + 1) : -1;
            if (n === -1) throw new Stop(pos + 1, 'unexpected EOF while parsing', 'eof');
            if (n !== 10 && n !== 13) throw new Stop(pos + 2, 'unexpected character after line continuation character', 'linecont');
            pos += n === 13 && source.charCodeAt(pos + 2) === 10 ? 3 : 2;
            if (pos >= to) throw new Stop(pos, 'unexpected EOF while parsing', 'eof');
            newLine(pos);
            c = source.charCodeAt(pos);
            continue;
          } else break;
          pos++;
          c = pos < to ? source.charCodeAt(pos) : -1;
        }
        if (contLineCol) col = altcol = contLineCol;
        const blank = c === 35 || c === 10 || c === 13 || c === -1;
        if (!blank && level === 0) {
          const top = indstack.length - 1;
          if (col === indstack[top]) {
            if (altcol !== altstack[top]) throw new Stop(pos, 'inconsistent use of tabs and spaces in indentation', 'tab');
          } else if (col > indstack[top]) {
            if (indstack.length >= MAXINDENT) throw new Stop(pos, 'too many levels of indentation', 'tab');
            if (altcol <= altstack[top]) throw new Stop(pos, 'inconsistent use of tabs and spaces in indentation', 'tab');
            indstack.push(col);
            altstack.push(altcol);
            emit(T.INDENT, pos, pos, line);
          } else {
            while (indstack.length > 1 && col < indstack[indstack.length - 1]) {
              indstack.pop();
              altstack.pop();
              emit(T.DEDENT, pos, pos, line);
            }
            if (col !== indstack[indstack.length - 1]) {
              throw new Stop(pos, 'unindent does not match any outer indentation level', 'dedent');
            }
            if (altcol !== altstack[altstack.length - 1]) {
              throw new Stop(pos, 'inconsistent use of tabs and spaces in indentation', 'tab');
            }
          }
        }
      }

      // Skip spaces.
      let c = pos < to ? source.charCodeAt(pos) : -1;
      while (c === 32 || c === 9 || c === 12) {
        pos++;
        c = pos < to ? source.charCodeAt(pos) : -1;
      }
      const tokStart = pos;
      if (c === 35) {
        // Comment: up to the end of the line.
        pos++;
        while (pos < to) {
          c = source.charCodeAt(pos);
          if (c === 10 || c === 13) break;
          pos++;
        }
        if (pos >= to) c = -1;
      }

      if (c === -1) {
        if (level > (options.inBrackets ? 1 : 0)) {
          throw new Stop(pos, 'unexpected EOF while parsing', 'eof');
        }
        // CPython's line counter stays on the last line at the end of the input.
        const eofLine = line > 1 && pos > from && (source.charCodeAt(pos - 1) === 10 || source.charCodeAt(pos - 1) === 13) ? line - 1 : line;
        if (needNewline && !options.inBrackets) {
          emit(T.NEWLINE, pos, pos, eofLine);
          needNewline = false;
        }
        if (!options.inBrackets) {
          for (let i = indstack.length - 1; i > 0; i--) emit(T.DEDENT, pos, pos, eofLine);
        }
        emit(T.ENDMARKER, pos, pos, eofLine);
        break;
      }

      // Newline.
      if (c === 10 || c === 13) {
        const nlAt = pos;
        pos += c === 13 && source.charCodeAt(pos + 1) === 10 ? 2 : 1;
        if (needNewline && level === 0) {
          emit(T.NEWLINE, tokStart, nlAt + 1, line);
          needNewline = false;
        }
        newLine(pos);
        atbol = true;
        continue;
      }

      // Identifiers, keywords and prefixed strings.
      if (isIdStart(c)) {
        let sawB = false;
        let sawR = false;
        let sawU = false;
        let sawF = false;
        let isString = false;
        for (;;) {
          if (!(sawB || sawU || sawF) && (c === 98 || c === 66)) sawB = true;
          else if (!(sawB || sawU || sawR || sawF) && (c === 117 || c === 85)) sawU = true;
          else if (!(sawR || sawU) && (c === 114 || c === 82)) sawR = true;
          else if (!(sawF || sawB || sawU) && (c === 102 || c === 70)) sawF = true;
          else break;
          pos++;
          c = pos < to ? source.charCodeAt(pos) : -1;
          if (c === 34 || c === 39) {
            isString = true;
            break;
          }
        }
        if (!isString) {
          let nonascii = false;
          while (pos < to) {
            c = source.charCodeAt(pos);
            if (!isIdChar(c)) break;
            if (c >= 128) nonascii = true;
            pos++;
          }
          if (nonascii) verifyIdentifier(source, tokStart, pos);
          let k: number = T.NAME;
          const len = pos - tokStart;
          if (len >= 2 && len <= 8) {
            const cands = KEYWORDS_BY_FIRST[source.charCodeAt(tokStart)];
            if (cands !== undefined) {
              for (let j = 0; j < cands.length; j++) {
                const w = cands[j];
                if (w.length === len && source.startsWith(w, tokStart)) {
                  k = KEYWORDS.get(w)!;
                  break;
                }
              }
            }
          }
          emit(k, tokStart, pos, line);
          needNewline = true;
          continue;
        }
      }

      // Strings.
      if (c === 34 || c === 39) {
        const quote = c;
        const firstLine = line;
        const firstLs = ls;
        let quoteSize = 1;
        let endQuote = 0;
        pos++;
        c = pos < to ? source.charCodeAt(pos) : -1;
        if (c === quote) {
          pos++;
          c = pos < to ? source.charCodeAt(pos) : -1;
          if (c === quote) {
            quoteSize = 3;
            pos++;
          } else endQuote = 1;
        }
        while (endQuote !== quoteSize) {
          c = pos < to ? source.charCodeAt(pos) : -1;
          pos++;
          if (c === -1 || (quoteSize === 1 && (c === 10 || c === 13))) {
            const atEofAfterNewline = c === -1 && line > firstLine && (source.charCodeAt(to - 1) === 10 || source.charCodeAt(to - 1) === 13);
            const detected = atEofAfterNewline ? line - 1 : line;
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
          if (c === quote) endQuote++;
          else {
            endQuote = 0;
            if (c === 92) {
              // Skip the escaped character (a newline still counts as one).
              const e = pos < to ? source.charCodeAt(pos) : -1;
              if (e !== -1) {
                pos++;
                if (e === 13 && source.charCodeAt(pos) === 10) pos++;
                if (e === 10 || e === 13) newLine(pos);
              }
            } else if (c === 10 || c === 13) {
              if (c === 13 && source.charCodeAt(pos) === 10) pos++;
              newLine(pos);
            }
          }
        }
        emit(T.STRING, tokStart, pos, firstLine);
        needNewline = true;
        continue;
      }

      // Numbers.
      if (isDigit(c) || (c === 46 && isDigit(pos + 1 < to ? source.charCodeAt(pos + 1) : -1))) {
        pos = scanNumber(source, pos, to);
        emit(T.NUMBER, tokStart, pos, line);
        needNewline = true;
        continue;
      }

      // Line continuation.
      if (c === 92) {
        pos++;
        c = pos < to ? source.charCodeAt(pos) : -1;
        if (c === -1) throw new Stop(pos, 'unexpected EOF while parsing', 'eof');
        if (c !== 10 && c !== 13) throw new Stop(pos + 1, 'unexpected character after line continuation character', 'linecont');
        pos += c === 13 && source.charCodeAt(pos + 1) === 10 ? 2 : 1;
        if (pos >= to) throw new Stop(pos, 'unexpected EOF while parsing', 'eof');
        newLine(pos);
        continue;
      }

      // Operators.
      pos++;
      const c2 = pos < to ? source.charCodeAt(pos) : -1;
      let k: number = T.OP;
      switch (c) {
        case 40: case 91: case 123:
          if (level >= MAXLEVEL) throw new Stop(tokStart + 1, 'too many nested parentheses', 'raised');
          parens.push(c);
          parenLine.push(line);
          parenCol.push(tokStart - ls + 1);
          level++;
          k = c === 40 ? T.LPAR : c === 91 ? T.LSQB : T.LBRACE;
          break;
        case 41: case 93: case 125: {
          const ch = String.fromCharCode(c);
          if (level === 0 || (options.inBrackets && level === 1 && c !== 41)) {
            throw new Stop(tokStart + 1, `unmatched '${ch}'`, 'raised');
          }
          level--;
          const opening = parens.pop()!;
          const openLine = parenLine.pop()!;
          parenCol.pop();
          if (!((opening === 40 && c === 41) || (opening === 91 && c === 93) || (opening === 123 && c === 125))) {
            const o = String.fromCharCode(opening);
            throw new Stop(
              tokStart + 1,
              openLine !== line
                ? `closing parenthesis '${ch}' does not match opening parenthesis '${o}' on line ${openLine}`
                : `closing parenthesis '${ch}' does not match opening parenthesis '${o}'`,
              'raised',
            );
          }
          k = c === 41 ? T.RPAR : c === 93 ? T.RSQB : T.RBRACE;
          break;
        }
        case 58:
          if (c2 === 61) { pos++; k = T.COLONEQUAL; } else k = T.COLON;
          break;
        case 44: k = T.COMMA; break;
        case 59: k = T.SEMI; break;
        case 43: if (c2 === 61) { pos++; k = T.PLUSEQUAL; } else k = T.PLUS; break;
        case 45:
          if (c2 === 61) { pos++; k = T.MINEQUAL; } else if (c2 === 62) { pos++; k = T.RARROW; } else k = T.MINUS;
          break;
        case 42:
          if (c2 === 42) {
            pos++;
            if (pos < to && source.charCodeAt(pos) === 61) { pos++; k = T.DOUBLESTAREQUAL; } else k = T.DOUBLESTAR;
          } else if (c2 === 61) { pos++; k = T.STAREQUAL; } else k = T.STAR;
          break;
        case 47:
          if (c2 === 47) {
            pos++;
            if (pos < to && source.charCodeAt(pos) === 61) { pos++; k = T.DOUBLESLASHEQUAL; } else k = T.DOUBLESLASH;
          } else if (c2 === 61) { pos++; k = T.SLASHEQUAL; } else k = T.SLASH;
          break;
        case 124: if (c2 === 61) { pos++; k = T.VBAREQUAL; } else k = T.VBAR; break;
        case 38: if (c2 === 61) { pos++; k = T.AMPEREQUAL; } else k = T.AMPER; break;
        case 60:
          if (c2 === 61) { pos++; k = T.LESSEQUAL; }
          else if (c2 === 60) {
            pos++;
            if (pos < to && source.charCodeAt(pos) === 61) { pos++; k = T.LEFTSHIFTEQUAL; } else k = T.LEFTSHIFT;
          } else if (c2 === 62) { pos++; k = T.NOTEQUAL; /* '<>': refused by the parser */ k = T.OP; }
          else k = T.LESS;
          break;
        case 62:
          if (c2 === 61) { pos++; k = T.GREATEREQUAL; }
          else if (c2 === 62) {
            pos++;
            if (pos < to && source.charCodeAt(pos) === 61) { pos++; k = T.RIGHTSHIFTEQUAL; } else k = T.RIGHTSHIFT;
          } else k = T.GREATER;
          break;
        case 61: if (c2 === 61) { pos++; k = T.EQEQUAL; } else k = T.EQUAL; break;
        case 33: if (c2 === 61) { pos++; k = T.NOTEQUAL; } else k = T.OP; break;
        case 46:
          if (c2 === 46 && pos + 1 < to && source.charCodeAt(pos + 1) === 46) { pos += 2; k = T.ELLIPSIS; } else k = T.DOT;
          break;
        case 37: if (c2 === 61) { pos++; k = T.PERCENTEQUAL; } else k = T.PERCENT; break;
        case 126: k = T.TILDE; break;
        case 94: if (c2 === 61) { pos++; k = T.CIRCUMFLEXEQUAL; } else k = T.CIRCUMFLEX; break;
        case 64: if (c2 === 61) { pos++; k = T.ATEQUAL; } else k = T.AT; break;
        default:
          if (c < 32 || c === 127) {
            throw new Stop(tokStart + 1, `invalid non-printable character U+${c.toString(16).toUpperCase().padStart(4, '0')}`, 'raised');
          }
          k = T.OP;
      }
      emit(k, tokStart, pos, line);
      needNewline = true;
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const eline = e.line > 0 ? e.line : line;
    const els = e.line > 0 ? e.lineStartAt : ls;
    let column = e.pos - els;
    if (e.kind === 'tab') column = 1;
    else if (e.kind === 'dedent') {
      // CPython points after the end of the offending line.
      let p = e.pos;
      while (p < to && source.charCodeAt(p) !== 10 && source.charCodeAt(p) !== 13) p++;
      if (p < to) p += source.charCodeAt(p) === 13 && source.charCodeAt(p + 1) === 10 ? 2 : 1;
      column = p - els;
    }
    error = {
      index: n,
      line: eline,
      column,
      message: e.message,
      kind: e.kind,
    };
    if ((e.kind === 'eof' || e.kind === 'linecont') && parens.length > 0) {
      error.open = parens.map((p, i) => ({ char: String.fromCharCode(p), line: parenLine[i], column: parenCol[i] }));
    }
    if (n + 2 >= cap) grow();
    kind[n] = T.ERRORTOKEN;
    start[n] = e.pos;
    end[n] = e.pos;
    lineOf[n] = eline;
    levelOf[n] = level;
    n++;
  }
  // Sentinels: a lookahead past the last token reads ENDMARKER, even in reused arrays.
  kind[n] = T.ENDMARKER;
  kind[n + 1] = T.ENDMARKER;
  if (options.reuse) pool = { kind, start, end, line: lineOf, level: levelOf, lineStart };
  return { source, count: n, kind, start, end, line: lineOf, level: levelOf, lineStart, error };
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

/** Scans a number from `pos` (a digit or '.digit'), returns its end; throws CPython's errors. */
function scanNumber(src: string, pos: number, to: number): number {
  const at = (i: number): number => (i < to ? src.charCodeAt(i) : -1);
  const start = pos;
  let c = at(pos);
  const decimalTail = (): void => {
    // Before: c is a digit at pos. After: pos at the first char after the digits.
    for (;;) {
      while (isDigit(at(pos))) pos++;
      if (at(pos) !== 95) break;
      pos++;
      if (!isDigit(at(pos))) throw new Stop(pos, 'invalid decimal literal', 'raised');
    }
  };
  const endCheck = (what: string): void => verifyEndOfNumber(src, pos, to, what);
  if (c === 46) {
    pos++;
    decimalTail();
    return exponentAndImag();
  }
  if (c === 48) {
    pos++;
    c = at(pos);
    if (c === 120 || c === 88 || c === 111 || c === 79 || c === 98 || c === 66) {
      const radix = c === 120 || c === 88 ? 16 : c === 111 || c === 79 ? 8 : 2;
      const name = radix === 16 ? 'hexadecimal' : radix === 8 ? 'octal' : 'binary';
      const ok = (d: number): boolean => (radix === 16 ? isHex(d) : radix === 8 ? d >= 48 && d <= 55 : d === 48 || d === 49);
      pos++;
      do {
        if (at(pos) === 95) pos++;
        const d = at(pos);
        if (!ok(d)) {
          if (radix !== 16 && isDigit(d)) throw new Stop(pos + 1, `invalid digit '${String.fromCharCode(d)}' in ${name} literal`, 'raised');
          throw new Stop(pos, `invalid ${name} literal`, 'raised');
        }
        while (ok(at(pos))) pos++;
      } while (at(pos) === 95);
      if (radix !== 16 && isDigit(at(pos))) throw new Stop(pos + 1, `invalid digit '${String.fromCharCode(at(pos))}' in ${name} literal`, 'raised');
      endCheck(name);
      return pos;
    }
    // '0', '00', '0_0', or a float/imaginary starting with zeros.
    let nonzero = false;
    for (;;) {
      if (at(pos) === 95) {
        pos++;
        if (!isDigit(at(pos))) throw new Stop(pos, 'invalid decimal literal', 'raised');
      }
      if (at(pos) !== 48) break;
      pos++;
    }
    if (isDigit(at(pos))) {
      nonzero = true;
      decimalTail();
    }
    c = at(pos);
    if (c === 46 || c === 101 || c === 69 || c === 106 || c === 74) {
      if (c === 46) {
        pos++;
        if (isDigit(at(pos))) decimalTail();
      }
      return exponentAndImag();
    }
    if (nonzero) {
      throw new Stop(start + 1, 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', 'raised');
    }
    endCheck('decimal');
    return pos;
  }
  decimalTail();
  if (at(pos) === 46) {
    pos++;
    if (isDigit(at(pos))) decimalTail();
  }
  return exponentAndImag();

  function exponentAndImag(): number {
    let ch = at(pos);
    if (ch === 101 || ch === 69) {
      const ePos = pos;
      pos++;
      ch = at(pos);
      if (ch === 43 || ch === 45) {
        pos++;
        if (!isDigit(at(pos))) throw new Stop(pos, 'invalid decimal literal', 'raised');
      } else if (!isDigit(ch)) {
        // '1e' followed by something: the number ends before the 'e'.
        pos = ePos;
        verifyEndOfNumber(src, pos, to, 'decimal');
        return pos;
      }
      decimalTail();
      ch = at(pos);
    }
    if (ch === 106 || ch === 74) {
      pos++;
      verifyEndOfNumber(src, pos, to, 'imaginary');
    } else verifyEndOfNumber(src, pos, to, 'decimal');
    return pos;
  }
}

/** tokenizer.c's verify_end_of_number: a letter right after a number is an error, except the keywords that may follow one. */
function verifyEndOfNumber(src: string, pos: number, to: number, what: string): void {
  const c = pos < to ? src.charCodeAt(pos) : -1;
  const la = (s: string): boolean => src.startsWith(s, pos + 1);
  let r = false;
  if (c === 97) r = la('nd');
  else if (c === 101) r = la('lse');
  else if (c === 102) r = la('or');
  else if (c === 105) {
    const c2 = pos + 1 < to ? src.charCodeAt(pos + 1) : -1;
    r = c2 === 102 || c2 === 110 || c2 === 115;
  } else if (c === 111) r = la('r');
  else if (c === 110) r = la('ot');
  if (r) return;
  if (c !== -1 && isIdChar(c)) throw new Stop(pos, `invalid ${what} literal`, 'raised');
}
