import { z } from "zod";
import { buildCountdownRows, daysBetween, type CountdownRow } from "./countdown.js";
import { parseTemplateData } from "../templates/data.js";
import { isBlank } from "../answers/values.js";
import { formatDate, formatShortDate, lowerFirst } from "../domain/format.js";
import { nameOf } from "../domain/vocabulary.js";
import {
  choicesOf,
  getPath,
  listQuestions,
  type Question,
  type QuestionContext,
} from "../questions/define.js";
import {
  bijeenkomstSchema,
  WERKAFSPRAAK_CHOICES,
  WERKAFSPRAAK_QUESTIONS,
  WERKAFSPRAKEN,
  WERKAFSPRAKEN_GROUPS,
  type BijeenkomstAnswers,
  type Werkafspraak,
  type WerkafsprakenGroup,
} from "../questions/bijeenkomst.js";
import { trainingSchema } from "../questions/training.js";
import { Markdown } from "../templates/escape.js";
import { buildAgenda, HURRIED_TOPIC_MINUTES, type AgendaId } from "./agenda.js";
import { bijeenkomstExtraDocuments, buildBijeenkomstExtras } from "./extras.js";
import { formatDuration } from "./schedule.js";
import { toFolderName, type PackPlan, type PlannedDocument } from "./training-plan.js";

/**
 * From validated bijeenkomst answers to a PackPlan: the agenda with clock times, one view model
 * for the handleiding, the presentation and the werkafspraken form, and the partial training
 * answers that come out of the meeting. Pure.
 */

const blockSchema = z.strictObject({
  titel: z.string(),
  doel: z.string(),
  werkvorm: z.string(),
  instructie: z.string(),
});

const topicSchema = z.strictObject({
  doel: z.string(),
  dia: z.array(z.string()).min(1),
  vragen: z.array(z.string()).min(1),
  tips: z.string(),
});

const agendaTextsSchema = z.strictObject({
  blokken: z.strictObject({
    welkom: blockSchema,
    stand: blockSchema,
    pauze: blockSchema,
    training: blockSchema,
    afsluiting: blockSchema,
  }),
  onderwerpen: z.strictObject(
    Object.fromEntries(WERKAFSPRAKEN.map((t) => [t, topicSchema])) as Record<
      Werkafspraak,
      typeof topicSchema
    >,
  ),
  rollen: z.record(z.string(), z.string()),
  planning: z
    .array(z.strictObject({ dagen: z.number().int(), taak: z.string(), wie: z.string() }))
    .min(1),
});

/** The texts of `templates/bijeenkomst/agenda.yaml`. */
export type AgendaTexts = z.output<typeof agendaTextsSchema>;

/** Validates the agenda texts; throws a Dutch message naming the field. */
export function parseAgendaTexts(data: unknown, source: string): AgendaTexts {
  return parseTemplateData(agendaTextsSchema, data, source);
}

export interface BijeenkomstPlanInput {
  answers: BijeenkomstAnswers;
  texts: AgendaTexts;
  ctx: QuestionContext;
  version: string;
}

/** One known answer in words, for "wat we al weten". */
export interface KnownFact {
  label: string;
  waarde: string;
  /** The items of a list answer (what staff do and do not do), shown as a list. */
  items: string[];
}

/** A werkafspraak as the templates see it. */
export interface TopicView {
  id: Werkafspraak;
  titel: string;
  /** On the agenda as an item of its own (open), or only checked (vastgesteld). */
  open: boolean;
  doel: string;
  /** Short questions for the slide. */
  dia: string[];
  /** The questions the meeting answers, for the handleiding and the speaker notes. */
  vragen: string[];
  tips: Markdown;
  /** What the answers already say about this topic. */
  bekend: KnownFact[];
  /** Clock times of its agenda item (open topics only). */
  start: string;
  eind: string;
  minuten: number;
}

export interface AgendaRow {
  id: AgendaId;
  start: string;
  eind: string;
  minuten: number;
  titel: string;
  doel: string;
  werkvorm: string;
  instructie: Markdown;
  isPauze: boolean;
  isOnderwerp: boolean;
  onderwerp?: TopicView;
}

export type PlanningRow = CountdownRow;

/** One option of a choice question on the form: ☒ when it is the known answer. */
export interface FormOption {
  label: string;
  gekozen: boolean;
}

/** One question on the werkafspraken form, derived from the training schema. */
export interface FormQuestion {
  key: string;
  label: string;
  help: string;
  /** Only asked for some answers (the schema's `when`): the form says "if this applies". */
  voorwaarde: boolean;
  bekend: boolean;
  /** One of the four ways to print a question. */
  isTekst: boolean;
  isLijst: boolean;
  isKeuze: boolean;
  isTabel: boolean;
  /** Text answer (isTekst). */
  waarde: string;
  /** Known items (isLijst). */
  items: string[];
  /** Options (isKeuze), and whether more than one may be ticked. */
  opties: FormOption[];
  meerdere: boolean;
  /** Fill-in lines under the question (unknown answers, or room for additions). */
  regels: number;
  /** Table of items with one column per field (isTabel, e.g. local partners). */
  kolommen: string[];
  /** Relative column widths for the table's `kolommen` directive: "20,20,30,30". */
  breedtes: string;
  rijen: string[][];
  /** Empty rows to fill in, each with one empty cell per column. */
  legeRijen: string[][];
  /** Choice fields of the items, with their options in one line. */
  veldkeuzes: Array<{ label: string; opties: string }>;
}

/** One part of the form: one of the four training groups. */
export interface FormGroup {
  id: WerkafsprakenGroup;
  titel: string;
  open: boolean;
  vragen: FormQuestion[];
}

/** Empty rows offered below the known local partners on the form. */
export const EMPTY_PARTNER_ROWS = 3;
/** Writing lines for an unknown answer, by kind. */
const FILL_LINES: Partial<Record<Question["kind"], number>> = {
  text: 2,
  textarea: 4,
  textlist: 4,
  date: 1,
  time: 1,
  email: 1,
  phone: 1,
  integer: 1,
  color: 1,
  file: 1,
};

const topicTitle = (topic: Werkafspraak): string =>
  WERKAFSPRAAK_CHOICES.find((c) => c.value === topic)?.label ?? topic;

/** A known answer in words: choice labels, lists joined, yes/no, dates written out. */
function describe(question: Question, value: unknown, ctx: QuestionContext): string {
  const label = (v: string): string =>
    choicesOf(question, ctx).find((c) => c.value === v)?.label ?? v;
  switch (question.kind) {
    case "choice":
      return label(String(value));
    case "multi": {
      // Fixed choices read as a phrase ("een aparte plek, een privacyscherm"); vocabulary
      // choices are names and keep their capitals ("Belastingdienst, Dienst Toeslagen").
      const names = typeof question.choices === "function";
      return (value as string[])
        .map((v, i) => (i === 0 || names ? label(v) : lowerFirst(label(v))))
        .join(", ");
    }
    case "textlist":
      return (value as string[]).join("; ");
    case "confirm":
      return value ? "Ja" : "Nee";
    case "date":
      return formatDate(String(value));
    case "list":
      return (value as Array<Record<string, unknown>>).map((item) => String(item.naam)).join(", ");
    default:
      return String(value);
  }
}

function toFormQuestion(question: Question, draft: unknown, ctx: QuestionContext): FormQuestion {
  const value = getPath(draft, question.key);
  const bekend = !isBlank(value);
  const base: FormQuestion = {
    key: question.key,
    label: question.label,
    help: question.help,
    voorwaarde: question.when !== undefined,
    bekend,
    isTekst: false,
    isLijst: false,
    isKeuze: false,
    isTabel: false,
    waarde: "",
    items: [],
    opties: [],
    meerdere: false,
    regels: 0,
    kolommen: [],
    breedtes: "",
    rijen: [],
    legeRijen: [],
    veldkeuzes: [],
  };
  switch (question.kind) {
    case "choice":
    case "multi": {
      const chosen = new Set(
        bekend ? (Array.isArray(value) ? (value as string[]) : [String(value)]) : [],
      );
      return {
        ...base,
        isKeuze: true,
        meerdere: question.kind === "multi",
        opties: choicesOf(question, ctx).map((c) => ({
          label: c.label,
          gekozen: chosen.has(c.value),
        })),
      };
    }
    case "confirm":
      return {
        ...base,
        isKeuze: true,
        opties: [
          { label: "Ja", gekozen: value === true },
          { label: "Nee", gekozen: value === false },
        ],
      };
    case "textlist":
      return {
        ...base,
        isLijst: true,
        items: bekend ? [...(value as string[])] : [],
        // Known lists get room for additions; unknown ones room for the whole list.
        regels: bekend ? 2 : (FILL_LINES.textlist ?? 4),
      };
    case "list": {
      const fields = Object.entries(question.fields ?? {});
      const items = bekend ? (value as Array<Record<string, unknown>>) : [];
      return {
        ...base,
        isTabel: true,
        kolommen: fields.map(([, field]) => field.label),
        // Choices are short; free text needs room to write in.
        breedtes: fields.map(([, field]) => (field.kind === "choice" ? 2 : 3)).join(","),
        rijen: items.map((item) =>
          fields.map(([name, field]) =>
            item[name] === undefined ? "" : describe({ ...field, key: name }, item[name], ctx),
          ),
        ),
        legeRijen: Array.from({ length: EMPTY_PARTNER_ROWS }, () => fields.map(() => "")),
        veldkeuzes: fields
          .filter(([, field]) => field.kind === "choice")
          .map(([, field]) => ({
            label: field.label,
            opties: choicesOf(field, ctx)
              .map((c) => c.label)
              .join(" · "),
          })),
      };
    }
    default:
      return {
        ...base,
        isTekst: true,
        waarde: bekend ? describe(question, value, ctx) : "",
        regels: bekend ? 0 : (FILL_LINES[question.kind] ?? 2),
      };
  }
}

/**
 * The werkafspraken form: every question of the training's werkwijze, partners, inrichting and
 * privacy groups, in schema order, with labels, help and choices from the question objects and
 * the known answers filled in. Built from the schema itself, so the form cannot drift from it.
 */
export function buildWerkafsprakenForm(
  answers: BijeenkomstAnswers,
  open: ReadonlySet<Werkafspraak>,
  ctx: QuestionContext,
): FormGroup[] {
  return WERKAFSPRAKEN_GROUPS.map((group) => ({
    id: group,
    titel: topicTitle(group),
    open: open.has(group),
    vragen: listQuestions({ [group]: trainingSchema[group] }).map((q) =>
      toFormQuestion(q, answers, ctx),
    ),
  }));
}

const bijeenkomstQuestionsByKey = new Map(listQuestions(bijeenkomstSchema).map((q) => [q.key, q]));

/** What the answers already say about a werkafspraak, question by question. */
function knownFacts(topic: Werkafspraak, answers: BijeenkomstAnswers, ctx: QuestionContext) {
  return WERKAFSPRAAK_QUESTIONS[topic].flatMap((key): KnownFact[] => {
    const question = bijeenkomstQuestionsByKey.get(key);
    const value = getPath(answers, key);
    if (!question || isBlank(value)) return [];
    const items = question.kind === "textlist" ? [...(value as string[])] : [];
    return [{ label: question.label, waarde: describe(question, value, ctx), items }];
  });
}

/**
 * Every known answer of the four werkafspraken groups in words, by group and key
 * (`waarden.werkwijze.vorm` → "Inloop én op afspraak"), for slides that pick what they show.
 */
export function describeWerkafspraken(
  answers: BijeenkomstAnswers,
  ctx: QuestionContext,
): Record<WerkafsprakenGroup, Record<string, string>> {
  const out = Object.fromEntries(WERKAFSPRAKEN_GROUPS.map((g) => [g, {}])) as Record<
    WerkafsprakenGroup,
    Record<string, string>
  >;
  for (const group of WERKAFSPRAKEN_GROUPS) {
    for (const question of listQuestions({ [group]: trainingSchema[group] })) {
      const value = getPath(answers, question.key);
      if (!isBlank(value))
        out[group][question.key.slice(group.length + 1)] = describe(question, value, ctx);
    }
  }
  return out;
}

/** Preparation and follow-up dates counted from the meeting date, on working days, in date order. */
export function buildPlanning(
  datum: string,
  planning: AgendaTexts["planning"],
  today: string,
): PlanningRow[] {
  return buildCountdownRows(datum, planning, today, {
    day: "Dag van de bijeenkomst",
    after: "na de bijeenkomst",
  });
}

/**
 * The answers the meeting feeds into the training: the groups the training shares with the
 * bijeenkomst as far as they are known, and the planned training date. Serialised with the
 * training schema this is an answers file that `idokit training --antwoorden` reads; the kartrekker
 * adds the rest of the training's own questions.
 */
export function toWerkafsprakenAnswers(
  answers: BijeenkomstAnswers,
): Record<string, unknown> & Pick<BijeenkomstAnswers, "huisstijl"> {
  const { bibliotheek, kartrekker, werkwijze, partners, inrichting, privacy, huisstijl } = answers;
  const datum = answers.bijeenkomst.trainingsdatum;
  return {
    bibliotheek,
    kartrekker,
    werkwijze,
    partners,
    inrichting,
    privacy,
    ...(datum === undefined ? {} : { training: { datum } }),
    huisstijl,
  };
}

/** Builds the view model every template of the bijeenkomstpakket reads. */
export function buildBijeenkomstView(input: BijeenkomstPlanInput) {
  const { answers, ctx, texts } = input;
  const { vocabulary } = ctx;
  const { bijeenkomst } = answers;
  const openIds = WERKAFSPRAKEN.filter((t) => (bijeenkomst.open ?? []).includes(t));
  const open = new Set<Werkafspraak>(openIds);
  const agenda = buildAgenda(bijeenkomst.starttijd, bijeenkomst.eindtijd, openIds);

  const topics = new Map<Werkafspraak, TopicView>(
    WERKAFSPRAKEN.map((id) => {
      const slot = agenda.find((item) => item.onderwerp === id);
      const text = texts.onderwerpen[id];
      return [
        id,
        {
          id,
          titel: topicTitle(id),
          open: open.has(id),
          doel: text.doel,
          dia: text.dia,
          vragen: text.vragen,
          tips: new Markdown(text.tips.trim()),
          bekend: knownFacts(id, answers, ctx),
          start: slot?.start ?? "",
          eind: slot?.end ?? "",
          minuten: slot?.minutes ?? 0,
        },
      ];
    }),
  );

  const rows: AgendaRow[] = agenda.map((item) => {
    const topic = item.onderwerp === undefined ? undefined : topics.get(item.onderwerp);
    const block = item.id === "onderwerp" ? undefined : texts.blokken[item.id];
    return {
      id: item.id,
      start: item.start,
      eind: item.end,
      minuten: item.minutes,
      titel: topic?.titel ?? block?.titel ?? "",
      doel: topic?.doel ?? block?.doel ?? "",
      werkvorm: topic ? "Gesprek aan de hand van de vragen" : (block?.werkvorm ?? ""),
      instructie: new Markdown(block?.instructie.trim() ?? ""),
      isPauze: item.id === "pauze",
      isOnderwerp: item.id === "onderwerp",
      ...(topic ? { onderwerp: topic } : {}),
    };
  });

  const poi =
    answers.bibliotheek.poi === "anders"
      ? { naam: answers.bibliotheek.poiAnders ?? "", provincies: "" }
      : (vocabulary.pois.find((p) => p.id === answers.bibliotheek.poi) ?? {
          naam: answers.bibliotheek.poi,
          provincies: "",
        });
  const aanwezigenQuestion = bijeenkomstQuestionsByKey.get("bijeenkomst.aanwezigen")!;
  const total = agenda.reduce((n, item) => n + item.minutes, 0);
  const hurried = openIds.filter((t) => (topics.get(t)?.minuten ?? 0) < HURRIED_TOPIC_MINUTES);
  const waarschuwingen: string[] = [];
  if (hurried.length > 0)
    waarschuwingen.push(
      `Er is weinig tijd per open werkafspraak (${hurried.map((t) => topicTitle(t).toLowerCase()).join(", ")}: minder dan ${HURRIED_TOPIC_MINUTES} minuten). Maak de bijeenkomst langer, of bespreek een deel in een volgend teamoverleg.`,
    );
  const trainingsdatum = bijeenkomst.trainingsdatum;
  const wekenTotTraining =
    trainingsdatum === undefined
      ? undefined
      : Math.floor(daysBetween(bijeenkomst.datum, trainingsdatum) / 7);
  if (wekenTotTraining !== undefined && wekenTotTraining < 3)
    waarschuwingen.push(
      `De training (${formatShortDate(trainingsdatum!)}) is minder dan drie weken na de bijeenkomst. Stuur de afspraken dan zo snel mogelijk naar de POI-adviseur, zodat de trainingsacteur ze op tijd heeft.`,
    );

  return {
    ...answers,
    poi: { naam: poi.naam, provincies: poi.provincies },
    begeleider: bijeenkomst.poiBegeleider ?? "de POI-begeleider",
    aanwezigen: (bijeenkomst.aanwezigen ?? []).map((id) => ({
      id,
      naam: choicesOf(aanwezigenQuestion, ctx).find((c) => c.value === id)?.label ?? id,
      rol: texts.rollen[id] ?? "",
    })),
    werktMetVrijwilligers:
      answers.werkwijze.bemensing === "vrijwilligers" || answers.werkwijze.bemensing === "beide",
    lokalePartners: (answers.partners.lokaal ?? []).map((p) => ({
      ...p,
      soortNaam: nameOf(vocabulary.lokalePartnerSoorten, p.soort),
    })),
    duur: formatDuration(total),
    agenda: rows,
    openOnderwerpen: openIds.map((t) => topics.get(t)!),
    vasteOnderwerpen: WERKAFSPRAKEN.filter((t) => !open.has(t)).map((t) => topics.get(t)!),
    onderwerp: Object.fromEntries(topics),
    waarden: describeWerkafspraken(answers, ctx),
    formulier: buildWerkafsprakenForm(answers, open, ctx),
    // Werkafspraken the training does not ask about get free writing space on the form.
    formulierExtra: WERKAFSPRAKEN.filter((t) => WERKAFSPRAAK_QUESTIONS[t].length === 0).map((t) =>
      topics.get(t)!,
    ),
    planning: buildPlanning(bijeenkomst.datum, texts.planning, ctx.today),
    wekenTotTraining: wekenTotTraining ?? null,
    waarschuwingen,
    meta: { versie: input.version, vandaag: ctx.today },
    pakket: buildBijeenkomstExtras(answers),
  };
}

export type BijeenkomstView = ReturnType<typeof buildBijeenkomstView>;

/** The documents of the bijeenkomstpakket. */
export const BIJEENKOMST_DOCUMENTS: readonly PlannedDocument[] = [
  {
    file: "handleiding-lokale-bijeenkomst.docx",
    template: "bijeenkomst/handleiding.md",
    format: "docx",
    title: "Handleiding lokale IDO-bijeenkomst",
  },
  {
    file: "presentatie-lokale-bijeenkomst.pptx",
    template: "bijeenkomst/presentatie.md",
    format: "pptx",
    title: "Lokale IDO-bijeenkomst",
  },
  {
    file: "werkafspraken-formulier.docx",
    template: "bijeenkomst/werkafspraken-formulier.md",
    format: "docx",
    title: "Werkafspraken IDO",
  },
];

/** Builds the plan of a bijeenkomstpakket. */
export function buildBijeenkomstPlan(input: BijeenkomstPlanInput): PackPlan<BijeenkomstView> {
  const { answers } = input;
  const view = buildBijeenkomstView(input);
  return {
    documents: [...BIJEENKOMST_DOCUMENTS, ...bijeenkomstExtraDocuments(answers, view.pakket)],
    view,
    folderName: toFolderName([
      "bijeenkomst",
      answers.bibliotheek.organisatie,
      answers.bibliotheek.vestiging,
      answers.bijeenkomst.datum,
    ]),
  };
}
