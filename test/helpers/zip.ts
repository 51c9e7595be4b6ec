import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";

/** The text parts of an Office file (docx/pptx), by part name. */
export function readParts(source: string | Uint8Array): Record<string, string> {
  const data = typeof source === "string" ? readFileSync(source) : source;
  const parts = unzipSync(data);
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(parts))
    if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(bytes);
  return out;
}

/**
 * All text runs of an XML part, joined; `<w:t>` for docx, `<a:t>` for pptx. A line break inside
 * a paragraph reads as a space, a non-breaking hyphen as "-", as a reader sees them.
 */
export function textOf(xml: string): string {
  return [
    ...xml.matchAll(
      /<(?:w|a):t(?:\s[^>]*)?>([^<]*)<\/(?:w|a):t>|<w:br\s*\/>|<w:noBreakHyphen\s*\/>/g,
    ),
  ]
    .map((m) => (m[1] !== undefined ? m[1] : m[0].startsWith("<w:br") ? " " : "-"))
    .join("")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Paragraph texts of a docx part, one string per paragraph. */
export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
}

/** Slide part names of a pptx in slide order. */
export function slideNames(parts: Record<string, string>): string[] {
  return Object.keys(parts)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
}
