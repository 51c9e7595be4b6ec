import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { serializeAnswers } from "../../src/answers/serialize.js";
import { validateAnswers } from "../../src/answers/validate.js";
import {
  evaluateForm,
  loadIntoForm,
  problemCount,
  toDraftAnswers,
  toRawAnswers,
  type FormAnswers,
} from "../../src/form/evaluate.js";
import { BIJEENKOMST_SECTIONS, bijeenkomstSchema } from "../../src/questions/bijeenkomst.js";
import { listQuestions, setPath, type Draft } from "../../src/questions/define.js";
import { trainingSchema } from "../../src/questions/training.js";
import { convertTyped } from "../../src/questions/wizard.js";
import { exampleRaw } from "../helpers/answers.js";
import { fileContext } from "../helpers/context.js";

/** The form's answers, judged by the schema with the wizard's and the answers file's rules. */

const wizard = fileContext({ mode: "wizard" });
const file = fileContext();
const byKey = new Map(listQuestions(trainingSchema).map((q) => [q.key, q]));

/** Complete answers for the training, as the form holds them (from the example). */
const complete = (): Record<string, unknown> =>
  loadIntoForm(trainingSchema, exampleRaw(), wizard).answers;

function nested(answers: FormAnswers): Draft {
  const out: Draft = {};
  for (const [key, value] of Object.entries(answers)) setPath(out, key, value);
  return out;
}

describe("evaluateForm", () => {
  it("asks for a tick in the form's words, not the terminal's keys", () => {
    const answers = { ...complete(), "partners.landelijk": [] };
    const view = evaluateForm(trainingSchema, answers, wizard).fields["partners.landelijk"]!;
    expect(view.error).toBe("Kies er minstens één.");
  });

  it("offers computed defaults that follow earlier answers until they are changed", () => {
    const first = evaluateForm(trainingSchema, { "bibliotheek.plaats": "Lingedijk" }, wizard);
    expect(first.fields["bibliotheek.gemeenten"]!.proposal).toBe("Lingedijk");
    const moved = evaluateForm(trainingSchema, { "bibliotheek.plaats": "Culemborg" }, wizard);
    expect(moved.fields["bibliotheek.gemeenten"]!.proposal).toBe("Culemborg");
    expect(moved.draft).toMatchObject({ bibliotheek: { gemeenten: ["Culemborg"] } });
    const changed = evaluateForm(
      trainingSchema,
      { "bibliotheek.plaats": "Culemborg", "bibliotheek.gemeenten": "Culemborg; West Betuwe" },
      wizard,
    );
    expect(changed.draft).toMatchObject({
      bibliotheek: { gemeenten: ["Culemborg", "West Betuwe"] },
    });

    const times = evaluateForm(trainingSchema, { "training.starttijd": "9.30" }, wizard);
    expect(times.fields["training.eindtijd"]!.proposal).toBe("12:45");
    expect(times.fields["focus.aantalCasussen"]!.proposal).toBe("5");
  });

  it("says when an emptied answer takes the default", () => {
    const result = evaluateForm(trainingSchema, { "training.starttijd": "" }, wizard);
    expect(result.fields["training.starttijd"]).toMatchObject({
      note: "Leeg gelaten: idokit neemt het voorstel (13.30 uur).",
    });
    expect(result.fields["training.starttijd"]!.error).toBeUndefined();
  });

  it("hides a question whose condition does not hold, and leaves its answer out", () => {
    const staff = evaluateForm(
      trainingSchema,
      { "werkwijze.bemensing": "medewerkers", "werkwijze.geheimhouding": "ja" },
      wizard,
    );
    expect(staff.fields["werkwijze.geheimhouding"]!.visible).toBe(false);
    expect(toRawAnswers(trainingSchema, { "werkwijze.geheimhouding": "ja" }, staff)).toEqual({});
    const both = evaluateForm(trainingSchema, { "werkwijze.bemensing": "beide" }, wizard);
    expect(both.fields["werkwijze.geheimhouding"]).toMatchObject({
      visible: true,
      error: "Dit antwoord is nodig.",
    });
  });

  it.each([
    ["kartrekker.email", "s.jansen@"],
    ["training.datum", "31-02-2027"],
    ["training.datum", "02-02-2026"],
    ["training.deelnemers", "20"],
    ["training.deelnemers", "twaalf"],
    ["training.starttijd", "25:00"],
    ["partners.landelijk", ["belastingdienst", "onbekend"]],
    ["huisstijl.kleur", "blauw"],
    ["bibliotheek.organisatie", ""],
  ])("words the problem with %s = %j exactly as the wizard does", (key, raw) => {
    const result = evaluateForm(trainingSchema, { [key]: raw }, wizard);
    const expected = convertTyped(byKey.get(key)!, raw, result.draft, wizard).error;
    expect(expected).toBeDefined();
    expect(result.fields[key]!.error).toBe(expected);
  });

  it("finds the problems an answers file would have, for the same answers", () => {
    const answers = {
      ...complete(),
      "kartrekker.email": "geen-adres",
      "training.deelnemers": "20",
      "huisstijl.kleur": "#12345",
    };
    const result = evaluateForm(trainingSchema, answers, file);
    const fromFile = validateAnswers(trainingSchema, nested(answers), file).problems;
    expect(fromFile.map((p) => p.where).sort()).toEqual(
      Object.entries(result.fields)
        .filter(([, view]) => view.error)
        .map(([key]) => key)
        .sort(),
    );
    for (const problem of fromFile) {
      const q = byKey.get(problem.where)!;
      const message = problem.message.slice(q.label.length + 2);
      expect(result.fields[problem.where]!.error).toBe(
        message.charAt(0).toUpperCase() + message.slice(1),
      );
    }
    expect(result.errors).toEqual({ bibliotheek: 1, training: 1, huisstijl: 1 });
  });

  it("passes on the schema's warnings, as an answers file would", () => {
    const answers = { "huisstijl.kleur": "#FFFFEE" };
    const result = evaluateForm(trainingSchema, answers, wizard);
    const fromFile = validateAnswers(trainingSchema, nested(answers), file).warnings.find(
      (w) => w.where === "huisstijl.kleur",
    );
    expect(fromFile).toBeDefined();
    expect(result.fields["huisstijl.kleur"]).toMatchObject({
      warning: fromFile!.message.replace(/^Huisstijlkleur: /, ""),
    });
    expect(result.fields["huisstijl.kleur"]!.error).toBeUndefined();
  });

  it("checks every field of every local partner", () => {
    const result = evaluateForm(
      trainingSchema,
      {
        "partners.lokaal": [
          { naam: "Taalhuis", soort: "taalhuis", waarvoor: "", overdracht: "" },
          {},
        ],
      },
      wizard,
    );
    expect(result.fields["partners.lokaal.0.waarvoor"]!.error).toMatch(/^Dit antwoord is nodig/);
    expect(result.fields["partners.lokaal.0.naam"]!.error).toBeUndefined();
    expect(result.fields["partners.lokaal.1.soort"]!.error).toBe("Dit antwoord is nodig.");
  });

  it("accepts complete answers, which make the same answers as the file they came from", () => {
    const answers = complete();
    const result = evaluateForm(trainingSchema, answers, wizard);
    expect(problemCount(result)).toBe(0);
    const viaForm = validateAnswers(
      trainingSchema,
      toRawAnswers(trainingSchema, answers, result),
      file,
    );
    expect(viaForm.problems).toEqual([]);
    expect(viaForm.answers).toEqual(validateAnswers(trainingSchema, exampleRaw(), file).answers);
  });

  it("takes any text for a free answer the way an answers file does", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 260 }), (text) => {
        const key = "inrichting.plek";
        const form = evaluateForm(trainingSchema, { [key]: text }, file);
        const fromFile = validateAnswers(trainingSchema, nested({ [key]: text }), file);
        const fileProblem = fromFile.problems.find((p) => p.where === key);
        const missing = fromFile.missing.some((q) => q.key === key);
        expect(form.fields[key]!.error !== undefined).toBe(fileProblem !== undefined || missing);
        expect(form.draft).toMatchObject({
          inrichting: { plek: (fromFile.draft.inrichting as Draft).plek },
        });
      }),
    );
  });
});

describe("answers files in the form", () => {
  it("reads a file into the form as typed, keeps defaults following, and reports unknown keys", () => {
    const raw = exampleRaw();
    raw.training!.datum = "31-02-2027";
    (raw.training as Record<string, unknown>).onbekend = "x";
    raw.training!.eindtijd = "16:45"; // equal to its default: keeps following the start time
    const loaded = loadIntoForm(trainingSchema, raw, wizard);
    expect(loaded.answers["training.datum"]).toBe("31-02-2027");
    expect(loaded.answers["training.starttijd"]).toBeUndefined();
    expect(loaded.answers["training.eindtijd"]).toBeUndefined();
    expect(loaded.answers["bibliotheek.gemeenten"]).toBe("Zuiderhaven\nLingedijk");
    expect(loaded.answers["partners.landelijk"]).toEqual(raw.partners!.landelijk);
    expect(loaded.answers["privacy.toestemmingsformulier"]).toBe("ja");
    expect(loaded.problems.map((p) => p.where)).toEqual(["training.onbekend"]);
    const result = evaluateForm(trainingSchema, loaded.answers, wizard);
    expect(result.fields["training.datum"]!.error).toMatch(/bestaat niet als datum/);
  });

  it("saves an unfinished form as an answers file that keeps what was typed", () => {
    const answers = { "bibliotheek.plaats": "Lingedijk", "training.datum": "31-02-2027" };
    const result = evaluateForm(trainingSchema, answers, wizard);
    const text = serializeAnswers(
      trainingSchema,
      toDraftAnswers(trainingSchema, answers, result),
      "kop",
    );
    const data = parse(text) as Record<string, Record<string, unknown>>;
    expect(data.training!.datum).toBe("31-02-2027");
    expect(data.bibliotheek).toMatchObject({ plaats: "Lingedijk", gemeenten: ["Lingedijk"] });
    // Read back, it gives the same form.
    expect(loadIntoForm(trainingSchema, data, wizard).answers).toMatchObject(answers);
  });

  it("reads a bijeenkomst's werkafspraken into the bijeenkomst form too", () => {
    const loaded = loadIntoForm(bijeenkomstSchema, exampleRaw(), wizard);
    expect(BIJEENKOMST_SECTIONS.map((s) => s.id)).toContain("bijeenkomst");
    expect(loaded.answers["werkwijze.vorm"]).toBe("beide");
    // Training questions the bijeenkomst does not ask are reported, not silently dropped.
    expect(loaded.problems.map((p) => p.where)).toContain("training");
  });
});
