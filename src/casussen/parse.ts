import { parseDocument } from "yaml";
import { z } from "zod";
import { cleanLine, stripControl } from "../answers/values.js";
import type { Vocabulary } from "../domain/vocabulary.js";
import { unwrapMarkdown } from "../domain/format.js";
import type { Problem } from "../errors.js";
import { didYouMean, foldText, joinDutch } from "../domain/suggest.js";
import { GESLACHTEN, type Casus, type Geslacht, type Moeilijkheid } from "./types.js";

/** Result of parsing one casus file: the casus when it is valid, and every problem found. */
export interface ParsedCasus {
  casus?: Casus;
  problems: Problem[];
  /** The `id` as written in the front matter, when it is text; lets the loader spot duplicates. */
  id?: string;
}

/** Front-matter fields in the order of `casussen/README.md`. */
export const FRONT_MATTER_FIELDS = [
  "id",
  "titel",
  "thema",
  "partners",
  "lokalePartners",
  "vaardigheden",
  "moeilijkheid",
  "profiel",
  "klant",
  "geslacht",
  "leeftijd",
  "lokaleHulp",
] as const;

/** The front-matter fields every casus must have; the others are optional. */
const REQUIRED_FIELDS = [
  "id",
  "titel",
  "thema",
  "partners",
  "vaardigheden",
  "moeilijkheid",
  "profiel",
  "klant",
] as const;

type SectionKey =
  | "situatie"
  | "openingszin"
  | "echteVraag"
  | "lastig"
  | "acteur"
  | "aanpak"
  | "doorverwijzing"
  | "privacy"
  | "kijkopdracht";
type ActorKey = "intensiteit" | "belonen" | "escaleren";

/** The fixed `##` sections, in README order; an optional one may be left out. */
export const SECTIONS: readonly { key: SectionKey; heading: string; optional?: boolean }[] = [
  { key: "situatie", heading: "Situatie" },
  { key: "openingszin", heading: "Wat de klant zegt" },
  { key: "echteVraag", heading: "De echte vraag" },
  { key: "lastig", heading: "Wat het lastig maakt" },
  { key: "acteur", heading: "Instructie voor de acteur" },
  { key: "aanpak", heading: "Goede aanpak" },
  { key: "doorverwijzing", heading: "Doorverwijzing" },
  { key: "privacy", heading: "Privacy" },
  { key: "kijkopdracht", heading: "Kijkopdracht", optional: true },
];

/** The `###` subsections of "Instructie voor de acteur". */
export const ACTOR_SUBSECTIONS: readonly { key: ActorKey; heading: string }[] = [
  { key: "intensiteit", heading: "Intensiteit" },
  { key: "belonen", heading: "Belonen" },
  { key: "escaleren", heading: "Escaleren" },
];

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TITLE_MAX = 80;
const KLANT_MAX = 200;
const NO_FRONT_MATTER = "geen voorwerk gevonden (het bestand moet beginnen met een regel ---).";

/**
 * Parses and validates one casus file (Markdown with YAML front matter, see `casussen/README.md`).
 * Pure: the caller reads the file. Every problem is reported, each located by `source` and field
 * or section, in Dutch. `casus` is set only when there are no problems.
 *
 * @example parseCasus(text, "casussen/digid-verlopen-activeringsbrief.md", vocabulary)
 */
export function parseCasus(text: string, source: string, vocabulary: Vocabulary): ParsedCasus {
  const problems: Problem[] = [];
  const at = (where?: string) => (where === undefined || where === "" ? source : `${source}, ${where}`);
  const report = (message: string, where?: string) => problems.push({ where: at(where), message });

  // 1. Normalise: no control characters, no BOM, LF line ends.
  const clean = stripControl(text).replace(/^\uFEFF/, "");

  // 2. Front matter between two `---` lines.
  const split = splitFrontMatter(clean);
  if (split.problem !== undefined) report(split.problem);

  // 3. Front-matter fields.
  const fields =
    split.yaml === undefined ? undefined : readFrontMatter(split.yaml, split.yamlLine, vocabulary);
  for (const problem of fields?.problems ?? []) report(problem.message, problem.where);
  const data = fields?.data;
  const id = fields?.id;
  if (id !== undefined && ID_PATTERN.test(id)) {
    const fileId = baseName(source);
    if (fileId !== undefined && fileId !== id)
      report(
        `id "${id}" hoort gelijk te zijn aan de bestandsnaam zonder .md ("${fileId}"). Hernoem het bestand naar ${id}.md of pas het id aan.`,
      );
  }

  // 4. Sections.
  const sections = split.body === undefined ? undefined : readSections(split.body);
  for (const problem of sections?.problems ?? []) report(problem.message, problem.where);

  if (problems.length > 0 || data === undefined || sections?.values === undefined)
    return id === undefined ? { problems } : { problems, id };
  const casus: Casus = {
    ...data,
    ...sections.values,
    source,
    builtIn: false,
  };
  return { casus, problems, id: data.id };
}

// ---------------------------------------------------------------------------------------------
// Front matter

interface FrontMatterSplit {
  yaml?: string;
  /** 1-based line of the first YAML line in the file, for messages. */
  yamlLine: number;
  /** The Markdown after the front matter; undefined when the front matter is not closed. */
  body?: string;
  problem?: string;
}

function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split("\n");
  let start = 0;
  while (start < lines.length && (lines[start] ?? "").trim() === "") start += 1;
  if ((lines[start] ?? "").trimEnd() !== "---")
    return { yamlLine: 1, body: text, problem: NO_FRONT_MATTER };
  for (let end = start + 1; end < lines.length; end += 1) {
    const line = (lines[end] ?? "").trimEnd();
    if (line === "---" || line === "...")
      return {
        yaml: lines.slice(start + 1, end).join("\n"),
        yamlLine: start + 2,
        body: lines.slice(end + 1).join("\n"),
      };
  }
  // Without the closing line the whole file reads as front matter; section checks would only add noise.
  return {
    yamlLine: start + 2,
    problem:
      "het voorwerk is niet afgesloten. Zet een regel --- onder het laatste veld, vóór ## Situatie.",
  };
}

type FrontMatter = Pick<
  Casus,
  | "id"
  | "titel"
  | "thema"
  | "partners"
  | "lokalePartners"
  | "vaardigheden"
  | "moeilijkheid"
  | "profiel"
  | "klant"
  | "geslacht"
  | "leeftijd"
  | "lokaleHulp"
>;

interface FrontMatterResult {
  data?: FrontMatter;
  id?: string;
  problems: Problem[];
}

const fieldWhere = (field: string) => `veld "${field}"`;

function readFrontMatter(yaml: string, firstLine: number, vocabulary: Vocabulary): FrontMatterResult {
  const document = parseDocument(yaml, { uniqueKeys: true });
  const yamlLines = yaml.split("\n");
  const problems: Problem[] = [];
  for (const error of document.errors.slice(0, 5)) {
    const index = (error.linePos?.[0].line ?? 1) - 1;
    const where = `regel ${index + firstLine}`;
    if (error.code === "DUPLICATE_KEY") {
      // The key is on the reported line; later values win, so the rest can still be checked.
      const key = /^\s*([^:#]+?)\s*:/.exec(yamlLines[index] ?? "")?.[1];
      problems.push({
        where: key === undefined ? where : fieldWhere(key),
        message: "staat twee keer in het voorwerk. Laat er één staan.",
      });
    } else {
      problems.push({
        where,
        message:
          "het voorwerk is geen geldige YAML. Controleer de dubbele punten, de inspringing en de aanhalingstekens.",
      });
    }
  }
  if (document.errors.some((error) => error.code !== "DUPLICATE_KEY")) return { problems };
  const raw: unknown = document.toJS();
  if (raw === null || raw === undefined || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      problems: [
        {
          where: "voorwerk",
          message: `het voorwerk moet velden bevatten, zoals "id: mijn-casus" en "titel: …". Verplichte velden: ${REQUIRED_FIELDS.join(", ")}.`,
        },
      ],
    };
  }
  const record = raw as Record<string, unknown>;

  // Unknown keys first: a typo there usually explains a "ontbreekt" further on.
  const known: readonly string[] = FRONT_MATTER_FIELDS;
  for (const key of Object.keys(record)) {
    if (known.includes(key)) continue;
    problems.push({
      where: fieldWhere(key),
      message: `is geen bekend veld.${didYouMean(key, FRONT_MATTER_FIELDS)} Toegestane velden: ${FRONT_MATTER_FIELDS.join(", ")}.`,
    });
  }

  const result = frontMatterSchema(vocabulary).safeParse(record);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "voorwerk");
      // A phrase of lokaleHulp is named with its kind: veld "lokaleHulp.taalhuis".
      const where =
        field === "lokaleHulp" && issue.path.length > 1 ? `${field}.${String(issue.path[1])}` : field;
      problems.push({ where: fieldWhere(where), message: issue.message });
    }
  }
  const id = typeof record.id === "string" ? record.id.trim() : undefined;
  if (problems.length > 0 || !result.success)
    return id === undefined ? { problems } : { problems, id };

  const data: FrontMatter = result.data;
  for (const field of ["partners", "lokalePartners", "vaardigheden", "profiel"] as const) {
    const seen = new Set<string>();
    for (const value of data[field]) {
      if (seen.has(value))
        problems.push({
          where: fieldWhere(field),
          message: `"${value}" staat twee keer in de lijst.`,
        });
      seen.add(value);
    }
  }
  problems.push(...checkLokaleHulp(data, vocabulary), ...checkKlant(data));
  return problems.length > 0 ? { problems, id: data.id } : { data, problems, id: data.id };
}

/** Every kind in lokaleHulp is a known kind that the casus also lists in lokalePartners. */
function checkLokaleHulp(data: FrontMatter, vocabulary: Vocabulary): Problem[] {
  const kinds = vocabulary.lokalePartnerSoorten.map((entry) => entry.id);
  const problems: Problem[] = [];
  for (const kind of Object.keys(data.lokaleHulp)) {
    const where = fieldWhere(`lokaleHulp.${kind}`);
    if (!kinds.includes(kind))
      problems.push({
        where,
        message: `"${kind}" is geen bekende soort lokale partner.${didYouMean(kind, kinds)} Kies uit: ${kinds.join(", ")}.`,
      });
    else if (!data.lokalePartners.includes(kind))
      problems.push({
        where,
        message: `"${kind}" staat niet in lokalePartners. Zet het ook in lokalePartners, of haal het hier weg.`,
      });
  }
  return problems;
}

const WOMAN_WORDS = /^(vrouw|moeder|dochter|weduwe|mevrouw|zus|oma|meisje|studente)\b/i;
const MAN_WORDS = /^(man|vader|zoon|weduwnaar|meneer|broer|opa|jongen|jongeman|student)\b/i;

/** `geslacht` and `leeftijd` agree with the `klant` line when that line says them too. */
function checkKlant(data: FrontMatter): Problem[] {
  const problems: Problem[] = [];
  const klant = data.klant.trim();
  const said = WOMAN_WORDS.test(klant) ? "vrouw" : MAN_WORDS.test(klant) ? "man" : undefined;
  if (data.geslacht !== undefined && data.geslacht !== "onbepaald" && said !== undefined && said !== data.geslacht)
    problems.push({
      where: fieldWhere("geslacht"),
      message: `is "${data.geslacht}", maar het veld klant begint met "${klant.split(/[\s,]/)[0] ?? ""}". Maak de twee gelijk.`,
    });
  const age = /\b(\d{1,3})\b/.exec(klant)?.[1];
  if (data.leeftijd !== undefined && age !== undefined && Number(age) !== data.leeftijd)
    problems.push({
      where: fieldWhere("leeftijd"),
      message: `is ${data.leeftijd}, maar in het veld klant staat ${age}. Maak de twee gelijk.`,
    });
  return problems;
}

const describe = (input: unknown): string =>
  typeof input === "string" ? `"${input}"` : JSON.stringify(input) ?? String(input);

/** A YAML list, or one value, or a comma-separated line: all become a list of trimmed strings. */
function toList(input: unknown): unknown {
  if (input === null) return [];
  if (typeof input === "string")
    return input
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "");
  if (Array.isArray(input))
    return input.map((item) => (typeof item === "string" ? item.trim() : item));
  return input;
}

const MISSING = (example: string) => `ontbreekt. Voeg toe, bijvoorbeeld: ${example}`;

function idList(
  entries: readonly { id: string }[],
  what: string,
  options: { min: number; example: string; /** "bekend klantprofiel": het-words differ. */ unknown?: string },
) {
  const ids = entries.map((entry) => entry.id);
  const member = z.string({ error: (issue) => `${describe(issue.input)} is geen id.` }).refine(
    (value) => ids.includes(value),
    {
      error: (issue) =>
        `${describe(issue.input)} is geen ${options.unknown ?? `bekende ${what}`}.${didYouMean(String(issue.input), ids)} Kies uit: ${ids.join(", ")}.`,
    },
  );
  return z.preprocess(
    toList,
    z
      .array(member, {
        error: (issue) =>
          issue.input === undefined
            ? MISSING(options.example)
            : `moet een lijst zijn, bijvoorbeeld ${options.example.replace(/^[^:]+: /, "")}.`,
      })
      .min(options.min, { error: `moet minstens één ${what} bevatten. Kies uit: ${ids.join(", ")}.` }),
  );
}

function line(max: number, example: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? MISSING(example) : "moet tekst zijn."),
    })
    .transform(cleanLine)
    .pipe(
      z
        .string()
        .min(1, { error: `is leeg. Vul het in, bijvoorbeeld: ${example}` })
        .max(max, {
          error: (issue) =>
            `is te lang (${String(issue.input).length} tekens; maximaal ${max}). Kort het in.`,
        }),
    );
}

const DIFFICULTY_WORDS: Record<string, Moeilijkheid> = { instap: 1, rustig: 1, gemiddeld: 2, pittig: 3 };

/**
 * Words that start a sentence rather than continue one: "De aangifte…", "Hulp bij…". Only these
 * count, so a phrase may start with a name or a language ("Nederlands oefenen", "DigiD Machtigen").
 */
const SENTENCE_STARTS = new Set(
  (
    "de het een haar zijn hun mijn uw jouw dit deze die dat alle veel meer hulp advies informatie " +
    "overzicht steun contact begeleiding ondersteuning vragen uitleg een zijn zij hij ze"
  ).split(" "),
);

function startsSentence(text: string): boolean {
  const first = /^\S+/.exec(text)?.[0] ?? "";
  return /^[A-ZÀ-Þ]/.test(first) && SENTENCE_STARTS.has(first.toLowerCase().replace(/[,.;:]$/, ""));
}

const AGE_MIN = 12;
const AGE_MAX = 110;
const HELP_MAX = 120;

/**
 * A phrase of `lokaleHulp`: one line that continues a sentence after "voor" ("Bij jullie IDO:
 * Taalhuis Zuiderhaven, voor <phrase>."), so it starts lower-case and has no full stop.
 */
function helpPhrase() {
  const example = "de aangifte voor haar overleden man";
  return z
    .string({ error: `moet tekst zijn, bijvoorbeeld: ${example}` })
    .transform((text) => cleanLine(text).replace(/[.;,:]+$/, "").trim())
    .pipe(
      z
        .string()
        .min(1, { error: `is leeg. Schrijf wat deze klant bij deze partner zoekt, bijvoorbeeld: ${example}` })
        .max(HELP_MAX, {
          error: (issue) =>
            `is te lang (${String(issue.input).length} tekens; maximaal ${HELP_MAX}). Kort het in.`,
        })
        .refine((text) => !/^voor\s/i.test(text), {
          error: `begint met "voor". Laat dat woord weg: idokit zet het er zelf voor ("… voor ${example}").`,
        })
        .refine((text) => !startsSentence(text), {
          error: (issue) =>
            `begint met een hoofdletter ("${String(issue.input).split(" ")[0] ?? ""}"), maar de tekst loopt door in een zin na "voor". Begin met een kleine letter, bijvoorbeeld: ${example}`,
        }),
    );
}

// Building the schema costs more than using it; the loader parses ~45 files with one vocabulary.
const schemaCache = new WeakMap<Vocabulary, ReturnType<typeof buildFrontMatterSchema>>();

function frontMatterSchema(vocabulary: Vocabulary) {
  let schema = schemaCache.get(vocabulary);
  if (schema === undefined) {
    schema = buildFrontMatterSchema(vocabulary);
    schemaCache.set(vocabulary, schema);
  }
  return schema;
}

function buildFrontMatterSchema(vocabulary: Vocabulary) {
  const themeIds = vocabulary.themas.map((entry) => entry.id);
  return z.object({
    id: z.preprocess(
      (input) => (typeof input === "number" ? String(input) : input),
      z
        .string({
          error: (issue) =>
            issue.input === undefined ? MISSING("id: digid-verlopen-brief") : "moet tekst zijn.",
        })
        .trim()
        .regex(ID_PATTERN, {
          error: (issue) =>
            `${describe(issue.input)} is geen geldig id. Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld digid-verlopen-brief.`,
        }),
    ),
    titel: line(TITLE_MAX, "titel: De verlopen activeringsbrief"),
    thema: z
      .string({
        error: (issue) => (issue.input === undefined ? MISSING("thema: digid") : "moet één thema-id zijn."),
      })
      .trim()
      .refine((value) => themeIds.includes(value), {
        error: (issue) =>
          `${describe(issue.input)} is geen bekend thema.${didYouMean(String(issue.input), themeIds)} Kies uit: ${themeIds.join(", ")}.`,
      }),
    partners: idList(vocabulary.instanties, "instantie", {
      min: 1,
      example: "partners: [logius, svb]",
    }),
    lokalePartners: idList(vocabulary.lokalePartnerSoorten, "soort lokale partner", {
      min: 0,
      example: "lokalePartners: [taalhuis]",
    }).default([]),
    vaardigheden: idList(vocabulary.vaardigheden, "vaardigheid", {
      min: 1,
      example: "vaardigheden: [doorvragen, lsd]",
    }),
    moeilijkheid: z.preprocess(
      (input) => {
        if (typeof input !== "string") return input;
        const word = DIFFICULTY_WORDS[foldText(input.trim())];
        return word ?? (/^\s*\d+\s*$/.test(input) ? Number(input) : input);
      },
      z
        .number({
          error: (issue) =>
            issue.input === undefined
              ? MISSING("moeilijkheid: 1")
              : `moet 1, 2 of 3 zijn (nu ${describe(issue.input)}).`,
        })
        .refine((value): value is Moeilijkheid => value === 1 || value === 2 || value === 3, {
          error: (issue) => `moet 1, 2 of 3 zijn (nu ${describe(issue.input)}).`,
        }),
    ) as z.ZodType<Moeilijkheid>,
    profiel: idList(vocabulary.profielen, "klantprofiel", {
      min: 1,
      example: "profiel: [oudere, boos]",
      unknown: "bekend klantprofiel",
    }),
    klant: line(KLANT_MAX, "klant: Man, 67, woont alleen"),
    geslacht: z
      .preprocess(
        (input) => (typeof input === "string" ? input.trim().toLowerCase() : input),
        z.enum(GESLACHTEN as [Geslacht, ...Geslacht[]], {
          error: (issue) =>
            `moet vrouw, man of onbepaald zijn (nu ${describe(issue.input)}). Kies onbepaald als de acteur de klant als man en als vrouw kan spelen.`,
        }),
      )
      .optional(),
    leeftijd: z
      .preprocess(
        (input) => (typeof input === "string" && /^\s*\d+\s*$/.test(input) ? Number(input) : input),
        z
          .number({ error: (issue) => `moet een leeftijd in jaren zijn, bijvoorbeeld 67 (nu ${describe(issue.input)}).` })
          .int({ error: (issue) => `moet een heel getal zijn, bijvoorbeeld 67 (nu ${describe(issue.input)}).` })
          .min(AGE_MIN, { error: (issue) => `moet tussen ${AGE_MIN} en ${AGE_MAX} liggen (nu ${describe(issue.input)}).` })
          .max(AGE_MAX, { error: (issue) => `moet tussen ${AGE_MIN} en ${AGE_MAX} liggen (nu ${describe(issue.input)}).` }),
      )
      .optional(),
    lokaleHulp: z
      .preprocess(
        (input) => (input === null ? {} : input),
        z.record(z.string(), helpPhrase(), {
          error: (issue) =>
            issue.input === undefined
              ? "ontbreekt."
              : `moet per soort lokale partner een korte tekst geven, bijvoorbeeld:\n  lokaleHulp:\n    belastinghulp: de aangifte voor haar overleden man`,
        }),
      )
      .default({}),
  });
}

// ---------------------------------------------------------------------------------------------
// Sections

type SectionValues = Pick<
  Casus,
  | "situatie"
  | "openingszin"
  | "echteVraag"
  | "lastig"
  | "acteur"
  | "intensiteit"
  | "belonen"
  | "escaleren"
  | "aanpak"
  | "doorverwijzing"
  | "privacy"
  | "kijkopdracht"
>;

/** One line of the body, with its heading when it is an ATX heading outside fenced code. */
interface Line {
  text: string;
  heading?: { depth: number; text: string };
}

interface Block {
  heading: string;
  lines: Line[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/**
 * Marks the headings of a Markdown body. A line scan rather than a full Markdown lex (marked):
 * the loader runs on every pack, a cold lex of ~45 files costs more than everything else, and
 * only headings outside fenced code, one list and one quote decide the structure.
 */
function scanLines(body: string): Line[] {
  let fence: string | undefined;
  return body.split("\n").map((text) => {
    const fenceMatch = FENCE.exec(text);
    if (fence !== undefined) {
      if (fenceMatch?.[1] !== undefined && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length)
        fence = undefined;
      return { text };
    }
    if (fenceMatch?.[1] !== undefined) {
      fence = fenceMatch[1];
      return { text };
    }
    const heading = ATX_HEADING.exec(text);
    if (heading?.[1] === undefined) return { text };
    return { text, heading: { depth: heading[1].length, text: (heading[2] ?? "").trim() } };
  });
}

/** Splits lines at headings of exactly `depth`; the lines before the first one are `before`. */
function splitAt(lines: readonly Line[], depth: number): { before: Line[]; blocks: Block[] } {
  const before: Line[] = [];
  const blocks: Block[] = [];
  for (const line of lines) {
    if (line.heading?.depth === depth) blocks.push({ heading: line.heading.text, lines: [] });
    else (blocks.at(-1)?.lines ?? before).push(line);
  }
  return { before, blocks };
}

// HTML comments are notes for whoever edits the file (the scaffold of `casussen nieuw` explains
// each section in one): they are no part of the casus, and a section with only a comment is empty.
// Source line wraps are no part of the text either: each paragraph and list item becomes one line,
// so speaker notes (which keep lines as lines) do not break a sentence where the file wrapped it.
const markdownOf = (lines: readonly Line[]): string =>
  unwrapMarkdown(
    lines
      .map((line) => line.text)
      .join("\n")
      .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
      .trim(),
  );

const foldHeading = (text: string): string => foldText(text).replace(/\s+/g, " ").trim();
const sameHeading = (a: string, b: string): boolean => foldHeading(a) === foldHeading(b);

const foldedHeadings = new WeakMap<object, string>();

/** The entry whose heading matches, ignoring case, accents and spacing. */
function findByHeading<T extends { heading: string }>(list: readonly T[], heading: string): T | undefined {
  const folded = foldHeading(heading);
  return list.find((item) => {
    let own = foldedHeadings.get(item);
    if (own === undefined) {
      own = foldHeading(item.heading);
      foldedHeadings.set(item, own);
    }
    return own === folded;
  });
}

function readSections(body: string): { values?: SectionValues; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines = scanLines(body);
  const { blocks } = splitAt(lines, 2);
  const allHeadings = lines.flatMap((line) => (line.heading === undefined ? [] : [line.heading]));
  const found = new Map<SectionKey, Block>();
  const expected = SECTIONS.map((section) => section.heading);

  for (const block of blocks) {
    const section = findByHeading(SECTIONS, block.heading);
    if (section === undefined) {
      problems.push({
        where: `onderdeel "## ${block.heading}"`,
        message: `is geen bekend onderdeel.${didYouMean(block.heading, expected)} Vaste onderdelen: ${expected.join(", ")}.`,
      });
    } else if (found.has(section.key)) {
      problems.push({
        where: `onderdeel "## ${section.heading}"`,
        message: "staat twee keer in het bestand. Voeg de twee samen.",
      });
    } else {
      found.set(section.key, block);
    }
  }

  const text: Partial<Record<SectionKey, string>> = {};
  for (const section of SECTIONS) {
    const block = found.get(section.key);
    if (block === undefined) {
      if (section.optional !== true)
        problems.push({ where: "", message: missingMessage(`## ${section.heading}`, 2, allHeadings) });
      continue;
    }
    const markdown = markdownOf(section.key === "acteur" ? splitAt(block.lines, 3).before : block.lines);
    if (markdown === "" && section.key !== "acteur")
      problems.push({ where: `onderdeel "## ${section.heading}"`, message: "is leeg. Vul het in." });
    text[section.key] = markdown;
  }

  const opening = found.get("openingszin");
  const openingszin = opening === undefined ? "" : openingLine(opening.lines);
  if (opening !== undefined && openingszin === "" && markdownOf(opening.lines) !== "")
    problems.push({
      where: 'onderdeel "## Wat de klant zegt"',
      message: 'bevat geen openingszin. Schrijf hem als citaat: > "…"',
    });

  const actor = found.get("acteur");
  const actorParts = actor === undefined ? undefined : readActor(actor.lines, allHeadings);
  problems.push(...(actorParts?.problems ?? []));

  if (problems.length > 0 || actorParts?.values === undefined) return { problems };
  return {
    problems,
    values: {
      situatie: text.situatie ?? "",
      openingszin,
      echteVraag: text.echteVraag ?? "",
      lastig: text.lastig ?? "",
      acteur: text.acteur ?? "",
      ...actorParts.values,
      aanpak: text.aanpak ?? "",
      doorverwijzing: text.doorverwijzing ?? "",
      privacy: text.privacy ?? "",
      ...(text.kijkopdracht === undefined ? {} : { kijkopdracht: text.kijkopdracht }),
    },
  };
}

/** "ontbreekt", with a pointer when the heading is there at the wrong level. */
function missingMessage(
  label: string,
  depth: number,
  headings: readonly { depth: number; text: string }[],
): string {
  const name = label.replace(/^#+ /, "");
  const misplaced = headings.find((heading) => heading.depth !== depth && sameHeading(heading.text, name));
  const base = `onderdeel "${label}" ontbreekt.`;
  if (misplaced === undefined) return base;
  return `${base} Er staat wel "${"#".repeat(misplaced.depth)} ${misplaced.text}"; gebruik ${depth} hekjes (${"#".repeat(depth)}).`;
}

function readActor(
  lines: readonly Line[],
  allHeadings: readonly { depth: number; text: string }[],
): { values?: Pick<SectionValues, "intensiteit" | "belonen" | "escaleren">; problems: Problem[] } {
  const problems: Problem[] = [];
  const { blocks } = splitAt(lines, 3);
  const found = new Map<ActorKey, Block>();
  const expected = ACTOR_SUBSECTIONS.map((sub) => sub.heading);
  for (const block of blocks) {
    const sub = findByHeading(ACTOR_SUBSECTIONS, block.heading);
    if (sub === undefined)
      problems.push({
        where: `onderdeel "### ${block.heading}"`,
        message: `is geen bekend onderdeel van "## Instructie voor de acteur".${didYouMean(block.heading, expected)} Vaste subkoppen: ${expected.join(", ")}.`,
      });
    else if (found.has(sub.key))
      problems.push({
        where: `onderdeel "### ${sub.heading}"`,
        message: "staat twee keer in het bestand. Voeg de twee samen.",
      });
    else found.set(sub.key, block);
  }
  const text: Partial<Record<ActorKey, string>> = {};
  for (const sub of ACTOR_SUBSECTIONS) {
    const block = found.get(sub.key);
    if (block === undefined) {
      problems.push({
        where: "",
        message: missingMessage(`### ${sub.heading}`, 3, allHeadings).replace(
          "ontbreekt.",
          'ontbreekt onder "## Instructie voor de acteur".',
        ),
      });
      continue;
    }
    text[sub.key] = markdownOf(block.lines);
    if (text[sub.key] === "")
      problems.push({ where: `onderdeel "### ${sub.heading}"`, message: "is leeg. Vul het in." });
  }
  const intensity = found.get("intensiteit");
  const levels = intensity === undefined ? undefined : readLevels(intensity.lines);
  if (levels?.problem !== undefined)
    problems.push({ where: 'onderdeel "### Intensiteit"', message: levels.problem });
  if (problems.length > 0 || levels?.levels === undefined) return { problems };
  return {
    problems,
    values: { intensiteit: levels.levels, belonen: text.belonen ?? "", escaleren: text.escaleren ?? "" },
  };
}

const LEVEL_LABEL = /^\s*(?:\*\*|__)\s*Niveau\s+(\d)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)\s*/i;

const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;

/** The items of the Markdown lists in these lines, de-indented; continuation lines join. */
function listItems(lines: readonly Line[]): string[] {
  const items: string[][] = [];
  let open = false;
  for (const { text } of lines) {
    const item = LIST_ITEM.exec(text);
    if (item !== null) {
      items.push([(item[1] ?? "").trim()]);
      open = true;
    } else if (text.trim() === "") {
      // After a blank line only an indented line still belongs to the item.
      open = false;
    } else if (items.length > 0 && (open || /^\s/.test(text))) {
      items.at(-1)?.push(text.trim());
      open = true;
    }
  }
  return items.map((item) => item.join("\n").trim());
}

function readLevels(lines: readonly Line[]): {
  levels?: [string, string, string];
  problem?: string;
} {
  const items = listItems(lines);
  const shape =
    "een lijst met precies drie punten: **Niveau 1:** …, **Niveau 2:** … en **Niveau 3:** …";
  if (items.length !== 3)
    return {
      problem: `moet ${shape} (nu ${items.length === 1 ? "1 punt" : `${items.length} punten`}).`,
    };
  const levels: string[] = [];
  const wrong: string[] = [];
  items.forEach((item, index) => {
    const match = LEVEL_LABEL.exec(item);
    if (match?.[1] !== String(index + 1))
      wrong.push(`punt ${index + 1} begint niet met **Niveau ${index + 1}:**`);
    levels.push(item.replace(LEVEL_LABEL, "").trim());
  });
  if (wrong.length > 0) return { problem: `moet ${shape}; ${joinDutch(wrong)}.` };
  const empty = levels.findIndex((level) => level === "");
  if (empty >= 0)
    return { problem: `niveau ${empty + 1} is leeg. Beschrijf hoe de klant zich dan gedraagt.` };
  return { levels: levels as [string, string, string] };
}

/** Plain text of the opening line: the quote (or else the text), without Markdown or quote marks. */
function openingLine(lines: readonly Line[]): string {
  const text = lines
    .map((line) => line.text)
    .join("\n")
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  const all = text.split("\n");
  const quoted = all.filter((line) => /^ {0,3}>/.test(line));
  const source = (quoted.length > 0 ? quoted : all).map((line) => line.replace(/^ {0,3}> ?/, ""));
  return stripQuotes(cleanLine(plainInline(source.join(" "))));
}

/** Inline Markdown to plain text: links keep their text; emphasis, code marks and HTML go. */
function plainInline(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>\n]+>/g, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!>"'])|\*\*|__|\*|`|~~/g, (_match, escaped?: string) => escaped ?? "")
    .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,!?])/g, "$1$2");
}

const QUOTE_PAIRS: readonly [string, string][] = [
  ['"', '"'],
  ["“", "”"],
  ["„", "”"],
  ["„", "“"],
  ["'", "'"],
  ["‘", "’"],
  ["«", "»"],
];

function stripQuotes(text: string): string {
  for (const [open, close] of QUOTE_PAIRS) {
    if (text.length >= 2 && text.startsWith(open) && text.endsWith(close))
      return text.slice(open.length, -close.length).trim();
  }
  return text;
}

/** File name without folder and `.md`, for the id check; undefined for non-.md sources. */
function baseName(source: string): string | undefined {
  const name = source.split(/[\\/]/).at(-1) ?? source;
  return /\.md$/i.test(name) ? name.slice(0, -3) : undefined;
}
