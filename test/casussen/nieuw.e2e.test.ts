import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { exampleRaw } from "../helpers/answers.js";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { readParts, textOf } from "../helpers/zip.js";
import { fillScaffold } from "./scaffold-fill.js";

describe("idokit casussen nieuw", () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Scaffolds a casus, fills it in like a person, and returns its folder. */
  const scaffoldAndFill = (folder: string, id: string, titel: string): string => {
    const file = join(dir, folder, `${id}.md`);
    const made = runIdokit(["casussen", "nieuw", file]);
    expect(made.status, made.stderr).toBe(0);
    writeFileSync(file, fillScaffold(readFileSync(file, "utf8"), titel));
    return join(dir, folder);
  };

  /** Makes a training pack with the example answers and these casussen pinned. */
  const pack = (folder: string, name: string, pinned: string[]) => {
    const answers = exampleRaw();
    answers.focus = { ...answers.focus, casussen: pinned };
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, stringify(answers));
    const made = runIdokit([
      "training",
      "--antwoorden",
      file,
      "--casussen",
      folder,
      "--map",
      join(dir, name),
      "--json",
    ]);
    expect(made.status, made.stderr).toBe(0);
    return {
      result: JSON.parse(made.stdout) as { casussen: Array<{ id: string; titel: string }> },
      trainer: textOf(readParts(join(dir, name, "casussen-trainer.docx"))["word/document.xml"]!),
    };
  };

  it("scaffolds a casus that, filled in, passes controleer and is selected into a pack", () => {
    const folder = scaffoldAndFill("onze-casussen", "pakketje-dat-niet-kwam", "Het pakketje dat niet kwam");
    const checked = runIdokit(["casussen", "controleer", folder]);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toContain("1 casus in orde.");
    const { result, trainer } = pack(folder, "pakket-eigen", ["pakketje-dat-niet-kwam"]);
    expect(result.casussen.map((c) => c.id)).toContain("pakketje-dat-niet-kwam");
    expect(trainer).toContain("Het pakketje dat niet kwam");
    expect(trainer).not.toContain("<!--");
  });

  it("replaces a built-in casus by id", () => {
    const folder = scaffoldAndFill("vervanging", "digid-verlopen-activeringsbrief", "Onze eigen verlopen brief");
    const checked = runIdokit(["casussen", "controleer", folder]);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toContain("vervangt de ingebouwde casus digid-verlopen-activeringsbrief");
    const { result, trainer } = pack(folder, "pakket-vervangen", ["digid-verlopen-activeringsbrief"]);
    expect(result.casussen.find((c) => c.id === "digid-verlopen-activeringsbrief")?.titel).toBe(
      "Onze eigen verlopen brief",
    );
    expect(trainer).toContain("Onze eigen verlopen brief");
    expect(trainer).not.toContain("De verlopen activeringsbrief");
  });

  it("never overwrites a file, and refuses a name that is no id", () => {
    const file = join(dir, "onze-casussen", "pakketje-dat-niet-kwam.md");
    const before = readFileSync(file, "utf8");
    const again = runIdokit(["casussen", "nieuw", file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("bestaat al. Er is niets overschreven.");
    expect(readFileSync(file, "utf8")).toBe(before);
    const badName = runIdokit(["casussen", "nieuw", join(dir, "Mijn Casus.md")]);
    expect(badName.status).toBe(2);
    expect(badName.stderr).toContain("mijn-casus.md");
  });
});
