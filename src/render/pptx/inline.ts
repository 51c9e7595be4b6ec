/**
 * marked inline tokens → runs of text with bold/italic. Everything a template value can contain
 * comes out literally: backslash escapes, entities, emoji and accents.
 */
import type { MarkedToken, Token } from "marked";
import type { Run } from "./model.js";
import { decodeEntities } from "../text.js";

/**
 * How a newline inside a paragraph is read: `flow` joins lines with a space (Markdown's soft
 * break), `lines` keeps each source line as its own line (subtitles on title slides).
 */
export type LineMode = "flow" | "lines";

interface Style {
  bold: boolean;
  italic: boolean;
}

type Piece = { text: string; style: Style } | { lineBreak: true };

const PLAIN: Style = { bold: false, italic: false };

/** Converts inline tokens into runs; whitespace is collapsed and each line trimmed. */
export function toRuns(
  tokens: readonly Token[],
  mode: LineMode = "flow",
  style: Style = PLAIN,
): Run[] {
  const pieces: Piece[] = [];
  collect(tokens, style, mode, pieces);
  return normalise(pieces);
}

/** The plain text of runs, lines joined with a space. */
export function runsToText(runs: readonly Run[]): string {
  return runs.map((run, i) => (run.breakBefore && i > 0 ? " " : "") + run.text).join("");
}

/** Splits runs at their line breaks. */
export function splitRunLines(runs: readonly Run[]): Run[][] {
  const lines: Run[][] = [];
  for (const run of runs) {
    if (run.breakBefore || lines.length === 0) lines.push([]);
    lines[lines.length - 1]!.push({ text: run.text, bold: run.bold, italic: run.italic });
  }
  return lines;
}

function collect(tokens: readonly Token[], style: Style, mode: LineMode, out: Piece[]): void {
  for (const token of tokens) collectOne(token as MarkedToken, style, mode, out);
}

function pushText(text: string, style: Style, mode: LineMode, out: Piece[]): void {
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (i > 0) out.push(mode === "lines" ? { lineBreak: true } : { text: " ", style });
    if (line) out.push({ text: line, style });
  });
}

function collectOne(token: MarkedToken, style: Style, mode: LineMode, out: Piece[]): void {
  switch (token.type) {
    case "text":
      if (token.tokens && token.tokens.length > 0) collect(token.tokens, style, mode, out);
      else pushText(decodeEntities(token.text), style, mode, out);
      return;
    case "escape":
      out.push({ text: token.text, style });
      return;
    case "strong":
      collect(token.tokens, { ...style, bold: true }, mode, out);
      return;
    case "em":
      collect(token.tokens, { ...style, italic: true }, mode, out);
      return;
    case "del":
      collect(token.tokens, style, mode, out);
      return;
    case "codespan":
      // Code spans are literal in Markdown: no entity decoding.
      out.push({ text: token.text, style });
      return;
    case "br":
      out.push({ lineBreak: true });
      return;
    case "link": {
      collect(token.tokens, style, mode, out);
      const shown = linkTarget(token.href, token.text);
      if (shown) out.push({ text: ` (${shown})`, style });
      return;
    }
    case "image":
      // A pure renderer cannot fetch images; the alt text keeps the meaning.
      if (token.text) pushText(decodeEntities(token.text), style, mode, out);
      return;
    case "html": {
      const raw = token.text.trim();
      if (/^<!--[\s\S]*-->$/.test(raw)) return;
      if (/^<br\s*\/?>$/i.test(raw)) {
        out.push({ lineBreak: true });
        return;
      }
      // Anything else was typed on purpose (e.g. an unescaped `<Oost>`): show it as written.
      pushText(token.text, style, mode, out);
      return;
    }
    case "checkbox":
      out.push({ text: token.checked ? "\u2611 " : "\u2610 ", style });
      return;
    default: {
      const generic = token as { tokens?: Token[]; text?: unknown };
      if (Array.isArray(generic.tokens)) collect(generic.tokens, style, mode, out);
      else if (typeof generic.text === "string")
        pushText(decodeEntities(generic.text), style, mode, out);
    }
  }
}

/** The address to show after a link's text, or nothing when the text already says it. */
function linkTarget(href: string, text: string): string | undefined {
  const bare = (value: string): string =>
    decodeEntities(value)
      .trim()
      .replace(/^(https?:\/\/|mailto:|tel:)/i, "")
      .replace(/^www\./i, "")
      .replace(/\/$/, "")
      .toLowerCase();
  if (!href || href.startsWith("#")) return undefined;
  if (bare(href) === bare(text)) return undefined;
  return decodeEntities(href).replace(/^mailto:/i, "");
}

/** Whitespace that collapsing changes: anything but a single space. */
const COLLAPSIBLE = /[\t\n\r\f\v]| {2}/;

/** Collapses whitespace, merges equal neighbours, trims every line and drops empty runs. */
function normalise(pieces: readonly Piece[]): Run[] {
  // 1. Group into lines.
  const lines: { text: string; style: Style }[][] = [[]];
  for (const piece of pieces) {
    if ("lineBreak" in piece) lines.push([]);
    else
      lines[lines.length - 1]!.push({
        // Most texts have single spaces only: replacing them with themselves would copy the text.
        text: COLLAPSIBLE.test(piece.text)
          ? piece.text.replace(/[ \t\n\r\f\v]+/g, " ")
          : piece.text,
        style: piece.style,
      });
  }
  // 2. Merge, collapse double spaces across run borders, trim each line.
  const runs: Run[] = [];
  for (const line of lines) {
    const merged: Run[] = [];
    for (const part of line) {
      const last = merged[merged.length - 1];
      if (last && last.bold === part.style.bold && last.italic === part.style.italic)
        last.text += part.text;
      else merged.push({ text: part.text, bold: part.style.bold, italic: part.style.italic });
    }
    for (const run of merged) run.text = run.text.replace(/ {2,}/g, " ");
    for (let i = 1; i < merged.length; i++) {
      if (merged[i - 1]!.text.endsWith(" ")) merged[i]!.text = merged[i]!.text.replace(/^ +/, "");
    }
    if (merged[0]) merged[0].text = merged[0].text.replace(/^ +/, "");
    const lastRun = merged[merged.length - 1];
    if (lastRun) lastRun.text = lastRun.text.replace(/ +$/, "");
    const kept = merged.filter((run) => run.text.length > 0);
    // Empty lines vanish; a line after earlier text starts on a new line.
    kept.forEach((run, i) => {
      if (i === 0 && runs.length > 0) run.breakBefore = true;
      runs.push(run);
    });
  }
  return runs;
}
