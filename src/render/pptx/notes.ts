/**
 * Speaker notes: Markdown in, plain text lines out. Presenters read them in the notes pane,
 * where Markdown markers would only be noise.
 */
import type { MarkedToken, Token, Tokens } from "marked";
import { lexMarkdown } from "../markdown.js";
import { runsToText, splitRunLines, toRuns } from "./inline.js";
import { decodeEntities } from "../text.js";

/**
 * Turns notes Markdown into lines: one per paragraph, heading or list item (`• item`,
 * `1. item`, nested items indented), with an empty line between blocks.
 */
export function notesToLines(markdown: string): string[] {
  const tokens = lexMarkdown(markdown);
  const lines: string[] = [];
  for (const token of tokens) {
    const block = blockLines(token as MarkedToken);
    if (block.length === 0) continue;
    if (lines.length > 0) lines.push("");
    lines.push(...block);
  }
  return lines;
}

function inlineText(tokens: readonly Token[] | undefined, fallback: string): string {
  return tokens ? runsToText(toRuns(tokens)) : decodeEntities(fallback).replace(/\s+/g, " ").trim();
}

function blockLines(token: MarkedToken): string[] {
  switch (token.type) {
    case "paragraph":
    case "heading":
    case "text": {
      // Each source line stays a line: authors write notes one thought per line.
      if (!token.tokens)
        return token.text
          .split("\n")
          .map((line) => inlineText(undefined, line))
          .filter(Boolean);
      return splitRunLines(toRuns(token.tokens, "lines")).map((line) => runsToText(line));
    }
    case "list":
      return listLines(token, 0);
    case "blockquote":
      return token.tokens.flatMap((inner) => blockLines(inner as MarkedToken));
    case "code":
      return token.text.split("\n").filter((line) => line.trim() !== "");
    case "table":
      return [token.header, ...token.rows].map((row) =>
        row.map((cell) => inlineText(cell.tokens, cell.text)).join(" | "),
      );
    case "html": {
      const raw = token.text.trim();
      return /^<!--[\s\S]*-->$/.test(raw) || raw === "" ? [] : [raw];
    }
    default:
      return [];
  }
}

function listLines(list: Tokens.List, depth: number): string[] {
  const start = typeof list.start === "number" ? list.start : 1;
  const indent = "    ".repeat(depth);
  const lines: string[] = [];
  list.items.forEach((item, index) => {
    const marker = list.ordered ? `${start + index}.` : depth === 0 ? "\u2022" : "\u2013";
    const own: string[] = [];
    const nested: string[] = [];
    for (const child of item.tokens as MarkedToken[]) {
      if (child.type === "list") nested.push(...listLines(child, depth + 1));
      else own.push(...blockLines(child));
    }
    if (own.length > 0) lines.push(`${indent}${marker} ${own.join(" ")}`);
    lines.push(...nested);
  });
  return lines;
}
