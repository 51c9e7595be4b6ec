import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/validate.js";
import { trainingSchema } from "../../src/questions/training.js";
import { exampleRaw } from "../helpers/answers.js";
import { fileContext, TODAY } from "../helpers/context.js";

const validate = (raw: unknown, overrides = {}) =>
  validateAnswers(trainingSchema, raw, fileContext(overrides));

describe("validateAnswers for the training schema", () => {
  it("accepts the built-in example and applies computed defaults", () => {
    const raw = exampleRaw();
    delete raw.training!.eindtijd;
    const result = validate(raw);
    expect(result.problems).toEqual([]);
    expect(result.answers?.training.eindtijd).toBe("16:45");
    expect(result.answers?.acteur.voorbespreking).toBe("2027-03-30");
    expect(result.answers?.privacy.watNiet).toContain(
      "Het burgerservicenummer (BSN) van de bezoeker verwerken of noteren",
    );
  });

  it("lists every problem at once, by field, in Dutch", () => {
    const raw = exampleRaw();
    raw.training!.deelnemers = 17;
    raw.training!.datum = "31-02-2027";
    raw.training!.eindtijd = "12:00";
    raw.kartrekker!.email = "sanne@";
    raw.huisstijl = { kleur: "blauw" };
    const result = validate(raw);
    expect(result.answers).toBeUndefined();
    const byKey = Object.fromEntries(result.problems.map((p) => [p.where, p.message]));
    expect(byKey["training.deelnemers"]).toMatch(/17 is te groot; het maximum is 16/);
    expect(byKey["training.datum"]).toMatch(/"31-02-2027" bestaat niet als datum/);
    expect(byKey["training.eindtijd"]).toMatch(
      /De eindtijd \(12:00\) ligt niet na de starttijd \(13:30\)/,
    );
    expect(byKey["kartrekker.email"]).toMatch(/geen geldig e-mailadres/);
    expect(byKey["huisstijl.kleur"]).toMatch(/geen kleur in hex/);
  });

  it("reports unknown keys with a suggestion", () => {
    const raw = exampleRaw();
    raw.bibliotheek!.organisatei = "X";
    (raw as Record<string, unknown>).traning = {};
    const result = validate(raw);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        where: "bibliotheek.organisatei",
        message: expect.stringContaining('Bedoelde je "bibliotheek.organisatie"?'),
      }),
    );
    expect(result.problems).toContainEqual(
      expect.objectContaining({ where: "traning", message: expect.stringContaining('"training"') }),
    );
  });

  it("separates missing answers from wrong ones", () => {
    const result = validate({ bibliotheek: { organisatie: "Bieb" } });
    expect(result.problems).toEqual([]);
    expect(result.missing.map((q) => q.key)).toEqual(
      expect.arrayContaining([
        "bibliotheek.vestiging",
        "training.datum",
        "training.deelnemers",
        "kartrekker.email",
      ]),
    );
    expect(result.missing.map((q) => q.key)).not.toContain("acteur.naam");
  });

  it("asks the retention term only when a consent form is used", () => {
    const raw = exampleRaw();
    raw.privacy = { toestemmingsformulier: "nee", bewaartermijn: "1 jaar" };
    const result = validate(raw);
    expect(result.answers?.privacy.bewaartermijn).toBeUndefined();
    expect(result.warnings.map((w) => w.where)).toContain("privacy.bewaartermijn");
  });

  it("strips control characters and keeps special characters literally", () => {
    const raw = exampleRaw();
    raw.bibliotheek!.organisatie = "Bieb *Zuid* & <Oost>\u0007 \"'😀 Fryslân";
    const result = validate(raw);
    expect(result.answers?.bibliotheek.organisatie).toBe("Bieb *Zuid* & <Oost> \"'😀 Fryslân");
  });

  it("checks that a logo exists through the injected inspector", () => {
    const raw = exampleRaw();
    raw.huisstijl = { logo: "ontbreekt.png" };
    const result = validate(raw, {
      inspectFile: (path: string) => `het bestand "${path}" bestaat niet.`,
    });
    expect(result.problems).toContainEqual({
      where: "huisstijl.logo",
      message: 'Logo: het bestand "ontbreekt.png" bestaat niet.',
    });
  });

  it("refuses a past training date in the wizard, and only warns for a file", () => {
    const raw = exampleRaw();
    raw.training!.datum = "01-01-2026";
    delete raw.acteur!.voorbespreking;
    expect(validate(raw).warnings.map((w) => w.where)).toContain("training.datum");
    const wizard = validate(raw, { mode: "wizard" });
    expect(wizard.problems.find((p) => p.where === "training.datum")?.message).toMatch(
      /in het verleden/,
    );
    expect(TODAY > "2026-01-01").toBe(true);
  });

  it("refuses more casussen than fit in the time", () => {
    const raw = exampleRaw();
    raw.training!.eindtijd = "15:30";
    raw.focus!.aantalCasussen = 8;
    const result = validate(raw);
    expect(result.problems.find((p) => p.where === "focus.aantalCasussen")?.message).toMatch(
      /8 casussen passen niet in een training van 2 uur/,
    );
  });

  it("refuses too few casussen for a long training", () => {
    const raw = exampleRaw();
    raw.training!.starttijd = "09:00";
    raw.training!.eindtijd = "15:00";
    raw.focus!.aantalCasussen = 2;
    const result = validate(raw);
    expect(result.problems.find((p) => p.where === "focus.aantalCasussen")?.message).toMatch(
      /2 casussen zijn te weinig voor een training van 6 uur; kies er minstens \d/,
    );
  });

  it("validates local partners item by item", () => {
    const raw = exampleRaw();
    raw.partners!.lokaal = [{ naam: "Taalhuis", soort: "taalhuiz", waarvoor: "taal" }];
    const result = validate(raw);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          where: "partners.lokaal[1].soort",
          message: expect.stringMatching(/"taalhuiz" is geen van de mogelijke keuzes/),
        }),
        expect.objectContaining({
          where: "partners.lokaal[1].overdracht",
          message: expect.stringMatching(/ontbreekt/),
        }),
      ]),
    );
  });

  it("rejects a file that is not a mapping", () => {
    expect(validate(["a", "b"]).problems[0]).toEqual(
      expect.objectContaining({ where: "(bestand)" }),
    );
  });
});
