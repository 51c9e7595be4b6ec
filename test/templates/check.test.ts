import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { checkTemplateSet } from "../../src/pack/template-check.js";
import { analyzeTemplates } from "../../src/templates/check.js";
import { checkSlideTemplates } from "../../src/templates/check-slides.js";
import { shapeOf } from "../../src/templates/check-shape.js";
import { HELPER_DOCS } from "../../src/templates/guide.js";
import { helpers } from "../../src/templates/helpers.js";
import { loadTemplates } from "../../src/templates/load.js";

const VIEW = {
  bibliotheek: { organisatie: "Bieb", vestiging: "Centrum" },
  acteur: { naam: "Joost" },
  casussen: [{ nummer: 1, titel: "DigiD", partners: ["DUO"] }],
  schema: [{ id: "welkom", casus: { titel: "x" } }, { id: "pauze" }],
  leeg: [],
};

/** Problems of one document template (and partials) with the view above, as "where | message". */
function check(sources: Record<string, string>): string[] {
  return analyzeTemplates({
    sources: new Map(Object.entries(sources)),
    roots: [{ template: "doc.md", shape: shapeOf(VIEW) }],
    helpers: Object.keys(helpers),
  }).problems.map((p) => `${p.where} | ${p.message}`);
}

describe("the template check", () => {
  it("accepts a template that uses what the data has, in every scope", () => {
    expect(
      check({
        "doc.md": [
          "# {{bibliotheek.organisatie}} · {{hoofdletter bibliotheek.vestiging}}",
          "{{#if acteur.naam}}{{acteur.naam}}{{else}}de acteur{{/if}}",
          "{{#each casussen}}{{nummer}}. {{titel}} ({{opsomming partners}}) {{@root.acteur.naam}} {{../bibliotheek.organisatie}}{{#unless @last}},{{/unless}}{{/each}}",
          "{{#each schema as |rij i|}}{{rij.id}} {{plus i 1}}{{#if rij.casus}}{{rij.casus.titel}}{{/if}}{{/each}}",
          "{{#each leeg}}{{wat.dan.ook}}{{/each}} {{casussen.length}} {{lookup acteur \"naam\"}}",
          "{{> kaart casussen.[0] extra=acteur.naam}}",
        ].join("\n"),
        "partials/kaart.md": "{{titel}} {{extra}} {{@root.bibliotheek.vestiging}}",
      }),
    ).toEqual([]);
  });

  it("names an unknown variable with file:line:column and a 'bedoelde je'", () => {
    expect(check({ "doc.md": "Hallo\n  {{bibliotheek.organisatei}}\n" })).toEqual([
      'doc.md.hbs:2:5 | onbekende variabele "bibliotheek.organisatei" ("organisatei" bestaat hier niet). Bedoelde je "bibliotheek.organisatie"?',
    ]);
    expect(check({ "doc.md": "{{#each casussen}}{{titl}}{{/each}}" })).toEqual([
      'doc.md.hbs:1:21 | onbekende variabele "titl". Bedoelde je "titel"?',
    ]);
    expect(check({ "doc.md": "{{#if (eq @root.acteur.nam \"x\")}}{{/if}}" })[0]).toMatch(
      /^doc\.md\.hbs:1:11 \| onbekende variabele "@root\.acteur\.nam".*Bedoelde je "@root\.acteur\.naam"\?/,
    );
  });

  it("reports unknown helpers, unknown partials and helpers used the wrong way", () => {
    expect(
      check({
        "doc.md": "{{datumm acteur.naam}}\n{{> kaartje}}\n{{#eq a b}}x{{/eq}}\n{{each casussen}}",
        "partials/kaart.md": "x",
      }),
    ).toEqual([
      'doc.md.hbs:1:1 | onbekende helper "datumm". Bedoelde je "datum"?',
      'doc.md.hbs:2:1 | onbekende partial "kaartje": er is geen partials/kaartje.md.hbs. Bedoelde je "kaart"?',
      "doc.md.hbs:3:1 | {{#eq}} is geen blok: eq geeft een waarde. Gebruik het zo: {{#if (eq …)}} … {{/if}}.",
      "doc.md.hbs:4:1 | {{each …}} werkt alleen als blok: {{#each …}} … {{/each}}.",
    ]);
  });

  it("checks a partial with the data of the place it is called from", () => {
    const problems = check({
      "doc.md": "{{#each casussen}}{{> kaart}}{{/each}}",
      "partials/kaart.md": "{{titel}}\n{{organisatie}}",
    });
    expect(problems).toEqual([expect.stringMatching(/^partials\/kaart\.md\.hbs:2:3 \| onbekende variabele "organisatie"/)]);
  });

  it("catches a typo in a lookup, but allows a name that may be absent", () => {
    expect(check({ "doc.md": '{{lookup acteur "naamm"}} {{lookup acteur "telefoon"}}' })).toEqual([
      'doc.md.hbs:1:17 | "naamm" bestaat hier niet. Bedoelde je "naam"?',
    ]);
  });

  it.each([
    ["x\n  {{#if a}}\nx\n", "doc.md.hbs:2:3", /\{\{#if\}\} wordt nergens afgesloten: zet \{\{\/if\}\}/],
    ["x\n{{#if acteur.naam}}y{{/iff}}", "doc.md.hbs:2:", /\{\{\/iff\}\} sluit \{\{#if\}\} niet af/],
    ["a {{bibliotheek organisatie}} b", "doc.md.hbs:1:3", /"bibliotheek" is een naam, geen helper/],
    ["a {{bibliotheek.organisatie} b", "doc.md.hbs:1:", /Handlebars niet begrijpt|ontbreekt/],
    ["{{else}}", "doc.md.hbs:1:", /else/],
  ])("gives a Handlebars syntax error in %j a place and a Dutch reason", (source, where, message) => {
    const [problem] = check({ "doc.md": source });
    expect(problem).toMatch(new RegExp(`^${where.replace(/\./g, "\\.")}`));
    expect(problem).toMatch(message);
  });

  it("checks templates no document uses for syntax, helpers and partials only", () => {
    expect(
      analyzeTemplates({
        sources: new Map([["extra/mail.md", "{{wat.dan.ook}} {{onbekend x}}"]]),
        roots: [],
        helpers: Object.keys(helpers),
      }).problems.map((p) => p.message),
    ).toEqual(['onbekende helper "onbekend".']);
  });
});

describe("the slide check", () => {
  const deck = (source: string, partials: Record<string, string> = {}) =>
    checkSlideTemplates({
      sources: new Map(Object.entries({ "deck.md": source, ...partials })),
      decks: [{ template: "deck.md", views: [VIEW] }],
    }).map((p) => `${p.where} | ${p.message}`);

  it("points at the --- of a slide without a title and of an empty slide, in the partial too", () => {
    expect(
      deck(
        "<!-- layout: titel -->\n# Titel\n\n---\n\nGeen titel hier.\n\n---\n<!-- layout: opsomming -->\n???\nnotities\n{{> stuk}}",
        { "partials/stuk.md": "---\n\n# Goed\n\n- punt\n\n---\n\n- zonder titel\n" },
      ),
    ).toEqual([
      "deck.md.hbs:4 | deze dia heeft geen titel. Begin de dia (na de indeling) met een regel '# Titel'.",
      "deck.md.hbs:8 | deze dia blijft leeg: er staat geen titel en geen tekst op. Haal de --- weg, of zet een regel '# Titel' en tekst op de dia.",
      "partials/stuk.md.hbs:7 | deze dia heeft geen titel. Begin de dia (na de indeling) met een regel '# Titel'.",
    ]);
  });

  it("names an unknown layout where it is written, also in a branch the examples do not reach", () => {
    expect(deck("# A\n\n---\n{{#if nooit}}\n<!-- layout: twee-kolommmen -->\n# B\n{{/if}}")).toEqual([
      'deck.md.hbs:5:1 | onbekende dia-indeling "twee-kolommmen". Bedoelde je "twee-kolommen"? De indelingen zijn: titel, sectie, opsomming, twee-kolommen, tabel, citaat.',
    ]);
    // A quote needs no title; a layout named in a comment is no layout.
    expect(deck("{{!-- <!-- layout: NAAM --> --}}\n<!-- layout: citaat -->\n> Wijs\n")).toEqual([]);
  });
});

describe("idokit's own templates", () => {
  it("pass the check with the data of every built-in example", () => {
    const result = checkTemplateSet(loadTemplates(), {
      vocabulary: loadVocabulary(),
      today: "2026-11-28",
    });
    expect(result.problems).toEqual([]);
    expect(result.kinds.map((kind) => kind.id)).toEqual(["training", "bijeenkomst"]);
    // Every template is a document of a plan, and every partial is reached from one, so each is
    // checked with real data (a template a plan does not list would be checked by syntax only).
    const names = [...loadTemplates().sources.keys()];
    const documents = result.kinds.flatMap((kind) => kind.documents.map((doc) => doc.template));
    expect(names.filter((n) => !n.startsWith("partials/")).sort()).toEqual([...documents].sort());
    const partials = names.filter((n) => n.startsWith("partials/"));
    expect([...result.analysis.partials.keys()].sort()).toEqual(partials.sort());
  });

  it("have every helper explained for the LEESMIJ", () => {
    expect(Object.keys(helpers).filter((name) => !(name in HELPER_DOCS))).toEqual([]);
  });
});
