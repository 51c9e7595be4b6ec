import { beforeAll, describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/validate.js";
import { readExampleAnswers } from "../../src/commands/training.js";
import { formatClock } from "../../src/domain/format.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { loadTrainingResources } from "../../src/pack/resources.js";
import { planTrainingPack } from "../../src/pack/training.js";
import type { TrainingView } from "../../src/plan/training-plan.js";
import { trainingSchema, type TrainingAnswers } from "../../src/questions/training.js";
import { runsToText } from "../../src/render/pptx/inline.js";
import type { Block, Run, SlideSource } from "../../src/render/pptx/model.js";
import { parseSlides } from "../../src/render/pptx/parse-slides.js";
import { escapeMarkdown } from "../../src/templates/escape.js";

/**
 * The presentation template rendered to slide Markdown for the built-in example and for a
 * deliberately awkward variant, then read back with the pptx renderer's own slide parser, so the
 * assertions are about what a participant sees on a slide and what the kartrekker reads in the
 * notes.
 */

const TODAY = "2026-11-28";
const TEMPLATE = "training/presentatie.md";
const LIBRARY = "Bieb *Zuid* & <Oost> _x_ | [y]";
const PARTNER = "Taalhuis *Noord* | <Oost> & co";

type Raw = Record<string, Record<string, unknown>>;

const vocabulary = loadVocabulary();
const { resources } = loadTrainingResources({ vocabulary });

function plan(edit: (raw: Raw) => void = () => {}, after: (a: TrainingAnswers) => TrainingAnswers = (a) => a) {
  const raw = readExampleAnswers(TODAY) as Raw;
  edit(raw);
  const validation = validateAnswers(trainingSchema, raw, { today: TODAY, vocabulary, mode: "file" });
  if (!validation.answers) throw new Error(`example answers invalid: ${JSON.stringify(validation.problems)}`);
  return planTrainingPack(after(validation.answers), resources, { today: TODAY, seed: 1 }).plan.view;
}

interface Deck {
  view: TrainingView;
  markdown: string;
  slides: SlideSource[];
}

function render(view: TrainingView): Deck {
  const markdown = resources.engine.render(TEMPLATE, view);
  return { view, markdown, slides: parseSlides(markdown) };
}

const text = (runs: readonly Run[]): string => runsToText(runs);

function blockText(block: Block): string {
  if (block.kind === "table") return [block.header, ...block.rows].map((row) => row.map(text).join(" | ")).join("\n");
  return text(block.runs);
}

/** Everything a participant can see on the slide: title, subtitle, body, columns, quote. */
function visibleText(slide: SlideSource): string {
  return [
    text(slide.title),
    ...slide.subtitle.map(text),
    ...slide.blocks.map(blockText),
    ...(slide.columns ?? []).flatMap((c) => [c.heading ? text(c.heading) : "", ...c.blocks.map(blockText)]),
    ...(slide.quote ? [...slide.quote.blocks.map(blockText), ...slide.quote.attribution.map(text)] : []),
  ].join("\n");
}

const titleOf = (slide: SlideSource): string => text(slide.title);
const slideTitled = (deck: Deck, title: string): SlideSource | undefined => deck.slides.find((s) => titleOf(s) === title);

/** Sentences of a Markdown text, without list markers, long enough to be telling. */
function sentencesOf(markdown: string): string[] {
  return markdown
    .replace(/^\s*(?:[-*]|\d+\.)\s+/gm, "")
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 25);
}

let example: Deck;
let variant: Deck;

beforeAll(() => {
  example = render(plan());
  variant = render(
    plan(
      (raw) => {
        raw.bibliotheek = { ...raw.bibliotheek, organisatie: LIBRARY };
        raw.focus = { ...raw.focus, vaardigheden: ["laaggeletterdheid", "taalbarriere"], aantalCasussen: 8 };
        const { naam: _naam, ...acteur } = raw.acteur as Record<string, unknown>;
        raw.acteur = acteur;
        raw.privacy = { ...raw.privacy, toestemmingsformulier: false };
        delete raw.privacy.bewaartermijn;
        raw.werkwijze = { ...raw.werkwijze, bemensing: "medewerkers" };
        delete raw.werkwijze.geheimhouding;
        delete raw.werkwijze.registratieToelichting;
        raw.kartrekker = { ...raw.kartrekker };
        delete raw.kartrekker.telefoon;
        delete raw.bibliotheek.poiAdviseur;
      },
      // An empty partner list is not a valid answer in the wizard, but a template must cope.
      (answers) => ({ ...answers, partners: { ...answers.partners, lokaal: [] } }),
    ),
  );
});

describe("presentation template: the built-in example", () => {
  it("has between 18 and 30 slides, each with speaker notes", () => {
    expect(example.slides.length).toBeGreaterThanOrEqual(18);
    expect(example.slides.length).toBeLessThanOrEqual(30);
    for (const slide of example.slides) {
      const notes = slide.notes.join(" ").trim();
      expect(notes.length, `notes of "${titleOf(slide)}"`).toBeGreaterThan(80);
    }
  });

  it("opens with a title slide naming library, location, date, time and room", () => {
    const [first] = example.slides;
    expect(first?.layout).toBe("titel");
    const subtitle = first!.subtitle.map(text).join("\n");
    const { bibliotheek, training } = example.view;
    expect(subtitle).toContain(bibliotheek.organisatie);
    expect(subtitle).toContain(bibliotheek.vestiging);
    expect(subtitle).toContain(training.locatie);
    expect(subtitle).toContain(formatClock(training.starttijd));
    expect(subtitle).toContain(formatClock(training.eindtijd));
    expect(subtitle).toMatch(/\d{4}/);
  });

  it("shows the programme with exactly the schedule's clock times", () => {
    const slide = slideTitled(example, "Programma");
    expect(slide?.layout).toBe("tabel");
    const table = slide!.blocks.find((b) => b.kind === "table");
    expect(table?.kind).toBe("table");
    if (table?.kind !== "table") return;
    const times = table.rows.map((row) => text(row[0]!));
    expect(times).toEqual(example.view.programma.map((r) => `${formatClock(r.start)}–${formatClock(r.eind)}`));
    const items = table.rows.map((row) => text(row[1]!));
    expect(items.filter((t) => t.startsWith(`Oefenen met ${example.view.acteurNaam}: casus`)).length).toBe(
      example.view.programma.filter((r) => r.isCasus).length,
    );
    expect(items).toContain("Pauze");
  });

  it("names the library's own partners and hand-over agreements", () => {
    const all = example.slides.map(visibleText).join("\n");
    for (const partner of example.view.lokalePartners) {
      expect(all).toContain(partner.naam);
      expect(all).toContain(partner.overdracht);
    }
    for (const partner of example.view.landelijkePartners) expect(all).toContain(partner.naam);
  });

  it("uses the library's own 'wel' and 'niet' lists", () => {
    const all = example.slides.map(visibleText).join("\n");
    for (const item of [...example.view.privacy.watWel, ...example.view.privacy.watNiet]) expect(all).toContain(item);
  });

  it("has a slide per casus with the setting and the kijkopdracht, giving away neither the opening line nor the real need", () => {
    expect(example.view.casussen.length).toBeGreaterThan(0);
    for (const casus of example.view.casussen) {
      const title = `Casus ${casus.nummer}: ${casus.titel}${casus.reserve ? " (reserve)" : ""}`;
      const slide = slideTitled(example, title);
      expect(slide?.layout, casus.id).toBe("twee-kolommen");
      const visible = visibleText(slide!);
      expect(visible).toContain(sentencesOf(casus.situatie.text)[0]);
      expect(visible).toContain(sentencesOf(casus.kijkopdracht.text)[0]);
      // The actor says the opening line; the slide does not spoil it. The notes have it.
      expect(visible).not.toContain(casus.openingszin);
      expect(slide!.notes.join(" ")).toContain(casus.openingszin);
      // The real need is for the kartrekker's notes only, never on any slide.
      const secret = sentencesOf(casus.echteVraag.text);
      expect(secret.length, casus.id).toBeGreaterThan(0);
      for (const sentence of secret) {
        for (const other of example.slides) expect(visibleText(other), `${casus.id} on "${titleOf(other)}"`).not.toContain(sentence);
      }
      expect(slide!.notes.join(" ")).toContain(secret[0]);
    }
  });

  it("shows the slides for extra skills only when they were chosen", () => {
    expect(example.view.focusOp.laaggeletterdheid).toBe(false);
    expect(slideTitled(example, "Laaggeletterdheid herkennen")).toBeUndefined();
    expect(slideTitled(example, "Omgaan met een taalbarrière")).toBeUndefined();
    expect(slideTitled(example, "Omgaan met emoties en boosheid")).toBeUndefined();
    expect(slideTitled(example, "Zo dragen wij warm over")).toBeDefined();
  });

  it("covers the core topics of the training", () => {
    const titles = example.slides.map(titleOf);
    for (const title of [
      "Doelen van vandaag",
      "Spelregels voor vandaag",
      "Zo werkt ons IDO",
      "Onze rol: wegwijzer en doorverwijzer",
      "LSD: luisteren, samenvatten, doorvragen",
      "Doorvragen: de vraag achter de vraag",
      "Zakelijke empathie",
      "Grenzen stellen: nee tegen de handeling, ja tegen de persoon",
      "Warm doorverwijzen",
      "Privacy: onze rode lijnen",
      `Zo oefenen we met ${example.view.acteurNaam}`,
      "Wat neem je mee?",
      "Evaluatie en bedankt!",
    ])
      expect(titles).toContain(title);
  });
});

describe("presentation template: an awkward variant", () => {
  it("shows a library name with Markdown characters literally, escaped in the Markdown", () => {
    const subtitle = variant.slides[0]!.subtitle.map(text).join("\n");
    expect(subtitle).toContain(LIBRARY);
    expect(variant.markdown).toContain(escapeMarkdown(LIBRARY));
    expect(variant.markdown).not.toContain(LIBRARY);
  });

  it("shows a partner name with a table pipe intact in the hand-over table", () => {
    const deck = render(
      plan(undefined, (answers) => ({
        ...answers,
        partners: {
          ...answers.partners,
          lokaal: [
            {
              naam: PARTNER,
              soort: "taalhuis",
              waarvoor: "Lezen | schrijven",
              overdracht: "Samen *even* langslopen",
              contact: undefined,
            },
          ],
        },
      })),
    );
    const table = slideTitled(deck, "Zo dragen wij warm over")!.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.rows.map((row) => row.map(text))).toEqual([
      [PARTNER, "Lezen | schrijven", "Samen *even* langslopen"],
    ]);
  });

  it("copes with no local partners", () => {
    expect(slideTitled(variant, "Zo dragen wij warm over")).toBeUndefined();
    const partners = slideTitled(variant, "Met wie werken we samen?");
    expect(visibleText(partners!)).toContain("Nog geen lokale partners vastgelegd");
  });

  it("speaks of 'de trainingsacteur' when the actor's name is unknown", () => {
    expect(variant.markdown).not.toMatch(/undefined|null|\[object Object\]/);
    expect(slideTitled(variant, "Zo oefenen we met de trainingsacteur")).toBeDefined();
    expect(variant.slides[0]!.subtitle.map(text)).toContain("Oefenen met een trainingsacteur");
    expect(variant.slides.map(visibleText).join("\n")).not.toContain("Dank je wel, de trainingsacteur");
  });

  it("shows the slides of the chosen extra skills", () => {
    expect(slideTitled(variant, "Laaggeletterdheid herkennen")).toBeDefined();
    expect(slideTitled(variant, "Omgaan met een taalbarrière")).toBeDefined();
    expect(slideTitled(variant, "Omgaan met emoties en boosheid")).toBeUndefined();
  });

  it("has a slide for each of eight casussen, and notes on every slide", () => {
    expect(variant.view.casussen).toHaveLength(8);
    for (const casus of variant.view.casussen)
      expect(slideTitled(variant, `Casus ${casus.nummer}: ${casus.titel}${casus.reserve ? " (reserve)" : ""}`)).toBeDefined();
    for (const slide of variant.slides) expect(slide.notes.join(" ").trim().length, titleOf(slide)).toBeGreaterThan(80);
  });

  it("keeps the programme times equal to the schedule when practice is split by a pause", () => {
    const table = slideTitled(variant, "Programma")!.blocks.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no programme table");
    expect(table.rows.map((row) => text(row[0]!))).toEqual(
      variant.view.programma.map((r) => `${formatClock(r.start)}–${formatClock(r.eind)}`),
    );
  });

  it("puts a pause slide at each pause of the schedule, in programme order", () => {
    const order = variant.slides.map(titleOf).filter((t) => t === "Pauze" || t.startsWith("Casus "));
    const expected = variant.view.schema
      .filter((r) => r.isPauze || r.isCasus)
      .map((r) => (r.isPauze ? "Pauze" : `Casus ${r.casus!.nummer}: ${r.casus!.titel}`));
    // A reserve casus comes last, before the reflection.
    const reserve = variant.view.reservecasus;
    if (reserve) expected.push(`Casus ${reserve.nummer}: ${reserve.titel} (reserve)`);
    expect(order).toEqual(expected);
  });
});
