/**
 * Slide Markdown → slide sources: split at `---`, read the layout comment, the title, the body
 * and the speaker notes after `???`.
 */
import type { MarkedToken, Token } from "marked";
import { lexMarkdown } from "../markdown.js";
import type { Problem } from "../../errors.js";
import { InputError } from "../../errors.js";
import { toBlocks } from "./blocks.js";
import { runsToText, splitRunLines, toRuns } from "./inline.js";
import {
  LAYOUT_NAMES,
  type Block,
  type Column,
  type LayoutName,
  type Run,
  type SlideSource,
} from "./model.js";
import { notesToLines } from "./notes.js";
import { stripControlCharacters } from "../text.js";

const SLIDE_SEPARATOR = /^---[ \t]*$/;
const NOTES_SEPARATOR = /^\?\?\?[ \t]*$/;
const COLUMN_SEPARATOR = /^\|\|\|[ \t]*$/;
const LAYOUT_COMMENT = /^<!--\s*layout\s*:\s*([^\s]*)\s*-->[ \t]*$/i;

/**
 * Parses a whole deck. Throws an InputError listing every slide with an unknown layout.
 */
export function parseSlides(markdown: string): SlideSource[] {
  const chunks = splitSlides(stripControlCharacters(markdown));
  const problems: Problem[] = [];
  const slides: SlideSource[] = [];
  chunks.forEach((chunk, index) => {
    const position = index + 1;
    const { layout, body, notes, problem } = readChunk(chunk, position);
    if (problem) problems.push(problem);
    slides.push(parseSlide(position, layout, body, notes));
  });
  if (problems.length > 0) {
    throw new InputError("De dia-opmaak bevat een onbekende indeling.", {
      problems,
      hint: `Gebruik een van: ${LAYOUT_NAMES.join(", ")}.`,
    });
  }
  return slides;
}

/** Splits Markdown into slide chunks at lines that are exactly `---`; blank chunks are dropped. */
export function splitSlides(markdown: string): string[] {
  const chunks: string[][] = [[]];
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    // A `---` inside a fenced code block is content, not a separator.
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker[0]!.repeat(marker.length);
      else if (marker.startsWith(fence)) fence = undefined;
    }
    if (fence === undefined && SLIDE_SEPARATOR.test(line)) chunks.push([]);
    else chunks[chunks.length - 1]!.push(line);
  }
  return chunks.map((lines) => lines.join("\n")).filter((chunk) => chunk.trim() !== "");
}

function readChunk(
  chunk: string,
  position: number,
): { layout: LayoutName; body: string; notes: string; problem?: Problem } {
  const lines = chunk.split("\n");
  const notesAt = lines.findIndex((line) => NOTES_SEPARATOR.test(line));
  const bodyLines = notesAt === -1 ? lines : lines.slice(0, notesAt);
  const notes = notesAt === -1 ? "" : lines.slice(notesAt + 1).join("\n");
  const first = bodyLines.findIndex((line) => line.trim() !== "");
  const match = first === -1 ? null : LAYOUT_COMMENT.exec(bodyLines[first]!.trim());
  if (!match) return { layout: "opsomming", body: bodyLines.join("\n"), notes };
  const name = match[1]!.toLowerCase();
  const body = bodyLines.slice(first + 1).join("\n");
  if ((LAYOUT_NAMES as readonly string[]).includes(name))
    return { layout: name as LayoutName, body, notes };
  return {
    layout: "opsomming",
    body,
    notes,
    problem: { where: `dia ${position}`, message: `Onbekende indeling "${match[1]}".` },
  };
}

/** Removes the first level-1 heading from the tokens and returns its runs. */
function takeTitle(tokens: Token[]): Run[] {
  const at = tokens.findIndex(
    (t) => t.type === "heading" && (t as MarkedToken & { depth: number }).depth === 1,
  );
  if (at === -1) return [];
  const [heading] = tokens.splice(at, 1);
  return toRuns((heading as { tokens: Token[] }).tokens);
}

function parseSlide(
  position: number,
  layout: LayoutName,
  body: string,
  notes: string,
): SlideSource {
  const slide: SlideSource = {
    position,
    layout,
    title: [],
    subtitle: [],
    blocks: [],
    columns: undefined,
    quote: undefined,
    notes: notesToLines(notes),
  };
  if (layout === "twee-kolommen") {
    const lines = body.split("\n");
    const split = lines.findIndex((line) => COLUMN_SEPARATOR.test(line));
    const leftTokens = lexMarkdown(split === -1 ? body : lines.slice(0, split).join("\n"));
    const rightTokens = split === -1 ? [] : lexMarkdown(lines.slice(split + 1).join("\n"));
    slide.title = takeTitle(leftTokens);
    slide.columns = [toColumn(leftTokens), toColumn(rightTokens)];
    return slide;
  }
  const tokens = lexMarkdown(body);
  slide.title = takeTitle(tokens);
  if (layout === "titel" || layout === "sectie") {
    slide.subtitle = subtitleLines(tokens);
  } else if (layout === "citaat") {
    slide.quote = toQuote(tokens);
  } else {
    slide.blocks = toBlocks(tokens);
  }
  return slide;
}

function toColumn(tokens: Token[]): Column {
  const firstContent = tokens.findIndex((t) => t.type !== "space");
  const first = tokens[firstContent];
  let heading: Run[] | undefined;
  if (first && first.type === "heading") {
    heading = toRuns((first as { tokens: Token[] }).tokens);
    tokens.splice(firstContent, 1);
  }
  return { heading: heading && heading.length > 0 ? heading : undefined, blocks: toBlocks(tokens) };
}

/** Every source line of the remaining blocks becomes one subtitle line. */
function subtitleLines(tokens: Token[]): Run[][] {
  const lines: Run[][] = [];
  for (const token of tokens as MarkedToken[]) {
    if (token.type === "paragraph" || token.type === "heading") {
      lines.push(...splitRunLines(toRuns(token.tokens, "lines")));
    } else {
      lines.push(...toBlocks([token]).flatMap(blockLines));
    }
  }
  return lines.filter((line) => line.length > 0);
}

function blockLines(block: Block): Run[][] {
  if (block.kind === "table") {
    return [block.header, ...block.rows].map((row) => [
      { text: row.map((cell) => runsToText(cell)).join(" \u2013 "), bold: false, italic: false },
    ]);
  }
  return splitRunLines(block.runs);
}

/**
 * The quote is the first blockquote (or, without one, the first paragraph); the attribution is
 * what follows, with a leading dash removed (the layout adds its own).
 */
function toQuote(tokens: Token[]): { blocks: Block[]; attribution: Run[][] } {
  const content = tokens.filter((t) => t.type !== "space");
  const quoteAt = content.findIndex((t) => t.type === "blockquote");
  const at = quoteAt === -1 ? content.findIndex((t) => t.type === "paragraph") : quoteAt;
  if (at === -1) return { blocks: [], attribution: [] };
  const quoteToken = content[at] as MarkedToken;
  const quoteTokens = quoteToken.type === "blockquote" ? quoteToken.tokens : [quoteToken];
  const blocks = toBlocks(quoteTokens).map((block) =>
    block.kind === "table"
      ? block
      : { ...block, runs: block.runs.map((run) => ({ ...run, italic: false })) },
  );
  const rest = [...content.slice(0, at), ...content.slice(at + 1)];
  const attribution = toBlocks(rest)
    .flatMap(blockLines)
    .map((line) => stripLeadingDash(line))
    .filter((line) => line.length > 0);
  return { blocks, attribution };
}

function stripLeadingDash(line: Run[]): Run[] {
  const [first, ...others] = line;
  if (!first) return line;
  const text = first.text.replace(/^\s*(\u2014|\u2013|--?)\s*/, "");
  return text ? [{ ...first, text }, ...others] : others;
}
