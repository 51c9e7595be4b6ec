import { enumerate, inSentence, lowerFirst, upperFirst } from "../domain/format.js";
import { textOf, type LokalePartnerSoort, type Vocabulary } from "../domain/vocabulary.js";
import { choicesOf, type Question, type QuestionContext } from "../questions/define.js";

/**
 * Words in documents: the answers shaped for running text. A choice's menu label is not its
 * wording in a sentence, a free answer continues a sentence in lower case, and a local partner
 * is shown by its own name. Pure; every plan builds its view from these.
 */

/** The running-text wording of a choice: its `tekst`, else its label in lower case, else the value. */
export function choiceText(question: Question, value: string, ctx: QuestionContext): string {
  const choice = choicesOf(question, ctx).find((c) => c.value === value);
  if (choice === undefined) return value;
  return choice.tekst ?? lowerFirst(choice.label);
}

/** The wordings of several choices joined the Dutch way ("a, b en c"). */
export function choiceTexts(
  question: Question,
  values: readonly string[] | undefined,
  ctx: QuestionContext,
): string[] {
  return (values ?? []).map((value) => choiceText(question, value, ctx));
}

// Words that say nothing about what a partner is, so they never count as recognising its kind.
const FILLER = new Set([
  "van",
  "de",
  "het",
  "een",
  "of",
  "en",
  "zoals",
  "voor",
  "met",
  "andere",
  "partner",
  "anders",
]);

/** Stems that recognise a kind in a name: six-letter prefixes of long words, short words whole. */
function kindStems(kind: LokalePartnerSoort): string[] {
  const words = `${kind.naam} ${kind.tekst ?? ""}`
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= 3 && !FILLER.has(word));
  return [...new Set(words.map((word) => (word.length >= 6 ? word.slice(0, 6) : word)))];
}

function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== "");
}

/**
 * True when `text` mentions the kind: a long stem inside a word, or a short word as a whole word.
 * Stems in `ignore` do not count (words too general to tell a kind by).
 */
export function mentionsKind(
  text: string,
  kind: LokalePartnerSoort,
  ignore: ReadonlySet<string> = new Set(),
): boolean {
  const words = nameWords(text);
  return kindStems(kind)
    .filter((stem) => !ignore.has(stem))
    .some((stem) =>
      stem.length >= 6 ? words.some((word) => word.includes(stem)) : words.includes(stem),
    );
}

/**
 * Whether showing a partner's kind next to its name tells the reader something: not for "anders",
 * and not when the name already says it ("Taalhuis Zuiderhaven", "Sociaal Team Zuiderhaven").
 */
export function kindAddsInformation(name: string, kind: LokalePartnerSoort | undefined): boolean {
  if (kind === undefined || kind.id === "anders") return false;
  return !mentionsKind(name, kind);
}

/** A kind in running text with its article: "een sociaal wijkteam", "het Taalhuis". */
export function kindWithArticle(kind: LokalePartnerSoort): string {
  const text = kind.tekst ?? lowerFirst(kind.naam);
  const article = kind.lidwoord ?? "een";
  return article === "" ? text : `${article} ${text}`;
}

export interface LocalPartnerInput {
  naam: string;
  soort: string;
  waarvoor: string;
  overdracht: string;
  contact?: string | undefined;
}

/** A local partner as every document shows it. */
export interface PartnerView {
  naam: string;
  /** The kind's id. */
  soort: string;
  /** The kind in running text ("sociaal wijkteam"). */
  soortTekst: string;
  /** The kind's menu name, for forms. */
  soortNaam: string;
  /** Show the kind beside the name: only when the name does not say it. */
  toonSoort: boolean;
  /** The name, with the kind in brackets when it adds something: "Het Anker (welzijnsorganisatie)". */
  weergave: string;
  /** What the library refers to them for, as typed (stands alone: capital first). */
  waarvoor: string;
  /** The same, continuing a sentence after "voor": lower case, no final full stop. */
  waarvoorTekst: string;
  /** The agreed warm handover, standing alone. */
  overdracht: string;
  /** The handover continuing a sentence. */
  overdrachtTekst: string;
  /** The fixed contact person, when known. */
  contact: string;
}

/** Shapes one local partner of the answers for the documents. */
export function toPartnerView(
  partner: LocalPartnerInput,
  vocabulary: Vocabulary,
  keep: readonly string[],
): PartnerView {
  const kind = vocabulary.lokalePartnerSoorten.find((k) => k.id === partner.soort);
  const soortTekst = kind ? (kind.tekst ?? lowerFirst(kind.naam)) : partner.soort;
  const toonSoort = kindAddsInformation(partner.naam, kind);
  const naam = partner.naam.trim();
  return {
    naam,
    soort: partner.soort,
    soortTekst,
    soortNaam: kind?.naam ?? partner.soort,
    toonSoort,
    weergave: toonSoort ? `${naam} (${soortTekst})` : naam,
    waarvoor: upperFirst(partner.waarvoor.trim()),
    waarvoorTekst: inSentence(partner.waarvoor, keep),
    overdracht: upperFirst(partner.overdracht.trim()),
    overdrachtTekst: inSentence(partner.overdracht, keep),
    contact: partner.contact?.trim() ?? "",
  };
}

/**
 * Names that keep their capital at the start of a free answer: the library, its places and
 * partners, the national partners and a few organisations IDO answers often start with.
 */
export function properNouns(
  names: readonly (string | undefined)[],
  vocabulary: Vocabulary,
): string[] {
  const national = vocabulary.instanties
    .filter((i) => i.landelijk)
    .flatMap((i) => i.naam.replace(/\s*\([^)]*\)/g, "").split(/\s*\/\s*/));
  const known = [
    "Humanitas",
    "Taalhuis",
    "Digisterker",
    "SeniorWeb",
    "Klik & Tik",
    "Juridisch Loket",
  ];
  const pois = vocabulary.pois.map((p) => p.naam);
  return [...new Set([...names, ...national, ...pois, ...known])].filter(
    (name): name is string => typeof name === "string" && name.trim() !== "",
  );
}

/**
 * A skill in running text. The D of LSD is doorvragen, so a casus that trains both is said to
 * train LSD once; "omgaan met emoties" names the emotion the customer brings when the casus says.
 */
export function skillTexts(
  skills: readonly string[],
  vocabulary: Vocabulary,
  profile: readonly string[] = [],
): string[] {
  const ids = skills.includes("lsd") ? skills.filter((id) => id !== "doorvragen") : [...skills];
  return [...new Set(ids)].map((id) =>
    id === "emoties" ? emotionSkill(profile) : lowerFirst(textOf(vocabulary.vaardigheden, id)),
  );
}

function emotionSkill(profile: readonly string[]): string {
  const felt = [
    profile.includes("verdrietig") ? "verdriet" : "",
    profile.includes("boos") ? "boosheid" : "",
    profile.includes("angstig") ? "angst" : "",
  ].filter((word) => word !== "");
  return felt.length === 0 ? "omgaan met emoties" : `omgaan met ${enumerate(felt)}`;
}

/** An instantie in running text, with its article ("het CJIB"); its name without an aside else. */
export function instantieText(vocabulary: Vocabulary, id: string): string {
  const found = vocabulary.instanties.find((i) => i.id === id);
  return found?.tekst ?? instantieName(vocabulary, id);
}

/** An instantie's name for lists and tables, without an aside: "Logius", not "Logius (DigiD, …)". */
export function instantieName(vocabulary: Vocabulary, id: string): string {
  const found = vocabulary.instanties.find((i) => i.id === id);
  return (found?.naam ?? id).replace(/\s*\([^)]*\)\s*$/, "");
}
