/**
 * Finishing the .pptx package that pptxgenjs wrote: fixes the parts PowerPoint would "repair",
 * writes the speaker notes as real paragraphs, sets the metadata, and zips it all once with
 * deflate (pptxgenjs ignores compression under Node) and fixed dates.
 */
import { escapeXml } from "../text.js";
import { slideAccessibility } from "./accessibility.js";
import { NOTES_PAGE, notesMasterXml, notesSlideXml } from "./notes-master.js";
import type { RenderedDocument } from "../rendered.js";
import type { PackageParts } from "./pptxgenjs.js";
import { zipEntries } from "../zip.js";

export interface PackageInfo {
  /** Speaker notes per slide, in slide order, one entry per line. */
  notes: readonly (readonly string[])[];
  title: string;
  created: Date;
  language: string;
  /** Colour of bullet characters (6-digit hex). */
  bulletColor: string;
}

const CT = "application/vnd.openxmlformats-officedocument";
const PART_TYPES: [RegExp, string][] = [
  [/^ppt\/presentation\.xml$/, `${CT}.presentationml.presentation.main+xml`],
  [/^ppt\/slides\/slide\d+\.xml$/, `${CT}.presentationml.slide+xml`],
  [/^ppt\/slideLayouts\/slideLayout\d+\.xml$/, `${CT}.presentationml.slideLayout+xml`],
  [/^ppt\/slideMasters\/slideMaster\d+\.xml$/, `${CT}.presentationml.slideMaster+xml`],
  [/^ppt\/notesSlides\/notesSlide\d+\.xml$/, `${CT}.presentationml.notesSlide+xml`],
  [/^ppt\/notesMasters\/notesMaster\d+\.xml$/, `${CT}.presentationml.notesMaster+xml`],
  [/^ppt\/theme\/theme\d+\.xml$/, `${CT}.theme+xml`],
  [/^ppt\/presProps\.xml$/, `${CT}.presentationml.presProps+xml`],
  [/^ppt\/viewProps\.xml$/, `${CT}.presentationml.viewProps+xml`],
  [/^ppt\/tableStyles\.xml$/, `${CT}.presentationml.tableStyles+xml`],
  [/^ppt\/charts\/chart\d+\.xml$/, `${CT}.drawingml.chart+xml`],
  [/^docProps\/core\.xml$/, "application/vnd.openxmlformats-package.core-properties+xml"],
  [/^docProps\/app\.xml$/, `${CT}.extended-properties+xml`],
];
const EXTENSION_TYPES: Record<string, string> = {
  xml: "application/xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  png: "image/png",
  jpeg: "image/jpeg",
  jpg: "image/jpeg",
  gif: "image/gif",
  svg: "image/svg+xml",
};
// Already-compressed media are stored, not deflated again.
const STORED_EXTENSIONS = new Set(["png", "jpeg", "jpg", "gif"]);

/** A package's parts: XML as text (encoded once, by the zip), media as bytes. */
type Parts = PackageParts;

/**
 * Rewrites the parts pptxgenjs wrote (see `writeParts`; changed in place) into the finished,
 * deflated package; returns its bytes and parts.
 */
export function finishPackage(parts: Parts, info: PackageInfo): RenderedDocument {
  const edit = (name: string, change: (xml: string) => string): void => {
    const xml = parts.get(name);
    if (typeof xml === "string") parts.set(name, change(xml));
  };

  for (const name of parts.keys()) {
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name))
      edit(name, (xml) => {
        const accessible = slideAccessibility();
        return accessible.finish(fixSlide(xml, info.bulletColor, info.language, accessible.shape));
      });
    if (/^ppt\/(slideMasters|slideLayouts)\/[^/]+\.xml$/.test(name)) edit(name, fixMaster);
  }
  // The notes: master and slides as PowerPoint writes them (see notesMasterXml).
  if (!parts.has("ppt/notesMasters/notesMaster1.xml"))
    throw new Error("pptxgenjs wrote no notes master; cannot add the speaker notes.");
  parts.set("ppt/notesMasters/notesMaster1.xml", notesMasterXml(info.language));
  info.notes.forEach((lines, index) => {
    const name = `ppt/notesSlides/notesSlide${index + 1}.xml`;
    if (!parts.has(name))
      throw new Error(`pptxgenjs wrote no ${name}; cannot add the speaker notes.`);
    parts.set(name, notesSlideXml(index, lines, info.language));
  });
  edit("ppt/presentation.xml", fixPresentation);
  giveNotesMasterItsOwnTheme(parts);
  shareDuplicateMedia(parts);
  parts.set("docProps/core.xml", coreProperties(info));
  edit("docProps/app.xml", (xml) =>
    xml.replace(/<Company>[\s\S]*?<\/Company>/, "<Company></Company>"),
  );
  for (const name of parts.keys()) {
    // pptxgenjs turns invalid numbers into "NaN" attributes; PowerPoint refuses those.
    if (name.endsWith(".xml")) edit(name, (xml) => xml.replace(/="NaN"/g, '="0"'));
  }
  const original = parts.get("[Content_Types].xml");
  parts.set(
    "[Content_Types].xml",
    contentTypes(parts, typeof original === "string" ? original : ""),
  );
  return { data: zip(parts, info.created), parts };
}

/**
 * Repairs what pptxgenjs writes into slides:
 *
 * 1. pptxgenjs writes a <a:pPr> before every run; only the first, at the start, is valid.
 * 2. Bullets in the theme colour.
 * 3. An explicit "no outline" instead of an empty line element.
 * 4. Solid backgrounds need an effect list, as PowerPoint writes them.
 * 5. Shapes without text (bands, lines) get the empty text body PowerPoint gives every shape;
 *    PowerPoint adds it on "repair" otherwise (PptxGenJS #1441).
 * 6. Shape ids must be unique per slide; pptxgenjs numbers tables and the slide number apart.
 *
 * Two passes over the slide, not six: 1–4 touch paragraphs and single elements that never
 * overlap, 5–6 the shapes and the ids in document order. `eachShape`, when given, then sees every
 * repaired shape (`<p:sp>…</p:sp>`) in order and may rewrite it (see slideAccessibility).
 */
export function fixSlide(
  xml: string,
  bulletColor: string,
  language = "nl-NL",
  eachShape?: (shape: string) => string,
): string {
  const bullet = `<a:buClr><a:srgbClr val="${bulletColor}"/></a:buClr><a:buSzPct val="100000"/>`;
  // 2–4, also inside a paragraph once 1 has been done there.
  const fixElement = (element: string, background?: string, backgroundEnd?: string): string => {
    if (background !== undefined) return `${background}<a:effectLst/>${backgroundEnd}`;
    return element.startsWith("<a:buSzPct") ? bullet : "<a:ln><a:noFill/></a:ln>";
  };
  let id = 0;
  const renumber = (): string => `<p:cNvPr id="${++id}"`;
  return xml
    .replace(
      PARAGRAPHS_AND_ELEMENTS,
      (whole, paragraph: string | undefined, background?: string, backgroundEnd?: string) =>
        paragraph === undefined
          ? fixElement(whole, background, backgroundEnd)
          : `<a:p>${keepFirstParagraphProperties(paragraph).replace(ELEMENTS, fixElement)}</a:p>`,
    )
    .replace(SHAPES_AND_IDS, (whole, shape: string | undefined) => {
      if (shape === undefined) return renumber();
      const repaired = (
        shape.includes("<p:txBody>") ? whole : `<p:sp>${shape}${emptyTextBody(language)}</p:sp>`
      ).replace(SHAPE_ID, renumber);
      return eachShape ? eachShape(repaired) : repaired;
    });
}

// fixSlide's first pass: a paragraph (1), a bullet size (2), an empty line element (3), a solid
// background (4); inside a paragraph, 2–4.
const ELEMENT_SOURCE =
  /<a:buSzPct val="100000"\/>|<a:ln><\/a:ln>|<a:ln\/>|(<p:bgPr><a:solidFill>[\s\S]*?<\/a:solidFill>)(<\/p:bgPr>)/
    .source;
const PARAGRAPHS_AND_ELEMENTS = new RegExp(`<a:p>([\\s\\S]*?)<\\/a:p>|${ELEMENT_SOURCE}`, "g");
const ELEMENTS = new RegExp(ELEMENT_SOURCE, "g");
// Its second: a shape (5, and the ids inside it) or an id outside shapes (6).
const SHAPES_AND_IDS = /<p:sp>([\s\S]*?)<\/p:sp>|<p:cNvPr id="\d+"/g;
const SHAPE_ID = /<p:cNvPr id="\d+"/g;

function emptyTextBody(language: string): string {
  return `<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:endParaRPr lang="${language}" dirty="0"/></a:p></p:txBody>`;
}

/** The slide master and layout: a slide number field shows "‹#›" there, not "null". */
function fixMaster(xml: string): string {
  return xml.replace(
    /(<a:fld [^>]*type="slidenum"[^>]*>[\s\S]*?<a:t>)null(<\/a:t>)/g,
    "$1\u2039#\u203A$2",
  );
}

/**
 * presentation.xml in the order of the schema, as PowerPoint writes it (notes master list before
 * the slide list), with PowerPoint's notes page: portrait 7.5 × 10 inch. pptxgenjs puts the
 * notes master list after the slides and makes the notes page as tall as the slide is wide.
 */
export function fixPresentation(xml: string): string {
  const list = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(xml)?.[0];
  let out = xml;
  if (list && out.indexOf(list) > out.indexOf("<p:sldIdLst>") && out.includes("<p:sldIdLst>")) {
    out = out.replace(list, "");
    out = out.replace("<p:sldIdLst>", () => `${list}<p:sldIdLst>`);
  }
  return out.replace(
    /<p:notesSz cx="\d+" cy="\d+"\/>/,
    `<p:notesSz cx="${NOTES_PAGE.cx}" cy="${NOTES_PAGE.cy}"/>`,
  );
}

function keepFirstParagraphProperties(inner: string): string {
  const content = inner.search(/<a:(r|br|fld)\b/);
  if (content === -1) return inner;
  const head = inner.slice(0, content);
  const tail = inner
    .slice(content)
    .replace(/<a:pPr\b[^>]*\/>/g, "")
    .replace(/<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g, "");
  return head + tail;
}

/** PowerPoint expects every master to own a theme; pptxgenjs lets the notes master borrow one. */
function giveNotesMasterItsOwnTheme(parts: Parts): void {
  const relsName = "ppt/notesMasters/_rels/notesMaster1.xml.rels";
  const xml = parts.get(relsName);
  const theme = parts.get("ppt/theme/theme1.xml");
  if (typeof xml !== "string" || !theme || parts.has("ppt/theme/theme2.xml")) return;
  if (!xml.includes("../theme/theme1.xml")) return;
  parts.set("ppt/theme/theme2.xml", theme);
  parts.set(relsName, xml.replace("../theme/theme1.xml", "../theme/theme2.xml"));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * pptxgenjs stores the logo once per slide; keep one copy and point every slide at it, so a
 * 20-slide deck does not carry the logo 20 times.
 */
function shareDuplicateMedia(parts: Parts): void {
  const kept: string[] = [];
  const renamed = new Map<string, string>();
  for (const [name, data] of parts) {
    if (!name.startsWith("ppt/media/") || typeof data === "string") continue;
    const original = kept.find((other) => sameBytes(parts.get(other) as Uint8Array, data));
    if (original) renamed.set(name.slice("ppt/".length), original.slice("ppt/".length));
    else kept.push(name);
  }
  if (renamed.size === 0) return;
  for (const duplicate of renamed.keys()) parts.delete(`ppt/${duplicate}`);
  for (const [name, xml] of parts) {
    if (!name.endsWith(".rels") || typeof xml !== "string") continue;
    const updated = xml.replace(/Target="\.\.\/(media\/[^"]+)"/g, (whole, target: string) => {
      const to = renamed.get(target);
      return to ? `Target="../${to}"` : whole;
    });
    if (updated !== xml) parts.set(name, updated);
  }
}

function coreProperties(info: PackageInfo): string {
  const when = info.created.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(info.title)}</dc:title>` +
    "<dc:creator>idokit</dc:creator>" +
    "<cp:lastModifiedBy>idokit</cp:lastModifiedBy>" +
    "<cp:revision>1</cp:revision>" +
    `<dc:language>${escapeXml(info.language)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/**
 * Builds [Content_Types].xml from the parts actually present: a Default per extension in use
 * and an Override per known part (pptxgenjs lists slide masters that do not exist).
 */
export function contentTypes(parts: ReadonlyMap<string, unknown>, original: string): string {
  const originalOverrides = new Map<string, string>();
  for (const match of original.matchAll(
    /<Override\s+PartName="\/([^"]+)"\s+ContentType="([^"]+)"\s*\/>/g,
  )) {
    originalOverrides.set(match[1]!, match[2]!);
  }
  const extensions = new Set(["rels", "xml"]);
  const overrides: string[] = [];
  for (const name of parts.keys()) {
    if (name === "[Content_Types].xml") continue;
    const extension = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    const known =
      PART_TYPES.find(([pattern]) => pattern.test(name))?.[1] ?? originalOverrides.get(name);
    if (known) overrides.push(`<Override PartName="/${escapeXml(name)}" ContentType="${known}"/>`);
    else if (EXTENSION_TYPES[extension]) extensions.add(extension);
  }
  const defaults = [...extensions]
    .filter((extension) => EXTENSION_TYPES[extension])
    .map(
      (extension) =>
        `<Default Extension="${extension}" ContentType="${EXTENSION_TYPES[extension]}"/>`,
    );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    defaults.join("") +
    overrides.join("") +
    "</Types>"
  );
}

function zip(parts: ReadonlyMap<string, string | Uint8Array>, created: Date): Uint8Array {
  // [Content_Types].xml and the package relationships first, as Office itself writes them.
  const first = ["[Content_Types].xml", "_rels/.rels"];
  const names = [
    ...first.filter((name) => parts.has(name)),
    ...[...parts.keys()].filter((name) => !first.includes(name)),
  ];
  // Deflated with Node's zlib at level 1 (fast, files about the size level 6 gives), every entry
  // dated from the pack's timestamp (UTC fields, so the time zone cannot matter).
  return zipEntries(
    names.map((name) => [name, parts.get(name)!] as const),
    {
      date: created,
      stored: (name) => STORED_EXTENSIONS.has(name.slice(name.lastIndexOf(".") + 1).toLowerCase()),
    },
  );
}
