import { describe, expect, it } from "vitest";
import { BIJEENKOMST_SECTIONS, bijeenkomstSchema } from "../../src/questions/bijeenkomst.js";
import {
  choicesOf,
  defineSchema,
  listQuestions,
  type Section,
} from "../../src/questions/define.js";
import { TRAINING_SECTIONS, trainingSchema } from "../../src/questions/training.js";
import { renderPage } from "../../src/form/page.js";
import { buildFormSpec } from "../../src/form/spec.js";
import { fileContext } from "../helpers/context.js";

/** The form is generated from the question schema: every question, in its section, as declared. */

const ctx = fileContext({ mode: "wizard" });

function page(
  schema: Parameters<typeof buildFormSpec>[0],
  sections: readonly Section[],
  pickers = new Set<string>(),
): string {
  return renderPage(buildFormSpec(schema, sections, ctx, pickers), {
    title: "Titel",
    intro: "Intro",
    packName: "het pakket",
    version: "0.0.0",
    data: {},
  });
}

/** The HTML of one section's form. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`data-deel="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  const end = html.indexOf("</form>", start);
  return html.slice(start, end);
}

const escaped = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&#39;");

describe.each([
  ["training", trainingSchema, TRAINING_SECTIONS, new Set(["focus.casussen"])],
  ["bijeenkomst", bijeenkomstSchema, BIJEENKOMST_SECTIONS, new Set<string>()],
] as const)("the %s form", (_name, schema, sections, pickers) => {
  const html = page(schema, sections, pickers);

  it("has a control for every question of the schema, in the question's own section", () => {
    for (const q of listQuestions(schema)) {
      const section = sectionOf(html, q.section);
      if (q.kind === "list") {
        expect(section).toMatch(new RegExp(`data-key="${q.key}"\\s+data-control="list"`));
        for (const field of Object.keys(q.fields ?? {}))
          expect(section, `${q.key}.${field}`).toContain(`name="${q.key}.__i__.${field}"`);
      } else if (pickers.has(q.key)) {
        expect(section).toMatch(new RegExp(`data-key="${q.key}"\\s+data-control="picker"`));
      } else {
        expect(section, q.key).toContain(`name="${q.key}"`);
      }
    }
  });

  it("shows each question's label, help and choices as the schema words them", () => {
    for (const q of listQuestions(schema)) {
      if (pickers.has(q.key)) continue;
      expect(html, q.key).toContain(escaped(q.label));
      // A file is chosen in the browser, not named by a path: the rest of its help stays.
      const help = q.kind === "file" ? q.help.replace(/^Pad naar \S+ /, "") : q.help;
      expect(html, q.key).toContain(escaped(help));
      for (const choice of choicesOf(q, ctx)) {
        expect(html, `${q.key}: ${choice.value}`).toContain(`value="${choice.value}"`);
        expect(html, `${q.key}: ${choice.label}`).toContain(escaped(choice.label));
      }
    }
  });

  it("asks to choose a file, never for its path", () => {
    for (const q of listQuestions(schema).filter((q) => q.kind === "file")) {
      const help = buildFormSpec(schema, sections, ctx, pickers).byKey.get(q.key)!.help;
      expect(help).toMatch(/^Kies een /);
      expect(help).not.toMatch(/pad|Bijvoorbeeld/i);
    }
    expect(html).not.toContain("Pad naar");
  });

  it("numbers the sections as the wizard does", () => {
    sections.forEach((section, i) =>
      expect(sectionOf(html, section.id)).toContain(`Deel ${i + 1} van ${sections.length}:`),
    );
  });
});

describe("a question added to a schema", () => {
  it("appears in the form with the control of its kind, without any form code", () => {
    const sections: Section[] = [
      { id: "bibliotheek", title: "Eerste <deel>", intro: "Over & uit" },
      { id: "huisstijl", title: "Tweede", intro: "…" },
    ];
    const schema = defineSchema({
      nieuw: {
        adres: {
          kind: "text",
          section: "bibliotheek",
          label: "Straat & huisnummer",
          help: "Waar?",
          example: "Markt 1",
        },
        parkeren: {
          kind: "confirm",
          section: "bibliotheek",
          label: "Parkeren",
          help: "Kan dat?",
          optional: true,
        },
        ingang: {
          kind: "choice",
          section: "huisstijl",
          label: "Ingang",
          help: "Welke?",
          choices: [
            { value: "voor", label: "Voorkant" },
            { value: "achter", label: "Achterkant" },
          ],
        },
        notities: { kind: "textarea", section: "huisstijl", label: "Notities", help: "Vrij." },
      },
    });
    const html = page(schema, sections);
    expect(sectionOf(html, "bibliotheek")).toContain('name="nieuw.adres"');
    expect(html).toContain("Straat &amp; huisnummer");
    expect(html).toContain("Bijvoorbeeld: Markt 1");
    expect(html).toContain("Eerste &lt;deel&gt;");
    // An optional yes/no offers "nog niet bekend", as in the wizard.
    expect(sectionOf(html, "bibliotheek")).toMatch(/name="nieuw\.parkeren"\s+value=""/);
    expect(sectionOf(html, "bibliotheek")).toContain("Nog niet bekend");
    expect(sectionOf(html, "huisstijl")).toMatch(
      /type="radio"[^>]*name="nieuw\.ingang"\s+value="achter"/,
    );
    expect(sectionOf(html, "huisstijl")).toMatch(/<textarea[^>]*name="nieuw\.notities"/);
  });

  it("is refused when its section is not one of the form's sections", () => {
    const schema = defineSchema({
      los: { kind: "text", section: "acteur", label: "Los", help: "" },
    });
    expect(() => buildFormSpec(schema, TRAINING_SECTIONS.slice(0, 1), ctx)).toThrow(/los/);
  });
});
