import { minutesOf, timeOf } from "../answers/values.js";
import type { Werkafspraak } from "../questions/bijeenkomst.js";
import { formatDuration } from "./schedule.js";

/**
 * The agenda of the lokale IDO-bijeenkomst: fixed items around one item per open werkafspraak,
 * fitted exactly between start and end time. Pure; the handleiding's agenda table and the
 * agenda slide both render its result, so they always agree to the minute.
 */

export type AgendaId =
  "welkom" | "stand" | "onderwerp" | "omgeving" | "pauze" | "training" | "afsluiting";

export interface AgendaItem {
  id: AgendaId;
  /** The werkafspraak of an `onderwerp` item. */
  onderwerp?: Werkafspraak;
  start: string;
  end: string;
  minutes: number;
}

interface Sized {
  ideal: number;
  min: number;
  /**
   * The length an item keeps as long as the open topics can give way instead: a round of
   * introductions or of what everyone takes home does not fit in five minutes. Default `min`.
   */
  floor?: number;
}

type FixedId = Exclude<AgendaId, "onderwerp" | "pauze">;

const FIXED: Readonly<Record<FixedId, Sized>> = {
  welkom: { ideal: 10, min: 5, floor: 10 },
  // Going over what is already settled: a quick check, or the whole meeting when nothing is open.
  stand: { ideal: 10, min: 5 },
  // Around the IDO table: the front office when the IDO is closed, the gemeente, promotion.
  omgeving: { ideal: 10, min: 5 },
  training: { ideal: 10, min: 5 },
  afsluiting: { ideal: 10, min: 5, floor: 10 },
};

const floorOf = (sized: Sized): number => sized.floor ?? sized.min;

/** How long a werkafspraak takes to settle, ideally; partners and privacy need the most talk. */
const TOPIC: Readonly<Record<Werkafspraak, Sized>> = {
  werkwijze: { ideal: 20, min: 5 },
  partners: { ideal: 25, min: 5 },
  inrichting: { ideal: 15, min: 5 },
  privacy: { ideal: 20, min: 5 },
  registratie: { ideal: 10, min: 5 },
  escalatie: { ideal: 15, min: 5 },
  kennis: { ideal: 15, min: 5 },
};

export const STANDARD_MEETING_MINUTES = 120;
export const MIN_MEETING_MINUTES = 60;
export const MAX_MEETING_MINUTES = 240;
export const MEETING_PAUSE_MINUTES = 10;
/** Below this many minutes per open werkafspraak the talk gets hurried: worth a warning. */
export const HURRIED_TOPIC_MINUTES = 10;

/** A meeting of 2½ hours or more gets a short break. */
export function meetingPauseCount(total: number): number {
  return total >= 150 ? 1 : 0;
}

/** Checks start and end time of the meeting; returns a Dutch problem or nothing. */
export function checkMeetingTimes(start: string, end: string): string | undefined {
  const total = minutesOf(end) - minutesOf(start);
  if (total <= 0) return `De eindtijd (${end}) ligt niet na de starttijd (${start}).`;
  if (total < MIN_MEETING_MINUTES)
    return `De bijeenkomst duurt maar ${total} minuten. Reken op minstens een uur, zodat er tijd is om afspraken te maken.`;
  if (total > MAX_MEETING_MINUTES)
    return `De bijeenkomst duurt ${formatDuration(total)}; dat is langer dan ${MAX_MEETING_MINUTES / 60} uur. Verdeel de onderwerpen liever over twee bijeenkomsten.`;
  return undefined;
}

const roundTo5 = (minutes: number): number => Math.round(minutes / 5) * 5;
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Builds the agenda: welcome, a check of what is settled, one item per open werkafspraak (in the
 * given order), the IDO's surroundings (front office, gemeente, promotion), the road to the
 * training, and the closing round. Fixed items keep their ideal
 * length and spare time goes to the open topics (or, when nothing is open, to the check);
 * in a short meeting the fixed items give way first, then the topics, and the welcome and the
 * closing round keep ten minutes unless nothing else can give; nothing below five minutes. Throws on
 * times that `checkMeetingTimes` rejects.
 */
export function buildAgenda(
  start: string,
  end: string,
  open: readonly Werkafspraak[],
): AgendaItem[] {
  const problem = checkMeetingTimes(start, end);
  if (problem) throw new Error(problem);
  const total = minutesOf(end) - minutesOf(start);
  const topics = [...new Set(open)];
  const pauses = meetingPauseCount(total);
  const available = total - pauses * MEETING_PAUSE_MINUTES;

  // 1. Wanted lengths, before rounding.
  const fixedIds = Object.keys(FIXED) as FixedId[];
  const fixedIdeal = sum(fixedIds.map((id) => FIXED[id].ideal));
  const topicIdeal = sum(topics.map((t) => TOPIC[t].ideal));
  const wanted = new Map<string, number>();
  const sized = new Map<string, Sized>();
  for (const id of fixedIds) sized.set(id, FIXED[id]);
  for (const t of topics) sized.set(t, TOPIC[t]);
  if (available >= fixedIdeal + topicIdeal) {
    for (const id of fixedIds) wanted.set(id, FIXED[id].ideal);
    const spare = available - fixedIdeal;
    if (topics.length === 0) wanted.set("stand", FIXED.stand.ideal + spare);
    else for (const t of topics) wanted.set(t, (TOPIC[t].ideal * spare) / topicIdeal);
  } else {
    // Short of time: the fixed items give way first (towards their floor: the welcome and the
    // closing round keep ten minutes), because the open werkafspraken are what the meeting is
    // for; then the topics shrink, towards five minutes; only when even that does not fit do
    // the welcome and the closing round shrink too.
    const fixedFloor = sum(fixedIds.map((id) => floorOf(FIXED[id])));
    const fixedMin = sum(fixedIds.map((id) => FIXED[id].min));
    const topicMin = sum(topics.map((t) => TOPIC[t].min));
    const shortfall = fixedIdeal + topicIdeal - available;
    const fixedRoom = fixedIdeal - fixedFloor;
    if (shortfall <= fixedRoom) {
      for (const id of fixedIds)
        wanted.set(
          id,
          FIXED[id].ideal - ((FIXED[id].ideal - floorOf(FIXED[id])) * shortfall) / fixedRoom,
        );
      for (const t of topics) wanted.set(t, TOPIC[t].ideal);
    } else {
      const fixed = available - fixedFloor >= topicMin ? fixedFloor : fixedMin;
      for (const id of fixedIds)
        wanted.set(id, fixed === fixedFloor ? floorOf(FIXED[id]) : FIXED[id].min);
      const scale = (available - fixed) / topicIdeal;
      for (const t of topics) wanted.set(t, TOPIC[t].ideal * scale);
    }
  }

  // 2. Whole 5-minute steps, at least the minimum; then settle the difference with the total:
  //    minutes to spare go to the biggest open topic (else the check), minutes short come from
  //    the biggest fixed item that can give, and only then from a topic.
  const minutes = new Map<string, number>();
  for (const [id, value] of wanted) minutes.set(id, Math.max(sized.get(id)!.min, roundTo5(value)));
  let difference = available - sum([...minutes.values()]);
  const isFixed = (id: string) => (fixedIds as string[]).includes(id);
  // Among equals, the check of what is settled gives way first and the welcome last.
  const giveWay = ["stand", "omgeving", "afsluiting", "training", "welkom"];
  const rank = (id: string) => (giveWay.includes(id) ? giveWay.indexOf(id) : giveWay.length);
  const bySize = (ids: string[]) =>
    ids.sort((a, b) => minutes.get(b)! - minutes.get(a)! || rank(a) - rank(b));
  while (difference !== 0) {
    const step = difference > 0 ? Math.min(5, difference) : Math.max(-5, difference);
    const ids = [...minutes.keys()];
    const fixed = bySize(ids.filter(isFixed));
    const open = bySize(ids.filter((id) => !isFixed(id)));
    const order = step < 0 ? [...fixed, ...open] : [...open, ...fixed];
    // Minutes short come from an item above its floor first; only then from one above its minimum.
    const target =
      order.find((id) => minutes.get(id)! + step >= floorOf(sized.get(id)!)) ??
      order.find((id) => minutes.get(id)! + step >= sized.get(id)!.min);
    if (target === undefined) break; // cannot happen within checkMeetingTimes' bounds
    minutes.set(target, minutes.get(target)! + step);
    difference -= step;
  }

  const items: Array<Omit<AgendaItem, "start" | "end">> = [
    { id: "welkom", minutes: minutes.get("welkom")! },
    { id: "stand", minutes: minutes.get("stand")! },
    ...topics.map((t) => ({ id: "onderwerp" as const, onderwerp: t, minutes: minutes.get(t)! })),
    { id: "omgeving", minutes: minutes.get("omgeving")! },
    { id: "training", minutes: minutes.get("training")! },
    { id: "afsluiting", minutes: minutes.get("afsluiting")! },
  ];

  // 3. The break goes at the item boundary closest to half-way, never in the first or last half
  //    hour.
  if (pauses > 0) {
    let best = -1;
    let bestDistance = Infinity;
    let elapsed = 0;
    items.forEach((item, index) => {
      elapsed += item.minutes;
      if (index === items.length - 1 || elapsed < 30 || available - elapsed < 30) return;
      const distance = Math.abs(elapsed - available / 2);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index;
      }
    });
    if (best >= 0) items.splice(best + 1, 0, { id: "pauze", minutes: MEETING_PAUSE_MINUTES });
    else items[1]!.minutes += MEETING_PAUSE_MINUTES; // no room for a break: keep the end time
  }

  // 4. Clock times.
  let clock = minutesOf(start);
  return items.map((item) => {
    const placed = { ...item, start: timeOf(clock), end: timeOf(clock + item.minutes) };
    clock += item.minutes;
    return placed;
  });
}
