import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minutesOf } from "../../src/answers/values.js";
import {
  buildAgenda,
  checkMeetingTimes,
  MAX_MEETING_MINUTES,
  MIN_MEETING_MINUTES,
} from "../../src/plan/agenda.js";
import { WERKAFSPRAKEN, type Werkafspraak } from "../../src/questions/bijeenkomst.js";

const times = (items: ReturnType<typeof buildAgenda>) =>
  items.map((i) => `${i.start}-${i.end} ${i.onderwerp ?? i.id}`);

describe("buildAgenda", () => {
  it("fits welcome, check, one item per open topic, the IDO's surroundings, training and closing into two hours", () => {
    expect(
      times(buildAgenda("14:00", "16:00", ["partners", "privacy", "escalatie", "kennis"])),
    ).toEqual([
      "14:00-14:10 welkom",
      "14:10-14:15 stand",
      "14:15-14:40 partners",
      "14:40-15:00 privacy",
      "15:00-15:15 escalatie",
      "15:15-15:30 kennis",
      "15:30-15:40 omgeving",
      "15:40-15:50 training",
      "15:50-16:00 afsluiting",
    ]);
  });

  it("takes short time from the fixed items first: the open topics keep their length", () => {
    const agenda = buildAgenda("14:00", "16:00", ["partners", "privacy", "escalatie", "kennis"]);
    expect(agenda.find((i) => i.onderwerp === "partners")?.minutes).toBe(25);
    expect(agenda.find((i) => i.id === "welkom")?.minutes).toBe(10);
  });

  it("keeps ten minutes for the welcome and the closing round while the topics can give way", () => {
    // Five open topics in two hours: the ideal is 140 minutes.
    const agenda = buildAgenda("10:00", "12:00", [
      "partners",
      "inrichting",
      "privacy",
      "escalatie",
      "kennis",
    ]);
    expect(agenda.at(-1)?.end).toBe("12:00");
    expect(agenda.find((i) => i.id === "welkom")?.minutes).toBe(10);
    expect(agenda.find((i) => i.id === "afsluiting")?.minutes).toBe(10);
    for (const item of agenda.filter((i) => i.id === "onderwerp"))
      expect(item.minutes, item.onderwerp).toBeGreaterThanOrEqual(15);
  });

  it("gives all spare time to the check when nothing is open", () => {
    const agenda = buildAgenda("19:00", "20:30", []);
    expect(agenda.map((i) => i.id)).toEqual([
      "welkom",
      "stand",
      "omgeving",
      "training",
      "afsluiting",
    ]);
    expect(agenda.find((i) => i.id === "stand")?.minutes).toBe(50);
  });

  it("adds a ten-minute break near the middle of a meeting of 2½ hours or more", () => {
    const agenda = buildAgenda("13:00", "16:00", [...WERKAFSPRAKEN]);
    const pauses = agenda.filter((i) => i.id === "pauze");
    expect(pauses).toHaveLength(1);
    const pause = pauses[0]!;
    expect(pause.minutes).toBe(10);
    expect(Math.abs(minutesOf(pause.start) - minutesOf("14:30"))).toBeLessThanOrEqual(30);
    expect(buildAgenda("13:00", "15:00", [...WERKAFSPRAKEN]).some((i) => i.id === "pauze")).toBe(
      false,
    );
  });

  it("shrinks every item, never below five minutes, when all topics share one hour", () => {
    const agenda = buildAgenda("09:00", "10:00", [...WERKAFSPRAKEN]);
    expect(agenda.at(-1)?.end).toBe("10:00");
    expect(Math.min(...agenda.map((i) => i.minutes))).toBeGreaterThanOrEqual(5);
    expect(agenda.filter((i) => i.id === "onderwerp")).toHaveLength(7);
  });

  it("keeps the order of the topics as given and ignores duplicates", () => {
    const agenda = buildAgenda("14:00", "16:00", ["kennis", "werkwijze", "kennis"]);
    expect(agenda.filter((i) => i.onderwerp).map((i) => i.onderwerp)).toEqual([
      "kennis",
      "werkwijze",
    ]);
  });

  it("ends exactly at the end time when it is not a multiple of five minutes", () => {
    const agenda = buildAgenda("14:03", "16:17", ["privacy"]);
    expect(agenda[0]?.start).toBe("14:03");
    expect(agenda.at(-1)?.end).toBe("16:17");
  });

  it("throws on times the schema would reject", () => {
    expect(() => buildAgenda("16:00", "14:00", [])).toThrow(/niet na de starttijd/);
  });

  it("always runs from start to end without gaps, for any valid length and topics", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 7 * 60, max: 18 * 60 }),
        fc.integer({ min: MIN_MEETING_MINUTES, max: MAX_MEETING_MINUTES }),
        fc.subarray([...WERKAFSPRAKEN] as Werkafspraak[]),
        (startMinutes, length, open) => {
          const pad = (n: number) => String(n).padStart(2, "0");
          const at = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
          const agenda = buildAgenda(at(startMinutes), at(startMinutes + length), open);
          expect(agenda[0]?.start).toBe(at(startMinutes));
          expect(agenda.at(-1)?.end).toBe(at(startMinutes + length));
          agenda.slice(1).forEach((item, i) => expect(item.start).toBe(agenda[i]!.end));
          for (const item of agenda) expect(item.minutes).toBeGreaterThanOrEqual(5);
          expect(agenda.filter((i) => i.id === "onderwerp").map((i) => i.onderwerp)).toEqual(open);
        },
      ),
    );
  });
});

describe("checkMeetingTimes", () => {
  it.each([
    ["14:00", "16:00", undefined],
    ["14:00", "15:00", undefined],
    ["14:00", "14:45", /minstens een uur/],
    ["14:00", "13:00", /niet na de starttijd/],
    ["09:00", "13:30", /langer dan 4 uur/],
  ])("%s–%s", (start, end, problem) => {
    const result = checkMeetingTimes(start, end);
    if (problem === undefined) expect(result).toBeUndefined();
    else expect(result).toMatch(problem);
  });
});
