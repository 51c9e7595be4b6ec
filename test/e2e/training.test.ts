import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { parse, stringify } from "yaml";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { packagesOf, traceLoaded } from "../helpers/loaded.js";
import { readParts, textOf } from "../helpers/zip.js";
import { exampleRaw } from "../helpers/answers.js";
import { solidPng } from "../helpers/png.js";

const PACK_FILES = [
  "LEESMIJ.html",
  "antwoorden.yaml",
  "briefing-trainingsacteur.docx",
  "casussen-deelnemers.docx",
  "casussen-trainer.docx",
  "draaiboek.docx",
  "evaluatieformulier.docx",
  "mails/mail-poi-adviseur.txt",
  "mails/mail-trainingsacteur.txt",
  "mails/mail-uitnodiging-collega.txt",
  "mails/uitnodiging-training.ics",
  "mails/voorbespreking-trainingsacteur.ics",
  "manifest.json",
  "presentatie-vaardigheidstraining.pptx",
  "presentielijst.docx",
  "spiekbrief.docx",
  "voornemenkaartjes.docx",
];
/** What a pack folder holds at its top: the files, and the folder with the mails. */
const PACK_TOP = [...new Set(PACK_FILES.map((name) => name.split("/")[0]!))].sort();

function writeAnswers(dir: string, data: unknown, name = "antwoorden.yaml"): string {
  const file = join(dir, name);
  writeFileSync(file, stringify(data));
  return file;
}

describe("idokit training (built binary)", () => {
  it("makes the example pack with every file, and its manifest describes them", () => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    const result = runIdokit(["training", "--voorbeeld", "--out", out]);
    expect(result.stderr).toContain("Trainingspakket klaar in");
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(PACK_TOP);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {
      pakket: string;
      antwoordenHash: string;
      bestanden: Array<{ naam: string; bytes: number }>;
    };
    expect(manifest.pakket).toBe("training");
    for (const file of manifest.bestanden)
      expect(readFileSync(join(out, file.naam)).byteLength).toBe(file.bytes);
    expect(readdirSync(dir)).toEqual(["pakket"]);
  });

  it("lists the chosen casussen with the numbers the documents give them, the reserve marked", () => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    const result = runIdokit(["training", "--voorbeeld", "--out", out]);
    expect(result.status).toBe(0);
    const listed = [...result.stderr.matchAll(/^ {2}(\d+)\. (.+?) \(([a-z0-9-]+)\)(.*)$/gm)];
    expect(listed.length).toBeGreaterThanOrEqual(3);
    const trainer = textOf(readParts(join(out, "casussen-trainer.docx"))["word/document.xml"]!);
    listed.forEach(([, nummer, titel, , rest], i) => {
      expect(Number(nummer)).toBe(i + 1);
      const heading = new RegExp(
        `Casus ${nummer}: ${titel!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\(reserve\\))?`,
      );
      const match = heading.exec(trainer);
      expect(match, `casus ${nummer} ${titel}`).not.toBeNull();
      expect(Boolean(match![1]), `reserve mark of casus ${nummer}`).toBe(/reserve/.test(rest!));
    });
    // The programme with times as the documents write them: "13.30–13.40", not "13:30".
    expect(result.stderr).toMatch(/^ {2}\d{2}\.\d{2}–\d{2}\.\d{2} {2}Welkom/m);
    expect(result.stderr).not.toMatch(/\d{2}:\d{2}–/);
  });

  it("makes the same pack again from the saved antwoorden.yaml", () => {
    const dir = tempDir();
    expect(runIdokit(["training", "--voorbeeld", "--out", join(dir, "a")]).status).toBe(0);
    const again = runIdokit([
      "training",
      "--answers",
      join(dir, "a", "antwoorden.yaml"),
      "--out",
      join(dir, "b"),
    ]);
    expect(again.status).toBe(0);
    const hash = (name: string) =>
      (
        JSON.parse(readFileSync(join(dir, name, "manifest.json"), "utf8")) as {
          antwoordenHash: string;
        }
      ).antwoordenHash;
    expect(hash("b")).toBe(hash("a"));
  });

  it("writes the answers of an answers file into the documents, literally", () => {
    const dir = tempDir();
    const raw = exampleRaw();
    raw.bibliotheek!.organisatie = "Bieb *Zuid* & <Oost> \"de 'Linge'\" 😀";
    raw.training!.datum = "09-03-2027";
    raw.kartrekker!.naam = "Fenna Ŝtrâß\u0007";
    const file = writeAnswers(dir, raw);
    const out = join(dir, "pakket");
    const result = runIdokit(["training", "--answers", file, "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    const draaiboek = textOf(readParts(join(out, "draaiboek.docx"))["word/document.xml"]!);
    expect(draaiboek).toContain("Bieb *Zuid* & <Oost> \"de 'Linge'\" 😀");
    expect(draaiboek).toContain("Dinsdag 9 maart 2027");
    expect(draaiboek).toContain("Fenna Ŝtrâß");
    expect(draaiboek).not.toContain("\u0007");
    const saved = parse(readFileSync(join(out, "antwoorden.yaml"), "utf8")) as {
      bibliotheek: { organisatie: string };
    };
    expect(saved.bibliotheek.organisatie).toBe("Bieb *Zuid* & <Oost> \"de 'Linge'\" 😀");
  });

  it("copies the logo into the pack, so the pack's antwoorden.yaml works from the pack folder", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "invoer"));
    writeFileSync(join(dir, "invoer", "huisstijl.png"), solidPng(60, 20).data);
    const raw = exampleRaw();
    raw.huisstijl = { kleur: "#00607A", logo: "huisstijl.png" };
    const file = writeAnswers(join(dir, "invoer"), raw);
    const out = join(dir, "pakket");
    const first = runIdokit(["training", "--answers", file, "--out", out]);
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(out)).toContain("logo.png");
    const saved = parse(readFileSync(join(out, "antwoorden.yaml"), "utf8")) as {
      huisstijl: { logo: string };
    };
    expect(saved.huisstijl.logo).toBe("logo.png");
    const slides = readParts(join(out, "presentatie-vaardigheidstraining.pptx"));
    expect(
      Object.keys(slides).some(
        (name) => name.startsWith("ppt/slides/_rels/") && /media\/image/.test(slides[name]!),
      ),
    ).toBe(true);
    const again = runIdokit([
      "training",
      "--answers",
      join(out, "antwoorden.yaml"),
      "--out",
      join(dir, "opnieuw"),
    ]);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(join(dir, "opnieuw"))).toContain("logo.png");
  });

  it("exits 1 and lists every problem by field, writing nothing, for invalid answers", () => {
    const dir = tempDir();
    const raw = exampleRaw();
    raw.training!.deelnemers = 17;
    raw.training!.datum = "31-02-2027";
    raw.training!.eindtijd = "11:00";
    raw.bibliotheek!.onbekend = "x";
    raw.huisstijl = { logo: "bestaat-niet.png" };
    const file = writeAnswers(dir, raw);
    const out = join(dir, "pakket");
    const result = runIdokit(["training", "--answers", file, "--out", out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/training\.deelnemers: .*17 is te groot; het maximum is 16/);
    expect(result.stderr).toMatch(/training\.datum: .*"31-02-2027" bestaat niet als datum/);
    expect(result.stderr).toMatch(/training\.eindtijd: .*ligt niet na de starttijd/);
    expect(result.stderr).toMatch(/bibliotheek\.onbekend: onbekend veld/);
    expect(result.stderr).toMatch(
      /huisstijl\.logo: Logo: het bestand ".*bestaat-niet\.png" bestaat niet/,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(["antwoorden.yaml"]);
  });

  it("names the line of a YAML syntax error", () => {
    const dir = tempDir();
    const file = join(dir, "kapot.yaml");
    writeFileSync(file, "bibliotheek:\n  organisatie: Bieb\n   plaats: [Zuid\n");
    const result = runIdokit(["training", "--answers", file, "--out", join(dir, "uit")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/is geen geldig YAML-bestand/);
    expect(result.stderr).toMatch(/kapot\.yaml, regel \d+, kolom \d+/);
  });

  it("refuses a non-empty output folder without --force, and replaces only an earlier pack with --force", () => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    mkdirSync(out);
    writeFileSync(join(out, "eigen-aantekeningen.txt"), "niet weggooien");
    const refused = runIdokit(["training", "--voorbeeld", "--out", out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/bestaat al en is niet leeg/);
    expect(readdirSync(out)).toEqual(["eigen-aantekeningen.txt"]);
    const forced = runIdokit(["training", "--voorbeeld", "--out", out, "--force"]);
    expect(forced.status).toBe(1);
    expect(forced.stderr).toContain(`De map "${out}" is geen pakket van idokit`);
    expect(forced.stderr).toContain("eigen-aantekeningen.txt: niet van idokit");
    expect(readdirSync(out)).toEqual(["eigen-aantekeningen.txt"]);

    const pack = join(dir, "pakket-2");
    expect(runIdokit(["training", "--voorbeeld", "--out", pack]).status).toBe(0);
    const again = runIdokit(["training", "--voorbeeld", "--out", pack, "--force"]);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(pack).sort()).toEqual(PACK_TOP);
    expect(readdirSync(dir).sort()).toEqual(["pakket", "pakket-2"]);
  });

  it("makes a pack again from its own edited antwoorden.yaml, into the same folder, with --force", () => {
    const dir = tempDir();
    const out = join(dir, "pakket");
    expect(runIdokit(["training", "--voorbeeld", "--out", out]).status).toBe(0);
    const answers = join(out, "antwoorden.yaml");
    writeFileSync(
      answers,
      readFileSync(answers, "utf8").replace(/deelnemers: \d+/, "deelnemers: 9"),
    );
    const remade = runIdokit(["training", "--answers", answers, "--out", out, "--force"]);
    expect(remade.status, remade.stderr).toBe(0);
    expect(readFileSync(answers, "utf8")).toMatch(/deelnemers: 9/);
    expect(readdirSync(dir)).toEqual(["pakket"]);
  });

  it("touches nothing with --out . --force in a folder of the user's (the reported data loss)", () => {
    const dir = tempDir();
    const work = join(dir, "werk");
    mkdirSync(join(work, "src"), { recursive: true });
    writeFileSync(join(work, "src", "index.ts"), "export {};\n");
    writeFileSync(join(work, "notities.txt"), "niet weggooien");
    const result = runIdokit(["training", "--voorbeeld", "--out", ".", "--force"], { cwd: work });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`De map "${work}" is de map waarin je nu werkt`);
    expect(result.stderr).toContain("ook niet met --vervang");
    expect(result.stderr).toMatch(/Tip: Kies een nieuwe map/);
    expect(readdirSync(dir)).toEqual(["werk"]);
    expect(readdirSync(work).sort()).toEqual(["notities.txt", "src"]);
    expect(readFileSync(join(work, "notities.txt"), "utf8")).toBe("niet weggooien");
    expect(readdirSync(join(work, "src"))).toEqual(["index.ts"]);
    const parent = runIdokit(["training", "--voorbeeld", "--out", "..", "--force"], { cwd: work });
    expect(parent.status).toBe(1);
    expect(parent.stderr).toContain("is een map boven de map waarin je nu werkt");
    expect(readdirSync(dir)).toEqual(["werk"]);
  });

  it("lists what it would make on --dry-run, and writes nothing", () => {
    const dir = tempDir();
    const result = runIdokit(["training", "--voorbeeld", "--dry-run", "--json"], { cwd: dir });
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as {
      dryRun: boolean;
      bestanden: Array<{ naam: string }>;
      programma: unknown[];
    };
    expect(json.dryRun).toBe(true);
    expect(json.bestanden.map((b) => b.naam).sort()).toEqual(PACK_FILES);
    expect(json.programma.length).toBeGreaterThan(5);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("makes the pack of the second example with --voorbeeld aldervoort, and lists it in the help", () => {
    const dir = tempDir();
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const out = join(dir, "pakket");
    const result = runIdokit(["training", "--voorbeeld", "aldervoort", "--map", out]);
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(PACK_TOP);
    const answers = parse(readFileSync(join(out, "antwoorden.yaml"), "utf8")) as {
      bibliotheek: { organisatie: string };
      werkwijze: { bemensing: string };
    };
    expect(answers.bibliotheek.organisatie).toBe("Bibliotheek Aldervoort");
    expect(answers.werkwijze.bemensing).toBe("vrijwilligers");
    const help = runIdokit(["training", "--help"]);
    expect(help.stdout).toMatch(/--voorbeeld \[naam\]/);
    expect(help.stdout).toMatch(/^ {2}aldervoort {3}dorpsbibliotheek/m);
  });

  it("refuses an unknown example name as a usage error and writes nothing", () => {
    const dir = tempDir();
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const result = runIdokit(["training", "--voorbeeld", "zuiderlinde", "--map", join(dir, "x")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'Er is geen ingebouwd voorbeeld "zuiderlinde". Bedoelde je "zuiderlinge"?',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses --voorbeeld together with --answers as a usage error", () => {
    const result = runIdokit(["training", "--voorbeeld", "--answers", "x.yaml"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/niet allebei/);
  });

  it("shows help and version without loading the document libraries", () => {
    const help = runIdokit(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/training/);
    expect(help.stdout).toMatch(/Voorbeelden/);
    const version = runIdokit(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const { run, modules } = traceLoaded(["--help"]);
    expect(run.status).toBe(0);
    // Only commander among the packages: no document, spreadsheet, prompt or template library.
    expect(packagesOf(modules)).toEqual(["commander"]);
    expect(modules).toContain("src/cli/main.ts");
    expect(modules.join("\n")).not.toMatch(/src\/(render|check|pack|templates)\//);
  });

  it("exits 2 with a usage message for an unknown option", () => {
    const result = runIdokit(["training", "--onbekend"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/onbekende optie .--onbekend./);
  });
});
