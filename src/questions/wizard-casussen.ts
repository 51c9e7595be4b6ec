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

const LEVELS: Readonly<Record<Moeilijkheid, string>> = { 1: "rustig", 2: "gemiddeld", 3: "pittig" };

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
      help:
        pinned.length === 0
          ? `Het voorstel van idokit: ${count} ${count === 1 ? "casus" : "casussen"}, de eenvoudigste eerst.`
          : pinned.length < count
            ? `Jullie ${pinned.length} vaste casussen, aangevuld door idokit tot ${count}.`
            : `Jullie eigen keuze: ${count} ${count === 1 ? "casus" : "casussen"}.`,
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
    const picked = await tickFromList(draft, io, library, proposal, select);
    if (picked === undefined) continue;
    if (picked.unchanged) {
      io.prompts.note("Je hebt het voorstel gehouden.");
      return { value: pinned };
    }
    const pins = strings(picked.answer.value);
    const final = select(
      pins,
      library,
      Number(picked.answer.also?.[COUNT_KEY] ?? getPath(draft, COUNT_KEY)),
    );
    // The outcome may be the proposal after all (idokit chose these among more): pin nothing.
    const isProposal =
      picked.answer.also === undefined &&
      sameSet(
        pins,
        proposal.chosen.map(({ casus }) => casus.id),
      );
    io.prompts.note(
      isProposal
        ? `Dat is het voorstel van idokit (${final.chosen.length}):`
        : `Jullie casussen (${final.chosen.length}):`,
      final.chosen.map(
        ({ casus }, i) =>
          `${i + 1}. ${casus.titel}${picked.ticked.includes(casus.id) ? "" : " (aangevuld door idokit)"}`,
      ),
    );
    if (isProposal) return { value: pinned };
    return picked.answer;
  }
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
  select: (pins: readonly string[], pool?: readonly Casus[], count?: number) => Selection,
): Promise<{ answer: PickerAnswer; ticked: string[]; unchanged: boolean } | undefined> {
  const { vocabulary } = io.ctx;
  const key = io.question.key;
  const count = Number(getPath(draft, COUNT_KEY) ?? 0);
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
  const choices: PromptChoice[] = [...proposal.chosen.map(({ casus }) => casus), ...rest].map(
    (casus) => ({
      value: casus.id,
      label: casusLabel(casus, vocabulary),
      description: casus.klant,
    }),
  );

  let checked = proposed;
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
    if (sameSet(ticked, proposed)) return { answer: { value: [] }, ticked, unchanged: true };
    const n = ticked.length;
    const done = (value: string[], also?: Record<string, unknown>) => ({
      answer: also ? { value, also } : { value },
      ticked,
      unchanged: false,
    });
    if (n === count) return done(ticked);

    const problem = io.check(COUNT_KEY, n);
    const how = await io.prompts.select({
      id: `${key}.aantal`,
      message: "Wat wil je doen?",
      help: `Je hebt ${n} ${n === 1 ? "casus" : "casussen"} aangevinkt; het aantal casussen staat op ${count}.`,
      lines: problem ? [`Het aantal op ${n} zetten kan niet: ${problem}`] : undefined,
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
        { value: "opnieuw", label: "Opnieuw aanvinken" },
        { value: "terug", label: "Terug naar het voorstel" },
      ],
      default: problem ? (n < count ? "aanvullen" : "kiezen") : "aantal",
    });
    if (how === "aantal") return done(ticked, { [COUNT_KEY]: n });
    if (how === "aanvullen") {
      // Fill up, but never with a proposed casus the person just unticked; and pin the result,
      // so the pack plays exactly what was shown.
      const pool = library.filter((c) => ticked.includes(c.id) || !proposed.includes(c.id));
      return done(select(ticked, pool, count).chosen.map(({ casus }) => casus.id));
    }
    if (how === "kiezen") {
      const pool = library.filter((casus) => ticked.includes(casus.id));
      return done(select([], pool, count).chosen.map(({ casus }) => casus.id));
    }
    if (how === "terug") return undefined;
    checked = ticked;
  }
}
