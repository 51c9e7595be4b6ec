import { html, jsonForScript, type SafeHtml } from "./html.js";
import type { FormQuestion, FormSection, FormSpec } from "./spec.js";

/**
 * The form's one HTML page, generated from the form spec: a fieldset per section, a control per
 * question with its label, help and a place for its problem, a step list, the summary and the
 * result. The script (`app.js`) fills in the answers and talks to the server. Pure.
 */

/** What the page needs besides the spec. */
export interface PageOptions {
  /** "Een trainingspakket maken". */
  title: string;
  intro: string;
  /** The pack, in the make button: "het trainingspakket". */
  packName: string;
  /** LibreOffice is there: offer PDFs of the documents too. */
  canMakePdf?: boolean;
  version: string;
  /** Data for the script: where to keep the draft, answers to start with, … */
  data: Record<string, unknown>;
}

/** The id of a question's control: `v-partners-lokaal-__i__-naam`. */
export const controlId = (key: string): string => `v-${key.replace(/\./g, "-")}`;

function describedBy(id: string): string {
  return `${id}-uitleg`;
}

function optionalMark(question: FormQuestion): SafeHtml | null {
  return question.optional ? html` <span class="optioneel">(mag leeg)</span>` : null;
}

/** The help line and the (empty) places for the problem and the note under a control. */
function helpParts(question: FormQuestion, id: string, extra = ""): SafeHtml {
  const help = [question.help, extra].filter(Boolean).join(" ");
  return html`${help ? html`<p class="uitleg" id="${describedBy(id)}">${help}</p>` : null}
    <p class="fout" id="${id}-fout" hidden></p>`;
}

const note = (id: string): SafeHtml => html`<p class="noot" id="${id}-noot" hidden></p>`;

function choiceInputs(question: FormQuestion, id: string, type: "radio" | "checkbox"): SafeHtml {
  const choices =
    type === "radio" && question.optional
      ? [...question.choices, { value: "", label: "Geen" }]
      : question.choices;
  return html`<div class="keuzes">
    ${choices.map(
      (choice, i) =>
        html`<div class="keuze">
          <input type="${type}" id="${id}-${i}" name="${question.key}" value="${choice.value}" />
          <label for="${id}-${i}">${choice.label}</label>
        </div>`,
    )}
  </div>`;
}

/** A group of choices: a fieldset with the label as legend. */
function groupControl(question: FormQuestion, id: string, inner: SafeHtml, cls = ""): SafeHtml {
  return html`<fieldset
    class="vraag groep ${cls}"
    id="${id}"
    data-key="${question.key}"
    data-control="${question.control}"
    aria-describedby="${question.help ? describedBy(id) : ""}"
  >
    <legend>${question.label}${optionalMark(question)}</legend>
    ${helpParts(question, id)} ${inner} ${note(id)}
  </fieldset>`;
}

/** One question with the control that fits its kind. */
export function questionHtml(question: FormQuestion): SafeHtml {
  const id = controlId(question.key);
  const wrap = (control: SafeHtml, extraHelp = ""): SafeHtml =>
    html`<div
      class="vraag"
      id="vraag-${id}"
      data-key="${question.key}"
      data-control="${question.control}"
    >
      <label for="${id}">${question.label}${optionalMark(question)}</label>
      ${helpParts(question, id, extraHelp)} ${control} ${note(id)}
    </div>`;
  const describe = question.help ? describedBy(id) : "";
  switch (question.control) {
    case "text":
    case "email":
    case "tel":
      return wrap(
        html`<input
            type="${question.control}"
            id="${id}"
            name="${question.key}"
            aria-describedby="${describe}"
            autocomplete="off"
            spellcheck="${question.control === "text" ? "true" : "false"}"
            ${question.kind === "integer" ? html` inputmode="numeric"` : null}
            ${question.suggestions?.length ? html` list="${id}-keuzes"` : null}
            class="${question.kind === "date" || question.kind === "time" || question.kind === "integer" ? "kort" : ""}"
          />${
            question.suggestions?.length
              ? html`<datalist id="${id}-keuzes">
                  ${question.suggestions.map((value) => html`<option value="${value}"></option>`)}
                </datalist>`
              : null
          }`,
      );
    case "color":
      return wrap(
        html`<span class="kleurveld"
          ><input
            type="text"
            id="${id}"
            name="${question.key}"
            aria-describedby="${describe}"
            autocomplete="off"
            spellcheck="false"
            class="kort" /><span class="staal" aria-hidden="true"></span
        ></span>`,
      );
    case "textarea":
      return wrap(
        html`<textarea
          id="${id}"
          name="${question.key}"
          rows="4"
          aria-describedby="${describe}"
        ></textarea>`,
      );
    case "lines":
      return wrap(
        html`<textarea
          id="${id}"
          name="${question.key}"
          rows="3"
          aria-describedby="${describedBy(id)}"
          data-lines
        ></textarea>`,
        "Zet elk punt op een eigen regel.",
      );
    case "select":
      return wrap(
        html`<select id="${id}" name="${question.key}" aria-describedby="${describe}">
          <option value="">${question.optional ? "Geen" : "Kies…"}</option>
          ${question.choices.map((c) => html`<option value="${c.value}">${c.label}</option>`)}
        </select>`,
      );
    case "radio":
      return groupControl(question, id, choiceInputs(question, id, "radio"));
    case "checkboxes":
      return groupControl(question, id, choiceInputs(question, id, "checkbox"));
    case "yesno":
      return groupControl(
        question,
        id,
        choiceInputs(
          {
            ...question,
            optional: false,
            choices: [
              { value: "ja", label: "Ja" },
              { value: "nee", label: "Nee" },
              ...(question.optional ? [{ value: "", label: "Nog niet bekend" }] : []),
            ],
          },
          id,
          "radio",
        ),
      );
    case "file":
      return wrap(
        html`<input
            type="file"
            id="${id}"
            name="${question.key}"
            accept="image/png,image/jpeg"
            aria-describedby="${describe}"
          />
          <div class="logo-nu" hidden>
            <img alt="" class="logo-voorbeeld" />
            <span class="logo-naam"></span>
            <button type="button" class="knop knop-licht" data-logo-weg>Logo weghalen</button>
          </div>`,
      );
    case "list":
      return listHtml(question, id);
    case "picker":
      return html`<div
        class="vraag picker"
        id="${id}"
        data-key="${question.key}"
        data-control="picker"
        role="group"
        aria-labelledby="${id}-kop"
      >
        <h3 id="${id}-kop" tabindex="-1">Casussen voor de training</h3>
        <p class="fout" id="${id}-fout" hidden></p>
        <p class="noot" id="${id}-noot" hidden></p>
        <div class="casus-uitkomst" aria-live="polite"></div>
        <div class="casus-actie"></div>
        <div class="casus-lijst"></div>
        <div class="casus-teller">
          <p class="casus-teller-tekst" aria-live="polite"></p>
          <button type="button" class="knop knop-licht" data-casus-naar-keuze hidden>
            Naar de keuze
          </button>
        </div>
      </div>`;
  }
}

function listHtml(question: FormQuestion, id: string): SafeHtml {
  const item = question.itemLabel;
  const fields = question.fields.map((field) =>
    questionHtml({ ...field, key: field.key.replace(question.key, `${question.key}.__i__`) }),
  );
  return html`<fieldset
    class="vraag lijst"
    id="${id}"
    data-key="${question.key}"
    data-control="list"
    data-max="${question.max ?? 50}"
    aria-describedby="${describedBy(id)}"
  >
    <legend>${question.label}${optionalMark(question)}</legend>
    ${helpParts(question, id)}
    <div class="items"></div>
    <p class="lijst-leeg" hidden>Nog geen ${item.toLowerCase()} toegevoegd.</p>
    <button type="button" class="knop knop-licht" data-lijst-erbij>${item} toevoegen</button>
    <template>
      <fieldset class="item" data-index="__i__">
        <legend>${item} __n__</legend>
        ${fields}
        <button type="button" class="knop knop-licht" data-lijst-weg>
          ${item} __n__ verwijderen
        </button>
      </fieldset>
    </template>
  </fieldset>`;
}

function sectionHtml(section: FormSection, index: number, total: number): SafeHtml {
  const last = index === total - 1;
  return html`<form
    class="deel"
    id="deel-${section.id}"
    data-deel="${section.id}"
    novalidate
    hidden
  >
    <div class="foutoverzicht" tabindex="-1" hidden></div>
    <fieldset class="deel-velden">
      <legend class="deel-titel">
        <h2 tabindex="-1">
          <span class="deel-nummer">Deel ${index + 1} van ${total}:</span> ${section.title}
        </h2>
      </legend>
      <p class="intro">${section.intro}</p>
      ${section.questions.map(questionHtml)}
    </fieldset>
    <div class="navigatie">
      ${index > 0 ? html`<button type="button" class="knop knop-licht" data-vorige>Vorige</button>` : null}
      <button type="submit" class="knop">${last ? "Naar het overzicht" : "Volgende"}</button>
    </div>
  </form>`;
}

/** The whole page. */
export function renderPage(spec: FormSpec, options: PageOptions): string {
  const total = spec.sections.length;
  const page = html`<!doctype html>
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} – idokit</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="app.css" />
        <script type="module" src="app.js"></script>
      </head>
      <body>
        <a class="naar-inhoud" href="#inhoud">Naar het formulier</a>
        <header class="kop">
          <div class="breed">
            <p class="merk">idokit</p>
            <h1>${options.title}</h1>
            <p class="kop-intro">${options.intro}</p>
          </div>
        </header>
        <div class="breed">
          <div class="balk" role="region" aria-label="Je antwoorden">
            <button type="button" class="knop knop-licht" id="opslaan">Antwoorden opslaan</button>
            <span class="bestand-kiezen"
              ><input
                type="file"
                id="openen"
                accept=".yaml,.yml,text/yaml,application/yaml"
              /><label for="openen" class="knop knop-licht">Antwoordenbestand openen</label></span
            >
            <button type="button" class="knop knop-licht" id="opnieuw">Opnieuw beginnen</button>
          </div>
          <div id="melding" class="melding" role="status" aria-live="polite"></div>
          <div id="aankondiging" class="onzichtbaar" aria-live="polite"></div>
          <nav class="voortgang" aria-label="Voortgang">
            <ol class="stappen">
              ${spec.sections.map(
                (section, i) =>
                  html`<li data-stap="${section.id}">
                    <a href="#${section.id}"
                      ><span class="stap-nummer">${i + 1}</span>
                      <span class="stap-naam">${section.title}</span><span class="stap-staat"></span
                    ></a>
                  </li>`,
              )}
              <li data-stap="overzicht">
                <a href="#overzicht"
                  ><span class="stap-nummer">✓</span> <span class="stap-naam">Overzicht</span
                  ><span class="stap-staat"></span
                ></a>
              </li>
            </ol>
          </nav>
          <main id="inhoud" tabindex="-1">
            <noscript
              ><p class="fout-blok">
                Dit formulier heeft JavaScript nodig. Zet JavaScript aan, of beantwoord de vragen in
                de terminal.
              </p></noscript
            >
            ${spec.sections.map((section, i) => sectionHtml(section, i, total))}
            <section
              class="deel"
              id="deel-overzicht"
              data-deel="overzicht"
              hidden
              aria-labelledby="overzicht-titel"
            >
              <div class="foutoverzicht" tabindex="-1" hidden></div>
              <h2 id="overzicht-titel" class="deel-titel" tabindex="-1">Overzicht</h2>
              <p class="intro">
                Kijk je antwoorden na. Klopt iets niet? Kies <em>Wijzig</em> bij dat deel; daarna
                kom je hier terug.
              </p>
              <div id="overzicht-inhoud"></div>
              ${
                options.canMakePdf
                  ? html`<div class="vraag extra">
                      <div class="keuze">
                        <input type="checkbox" id="maak-pdf" aria-describedby="maak-pdf-uitleg" />
                        <label for="maak-pdf">Maak van elk document ook een PDF</label>
                        <span class="uitleg" id="maak-pdf-uitleg"
                          >In de map pdf/: om te printen, of voor wie geen Word of PowerPoint heeft.
                          Dit duurt ongeveer een halve minuut langer.</span
                        >
                      </div>
                    </div>`
                  : null
              }
              <div class="navigatie">
                <button type="button" class="knop knop-licht" data-vorige>Vorige</button>
                <button type="button" class="knop knop-groot" id="maak">
                  Maak ${options.packName}
                </button>
              </div>
              <p id="maak-status" class="status" role="status" aria-live="polite"></p>
            </section>
            <section
              class="deel"
              id="deel-klaar"
              data-deel="klaar"
              hidden
              aria-labelledby="klaar-titel"
            >
              <h2 id="klaar-titel" class="deel-titel" tabindex="-1">Het pakket is klaar</h2>
              <div id="klaar-inhoud"></div>
            </section>
          </main>
          <footer class="voet">
            <p>
              idokit ${options.version}. Alles blijft op deze computer: je antwoorden staan als
              concept in deze browser, en idokit stuurt niets over het netwerk.
            </p>
            <p>Klaar? Sluit dit venster en stop idokit in de terminal met Ctrl-C.</p>
          </footer>
        </div>
        <script type="application/json" id="idokit-gegevens">
          ${jsonForScript(options.data)}
        </script>
      </body>
    </html> `;
  return page.text;
}
