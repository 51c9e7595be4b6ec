import { toWorkday } from "../../src/plan/countdown.js";
import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/validate.js";
import { loadBijeenkomstResources } from "../../src/commands/bijeenkomst.js";
import { listQuestions } from "../../src/questions/define.js";
import {
  BIJEENKOMST_SECTIONS,
  bijeenkomstSchema,
  isWerkafspraakAnswered,
  WERKAFSPRAAK_QUESTIONS,
  WERKAFSPRAKEN,
} from "../../src/questions/bijeenkomst.js";
import { trainingSchema } from "../../src/questions/training.js";
import {
  buildBijeenkomstPlan,
  buildPlanning,
  toWerkafsprakenAnswers,
} from "../../src/plan/bijeenkomst-plan.js";
import { exampleRaw, fileContext, TODAY, validBijeenkomst } from "./helpers.js";

const { resources } = loadBijeenkomstResources({});
const planOf = (raw: unknown) =>
  buildBijeenkomstPlan({
    answers: validBijeenkomst(raw),
    texts: resources.texts,
    ctx: fileContext(),
    version: "test",
  });

/** Only what the meeting itself needs: library, kartrekker, date and place. */
function minimalRaw(): Record<string, Record<string, unknown>> {
  const raw = exampleRaw();
  return {
    bibliotheek: raw.bibliotheek!,
    kartrekker: raw.kartrekker!,
    bijeenkomst: { datum: "16-02-2027", locatie: "Leeszaal" },
  };
}

describe("bijeenkomstSchema", () => {
  it("reuses the training's werkafspraken questions, all optional", () => {
    const training = listQuestions(trainingSchema);
    for (const group of ["werkwijze", "partners", "inrichting", "privacy"]) {
      const ours = listQuestions(bijeenkomstSchema).filter((q) => q.key.startsWith(`${group}.`));
      const theirs = training.filter((q) => q.key.startsWith(`${group}.`));
      expect(ours.map((q) => [q.key, q.label, q.help])).toEqual(
        theirs.map((q) => [q.key, q.label, q.help]),
      );
      expect(ours.every((q) => q.optional)).toBe(true);
    }
  });

  it("keeps bibliotheek and kartrekker exactly as in the training", () => {
    const pick = (schema: typeof trainingSchema | typeof bijeenkomstSchema) =>
      listQuestions(schema)
        .filter((q) => /^(bibliotheek|kartrekker)\./.test(q.key))
        .map((q) => [q.key, q.optional ?? false]);
    expect(pick(bijeenkomstSchema)).toEqual(pick(trainingSchema));
  });

  it("has a wizard section for every question", () => {
    const sections = new Set(BIJEENKOMST_SECTIONS.map((s) => s.id));
    for (const q of listQuestions(bijeenkomstSchema)) expect(sections.has(q.section)).toBe(true);
  });

  it("needs no werkafspraken at all, and fills in the meeting's defaults", () => {
    const result = validateAnswers(bijeenkomstSchema, minimalRaw(), fileContext());
    expect(result.problems).toEqual([]);
    expect(result.missing).toEqual([]);
    const b = result.answers!.bijeenkomst;
    expect([b.starttijd, b.eindtijd]).toEqual(["14:00", "16:00"]);
    expect(b.poiBegeleider).toBe("Marieke de Groot");
    expect(b.aanwezigen).toEqual(["kartrekker", "ido-medewerkers", "teamleider", "poi-begeleider"]);
    // Nothing known yet: every werkafspraak is open.
    expect(b.afgesproken).toEqual([]);
    expect(b.open).toEqual([...WERKAFSPRAKEN]);
  });

  it("counts a werkafspraak as settled when the training's required questions are answered", () => {
    const raw = minimalRaw();
    raw.werkwijze = {
      openingstijden: "Dinsdag 10-12",
      vorm: "inloop",
      bemensing: "medewerkers",
      registratie: "turflijst",
    };
    raw.inrichting = { plek: "Bij de balie" };
    const answers = validBijeenkomst(raw);
    // Geheimhouding is asked only when volunteers staff the IDO, so werkwijze is complete.
    expect(answers.bijeenkomst.afgesproken).toEqual(["werkwijze", "inrichting", "registratie"]);
    expect(answers.bijeenkomst.open).toEqual(["partners", "privacy", "escalatie", "kennis"]);
    expect(answers.bijeenkomst.aanwezigen).not.toContain("vrijwilligers");
  });

  it("asks for geheimhouding before werkwijze counts as settled when volunteers help", () => {
    const draft = {
      werkwijze: { openingstijden: "x", vorm: "inloop", bemensing: "beide", registratie: "geen" },
    };
    expect(isWerkafspraakAnswered("werkwijze", draft)).toBe(false);
    expect(
      isWerkafspraakAnswered("werkwijze", {
        werkwijze: { ...draft.werkwijze, geheimhouding: "ja" },
      }),
    ).toBe(true);
    // Escalatie has no training questions: only the meeting can settle it.
    expect(WERKAFSPRAAK_QUESTIONS.escalatie).toEqual([]);
    expect(isWerkafspraakAnswered("escalatie", draft)).toBe(false);
  });

  it.each([
    [{ eindtijd: "14:30" }, "bijeenkomst.eindtijd", /minstens een uur/],
    [{ trainingsdatum: "01-02-2027" }, "bijeenkomst.trainingsdatum", /na de bijeenkomst/],
    [
      { afgesproken: ["privacy"], open: ["privacy", "kennis"] },
      "bijeenkomst.open",
      /Privacy staat ook bij de werkafspraken die al vastliggen/,
    ],
    [{ aanwezigen: ["iedereen"] }, "bijeenkomst.aanwezigen", /geen geldige keuze/],
  ])("reports %j at %s", (extra, where, message) => {
    const raw = minimalRaw();
    raw.bijeenkomst = { ...raw.bijeenkomst, ...extra };
    const result = validateAnswers(bijeenkomstSchema, raw, fileContext());
    const problem = result.problems.find((p) => p.where === where);
    expect(problem?.message).toMatch(message);
  });

  it("still checks a werkafspraak that is given: a local partner must be complete", () => {
    const raw = minimalRaw();
    raw.partners = { lokaal: [{ naam: "Taalhuis" }] };
    const result = validateAnswers(bijeenkomstSchema, raw, fileContext());
    expect(result.problems.map((p) => p.where)).toEqual(
      expect.arrayContaining(["partners.lokaal[1].soort", "partners.lokaal[1].overdracht"]),
    );
  });
});

describe("buildBijeenkomstPlan", () => {
  it("plans the documents, invitation and read-me, and names the folder after library, location and date", () => {
    const plan = planOf(exampleRaw());
    expect(plan.documents.map((d) => d.file)).toEqual([
      "handleiding-lokale-bijeenkomst.docx",
      "presentatie-lokale-bijeenkomst.pptx",
      "werkafspraken-formulier.docx",
      "presentielijst.docx",
      "mails/uitnodiging-bijeenkomst.ics",
      "mails/mail-uitnodiging-bijeenkomst.txt",
      "LEESMIJ.html",
    ]);
    expect(plan.folderName).toBe(
      "bijeenkomst-bibliotheek-zuiderlinge-vestiging-marktplein-2026-12-22",
    );
  });

  it("puts one agenda item with questions and tips on the agenda per open werkafspraak", () => {
    const { view } = planOf(exampleRaw());
    expect(view.agenda.map((r) => `${r.start} ${r.titel}`)).toEqual([
      "14:00 Welkom en doel van de bijeenkomst",
      "14:10 Hoe staat ons IDO ervoor?",
      "14:15 Partners en warme overdracht",
      "14:40 Privacy",
      "15:00 Escalatie bij lastige bezoekers",
      "15:15 Kennis op peil houden",
      "15:30 De balie, de gemeente en de vindbaarheid",
      "15:40 Op weg naar de vaardigheidstraining",
      "15:50 Afspraken op een rij en afsluiting",
    ]);
    const partners = view.openOnderwerpen[0]!;
    expect(partners).toMatchObject({ id: "partners", open: true, start: "14:15", eind: "14:40" });
    expect(partners.vragen.length).toBeGreaterThan(3);
    // What is known is said as statements, never as "Label: Antwoord".
    expect(partners.bekend.map((f) => f.regel)).toEqual([
      expect.stringMatching(
        /^We hebben contact of afspraken met de Belastingdienst, Dienst Toeslagen, /,
      ),
      expect.stringMatching(/^We verwijzen naar Sociaal Team Zuiderhaven voor zorg, Wmo en /),
      expect.stringMatching(/^We verwijzen naar Taalhuis Zuiderhaven voor beter leren lezen/),
    ]);
    expect(view.vasteOnderwerpen.map((t) => t.id)).toEqual([
      "werkwijze",
      "inrichting",
      "registratie",
    ]);
  });

  it("describes the people attending with their role in the meeting", () => {
    const { view } = planOf(exampleRaw());
    // The POI adviser is there, so the POI adviser leads; the kartrekker organises.
    expect(view.leider).toMatchObject({ isPoi: true, naam: "Marieke de Groot" });
    expect(view.aanwezigen[0]).toEqual({
      id: "kartrekker",
      naam: "De IDO-kartrekker",
      rol: expect.stringMatching(/Organiseert de bijeenkomst/),
    });
    expect(view.aanwezigen.find((a) => a.id === "poi-begeleider")?.rol).toMatch(
      /Leidt het gesprek/,
    );
    expect(view.aanwezigen.every((a) => a.rol !== "")).toBe(true);
  });

  it("builds the form from exactly the training's questions, with what is known filled in", () => {
    const { view } = planOf(exampleRaw());
    const formKeys = view.formulier.flatMap((g) => g.vragen.map((q) => q.key));
    const trainingKeys = listQuestions(trainingSchema)
      .map((q) => q.key)
      .filter((k) => /^(werkwijze|partners|inrichting|privacy)\./.test(k));
    expect(formKeys).toEqual(trainingKeys);
    const byKey = new Map(view.formulier.flatMap((g) => g.vragen.map((q) => [q.key, q])));
    expect(byKey.get("werkwijze.vorm")?.opties).toEqual([
      { label: "Vrije inloop", gekozen: false },
      { label: "Op afspraak", gekozen: false },
      { label: "Inloop én op afspraak", gekozen: true },
    ]);
    expect(byKey.get("werkwijze.registratieToelichting")).toMatchObject({
      isTekst: true,
      bekend: false,
      regels: 2,
    });
    expect(byKey.get("werkwijze.geheimhouding")?.voorwaarde).toBe(true);
    expect(byKey.get("privacy.toestemmingsformulier")?.opties).toEqual([
      { label: "Ja", gekozen: true },
      { label: "Nee", gekozen: false },
    ]);
    const lokaal = byKey.get("partners.lokaal")!;
    expect(lokaal.kolommen).toEqual([
      "Naam van de partner",
      "Soort partner",
      "Waarvoor verwijzen jullie door",
      "Hoe dragen jullie warm over",
      "Vast aanspreekpunt",
    ]);
    expect(lokaal.rijen[1]?.slice(0, 2)).toEqual(["Taalhuis Zuiderhaven", "Taalhuis"]);
    expect(lokaal.legeRijen).toHaveLength(5);
    expect(view.formulier.map((g) => [g.id, g.open])).toEqual([
      ["werkwijze", false],
      ["partners", true],
      ["inrichting", false],
      ["privacy", true],
    ]);
    expect(view.formulierExtra.map((t) => t.id)).toEqual(["escalatie", "kennis"]);
  });

  it("warns when the topics get little time or the training follows soon after", () => {
    const raw = minimalRaw();
    raw.bijeenkomst = { ...raw.bijeenkomst, eindtijd: "15:00", trainingsdatum: "23-02-2027" };
    const { view } = planOf(raw);
    expect(view.waarschuwingen).toEqual([
      expect.stringMatching(/weinig tijd per open werkafspraak/),
      expect.stringMatching(/minder dan drie weken na de bijeenkomst/),
    ]);
    expect(planOf(exampleRaw()).view.waarschuwingen).toEqual([]);
  });
});

describe("planning", () => {
  it("moves preparation back to Friday and follow-up forward to Monday", () => {
    expect(toWorkday("2027-02-13", true)).toBe("2027-02-12"); // Saturday → Friday
    expect(toWorkday("2027-02-14", true)).toBe("2027-02-12"); // Sunday → Friday
    expect(toWorkday("2027-02-13", false)).toBe("2027-02-15"); // Saturday → Monday
    expect(toWorkday("2027-02-16", false)).toBe("2027-02-16");
  });

  it("counts back from the meeting, says how long before, and flags dates already past", () => {
    const rows = buildPlanning(
      "2026-12-08",
      [
        { dagen: 21, taak: "Uitnodigen", wie: "Kartrekker" },
        { dagen: 2, taak: "Printen", wie: "Kartrekker" },
        { dagen: -7, taak: "Naar de POI", wie: "Kartrekker" },
      ],
      TODAY,
    );
    expect(rows).toEqual([
      {
        datum: "2026-11-17",
        wanneer: "3 weken vooraf",
        taak: "Uitnodigen",
        wie: "Kartrekker",
        verlopen: true,
      },
      // Two days before a Tuesday is a Sunday: the Friday before, four days ahead.
      {
        datum: "2026-12-04",
        wanneer: "4 dagen vooraf",
        taak: "Printen",
        wie: "Kartrekker",
        verlopen: false,
      },
      {
        datum: "2026-12-15",
        wanneer: "1 week na de bijeenkomst",
        taak: "Naar de POI",
        wie: "Kartrekker",
        verlopen: false,
      },
    ]);
  });
});

describe("toWerkafsprakenAnswers", () => {
  it("keeps only what the training asks, and the training accepts it as far as it goes", () => {
    const answers = validBijeenkomst(exampleRaw());
    const werkafspraken = toWerkafsprakenAnswers(answers);
    expect(Object.keys(werkafspraken)).toEqual([
      "bibliotheek",
      "kartrekker",
      "werkwijze",
      "partners",
      "inrichting",
      "privacy",
      "training",
      "huisstijl",
    ]);
    expect(werkafspraken.training).toEqual({ datum: answers.bijeenkomst.trainingsdatum });
    const result = validateAnswers(trainingSchema, werkafspraken, fileContext());
    expect(result.problems).toEqual([]);
    // What is missing is exactly the training's own groups.
    expect(new Set(result.missing.map((q) => q.key.split(".")[0]))).toEqual(new Set(["training"]));
  });
});
