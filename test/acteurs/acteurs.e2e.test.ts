import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { readParts, textOf } from "../helpers/zip.js";
import { stringify } from "yaml";
import { exampleRaw } from "../helpers/answers.js";
import { rowWith, templateSheet, writeCsv1252, writeXlsx } from "../batch/helpers.js";

const documentText = (file: string): string => textOf(readParts(file)["word/document.xml"]!);

describe("a POI's list of trainingsacteurs, used by name", () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fills a batch row that names the actor from a spreadsheet list", async () => {
    const list = join(dir, "acteurs.xlsx");
    await writeXlsx(
      list,
      ["Naam", "Bureau", "E-mail", "Telefoon", "Regio", "Specialiteiten"],
      [
        [
          "Fatima el Idrissi",
          "Rollenspel Oost",
          "fatima@rollenspeloost.nl",
          "06 18 55 20 71",
          "Oost",
          "jongeren; mantelzorg",
        ],
        ["Henk Bosman", "", "henk@bosmanacteerwerk.nl", "", "", ""],
      ],
      { sheet: "Acteurs" },
    );
    const { headers, example } = await templateSheet();
    const row = rowWith(headers, example, {
      Trainingsacteur: "fatima el idrissi",
      "Bureau acteur": null,
      "E-mail acteur": null,
      "Telefoon acteur": null,
    });
    const sheet = join(dir, "bibliotheken.csv");
    writeCsv1252(sheet, headers, [row]);
    const result = runIdokit([
      "batch",
      sheet,
      "--acteurs",
      list,
      "--map",
      join(dir, "uit"),
      "--werkers",
      "0",
    ]);
    expect(result.status, result.stderr).toBe(0);
    const [pack] = readdirSync(join(dir, "uit")).filter((name) => name.startsWith("training-"));
    const draaiboek = documentText(join(dir, "uit", pack!, "draaiboek.docx"));
    expect(draaiboek).toContain(
      "Fatima el Idrissi, Rollenspel Oost, fatima@rollenspeloost.nl, 06 18 55 20 71",
    );
    const answers = readFileSync(join(dir, "uit", pack!, "antwoorden.yaml"), "utf8");
    expect(answers).toMatch(/email: fatima@rollenspeloost\.nl/);
  });

  it("fills an answers file that names the actor, and says so when a name is almost on the list", () => {
    const list = join(dir, "acteurs.yaml");
    writeFileSync(
      list,
      "acteurs:\n  - naam: Henk Bosman\n    bureau: Bosman Acteerwerk\n    email: henk@bosmanacteerwerk.nl\n",
    );
    const answers = (naam: string): string => {
      const raw = exampleRaw();
      raw.acteur = { naam };
      const file = join(dir, `antwoorden-${naam.replace(/\W/g, "")}.yaml`);
      writeFileSync(file, stringify(raw));
      return file;
    };
    const made = runIdokit([
      "training",
      "--antwoorden",
      answers("henk bosman"),
      "--acteurs",
      list,
      "--map",
      join(dir, "p1"),
    ]);
    expect(made.status, made.stderr).toBe(0);
    expect(documentText(join(dir, "p1", "briefing-trainingsacteur.docx"))).toContain(
      "Voor: Henk Bosman, Bosman Acteerwerk",
    );
    expect(documentText(join(dir, "p1", "draaiboek.docx"))).toContain(
      "Henk Bosman, Bosman Acteerwerk, henk@bosmanacteerwerk.nl",
    );

    const typo = runIdokit([
      "training",
      "--antwoorden",
      answers("Henk Bosma"),
      "--acteurs",
      list,
      "--map",
      join(dir, "p2"),
      "--proefdraai",
    ]);
    expect(typo.status, typo.stderr).toBe(0);
    expect(typo.stderr).toContain('Trainingsacteur "Henk Bosma" staat niet in');
    expect(typo.stderr).toContain('bedoelde je "Henk Bosman"?');
  });
});
