import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import zlib from "node:zlib";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { memoFootprint, tableCrc32, zipEntries } from "../../src/render/zip.js";
import { inCi } from "../helpers/ci.js";
import { tempDir } from "../helpers/temp.js";

const dir = tempDir("idokit-zip-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every entry's method, DOS date and time and flags, from the central directory. */
function centralEntries(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  let offset = view.getUint32(end + 16, true);
  const entries = [];
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(offset + 28, true);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength)),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      time: view.getUint16(offset + 12, true),
      date: view.getUint16(offset + 14, true),
    });
    offset += 46 + nameLength;
  }
  return entries;
}

/** Python's zipfile reads the archive and checks every entry's CRC: an independent reader. */
function pythonTestzip(file: string): string | undefined {
  const result = spawnSync(
    "/usr/bin/python3",
    [
      "-c",
      "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip() or 'ok')",
      file,
    ],
    { encoding: "utf8" },
  );
  if (result.error) {
    if (inCi) throw new Error("CI: /usr/bin/python3 is missing");
    console.warn("\n⚠ /usr/bin/python3 ontbreekt; de zip wordt niet door Python gecontroleerd.\n");
    return undefined;
  }
  return `${result.stdout.trim()}${result.stderr}`;
}

describe("zipEntries (Office packages with node:zlib)", () => {
  it("writes a zip that other readers open, in the order given, with one date from UTC fields", () => {
    const xml = `<?xml version="1.0"?><w:document>${"<w:p><w:r><w:t>Hallo</w:t></w:r></w:p>".repeat(500)}</w:document>`;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    const zip = zipEntries(
      [
        ["[Content_Types].xml", "<Types/>"],
        ["word/document.xml", xml],
        ["word/media/logo.png", png],
        ["word/é.xml", "<x/>"],
      ],
      { date: new Date("2026-11-28T13:45:30Z"), stored: (path) => path.endsWith(".png") },
    );
    const parts = unzipSync(zip);
    expect(Object.keys(parts)).toEqual([
      "[Content_Types].xml",
      "word/document.xml",
      "word/media/logo.png",
      "word/é.xml",
    ]);
    expect(strFromU8(parts["word/document.xml"]!)).toBe(xml);
    expect([...parts["word/media/logo.png"]!]).toEqual([...png]);
    // Deflated (the XML shrinks a lot), the PNG stored, the non-ASCII name flagged as UTF-8.
    expect(zip.length).toBeLessThan(xml.length / 10);
    const entries = centralEntries(zip);
    expect(entries.map((e) => e.method)).toEqual([8, 8, 0, 8]);
    expect(entries.map((e) => e.flags & 0x0800)).toEqual([0, 0, 0, 0x0800]);
    const dates = new Set(entries.map((e) => `${e.date}:${e.time}`));
    // 2026-11-28 13:45:30 as MS-DOS fields.
    expect(dates).toEqual(
      new Set([`${(46 << 9) | (11 << 5) | 28}:${(13 << 11) | (45 << 5) | 15}`]),
    );

    const file = join(dir, "a.zip");
    writeFileSync(file, zip);
    const python = pythonTestzip(file);
    if (python !== undefined) expect(python).toBe("ok");
  });

  it("gives the same bytes for the same entries, and refuses a path given twice", () => {
    const entries = [["a.xml", "<a/>"] as const, ["b.xml", "<b/>"] as const];
    const date = new Date("2026-01-01T00:00:00Z");
    expect(
      Buffer.from(zipEntries(entries, { date })).equals(Buffer.from(zipEntries(entries, { date }))),
    ).toBe(true);
    expect(() => zipEntries([...entries, ["a.xml", "<c/>"]], { date })).toThrow(/a\.xml/);
  });

  it("keeps only the zipped bytes of a repeating part, not the larger chunk zlib wrote them in", () => {
    const before = memoFootprint();
    const parts = Array.from(
      { length: 40 },
      (_, i) =>
        [`word/footer${i}.xml`, `<w:ftr><w:p><w:t>Voettekst ${i}</w:t></w:p></w:ftr>`] as const,
    );
    const date = new Date("2026-12-07T12:00:00Z");
    zipEntries(parts, { date });
    zipEntries(parts, { date });
    const after = memoFootprint();
    expect(after.entries - before.entries).toBe(40);
    // Each small part deflates to well under 100 bytes; zlib's own chunk is 16 KiB or more.
    expect(after.bytes - before.bytes).toBeLessThan(40 * 100);
  });

  it("writes a part that repeats from package to package exactly as a fresh one, at its own level", () => {
    const styles = `<w:styles>${'<w:style w:styleId="Kop1"/>'.repeat(300)}</w:styles>`;
    const date = new Date("2026-12-07T12:00:00Z");
    const deflated = (zip: Uint8Array, level: number) =>
      Buffer.from(zip).includes(zlib.deflateRawSync(Buffer.from(styles), { level }));
    // Zipped often enough to be kept, then with a body that changes every time.
    for (let i = 0; i < 4; i++) {
      const body = `<w:document>${"<w:p/>".repeat(i + 1)}</w:document>`;
      const zip = zipEntries(
        [
          ["word/styles.xml", styles],
          ["word/document.xml", body],
        ],
        { date },
      );
      const parts = unzipSync(zip);
      expect(strFromU8(parts["word/styles.xml"]!)).toBe(styles);
      expect(strFromU8(parts["word/document.xml"]!)).toBe(body);
      expect(deflated(zip, 1)).toBe(true);
    }
    const strongest = zipEntries([["word/styles.xml", styles]], { date, level: 9 });
    expect(strFromU8(unzipSync(strongest)["word/styles.xml"]!)).toBe(styles);
    expect(deflated(strongest, 9)).toBe(true);
    // The same text stored: its own bytes, not the deflated ones.
    const stored = zipEntries([["word/styles.xml", styles]], { date, stored: () => true });
    expect(centralEntries(stored).map((e) => e.method)).toEqual([0]);
    expect(strFromU8(unzipSync(stored)["word/styles.xml"]!)).toBe(styles);
  });

  it("round-trips any names and contents (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(
            // fflate reads a zip into a plain object, where "__proto__" cannot be a key.
            fc.string({ minLength: 1, maxLength: 20 }).filter((name) => name !== "__proto__"),
            fc.uint8Array({ maxLength: 2000 }),
          ),
          {
            selector: ([name]) => name,
            maxLength: 8,
          },
        ),
        (entries) => {
          const zip = zipEntries(entries, { date: new Date("2030-06-15T08:00:00Z") });
          const parts = unzipSync(zip);
          // In the order given (the central directory's order; an object sorts "0" first).
          expect(centralEntries(zip).map((e) => e.name)).toEqual(entries.map(([name]) => name));
          expect(Object.keys(parts).length).toBe(entries.length);
          for (const [name, data] of entries) expect([...parts[name]!]).toEqual([...data]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("computes CRC-32 without zlib.crc32 (Node before 20.15) exactly as zlib does", () => {
    const crc = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;
    const data = new TextEncoder().encode("Informatiepunt Digitale Overheid ".repeat(50));
    expect(tableCrc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    if (crc) expect(tableCrc32(data)).toBe(crc(data));
  });
});
