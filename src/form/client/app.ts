/*
 * The browser side of `idokit formulier`: keeps the answers (a draft in this browser's
 * localStorage), fills the controls the server generated from the question schema, and asks the
 * server what the schema says about the answers: which questions apply, defaults, problems, the
 * casus proposal. It never decides a rule itself. No framework, no external resources.
 */

interface Section {
  id: string;
  title: string;
}

interface StartAnswers {
  /** Differs per run of idokit: answers given with --antwoorden are put in the form once. */
  id?: string;
  bron: string;
  answers: Record<string, unknown>;
  problemen: Array<{ where: string; message: string }>;
  bestanden: Array<{ key: string; path: string }>;
  logo?: { id: string; name: string; data: string };
}

interface PageData {
  kind: string;
  storageKey: string;
  sections: Section[];
  start?: StartAnswers;
}

interface LogoState {
  name: string;
  /** Base64 of the image, so a new run of idokit can be given it again. */
  data: string;
  id?: string;
}

interface CasusState {
  ticked?: string[];
  actie?: string;
}

interface Draft {
  version: 1;
  answers: Record<string, unknown>;
  logo?: LogoState;
  casus?: CasusState;
  section?: string;
  saved?: string;
  /** The run whose --antwoorden this draft started from. */
  startId?: string;
}

interface FieldView {
  visible: boolean;
  proposal?: unknown;
  error?: string;
  note?: string;
  warning?: string;
}

interface PickerView {
  outcome: string;
  list: string;
  order: string;
  action: string;
  resolved: boolean;
  status: string;
  needsAction: boolean;
}

interface Evaluation {
  fields: Record<string, FieldView>;
  errors: Record<string, number>;
  problems: number;
  picker?: PickerView;
  set?: Record<string, unknown>;
  summary?: string;
}

interface Problem {
  where: string;
  message: string;
}

const $ = <T extends Element = HTMLElement>(
  selector: string,
  root: ParentNode = document,
): T | null => root.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T[] =>
  Array.from(root.querySelectorAll<T>(selector));

const data = JSON.parse($("#idokit-gegevens")!.textContent ?? "{}") as PageData;
const sectionIds = data.sections.map((s) => s.id);
const OVERVIEW = "overzicht";
const DONE = "klaar";

let draft: Draft = loadDraft() ?? { version: 1, answers: {} };
/** Questions whose problems are shown: changed by the person, or checked with "Volgende". */
const shown = new Set<string>();
/** Sections the person has been through (for ✓ and ! in the steps). */
const visited = new Set<string>();
let last: Evaluation | undefined;
let current = "";
let madeId: string | undefined;
let requestNumber = 0;
let offline = false;

// ---------------------------------------------------------------- storage

function loadDraft(key = data.storageKey): Draft | undefined {
  try {
    const text = localStorage.getItem(key);
    if (!text) return undefined;
    const parsed = JSON.parse(text) as Draft;
    if (parsed?.version !== 1 || typeof parsed.answers !== "object" || parsed.answers === null)
      return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

let saveTimer: number | undefined;
/** A change made here that is not stored yet. */
let unsaved = false;
function saveDraft(): void {
  window.clearTimeout(saveTimer);
  unsaved = true;
  saveTimer = window.setTimeout(storeNow, 250);
}

function storeNow(): void {
  window.clearTimeout(saveTimer);
  unsaved = false;
  draft.saved = new Date().toISOString();
  try {
    localStorage.setItem(data.storageKey, JSON.stringify(draft));
  } catch {
    notify(
      "Het concept kon niet in deze browser worden bewaard. Sla je antwoorden op als bestand (Antwoorden opslaan).",
      true,
    );
  }
}

/**
 * Another tab with this form saved the draft (browsers tell only the other tabs): this tab takes
 * that draft over, so an older copy here never overwrites newer answers given there.
 */
function adoptOtherTab(event: StorageEvent): void {
  if (event.key !== data.storageKey || event.newValue === null) return;
  // A change made here a moment ago is newer: store it, and the other tab takes it over.
  if (unsaved) return storeNow();
  const other = loadDraft();
  if (!other) return;
  draft = { ...other, section: draft.section };
  for (const key of Object.keys(draft.answers)) shown.add(key);
  fillAll();
  void evaluate();
  notify(
    "Dit formulier is ook in een ander tabblad open; de antwoorden van dat tabblad staan nu ook hier. Werk bij voorkeur in één tabblad.",
  );
}

/** Keeps the draft that is about to be replaced, so it can be brought back. */
function keepPrevious(): boolean {
  if (Object.keys(draft.answers).length === 0 && !draft.logo) return false;
  try {
    localStorage.setItem(`${data.storageKey}:vorig`, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- server

/** Requests in flight or waiting: `data-bezig` on the page says so (for tests and styling). */
let busy = 0;
function setBusy(change: number): void {
  busy += change;
  if (busy > 0) document.documentElement.dataset.bezig = "ja";
  else delete document.documentElement.dataset.bezig;
}

/** Marks the page busy while `work` runs (reading a file before it is sent, for instance). */
async function whileBusy(work: () => Promise<void>): Promise<void> {
  setBusy(1);
  try {
    await work();
  } finally {
    setBusy(-1);
  }
}

async function post<T>(path: string, body: unknown): Promise<T> {
  setBusy(1);
  try {
    return await send<T>(path, body);
  } finally {
    setBusy(-1);
  }
}

async function send<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  }).catch(() => undefined);
  if (!response) {
    stopped();
    throw new Error("offline");
  }
  if (offline) online();
  const json = (await response.json().catch(() => ({}))) as T & { fout?: string };
  if (!response.ok) throw new Error(json.fout ?? `Fout ${response.status}`);
  return json;
}

function stopped(): void {
  if (offline) return;
  offline = true;
  notify(
    "idokit is gestopt, of niet meer bereikbaar. Je antwoorden staan nog in deze browser. Start idokit formulier opnieuw en open de nieuwe link om verder te gaan.",
    true,
  );
}

function online(): void {
  offline = false;
  notify("");
}

function request(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    answers: draft.answers,
    logo: draft.logo?.id ? { id: draft.logo.id, name: draft.logo.name } : null,
    casus: draft.casus ?? null,
    ...extra,
  };
}

// ---------------------------------------------------------------- messages

function notify(
  message: string,
  problem = false,
  action?: { label: string; run: () => void },
): void {
  const box = $("#melding")!;
  box.replaceChildren();
  box.classList.toggle("fout-melding", problem);
  if (!message) return;
  const p = document.createElement("p");
  p.textContent = message;
  box.append(p);
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "knop knop-licht";
    button.textContent = action.label;
    button.addEventListener("click", () => {
      action.run();
      button.remove();
    });
    box.append(button);
  }
}

/** A polite message for screen readers only. */
function announce(message: string): void {
  const box = $("#aankondiging")!;
  box.textContent = message;
  window.setTimeout(() => {
    if (box.textContent === message) box.textContent = "";
  }, 5000);
}

// ---------------------------------------------------------------- controls

const wrapperOf = (key: string): HTMLElement | null => $(`[data-key="${CSS.escape(key)}"]`) ?? null;

const listKeyOf = (name: string): { list: string; index: number; field: string } | undefined => {
  const match = /^(.+)\.(\d+)\.([^.]+)$/.exec(name);
  return match ? { list: match[1]!, index: Number(match[2]), field: match[3]! } : undefined;
};

function controlKind(wrapper: HTMLElement): string {
  return wrapper.dataset.control ?? "text";
}

function readValue(wrapper: HTMLElement, name: string): unknown {
  const kind = controlKind(wrapper);
  if (kind === "checkboxes")
    return $$<HTMLInputElement>(`input[name="${CSS.escape(name)}"]`, wrapper)
      .filter((i) => i.checked)
      .map((i) => i.value);
  if (kind === "radio" || kind === "yesno") {
    const checked = $$<HTMLInputElement>(`input[name="${CSS.escape(name)}"]`, wrapper).find(
      (i) => i.checked,
    );
    return checked ? checked.value : undefined;
  }
  const control = $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    `[name="${CSS.escape(name)}"]`,
    wrapper,
  );
  return control?.value ?? "";
}

function writeValue(wrapper: HTMLElement, name: string, value: unknown): void {
  const kind = controlKind(wrapper);
  if (kind === "checkboxes") {
    const values = Array.isArray(value) ? value.map(String) : [];
    for (const input of $$<HTMLInputElement>(`input[name="${CSS.escape(name)}"]`, wrapper))
      input.checked = values.includes(input.value);
    return;
  }
  if (kind === "radio" || kind === "yesno") {
    for (const input of $$<HTMLInputElement>(`input[name="${CSS.escape(name)}"]`, wrapper))
      input.checked = value !== undefined && input.value === String(value);
    return;
  }
  if (kind === "file" || kind === "picker" || kind === "list") return;
  const control = $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    `[name="${CSS.escape(name)}"]`,
    wrapper,
  );
  if (!control) return;
  // A text list on one line shows its points separated by "; " (the converter splits on both).
  const joiner = control instanceof HTMLTextAreaElement ? "\n" : "; ";
  const text = Array.isArray(value)
    ? value.join(joiner)
    : value === undefined
      ? ""
      : String(value).replace(/\n/g, control instanceof HTMLTextAreaElement ? "\n" : "; ");
  if (control.value !== text) control.value = text;
  if (control instanceof HTMLTextAreaElement)
    control.rows = Math.max(
      control.dataset.lines !== undefined ? 3 : 4,
      text.split("\n").length + 1,
    );
  if (kind === "color") updateSwatch(wrapper);
}

function updateSwatch(wrapper: HTMLElement): void {
  const input = $<HTMLInputElement>("input", wrapper);
  const swatch = $(".staal", wrapper);
  if (!input || !swatch) return;
  const hex = input.value.trim().replace(/^#/, "");
  const full = /^[0-9a-f]{3}$/i.test(hex) ? hex.replace(/(.)/g, "$1$1") : hex;
  swatch.style.background = /^[0-9a-f]{6}$/i.test(full) ? `#${full}` : "#fff";
}

/** Puts every answer of the draft in its control; lists are rebuilt from their template. */
function fillAll(): void {
  for (const wrapper of $$("form.deel [data-key]")) {
    const key = wrapper.dataset.key!;
    if (key.includes("__i__") || wrapper.closest(".item")) continue;
    const kind = controlKind(wrapper);
    if (kind === "list") renderList(wrapper);
    else if (kind === "file") renderLogo(wrapper);
    else if (Object.hasOwn(draft.answers, key)) writeValue(wrapper, key, draft.answers[key]);
    else writeValue(wrapper, key, kind === "checkboxes" ? [] : undefined);
  }
}

// ---------------------------------------------------------------- lists (local partners)

function itemsOf(key: string): Array<Record<string, string>> {
  const value = draft.answers[key];
  return Array.isArray(value) ? (value as Array<Record<string, string>>) : [];
}

function renderList(wrapper: HTMLElement): void {
  const key = wrapper.dataset.key!;
  const template = $<HTMLTemplateElement>("template", wrapper)!;
  const box = $(".items", wrapper)!;
  const items = itemsOf(key);
  box.replaceChildren();
  items.forEach((item, i) => {
    const html = template.innerHTML
      .replaceAll("__i__", String(i))
      .replaceAll("__n__", String(i + 1));
    const holder = document.createElement("div");
    holder.innerHTML = html;
    const fieldset = holder.firstElementChild as HTMLElement;
    box.append(fieldset);
    for (const field of $$("[data-key]", fieldset)) {
      const name = field.dataset.key!;
      const parts = listKeyOf(name);
      if (parts) writeValue(field, name, item[parts.field] ?? "");
    }
  });
  const max = Number(wrapper.dataset.max ?? "50");
  const add = $<HTMLButtonElement>("[data-lijst-erbij]", wrapper)!;
  add.hidden = items.length >= max;
  $(".lijst-leeg", wrapper)!.hidden = items.length > 0;
}

function addItem(wrapper: HTMLElement): void {
  const key = wrapper.dataset.key!;
  const items = [...itemsOf(key), {}];
  draft.answers[key] = items;
  renderList(wrapper);
  const fresh = $$(".item", wrapper).pop();
  $<HTMLElement>("input, select, textarea", fresh ?? wrapper)?.focus();
  saveDraft();
  evaluateSoon();
}

function removeItem(wrapper: HTMLElement, index: number): void {
  const key = wrapper.dataset.key!;
  const items = itemsOf(key).filter((_, i) => i !== index);
  const legend = $(".item legend", $$(".item", wrapper)[index] ?? wrapper)?.textContent ?? "";
  draft.answers[key] = items;
  // Problems shown for items after this one move up with them.
  for (const k of [...shown]) if (k.startsWith(`${key}.`)) shown.delete(k);
  renderList(wrapper);
  const next = $$(".item", wrapper)[Math.min(index, items.length - 1)];
  (
    $<HTMLElement>("input, select, textarea", next ?? wrapper) ?? $("[data-lijst-erbij]", wrapper)
  )?.focus();
  announce(`${legend} verwijderd.`);
  saveDraft();
  evaluateSoon();
}

// ---------------------------------------------------------------- logo

function renderLogo(wrapper: HTMLElement): void {
  const now = $(".logo-nu", wrapper)!;
  const input = $<HTMLInputElement>("input[type=file]", wrapper)!;
  if (draft.logo) {
    now.hidden = false;
    $<HTMLImageElement>(".logo-voorbeeld", now)!.src =
      `data:${draft.logo.name.match(/\.jpe?g$/i) ? "image/jpeg" : "image/png"};base64,${draft.logo.data}`;
    $(".logo-naam", now)!.textContent = `Gekozen: ${draft.logo.name}`;
  } else {
    now.hidden = true;
    input.value = "";
  }
}

async function uploadLogo(
  bytes: ArrayBuffer,
  name: string,
): Promise<{ id?: string; name?: string; fout?: string }> {
  setBusy(1);
  try {
    return await sendLogo(bytes, name);
  } finally {
    setBusy(-1);
  }
}

async function sendLogo(
  bytes: ArrayBuffer,
  name: string,
): Promise<{ id?: string; name?: string; fout?: string }> {
  const response = await fetch("api/logo", {
    method: "POST",
    headers: {
      "Content-Type": "application/octet-stream",
      "X-Bestandsnaam": encodeURIComponent(name),
    },
    body: bytes,
  }).catch(() => undefined);
  if (!response) {
    stopped();
    return { fout: "idokit is niet bereikbaar." };
  }
  return (await response.json().catch(() => ({ fout: `Fout ${response.status}` }))) as {
    id?: string;
    name?: string;
    fout?: string;
  };
}

function toBase64(bytes: ArrayBuffer): string {
  let text = "";
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000)
    text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out.buffer;
}

/** Why the file just chosen as logo cannot be used; shown until another is chosen. */
let logoProblem: string | undefined;

async function chooseLogo(wrapper: HTMLElement, file: File): Promise<void> {
  const key = wrapper.dataset.key!;
  const bytes = await file.arrayBuffer();
  const result = await uploadLogo(bytes, file.name);
  if (result.fout || !result.id || !result.name) {
    logoProblem = result.fout ?? "Dit bestand kan niet als logo worden gebruikt.";
    showError(wrapper, key, logoProblem);
    announce(`Logo: ${logoProblem}`);
    return;
  }
  logoProblem = undefined;
  draft.logo = { name: result.name, data: toBase64(bytes), id: result.id };
  draft.answers[key] = result.name;
  shown.add(key);
  renderLogo(wrapper);
  storeNow();
  void evaluate();
}

/** After a new run of idokit, the logo kept in the draft is handed over again. */
async function restoreLogo(): Promise<void> {
  if (!draft.logo) return;
  const result = await uploadLogo(fromBase64(draft.logo.data), draft.logo.name);
  if (result.id && result.name) {
    draft.logo.id = result.id;
    draft.logo.name = result.name;
  } else delete draft.logo.id;
}

// ---------------------------------------------------------------- evaluation

let evaluateTimer: number | undefined;
function evaluateSoon(): void {
  if (evaluateTimer === undefined) setBusy(1);
  window.clearTimeout(evaluateTimer);
  evaluateTimer = window.setTimeout(() => void evaluate(), 300);
}

async function evaluate(): Promise<Evaluation | undefined> {
  if (evaluateTimer !== undefined) {
    window.clearTimeout(evaluateTimer);
    evaluateTimer = undefined;
    setBusy(-1);
  }
  const number = ++requestNumber;
  let result: Evaluation;
  try {
    result = await post<Evaluation>("api/evalueer", request({ summary: current === OVERVIEW }));
  } catch {
    return undefined;
  }
  if (number !== requestNumber) return last;
  if (result.set) {
    Object.assign(draft.answers, result.set);
    for (const [key, value] of Object.entries(result.set)) {
      const wrapper = wrapperOf(key);
      if (wrapper) writeValue(wrapper, key, value);
    }
  }
  if (result.picker?.resolved) delete draft.casus;
  saveDraft();
  last = result;
  apply(result);
  return result;
}

function showError(wrapper: HTMLElement, key: string, error: string | undefined): void {
  const id = `v-${key.replace(/\./g, "-")}`;
  const box = document.getElementById(`${id}-fout`);
  wrapper.classList.toggle("heeft-fout", Boolean(error));
  if (box) {
    box.hidden = !error;
    box.textContent = error ? `Let op: ${error}` : "";
  }
  const controls = ["radio", "yesno", "checkboxes", "list", "picker"].includes(controlKind(wrapper))
    ? [wrapper]
    : $$<HTMLElement>(`[name="${CSS.escape(key)}"]`, wrapper);
  for (const control of controls) {
    if (control.tagName !== "FIELDSET" && control.tagName !== "DIV")
      control.setAttribute("aria-invalid", error ? "true" : "false");
    const described = (control.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter((part) => part && part !== `${id}-fout`);
    if (error) described.unshift(`${id}-fout`);
    if (described.length > 0) control.setAttribute("aria-describedby", described.join(" "));
    else control.removeAttribute("aria-describedby");
  }
}

function showNote(key: string, note: string | undefined, warning: string | undefined): void {
  const box = document.getElementById(`v-${key.replace(/\./g, "-")}-noot`);
  if (!box) return;
  const text = [note, warning ? `Let op: ${warning}` : undefined].filter(Boolean).join(" ");
  box.hidden = !text;
  box.classList.toggle("waarschuwing", Boolean(warning));
  box.textContent = text;
}

function apply(result: Evaluation): void {
  for (const [key, view] of Object.entries(result.fields)) {
    const wrapper = wrapperOf(key);
    if (!wrapper) continue;
    const container = wrapper.closest<HTMLElement>(".vraag") ?? wrapper;
    container.hidden = !view.visible;
    if (!view.visible) continue;
    if (!Object.hasOwn(draft.answers, key) && view.proposal !== undefined) {
      writeValue(wrapper, key, view.proposal);
    }
    // A refused logo file stays reported until another file is chosen or the logo removed.
    const refusedLogo = controlKind(wrapper) === "file" ? logoProblem : undefined;
    showError(wrapper, key, refusedLogo ?? (shown.has(key) ? view.error : undefined));
    showNote(key, view.note, view.warning);
  }
  if (result.picker) applyPicker(result.picker);
  if (result.summary !== undefined) $("#overzicht-inhoud")!.innerHTML = result.summary;
  updateSteps(result);
}

function applyPicker(view: PickerView): void {
  const picker = $(".picker");
  if (!picker) return;
  const focused = document.activeElement?.id;
  $(".casus-uitkomst", picker)!.innerHTML = view.outcome;
  $(".casus-actie", picker)!.innerHTML = view.action;
  const list = $(".casus-lijst", picker)!;
  const inList = list.contains(document.activeElement);
  if (list.dataset.order !== view.order || !inList) {
    list.innerHTML = view.list;
    list.dataset.order = view.order;
  } else {
    // Same list under the person's hands: only the ticks change.
    const holder = document.createElement("div");
    holder.innerHTML = view.list;
    for (const box of $$<HTMLInputElement>("input[name=casus]", holder)) {
      const mine = document.getElementById(box.id) as HTMLInputElement | null;
      if (mine && mine.checked !== box.checked) mine.checked = box.checked;
    }
  }
  $(".casus-teller-tekst", picker)!.textContent = view.status;
  $<HTMLButtonElement>("[data-casus-naar-keuze]", picker)!.hidden = !view.needsAction;
  if (focused && document.activeElement?.id !== focused) document.getElementById(focused)?.focus();
}

function updateSteps(result: Evaluation): void {
  for (const item of $$("[data-stap]")) {
    const id = item.dataset.stap!;
    const state = $(".stap-staat", item)!;
    const errors = result.errors[id] ?? 0;
    const seen = visited.has(id);
    state.className = "stap-staat";
    state.textContent = "";
    if (id === OVERVIEW) continue;
    if (seen && errors === 0) {
      state.classList.add("klaar");
      state.append(hidden(" (compleet)"));
    } else if (seen) {
      state.classList.add("open");
      state.append(hidden(` (${errors === 1 ? "1 punt" : `${errors} punten`} om na te kijken)`));
    }
  }
}

function hidden(text: string): HTMLElement {
  const span = document.createElement("span");
  span.className = "onzichtbaar";
  span.textContent = text;
  return span;
}

// ---------------------------------------------------------------- sections

function sectionTitle(id: string): string {
  if (id === OVERVIEW) return "Overzicht";
  if (id === DONE) return "Het pakket is klaar";
  return data.sections.find((s) => s.id === id)?.title ?? id;
}

function show(id: string, focus = true): void {
  if (id === DONE && !madeId) id = OVERVIEW;
  if (!sectionIds.includes(id) && id !== OVERVIEW && id !== DONE) id = sectionIds[0]!;
  // A notice belongs to the moment it was given; a problem (idokit stopped) stays.
  if (current && current !== id && !$("#melding")!.classList.contains("fout-melding")) notify("");
  if (current && sectionIds.includes(current)) visited.add(current);
  current = id;
  for (const part of $$(".deel")) part.hidden = part.dataset.deel !== id;
  for (const link of $$<HTMLAnchorElement>(".stappen a")) {
    if (link.getAttribute("href") === `#${id}`) link.setAttribute("aria-current", "step");
    else link.removeAttribute("aria-current");
  }
  const index = sectionIds.indexOf(id);
  const total = sectionIds.length;
  const where =
    index >= 0 ? `Deel ${index + 1} van ${total}: ${sectionTitle(id)}` : sectionTitle(id);
  document.title = `${where} – idokit`;
  if (location.hash !== `#${id}`) history.replaceState(null, "", `#${id}`);
  draft.section = id;
  saveDraft();
  if (focus) {
    const heading = $<HTMLElement>(`#deel-${id} h2`);
    heading?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
  if (id === OVERVIEW) {
    for (const s of sectionIds) visited.add(s);
    void evaluate();
  } else if (last) updateSteps(last);
}

/** Checks the section shown: its problems are listed at the top, or the next one opens. */
async function next(form: HTMLFormElement): Promise<void> {
  const id = form.dataset.deel!;
  for (const wrapper of $$("[data-key]", form)) shown.add(wrapper.dataset.key!);
  visited.add(id);
  const result = await evaluate();
  if (!result) return;
  const problems = problemsIn(form, result);
  const summary = $(".foutoverzicht", form)!;
  if (problems.length > 0) {
    showSummary(summary, problems, "Kijk deze antwoorden nog na");
    return;
  }
  summary.hidden = true;
  summary.removeAttribute("role");
  const index = sectionIds.indexOf(id);
  location.hash = index + 1 < sectionIds.length ? `#${sectionIds[index + 1]}` : `#${OVERVIEW}`;
}

function problemsIn(
  root: ParentNode,
  result: Evaluation,
): Array<{ key: string; label: string; error: string }> {
  const out: Array<{ key: string; label: string; error: string }> = [];
  for (const [key, view] of Object.entries(result.fields)) {
    if (!view.visible || !view.error) continue;
    const wrapper = wrapperOf(key);
    if (!wrapper || !root.contains(wrapper)) continue;
    out.push({ key, label: labelOf(wrapper), error: view.error });
  }
  return out;
}

function labelOf(wrapper: HTMLElement): string {
  const own = $(":scope > label, :scope > legend, :scope > h3", wrapper);
  const item = wrapper.closest(".item")?.querySelector(":scope > legend")?.textContent;
  const text = (own?.textContent ?? wrapper.dataset.key ?? "")
    .replace(/\s*\(mag leeg\)\s*$/, "")
    .trim();
  return item ? `${item.trim()}, ${text}` : text;
}

function showSummary(
  summary: HTMLElement,
  problems: Array<{ key: string; label: string; error: string }>,
  title: string,
): void {
  summary.replaceChildren();
  const heading = document.createElement("h3");
  heading.textContent = `${title} (${problems.length})`;
  const list = document.createElement("ul");
  for (const problem of problems) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = `#v-${problem.key.replace(/\./g, "-")}`;
    a.dataset.naar = problem.key;
    // The list stays short: the example that follows a message is next to the question.
    a.textContent = `${problem.label}: ${problem.error.replace(/ Bijvoorbeeld: .*$/, "")}`;
    li.append(a);
    list.append(li);
  }
  summary.append(heading, list);
  summary.hidden = false;
  summary.setAttribute("role", "alert");
  summary.focus();
}

function focusQuestion(key: string): void {
  const wrapper = wrapperOf(key);
  if (!wrapper) return;
  const section = wrapper.closest<HTMLElement>(".deel")?.dataset.deel;
  if (section && section !== current) show(section, false);
  const target = $<HTMLElement>("input:not([type=hidden]), select, textarea", wrapper) ?? wrapper;
  target.focus();
  target.scrollIntoView({ block: "center" });
}

// ---------------------------------------------------------------- files

async function saveAnswers(): Promise<void> {
  let result: { name: string; text: string };
  try {
    result = await post("api/antwoorden", request());
  } catch {
    return;
  }
  const blob = new Blob([result.text], { type: "application/yaml" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = result.name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  notify(`Je antwoorden zijn opgeslagen als ${result.name} (in je map met downloads).`);
}

async function openAnswers(file: File): Promise<void> {
  if (file.size > 1024 * 1024) {
    notify(`${file.name} is te groot voor een antwoordenbestand.`, true);
    return;
  }
  const text = await file.text();
  let result: StartAnswers & { fout?: string; problemen?: Problem[]; tip?: string };
  try {
    result = await post("api/open", { name: file.name, text });
  } catch {
    return;
  }
  if (result.fout) {
    const details = (result.problemen ?? []).map((p) => `${p.where}: ${p.message}`).join(" ");
    notify(`${result.fout} ${details} ${result.tip ?? ""}`.trim(), true);
    return;
  }
  startFrom(result, `${file.name} is geopend.`);
}

/** Replaces the form's answers by those of a file; the draft before is kept to bring back. */
function startFrom(start: StartAnswers, message: string): void {
  const kept = keepPrevious();
  draft = { version: 1, answers: start.answers, ...(start.id ? { startId: start.id } : {}) };
  if (start.logo) draft.logo = { name: start.logo.name, data: start.logo.data, id: start.logo.id };
  shown.clear();
  for (const key of Object.keys(start.answers)) {
    shown.add(key);
    const items = start.answers[key];
    if (Array.isArray(items) && items.length > 0 && typeof items[0] === "object")
      items.forEach((item, i) => {
        for (const field of Object.keys(item as object)) shown.add(`${key}.${i}.${field}`);
      });
  }
  for (const s of sectionIds) visited.add(s);
  fillAll();
  storeNow();
  const notes = [
    ...start.problemen.map((p) => `${p.where}: ${p.message}`),
    ...start.bestanden.map(
      (f) => `Het logo "${f.path}" uit het bestand kun je hier opnieuw kiezen (bij Huisstijl).`,
    ),
  ];
  const hash = location.hash.slice(1);
  show(sectionIds.includes(hash) || hash === OVERVIEW ? hash : sectionIds[0]!, false);
  const undo = kept ? { label: "Ongedaan maken", run: restorePrevious } : undefined;
  notify([message, ...notes].join(" "), false, undo);
  void evaluate().then((result) => {
    // What the file leaves to do is said at once, not only by the marks in the steps.
    const todo = result ? stillToDo(result) : undefined;
    if (todo) notify([message, ...notes, todo].join(" "), false, undo);
  });
}

/** "Nog in te vullen of na te kijken: 2 antwoorden, bij Bibliotheek & IDO en De training …". */
function stillToDo(result: Evaluation): string | undefined {
  const sections = data.sections.filter((s) => (result.errors[s.id] ?? 0) > 0).map((s) => s.title);
  if (result.problems === 0 || sections.length === 0) return undefined;
  const where = new Intl.ListFormat("nl", { type: "conjunction" }).format(sections);
  const count = result.problems === 1 ? "1 antwoord" : `${result.problems} antwoorden`;
  return `Nog in te vullen of na te kijken: ${count}, bij ${where} (met een ! in de stappen hierboven).`;
}

function restorePrevious(): void {
  const previous = loadDraft(`${data.storageKey}:vorig`);
  if (!previous) return;
  keepPrevious();
  draft = previous;
  fillAll();
  storeNow();
  void restoreLogo().then(() => evaluate());
  notify("Je vorige antwoorden staan weer in het formulier.");
}

function startOver(): void {
  if (
    !window.confirm(
      "Alle antwoorden in dit formulier wissen? Je kunt dit daarna nog ongedaan maken.",
    )
  )
    return;
  const kept = keepPrevious();
  draft = { version: 1, answers: {} };
  shown.clear();
  visited.clear();
  fillAll();
  storeNow();
  show(sectionIds[0]!);
  void evaluate();
  notify(
    "Het formulier is leeg.",
    false,
    kept ? { label: "Ongedaan maken", run: restorePrevious } : undefined,
  );
}

// ---------------------------------------------------------------- making the pack

async function make(): Promise<void> {
  const button = $<HTMLButtonElement>("#maak")!;
  const status = $("#maak-status")!;
  const summary = $(".foutoverzicht", $("#deel-overzicht")!)!;
  for (const wrapper of $$("[data-key]")) shown.add(wrapper.dataset.key!);
  const result = await evaluate();
  if (!result) return;
  if (result.problems > 0) {
    showSummary(summary, problemsIn(document, result), "Eerst nog aanvullen");
    return;
  }
  summary.hidden = true;
  button.disabled = true;
  status.textContent = $<HTMLInputElement>("#maak-pdf")?.checked
    ? "Het pakket en de PDF's worden gemaakt. Dit duurt ongeveer een halve minuut…"
    : "Het pakket wordt gemaakt. Dit duurt een paar seconden…";
  try {
    const made = await post<{
      id?: string;
      html?: string;
      fout?: string;
      problemen?: Problem[];
      tip?: string;
    }>("api/pakket", request({ pdf: $<HTMLInputElement>("#maak-pdf")?.checked ?? false }));
    if (made.fout || !made.html || !made.id) {
      const items = (made.problemen ?? []).map((p) => `${p.where}: ${p.message}`);
      status.textContent = "";
      showMessageSummary(summary, made.fout ?? "Het pakket kon niet worden gemaakt.", [
        ...items,
        ...(made.tip ? [made.tip] : []),
      ]);
      return;
    }
    madeId = made.id;
    $("#klaar-inhoud")!.innerHTML = made.html;
    status.textContent = "";
    location.hash = `#${DONE}`;
  } catch (error) {
    status.textContent = "";
    showMessageSummary(summary, (error as Error).message, []);
  } finally {
    button.disabled = false;
  }
}

function showMessageSummary(summary: HTMLElement, message: string, lines: string[]): void {
  summary.replaceChildren();
  const heading = document.createElement("h3");
  heading.textContent = message;
  summary.append(heading);
  if (lines.length > 0) {
    const list = document.createElement("ul");
    for (const line of lines) {
      const li = document.createElement("li");
      li.textContent = line;
      list.append(li);
    }
    summary.append(list);
  }
  summary.hidden = false;
  summary.setAttribute("role", "alert");
  summary.focus();
}

// ---------------------------------------------------------------- events

function changed(target: HTMLElement, final: boolean): void {
  const wrapper = target.closest<HTMLElement>("[data-key]");
  if (!wrapper) return;
  const name = (target as HTMLInputElement).name || wrapper.dataset.key!;
  const kind = controlKind(wrapper);
  if (kind === "picker") return;
  if (kind === "color") updateSwatch(wrapper);
  const item = listKeyOf(name);
  const listWrapper = item
    ? wrapper.parentElement?.closest<HTMLElement>("[data-control=list]")
    : null;
  if (item && listWrapper) {
    const items = itemsOf(item.list).map((entry) => ({ ...entry }));
    while (items.length <= item.index) items.push({});
    items[item.index]![item.field] = String(readValue(wrapper, name) ?? "");
    draft.answers[item.list] = items;
  } else {
    draft.answers[name] = readValue(wrapper, name) ?? "";
  }
  if (final) shown.add(name);
  saveDraft();
  if (final) {
    void evaluate().then((result) => {
      const error = result?.fields[name]?.error;
      if (error && document.activeElement?.closest("[data-key]") !== wrapper)
        announce(`${labelOf(wrapper)}: ${error}`);
    });
  } else evaluateSoon();
}

function casusTicked(): void {
  const ticked = $$<HTMLInputElement>(".casus-lijst input[name=casus]")
    .filter((i) => i.checked)
    .map((i) => i.value);
  // The problem ("choose what idokit does") shows with "Volgende"; the line under the list says it now.
  draft.casus = { ticked };
  void evaluate();
}

function wire(): void {
  document.addEventListener("input", (event) => {
    const target = event.target as HTMLElement;
    if (target.matches("input[type=text], input[type=email], input[type=tel], textarea"))
      changed(target, false);
  });
  document.addEventListener("change", (event) => {
    const target = event.target as HTMLInputElement;
    if (target.id === "openen") {
      const file = target.files?.[0];
      target.value = "";
      if (file) void whileBusy(() => openAnswers(file));
      return;
    }
    if (target.type === "file") {
      const wrapper = target.closest<HTMLElement>("[data-key]");
      const file = target.files?.[0];
      if (wrapper && file) void whileBusy(() => chooseLogo(wrapper, file));
      return;
    }
    if (target.name === "casus") return casusTicked();
    if (target.name === "casus-actie") return;
    if (target.closest("form.deel")) changed(target, true);
  });
  document.addEventListener("click", (event) => {
    const target = event.target as HTMLElement;
    const button = target.closest<HTMLElement>("button, a");
    if (!button) return;
    if (button.matches("[data-vorige]")) {
      const index = sectionIds.indexOf(current);
      location.hash =
        index > 0 ? `#${sectionIds[index - 1]}` : `#${sectionIds[sectionIds.length - 1]}`;
    } else if (button.matches("[data-lijst-erbij]")) {
      addItem(button.closest<HTMLElement>("[data-control=list]")!);
    } else if (button.matches("[data-lijst-weg]")) {
      const item = button.closest<HTMLElement>(".item")!;
      removeItem(
        item.parentElement!.closest<HTMLElement>("[data-control=list]")!,
        Number(item.dataset.index),
      );
    } else if (button.matches("[data-logo-weg]")) {
      const wrapper = button.closest<HTMLElement>("[data-key]")!;
      delete draft.logo;
      logoProblem = undefined;
      delete draft.answers[wrapper.dataset.key!];
      renderLogo(wrapper);
      $<HTMLInputElement>("input[type=file]", wrapper)?.focus();
      storeNow();
      void evaluate();
      announce("Het logo is weggehaald.");
    } else if (button.matches("[data-casus-loslaten]")) {
      draft.casus = { actie: "loslaten" };
      void evaluate().then(() => announce("idokit kiest de casussen weer zelf."));
    } else if (button.matches("[data-casus-naar-keuze]")) {
      $<HTMLInputElement>("input[name=casus-actie]:checked, input[name=casus-actie]")?.focus();
      $("#casus-actie")?.scrollIntoView({ block: "center" });
    } else if (button.matches("[data-casus-doe]")) {
      const action = $<HTMLInputElement>("input[name=casus-actie]:checked");
      if (!action) return;
      draft.casus = { ...(draft.casus ?? {}), actie: action.value };
      void evaluate().then(() => $<HTMLElement>(".picker h3")?.focus());
    } else if (button.matches("[data-naar]")) {
      event.preventDefault();
      focusQuestion(button.dataset.naar!);
    } else if (button.matches("[data-map-openen]")) {
      void post("api/map", { id: madeId }).catch(() => undefined);
    } else if (button.id === "opslaan") void saveAnswers();
    else if (button.id === "opnieuw") startOver();
    else if (button.id === "maak") void make();
  });
  for (const form of $$<HTMLFormElement>("form.deel"))
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void next(form);
    });
  window.addEventListener("hashchange", () => {
    const id = location.hash.slice(1);
    if (sectionIds.includes(id) || id === OVERVIEW || id === DONE) show(id);
  });
  window.addEventListener("storage", adoptOtherTab);
  // A heartbeat while the page is open, so idokit knows the form is still in use.
  window.setInterval(() => {
    void fetch("api/hallo").then(
      (r) => (r.ok && offline ? online() : undefined),
      () => stopped(),
    );
  }, 60_000);
}

async function start(): Promise<void> {
  wire();
  const saved = draft.saved;
  if (data.start && draft.startId !== data.start.id) {
    const hadDraft = Object.keys(draft.answers).length > 0;
    startFrom(
      data.start,
      `De antwoorden uit ${data.start.bron} staan in het formulier.${hadDraft ? " Je concept uit deze browser is apart bewaard." : ""}`,
    );
    return;
  }
  if (saved && Object.keys(draft.answers).length > 0) {
    const when = new Date(saved).toLocaleString("nl-NL", { dateStyle: "long", timeStyle: "short" });
    notify(`Je concept van ${when} staat weer in het formulier.`, false, {
      label: "Opnieuw beginnen",
      run: startOver,
    });
    for (const s of sectionIds) visited.add(s);
    for (const key of Object.keys(draft.answers)) shown.add(key);
  }
  await restoreLogo();
  fillAll();
  const hash = location.hash.slice(1);
  const first =
    sectionIds.includes(hash) || hash === OVERVIEW ? hash : (draft.section ?? sectionIds[0]!);
  show(first === DONE ? OVERVIEW : first, false);
  await evaluate();
}

void start();

export {};
