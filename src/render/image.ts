import type { Logo } from "./theme.js";

/**
 * Recognises a PNG or JPEG by its bytes and reads its pixel size from the header, so the logo
 * keeps its aspect ratio. Returns a Dutch reason when the bytes are not a usable image.
 */
export function toLogo(
  data: Uint8Array,
): { logo: Logo; error?: undefined } | { error: string; logo?: undefined } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const isPng =
    data.length > 24 &&
    data[0] === 0x89 &&
    data[1] === 0x50 &&
    data[2] === 0x4e &&
    data[3] === 0x47;
  if (isPng) {
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    if (width === 0 || height === 0)
      return { error: "het PNG-bestand heeft geen geldige afmetingen." };
    return { logo: { data, type: "png", width, height } };
  }
  const isJpeg = data.length > 4 && data[0] === 0xff && data[1] === 0xd8;
  if (isJpeg) {
    let offset = 2;
    while (offset + 9 < data.length) {
      if (data[offset] !== 0xff) return { error: "het JPEG-bestand is beschadigd." };
      const marker = data[offset + 1]!;
      const length = view.getUint16(offset + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (
        marker >= 0xc0 &&
        marker <= 0xcf &&
        marker !== 0xc4 &&
        marker !== 0xc8 &&
        marker !== 0xcc
      ) {
        const height = view.getUint16(offset + 5);
        const width = view.getUint16(offset + 7);
        if (width === 0 || height === 0)
          return { error: "het JPEG-bestand heeft geen geldige afmetingen." };
        return { logo: { data, type: "jpeg", width, height } };
      }
      offset += 2 + length;
    }
    return { error: "het JPEG-bestand is beschadigd (geen afmetingen gevonden)." };
  }
  return { error: "is geen PNG- of JPEG-afbeelding. Sla het logo op als .png of .jpg." };
}
