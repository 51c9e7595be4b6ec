import { describe, expect, it } from "vitest";
import { loadCasusLibrary, readCasusFolder } from "../../src/casussen/load.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { BUILTIN_CASUSSEN_DIR } from "../../src/paths.js";

// Guards the content of the built-in library: a broken casus file fails here, by file and field.
const vocabulary = loadVocabulary();
const folder = readCasusFolder(BUILTIN_CASUSSEN_DIR, vocabulary, { builtIn: true });

describe("the built-in casus library", () => {
  it("validates every casus file", () => {
    expect(folder.problems.map((problem) => `${problem.where}: ${problem.message}`)).toEqual([]);
    expect(folder.casussen.length).toBe(folder.fileCount);
    expect(folder.fileCount).toBeGreaterThan(0);
  });

  it("loads without notices", () => {
    expect(loadCasusLibrary({ vocabulary }).notices).toEqual([]);
  });

  it("trains every vaardigheid and has every difficulty, so any focus can be covered", () => {
    const trained = new Set(folder.casussen.flatMap((casus) => casus.vaardigheden));
    expect(vocabulary.vaardigheden.map((v) => v.id).filter((id) => !trained.has(id))).toEqual([]);
    expect(new Set(folder.casussen.map((casus) => casus.moeilijkheid))).toEqual(new Set([1, 2, 3]));
  });

  it("gives every casus a kijkopdracht of one to three short questions", () => {
    const wrong = folder.casussen.flatMap((casus) => {
      const items = (casus.kijkopdracht ?? "").split("\n").filter((line) => line.startsWith("- "));
      const lines = (casus.kijkopdracht ?? "").split("\n").filter((line) => line.trim() !== "");
      const problems = [
        casus.kijkopdracht === undefined ? "geen kijkopdracht" : "",
        items.length < 1 || items.length > 3 ? `${items.length} vragen` : "",
        lines.length !== items.length ? "iets anders dan een lijst van één regel per vraag" : "",
        ...items.filter((item) => !item.endsWith("?")).map((item) => `geen vraag: ${item}`),
        ...items.filter((item) => item.length > 110).map((item) => `te lang: ${item}`),
      ];
      return problems.filter((p) => p !== "").map((p) => `${casus.id}: ${p}`);
    });
    expect(wrong).toEqual([]);
  });

  it("gives every casus the casting and, per kind of local partner it lists, what this customer needs there", () => {
    const wrong = folder.casussen.flatMap((casus) => [
      ...(casus.geslacht === undefined ? [`${casus.id}: geen geslacht`] : []),
      ...(casus.leeftijd === undefined ? [`${casus.id}: geen leeftijd`] : []),
      ...casus.lokalePartners
        .filter((kind) => casus.lokaleHulp[kind] === undefined)
        .map((kind) => `${casus.id}: geen lokaleHulp voor ${kind}`),
      // Documents put the phrase after "voor" as it is: it starts lower-case, with no name first.
      ...Object.entries(casus.lokaleHulp)
        .filter(([, phrase]) => !/^\p{Ll}/u.test(phrase))
        .map(([kind, phrase]) => `${casus.id}: lokaleHulp.${kind} begint niet met een kleine letter: ${phrase}`),
    ]);
    expect(wrong).toEqual([]);
  });

  it("speaks to the actor as 'je' at every play intensity, one voice on every role card", () => {
    // A casus with two clients (a mother and her son) names who does what instead.
    const wrong = folder.casussen.flatMap((casus) =>
      casus.intensiteit
        .filter((level) => !/^de (moeder|vader|zoon|dochter)\b/i.test(level))
        .filter((level) => !/\b(je|jij|jou|jouw|jezelf)\b/i.test(level))
        .map((level) => `${casus.id}: ${level}`),
    );
    expect(wrong).toEqual([]);
  });

  it("contains no BSN-like numbers or mobile phone numbers (casussen are invented)", () => {
    const offending = folder.casussen.filter((casus) =>
      /\b\d{9}\b|\b06[- ]?\d{8}\b/.test(
        [casus.klant, casus.situatie, casus.echteVraag, casus.acteur, casus.doorverwijzing].join("\n"),
      ),
    );
    expect(offending.map((casus) => casus.source)).toEqual([]);
  });
});
