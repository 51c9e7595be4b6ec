/**
 * What each file of a pack is for, as the form's result page lists it (the same words as the
 * README's table). A test makes every pack and checks that each file it contains is described.
 */

export interface FileGuide {
  voor: string;
  wat: string;
}

const GUIDE: Readonly<Record<string, FileGuide>> = {
  "draaiboek.docx": {
    voor: "Kartrekker",
    wat: "Planning met data, checklist, het programma met tijden, per onderdeel wat je doet, je rol als procesbegeleider, lokale afspraken en nazorg.",
  },
  "presentatie-vaardigheidstraining.pptx": {
    voor: "Kartrekker",
    wat: "De presentatie voor de training, met sprekersnotities bij elke dia.",
  },
  "briefing-trainingsacteur.docx": {
    voor: "Trainingsacteur",
    wat: "Lokale situatie, groep, leerdoelen, de agenda van de voorbespreking en een rolkaart per casus.",
  },
  "casussen-trainer.docx": {
    voor: "Kartrekker en acteur",
    wat: "De gekozen casussen volledig, met waarom ze gekozen zijn.",
  },
  "casussen-deelnemers.docx": {
    voor: "Deelnemers",
    wat: "Per casus de situatie en de openingszin, in grote letters, om uit te delen.",
  },
  "handleiding-lokale-bijeenkomst.docx": {
    voor: "Kartrekker",
    wat: "De voorbereiding, de agenda met tijden en de vragen per onderwerp van de bijeenkomst.",
  },
  "presentatie-lokale-bijeenkomst.pptx": {
    voor: "Kartrekker",
    wat: "De presentatie voor de bijeenkomst, met sprekersnotities en een dia per open afspraak.",
  },
  "werkafspraken-formulier.docx": {
    voor: "Iedereen in de bijeenkomst",
    wat: "Het invulformulier met precies de vragen van de training, om de afspraken op te schrijven.",
  },
  "werkafspraken.yaml": {
    voor: "Kartrekker",
    wat: "De werkafspraken als antwoordenbestand: vul aan na de bijeenkomst en open het in idokit formulier, of gebruik het met idokit training --antwoorden.",
  },
  "antwoorden.yaml": {
    voor: "Iedereen",
    wat: "De gebruikte antwoorden: open het later in idokit formulier om het pakket aan te passen.",
  },
  "manifest.json": {
    voor: "Beheer",
    wat: "De bestanden met hun groottes, controlegetallen en de versie van idokit.",
  },
  "logo.png": { voor: "Iedereen", wat: "Jullie logo, zoals het in de documenten staat." },
  "logo.jpg": { voor: "Iedereen", wat: "Jullie logo, zoals het in de documenten staat." },
};

/** What a pack file is for; a file without a description gets an honest blank. */
export function guideFor(name: string): FileGuide {
  return GUIDE[name] ?? { voor: "", wat: "" };
}

/** True when the file has a description (for the test that every pack file has one). */
export function hasGuide(name: string): boolean {
  return Object.hasOwn(GUIDE, name);
}
