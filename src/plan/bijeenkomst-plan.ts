import { z } from "zod";
import { buildCountdownRows, daysBetween, type CountdownRow } from "./countdown.js";
import { parseTemplateData } from "../templates/data.js";
import { isBlank } from "../answers/values.js";
import {
  enumerate,
  formatDate,
  formatShortDate,
  inSentence,
  lowerFirst,
  upperFirst,
} from "../domain/format.js";
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
import {
  choiceText,
  choiceTexts,
  instantieName,
  instantieText,
  properNouns,
  toPartnerView,
  type PartnerView,
} from "./words.js";

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
    omgeving: blockSchema,
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

/**
 * One known answer as a statement, for "wat we al weten": a sentence for the handleiding, a
 * short line for a slide, and the items of a list answer (what staff do and do not do).
 */
export interface KnownFact {
  /** The statement as a sentence. (Not `zin`: that is a template helper's name.) */
  regel: string;
  kort: string;
  items: string[];
  /** The lines a slide shows for it: the short line, or the red lines of what staff never do. */
  dia: string[];
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
  /** The slide's lines for what is known ("Zo is het nu"); empty: the slide has no such column. */
  nuOpDia: string[];
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
  /**
   * What to do on the form ("Kruis aan wat geldt:"), or "" when the help already says it, so the
   * instruction is never given twice.
   */
  aanwijzing: string;
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
  /** Settled, but with questions still unanswered: "ligt grotendeels vast". */
  onvolledig: boolean;
  vragen: FormQuestion[];
}

/** Empty rows offered below the known local partners on the form: the meeting completes the list. */
export const EMPTY_PARTNER_ROWS = 5;
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
    aanwijzing: "",
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
      const says = /aan wat geldt|kies (er )?(één|een)/iu.test(question.help);
      return {
        ...base,
        aanwijzing: says ? "" : question.kind === "multi" ? "Kruis aan wat geldt:" : "Kies er één:",
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
        aanwijzing: "Kies er één:",
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
  return WERKAFSPRAKEN_GROUPS.map((group) => {
    const questions = listQuestions({ [group]: trainingSchema[group] });
    const vragen = questions.map((q) => toFormQuestion(q, answers, ctx));
    const applies = (q: Question) =>
      !q.when || q.when(answers as unknown as Record<string, unknown>);
    const onvolledig = questions.some((q, i) => applies(q) && !vragen[i]!.bekend);
    return { id: group, titel: topicTitle(group), open: open.has(group), onvolledig, vragen };
  });
}

const bijeenkomstQuestionsByKey = new Map(listQuestions(bijeenkomstSchema).map((q) => [q.key, q]));

/** The wording of a choice answer of the training schema ("met inloop én op afspraak"). */
function choiceOf(key: string, value: string | undefined, ctx: QuestionContext): string {
  const question = trainingQuestionsByKey.get(key);
  return value === undefined || question === undefined ? "" : choiceText(question, value, ctx);
}

const trainingQuestionsByKey = new Map(listQuestions(trainingSchema).map((q) => [q.key, q]));

// A measure of the privacy set-up that the description of the place already mentions is not
// repeated.
const MEASURE_WORDS: Readonly<Record<string, readonly string[]>> = {
  "aparte-plek": ["apart", "rustig"],
  spreekkamer: ["spreekkamer"],
  privacyscherm: ["privacyscherm", "privacyfilter"],
  "twee-schermen": ["twee schermen", "tweede scherm"],
  "eigen-apparaat": ["eigen apparaat", "eigen telefoon"],
};

const fact = (
  regel: string,
  kort: string,
  items: string[] = [],
  dia = kort === "" ? [] : [kort],
): KnownFact => ({
  regel,
  kort,
  items,
  dia,
});

/**
 * What the answers already say about a werkafspraak, as statements ("Het IDO is open op …"),
 * never as "Label: Antwoord". Open issues (not every volunteer signed) are left out here: they
 * are action points, not settled facts.
 */
function knownFacts(
  topic: Werkafspraak,
  answers: BijeenkomstAnswers,
  partners: readonly PartnerView[],
  keep: readonly string[],
  ctx: QuestionContext,
): KnownFact[] {
  const { werkwijze, inrichting, privacy } = answers;
  const facts: KnownFact[] = [];
  switch (topic) {
    case "werkwijze": {
      const vorm = choiceOf("werkwijze.vorm", werkwijze.vorm, ctx);
      if (werkwijze.openingstijden !== undefined) {
        const hours = inSentence(werkwijze.openingstijden, keep);
        const named = /inloop|afspraak/iu.test(werkwijze.openingstijden);
        const withForm = vorm !== "" && !named ? `, ${vorm}` : "";
        facts.push(
          fact(`Het IDO is open op ${hours}${withForm}.`, upperFirst(`${hours}${withForm}`)),
        );
      } else if (vorm !== "") facts.push(fact(`Het IDO werkt ${vorm}.`, upperFirst(vorm)));
      const bemensing = choiceOf("werkwijze.bemensing", werkwijze.bemensing, ctx);
      if (bemensing !== "")
        facts.push(fact(`Aan de IDO-tafel staan ${bemensing}.`, `Aan de IDO-tafel: ${bemensing}`));
      if (werkwijze.geheimhouding === "ja")
        facts.push(
          fact(
            "Alle vrijwilligers hebben een geheimhoudingsverklaring getekend.",
            "Vrijwilligers tekenen een geheimhoudingsverklaring",
          ),
        );
      break;
    }
    case "registratie": {
      if (werkwijze.registratie === "geen")
        facts.push(fact("We registreren de vragen nog niet.", "Nog geen registratie van vragen"));
      else if (werkwijze.registratie !== undefined) {
        const where = choiceOf("werkwijze.registratie", werkwijze.registratie, ctx);
        facts.push(fact(`We registreren de vragen ${where}.`, upperFirst(`registratie ${where}`)));
      }
      if (werkwijze.registratieToelichting !== undefined) {
        const what = inSentence(werkwijze.registratieToelichting, keep);
        facts.push(fact(`Bij het registreren leggen we dit vast: ${what}.`, upperFirst(what)));
      }
      break;
    }
    case "partners": {
      const ids = answers.partners.landelijk ?? [];
      if (ids.length > 0)
        facts.push(
          fact(
            `We hebben contact of afspraken met ${enumerate(ids.map((id) => instantieText(ctx.vocabulary, id)))}.`,
            `Landelijk: ${enumerate(ids.map((id) => instantieName(ctx.vocabulary, id)))}`,
          ),
        );
      for (const partner of partners)
        facts.push(
          fact(
            `We verwijzen naar ${partner.weergave} voor ${partner.waarvoorTekst}; zo dragen we warm over: ${partner.overdrachtTekst}.`,
            partner.weergave,
          ),
        );
      break;
    }
    case "inrichting": {
      if (inrichting.plek !== undefined)
        facts.push(
          fact(
            `De IDO-plek: ${inSentence(inrichting.plek, keep)}.`,
            upperFirst(inSentence(inrichting.plek, keep)),
          ),
        );
      const measures = (inrichting.maatregelen ?? []).filter(
        (m) =>
          inrichting.plek === undefined ||
          !(MEASURE_WORDS[m] ?? []).some((w) => inrichting.plek!.toLowerCase().includes(w)),
      );
      const measureTexts = choiceTexts(
        trainingQuestionsByKey.get("inrichting.maatregelen")!,
        measures,
        ctx,
      );
      if (measureTexts.length > 0)
        facts.push(
          fact(
            `Voor de privacy is er ${enumerate(measureTexts)}.`,
            upperFirst(enumerate(measureTexts)),
          ),
        );
      const devices = choiceTexts(
        trainingQuestionsByKey.get("inrichting.apparatuur")!,
        inrichting.apparatuur,
        ctx,
      );
      if (devices.length > 0)
        facts.push(
          fact(`Bij het IDO staat klaar: ${enumerate(devices)}.`, upperFirst(enumerate(devices))),
        );
      if (inrichting.printsEnDownloads !== undefined) {
        const prints = inSentence(inrichting.printsEnDownloads, keep);
        facts.push(fact(`Met prints en downloads doen we dit: ${prints}.`, upperFirst(prints)));
      }
      break;
    }
    case "privacy": {
      // The slide shows the red lines only (what staff never do); the consent form is in the
      // notes, so the slide stays readable.
      if (privacy.toestemmingsformulier === true)
        facts.push(
          fact(
            "We gebruiken een toestemmingsformulier voor de uitzonderingen waarin we toch persoonsgegevens verwerken.",
            "Een toestemmingsformulier voor de uitzonderingen",
            [],
            [],
          ),
        );
      if (privacy.toestemmingsformulier === false)
        facts.push(
          fact("We gebruiken geen toestemmingsformulier.", "Geen toestemmingsformulier", [], []),
        );
      if (privacy.bewaartermijn !== undefined) {
        const term = inSentence(privacy.bewaartermijn, keep);
        facts.push(fact(`Het formulier bewaren we zo: ${term}.`, upperFirst(term), [], []));
      }
      if (privacy.watWel !== undefined && privacy.watWel.length > 0)
        facts.push(fact("Dit doet een IDO-medewerker wel:", "", privacy.watWel.map(upperFirst)));
      if (privacy.watNiet !== undefined && privacy.watNiet.length > 0)
        facts.push(
          fact(
            "Dit doet een IDO-medewerker niet:",
            "",
            privacy.watNiet.map(upperFirst),
            privacy.watNiet.map(upperFirst),
          ),
        );
      break;
    }
    default:
      break;
  }
  return facts;
}

/** One open item for the action list: what, who, when. */
export interface ActionItem {
  /** What to do, without a final full stop. */
  wat: string;
  wie: string;
  wanneer: string;
}

/**
 * Open items the answers already show: they go on the action list of the form and the
 * handleiding (and, through the answers, into the training pack), never under "wat al vastligt".
 */
export function openItems(
  answers: BijeenkomstAnswers,
  partners: readonly PartnerView[],
  trainingsdatum: string | undefined,
): ActionItem[] {
  const before =
    trainingsdatum === undefined ? "Vóór de training" : `Vóór ${formatDate(trainingsdatum)}`;
  const items: ActionItem[] = [];
  const volunteers =
    answers.werkwijze.bemensing === "vrijwilligers" || answers.werkwijze.bemensing === "beide";
  if (volunteers && answers.werkwijze.geheimhouding === "deels")
    items.push({
      wat: "De vrijwilligers die nog geen geheimhoudingsverklaring hebben getekend, tekenen die",
      wie: "Kartrekker en teamleider",
      wanneer: before,
    });
  if (volunteers && answers.werkwijze.geheimhouding === "nee")
    items.push({
      wat: "Een geheimhoudingsverklaring voor vrijwilligers regelen, en iedereen laten tekenen",
      wie: "Teamleider",
      wanneer: before,
    });
  for (const partner of partners)
    if (partner.contact === "")
      items.push({
        wat: `Een vast aanspreekpunt bij ${partner.weergave} vragen en noteren`,
        wie: "Kartrekker",
        wanneer: before,
      });
  return items;
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

  const keep = properNouns(
    [
      answers.bibliotheek.organisatie,
      answers.bibliotheek.vestiging,
      answers.bibliotheek.plaats,
      ...answers.bibliotheek.gemeenten,
      ...(answers.partners.lokaal ?? []).map((p) => p.naam),
    ],
    vocabulary,
  );
  const lokalePartners = (answers.partners.lokaal ?? []).map((p) =>
    toPartnerView(p, vocabulary, keep),
  );

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
          bekend: knownFacts(id, answers, lokalePartners, keep, ctx),
          nuOpDia: knownFacts(id, answers, lokalePartners, keep, ctx).flatMap((f) => f.dia),
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

  // One role model: the POI adviser leads the meeting when present (and then makes the training
  // pack with the outcome); otherwise the kartrekker leads. The kartrekker leads the training.
  const adviseur =
    bijeenkomst.poiBegeleider ?? answers.bibliotheek.poiAdviseur ?? "de POI-adviseur";
  const poiLeads = (bijeenkomst.aanwezigen ?? []).includes("poi-begeleider");
  const leider = poiLeads
    ? { naam: adviseur, isPoi: true, wie: `${adviseur} (${poi.naam})` }
    : {
        naam: answers.kartrekker.naam,
        isPoi: false,
        wie: `${answers.kartrekker.naam}, IDO-kartrekker`,
      };
  const roleOf = (id: string): string =>
    (!poiLeads && id === "kartrekker" ? texts.rollen["kartrekker-gespreksleider"] : undefined) ??
    texts.rollen[id] ??
    "";
  const vaste = WERKAFSPRAKEN.filter((t) => !open.has(t)).map((t) => topics.get(t)!);
  const openTopics = openIds.map((t) => topics.get(t)!);

  return {
    ...answers,
    poi: { naam: poi.naam, provincies: poi.provincies },
    /** The POI adviser who gets the outcome and makes the training pack with it. */
    adviseur,
    /** Same as `adviseur` (the name of idokit 0.1). */
    begeleider: adviseur,
    /** Who leads the meeting. */
    leider,
    /** Someone who decides on time and means is invited (a teamleider or manager). */
    beslisserErbij: (bijeenkomst.aanwezigen ?? []).includes("teamleider"),
    aanwezigen: (bijeenkomst.aanwezigen ?? []).map((id) => ({
      id,
      naam: choicesOf(aanwezigenQuestion, ctx).find((c) => c.value === id)?.label ?? id,
      rol: roleOf(id),
    })),
    werktMetVrijwilligers:
      answers.werkwijze.bemensing === "vrijwilligers" || answers.werkwijze.bemensing === "beide",
    lokalePartners,
    landelijkePartners: (answers.partners.landelijk ?? []).map((id) =>
      instantieName(vocabulary, id),
    ),
    duur: formatDuration(total),
    agenda: rows,
    openOnderwerpen: openTopics,
    vasteOnderwerpen: vaste,
    /** The open and settled topics in running text: "partners en warme overdracht en privacy". */
    openTekst: enumerate(openTopics.map((t) => lowerFirst(t.titel))),
    vastTekst: enumerate(vaste.map((t) => lowerFirst(t.titel))),
    onderwerp: Object.fromEntries(topics),
    actiepunten: openItems(answers, lokalePartners, bijeenkomst.trainingsdatum),
    /** The fixed agenda item around the IDO table, also on the form. */
    omgeving: { titel: texts.blokken.omgeving.titel, doel: texts.blokken.omgeving.doel },
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
