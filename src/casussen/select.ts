import { nameOf, type Vocabulary } from "../domain/vocabulary.js";
import type { Problem } from "../errors.js";
import { didYouMean, joinDutch } from "../domain/suggest.js";
import { skillTexts } from "../plan/words.js";
import type { Casus, Moeilijkheid } from "./types.js";

/** Difficulty mix of a training. */
export type Niveau = "rustig" | "gemengd" | "uitdagend";

export interface SelectionRequest {
  /** Number of casussen wanted. */
  count: number;
  /** Vaardigheid ids to cover. */
  focus: string[];
  /** Instantie ids this IDO works with (landelijke partners). */
  partners: string[];
  /** `lokalePartnerSoorten` ids of this IDO's local partners. */
  localPartnerTypes: string[];
  /**
   * This IDO's own local partners by name and kind: the reasons name them ("Taalhuis Zuiderhaven
   * past als vervolg") instead of their kind. Without them, the reasons name the kind.
   */
  localPartners?: ReadonlyArray<{ naam: string; soort: string }> | undefined;
  /** Casus ids that must be included; an unknown id is reported as a problem. */
  pinned: string[];
  /** rustig = mostly 1, some 2, no 3; gemengd = spread 1..3; uitdagend = mostly 2–3. */
  niveau: Niveau;
  /** Varies the choice among equally good options; the same seed gives the same result. */
  seed: number;
}

/** A chosen casus with the Dutch reasons why it was chosen (never empty). */
export interface SelectedCasus {
  casus: Casus;
  reasons: string[];
}

export interface Selection {
  /** Ordered from easier to harder, then by id. */
  chosen: SelectedCasus[];
  /**
   * A casus for the demonstration (kartrekker and actor play it for the group): an easy one,
   * not among `chosen`, on another theme. Undefined when the library has nothing left.
   */
  demo?: SelectedCasus | undefined;
  /** Dutch sentences about wishes the selection could not meet. */
  uncovered: string[];
  /** Invalid parts of the request, such as an unknown pinned id. */
  problems: Problem[];
}

/** Difficulties a niveau uses; others are taken only when the library has too few casussen. */
export const NIVEAU_LEVELS: Readonly<Record<Niveau, readonly Moeilijkheid[]>> = {
  rustig: [1, 2],
  gemengd: [1, 2, 3],
  uitdagend: [2, 3],
};

const NIVEAU_NAMES: Readonly<Record<Niveau, string>> = {
  rustig: "rustig",
  gemengd: "gemengd",
  uitdagend: "uitdagend",
};

/**
 * How many casussen of each difficulty a niveau aims for: rustig two thirds 1 and a third 2;
 * gemengd an even spread (starting at 2, so a single casus is of medium difficulty); uitdagend
 * half 2 and half 3 (3 when odd).
 */
export function niveauTargets(niveau: Niveau, count: number): Record<Moeilijkheid, number> {
  const n = Math.max(0, Math.floor(count));
  if (niveau === "rustig") {
    const twos = Math.floor(n / 3);
    return { 1: n - twos, 2: twos, 3: 0 };
  }
  if (niveau === "uitdagend") {
    const threes = Math.ceil(n / 2);
    return { 1: 0, 2: n - threes, 3: threes };
  }
  const targets: Record<Moeilijkheid, number> = { 1: 0, 2: 0, 3: 0 };
  const cycle: readonly Moeilijkheid[] = [2, 1, 3];
  for (let slot = 0; slot < n; slot += 1) targets[cycle[slot % 3] ?? 2] += 1;
  return targets;
}

type Phase = "pin" | "cover" | "fill" | "outside";

interface Pick {
  casus: Casus;
  phase: Phase;
}

// Score weights. Coverage must outweigh every preference together (so the greedy set cover
// comes first); the preferences are balanced against each other.
const WEIGHT = {
  newSkill: 100_000,
  levelFits: 100,
  levelOver: -100,
  newPartner: 40,
  repeatedPartner: 10,
  newLocalPartner: 25,
  repeatedLocalPartner: 8,
  focusDepth: 8,
  repeatedTheme: -60,
  repeatedProfile: -12,
} as const;

// Exact minimum cover is searched over bitmasks; beyond this many skills the greedy result stands.
const EXACT_COVER_MAX_SKILLS = 16;

/**
 * Chooses `request.count` casussen from the library, deterministically for a given seed.
 *
 * 1. Pinned casussen are always included, even when there are more pins than `count` (then the
 *    result is longer than `count` and `uncovered` says so); unknown pins become problems.
 * 2. Greedy set cover of the focus skills with casussen whose difficulty fits the niveau; if
 *    greedy runs out of room, an exact minimum cover is tried instead.
 * 3. The remaining places go to the best-scoring casussen: difficulty mix, matching national and
 *    local partners, and variety of themes and customer profiles. Only when no casus of a
 *    fitting difficulty is left are others added (reported in `uncovered`).
 * 4. The result is ordered from easier to harder, ties by id; every casus gets its reasons.
 */
export function selectCasussen(
  library: readonly Casus[],
  request: SelectionRequest,
  vocabulary: Vocabulary,
): Selection {
  const problems = checkRequest(library, request, vocabulary);
  const uncovered: string[] = [];
  const pool = uniqueSortedById(library);
  const byId = new Map(pool.map((casus) => [casus.id, casus]));
  const count = Number.isFinite(request.count) ? Math.max(0, Math.floor(request.count)) : 0;
  const focus = unique(request.focus).filter((id) => vocabulary.vaardigheden.some((v) => v.id === id));
  const allowed = NIVEAU_LEVELS[request.niveau] ?? NIVEAU_LEVELS.gemengd;
  const targets = niveauTargets(request.niveau, count);
  const jitter = seededJitter(request.seed);

  // 1. Pins.
  const picks: Pick[] = [];
  for (const id of unique(request.pinned)) {
    const casus = byId.get(id);
    if (casus !== undefined) picks.push({ casus, phase: "pin" });
  }
  if (picks.length > count)
    uncovered.push(
      `Er zijn ${picks.length} casussen vastgezet, meer dan de gevraagde ${count}; ze zijn allemaal opgenomen.`,
    );

  const state = new SelectionState(request, focus, targets, jitter);
  for (const pick of picks) state.add(pick.casus);
  const isFree = (casus: Casus) => !state.has(casus.id);
  const fits = (casus: Casus) => allowed.includes(casus.moeilijkheid);

  // 2. Cover the focus skills: greedy first, exact search when greedy runs out of places.
  const coverStart = picks.length;
  while (picks.length < count) {
    const candidates = pool.filter((casus) => isFree(casus) && fits(casus) && state.newSkills(casus) > 0);
    const best = state.best(candidates);
    if (best === undefined) break;
    picks.push({ casus: best, phase: "cover" });
    state.add(best);
  }
  const pinned = picks.slice(0, coverStart).map((pick) => pick.casus);
  const free = pool.filter((casus) => fits(casus) && !pinned.includes(casus));
  const missed = focus.filter(
    (skill) => !state.covers(skill) && free.some((casus) => casus.vaardigheden.includes(skill)),
  );
  if (missed.length > 0) {
    const pinState = new SelectionState(request, focus, targets, jitter);
    for (const casus of pinned) pinState.add(casus);
    const exact = exactCover(free, focus, pinned, count - coverStart, pinState);
    if (exact !== undefined) {
      picks.splice(coverStart);
      state.reset(pinned);
      for (const casus of exact) {
        picks.push({ casus, phase: "cover" });
        state.add(casus);
      }
    }
  }

  // 3. Fill by preference; outside the niveau only as a last resort.
  while (picks.length < count) {
    const inside = pool.filter((casus) => isFree(casus) && fits(casus));
    const phase: Phase = inside.length > 0 ? "fill" : "outside";
    const best = state.best(inside.length > 0 ? inside : pool.filter(isFree));
    if (best === undefined) break;
    picks.push({ casus: best, phase });
    state.add(best);
  }

  // 4. Report what could not be met, then order and explain.
  if (pool.length < count)
    uncovered.push(
      `De casusbibliotheek heeft ${pool.length} ${pool.length === 1 ? "casus" : "casussen"}; er zijn er ${count} gevraagd.`,
    );
  const outside = picks.filter((pick) => pick.phase === "outside");
  if (outside.length > 0) {
    const levels = unique(outside.map((pick) => String(pick.casus.moeilijkheid))).sort();
    uncovered.push(
      `Er zijn te weinig casussen die passen bij het niveau ${NIVEAU_NAMES[request.niveau]}; daarom ${outside.length === 1 ? "is 1 casus" : `zijn ${outside.length} casussen`} met moeilijkheid ${joinDutch(levels)} toegevoegd.`,
    );
  }
  for (const skill of focus) {
    if (state.covers(skill)) continue;
    const name = skillName(vocabulary, skill);
    if (!pool.some((casus) => casus.vaardigheden.includes(skill)))
      uncovered.push(`Geen casus gevonden die ${name} oefent.`);
    else if (!pool.some((casus) => fits(casus) && casus.vaardigheden.includes(skill)))
      uncovered.push(`Geen casus gevonden die ${name} oefent binnen het gekozen niveau.`);
    else
      uncovered.push(
        `${capitalise(name)} komt niet aan bod: in ${count} ${count === 1 ? "casus" : "casussen"} passen niet alle gekozen vaardigheden. Kies meer casussen of minder vaardigheden.`,
      );
  }

  const chosen = picks
    .map((pick) => ({ casus: pick.casus, reasons: reasonsFor(pick, picks, request, focus, vocabulary) }))
    .sort(
      (a, b) =>
        a.casus.moeilijkheid - b.casus.moeilijkheid || compareText(a.casus.id, b.casus.id),
    );
  const demo = selectDemoCasus(pool, chosen.map((item) => item.casus), request, jitter);
  return { chosen, uncovered, problems, ...(demo ? { demo } : {}) };
}

const DEMO_SKILLS = ["doorvragen", "lsd"];
const HEAVY_PROFILES = ["verdrietig", "boos", "angstig"];

/**
 * The demonstration casus: the kartrekker plays the employee, deliberately not perfect, so the
 * group sees a whole conversation before anyone plays. It should be easy (difficulty 1, else 2),
 * about asking through (the skill every casus builds on), light of emotion, on a theme the
 * practice casussen do not use, and about a partner the IDO works with. Deterministic per seed.
 */
function selectDemoCasus(
  pool: readonly Casus[],
  chosen: readonly Casus[],
  request: SelectionRequest,
  jitter: (id: string) => number,
): SelectedCasus | undefined {
  const taken = new Set(chosen.map((casus) => casus.id));
  const themes = new Set(chosen.map((casus) => casus.thema));
  const candidates = pool.filter((casus) => !taken.has(casus.id) && casus.moeilijkheid <= 2);
  let best: { casus: Casus; score: number } | undefined;
  for (const casus of candidates) {
    const score =
      (casus.moeilijkheid === 1 ? 100 : 0) +
      (casus.vaardigheden.some((skill) => DEMO_SKILLS.includes(skill)) ? 50 : 0) +
      (themes.has(casus.thema) ? 0 : 30) +
      (casus.profiel.some((id) => HEAVY_PROFILES.includes(id)) ? -40 : 0) +
      (casus.partners.some((id) => request.partners.includes(id)) ? 10 : 0) +
      jitter(casus.id);
    if (best === undefined || score > best.score) best = { casus, score };
  }
  if (best === undefined) return undefined;
  const reasons = ["een rustige casus om samen naar te kijken voordat iemand zelf speelt"];
  if (!themes.has(best.casus.thema)) reasons.push("met een thema dat in de oefencasussen niet voorkomt");
  return { casus: best.casus, reasons };
}

/** Running totals of the selection so far, and the score of a candidate against them. */
class SelectionState {
  private readonly chosen = new Set<string>();
  private readonly skills = new Set<string>();
  private readonly partners = new Map<string, number>();
  private readonly localPartners = new Map<string, number>();
  private readonly themes = new Map<string, number>();
  private readonly profiles = new Map<string, number>();
  private readonly levels: Record<Moeilijkheid, number> = { 1: 0, 2: 0, 3: 0 };

  constructor(
    private readonly request: SelectionRequest,
    private readonly focus: readonly string[],
    private readonly targets: Record<Moeilijkheid, number>,
    private readonly jitter: (id: string) => number,
  ) {}

  has(id: string): boolean {
    return this.chosen.has(id);
  }

  covers(skill: string): boolean {
    return this.skills.has(skill);
  }

  add(casus: Casus): void {
    this.chosen.add(casus.id);
    for (const skill of casus.vaardigheden) this.skills.add(skill);
    for (const id of casus.partners) increment(this.partners, id);
    for (const id of casus.lokalePartners) increment(this.localPartners, id);
    increment(this.themes, casus.thema);
    for (const id of casus.profiel) increment(this.profiles, id);
    this.levels[casus.moeilijkheid] += 1;
  }

  reset(casussen: readonly Casus[]): void {
    this.chosen.clear();
    this.skills.clear();
    for (const map of [this.partners, this.localPartners, this.themes, this.profiles]) map.clear();
    this.levels[1] = this.levels[2] = this.levels[3] = 0;
    for (const casus of casussen) this.add(casus);
  }

  /** Focus skills this casus would add to the selection. */
  newSkills(casus: Casus): number {
    return this.focus.filter((skill) => casus.vaardigheden.includes(skill) && !this.skills.has(skill))
      .length;
  }

  /** Everything but coverage; the seed's jitter (below 1) only breaks ties. */
  preference(casus: Casus): number {
    let score =
      this.levels[casus.moeilijkheid] < this.targets[casus.moeilijkheid]
        ? WEIGHT.levelFits
        : WEIGHT.levelOver;
    for (const id of casus.partners)
      if (this.request.partners.includes(id))
        score += this.partners.has(id) ? WEIGHT.repeatedPartner : WEIGHT.newPartner;
    for (const id of casus.lokalePartners)
      if (this.request.localPartnerTypes.includes(id))
        score += this.localPartners.has(id) ? WEIGHT.repeatedLocalPartner : WEIGHT.newLocalPartner;
    score += WEIGHT.focusDepth * this.focus.filter((skill) => casus.vaardigheden.includes(skill)).length;
    score += WEIGHT.repeatedTheme * (this.themes.get(casus.thema) ?? 0);
    for (const id of casus.profiel) score += WEIGHT.repeatedProfile * (this.profiles.get(id) ?? 0);
    return score + this.jitter(casus.id);
  }

  score(casus: Casus): number {
    return WEIGHT.newSkill * this.newSkills(casus) + this.preference(casus);
  }

  /** Highest score; ties (only possible with equal jitter) go to the smaller id. */
  best(candidates: readonly Casus[]): Casus | undefined {
    let best: { casus: Casus; score: number } | undefined;
    for (const casus of candidates) {
      const score = this.score(casus);
      if (best === undefined || score > best.score) best = { casus, score };
    }
    return best?.casus;
  }
}

/**
 * Smallest set of casussen (at most `room`) that, with the pinned ones, covers every coverable
 * focus skill: a breadth-first search over bitmasks of skills, so it is exact and fast for the
 * nine skills of the vocabulary. Among casussen with the same skills the best-scoring stands in.
 * `state` holds only the pinned casussen.
 */
function exactCover(
  candidates: readonly Casus[],
  focus: readonly string[],
  pinned: readonly Casus[],
  room: number,
  state: SelectionState,
): Casus[] | undefined {
  const skills = focus.filter(
    (skill) =>
      !pinned.some((casus) => casus.vaardigheden.includes(skill)) &&
      candidates.some((casus) => casus.vaardigheden.includes(skill)),
  );
  if (skills.length === 0 || skills.length > EXACT_COVER_MAX_SKILLS || room <= 0) return undefined;
  const maskOf = (casus: Casus) =>
    skills.reduce((mask, skill, bit) => (casus.vaardigheden.includes(skill) ? mask | (1 << bit) : mask), 0);
  const representative = new Map<number, Casus>();
  for (const casus of candidates) {
    const mask = maskOf(casus);
    const current = representative.get(mask);
    if (mask !== 0 && (current === undefined || state.preference(casus) > state.preference(current)))
      representative.set(mask, casus);
  }
  const moves = [...representative.entries()].sort(
    ([, a], [, b]) => state.preference(b) - state.preference(a),
  );
  const full = (1 << skills.length) - 1;
  const previous = new Map<number, { from: number; casus: Casus }>();
  let frontier = [0];
  for (let depth = 0; depth < room && frontier.length > 0; depth += 1) {
    const next: number[] = [];
    for (const mask of frontier) {
      for (const [move, casus] of moves) {
        const reached = mask | move;
        if (reached === mask || reached === 0 || previous.has(reached)) continue;
        previous.set(reached, { from: mask, casus });
        if (reached === full) {
          const path: Casus[] = [];
          for (let at = full; at !== 0; ) {
            const step = previous.get(at);
            if (step === undefined) break;
            path.unshift(step.casus);
            at = step.from;
          }
          return path;
        }
        next.push(reached);
      }
    }
    frontier = next;
  }
  return undefined;
}

function reasonsFor(
  pick: Pick,
  picks: readonly Pick[],
  request: SelectionRequest,
  focus: readonly string[],
  vocabulary: Vocabulary,
): string[] {
  const { casus } = pick;
  const reasons: string[] = [];
  if (pick.phase === "pin") reasons.push("vastgezet door jullie");

  const skills = focus.filter((skill) => casus.vaardigheden.includes(skill));
  if (skills.length > 0)
    // As the documents say it: LSD includes doorvragen, and emoties is the feeling of this casus.
    reasons.push(`oefent ${joinDutch(skillTexts(skills, vocabulary, casus.profiel))}`);

  const partners = casus.partners
    .filter((id) => request.partners.includes(id))
    .map((id) => shortName(nameOf(vocabulary.instanties, id)));
  if (partners.length > 0)
    reasons.push(
      `${joinDutch(partners)} ${partners.length === 1 ? "staat" : "staan"} in jullie partnerafspraken`,
    );

  const kinds = casus.lokalePartners.filter((id) => request.localPartnerTypes.includes(id));
  // The library's own partners by name; a kind only when no name was given for it.
  const named = unique(
    (request.localPartners ?? [])
      .filter((p) => kinds.includes(p.soort) && p.naam.trim() !== "")
      .map((p) => p.naam.trim()),
  );
  const unnamed = kinds
    .filter((id) => !(request.localPartners ?? []).some((p) => p.soort === id && p.naam.trim() !== ""))
    .map((id) => {
      const kind = vocabulary.lokalePartnerSoorten.find((k) => k.id === id);
      return `jullie ${kind?.tekst ?? lowerName(kind?.naam ?? id)}`;
    });
  const local = [...named, ...unnamed];
  if (local.length > 0) reasons.push(`${joinDutch(local)} ${local.length === 1 ? "past" : "passen"} als vervolg`);

  if (pick.phase === "fill" || pick.phase === "outside") {
    const others = picks.filter((other) => other.casus.id !== casus.id).map((other) => other.casus);
    if (others.length > 0 && !others.some((other) => other.thema === casus.thema))
      reasons.push(
        `zorgt voor variatie met het thema ${lowerName(nameOf(vocabulary.themas, casus.thema))}`,
      );
    if (casus.profiel.some((id) => !others.some((other) => other.profiel.includes(id))))
      reasons.push(
        `zorgt voor variatie in klanten (${joinDutch(casus.profiel.map((id) => lowerName(nameOf(vocabulary.profielen, id))))})`,
      );
  }
  if (pick.phase === "outside")
    reasons.push(
      `aangevuld buiten het niveau ${NIVEAU_NAMES[request.niveau]}, omdat er te weinig casussen waren`,
    );
  if (reasons.length === 0) reasons.push(`past bij het niveau ${NIVEAU_NAMES[request.niveau]}`);
  return reasons;
}

function checkRequest(
  library: readonly Casus[],
  request: SelectionRequest,
  vocabulary: Vocabulary,
): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isInteger(request.count) || request.count < 1)
    problems.push({
      where: "aantal casussen",
      message: `moet een geheel getal van minstens 1 zijn (nu ${String(request.count)}).`,
    });
  if (!(request.niveau in NIVEAU_LEVELS))
    problems.push({
      where: "niveau",
      message: `"${String(request.niveau)}" is geen niveau. Kies uit: rustig, gemengd, uitdagend.`,
    });
  const ids = library.map((casus) => casus.id);
  for (const id of unique(request.pinned))
    if (!ids.includes(id))
      problems.push({
        where: "vastgezette casussen",
        message: `"${id}" is geen bekende casus.${didYouMean(id, ids)}`,
      });
  const lists = [
    ["focus", request.focus, vocabulary.vaardigheden, "vaardigheid"],
    ["partners", request.partners, vocabulary.instanties, "instantie"],
    ["lokale partners", request.localPartnerTypes, vocabulary.lokalePartnerSoorten, "soort lokale partner"],
  ] as const;
  for (const [where, values, entries, what] of lists) {
    const known = entries.map((entry) => entry.id);
    for (const id of unique(values))
      if (!known.includes(id))
        problems.push({ where, message: `"${id}" is geen bekende ${what}.${didYouMean(id, known)}` });
  }
  return problems;
}

/** "Grenzen stellen" → "grenzen stellen", but "LSD (…)" and "DigiD en inloggen" stay as they are. */
function lowerName(name: string): string {
  const first = name.split(/\s/, 1)[0] ?? "";
  return /^\p{Lu}[\p{Ll}]*$/u.test(first) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** "Logius (DigiD, DigiD Machtigen, MijnOverheid)" → "Logius": the aside makes a reason hard to read. */
function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, "") || name;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function skillName(vocabulary: Vocabulary, id: string): string {
  return lowerName(nameOf(vocabulary.vaardigheden, id));
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function uniqueSortedById(library: readonly Casus[]): Casus[] {
  const byId = new Map<string, Casus>();
  for (const casus of library) if (!byId.has(casus.id)) byId.set(casus.id, casus);
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

/** mulberry32: a tiny, well-distributed PRNG, so selection never depends on Math.random. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a, to give each casus its own stream for a seed regardless of library order. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function seededJitter(seed: number): (id: string) => number {
  const base = Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  const cache = new Map<string, number>();
  return (id) => {
    let value = cache.get(id);
    if (value === undefined) {
      value = mulberry32(hashText(id) ^ Math.imul(base, 0x9e3779b1))();
      cache.set(id, value);
    }
    return value;
  };
}
