import type { ScriptedAnswer, Sequence } from "./scripted-prompts.js";

/** Everything a new user must type or pick; the rest is left at its default (Enter). */
export const NEW_USER: Record<string, ScriptedAnswer | Sequence> = {
  "bibliotheek.organisatie": "Bibliotheek Rivierenland",
  "bibliotheek.vestiging": "Vestiging Culemborg",
  "bibliotheek.plaats": "Culemborg",
  "bibliotheek.poi": "rijnbrink",
  "kartrekker.naam": "Sanne Jansen",
  "kartrekker.email": "s.jansen@example.nl",
  "werkwijze.openingstijden": "Dinsdag 10–12 uur",
  "werkwijze.vorm": "inloop",
  "werkwijze.bemensing": "medewerkers",
  "werkwijze.registratie": "turflijst",
  "partners.landelijk": ["belastingdienst", "toeslagen"],
  "partners.lokaal.1.naam": "Humanitas Culemborg",
  "partners.lokaal.1.soort": "humanitas",
  "partners.lokaal.1.waarvoor": "Post en rekeningen",
  "partners.lokaal.1.overdracht": "Samen bellen met de coördinator",
  "inrichting.plek": "Tafel bij het raam",
  "privacy.toestemmingsformulier": false,
  "training.datum": "02-02-2027",
  "training.locatie": "Zaal 1",
  "training.deelnemers": "12",
  "training.ervaring": "nieuw",
};
