import { imageSize } from "image-size";
import type { Logo } from "../render/theme.js";
import { formatBytes } from "./load-file.js";

/**
 * Checks the bytes of a logo before it goes into Word and PowerPoint: a PNG or JPEG (the type
 * from the header, read with `image-size`), of a size both programs open without trouble, and
 * complete (a PNG whose chunks all check out up to IEND; a JPEG that ends its image data with
 * EOI). Pure: bytes in, a logo or a Dutch reason out.
 */

/** The largest logo file idokit accepts. */
export const LOGO_MAX_BYTES = 5 * 1024 * 1024;
/** The largest width and height, in pixels: Word decodes every pixel, whatever size it shows. */
export const LOGO_MAX_PIXELS = 5000;

const NAMES: Record<string, string> = {
  bmp: "een BMP-afbeelding",
  gif: "een GIF-afbeelding",
  heif: "een HEIC-foto (van een iPhone)",
  icns: "een macOS-pictogram",
  ico: "een Windows-pictogram",
  svg: "een SVG-tekening",
  tiff: "een TIFF-afbeelding",
  webp: "een WebP-afbeelding",
  psd: "een Photoshop-bestand",
};

const SAVE_AS = "Sla het logo op als PNG (.png) of JPEG (.jpg).";

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Why a PNG is not complete, or nothing: every chunk fits and has the right CRC, ending in IEND. */
function pngProblem(data: Uint8Array): string | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 8;
  let chunks = 0;
  let hasData = false;
  while (offset + 12 <= data.length) {
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    if (end > data.length) break;
    const type = String.fromCharCode(...data.subarray(offset + 4, offset + 8));
    if (chunks === 0 && type !== "IHDR") return "het PNG-bestand is beschadigd.";
    if (crc32(data.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(end - 4))
      return "het PNG-bestand is beschadigd (een controlegetal klopt niet).";
    if (type === "IDAT") hasData = true;
    if (type === "IEND") return hasData ? undefined : "het PNG-bestand heeft geen beeldgegevens.";
    chunks += 1;
    offset = end;
  }
  return "het PNG-bestand is niet compleet (het houdt halverwege op).";
}

/** Why a JPEG is not complete, or nothing: its segments lead to image data that ends with EOI. */
function jpegProblem(data: Uint8Array): string | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 2;
  while (offset + 4 <= data.length) {
    if (data[offset] !== 0xff) return "het JPEG-bestand is beschadigd.";
    const marker = data[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xda) {
      // Image data follows; it ends with EOI (FF D9), possibly followed by other data.
      for (let i = data.length - 2; i > offset; i--)
        if (data[i] === 0xff && data[i + 1] === 0xd9) return undefined;
      return "het JPEG-bestand is niet compleet (het houdt halverwege op).";
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  return "het JPEG-bestand is niet compleet (het houdt halverwege op).";
}

/**
 * A logo from the bytes of a file, or the Dutch reason it cannot be used; the reason follows the
 * file's name: `"logo.gif" is een GIF-afbeelding. Sla het logo op als …`.
 */
export function checkLogo(
  data: Uint8Array,
): { logo: Logo; error?: undefined } | { error: string; logo?: undefined } {
  if (data.byteLength > LOGO_MAX_BYTES)
    return {
      error: `is ${formatBytes(data.byteLength)}; een logo mag maximaal ${formatBytes(LOGO_MAX_BYTES)} zijn. Sla het kleiner op.`,
    };
  let size: { width?: number | undefined; height?: number | undefined; type?: string | undefined };
  try {
    size = imageSize(data);
  } catch {
    return { error: `is geen PNG- of JPEG-afbeelding. ${SAVE_AS}` };
  }
  const type = size.type === "jpg" ? "jpeg" : size.type;
  if (type !== "png" && type !== "jpeg")
    return { error: `is ${NAMES[size.type ?? ""] ?? "geen PNG- of JPEG-afbeelding"}. ${SAVE_AS}` };
  const { width, height } = size;
  if (!width || !height) return { error: "heeft geen geldige afmetingen." };
  if (width > LOGO_MAX_PIXELS || height > LOGO_MAX_PIXELS)
    return {
      error: `is ${width} × ${height} pixels; een logo mag maximaal ${LOGO_MAX_PIXELS} × ${LOGO_MAX_PIXELS} pixels zijn. Verklein het (1000 pixels breed is ruim genoeg).`,
    };
  const problem = type === "png" ? pngProblem(data) : jpegProblem(data);
  if (problem) return { error: `kan niet worden gebruikt: ${problem}` };
  return { logo: { data, type, width, height } };
}
