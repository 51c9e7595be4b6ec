import { Packer, type File } from "docx";
import { escapeXml } from "../text.js";

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

/** MS-DOS date and time fields of a zip entry, from the UTC fields so time zones don't matter. */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

/**
 * Sets the modification date of every entry of a zip file in place. The dates sit outside the
 * checksummed data, so rewriting them is safe; it makes the bytes independent of the clock.
 * Leaves the file untouched if it does not look like the plain zip that docx writes.
 */
export function setZipDates(zip: Uint8Array, when: Date): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return;
  const { time, date } = dosDateTime(when);
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > zip.length || view.getUint32(offset, true) !== CENTRAL_ENTRY) return;
    view.setUint16(offset + 12, time, true);
    view.setUint16(offset + 14, date, true);
    const local = view.getUint32(offset + 42, true);
    if (local + 30 <= zip.length && view.getUint32(local, true) === LOCAL_ENTRY) {
      view.setUint16(local + 10, time, true);
      view.setUint16(local + 12, date, true);
    }
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
}

/**
 * Packs the document into .docx bytes. With a creation date the output is reproducible: core
 * properties and zip entry dates come from it instead of the clock.
 */
export async function packDocument(
  doc: File,
  core: Omit<CoreProperties, "created"> & { created?: Date | undefined },
): Promise<Uint8Array> {
  if (!core.created) return Packer.pack(doc, "uint8array");
  const created = core.created;
  const bytes = await Packer.pack(doc, "uint8array", false, [
    {
      path: "docProps/core.xml",
      data: buildCoreXml({ title: core.title, creator: core.creator, created }),
    },
  ]);
  setZipDates(bytes, created);
  return bytes;
}
