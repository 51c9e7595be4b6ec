/**
 * Fills in the scaffold of `idokit casussen nieuw` the way a person does in an editor: a value
 * after each field, text under each heading (the explaining comments stay), the optional fields
 * uncommented.
 */
export function fillScaffold(scaffold: string, titel: string): string {
  const fields: Record<string, string> = {
    titel,
    thema: "veiligheid",
    partners: "[fraudehelpdesk, bank]",
    lokalePartners: "[digitale-cursus]",
    vaardigheden: "[doorvragen, zakelijke-empathie]",
    moeilijkheid: "2",
    profiel: "[oudere, angstig]",
    klant: "Vrouw, 72, woont alleen, gebruikt een tablet van haar kleinzoon",
  };
  let text = scaffold;
  for (const [field, value] of Object.entries(fields))
    text = text.replace(new RegExp(`^${field}:.*$`, "m"), `${field}: ${value}`);
  text = text
    .replace(/^# geslacht: .*$/m, "geslacht: vrouw")
    .replace(/^# leeftijd: .*$/m, "leeftijd: 72")
    .replace(/^# lokaleHulp:\n# {3}taalhuis: .*$/m, "lokaleHulp:\n  digitale-cursus: een cursus over veilig online bankieren");
  const sections: Record<string, string> = {
    Situatie:
      "Een vrouw komt met haar tablet naar het IDO. Ze heeft een bericht gekregen over een pakketje en is onrustig.",
    "Wat de klant zegt": '> "Ik moet nog twee euro betalen voor een pakketje, maar het lukt niet."',
    "De echte vraag":
      "Ze heeft op een link geklikt en haar bankgegevens ingevuld. Ze is bang dat haar geld weg is.",
    "Wat het lastig maakt": "Ze schaamt zich en vertelt pas over de bankgegevens als je rustig doorvraagt.",
    "Instructie voor de acteur": "Speel een vrouw die zich schaamt en het gesprek klein wil houden.",
    Belonen: "- Word opener als de deelnemer zegt dat dit heel veel mensen overkomt.",
    Escaleren: "- Klap dicht als de deelnemer zegt dat ze beter had moeten opletten.",
    "Goede aanpak": "Doorvragen wat ze heeft ingevuld, en haar zelf de bank laten bellen.",
    Doorverwijzing: "- De bank, meteen, via het nummer op de bankpas.\n- Fraudehelpdesk voor een melding.",
    Privacy: "- Laat haar de bankgegevens niet hardop voorlezen.",
    Kijkopdracht: "- Hoe merkt de medewerker dat er meer speelt dan het pakketje?",
  };
  for (const [heading, body] of Object.entries(sections))
    text = text.replace(new RegExp(`(^#{2,3} ${heading}\\n\\n(?:<!--[\\s\\S]*?-->\\n)?)`, "m"), `$1\n${body}\n`);
  return text
    .replace('> ""', "")
    .replace("- **Niveau 1:** ", "- **Niveau 1:** ongerust, praat zacht.")
    .replace("- **Niveau 2:** ", "- **Niveau 2:** huilt bijna, wil naar huis.")
    .replace("- **Niveau 3:** ", "- **Niveau 3:** raakt in paniek en wil haar rekening opzeggen.")
    .replace(/^1\. $/m, "");
}
