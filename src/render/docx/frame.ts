import { Document, type File, type ILevelsOptions } from "docx";
import { compiler } from "./pack.js";

/**
 * The parts of a .docx that the docx library builds, kept for the process: documents that share
 * a look, page header and footer, logo and section layout share every part but word/document.xml
 * (idokit's body in the placeholders), word/numbering.xml (their own lists) and
 * docProps/core.xml (their title). A pack has about eight documents in two or three such frames;
 * without the cache the library would build and write styles, settings, headers and the rest
 * eight times over.
 */

export interface Frame {
  /** Every part the library wrote, word/document.xml with its placeholders. */
  parts: ReadonlyMap<string, string | Uint8Array>;
  /** word/numbering.xml split where the documents' own definitions and lists go. */
  numbering: { head: string; middle: string; tail: string };
  /** Ids the library already gave: its own bullet list's definition and list. */
  abstractCount: number;
  numCount: number;
}

const NUMBERING = "word/numbering.xml";

/** Splits the library's numbering.xml after its last definition and after its last list. */
function splitNumbering(xml: string): Frame["numbering"] & { abstracts: number; nums: number } {
  const afterAbstracts = xml.lastIndexOf("</w:abstractNum>") + "</w:abstractNum>".length;
  const afterNums = xml.lastIndexOf("</w:num>") + "</w:num>".length;
  if (afterAbstracts < 16 || afterNums < afterAbstracts)
    throw new Error(`${NUMBERING}: unexpected layout`);
  return {
    head: xml.slice(0, afterAbstracts),
    middle: xml.slice(afterAbstracts, afterNums),
    tail: xml.slice(afterNums),
    abstracts: xml.split("<w:abstractNum ").length - 1,
    nums: xml.split("<w:num ").length - 1,
  };
}

const frames = new Map<string, Frame>();
/** Enough for the house styles of a batch; the oldest frame goes first. */
const MAX_FRAMES = 32;

/**
 * The frame for `key`, compiled by `build` on first use. The key must name everything the
 * document passed to `build` depends on, except its body and lists.
 */
export function frameFor(key: string, build: () => File): Frame {
  const cached = frames.get(key);
  if (cached) return cached;
  const parts = compiler.compile(build(), undefined, []);
  const numbering = parts.get(NUMBERING);
  if (typeof numbering !== "string") throw new Error(`${NUMBERING} missing`);
  const { head, middle, tail, abstracts, nums } = splitNumbering(numbering);
  const frame: Frame = {
    parts,
    numbering: { head, middle, tail },
    abstractCount: abstracts,
    numCount: nums,
  };
  if (frames.size >= MAX_FRAMES) frames.delete(frames.keys().next().value as string);
  frames.set(key, frame);
  return frame;
}

const ABSTRACT_ID = /^<w:abstractNum w:abstractNumId="\d+"/;
const definitions = new Map<string, string>();

/**
 * A list definition (w:abstractNum) as the library writes it, with `id`; written once per
 * process for each distinct set of levels.
 */
export function abstractNumXml(levels: readonly ILevelsOptions[], id: number): string {
  const key = JSON.stringify(levels);
  let xml = definitions.get(key);
  if (xml === undefined) {
    const doc = new Document({
      sections: [{ children: [] }],
      numbering: { config: [{ reference: "list", levels: [...levels] }] },
    });
    const numbering = compiler.compile(doc, undefined, []).get(NUMBERING);
    if (typeof numbering !== "string") throw new Error(`${NUMBERING} missing`);
    const start = numbering.lastIndexOf("<w:abstractNum ");
    const end = numbering.lastIndexOf("</w:abstractNum>") + "</w:abstractNum>".length;
    xml = numbering.slice(start, end);
    if (!ABSTRACT_ID.test(xml)) throw new Error(`${NUMBERING}: no list definition`);
    definitions.set(key, xml);
  }
  return xml.replace(ABSTRACT_ID, `<w:abstractNum w:abstractNumId="${id}"`);
}

/** A list (w:num) of definition `abstractId` that starts every level afresh, as the library writes it. */
export function numXml(
  numId: number,
  abstractId: number,
  levels: readonly ILevelsOptions[],
): string {
  let xml = `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>`;
  for (const { level, start = 1 } of levels)
    xml += `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${start}"/></w:lvlOverride>`;
  return xml + "</w:num>";
}
