/**
 * Every document idokit makes passes the ISO/IEC 29500 transitional schemas and the package
 * checks of tools/ooxml-check (content types, relationships, r:id references, duplicate ids,
 * NaN/undefined values). The packs are made by the built `idokit` as a user would make them, and
 * the test checks every .docx and .pptx the packs contain — a new document type is included as
 * soon as a pack holds it.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { EXAMPLES } from "../../src/domain/examples.js";
import { readExampleBijeenkomstAnswers } from "../../src/commands/bijeenkomst.js";
import { readExampleAnswers } from "../../src/commands/training.js";
import { bijeenkomstSchema } from "../../src/questions/bijeenkomst.js";
import { trainingSchema } from "../../src/questions/training.js";
import { rowWith, templateSheet, writeCsv1252 } from "../batch/helpers.js";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { TODAY } from "../helpers/context.js";
import { freeTextFields, HOSTILE_SAMPLES, setFreeText } from "../helpers/hostile.js";
import { icalParser, parseCalendars } from "../helpers/icalendar.js";
import { icsProblems } from "../helpers/ics.js";
import { checkOoxml, findingsOf, isOfficeFile, ooxmlChecker } from "../helpers/ooxml.js";
import { solidPng } from "../helpers/png.js";
import { readParts } from "../helpers/zip.js";

/** Every file below a folder, recursively, that passes `keep`. */
function filesIn(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesIn(path, keep);
    return keep(name) ? [path] : [];
  });
}

const officeFilesIn = (dir: string): string[] => filesIn(dir, isOfficeFile);
const calendarsIn = (dir: string): string[] => filesIn(dir, (name) => name.endsWith(".ics"));

/** Raw answers with a hostile string in every free-text field (cycling through the samples). */
function hostileAnswers(
  raw: Record<string, unknown>,
  schema: Parameters<typeof freeTextFields>[0],
): Record<string, unknown> {
  freeTextFields(schema).forEach((field, i) => {
    const sample = HOSTILE_SAMPLES[i % HOSTILE_SAMPLES.length]!;
    setFreeText(raw, field, sample.slice(0, field.max));
  });
  return raw;
}

describe.skipIf(!ooxmlChecker.available)("the ISO 29500 schema and package check", () => {
  const root = tempDir("idokit-schema-");
  const packs: Record<string, string> = {};
  const sheets: string[] = [];

  /** Runs idokit and fails with its output when it does not succeed. */
  const idokit = (args: string[], cwd = root): void => {
    const run = runIdokit(args, { cwd });
    if (run.status !== 0) throw new Error(`idokit ${args.join(" ")}: ${run.stderr}`);
  };

  beforeAll(() => {
    // 1. Every built-in example, both kinds of pack.
    for (const example of EXAMPLES)
      for (const kind of ["training", "bijeenkomst"]) {
        const name = `${kind}-${example.naam}`;
        idokit([kind, "--voorbeeld", example.naam, "--out", name]);
        packs[name] = join(root, name);
      }

    // 2. Hostile answers in every free-text field, with a logo, for both kinds of pack.
    writeFileSync(join(root, "logo.png"), solidPng(300, 90).data);
    const training = hostileAnswers(readExampleAnswers(TODAY), trainingSchema);
    (training.huisstijl as Record<string, unknown>) = { kleur: "#7A0019", logo: "logo.png" };
    writeFileSync(join(root, "vijandig-training.yaml"), stringify(training));
    idokit(["training", "--answers", "vijandig-training.yaml", "--yes", "--out", "training-v"]);
    packs["training-vijandig"] = join(root, "training-v");
    const meeting = hostileAnswers(
      structuredClone(readExampleBijeenkomstAnswers(TODAY)) as Record<string, unknown>,
      bijeenkomstSchema,
    );
    writeFileSync(join(root, "vijandig-bijeenkomst.yaml"), stringify(meeting));
    idokit(["bijeenkomst", "--answers", "vijandig-bijeenkomst.yaml", "--yes", "--out", "bk-v"]);
    packs["bijeenkomst-vijandig"] = join(root, "bk-v");
  }, 120_000);

  beforeAll(async () => {
    // 3. A batch from a spreadsheet, with a logo next to it, both kinds of pack.
    for (const kind of ["training", "bijeenkomst"] as const) {
      const { headers, example } = await templateSheet(kind);
      writeCsv1252(join(root, `${kind}.csv`), headers, [
        rowWith(headers, example, { Organisatie: "Bibliotheek Oost", Logo: "logo.png" }),
        rowWith(headers, example, { Organisatie: "Bibliotheek <West> & Co", Logo: null }),
      ]);
      idokit(["batch", `${kind}.csv`, "--pakket", kind, "--out", `batch-${kind}`]);
    }
    packs["batch-training"] = join(root, "batch-training");
    packs["batch-bijeenkomst"] = join(root, "batch-bijeenkomst");
    // 4. The spreadsheets idokit writes for a batch (Excel opens them).
    for (const kind of ["training", "bijeenkomst"]) {
      idokit(["batch", "sjabloon", "--pakket", kind, `sjabloon-${kind}.xlsx`]);
      sheets.push(join(root, `sjabloon-${kind}.xlsx`));
    }
  }, 120_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("finds a presentation and a Word document in every pack", () => {
    for (const [name, dir] of Object.entries(packs)) {
      const files = officeFilesIn(dir);
      expect(
        files.some((f) => f.endsWith(".pptx")),
        name,
      ).toBe(true);
      expect(
        files.some((f) => f.endsWith(".docx")),
        name,
      ).toBe(true);
    }
    // The batch made a pack per row, and the logo went into the first.
    expect(officeFilesIn(packs["batch-training"]!).filter((f) => f.endsWith(".pptx"))).toHaveLength(
      2,
    );
    const withLogo = officeFilesIn(packs["batch-training"]!).find(
      (f) => f.endsWith(".pptx") && /oost/i.test(f),
    );
    expect(Object.keys(readParts(withLogo!)).length).toBeGreaterThan(0);
    const media = Object.keys(unzipSync(readFileSync(withLogo!))).filter((n) =>
      n.startsWith("ppt/media/"),
    );
    expect(media.length, "the logo is in the batch pack's presentation").toBeGreaterThan(0);
  });

  it("reports no finding in any document of any pack, nor in the batch spreadsheets", () => {
    const files = [...Object.values(packs).flatMap(officeFilesIn), ...sheets];
    expect(sheets).toHaveLength(2);
    const reports = checkOoxml(files);
    expect(reports).toHaveLength(files.length);
    expect(findingsOf(reports)).toEqual([]);
    const parts = files.reduce((sum, f) => sum + Object.keys(readParts(f)).length, 0);
    console.info(`ooxml-check: ${files.length} documents, ${parts} XML parts, no findings`);
  }, 120_000);

  // The invitations are not Office files: they are held to RFC 5545 and read by python-icalendar.
  it("gives every pack invitations that keep to RFC 5545 and a calendar parser reads", () => {
    const files = Object.values(packs).flatMap(calendarsIn);
    // Training: the invitation and the actor's voorbespreking; bijeenkomst: its invitation.
    for (const [name, dir] of Object.entries(packs))
      expect(calendarsIn(dir).length, name).toBeGreaterThanOrEqual(
        name.includes("training") ? 2 : 1,
      );
    const texts = files.map((f) => readFileSync(f, "utf8"));
    for (const [i, text] of texts.entries()) expect(icsProblems(text), files[i]).toEqual([]);
    if (icalParser.available) {
      const events = parseCalendars(texts);
      expect(events).toHaveLength(files.length);
      for (const event of events) expect(event.tzid).toBe("Europe/Amsterdam");
    }
    console.info(`ics: ${files.length} invitations, no findings`);
  });
});
