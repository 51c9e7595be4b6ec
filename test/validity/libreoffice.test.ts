import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { deflateSync } from "fflate";
import type { TrainingPack } from "../../src/pack/training.js";
import { convertToPdf, hasLibreOffice, pdfText } from "../helpers/libreoffice.js";
import { exampleAnswers, makeExamplePack } from "../helpers/pack.js";
import { makeBijeenkomstPack } from "../../src/pack/bijeenkomst.js";
import { loadBijeenkomstResources } from "../../src/commands/bijeenkomst.js";
import { exampleRaw as bijeenkomstRaw, TODAY, validBijeenkomst } from "../bijeenkomst/helpers.js";

/** A tiny valid PNG (one opaque pixel, scaled up in the documents). */
function tinyPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Uint8Array): number => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Uint8Array): Uint8Array => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 1);
  new DataView(ihdr.buffer).setUint32(4, 1);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const idat = deflateSync(new Uint8Array([0, 0, 96, 122]));
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", new Uint8Array()),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    png.set(p, offset);
    offset += p.length;
  }
  return png;
}

const STRESS_LIBRARY =
  `Openbare Bibliotheek 't Zuid-Westelijk Kwartier & <Omstreken> "Fryslân" 😀 ${"met een heel lange naam ".repeat(3)}`.trim();

describe.skipIf(!hasLibreOffice)("LibreOffice opens every generated document", () => {
  const files: string[] = [];
  let packs: Array<Pick<TrainingPack, "files">>;

  beforeAll(async () => {
    const logoDir = mkdtempSync(join(tmpdir(), "idokit-logo-"));
    writeFileSync(join(logoDir, "logo.png"), tinyPng());
    const example = await makeExamplePack(exampleAnswers());
    const stress = await makeExamplePack(
      exampleAnswers((raw) => {
        raw.bibliotheek!.organisatie = STRESS_LIBRARY;
        raw.bibliotheek!.vestiging = "Vestiging <Centrum> & Bovenstad".repeat(2);
        raw.partners!.lokaal = [];
        raw.focus!.aantalCasussen = 8;
        raw.focus!.vaardigheden = ["laaggeletterdheid", "taalbarriere", "emoties"];
        raw.huisstijl = { kleur: "#FFEE00" };
      }),
      7,
    );
    // The bijeenkomstpakket: the example, and one with nothing known and awkward names.
    const { resources } = loadBijeenkomstResources({});
    const created = new Date("2026-11-28T10:00:00Z");
    const meeting = await makeBijeenkomstPack(validBijeenkomst(bijeenkomstRaw()), resources, {
      today: TODAY,
      created,
    });
    const raw = bijeenkomstRaw();
    const emptyMeeting = await makeBijeenkomstPack(
      validBijeenkomst({
        bibliotheek: { ...raw.bibliotheek, organisatie: STRESS_LIBRARY },
        kartrekker: raw.kartrekker,
        bijeenkomst: {
          datum: "16-02-2027",
          starttijd: "19:00",
          eindtijd: "22:00",
          locatie: "Zaal <1> & 2",
        },
      }),
      resources,
      { today: TODAY, created },
    );
    packs = [example, stress, meeting, emptyMeeting];
    packs.forEach((pack, i) => {
      const dir = mkdtempSync(join(tmpdir(), `idokit-validity-${i}-`));
      for (const file of pack.files.filter((f) => /\.(docx|pptx)$/.test(f.name))) {
        const path = join(dir, file.name);
        writeFileSync(path, file.data);
        files.push(path);
      }
    });
  }, 120_000);

  it("converts every .docx and .pptx to a non-empty PDF", () => {
    const pdfs = convertToPdf(files);
    const failed = [...pdfs.entries()].filter(([, pdf]) => !pdf).map(([file]) => file);
    expect(failed).toEqual([]);
    const stressDraaiboek = [...pdfs.entries()].find(
      ([file]) => file.includes("validity-1") && file.endsWith("draaiboek.docx"),
    )?.[1];
    const text = pdfText(stressDraaiboek!);
    if (text !== undefined) expect(text.replace(/\s+/g, " ")).toContain("Fryslân");
  }, 300_000);
});
