import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { traceLoaded } from "../helpers/loaded.js";

describe("idokit controleer", () => {
  const root = tempDir("idokit-controleer-");
  const pack = join(root, "pakket");

  beforeAll(() => {
    const made = runIdokit(["training", "--voorbeeld", "--out", pack]);
    expect(made.status, made.stderr).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("passes a pack as idokit made it, file by file, and exits 0", () => {
    const run = runIdokit(["controleer", pack]);
    expect(run.status, run.stderr).toBe(0);
    for (const name of ["draaiboek.docx", "presentatie-vaardigheidstraining.pptx"])
      expect(run.stderr).toContain(`✔ ${name}: in orde (zoals idokit het maakte)`);
    expect(run.stderr).toMatch(/9 bestanden gecontroleerd: geen fouten gevonden/);
  });

  it("names the file, the part and the fault of a damaged file, says what to do, and exits 1", () => {
    const folder = join(root, "beschadigd");
    mkdirSync(folder);
    copyFileSync(join(pack, "draaiboek.docx"), join(folder, "draaiboek.docx"));
    copyFileSync(join(pack, "manifest.json"), join(folder, "manifest.json"));
    const parts = unzipSync(readFileSync(join(pack, "presentatie-vaardigheidstraining.pptx")));
    const slide = strFromU8(parts["ppt/slides/slide2.xml"]!);
    parts["ppt/slides/slide2.xml"] = strToU8(slide.replace('<p:cNvPr id="3"', '<p:cNvPr id="2"'));
    writeFileSync(join(folder, "presentatie-vaardigheidstraining.pptx"), zipSync(parts));

    const run = runIdokit(["controleer", folder]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("✔ draaiboek.docx: in orde");
    expect(run.stderr).toMatch(
      /✖ presentatie-vaardigheidstraining\.pptx: 1 fout \(aangepast nadat idokit het maakte\)/,
    );
    expect(run.stderr).toContain("Dia 2: Twee vormen hebben hetzelfde nummer (id 2).");
    expect(run.stderr).toMatch(/laat het herstellen en sla het opnieuw op/);

    const json = runIdokit(["controleer", folder, "--json"]);
    expect(json.status).toBe(1);
    const result = JSON.parse(json.stdout) as {
      ok: boolean;
      bestanden: Array<{ naam: string; fouten: number; bevindingen: Array<{ rule: string }> }>;
    };
    expect(result.ok).toBe(false);
    expect(result.bestanden.map((f) => [f.naam, f.fouten])).toEqual([
      ["draaiboek.docx", 0],
      ["presentatie-vaardigheidstraining.pptx", 1],
    ]);
    expect(result.bestanden[1]!.bevindingen[0]!.rule).toBe("vorm-id");
  });

  it("checks one file, and refuses a path that is missing or not a document", () => {
    expect(runIdokit(["controleer", join(pack, "draaiboek.docx")]).status).toBe(0);
    const missing = runIdokit(["controleer", join(root, "bestaat-niet")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/bestaat niet/);
    const other = runIdokit(["controleer", join(pack, "antwoorden.yaml")]);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/geen \.docx- of \.pptx-bestand/);
    const empty = join(root, "leeg");
    mkdirSync(empty);
    expect(runIdokit(["controleer", empty]).stderr).toMatch(/staan geen \.docx- of \.pptx/);
  });

  it("keeps the check out of `idokit --help`", () => {
    const { run, modules } = traceLoaded(["--help"]);
    expect(run.stdout).toMatch(/controleer/);
    expect(modules).toContain("src/cli/controleer.ts");
    expect(modules.join("\n")).not.toMatch(/src\/check\/|node_modules\/(saxes|fflate)\//);
  });
});
