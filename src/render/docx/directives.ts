/**
 * Layout directives: HTML comments in the Markdown that steer the .docx layout, such as
 * `<!-- pagina -->`. Other comments and HTML tags are dropped, keeping only their text.
 */

export type Directive =
  | { kind: "titlePageStart" }
  | { kind: "titlePageEnd" }
  | { kind: "pageBreak" }
  | { kind: "keepStart" }
  | { kind: "keepEnd" }
  | { kind: "cardStart" }
  | { kind: "cardEnd" }
  | { kind: "columns"; widths: number[] }
  | { kind: "fillLines"; count: number }
  | { kind: "rowHeight"; mm: number }
  | { kind: "cards"; columns: number; heightMm: number };

/** The most writing lines one directive may ask for; more is surely a typo. */
export const MAX_FILL_LINES = 60;

const COMMENT = /<!--([\s\S]*?)-->/g;
const DIRECTIVE = /^\s*(\/?)\s*([a-z]+)\s*(?::\s*([\s\S]*?))?\s*$/i;

function toDirective(body: string): Directive | undefined {
  const match = DIRECTIVE.exec(body);
  if (!match) return undefined;
  const [, slash, rawName, argument] = match;
  const name = (rawName ?? "").toLowerCase();
  if (name === "titelpagina") return slash ? { kind: "titlePageEnd" } : { kind: "titlePageStart" };
  if (name === "bijeen") return slash ? { kind: "keepEnd" } : { kind: "keepStart" };
  if (name === "kaart") return slash ? { kind: "cardEnd" } : { kind: "cardStart" };
  if (slash) return undefined;
  if (name === "pagina") return { kind: "pageBreak" };
  if (name === "kolommen") {
    const widths = (argument ?? "")
      .split(/[,;\s]+/)
      .filter((part) => part !== "")
      .map((part) => Number.parseFloat(part.replace("%", "")));
    const valid = widths.length > 0 && widths.every((w) => Number.isFinite(w) && w > 0);
    return valid ? { kind: "columns", widths } : undefined;
  }
  if (name === "invulregels") {
    const count = Number.parseInt(argument ?? "1", 10);
    if (!Number.isFinite(count) || count < 1) return undefined;
    return { kind: "fillLines", count: Math.min(count, MAX_FILL_LINES) };
  }
  if (name === "rijhoogte") {
    const mm = Number.parseFloat(argument ?? "");
    return Number.isFinite(mm) && mm > 0 ? { kind: "rowHeight", mm: Math.min(mm, 200) } : undefined;
  }
  if (name === "kaartjes") {
    const [columns = 2, height = 60] = (argument ?? "")
      .split(/[,;\s]+/)
      .filter((part) => part !== "")
      .map((part) => Number.parseFloat(part));
    if (!(columns >= 1 && columns <= 4 && height > 0)) return undefined;
    return { kind: "cards", columns: Math.round(columns), heightMm: Math.min(height, 250) };
  }
  return undefined;
}

/**
 * Splits a block of raw HTML into the directives its comments hold (in order) and the plain text
 * left after removing comments and tags, so stray HTML never shows up as markup in the document.
 */
export function parseHtmlBlock(html: string): { directives: Directive[]; text: string } {
  const directives: Directive[] = [];
  for (const match of html.matchAll(COMMENT)) {
    const directive = toDirective(match[1] ?? "");
    if (directive) directives.push(directive);
  }
  const text = html
    .replace(COMMENT, "")
    .replace(/<[^>]*>/g, "")
    .trim();
  return { directives, text };
}
