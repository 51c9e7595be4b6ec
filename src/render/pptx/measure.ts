/**
 * Conservative text measurement. PowerPoint and LibreOffice lay text out themselves and tell us
 * nothing, so we estimate: Arial/Helvetica advance widths per character, greedy word wrap, and a
 * safety margin, so that an estimate that says "fits" really fits.
 */
import type { Run } from "./model.js";

/** Line height as a multiple of the font size: LibreOffice sets Arial at 1.2, PowerPoint close to it. */
export const LINE_HEIGHT = 1.22;
/** Widths are over-estimated by this factor to absorb font substitution and rounding. */
const WIDTH_SAFETY = 1.06;

// Advance widths (1/1000 em) of ASCII 32..126 in Arial (metric-identical to Helvetica and
// Liberation Sans), regular and bold.
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
  611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
  222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
  611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
  278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const PUNCTUATION: Record<string, number> = {
  "\u00A0": 278,
  "\u2013": 556,
  "\u2014": 1000,
  "\u2018": 222,
  "\u2019": 222,
  "\u201C": 333,
  "\u201D": 333,
  "\u201E": 333,
  "\u2022": 350,
  "\u2026": 1000,
  "\u20AC": 556,
  "\u00AB": 556,
  "\u00BB": 556,
  "\u00B0": 400,
  "\u00D7": 584,
};

/** Relative width of common typefaces against Arial; unknown faces are assumed a bit wider. */
const FACE_FACTORS: Record<string, number> = {
  arial: 1,
  helvetica: 1,
  "liberation sans": 1,
  arimo: 1,
  calibri: 1,
  "segoe ui": 1.03,
  tahoma: 1.03,
  "trebuchet ms": 1.03,
  georgia: 1.08,
  verdana: 1.2,
  "times new roman": 1,
};

/** How much wider than Arial a font face sets, for the estimates. */
export function faceFactor(face: string): number {
  return FACE_FACTORS[face.trim().toLowerCase()] ?? 1.12;
}

const EMOJI = /\p{Extended_Pictographic}/u;
const MARK = /\p{M}/u;
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\uFF00-\uFFEF]/u;

/** Advance width of one character in em. */
export function charWidth(ch: string, bold: boolean): number {
  const code = ch.codePointAt(0) ?? 32;
  if (code >= 32 && code <= 126) return ((bold ? BOLD : REGULAR)[code - 32] ?? 600) / 1000;
  const known = PUNCTUATION[ch];
  if (known !== undefined) return known / 1000;
  // Combining marks, zero-width spaces and joiners, variation selectors: no width of their own.
  if (
    MARK.test(ch) ||
    (code >= 0x200b && code <= 0x200f) ||
    code === 0x2060 ||
    (code >= 0xfe00 && code <= 0xfe0f)
  )
    return 0;
  if (EMOJI.test(ch)) return 1.25;
  if (WIDE.test(ch)) return 1;
  // Accented Latin letters are as wide as their base letter.
  const base = ch.normalize("NFD").codePointAt(0) ?? 0;
  if (base >= 65 && base <= 122 && base !== code)
    return charWidth(String.fromCodePoint(base), bold);
  return bold ? 0.68 : 0.64;
}

/** Width of a string in em (the sum of its characters' advance widths). */
function emWidth(text: string, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch, bold);
  return em;
}

/** Inches that `em` takes at a font size in points (with the safety margin). */
function inches(em: number, sizePt: number, factor: number): number {
  return (em * sizePt * factor * WIDTH_SAFETY) / 72;
}

/** Width of a string in inches at a font size in points. */
export function textWidth(text: string, sizePt: number, bold: boolean, factor = 1): number {
  return inches(emWidth(text, bold), sizePt, factor);
}

/** Height of one line in inches. */
export function lineHeight(sizePt: number): number {
  return (sizePt * LINE_HEIGHT) / 72;
}

export interface MeasureStyle {
  sizePt: number;
  /** Every run is bold (headings, table headers). */
  bold?: boolean;
  factor?: number;
}

/** A word or a run of spaces of a run's text, with its width in em once it is asked for. */
interface Piece {
  text: string;
  space: boolean;
  regular?: number;
  bold?: number;
}

/**
 * The pieces of run texts, by text. Fitting measures the same texts over and over (each font size
 * tried, each split searched for); cutting and measuring them once saves most of that. Bounded,
 * so a long batch cannot grow it without end.
 */
const piecesByText = new Map<string, Piece[]>();
const MAX_CACHED_TEXTS = 5_000;

function piecesOf(text: string): Piece[] {
  let pieces = piecesByText.get(text);
  if (pieces) return pieces;
  pieces = [];
  for (const part of text.split(/( +)/))
    if (part !== "") pieces.push({ text: part, space: part.startsWith(" ") });
  if (piecesByText.size >= MAX_CACHED_TEXTS) piecesByText.clear();
  piecesByText.set(text, pieces);
  return pieces;
}

function pieceEm(piece: Piece, bold: boolean): number {
  return bold
    ? (piece.bold ??= emWidth(piece.text, true))
    : (piece.regular ??= emWidth(piece.text, false));
}

// The words of the runs last measured, in scratch arrays reused for every measurement (fitting
// a deck counts lines many thousands of times): width, spaces after it, line break before it.
let wordWidths = new Float64Array(64);
let wordSpaces = new Float64Array(64);
let wordBreaks = new Uint8Array(64);

/**
 * Splits runs into words (a word may span runs, e.g. `**vet**,`) with their widths, into the
 * scratch arrays; returns how many there are.
 */
function measureWords(runs: readonly Run[], style: MeasureStyle): number {
  const factor = style.factor ?? 1;
  let count = 0;
  // Whether the last word can still grow (no space or line break after it yet).
  let growing = false;
  for (const run of runs) {
    const bold = style.bold === true || run.bold;
    if (run.breakBefore) growing = false;
    const pieces = piecesOf(run.text);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const width = inches(pieceEm(piece, bold), style.sizePt, factor);
      const startsLine = i === 0 && run.breakBefore === true;
      if (piece.space) {
        if (growing) wordSpaces[count - 1] = wordSpaces[count - 1]! + width;
        growing = false;
      } else if (growing && !startsLine) {
        wordWidths[count - 1] = wordWidths[count - 1]! + width;
      } else {
        if (count === wordWidths.length) growScratch();
        wordWidths[count] = width;
        wordSpaces[count] = 0;
        wordBreaks[count] = startsLine ? 1 : 0;
        count++;
        growing = true;
      }
    }
  }
  return count;
}

function growScratch(): void {
  const size = wordWidths.length * 2;
  const widths = new Float64Array(size);
  const spaces = new Float64Array(size);
  const breaks = new Uint8Array(size);
  widths.set(wordWidths);
  spaces.set(wordSpaces);
  breaks.set(wordBreaks);
  wordWidths = widths;
  wordSpaces = spaces;
  wordBreaks = breaks;
}

/** Number of lines the runs take in a box of the given width (greedy wrap, like PowerPoint). */
export function countLines(runs: readonly Run[], widthIn: number, style: MeasureStyle): number {
  const words = measureWords(runs, style);
  const max = Math.max(widthIn, 0.1);
  let lines = 1;
  let used = 0;
  let previousSpace = 0;
  for (let i = 0; i < words; i++) {
    const width = wordWidths[i]!;
    if (wordBreaks[i] === 1 && used > 0) {
      lines++;
      used = 0;
    }
    if (used > 0 && used + previousSpace + width <= max) {
      used += previousSpace + width;
    } else {
      if (used > 0) lines++;
      // A word longer than the line is broken at characters.
      const extra = Math.ceil(width / max) - 1;
      lines += Math.max(extra, 0);
      used = width - Math.max(extra, 0) * max;
    }
    previousSpace = wordSpaces[i]!;
  }
  return lines;
}

/** Height in inches of runs wrapped in a box of the given width. */
export function textHeight(runs: readonly Run[], widthIn: number, style: MeasureStyle): number {
  return countLines(runs, widthIn, style) * lineHeight(style.sizePt);
}

/** Width of the widest single word, so a column can be kept from breaking words. */
export function widestWord(runs: readonly Run[], style: MeasureStyle): number {
  const words = measureWords(runs, style);
  let widest = 0;
  for (let i = 0; i < words; i++) widest = Math.max(widest, wordWidths[i]!);
  return widest;
}

/** Width of the runs on one line without wrapping (the longest line when there are breaks). */
export function naturalWidth(runs: readonly Run[], style: MeasureStyle): number {
  let longest = 0;
  let line = 0;
  let previousSpace = 0;
  const words = measureWords(runs, style);
  for (let i = 0; i < words; i++) {
    if (wordBreaks[i] === 1) {
      line = 0;
      previousSpace = 0;
    }
    line += (line > 0 ? previousSpace : 0) + wordWidths[i]!;
    previousSpace = wordSpaces[i]!;
    longest = Math.max(longest, line);
  }
  return longest;
}

/**
 * Splits runs into pieces of at most `maxLines` lines each, at word boundaries, keeping the
 * formatting. Used when a single paragraph or table cell is taller than a whole slide.
 */
export function splitRuns(
  runs: readonly Run[],
  widthIn: number,
  maxLines: number,
  style: MeasureStyle,
): Run[][] {
  const tokens: Run[] = [];
  for (const run of runs) {
    run.text.split(/(?<= )/).forEach((part, i) => {
      if (part)
        tokens.push({
          text: part,
          bold: run.bold,
          italic: run.italic,
          ...(i === 0 && run.breakBefore ? { breakBefore: true } : {}),
        });
    });
  }
  // Binary search for the longest prefix that fits: line count only grows with the prefix.
  const pieces: Run[][] = [];
  let start = 0;
  while (start < tokens.length) {
    const fits = (end: number): boolean => {
      const piece = tokens
        .slice(start, end)
        .map((token, i) => (i === 0 ? { ...token, breakBefore: false } : token));
      return countLines(piece, widthIn, style) <= maxLines;
    };
    let low = start + 1;
    let high = tokens.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(middle)) low = middle;
      else high = middle - 1;
    }
    pieces.push(trimPiece(tokens.slice(start, low)));
    start = low;
  }
  return pieces.filter((piece) => piece.length > 0);
}

function trimPiece(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic && !run.breakBefore)
      last.text += run.text;
    else merged.push({ ...run });
  }
  const lastRun = merged[merged.length - 1];
  if (lastRun) lastRun.text = lastRun.text.replace(/ +$/, "");
  if (merged[0]) delete merged[0].breakBefore;
  return merged.filter((run) => run.text !== "");
}
