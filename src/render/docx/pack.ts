import { Packer, type File } from "docx";
import { escapeXml } from "../text.js";
import { zipEntries } from "../zip.js";

/** The properties written to docProps/core.xml. */
export interface CoreProperties {
  title: string;
  creator: string;
  created: Date;
}

/** W3C date-time without milliseconds, as Word writes it. */
function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** docProps/core.xml with fixed dates, replacing the one docx stamps with the current time. */
export function buildCoreXml({ title, creator, created }: CoreProperties): string {
  const when = w3cDate(created);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    `<dc:creator>${escapeXml(creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(creator)}</cp:lastModifiedBy>` +
    "<cp:revision>1</cp:revision>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/**
 * The docx library's compiler: the package's parts (paths and XML or bytes) in the order Word
 * writes them. \`Packer.pack\` zips them with a JavaScript deflate; idokit zips them with Node's
 * own (src/render/zip.ts), which is several times faster. Not in the library's typings.
 */
interface Compiler {
  compile(
    file: File,
    prettify: undefined,
    overrides: { path: string; data: string }[],
  ): Map<string, string | Uint8Array>;
}
export const compiler = (Packer as unknown as { compiler: Compiler }).compiler;

// Already-compressed media are stored, not deflated again.
const STORED = /\.(png|jpe?g|gif)$/i;

/** Zips a document's parts, with `date` on every entry. */
export function zipParts(parts: ReadonlyMap<string, string | Uint8Array>, date: Date): Uint8Array {
  return zipEntries(parts, { date, stored: (path) => STORED.test(path) });
}
