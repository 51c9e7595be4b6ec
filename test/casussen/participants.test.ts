import { beforeAll, describe, expect, it } from "vitest";
import type { Casus } from "../../src/casussen/types.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { loadTrainingResources } from "../../src/pack/resources.js";
import type { TrainingPack, TrainingResources } from "../../src/pack/training.js";
import { buildTrainingPlan } from "../../src/plan/training-plan.js";
import type { TrainingAnswers } from "../../src/questions/training.js";
import { EXAMPLE_NAMES } from "../helpers/answers.js";
import { fileContext } from "../helpers/context.js";
import { checkOoxml, findingsOf, ooxmlChecker } from "../helpers/ooxml.js";
import { exampleAnswers, fileOf, makeExamplePack } from "../helpers/pack.js";
import { paragraphsOf, readParts, textOf } from "../helpers/zip.js";
import { makeCasus } from "./helpers.js";
import { hiddenText, leaksOf } from "./leaks.js";

// The participants' document (casussen-deelnemers) never gives away what the participant who plays
// the IDO worker must find out: nothing of a casus's "De echte vraag", "Wat het lastig maakt" or
// "Instructie voor de acteur" appears on its card or in the kijkwijzer, for every casus.

const TEMPLATE = "training/casussen-deelnemers.md";
let resources: TrainingResources;
let answers: TrainingAnswers;

/** The participants' Markdown of a training with just these casussen. */
function participantsMarkdown(casussen: readonly Casus[]): string {
  const plan = buildTrainingPlan({
    answers: { ...answers, focus: { ...answers.focus, aantalCasussen: casussen.length } },
    selected: casussen.map((casus) => ({ casus, reasons: [] })),
    uncovered: [],
    programme: resources.programme,
    ctx: fileContext({ vocabulary: resources.vocabulary }),
    version: "test",
  });
  return resources.engine.render(TEMPLATE, plan.view);
}

/** A casus without content of its own: what the document says around every casus. */
const NEUTRAL = makeCasus({
  id: "neutraal",
  titel: "Titel",
  situatie: "Situatie.",
  kijkopdracht: "- Vraag?",
});

beforeAll(() => {
  resources = loadTrainingResources({ vocabulary: loadVocabulary() }).resources;
  answers = exampleAnswers();
});

describe("the participants' cards and kijkwijzer", () => {
  it("contain nothing of any built-in casus's hidden sections", () => {
    const boilerplate = participantsMarkdown([NEUTRAL]);
    const leaks = resources.casussen.flatMap((casus) =>
      leaksOf(casus, participantsMarkdown([casus]), boilerplate).map(
        (phrase) => `${casus.id}: "${phrase}"`,
      ),
    );
    expect(leaks).toEqual([]);
  });

  it("show every casus's situation and kijkopdracht, but not the opening line the actor says", () => {
    for (const casus of resources.casussen) {
      const markdown = participantsMarkdown([casus]);
      expect(markdown, casus.id).toContain(casus.situatie);
      expect(markdown, casus.id).toContain(casus.kijkopdracht ?? "");
      expect(markdown, casus.id).not.toContain(casus.openingszin);
    }
  });

  it("would catch a situation that gives the hidden need away", () => {
    const casus = resources.casussen.find((c) => c.id === "belasting-blauwe-envelop")!;
    const sentence = casus.acteur.split(/(?<=\.)\s+/).find((s) => s.split(" ").length > 6)!;
    const leaky = { ...casus, situatie: `${casus.situatie} ${sentence}` };
    expect(leaksOf(leaky, participantsMarkdown([leaky]), participantsMarkdown([NEUTRAL]))).not.toEqual(
      [],
    );
    expect(hiddenText(casus)).toContain(sentence);
  });
});

describe.each(EXAMPLE_NAMES)("casussen-deelnemers.docx of the example %s", (example) => {
  let pack: TrainingPack;
  let paragraphs: string[];
  beforeAll(async () => {
    pack = await makeExamplePack(exampleAnswers(() => {}, example));
    paragraphs = paragraphsOf(
      readParts(fileOf(pack, "casussen-deelnemers.docx"))["word/document.xml"]!,
    );
  });

  it("has one card per casus in a dashed box, and a kijkwijzer block per casus", () => {
    const xml = readParts(fileOf(pack, "casussen-deelnemers.docx"))["word/document.xml"]!;
    const cards = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
      .map((m) => m[0])
      .filter((table) => table.includes('w:val="dashed"'));
    // In the training's order: a reserve casus, if any, comes last.
    const casussen = pack.plan.view.casussen;
    expect(cards).toHaveLength(casussen.length);
    casussen.forEach((casus, i) => {
      const reserve = casus.reserve ? " (reserve)" : "";
      expect(textOf(cards[i]!)).toContain(`Spelerkaart · casus ${casus.nummer}${reserve}`);
      expect(textOf(cards[i]!)).toContain(casus.titel);
      expect(paragraphs).toContain(`Casus ${casus.nummer}: ${casus.titel}${reserve}`);
    });
  });

  it("gives the demonstration a kijkwijzer block, but no card: the kartrekker plays it", () => {
    const demo = pack.plan.view.demo;
    expect(demo).not.toBeNull();
    if (demo === null) return;
    expect(paragraphs).toContain(`Demonstratie: ${demo.titel}`);
    const firstQuestion = demo.kijkopdracht.text.split("\n")[0]!.replace(/^- /, "");
    expect(paragraphs).toContain(firstQuestion);
    expect(paragraphs.filter((p) => p.startsWith("Spelerkaart")).join("\n")).not.toContain(
      demo.titel,
    );
  });

  it("says how many copies to print: one set of cards, a kijkwijzer per participant", () => {
    const text = paragraphs.join("\n");
    expect(text).toContain(`print ${pack.plan.view.training.deelnemers} keer`);
    expect(text).toContain(`${pack.selection.chosen.length} kaarten, twee op een A4`);
  });

  it.skipIf(!ooxmlChecker.available)("passes the ISO 29500 schema and package check", () => {
    const data = fileOf(pack, "casussen-deelnemers.docx");
    expect(findingsOf(checkOoxml([{ name: `${example}-casussen-deelnemers.docx`, data }]))).toEqual(
      [],
    );
  });

  it("never shows a chosen casus's hidden sections or its opening line", () => {
    const text = paragraphs.join("\n");
    for (const { casus } of pack.selection.chosen) {
      expect(text).not.toContain(casus.openingszin);
      expect(leaksOf(casus, text)).toEqual([]);
    }
  });
});
