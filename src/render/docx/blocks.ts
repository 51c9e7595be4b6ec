import type { Token, Tokens } from "marked";
import { parseHtmlBlock, type Directive } from "./directives.js";
import { inlinePlainText, renderInline } from "./inline.js";
import { SYMBOL_FONT, space, type Look } from "./look.js";
import type { BlockData, HeadingStyle, ParagraphData, RunData, TableData } from "./model.js";
import type { NumberingRegistry } from "./numbering.js";
import { STYLE } from "./styles.js";
import {
  TABLE_SPACER,
  cardContentWidth,
  renderCard,
  renderCards,
  renderFillLines,
  renderTable,
} from "./table.js";
import { balanceLines, titleRuns } from "./title-lines.js";

/** A body paragraph up to this many characters counts as short: a label or a one-line intro. */
const SHORT_PARAGRAPH = 120;

/**
 * A block while the flow is built. Paragraph options stay editable until the end, so a
 * page break can land on the next block and a list's last item can get the space after the list.
 */
type Block =
  | {
      kind: "paragraph";
      options: ParagraphData;
      /** A short body paragraph: when a list, table or quote follows, it stays with it. */
      introduces?: boolean;
      /** A list item or a quote: what a short paragraph may introduce. */
      follower?: boolean;
    }
  | { kind: "table"; table: TableData };

interface Flow {
  blocks: Block[];
  /** Page breaks asked for before the next block. */
  breakBefore: Set<number>;
}

/** What the Markdown becomes: an optional title page (its own section) and the body. */
export interface BuiltBlocks {
  titlePage: BlockData[] | undefined;
  body: BlockData[];
}

interface Context {
  quote: boolean;
}

const HEADINGS = ["Heading1", "Heading2", "Heading3"] as const satisfies readonly HeadingStyle[];
const CHECKBOX = { open: "☐", done: "☒" } as const;

function emptyFlow(): Flow {
  return { blocks: [], breakBefore: new Set() };
}

/** The text of a block-level token that has inline children, falling back to its decoded text. */
function inlineTokensOf(
  token: Tokens.Paragraph | Tokens.Text | Tokens.Heading | Tokens.Generic,
): Token[] {
  if (token.tokens && token.tokens.length > 0) return token.tokens;
  return [{ type: "text", raw: String(token.text ?? ""), text: String(token.text ?? "") }];
}

/**
 * Walks marked's block tokens and collects the document's paragraphs and tables, applying the
 * layout directives (title page, page breaks, column widths, writing lines).
 */
export class BlockBuilder {
  private readonly body = emptyFlow();
  private title: Flow | undefined;
  private flow: Flow = this.body;
  /** "section": the title page opened the document; "inline": it came later, between page breaks. */
  private titleMode: "section" | "inline" | undefined;
  private titleSeen = false;
  private pendingBreak = false;
  private pendingColumns: number[] | undefined;
  /** Index in the current flow where an open `bijeen` block began. */
  private keepFrom: number | undefined;
  private pendingRowHeight: number | undefined;
  private pendingCards: { columns: number; heightMm: number } | undefined;
  /** While a `kaart` is open: the flow it interrupted, and whether a page break was pending there. */
  private card: { outer: Flow; pendingBreak: boolean } | undefined;

  constructor(
    private readonly look: Look,
    private readonly numbering: NumberingRegistry,
  ) {}

  /** Renders a sequence of block tokens into the current flow. */
  blocks(tokens: readonly Token[], context: Context = { quote: false }): void {
    for (const token of tokens) this.block(token, context);
  }

  /** The finished title page and body. */
  finish(): BuiltBlocks {
    this.endKeep();
    this.endCard();
    return {
      titlePage: this.title ? this.materialize(this.title) : undefined,
      body: this.materialize(this.body),
    };
  }

  private block(token: Token, context: Context): void {
    if (token.type === "space" || token.type === "def") return;
    if (token.type === "html") {
      this.html(String(token.text), context);
      return;
    }
    const columns = this.pendingColumns;
    this.pendingColumns = undefined;
    const rowHeight = this.pendingRowHeight;
    this.pendingRowHeight = undefined;
    const cards = this.pendingCards;
    this.pendingCards = undefined;
    if (cards && token.type === "list") {
      const items = (token as Tokens.List).items.map((item) =>
        item.tokens
          .filter((child) => child.type === "text" || child.type === "paragraph")
          .map((child) => inlineTokensOf(child)),
      );
      this.table(renderCards(items, this.look, cards));
      return;
    }
    switch (token.type) {
      case "heading":
        this.heading(token as Tokens.Heading);
        break;
      case "paragraph":
      case "text":
        this.paragraph(inlineTokensOf(token), context);
        break;
      case "list":
        if (this.titleMode) this.facts(token as Tokens.List);
        else this.list(token as Tokens.List, 0, 0, context);
        break;
      case "table":
        this.table(
          renderTable(
            token as Tokens.Table,
            this.tableLook(),
            columns,
            rowHeight,
            this.keepFrom !== undefined,
          ),
        );
        break;
      case "blockquote":
        this.blocks(token.tokens ?? [], { ...context, quote: true });
        break;
      case "code":
        this.code(String(token.text));
        break;
      case "hr":
        this.rule();
        break;
      default: {
        // Unknown block types from extensions: keep their text rather than lose it.
        const text: unknown = "text" in token ? token.text : undefined;
        if (typeof text === "string" && text.trim() !== "")
          this.paragraph(inlineTokensOf(token), context);
      }
    }
  }

  private html(html: string, context: Context): void {
    const { directives, text } = parseHtmlBlock(html);
    for (const directive of directives) this.directive(directive);
    if (text !== "") this.paragraph([{ type: "text", raw: text, text }], context);
  }

  private directive(directive: Directive): void {
    switch (directive.kind) {
      case "titlePageStart":
        if (this.titleMode) return;
        if (!this.title && this.body.blocks.length === 0) {
          this.title = emptyFlow();
          this.flow = this.title;
          this.titleMode = "section";
        } else {
          this.titleMode = "inline";
          this.pendingBreak = true;
        }
        this.titleSeen = false;
        return;
      case "titlePageEnd":
        this.endTitlePage();
        return;
      case "pageBreak":
        // A title page is one page: a page break also ends one left open, and so does a card.
        if (this.titleMode) this.endTitlePage();
        else {
          this.endCard();
          this.pendingBreak = true;
        }
        return;
      case "cardStart":
        if (this.titleMode) return;
        this.endCard();
        this.card = { outer: this.flow, pendingBreak: this.pendingBreak };
        this.pendingBreak = false;
        this.flow = emptyFlow();
        return;
      case "cardEnd":
        this.endCard();
        return;
      case "columns":
        this.pendingColumns = directive.widths;
        return;
      case "keepStart":
        this.endKeep();
        this.keepFrom = this.flow.blocks.length;
        return;
      case "keepEnd":
        this.endKeep();
        return;
      case "fillLines":
        this.table(renderFillLines(directive.count, this.tableLook()));
        return;
      case "rowHeight":
        this.pendingRowHeight = directive.mm;
        return;
      case "cards":
        this.pendingCards = { columns: directive.columns, heightMm: directive.heightMm };
        return;
    }
  }

  /**
   * Closes a `bijeen` block: every paragraph in it keeps with the next, except the last, so the
   * block moves to a new page as a whole and the text after it is free to go elsewhere.
   */
  private endKeep(): void {
    const from = this.keepFrom;
    this.keepFrom = undefined;
    if (from === undefined) return;
    const blocks = this.flow.blocks;
    for (let i = from; i < blocks.length; i++) {
      const block = blocks[i];
      if (block?.kind !== "paragraph") continue;
      const last = i === blocks.length - 1;
      blocks[i] = {
        ...block,
        options: { ...block.options, keepNext: !last, keepLines: true },
      };
    }
  }

  /** Closes an open card: its content becomes one boxed table in the flow it interrupted. */
  private endCard(): void {
    const card = this.card;
    if (!card) return;
    const content = this.materialize(this.flow);
    this.card = undefined;
    this.flow = card.outer;
    this.pendingBreak = card.pendingBreak;
    this.table(renderCard(content, this.look));
  }

  /** The look for a table: inside a card, the card's narrower content width. */
  private tableLook(): Look {
    return this.card ? { ...this.look, textWidth: cardContentWidth(this.look) } : this.look;
  }

  private endTitlePage(): void {
    if (this.titleMode === "section") {
      // The next section starts on a new page by itself.
      this.flow = this.body;
      this.pendingBreak = false;
    } else if (this.titleMode === "inline") {
      this.pendingBreak = true;
    }
    this.titleMode = undefined;
  }

  private push(block: Block): void {
    const flow = this.flow;
    // A break at the very start of a section would only make an empty page.
    if (this.pendingBreak && flow.blocks.length > 0) flow.breakBefore.add(flow.blocks.length);
    this.pendingBreak = false;
    flow.blocks.push(block);
  }

  private addParagraph(options: Omit<ParagraphData, "type">): void {
    this.push({ kind: "paragraph", options: { type: "p", ...options } });
  }

  private table(table: TableData): void {
    this.push({ kind: "table", table });
  }

  /**
   * A heading's runs: plain text is split into balanced lines with non-breaking hyphens in
   * compounds; a heading with formatting keeps its runs as written.
   */
  private headingRuns(token: Tokens.Heading, sizePt: number, isTitle: boolean): RunData[] {
    const tokens = inlineTokensOf(token);
    const plain = tokens.every((t) => t.type === "text" || t.type === "escape");
    if (!plain) return renderInline(tokens, this.look);
    const text = inlinePlainText(tokens);
    if (text.includes("\n")) return renderInline(tokens, this.look);
    // Titles and chapter headings break well; smaller headings keep Word's own wrapping.
    if (!isTitle && token.depth > 1) return renderInline(tokens, this.look);
    return titleRuns(balanceLines(text, this.look.textWidth, sizePt));
  }

  private heading(token: Tokens.Heading): void {
    const { size } = this.look;
    const isTitle = this.titleMode !== undefined && token.depth === 1 && !this.titleSeen;
    const sizePt = isTitle
      ? size.title
      : token.depth === 1
        ? size.h1
        : token.depth === 2
          ? size.h2
          : size.h3;
    const runs = this.headingRuns(token, sizePt, isTitle);
    if (this.titleMode && token.depth === 1) {
      if (!this.titleSeen) {
        this.titleSeen = true;
        this.addParagraph({
          heading: "Title",
          runs,
          // The title sits about a third down the page, below the logo if there is one.
          ...(this.flow.blocks.length === 0 ? { spacing: { before: space(this.look, 2800) } } : {}),
        });
        return;
      }
      // A second main heading means the closing comment was forgotten: the body has begun.
      this.endTitlePage();
    }
    const level = HEADINGS[Math.min(token.depth, 3) - 1] ?? "Heading3";
    this.addParagraph({ heading: level, runs });
  }

  private paragraph(tokens: readonly Token[], context: Context): void {
    const runs = renderInline(tokens, this.look);
    if (this.titleMode) {
      this.addParagraph({ style: STYLE.subtitle, runs });
      return;
    }
    // "Neem mee:" introduces what follows, and a paragraph in bold only acts as a heading: keep
    // either on the same page as what comes next.
    const introduces =
      inlinePlainText(tokens).trimEnd().endsWith(":") ||
      (tokens.length === 1 && tokens[0]?.type === "strong");
    this.push({
      kind: "paragraph",
      options: {
        type: "p",
        ...(context.quote ? { style: STYLE.quote } : {}),
        ...(introduces ? { keepNext: true } : {}),
        runs,
      },
      introduces: !context.quote && inlinePlainText(tokens).length <= SHORT_PARAGRAPH,
      follower: context.quote,
    });
  }

  /** A list on the title page holds key facts: no bullets, a coloured bar instead. */
  private facts(list: Tokens.List, nested = false): void {
    let first = !nested;
    for (const item of list.items) {
      for (const child of item.tokens) {
        if (child.type === "list") this.facts(child as Tokens.List, true);
        else if (child.type === "text" || child.type === "paragraph") {
          this.addParagraph({
            style: STYLE.fact,
            // Set the facts apart from the subtitle lines above them.
            ...(first ? { spacing: { before: space(this.look, 360) } } : {}),
            runs: renderInline(inlineTokensOf(child), this.look),
          });
          first = false;
        }
      }
    }
  }

  private list(list: Tokens.List, depth: number, orderedDepth: number, context: Context): void {
    const start = this.flow.blocks.length;
    const hasNumbered = list.items.some((item) => !item.task);
    const numbering = !hasNumbered
      ? undefined
      : list.ordered
        ? this.numbering.ordered(orderedDepth, typeof list.start === "number" ? list.start : 1)
        : this.numbering.bullets();
    const level = Math.min(depth, 8);
    const itemAfter = space(this.look, list.loose ? 120 : 60);

    for (const item of list.items) {
      let first = true;
      for (const child of item.tokens) {
        if (child.type === "checkbox") continue;
        if (child.type === "list") {
          this.list(
            child as Tokens.List,
            depth + 1,
            orderedDepth + (list.ordered ? 1 : 0),
            context,
          );
          continue;
        }
        if (child.type !== "text" && child.type !== "paragraph") {
          this.block(child, context);
          continue;
        }
        const runs = renderInline(inlineTokensOf(child), this.look);
        const spacing = { after: itemAfter };
        if (!first) {
          // A further paragraph of the same item lines up with the item's text.
          this.addParagraph({
            style: STYLE.listParagraph,
            indent: { left: this.numbering.indent(level) },
            spacing,
            runs,
          });
        } else if (item.task || !numbering) {
          this.push({
            kind: "paragraph",
            follower: true,
            options: {
              type: "p",
              style: STYLE.listParagraph,
              indent: { left: this.numbering.indent(level), hanging: this.numbering.hanging() },
              spacing,
              runs: [this.checkbox(item.checked === true), ...runs],
            },
          });
        } else {
          this.push({
            kind: "paragraph",
            follower: true,
            options: {
              type: "p",
              style: STYLE.listParagraph,
              numbering: { reference: numbering.reference, level, instance: numbering.instance },
              spacing,
              runs,
            },
          });
        }
        first = false;
      }
    }
    if (depth === 0) this.spaceAfterList(start);
  }

  private checkbox(checked: boolean): RunData {
    return {
      font: SYMBOL_FONT,
      color: this.look.theme.color.heading,
      text: checked ? CHECKBOX.done : CHECKBOX.open,
      tab: true,
    };
  }

  /** Gives the list's last paragraph the body's space after, so the list ends like a paragraph. */
  private spaceAfterList(start: number): void {
    const blocks = this.flow.blocks;
    for (let i = blocks.length - 1; i >= start; i--) {
      const block = blocks[i];
      if (block?.kind !== "paragraph") return;
      blocks[i] = {
        ...block,
        options: {
          ...block.options,
          spacing: { ...block.options.spacing, after: space(this.look, 160) },
        },
      };
      return;
    }
  }

  private code(text: string): void {
    const lines = text.split("\n");
    this.addParagraph({
      style: STYLE.code,
      runs: lines.map((line, i) => (i > 0 ? { text: line, break: true } : { text: line })),
    });
  }

  private rule(): void {
    this.addParagraph({
      spacing: {
        before: space(this.look, 120),
        after: space(this.look, 240),
        line: 120,
        lineRule: "exact",
      },
      border: {
        bottom: { style: "single", size: 6, color: this.look.theme.color.border, space: 1 },
      },
      runs: [],
    });
  }

  private materialize(flow: Flow): BlockData[] {
    const out: BlockData[] = [];
    flow.blocks.forEach((block, index) => {
      const breakBefore = flow.breakBefore.has(index);
      const afterTable = flow.blocks[index - 1]?.kind === "table";
      if (block.kind === "paragraph") {
        let options = block.options;
        // A short paragraph stays with the list, table or quote it introduces.
        const next = flow.blocks[index + 1];
        if (
          block.introduces === true &&
          next !== undefined &&
          !flow.breakBefore.has(index + 1) &&
          (next.kind === "table" || next.follower === true)
        )
          options = { ...options, keepNext: true };
        // A short lead-in between a heading and a deeper one ("Inrichting", a line on what to
        // do, then the first question) belongs to what follows: never alone at a page's foot.
        const previous = flow.blocks[index - 1];
        if (
          block.introduces === true &&
          previous?.kind === "paragraph" &&
          next?.kind === "paragraph" &&
          headingDepth(previous.options.heading) > 0 &&
          headingDepth(previous.options.heading) < headingDepth(next.options.heading) &&
          !flow.breakBefore.has(index + 1)
        )
          options = { ...options, keepNext: true };
        // Tables have no space after them; the next paragraph adds it.
        if (afterTable && options.heading === undefined && options.spacing?.before === undefined) {
          options = { ...options, spacing: { ...options.spacing, before: space(this.look, 200) } };
        }
        out.push(breakBefore ? { ...options, pageBreakBefore: true } : options);
        return;
      }
      if (afterTable && !breakBefore) {
        // Word merges adjacent tables into one; a small empty paragraph keeps them apart.
        out.push({
          type: "p",
          spacing: { before: 0, after: 0, line: TABLE_SPACER, lineRule: "exact" },
          runs: [],
        });
      }
      // A table cannot carry pageBreakBefore: a near-invisible paragraph carries the break.
      if (breakBefore) {
        out.push({
          type: "p",
          spacing: { before: 0, after: 0, line: 20, lineRule: "exact" },
          markSize: 2,
          runs: [{ pageBreak: true }],
        });
      }
      out.push(block.table);
    });
    return out;
  }
}

/** 1 for Heading1 … 6 for Heading6; 0 for no heading. */
function headingDepth(heading: string | undefined): number {
  const depth = /(\d)$/.exec(heading ?? "");
  return depth ? Number(depth[1]) : 0;
}
