/** Difficulty of a casus: 1 rustig (beginners), 2 gemiddeld, 3 pittig. */
export type Moeilijkheid = 1 | 2 | 3;

/** Gender of the customer as the actor plays it; "onbepaald" when either works. */
export type Geslacht = "vrouw" | "man" | "onbepaald";

/** The values `geslacht` takes, in the order the README lists them. */
export const GESLACHTEN: readonly Geslacht[] = ["vrouw", "man", "onbepaald"];

/**
 * One validated casus from the library. Ids refer to `data/vocabulaire.yaml`; the section fields
 * hold Markdown exactly as written (trimmed), ready for the templates.
 */
export interface Casus {
  id: string;
  titel: string;
  /** Id from `themas`. */
  thema: string;
  /** Ids from `instanties`. */
  partners: string[];
  /** Ids from `lokalePartnerSoorten`. */
  lokalePartners: string[];
  /** Ids from `vaardigheden`. */
  vaardigheden: string[];
  moeilijkheid: Moeilijkheid;
  /** Ids from `profielen`. */
  profiel: string[];
  /** One line describing the customer. */
  klant: string;
  /** Gender of the customer, for casting; absent in own casussen that do not give it. */
  geslacht?: Geslacht;
  /** Age of the customer in years, for casting; absent in own casussen that do not give it. */
  leeftijd?: number;
  /**
   * Per kind of local partner (an id of `lokalePartners`): what THIS customer needs from that
   * kind of partner, as a lower-case phrase that follows "voor" in a sentence
   * ("de aangifte voor haar overleden man"). Empty when the casus gives none.
   */
  lokaleHulp: Record<string, string>;
  /** The opening line as plain text, without quote marks or Markdown. */
  openingszin: string;
  situatie: string;
  echteVraag: string;
  lastig: string;
  /** General instruction for the actor: the text before the `###` subsections. */
  acteur: string;
  /** Markdown of levels 1, 2 and 3, without the "Niveau n:" label. */
  intensiteit: [string, string, string];
  belonen: string;
  escaleren: string;
  aanpak: string;
  doorverwijzing: string;
  privacy: string;
  /**
   * 1–3 short observation questions for the participants who watch, following the skill this
   * casus trains (Markdown). Absent in own casussen without a `## Kijkopdracht` section.
   */
  kijkopdracht?: string;
  /** File the casus came from, as shown in messages. */
  source: string;
  /** True for the library shipped with idokit, false for a user's own folder. */
  builtIn: boolean;
}

/** The flag and the setting that leave the built-in casussen out, as messages name them. */
export const OWN_ONLY_NAMES =
  "--alleen-eigen-casussen (of alleenEigenCasussen: ja in instellingen.yaml)";
