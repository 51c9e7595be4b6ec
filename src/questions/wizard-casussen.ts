import {
  selectCasussen,
  type Niveau,
  type Selection,
  type SelectionRequest,
} from "../casussen/select.js";
import type { Casus, Moeilijkheid } from "../casussen/types.js";
import { nameOf, type Vocabulary } from "../domain/vocabulary.js";
import { getPath, type Draft } from "./define.js";
import type { PickerAnswer, PickerIO, PromptChoice, QuestionPicker } from "./wizard.js";

/**
 * The training wizard's casus question: instead of typing casus ids, a person sees the casussen
 * idokit proposes for the answers so far, with why each was chosen, and accepts them or ticks
 * their own in the list of the whole library. Accepting pins nothing, so the answers file stays
 * clean and making the pack again gives the same proposal.
 */

const COUNT_KEY = "focus.aantalCasussen";

const LEVELS: Readonly<Record<Moeilijkheid, string>> = { 1: "instap", 2: "gemiddeld", 3: "pittig" };

export interface CasusPickerOptions {
  /** The casus library (built-in plus `--casussen` folders); called on first use. */
  library(): readonly Casus[];
  /** The `--variant` that varies the selection, as for making the pack. */
  seed: number;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/**
 * What `selectCasussen` is asked for these (possibly incomplete) training answers: the same
 * request the pack makes from the finished answers (`selectForTraining`), so the proposal is
 * the pack's selection.
 */
export function selectionRequestFor(
  draft: Draft,
  options: { seed: number; pinned: readonly string[]; count?: number },
): SelectionRequest {
  const lokaal = getPath(draft, "partners.lokaal");
  return {
    count: options.count ?? Number(getPath(draft, COUNT_KEY) ?? 0),
    focus: strings(getPath(draft, "focus.vaardigheden")),
    partners: strings(getPath(draft, "partners.landelijk")),
    localPartnerTypes: Array.isArray(lokaal)
      ? strings(lokaal.map((item) => (item as Record<string, unknown> | undefined)?.soort))
      : [],
    localPartners: Array.isArray(lokaal)
      ? lokaal.flatMap((item) => {
          const { naam, soort } = (item ?? {}) as Record<string, unknown>;
          return typeof naam === "string" && typeof soort === "string" ? [{ naam, soort }] : [];
        })
      : [],
    pinned: [...options.pinned],
    niveau: (getPath(draft, "focus.niveau") as Niveau | undefined) ?? "gemengd",
    seed: options.seed,
  };
}

/** A casus on one line, as in the list to tick: `Titel · thema · moeilijkheid`. */
export function casusLabel(casus: Casus, vocabulary: Vocabulary): string {
  return `${casus.titel} · ${nameOf(vocabulary.themas, casus.thema)} · ${LEVELS[casus.moeilijkheid]}`;
}

/** About two lines of an 80-column terminal, after the indent: the reasons shown per casus. */
const REASON_ROOM = 125;

/**
 * Why a casus was chosen, short enough for the screen: whole reasons while they fit in `room`
 * characters, then "…" for the rest (the trainer's casus list has them all).
 */
export function shortReasons(reasons: readonly string[], room = REASON_ROOM): string {
  let text = "gekozen omdat: ";
  for (const [i, reason] of reasons.entries()) {
    const next = `${text}${i === 0 ? "" : "; "}${reason}`;
    if (i > 0 && next.length > room) return `${text}; …`;
    text = next;
  }
  return text.length > room ? `${text.slice(0, room - 1)}…` : text;
}

/** The proposal as lines: each casus with, on a second line, why it was chosen; then what is missing. */
export function proposalLines(selection: Selection, vocabulary: Vocabulary): string[] {
  return [
    ...selection.chosen.map(
      ({ casus, reasons }, i) =>
        `${i + 1}. ${casusLabel(casus, vocabulary)}\n${shortReasons(reasons)}`,
    ),
    ...selection.uncovered.map((text) => `Let op: ${text}`),
  ];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * The picker for `focus.casussen`. Its answer is the list of pinned ids: empty when the proposal
 * is accepted, the ticked ids otherwise; it may also set `focus.aantalCasussen` to the number
 * ticked.
 */
export function createCasusPicker(options: CasusPickerOptions): QuestionPicker {
  return {
    ask: (draft, io) => askCasussen(draft, io, options),
    describe(value) {
      const ids = strings(value);
      if (ids.length === 0) return "geen; idokit kiest ze (het voorstel)";
      let library: readonly Casus[];
      try {
        library = options.library();
      } catch {
        return undefined;
      }
      return ids.map((id) => library.find((c) => c.id === id)?.titel ?? id).join("; ");
    },
  };
}

/** What idokit does when the number ticked differs from the number of casussen. */
export type TickAction = "aantal" | "aanvullen" | "kiezen";

/** The outcome of ticking casussen in a list (wizard or web form). */
export type TickResult =
  /** The ticked casussen are the proposal: nothing changes. */
  | { kind: "unchanged" }
  /** The number ticked differs from the number of casussen: ask what to do (`choices`). */
  | {
      kind: "action";
      ticked: number;
      count: number;
      /** Why the number of casussen cannot become the number ticked, if it cannot. */
      problem: string | undefined;
      choices: PromptChoice[];
      default: TickAction;
    }
  /**
   * The answer to keep, and the casussen that will be played. When `isProposal`, the outcome is
   * idokit's proposal after all and `answer` keeps the pins there were.
   */
  | { kind: "done"; answer: PickerAnswer; final: Selection; isProposal: boolean };

/**
 * The rule for ticked casussen, shared by the wizard and the web form: ticking the proposal
 * changes nothing; ticking as many as the number of casussen pins them; otherwise `action` says
 * whether the number of casussen follows, idokit fills up (never with a proposed casus that was
 * unticked), or idokit picks among the ticked ones. Without an action, the choices are returned.
 * Pure: `select` is the proposal's own selection for these answers.
 */
export function resolveTicks(request: {
  ticked: readonly string[];
  /** The selection the list started from (the proposal, or the current pins filled up). */
  proposal: Selection;
  /** The number of casussen now. */
  count: number;
  /** The pins there are now; kept when the outcome is the proposal after all. */
  pinned: readonly string[];
  library: readonly Casus[];
  select: (pins: readonly string[], pool?: readonly Casus[], count?: number) => Selection;
  /** Checks a new number of casussen with the schema's rules; a Dutch problem or nothing. */
  checkCount: (count: number) => string | undefined;
  action?: TickAction | undefined;
}): TickResult {
  const { ticked, proposal, count, library, select } = request;
  const proposed = proposal.chosen.map(({ casus }) => casus.id);
  if (sameSet(ticked, proposed)) return { kind: "unchanged" };
  const n = ticked.length;
  let answer: PickerAnswer | undefined;
  if (n === count) answer = { value: [...ticked] };
  else {
    const problem = request.checkCount(n);
    const action = request.action === "aantal" && problem ? undefined : request.action;
    if (action === "aantal") answer = { value: [...ticked], also: { [COUNT_KEY]: n } };
    else if (action === "aanvullen" && n < count) {
      // Pin the result, so the pack plays exactly what was shown.
      const pool = library.filter((c) => ticked.includes(c.id) || !proposed.includes(c.id));
      answer = { value: select(ticked, pool, count).chosen.map(({ casus }) => casus.id) };
    } else if (action === "kiezen" && n > count) {
      const pool = library.filter((casus) => ticked.includes(casus.id));
      answer = { value: select([], pool, count).chosen.map(({ casus }) => casus.id) };
    } else
      return {
        kind: "action",
        ticked: n,
        count,
        problem,
        choices: [
          ...(problem ? [] : [{ value: "aantal", label: `Maak het aantal casussen ${n}` }]),
          n < count
            ? {
                value: "aanvullen",
                label: `Houd ${count} casussen: idokit vult aan met ${count - n}`,
              }
            : {
                value: "kiezen",
                label: `Houd ${count} casussen: idokit kiest er ${count} uit deze ${n}`,
              },
        ],
        default: problem ? (n < count ? "aanvullen" : "kiezen") : "aantal",
      };
  }
  const pins = strings(answer.value);
  const final = select(pins, library, Number(answer.also?.[COUNT_KEY] ?? count));
  // The outcome may be the proposal after all (idokit chose these among more): pin nothing new.
  const isProposal = answer.also === undefined && sameSet(pins, proposed);
  return {
    kind: "done",
    answer: isProposal ? { value: [...request.pinned] } : answer,
    final,
    isProposal,
  };
}

async function askCasussen(
  draft: Draft,
  io: PickerIO,
  options: CasusPickerOptions,
): Promise<PickerAnswer> {
  const library = options.library();
  const { vocabulary } = io.ctx;
  const key = io.question.key;
  const known = new Set(library.map((c) => c.id));
  const current = strings(io.current);
  const unknown = current.filter((id) => !known.has(id));
  if (unknown.length > 0)
    io.prompts.problem(
      `Onbekende ${unknown.length === 1 ? "casus" : "casussen"} weggelaten: ${unknown.join(", ")}.`,
    );
  let pinned = current.filter((id) => known.has(id));
  const select = (pins: readonly string[], pool: readonly Casus[] = library, count?: number) =>
    selectCasussen(
      [...pool],
      selectionRequestFor(draft, { seed: options.seed, pinned: pins, count }),
      vocabulary,
    );

  for (;;) {
    const proposal = select(pinned);
    const count = proposal.chosen.length;
    const choice = await io.prompts.select({
      id: key,
      message: "Casussen voor de training",
      help: proposalHelp(pinned.length, count),
      lines: proposalLines(proposal, vocabulary),
      choices: [
        {
          value: "voorstel",
          label: pinned.length > 0 ? "Deze keuze houden" : "Voorstel overnemen",
        },
        { value: "zelf", label: "Zelf kiezen uit de lijst" },
        ...(pinned.length > 0
          ? [{ value: "loslaten", label: "Vaste keuze loslaten: idokit kiest alle casussen" }]
          : []),
      ],
      default: "voorstel",
    });
    if (choice === "voorstel") return { value: pinned };
    if (choice === "loslaten") {
      pinned = [];
      continue;
    }
    const picked = await tickFromList(draft, io, library, proposal, pinned, select);
    if (picked === undefined) continue;
    if (picked.result.kind === "unchanged") {
      io.prompts.note("Je hebt het voorstel gehouden.");
      return { value: pinned };
    }
    const { final, isProposal, answer } = picked.result;
    io.prompts.note(
      isProposal
        ? `Dat is het voorstel van idokit (${final.chosen.length}):`
        : `Jullie casussen (${final.chosen.length}):`,
      final.chosen.map(
        ({ casus }, i) =>
          `${i + 1}. ${casus.titel}${picked.ticked.includes(casus.id) ? "" : " (aangevuld door idokit)"}`,
      ),
    );
    return answer;
  }
}

/** The line above the proposal: idokit's own, the pins filled up, or the person's own choice. */
export function proposalHelp(pinned: number, count: number): string {
  return pinned === 0
    ? `Het voorstel van idokit: ${count} ${count === 1 ? "casus" : "casussen"}, de eenvoudigste eerst.`
    : pinned < count
      ? `Jullie ${pinned} vaste casussen, aangevuld door idokit tot ${count}.`
      : `Jullie eigen keuze: ${count} ${count === 1 ? "casus" : "casussen"}.`;
}

/**
 * The casussen to tick: the proposal on top (ticked), then the rest of the library by theme,
 * difficulty and title.
 */
export function tickOrder(
  library: readonly Casus[],
  proposal: Selection,
  vocabulary: Vocabulary,
): Casus[] {
  const proposed = proposal.chosen.map(({ casus }) => casus.id);
  const theme = (casus: Casus): string => nameOf(vocabulary.themas, casus.thema);
  const rest = library
    .filter((casus) => !proposed.includes(casus.id))
    .sort(
      (a, b) =>
        theme(a).localeCompare(theme(b), "nl") ||
        a.moeilijkheid - b.moeilijkheid ||
        a.titel.localeCompare(b.titel, "nl"),
    );
  return [...proposal.chosen.map(({ casus }) => casus), ...rest];
}

/**
 * The checkbox over the whole library, the proposal ticked and on top; then, when the number
 * ticked differs from the number of casussen, what to do about it. Undefined: back to the
 * proposal.
 */
async function tickFromList(
  draft: Draft,
  io: PickerIO,
  library: readonly Casus[],
  proposal: Selection,
  pinned: readonly string[],
  select: (pins: readonly string[], pool?: readonly Casus[], count?: number) => Selection,
): Promise<{ result: Exclude<TickResult, { kind: "action" }>; ticked: string[] } | undefined> {
  const { vocabulary } = io.ctx;
  const key = io.question.key;
  const count = Number(getPath(draft, COUNT_KEY) ?? 0);
  const choices: PromptChoice[] = tickOrder(library, proposal, vocabulary).map((casus) => ({
    value: casus.id,
    label: casusLabel(casus, vocabulary),
    description: casus.klant,
  }));
  const request = {
    proposal,
    count,
    pinned,
    library,
    select,
    checkCount: (n: number) => io.check(COUNT_KEY, n),
  };

  let checked = proposal.chosen.map(({ casus }) => casus.id);
  for (;;) {
    const ticked = await io.prompts.checkbox({
      id: `${key}.lijst`,
      message: "Welke casussen spelen jullie?",
      help: `Het voorstel staat aangevinkt, bovenaan; daaronder de andere casussen per thema. Aantal casussen nu: ${count}.`,
      choices,
      checked,
      validate: (values) =>
        values.length === 0
          ? "Vink er minstens één aan. Wil je het voorstel? Vink dan niets uit."
          : undefined,
    });
    const result = resolveTicks({ ...request, ticked });
    if (result.kind !== "action") return { result, ticked };

    const how = await io.prompts.select({
      id: `${key}.aantal`,
      message: "Wat wil je doen?",
      help: `Je hebt ${result.ticked} ${result.ticked === 1 ? "casus" : "casussen"} aangevinkt; het aantal casussen staat op ${count}.`,
      lines: result.problem
        ? [`Het aantal op ${result.ticked} zetten kan niet: ${result.problem}`]
        : undefined,
      choices: [
        ...result.choices,
        { value: "opnieuw", label: "Opnieuw aanvinken" },
        { value: "terug", label: "Terug naar het voorstel" },
      ],
      default: result.default,
    });
    if (how === "terug") return undefined;
    if (how === "opnieuw") {
      checked = ticked;
      continue;
    }
    const decided = resolveTicks({ ...request, ticked, action: how as TickAction });
    if (decided.kind !== "action") return { result: decided, ticked };
    checked = ticked;
  }
}
