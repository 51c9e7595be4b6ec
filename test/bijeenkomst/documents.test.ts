import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validateAnswers } from "../../src/answers/validate.js";
import { loadBijeenkomstResources } from "../../src/commands/bijeenkomst.js";
import { listQuestions } from "../../src/questions/define.js";
import { trainingSchema } from "../../src/questions/training.js";
import { makeBijeenkomstPack, type BijeenkomstPack } from "../../src/pack/bijeenkomst.js";
import {
  exampleRaw,
  fileContext,
  paragraphs,
  readParts,
  slides,
  TODAY,
  validBijeenkomst,
} from "./helpers.js";

const { resources } = loadBijeenkomstResources({});
const created = new Date("2026-11-28T10:00:00Z");

async function makePack(raw: unknown): Promise<BijeenkomstPack> {
  return makeBijeenkomstPack(validBijeenkomst(raw), resources, { today: TODAY, created });
}

function file(pack: BijeenkomstPack, name: string): Uint8Array {
  const found = pack.files.find((f) => f.name === name);
  if (!found) throw new Error(`no ${name} in ${pack.files.map((f) => f.name).join(", ")}`);
  return found.data;
}

const docxText = (pack: BijeenkomstPack, name: string): string[] =>
  paragraphs(readParts(file(pack, name))["word/document.xml"]!);

const FORM_GROUPS = /^(werkwijze|partners|inrichting|privacy)\./;

describe("the example bijeenkomstpakket", () => {
  let pack: BijeenkomstPack;
  beforeAll(async () => {
    pack = await makePack(exampleRaw());
  });

  it("holds the three documents, the presentielijst, the invitation, the read-me, the werkafspraken, the answers and the manifest", () => {
    expect(pack.files.map((f) => f.name)).toEqual([
      "handleiding-lokale-bijeenkomst.docx",
      "presentatie-lokale-bijeenkomst.pptx",
      "werkafspraken-formulier.docx",
      "presentielijst.docx",
      "mails/uitnodiging-bijeenkomst.ics",
      "mails/mail-uitnodiging-bijeenkomst.txt",
      "LEESMIJ.html",
      "werkafspraken.yaml",
      "antwoorden.yaml",
      "manifest.json",
    ]);
    const manifest = JSON.parse(new TextDecoder().decode(file(pack, "manifest.json")));
    expect(manifest.pakket).toBe("bijeenkomst");
    expect(manifest.bestanden.map((b: { naam: string }) => b.naam)).toContain("werkafspraken.yaml");
  });

  it("puts the agenda with clock times in the handleiding, in a table and per item", () => {
    const text = docxText(pack, "handleiding-lokale-bijeenkomst.docx");
    const agenda = text.lastIndexOf("Agenda");
    const rows = text.slice(agenda, agenda + 40);
    for (const [time, title] of [
      ["14.00–14.10", "Welkom en doel van de bijeenkomst"],
      ["14.10–14.15", "Hoe staat ons IDO ervoor?"],
      ["14.15–14.40", "Partners en warme overdracht"],
      ["14.40–15.00", "Privacy"],
      ["15.00–15.15", "Escalatie bij lastige bezoekers"],
      ["15.15–15.30", "Kennis op peil houden"],
      ["15.30–15.40", "De balie, de gemeente en de vindbaarheid"],
      ["15.40–15.50", "Op weg naar de vaardigheidstraining"],
      ["15.50–16.00", "Afspraken op een rij en afsluiting"],
    ] as const) {
      expect(rows[rows.indexOf(time!) + 1]).toBe(title);
      expect(text).toContain(`${time} · ${title}`);
    }
  });

  it("lists per open topic the questions to settle, and covers the gespreksleider and follow-up", () => {
    const text = docxText(pack, "handleiding-lokale-bijeenkomst.docx");
    for (const question of resources.texts.onderwerpen.kennis.vragen)
      expect(text).toContain(`☐${question}`);
    expect(text).toEqual(
      expect.arrayContaining([
        "De gespreksleider",
        "Na de bijeenkomst",
        "Wie is erbij",
        "Voorbereiding",
      ]),
    );
    expect(text.join("\n")).toMatch(/E-learning|e-learning/);
    expect(text.join("\n")).toMatch(/buddy's/);
    expect(text.join("\n")).toMatch(/intervisie/);
    // Library staff never get tool instructions: the POI makes the training pack.
    expect(text.join("\n")).not.toMatch(/idokit|\.yaml/);
    expect(text.join("\n")).toContain("Stuur het ingevulde formulier naar Marieke de Groot");
  });

  it("says who decides on time and means only as the invitations have it", async () => {
    const decides = /zoals de teamleider, hoort erbij/;
    const invite = /Nodig ook iemand uit die mag beslissen over tijd en middelen/;
    const withLead = docxText(pack, "handleiding-lokale-bijeenkomst.docx").join("\n");
    expect(withLead).toMatch(decides);
    expect(withLead).not.toMatch(invite);
    const raw = exampleRaw();
    (raw.bijeenkomst as { aanwezigen: string[] }).aanwezigen = ["kartrekker", "vrijwilligers"];
    const without = docxText(await makePack(raw), "handleiding-lokale-bijeenkomst.docx").join("\n");
    expect(without).not.toMatch(decides);
    expect(without).toMatch(invite);
    // The planning names no one who is not invited.
    expect(without).not.toMatch(/de teamleider en de frontoffice/);
  });

  it("asks every werkafspraken question of the training on the form, with label and help", () => {
    const text = docxText(pack, "werkafspraken-formulier.docx");
    const joined = text.join("\n");
    const questions = listQuestions(trainingSchema).filter((q) => FORM_GROUPS.test(q.key));
    expect(questions.length).toBeGreaterThan(15);
    for (const q of questions) {
      if (q.kind === "list") {
        expect(text).toContain(q.label);
        for (const field of Object.values(q.fields ?? {})) expect(joined).toContain(field.label);
      } else {
        expect(text, q.key).toContain(q.label);
      }
      expect(joined, q.key).toContain(q.help);
    }
    expect(joined).not.toMatch(/idokit|\.yaml/);
  });

  it("fills in the known answers: ticked choices, texts and local partners", () => {
    const text = docxText(pack, "werkafspraken-formulier.docx");
    expect(text).toContain("☒Inloop én op afspraak");
    expect(text).toContain("☐Vrije inloop");
    expect(text).toContain("☒Dienst Toeslagen");
    expect(text).toContain("☐CAK");
    expect(text).toContain("☒Ja");
    expect(text.join("\n")).toContain(
      "Nu: Dinsdag en donderdag 10.00–12.30 uur (inloop), vrijdagmiddag op afspraak",
    );
    expect(text).toContain("Sociaal Team Zuiderhaven");
    expect(text).toContain(
      "Met toestemming bellen we het vaste nummer voor het IDO; het team belt de klant binnen twee werkdagen terug",
    );
    expect(text).toContain("Meekijken en uitleggen terwijl de bezoeker zelf typt en inlogt");
  });

  it("leaves writing lines where an answer is unknown", () => {
    const xml = readParts(file(pack, "werkafspraken-formulier.docx"))["word/document.xml"]!;
    const text = paragraphs(xml);
    // Registratie-toelichting is not in the example: its help ends in "Antwoord:" before lines.
    expect(text).toContain("Wat leggen jullie vast, en wat juist niet? Leeg laten mag. Antwoord:");
    // The paragraph is followed directly by the table of writing lines.
    const blocks = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)].map(
      (m) => m[0],
    );
    const at = blocks.findIndex((b) =>
      paragraphs(b).join("").endsWith("Leeg laten mag. Antwoord:"),
    );
    expect(at).toBeGreaterThan(0);
    expect(blocks[at + 1]?.startsWith("<w:tbl>")).toBe(true);
    expect(text).toContain("☐Vaste pc");
  });

  it("has a slide per open werkafspraak, with local data, and notes on every slide", () => {
    const deck = slides(readParts(file(pack, "presentatie-lokale-bijeenkomst.pptx")));
    expect(deck.length).toBeGreaterThanOrEqual(10);
    deck.forEach((slide, i) => expect(slide.notes.length, `slide ${i + 1}`).toBeGreaterThan(0));
    const titles = deck.map((s) => s.text[0]);
    for (const open of [
      "Partners en warme overdracht",
      "Privacy",
      "Escalatie bij lastige bezoekers",
      "Kennis op peil houden",
    ])
      expect(
        titles.filter((t) => t === open),
        open,
      ).toHaveLength(1);
    // Settled topics get no slide of their own.
    expect(titles).not.toContain("Werkwijze");
    expect(titles).not.toContain("Inrichting");
    const partners = deck.find((s) => s.text[0] === "Partners en warme overdracht")!;
    expect(partners.text).toEqual(
      expect.arrayContaining(["Zo is het nu", "Sociaal Team Zuiderhaven", "Taalhuis Zuiderhaven"]),
    );
    expect(partners.notes.join("\n")).toMatch(/14\.15–14\.40, 25 minuten/);
    const first = deck[0]!;
    expect(first.text).toEqual(
      expect.arrayContaining([
        "Lokale IDO-bijeenkomst",
        "Bibliotheek Zuiderlinge · Vestiging Marktplein",
        "Dinsdag 22 december 2026, 14.00–16.00 uur",
      ]),
    );
  });

  it("writes werkafspraken.yaml that the training reads, missing only the training's own answers", () => {
    const data = parse(new TextDecoder().decode(file(pack, "werkafspraken.yaml")));
    expect(data.partners.lokaal).toHaveLength(2);
    expect(data.training).toEqual({ datum: "02-02-2027" });
    const result = validateAnswers(trainingSchema, data, fileContext());
    expect(result.problems).toEqual([]);
    expect(result.missing.every((q) => q.key.startsWith("training."))).toBe(true);
  });
});

describe("a bijeenkomst with little known and special characters", () => {
  let pack: BijeenkomstPack;
  beforeAll(async () => {
    const raw = exampleRaw();
    pack = await makePack({
      bibliotheek: { ...raw.bibliotheek, organisatie: "Bieb *Zuid* & <Oost>", poiAdviseur: "" },
      kartrekker: raw.kartrekker,
      bijeenkomst: {
        datum: "16-02-2027",
        starttijd: "19:00",
        eindtijd: "21:30",
        locatie: "Zaal 1 | 2",
      },
    });
  });

  it("keeps the library name literal in documents and slides", () => {
    expect(docxText(pack, "handleiding-lokale-bijeenkomst.docx")).toContain(
      "Bieb *Zuid* & <Oost> · Vestiging Marktplein",
    );
    const deck = slides(readParts(file(pack, "presentatie-lokale-bijeenkomst.pptx")));
    expect(deck[0]!.text).toContain("Bieb *Zuid* & <Oost> · Vestiging Marktplein");
    expect(deck[0]!.text).toContain("Zaal 1 | 2");
  });

  it("puts every werkafspraak on the agenda, with a break, and a slide each", () => {
    const text = docxText(pack, "handleiding-lokale-bijeenkomst.docx");
    expect(text.join("\n")).toMatch(/Pauze/);
    expect(text.at(-1)).toBeTruthy();
    const deck = slides(readParts(file(pack, "presentatie-lokale-bijeenkomst.pptx")));
    const titles = deck.map((s) => s.text[0]);
    for (const title of [
      "Werkwijze",
      "Partners en warme overdracht",
      "Inrichting",
      "Privacy",
      "Registratie van vragen",
      "Escalatie bij lastige bezoekers",
      "Kennis op peil houden",
    ])
      expect(titles, title).toContain(title);
    expect(titles).toContain("Pauze");
    deck.forEach((slide, i) => expect(slide.notes.length, `slide ${i + 1}`).toBeGreaterThan(0));
  });

  it("prints empty choices and writing lines on the form, and the training still accepts the yaml", () => {
    const text = docxText(pack, "werkafspraken-formulier.docx");
    expect(text).toContain("☐Vrije inloop");
    expect(text.filter((t) => t.startsWith("☒"))).toEqual([]);
    expect(text).toContain("Wanneer kunnen bezoekers bij het IDO terecht? Antwoord:");
    const data = parse(new TextDecoder().decode(file(pack, "werkafspraken.yaml")));
    expect(data.bibliotheek.organisatie).toBe("Bieb *Zuid* & <Oost>");
    // No training date was given, so the training group is left to the kartrekker.
    expect(data.training).toBeUndefined();
    const result = validateAnswers(trainingSchema, data, fileContext());
    expect(result.problems).toEqual([]);
  });
});

describe("answers without their optional keys", () => {
  it("still render: templates look optional answers up instead of requiring them", async () => {
    const answers = validBijeenkomst(exampleRaw()) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    for (const [group, key] of [
      ["bibliotheek", "poiAdviseur"],
      ["kartrekker", "telefoon"],
      ["bijeenkomst", "poiBegeleider"],
      ["bijeenkomst", "trainingsdatum"],
      ["werkwijze", "registratieToelichting"],
      ["inrichting", "apparatuur"],
    ] as const)
      delete answers[group]![key];
    const pack = await makeBijeenkomstPack(answers as never, resources, { today: TODAY, created });
    expect(docxText(pack, "handleiding-lokale-bijeenkomst.docx")).toContain("Nog niet gepland");
    const deck = slides(readParts(file(pack, "presentatie-lokale-bijeenkomst.pptx")));
    expect(deck.map((s) => s.text[0])).toContain("Op weg naar de vaardigheidstraining");
  });
});
