import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { checkOoxml, findingsOf, isOfficeFile, ooxmlChecker } from "../helpers/ooxml.js";
import { solidPng } from "../helpers/png.js";
import { readParts, textOf } from "../helpers/zip.js";

/** The exported huisstijl.yaml with some lines changed, as a POI's template owner would. */
function editHuisstijl(file: string, changes: Record<string, string>): void {
  let text = readFileSync(file, "utf8");
  for (const [key, value] of Object.entries(changes)) {
    const line = new RegExp(`^${key}:.*$`, "m");
    expect(text, key).toMatch(line);
    text = text.replace(line, `${key}: ${value}`);
  }
  writeFileSync(file, text);
}

const partsOf = (file: string): string => Object.values(readParts(file)).join("\n");

describe("a POI's house style", () => {
  let dir: string;
  let templates: string;
  let pack: string;
  let bijeenkomst: string;
  let made: ReturnType<typeof runIdokit>;

  beforeAll(() => {
    dir = tempDir();
    templates = join(dir, "sjablonen");
    pack = join(dir, "pakket");
    bijeenkomst = join(dir, "bijeenkomst");
    expect(runIdokit(["sjablonen", "exporteer", templates]).status).toBe(0);
    writeFileSync(join(templates, "poi-logo.png"), solidPng(120, 40).data);
    editHuisstijl(join(templates, "huisstijl.yaml"), {
      naam: '"Probiblio"',
      hoofdkleur: '"#7A1F5C"',
      accentkleur: '"#0A7B61"',
      lettertypeKoppen: "Georgia",
      lettertypeTekst: "Verdana",
      logo: "poi-logo.png",
      voettekst: '"Probiblio · samen werken aan het IDO"',
    });
    made = runIdokit(["training", "--voorbeeld", "--sjablonen", templates, "--map", pack]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is exported next to the templates, with every field explained", () => {
    const text = readFileSync(join(templates, "huisstijl.yaml"), "utf8");
    const fields = [
      "naam",
      "hoofdkleur",
      "accentkleur",
      "lettertypeKoppen",
      "lettertypeTekst",
      "logo",
      "voettekst",
    ];
    for (const field of fields) expect(text).toMatch(new RegExp(`^${field}:`, "m"));
    // A comment before every group of fields: the fields are explained where they stand.
    for (const block of text.split(/\n\n/).filter((b) => /^[a-zA-Z]+:/m.test(b)))
      expect(block).toMatch(/^#/);
  });

  it("regenerates the example with the new colours and fonts in the pptx and docx XML", () => {
    expect(made.status, made.stderr).toBe(0);
    expect(made.stderr).toContain(`Huisstijl gebruikt: ${join(templates, "huisstijl.yaml")}`);
    // An exported folder left as it was is not announced template by template.
    expect(made.stderr).not.toMatch(/Eigen sjabloon gebruikt/);

    const pptx = partsOf(join(pack, "presentatie-vaardigheidstraining.pptx"));
    expect(pptx).toMatch(/srgbClr val="7A1F5C"/);
    expect(pptx).toMatch(/srgbClr val="0A7B61"/);
    expect(pptx).toMatch(/<a:latin typeface="Georgia"/);
    expect(pptx).toMatch(/<a:latin typeface="Verdana"/);
    expect(pptx).not.toMatch(/srgbClr val="1F4E79"|<a:latin typeface="Arial"/);
    expect(pptx).toContain("Probiblio · samen werken aan het IDO");
    expect(
      readParts(join(pack, "presentatie-vaardigheidstraining.pptx"))["ppt/slides/slide1.xml"],
    ).toContain("<a:t>Probiblio</a:t>");

    for (const name of [
      "draaiboek.docx",
      "briefing-trainingsacteur.docx",
      "casussen-trainer.docx",
      "casussen-deelnemers.docx",
    ]) {
      const parts = readParts(join(pack, name));
      const styles = parts["word/styles.xml"]!;
      expect(styles, name).toMatch(/w:ascii="Georgia"/);
      expect(styles, name).toMatch(/w:ascii="Verdana"/);
      expect(styles, name).toMatch(/w:color w:val="7A1F5C"/);
      expect(styles, name).not.toMatch(/1F4E79/);
      const footer = Object.entries(parts).find(([part]) => /word\/footer\d*\.xml/.test(part))?.[1];
      expect(textOf(footer!), name).toContain("Probiblio · samen werken aan het IDO");
      expect(textOf(parts["word/document.xml"]!), name).toMatch(/^Probiblio/);
      expect(
        Object.keys(unzipNames(join(pack, name))).some((part) => part.startsWith("word/media/")),
        name,
      ).toBe(true);
    }
  });

  it("applies to the bijeenkomst pack too", () => {
    const result = runIdokit([
      "bijeenkomst",
      "--voorbeeld",
      "--sjablonen",
      templates,
      "--map",
      bijeenkomst,
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(partsOf(join(bijeenkomst, "presentatie-lokale-bijeenkomst.pptx"))).toMatch(
      /srgbClr val="7A1F5C"/,
    );
    expect(
      readParts(join(bijeenkomst, "handleiding-lokale-bijeenkomst.docx"))["word/styles.xml"],
    ).toMatch(/w:ascii="Georgia"/);
  });

  it.skipIf(!ooxmlChecker.available)("passes the ISO 29500 schema check in the new style", () => {
    const files = [pack, bijeenkomst].flatMap((folder) =>
      readdirSync(folder)
        .filter(isOfficeFile)
        .map((name) => join(folder, name)),
    );
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(findingsOf(checkOoxml(files))).toEqual([]);
  });

  it("works on its own with --huisstijl, and the library's own colour in its answers wins", () => {
    const own = join(dir, "eigen");
    const answers = join(dir, "antwoorden.yaml");
    const example = readFileSync(join(pack, "antwoorden.yaml"), "utf8");
    // The example's answers have no huisstijl section: the library sets its own colour.
    expect(example).not.toMatch(/^huisstijl:/m);
    writeFileSync(answers, `${example}\nhuisstijl:\n  kleur: "#00607A"\n`);
    const alone = runIdokit([
      "training",
      "--antwoorden",
      answers,
      "--huisstijl",
      join(templates, "huisstijl.yaml"),
      "--map",
      own,
    ]);
    expect(alone.status, alone.stderr).toBe(0);
    const pptx = partsOf(join(own, "presentatie-vaardigheidstraining.pptx"));
    expect(pptx).toMatch(/srgbClr val="00607A"/);
    expect(pptx).not.toMatch(/srgbClr val="7A1F5C"/);
    // The rest of the house style still applies.
    expect(pptx).toMatch(/<a:latin typeface="Georgia"/);
  });

  it("refuses a broken house style with file:line messages and makes no pack", () => {
    const broken = join(dir, "kapot.yaml");
    writeFileSync(broken, 'naam: Regio\nhoofdkleur: "paars"\nlettertypeTekst: ""\nlogo: weg.png\n');
    const target = join(dir, "niet");
    const result = runIdokit(["training", "--voorbeeld", "--huisstijl", broken, "--map", target]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${broken}, regel 2: hoofdkleur: "paars" is geen kleur in hex`);
    expect(result.stderr).toContain(`${broken}, regel 3: lettertypeTekst: is leeg`);
    expect(existsSync(target)).toBe(false);
  });
});

function unzipNames(file: string): Record<string, true> {
  const names: Record<string, true> = {};
  const data = readFileSync(file);
  // Local file headers: "PK\x03\x04", name length at 26, name at 30.
  for (let i = 0; i + 30 < data.length; i++) {
    if (data.readUInt32LE(i) !== 0x04034b50) continue;
    const length = data.readUInt16LE(i + 26);
    names[data.subarray(i + 30, i + 30 + length).toString("utf8")] = true;
  }
  return names;
}
