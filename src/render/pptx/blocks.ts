/**
 * marked block tokens → the blocks a slide body is made of: paragraphs, headings, bullets and
 * tables.
 */
import type { MarkedToken, Token, Tokens } from "marked";
import type { Block, CellAlign, Run } from "./model.js";
import { toRuns } from "./inline.js";
import { decodeEntities } from "../text.js";

/** Converts block tokens into slide blocks. Empty paragraphs and comments disappear. */
export function toBlocks(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) addBlock(token as MarkedToken, blocks, false);
  return blocks;
}

function addBlock(token: MarkedToken, out: Block[], italic: boolean): void {
  switch (token.type) {
    case "paragraph":
      pushParagraph(toRuns(token.tokens, "flow", { bold: false, italic }), out);
      return;
    case "heading": {
      const runs = toRuns(token.tokens);
      if (runs.length > 0) out.push({ kind: "heading", runs });
      return;
    }
    case "list":
      addList(token, 0, out);
      return;
    case "table":
      out.push(toTable(token));
      return;
    case "blockquote":
      for (const inner of token.tokens) addBlock(inner as MarkedToken, out, true);
      return;
    case "code":
      for (const line of token.text.split("\n")) {
        pushParagraph([{ text: line.trim(), bold: false, italic }], out);
      }
      return;
    case "html": {
      const raw = token.text.trim();
      if (/^<!--[\s\S]*-->$/.test(raw)) return;
      pushParagraph([{ text: raw.replace(/\s+/g, " "), bold: false, italic }], out);
      return;
    }
    case "text":
      pushParagraph(
        token.tokens
          ? toRuns(token.tokens, "flow", { bold: false, italic })
          : plain(token.text, italic),
        out,
      );
      return;
    default:
      // space, hr, def: nothing to show.
      return;
  }
}

function plain(text: string, italic = false): Run[] {
  const value = decodeEntities(text).replace(/\s+/g, " ").trim();
  return value ? [{ text: value, bold: false, italic }] : [];
}

function pushParagraph(runs: Run[], out: Block[]): void {
  if (runs.length > 0) out.push({ kind: "paragraph", runs });
}

function addList(list: Tokens.List, depth: number, out: Block[]): void {
  const start = typeof list.start === "number" ? list.start : 1;
  list.items.forEach((item, index) => {
    const runs: Run[] = [];
    const nested: Tokens.List[] = [];
    for (const child of item.tokens as MarkedToken[]) {
      if (child.type === "list") {
        nested.push(child);
        continue;
      }
      const childRuns =
        child.type === "text" || child.type === "paragraph" || child.type === "heading"
          ? child.tokens
            ? toRuns(child.tokens)
            : plain(child.text)
          : child.type === "checkbox"
            ? toRuns([child])
            : child.type === "code"
              ? plain(child.text)
              : [];
      // A second paragraph inside one item continues on a new line of the same bullet.
      if (runs.length > 0 && childRuns[0]) childRuns[0] = { ...childRuns[0], breakBefore: true };
      runs.push(...childRuns);
    }
    if (runs.length > 0) {
      out.push({
        kind: "bullet",
        level: depth === 0 ? 0 : 1,
        ordered: list.ordered,
        number: list.ordered ? start + index : 0,
        runs,
      });
    }
    for (const sub of nested) addList(sub, depth + 1, out);
  });
}

function toTable(table: Tokens.Table): Block {
  const cell = (c: Tokens.TableCell): Run[] => toRuns(c.tokens);
  const align = table.align.map((a): CellAlign => (a === "center" || a === "right" ? a : "left"));
  return {
    kind: "table",
    header: table.header.map(cell),
    rows: table.rows.map((row) => row.map(cell)),
    align,
  };
}
