import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { parse, stringify } from "yaml";
import { TODAY } from "./helpers.js";
import { tempDir } from "../helpers/temp.js";

const BIN = fileURLToPath(new URL("../../bin/idokit.js", import.meta.url));

/** Runs the built idokit as a user would: no terminal, a fixed today, no colours. */
function idokit(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, IDOKIT_VANDAAG: TODAY, NO_COLOR: "1" },
    input: "",
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("idokit bijeenkomst (built binary)", () => {
  it("makes the example pack whose werkafspraken.yaml, completed, makes a training pack", () => {
    const dir = tempDir("idokit-bijeenkomst-");
    const made = idokit(["bijeenkomst", "--voorbeeld", "--out", "bijeenkomst"], dir);
    expect(made.stderr).toContain("Bijeenkomstpakket klaar");
    expect(made.status).toBe(0);
    expect(readdirSync(join(dir, "bijeenkomst")).sort()).toEqual([
      "LEESMIJ.html",
      "antwoorden.yaml",
      "handleiding-lokale-bijeenkomst.docx",
      "mails",
      "manifest.json",
      "presentatie-lokale-bijeenkomst.pptx",
      "presentielijst.docx",
      "werkafspraken-formulier.docx",
      "werkafspraken.yaml",
    ]);

    // The kartrekker completes the werkafspraken with the training's own answers.
    const werkafspraken = parse(
      readFileSync(join(dir, "bijeenkomst", "werkafspraken.yaml"), "utf8"),
    );
    const completed = {
      ...werkafspraken,
      training: {
        ...werkafspraken.training,
        starttijd: "13:30",
        eindtijd: "16:45",
        locatie: "Vergaderzaal De Linde",
        deelnemers: 12,
        ervaring: "nieuw",
      },
      acteur: { naam: "Joost van Dijk", email: "joost@spelenco.nl" },
      focus: { vaardigheden: ["doorvragen", "warm-doorverwijzen"], aantalCasussen: 5 },
    };
    writeFileSync(join(dir, "training-antwoorden.yaml"), stringify(completed));
    const training = idokit(
      ["training", "--answers", "training-antwoorden.yaml", "--out", "training", "--json"],
      dir,
    );
    expect(training.stderr).not.toMatch(/Fout/);
    expect(training.status).toBe(0);
    const result = JSON.parse(training.stdout);
    expect(result.ok).toBe(true);
    const files = readdirSync(join(dir, "training")).sort();
    expect(files).toEqual(
      [
        "antwoorden.yaml",
        "briefing-trainingsacteur.docx",
        "casussen-deelnemers.docx",
        "casussen-trainer.docx",
        "draaiboek.docx",
        "manifest.json",
        "presentatie-vaardigheidstraining.pptx",
        "LEESMIJ.html",
        "evaluatieformulier.docx",
        "mails",
        "presentielijst.docx",
        "spiekbrief.docx",
        "voornemenkaartjes.docx",
      ].sort(),
    );
    // The werkafspraken of the meeting reached the training's answers unchanged.
    const trainingAnswers = parse(readFileSync(join(dir, "training", "antwoorden.yaml"), "utf8"));
    expect(trainingAnswers.partners).toEqual(werkafspraken.partners);
    expect(trainingAnswers.werkwijze).toEqual(werkafspraken.werkwijze);
    expect(trainingAnswers.training.datum).toBe(werkafspraken.training.datum);
  });

  it("prints the plan with --dry-run --json and writes nothing", () => {
    const dir = tempDir("idokit-bijeenkomst-");
    const run = idokit(["bijeenkomst", "--voorbeeld", "--dry-run", "--json"], dir);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ ok: true, dryRun: true });
    expect(result.agenda[0]).toEqual({
      start: "14:00",
      eind: "14:10",
      onderdeel: "Welkom en doel van de bijeenkomst",
    });
    expect(result.open).toEqual([
      "Partners en warme overdracht",
      "Privacy",
      "Escalatie bij lastige bezoekers",
      "Kennis op peil houden",
    ]);
    expect(existsSync(result.map)).toBe(false);
  });

  it("plans the second example's meeting with --voorbeeld aldervoort", () => {
    const dir = tempDir("idokit-bijeenkomst-");
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const run = idokit(["bijeenkomst", "--voorbeeld", "aldervoort", "--proefdraai", "--json"], dir);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.agenda[0]).toMatchObject({ start: "10:00" });
    expect(result.open).toContain("Inrichting");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("exits 2 and lists the missing answers when there is no terminal and no answers", () => {
    const dir = tempDir("idokit-bijeenkomst-");
    writeFileSync(
      join(dir, "half.yaml"),
      stringify({ bibliotheek: { organisatie: "Bibliotheek Test" } }),
    );
    const run = idokit(["bijeenkomst", "--answers", "half.yaml"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("bijeenkomst.datum");
    expect(run.stderr).toContain("kartrekker.naam");
    expect(run.stderr).not.toContain("werkwijze.");
  });
});
