import { describe, expect, it } from "vitest";
import { minutesOf } from "../../src/answers/values.js";
import {
  buildSchedule,
  checkTrainingTimes,
  maxCasusCount,
  minCasusCount,
  reserveCount,
  suggestedCasusCount,
} from "../../src/plan/schedule.js";

describe("buildSchedule", () => {
  it.each([
    ["13:30", "16:45", 5],
    ["09:00", "11:00", 2],
    ["09:30", "12:30", 4],
    ["09:00", "15:00", 8],
    ["09:00", "15:00", 5],
    ["13:32", "16:47", 5],
    ["13:00", "17:00", 3],
    ["10:00", "12:10", 4],
  ])("fills %s–%s with %i casussen exactly, without gaps", (start, end, count) => {
    const items = buildSchedule(start, end, count);
    expect(items[0]!.start).toBe(start);
    expect(items[items.length - 1]!.end).toBe(end);
    for (let i = 1; i < items.length; i++) expect(items[i]!.start).toBe(items[i - 1]!.end);
    for (const item of items)
      expect(minutesOf(item.end) - minutesOf(item.start)).toBe(item.minutes);
    expect(items.filter((i) => i.id === "casus").map((i) => i.casus)).toEqual(
      Array.from({ length: count }, (_, i) => i + 1),
    );
  });

  it("places the pause near the middle, never in the first or last 45 minutes", () => {
    const items = buildSchedule("13:30", "16:45", 5);
    const pause = items.find((i) => i.id === "pauze")!;
    expect(minutesOf(pause.start) - minutesOf("13:30")).toBeGreaterThanOrEqual(45);
    expect(minutesOf("16:45") - minutesOf(pause.end)).toBeGreaterThanOrEqual(45);
    expect(Math.abs(minutesOf(pause.start) - (minutesOf("13:30") + 90))).toBeLessThanOrEqual(30);
  });

  it("gives a six-hour day two pauses and a two-hour session none", () => {
    expect(buildSchedule("09:00", "15:00", 6).filter((i) => i.id === "pauze")).toHaveLength(2);
    expect(buildSchedule("09:00", "11:00", 2).filter((i) => i.id === "pauze")).toHaveLength(0);
  });

  it("keeps the standard programme for a standard afternoon: four casussen of twenty minutes", () => {
    const items = buildSchedule("13:30", "16:45", 4);
    expect(items.map((i) => `${i.start} ${i.id}`)).toEqual([
      "13:30 welkom",
      "13:40 kennismaking",
      "13:55 theorie",
      "14:25 demonstratie",
      "14:40 casus",
      "15:00 pauze",
      "15:15 casus",
      "15:35 casus",
      "15:55 casus",
      "16:15 reflectie",
      "16:35 afsluiting",
    ]);
  });

  it("gives later (harder) casussen the extra minutes when the time does not divide evenly", () => {
    const slots = buildSchedule("13:30", "16:45", 8)
      .filter((i) => i.id === "casus")
      .map((i) => i.minutes);
    expect(slots).toEqual([10, 10, 15, 15, 15, 15, 15, 15]);
  });

  it("refuses too few casussen for a long day, so no casus drags on", () => {
    expect(minCasusCount(360)).toBeGreaterThan(3);
    expect(() => buildSchedule("09:00", "15:00", 3)).toThrow();
    for (const item of buildSchedule("09:00", "15:00", minCasusCount(360)))
      if (item.id === "casus") expect(item.minutes).toBeLessThanOrEqual(40);
  });

  it("refuses more casussen than fit", () => {
    expect(() => buildSchedule("13:30", "15:30", maxCasusCount(120) + 1)).toThrow(/passen niet/);
  });
});

describe("time rules", () => {
  it.each([
    ["13:30", "13:00", /ligt niet na de starttijd/],
    ["13:30", "14:30", /minstens 2 uur/],
    ["08:00", "15:30", /langer dan 6 uur/],
  ])("refuses %s–%s", (start, end, message) =>
    expect(checkTrainingTimes(start, end)).toMatch(message),
  );

  it("suggests one casus per twenty minutes of practice time, and one in reserve", () => {
    expect(suggestedCasusCount(195)).toBe(5);
    expect(reserveCount(195, suggestedCasusCount(195))).toBe(1);
    expect(suggestedCasusCount(120)).toBe(2);
    expect(suggestedCasusCount(360)).toBe(8);
  });
});

describe("reserveCount", () => {
  it.each([
    [195, 5, 1],
    [195, 4, 0],
    [195, 3, 0],
    [240, 5, 0],
    [120, 3, 1],
    [120, 2, 0],
    [360, 8, 0],
  ])("a training of %i minutes with %i casussen keeps %i in reserve", (total, count, reserve) =>
    expect(reserveCount(total, count)).toBe(reserve),
  );
});
