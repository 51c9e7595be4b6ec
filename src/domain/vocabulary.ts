import { z } from "zod";

const entry = z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), naam: z.string().min(1) });

const vocabularySchema = z.strictObject({
  pois: z.array(entry.extend({ provincies: z.string() })).min(1),
  instanties: z
    .array(entry.extend({ landelijk: z.boolean(), vragen: z.string(), website: z.string() }))
    .min(1),
  lokalePartnerSoorten: z.array(entry).min(1),
  vaardigheden: z.array(entry.extend({ uitleg: z.string() })).min(1),
  themas: z.array(entry).min(1),
  profielen: z.array(entry).min(1),
});

/** The editable lists of `data/vocabulaire.yaml`: POIs, instanties, skills, themes, profiles. */
export type Vocabulary = z.output<typeof vocabularySchema>;
export type VocabularyEntry = z.output<typeof entry>;
export type Instantie = Vocabulary["instanties"][number];
export type Vaardigheid = Vocabulary["vaardigheden"][number];

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
  for (const [list, entries] of Object.entries(result.data)) {
    const seen = new Set<string>();
    for (const { id } of entries) {
      if (seen.has(id)) throw new Error(`${source}: id "${id}" staat twee keer in ${list}.`);
      seen.add(id);
    }
  }
  return result.data;
}

/** Looks up the display name of an id in a list, falling back to the id itself. */
export function nameOf(list: readonly VocabularyEntry[], id: string): string {
  return list.find((item) => item.id === id)?.naam ?? id;
}
