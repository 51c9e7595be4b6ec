import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { withActorDetails } from "../../src/acteurs/apply.js";
import { loadActorList } from "../../src/acteurs/load.js";
import {
  findActor,
  parseActorTable,
  parseActorYaml,
  type ActorList,
} from "../../src/acteurs/parse.js";
import { runTraining, type TrainingOptions } from "../../src/commands/training.js";
import type { CommandContext } from "../../src/commands/context.js";
import { InputError } from "../../src/errors.js";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { TODAY } from "../helpers/context.js";
import { readParts, textOf } from "../helpers/zip.js";
import { NEW_USER } from "../questions/new-user.js";
import { scriptedPrompts, type ScriptedAnswer } from "../questions/scripted-prompts.js";

const EXAMPLE_LIST = join(PACKAGE_ROOT, "data", "voorbeeld-trainingsacteurs.yaml");
const LIST: ActorList = {
  source: "acteurs.yaml",
  acteurs: [
    {
      naam: "Fatima el Idrissi",
      bureau: "Rollenspel Oost",
      email: "fatima@rollenspeloost.nl",
      telefoon: "06 18 55 20 71",
      specialiteiten: [],
    },
    { naam: "Henk Bosman", specialiteiten: ["schulden"] },
  ],
};

describe("a list of trainingsacteurs", () => {
  it("reads the YAML list idokit ships and the empty one it exports", async () => {
    const list = await loadActorList(EXAMPLE_LIST);
    expect(list.acteurs.map((a) => a.naam)).toEqual([
      "Joost van Dijk",
      "Fatima el Idrissi",
      "Henk Bosman",
    ]);
    expect(list.acteurs[0]).toMatchObject({
      bureau: "Spel & Co trainingsacteurs",
      email: "joost@spelenco.nl",
      specialiteiten: ["ouderen", "boosheid", "verdriet en rouw"],
    });
    const exported = await loadActorList(join(PACKAGE_ROOT, "templates", "trainingsacteurs.yaml"));
    expect(exported.acteurs).toEqual([]);
  });

  it("names actor, line and field of every problem, with 'bedoelde je'", () => {
    const parsed = parseActorYaml(
      [
        "acteurs:",
        "  - naam: Joost",
        "    email: geen-mail",
        "  - bureau: Zonder naam",
        "  - naam: Henk",
        "    telefon: 0612345678",
        "  - naam: joost",
      ].join("\n"),
      "acteurs.yaml",
    );
    expect(parsed.list).toBeUndefined();
    expect(parsed.problems.map((p) => `${p.where} | ${p.message}`)).toEqual([
      'acteurs.yaml, acteur 1 (regel 3) | email: "geen-mail" is geen geldig e-mailadres. Gebruik de vorm naam@organisatie.nl.',
      "acteurs.yaml, acteur 2 (regel 4) | naam: ontbreekt: elke trainingsacteur heeft een naam.",
      'acteurs.yaml, acteur 3 (regel 6) | onbekend veld "telefon". Bedoelde je "telefoon"? De velden zijn: naam, bureau, email, telefoon, regio, specialiteiten.',
      'acteurs.yaml, acteur 4 (regel 7) | "joost" staat al eerder in de lijst (acteurs.yaml, acteur 1 (regel 2)). Elke naam één keer, zodat idokit weet wie je bedoelt.',
    ]);
  });

  it("reads a spreadsheet by its column names, with row and column in messages", () => {
    const table = (rows: string[][]) => ({
      source: "acteurs.csv",
      headers: ["Naam", "E-mailadres", "Telefoon", "Specialiteiten"],
      rows: rows.map((cells, i) => ({ number: i + 2, cells })),
    });
    const good = parseActorTable(
      table([
        ["Fatima el Idrissi", "fatima@rollenspeloost.nl", "", "mantelzorg; jongeren"],
        ["", "", "", ""],
      ]),
    );
    expect(good.list?.acteurs).toEqual([
      {
        naam: "Fatima el Idrissi",
        email: "fatima@rollenspeloost.nl",
        specialiteiten: ["mantelzorg", "jongeren"],
      },
    ]);
    const bad = parseActorTable(table([["Henk", "henk", "", ""]]));
    expect(bad.problems).toEqual([
      {
        where: 'acteurs.csv, rij 2, kolom "E-mailadres"',
        message: expect.stringMatching(/^email: "henk" is geen geldig e-mailadres/),
      },
    ]);
    expect(
      parseActorTable({ source: "x.csv", headers: ["Wie", "Mail"], rows: [] }).problems.map(
        (p) => p.message,
      ),
    ).toEqual([expect.stringMatching(/onbekende kolom/), 'de kolom "Naam" ontbreekt.']);
  });

  it("never throws on any text, and every problem says where", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parsed = parseActorYaml(text, "a.yaml");
        expect(parsed.list !== undefined || parsed.problems.length > 0).toBe(true);
        for (const problem of parsed.problems) expect(problem.where).toMatch(/^a\.yaml/);
      }),
    );
  });

  it("finds an actor by name whatever the case, accents or spaces", () => {
    expect(findActor(LIST, "  fatima EL idrissi ")?.naam).toBe("Fatima el Idrissi");
    expect(findActor(LIST, "Fatimá el Idrissi")?.naam).toBe("Fatima el Idrissi");
    expect(findActor(LIST, "Fatima")).toBeUndefined();
  });

  it("fills what the answers leave empty from the list; the answers win", () => {
    const answers = { acteur: { naam: "fatima el idrissi", email: "eigen@bureau.nl" }, x: 1 };
    const { answers: filled, notices } = withActorDetails(answers, LIST);
    expect(filled).toEqual({
      acteur: {
        naam: "Fatima el Idrissi",
        bureau: "Rollenspel Oost",
        email: "eigen@bureau.nl",
        telefoon: "06 18 55 20 71",
      },
      x: 1,
    });
    expect(notices).toEqual([]);
    expect(withActorDetails({ acteur: { naam: "Iemand Anders" } }, LIST).answers).toEqual({
      acteur: { naam: "Iemand Anders" },
    });
    expect(withActorDetails({ acteur: { naam: "Fatma el Idrissi" } }, LIST).notices).toEqual([
      'Trainingsacteur "Fatma el Idrissi" staat niet in acteurs.yaml; bedoelde je "Fatima el Idrissi"? De gegevens uit de lijst zijn niet gebruikt.',
    ]);
    expect(withActorDetails({ acteur: {} }, undefined).answers).toEqual({ acteur: {} });
  });

  it("refuses a list with problems as an input error that names the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "idokit-acteurs-"));
    try {
      writeFileSync(join(dir, "a.yaml"), "acteurs:\n  - naam: Joost\n    email: nee\n");
      const error = await loadActorList(join(dir, "a.yaml")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toContain(join(dir, "a.yaml"));
      const missing = await loadActorList(join(dir, "weg.yaml")).catch((e: unknown) => e);
      expect((missing as InputError).message).toMatch(/bestaat niet/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("idokit training with a list of trainingsacteurs", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = async (script: Record<string, ScriptedAnswer>) => {
    dir = mkdtempSync(join(tmpdir(), "idokit-acteur-picker-"));
    const fake = scriptedPrompts({ ...NEW_USER, ...script });
    const context: CommandContext = {
      today: TODAY,
      now: new Date("2026-11-28T10:00:00Z"),
      cwd: dir,
      interactive: true,
      report: { info: () => undefined, warn: () => undefined },
    };
    const options: TrainingOptions = {
      voorbeeld: false,
      force: false,
      dryRun: false,
      out: "pakket",
      casussen: [],
      seed: 1,
      acteurs: EXAMPLE_LIST,
    };
    await runTraining(options, context, { prompts: async () => fake.prompts });
    const saved = parse(readFileSync(join(dir, "pakket", "antwoorden.yaml"), "utf8")) as {
      acteur: Record<string, unknown>;
    };
    const text = (file: string) =>
      textOf(readParts(join(dir, "pakket", file))["word/document.xml"]!);
    return { fake, saved, text };
  };

  it("offers the list in the actor section; the actor chosen fills the briefing and the draaiboek", async () => {
    const { fake, saved, text } = await run({ "acteur.naam": "1" });
    const asked = fake.last("acteur.naam")!;
    expect(asked.kind).toBe("select");
    expect(asked.choices).toHaveLength(5);
    // Bureau, e-mail and phone come along: not asked again.
    expect(fake.ids()).not.toContain("acteur.email");
    expect(saved.acteur).toMatchObject({
      naam: "Fatima el Idrissi",
      bureau: "Rollenspel Oost",
      email: "fatima@rollenspeloost.nl",
      telefoon: "06 18 55 20 71",
    });
    expect(text("briefing-trainingsacteur.docx")).toContain("Fatima el Idrissi, Rollenspel Oost");
    expect(text("draaiboek.docx")).toContain(
      "Fatima el Idrissi, Rollenspel Oost, fatima@rollenspeloost.nl, 06 18 55 20 71",
    );
    // The mail to paste and the invitation for the voorbespreking are addressed to her too.
    const mail = readFileSync(join(dir, "pakket", "mails", "mail-trainingsacteur.txt"), "utf8");
    expect(mail).toMatch(/^Beste Fatima,$/m);
    const invitation = readFileSync(
      join(dir, "pakket", "mails", "voorbespreking-trainingsacteur.ics"),
      "utf8",
    ).replace(/\r?\n /g, "");
    expect(invitation).toContain("Fatima el Idrissi");
  }, 60_000);

  it("lets a person type another name, or leave the actor open", async () => {
    const other = await run({ "acteur.naam": "\u0000anders", "acteur.naam.naam": "Kees Vos" });
    expect(other.saved.acteur.naam).toBe("Kees Vos");
    expect(other.fake.ids()).toContain("acteur.email");
    rmSync(dir, { recursive: true, force: true });
    const open = await run({ "acteur.naam": "\u0000open" });
    expect(open.saved.acteur.naam).toBeUndefined();
  }, 60_000);
});
