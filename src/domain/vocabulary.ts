import { z } from "zod";

const entry = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  naam: z.string().min(1),
  /**
   * The wording in running text when the name is a menu label ("Omgaan met emoties en boosheid"
   * → "omgaan met emoties"): lower-case, without article. Optional; the name is used otherwise.
   */
  tekst: z.string().min(1).optional(),
});

const localPartnerKind = entry.extend({
  /** Article before `tekst` in "geen afspraak met een sociaal wijkteam"; "" for a proper name. */
  lidwoord: z.enum(["een", "de", "het", ""]).optional(),
  /** Kinds that often do the same work, offered when the library has no partner of this kind. */
  verwant: z.array(z.string()).optional(),
});

const vocabularySchema = z.strictObject({
  pois: z.array(entry.extend({ provincies: z.string() })).min(1),
  instanties: z
    .array(entry.extend({ landelijk: z.boolean(), vragen: z.string(), website: z.string() }))
    .min(1),
  lokalePartnerSoorten: z.array(localPartnerKind).min(1),
  vaardigheden: z.array(entry.extend({ uitleg: z.string() })).min(1),
  themas: z.array(entry).min(1),
  profielen: z.array(entry).min(1),
});

/** The editable lists of `data/vocabulaire.yaml`: POIs, instanties, skills, themes, profiles. */
export type Vocabulary = z.output<typeof vocabularySchema>;
export type VocabularyEntry = z.output<typeof entry>;
export type Instantie = Vocabulary["instanties"][number];
export type Vaardigheid = Vocabulary["vaardigheden"][number];
export type LokalePartnerSoort = Vocabulary["lokalePartnerSoorten"][number];

/** Validates parsed YAML as a vocabulary; throws a readable error naming the list and entry. */
export function parseVocabulary(data: unknown, source: string): Vocabulary {
  const result = vocabularySchema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`${source} is geen geldig vocabulaire: ${first}`);
  }
  const kinds = new Set(result.data.lokalePartnerSoorten.map((k) => k.id));
  for (const kind of result.data.lokalePartnerSoorten)
    for (const id of kind.verwant ?? [])
      if (!kinds.has(id))
        throw new Error(
          `${source}: lokalePartnerSoorten.${kind.id}.verwant noemt "${id}", maar die soort bestaat niet.`,
        );
  for (const [list, entries] of Object.entries(result.data)) {
    const seen = new Set<string>();
    for (const { id } of entries) {
      if (seen.has(id)) throw new Error(`${source}: id "${id}" staat twee keer in ${list}.`);
      seen.add(id);
    }
  }
  return result.data;
}

/** The running-text wording of an id in a list: its `tekst`, else its name; the id when unknown. */
export function textOf(list: readonly VocabularyEntry[], id: string): string {
  const found = list.find((item) => item.id === id);
  return found?.tekst ?? found?.naam ?? id;
}

/** Looks up the display name of an id in a list, falling back to the id itself. */
export function nameOf(list: readonly VocabularyEntry[], id: string): string {
  return list.find((item) => item.id === id)?.naam ?? id;
}
