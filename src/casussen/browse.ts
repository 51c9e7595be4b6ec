import { nameOf, type Vocabulary } from "../domain/vocabulary.js";
import type { Problem } from "../errors.js";
import { didYouMean, foldText } from "../domain/suggest.js";
import type { Casus } from "./types.js";

/** Filters of `idokit casussen`; all given filters must match. */
export interface CasusFilter {
  /** Thema id. */
  thema?: string;
  /** Instantie id or lokale-partnersoort id. */
  partner?: string;
  /** Vaardigheid id. */
  vaardigheid?: string;
  /** Free text; every word must occur in titel, klant, openingszin or a section. */
  zoek?: string;
}

/** One line of the casus table, as text. */
export interface CasusRow {
  id: string;
  titel: string;
  thema: string;
  partners: string;
  moeilijkheid: string;
}

const DIFFICULTY_LABELS = { 1: "1 instap", 2: "2 gemiddeld", 3: "3 pittig" } as const;

/**
 * The casussen that match every given filter, in library order. The text search ignores case
 * and accents ("prive" finds "privé") and requires every word.
 */
export function filterCasussen(library: readonly Casus[], filter: CasusFilter): Casus[] {
  const words = foldText(filter.zoek ?? "")
    .split(/\s+/)
    .filter((word) => word !== "");
  return library.filter(
    (casus) =>
      (filter.thema === undefined || casus.thema === filter.thema) &&
      (filter.partner === undefined ||
        casus.partners.includes(filter.partner) ||
        casus.lokalePartners.includes(filter.partner)) &&
      (filter.vaardigheid === undefined || casus.vaardigheden.includes(filter.vaardigheid)) &&
      (words.length === 0 || matchesAll(searchText(casus), words)),
  );
}

/** Filter values that are not in the vocabulary, with a "bedoelde je …?" suggestion. */
export function checkCasusFilter(filter: CasusFilter, vocabulary: Vocabulary): Problem[] {
  const problems: Problem[] = [];
  const check = (option: string, value: string | undefined, ids: string[], what: string) => {
    if (value === undefined || ids.includes(value)) return;
    problems.push({
      where: option,
      message: `"${value}" is geen ${what}.${didYouMean(value, ids)} Kies uit: ${ids.join(", ")}.`,
    });
  };
  check("--thema", filter.thema, vocabulary.themas.map((entry) => entry.id), "bekend thema");
  check(
    "--partner",
    filter.partner,
    [...vocabulary.instanties, ...vocabulary.lokalePartnerSoorten].map((entry) => entry.id),
    "bekende partner",
  );
  check("--vaardigheid", filter.vaardigheid, vocabulary.vaardigheden.map((entry) => entry.id), "bekende vaardigheid");
  return problems;
}

/** The table row of a casus: ids stay ids (short, and what the filters take). */
export function toCasusRow(casus: Casus): CasusRow {
  return {
    id: casus.id,
    titel: casus.titel,
    thema: casus.thema,
    partners: casus.partners.join(", "),
    moeilijkheid: DIFFICULTY_LABELS[casus.moeilijkheid],
  };
}

const COLUMNS: readonly { key: keyof CasusRow; header: string }[] = [
  { key: "id", header: "id" },
  { key: "titel", header: "titel" },
  { key: "thema", header: "thema" },
  { key: "partners", header: "partners" },
  { key: "moeilijkheid", header: "moeilijkheid" },
];

/** Plain text table with aligned columns and a header; the last column is not padded. */
export function formatCasusTable(rows: readonly CasusRow[]): string {
  const widths = COLUMNS.map(({ key, header }) =>
    Math.max(width(header), ...rows.map((row) => width(row[key]))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => (index === cells.length - 1 ? cell : pad(cell, widths[index] ?? 0)))
      .join("  ")
      .trimEnd();
  return [
    line(COLUMNS.map((column) => column.header)),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((row) => line(COLUMNS.map(({ key }) => row[key]))),
  ].join("\n");
}

/** A readable plain-text view of one casus for `idokit casussen toon`, names from the vocabulary. */
export function formatCasusText(casus: Casus, vocabulary: Vocabulary): string {
  const names = (list: readonly { id: string; naam: string }[], ids: readonly string[]) =>
    ids.length === 0 ? "–" : ids.map((id) => nameOf(list, id)).join(", ");
  const facts: [string, string][] = [
    ["id", casus.id],
    ["thema", nameOf(vocabulary.themas, casus.thema)],
    ["moeilijkheid", DIFFICULTY_LABELS[casus.moeilijkheid]],
    ["klant", casus.klant],
    ...(casus.geslacht === undefined && casus.leeftijd === undefined
      ? []
      : ([["rol", castingText(casus)]] as [string, string][])),
    ["profiel", names(vocabulary.profielen, casus.profiel)],
    ["vaardigheden", names(vocabulary.vaardigheden, casus.vaardigheden)],
    ["partners", names(vocabulary.instanties, casus.partners)],
    [
      "lokale partners",
      casus.lokalePartners.length === 0
        ? "–"
        : casus.lokalePartners
            .map((id) => {
              const help = casus.lokaleHulp[id];
              const name = nameOf(vocabulary.lokalePartnerSoorten, id);
              return help === undefined ? name : `${name} (voor ${help})`;
            })
            .join("; "),
    ],
    ["bestand", `${casus.source}${casus.builtIn ? " (ingebouwd)" : " (eigen casus)"}`],
  ];
  const labelWidth = Math.max(...facts.map(([label]) => label.length));
  const section = (title: string, body: string) => `## ${title}\n\n${body}`;
  return [
    `# ${casus.titel}`,
    facts.map(([label, value]) => `${pad(`${label}:`, labelWidth + 1)} ${value}`).join("\n"),
    section("Situatie", casus.situatie),
    section("Wat de klant zegt", `"${casus.openingszin}"`),
    section("De echte vraag", casus.echteVraag),
    section("Wat het lastig maakt", casus.lastig),
    section(
      "Instructie voor de acteur",
      [
        casus.acteur,
        `### Intensiteit\n\n${casus.intensiteit.map((level, index) => `- Niveau ${index + 1}: ${level}`).join("\n")}`,
        `### Belonen\n\n${casus.belonen}`,
        `### Escaleren\n\n${casus.escaleren}`,
      ]
        .filter((part) => part !== "")
        .join("\n\n"),
    ),
    section("Goede aanpak", casus.aanpak),
    section("Doorverwijzing", casus.doorverwijzing),
    section("Privacy", casus.privacy),
    ...(casus.kijkopdracht === undefined ? [] : [section("Kijkopdracht", casus.kijkopdracht)]),
  ].join("\n\n");
}

/** "man, 67 jaar", "vrouw", "man of vrouw, 40 jaar": who the actor plays. */
function castingText(casus: Casus): string {
  const gender = casus.geslacht === "onbepaald" ? "man of vrouw" : casus.geslacht;
  const age = casus.leeftijd === undefined ? undefined : `${casus.leeftijd} jaar`;
  return [gender, age].filter((part) => part !== undefined).join(", ");
}

function searchText(casus: Casus): string {
  return foldText(
    [
      casus.id,
      casus.titel,
      casus.klant,
      casus.openingszin,
      casus.situatie,
      casus.echteVraag,
      casus.lastig,
      casus.acteur,
      ...casus.intensiteit,
      casus.belonen,
      casus.escaleren,
      casus.aanpak,
      casus.doorverwijzing,
      casus.privacy,
      casus.kijkopdracht ?? "",
      ...Object.values(casus.lokaleHulp),
    ].join("\n"),
  );
}

function matchesAll(haystack: string, words: readonly string[]): boolean {
  return words.every((word) => haystack.includes(word));
}

/** Width in terminal columns, counting a base letter with its accents once. */
function width(text: string): number {
  return [...text.normalize("NFC")].length;
}

function pad(text: string, size: number): string {
  return text + " ".repeat(Math.max(0, size - width(text)));
}
