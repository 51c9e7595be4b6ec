import { checkEndTime, endTimeDefault } from "./times.js";
import { contrastWarnings } from "../render/theme.js";
import { addDays, minutesOf } from "../answers/values.js";
import {
  checkTrainingTimes,
  formatDuration,
  maxCasusCount,
  minCasusCount,
  suggestedCasusCount,
} from "../plan/schedule.js";
import { dayOffWarning } from "../plan/holidays.js";
import { toWorkday } from "../plan/countdown.js";
import {
  defineSchema,
  getPath,
  type AnswersOf,
  type Choice,
  type QuestionContext,
  type Section,
} from "./define.js";

/**
 * The question schema of the trainingspakket. One entry per question; the wizard, the answers
 * file, the spreadsheet columns and the empty spreadsheet are all derived from it.
 */

export const TRAINING_SECTIONS: readonly Section[] = [
  {
    id: "bibliotheek",
    title: "Bibliotheek & IDO",
    intro: "Eerst: over welke bibliotheek en welk IDO gaat het, en wie is de kartrekker?",
  },
  {
    id: "werkwijze",
    title: "Werkwijze",
    intro: "Hoe werkt jullie IDO nu? De trainer en de acteur stemmen de oefeningen hierop af.",
  },
  {
    id: "partners",
    title: "Partners & doorverwijzen",
    intro:
      "Met welke instanties en lokale partners werken jullie, en hoe draag je een klant warm over?",
  },
  {
    id: "inrichting",
    title: "Inrichting & privacy",
    intro: "Waar zit het IDO, hoe is de privacy geregeld en wat mag een medewerker wel en niet?",
  },
  { id: "training", title: "De training", intro: "Wanneer en waar is de training, en voor wie?" },
  {
    id: "acteur",
    title: "De trainingsacteur",
    intro: "Wie speelt de klanten? Met de acteur plan je een voorbespreking.",
  },
  {
    id: "focus",
    title: "Focus & casussen",
    intro: "Welke vaardigheden staan centraal, en hoeveel casussen oefenen jullie?",
  },
  {
    id: "huisstijl",
    title: "Huisstijl",
    intro: "Optioneel: de kleur en het logo van jullie bibliotheek in de documenten.",
  },
];

/** Standard length of a vaardigheidstraining (a dagdeel), in minutes. */
export const STANDARD_TRAINING_MINUTES = 195;

const poiChoices = (ctx: QuestionContext): Choice[] => [
  ...ctx.vocabulary.pois.map((p) => ({ value: p.id, label: `${p.naam} (${p.provincies})` })),
  { value: "anders", label: "Anders" },
];
const nationalPartnerChoices = (ctx: QuestionContext): Choice[] =>
  ctx.vocabulary.instanties.filter((i) => i.landelijk).map((i) => ({ value: i.id, label: i.naam }));
const localPartnerTypeChoices = (ctx: QuestionContext): Choice[] =>
  ctx.vocabulary.lokalePartnerSoorten.map((s) => ({ value: s.id, label: s.naam }));
const skillChoices = (ctx: QuestionContext): Choice[] =>
  ctx.vocabulary.vaardigheden.map((v) => ({ value: v.id, label: v.naam }));

const staffsVolunteers = (draft: Record<string, unknown>): boolean => {
  const bemensing = getPath(draft, "werkwijze.bemensing");
  return bemensing === "vrijwilligers" || bemensing === "beide";
};

export const MAX_DEELNEMERS = 16;

/** The library and its IDO location. */
export const bibliotheekQuestions = defineSchema({
  organisatie: {
    kind: "text",
    section: "bibliotheek",
    label: "Naam van de bibliotheekorganisatie",
    column: "Organisatie",
    help: "De naam zoals die op jullie website staat.",
    example: "Bibliotheek Rivierenland",
  },
  vestiging: {
    kind: "text",
    section: "bibliotheek",
    label: "IDO-locatie of vestiging",
    column: "Vestiging",
    help: "De vestiging waar het IDO zit. Meer locaties? Noem ze achter elkaar.",
    example: "Vestiging Culemborg",
  },
  plaats: {
    kind: "text",
    section: "bibliotheek",
    label: "Plaats",
    help: "De plaats van de IDO-locatie.",
    example: "Culemborg",
  },
  adres: {
    kind: "text",
    section: "bibliotheek",
    label: "Bezoekadres van de vestiging",
    column: "Adres vestiging",
    help: "Straat en huisnummer, postcode en plaats. Dit komt in de uitnodigingen en in de mail aan de trainingsacteur, zodat iedereen de weg weet. Leeg laten mag.",
    example: "Marktplein 4, 4001 AB Culemborg",
    optional: true,
    max: 200,
  },
  gemeenten: {
    kind: "textlist",
    section: "bibliotheek",
    label: "Gemeente(n)",
    help: "De gemeente(n) waarvoor het IDO werkt. Meer gemeenten scheid je met een puntkomma.",
    example: "Culemborg; West Betuwe",
    default: (draft) => {
      const plaats = getPath(draft, "bibliotheek.plaats");
      return typeof plaats === "string" && plaats ? [plaats] : undefined;
    },
  },
  poi: {
    kind: "choice",
    section: "bibliotheek",
    label: "POI (provinciale ondersteuningsinstelling)",
    column: "POI",
    help: "De POI die jullie bibliotheek ondersteunt bij het IDO.",
    example: "Rijnbrink",
    choices: poiChoices,
    noPreselect: true,
  },
  poiAnders: {
    kind: "text",
    section: "bibliotheek",
    label: "Naam van de ondersteunende organisatie",
    column: "POI (anders)",
    help: "Jullie koos 'anders': welke organisatie ondersteunt jullie dan?",
    example: "Samenwerkingsverband bibliotheken Regio Oost",
    when: (draft) => getPath(draft, "bibliotheek.poi") === "anders",
  },
  poiAdviseur: {
    kind: "text",
    section: "bibliotheek",
    label: "POI-adviseur",
    help: "Naam van de adviseur die met jullie de training plant. Leeg laten mag.",
    example: "Marieke de Groot",
    optional: true,
  },
});

/** The IDO-kartrekker who organises the training. */
export const kartrekkerQuestions = defineSchema({
  naam: {
    kind: "text",
    section: "bibliotheek",
    label: "Naam van de IDO-kartrekker",
    column: "Kartrekker",
    help: "De kartrekker organiseert de training en begeleidt het proces.",
    example: "Sanne Jansen",
  },
  email: {
    kind: "email",
    section: "bibliotheek",
    label: "E-mail van de kartrekker",
    column: "E-mail kartrekker",
    help: "Komt in de briefing voor de acteur, zodat die weet wie het aanspreekpunt is.",
    example: "s.jansen@bibliotheekrivierenland.nl",
  },
  telefoon: {
    kind: "phone",
    section: "bibliotheek",
    label: "Telefoon van de kartrekker",
    column: "Telefoon kartrekker",
    help: "Handig voor de acteur op de dag zelf. Leeg laten mag.",
    example: "0345 123 456",
    optional: true,
  },
});

/** How the IDO works: the werkwijze settled in the werkafspraken. */
export const werkwijzeQuestions = defineSchema({
  openingstijden: {
    kind: "text",
    section: "werkwijze",
    label: "Openingstijden en spreekuren van het IDO",
    column: "Openingstijden IDO",
    help: "Wanneer kunnen bezoekers bij het IDO terecht?",
    example: "Dinsdag en donderdag 10.00–12.00 uur, zaterdag 11.00–13.00 uur",
    max: 300,
  },
  vorm: {
    kind: "choice",
    section: "werkwijze",
    label: "Inloop of op afspraak",
    column: "Inloop of afspraak",
    help: "Kunnen bezoekers zo binnenlopen, moeten ze een afspraak maken, of allebei?",
    example: "beide",
    choices: [
      { value: "inloop", label: "Vrije inloop", tekst: "met vrije inloop" },
      { value: "afspraak", label: "Op afspraak", tekst: "op afspraak" },
      { value: "beide", label: "Inloop én op afspraak", tekst: "met inloop én op afspraak" },
    ],
  },
  bemensing: {
    kind: "choice",
    section: "werkwijze",
    label: "Wie bemensen het IDO",
    column: "Bemensing",
    help: "Staan er medewerkers van de bibliotheek, vrijwilligers of allebei?",
    example: "beide",
    choices: [
      { value: "medewerkers", label: "Medewerkers", tekst: "medewerkers van de bibliotheek" },
      { value: "vrijwilligers", label: "Vrijwilligers", tekst: "vrijwilligers" },
      {
        value: "beide",
        label: "Medewerkers en vrijwilligers",
        tekst: "medewerkers en vrijwilligers",
      },
    ],
  },
  geheimhouding: {
    kind: "choice",
    section: "werkwijze",
    label: "Geheimhouding voor vrijwilligers",
    column: "Geheimhouding vrijwilligers",
    help: "Medewerkers hebben geheimhoudingsplicht via de cao. Hebben jullie vrijwilligers een geheimhoudingsverklaring getekend?",
    example: "ja",
    choices: [
      {
        value: "ja",
        label: "Ja, alle vrijwilligers tekenen een geheimhoudingsverklaring",
        tekst: "alle vrijwilligers hebben een geheimhoudingsverklaring getekend",
      },
      {
        value: "deels",
        label: "Deels, nog niet iedereen",
        tekst: "nog niet alle vrijwilligers hebben een geheimhoudingsverklaring getekend",
      },
      {
        value: "nee",
        label: "Nee, nog niet geregeld",
        tekst: "geheimhouding voor vrijwilligers is nog niet geregeld",
      },
    ],
    when: staffsVolunteers,
  },
  registratie: {
    kind: "choice",
    section: "werkwijze",
    label: "Registratie van vragen",
    column: "Registratie",
    help: "Hoe houden jullie bij welke vragen er binnenkomen?",
    example: "registratietool",
    choices: [
      {
        value: "registratietool",
        label: "In de landelijke IDO-registratietool",
        tekst: "in de landelijke IDO-registratietool",
      },
      {
        value: "eigen-systeem",
        label: "In een eigen systeem of formulier",
        tekst: "in een eigen systeem of formulier",
      },
      { value: "turflijst", label: "Op een turflijst", tekst: "op een turflijst" },
      { value: "geen", label: "(Nog) niet", tekst: "nog niet" },
    ],
  },
  registratieToelichting: {
    kind: "text",
    section: "werkwijze",
    label: "Toelichting op de registratie",
    help: "Wat leggen jullie vast, en wat juist niet? Leeg laten mag.",
    example: "Alleen onderwerp en doorverwijzing, nooit namen",
    optional: true,
    max: 300,
  },
});

/** National and local partners and the warm referral to them. */
export const partnersQuestions = defineSchema({
  landelijk: {
    kind: "multi",
    section: "partners",
    label: "Landelijke partners met afspraken",
    column: "Landelijke partners",
    help: "Met welke landelijke partners hebben jullie contact of afspraken? Vink aan wat geldt.",
    example: "belastingdienst; toeslagen; svb; uwv; cjib; logius",
    choices: nationalPartnerChoices,
    min: 1,
  },
  lokaal: {
    kind: "list",
    section: "partners",
    label: "Lokale partners",
    column: "Lokale partners",
    help: "Partners in de buurt naar wie jullie doorverwijzen, met hoe je een klant warm overdraagt.",
    example: "Humanitas Thuisadministratie, schuldhulp van de gemeente, Taalhuis",
    addAnother: "Nog een lokale partner toevoegen?",
    itemLabel: "Lokale partner",
    optional: true,
    max: 20,
    fields: {
      naam: {
        kind: "text",
        section: "partners",
        label: "Naam van de partner",
        help: "De naam die collega's kennen.",
        example: "Humanitas Thuisadministratie Culemborg",
      },
      soort: {
        kind: "choice",
        section: "partners",
        label: "Soort partner",
        help: "Zo kan idokit casussen kiezen die bij jullie partners passen.",
        example: "humanitas",
        choices: localPartnerTypeChoices,
      },
      waarvoor: {
        kind: "text",
        section: "partners",
        label: "Waarvoor verwijzen jullie door",
        help: "Met welke vragen kan een klant daar terecht?",
        example: "Overzicht in de post en rekeningen, thuisbezoek",
      },
      overdracht: {
        kind: "text",
        section: "partners",
        label: "Hoe dragen jullie warm over",
        help: "Wat doe je concreet: bellen met een vaste contactpersoon, een afspraak inplannen, samen een formulier met toestemming doorsturen?",
        example: "Met toestemming bellen we de coördinator en plannen we samen een eerste afspraak",
        max: 300,
      },
      contact: {
        kind: "text",
        section: "partners",
        label: "Vast aanspreekpunt",
        help: "Naam en telefoonnummer of e-mail van jullie vaste contactpersoon bij deze partner. Nog niet bekend? Laat leeg.",
        example: "Fatima El Amrani, 0345 654 321",
        optional: true,
      },
    },
  },
});

/** Where the IDO is and how it is furnished. */
export const inrichtingQuestions = defineSchema({
  plek: {
    kind: "text",
    section: "inrichting",
    label: "Waar in de bibliotheek zit het IDO",
    column: "Plek IDO",
    help: "Beschrijf de plek kort.",
    example: "Aparte tafel naast de informatiebalie, bij het raam",
  },
  maatregelen: {
    kind: "multi",
    section: "inrichting",
    label: "Privacymaatregelen",
    column: "Privacymaatregelen",
    help: "Wat is er geregeld zodat anderen niet meekijken of meeluisteren?",
    example: "aparte-plek; privacyscherm; twee-schermen",
    choices: [
      {
        value: "aparte-plek",
        label: "Een aparte, rustige plek",
        tekst: "een aparte, rustige plek",
      },
      {
        value: "spreekkamer",
        label: "Een spreekkamer voor gevoelige gesprekken",
        tekst: "een spreekkamer voor gevoelige gesprekken",
      },
      {
        value: "privacyscherm",
        label: "Een privacyscherm of -filter op het beeldscherm",
        tekst: "een privacyscherm of -filter op het beeldscherm",
      },
      {
        value: "twee-schermen",
        label: "Twee schermen en toetsenborden: de bezoeker typt zelf",
        tekst: "twee schermen en toetsenborden, zodat de bezoeker zelf typt",
      },
      {
        value: "eigen-apparaat",
        label: "Bezoekers werken zo veel mogelijk op hun eigen apparaat",
        tekst: "zo veel mogelijk het eigen apparaat van de bezoeker",
      },
    ],
    optional: true,
  },
  apparatuur: {
    kind: "multi",
    section: "inrichting",
    label: "Apparatuur bij het IDO",
    column: "Apparatuur",
    help: "Wat staat er klaar?",
    example: "laptop; printer; scanner",
    choices: [
      { value: "pc", label: "Vaste pc", tekst: "een vaste pc" },
      { value: "laptop", label: "Laptop", tekst: "een laptop" },
      { value: "tablet", label: "Tablet", tekst: "een tablet" },
      { value: "printer", label: "Printer", tekst: "een printer" },
      { value: "scanner", label: "Scanner", tekst: "een scanner" },
      { value: "wifi", label: "Wifi voor bezoekers", tekst: "wifi voor bezoekers" },
    ],
    optional: true,
  },
  printsEnDownloads: {
    kind: "text",
    section: "inrichting",
    label: "Wat gebeurt er met prints en downloads",
    column: "Prints en downloads",
    help: "Wat is de afspraak over geprinte papieren en gedownloade bestanden?",
    example: "Prints gaan mee met de bezoeker; downloads wissen we direct, en we loggen altijd uit",
    default: () =>
      "Prints gaan mee met de bezoeker of worden direct vernietigd; na elk gesprek wissen we downloads, loggen we uit en sluiten we de browser",
    max: 300,
  },
});

/** The privacy agreements: consent form and what staff may and may not do. */
export const privacyQuestions = defineSchema({
  toestemmingsformulier: {
    kind: "confirm",
    section: "inrichting",
    label: "Gebruiken jullie een toestemmingsformulier",
    column: "Toestemmingsformulier",
    help: "Een toestemmingsformulier is nodig als je bij uitzondering toch persoonsgegevens verwerkt, bijvoorbeeld over gezondheid.",
    example: "ja",
  },
  bewaartermijn: {
    kind: "text",
    section: "inrichting",
    label: "Bewaartermijn van het toestemmingsformulier",
    column: "Bewaartermijn formulier",
    help: "Hoe lang bewaren jullie een ingevuld formulier, en hoe vernietigen jullie het?",
    example:
      "Eén maand in een afgeschermde mailbox, daarna automatisch verwijderd; papier gaat door de versnipperaar",
    when: (draft) => getPath(draft, "privacy.toestemmingsformulier") === true,
    default: () =>
      "Eén maand; daarna vernietigen (papier versnipperen, scan automatisch verwijderen)",
    max: 300,
  },
  watWel: {
    kind: "textlist",
    section: "inrichting",
    label: "Wat een IDO-medewerker wel doet",
    column: "Wel doen",
    help: "Vooringevuld met de landelijke lijn; pas aan waar jullie afspraken anders zijn.",
    example: "Meekijken terwijl de bezoeker zelf typt; de juiste instantie zoeken",
    default: () => [
      "Meekijken en uitleggen terwijl de bezoeker zelf typt en inlogt",
      "Samen de juiste informatie en de website van de instantie vinden",
      "Uitleggen hoe DigiD aanvragen, activeren en DigiD Machtigen werken",
      "Doorverwijzen naar de instantie of een lokale partner, met toestemming warm",
      "Tips geven voor een sterk wachtwoord; de bezoeker kiest het zelf",
    ],
  },
  watNiet: {
    kind: "textlist",
    section: "inrichting",
    label: "Wat een IDO-medewerker niet doet",
    column: "Niet doen",
    help: "Vooringevuld met de landelijke lijn; pas aan waar jullie afspraken anders zijn.",
    example: "Inloggen met de DigiD van een ander; het BSN noteren",
    default: () => [
      "Een DigiD aanvragen, gebruiken of bewaren voor een ander",
      "Het burgerservicenummer (BSN) van de bezoeker verwerken of noteren",
      "Inhoudelijk advies geven over toeslagen, belasting, uitkeringen of bezwaar",
      "Formulieren invullen of aanvragen doen namens de bezoeker",
      "Inloggegevens, persoonsgegevens of downloads bewaren op een pc van de bibliotheek",
    ],
  },
});

/** Date, time, place and group of the training. */
export const trainingQuestions = defineSchema({
  datum: {
    kind: "date",
    section: "training",
    label: "Datum van de training",
    column: "Datum training",
    help: "Gebruik dd-mm-jjjj.",
    example: "13-03-2027",
    warn: (value: string) => dayOffWarning(value),
    check: (value: string, _draft, ctx) =>
      ctx.mode === "wizard" && value < ctx.today
        ? "Deze datum ligt in het verleden. Kies een datum vanaf vandaag."
        : undefined,
  },
  starttijd: {
    kind: "time",
    section: "training",
    label: "Starttijd",
    help: "Gebruik uu:mm.",
    example: "13:30",
    default: () => "13:30",
  },
  eindtijd: {
    kind: "time",
    section: "training",
    label: "Eindtijd",
    help: `Een training duurt meestal een dagdeel van ${formatDuration(STANDARD_TRAINING_MINUTES)}, inclusief pauze.`,
    example: "16:45",
    default: endTimeDefault("training.starttijd", STANDARD_TRAINING_MINUTES),
    check: checkEndTime("training.starttijd", checkTrainingTimes),
  },
  locatie: {
    kind: "text",
    section: "training",
    label: "Zaal of locatie van de training",
    column: "Locatie training",
    help: "Waar vindt de training plaats? Kies een ruimte waar je in een kring kunt zitten en ruimte hebt om te spelen. Is de training niet in jullie eigen vestiging? Zet het adres er dan bij.",
    example: "Vergaderzaal De Linde, eerste verdieping",
  },
  bereikbaarheid: {
    kind: "text",
    section: "training",
    label: "Parkeren, ingang en waar je je meldt",
    column: "Parkeren en ingang",
    help: "Voor de trainingsacteur en collega's van andere vestigingen: waar kun je parkeren, welke ingang neem je en bij wie meld je je? Leeg laten mag.",
    example:
      "Parkeren kan op het Marktplein (betaald); neem de personeelsingang naast de fietsenstalling en meld je bij de balie",
    optional: true,
    max: 300,
  },
  deelnemers: {
    kind: "integer",
    section: "training",
    label: "Aantal deelnemers",
    help: `Maximaal ${MAX_DEELNEMERS} deelnemers per training. Meer collega's? Plan dan twee trainingen.`,
    example: "12",
    min: 1,
    // No `max`: the check below gives the advice to split the group, not just the limit.
    check: (value: number) =>
      value > MAX_DEELNEMERS
        ? `${value} is te groot; het maximum is ${MAX_DEELNEMERS}, zodat iedereen genoeg kan oefenen met de acteur. Plan twee trainingen, bijvoorbeeld met ${Math.ceil(value / 2)} en ${Math.floor(value / 2)} deelnemers.`
        : undefined,
  },
  samenstelling: {
    kind: "choice",
    section: "training",
    label: "Samenstelling van de groep",
    column: "Samenstelling groep",
    help: "Wie doen er mee?",
    example: "gemengd",
    choices: [
      { value: "medewerkers", label: "Medewerkers", tekst: "medewerkers" },
      { value: "vrijwilligers", label: "Vrijwilligers", tekst: "vrijwilligers" },
      {
        value: "gemengd",
        label: "Medewerkers en vrijwilligers",
        tekst: "medewerkers en vrijwilligers",
      },
    ],
    default: (draft) => {
      const bemensing = getPath(draft, "werkwijze.bemensing");
      return bemensing === "beide" ? "gemengd" : bemensing;
    },
  },
  ervaring: {
    kind: "choice",
    section: "training",
    label: "Ervaring van de groep",
    column: "Ervaring groep",
    help: "Hoeveel ervaring hebben de deelnemers met IDO-vragen?",
    example: "nieuw",
    choices: [
      { value: "nieuw", label: "Vooral nieuwe collega's", tekst: "vooral nieuwe collega's" },
      {
        value: "gemengd",
        label: "Nieuw en ervaren door elkaar",
        tekst: "nieuwe en ervaren collega's door elkaar",
      },
      { value: "ervaren", label: "Vooral ervaren collega's", tekst: "vooral ervaren collega's" },
    ],
  },
});

/** The trainingsacteur. */
export const acteurQuestions = defineSchema({
  naam: {
    kind: "text",
    section: "acteur",
    label: "Naam van de trainingsacteur",
    column: "Trainingsacteur",
    help: "Nog niet bekend? Laat leeg; de documenten spreken dan van 'de trainingsacteur'.",
    example: "Joost van Dijk",
    optional: true,
  },
  bureau: {
    kind: "text",
    section: "acteur",
    label: "Bureau van de trainingsacteur",
    column: "Bureau acteur",
    help: "Leeg laten mag.",
    example: "Acteursbureau Spel & Co",
    optional: true,
  },
  email: {
    kind: "email",
    section: "acteur",
    label: "E-mail van de trainingsacteur",
    column: "E-mail acteur",
    help: "Leeg laten mag.",
    example: "joost@spelenco.nl",
    optional: true,
  },
  telefoon: {
    kind: "phone",
    section: "acteur",
    label: "Telefoon van de trainingsacteur",
    column: "Telefoon acteur",
    help: "Handig voor jou op de dag zelf. Leeg laten mag.",
    example: "06 12345678",
    optional: true,
  },
  voorbespreking: {
    kind: "date",
    section: "acteur",
    label: "Datum voorbespreking met de acteur",
    column: "Datum voorbespreking",
    help: "Meestal ongeveer twee weken voor de training.",
    example: "27-02-2027",
    warn: (value: string) => dayOffWarning(value),
    default: (draft) => {
      const datum = getPath(draft, "training.datum");
      // Two weeks before, on a working day (not on Koningsdag or Hemelvaartsdag).
      return typeof datum === "string" ? toWorkday(addDays(datum, -14), true) : undefined;
    },
    check: (value: string, draft) => {
      const datum = getPath(draft, "training.datum");
      return typeof datum === "string" && value >= datum
        ? "De voorbespreking moet vóór de trainingsdag liggen."
        : undefined;
    },
  },
  voorbesprekingTijd: {
    kind: "time",
    section: "acteur",
    label: "Begintijd van de voorbespreking",
    column: "Tijd voorbespreking",
    help: "Reken op ongeveer een uur. Gebruik uu:mm.",
    example: "10:00",
    default: () => "10:00",
  },
  voorbesprekingPlek: {
    kind: "text",
    section: "acteur",
    label: "Waar of hoe is de voorbespreking",
    column: "Plek voorbespreking",
    help: "In de bibliotheek, of op afstand: telefonisch of met een videogesprek. Dit komt in de agenda-uitnodiging voor de acteur.",
    example: "In de bibliotheek, in de kamer naast de leeszaal",
    default: () => "In de bibliotheek",
    max: 200,
  },
});

/** Focus skills and casussen. */
export const focusQuestions = defineSchema({
  vaardigheden: {
    kind: "multi",
    section: "focus",
    label: "Vaardigheden die centraal staan",
    column: "Focus vaardigheden",
    help: "Kies er drie tot vijf; de casussen worden hierop gekozen.",
    example: "doorvragen; zakelijke-empathie; grenzen-stellen; warm-doorverwijzen",
    choices: skillChoices,
    min: 1,
    default: () => ["doorvragen", "zakelijke-empathie", "grenzen-stellen", "warm-doorverwijzen"],
  },
  aantalCasussen: {
    kind: "integer",
    section: "focus",
    label: "Aantal casussen",
    column: "Aantal casussen",
    help: "Hoeveel casussen speel je met de acteur? Reken op ongeveer twintig minuten per casus, inclusief nabespreking. Kies je er meer dan er in de tijd passen, dan wordt er één een reservecasus.",
    example: "5",
    min: 1,
    max: 12,
    default: (draft) => {
      const start = getPath(draft, "training.starttijd");
      const end = getPath(draft, "training.eindtijd");
      if (typeof start !== "string" || typeof end !== "string") return undefined;
      return suggestedCasusCount(minutesOf(end) - minutesOf(start));
    },
    check: (value: number, draft) => {
      const start = getPath(draft, "training.starttijd");
      const end = getPath(draft, "training.eindtijd");
      if (typeof start !== "string" || typeof end !== "string" || checkTrainingTimes(start, end))
        return undefined;
      const total = minutesOf(end) - minutesOf(start);
      const max = maxCasusCount(total);
      const min = minCasusCount(total);
      if (value > max)
        return `${value} casussen passen niet in een training van ${formatDuration(total)}; het kunnen er hoogstens ${max} zijn. Kies minder casussen of maak de training langer.`;
      if (value < min)
        return `${value} ${value === 1 ? "casus is" : "casussen zijn"} te weinig voor een training van ${formatDuration(total)}; kies er minstens ${min}, of maak de training korter.`;
      return undefined;
    },
  },
  niveau: {
    kind: "choice",
    section: "focus",
    label: "Moeilijkheid van de casussen",
    column: "Niveau casussen",
    help: "Rustig voor een nieuwe groep, uitdagend voor ervaren collega's.",
    example: "gemengd",
    choices: [
      {
        value: "rustig",
        label: "Rustig: vooral eenvoudige casussen",
        tekst: "vooral casussen op instapniveau",
      },
      {
        value: "gemengd",
        label: "Gemengd: van eenvoudig naar pittig",
        tekst: "van instap naar pittig",
      },
      {
        value: "uitdagend",
        label: "Uitdagend: vooral pittige casussen",
        tekst: "vooral pittige casussen",
      },
    ],
    default: (draft) => {
      const ervaring = getPath(draft, "training.ervaring");
      return ervaring === "nieuw" ? "rustig" : ervaring === "ervaren" ? "uitdagend" : "gemengd";
    },
  },
  casussen: {
    kind: "textlist",
    section: "focus",
    label: "Vaste casussen",
    column: "Vaste casussen",
    help: "Id's van casussen die er in elk geval in moeten (zie `idokit casussen`). Leeg laten mag.",
    example: "digid-verlopen-activeringsbrief",
    optional: true,
  },
});

/** Optional house style. */
export const huisstijlQuestions = defineSchema({
  kleur: {
    kind: "color",
    section: "huisstijl",
    label: "Huisstijlkleur",
    help: "De hoofdkleur van jullie huisstijl als hexcode. Leeg laten geeft de standaardkleur.",
    example: "#00607A",
    optional: true,
    warn: (value: string) =>
      contrastWarnings({ primary: value }, { primary: "de kleur", accent: "" })[0],
  },
  logo: {
    kind: "file",
    section: "huisstijl",
    label: "Logo",
    help: "Pad naar een PNG- of JPEG-bestand met jullie logo. Leeg laten mag.",
    example: "logo-bibliotheek.png",
    optional: true,
  },
});

export const trainingSchema = defineSchema({
  bibliotheek: bibliotheekQuestions,
  kartrekker: kartrekkerQuestions,
  werkwijze: werkwijzeQuestions,
  partners: partnersQuestions,
  inrichting: inrichtingQuestions,
  privacy: privacyQuestions,
  training: trainingQuestions,
  acteur: acteurQuestions,
  focus: focusQuestions,
  huisstijl: huisstijlQuestions,
});

/** Validated, normalised answers for a trainingspakket. */
export type TrainingAnswers = AnswersOf<typeof trainingSchema>;
