import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { readParts, textOf } from "../helpers/zip.js";

describe("own templates", () => {
  it("exports the templates, and a changed wording appears in the pack", () => {
    const dir = tempDir();
    const templates = join(dir, "sjablonen");
    const exported = runIdokit(["sjablonen", "exporteer", templates]);
    expect(exported.status).toBe(0);
    const draaiboek = join(templates, "training", "draaiboek.md.hbs");
    writeFileSync(
      draaiboek,
      readFileSync(draaiboek, "utf8").replace(
        "# Over dit draaiboek",
        "# Over dit draaiboek van Regio Oost",
      ),
    );
    const made = runIdokit([
      "training",
      "--voorbeeld",
      "--templates",
      templates,
      "--out",
      join(dir, "pakket"),
    ]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/Eigen sjabloon gebruikt voor training\/draaiboek\.md/);
    expect(
      textOf(readParts(join(dir, "pakket", "draaiboek.docx"))["word/document.xml"]!),
    ).toContain("Over dit draaiboek van Regio Oost");
  });

  it("falls back to the built-in template for files the user's folder does not have", () => {
    const dir = tempDir();
    const templates = join(dir, "sjablonen");
    mkdirSync(join(templates, "training"), { recursive: true });
    writeFileSync(
      join(templates, "training", "casussen-deelnemers.md.hbs"),
      "# Kaarten voor {{bibliotheek.organisatie}}\n",
    );
    const made = runIdokit([
      "training",
      "--voorbeeld",
      "--templates",
      templates,
      "--out",
      join(dir, "pakket"),
    ]);
    expect(made.status, made.stderr).toBe(0);
    expect(
      textOf(readParts(join(dir, "pakket", "casussen-deelnemers.docx"))["word/document.xml"]!),
    ).toContain("Kaarten voor Bibliotheek Zuiderlinge");
    expect(
      textOf(readParts(join(dir, "pakket", "draaiboek.docx"))["word/document.xml"]!),
    ).toContain("Over dit draaiboek");
  });

  it("names the template and the misspelled variable, and writes nothing", () => {
    const dir = tempDir();
    const templates = join(dir, "sjablonen");
    mkdirSync(join(templates, "training"), { recursive: true });
    writeFileSync(
      join(templates, "training", "draaiboek.md.hbs"),
      "# {{bibliotheek.organisatei}}\n",
    );
    const made = runIdokit([
      "training",
      "--voorbeeld",
      "--templates",
      templates,
      "--out",
      join(dir, "pakket"),
    ]);
    expect(made.status).toBe(1);
    expect(made.stderr).toMatch(
      /training\/draaiboek\.md\.hbs:1:5: onbekende variabele "bibliotheek\.organisatei".*Bedoelde je "bibliotheek\.organisatie"\?/,
    );
    rmSync(templates, { recursive: true });
    expect(() => readFileSync(join(dir, "pakket", "manifest.json"))).toThrow();
  });
});

describe("idokit sjablonen controleer", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const exported = (): string => {
    const dir = tempDir();
    dirs.push(dir);
    const templates = join(dir, "sjablonen");
    expect(runIdokit(["sjablonen", "exporteer", templates]).status).toBe(0);
    return templates;
  };
  const edit = (file: string, from: string | RegExp, to: string): void => {
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(from);
    writeFileSync(file, text.replace(from, to));
  };

  it("finds an exported set in order, and lists what each template can use in LEESMIJ.md", () => {
    const templates = exported();
    const result = runIdokit(["sjablonen", "controleer", templates]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/in orde \(nog niets gewijzigd\), met huisstijl\.yaml/);
    const guide = readFileSync(join(templates, "LEESMIJ.md"), "utf8");
    expect(guide).toContain("`training/draaiboek.md.hbs` → draaiboek.docx");
    expect(guide).toContain(
      "`bijeenkomst/handleiding.md.hbs` → handleiding-lokale-bijeenkomst.docx",
    );
    for (const name of [
      "`bibliotheek.organisatie`",
      "`acteurNaam`",
      "`casussen[].titel`",
      "`agenda[].titel`",
    ])
      expect(guide).toContain(`- ${name}`);
    expect(guide).toMatch(/\| `opsomming` \| een lijst als/);
    expect(guide).toContain("### `partials/rolkaart.md.hbs`");
  });

  it("gives file:line:column messages for broken templates, and the pack is refused with the same", () => {
    const templates = exported();
    const draaiboek = join(templates, "training", "draaiboek.md.hbs");
    edit(draaiboek, "# Over dit draaiboek", "# Over dit draaiboek {{bibliotheek.organisatei}}");
    const lines = readFileSync(draaiboek, "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes("organisatei")) + 1;
    // The column of the name itself, just after the braces.
    const column = lines[line - 1]!.indexOf("{{bibliotheek.organisatei") + 3;
    const presentatie = join(templates, "training", "presentatie.md.hbs");
    edit(presentatie, "<!-- layout: titel -->", "<!-- layout: titels -->");
    const rolkaart = join(templates, "partials", "rolkaart.md.hbs");
    edit(rolkaart, /^/, "{{> kaartje}}\n");
    writeFileSync(join(templates, "training", "briefing.md"), "# Eigen briefing\n");

    const checked = runIdokit(["sjablonen", "controleer", templates]);
    expect(checked.status).toBe(1);
    const expected = [
      `${draaiboek}:${line}:${column}: onbekende variabele "bibliotheek.organisatei" ("organisatei" bestaat hier niet). Bedoelde je "bibliotheek.organisatie"?`,
      `${presentatie}:12:1: onbekende dia-indeling "titels". Bedoelde je "titel"?`,
      `${rolkaart}:1:1: onbekende partial "kaartje"`,
      `${join(templates, "training", "briefing.md")}: is geen sjabloon (dat eindigt op .hbs of .yaml)`,
    ];
    for (const message of expected) expect(checked.stderr).toContain(message);

    const target = join(templates, "..", "pakket");
    const made = runIdokit(["training", "--voorbeeld", "--sjablonen", templates, "--map", target]);
    expect(made.status).toBe(1);
    expect(made.stderr).toMatch(/fouten in de sjablonen in .*Er is niets gemaakt/);
    for (const message of expected.slice(0, 3)) expect(made.stderr).toContain(message);
    expect(existsSync(target)).toBe(false);
  });

  it("reports a broken house style in the folder by line and field", () => {
    const templates = exported();
    edit(join(templates, "huisstijl.yaml"), /^lettertypeTekst: .*$/m, 'lettertypeTekst: ""');
    const checked = runIdokit(["sjablonen", "controleer", templates, "--json"]);
    expect(checked.status).toBe(1);
    const json = JSON.parse(checked.stdout) as {
      problemen: Array<{ where: string; message: string }>;
    };
    expect(json.problemen).toEqual([
      {
        where: expect.stringMatching(/huisstijl\.yaml, regel \d+$/),
        message: expect.stringMatching(/^lettertypeTekst: is leeg/),
      },
    ]);
  });
});
