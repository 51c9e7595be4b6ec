import { addDays, minutesOf, timeOf } from "../answers/values.js";
import { enumerate, lowerFirst } from "../domain/format.js";
import type { Vocabulary } from "../domain/vocabulary.js";
import { toWorkday } from "./countdown.js";
import { fitSpiekbrief } from "./spiekbrief.js";
import type { BijeenkomstAnswers } from "../questions/bijeenkomst.js";
import type { TrainingAnswers } from "../questions/training.js";
import type { PlannedDocument } from "./training-plan.js";

/**
 * The chores after the documents, planned from the same answers: calendar invitations, mails,
 * the participants' hand-outs (spiekbrief, presentielijst, evaluatieformulier, voornemenkaartjes)
 * and the read-me. Pure: the files to make and the values their templates read (under `pakket`).
 */

/** A calendar event a pack carries as an .ics file; its description comes from a template. */
export interface PlannedEvent {
  /** What identifies the event across remakes: the kind, the library, its location and a date. */
  uidParts: readonly string[];
  date: string;
  start: string;
  end: string;
  summary: string;
  location: string;
  organizer?: { name: string; email: string } | undefined;
}

/** The folder in a pack with the mails to paste and the invitations to attach. */
export const MAIL_FOLDER = "mails";
/** The pack's read-me, opened in any browser. */
export const README_FILE = "LEESMIJ.html";

/** Spare rows on the presentielijst, for colleagues who join at the last moment. */
export const SPARE_ROWS = 4;
/** Spare prints of each hand-out. */
export const SPARE_PRINTS = 2;
/** Voornemenkaartjes on one A4 sheet. */
export const CARDS_PER_SHEET = 8;
/** Length of the voorbespreking with the actor, in minutes. */
export const VOORBESPREKING_MINUTES = 60;

/**
 * The address line of a place: the room or place itself, then the street address or where the
 * library is. A part already said ("Dorpshuis De Schakel" as room and as location) is said once;
 * each part is kept exactly as typed.
 */
export function placeLine(parts: ReadonlyArray<string | undefined>): string {
  const said: string[] = [];
  for (const part of parts) {
    const text = part?.trim() ?? "";
    const before = said.join(", ").toLowerCase();
    if (text !== "" && !before.includes(text.toLowerCase())) said.push(text);
  }
  return said.join(", ");
}

/** The name to greet someone by in a mail: the first name ("Beste Joost"), not a title. */
export function greetingName(name: string | undefined): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? "";
  // "Mw. de Vries", "J. de Vries", "dr. Bakker": only the whole name reads well.
  return /\.$/.test(first) || words.length === 1 ? words.join(" ") : first;
}

/** Weeks after the training that participants look back at their voornemen. */
export const LOOK_BACK_DAYS = 28;

/** The focus skills as one phrase in a sentence; LSD already holds doorvragen. */
export function focusPhrase(ids: readonly string[], vocabulary: Vocabulary): string {
  const chosen = vocabulary.vaardigheden.filter((v) => ids.includes(v.id));
  const skipDoorvragen = ids.includes("lsd");
  return enumerate(
    chosen.filter((v) => !(skipDoorvragen && v.id === "doorvragen")).map((v) => lowerFirst(v.naam)),
  );
}

/** The values the extra training documents read, as `pakket` in the view. */
export function buildTrainingExtras(answers: TrainingAnswers, vocabulary: Vocabulary) {
  const { bibliotheek, training, acteur, werkwijze } = answers;
  const adres = bibliotheek.adres ?? "";
  // Without a street address: where the library is, in words.
  const where = adres
    ? [adres]
    : [bibliotheek.organisatie, bibliotheek.vestiging, bibliotheek.plaats];
  const prints = training.deelnemers + SPARE_PRINTS;
  const plek = acteur.voorbesprekingPlek ?? "";
  // "In de bibliotheek" needs the address to be found; a call or a video meeting does not.
  const voorbesprekingInBibliotheek = plek === "" || /bibliotheek|vestiging/i.test(plek);
  return {
    adres,
    /** The training's place in one line: room, then the street address or the location. */
    trainingsplek: placeLine([training.locatie, ...where]),
    bereikbaarheid: training.bereikbaarheid ?? "",
    voorbespreking: {
      datum: acteur.voorbespreking,
      start: acteur.voorbesprekingTijd,
      eind: timeOf(
        Math.min(minutesOf(acteur.voorbesprekingTijd) + VOORBESPREKING_MINUTES, 23 * 60 + 59),
      ),
      plek,
      plekRegel: voorbesprekingInBibliotheek ? placeLine([plek, ...where]) : plek,
    },
    afdrukken: {
      handout: prints,
      kaartjesVellen: Math.ceil(prints / CARDS_PER_SHEET),
      kaartjesPerVel: CARDS_PER_SHEET,
    },
    presentielijst: {
      rijen: Array.from({ length: training.deelnemers + SPARE_ROWS }, (_, i) => ({
        nummer: i + 1,
      })),
      // Only where volunteers staff the IDO and not everyone has signed yet.
      geheimhouding: werkwijze.geheimhouding === "deels" || werkwijze.geheimhouding === "nee",
    },
    kaartjes: Array.from({ length: CARDS_PER_SHEET }, (_, i) => ({ nummer: i + 1 })),
    /** How the spiekbrief lists the local partners so that it stays on one page. */
    spiekbrief: fitSpiekbrief(bibliotheek.organisatie, answers.partners.lokaal, {
      header: `${bibliotheek.organisatie} · ${bibliotheek.vestiging}`,
    }),
    /** The day participants look back at their voornemen: four weeks on, on a working day. */
    terugblik: toWorkday(addDays(training.datum, LOOK_BACK_DAYS), false),
    focus: focusPhrase(answers.focus.vaardigheden, vocabulary),
    aanhef: {
      acteur: greetingName(acteur.naam),
      poiAdviseur: greetingName(bibliotheek.poiAdviseur),
    },
    /** Set when the pack is made with PDFs (`--pdf` and LibreOffice found). */
    pdf: false,
    mapMails: MAIL_FOLDER,
  };
}

export type TrainingExtras = ReturnType<typeof buildTrainingExtras>;

/** The extra documents of a trainingspakket, after the five main documents. */
export function trainingExtraDocuments(
  answers: TrainingAnswers,
  extras: TrainingExtras,
): PlannedDocument[] {
  const { bibliotheek, training, acteur, kartrekker } = answers;
  const organizer = { name: kartrekker.naam, email: kartrekker.email };
  const library = [bibliotheek.organisatie, bibliotheek.vestiging];
  return [
    {
      file: "spiekbrief.docx",
      template: "training/spiekbrief.md",
      format: "docx",
      title: "Spiekbrief IDO-gesprek",
    },
    {
      file: "presentielijst.docx",
      template: "training/presentielijst.md",
      format: "docx",
      title: "Presentielijst vaardigheidstraining IDO",
    },
    {
      file: "evaluatieformulier.docx",
      template: "training/evaluatieformulier.md",
      format: "docx",
      title: "Evaluatie vaardigheidstraining IDO",
    },
    {
      file: "voornemenkaartjes.docx",
      template: "training/voornemenkaartjes.md",
      format: "docx",
      title: "Voornemenkaartjes",
    },
    {
      file: `${MAIL_FOLDER}/uitnodiging-training.ics`,
      template: "training/agenda-training.md",
      format: "ics",
      title: "Agenda-uitnodiging training",
      event: {
        uidParts: ["training", ...library, training.datum],
        date: training.datum,
        start: training.starttijd,
        end: training.eindtijd,
        summary: `Vaardigheidstraining IDO (${bibliotheek.organisatie})`,
        location: extras.trainingsplek,
        organizer,
      },
    },
    {
      file: `${MAIL_FOLDER}/voorbespreking-trainingsacteur.ics`,
      template: "training/agenda-voorbespreking.md",
      format: "ics",
      title: "Agenda-uitnodiging voorbespreking",
      event: {
        // Tied to the training, so a moved voorbespreking replaces the earlier invitation.
        uidParts: ["voorbespreking", ...library, training.datum],
        date: acteur.voorbespreking,
        start: extras.voorbespreking.start,
        end: extras.voorbespreking.eind,
        summary: `Voorbespreking vaardigheidstraining IDO (${bibliotheek.organisatie})`,
        location: extras.voorbespreking.plekRegel,
        organizer,
      },
    },
    {
      file: `${MAIL_FOLDER}/mail-uitnodiging-collega.txt`,
      template: "training/mail-uitnodiging.md",
      format: "mail",
      title: "Uitnodiging voor collega's",
    },
    {
      file: `${MAIL_FOLDER}/mail-trainingsacteur.txt`,
      template: "training/mail-trainingsacteur.md",
      format: "mail",
      title: "Mail aan de trainingsacteur",
    },
    {
      file: `${MAIL_FOLDER}/mail-poi-adviseur.txt`,
      template: "training/mail-poi-adviseur.md",
      format: "mail",
      title: "Mail aan de POI-adviseur",
    },
    {
      file: README_FILE,
      template: "training/leesmij.md",
      format: "html",
      title: "Lees mij: het trainingspakket",
    },
  ];
}

/** The values the extra bijeenkomst documents read, as `pakket` in the view. */
export function buildBijeenkomstExtras(answers: BijeenkomstAnswers) {
  const { bibliotheek, bijeenkomst } = answers;
  const adres = bibliotheek.adres ?? "";
  const plek = placeLine([
    bijeenkomst.locatie,
    ...(adres ? [adres] : [bibliotheek.organisatie, bibliotheek.vestiging, bibliotheek.plaats]),
  ]);
  return {
    adres,
    plek,
    presentielijst: {
      // No group size is asked for the meeting: a page of rows.
      rijen: Array.from({ length: 16 }, (_, i) => ({ nummer: i + 1 })),
      geheimhouding: false,
    },
    pdf: false,
    mapMails: MAIL_FOLDER,
  };
}

export type BijeenkomstExtras = ReturnType<typeof buildBijeenkomstExtras>;

/** The extra documents of a bijeenkomstpakket. */
export function bijeenkomstExtraDocuments(
  answers: BijeenkomstAnswers,
  extras: BijeenkomstExtras,
): PlannedDocument[] {
  const { bibliotheek, bijeenkomst, kartrekker } = answers;
  return [
    {
      file: "presentielijst.docx",
      template: "bijeenkomst/presentielijst.md",
      format: "docx",
      title: "Presentielijst lokale IDO-bijeenkomst",
    },
    {
      file: `${MAIL_FOLDER}/uitnodiging-bijeenkomst.ics`,
      template: "bijeenkomst/agenda-bijeenkomst.md",
      format: "ics",
      title: "Agenda-uitnodiging bijeenkomst",
      event: {
        uidParts: [
          "bijeenkomst",
          bibliotheek.organisatie,
          bibliotheek.vestiging,
          bijeenkomst.datum,
        ],
        date: bijeenkomst.datum,
        start: bijeenkomst.starttijd,
        end: bijeenkomst.eindtijd,
        summary: `Lokale IDO-bijeenkomst (${bibliotheek.organisatie})`,
        location: extras.plek,
        organizer: { name: kartrekker.naam, email: kartrekker.email },
      },
    },
    {
      file: `${MAIL_FOLDER}/mail-uitnodiging-bijeenkomst.txt`,
      template: "bijeenkomst/mail-uitnodiging.md",
      format: "mail",
      title: "Uitnodiging voor de bijeenkomst",
    },
    {
      file: README_FILE,
      template: "bijeenkomst/leesmij.md",
      format: "html",
      title: "Lees mij: het bijeenkomstpakket",
    },
  ];
}
