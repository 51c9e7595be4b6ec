import type { Casus } from "../../src/casussen/types.js";

/**
 * Finds where a participants' text repeats what the participants must discover themselves: word
 * sequences from a casus's hidden sections (De echte vraag, Wat het lastig maakt, Instructie voor
 * de acteur with its levels, Belonen and Escaleren).
 */

// Words that carry no content on their own: a sequence of them says nothing about the casus.
const STOPWORDS = new Set(
  (
    "de het een en of in op te van voor met aan bij naar om dat die dit deze is zijn er je u hij zij ze " +
    "niet wel als wat wie hoe dan ook nog maar zo al tot door over uit heeft hebt wordt word kan kunt " +
    "moet mag zich haar hem mij me ik jij jouw uw jullie we wij was waren had hadden zal zou worden " +
    "geen meer veel even nu pas toch ook eens iets alles iemand daar hier waar omdat want dus wil wilt " +
    "doet doen gaat gaan komt komen zegt zeggen laat laten staat staan de medewerker deelnemer klant " +
    "bezoeker mevrouw meneer"
  ).split(/\s+/),
);

/** Lower-case words without accents, Markdown or punctuation. */
export function wordsOf(markdown: string): string[] {
  return markdown
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\*\*niveau \d:\*\*/g, " ")
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

/**
 * The word sequences of length `n` with at least two content words, within one sentence or list
 * item (a sequence across a full stop is chance, not a copied phrase).
 */
export function sequencesOf(markdown: string, n: number): Set<string> {
  const out = new Set<string>();
  for (const sentence of markdown.split(/[.!?;:\n]+(?:\s|$)|\n/)) {
    const words = wordsOf(sentence);
    for (let i = 0; i + n <= words.length; i++) {
      const gram = words.slice(i, i + n);
      if (gram.filter((word) => !STOPWORDS.has(word)).length >= 2) out.add(gram.join(" "));
    }
  }
  return out;
}

/** The hidden sections of a casus, as one Markdown text. */
export function hiddenText(casus: Casus): string {
  return [
    casus.echteVraag,
    casus.lastig,
    casus.acteur,
    ...casus.intensiteit,
    casus.belonen,
    casus.escaleren,
  ].join("\n\n");
}

/** Length of the word sequences compared: long enough that a match is a copied phrase. */
export const SEQUENCE_LENGTH = 4;

/**
 * The sequences of words from the casus's hidden sections that occur in `shown`. Not counted:
 * what everyone hears anyway (the title and the customer's opening line) and `boilerplate`, the
 * text every casus shares, such as a card's instructions.
 */
export function leaksOf(casus: Casus, shown: string, boilerplate = "", n = SEQUENCE_LENGTH): string[] {
  const hidden = sequencesOf(hiddenText(casus), n);
  const common = sequencesOf([boilerplate, casus.titel, casus.openingszin].join("\n"), n);
  return [...sequencesOf(shown, n)].filter((gram) => hidden.has(gram) && !common.has(gram));
}
