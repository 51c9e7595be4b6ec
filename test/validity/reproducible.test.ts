/**
 * Reproducible packs: the same answers, templates, casussen and idokit version give byte-identical
 * files. Every timestamp (document properties, zip entry dates, manifest) follows SOURCE_DATE_EPOCH,
 * or else the start of "today" in UTC — never the clock or the time zone. These tests pin that
 * rule for any zip layer or document writer that replaces today's.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ExternalHyperlink, Document, Paragraph, TextRun } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { packDocument } from "../render/docx-reference.js";
import { withSeededRandom } from "../../src/render/seeded-random.js";
import { readPackFolder, runIdokit, tempDir } from "../helpers/cli.js";

const root = tempDir("idokit-reproducible-");
afterAll(() => rmSync(root, { recursive: true, force: true }));

function make(kind: "training" | "bijeenkomst", folder: string, env: Record<string, string> = {}) {
  const run = runIdokit([kind, "--voorbeeld", "--out", join(root, folder), "--force"], { env });
  expect(run.status, run.stderr).toBe(0);
  return run;
}

function filesOf(folder: string): Map<string, Buffer> {
  return new Map(readPackFolder(join(root, folder)).map((f) => [f.name, f.data]));
}

/** Every entry's MS-DOS date and time from the central directory, as an ISO string (UTC). */
function zipEntryDates(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const dates: string[] = [];
  for (let i = 0; i < count; i++) {
    const time = view.getUint16(offset + 12, true);
    const date = view.getUint16(offset + 14, true);
    const pad = (n: number) => String(n).padStart(2, "0");
    dates.push(
      `${(date >> 9) + 1980}-${pad((date >> 5) & 15)}-${pad(date & 31)}T${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}Z`,
    );
    offset +=
      46 +
      view.getUint16(offset + 28, true) + // name
      view.getUint16(offset + 30, true) + // extra field
      view.getUint16(offset + 32, true); // comment
  }
  return dates;
}

const officeFiles = (files: Map<string, Buffer>) =>
  [...files.entries()].filter(([name]) => /\.(docx|pptx)$/.test(name));

describe("reproducible packs", () => {
  it("makes byte-identical packs a second apart, and says a remade pack is unchanged", async () => {
    for (const kind of ["training", "bijeenkomst"] as const) {
      make(kind, `${kind}-a`);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      make(kind, `${kind}-b`);
      const a = filesOf(`${kind}-a`);
      const b = filesOf(`${kind}-b`);
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [name, data] of a)
        expect(b.get(name)!.equals(data), `${kind}: ${name}`).toBe(true);

      // Made again in place: the manifest's pack checksum is the same, and idokit says so.
      const again = make(kind, `${kind}-a`);
      expect(again.stderr).toContain("Niets veranderd");
      expect(filesOf(`${kind}-a`).get("manifest.json")!.equals(a.get("manifest.json")!)).toBe(true);
    }
  }, 120_000);

  it("stamps SOURCE_DATE_EPOCH into document properties, zip entries and the manifest, in any time zone", () => {
    const epoch = "1767225600"; // 2026-01-01T00:00:00Z
    make("training", "sde-utc", { SOURCE_DATE_EPOCH: epoch, TZ: "UTC" });
    make("training", "sde-ny", { SOURCE_DATE_EPOCH: epoch, TZ: "America/New_York" });
    make("training", "sde-tokyo", { SOURCE_DATE_EPOCH: epoch, TZ: "Asia/Tokyo" });
    const utc = filesOf("sde-utc");
    for (const other of [filesOf("sde-ny"), filesOf("sde-tokyo")])
      for (const [name, data] of utc) expect(other.get(name)!.equals(data), name).toBe(true);

    const manifest = JSON.parse(utc.get("manifest.json")!.toString("utf8")) as {
      gemaakt: string;
      pakketHash: string;
    };
    expect(manifest.gemaakt).toBe("2026-01-01T00:00:00.000Z");
    expect(manifest.pakketHash).toMatch(/^[0-9a-f]{64}$/);
    for (const [name, data] of officeFiles(utc)) {
      expect(new Set(zipEntryDates(data)), name).toEqual(new Set(["2026-01-01T00:00:00Z"]));
      const core = strFromU8(unzipSync(data)["docProps/core.xml"]!);
      expect(core, name).toContain(">2026-01-01T00:00:00Z</dcterms:created>");
      expect(core, name).toContain(">2026-01-01T00:00:00Z</dcterms:modified>");
    }
    const invitations = [...utc.entries()].filter(([name]) => name.endsWith(".ics"));
    expect(invitations.length).toBeGreaterThanOrEqual(2);
    for (const [name, data] of invitations)
      expect(data.toString("utf8"), name).toMatch(/\r\nDTSTAMP:20260101T000000Z\r\n/);
  }, 120_000);

  it("makes the same zip a second apart (--zip)", async () => {
    const zipOf = (folder: string): Buffer => {
      const run = runIdokit(["training", "--voorbeeld", "--zip", "--out", join(root, folder)]);
      expect(run.status, run.stderr).toBe(0);
      return readFileSync(join(root, `${folder}.zip`));
    };
    const a = zipOf("zip-a");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const b = zipOf("zip-b");
    expect(a.length).toBeGreaterThan(10_000);
    expect(b.equals(a)).toBe(true);
  }, 60_000);

  it("uses the start of today (UTC) without SOURCE_DATE_EPOCH, and refuses a bad one", () => {
    make("training", "vandaag", { IDOKIT_VANDAAG: "2026-11-28", TZ: "Pacific/Auckland" });
    const files = filesOf("vandaag");
    for (const [name, data] of officeFiles(files))
      expect(new Set(zipEntryDates(data)), name).toEqual(new Set(["2026-11-28T00:00:00Z"]));
    const bad = runIdokit(["training", "--voorbeeld", "--out", join(root, "x")], {
      env: { SOURCE_DATE_EPOCH: "gisteren" },
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/SOURCE_DATE_EPOCH="gisteren" is geen geldig tijdstip/);
  }, 60_000);

  it("gives a Word document with hyperlinks the same ids on every run", async () => {
    const build = () =>
      withSeededRandom(7, () =>
        packDocument(
          new Document({
            sections: [
              {
                children: [
                  new Paragraph({
                    children: [
                      new ExternalHyperlink({
                        link: "https://www.digitaleoverheid.nl",
                        children: [new TextRun("Digitale overheid")],
                      }),
                    ],
                  }),
                ],
              },
            ],
          }),
          { title: "t", creator: "idokit", created: new Date("2026-01-01T00:00:00Z") },
        ),
      );
    const random = Math.random;
    const [a, b] = [await build(), await build()];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Math.random).toBe(random);
  });
});
