import { selectCasussen, type Selection } from "../casussen/select.js";
import type { Casus } from "../casussen/types.js";
import { nameOf } from "../domain/vocabulary.js";
import {
  getPath,
  type Draft,
  type QuestionBase,
  type QuestionContext,
} from "../questions/define.js";
import { convertTyped } from "../questions/wizard.js";
import {
  casusLabel,
  proposalHelp,
  resolveTicks,
  selectionRequestFor,
  tickOrder,
  type TickAction,
} from "../questions/wizard-casussen.js";
import { attr, html, type SafeHtml } from "./html.js";

/**
 * The training's casus question in the web form: the casussen idokit proposes for the answers
 * so far, with why each was chosen, and the whole library to tick, with the wizard's rules for
 * what ticking means (`resolveTicks`). The answer stays what the wizard stores: the pinned ids
 * (empty when idokit chooses) and, when asked for, a new number of casussen. Pure.
 */

const KEY = "focus.casussen";
const COUNT_KEY = "focus.aantalCasussen";

/** What the browser keeps while a person ticks: the ticked ids, and a chosen action. */
export interface CasusChoiceState {
  ticked?: string[];
  actie?: TickAction | "loslaten" | "terug";
}

/** The picker's part of a form evaluation. */
export interface CasusPickerView {
  /** The casussen that will be played, with reasons, and what the proposal could not cover. */
  outcome: SafeHtml;
  /** The library to tick; `order` changes only when idokit's own proposal changes. */
  list: SafeHtml;
  order: string;
  /** What to do when the number ticked differs from the number of casussen; empty otherwise. */
  action: SafeHtml;
  /** Answers to store (pins, number of casussen): the person's ticks, resolved. */
  set?: Record<string, unknown>;
  /** The ticks are resolved or dropped: the browser forgets its state. */
  resolved: boolean;
  /** How many are ticked against the number to play, for a line that stays in view. */
  status: string;
  /** The person must choose what idokit does with the ticks. */
  needsAction: boolean;
  /** A problem that keeps the section from being complete. */
  error?: string;
  /** Notes such as unknown pinned ids that were left out. */
  notes: string[];
  /** The summary's answer: the titles to be played, and what they are. */
  summary: string[];
  summaryLabel: string;
}

export interface CasusPickerInput {
  draft: Draft;
  state: CasusChoiceState | undefined;
  ctx: QuestionContext;
  library: readonly Casus[];
  seed: number;
  /** The schema's question for the number of casussen, to check a new number with its rules. */
  countQuestion: QuestionBase;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** Evaluates the casus question for the answers so far and the person's ticks. */
export function viewCasusPicker(input: CasusPickerInput): CasusPickerView {
  const { draft, ctx, library } = input;
  const vocabulary = ctx.vocabulary;
  const known = new Set(library.map((c) => c.id));
  const given = strings(getPath(draft, KEY));
  const unknown = given.filter((id) => !known.has(id));
  const notes =
    unknown.length > 0
      ? [
          `Onbekende ${unknown.length === 1 ? "casus" : "casussen"} weggelaten: ${unknown.join(", ")}.`,
        ]
      : [];
  let pinned = given.filter((id) => known.has(id));
  let newCount: number | undefined;
  const count = Number(getPath(draft, COUNT_KEY) ?? 0);
  const select = (pins: readonly string[], pool: readonly Casus[] = library, n?: number) =>
    selectCasussen(
      [...pool],
      selectionRequestFor(draft, { seed: input.seed, pinned: pins, count: n }),
      vocabulary,
    );
  const empty = html``;
  if (!Number.isInteger(count) || count < 1)
    return {
      outcome: html`<p>
        Vul eerst hierboven het aantal casussen in; dan stelt idokit casussen voor.
      </p>`,
      list: empty,
      order: "",
      action: empty,
      resolved: false,
      status: "",
      needsAction: false,
      notes,
      summary: [],
      summaryLabel: "Casussen",
      ...changesOf(pinned, given, undefined),
    };

  const state = input.state ?? {};
  let resolved = state.ticked === undefined && state.actie === undefined;
  let ticked = state.ticked;
  let actionHtml = empty;
  let error: string | undefined;
  if (state.actie === "loslaten" || state.actie === "terug") {
    if (state.actie === "loslaten") pinned = [];
    ticked = undefined;
    resolved = true;
  } else if (ticked !== undefined) {
    const proposal = select(pinned);
    const result = resolveTicks({
      ticked,
      proposal,
      count,
      pinned,
      library,
      select,
      checkCount: (n) => convertTyped(input.countQuestion, n, draft, ctx).error,
      action: state.actie,
    });
    if (result.kind === "unchanged") {
      ticked = undefined;
      resolved = true;
    } else if (result.kind === "done") {
      pinned = strings(result.answer.value);
      const also = result.answer.also?.[COUNT_KEY];
      if (also !== undefined) newCount = Number(also);
      ticked = undefined;
      resolved = true;
    } else {
      error =
        "Kies wat idokit met de aangevinkte casussen doet, of vink er zoveel aan als het aantal casussen.";
      actionHtml = html`<fieldset class="actie" id="casus-actie">
        <legend>Wat wil je doen?</legend>
        <p>
          Je hebt ${result.ticked} ${result.ticked === 1 ? "casus" : "casussen"} aangevinkt; het
          aantal casussen staat op ${result.count}.
        </p>
        ${result.problem ? html`<p>Het aantal op ${result.ticked} zetten kan niet: ${result.problem}</p>` : null}
        <div class="keuzes">
          ${[...result.choices, { value: "terug", label: "Terug naar het voorstel" }].map(
            (choice) =>
              html`<div class="keuze">
                <input
                  type="radio"
                  name="casus-actie"
                  id="casus-actie-${choice.value}"
                  value="${choice.value}"
                  ${attr("checked", choice.value === result.default)}
                />
                <label for="casus-actie-${choice.value}">${choice.label}</label>
              </div>`,
          )}
        </div>
        <button type="button" class="knop" data-casus-doe>Doe dit</button>
      </fieldset>`;
    }
  }

  const final = select(pinned);
  const own = pinned.length > 0;
  const idokitOwn = select([]);
  const order = tickOrder(library, idokitOwn, vocabulary);
  const checked = ticked ?? final.chosen.map(({ casus }) => casus.id);
  return {
    outcome: outcomeHtml(final, pinned, count, vocabulary),
    list: listHtml(order, idokitOwn, checked, count, ctx),
    order: order.map((c) => c.id).join(" "),
    action: actionHtml,
    resolved,
    status: error
      ? `Aangevinkt: ${checked.length}; het aantal casussen is ${count}. Kies hierboven bij ‘Wat wil je doen?’ wat idokit doet.`
      : `Aangevinkt: ${checked.length} van ${count}.`,
    needsAction: error !== undefined,
    notes,
    summaryLabel: own ? "Casussen (jullie keuze)" : "Casussen (voorstel van idokit)",
    summary: final.chosen.map(
      ({ casus }) =>
        `${casus.titel}${own && !pinned.includes(casus.id) ? " (aangevuld door idokit)" : ""}`,
    ),
    ...changesOf(pinned, given, newCount),
    ...(error ? { error } : {}),
  };
}

/** The answers to store when the pins or the number of casussen changed. */
function changesOf(
  pinned: readonly string[],
  given: readonly string[],
  count: number | undefined,
): { set?: Record<string, unknown> } {
  const set: Record<string, unknown> = {};
  if (pinned.length !== given.length || pinned.some((id, i) => id !== given[i]))
    set[KEY] = [...pinned];
  if (count !== undefined) set[COUNT_KEY] = String(count);
  return Object.keys(set).length > 0 ? { set } : {};
}

function outcomeHtml(
  final: Selection,
  pinned: readonly string[],
  count: number,
  vocabulary: QuestionContext["vocabulary"],
): SafeHtml {
  const own = pinned.length > 0;
  return html`<p class="voorstel-uitleg">${proposalHelp(pinned.length, count)}</p>
    <ol class="casussen-gekozen">
      ${final.chosen.map(
        ({ casus, reasons }) =>
          html`<li>
            <span class="casus-titel">${casusLabel(casus, vocabulary)}</span
            >${own && !pinned.includes(casus.id) ? html` <span class="aangevuld">(aangevuld door idokit)</span>` : null}
            <span class="redenen">Gekozen omdat: ${reasons.join("; ")}.</span>
          </li>`,
      )}
    </ol>
    ${final.uncovered.map((text) => html`<p class="let-op"><strong>Let op:</strong> ${text}</p>`)}
    ${own ? html`<p><button type="button" class="knop knop-licht" data-casus-loslaten>Vaste keuze loslaten: idokit kiest alle casussen</button></p>` : null}`;
}

function listHtml(
  order: readonly Casus[],
  proposal: Selection,
  checked: readonly string[],
  count: number,
  ctx: QuestionContext,
): SafeHtml {
  const proposed = new Set(proposal.chosen.map(({ casus }) => casus.id));
  const groups: Array<{ title: string; casussen: Casus[] }> = [];
  for (const casus of order) {
    const title = proposed.has(casus.id)
      ? "Voorstel van idokit"
      : `Thema: ${nameOf(ctx.vocabulary.themas, casus.thema)}`;
    const last = groups[groups.length - 1];
    if (last?.title === title) last.casussen.push(casus);
    else groups.push({ title, casussen: [casus] });
  }
  return html`<fieldset class="casuslijst">
    <legend>Zelf kiezen</legend>
    <p class="uitleg" id="casuslijst-uitleg">
      Vink aan welke casussen jullie spelen. Bovenaan het voorstel van idokit, daaronder de andere
      casussen per thema. Aantal casussen nu: ${count}.
    </p>
    ${groups.map(
      (group) =>
        html`<fieldset class="casusgroep">
          <legend>${group.title}</legend>
          ${group.casussen.map(
            (casus) =>
              html`<div class="keuze">
                <input
                  type="checkbox"
                  name="casus"
                  id="casus-${casus.id}"
                  value="${casus.id}"
                  aria-describedby="casus-${casus.id}-klant"
                  ${attr("checked", checked.includes(casus.id))}
                />
                <label for="casus-${casus.id}">${casusLabel(casus, ctx.vocabulary)}</label>
                <span class="uitleg" id="casus-${casus.id}-klant">${casus.klant}</span>
              </div>`,
          )}
        </fieldset>`,
    )}
  </fieldset>`;
}
