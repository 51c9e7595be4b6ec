import { minutesOf, timeOf } from "../answers/values.js";

/**
 * The training schedule: fixed blocks, one slot per casus, and pauses, fitted exactly between
 * start and end time. Pure; the draaiboek table and the programme slide both render its result,
 * so they always agree to the minute.
 */

export type BlockId =
  | "welkom"
  | "kennismaking"
  | "theorie"
  | "demonstratie"
  | "casus"
  | "pauze"
  | "reflectie"
  | "afsluiting";

export interface ScheduleItem {
  id: BlockId;
  start: string;
  end: string;
  minutes: number;
  /** 1-based number of the casus, for `casus` slots. */
  casus?: number;
}

interface FixedBlock {
  id: Exclude<BlockId, "casus" | "pauze">;
  ideal: number;
  min: number;
}

// Durations after the draaiboek skeleton in the domain notes (a dagdeel of about 3¼ hours).
const BEFORE: readonly FixedBlock[] = [
  { id: "welkom", ideal: 10, min: 10 },
  { id: "kennismaking", ideal: 15, min: 10 },
  { id: "theorie", ideal: 30, min: 20 },
  { id: "demonstratie", ideal: 15, min: 10 },
];
const AFTER: readonly FixedBlock[] = [
  { id: "reflectie", ideal: 20, min: 15 },
  { id: "afsluiting", ideal: 10, min: 5 },
];
const FIXED = [...BEFORE, ...AFTER];
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const FIXED_IDEAL = sum(FIXED.map((b) => b.ideal));
const FIXED_MIN = sum(FIXED.map((b) => b.min));

export const PAUSE_MINUTES = 15;
/** A casus with the actor, including feedback and a replay, takes about twenty minutes. */
export const CASUS_IDEAL_MINUTES = 20;
/**
 * Below this many minutes per casus (with the fixed blocks at their usual length) feedback gets
 * rushed: then one casus becomes a reserve, played only when there is time.
 */
export const CASUS_REALISTIC_MINUTES = 18;
export const CASUS_MIN_MINUTES = 10;
const CASUS_MAX_MINUTES = 25;
/** With time to spare a casus may run longer (more players, a replay), but not beyond this. */
const CASUS_LONGEST_MINUTES = 40;
export const MIN_TRAINING_MINUTES = 120;
export const MAX_TRAINING_MINUTES = 360;

/** Number of pauses for a training of this length. */
export function pauseCount(total: number): number {
  return total >= 300 ? 2 : total >= 150 ? 1 : 0;
}

/** Checks start and end time; returns a Dutch problem or nothing. */
export function checkTrainingTimes(start: string, end: string): string | undefined {
  const total = minutesOf(end) - minutesOf(start);
  if (total <= 0) return `De eindtijd (${end}) ligt niet na de starttijd (${start}).`;
  if (total < MIN_TRAINING_MINUTES)
    return `De training duurt maar ${total} minuten. Reken op minstens ${MIN_TRAINING_MINUTES / 60} uur, zodat er tijd is om met de acteur te oefenen.`;
  if (total > MAX_TRAINING_MINUTES)
    return `De training duurt ${formatDuration(total)}; dat is langer dan ${MAX_TRAINING_MINUTES / 60} uur. Splits haar in twee dagdelen.`;
  return undefined;
}

/** "3 uur en 15 minuten", "2 uur", "45 minuten". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} minuten`;
  return m === 0 ? `${h} uur` : `${h} uur en ${m} minuten`;
}

function practiceMinutes(total: number, fixed: number): number {
  return total - pauseCount(total) * PAUSE_MINUTES - fixed;
}

/**
 * How many casussen to propose for a training of this length: those that fit at about twenty
 * minutes each, plus one in reserve (see `reserveCount`) for when the group is quick.
 */
export function suggestedCasusCount(total: number): number {
  const practice = practiceMinutes(total, FIXED_IDEAL);
  const played = Math.round(practice / CASUS_IDEAL_MINUTES);
  return Math.max(2, Math.min(8, played >= 2 ? played + 1 : played));
}

/**
 * How many of `count` casussen are a reserve (0 or 1): when they would get less than
 * CASUS_REALISTIC_MINUTES each, the last one is kept in reserve so the others get their twenty
 * minutes. Two casussen or fewer are always all played.
 */
export function reserveCount(total: number, count: number): 0 | 1 {
  if (count < 3) return 0;
  return practiceMinutes(total, FIXED_IDEAL) / count < CASUS_REALISTIC_MINUTES ? 1 : 0;
}

/** The most casussen that fit at all (fixed blocks at their minimum, short casus slots). */
export function maxCasusCount(total: number): number {
  return Math.max(0, Math.floor(practiceMinutes(total, FIXED_MIN) / CASUS_MIN_MINUTES));
}

/** The fewest casussen that keep every casus slot at most 40 minutes (fixed blocks at 1.5× ideal). */
export function minCasusCount(total: number): number {
  return Math.max(1, Math.ceil(practiceMinutes(total, FIXED_IDEAL * 1.5) / CASUS_LONGEST_MINUTES));
}

const roundTo5 = (minutes: number): number => Math.round(minutes / 5) * 5;

/**
 * Builds the schedule. Fixed blocks shrink towards their minimum when many casussen are wanted
 * and grow when there is time to spare; pauses land at a block boundary near the middle.
 * Throws when the casussen do not fit (callers validate with `maxCasusCount` first).
 */
export function buildSchedule(start: string, end: string, casusCount: number): ScheduleItem[] {
  const total = minutesOf(end) - minutesOf(start);
  const problem = checkTrainingTimes(start, end);
  if (problem) throw new Error(problem);
  if (casusCount < minCasusCount(total) || casusCount > maxCasusCount(total))
    throw new Error(`${casusCount} casussen passen niet in ${formatDuration(total)}.`);

  const pauses = pauseCount(total);
  const available = total - pauses * PAUSE_MINUTES;
  const wantedPractice = casusCount * CASUS_IDEAL_MINUTES;

  // 1. Size the fixed blocks: ideal when there is room, scaled towards the minimum otherwise,
  //    and grown (up to 1.5× ideal) when even long casus slots leave time over.
  let scale: number;
  if (available - FIXED_IDEAL >= wantedPractice) {
    const spare = available - FIXED_IDEAL - casusCount * CASUS_MAX_MINUTES;
    scale = spare > 0 ? 1 + Math.min(0.5, spare / FIXED_IDEAL) : 1;
  } else {
    const room = Math.max(FIXED_MIN, available - wantedPractice);
    scale = (room - FIXED_MIN) / (FIXED_IDEAL - FIXED_MIN);
  }
  const size = (b: FixedBlock): number =>
    Math.max(b.min, roundTo5(scale <= 1 ? b.min + (b.ideal - b.min) * scale : b.ideal * scale));
  const fixedMinutes = new Map(FIXED.map((b) => [b.id, size(b)]));

  // 2. Casus slots share the practice time in 5-minute steps; the later (harder) casussen get
  //    the extra steps. Minutes that are no multiple of 5 go to the reflection.
  const practice = available - sum([...fixedMinutes.values()]);
  const base = Math.max(CASUS_MIN_MINUTES, Math.floor(practice / casusCount / 5) * 5);
  const slots = Array.from({ length: casusCount }, () => base);
  let rest = practice - base * casusCount;
  for (let i = casusCount - 1; rest >= 5; i = (i - 1 + casusCount) % casusCount) {
    slots[i]! += 5;
    rest -= 5;
  }
  fixedMinutes.set("reflectie", fixedMinutes.get("reflectie")! + rest);

  const items: Array<Omit<ScheduleItem, "start" | "end">> = [
    ...BEFORE.map((b) => ({ id: b.id, minutes: fixedMinutes.get(b.id)! })),
    ...slots.map((minutes, i) => ({ id: "casus" as const, minutes, casus: i + 1 })),
    ...AFTER.map((b) => ({ id: b.id, minutes: fixedMinutes.get(b.id)! })),
  ];

  // 3. Place each pause at the boundary closest to an even split, keeping the first and last
  //    45 minutes free of pauses.
  for (let p = 1; p <= pauses; p++) {
    const target = (available * p) / (pauses + 1);
    let best = -1;
    let bestDistance = Infinity;
    let elapsed = 0;
    items.forEach((item, index) => {
      elapsed += item.id === "pauze" ? 0 : item.minutes;
      const next = items[index + 1];
      if (!next || next.id === "pauze" || item.id === "pauze") return;
      if (elapsed < 45 || available - elapsed < 45) return;
      const distance = Math.abs(elapsed - target);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index;
      }
    });
    if (best >= 0) items.splice(best + 1, 0, { id: "pauze", minutes: PAUSE_MINUTES });
  }

  // 4. Clock times.
  let clock = minutesOf(start);
  return items.map((item) => {
    const scheduled = { ...item, start: timeOf(clock), end: timeOf(clock + item.minutes) };
    clock += item.minutes;
    return scheduled;
  });
}
