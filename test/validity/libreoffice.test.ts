import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { TrainingPack } from "../../src/pack/training.js";
import { solidPng } from "../helpers/png.js";
import { convertToPdf, hasLibreOffice, pdfText } from "../helpers/libreoffice.js";
import { exampleAnswers, makeExamplePack } from "../helpers/pack.js";
import { makeBijeenkomstPack } from "../../src/pack/bijeenkomst.js";
import { loadBijeenkomstResources } from "../../src/commands/bijeenkomst.js";
import { exampleRaw as bijeenkomstRaw, TODAY, validBijeenkomst } from "../bijeenkomst/helpers.js";

const STRESS_LIBRARY =
  `Openbare Bibliotheek 't Zuid-Westelijk Kwartier & <Omstreken> "Fryslân" 😀 ${"met een heel lange naam ".repeat(3)}`.trim();

describe.skipIf(!hasLibreOffice)("LibreOffice opens every generated document", () => {
  const files: string[] = [];
  let packs: Array<Pick<TrainingPack, "files">>;

  beforeAll(async () => {
    const example = await makeExamplePack(exampleAnswers());
    const stress = await makeExamplePack(
      exampleAnswers((raw) => {
        raw.bibliotheek!.organisatie = STRESS_LIBRARY;
        raw.bibliotheek!.vestiging = "Vestiging <Centrum> & Bovenstad".repeat(2);
        raw.partners!.lokaal = [];
        raw.focus!.aantalCasussen = 8;
        raw.focus!.vaardigheden = ["laaggeletterdheid", "taalbarriere", "emoties"];
        raw.huisstijl = { kleur: "#FFEE00", logo: "logo.png" };
      }),
      7,
      solidPng(120, 40),
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
