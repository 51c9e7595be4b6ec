import type { Token, Tokens } from "marked";
import { MONO_FONT, type Look } from "./look.js";
import type { RunData } from "./model.js";
import { decodeEntities } from "../text.js";

/** Character formatting that nests as the inline tokens nest. */
export interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  color?: string;
  /** Font size in points, when it differs from the paragraph style's. */
  size?: number;
}

/** A piece of text with one format, or a line break. */
type Segment = { text: string; format: RunFormat } | { lineBreak: true; format: RunFormat };

const BREAK_TAG = /^<br\s*\/?>$/i;

/** Marked 18 leaves character references in text undecoded and keeps soft line breaks. */
function textOf(token: Tokens.Text | Tokens.Escape | Tokens.Generic): string {
  if (token.type === "escape") return String(token.text);
  return decodeEntities(String(token.text)).replace(/\s*\n\s*/g, " ");
}

function urlLabel(href: string): string {
  return href
    .replace(/^mailto:/i, "")
    .replace(/^https?:\/\//i, "")
    .replace(/\/$/, "");
}

/** What follows a link's text: its address in parentheses, unless the text already is the address. */
function linkSuffix(token: Tokens.Link | Tokens.Generic): string {
  const href = decodeEntities(String(token.href ?? ""));
  const label = inlinePlainText(token.tokens ?? []);
  // Printed documents lose the link, so the address is spelled out unless the text is it.
  return href !== "" && urlLabel(href) !== urlLabel(label) ? ` (${urlLabel(href)})` : "";
}

function collect(tokens: readonly Token[], look: Look, format: RunFormat, out: Segment[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case "text":
        if ("tokens" in token && token.tokens && token.tokens.length > 0) {
          collect(token.tokens, look, format, out);
        } else {
          out.push({ text: textOf(token), format });
        }
        break;
      case "escape":
        out.push({ text: textOf(token), format });
        break;
      case "strong":
        collect(token.tokens ?? [], look, { ...format, bold: true }, out);
        break;
      case "em":
        collect(token.tokens ?? [], look, { ...format, italics: true }, out);
        break;
      case "del":
        collect(token.tokens ?? [], look, { ...format, strike: true }, out);
        break;
      case "codespan":
        // CommonMark keeps code spans verbatim: no entity decoding.
        out.push({ text: String(token.text), format: { ...format, code: true } });
        break;
      case "br":
        out.push({ lineBreak: true, format });
        break;
      case "link": {
        collect(token.tokens ?? [], look, format, out);
        const suffix = linkSuffix(token);
        if (suffix !== "")
          out.push({ text: suffix, format: { ...format, color: look.theme.color.muted } });
        break;
      }
      case "image":
        // A pure renderer cannot fetch images; the alternative text keeps the meaning.
        out.push({
          text: decodeEntities(String(token.text)),
          format: { ...format, italics: true },
        });
        break;
      case "html":
        if (BREAK_TAG.test(String(token.text).trim())) out.push({ lineBreak: true, format });
        break;
      default:
        // checkbox (handled by the list renderer) and unknown extensions carry no text here.
        break;
    }
  }
}

function sameFormat(a: RunFormat, b: RunFormat): boolean {
  return (
    a.bold === b.bold &&
    a.italics === b.italics &&
    a.strike === b.strike &&
    a.code === b.code &&
    a.color === b.color &&
    a.size === b.size
  );
}

function toRun(text: string, format: RunFormat, lineBreak: boolean): RunData {
  const run: RunData = { text };
  if (lineBreak) run.break = true;
  if (format.bold) run.bold = true;
  if (format.italics) run.italics = true;
  if (format.strike) run.strike = true;
  if (format.code) run.font = MONO_FONT;
  if (format.color) run.color = format.color;
  if (format.size) run.size = Math.round(format.size * 2);
  return run;
}

/**
 * Turns marked's inline tokens into runs. Escapes (`\*`) come out literally, entities are
 * decoded, links keep their text with the address in parentheses, raw HTML tags are dropped
 * (`<br>` becomes a line break). Neighbouring text with the same format becomes one run, which
 * keeps the XML small and words whole for Word's spelling check.
 */
export function renderInline(
  tokens: readonly Token[],
  look: Look,
  format: RunFormat = {},
): RunData[] {
  const segments: Segment[] = [];
  collect(tokens, look, format, segments);
  const runs: RunData[] = [];
  let text = "";
  let current: RunFormat | undefined;
  let breakFirst = false;
  const flush = () => {
    if (current && (text !== "" || breakFirst)) runs.push(toRun(text, current, breakFirst));
    text = "";
    breakFirst = false;
  };
  for (const segment of segments) {
    if ("lineBreak" in segment) {
      flush();
      // The break opens the next run: docx writes <w:br/> before the run's text.
      current = segment.format;
      breakFirst = true;
      continue;
    }
    if (current && !sameFormat(current, segment.format)) flush();
    current = segment.format;
    text += segment.text;
  }
  flush();
  return runs;
}

/** The visible text of inline tokens, used to size table columns and compare link labels. */
export function inlinePlainText(tokens: readonly Token[]): string {
  let text = "";
  for (const token of tokens) {
    if (token.type === "link") {
      text += inlinePlainText(token.tokens ?? []) + linkSuffix(token);
    } else if ("tokens" in token && token.tokens && token.tokens.length > 0) {
      text += inlinePlainText(token.tokens);
    } else if (token.type === "text" || token.type === "escape") {
      text += textOf(token);
    } else if (token.type === "codespan" || token.type === "image") {
      text += String(token.text);
    } else if (
      token.type === "br" ||
      (token.type === "html" && BREAK_TAG.test(String(token.text).trim()))
    ) {
      text += "\n";
    }
  }
  return text;
}
