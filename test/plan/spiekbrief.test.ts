import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitSpiekbrief, type PartnerText } from "../../src/plan/spiekbrief.js";

/** Partners as a library writes them: a name, what for, and a sentence on the handover. */
const partner = (i: number): PartnerText => ({
  naam: `Humanitas Thuisadministratie ${i}`,
  waarvoor: "Overzicht in post en rekeningen",
  overdracht: "Samen met de klant het aanmeldformulier op de website invullen; de klant typt zelf",
});
const partners = (n: number): PartnerText[] => Array.from({ length: n }, (_, i) => partner(i + 1));
const ORG = "Bibliotheek Zuiderlinge";
const arial = { bodyFont: "Arial", logo: false };
const verdana = { bodyFont: "Verdana", logo: false };

describe("fitting the spiekbrief's partners on one page", () => {
  it("gives each partner what for and how to hand over while they fit, then less", () => {
    const forms = Array.from(
      { length: 20 },
      (_, i) => fitSpiekbrief(ORG, partners(i + 1), arial).vorm,
    );
    // From the fullest form to the shortest, never back.
    const order = ["volledig", "kort", "namen"];
    for (let i = 1; i < forms.length; i++)
      expect(order.indexOf(forms[i]!)).toBeGreaterThanOrEqual(order.indexOf(forms[i - 1]!));
    expect(forms[0]).toBe("volledig");
    expect(forms).toContain("kort");
    expect(forms[19]).toBe("namen");
  });

  it("takes the shorter form sooner for a wide font, an unknown font and a logo", () => {
    const count = (layout: Parameters<typeof fitSpiekbrief>[2]): number =>
      Array.from({ length: 20 }, (_, i) => fitSpiekbrief(ORG, partners(i + 1), layout)).filter(
        (fit) => fit.volledig,
      ).length;
    expect(count(verdana)).toBeLessThan(count(arial));
    expect(count({ bodyFont: "Comic Sans Onbekend", logo: false })).toBe(count(verdana));
    expect(count({ bodyFont: "Arial", logo: true })).toBeLessThan(count(arial));
    // Without a house style (a dry run): the widest font and a logo.
    expect(count({})).toBe(count({ bodyFont: "Verdana", logo: true }));
    // A library name over several lines leaves less room.
    expect(count({ ...arial, header: "x".repeat(400) })).toBeLessThan(count(arial));
  });

  it("names as many partners as fit, in order, with how many are left", () => {
    const long = Array.from({ length: 20 }, (_, i) => ({
      naam: `Stichting Maatschappelijke Dienstverlening Regio ${i} ${"x".repeat(150)}`,
      waarvoor: "hulp ".repeat(40),
      overdracht: "bellen ".repeat(40),
    }));
    const fit = fitSpiekbrief(ORG, long, verdana);
    expect(fit.vorm).toBe("namen");
    expect(fit.getoond.length).toBeGreaterThan(0);
    expect(fit.getoond.length).toBeLessThan(20);
    expect(fit.getoond).toEqual(long.slice(0, fit.getoond.length).map((p) => p.naam));
    expect(fit.overige).toBe(20 - fit.getoond.length);
    expect(fit.namenTekst).toMatch(new RegExp(` en nog ${fit.overige} andere$`));

    const few = fitSpiekbrief(ORG, partners(12), verdana);
    expect(few.vorm).toBe("namen");
    expect(few.overige).toBe(0);
    expect(few.namenTekst).toMatch(
      /, Humanitas Thuisadministratie 11 en Humanitas Thuisadministratie 12$/,
    );
  });

  it("always chooses one form, and never shows a name that is not a partner", () => {
    const text = fc.string({ maxLength: 300 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ naam: text, waarvoor: text, overdracht: text }), { maxLength: 20 }),
        fc.string({ maxLength: 200 }),
        fc.constantFrom("Arial", "Verdana", "Georgia", "Onbekend"),
        fc.boolean(),
        (list, org, bodyFont, logo) => {
          const fit = fitSpiekbrief(org, list, { bodyFont, logo });
          expect([fit.volledig, fit.kort, fit.namen].filter(Boolean)).toHaveLength(1);
          expect(fit.getoond.length + fit.overige).toBe(fit.namen ? list.length : 0);
          for (const name of fit.getoond) expect(list.map((p) => p.naam)).toContain(name);
        },
      ),
    );
  });
});
