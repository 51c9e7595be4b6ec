import { z } from "zod";
import { parseTemplateData } from "../templates/data.js";
import { minutesOf, timeOf } from "../answers/values.js";
import type { Casus } from "../casussen/types.js";
import { enumerate, inSentence, lowerFirst, upperFirst, withNoun } from "../domain/format.js";
import { nameOf, type Vocabulary } from "../domain/vocabulary.js";
import { listQuestions, type Question, type QuestionContext } from "../questions/define.js";
import { trainingSchema, type TrainingAnswers } from "../questions/training.js";
import { Markdown } from "../templates/escape.js";
import { castingOf, castingSummary, type Casting, type Gender } from "./casting.js";
import {
  buildCountdownRows,
  byDate,
  daysBetween,
  whenText,
  type CountdownItem,
  type CountdownRow,
} from "./countdown.js";
import { matchLocalPartners, type LocalReferral } from "./local-partners.js";
import {
  buildSchedule,
  formatDuration,
  reserveCount,
  type BlockId,
  type ScheduleItem,
} from "./schedule.js";
import {
  choiceText,
  choiceTexts,
  instantieName,
  instantieText,
  properNouns,
  skillTexts,
  toPartnerView,
  type PartnerView,
} from "./words.js";
import { buildTrainingExtras, trainingExtraDocuments, type PlannedEvent } from "./extras.js";

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

/** Conditions a countdown task can depend on (`als:` in programma.yaml). */
const CONDITIONS = ["geheimhouding-open"] as const;
type Condition = (typeof CONDITIONS)[number];

const countdownSchema = z.union([
  z.strictObject({
    dagen: z.number().int(),
    taak: z.string(),
    wie: z.string(),
    als: z.enum(CONDITIONS).optional(),
  }),
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
  kijkopdrachten: z.record(z.string(), z.string().min(1)),
  uitDeRol: z.string().min(1),
  alsHetMisgaat: z.record(z.string(), z.string().min(1)),
  planB: z.array(z.strictObject({ als: z.string().min(1), doe: z.string().min(1) })).min(1),
});

/** The texts of `templates/training/programma.yaml`. */
export type ProgrammeTexts = z.output<typeof programmeSchema>;

/** Validates the programme texts; returns Dutch problems naming the field. */
export function parseProgrammeTexts(data: unknown, source: string): ProgrammeTexts {
  return parseTemplateData(programmeSchema, data, source);
}

/** A selected casus as the templates see it. Section texts are trusted Markdown. */
export interface CasusView {
  /** 1, 2, …; 0 for the demonstration casus. */
  nummer: number;
  id: string;
  titel: string;
  thema: string;
  /** Difficulty 1–3 of the casus. */
  moeilijkheid: number;
  /** The difficulty as a word of the casus scale: instap, gemiddeld or pittig. */
  niveau: string;
  /** Same as `niveau` (kept for templates of idokit 0.1). */
  moeilijkheidLabel: string;
  klant: string;
  profiel: string[];
  /** National partners (instanties) by name. */
  partners: string[];
  /** Kinds of local partner the casus needs, in running text. */
  lokalePartners: string[];
  /** Skills in running text, LSD and doorvragen not both. */
  vaardigheden: string[];
  /** The skills as one phrase: "doorvragen en zakelijke empathie". */
  oefent: string;
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
  /** What the participants who watch look for: the casus's own, or the one for its skill. */
  kijkopdracht: Markdown;
  /** The casus has a kijkopdracht of its own (false: the skill's standard one). */
  eigenKijkopdracht: boolean;
  /** What this customer needs from each kind of local partner (follows "voor"). */
  lokaleHulp: Record<string, string>;
  /** The library's own partners for this casus, and kinds it has no agreement with. */
  lokaal: LocalReferral;
  /** Gender and age for casting. */
  geslacht: Gender | "";
  leeftijd: number | undefined;
  casting: Casting;
  /** The customer brings grief, anger or fear: step out of the role afterwards. */
  emotioneel: boolean;
  /** What to do when the casus touches a participant, for an emotional casus; else "". */
  alsHetMisgaat: string;
  /** Why this casus was chosen, in sentences. */
  waarom: string;
  redenen: string[];
  eigen: boolean;
  /** Kept in reserve: played only when there is time (no slot in the schedule). */
  reserve: boolean;
  /** Clock times of this casus in the schedule ("" for a reserve). */
  start: string;
  eind: string;
  minuten: number;
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
  /** The demonstration casus, when the library had one to spare. */
  demo?: SelectedCasusInput | undefined;
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

/** The casus scale (difficulty); the actor's play has its own scale, speelintensiteit 1–3. */
export const CASUS_LEVELS = ["", "instap", "gemiddeld", "pittig"] as const;
const EMOTIONAL_PROFILES = ["verdrietig", "boos", "angstig"] as const;

const trainingQuestions = new Map(listQuestions(trainingSchema).map((q) => [q.key, q]));

function questionOf(key: string): Question {
  const question = trainingQuestions.get(key);
  if (question === undefined) throw new Error(`question ${key} is missing`);
  return question;
}

function textOfChoice(key: string, value: string | undefined, ctx: QuestionContext): string {
  return value === undefined ? "" : choiceText(questionOf(key), value, ctx);
}

/** Casus fields that arrive with the casus format additions; optional until every casus has them. */
interface CasusAdditions {
  kijkopdracht?: string | undefined;
  geslacht?: Gender | undefined;
  leeftijd?: number | undefined;
  lokaleHulp?: Record<string, string> | undefined;
}

// A measure of the privacy set-up that the description of the place already mentions is not
// repeated ("een aparte tafel met twee schermen" already says "twee schermen").
const MEASURE_WORDS: Readonly<Record<string, readonly string[]>> = {
  "aparte-plek": ["apart", "rustig"],
  spreekkamer: ["spreekkamer"],
  privacyscherm: ["privacyscherm", "privacyfilter"],
  "twee-schermen": ["twee schermen", "tweede scherm"],
  "eigen-apparaat": ["eigen apparaat", "eigen telefoon"],
};

function mentioned(text: string, value: string): boolean {
  const folded = text.toLowerCase();
  return (MEASURE_WORDS[value] ?? []).some((word) => folded.includes(word));
}

/** Builds the countdown: preparation and follow-up dates counted from the training date. */
export function buildCountdown(
  answers: TrainingAnswers,
  programme: ProgrammeTexts,
  today: string,
): CountdownRow[] {
  const holds: Record<Condition, boolean> = {
    "geheimhouding-open":
      answers.werkwijze.geheimhouding === "deels" || answers.werkwijze.geheimhouding === "nee",
  };
  const counted = programme.aftellen.filter(
    (item) => !("voorbespreking" in item) && (item.als === undefined || holds[item.als]),
  ) as CountdownItem[];
  const event = { day: "Trainingsdag", after: "na de training" };
  const rows = buildCountdownRows(answers.training.datum, counted, today, event);
  // The voorbespreking has its own agreed date.
  const voorbespreking = programme.aftellen
    .filter((item) => "voorbespreking" in item)
    .map((item) => ({
      datum: answers.acteur.voorbespreking,
      wanneer: whenText(daysBetween(answers.acteur.voorbespreking, answers.training.datum), event),
      taak: item.taak,
      wie: item.wie,
      verlopen: answers.acteur.voorbespreking < today,
    }));
  return byDate([...rows, ...voorbespreking]);
}

interface CasusViewContext {
  vocabulary: Vocabulary;
  focus: readonly string[];
  programme: ProgrammeTexts;
  partners: readonly PartnerView[];
  nationalPartners: readonly string[];
  pinned: readonly string[];
  /** The themes of the other casussen, for "variatie". */
  themes: readonly string[];
}

/** The kijkopdracht of a casus: its own, or the standard one of the first focus skill it trains. */
function kijkopdrachtOf(casus: Casus & CasusAdditions, c: CasusViewContext): [Markdown, boolean] {
  if (casus.kijkopdracht !== undefined && casus.kijkopdracht.trim() !== "")
    return [new Markdown(casus.kijkopdracht.trim()), true];
  const skills = [
    ...casus.vaardigheden.filter((id) => c.focus.includes(id)),
    ...casus.vaardigheden,
    "doorvragen",
  ];
  const skill = skills.find((id) => c.programme.kijkopdrachten[id] !== undefined);
  return [
    new Markdown(skill === undefined ? "" : (c.programme.kijkopdrachten[skill] ?? "")),
    false,
  ];
}

/** Why this casus was chosen, as sentences built from the library's own answers. */
function whyChosen(casus: Casus, local: LocalReferral, c: CasusViewContext): string {
  const sentences: string[] = [];
  if (c.pinned.includes(casus.id)) sentences.push("Jullie hebben deze casus zelf gekozen.");
  const focusSkills = casus.vaardigheden.filter((id) => c.focus.includes(id));
  const skills = skillTexts(
    focusSkills.length > 0 ? focusSkills : casus.vaardigheden,
    c.vocabulary,
    casus.profiel,
  );
  if (skills.length > 0) sentences.push(`Je oefent ${enumerate(skills)}.`);
  const national = casus.partners
    .filter((id) => c.nationalPartners.includes(id))
    .map((id) => instantieText(c.vocabulary, id));
  if (national.length > 0) sentences.push(`Jullie werken samen met ${enumerate(national)}.`);
  const own = local.gevonden.map((p) => p.weergave);
  if (own.length > 0)
    sentences.push(
      `${upperFirst(enumerate(own))} ${own.length === 1 ? "past" : "passen"} als vervolg.`,
    );
  if (!c.themes.includes(casus.thema))
    sentences.push(
      `Het thema ${lowerFirst(nameOf(c.vocabulary.themas, casus.thema))} komt in de andere casussen niet voor.`,
    );
  return sentences.join(" ");
}

function toCasusView(
  item: SelectedCasusInput,
  nummer: number,
  slot: ScheduleItem | undefined,
  reserve: boolean,
  c: CasusViewContext,
): CasusView {
  const casus = item.casus as Casus & CasusAdditions;
  const { vocabulary, programme } = c;
  const lokaleHulp = { ...(casus.lokaleHulp ?? {}) };
  const lokaal = matchLocalPartners(casus.lokalePartners, c.partners, vocabulary, lokaleHulp);
  const [kijkopdracht, eigenKijkopdracht] = kijkopdrachtOf(casus, c);
  const casting = castingOf(casus);
  const feelings = EMOTIONAL_PROFILES.filter((id) => casus.profiel.includes(id));
  const emotioneel = feelings.length > 0 || casus.vaardigheden.includes("emoties");
  const vaardigheden = skillTexts(casus.vaardigheden, vocabulary, casus.profiel);
  const niveau = CASUS_LEVELS[casus.moeilijkheid] ?? "";
  return {
    nummer,
    id: casus.id,
    titel: casus.titel,
    thema: lowerFirst(nameOf(vocabulary.themas, casus.thema)),
    moeilijkheid: casus.moeilijkheid,
    niveau,
    moeilijkheidLabel: niveau,
    klant: casus.klant,
    profiel: casus.profiel.map((id) => lowerFirst(nameOf(vocabulary.profielen, id))),
    partners: casus.partners.map((id) => instantieText(vocabulary, id)),
    lokalePartners: casus.lokalePartners.map((id) => {
      const kind = vocabulary.lokalePartnerSoorten.find((k) => k.id === id);
      return kind?.tekst ?? lowerFirst(kind?.naam ?? id);
    }),
    vaardigheden,
    oefent: enumerate(vaardigheden),
    openingszin: casus.openingszin,
    situatie: new Markdown(casus.situatie),
    echteVraag: new Markdown(casus.echteVraag),
    lastig: new Markdown(casus.lastig),
    acteur: new Markdown(casus.acteur),
    // Levels sit in table cells, where a line break would end the row.
    intensiteit: casus.intensiteit.map(
      (level) => new Markdown(upperFirst(level.replace(/\s*\n\s*/g, " "))),
    ),
    belonen: new Markdown(casus.belonen),
    escaleren: new Markdown(casus.escaleren),
    aanpak: new Markdown(casus.aanpak),
    doorverwijzing: new Markdown(casus.doorverwijzing),
    privacy: new Markdown(casus.privacy),
    kijkopdracht,
    eigenKijkopdracht,
    lokaleHulp,
    lokaal,
    geslacht: casting.geslacht,
    leeftijd: casting.leeftijd,
    casting,
    emotioneel,
    alsHetMisgaat: feelings
      .map((id) => programme.alsHetMisgaat[id] ?? "")
      .filter(Boolean)
      .join(" "),
    waarom: whyChosen(casus, lokaal, c),
    redenen: item.reasons,
    eigen: !casus.builtIn,
    reserve,
    start: slot?.start ?? "",
    eind: slot?.end ?? "",
    minuten: slot?.minutes ?? 0,
  };
}

/**
 * Which casus is kept in reserve when not all fit: the one whose focus skills the others cover
 * best (fewest skills of its own), among equals the later one, but never the last (hardest)
 * casus, which is the training's climax. Returns an index into `selected`.
 */
export function chooseReserve(
  selected: readonly SelectedCasusInput[],
  focus: readonly string[],
): number {
  const own = selected.map(
    (item, i) =>
      item.casus.vaardigheden.filter(
        (skill) =>
          focus.includes(skill) &&
          !selected.some((other, j) => j !== i && other.casus.vaardigheden.includes(skill)),
      ).length,
  );
  const candidates = selected.map((_, i) => i).filter((i) => i < selected.length - 1);
  if (candidates.length === 0) return selected.length - 1;
  return candidates.reduce((best, i) => ((own[i] ?? 0) <= (own[best] ?? 0) ? i : best));
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
  const total = minutesOf(answers.training.eindtijd) - minutesOf(answers.training.starttijd);

  // 1. Which casussen are played, and which one (if any) is kept in reserve.
  const reserves = reserveCount(total, input.selected.length);
  const reserveIndex =
    reserves > 0 ? chooseReserve(input.selected, answers.focus.vaardigheden) : -1;
  const ordered = [
    ...input.selected.filter((_, i) => i !== reserveIndex),
    ...(reserveIndex >= 0 ? [input.selected[reserveIndex]!] : []),
  ];
  const played = ordered.length - reserves;
  const schedule = buildSchedule(answers.training.starttijd, answers.training.eindtijd, played);
  const casusSlots = schedule.filter((item) => item.id === "casus");

  // 2. The library's own words: names that keep their capital, partners as they are shown.
  const keep = properNouns(
    [
      answers.bibliotheek.organisatie,
      answers.bibliotheek.vestiging,
      answers.bibliotheek.plaats,
      ...answers.bibliotheek.gemeenten,
      ...answers.partners.lokaal.map((p) => p.naam),
    ],
    vocabulary,
  );
  const lokalePartners = answers.partners.lokaal.map((p) => toPartnerView(p, vocabulary, keep));

  // 3. The casussen, the demonstration casus and the programme rows.
  const viewContext = (others: readonly SelectedCasusInput[]): CasusViewContext => ({
    vocabulary,
    focus: answers.focus.vaardigheden,
    programme,
    partners: lokalePartners,
    nationalPartners: answers.partners.landelijk,
    pinned: answers.focus.casussen ?? [],
    themes: others.map((o) => o.casus.thema),
  });
  const casussen = ordered.map((item, i) =>
    toCasusView(
      item,
      i + 1,
      casusSlots[i],
      i >= played,
      viewContext(ordered.filter((other) => other !== item)),
    ),
  );
  const demoSlot = schedule.find((item) => item.id === "demonstratie");
  const demo =
    input.demo === undefined
      ? undefined
      : toCasusView(input.demo, 0, demoSlot, false, viewContext(ordered));

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
  const duration = schedule.reduce((sum, item) => sum + item.minutes, 0);

  // 4. Answers shaped for running text (see style.md, "Words in documents").
  const { werkwijze, inrichting, privacy } = answers;
  const measures = (inrichting.maatregelen ?? []).filter((m) => !mentioned(inrichting.plek, m));
  const levels = [...new Set(casussen.filter((c) => !c.reserve).map((c) => c.moeilijkheid))].sort();
  const lowest = CASUS_LEVELS[levels[0] ?? 1] ?? "";
  const highest = CASUS_LEVELS[levels[levels.length - 1] ?? 1] ?? "";
  const tekst = {
    /** "gemeente Zuiderhaven" or "gemeenten Zuiderhaven en Lingedijk". */
    gemeenten: withNoun(answers.bibliotheek.gemeenten, "gemeente", "gemeenten"),
    openingstijden: inSentence(werkwijze.openingstijden, keep),
    /** The opening hours already say inloop or afspraak: do not repeat the form. */
    vormGenoemd: /inloop|afspraak/iu.test(werkwijze.openingstijden),
    vorm: textOfChoice("werkwijze.vorm", werkwijze.vorm, ctx),
    bemensing: textOfChoice("werkwijze.bemensing", werkwijze.bemensing, ctx),
    geheimhouding: textOfChoice("werkwijze.geheimhouding", werkwijze.geheimhouding, ctx),
    registratie: textOfChoice("werkwijze.registratie", werkwijze.registratie, ctx),
    registratieToelichting: werkwijze.registratieToelichting
      ? inSentence(werkwijze.registratieToelichting, keep)
      : "",
    plek: inSentence(inrichting.plek, keep),
    plekZin: upperFirst(inSentence(inrichting.plek, keep)),
    /** Measures the description of the place does not already mention, in running text. */
    maatregelen: enumerate(choiceTexts(questionOf("inrichting.maatregelen"), measures, ctx)),
    apparatuur: enumerate(
      choiceTexts(questionOf("inrichting.apparatuur"), inrichting.apparatuur, ctx),
    ),
    printsEnDownloads: inSentence(inrichting.printsEnDownloads, keep),
    bewaartermijn: privacy.bewaartermijn ? inSentence(privacy.bewaartermijn, keep) : "",
    samenstelling: textOfChoice("training.samenstelling", answers.training.samenstelling, ctx),
    ervaring: textOfChoice("training.ervaring", answers.training.ervaring, ctx),
    /** The difficulty of the played casussen: "van instap naar pittig", "allemaal gemiddeld". */
    niveaus: levels.length <= 1 ? `allemaal op niveau ${lowest}` : `van ${lowest} naar ${highest}`,
    vaardigheden: enumerate(skillTexts(answers.focus.vaardigheden, vocabulary)),
    landelijkePartners: enumerate(
      answers.partners.landelijk.map((id) => instantieText(vocabulary, id)),
    ),
    /** Every client the actor plays, the demonstration's included. */
    casting: castingSummary([...(demo ? [demo] : []), ...casussen].map((c) => c.casting)),
    /** "casus 3 en 5": the casussen after which player and actor step out of the role. */
    emotioneleCasussen: withNoun(
      casussen.filter((c) => c.emotioneel).map((c) => c.nummer),
      "casus",
      "casus",
    ),
    /** Where the IDO is: the location, and the town when the location does not name it. */
    waar: answers.bibliotheek.vestiging
      .toLowerCase()
      .includes(answers.bibliotheek.plaats.toLowerCase())
      ? answers.bibliotheek.vestiging
      : `${answers.bibliotheek.vestiging} in ${answers.bibliotheek.plaats}`,
  };

  // 5. Open items the training must not forget (they also go on the planning).
  const openPunten: string[] = [];
  if (werkwijze.geheimhouding === "deels")
    openPunten.push(
      "Nog niet alle vrijwilligers hebben een geheimhoudingsverklaring getekend. Regel dat vóór de training.",
    );
  if (werkwijze.geheimhouding === "nee")
    openPunten.push(
      "Geheimhouding voor vrijwilligers is nog niet geregeld. Regel een geheimhoudingsverklaring vóór de training.",
    );
  // A casus whose referral the library cannot make locally at all: say so once, up front.
  const withoutPartner = casussen.filter(
    (c) => c.lokaal.gevonden.length === 0 && c.lokaal.ontbreekt.length > 0,
  );
  if (withoutPartner.length > 0)
    openPunten.push(
      `Voor ${withNoun(
        withoutPartner.map((c) => c.nummer),
        "casus",
        "casus",
      )} hebben jullie geen lokale partner om naar door te verwijzen. Bespreek in de voorbespreking wat de medewerker dan wel doet.`,
    );

  return {
    ...answers,
    poi: { naam: poi.naam, provincies: poi.provincies },
    tekst,
    // The same wordings under their 0.1 names, for templates written against idokit 0.1.
    labels: {
      vorm: tekst.vorm,
      bemensing: tekst.bemensing,
      geheimhouding: tekst.geheimhouding,
      registratie: tekst.registratie,
      samenstelling: tekst.samenstelling,
      ervaring: tekst.ervaring,
      niveau: tekst.niveaus,
    },
    werktMetVrijwilligers: answers.werkwijze.bemensing !== "medewerkers",
    werktMetMedewerkers: answers.werkwijze.bemensing !== "vrijwilligers",
    nieuweCollegas: answers.training.ervaring !== "ervaren",
    landelijkePartners: answers.partners.landelijk.map((id) => {
      const found = vocabulary.instanties.find((i) => i.id === id);
      return {
        id,
        naam: instantieName(vocabulary, id),
        vragen: found?.vragen ?? "",
        website: found?.website ?? "",
      };
    }),
    lokalePartners,
    maatregelen: choiceTexts(questionOf("inrichting.maatregelen"), inrichting.maatregelen, ctx),
    /** The measures the description of the place does not mention, one per bullet. */
    maatregelenApart: choiceTexts(questionOf("inrichting.maatregelen"), measures, ctx),
    apparatuur: choiceTexts(questionOf("inrichting.apparatuur"), inrichting.apparatuur, ctx),
    vaardigheden: vocabulary.vaardigheden
      .filter((v) => focusIds.has(v.id))
      .map((v) => ({ ...v, tekst: lowerFirst(v.tekst ?? v.naam) })),
    focusOp: Object.fromEntries(vocabulary.vaardigheden.map((v) => [v.id, focusIds.has(v.id)])),
    acteurNaam: answers.acteur.naam ?? "de trainingsacteur",
    // The actor is asked to arrive half an hour early.
    acteurAanwezig: timeOf(Math.max(0, minutesOf(answers.training.starttijd) - 30)),
    duur: formatDuration(duration),
    schema,
    programma: groupPracticeRows(schema),
    eersteCasus: casusSlots[0]?.start ?? "",
    aftellen: buildCountdown(answers, programme, ctx.today),
    casussen,
    gespeeld: casussen.filter((c) => !c.reserve),
    reservecasus: casussen.find((c) => c.reserve) ?? null,
    demo: demo ?? null,
    emotioneleCasussen: casussen.filter((c) => c.emotioneel),
    /** Casussen whose referral has no local partner of this library at all. */
    zonderEigenPartner: withoutPartner,
    kijkopdrachtenPerVaardigheid: programme.kijkopdrachten,
    uitDeRol: programme.uitDeRol,
    planB: programme.planB,
    openPunten,
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
