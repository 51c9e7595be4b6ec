import { Lexer, type Token } from "marked";

/**
 * marked's lexer (GitHub-flavoured), with what repeats lexed once per process. Most of a pack's
 * Markdown is the same from pack to pack (a template's fixed text, the casus texts); only the
 * answers differ. The Markdown is cut where a heading or a comment line starts after an empty
 * line (nothing before such a line can reach past it), each part is lexed alone, and a part met
 * again is not lexed again. The tokens are the ones lexing the whole gives (a test compares them
 * for every built-in document and for generated Markdown); Markdown where a part could depend on
 * another (link reference definitions, fenced code, raw HTML blocks, multi-line comments, inline
 * `<a>` tags) is lexed as a whole.
 *
 * The tokens are shared between the documents that hold the same part: read them, never change
 * them. The list itself is new on every call (a slide takes its title out of it).
 */
export function lexMarkdown(markdown: string): Token[] {
  const source = markdown.replace(/\r\n?/g, "\n");
  if (UNSAFE.test(source)) return lexWhole(source);
  const tokens: Token[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (;;) {
    const match = BOUNDARY.exec(source);
    const end = match ? match.index + 2 : source.length;
    if (end > start) {
      const part = partTokens(source.slice(start, end));
      if (!part) return lexWhole(source);
      for (const token of part) tokens.push(token);
    }
    if (!match) break;
    start = end;
  }
  return tokens;
}

/** An empty line, then a line that starts a heading or a comment: the cut is after the newlines. */
const BOUNDARY = /\n\n(?=#|<!--)/g;

/**
 * What can reach across an empty line or from one part into another: fenced code, HTML blocks
 * that end only at their closing tag (script, pre, style, textarea, `<?`, `<!X`, CDATA), a
 * comment whose line does not close it, link reference definitions and inline `<a>` tags.
 */
const UNSAFE =
  /^ {0,3}(?:```|~~~)|<(?:script|pre|style|textarea)|<\?|<![A-Za-z[]|<!--(?![^\n]*-->)|^ {0,3}\[[^\]\n]*\]:|<a[\s>/]/im;

function lexWhole(source: string): Token[] {
  return new Lexer({ gfm: true }).lex(source);
}

/** Parts lexed once: their tokens, by their text. */
const known = new Map<string, Token[]>();
let knownChars = 0;
/** At most this many characters of Markdown are kept with their tokens (some MB of tokens). */
const KNOWN_LIMIT = 400_000;
/** Parts seen once (copies); a part is kept when it comes back. Cleared when it grows large. */
const seenOnce = new Set<string>();
let seenChars = 0;

/** A part's tokens, or undefined when the part defines link references (lex the whole then). */
function partTokens(part: string): Token[] | undefined {
  const cached = known.get(part);
  if (cached) {
    // Most recently used last: evicted last.
    known.delete(part);
    known.set(part, cached);
    return cached;
  }
  const keep = seenOnce.has(part);
  // A copy of the part's text, so what is kept (and the tokens, slices of it) holds no other
  // text of the document.
  const text = keep ? copy(part) : part;
  const lexed = new Lexer({ gfm: true }).lex(text);
  if (Object.keys(lexed.links).length > 0) return undefined;
  if (!keep) {
    if (seenChars + part.length > KNOWN_LIMIT) {
      seenOnce.clear();
      seenChars = 0;
    }
    seenOnce.add(copy(part));
    seenChars += part.length;
    return lexed;
  }
  seenOnce.delete(part);
  seenChars -= part.length;
  const tokens: Token[] = [...lexed];
  known.set(text, tokens);
  knownChars += text.length;
  for (const old of known.keys()) {
    if (knownChars <= KNOWN_LIMIT) break;
    known.delete(old);
    knownChars -= old.length;
  }
  return tokens;
}

/** The same text in a string of its own (a slice keeps the whole string it was cut from alive). */
function copy(text: string): string {
  return (" " + text).slice(1);
}
