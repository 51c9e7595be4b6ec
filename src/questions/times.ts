import { minutesOf, timeOf } from "../answers/values.js";
import { getPath, type Draft } from "./define.js";

/** Default for an end time: the start time (at `startKey`) plus a standard length. */
export function endTimeDefault(
  startKey: string,
  minutes: number,
): (draft: Draft) => string | undefined {
  return (draft) => {
    const start = getPath(draft, startKey);
    if (typeof start !== "string") return undefined;
    return timeOf(Math.min(minutesOf(start) + minutes, 23 * 60 + 59));
  };
}

/** Check for an end time against the start time at `startKey`, with the event's own rule. */
export function checkEndTime(
  startKey: string,
  rule: (start: string, end: string) => string | undefined,
): (value: string, draft: Draft) => string | undefined {
  return (value, draft) => {
    const start = getPath(draft, startKey);
    return typeof start === "string" ? rule(start, value) : undefined;
  };
}
