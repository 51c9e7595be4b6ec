/** Difficulty of a casus: 1 rustig (beginners), 2 gemiddeld, 3 pittig. */
export type Moeilijkheid = 1 | 2 | 3;

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
  /** File the casus came from, as shown in messages. */
  source: string;
  /** True for the library shipped with idokit, false for a user's own folder. */
  builtIn: boolean;
}
