import { describe, expect, it } from "vitest";
import { parseCasus } from "../../src/casussen/parse.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { MODEL_SOURCE, MODEL_TEXT } from "./helpers.js";

const vocabulary = loadVocabulary();
const parse = (text: string, source = MODEL_SOURCE) => parseCasus(text, source, vocabulary);
const lines = (text: string, source = MODEL_SOURCE) =>
  parse(text, source).problems.map((problem) => `${problem.where}: ${problem.message}`);

describe("parseCasus", () => {
  it("reads the model casus into fields and Markdown sections", () => {
    const { casus, problems } = parse(MODEL_TEXT);
    expect(problems).toEqual([]);
    expect(casus).toMatchObject({
      id: "digid-verlopen-activeringsbrief",
      titel: "De verlopen activeringsbrief",
      thema: "digid",
      partners: ["logius", "svb"],
      lokalePartners: ["digitale-cursus"],
      vaardigheden: ["doorvragen", "lsd", "emoties"],
      moeilijkheid: 1,
      profiel: ["oudere", "boos"],
      klant: "Man, 67, woont alleen, kan een beetje met de computer overweg, heeft geen smartphone",
      openingszin: "Die DigiD doet het niet. Ik heb alles gedaan wat in de brief stond.",
      source: MODEL_SOURCE,
      builtIn: false,
    });
    expect(casus?.situatie).toMatch(/^Een man komt met een envelop van DigiD/);
    expect(casus?.acteur).toMatch(/^Speel een man die gewend is/);
    expect(casus?.acteur).not.toContain("###");
    expect(casus?.intensiteit).toEqual([
      "je bent licht geïrriteerd, beantwoordt vragen kort maar volgt de uitleg.",
      'je zucht, zegt "dat heb ik toch al gedaan" en kijkt op je horloge.',
      'je verheft je stem, wilt "iemand die er verstand van heeft" en dreigt weg te lopen.',
    ]);
    expect(casus?.belonen).toMatch(/^- Word rustiger als de deelnemer samenvat/);
    expect(casus?.escaleren).toMatch(/^- Word kortaf/);
    expect(casus?.aanpak).toMatch(/^1\. Luisteren/);
    expect(casus?.doorverwijzing).toMatch(/^- Logius/);
    expect(casus?.privacy).toMatch(/^- De klant typt/);
  });

  it("accepts CRLF line ends, a byte order mark and strips control characters", () => {
    const text = `\uFEFF${MODEL_TEXT.replace("titel: De verlopen", "titel: De\u0007 verlopen")}`.replace(
      /\n/g,
      "\r\n",
    );
    const { casus, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(casus?.titel).toBe("De verlopen activeringsbrief");
    expect(casus?.situatie).not.toContain("\r");
  });

  it("ignores headings inside fenced code", () => {
    const text = MODEL_TEXT.replace(
      "## Privacy\n",
      "## Privacy\n\n```\n## Goede aanpak\n```\n",
    );
    const { casus, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(casus?.privacy).toContain("```\n## Goede aanpak\n```");
  });

  it("takes a one-value list and difficulty words as a template owner would write them", () => {
    const text = MODEL_TEXT.replace("partners: [logius, svb]", "partners: logius")
      .replace("moeilijkheid: 1", "moeilijkheid: pittig")
      .replace("lokalePartners: [digitale-cursus]\n", "")
      .replace(/lokaleHulp:\n(?: {2}.*\n)+/, "");
    const { casus, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(casus).toMatchObject({ partners: ["logius"], moeilijkheid: 3, lokalePartners: [] });
  });

  it.each([
    ['> "Die **DigiD** doet het [niet](https://digid.nl)."', "Die DigiD doet het niet."],
    ["> „Eén regel,\n> en nog een.”", "Eén regel, en nog een."],
    ["Gewoon tekst zonder citaat.", "Gewoon tekst zonder citaat."],
    ['> "Een \\*ster\\* en `code`"', "Een *ster* en code"],
  ])("reads the opening line %j as plain text", (quote, expected) => {
    const text = MODEL_TEXT.replace(
      '> "Die DigiD doet het niet. Ik heb alles gedaan wat in de brief stond."',
      quote,
    );
    expect(parse(text).casus?.openingszin).toBe(expected);
  });

  it("accepts **Niveau 1**: with the colon outside the bold", () => {
    const text = MODEL_TEXT.replace("**Niveau 2:**", "**Niveau 2**:");
    expect(parse(text).problems).toEqual([]);
  });

  it.each([
    [
      "an unknown theme, with a suggestion and the choices",
      (t: string) => t.replace("thema: digid", "thema: digi"),
      'casussen/digid-verlopen-activeringsbrief.md, veld "thema": "digi" is geen bekend thema. Bedoelde je "digid"? Kies uit: digid, toeslagen, belasting, inkomen-pensioen, werk, zorg, boetes-schulden, onderwijs-inburgering, vervoer, identiteit-gemeente, wonen-recht, veiligheid, apparaten, meervoudig, grenzen.',
    ],
    [
      "an unknown partner in a list",
      (t: string) => t.replace("partners: [logius, svb]", "partners: [logius, svbb]"),
      'casussen/digid-verlopen-activeringsbrief.md, veld "partners": "svbb" is geen bekende instantie. Bedoelde je "svb"? Kies uit: belastingdienst, toeslagen, svb, uwv, cak, ciz, cjib, duo, cbr, rdw, huurcommissie, lbio, rvr, logius, gemeente, zorgverzekeraar, fraudehelpdesk, bank, politie, pensioenfonds.',
    ],
    [
      "a difficulty outside 1..3",
      (t: string) => t.replace("moeilijkheid: 1", "moeilijkheid: 4"),
      'casussen/digid-verlopen-activeringsbrief.md, veld "moeilijkheid": moet 1, 2 of 3 zijn (nu 4).',
    ],
    [
      "an empty skills list",
      (t: string) => t.replace("vaardigheden: [doorvragen, lsd, emoties]", "vaardigheden: []"),
      'casussen/digid-verlopen-activeringsbrief.md, veld "vaardigheden": moet minstens één vaardigheid bevatten. Kies uit: doorvragen, lsd, zakelijke-empathie, grenzen-stellen, warm-doorverwijzen, privacy, emoties, laaggeletterdheid, taalbarriere.',
    ],
    [
      "a skill listed twice",
      (t: string) => t.replace("vaardigheden: [doorvragen, lsd, emoties]", "vaardigheden: [lsd, lsd]"),
      'casussen/digid-verlopen-activeringsbrief.md, veld "vaardigheden": "lsd" staat twee keer in de lijst.',
    ],
    [
      "a missing title",
      (t: string) => t.replace("titel: De verlopen activeringsbrief\n", ""),
      'casussen/digid-verlopen-activeringsbrief.md, veld "titel": ontbreekt. Voeg toe, bijvoorbeeld: titel: De verlopen activeringsbrief',
    ],
    [
      "an id that is not kebab case",
      (t: string) => t.replace("id: digid-verlopen-activeringsbrief", "id: Digid Verlopen"),
      'casussen/digid-verlopen-activeringsbrief.md, veld "id": "Digid Verlopen" is geen geldig id. Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld digid-verlopen-brief.',
    ],
    [
      "a field written twice",
      (t: string) => t.replace("thema: digid\n", "thema: digid\nthema: toeslagen\n"),
      'casussen/digid-verlopen-activeringsbrief.md, veld "thema": staat twee keer in het voorwerk. Laat er één staan.',
    ],
    [
      "front matter that is not closed",
      (t: string) => t.replace("klant: Man, 67", "klant: Man, 67").replace(/\n---\n\n## Situatie/, "\n\n## Situatie"),
      "casussen/digid-verlopen-activeringsbrief.md: het voorwerk is niet afgesloten. Zet een regel --- onder het laatste veld, vóór ## Situatie.",
    ],
    [
      "a section heading at the wrong level",
      (t: string) => t.replace("## Doorverwijzing", "# Doorverwijzing"),
      'casussen/digid-verlopen-activeringsbrief.md: onderdeel "## Doorverwijzing" ontbreekt. Er staat wel "# Doorverwijzing"; gebruik 2 hekjes (##).',
    ],
    [
      "an unknown section, with a suggestion",
      (t: string) => t.replace("## Privacy", "## Privacy\n\nx\n\n## Goede aanpk\n\ny"),
      'casussen/digid-verlopen-activeringsbrief.md, onderdeel "## Goede aanpk": is geen bekend onderdeel. Bedoelde je "Goede aanpak"? Vaste onderdelen: Situatie, Wat de klant zegt, De echte vraag, Wat het lastig maakt, Instructie voor de acteur, Goede aanpak, Doorverwijzing, Privacy, Kijkopdracht.',
    ],
    [
      "an empty section",
      (t: string) => t.replace(/## De echte vraag\n[\s\S]*?## Wat het lastig/, "## De echte vraag\n\n## Wat het lastig"),
      'casussen/digid-verlopen-activeringsbrief.md, onderdeel "## De echte vraag": is leeg. Vul het in.',
    ],
    [
      "a missing actor subsection",
      (t: string) => t.replace(/### Escaleren\n[\s\S]*?## Goede aanpak/, "## Goede aanpak"),
      'casussen/digid-verlopen-activeringsbrief.md: onderdeel "### Escaleren" ontbreekt onder "## Instructie voor de acteur".',
    ],
    [
      "intensity levels out of order",
      (t: string) => t.replace("**Niveau 2:**", "**Niveau 3:**"),
      'casussen/digid-verlopen-activeringsbrief.md, onderdeel "### Intensiteit": moet een lijst met precies drie punten: **Niveau 1:** …, **Niveau 2:** … en **Niveau 3:** …; punt 2 begint niet met **Niveau 2:**.',
    ],
    [
      "an opening section with an empty quote",
      (t: string) => t.replace('> "Die DigiD doet het niet. Ik heb alles gedaan wat in de brief stond."', ">"),
      'casussen/digid-verlopen-activeringsbrief.md, onderdeel "## Wat de klant zegt": bevat geen openingszin. Schrijf hem als citaat: > "…"',
    ],
  ])("reports %s", (_name, edit, expected) => {
    expect(lines(edit(MODEL_TEXT))).toEqual([expected]);
  });

  it("reports every problem of a file at once, not only the first", () => {
    const text = MODEL_TEXT.replace("thema: digid", "thema: digi")
      .replace("moeilijkheid: 1", "moeilijkheid: 9")
      .replace("## Privacy", "## Privé");
    expect(parse(text).problems.map((problem) => problem.where)).toEqual([
      "casussen/digid-verlopen-activeringsbrief.md, veld \"thema\"",
      "casussen/digid-verlopen-activeringsbrief.md, veld \"moeilijkheid\"",
      "casussen/digid-verlopen-activeringsbrief.md, onderdeel \"## Privé\"",
      "casussen/digid-verlopen-activeringsbrief.md",
    ]);
  });

  it("reads kijkopdracht, geslacht, leeftijd and lokaleHulp", () => {
    const { casus, problems } = parse(MODEL_TEXT);
    expect(problems).toEqual([]);
    expect(casus).toMatchObject({
      geslacht: "man",
      leeftijd: 67,
      lokaleHulp: { "digitale-cursus": "het oefenen met DigiD, zodat hij het daarna zelf kan" },
    });
    expect(casus?.kijkopdracht).toMatch(/^- Welke vragen stelt de medewerker/);
    expect(casus?.privacy).not.toContain("Kijkopdracht");
  });

  it("keeps an own casus without the optional additions valid", () => {
    const text = MODEL_TEXT.replace(/geslacht: man\nleeftijd: 67\nlokaleHulp:\n(?: {2}.*\n)+/, "").replace(
      /\n## Kijkopdracht\n[\s\S]*$/,
      "\n",
    );
    const { casus, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(casus?.lokaleHulp).toEqual({});
    expect(casus).not.toHaveProperty("kijkopdracht");
    expect(casus).not.toHaveProperty("geslacht");
    expect(casus).not.toHaveProperty("leeftijd");
  });

  it.each([
    ["Vrouw", "vrouw", "Vrouw, 67, woont alleen"],
    [" onbepaald ", "onbepaald", "Man, 67, woont alleen"],
  ])("takes geslacht %j as %s", (written, expected, klant) => {
    const text = MODEL_TEXT.replace("geslacht: man", `geslacht: "${written}"`).replace(
      /klant: .*/,
      `klant: ${klant}`,
    );
    expect(parse(text).casus?.geslacht).toBe(expected);
  });

  it.each([
    ["een zin met een punt.", "een zin met een punt"],
    ["DigiD Machtigen voor haar zoon", "DigiD Machtigen voor haar zoon"],
    ["Nederlands oefenen, als hij dat wil", "Nederlands oefenen, als hij dat wil"],
    ["AOW-vragen  die\n    doorlopen", "AOW-vragen die doorlopen"],
  ])("cleans the lokaleHulp phrase %j", (phrase, expected) => {
    const text = MODEL_TEXT.replace(
      "digitale-cursus: het oefenen met DigiD, zodat hij het daarna zelf kan",
      `digitale-cursus: ${phrase}`,
    );
    expect(parse(text).casus?.lokaleHulp).toEqual({ "digitale-cursus": expected });
  });

  const WHERE = "casussen/digid-verlopen-activeringsbrief.md";
  it.each([
    [
      "an unknown geslacht",
      (t: string) => t.replace("geslacht: man", "geslacht: heer"),
      `${WHERE}, veld "geslacht": moet vrouw, man of onbepaald zijn (nu "heer"). Kies onbepaald als de acteur de klant als man en als vrouw kan spelen.`,
    ],
    [
      "a geslacht that contradicts the klant line",
      (t: string) => t.replace("geslacht: man", "geslacht: vrouw"),
      `${WHERE}, veld "geslacht": is "vrouw", maar het veld klant begint met "Man". Maak de twee gelijk.`,
    ],
    [
      "an age that is not a number",
      (t: string) => t.replace("leeftijd: 67", "leeftijd: oud"),
      `${WHERE}, veld "leeftijd": moet een leeftijd in jaren zijn, bijvoorbeeld 67 (nu "oud").`,
    ],
    [
      "an age out of range",
      (t: string) => t.replace("leeftijd: 67", "leeftijd: 670"),
      `${WHERE}, veld "leeftijd": moet tussen 12 en 110 liggen (nu 670).`,
    ],
    [
      "an age that contradicts the klant line",
      (t: string) => t.replace("leeftijd: 67", "leeftijd: 68"),
      `${WHERE}, veld "leeftijd": is 68, maar in het veld klant staat 67. Maak de twee gelijk.`,
    ],
    [
      "lokaleHulp as a list",
      (t: string) => t.replace(/lokaleHulp:\n(?: {2}.*\n)+/, "lokaleHulp: [taalhuis]\n"),
      `${WHERE}, veld "lokaleHulp": moet per soort lokale partner een korte tekst geven, bijvoorbeeld:\n  lokaleHulp:\n    belastinghulp: de aangifte voor haar overleden man`,
    ],
    [
      "a lokaleHulp kind that is unknown",
      (t: string) => t.replace("  digitale-cursus: het", "  digitale-curus: het"),
      `${WHERE}, veld "lokaleHulp.digitale-curus": "digitale-curus" is geen bekende soort lokale partner. Bedoelde je "digitale-cursus"? Kies uit: gemeente-kcc, wmo-loket, sociaal-wijkteam, schuldhulp, schuldhulpmaatje, humanitas, belastinghulp, sociaal-raadslieden, clientondersteuning, taalhuis, digitale-cursus, vluchtelingenwerk, juridisch-loket, ouderenbond, welzijn, anders.`,
    ],
    [
      "a lokaleHulp kind the casus does not list",
      (t: string) => t.replace("  digitale-cursus: het", "  taalhuis: het"),
      `${WHERE}, veld "lokaleHulp.taalhuis": "taalhuis" staat niet in lokalePartners. Zet het ook in lokalePartners, of haal het hier weg.`,
    ],
    [
      "a lokaleHulp phrase that starts a sentence",
      (t: string) => t.replace("digitale-cursus: het oefenen", "digitale-cursus: Het oefenen"),
      `${WHERE}, veld "lokaleHulp.digitale-cursus": begint met een hoofdletter ("Het"), maar de tekst loopt door in een zin na "voor". Begin met een kleine letter, bijvoorbeeld: de aangifte voor haar overleden man`,
    ],
    [
      "a lokaleHulp phrase that starts with voor",
      (t: string) => t.replace("digitale-cursus: het oefenen", "digitale-cursus: voor het oefenen"),
      `${WHERE}, veld "lokaleHulp.digitale-cursus": begint met "voor". Laat dat woord weg: idokit zet het er zelf voor ("… voor de aangifte voor haar overleden man").`,
    ],
    [
      "an empty lokaleHulp phrase",
      (t: string) => t.replace("digitale-cursus: het oefenen met DigiD, zodat hij het daarna zelf kan", 'digitale-cursus: "."'),
      `${WHERE}, veld "lokaleHulp.digitale-cursus": is leeg. Schrijf wat deze klant bij deze partner zoekt, bijvoorbeeld: de aangifte voor haar overleden man`,
    ],
    [
      "an empty Kijkopdracht section",
      (t: string) => t.replace(/## Kijkopdracht\n[\s\S]*$/, "## Kijkopdracht\n"),
      `${WHERE}, onderdeel "## Kijkopdracht": is leeg. Vul het in.`,
    ],
  ])("reports %s", (_name, edit, expected) => {
    expect(lines(edit(MODEL_TEXT))).toEqual([expected]);
  });

  it("returns the written id even when the casus is invalid, so duplicates can be found", () => {
    const result = parse(MODEL_TEXT.replace("thema: digid", "thema: digi"));
    expect(result.casus).toBeUndefined();
    expect(result.id).toBe("digid-verlopen-activeringsbrief");
  });
});
