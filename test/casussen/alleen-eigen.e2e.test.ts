import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { readReport, rowWith, templateSheet, writeXlsx } from "../batch/helpers.js";
import { readParts } from "../helpers/zip.js";

const docxText = (file: string): string => readParts(file)["word/document.xml"] ?? "";

/**
 * A POI's own casussen INSTEAD of the built-in library (#11 item 3): `--alleen-eigen-casussen`
 * (`--own-casussen-only`), or `alleenEigenCasussen: ja` in instellingen.yaml, for the training,
 * the batch, `casussen` and `sjablonen lijst`; too few own casussen is a clear Dutch error.
 */

const FIXTURE = fileURLToPath(new URL("../fixtures/casussen-eigen", import.meta.url));
const BUILT_IN = fileURLToPath(new URL("../../casussen", import.meta.url));
/** Built-in files the POI copied into its own folder (there they count as its own). */
const COPIED = [
  "aow-brief-die-niet-kwam.md",
  "cjib-verhoogde-boete.md",
  "digid-machtigen-vader-dementie.md",
  "apk-boete-rdw-of-cjib.md",
];

interface Made {
  casussen: Array<{ id: string }>;
  map: string;
}

describe("only the POI's own casussen", () => {
  let dir: string;
  /** Two own casussen: too few for the example's five. */
  let few: string;
  /** Six own casussen. */
  let enough: string;
  let ownIds: string[];
  let ownTitles: string[];
  beforeAll(() => {
    dir = tempDir();
    few = join(dir, "weinig");
    enough = join(dir, "genoeg");
    cpSync(FIXTURE, few, { recursive: true });
    cpSync(FIXTURE, enough, { recursive: true });
    for (const file of COPIED) cpSync(join(BUILT_IN, file), join(enough, file));
    ownIds = readdirSync(enough)
      .filter((name) => name.endsWith(".md") && name !== "README.md")
      .map((name) => name.replace(/\.md$/, ""));
    ownTitles = ownIds.map(
      (id) => /^titel: "?([^"\n]+)"?$/m.exec(readFileSync(join(enough, `${id}.md`), "utf8"))![1]!,
    );
  });

  it("makes a training from the own folder only, under the Dutch flag and its English alias", () => {
    for (const flag of ["--alleen-eigen-casussen", "--own-casussen-only"]) {
      const out = join(dir, `pakket${flag}`);
      const made = runIdokit(
        ["training", "--voorbeeld", "--casussen", enough, flag, "--map", out, "--json"],
        {},
      );
      expect(made.status, made.stderr).toBe(0);
      const result = JSON.parse(made.stdout) as Made;
      expect(result.casussen).toHaveLength(5);
      for (const casus of result.casussen) expect(ownIds).toContain(casus.id);
    }
    // Without the flag the same answers pick from the built-in library as well.
    const mixed = runIdokit(
      ["training", "--voorbeeld", "--casussen", enough, "--proefdraai", "--json"],
      {},
    );
    const chosen = (JSON.parse(mixed.stdout) as Made).casussen.map((casus) => casus.id);
    expect(chosen.some((id) => !ownIds.includes(id))).toBe(true);
  });

  it("refuses too few own casussen in Dutch, names the folder and makes no pack", () => {
    const out = join(dir, "te-weinig");
    const made = runIdokit(
      ["training", "--voorbeeld", "--casussen", few, "--alleen-eigen-casussen", "--map", out],
      {},
    );
    expect(made.status).toBe(1);
    expect(made.stderr).toContain("Te weinig eigen casussen voor deze training.");
    expect(made.stderr).toContain(
      `focus.aantalCasussen: 5 casussen gevraagd, maar in "${few}" staan er 2, en de ingebouwde casussen doen niet mee.`,
    );
    expect(made.stderr).toContain("idokit casussen nieuw MAP/naam.md");
    expect(existsSync(out)).toBe(false);

    const noFolder = runIdokit(["training", "--voorbeeld", "--alleen-eigen-casussen"], {
      cwd: dir,
    });
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr).toContain("er is geen eigen casusmap opgegeven");
  });

  it("is a setting in instellingen.yaml that casussen and sjablonen lijst show", () => {
    const settings = join(dir, "instellingen.yaml");
    writeFileSync(settings, "casussen: ./genoeg\nalleenEigenCasussen: ja\n");
    const env = { IDOKIT_INSTELLINGEN: settings };

    const listed = runIdokit(["casussen", "--json"], { env });
    expect(listed.status, listed.stderr).toBe(0);
    const casussen = (JSON.parse(listed.stdout) as { casussen: Array<{ builtIn: boolean }> })
      .casussen;
    expect(casussen).toHaveLength(ownIds.length);
    expect(casussen.every((casus) => !casus.builtIn)).toBe(true);
    const table = runIdokit(["casussen"], { env });
    expect(table.stdout).toContain(
      `Bron: ${ownIds.length} uit ${enough} (alleen eigen casussen; de ingebouwde doen niet mee).`,
    );
    expect(runIdokit(["casussen", "--casussen", enough]).stdout).toMatch(
      new RegExp(`Bron: \\d+ van idokit zelf, ${ownIds.length} uit `),
    );

    const sources = runIdokit(["sjablonen", "lijst"], { env });
    expect(sources.status, sources.stderr).toBe(0);
    expect(sources.stderr).toMatch(
      /Casussen +van idokit zelf: \d+ casussen — niet gebruikt \(alleen eigen casussen\)/,
    );
    expect(sources.stderr).toContain(`${enough} (uit de instellingen): ${ownIds.length} casussen`);
    const json = JSON.parse(runIdokit(["sjablonen", "lijst", "--json"], { env }).stdout) as {
      casussen: Array<{ bron: string; gebruikt: boolean }>;
    };
    expect(json.casussen.map((folder) => [folder.bron, folder.gebruikt])).toEqual([
      ["ingebouwd", false],
      ["instellingen", true],
    ]);

    const made = runIdokit(["training", "--voorbeeld", "--proefdraai", "--json"], { env });
    expect(made.status, made.stderr).toBe(0);
    for (const casus of (JSON.parse(made.stdout) as Made).casussen)
      expect(ownIds).toContain(casus.id);
  });

  it("holds in a batch: each row picks from the own folder, a row that needs more fails alone", async () => {
    const { headers, example } = await templateSheet();
    const sheet = join(dir, "lijst.xlsx");
    await writeXlsx(sheet, headers, [
      rowWith(headers, example, {}),
      rowWith(headers, example, { "Aantal casussen": 7 }),
    ]);
    const out = join(dir, "batch");
    const result = runIdokit(
      ["batch", sheet, "--map", out, "--casussen", enough, "--alleen-eigen-casussen", "--json"],
      {},
    );
    expect(result.status).toBe(1);
    const report = readReport(readFileSync(join(out, "rapport.csv"), "utf8"));
    expect(report.map((row) => row.Status)).toEqual(["gemaakt", "fout"]);
    expect(report[1]?.Problemen).toBe(
      `Rij 3, focus.aantalCasussen: 7 casussen gevraagd, maar in "${enough}" staan er 6, en de ingebouwde casussen doen niet mee.`,
    );
    // The made pack's casussen are the own ones: every casus heading of the trainer's document
    // is the title of a casus in the own folder.
    const pack = readdirSync(out).find((name) => name.startsWith("training-"))!;
    const trainer = docxText(join(out, pack, "casussen-trainer.docx"));
    const headings = [...trainer.matchAll(/Casus \d+: ([^<]+?)(?: \(reserve\))?</g)].map(
      (match) => match[1],
    );
    expect(headings).toHaveLength(5);
    for (const title of headings) expect(ownTitles).toContain(title);
  });
});
