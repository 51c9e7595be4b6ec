import { z } from "zod";
import { parseTemplateData } from "../templates/data.js";
import { minutesOf, timeOf } from "../answers/values.js";
import type { Casus } from "../casussen/types.js";
import { lowerFirst } from "../domain/format.js";
import { nameOf, type Vocabulary } from "../domain/vocabulary.js";
import { choicesOf, listQuestions, type QuestionContext } from "../questions/define.js";
import { trainingSchema, type TrainingAnswers } from "../questions/training.js";
import { Markdown } from "../templates/escape.js";
import { buildCountdownRows, byDate, type CountdownItem, type CountdownRow } from "./countdown.js";
import { buildTrainingExtras, trainingExtraDocuments, type PlannedEvent } from "./extras.js";
import { buildSchedule, formatDuration, type BlockId, type ScheduleItem } from "./schedule.js";

/**
 * From validated answers and the selected casussen to a PackPlan: which documents to make, and
 * the one view model every template of the trainingspakket reads. Pure.
 */

const blockTextSchema = z.strictObject({
  titel: z.string(),
  doel: z.string(),
  werkvorm: z.string(),
  wie: z.string(),
  materialen: z.string(),
  instructie: z.string(),
});

const countdownSchema = z.union([
  z.strictObject({ dagen: z.number().int(), taak: z.string(), wie: z.string() }),
  z.strictObject({ voorbespreking: z.literal(true), taak: z.string(), wie: z.string() }),
]);

const programmeSchema = z.strictObject({
  blokken: z.strictObject({
    welkom: blockTextSchema,
    kennismaking: blockTextSchema,
    theorie: blockTextSchema,
    demonstratie: blockTextSchema,
    casus: blockTextSchema,
    pauze: blockTextSchema,
    reflectie: blockTextSchema,
    afsluiting: blockTextSchema,
  }),
  aftellen: z.array(countdownSchema).min(1),
});

/** The texts of `templates/training/programma.yaml`. */
export type ProgrammeTexts = z.output<typeof programmeSchema>;

/** Validates the programme texts; returns Dutch problems naming the field. */
export function parseProgrammeTexts(data: unknown, source: string): ProgrammeTexts {
  return parseTemplateData(programmeSchema, data, source);
}

/** A selected casus as the templates see it. Section texts are trusted Markdown. */
export interface CasusView {
  nummer: number;
  id: string;
  titel: string;
  thema: string;
  moeilijkheid: number;
  moeilijkheidLabel: string;
  klant: string;
  profiel: string[];
  partners: string[];
  lokalePartners: string[];
  vaardigheden: string[];
  openingszin: string;
  situatie: Markdown;
  echteVraag: Markdown;
  lastig: Markdown;
  acteur: Markdown;
  intensiteit: Markdown[];
  belonen: Markdown;
  escaleren: Markdown;
  aanpak: Markdown;
  doorverwijzing: Markdown;
  privacy: Markdown;
  /** The casus's own kijkopdracht; undefined when the casus has none. */
  kijkopdracht: Markdown | undefined;
  /** Casting: gender and age of the customer, when the casus gives them. */
  geslacht: string | undefined;
  leeftijd: number | undefined;
  /** Per local-partner kind id: what this customer needs there (follows "voor"). */
  lokaleHulp: Record<string, string>;
  redenen: string[];
  eigen: boolean;
  /** Clock times of this casus in the schedule. */
  start: string;
  eind: string;
}

export interface ScheduleRow {
  id: BlockId;
  start: string;
  eind: string;
  minuten: number;
  titel: string;
  doel: string;
  werkvorm: string;
  wie: string;
  materialen: string;
  instructie: Markdown;
  isPauze: boolean;
  isCasus: boolean;
  casus?: CasusView;
}

export interface SelectedCasusInput {
  casus: Casus;
  reasons: string[];
}

export interface TrainingPlanInput {
  answers: TrainingAnswers;
  selected: readonly SelectedCasusInput[];
  uncovered: readonly string[];
  programme: ProgrammeTexts;
  ctx: QuestionContext;
  version: string;
}

export interface PlannedDocument {
  file: string;
  template: string;
  /**
   * `docx`, `pptx`; `ics` a calendar invitation (the template gives its description); `mail` a
   * mail to paste (.txt, subject first); `html` a page that opens in any browser (the read-me).
   */
  format: "docx" | "pptx" | "ics" | "mail" | "html";
  title: string;
  /** Large type for hand-outs. */
  large?: boolean;
  /** For `ics`: the event. */
  event?: PlannedEvent;
}

export interface PackPlan<V> {
  documents: PlannedDocument[];
  view: V;
  /** Suggested folder name: library, location and date. */
  folderName: string;
}

const DIFFICULTY = ["", "rustig", "gemiddeld", "pittig"];

function labelOf(key: string, value: string | undefined, ctx: QuestionContext): string {
  if (value === undefined) return "";
  const question = listQuestions(trainingSchema).find((q) => q.key === key);
  // Labels are written for prompts; in running text they start lower-case ("medewerkers en …").
  return lowerFirst(choicesOf(question!, ctx).find((c) => c.value === value)?.label ?? value);
}

function labelsOf(
  key: string,
  values: readonly string[] | undefined,
  ctx: QuestionContext,
): string[] {
  return (values ?? []).map((v) => labelOf(key, v, ctx));
}

/** Builds the countdown: preparation and follow-up dates counted from the training date. */
export function buildCountdown(
  answers: TrainingAnswers,
  programme: ProgrammeTexts,
  today: string,
): CountdownRow[] {
  const counted = programme.aftellen.filter(
    (item) => !("voorbespreking" in item),
  ) as CountdownItem[];
  const rows = buildCountdownRows(answers.training.datum, counted, today, {
    day: "Trainingsdag",
    after: "na de training",
  });
  // The voorbespreking has its own agreed date.
  const voorbespreking = programme.aftellen
    .filter((item) => "voorbespreking" in item)
    .map((item) => ({
      datum: answers.acteur.voorbespreking,
      wanneer: "Voorbespreking",
      taak: item.taak,
      wie: item.wie,
      verlopen: answers.acteur.voorbespreking < today,
    }));
  return byDate([...rows, ...voorbespreking]);
}

function toCasusView(
  item: SelectedCasusInput,
  index: number,
  slot: ScheduleItem | undefined,
  vocabulary: Vocabulary,
): CasusView {
  const { casus } = item;
  return {
    nummer: index + 1,
    id: casus.id,
    titel: casus.titel,
    thema: nameOf(vocabulary.themas, casus.thema),
    moeilijkheid: casus.moeilijkheid,
    moeilijkheidLabel: DIFFICULTY[casus.moeilijkheid] ?? "",
    klant: casus.klant,
    profiel: casus.profiel.map((id) => lowerFirst(nameOf(vocabulary.profielen, id))),
    partners: casus.partners.map((id) => nameOf(vocabulary.instanties, id)),
    lokalePartners: casus.lokalePartners.map((id) =>
      lowerFirst(nameOf(vocabulary.lokalePartnerSoorten, id)),
    ),
    vaardigheden: casus.vaardigheden.map((id) => lowerFirst(nameOf(vocabulary.vaardigheden, id))),
    openingszin: casus.openingszin,
    situatie: new Markdown(casus.situatie),
    echteVraag: new Markdown(casus.echteVraag),
    lastig: new Markdown(casus.lastig),
    acteur: new Markdown(casus.acteur),
    // Levels sit in table cells, where a line break would end the row.
    intensiteit: casus.intensiteit.map((level) => new Markdown(level.replace(/\s*\n\s*/g, " "))),
    belonen: new Markdown(casus.belonen),
    escaleren: new Markdown(casus.escaleren),
    aanpak: new Markdown(casus.aanpak),
    doorverwijzing: new Markdown(casus.doorverwijzing),
    privacy: new Markdown(casus.privacy),
    kijkopdracht: casus.kijkopdracht === undefined ? undefined : new Markdown(casus.kijkopdracht),
    geslacht: casus.geslacht,
    leeftijd: casus.leeftijd,
    lokaleHulp: { ...casus.lokaleHulp },
    redenen: item.reasons,
    eigen: !casus.builtIn,
    start: slot?.start ?? "",
    eind: slot?.end ?? "",
  };
}

/** Consecutive casus slots merged into one programme line, for the programme slide. */
export function groupPracticeRows(
  rows: readonly ScheduleRow[],
): Array<ScheduleRow & { casusVan?: number; casusTot?: number }> {
  const out: Array<ScheduleRow & { casusVan?: number; casusTot?: number }> = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (row.isCasus && last?.isCasus) {
      last.eind = row.eind;
      last.minuten += row.minuten;
      last.casusTot = row.casus?.nummer;
    } else {
      out.push(
        row.isCasus
          ? { ...row, casusVan: row.casus?.nummer, casusTot: row.casus?.nummer }
          : { ...row },
      );
    }
  }
  return out;
}

/** A readable, file-system-safe folder name from parts (library, location, date). */
export function toFolderName(parts: readonly string[]): string {
  const name = parts
    .join(" ")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 80)
    .replace(/-+$/, "");
  return name || "pakket";
}

/** Builds the view model of the trainingspakket. */
export function buildTrainingView(input: TrainingPlanInput) {
  const { answers, ctx, programme } = input;
  const { vocabulary } = ctx;
  const schedule = buildSchedule(
    answers.training.starttijd,
    answers.training.eindtijd,
    input.selected.length,
  );
  const casusSlots = schedule.filter((item) => item.id === "casus");
  const casussen = input.selected.map((item, i) => toCasusView(item, i, casusSlots[i], vocabulary));

  const schema: ScheduleRow[] = schedule.map((item) => {
    const text = programme.blokken[item.id];
    const casus = item.casus === undefined ? undefined : casussen[item.casus - 1];
    return {
      id: item.id,
      start: item.start,
      eind: item.end,
      minuten: item.minutes,
      titel: casus ? `Casus ${casus.nummer}: ${casus.titel}` : text.titel,
      doel: text.doel,
      werkvorm: text.werkvorm,
      wie: text.wie,
      materialen: text.materialen,
      instructie: new Markdown(text.instructie.trim()),
      isPauze: item.id === "pauze",
      isCasus: item.id === "casus",
      ...(casus ? { casus } : {}),
    };
  });

  const poi =
    answers.bibliotheek.poi === "anders"
      ? { naam: answers.bibliotheek.poiAnders ?? "", provincies: "" }
      : (vocabulary.pois.find((p) => p.id === answers.bibliotheek.poi) ?? {
          naam: answers.bibliotheek.poi,
          provincies: "",
        });
  const focusIds = new Set(answers.focus.vaardigheden);
  const total = schedule.reduce((sum, item) => sum + item.minutes, 0);

  return {
    ...answers,
    poi: { naam: poi.naam, provincies: poi.provincies },
    labels: {
      vorm: labelOf("werkwijze.vorm", answers.werkwijze.vorm, ctx),
      bemensing: labelOf("werkwijze.bemensing", answers.werkwijze.bemensing, ctx),
      geheimhouding: labelOf("werkwijze.geheimhouding", answers.werkwijze.geheimhouding, ctx),
      registratie: labelOf("werkwijze.registratie", answers.werkwijze.registratie, ctx),
      samenstelling: labelOf("training.samenstelling", answers.training.samenstelling, ctx),
      ervaring: labelOf("training.ervaring", answers.training.ervaring, ctx),
      niveau: labelOf("focus.niveau", answers.focus.niveau, ctx),
    },
    werktMetVrijwilligers: answers.werkwijze.bemensing !== "medewerkers",
    landelijkePartners: answers.partners.landelijk.map((id) => {
      const found = vocabulary.instanties.find((i) => i.id === id);
      return {
        id,
        naam: found?.naam ?? id,
        vragen: found?.vragen ?? "",
        website: found?.website ?? "",
      };
    }),
    lokalePartners: answers.partners.lokaal.map((p) => ({
      ...p,
      soortNaam: nameOf(vocabulary.lokalePartnerSoorten, p.soort),
    })),
    maatregelen: labelsOf("inrichting.maatregelen", answers.inrichting.maatregelen, ctx),
    apparatuur: labelsOf("inrichting.apparatuur", answers.inrichting.apparatuur, ctx),
    vaardigheden: vocabulary.vaardigheden.filter((v) => focusIds.has(v.id)),
    focusOp: Object.fromEntries(vocabulary.vaardigheden.map((v) => [v.id, focusIds.has(v.id)])),
    acteurNaam: answers.acteur.naam ?? "de trainingsacteur",
    // The actor is asked to arrive half an hour early.
    acteurAanwezig: timeOf(Math.max(0, minutesOf(answers.training.starttijd) - 30)),
    duur: formatDuration(total),
    schema,
    programma: groupPracticeRows(schema),
    eersteCasus: casusSlots[0]?.start ?? "",
    aftellen: buildCountdown(answers, programme, ctx.today),
    casussen,
    nietGedekt: [...input.uncovered],
    meta: { versie: input.version, vandaag: ctx.today },
    pakket: buildTrainingExtras(answers, vocabulary),
  };
}

export type TrainingView = ReturnType<typeof buildTrainingView>;

/** The documents of the trainingspakket. */
export const TRAINING_DOCUMENTS: readonly PlannedDocument[] = [
  {
    file: "presentatie-vaardigheidstraining.pptx",
    template: "training/presentatie.md",
    format: "pptx",
    title: "Vaardigheidstraining IDO",
  },
  {
    file: "draaiboek.docx",
    template: "training/draaiboek.md",
    format: "docx",
    title: "Draaiboek vaardigheidstraining IDO",
  },
  {
    file: "briefing-trainingsacteur.docx",
    template: "training/briefing-trainingsacteur.md",
    format: "docx",
    title: "Briefing voor de trainingsacteur",
  },
  {
    file: "casussen-trainer.docx",
    template: "training/casussen-trainer.md",
    format: "docx",
    title: "Casussen voor kartrekker en acteur",
  },
  {
    file: "casussen-deelnemers.docx",
    template: "training/casussen-deelnemers.md",
    format: "docx",
    title: "Casuskaarten en kijkwijzer",
  },
];

/** Builds the plan of a trainingspakket. */
export function buildTrainingPlan(input: TrainingPlanInput): PackPlan<TrainingView> {
  const { answers } = input;
  const view = buildTrainingView(input);
  return {
    documents: [...TRAINING_DOCUMENTS, ...trainingExtraDocuments(answers, view.pakket)],
    view,
    folderName: toFolderName([
      "training",
      answers.bibliotheek.organisatie,
      answers.bibliotheek.vestiging,
      answers.training.datum,
    ]),
  };
}
