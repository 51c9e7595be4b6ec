import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBijeenkomstResources } from "../../src/commands/bijeenkomst.js";
import { parse } from "yaml";
import { validateAnswers } from "../../src/answers/validate.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { makeBijeenkomstPack } from "../../src/pack/bijeenkomst.js";
import type { PackFile } from "../../src/pack/manifest.js";
import type { TrainingPack } from "../../src/pack/training.js";
import { BUILTIN_TEMPLATES_DIR, PACKAGE_ROOT } from "../../src/paths.js";
import { trainingSchema, type TrainingAnswers } from "../../src/questions/training.js";
import { readExampleBijeenkomstAnswers } from "../../src/commands/examples.js";
import { exampleRaw as bijeenkomstRaw, validBijeenkomst, TODAY } from "../bijeenkomst/helpers.js";
import { EXAMPLE_NAMES } from "../helpers/answers.js";
import { fileContext } from "../helpers/context.js";
import { exampleAnswers, makeExamplePack } from "../helpers/pack.js";
import {
  checkPackText,
  describeFindings,
  documentParagraphs,
  type CheckContext,
  type TextParagraph,
} from "../helpers/text-check.js";

/**
 * The text check over every generated document: on the built-in examples and on generated
 * answers with other libraries, partners and kinds. See test/helpers/text-check.ts for the rules.
 */

const vocabulary = loadVocabulary();

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Lower-case words the templates, casus files and vocabulary use themselves. */
const TEMPLATE_WORDS = new Set(
  [
    ...walk(BUILTIN_TEMPLATES_DIR),
    ...walk(join(PACKAGE_ROOT, "casussen")),
    join(PACKAGE_ROOT, "data", "vocabulaire.yaml"),
  ]
    .filter((file) => /\.(hbs|yaml|md)$/.test(file))
    // What the reader sees: not the values templates compare with ({{#if (eq x "deels")}}).
    .flatMap((file) =>
      readFileSync(file, "utf8")
        .replace(/\{\{[\s\S]*?\}\}/g, " ")
        .split(/[^\p{L}'’]+/u),
    )
    .filter((word) => word !== "" && word === word.toLowerCase()),
);

function packParagraphs(files: readonly PackFile[]): TextParagraph[] {
  return [
    ...files
      .filter((f) => /\.(docx|pptx)$/.test(f.name))
      .flatMap((f) => documentParagraphs(f.name, f.data)),
    // The mails to paste: every line a paragraph, as the reader sees it.
    ...files
      .filter((f) => /^mails\/.*\.txt$/.test(f.name))
      .flatMap((f) =>
        new TextDecoder()
          .decode(f.data)
          .split("\n")
          .map((line) => line.replace(/^- /, "").trim())
          .filter((text) => text !== "" && !/^Onderwerp:/.test(text))
          .map((text) => ({ file: f.name, where: "", text })),
      ),
  ];
}

function freeAnswers(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(freeAnswers);
  if (value && typeof value === "object") return Object.values(value).flatMap(freeAnswers);
  return [];
}

/** Every casus file's text: hand-written, reaching the documents as written. */
const AUTHORED = walk(join(PACKAGE_ROOT, "casussen"))
  .filter((file) => file.endsWith(".md"))
  .map((file) =>
    readFileSync(file, "utf8")
      .replace(/^---[\s\S]*?---/, "")
      .replace(/\*\*|^#+\s.*$/gm, "")
      .replace(/^\s*(?:[-*]|\d+\.)\s+/gm, "")
      .replace(/^>\s*/gm, "")
      .replace(/\n(?!\n)/g, " "),
  );
const CASUS_TITLES = walk(join(PACKAGE_ROOT, "casussen"))
  .filter((file) => file.endsWith(".md"))
  .map((file) => /^titel:\s*(.+)$/m.exec(readFileSync(file, "utf8"))?.[1] ?? "")
  .filter((t) => t !== "");

interface NamedAnswers {
  bibliotheek: { organisatie: string; vestiging: string; plaats: string; gemeenten: string[] };
  kartrekker: { naam: string };
  partners: { lokaal?: Array<{ naam: string; soort: string }> | undefined };
}

function contextOf(
  answers: NamedAnswers,
  extraNames: readonly (string | undefined)[] = [],
): CheckContext {
  const { bibliotheek, kartrekker } = answers;
  return {
    freeAnswers: freeAnswers(answers),
    names: [
      bibliotheek.organisatie,
      bibliotheek.vestiging,
      bibliotheek.plaats,
      ...bibliotheek.gemeenten,
      kartrekker.naam,
      ...(answers.partners.lokaal ?? []).map((p) => p.naam),
      ...extraNames.filter((n): n is string => typeof n === "string"),
      ...CASUS_TITLES,
    ],
    authored: AUTHORED,
    partners: answers.partners.lokaal ?? [],
    vocabulary,
  };
}

function findingsOfTraining(pack: TrainingPack, answers: TrainingAnswers) {
  const context = contextOf(answers, [
    answers.acteur.naam,
    answers.acteur.bureau,
    answers.bibliotheek.poiAdviseur,
    answers.training.locatie,
  ]);
  return checkPackText(packParagraphs(pack.files), context, TEMPLATE_WORDS);
}

const { resources: bijeenkomstResources } = loadBijeenkomstResources({});

async function bijeenkomstFindings(raw: unknown) {
  const answers = validBijeenkomst(raw);
  const pack = await makeBijeenkomstPack(answers, bijeenkomstResources, {
    today: TODAY,
    created: new Date("2026-11-28T10:00:00Z"),
  });
  const context = contextOf(answers, [
    answers.bibliotheek.poiAdviseur,
    answers.bijeenkomst.poiBegeleider,
    answers.bijeenkomst.locatie,
  ]);
  return checkPackText(packParagraphs(pack.files), context, TEMPLATE_WORDS);
}

describe("the text check itself", () => {
  const p = (text: string): TextParagraph => ({ file: "x.docx", where: "", text });
  const context: CheckContext = {
    freeAnswers: ["Zaal 2"],
    names: ["Taalhuis Zuiderhaven", "Joost van Dijk"],
    authored: [],
    partners: [{ naam: "Taalhuis Zuiderhaven", soort: "taalhuis" }],
    vocabulary,
  };
  const rulesOf = (text: string) =>
    checkPackText(
      [p(text), p("de zaal is groot, alleen dinsdag, één maand, laat joost")],
      context,
      TEMPLATE_WORDS,
    ).map((f) => f.rule);

  it.each([
    ["Vestiging: Vestiging Marktplein in Zuiderhaven.", "dubbel woord"],
    ["Wat we registreren: Alleen het onderwerp.", "hoofdletter na dubbele punt"],
    ["Dat is het formulier. Bewaartermijn: Eén maand.", "hoofdletter na dubbele punt"],
    ["Wie bemensen het IDO: medewerkers.", "vraaglabel als zin"],
    ["Geheimhouding vrijwilligers: deels, nog niet iedereen.", "ruwe keuzewaarde"],
    ["Oefent: LSD (luisteren, samenvatten, doorvragen) en doorvragen.", "vaardigheid dubbel"],
    ["Taalhuis Zuiderhaven, taalhuis", "soort aan naam geplakt"],
    ["Casussen: 5 casussen, niveau: gemengd, van instap naar pittig.", "twee dubbele punten"],
    [
      "Belastingspreekuur (vrijwilligers ouderenbond) (aangifte en toeslagen)",
      "haakjes na haakjes",
    ],
    ["Zo dragen we over: met toestemming bellen we de coördinator..", "dubbele punt aan zinseinde"],
    ["Werk werkafspraken.yaml bij na de bijeenkomst.", "gereedschapstaal"],
    ["Maak het pakket met idokit training --antwoorden.", "gereedschapstaal"],
  ])("flags %j as %s", (text, rule) => {
    expect(rulesOf(text)).toContain(rule);
  });

  it("flags a sentence broken over two paragraphs of the speaker notes", () => {
    const notes = (text: string): TextParagraph => ({ file: "x.pptx", where: "notities 3", text });
    const rules = checkPackText(
      [notes("De boete komt van het CJIB: de RDW ziet dat de APK"), notes("verlopen is.")],
      context,
      TEMPLATE_WORDS,
    ).map((f) => f.rule);
    expect(rules).toContain("afgebroken zin");
    expect(
      checkPackText(
        [notes("• Wat het lastig maakt:"), notes("• hij is boos.")],
        context,
        TEMPLATE_WORDS,
      ),
    ).toEqual([]);
  });

  it.each([
    "Locatie: Zaal 2",
    "Het IDO is open op dinsdag 10.00–12.00 uur.",
    'Vraag: "Wat doe jij als iemand boos is?"',
    "Tijd: 13.30–16.45 uur (3 uur en 15 minuten)",
    "Je oefent LSD (luisteren, samenvatten, doorvragen) en zakelijke empathie.",
    "Zorg dat dat vóór de training gebeurt.",
    "Trainingsacteur: Joost van Dijk (Spel & Co)",
    'Vraag: "Wat doe jij?" Laat twee mensen iets zeggen.',
  ])("leaves %j alone", (text) => {
    expect(rulesOf(text)).toEqual([]);
  });
});

describe.each(EXAMPLE_NAMES)("the built-in example %s reads as written Dutch", (name) => {
  let training: TrainingPack;
  let trainingAnswers: TrainingAnswers;
  beforeAll(async () => {
    trainingAnswers = exampleAnswers(() => {}, name);
    training = await makeExamplePack(trainingAnswers);
  });

  it("training: no finding in any document", () => {
    const findings = findingsOfTraining(training, trainingAnswers);
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it("bijeenkomst: no finding in any document", async () => {
    const findings = await bijeenkomstFindings(
      structuredClone(readExampleBijeenkomstAnswers(TODAY, name)),
    );
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it("names every local partner of a matching kind in the casus that needs it", () => {
    expect(unnamedPartners(training, trainingAnswers)).toEqual([]);
  });
});

/**
 * Every local partner whose kind a chosen casus needs, missing from that casus's section of
 * casussen-trainer.docx, as "casus title: partner name".
 */
function unnamedPartners(training: TrainingPack, answers: TrainingAnswers): string[] {
  const paragraphs = documentParagraphs(
    "casussen-trainer.docx",
    training.files.find((f) => f.name === "casussen-trainer.docx")!.data,
  ).map((p) => p.text);
  const missing: string[] = [];
  for (const casus of training.plan.view.casussen) {
    const start = paragraphs.findIndex((t) => t.startsWith(`Casus ${casus.nummer}: `));
    expect(start, casus.titel).toBeGreaterThan(-1);
    const end = paragraphs.findIndex((t, i) => i > start && /^Casus \d+: /.test(t));
    const section = paragraphs.slice(start, end < 0 ? undefined : end).join("\n");
    const kinds = training.selection.chosen.find((c) => c.casus.id === casus.id)!.casus
      .lokalePartners;
    for (const partner of answers.partners.lokaal)
      if (kinds.includes(partner.soort) && !section.includes(partner.naam))
        missing.push(`${casus.titel}: ${partner.naam}`);
  }
  return missing;
}

describe("a library none of the examples shows (Hoogeveld) reads as written Dutch", () => {
  it("training: no finding in any document, and every partner of a needed kind is named", async () => {
    const raw = parse(
      readFileSync(join(PACKAGE_ROOT, "test", "fixtures", "antwoorden-hoogeveld.yaml"), "utf8"),
    ) as unknown;
    const result = validateAnswers(trainingSchema, raw, fileContext());
    expect(result.problems).toEqual([]);
    const answers = result.answers!;
    const pack = await makeExamplePack(answers);
    const findings = findingsOfTraining(pack, answers);
    expect(findings, describeFindings(findings)).toEqual([]);
    expect(unnamedPartners(pack, answers)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated answers: other libraries, other partners and kinds, answers typed in other ways.
// ---------------------------------------------------------------------------------------------

const NAMES = [
  "De Brug",
  "Stichting Het Anker",
  "humanitas Oost",
  "Welzijn Rivierenland",
  "Sociaal Wijkteam Noord",
  "MEE Gelderse Poort",
  "Taalpunt Centrum",
  "Formulierenhulp De Hoeksteen",
  "Steunpunt Mantelzorg",
  "Buurtteam Zuid",
  "Digicafé",
  "KBO Afdeling Oost",
];
const PHRASES = [
  "Met toestemming bellen we de coördinator.",
  "samen een afspraak maken via de website",
  "Een aanmelding doorsturen, de klant typt zelf",
  "Bellen terwijl de bezoeker erbij is",
  "Op dinsdag even langslopen",
];
const WAARVOOR = [
  "Schulden en administratie.",
  "Hulp bij formulieren",
  "taal en lezen",
  "Zorg en ondersteuning thuis",
  "Alles rond geld en post",
];
const HOURS = [
  "Maandag 9.00–12.00 uur",
  "elke werkdag van 10 tot 12 uur (inloop)",
  "Woensdagmiddag op afspraak.",
  "Eén ochtend per week, op afspraak",
];
const PLACES = [
  "Aan de leestafel bij de ingang",
  "een aparte kamer naast de balie.",
  "Achter in de bibliotheek, bij het raam",
];

const partnerArb = fc.record({
  naam: fc.constantFrom(...NAMES),
  soort: fc.constantFrom(...vocabulary.lokalePartnerSoorten.map((k) => k.id)),
  waarvoor: fc.constantFrom(...WAARVOOR),
  overdracht: fc.constantFrom(...PHRASES),
});

const generatedArb = fc.record({
  partners: fc.uniqueArray(partnerArb, { minLength: 0, maxLength: 5, selector: (p) => p.naam }),
  gemeenten: fc.constantFrom(
    ["Aldervoort"],
    ["Aldervoort", "Beekdal"],
    ["Aldervoort", "Beekdal", "Cranendonk"],
  ),
  openingstijden: fc.constantFrom(...HOURS),
  plek: fc.constantFrom(...PLACES),
  vorm: fc.constantFrom("inloop", "afspraak", "beide"),
  bemensing: fc.constantFrom("medewerkers", "vrijwilligers", "beide"),
  geheimhouding: fc.constantFrom("ja", "deels", "nee"),
  registratie: fc.constantFrom("registratietool", "eigen-systeem", "turflijst", "geen"),
  ervaring: fc.constantFrom("nieuw", "gemengd", "ervaren"),
  niveau: fc.constantFrom("rustig", "gemengd", "uitdagend"),
  toestemming: fc.boolean(),
  focus: fc.subarray(
    vocabulary.vaardigheden.map((v) => v.id),
    { minLength: 1, maxLength: 5 },
  ),
  aantal: fc.integer({ min: 2, max: 5 }),
  seed: fc.integer({ min: 1, max: 1000 }),
  bereikbaarheid: fc.constantFrom(
    "Parkeren kan achter het gebouw; de ingang is aan de zijkant.",
    "ingang via de Kerkstraat, meld je bij de balie",
  ),
});

type Generated = typeof generatedArb extends fc.Arbitrary<infer T> ? T : never;

function applyGenerated(raw: Record<string, Record<string, unknown>>, g: Generated): void {
  raw.bibliotheek!.organisatie = "Bibliotheek Aldervoort";
  raw.bibliotheek!.vestiging = "Dorpsbibliotheek Beekdal";
  raw.bibliotheek!.plaats = "Beekdal";
  raw.bibliotheek!.gemeenten = g.gemeenten;
  raw.werkwijze!.openingstijden = g.openingstijden;
  raw.werkwijze!.vorm = g.vorm;
  raw.werkwijze!.bemensing = g.bemensing;
  if (g.bemensing === "medewerkers") delete raw.werkwijze!.geheimhouding;
  else raw.werkwijze!.geheimhouding = g.geheimhouding;
  raw.werkwijze!.registratie = g.registratie;
  raw.partners!.lokaal = g.partners;
  raw.inrichting!.plek = g.plek;
  raw.privacy!.toestemmingsformulier = g.toestemming;
  if (!g.toestemming) delete raw.privacy!.bewaartermijn;
}

describe("generated answers read as written Dutch too", () => {
  it("training packs for other libraries, partners and kinds", async () => {
    await fc.assert(
      fc.asyncProperty(generatedArb, async (g) => {
        const answers = exampleAnswers((raw) => {
          applyGenerated(raw, g);
          raw.training!.ervaring = g.ervaring;
          raw.focus!.niveau = g.niveau;
          raw.focus!.vaardigheden = g.focus;
          raw.focus!.aantalCasussen = g.aantal;
          raw.training!.bereikbaarheid = g.bereikbaarheid;
          if (g.bemensing !== "beide")
            raw.training!.samenstelling =
              g.bemensing === "medewerkers" ? "medewerkers" : "vrijwilligers";
        });
        const pack = await makeExamplePack(answers, g.seed);
        const findings = findingsOfTraining(pack, answers);
        expect(findings, describeFindings(findings)).toEqual([]);
        // The library's own partners reach the casus that needs their kind, whatever their name.
        expect(unnamedPartners(pack, answers)).toEqual([]);
      }),
      { numRuns: 6, seed: 17 },
    );
  });

  it("names every local partner of a kind a chosen casus needs, for any partners", async () => {
    // Partners of exactly the kinds the chosen casussen need, under names that say nothing.
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom(...PHRASES),
        async (seed, overdracht) => {
          const first = await makeExamplePack(exampleAnswers(), seed);
          const kinds = [
            ...new Set(first.selection.chosen.flatMap((c) => c.casus.lokalePartners)),
          ].filter((kind) => kind !== "anders");
          const answers = exampleAnswers((raw) => {
            raw.partners!.lokaal = kinds.map((soort, i) => ({
              naam: `Stichting ${["Noord", "Oost", "Zuid", "West", "Midden", "Centrum"][i % 6]} ${i + 1}`,
              soort,
              waarvoor: "Hulp bij van alles",
              overdracht,
            }));
          });
          const pack = await makeExamplePack(answers, seed);
          expect(unnamedPartners(pack, answers)).toEqual([]);
        },
      ),
      { numRuns: 4, seed: 17 },
    );
  });

  it("bijeenkomst packs for other libraries, partners and kinds", async () => {
    await fc.assert(
      fc.asyncProperty(generatedArb, async (g) => {
        const raw = bijeenkomstRaw();
        applyGenerated(raw, g);
        const findings = await bijeenkomstFindings(raw);
        expect(findings, describeFindings(findings)).toEqual([]);
      }),
      { numRuns: 6, seed: 17 },
    );
  });
});
