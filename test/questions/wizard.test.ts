import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { serializeAnswers } from "../../src/answers/serialize.js";
import { validateAnswers } from "../../src/answers/validate.js";
import { defineSchema } from "../../src/questions/define.js";
import { TRAINING_SECTIONS, trainingSchema } from "../../src/questions/training.js";
import { runWizard, WizardStoppedError, type WizardOptions } from "../../src/questions/wizard.js";
import { exampleRaw } from "../helpers/answers.js";
import { fileContext } from "../helpers/context.js";
import {
  CANCEL,
  scriptedPrompts,
  seq,
  type ScriptedAnswer,
  type Sequence,
} from "./scripted-prompts.js";
import { NEW_USER } from "./new-user.js";

function wizard(
  script: Record<string, ScriptedAnswer | Sequence>,
  options: Partial<WizardOptions> = {},
) {
  const fake = scriptedPrompts(script);
  const run = runWizard(trainingSchema, TRAINING_SECTIONS, {
    ctx: fileContext(),
    prompts: fake.prompts,
    confirmLabel: "Ja, maak het pakket",
    ...options,
  });
  return { fake, run };
}

describe("runWizard on the training schema", () => {
  it("asks every section in order and returns answers that validate as a file would", async () => {
    const { fake, run } = wizard(NEW_USER);
    const { answers, asked } = await run;
    expect(fake.shown.filter((s) => s.startsWith("## "))).toEqual(
      TRAINING_SECTIONS.map((s) => `## ${s.title}`),
    );
    expect(asked).toBeGreaterThan(30);
    expect(answers.bibliotheek.gemeenten).toEqual(["Culemborg"]);
    expect(answers.training.datum).toBe("2027-02-02");
    expect(answers.partners.lokaal).toHaveLength(1);
    const again = validateAnswers(trainingSchema, answers, fileContext({ mode: "wizard" }));
    expect(again.problems).toEqual([]);
    expect(again.answers).toEqual(answers);
  });

  it("offers an end time of start time plus the standard length", async () => {
    const { fake, run } = wizard({ ...NEW_USER, "training.starttijd": "9:00" });
    const { answers } = await run;
    expect(fake.last("training.eindtijd")?.default).toBe("12:15");
    expect(answers.training.eindtijd).toBe("12:15");
  });

  it("offers the voorbespreking two weeks before the training", async () => {
    const { fake, run } = wizard(NEW_USER);
    const { answers } = await run;
    expect(fake.last("acteur.voorbespreking")?.default).toBe("19-01-2027");
    expect(answers.acteur.voorbespreking).toBe("2027-01-19");
  });

  it("offers a number of casussen that fits the time", async () => {
    const short = wizard({
      ...NEW_USER,
      "training.starttijd": "13:00",
      "training.eindtijd": "15:00",
    });
    await short.run;
    const long = wizard(NEW_USER);
    await long.run;
    const fewer = Number(short.fake.last("focus.aantalCasussen")?.default);
    const more = Number(long.fake.last("focus.aantalCasussen")?.default);
    expect(fewer).toBeGreaterThanOrEqual(1);
    expect(more).toBeGreaterThan(fewer);
  });

  it("derives the group and the level from earlier answers", async () => {
    const { fake, run } = wizard({
      ...NEW_USER,
      "werkwijze.bemensing": "beide",
      "werkwijze.geheimhouding": "ja",
      "training.ervaring": "ervaren",
    });
    await run;
    expect(fake.last("training.samenstelling")?.default).toBe("gemengd");
    expect(fake.last("focus.niveau")?.default).toBe("uitdagend");
  });

  it("asks the bewaartermijn only when a toestemmingsformulier is used", async () => {
    const without = wizard(NEW_USER);
    const a = await without.run;
    expect(without.fake.ids()).not.toContain("privacy.bewaartermijn");
    expect(a.answers.privacy.bewaartermijn).toBeUndefined();

    const withForm = wizard({ ...NEW_USER, "privacy.toestemmingsformulier": true });
    const b = await withForm.run;
    expect(withForm.fake.ids()).toContain("privacy.bewaartermijn");
    expect(b.answers.privacy.bewaartermijn).toMatch(/^Eén maand/);
  });

  it.each([
    ["medewerkers", false],
    ["vrijwilligers", true],
    ["beide", true],
  ])("asks about geheimhouding when the IDO is staffed by %s: %s", async (bemensing, asks) => {
    const { fake, run } = wizard({
      ...NEW_USER,
      "werkwijze.bemensing": bemensing,
      "werkwijze.geheimhouding": "deels",
    });
    const { answers } = await run;
    expect(fake.ids().includes("werkwijze.geheimhouding")).toBe(asks);
    expect(answers.werkwijze.geheimhouding).toBe(asks ? "deels" : undefined);
  });

  it("asks the other POI's name only after choosing 'anders'", async () => {
    const { fake, run } = wizard({
      ...NEW_USER,
      "bibliotheek.poi": "anders",
      "bibliotheek.poiAnders": "Regio Oost",
    });
    const { answers } = await run;
    expect(fake.ids().indexOf("bibliotheek.poiAnders")).toBe(
      fake.ids().indexOf("bibliotheek.poi") + 1,
    );
    expect(answers.bibliotheek.poiAnders).toBe("Regio Oost");
  });

  it.each([
    ["training.deelnemers", "17", "12", /17 is te groot.*twee trainingen/],
    ["training.datum", "01-01-2026", "02-02-2027", /verleden/],
    ["training.datum", "31-02-2027", "02-02-2027", /bestaat niet/],
    ["kartrekker.email", "sanne@", "s.jansen@example.nl", /geen geldig e-mailadres/],
    ["huisstijl.kleur", "blauw", "#00607a", /geen kleur in hex/],
    ["training.eindtijd", "12:00", "16:45", /eindtijd/i],
  ])("re-asks %s after %s with the Dutch problem", async (key, wrong, right, message) => {
    const { fake, run } = wizard({ ...NEW_USER, [key]: seq(wrong, right) });
    const { answers } = await run;
    const tries = fake.asked.filter((a) => a.id === key);
    expect(tries).toHaveLength(2);
    expect(tries[0]!.error).toMatch(message);
    expect(tries[1]!.error).toBeUndefined();
    expect(JSON.stringify(answers)).toContain(
      key === "huisstijl.kleur" ? "00607A" : right.split("-").reverse().join("-"),
    );
  });

  it("checks a logo file through the injected file check", async () => {
    const { fake, run } = wizard(
      { ...NEW_USER, "huisstijl.logo": seq("weg.png", "logo.png") },
      {
        ctx: fileContext({
          inspectFile: (p) => (p === "logo.png" ? undefined : `het bestand "${p}" bestaat niet.`),
        }),
      },
    );
    const { answers } = await run;
    expect(fake.asked.find((a) => a.id === "huisstijl.logo")?.error).toMatch(
      /Het bestand "weg.png" bestaat niet/,
    );
    expect(answers.huisstijl.logo).toBe("logo.png");
  });

  it("asks more local partners until the person says no", async () => {
    const { fake, run } = wizard({
      ...NEW_USER,
      "partners.lokaal.+": seq(true, false),
      "partners.lokaal.2.naam": "Taalhuis",
      "partners.lokaal.2.soort": "taalhuis",
      "partners.lokaal.2.waarvoor": "Lezen en schrijven",
      "partners.lokaal.2.overdracht": "Samen langslopen",
    });
    const { answers } = await run;
    expect(answers.partners.lokaal.map((p) => p.naam)).toEqual(["Humanitas Culemborg", "Taalhuis"]);
    expect(fake.last("partners.lokaal.+")?.message).toBe("Nog een lokale partner toevoegen?");
  });

  it("shows a readable summary and lets the person change a section, then comes back", async () => {
    const { fake, run } = wizard({
      ...NEW_USER,
      samenvatting: seq("training", ""),
      "training.datum": seq("02-02-2027", "09-02-2027"),
      "training.starttijd": seq("13:30", "10:00"),
    });
    const { answers } = await run;
    expect(fake.summaries).toHaveLength(2);
    const training = (n: number) =>
      fake.summaries[n]!.find((g) => g.section.id === "training")!.rows;
    expect(training(0).find((r) => r.key === "training.datum")?.value).toBe(
      "dinsdag 2 februari 2027",
    );
    expect(training(1).find((r) => r.key === "training.datum")?.value).toBe(
      "dinsdag 9 februari 2027",
    );
    const bibliotheek = fake.summaries[0]!.find((g) => g.section.id === "bibliotheek")!.rows;
    expect(bibliotheek.find((r) => r.key === "bibliotheek.poi")?.value).toMatch(/^Rijnbrink/);
    // The changed section was asked again with the earlier answers as defaults …
    const second = fake.asked.filter((a) => a.id === "training.locatie");
    expect(second).toHaveLength(2);
    expect(second[1]!.default).toBe("Zaal 1");
    // … and answers that were accepted defaults follow the change.
    expect(fake.last("training.eindtijd")?.default).toBe("13:15");
    expect(answers.training.eindtijd).toBe("13:15");
    expect(answers.acteur.voorbespreking).toBe("2027-01-26");
    // Other sections were not asked again.
    expect(fake.asked.filter((a) => a.id === "bibliotheek.organisatie")).toHaveLength(1);
  });

  it("keeps a typed end time when only the date changes", async () => {
    const { run } = wizard({
      ...NEW_USER,
      "training.eindtijd": "17:00",
      samenvatting: seq("training", ""),
      "training.datum": seq("02-02-2027", "09-02-2027"),
    });
    const { answers } = await run;
    expect(answers.training.eindtijd).toBe("17:00");
  });

  it("stops with the answers so far when the person presses Ctrl-C", async () => {
    const { run } = wizard({ ...NEW_USER, "werkwijze.vorm": CANCEL });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WizardStoppedError);
    const stopped = error as WizardStoppedError;
    expect(stopped.cancelled).toBe(true);
    expect(stopped.draft).toMatchObject({
      bibliotheek: { organisatie: "Bibliotheek Rivierenland", poi: "rijnbrink" },
      kartrekker: { email: "s.jansen@example.nl" },
      werkwijze: { openingstijden: "Dinsdag 10–12 uur" },
    });
    expect(JSON.stringify(stopped.draft)).not.toContain("inloop");
    // Optional answers left empty are kept as empty, so continuing does not ask them again.
    const yaml = serializeAnswers(trainingSchema, stopped.draft, "concept");
    const reread = parse(yaml) as Record<string, Record<string, unknown>>;
    expect(reread.kartrekker!.telefoon).toBe("");
    expect(reread.training).toBeUndefined();
  });

  it("keeps the fields of a half-typed list item in the draft", async () => {
    const { run } = wizard({ ...NEW_USER, "partners.lokaal.1.waarvoor": CANCEL });
    const error = (await run.catch((e: unknown) => e)) as WizardStoppedError;
    expect(error.draft).toMatchObject({
      partners: { lokaal: [{ naam: "Humanitas Culemborg", soort: "humanitas" }] },
    });
  });

  it("continues from a draft: asks only what was not answered yet", async () => {
    const first = wizard({ ...NEW_USER, "training.locatie": CANCEL });
    const stopped = (await first.run.catch((e: unknown) => e)) as WizardStoppedError;
    const yaml = serializeAnswers(trainingSchema, stopped.draft, "concept");
    const second = wizard(NEW_USER, { initial: parse(yaml) });
    const { answers } = await second.run;
    expect(second.fake.ids()[0]).toBe("training.locatie");
    expect(second.fake.ids()).not.toContain("kartrekker.telefoon");
    expect(answers.training.datum).toBe("2027-02-02");
  });

  it("reports an unexpected error as a stop that is not a cancel, with the draft", async () => {
    const fake = scriptedPrompts({ "bibliotheek.organisatie": "Bieb" });
    fake.prompts.input = async (r) => {
      if (r.id === "bibliotheek.vestiging") throw new Error("boom");
      return "Bieb";
    };
    const error = (await runWizard(trainingSchema, TRAINING_SECTIONS, {
      ctx: fileContext(),
      prompts: fake.prompts,
    }).catch((e: unknown) => e)) as WizardStoppedError;
    expect(error.cancelled).toBe(false);
    expect(error.draft).toEqual({ bibliotheek: { organisatie: "Bieb" } });
  });
});

describe("runWizard with given answers", () => {
  it("asks nothing and shows no summary when a complete file is given", async () => {
    const raw = exampleRaw();
    raw.training!.datum = "02-02-2027";
    const { fake, run } = wizard({}, { initial: raw, acceptDefaults: true });
    const { asked, answers } = await run;
    expect(asked).toBe(0);
    expect(fake.summaries).toHaveLength(0);
    expect(answers.bibliotheek.organisatie).toBe("Bibliotheek Zuiderlinge");
  });

  it("shows the problem of an invalid given answer, then asks only that one", async () => {
    const raw = exampleRaw();
    raw.training!.datum = "02-02-2027";
    raw.training!.deelnemers = 20;
    raw.kartrekker!.email = "geen-adres";
    const { fake, run } = wizard(
      { "training.deelnemers": "14", "kartrekker.email": "s@example.nl", samenvatting: "" },
      { initial: raw, acceptDefaults: true },
    );
    const { answers } = await run;
    expect(fake.ids()).toEqual([
      "kartrekker.email",
      "training.deelnemers",
      "samenvatting",
      "maken",
    ]);
    expect(fake.shown).toContain(
      'problem: E-mail van de kartrekker: "geen-adres" is geen geldig e-mailadres. Gebruik de vorm naam@organisatie.nl.',
    );
    expect(fake.shown.some((s) => /problem: Aantal deelnemers: 20 is te groot/.test(s))).toBe(true);
    expect(answers.training.deelnemers).toBe(14);
  });

  it("asks answers missing from the file, with computed defaults, unless defaults are accepted", async () => {
    const raw = exampleRaw();
    raw.training!.datum = "02-02-2027";
    delete raw.training!.eindtijd;
    delete raw.acteur!.naam;
    const asking = wizard({ samenvatting: "" }, { initial: raw });
    await asking.run;
    expect(asking.fake.ids()).toContain("training.eindtijd");
    expect(asking.fake.ids()).toContain("acteur.naam");
    expect(asking.fake.last("training.eindtijd")?.default).toBe("16:45");

    const accepting = wizard({}, { initial: raw, acceptDefaults: true });
    const { answers, asked } = await accepting.run;
    expect(asked).toBe(0);
    expect(answers.training.eindtijd).toBe("16:45");
    expect(answers.acteur.naam).toBeUndefined();
  });

  it("still asks a required answer without a default when defaults are accepted", async () => {
    const raw = exampleRaw();
    raw.training!.datum = "02-02-2027";
    delete raw.training!.locatie;
    const { fake, run } = wizard(
      { "training.locatie": "Zaal 3", samenvatting: "" },
      { initial: raw, acceptDefaults: true },
    );
    const { answers } = await run;
    expect(fake.ids()).toEqual(["training.locatie", "samenvatting", "maken"]);
    expect(answers.training.locatie).toBe("Zaal 3");
  });

  it("re-asks everything in edit mode with the given answers as defaults", async () => {
    const raw = exampleRaw();
    raw.training!.datum = "02-02-2027";
    const { fake, run } = wizard(
      {
        "bibliotheek.organisatie": "Bibliotheek Nieuw",
        "partners.lokaal.menu": "klaar",
        samenvatting: "",
      },
      { initial: raw, mode: "edit" },
    );
    const { answers } = await run;
    expect(fake.last("bibliotheek.vestiging")?.default).toBe("Vestiging Marktplein");
    expect(fake.last("training.datum")?.default).toBe("02-02-2027");
    expect(fake.last("partners.landelijk")?.default).toContain("cjib");
    expect(answers.bibliotheek.organisatie).toBe("Bibliotheek Nieuw");
    expect(answers.partners.lokaal).toHaveLength(5);
  });

  it("asks only the missing fields of an incomplete list item", async () => {
    const raw = exampleRaw();
    raw.training!.datum = "02-02-2027";
    const lokaal = raw.partners!.lokaal as Array<Record<string, unknown>>;
    delete lokaal[1]!.overdracht;
    const { fake, run } = wizard(
      { "partners.lokaal.2.overdracht": "Bellen", samenvatting: "" },
      { initial: raw, acceptDefaults: true },
    );
    const { answers } = await run;
    expect(fake.ids()).toEqual(["partners.lokaal.2.overdracht", "samenvatting", "maken"]);
    expect(answers.partners.lokaal[1]!.overdracht).toBe("Bellen");
    expect(answers.partners.lokaal).toHaveLength(5);
  });

  it("re-asks a date in the past that an answers file gave", async () => {
    const raw = exampleRaw();
    raw.training!.datum = "01-10-2026";
    const { fake, run } = wizard(
      { "training.datum": "02-02-2027", samenvatting: "" },
      { initial: raw, acceptDefaults: true },
    );
    await run;
    expect(fake.shown.some((s) => /problem: Datum van de training: .*verleden/.test(s))).toBe(true);
  });
});

describe("runWizard on another schema", () => {
  const schema = defineSchema({
    naam: { kind: "text", section: "bijeenkomst", label: "Naam", help: "Wie?", example: "Anna" },
    komt: { kind: "confirm", section: "bijeenkomst", label: "Komt", help: "Komt ze?" },
    wanneer: {
      kind: "date",
      section: "bijeenkomst",
      label: "Wanneer",
      help: "Datum.",
      when: (d) => (d as { komt?: boolean }).komt === true,
    },
  });
  const sections = [
    { id: "bijeenkomst" as const, title: "Bijeenkomst", intro: "Over de bijeenkomst." },
  ];

  it("works for any schema and its own sections", async () => {
    const fake = scriptedPrompts({
      naam: "Anna",
      komt: true,
      wanneer: "3-3-2027",
      samenvatting: "",
    });
    const { answers } = await runWizard(schema, sections, {
      ctx: fileContext(),
      prompts: fake.prompts,
    });
    expect(answers).toEqual({ naam: "Anna", komt: true, wanneer: "2027-03-03" });
    expect(fake.last("naam")?.help).toBe("Wie? Bijvoorbeeld: Anna");
    expect(fake.shown[0]).toBe("## Bijeenkomst");
  });

  it("refuses a schema whose question belongs to a section that is not listed", async () => {
    const fake = scriptedPrompts({});
    await expect(
      runWizard(schema, [{ id: "training", title: "T", intro: "" }], {
        ctx: fileContext(),
        prompts: fake.prompts,
      }),
    ).rejects.toThrow(/section "bijeenkomst"/);
  });
});

describe("runWizard on long text lists", () => {
  it("keeps the national lines as they are, including a ';' inside a point", async () => {
    const { fake, run } = wizard(NEW_USER);
    const { answers } = await run;
    expect(fake.last("privacy.watWel")?.kind).toBe("select");
    expect(answers.privacy.watWel).toContain(
      "Tips geven voor een sterk wachtwoord; de bezoeker kiest het zelf",
    );
    expect(answers.privacy.watWel).toHaveLength(5);
  });

  it("adds, changes and removes points one by one", async () => {
    const { fake, run } = wizard({
      ...NEW_USER,
      "privacy.watWel": seq("toevoegen", "wijzigen", "weghalen", "klaar"),
      "privacy.watWel.nieuw": "Samen oefenen op de website van de gemeente",
      "privacy.watWel.welk": seq("0", "1"),
      "privacy.watWel.punt": "Meekijken terwijl de bezoeker zelf typt",
    });
    const { answers } = await run;
    expect(fake.last("privacy.watWel.punt")?.default).toBe(
      "Meekijken en uitleggen terwijl de bezoeker zelf typt en inlogt",
    );
    expect(answers.privacy.watWel).toEqual([
      "Meekijken terwijl de bezoeker zelf typt",
      "Uitleggen hoe DigiD aanvragen, activeren en DigiD Machtigen werken",
      "Doorverwijzen naar de instantie of een lokale partner, met toestemming warm",
      "Tips geven voor een sterk wachtwoord; de bezoeker kiest het zelf",
      "Samen oefenen op de website van de gemeente",
    ]);
  });

  it("takes a short text list on one line, split on ';'", async () => {
    const { fake, run } = wizard({
      ...NEW_USER,
      "bibliotheek.gemeenten": "Culemborg; West Betuwe",
    });
    const { answers } = await run;
    expect(fake.last("bibliotheek.gemeenten")?.kind).toBe("input");
    expect(answers.bibliotheek.gemeenten).toEqual(["Culemborg", "West Betuwe"]);
  });
});

describe("wizard safety", () => {
  it("pre-selects no POI: Enter on the list is refused and the POI is asked again", async () => {
    const { fake, run } = wizard({ ...NEW_USER, "bibliotheek.poi": seq("", "rijnbrink") });
    const { answers } = await run;
    const asks = fake.asked.filter((a) => a.id === "bibliotheek.poi");
    expect(asks).toHaveLength(2);
    expect(asks[0]!.default).toBe("");
    expect(asks[0]!.choices?.[0]).toBe("");
    expect(fake.shown).toContain(
      "problem: Kies een antwoord uit de lijst (met de pijltjestoetsen).",
    );
    expect(answers.bibliotheek.poi).toBe("rijnbrink");
  });

  it("offers the POI given before as the default, without the empty choice", async () => {
    const raw = exampleRaw();
    const { fake, run } = wizard({}, { initial: raw, mode: "edit", acceptDefaults: true });
    await run;
    const poi = fake.last("bibliotheek.poi");
    expect(poi, "edit mode asks the POI again").toBeDefined();
    expect(raw.bibliotheek?.poi).toBeTruthy();
    expect(poi!.default).toBe(raw.bibliotheek?.poi);
    expect(poi!.choices).not.toContain("");
  });

  it.each([
    ["13-02-2027", "zaterdag 13 februari 2027 valt in het weekend"],
    ["27-04-2027", "dinsdag 27 april 2027 is Koningsdag, een feestdag"],
    ["06-05-2027", "donderdag 6 mei 2027 is Hemelvaartsdag, een feestdag"],
  ])("warns about a training on %s and asks again unless the date is kept", async (date, text) => {
    const { fake, run } = wizard({
      ...NEW_USER,
      "training.datum": seq(date, "09-02-2027"),
      "training.datum.toch": false,
    });
    const { answers } = await run;
    expect(fake.shown).toContain(`problem: ${text}. Klopt die datum?`);
    expect(fake.last("training.datum.toch")?.default).toBe(false);
    expect(answers.training.datum).toBe("2027-02-09");
  });

  it("keeps a weekend date when the person says so", async () => {
    const { run } = wizard({
      ...NEW_USER,
      "training.datum": "13-02-2027",
      "training.datum.toch": true,
      "acteur.voorbespreking": "29-01-2027",
    });
    const { answers } = await run;
    expect(answers.training.datum).toBe("2027-02-13");
  });

  it("makes the pack only after 'alles klopt' and then the explicit 'maak het pakket'", async () => {
    const { fake, run } = wizard({ ...NEW_USER, maken: seq("terug", "ja") });
    await run;
    const ids = fake.ids();
    expect(ids.filter((id) => id === "samenvatting")).toHaveLength(2);
    expect(ids.filter((id) => id === "maken")).toHaveLength(2);
    const summary = fake.last("samenvatting")!;
    expect(summary.default).toBe("");
    expect(fake.last("maken")?.choices).toEqual(["ja", "terug"]);
  });
});
