import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from "yaml";
import { z } from "zod";
import { yamlProblem } from "../domain/yaml-errors.js";
import { cleanLine, toEmail, toPhone, toText } from "../answers/values.js";
import { foldText, suggestClosest } from "../domain/suggest.js";
import type { Problem } from "../errors.js";

/**
 * A POI's list of trainingsacteurs (`trainingsacteurs.yaml`, or a spreadsheet with the same
 * columns): offered in the wizard's actor section, and looked up by name from an answers file or
 * a batch row, so a name alone brings the bureau, e-mail and phone number along. Pure.
 */

export interface Trainingsacteur {
  naam: string;
  bureau?: string | undefined;
  email?: string | undefined;
  telefoon?: string | undefined;
  regio?: string | undefined;
  specialiteiten: string[];
}

export interface ActorList {
  /** The file it came from, for messages. */
  source: string;
  acteurs: Trainingsacteur[];
}

/** The fields of one actor, in the order of the file and of a spreadsheet's columns. */
export const ACTOR_FIELDS = ["naam", "bureau", "email", "telefoon", "regio", "specialiteiten"];

/** Column headers a spreadsheet may use for each field (compared without case and accents). */
export const ACTOR_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  naam: ["naam", "trainingsacteur", "acteur", "naam acteur"],
  bureau: ["bureau", "acteursbureau", "organisatie"],
  email: ["e-mail", "email", "e-mailadres", "mail"],
  telefoon: ["telefoon", "telefoonnummer", "tel", "mobiel"],
  regio: ["regio", "werkgebied", "provincie"],
  specialiteiten: ["specialiteiten", "specialiteit", "specialisaties", "ervaring met"],
};

/** A zod field from one of the answers' converters, so a list and the wizard agree on rules. */
const converted = <T>(convert: (raw: unknown) => { value?: T; error?: string }) =>
  z.unknown().transform((raw, ctx) => {
    const result = convert(raw);
    if (result.error === undefined) return result.value as T;
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  });

/** Empty (nothing, "", only spaces) means "not given". */
const optional = <T>(schema: z.ZodType<T>) =>
  z.preprocess(
    (raw) => (raw === null || (typeof raw === "string" && raw.trim() === "") ? undefined : raw),
    schema.optional(),
  );

const specialities = z
  .union([z.array(z.unknown()), z.string(), z.null()], {
    error: "moet een lijst zijn, zoals [ouderen, emoties], of tekst met puntkomma's.",
  })
  .transform((raw) =>
    (raw === null ? [] : Array.isArray(raw) ? raw.map(String) : raw.split(/[;,\n]/))
      .map((item) => cleanLine(item))
      .filter((item) => item !== ""),
  );

export const actorSchema = z.object({
  naam: z.preprocess(
    (raw) => raw ?? "",
    converted((raw) => toText(raw, 100)).pipe(
      z.string().min(1, "ontbreekt: elke trainingsacteur heeft een naam."),
    ),
  ),
  bureau: optional(converted((raw) => toText(raw, 100))),
  email: optional(converted(toEmail)),
  telefoon: optional(converted(toPhone)),
  regio: optional(converted((raw) => toText(raw, 100))),
  specialiteiten: specialities.default([]),
});

/** One actor's problems, as messages per field. */
function actorProblems(error: z.ZodError, where: (field: string) => string): Problem[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    return { where: where(field), message: `${field}: ${issue.message}` };
  });
}

/** Parses the records of a list (from YAML or spreadsheet rows), collecting every problem. */
function parseRecords(
  records: ReadonlyArray<{ data: unknown; where: (field: string) => string }>,
  source: string,
): { list?: ActorList; problems: Problem[] } {
  const problems: Problem[] = [];
  const acteurs: Trainingsacteur[] = [];
  const seen = new Map<string, string>();
  for (const record of records) {
    if (record.data === null || typeof record.data !== "object" || Array.isArray(record.data)) {
      problems.push({
        where: record.where(""),
        message: "een trainingsacteur heeft velden als 'naam:' en 'email:' onder elkaar.",
      });
      continue;
    }
    const unknown = Object.keys(record.data).filter((key) => !ACTOR_FIELDS.includes(key));
    for (const key of unknown) {
      const suggestion = suggestClosest(key, ACTOR_FIELDS);
      problems.push({
        where: record.where(key),
        message: `onbekend veld "${key}".${suggestion ? ` Bedoelde je "${suggestion}"?` : ""} De velden zijn: ${ACTOR_FIELDS.join(", ")}.`,
      });
    }
    const rawName = (record.data as { naam?: unknown }).naam;
    if (typeof rawName === "string" && rawName.trim() !== "") {
      const key = foldText(cleanLine(rawName));
      const earlier = seen.get(key);
      if (earlier !== undefined)
        problems.push({
          where: record.where("naam"),
          message: `"${cleanLine(rawName)}" staat al eerder in de lijst (${earlier}). Elke naam één keer, zodat idokit weet wie je bedoelt.`,
        });
      else seen.set(key, record.where("naam"));
    }
    const result = actorSchema.safeParse(record.data);
    if (!result.success) {
      problems.push(...actorProblems(result.error, record.where));
      continue;
    }
    acteurs.push(result.data);
  }
  return problems.length > 0 ? { problems } : { list: { source, acteurs }, problems: [] };
}

/** Parses `trainingsacteurs.yaml`: a list of actors, or `acteurs:` with that list. */
export function parseActorYaml(
  text: string,
  file: string,
): { list?: ActorList; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0)
    return {
      problems: doc.errors.map((error) => yamlProblem(error, file)),
    };
  const lineOf = (node: YamlNode | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  let items: YamlNode | null | undefined = doc.contents as YamlNode | null;
  if (isMap(items)) items = items.get("acteurs", true) as YamlNode | undefined;
  if (items === null || items === undefined)
    return { list: { source: file, acteurs: [] }, problems: [] };
  if (!isSeq(items))
    return {
      problems: [
        {
          where: file,
          message:
            "moet een lijst van trainingsacteurs zijn: 'acteurs:' met daaronder per acteur '- naam: …'.",
        },
      ],
    };
  const records = items.items.map((item, index) => {
    const node = item as YamlNode;
    return {
      data: (node as { toJSON?: () => unknown }).toJSON?.() ?? null,
      where: (field: string) => {
        const fieldNode =
          isMap(node) && field ? (node.get(field, true) as YamlNode | undefined) : undefined;
        const line = lineOf(fieldNode) ?? lineOf(node);
        return `${file}, acteur ${index + 1}${line === undefined ? "" : ` (regel ${line})`}`;
      },
    };
  });
  return parseRecords(records, file);
}

/** Parses a spreadsheet of actors: a header row with the field names, one actor per row. */
export function parseActorTable(table: {
  source: string;
  headers: readonly string[];
  rows: ReadonlyArray<{ number: number; cells: readonly string[] }>;
}): { list?: ActorList; problems: Problem[] } {
  const columns = new Map<number, string>();
  const problems: Problem[] = [];
  table.headers.forEach((header, index) => {
    const folded = foldText(header.trim());
    if (folded === "") return;
    const field = Object.entries(ACTOR_COLUMNS).find(([, names]) => names.includes(folded))?.[0];
    if (field) columns.set(index, field);
    else
      problems.push({
        where: `${table.source}, kolom "${header}"`,
        message: `onbekende kolom. De kolommen zijn: Naam, Bureau, E-mail, Telefoon, Regio, Specialiteiten.`,
      });
  });
  if (![...columns.values()].includes("naam"))
    problems.push({ where: table.source, message: 'de kolom "Naam" ontbreekt.' });
  if (problems.length > 0) return { problems };
  const records = table.rows
    .filter((row) => row.cells.some((cell) => cell.trim() !== ""))
    .map((row) => {
      const data: Record<string, string> = {};
      columns.forEach((field, index) => (data[field] = row.cells[index] ?? ""));
      return {
        data,
        where: (field: string) => {
          const index = [...columns].find(([, f]) => f === field)?.[0];
          const header = index === undefined ? undefined : table.headers[index];
          return `${table.source}, rij ${row.number}${header ? `, kolom "${header}"` : ""}`;
        },
      };
    });
  return parseRecords(records, table.source);
}

/** The actor with this name (case, accents and spaces do not count), if the list has one. */
export function findActor(
  list: ActorList | undefined,
  name: string | undefined,
): Trainingsacteur | undefined {
  if (!list || !name) return undefined;
  const wanted = foldText(cleanLine(name));
  return list.acteurs.find((actor) => foldText(actor.naam) === wanted);
}

/** A name that is almost one on the list ("Jost van Dijk"): the name it probably means. */
export function closeActorName(
  list: ActorList | undefined,
  name: string | undefined,
): string | undefined {
  if (!list || !name || findActor(list, name)) return undefined;
  return suggestClosest(
    name,
    list.acteurs.map((actor) => actor.naam),
  );
}
