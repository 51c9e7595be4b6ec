import zlib from "node:zlib";
import { dosDateTime } from "./zip-dates.js";

/**
 * Writes a zip file (an Office package) with Node's own zlib: raw DEFLATE at level 1, native and
 * several times faster than a JavaScript deflate, for files about the same size (Office files are
 * mostly repetitive XML). Every entry carries the one date given, from its UTC fields, so the
 * bytes are the same in every time zone (see src/pack/timestamp.ts for where the date comes from).
 * A plain zip as Office writes it: no zip64, no extra fields, no data descriptors.
 */

/** One file of the package: its path in the zip and its content (a string is written as UTF-8). */
export type ZipEntry = readonly [path: string, data: string | Uint8Array];

export interface ZipOptions {
  /** The modification date of every entry. */
  date: Date;
  /** Entries stored as they are, not deflated (already-compressed media); by path. */
  stored?: (path: string) => boolean;
  /** zlib's level, 1 (fastest, the default) to 9. */
  level?: number;
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const UTF8_NAMES = 0x0800;
const VERSION = 20; // 2.0: DEFLATE

const encoder = new TextEncoder();

/** CRC-32 of a buffer: zlib's own where Node has it (20.15 and later), else a table. */
const crc32: (data: Uint8Array) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function"
    ? (data) => (zlib as unknown as { crc32(data: Uint8Array): number }).crc32(data)
    : tableCrc32;

let table: Int32Array | undefined;
export function tableCrc32(data: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** An entry's content as it goes into the zip: CRC and size of the original, and its data. */
interface Packed {
  crc: number;
  size: number;
  /** 8: `data` is deflated at `level`; 0: stored. */
  method: number;
  level: number;
  data: Uint8Array;
}

/**
 * Parts that come back unchanged from package to package (a document's styles, settings and
 * fonts, a presentation's masters, layouts and theme: about half of a pack's XML) are encoded and
 * deflated once per process: the same text deflated at the same level gives the same bytes. A
 * text is kept only when it has been zipped twice (the first time only its CRC and length are
 * noted), and at most MEMO_LIMIT characters are kept, the least recently used going first, so a
 * long batch holds what repeats and nothing else. Keyed by the text itself: a hit is an exact
 * match, never a guess.
 */
const memo = new Map<string, Packed>();
let memoChars = 0;
const MEMO_LIMIT = 4_000_000;
/** `crc:size` of texts zipped once, to recognise the second time; cleared when it grows large. */
const seenOnce = new Set<string>();
const SEEN_LIMIT = 10_000;

function remember(text: string, packed: Packed): void {
  const fingerprint = `${packed.crc}:${packed.size}`;
  if (!seenOnce.has(fingerprint)) {
    if (seenOnce.size >= SEEN_LIMIT) seenOnce.clear();
    seenOnce.add(fingerprint);
    return;
  }
  seenOnce.delete(fingerprint);
  if (!memo.has(text)) memoChars += text.length;
  // zlib hands back a view of a larger chunk (16 KiB or more): keep a copy of only the bytes
  // (Buffer.slice would be a view too).
  memo.set(text, { ...packed, data: new Uint8Array(packed.data) });
  for (const old of memo.keys()) {
    if (memoChars <= MEMO_LIMIT) break;
    memo.delete(old);
    memoChars -= old.length;
  }
}

/**
 * What the memo holds now: the characters of its texts and the bytes of memory behind their
 * zipped data (for tests and diagnostics).
 */
export function memoFootprint(): { entries: number; chars: number; bytes: number } {
  let bytes = 0;
  for (const packed of memo.values()) bytes += packed.data.buffer.byteLength;
  return { entries: memo.size, chars: memoChars, bytes };
}

function pack(content: string | Uint8Array, store: boolean, level: number): Packed {
  const text = typeof content === "string" && !store ? content : undefined;
  if (text !== undefined) {
    const known = memo.get(text);
    if (known && known.level === level) {
      // Most recently used last: evicted last.
      memo.delete(text);
      memo.set(text, known);
      return known;
    }
  }
  const raw = typeof content === "string" ? encoder.encode(content) : content;
  const packed: Packed = {
    crc: crc32(raw),
    size: raw.length,
    method: store ? 0 : 8,
    level,
    data: store ? raw : zlib.deflateRawSync(raw, { level }),
  };
  if (text !== undefined) remember(text, packed);
  return packed;
}

/** Zips the entries in the order given; a path given twice is refused. */
export function zipEntries(entries: Iterable<ZipEntry>, options: ZipOptions): Uint8Array {
  const { time, date } = dosDateTime(options.date);
  const level = options.level ?? 1;
  const files: {
    name: Uint8Array;
    flags: number;
    method: number;
    crc: number;
    size: number;
    data: Uint8Array;
    offset: number;
  }[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const [path, content] of entries) {
    if (seen.has(path)) throw new Error(`zip: ${path} is given twice`);
    seen.add(path);
    const { crc, size, method, data } = pack(content, options.stored?.(path) ?? false, level);
    const name = encoder.encode(path);
    const flags = /[^\x20-\x7e]/.test(path) ? UTF8_NAMES : 0;
    files.push({ name, flags, method, crc, size, data, offset });
    offset += LOCAL_HEADER + name.length + data.length;
  }
  const centralSize = files.reduce((sum, f) => sum + CENTRAL_HEADER + f.name.length, 0);
  if (files.length > 0xffff || offset > 0xffffffff || offset + centralSize > 0xffffffff)
    throw new Error("zip: too large for a plain zip file");

  const out = new Uint8Array(offset + centralSize + END_RECORD);
  const view = new DataView(out.buffer);
  let at = 0;
  // From "flags" to "name length" both headers hold the same fields in the same order.
  const describe = (at: number, f: (typeof files)[number]): void => {
    view.setUint16(at, f.flags, true);
    view.setUint16(at + 2, f.method, true);
    view.setUint16(at + 4, time, true);
    view.setUint16(at + 6, date, true);
    view.setUint32(at + 8, f.crc, true);
    view.setUint32(at + 12, f.data.length, true);
    view.setUint32(at + 16, f.size, true);
    view.setUint16(at + 20, f.name.length, true);
  };
  for (const f of files) {
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, VERSION, true);
    describe(at + 6, f);
    view.setUint16(at + 28, 0, true);
    out.set(f.name, at + LOCAL_HEADER);
    out.set(f.data, at + LOCAL_HEADER + f.name.length);
    at += LOCAL_HEADER + f.name.length + f.data.length;
  }
  const central = at;
  for (const f of files) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, VERSION, true); // made by: MS-DOS attributes, version 2.0
    view.setUint16(at + 6, VERSION, true);
    describe(at + 8, f);
    // extra field, comment, disk number, internal and external attributes: none
    view.setUint32(at + 42, f.offset, true);
    out.set(f.name, at + CENTRAL_HEADER);
    at += CENTRAL_HEADER + f.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}
