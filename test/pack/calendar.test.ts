import { describe, expect, it } from "vitest";
import { icalParser, parseCalendars } from "../helpers/icalendar.js";
import { exampleAnswers, makeExamplePack } from "../helpers/pack.js";
import type { TrainingPack } from "../../src/pack/training.js";
import { loadBijeenkomstResources } from "../../src/commands/bijeenkomst.js";
import { makeBijeenkomstPack } from "../../src/pack/bijeenkomst.js";
import { exampleRaw as bijeenkomstRaw, TODAY, validBijeenkomst } from "../bijeenkomst/helpers.js";

const TRAINING_ICS = "mails/uitnodiging-training.ics";
const VOORBESPREKING_ICS = "mails/voorbespreking-trainingsacteur.ics";

const textOf = (pack: Pick<TrainingPack, "files">, name: string): string => {
  const file = pack.files.find((f) => f.name === name);
  if (!file) throw new Error(`${name} is not in the pack`);
  return new TextDecoder().decode(file.data);
};

describe.skipIf(!icalParser.available)("calendar invitations, read by python3-icalendar", () => {
  it("puts the training and the voorbespreking at their local Dutch times, with organiser and place", async () => {
    const pack = await makeExamplePack(exampleAnswers());
    const [training, voorbespreking] = parseCalendars([
      textOf(pack, TRAINING_ICS),
      textOf(pack, VOORBESPREKING_ICS),
    ]);
    const view = pack.plan.view;
    expect(training!.start).toBe(`${view.training.datum}T13:30:00${offsetOn(view.training.datum)}`);
    expect(training!.end).toBe(`${view.training.datum}T16:45:00${offsetOn(view.training.datum)}`);
    expect(training!.tzid).toBe("Europe/Amsterdam");
    expect(training!.timezones).toEqual(["Europe/Amsterdam"]);
    expect(training!.organizer).toBe("mailto:s.jansen@bibliotheekzuiderlinge.nl");
    expect(training!.organizerName).toBe("Sanne Jansen");
    expect(training!.location).toContain("Vergaderzaal De Linde");
    expect(training!.location).toContain("Marktplein 4, 4001 AB Zuiderhaven");
    expect(training!.description).toContain(
      "Vaardigheidstraining voor het Informatiepunt Digitale Overheid",
    );
    expect(training!.method).toBe("PUBLISH");
    // DTSTAMP is UTC, as RFC 5545 requires.
    expect(training!.stamp).toBe("2026-11-28T12:00:00+00:00");
    const datum = view.acteur.voorbespreking;
    expect(voorbespreking!.start).toBe(`${datum}T10:00:00${offsetOn(datum)}`);
    expect(voorbespreking!.end).toBe(`${datum}T11:00:00${offsetOn(datum)}`);
    expect(voorbespreking!.location).toContain("in de kamer naast de leeszaal");
    expect(voorbespreking!.uid).not.toBe(training!.uid);
  });

  it.each([
    // Summer time starts on Sunday 28 March 2027: the Tuesday before is CET, the one after CEST.
    ["2027-03-23", "+01:00"],
    ["2027-03-30", "+02:00"],
    // And ends on Sunday 31 October 2027.
    ["2027-10-26", "+02:00"],
    ["2027-11-02", "+01:00"],
  ])("keeps 13.30 local on %s (UTC%s) around a daylight-saving change", async (datum, offset) => {
    const pack = await makeExamplePack(
      exampleAnswers((raw) => {
        raw.training!.datum = datum;
        raw.acteur!.voorbespreking = "2027-03-09";
      }),
    );
    const [event] = parseCalendars([textOf(pack, TRAINING_ICS)]);
    expect(event!.start).toBe(`${datum}T13:30:00${offset}`);
  });

  it("keeps the UID when the pack is remade with another time, and raises SEQUENCE", async () => {
    const first = await makeExamplePack(exampleAnswers());
    const later = await makeExamplePack(
      exampleAnswers((raw) => {
        raw.training!.starttijd = "09:30";
        raw.training!.eindtijd = "12:45";
      }),
      1,
      undefined,
      new Date("2026-12-05T09:00:00Z"),
    );
    const [a, b] = parseCalendars([textOf(first, TRAINING_ICS), textOf(later, TRAINING_ICS)]);
    expect(b!.uid).toBe(a!.uid);
    expect(b!.sequence).toBeGreaterThan(a!.sequence);
    expect(b!.start).toContain("T09:30:00");
    // Another library on the same day is another event.
    const other = await makeExamplePack(
      exampleAnswers((raw) => (raw.bibliotheek!.organisatie = "Bibliotheek Anders")),
    );
    const [c] = parseCalendars([textOf(other, TRAINING_ICS)]);
    expect(c!.uid).not.toBe(a!.uid);
  });

  it("keeps names with commas, semicolons and accents intact", async () => {
    const pack = await makeExamplePack(
      exampleAnswers((raw) => {
        raw.training!.locatie = "Zaal 't Hooghe; boven, links";
        raw.kartrekker!.naam = "Anne-Marie d'Éclair";
      }),
    );
    const [event] = parseCalendars([textOf(pack, TRAINING_ICS)]);
    expect(event!.location).toContain("Zaal 't Hooghe; boven, links");
    expect(event!.organizerName).toBe("Anne-Marie d'Éclair");
  });

  it("gives the bijeenkomst its own invitation", async () => {
    const { resources } = loadBijeenkomstResources({});
    const answers = validBijeenkomst(bijeenkomstRaw());
    const pack = await makeBijeenkomstPack(answers, resources, {
      today: TODAY,
      created: new Date("2026-11-28T10:00:00Z"),
    });
    const [event] = parseCalendars([textOf(pack, "mails/uitnodiging-bijeenkomst.ics")]);
    const { datum, starttijd } = answers.bijeenkomst;
    expect(event!.start).toBe(`${datum}T${starttijd}:00${offsetOn(datum)}`);
    expect(event!.summary).toContain("Lokale IDO-bijeenkomst");
    expect(event!.location).toContain(answers.bijeenkomst.locatie);
  });
});

/** The UTC offset of Amsterdam at noon on a date, from the platform's own time zone data. */
function offsetOn(date: string): string {
  const name = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Amsterdam",
    timeZoneName: "longOffset",
  })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((part) => part.type === "timeZoneName")!.value;
  return name.replace("GMT", "");
}
