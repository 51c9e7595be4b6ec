import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parse } from "yaml";
import { runIdokit } from "../helpers/cli.js";
import { ensureBuilt, ROOT } from "../helpers/pty.js";
import { checkOoxml, findingsOf, isOfficeFile, ooxmlChecker } from "../helpers/ooxml.js";
import { solidPng } from "../helpers/png.js";
import { paragraphsOf, readParts } from "../helpers/zip.js";
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  seriousA11yProblems,
  settled,
  startForm,
  type FormRun,
  type InPage,
} from "./helpers.js";

/**
 * End-to-end: `idokit formulier` as a new user meets it, in Debian's Chromium. One browser for
 * the file; each test has its own browser context (its own localStorage) and its own folder.
 */

let browser: Browser;
const cleanup: Array<() => Promise<unknown> | void> = [];

beforeAll(async () => {
  ensureBuilt();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await browser?.close();
});

async function open(
  args: string[] = [],
): Promise<{ form: FormRun; page: Page; dir: string; context: BrowserContext }> {
  const dir = mkdtempSync(join(tmpdir(), "idokit-formulier-"));
  const form = await startForm(args, { cwd: dir });
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  cleanup.push(
    () => context.close(),
    () => form.stop(),
    () => rmSync(dir, { recursive: true, force: true }),
    () => expect(errors, "errors in the page's script").toEqual([]),
  );
  await page.goto(form.url);
  await settled(page);
  return { form, page, dir, context };
}

/** A port that is free now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const control = (page: Page, key: string) => page.locator(`[name="${key}"]`).first();

async function type(page: Page, key: string, value: string): Promise<void> {
  await control(page, key).fill(value);
  await control(page, key).blur();
  await settled(page);
}

async function pick(page: Page, key: string, value: string): Promise<void> {
  await page.locator(`[name="${key}"][value="${value}"]`).check();
  await settled(page);
}

async function next(page: Page, section: string): Promise<void> {
  await page.locator(`#deel-${section} button[type=submit]`).click();
  await settled(page);
}

/** The text of an element as a person reads it: whitespace runs as one space. */
const textOf = async (locator: Locator): Promise<string> =>
  ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();

/** The problem shown next to a question, or undefined when none is shown. */
async function problemOf(page: Page, key: string): Promise<string | undefined> {
  const box = page.locator(`#v-${key.replace(/\./g, "-")}-fout`);
  return (await box.isVisible()) ? textOf(box) : undefined;
}

const isFocused = (locator: Locator): Promise<boolean> =>
  locator.evaluate(
    (element) => element === (globalThis as unknown as InPage).document.activeElement,
  );

const shownSection = (page: Page): Promise<string> =>
  page.evaluate(
    () =>
      (globalThis as unknown as InPage).document.querySelector(".deel:not([hidden])")!.dataset
        .deel!,
  );

describeInBrowser("idokit formulier in a real browser", () => {
  it("fills in the whole training form as a new user: problems re-asked, a section revisited, casussen ticked, the pack downloaded", async () => {
    const { page, dir } = await open();
    expect(await page.title()).toBe("Deel 1 van 8: Bibliotheek & IDO – idokit");
    await expectAccessible(page, "Bibliotheek & IDO, leeg");

    // 1. Bibliotheek & IDO: a computed default follows an earlier answer; a wrong e-mail is re-asked.
    await type(page, "bibliotheek.organisatie", "Bibliotheek Zuid & <Oost>");
    await type(page, "bibliotheek.vestiging", "Vestiging Centrum");
    await type(page, "bibliotheek.plaats", "Lingedijk");
    expect(await control(page, "bibliotheek.gemeenten").inputValue()).toBe("Lingedijk");
    await control(page, "bibliotheek.poi").selectOption("rijnbrink");
    await settled(page);
    await type(page, "kartrekker.naam", "Sanne Jansen");
    await type(page, "kartrekker.email", "s.jansen@");
    expect(await problemOf(page, "kartrekker.email")).toBe(
      'Let op: "s.jansen@" is geen geldig e-mailadres. Gebruik de vorm naam@organisatie.nl.',
    );
    expect(await control(page, "kartrekker.email").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "Bibliotheek & IDO, met een fout");
    await type(page, "kartrekker.email", "s.jansen@example.nl");
    expect(await problemOf(page, "kartrekker.email")).toBeUndefined();
    await next(page, "bibliotheek");
    await expect.poll(() => shownSection(page)).toBe("werkwijze");

    // 2. Werkwijze: "Volgende" with nothing filled in lists the problems at the top.
    await next(page, "werkwijze");
    await expect.poll(() => shownSection(page)).toBe("werkwijze");
    const summary = page.locator("#deel-werkwijze .foutoverzicht");
    expect(await summary.isVisible()).toBe(true);
    expect(await isFocused(summary)).toBe(true);
    expect(await summary.getAttribute("role")).toBe("alert");
    expect(await summary.locator("li").count()).toBe(4);
    await expectAccessible(page, "Werkwijze, met foutoverzicht");
    await summary.locator("a", { hasText: "Wie bemensen het IDO" }).click();
    expect(await isFocused(page.locator('[name="werkwijze.bemensing"]').first())).toBe(true);
    await type(page, "werkwijze.openingstijden", "Dinsdag 10–12 uur");
    await pick(page, "werkwijze.vorm", "inloop");
    // A condition: the question about volunteers appears only when volunteers staff the IDO.
    await pick(page, "werkwijze.bemensing", "beide");
    expect(await page.locator('[data-key="werkwijze.geheimhouding"]').isVisible()).toBe(true);
    await pick(page, "werkwijze.bemensing", "medewerkers");
    expect(await page.locator('[data-key="werkwijze.geheimhouding"]').isVisible()).toBe(false);
    await pick(page, "werkwijze.registratie", "turflijst");
    await next(page, "werkwijze");

    // 3. Partners: a repeatable local partner.
    await expect.poll(() => shownSection(page)).toBe("partners");
    await page.locator('[name="partners.landelijk"][value="belastingdienst"]').check();
    await page.locator('[name="partners.landelijk"][value="toeslagen"]').check();
    await page.getByRole("button", { name: "Lokale partner toevoegen" }).click();
    expect(await isFocused(control(page, "partners.lokaal.0.naam"))).toBe(true);
    await type(page, "partners.lokaal.0.naam", "Humanitas Lingedijk");
    await control(page, "partners.lokaal.0.soort").selectOption("humanitas");
    await type(page, "partners.lokaal.0.waarvoor", "Post en rekeningen");
    await type(page, "partners.lokaal.0.overdracht", "Samen bellen met de coördinator");
    await page.getByRole("button", { name: "Lokale partner toevoegen" }).click();
    await type(page, "partners.lokaal.1.naam", "Taalhuis");
    await page.getByRole("button", { name: "Lokale partner 2 verwijderen" }).click();
    await settled(page);
    expect(await page.locator("#deel-partners .item").count()).toBe(1);
    await expectAccessible(page, "Partners");
    await next(page, "partners");

    // 4. Inrichting & privacy: "nee" hides the question about keeping the form.
    await type(page, "inrichting.plek", "Tafel bij het raam");
    await pick(page, "privacy.toestemmingsformulier", "nee");
    await expectAccessible(page, "Inrichting & privacy");
    expect(await page.locator('[data-key="privacy.bewaartermijn"]').isVisible()).toBe(false);
    expect(await control(page, "privacy.watWel").inputValue()).toMatch(/^Meekijken en uitleggen/);
    await next(page, "inrichting");

    // 5. De training: a date that does not exist, one in the past, a group too large.
    await type(page, "training.datum", "31-02-2027");
    expect(await problemOf(page, "training.datum")).toMatch(/"31-02-2027" bestaat niet als datum/);
    await type(page, "training.datum", "02-02-2026");
    expect(await problemOf(page, "training.datum")).toMatch(/ligt in het verleden/);
    await type(page, "training.datum", "2-2-27");
    expect(await problemOf(page, "training.datum")).toBeUndefined();
    expect(await textOf(page.locator("#v-training-datum-noot"))).toBe("dinsdag 2 februari 2027");
    expect(await control(page, "training.eindtijd").inputValue()).toBe("16:45");
    await type(page, "training.starttijd", "9.30");
    expect(await control(page, "training.eindtijd").inputValue()).toBe("12:45");
    await type(page, "training.locatie", "Zaal 1");
    await type(page, "training.deelnemers", "20");
    expect(await problemOf(page, "training.deelnemers")).toMatch(
      /20 is te groot; het maximum is 16/,
    );
    await type(page, "training.deelnemers", "12");
    await pick(page, "training.ervaring", "nieuw");
    await expectAccessible(page, "De training");
    // The group follows the staffing answer until it is changed.
    expect(
      await page.locator('[name="training.samenstelling"][value="medewerkers"]').isChecked(),
    ).toBe(true);
    await next(page, "training");

    // 6. De trainingsacteur: the voorbespreking defaults to two weeks before the training.
    expect(await control(page, "acteur.voorbespreking").inputValue()).toBe("19-01-2027");
    await expectAccessible(page, "De trainingsacteur");
    await next(page, "acteur");

    // 7. Focus & casussen: the proposal with reasons; untick one proposed casus, tick another.
    await expect.poll(() => shownSection(page)).toBe("focus");
    const outcome = page.locator(".casus-uitkomst");
    const count = Number(await control(page, "focus.aantalCasussen").inputValue());
    expect(await textOf(outcome)).toContain(
      `Het voorstel van idokit: ${count} casussen, de eenvoudigste eerst.`,
    );
    expect(await outcome.locator("li").count()).toBe(count);
    expect(await textOf(outcome.locator("li").first())).toContain("Gekozen omdat:");
    const proposed = await page
      .locator(".casusgroep")
      .first()
      .locator("input[name=casus]")
      .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    expect(proposed).toHaveLength(count);
    const other = await page
      .locator(".casusgroep")
      .nth(1)
      .locator("input[name=casus]")
      .first()
      .getAttribute("value");
    await page.locator(`#casus-${proposed[0]}`).uncheck();
    await settled(page);
    // One fewer ticked than the number to play: idokit asks what to do.
    expect(await page.locator("#casus-actie").isVisible()).toBe(true);
    expect(await textOf(page.locator("#casus-actie"))).toContain(
      `Je hebt ${count - 1} casussen aangevinkt; het aantal casussen staat op ${count}.`,
    );
    await expectAccessible(page, "Focus, casussen: wat wil je doen?");
    await page.locator(`#casus-${other}`).check();
    await settled(page);
    expect(await page.locator("#casus-actie").count()).toBe(0);
    expect(await textOf(outcome)).toContain(`Jullie eigen keuze: ${count} casussen`);
    const chosen = [...proposed.slice(1), other!];
    await expectAccessible(page, "Focus & casussen");
    await next(page, "focus");

    // 8. Huisstijl: a colour in a form the converter knows; a logo chosen on this computer,
    // after a file that is no image.
    await type(page, "huisstijl.kleur", "#0a7");
    expect(await page.locator("#v-huisstijl-kleur-fout").isVisible()).toBe(false);
    const logoInput = page.locator('input[type=file][name="huisstijl.logo"]');
    await logoInput.setInputFiles({
      name: "logo.png",
      mimeType: "image/png",
      buffer: Buffer.from("geen plaatje"),
    });
    await settled(page);
    expect(await problemOf(page, "huisstijl.logo")).toMatch(/is geen PNG- of JPEG-afbeelding/);
    await logoInput.setInputFiles({
      name: "logo-bieb.png",
      mimeType: "image/png",
      buffer: Buffer.from(solidPng(40, 20).data),
    });
    await settled(page);
    expect(await problemOf(page, "huisstijl.logo")).toBeUndefined();
    expect(await textOf(page.locator(".logo-naam"))).toBe("Gekozen: logo-bieb.png");
    await expectAccessible(page, "Huisstijl");
    await next(page, "huisstijl");

    // A section revisited from the summary, and back.
    await expect.poll(() => shownSection(page)).toBe("overzicht");
    await expectAccessible(page, "Overzicht");
    const row = (label: string) =>
      page.locator(".samenvatting-deel .rij", { hasText: label }).locator("dd");
    expect(await textOf(row("Openingstijden en spreekuren"))).toBe("Dinsdag 10–12 uur");
    await page.locator('.wijzig[href="#werkwijze"]').click();
    await expect.poll(() => shownSection(page)).toBe("werkwijze");
    await type(page, "werkwijze.openingstijden", "Dinsdag en donderdag 10–12 uur");
    await page.locator('.stappen a[href="#overzicht"]').click();
    await settled(page);
    expect(await textOf(row("Openingstijden en spreekuren"))).toBe(
      "Dinsdag en donderdag 10–12 uur",
    );
    expect(await row("Casussen (jullie keuze)").locator("li").count()).toBe(count);

    // Make the pack; it is written into a new folder and offered as a zip.
    await page.getByRole("button", { name: "Maak het trainingspakket" }).click();
    await page.locator("#deel-klaar").waitFor({ state: "visible", timeout: 60_000 });
    await expectAccessible(page, "Het pakket is klaar");
    const table = page.locator("table.bestanden");
    expect(await textOf(table)).toContain("draaiboek.docx");
    expect(await textOf(table)).toContain("Voor wie");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Download het pakket als zip/ }).click(),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const names = Object.keys(zip).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        "antwoorden.yaml",
        "briefing-trainingsacteur.docx",
        "casussen-deelnemers.docx",
        "casussen-trainer.docx",
        "draaiboek.docx",
        "manifest.json",
        "presentatie-vaardigheidstraining.pptx",
        "LEESMIJ.html",
        "mails/uitnodiging-training.ics",
        "logo.png",
      ]),
    );

    // The folder on disk holds the same pack, written by the pack writer; nothing else was left.
    const folders = readdirSync(dir);
    expect(folders).toEqual(["training-bibliotheek-zuid-oost-vestiging-centrum-2027-02-02"]);
    expect(
      (readdirSync(join(dir, folders[0]!), { recursive: true }) as string[])
        .filter((name) => name !== "mails")
        .sort(),
    ).toEqual(names);

    // The answers as typed, the casussen as ticked, the library name escaped nowhere wrongly.
    const answers = parse(strFromU8(zip["antwoorden.yaml"]!)) as Record<
      string,
      Record<string, unknown>
    >;
    expect(answers.bibliotheek!.organisatie).toBe("Bibliotheek Zuid & <Oost>");
    expect(answers.werkwijze!.openingstijden).toBe("Dinsdag en donderdag 10–12 uur");
    expect(answers.training!.starttijd).toBe("09:30");
    expect(answers.training!.eindtijd).toBe("12:45");
    expect(answers.huisstijl!.kleur).toBe("00AA77");
    expect(answers.huisstijl!.logo).toBe("logo.png");
    expect(zip["logo.png"]).toEqual(solidPng(40, 20).data);
    expect([...(answers.focus!.casussen as string[])].sort()).toEqual([...chosen].sort());
    const trainer = paragraphsOf(
      readParts(zip["casussen-trainer.docx"]!)["word/document.xml"]!,
    ).join("\n");
    expect(trainer).toContain("Bibliotheek Zuid & <Oost>");
    expect(existsSync(join(dir, folders[0]!, "draaiboek.docx"))).toBe(true);
    // Every document of the downloaded pack passes the ISO 29500 schema and package check.
    if (ooxmlChecker.available) {
      const documents = names.filter(isOfficeFile).map((name) => ({ name, data: zip[name]! }));
      expect(documents.length).toBeGreaterThanOrEqual(5);
      expect(findingsOf(checkOoxml(documents))).toEqual([]);
    }
  });

  it("opens a bijeenkomst's werkafspraken.yaml, keeps the draft across a reload and a new run, and saves the answers", async () => {
    const port = await freePort();
    const { form, page, dir } = await open(["--poort", String(port)]);
    const made = runIdokit(["bijeenkomst", "--voorbeeld", "--map", "bijeenkomst"], { cwd: dir });
    expect(made.status, made.stderr).toBe(0);
    await page.locator("#openen").setInputFiles(join(dir, "bijeenkomst", "werkafspraken.yaml"));
    await settled(page);
    expect(await textOf(page.locator("#melding"))).toContain("werkafspraken.yaml is geopend.");
    // What the meeting left open is said at once, with where.
    await page.waitForFunction(() =>
      (globalThis as unknown as InPage).document
        .querySelector("#melding")
        ?.textContent?.includes("Nog in te vullen"),
    );
    expect(await textOf(page.locator("#melding"))).toMatch(
      /Nog in te vullen of na te kijken: \d+ antwoorden, bij .*De training/,
    );
    expect(await control(page, "bibliotheek.organisatie").inputValue()).toBe(
      "Bibliotheek Zuiderlinge",
    );
    const partners = (
      parse(readFileSync(join(dir, "bijeenkomst", "werkafspraken.yaml"), "utf8")) as {
        partners: { lokaal: unknown[] };
      }
    ).partners.lokaal;
    expect(await page.locator('[data-key="partners.lokaal"] .item').count()).toBe(partners.length);
    // What the meeting does not settle is still to do: the training's own questions.
    expect(await textOf(page.locator('[data-stap="training"] .stap-staat'))).toMatch(
      /om na te kijken/,
    );
    await page.locator('.stappen a[href="#overzicht"]').click();
    await settled(page);
    expect(await textOf(page.locator(".samenvatting-deel[aria-labelledby=sv-training]"))).toContain(
      "Nog niet compleet",
    );

    // The draft stays in this browser.
    await page.reload();
    await settled(page);
    expect(await textOf(page.locator("#melding"))).toMatch(
      /^Je concept van .* staat weer in het formulier/,
    );
    expect(await control(page, "bibliotheek.organisatie").inputValue()).toBe(
      "Bibliotheek Zuiderlinge",
    );

    // And in a new run of idokit at the same address (the usual port, unless told otherwise).
    expect((await form.stop()).code).toBe(130);
    const again = await startForm(["--poort", String(port)], { cwd: dir });
    cleanup.push(() => again.stop());
    await page.goto(again.url);
    await settled(page);
    expect(await control(page, "bibliotheek.organisatie").inputValue()).toBe(
      "Bibliotheek Zuiderlinge",
    );

    // Saving at any moment gives an answers file that idokit reads back.
    await page.locator('.stappen a[href="#training"]').click();
    await type(page, "training.locatie", "Leeszaal");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Antwoorden opslaan" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("antwoorden.yaml");
    const text = readFileSync((await download.path())!, "utf8");
    expect(text).toMatch(/^# Antwoorden voor idokit training, bewaard in idokit formulier op /);
    const saved = parse(text) as Record<string, Record<string, unknown>>;
    expect(saved.bibliotheek!.organisatie).toBe("Bibliotheek Zuiderlinge");
    expect(saved.training!.locatie).toBe("Leeszaal");
    // Nothing was written next to the pack by opening or saving in the browser.
    expect(readdirSync(dir)).toEqual(["bijeenkomst"]);
  });

  it("keeps two tabs of one form on the same answers instead of overwriting each other", async () => {
    const { form, page, context } = await open();
    const second = await context.newPage();
    await second.goto(form.url);
    await settled(second);
    await type(page, "bibliotheek.organisatie", "Bibliotheek Eerste Tab");
    await second.waitForFunction(
      () =>
        (
          globalThis as unknown as { document: { querySelector(s: string): { value: string } } }
        ).document.querySelector('[name="bibliotheek.organisatie"]').value ===
        "Bibliotheek Eerste Tab",
    );
    expect(await textOf(second.locator("#melding"))).toMatch(/ook in een ander tabblad open/);
    // An answer given in the second tab keeps the first one's, and comes back in the first.
    await type(second, "bibliotheek.plaats", "Lingedijk");
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { document: { querySelector(s: string): { value: string } } }
        ).document.querySelector('[name="bibliotheek.plaats"]').value === "Lingedijk",
    );
    await page.reload();
    await settled(page);
    expect(await control(page, "bibliotheek.organisatie").inputValue()).toBe(
      "Bibliotheek Eerste Tab",
    );
    expect(await control(page, "bibliotheek.plaats").inputValue()).toBe("Lingedijk");
    await second.close();
  });

  it("makes a bijeenkomstpakket from the bijeenkomst form, with every page accessible", async () => {
    const { page, dir } = await open([
      "--bijeenkomst",
      "--antwoorden",
      join(ROOT, "data", "voorbeeld-bijeenkomst.yaml"),
      "--map",
      "bijeenkomst",
    ]);
    expect(await page.title()).toBe("Deel 1 van 6: Bibliotheek & IDO – idokit");
    for (const section of [
      "bibliotheek",
      "werkwijze",
      "partners",
      "inrichting",
      "bijeenkomst",
      "huisstijl",
    ]) {
      await page.locator(`.stappen a[href="#${section}"]`).click();
      await settled(page);
      await expect.poll(() => shownSection(page)).toBe(section);
      await expectAccessible(page, `bijeenkomst: ${section}`);
    }
    await page.locator('.stappen a[href="#overzicht"]').click();
    await settled(page);
    await page.getByRole("button", { name: "Maak het bijeenkomstpakket" }).click();
    await page.locator("#deel-klaar").waitFor({ state: "visible", timeout: 60_000 });
    await expectAccessible(page, "bijeenkomst: klaar");
    expect(await textOf(page.locator("table.bestanden"))).toMatch(
      /werkafspraken\.yaml \d+ kB POI-adviseur de werkafspraken als antwoorden voor het trainingspakket niet nodig/,
    );
    expect(readdirSync(join(dir, "bijeenkomst"))).toContain("werkafspraken.yaml");
  });

  it("has an accessibility scan that finds a real problem (so a clean scan means something)", async () => {
    const page = await browser.newPage();
    await page.setContent('<html lang="nl"><body><main><input type="text"></main></body></html>');
    const problems = await seriousA11yProblems(page);
    expect(problems.map((p) => p.id)).toContain("label");
    await page.close();
  });
});
