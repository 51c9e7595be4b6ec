import { describe, expect, it } from "vitest";
import {
  asSentence,
  countOf,
  enumerate,
  inSentence,
  lowerFirst,
  upperFirst,
  withNoun,
  withoutFinalPeriod,
  unwrapMarkdown,
} from "../../src/domain/format.js";

describe("enumerate: Dutch lists", () => {
  it.each([
    [[], "en", ""],
    [["a"], "en", "a"],
    [["a", "b"], "en", "a en b"],
    [["a", "b", "c"], "en", "a, b en c"],
    [["a", "b", "c"], "of", "a, b of c"],
    [["a", "", "b"], "en", "a en b"],
    [
      ["LSD (luisteren, samenvatten, doorvragen)", "privacy"],
      "en",
      "LSD (luisteren, samenvatten, doorvragen) en privacy",
    ],
    [["a", "b", "c"], "en/of", "a, b en/of c"],
  ])("%j with %j → %j", (items, last, expected) => {
    expect(enumerate(items, last)).toBe(expected);
  });
});

describe("withNoun: the right number before a list", () => {
  it.each([
    [["Zuiderhaven"], "gemeente Zuiderhaven"],
    [["Zuiderhaven", "Lingedijk"], "gemeenten Zuiderhaven en Lingedijk"],
    [["A", "B", "C"], "gemeenten A, B en C"],
    [[], ""],
  ])("%j → %j", (items, expected) => {
    expect(withNoun(items, "gemeente", "gemeenten")).toBe(expected);
  });

  it.each([
    [1, "1 casus"],
    [3, "3 casussen"],
  ])("countOf(%i) → %j", (n, expected) => expect(countOf(n, "casus", "casussen")).toBe(expected));
});

describe("lowerFirst: a label or answer that continues a sentence", () => {
  it.each([
    ["Dinsdag en donderdag", "dinsdag en donderdag"],
    ["Eén maand; daarna vernietigen", "één maand; daarna vernietigen"],
    ["Warm doorverwijzen", "warm doorverwijzen"],
    ["LSD (luisteren, samenvatten, doorvragen)", "LSD (luisteren, samenvatten, doorvragen)"],
    ["DigiD aanvragen", "DigiD aanvragen"],
    ["IDO-tafel bij het raam", "IDO-tafel bij het raam"],
    ["SVB en UWV", "SVB en UWV"],
    ["10 uur", "10 uur"],
    ["", ""],
  ])("%j → %j", (text, expected) => expect(lowerFirst(text)).toBe(expected));

  it("keeps the capital of a proper noun it is told about, as a whole name", () => {
    expect(lowerFirst("Taalhuis Zuiderhaven belt terug", ["Taalhuis Zuiderhaven"])).toBe(
      "Taalhuis Zuiderhaven belt terug",
    );
    expect(lowerFirst("Taalhuisje belt", ["Taalhuis"])).toBe("taalhuisje belt");
  });
});

describe("upperFirst: a value that stands alone", () => {
  it.each([
    ["één maand", "Eén maand"],
    ["e\u0301e\u0301n maand".normalize("NFC"), "Eén maand"],
    ["'s middags open", "'s Middags open"],
    ["dinsdag", "Dinsdag"],
    ["DigiD", "DigiD"],
    ["", ""],
  ])("%j → %j", (text, expected) => expect(upperFirst(text)).toBe(expected));
});

describe("free answers in sentences", () => {
  it.each([
    ["Dinsdag 10.00–12.00 uur.", "dinsdag 10.00–12.00 uur"],
    ["Alleen het onderwerp, nooit namen", "alleen het onderwerp, nooit namen"],
    ["Met toestemming bellen we...", "met toestemming bellen we..."],
    ["  Eén maand.  ", "één maand"],
  ])("inSentence(%j) → %j", (text, expected) => expect(inSentence(text)).toBe(expected));

  it.each([
    ["één maand", "Eén maand."],
    ["Klaar!", "Klaar!"],
    ["Kan dat?", "Kan dat?"],
    ["", ""],
  ])("asSentence(%j) → %j", (text, expected) => expect(asSentence(text)).toBe(expected));

  it.each([
    ["Einde.", "Einde"],
    ["Enzovoort...", "Enzovoort..."],
    ["Geen punt", "Geen punt"],
  ])("withoutFinalPeriod(%j) → %j", (text, expected) =>
    expect(withoutFinalPeriod(text)).toBe(expected),
  );
});

describe("unwrapMarkdown", () => {
  it("joins the source wraps of paragraphs and list items", () => {
    expect(unwrapMarkdown("Een jongen loopt\nnaar het IDO.\n\nTweede\nalinea.")).toBe(
      "Een jongen loopt naar het IDO.\n\nTweede alinea.",
    );
    expect(unwrapMarkdown("- een item dat\n  doorloopt\n- nog een\n1. genummerd\n   verder")).toBe(
      "- een item dat doorloopt\n- nog een\n1. genummerd verder",
    );
  });

  it("keeps headings, tables, quotes, hard breaks and code as they are", () => {
    const text =
      "### Kop\nTekst\n\n| a | b |\n| - | - |\n\n> citaat\n\nregel  \nnieuwe regel\n\n```\ncode\nblijft\n```";
    expect(unwrapMarkdown(text)).toBe(text);
  });
});
