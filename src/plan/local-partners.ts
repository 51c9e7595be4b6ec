import { enumerate, withoutFinalPeriod } from "../domain/format.js";
import type { Vocabulary } from "../domain/vocabulary.js";
import { kindWithArticle, mentionsKind, type PartnerView } from "./words.js";

/**
 * Local partners in the casussen: which of the library's own partners a casus refers to, and
 * which kinds of partner it needs that the library has no agreement with. Never invents a
 * partner: everything found comes from the answers, everything missing is said as missing.
 */

/** One of the library's partners that fits a casus, with what this customer needs there. */
export interface LocalMatch extends PartnerView {
  /** What this customer needs from the partner, continuing "voor …" (no final full stop). */
  hulp: string;
  /** Matched by its kind (true) or by what the library refers to it for (false). */
  opSoort: boolean;
}

/** A kind of partner the casus needs and the library has no agreement with. */
export interface MissingKind {
  /** The kind's id. */
  soort: string;
  /** The kind in running text with its article: "een welzijnsorganisatie". */
  soortTekst: string;
  /** What this customer would need there, continuing "voor …"; empty when the casus says not. */
  hulp: string;
  /** The library's partners of a related kind that might do it, by display name. */
  verwant: string[];
}

export interface LocalReferral {
  gevonden: LocalMatch[];
  ontbreekt: MissingKind[];
  /** The missing kinds as one phrase: "een ouderenbond of een welzijnsorganisatie". */
  ontbreektTekst: string;
}

// Words that name no kind of work by themselves: a partner that is "voor een spreekuur bij de
// gemeente" is not thereby the gemeente's KCC.
const GENERIC = new Set(["gemeen", "spreek", "loket", "partne"]);

/**
 * Matches a casus's needed kinds (`needed`, ids of `lokalePartnerSoorten`) with the library's
 * partners: first every partner of exactly that kind, then partners whose "waarvoor" mentions
 * the kind (a welzijnsorganisatie "voor schulden en administratie" fits a schuldhulp casus).
 * `hulp` gives the casus's own phrase per kind (`lokaleHulp`); without it, the partner's own
 * "waarvoor" stands in. Kinds nobody covers are returned as missing, with related partners.
 */
export function matchLocalPartners(
  needed: readonly string[],
  partners: readonly PartnerView[],
  vocabulary: Vocabulary,
  hulp: Readonly<Record<string, string>> = {},
): LocalReferral {
  const gevonden: LocalMatch[] = [];
  const seen = new Set<string>();
  const covered = new Set<string>();
  const add = (partner: PartnerView, kind: string, opSoort: boolean) => {
    const key = `${partner.naam}\u0000${partner.soort}`;
    if (seen.has(key)) return;
    seen.add(key);
    covered.add(kind);
    const phrase = hulp[kind] ? withoutFinalPeriod(hulp[kind]) : undefined;
    // Two partners for the same need (two of one kind, or one found by what it is for): the
    // second says what the library has it for, instead of the same phrase twice in a row.
    const said = phrase !== undefined && gevonden.some((p) => p.hulp === phrase);
    gevonden.push({
      ...partner,
      // The casus's own phrase is written to follow "voor" already: keep its casing.
      hulp: phrase !== undefined && !said ? phrase : partner.waarvoorTekst,
      opSoort,
    });
  };

  const kinds = [...new Set(needed)];
  for (const kind of kinds) for (const p of partners) if (p.soort === kind) add(p, kind, true);
  for (const kind of kinds) {
    const entry = vocabulary.lokalePartnerSoorten.find((k) => k.id === kind);
    if (entry === undefined || kind === "anders") continue;
    for (const p of partners)
      if (p.soort !== kind && mentionsKind(p.waarvoor, entry, GENERIC)) add(p, kind, false);
  }

  // A kind nobody covers is missing, unless a partner of a related kind (one that does the same
  // work) is already among the found ones: then the casus is served.
  const ontbreekt: MissingKind[] = [];
  const foundKinds = new Set(gevonden.map((p) => p.soort));
  for (const kind of kinds) {
    if (covered.has(kind) || kind === "anders") continue;
    const entry = vocabulary.lokalePartnerSoorten.find((k) => k.id === kind);
    if (entry === undefined) continue;
    const related = new Set(entry.verwant ?? []);
    if ([...related].some((id) => foundKinds.has(id))) continue;
    ontbreekt.push({
      soort: kind,
      soortTekst: kindWithArticle(entry),
      hulp: hulp[kind] ? withoutFinalPeriod(hulp[kind]) : "",
      verwant: partners.filter((p) => related.has(p.soort)).map((p) => p.weergave),
    });
  }
  return {
    gevonden,
    ontbreekt,
    ontbreektTekst: enumerate(
      ontbreekt.map((m) => m.soortTekst),
      "of",
    ),
  };
}
