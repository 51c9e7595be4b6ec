import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { BIN, ensureBuilt, KEY, plain, ROOT, spawnIdokit, type PtyRun } from "../helpers/pty.js";
import { paragraphsOf, readParts } from "../helpers/zip.js";

/**
 * End-to-end: the built `idokit` driven through a real pseudo-terminal, as a person would, and
 * without a terminal, as a script would.
 */

const ENV = { IDOKIT_VANDAAG: "2026-11-28", NO_COLOR: "1", LANG: "nl_NL.UTF-8" };
const LIBRARY = "Bibliotheek Zuid & <Oost>";

let dir: string;
let run: PtyRun | undefined;

beforeAll(() => ensureBuilt(), 180_000);

afterEach(() => {
  run?.kill();
  run = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  dir = mkdtempSync(join(tmpdir(), "idokit-wizard-"));
  return dir;
}

/** Answers the first two sections (Bibliotheek & IDO, Werkwijze) up to the question about inloop. */
async function answerUntilWerkwijze(pty: PtyRun): Promise<void> {
  await pty.answer("? Naam van de bibliotheekorganisatie", `${LIBRARY}\r`);
  await pty.answer("? IDO-locatie of vestiging", "Vestiging Centrum\r");
  await pty.answer("? Plaats", "Lingedijk\r");
  await pty.answer("? Bezoekadres van de vestiging", KEY.enter);
  await pty.answer("? Gemeente(n)", KEY.enter);
  // No POI is pre-selected: a stray Enter is refused, then Rijnbrink (third in the list).
  await pty.answer("? POI (provinciale", KEY.enter);
  await pty.expectText("Kies een antwoord uit de lijst");
  await pty.answer("? POI (provinciale", KEY.down, KEY.down, KEY.down, KEY.enter);
  await pty.answer("? POI-adviseur", KEY.enter);
  await pty.answer("? Naam van de IDO-kartrekker", "Sanne Jansen\r");
  await pty.answer("? E-mail van de kartrekker", "s.jansen@example.nl\r");
  await pty.answer("? Telefoon van de kartrekker", KEY.enter);
  await pty.answer("? Openingstijden en spreekuren", "Dinsdag 10-12 uur\r");
}

describe("idokit training in a terminal", () => {
  it("asks every section, re-asks an invalid answer, changes a section from the summary, and makes the pack", async () => {
    const cwd = tempDir();
    const started = Date.now();
    const pty = (run = spawnIdokit(["training", "--out", "pakket"], { cwd, env: ENV }));

    await pty.expectText("idokit stelt je vragen in 8 korte delen");
    await answerUntilWerkwijze(pty);
    await pty.answer("? Inloop of op afspraak", KEY.enter); // Vrije inloop
    await pty.answer("? Wie bemensen het IDO", KEY.down, KEY.down, KEY.enter); // beide
    await pty.answer("? Geheimhouding voor vrijwilligers", KEY.enter);
    await pty.answer("? Registratie van vragen", KEY.enter);
    await pty.answer("? Toelichting op de registratie", KEY.enter);

    await pty.expectText("Partners & doorverwijzen");
    await pty.answer(
      "? Landelijke partners met afspraken",
      KEY.space,
      KEY.down,
      KEY.space,
      KEY.enter,
    );
    await pty.answer("? Lokale partners toevoegen?", KEY.enter);
    await pty.answer("? Naam van de partner", "Humanitas Lingedijk\r");
    await pty.answer("? Soort partner", ...Array<string>(5).fill(KEY.down), KEY.enter); // humanitas
    await pty.answer("? Waarvoor verwijzen jullie door", "Post en rekeningen\r");
    await pty.answer("? Hoe dragen jullie warm over", "Samen bellen met de coördinator\r");
    await pty.answer("? Vast aanspreekpunt", KEY.enter); // nog niet bekend
    await pty.answer("? Nog een lokale partner toevoegen?", KEY.enter); // nee

    await pty.answer("? Waar in de bibliotheek zit het IDO", "Tafel bij het raam\r");
    await pty.answer("? Privacymaatregelen", KEY.space, KEY.enter);
    await pty.answer("? Apparatuur bij het IDO", KEY.enter);
    await pty.answer("? Wat gebeurt er met prints en downloads", KEY.enter);
    await pty.answer("? Gebruiken jullie een toestemmingsformulier", "nee\r");
    await pty.answer("? Wat een IDO-medewerker wel doet", KEY.enter);
    await pty.answer("? Wat een IDO-medewerker niet doet", KEY.enter);

    await pty.answer("? Datum van de training", "2-2-2027\r");
    await pty.answer("? Starttijd", KEY.enter);
    await pty.answer("? Eindtijd (16:45)", KEY.enter);
    await pty.answer("? Zaal of locatie van de training", "Zaal De Linde\r");
    await pty.answer("? Parkeren, ingang en waar je je meldt", KEY.enter);
    await pty.answer("? Aantal deelnemers", "17\r");
    await pty.expectText(/17 is te groot.*\n?.*twee\s+trainingen/);
    pty.write(`${KEY.backspace}${KEY.backspace}12\r`);
    await pty.answer("? Samenstelling van de groep", KEY.enter);
    await pty.answer("? Ervaring van de groep", KEY.enter);

    await pty.answer("? Naam van de trainingsacteur", "Joost van Dijk\r");
    await pty.answer("? Bureau van de trainingsacteur", KEY.enter);
    await pty.answer("? E-mail van de trainingsacteur", KEY.enter);
    await pty.answer("? Telefoon van de trainingsacteur", KEY.enter);
    await pty.answer("? Datum voorbespreking met de acteur (19-01-2027)", KEY.enter);
    await pty.answer("? Begintijd van de voorbespreking", KEY.enter);
    await pty.answer("? Waar of hoe is de voorbespreking", KEY.enter);

    await pty.answer("? Vaardigheden die centraal staan", KEY.enter);
    await pty.answer("? Aantal casussen", KEY.enter);
    await pty.answer("? Moeilijkheid van de casussen", KEY.enter);

    // The proposal, with reasons; then tick and untick in the library's list.
    const proposal = await pty.expectText(/\? Casussen voor de training[\s\S]*Zelf kiezen/);
    expect(proposal).toContain("Het voorstel van idokit: 5 casussen");
    expect(proposal.match(/gekozen omdat: /g)).toHaveLength(5);
    pty.write(`${KEY.down}${KEY.enter}`);
    const list = await pty.expectText(/\? Welke casussen spelen jullie\?[\s\S]*bevestigen/);
    const titles = [...list.matchAll(/^[❯ ][◉◯] (.+?) · /gm)].map((m) => m[1]!);
    expect(titles.length).toBeGreaterThan(6);
    // Untick the first two proposed, tick the first casus after the proposal: 4 of 5.
    pty.write(
      [KEY.space, KEY.down, KEY.space, KEY.down, KEY.down, KEY.down, KEY.down, KEY.space].join(""),
    );
    pty.write(KEY.enter);
    await pty.answer("? Wat wil je doen?", KEY.enter); // Maak het aantal casussen 4
    const ticked = [titles[2]!, titles[3]!, titles[4]!, titles[5]!];
    const chosen = await pty.expectText(/Jullie casussen \(4\):[\s\S]*?\(deel 8 van 8\)/);
    for (const title of ticked) expect(chosen).toContain(title);
    await pty.answer("? Huisstijlkleur", KEY.enter);
    await pty.answer("? Logo", KEY.enter);

    // The summary, readable; then change "De training" (the sixth choice).
    const summary = await pty.expectText(/Klopt alles\?[\s\S]*Wijzig: Huisstijl/);
    expect(summary).toContain("Datum van de training: dinsdag 2 februari 2027");
    expect(summary).toContain("POI (provinciale ondersteuningsinstelling): Rijnbrink");
    pty.write([...Array<string>(5).fill(KEY.down), KEY.enter].join(""));
    await pty.answer("? Datum van de training (02-02-2027)", "9-2-2027\r");
    await pty.answer("? Starttijd", "10:00\r");
    await pty.answer("? Eindtijd (13:15)", KEY.enter);
    await pty.answer("? Zaal of locatie van de training (Zaal De Linde)", KEY.enter);
    await pty.answer("? Parkeren, ingang en waar je je meldt", KEY.enter);
    await pty.answer("? Aantal deelnemers (12)", KEY.enter);
    await pty.answer("? Samenstelling van de groep", KEY.enter);
    await pty.answer("? Ervaring van de groep", KEY.enter);

    const again = await pty.expectText(/Klopt alles\?[\s\S]*Wijzig: Huisstijl/);
    expect(again).toContain("Datum van de training: dinsdag 9 februari 2027");
    expect(again).toContain("Datum voorbespreking met de acteur: dinsdag 26 januari 2027");
    pty.write(KEY.enter);
    // "Alles klopt" is not yet "make it": that is its own choice.
    await pty.answer("? Nu maken?", KEY.enter);

    await pty.expectText("Trainingspakket klaar", 60_000);
    await pty.expectText("Open eerst LEESMIJ.html");
    expect(await pty.exited).toBe(0);
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(120);

    // NO_COLOR: no colour codes anywhere, only cursor movement.
    // eslint-disable-next-line no-control-regex -- looking for colour escape codes is the point
    expect(pty.raw()).not.toMatch(/\u001b\[(3\d|9\d|1|2|4)m/);

    const pack = join(cwd, "pakket");
    expect(readdirSync(pack).sort()).toEqual(
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
    const answers = parse(readFileSync(join(pack, "antwoorden.yaml"), "utf8")) as Record<
      string,
      Record<string, unknown>
    >;
    expect(answers.bibliotheek).toMatchObject({
      organisatie: LIBRARY,
      plaats: "Lingedijk",
      gemeenten: ["Lingedijk"],
      poi: "rijnbrink",
    });
    expect(answers.werkwijze).toMatchObject({ vorm: "inloop", bemensing: "beide" });
    expect(answers.partners!.landelijk).toEqual(["belastingdienst", "toeslagen"]);
    expect(answers.partners!.lokaal).toEqual([
      {
        naam: "Humanitas Lingedijk",
        soort: "humanitas",
        waarvoor: "Post en rekeningen",
        overdracht: "Samen bellen met de coördinator",
      },
    ]);
    expect(answers.privacy!.toestemmingsformulier).toBe(false);
    expect(answers.training).toMatchObject({
      datum: "09-02-2027",
      starttijd: "10:00",
      eindtijd: "13:15",
      deelnemers: 12,
      samenstelling: "gemengd",
    });
    expect(answers.acteur).toMatchObject({ naam: "Joost van Dijk", voorbespreking: "26-01-2027" });

    expect(answers.focus!.aantalCasussen).toBe(4);
    expect(answers.focus!.casussen).toHaveLength(4);

    const docx = unzipSync(new Uint8Array(readFileSync(join(pack, "draaiboek.docx"))));
    const xml = strFromU8(docx["word/document.xml"]!);
    expect(xml).toContain("Bibliotheek Zuid &amp; &lt;Oost&gt;");
    expect(xml).toContain("Zaal De Linde");

    // The ticked casussen are the ones played, and only those.
    const trainer = paragraphsOf(
      readParts(join(pack, "casussen-trainer.docx"))["word/document.xml"]!,
    );
    const played = trainer
      .filter((p) => /^Casus \d+: /.test(p))
      .map((p) => p.replace(/^Casus \d+: /, ""));
    expect(played.sort()).toEqual([...ticked].sort());
  }, 180_000);

  it("saves a draft and exits 130 on Ctrl-C halfway, leaving no output folder", async () => {
    const cwd = tempDir();
    const pty = (run = spawnIdokit(["training", "--out", "pakket"], { cwd, env: ENV }));
    await answerUntilWerkwijze(pty);
    await pty.answer("? Inloop of op afspraak", KEY.ctrlC);
    const exitCode = await pty.exited;
    const screen = plain(pty.raw());

    expect(exitCode).toBe(130);
    expect(screen).toMatch(
      /Afgebroken\. Je antwoorden tot nu toe staan in idokit-concept-\d{8}-\d{4}\.yaml/,
    );
    expect(screen).toMatch(
      /Ga verder met: idokit training --map pakket --antwoorden idokit-concept-\d{8}-\d{4}\.yaml/,
    );
    expect(screen).not.toMatch(/ExitPromptError|\n\s+at /);

    expect(existsSync(join(cwd, "pakket"))).toBe(false);
    const files = readdirSync(cwd);
    expect(files.filter((f) => f.startsWith(".idokit-tmp"))).toEqual([]);
    const drafts = files.filter((f) => /^idokit-concept-.*\.yaml$/.test(f));
    expect(drafts).toHaveLength(1);
    const draft = parse(readFileSync(join(cwd, drafts[0]!), "utf8")) as Record<
      string,
      Record<string, unknown>
    >;
    expect(draft.bibliotheek).toMatchObject({
      organisatie: LIBRARY,
      vestiging: "Vestiging Centrum",
      poi: "rijnbrink",
      poiAdviseur: "",
    });
    expect(draft.kartrekker).toMatchObject({ naam: "Sanne Jansen", email: "s.jansen@example.nl" });
    expect(draft.werkwijze).toEqual({ openingstijden: "Dinsdag 10-12 uur" });
    expect(draft.training).toBeUndefined();

    // Continuing from the draft asks the next question, not the ones already answered.
    const resumed = (run = spawnIdokit(["training", "--answers", drafts[0]!, "--out", "pakket"], {
      cwd,
      env: ENV,
    }));
    const first = await resumed.expectText("? Inloop of op afspraak");
    expect(first).not.toContain("? Naam van de bibliotheekorganisatie");
    expect(first).not.toContain("? POI-adviseur");
    resumed.write(KEY.ctrlC);
    expect(await resumed.exited).toBe(130);
    // Stopped again: still one draft, the same one.
    expect(readdirSync(cwd).filter((f) => f.startsWith("idokit-concept-"))).toEqual(drafts);
  }, 120_000);

  it("shows a spinner while making the pack, and none with NO_COLOR", async () => {
    const cwd = tempDir();
    const fancy = (run = spawnIdokit(["training", "--voorbeeld", "--out", "a"], {
      cwd,
      env: { ...ENV, NO_COLOR: "" },
    }));
    await fancy.expectText("Trainingspakket klaar", 60_000);
    expect(await fancy.exited).toBe(0);
    expect(fancy.raw()).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Pakket maken…/);
    // eslint-disable-next-line no-control-regex -- the green tick's colour code is what we look for
    expect(fancy.raw()).toMatch(/\u001b\[32m/);

    const plainRun = (run = spawnIdokit(["training", "--voorbeeld", "--out", "b"], {
      cwd,
      env: ENV,
    }));
    await plainRun.expectText("Trainingspakket klaar", 60_000);
    expect(await plainRun.exited).toBe(0);
    expect(plainRun.raw()).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    expect(plain(plainRun.raw())).toContain("Pakket maken…\n");
  }, 120_000);

  it("exits 130 on Ctrl-C while making the pack, leaving nothing half-written", async () => {
    const cwd = tempDir();
    const pty = (run = spawnIdokit(["training", "--voorbeeld", "--out", "pakket"], {
      cwd,
      env: ENV,
    }));
    await pty.expectText("Pakket maken…", 30_000);
    pty.write(KEY.ctrlC);
    expect(await pty.exited).toBe(130);
    expect(plain(pty.raw())).toContain("Afgebroken; er is niets half weggeschreven.");
    expect(readdirSync(cwd)).toEqual([]);
  }, 60_000);

  it("saves the typed answers as a draft on Ctrl-C while making the pack", async () => {
    const cwd = tempDir();
    const example = parse(readFileSync(join(ROOT, "data/voorbeeld-training.yaml"), "utf8")) as {
      training: Record<string, unknown>;
    };
    example.training.datum = "09-02-2027";
    delete example.training.locatie;
    writeFileSync(join(cwd, "half.yaml"), stringify(example));
    const pty = (run = spawnIdokit(
      ["training", "--answers", "half.yaml", "--yes", "--out", "pakket"],
      { cwd, env: ENV },
    ));
    await pty.answer("? Zaal of locatie van de training", "Zaal De Linde\r");
    await pty.answer("? Klopt alles?", KEY.enter);
    await pty.answer("? Nu maken?", KEY.enter);
    await pty.expectText("Pakket maken…", 30_000);
    pty.write(KEY.ctrlC);
    expect(await pty.exited).toBe(130);
    const screen = plain(pty.raw());
    expect(screen).toMatch(
      /Afgebroken; er is niets half weggeschreven\. Je antwoorden staan in idokit-concept-\d{8}-\d{4}\.yaml\./,
    );
    expect(screen).toMatch(
      /Ga verder met: idokit training --map pakket --antwoorden idokit-concept-/,
    );
    const files = readdirSync(cwd);
    expect(files.filter((f) => f !== "half.yaml" && !f.startsWith("idokit-concept-"))).toEqual([]);
    const drafts = files.filter((f) => f.startsWith("idokit-concept-"));
    expect(drafts).toHaveLength(1);
    const draft = parse(readFileSync(join(cwd, drafts[0]!), "utf8")) as {
      training: Record<string, unknown>;
    };
    expect(draft.training.locatie).toBe("Zaal De Linde");
  }, 60_000);

  it("refuses contradictory flags before asking anything", async () => {
    const cwd = tempDir();
    const pty = (run = spawnIdokit(["training", "--voorbeeld", "--bewerk"], { cwd, env: ENV }));
    expect(await pty.exited).toBe(2);
    expect(plain(pty.raw())).toContain("--bewerk past een eigen antwoordenbestand aan");
  });
});

describe("idokit training without a terminal", () => {
  const idokit = (args: string[], cwd: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, ...ENV, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      timeout: 60_000,
    });

  it("exits 2 and lists every missing answer by key instead of asking", () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, "half.yaml"),
      "bibliotheek:\n  organisatie: Bieb\n  vestiging: Centrum\n  plaats: Lingedijk\n  poi: rijnbrink\n",
    );
    const result = idokit(["training", "--answers", "half.yaml", "--out", "pakket"], cwd);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("en er is geen terminal om ze te vragen");
    for (const key of [
      "kartrekker.naam",
      "kartrekker.email",
      "werkwijze.vorm",
      "training.datum",
      "training.deelnemers",
    ])
      expect(result.stderr).toContain(`${key}:`);
    expect(result.stderr).not.toContain("bibliotheek.organisatie:");
    expect(result.stderr).toContain("--antwoorden BESTAND");
    expect(existsSync(join(cwd, "pakket"))).toBe(false);
  });

  it("applies defaults with --yes and still lists only the required answers without one", () => {
    const cwd = tempDir();
    const result = idokit(["training", "--yes"], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("training.datum:");
    expect(result.stderr).not.toContain("training.eindtijd:");
    expect(result.stderr).not.toContain("focus.aantalCasussen:");
  });

  it("refuses --bewerk without a terminal", () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "a.yaml"), "bibliotheek:\n  organisatie: Bieb\n");
    const result = idokit(["training", "--answers", "a.yaml", "--bewerk"], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("heeft daarvoor een terminal nodig");
  });

  it("writes the --json result to stdout and plain messages to stderr", () => {
    const cwd = tempDir();
    const result = idokit(["training", "--voorbeeld", "--dry-run", "--json"], cwd, {
      NO_COLOR: "",
    });
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { ok: boolean; dryRun: boolean };
    expect(json).toMatchObject({ ok: true, dryRun: true });
    expect(result.stderr).not.toContain("\u001b[");
  });
});
