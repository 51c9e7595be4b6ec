import { UsageError } from "../errors.js";

/**
 * The one timestamp of a pack, stamped into the document properties, the zip entry dates of every
 * .docx and .pptx and the manifest. It never comes from the clock, so the same answers, templates,
 * casussen and idokit version give byte-identical files:
 *
 * - `SOURCE_DATE_EPOCH` (seconds since 1970, UTC; the reproducible-builds convention) when set;
 * - otherwise the start of "today" (00:00 UTC of the day idokit runs, or of `IDOKIT_VANDAAG`): a
 *   pack remade on the same day is identical, and the date still says when it was made.
 */
export function packTimestamp(today: string, sourceDateEpoch?: string): Date {
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== "") {
    const seconds = sourceDateEpoch.trim();
    // DOS dates in zip files cover 1980–2107; outside that a date cannot be kept exactly.
    if (!/^\d{1,12}$/.test(seconds) || Number(seconds) < 315532800 || Number(seconds) > 4354819199)
      throw new UsageError(
        `SOURCE_DATE_EPOCH="${sourceDateEpoch}" is geen geldig tijdstip voor een pakket.`,
        {
          hint: "Geef het aantal seconden sinds 1 januari 1970 (UTC), tussen 1980 en 2107, bijvoorbeeld 1767225600, of laat de variabele weg.",
        },
      );
    return new Date(Number(seconds) * 1000);
  }
  return new Date(`${today}T00:00:00Z`);
}
