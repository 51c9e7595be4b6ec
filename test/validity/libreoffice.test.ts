/**
 * Every document type rendered by LibreOffice: each .docx and .pptx of the example packs and of
 * packs with awkward answers converts to a PDF (one soffice call for all of them), with the page
 * count it should have (a slide per page; at least a page per explicit page break) and the
 * library's name in its text. And files that LibreOffice saves again (as a user who edits a pack
 * in LibreOffice would) are still read correctly by `idokit controleer`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDocument } from "../../src/check/index.js";
import { EXAMPLES } from "../../src/domain/examples.js";
import { solidPng } from "../helpers/png.js";
import {
  convert,
  convertToPdf,
  hasLibreOffice,
  pdfPages,
  pdfText,
} from "../helpers/libreoffice.js";
import { exampleAnswers, makeExamplePack } from "../helpers/pack.js";
import { makeBijeenkomstPack } from "../../src/pack/bijeenkomst.js";
import { loadBijeenkomstResources } from "../../src/commands/bijeenkomst.js";
import { exampleRaw as bijeenkomstRaw, TODAY, validBijeenkomst } from "../bijeenkomst/helpers.js";
import { readPackFolder, runIdokit } from "../helpers/cli.js";

const STRESS_LIBRARY =
  `Openbare Bibliotheek 't Zuid-Westelijk Kwartier & <Omstreken> "Fryslân" 😀 ${"met een heel lange naam ".repeat(3)}`.trim();

interface Doc {
  pack: string;
  path: string;
  library: string;
}

const normalise = (text: string): string => text.replace(/\s+/g, " ").trim();

/** Pages the document must at least have: one, plus one per explicit page or section break. */
function minimumPages(path: string): number {
  const xml = strFromU8(unzipSync(readFileSync(path))["word/document.xml"]!);
  const breaks =
    (xml.match(/<w:br w:type="page"\/>/g) ?? []).length +
    (xml.match(/<w:pageBreakBefore\/>|<w:pageBreakBefore w:val="(true|1|on)"\/>/g) ?? []).length +
    (xml.match(/<w:sectPr[ >]/g) ?? []).length -
    1;
  return 1 + Math.max(0, breaks);
}

function slideCount(path: string): number {
  return Object.keys(unzipSync(readFileSync(path))).filter((n) =>
    /^ppt\/slides\/slide\d+\.xml$/.test(n),
  ).length;
}

describe.skipIf(!hasLibreOffice)("LibreOffice renders every document type", () => {
  const root = mkdtempSync(join(tmpdir(), "idokit-validity-"));
  const docs: Doc[] = [];
  let pdfs: Map<string, string | undefined>;

  beforeAll(async () => {
    const packs: Array<{
      name: string;
      library: string;
      files: Array<{ name: string; data: Uint8Array }>;
    }> = [];
    // 1. Every built-in example, made by the built idokit as a user would.
    for (const { naam } of EXAMPLES)
      for (const kind of ["training", "bijeenkomst"]) {
        const dir = join(root, `${kind}-voorbeeld-${naam}`);
        const run = runIdokit([kind, "--voorbeeld", naam, "--out", dir]);
        if (run.status !== 0) throw new Error(run.stderr);
        const answers = parse(readFileSync(join(dir, "antwoorden.yaml"), "utf8")) as {
          bibliotheek: { organisatie: string };
        };
        packs.push({
          name: `${kind}-voorbeeld-${naam}`,
          library: answers.bibliotheek.organisatie,
          files: readPackFolder(dir),
        });
      }
    // 2. Awkward answers: a long name with specials and emoji, no partners, many casussen, a logo.
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
    packs.push({ name: "training-stress", library: STRESS_LIBRARY, files: stress.files });
    const { resources } = loadBijeenkomstResources({});
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
      { today: TODAY, created: new Date(`${TODAY}T00:00:00Z`) },
    );
    packs.push({ name: "bijeenkomst-leeg", library: STRESS_LIBRARY, files: emptyMeeting.files });

    // Every .docx and .pptx, under a name unique over all packs (soffice writes by base name).
    const input = join(root, "invoer");
    mkdirSync(input);
    for (const pack of packs)
      for (const file of pack.files.filter((f) => /\.(docx|pptx)$/.test(f.name))) {
        const path = join(input, `${pack.name}--${file.name}`);
        writeFileSync(path, file.data);
        docs.push({ pack: pack.name, path, library: pack.library });
      }
    pdfs = convertToPdf(
      docs.map((d) => d.path),
      join(root, "pdf"),
    );
  }, 300_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("converts every .docx and .pptx to a PDF with the pages it should have", () => {
    expect(docs.length).toBeGreaterThanOrEqual(14);
    const failed = docs.filter((d) => !pdfs.get(d.path)).map((d) => basename(d.path));
    expect(failed).toEqual([]);
    for (const doc of docs) {
      const pages = pdfPages(pdfs.get(doc.path)!);
      if (doc.path.endsWith(".pptx")) expect(pages, basename(doc.path)).toBe(slideCount(doc.path));
      else {
        expect(pages, basename(doc.path)).toBeGreaterThanOrEqual(minimumPages(doc.path));
        expect(pages, basename(doc.path)).toBeLessThanOrEqual(60);
      }
    }
  });

  it("shows the library's name in every document", () => {
    for (const doc of docs) {
      const text = normalise(pdfText(pdfs.get(doc.path)!) ?? "");
      expect(text.length, basename(doc.path)).toBeGreaterThan(200);
      // The stress name holds an emoji a PDF font may not have: its first words must be there.
      const name =
        doc.library === STRESS_LIBRARY
          ? "Openbare Bibliotheek 't Zuid-Westelijk Kwartier & <Omstreken>"
          : doc.library;
      expect(text, basename(doc.path)).toContain(name);
    }
    const stressDraaiboek = docs.find(
      (d) => d.pack === "training-stress" && d.path.endsWith("draaiboek.docx"),
    )!;
    expect(normalise(pdfText(pdfs.get(stressDraaiboek.path)!)!)).toContain("Fryslân");
  });

  it("passes idokit's own check after LibreOffice saves the files again", () => {
    // As a POI adviser who opens a pack in LibreOffice and saves it: one call per file type.
    const examples = docs.filter((d) => d.pack.includes("-voorbeeld-"));
    const saved = [
      ...convert(
        examples.filter((d) => d.path.endsWith(".docx")).map((d) => d.path),
        "docx:MS Word 2007 XML",
        join(root, "opgeslagen"),
      ),
      ...convert(
        examples.filter((d) => d.path.endsWith(".pptx")).map((d) => d.path),
        "pptx:Impress MS PowerPoint 2007 XML",
        join(root, "opgeslagen"),
      ),
    ];
    expect(saved.length).toBe(examples.length);
    for (const [source, path] of saved) {
      expect(path, basename(source)).toBeDefined();
      const report = checkDocument(basename(path!), readFileSync(path!));
      expect(report.parts).toBeGreaterThan(5);
      const errors = report.findings.filter((f) => f.severity === "fout");
      // LibreOffice numbers the shapes of its own slide master and layouts twice: a real finding
      // (PowerPoint repairs such files), and the only error it brings into our files.
      expect(
        errors.filter(
          (f) => !(f.rule === "vorm-id" && /^ppt\/(slideMasters|slideLayouts)\//.test(f.part)),
        ),
        basename(source),
      ).toEqual([]);
    }
  }, 300_000);
});
