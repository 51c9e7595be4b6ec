import { checkEndTime, endTimeDefault } from "./times.js";
import { isBlank } from "../answers/values.js";
import {
  checkMeetingTimes,
  MAX_MEETING_MINUTES,
  STANDARD_MEETING_MINUTES,
} from "../plan/agenda.js";
import { formatDuration } from "../plan/schedule.js";
import {
  defineSchema,
  getPath,
  listQuestions,
  optionalGroup,
  type AnswersOf,
  type Choice,
  type Draft,
  type Section,
  type SectionId,
} from "./define.js";
import { dayOffWarning } from "../plan/holidays.js";
import {
  bibliotheekQuestions,
  huisstijlQuestions,
  inrichtingQuestions,
  kartrekkerQuestions,
  partnersQuestions,
  privacyQuestions,
  TRAINING_SECTIONS,
  trainingSchema,
  werkwijzeQuestions,
} from "./training.js";

/**
 * The question schema of the bijeenkomstpakket: the lokale IDO-bijeenkomst in which a library
 * settles its werkafspraken before the vaardigheidstraining. It reuses the training's groups, so
 * the werkafspraken asked here are exactly the ones the training asks; they are optional here,
 * because settling them is what the meeting is for.
 */

/** The werkafspraken a bijeenkomst can settle, in agenda order. */
export const WERKAFSPRAKEN = [
  "werkwijze",
  "partners",
  "inrichting",
  "privacy",
  "registratie",
  "escalatie",
  "kennis",
] as const;
export type Werkafspraak = (typeof WERKAFSPRAKEN)[number];

/** Topic labels; also the titles of the agenda items and the form's parts. */
export const WERKAFSPRAAK_CHOICES: readonly Choice[] = [
  { value: "werkwijze", label: "Werkwijze" },
  { value: "partners", label: "Partners en warme overdracht" },
  { value: "inrichting", label: "Inrichting" },
  { value: "privacy", label: "Privacy" },
  { value: "registratie", label: "Registratie van vragen" },
  { value: "escalatie", label: "Escalatie bij lastige bezoekers" },
  { value: "kennis", label: "Kennis op peil houden" },
] satisfies ReadonlyArray<Choice & { value: Werkafspraak }>;

/** The four groups of training questions the werkafspraken form asks, in form order. */
export const WERKAFSPRAKEN_GROUPS = ["werkwijze", "partners", "inrichting", "privacy"] as const;
export type WerkafsprakenGroup = (typeof WERKAFSPRAKEN_GROUPS)[number];

const REGISTRATIE_KEYS = ["registratie", "registratieToelichting"] as const satisfies ReadonlyArray<
  keyof typeof werkwijzeQuestions
>;
const keysOf = (group: string, questions: object): string[] =>
  Object.keys(questions).map((key) => `${group}.${key}`);

/**
 * The training questions that belong to each werkafspraak. Registratie is asked in the werkwijze
 * group but is a topic of its own in the meeting; escalatie and kennis op peil houden have no
 * training questions: the meeting settles them on paper only.
 */
export const WERKAFSPRAAK_QUESTIONS: Readonly<Record<Werkafspraak, readonly string[]>> = {
  werkwijze: keysOf("werkwijze", werkwijzeQuestions).filter(
    (key) => !REGISTRATIE_KEYS.some((r) => key === `werkwijze.${r}`),
  ),
  partners: keysOf("partners", partnersQuestions),
  inrichting: keysOf("inrichting", inrichtingQuestions),
  privacy: keysOf("privacy", privacyQuestions),
  registratie: REGISTRATIE_KEYS.map((key) => `werkwijze.${key}`),
  escalatie: [],
  kennis: [],
};

const trainingQuestionsByKey = new Map(listQuestions(trainingSchema).map((q) => [q.key, q]));

/**
 * True when every question the training requires for this werkafspraak has an answer (questions
 * whose condition does not hold do not count). A werkafspraak without training questions is
 * never answered: only the meeting can settle it.
 */
export function isWerkafspraakAnswered(topic: Werkafspraak, draft: Draft): boolean {
  const required = WERKAFSPRAAK_QUESTIONS[topic]
    .map((key) => trainingQuestionsByKey.get(key))
    .filter((q) => q !== undefined && !q.optional && (!q.when || q.when(draft)));
  return required.length > 0 && required.every((q) => !isBlank(getPath(draft, q!.key)));
}

const AANWEZIGEN_CHOICES: readonly Choice[] = [
  { value: "kartrekker", label: "De IDO-kartrekker" },
  { value: "ido-medewerkers", label: "IDO-medewerkers" },
  { value: "vrijwilligers", label: "Vrijwilligers van het IDO" },
  { value: "frontoffice", label: "Collega's van de frontoffice en de balie" },
  { value: "teamleider", label: "Teamleider of manager" },
  { value: "poi-begeleider", label: "POI-adviseur of POI-begeleider" },
  { value: "gemeente", label: "Beleidsmedewerker van de gemeente" },
  { value: "lokale-partner", label: "Een lokale partner, zoals het sociaal wijkteam" },
];

/** The meeting itself: when, where, who, and what is on the agenda. */
export const bijeenkomstQuestions = defineSchema({
  datum: {
    kind: "date",
    section: "bijeenkomst",
    label: "Datum van de bijeenkomst",
    column: "Datum bijeenkomst",
    help: "Plan de bijeenkomst een paar weken vóór de vaardigheidstraining. Gebruik dd-mm-jjjj.",
    example: "16-02-2027",
    warn: (value: string) => dayOffWarning(value),
    check: (value: string, _draft, ctx) =>
      ctx.mode === "wizard" && value < ctx.today
        ? "Deze datum ligt in het verleden. Kies een datum vanaf vandaag."
        : undefined,
  },
  starttijd: {
    kind: "time",
    section: "bijeenkomst",
    label: "Starttijd van de bijeenkomst",
    column: "Starttijd bijeenkomst",
    help: "Gebruik uu:mm.",
    example: "14:00",
    default: () => "14:00",
  },
  eindtijd: {
    kind: "time",
    section: "bijeenkomst",
    label: "Eindtijd van de bijeenkomst",
    column: "Eindtijd bijeenkomst",
    help: `Reken op ${formatDuration(STANDARD_MEETING_MINUTES)}; met veel open afspraken mag het langer, tot ${formatDuration(MAX_MEETING_MINUTES)}.`,
    example: "16:00",
    default: endTimeDefault("bijeenkomst.starttijd", STANDARD_MEETING_MINUTES),
    check: checkEndTime("bijeenkomst.starttijd", checkMeetingTimes),
  },
  locatie: {
    kind: "text",
    section: "bijeenkomst",
    label: "Zaal of locatie van de bijeenkomst",
    column: "Locatie bijeenkomst",
    help: "Een ruimte waar je rustig met elkaar aan tafel zit, met een scherm voor de presentatie.",
    example: "Leeszaal, eerste verdieping",
  },
  aanwezigen: {
    kind: "multi",
    section: "bijeenkomst",
    label: "Wie zijn erbij",
    column: "Aanwezigen",
    help: "Nodig in elk geval iedereen uit die het IDO bemenst, en iemand die mag beslissen over de afspraken.",
    example: "kartrekker; ido-medewerkers; vrijwilligers; teamleider",
    choices: AANWEZIGEN_CHOICES,
    min: 1,
    default: (draft) => {
      const bemensing = getPath(draft, "werkwijze.bemensing");
      return [
        "kartrekker",
        "ido-medewerkers",
        ...(bemensing === "vrijwilligers" || bemensing === "beide" ? ["vrijwilligers"] : []),
        "teamleider",
        ...(isBlank(getPath(draft, "bibliotheek.poiAdviseur")) ? [] : ["poi-begeleider"]),
      ];
    },
  },
  poiBegeleider: {
    kind: "text",
    section: "bijeenkomst",
    label: "POI-begeleider",
    column: "POI-begeleider",
    help: "Wie van de POI begeleidt de training? Meestal de POI-adviseur. Leeg laten mag.",
    example: "Marieke de Groot",
    optional: true,
    default: (draft) => {
      const adviseur = getPath(draft, "bibliotheek.poiAdviseur");
      return isBlank(adviseur) ? undefined : adviseur;
    },
  },
  trainingsdatum: {
    kind: "date",
    section: "bijeenkomst",
    label: "Geplande datum van de vaardigheidstraining",
    column: "Geplande trainingsdatum",
    help: "Als die al bekend is. Leeg laten mag.",
    example: "13-04-2027",
    optional: true,
    check: (value: string, draft) => {
      const datum = getPath(draft, "bijeenkomst.datum");
      return typeof datum === "string" && value <= datum
        ? "De vaardigheidstraining komt na de bijeenkomst: kies een latere datum."
        : undefined;
    },
  },
  afgesproken: {
    kind: "multi",
    section: "bijeenkomst",
    label: "Werkafspraken die al vastliggen",
    column: "Vastgestelde werkafspraken",
    help: "Deze lopen jullie in de bijeenkomst alleen kort na. Vooringevuld: de onderwerpen waarvan alle antwoorden al bekend zijn.",
    example: "werkwijze; inrichting; registratie",
    choices: WERKAFSPRAAK_CHOICES,
    optional: true,
    default: (draft) => WERKAFSPRAKEN.filter((topic) => isWerkafspraakAnswered(topic, draft)),
  },
  open: {
    kind: "multi",
    section: "bijeenkomst",
    label: "Werkafspraken die nog open staan",
    column: "Open werkafspraken",
    help: "Elk open onderwerp krijgt een eigen agendapunt en een eigen dia. Vooringevuld: alles wat nog niet vastligt.",
    example: "partners; privacy; escalatie; kennis",
    choices: WERKAFSPRAAK_CHOICES,
    optional: true,
    default: (draft) => {
      const settled = getPath(draft, "bijeenkomst.afgesproken");
      const done = new Set(Array.isArray(settled) ? settled : []);
      return WERKAFSPRAKEN.filter((topic) => !done.has(topic));
    },
    check: (value: string[], draft) => {
      const settled = getPath(draft, "bijeenkomst.afgesproken");
      const both = value.filter((topic) => Array.isArray(settled) && settled.includes(topic));
      if (both.length === 0) return undefined;
      const labels = both.map((t) => WERKAFSPRAAK_CHOICES.find((c) => c.value === t)?.label ?? t);
      return `${labels.join(", ")} ${both.length === 1 ? "staat" : "staan"} ook bij de werkafspraken die al vastliggen. Kies per onderwerp: vast of open.`;
    },
  },
});

/**
 * The bijeenkomst schema. The meeting comes after the werkafspraken groups, because the agenda's
 * defaults (who attends, which topics are open) follow from what is already known.
 */
export const bijeenkomstSchema = defineSchema({
  bibliotheek: bibliotheekQuestions,
  kartrekker: kartrekkerQuestions,
  werkwijze: optionalGroup(werkwijzeQuestions),
  partners: optionalGroup(partnersQuestions),
  inrichting: optionalGroup(inrichtingQuestions),
  privacy: optionalGroup(privacyQuestions),
  bijeenkomst: bijeenkomstQuestions,
  huisstijl: huisstijlQuestions,
});

/** Validated, normalised answers for a bijeenkomstpakket. */
export type BijeenkomstAnswers = AnswersOf<typeof bijeenkomstSchema>;

const trainingSection = (id: SectionId): Section => {
  const found = TRAINING_SECTIONS.find((s) => s.id === id);
  if (!found) throw new Error(`training section ${id} is missing`);
  return found;
};
const knownOnly = (section: Section): Section => ({
  ...section,
  intro: `${section.intro} Vul in wat al vastligt; wat nog open is, spreken jullie in de bijeenkomst af.`,
});

/** The wizard's sections for the bijeenkomst, in asking order. */
export const BIJEENKOMST_SECTIONS: readonly Section[] = [
  trainingSection("bibliotheek"),
  knownOnly(trainingSection("werkwijze")),
  knownOnly(trainingSection("partners")),
  knownOnly(trainingSection("inrichting")),
  {
    id: "bijeenkomst",
    title: "De bijeenkomst",
    intro:
      "Wanneer en waar komen jullie bij elkaar, wie zijn erbij, en welke werkafspraken staan op de agenda?",
  },
  trainingSection("huisstijl"),
];
