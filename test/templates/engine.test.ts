import { describe, expect, it } from "vitest";
import { createTemplateEngine } from "../../src/templates/engine.js";
import { escapeMarkdown, Markdown } from "../../src/templates/escape.js";
import { enumerate, formatLongDate, formatTime } from "../../src/domain/format.js";

const engine = (sources: Record<string, string>) => createTemplateEngine(new Map(Object.entries(sources)));

describe("template engine", () => {
  it("escapes every inserted value for Markdown", () => {
    const out = engine({ t: "# {{naam}}" }).render("t", { naam: "Bieb *Zuid* & <Oost> | [x]" });
    expect(out).toBe("# Bieb \\*Zuid\\* \\& \\<Oost\\> \\| \\[x\\]");
  });

  it("escapes helper results and keeps helper arguments raw", () => {
    const out = engine({ t: "{{datum d}} om {{tijd t}}" }).render("t", { d: "2027-03-13", t: "13:30" });
    expect(out).toBe("zaterdag 13 maart 2027 om 13\\.30 uur");
  });

  it("inserts trusted Markdown unescaped", () => {
    const out = engine({ t: "{{tekst}}" }).render("t", { tekst: new Markdown("**vet**") });
    expect(out).toBe("**vet**");
  });

  it("fails on a misspelled variable and names the template", () => {
    expect(() => engine({ "training/x.md": "{{bibliotheek.organisatei}}" }).render("training/x.md", { bibliotheek: { organisatie: "A" } })).toThrow(
      /training\/x\.md.*organisatei/,
    );
  });

  it("fails on a misspelled name in a block helper", () => {
    expect(() => engine({ t: "{{#each casusen}}x{{/each}}" }).render("t", { casussen: [] })).toThrow(/casusen/);
  });

  it("accepts a present key whose value is undefined", () => {
    expect(engine({ t: "{{#if a.b}}ja{{else}}nee{{/if}} {{ofwel a.b \"leeg\"}}" }).render("t", { a: { b: undefined } })).toBe("nee leeg");
  });

  it("renders partials with the same escaping", () => {
    const out = engine({ t: "{{> kop}}", "partials/kop": "Kop: {{naam}}" }).render("t", { naam: "a_b" });
    expect(out).toBe("Kop: a\\_b");
  });

  it("collapses line breaks in values so they cannot start Markdown blocks", () => {
    expect(escapeMarkdown("regel\n# kop\n---")).toBe("regel \\# kop \\-\\-\\-");
  });
});

describe("Dutch formatting helpers", () => {
  it.each([
    ["2027-03-13", "zaterdag 13 maart 2027"],
    ["2026-12-01", "dinsdag 1 december 2026"],
    ["2028-02-29", "dinsdag 29 februari 2028"],
  ])("formats %s as %s", (iso, text) => expect(formatLongDate(iso)).toBe(text));

  it("writes times with a point and 'uur'", () => expect(formatTime("09:05")).toBe("09.05 uur"));

  it.each([
    [[], ""],
    [["a"], "a"],
    [["a", "b"], "a en b"],
    [["a", "b", "c"], "a, b en c"],
  ])("enumerates %j as %s", (items, text) => expect(enumerate(items)).toBe(text));
});

describe("helpers and fields with the same name", () => {
  it("refuses {{zin}} without a value, which would call the helper instead of the field", () => {
    const engine = createTemplateEngine(new Map([["t", "Tekst: {{zin}}"]]));
    expect(() => engine.render("t", { zin: "Het IDO is open." })).toThrow(
      /roept de hulpfunctie "zin" aan zonder waarde/,
    );
  });

  it("still reads a field of that name as {{this.zin}}", () => {
    const engine = createTemplateEngine(new Map([["t", "{{this.zin}}"]]));
    expect(engine.render("t", { zin: "Het IDO is open." })).toBe("Het IDO is open\\.");
  });
});
