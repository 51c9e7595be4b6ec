import { validateAnswers } from "../answers/validate.js";
import { isBlank } from "../answers/values.js";
import { formatShortDate } from "../domain/format.js";
import {
  choicesOf,
  getPath,
  type Choice,
  type QuestionBase,
  type QuestionContext,
} from "../questions/define.js";
import { itemHeader, itemPrefix, schemaColumns, ITEM_COLUMNS, type ColumnSpec } from "./columns.js";
import type { PackKind } from "./kinds.js";
import { quoteCsvField } from "./report.js";

/**
 * The empty spreadsheet for a batch, described from the question schema: one column per question
 * (and per field of each list item), its help, an example value, whether it is required, the
 * allowed values and the dropdown choices. Pure; the .xlsx and .csv writers lay it out.
 */

export interface TemplateColumn {
  header: string;
  /** Question label (for a list item: list label and field label). */
  label: string;
  help: string;
  /** The example row's cell; may be empty (numbers stay numbers). */
  example: string | number;
  required: "ja" | "nee" | "standaard" | "soms";
  /** Human description of what the cell takes. */
  allowed: string;
  /** Values for a dropdown: choice labels, or ja/nee. Undefined when free text. */
  dropdown?: string[];
  /** Multi choices take several values, so the dropdown only helps (other input allowed). */
  dropdownStrict: boolean;
  /** Whole numbers; every other column is text, so Excel keeps leading zeros and dates as typed. */
  numeric: boolean;
  spec: ColumnSpec;
}

/** The text of the "Uitleg" sheet above the column table, one paragraph per line. */
export interface TemplateDescription {
  kind: PackKind;
  columns: TemplateColumn[];
  intro: string[];
}

const REQUIRED_TEXT: Record<TemplateColumn["required"], string> = {
  ja: "ja",
  nee: "nee, mag leeg blijven",
  standaard: "nee; leeg = idokit vult een standaard in",
  soms: "alleen als het van toepassing is",
};

/** Dutch phrase for the "Verplicht" column of the Uitleg sheet. */
export function requiredText(required: TemplateColumn["required"]): string {
  return REQUIRED_TEXT[required];
}

function requiredOf(question: QuestionBase, inList: boolean): TemplateColumn["required"] {
  if (question.when) return "soms";
  if (question.optional) return "nee";
  if (question.default) return "standaard";
  // The fields of a list item are required only for the items that are filled in.
  return inList ? "soms" : "ja";
}

function allowedOf(question: QuestionBase, choices: readonly Choice[]): string {
  switch (question.kind) {
    case "date":
      return "datum als dd-mm-jjjj, bijvoorbeeld 13-03-2027";
    case "time":
      return "tijd als uu:mm, bijvoorbeeld 13:30";
    case "integer":
      return `heel getal${question.min !== undefined ? ` van ${question.min}` : ""}${question.max !== undefined ? ` tot en met ${question.max}` : ""}`;
    case "confirm":
      return "ja of nee";
    case "email":
      return "e-mailadres";
    case "phone":
      return "telefoonnummer (de kolom is tekst, zodat de 0 vooraan blijft)";
    case "color":
      return "kleur als hexcode, bijvoorbeeld #1F4E79";
    case "file":
      return "pad naar een PNG- of JPEG-bestand, vanaf de map van dit spreadsheet";
    case "choice":
      return `één van: ${choices.map((c) => c.label).join(" / ")}`;
    case "multi":
      return `één of meer van (gescheiden door ;): ${choices.map((c) => `${c.value} (${c.label})`).join(", ")}`;
    case "textlist":
      return "tekst; meer punten gescheiden door een puntkomma (;)";
    case "textarea":
      return `tekst, hoogstens ${question.max ?? 2000} tekens`;
    default:
      return `tekst, hoogstens ${question.max ?? 200} tekens`;
  }
}

/** The text a cell shows for a normalised answer, in the form the batch reads back. */
export function toCellValue(
  question: QuestionBase,
  value: unknown,
  ctx: QuestionContext,
): string | number {
  if (value === undefined || value === null) return "";
  switch (question.kind) {
    case "date":
      return formatShortDate(value as string);
    case "integer":
      return value as number;
    case "confirm":
      return value ? "ja" : "nee";
    case "color":
      return `#${value as string}`;
    case "choice":
      // The label, as the dropdown offers it; the batch accepts labels and values alike.
      return choicesOf(question, ctx).find((c) => c.value === value)?.label ?? String(value);
    case "multi":
    case "textlist":
      return (value as string[]).join("; ");
    default:
      return String(value);
  }
}

/**
 * Describes the empty spreadsheet of a pack kind. The example row holds the example answers
 * (validated, so it reads back without problems), but only the values the example gives: columns
 * with a computed default stay empty, as a user would leave them.
 */
export function describeTemplate(
  kind: PackKind,
  example: Record<string, unknown>,
  ctx: QuestionContext,
): TemplateDescription {
  const validation = validateAnswers(kind.schema, example, ctx);
  const normalised = validation.draft;
  const columns = schemaColumns(kind.schema).map((spec): TemplateColumn => {
    const { question, item } = spec;
    const choices = choicesOf(question, ctx);
    const given = getPath(example, spec.key);
    let exampleValue: string | number = "";
    if (item) {
      const items = getPath(normalised, spec.key) as Array<Record<string, unknown>> | undefined;
      exampleValue = toCellValue(question, items?.[item.index - 1]?.[item.field], ctx);
    } else if (!isBlank(given)) {
      exampleValue = toCellValue(question, getPath(normalised, spec.key), ctx);
    }
    const dropdown =
      question.kind === "confirm"
        ? ["ja", "nee"]
        : question.kind === "choice"
          ? choices.map((c) => c.label)
          : question.kind === "multi"
            ? choices.map((c) => c.value)
            : undefined;
    return {
      header: spec.header,
      label: item ? `${item.list.label} ${item.index}: ${question.label}` : question.label,
      help: question.help,
      example: exampleValue,
      required: requiredOf(question, item !== undefined),
      allowed: allowedOf(question, choices),
      ...(dropdown ? { dropdown } : {}),
      dropdownStrict: question.kind === "choice" || question.kind === "confirm",
      numeric: question.kind === "integer",
      spec,
    };
  });
  return { kind, columns, intro: introOf(kind, columns) };
}

function introOf(kind: PackKind, columns: readonly TemplateColumn[]): string[] {
  const lists = [
    ...new Map(
      columns.filter((c) => c.spec.item).map((c) => [c.spec.key, c.spec.item!.list]),
    ).values(),
  ];
  return [
    `Sjabloon voor idokit batch: één ${kind.label} per rij van het eerste blad.`,
    "Rij 1 bevat de kolomnamen: laat die staan (hoofdletters, spaties en accenten maken niet uit). Kolommen die niet verplicht zijn mag je weglaten.",
    "Rij 2 is een voorbeeld van een verzonnen bibliotheek: overschrijf die met je eerste bibliotheek, of verwijder hem.",
    "Datums schrijf je als dd-mm-jjjj (13-03-2027), tijden als uu:mm (13:30). Alle kolommen zijn tekstkolommen, zodat Excel niets omzet; een echte datumcel mag ook.",
    "Meer waarden in één cel (gemeenten, partners, vaardigheden) scheid je met een puntkomma (;).",
    ...lists.map((list) => {
      const fields = Object.keys(list.fields ?? {});
      return `${list.label}: elke ${itemPrefix(list).toLowerCase()} krijgt ${fields.length} kolommen (${fields.map((f) => `"${itemHeader(list, 1, f)}"`).join(", ")}). Er zijn kolommen voor ${ITEM_COLUMNS}; meer nodig? Voeg kolommen toe met het volgende nummer, zoals "${itemHeader(list, ITEM_COLUMNS + 1, fields[0] ?? "")}" (tot en met ${list.max ?? ITEM_COLUMNS}). Vul per ingevulde ${itemPrefix(list).toLowerCase()} alle kolommen in.`;
    }),
    "Keuzekolommen hebben een keuzelijst. Bij kolommen met meer keuzes (gescheiden door ;) staan de mogelijke waarden hieronder.",
    "Lege cel in een kolom met een standaard: idokit vult de standaard in. Waarden die voor alle bibliotheken gelden, kun je ook één keer in een antwoordenbestand zetten: idokit batch bibliotheken.xlsx --antwoorden gemeenschappelijk.yaml (een cel in de rij gaat voor).",
    "Maak de pakketten met: idokit batch bibliotheken.xlsx. Daarna staat in de uitvoermap rapport.csv met per rij wat er gemaakt is en wat er eventueel verbeterd moet worden.",
  ];
}

/**
 * The CSV variant: header and example row, `;`-separated, UTF-8 with a BOM and CRLF line ends, as
 * Dutch Excel opens it with a double click.
 */
export function buildTemplateCsv(description: TemplateDescription): string {
  const lines = [
    description.columns.map((c) => quoteCsvField(c.header)),
    description.columns.map((c) => quoteCsvField(String(c.example))),
  ];
  return `\uFEFF${lines.map((fields) => fields.join(";")).join("\r\n")}\r\n`;
}
