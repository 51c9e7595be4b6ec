import { basename } from "node:path";
import type { Draft, Question, QuestionContext, Section } from "../questions/define.js";
import { buildSummary } from "../questions/wizard-format.js";
import { guideFor, type FileGuide } from "./file-guide.js";
import { html, type SafeHtml } from "./html.js";

/**
 * The parts of the page the server fills in as answers change: the summary before making the pack,
 * and the result after. Pure.
 */

/** The summary of the answers, per section, with a link to change each section. */
export function summaryHtml(options: {
  sections: readonly Section[];
  questions: readonly Question[];
  draft: Draft;
  ctx: QuestionContext;
  errors: Readonly<Record<string, number>>;
  /** Answers worded by a command (the casussen to be played): a label and lines. */
  described?: Readonly<Record<string, { label: string; lines: readonly string[] }>>;
}): SafeHtml {
  const groups = buildSummary(options.sections, options.questions, options.draft, options.ctx);
  return html`${groups.map(({ section, rows }) => {
    const problems = options.errors[section.id] ?? 0;
    return html`<section class="samenvatting-deel" aria-labelledby="sv-${section.id}">
      <div class="samenvatting-kop">
        <h3 id="sv-${section.id}">${section.title}</h3>
        <a href="#${section.id}" class="wijzig"
          >Wijzig<span class="onzichtbaar"> ${section.title}</span></a
        >
      </div>
      ${
        problems > 0
          ? html`<p class="fout-blok">
              Nog niet compleet:
              ${problems === 1 ? "1 antwoord ontbreekt of klopt niet" : `${problems} antwoorden ontbreken of kloppen niet`}.
              <a href="#${section.id}"
                >Vul ${problems === 1 ? "het" : "ze"} aan in ${section.title}</a
              >.
            </p>`
          : null
      }
      <dl>
        ${rows.map((row) => {
          const described = options.described?.[row.key];
          const lines = described?.lines ?? row.lines;
          return html`<div class="rij">
            <dt>${described?.label ?? row.label}</dt>
            <dd>
              ${
                lines.length > 0
                  ? html`<ul>
                      ${lines.map((line) => html`<li>${line}</li>`)}
                    </ul>`
                  : row.value || html`<span class="leeg">(leeg)</span>`
              }
            </dd>
          </div>`;
        })}
      </dl>
    </section>`;
  })}`;
}

/** A made pack, as the result page shows it. */
export interface MadePack {
  /** The folder the pack was written to. */
  map: string;
  /** The folder asked for existed already, so the pack went to `map` instead. */
  movedFrom?: string | undefined;
  files: ReadonlyArray<{ naam: string; bytes?: number | undefined }>;
  /** What each file is for, from the pack's own LEESMIJ.html. */
  guide: readonly FileGuide[];
  zip: { url: string; name: string; bytes: number };
  /** The pack's LEESMIJ.html, to open in the browser. */
  readme?: { url: string; name: string } | undefined;
  /** "Programma" with clock times, or the bijeenkomst's "Agenda". */
  schedule: {
    title: string;
    rows: ReadonlyArray<{ start: string; eind: string; onderdeel: string }>;
  };
  casussen: ReadonlyArray<{ titel: string; redenen: readonly string[] }>;
  notes: readonly string[];
  /** Where to begin, and what to do next. */
  next: readonly string[];
  /** The folder can be opened on this computer's desktop. */
  canOpenFolder: boolean;
}

const kb = (bytes: number | undefined): string =>
  bytes === undefined ? "" : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("nl-NL")} kB`;

/** The result page: where the pack is, the zip, the files with what each is for, and what next. */
export function madeHtml(made: MadePack): SafeHtml {
  return html`<p class="klaar-waar">
      Het pakket staat in de map <code class="pad">${made.map}</code>.${
        made.movedFrom
          ? html` De map <code class="pad">${basename(made.movedFrom)}</code> bestond al; die is
              niet aangeraakt.`
          : null
      }
    </p>
    <p class="knoppen">
      <a class="knop knop-groot" href="${made.zip.url}" download="${made.zip.name}"
        >Download het pakket als zip (${kb(made.zip.bytes)})</a
      >
      ${made.canOpenFolder ? html`<button type="button" class="knop knop-licht" data-map-openen>Open de map</button>` : null}
    </p>
    ${
      made.readme
        ? html`<p>
            <a href="${made.readme.url}" target="_blank" rel="noopener">Open ${made.readme.name}</a>
            (in een nieuw tabblad): hoe je het aanpakt, wat je print en wat je wanneer doet. Het
            staat ook in de map en in de zip.
          </p>`
        : null
    }
    <ul class="volgende">
      ${made.next.map((line) => html`<li>${line}</li>`)}
    </ul>
    ${
      made.notes.length > 0
        ? html`<div class="let-op-blok">
            <h3>Let op</h3>
            <ul>
              ${made.notes.map((n) => html`<li>${n}</li>`)}
            </ul>
          </div>`
        : null
    }
    <h3>De bestanden</h3>
    ${filesTable(made)}
    <h3>${made.schedule.title}</h3>
    <table class="programma">
      <thead>
        <tr>
          <th scope="col">Tijd</th>
          <th scope="col">Onderdeel</th>
        </tr>
      </thead>
      <tbody>
        ${made.schedule.rows.map(
          (row) =>
            html`<tr>
              <td class="tijd">${row.start.replace(":", ".")}–${row.eind.replace(":", ".")}</td>
              <td>${row.onderdeel}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      made.casussen.length > 0
        ? html`<h3>Gekozen casussen</h3>
            <ol class="casussen-gekozen">
              ${made.casussen.map(
                (c) =>
                  html`<li>
                    <span class="casus-titel">${c.titel}</span>
                    <span class="redenen">Gekozen omdat: ${c.redenen.join("; ")}.</span>
                  </li>`,
              )}
            </ol>`
        : null
    }
    <p>
      <a href="#overzicht">Terug naar het overzicht</a>: pas antwoorden aan en maak het pakket
      opnieuw (in een nieuwe map).
    </p>`;
}

/** The files with what the pack's LEESMIJ says of each; the PDFs (pdf/) on one line. */
function filesTable(made: MadePack): SafeHtml {
  const pdfs = made.files.filter((f) => f.naam.startsWith("pdf/"));
  const rows = made.files
    .filter((f) => !f.naam.startsWith("pdf/"))
    .map((file) => ({ file, guide: guideFor(made.guide, file.naam) }));
  const printing = made.guide.some((row) => row.printen);
  return html`<table class="bestanden">
    <caption class="onzichtbaar">
      De bestanden in het pakket, voor wie ze zijn en waarvoor
    </caption>
    <thead>
      <tr>
        <th scope="col">Bestand</th>
        <th scope="col">Voor wie</th>
        <th scope="col">Waarvoor</th>
        ${printing ? html`<th scope="col">Printen</th>` : null}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ({ file, guide }) =>
          html`<tr>
            <th scope="row">
              <span class="bestandsnaam">${file.naam}</span>
              <span class="grootte">${kb(file.bytes)}</span>
            </th>
            <td data-label="Voor wie">${guide?.voor ?? ""}</td>
            <td data-label="Waarvoor">${guide?.wat ?? ""}</td>
            ${printing ? html`<td data-label="Printen">${guide?.printen ?? ""}</td>` : null}
          </tr>`,
      )}
      ${
        pdfs.length > 0
          ? html`<tr>
              <th scope="row">
                <span class="bestandsnaam">pdf/</span>
                <span class="grootte">${pdfs.length} bestanden</span>
              </th>
              <td data-label="Voor wie">iedereen</td>
              <td data-label="Waarvoor">
                elk Word- en PowerPoint-bestand ook als PDF, om te printen of voor wie geen Office
                heeft
              </td>
              ${printing ? html`<td></td>` : null}
            </tr>`
          : null
      }
    </tbody>
  </table>`;
}
