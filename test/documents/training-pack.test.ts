import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatClock } from "../../src/domain/format.js";
import { validateAnswers } from "../../src/answers/validate.js";
import { hashAnswers } from "../../src/pack/manifest.js";
import type { TrainingPack } from "../../src/pack/training.js";
import { trainingSchema, type TrainingAnswers } from "../../src/questions/training.js";
import { fileContext } from "../helpers/context.js";
import { exampleAnswers, fileOf, makeExamplePack } from "../helpers/pack.js";
import { paragraphsOf, readParts, slideNames, textOf } from "../helpers/zip.js";

const LIBRARY = "Bieb *Zuid* & <Oost> \"de 'Linge'\" 😀";

let answers: TrainingAnswers;
let pack: TrainingPack;
const docText = (name: string): string =>
  textOf(readParts(fileOf(pack, name))["word/document.xml"]!);

beforeAll(async () => {
  answers = exampleAnswers((raw) => {
    raw.bibliotheek!.organisatie = LIBRARY;
    raw.acteur!.naam = "Joost & Co";
  });
  pack = await makeExamplePack(answers);
});

describe("draaiboek.docx", () => {
  it("has the schedule as a table whose rows are the plan's schedule, to the minute", () => {
    const xml = readParts(fileOf(pack, "draaiboek.docx"))["word/document.xml"]!;
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const schedule = tables.find((t) => textOf(t).startsWith("TijdOnderdeelDoel"))!;
    expect(schedule).toBeDefined();
    const rows = [...schedule.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => textOf(m[0]));
    // The header, one row per block, and a row for the reserve casus when there is one.
    expect(rows).toHaveLength(
      pack.plan.view.schema.length + 1 + (pack.plan.view.reservecasus ? 1 : 0),
    );
    pack.plan.view.schema.forEach((item, i) => {
      expect(rows[i + 1]).toMatch(
        new RegExp(`^${formatClock(item.start)}–${formatClock(item.eind)}`),
      );
    });
    expect(schedule).toContain("<w:tblHeader");
    // The programme stays on one page with its heading: every row keeps with the next.
    const rowXml = [...schedule.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rowXml.filter((row) => !row.includes("<w:keepNext/>"))).toEqual([]);
  });

  it("raises casting in the voorbespreking: every client the actor plays, the demonstration's too", () => {
    const clients = [pack.plan.view.demo, ...pack.plan.view.casussen].filter((c) => c !== null);
    const count = (gender: string) => clients.filter((c) => c.geslacht === gender).length;
    const women = count("vrouw");
    const men = count("man");
    expect(women + men).toBeGreaterThan(0);
    const said = /de acteur speelt (.*?), de demonstratie meegerekend\./.exec(
      docText("draaiboek.docx"),
    )?.[1];
    expect(said).toBeDefined();
    if (women > 0) expect(said).toContain(`${women} ${women === 1 ? "vrouw" : "vrouwen"}`);
    if (men > 0) expect(said).toContain(`${men} ${men === 1 ? "man" : "mannen"}`);
    expect(docText("briefing-trainingsacteur.docx")).toContain(`je speelt ${said}`);
  });

  it("counts preparation dates back from the training date", () => {
    const text = docText("draaiboek.docx");
    // Training on Tuesday 13-04-2027: plan eight weeks before, voorbespreking two weeks before,
    // print two days before, which is a Sunday, so on the Friday before.
    expect(pack.plan.view.aftellen.map((r) => r.datum)).toEqual(
      expect.arrayContaining(["2027-02-16", "2027-03-30", "2027-04-09"]),
    );
    expect(pack.plan.view.aftellen.find((r) => r.datum === "2027-04-09")?.wanneer).toBe(
      "4 dagen vooraf",
    );
    for (const row of pack.plan.view.aftellen) {
      const [y, m, d] = row.datum.split("-");
      expect(text).toContain(`${d}-${m}-${y}`);
    }
  });

  it("shows the library literally, in the header and the body", () => {
    const parts = readParts(fileOf(pack, "draaiboek.docx"));
    expect(docText("draaiboek.docx")).toContain(LIBRARY);
    const headers = Object.entries(parts).filter(([name]) => /word\/header\d*\.xml/.test(name));
    expect(headers.map(([, xml]) => textOf(xml)).join(" ")).toContain(LIBRARY);
  });

  it("uses Word heading styles so the navigation pane works", () => {
    const xml = readParts(fileOf(pack, "draaiboek.docx"))["word/document.xml"]!;
    for (const heading of [
      "Voorbereiding",
      "Programma",
      "Jouw rol als procesbegeleider",
      "Na de training",
    ]) {
      const paragraph = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
        .map((m) => m[0])
        .find((p) => textOf(p) === heading);
      expect(paragraph, heading).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    }
  });

  it("lists the local partners with how to hand over warmly", () => {
    const text = docText("draaiboek.docx");
    for (const partner of answers.partners.lokaal) {
      expect(text).toContain(partner.naam);
      expect(text).toContain(partner.overdracht);
    }
  });
});

describe("presentatie-vaardigheidstraining.pptx", () => {
  let parts: Record<string, string>;
  beforeAll(() => {
    parts = readParts(fileOf(pack, "presentatie-vaardigheidstraining.pptx"));
  });

  it("has 15 to 30 slides, each with speaker notes", () => {
    const slides = slideNames(parts);
    expect(slides.length).toBeGreaterThanOrEqual(15);
    expect(slides.length).toBeLessThanOrEqual(30);
    for (const slide of slides) {
      const rels = parts[slide.replace("slides/", "slides/_rels/") + ".rels"]!;
      const notesTarget = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
      expect(notesTarget, slide).toBeDefined();
      const notes = textOf(parts[`ppt/notesSlides/${notesTarget}`]!);
      expect(notes.replace(/\d+$/, "").trim().length, slide).toBeGreaterThan(20);
    }
  });

  it("shows the programme with the same clock times as the draaiboek", () => {
    const all = slideNames(parts).map((s) => textOf(parts[s]!));
    const programme = all.find((t) => t.includes("Programma"))!;
    for (const row of pack.plan.view.programma) {
      expect(programme).toContain(formatClock(row.start));
      expect(programme).toContain(formatClock(row.eind));
    }
  });

  it("puts the library name on the title slide literally", () => {
    expect(textOf(parts[slideNames(parts)[0]!]!)).toContain(LIBRARY);
  });
});

describe("casus documents", () => {
  it("gives participants the situation, never the real need or the actor's opening line", () => {
    const text = docText("casussen-deelnemers.docx");
    for (const item of pack.selection.chosen) {
      expect(text).toContain(item.casus.titel);
      expect(text).not.toContain(item.casus.openingszin);
      const hidden = item.casus.echteVraag.split(/\s+/).slice(0, 8).join(" ");
      expect(text).not.toContain(hidden);
    }
  });

  it("gives the trainer every casus in full with why it was chosen", () => {
    const text = docText("casussen-trainer.docx");
    for (const casus of pack.plan.view.casussen) {
      expect(text).toContain(casus.titel);
      expect(text).toContain(casus.waarom);
      // The kijkopdracht's first question, as printed (the Markdown list marker gone).
      const first = casus.kijkopdracht.text.split("\n")[0]!.replace(/^\s*[-*]\s+/, "");
      expect(text).toContain(first);
    }
  });

  it("gives the actor a role card per casus with intensity levels", () => {
    const paragraphs = paragraphsOf(
      readParts(fileOf(pack, "briefing-trainingsacteur.docx"))["word/document.xml"]!,
    );
    for (const item of pack.selection.chosen)
      expect(paragraphs.some((p) => p.includes(`Rolkaart`) && p.includes(item.casus.titel))).toBe(
        true,
      );
    expect(paragraphs.join("\n")).toContain("Joost & Co");
  });
});

describe("antwoorden.yaml and manifest.json", () => {
  it("saves the answers so that they validate to exactly the same answers", () => {
    const saved = parse(new TextDecoder().decode(fileOf(pack, "antwoorden.yaml")));
    const again = validateAnswers(trainingSchema, saved, fileContext());
    expect(again.problems).toEqual([]);
    expect(hashAnswers(again.answers)).toBe(hashAnswers(answers));
  });

  it("describes every other file with its size", () => {
    const manifest = JSON.parse(new TextDecoder().decode(fileOf(pack, "manifest.json"))) as {
      bestanden: Array<{ naam: string; bytes: number }>;
      antwoordenHash: string;
    };
    expect(manifest.antwoordenHash).toBe(hashAnswers(answers));
    expect(manifest.bestanden.map((b) => b.naam)).toEqual(
      pack.files.filter((f) => f.name !== "manifest.json").map((f) => f.name),
    );
    for (const entry of manifest.bestanden)
      expect(entry.bytes).toBe(fileOf(pack, entry.naam).byteLength);
  });
});
