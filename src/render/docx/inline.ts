import { TextRun, type IRunOptions, type ParagraphChild } from "docx";
import type { Token, Tokens } from "marked";
import { MONO_FONT, type Look } from "./look.js";
import { decodeEntities } from "./text.js";

/** Character formatting that nests as the inline tokens nest. */
export interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  color?: string;
}

const BREAK_TAG = /^<br\s*\/?>$/i;

/** Marked 18 leaves character references in text undecoded and keeps soft line breaks. */
function textOf(token: Tokens.Text | Tokens.Escape | Tokens.Generic): string {
  if (token.type === "escape") return String(token.text);
  return decodeEntities(String(token.text)).replace(/\s*\n\s*/g, " ");
}

function urlLabel(href: string): string {
  return href.replace(/^mailto:/i, "").replace(/^https?:\/\//i, "").replace(/\/$/, "");
}

/** What follows a link's text: its address in parentheses, unless the text already is the address. */
function linkSuffix(token: Tokens.Link | Tokens.Generic): string {
  const href = decodeEntities(String(token.href ?? ""));
  const label = inlinePlainText(token.tokens ?? []);
  // Printed documents lose the link, so the address is spelled out unless the text is it.
  return href !== "" && urlLabel(href) !== urlLabel(label) ? ` (${urlLabel(href)})` : "";
}

function run(text: string, format: RunFormat, extra: IRunOptions = {}): TextRun {
  return new TextRun({
    text,
    ...(format.bold ? { bold: true } : {}),
    ...(format.italics ? { italics: true } : {}),
    ...(format.strike ? { strike: true } : {}),
    ...(format.code ? { font: MONO_FONT } : {}),
    ...(format.color ? { color: format.color } : {}),
    ...extra,
  });
}

/**
 * Turns marked's inline tokens into Word runs. Escapes (`\*`) come out literally, entities are
 * decoded, links keep their text with the address in parentheses, raw HTML tags are dropped
 * (`<br>` becomes a line break).
 */
export function renderInline(tokens: readonly Token[], look: Look, format: RunFormat = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "text":
        if ("tokens" in token && token.tokens && token.tokens.length > 0) {
          out.push(...renderInline(token.tokens, look, format));
        } else {
          out.push(run(textOf(token), format));
        }
        break;
      case "escape":
        out.push(run(textOf(token), format));
        break;
      case "strong":
        out.push(...renderInline(token.tokens ?? [], look, { ...format, bold: true }));
        break;
      case "em":
        out.push(...renderInline(token.tokens ?? [], look, { ...format, italics: true }));
        break;
      case "del":
        out.push(...renderInline(token.tokens ?? [], look, { ...format, strike: true }));
        break;
      case "codespan":
        // CommonMark keeps code spans verbatim: no entity decoding.
        out.push(run(String(token.text), { ...format, code: true }));
        break;
      case "br":
        out.push(run("", format, { break: 1 }));
        break;
      case "link": {
        out.push(...renderInline(token.tokens ?? [], look, format));
        const suffix = linkSuffix(token);
        if (suffix !== "") out.push(run(suffix, { ...format, color: look.theme.color.muted }));
        break;
      }
      case "image":
        // A pure renderer cannot fetch images; the alternative text keeps the meaning.
        out.push(run(decodeEntities(String(token.text)), { ...format, italics: true }));
        break;
      case "html":
        if (BREAK_TAG.test(String(token.text).trim())) out.push(run("", format, { break: 1 }));
        break;
      default:
        // checkbox (handled by the list renderer) and unknown extensions carry no text here.
        break;
    }
  }
  return out;
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
    } else if (token.type === "br") {
      text += "\n";
    }
  }
  return text;
}
