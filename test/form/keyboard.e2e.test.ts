import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parse } from "yaml";
import { ensureBuilt } from "../helpers/pty.js";
import {
  describeInBrowser,
  launchBrowser,
  settled,
  startForm,
  type FormRun,
  type InPage,
} from "./helpers.js";

/**
 * The whole training form with the keyboard only: Tab and Shift+Tab to move, typing, Space for
 * radio buttons and checkboxes, Enter for buttons and links. Focus must be visible at every stop.
 */

interface Focused {
  tag: string;
  type: string | null;
  name: string | null;
  id: string;
  text: string;
  visibleFocus: boolean;
}

let browser: Browser;
let form: FormRun;
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), "idokit-formulier-toetsen-"));
  form = await startForm([], { cwd: dir });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await form?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** What has the focus, and whether a person can see that (an outline or a ring). */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as InPage).document.activeElement as {
      tagName: string;
      id: string;
      textContent: string | null;
      getAttribute(name: string): string | null;
    } | null;
    const style = (
      globalThis as unknown as {
        getComputedStyle(el: unknown): {
          outlineStyle: string;
          outlineWidth: string;
          boxShadow: string;
        };
      }
    ).getComputedStyle(el);
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      type: el?.getAttribute("type") ?? null,
      name: el?.getAttribute("name") ?? null,
      id: el?.id ?? "",
      text: (el?.textContent ?? "").replace(/\s+/g, " ").trim(),
      visibleFocus:
        (style.outlineStyle !== "none" && style.outlineWidth !== "0px") ||
        style.boxShadow !== "none",
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focus is on what `wanted` accepts; checks focus is visible. */
async function tabTo(
  page: Page,
  wanted: (f: Focused) => boolean,
  options: { back?: boolean; max?: number } = {},
): Promise<Focused> {
  for (let i = 0; i < (options.max ?? 120); i++) {
    await page.keyboard.press(options.back ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    if (now.tag !== "body" && now.tag !== "h2" && now.tag !== "main" && now.tag !== "h3")
      expect(now.visibleFocus, `focus visible on ${JSON.stringify(now)}`).toBe(true);
    if (wanted(now)) return now;
  }
  throw new Error("Tab never reached the element");
}

const named = (name: string) => (f: Focused) => f.name === name;
const button = (text: string | RegExp) => (f: Focused) =>
  (f.tag === "button" || f.tag === "a") &&
  (typeof text === "string" ? f.text === text : text.test(f.text));

async function typeInto(page: Page, name: string, text: string): Promise<void> {
  await tabTo(page, named(name));
  await page.keyboard.type(text);
}

async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await settled(page);
}

const shownSection = (page: Page): Promise<string> =>
  page.evaluate(
    () =>
      (globalThis as unknown as InPage).document.querySelector(".deel:not([hidden])")!.dataset
        .deel!,
  );

describeInBrowser("idokit formulier with the keyboard only", () => {
  it("can be filled in, checked, corrected and turned into a pack without a mouse", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(form.url);
    await settled(page);

    // The first stop is the skip link, visible once it has the focus.
    const skip = await tabTo(page, () => true);
    expect(skip.text).toBe("Naar het formulier");
    expect(await page.locator(".naar-inhoud").boundingBox()).toMatchObject({
      x: expect.any(Number),
    });
    expect((await page.locator(".naar-inhoud").boundingBox())!.x).toBeGreaterThanOrEqual(0);

    // 1. Bibliotheek & IDO; a wrong e-mail address is corrected; Enter goes on.
    await typeInto(page, "bibliotheek.organisatie", "Bibliotheek Noord");
    await typeInto(page, "bibliotheek.vestiging", "Vestiging Haven");
    await typeInto(page, "bibliotheek.plaats", "Noordstad");
    await tabTo(page, named("bibliotheek.gemeenten"));
    await settled(page);
    expect(await page.locator('[name="bibliotheek.gemeenten"]').inputValue()).toBe("Noordstad");
    await tabTo(page, named("bibliotheek.poi"));
    await page.keyboard.type("Rijnbrink");
    await typeInto(page, "kartrekker.naam", "Ahmed Bakker");
    await typeInto(page, "kartrekker.email", "ahmed.bakker");
    await tabTo(page, named("kartrekker.telefoon"));
    await settled(page);
    expect(await page.locator("#v-kartrekker-email-fout").isVisible()).toBe(true);
    // Tabbing into a field selects its text: End, then add what was missing.
    await tabTo(page, named("kartrekker.email"), { back: true });
    await page.keyboard.press("End");
    await page.keyboard.type("@example.nl");
    await press(page, "Enter");
    expect(await page.locator("#deel-bibliotheek .foutoverzicht").isVisible()).toBe(false);
    await expect.poll(() => shownSection(page)).toBe("werkwijze");
    expect((await focused(page)).tag).toBe("h2");

    // 2. Werkwijze: radio buttons with Space and the arrow keys.
    await typeInto(page, "werkwijze.openingstijden", "Woensdag 14–16 uur");
    await tabTo(page, named("werkwijze.vorm"));
    await press(page, "Space"); // Vrije inloop
    await tabTo(page, named("werkwijze.bemensing"));
    await press(page, "ArrowDown"); // Vrijwilligers
    await press(page, "ArrowDown"); // Medewerkers en vrijwilligers
    expect(await page.locator('[data-key="werkwijze.geheimhouding"]').isVisible()).toBe(true);
    await tabTo(page, named("werkwijze.geheimhouding"));
    await press(page, "Space");
    await tabTo(page, named("werkwijze.registratie"));
    await press(page, "Space");
    await tabTo(page, button("Volgende"));
    await press(page, "Enter");
    await expect.poll(() => shownSection(page)).toBe("partners");

    // 3. Partners: checkboxes, and a local partner added with a button.
    await tabTo(page, named("partners.landelijk"));
    await press(page, "Space");
    await tabTo(page, button("Lokale partner toevoegen"));
    await press(page, "Enter");
    expect((await focused(page)).name).toBe("partners.lokaal.0.naam");
    await page.keyboard.type("Taalhuis Noordstad");
    await tabTo(page, named("partners.lokaal.0.soort"));
    await page.keyboard.type("Taalhuis");
    await typeInto(page, "partners.lokaal.0.waarvoor", "Lezen en schrijven");
    await typeInto(page, "partners.lokaal.0.overdracht", "Samen naar de taalconsulent lopen");
    await tabTo(page, button("Volgende"));
    await press(page, "Enter");
    await expect.poll(() => shownSection(page)).toBe("inrichting");

    // 4. Inrichting & privacy.
    await typeInto(page, "inrichting.plek", "Hoek bij de balie");
    await tabTo(page, named("privacy.toestemmingsformulier"));
    await press(page, "Space"); // ja: the question about keeping the form appears, filled in
    expect(await page.locator('[name="privacy.bewaartermijn"]').inputValue()).toMatch(/^Eén maand/);
    await tabTo(page, button("Volgende"));
    await press(page, "Enter");

    // 5. De training.
    await typeInto(page, "training.datum", "09-03-2027");
    await typeInto(page, "training.locatie", "Studiezaal");
    await typeInto(page, "training.deelnemers", "10");
    await tabTo(page, named("training.ervaring"));
    await press(page, "Space");
    await tabTo(page, button("Volgende"));
    await press(page, "Enter");
    await expect.poll(() => shownSection(page)).toBe("acteur");
    await tabTo(page, button("Volgende"));
    await press(page, "Enter");

    // 7. Focus & casussen: tick one casus more than the number to play, and let idokit choose.
    await expect.poll(() => shownSection(page)).toBe("focus");
    const count = Number(await page.locator('[name="focus.aantalCasussen"]').inputValue());
    const extra = await page
      .locator(".casusgroep")
      .nth(1)
      .locator("input[name=casus]")
      .first()
      .getAttribute("id");
    await tabTo(page, (f) => f.id === extra);
    await press(page, "Space");
    expect(await page.locator("#casus-actie").isVisible()).toBe(true);
    const action = await tabTo(page, button("Doe dit"), { back: true });
    expect(action.tag).toBe("button");
    expect(await page.locator('input[name="casus-actie"]:checked').getAttribute("value")).toBe(
      "aantal",
    );
    await press(page, "Enter");
    expect(await page.locator("#casus-actie").count()).toBe(0);
    expect(await page.locator('[name="focus.aantalCasussen"]').inputValue()).toBe(
      String(count + 1),
    );
    await tabTo(page, button("Volgende"));
    await press(page, "Enter");
    await expect.poll(() => shownSection(page)).toBe("huisstijl");
    await tabTo(page, button("Naar het overzicht"));
    await press(page, "Enter");

    // The summary; make the pack and download it, all with Enter.
    await expect.poll(() => shownSection(page)).toBe("overzicht");
    await tabTo(page, button("Maak het trainingspakket"));
    await page.keyboard.press("Enter");
    await page.locator("#deel-klaar").waitFor({ state: "visible", timeout: 60_000 });
    expect((await focused(page)).tag).toBe("h2");
    await tabTo(page, button(/^Download het pakket als zip/));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.keyboard.press("Enter"),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(zip)).toContain("draaiboek.docx");
    const answers = parse(strFromU8(zip["antwoorden.yaml"]!)) as Record<
      string,
      Record<string, unknown>
    >;
    expect(answers.bibliotheek!.poi).toBe("rijnbrink");
    expect(answers.werkwijze!.bemensing).toBe("beide");
    expect(answers.focus!.aantalCasussen).toBe(count + 1);
    expect(answers.focus!.casussen).toHaveLength(count + 1);
    expect(answers.partners!.lokaal).toEqual([
      {
        naam: "Taalhuis Noordstad",
        soort: "taalhuis",
        waarvoor: "Lezen en schrijven",
        overdracht: "Samen naar de taalconsulent lopen",
      },
    ]);
    await context.close();
  });
});
