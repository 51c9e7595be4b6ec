/**
 * A real, decodable baseline JPEG of any size, built here so tests need no binary fixture: one
 * grey channel, every 8×8 block the same mid grey. Its Huffman tables hold one code each (DC
 * difference 0, end of block), so each block takes two bits of image data.
 */
export function greyJpeg(width: number, height: number): Uint8Array {
  const segment = (marker: number, body: number[]): number[] => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  const oneCode = (tableClass: number): number[] => [
    (tableClass << 4) | 0,
    1,
    ...new Array<number>(15).fill(0),
    0x00,
  ];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 2;
  const scan = new Array<number>(Math.ceil(bits / 8)).fill(0);
  // Pad the last byte with 1-bits, as the standard asks.
  const padding = scan.length * 8 - bits;
  if (padding > 0) scan[scan.length - 1] = (1 << padding) - 1;
  return new Uint8Array([
    0xff,
    0xd8,
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, oneCode(0)),
    ...segment(0xc4, oneCode(1)),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    0xff,
    0xd9,
  ]);
}
