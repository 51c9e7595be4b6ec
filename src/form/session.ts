import { createHash, randomBytes } from "node:crypto";
import { parseAnswersText } from "../answers/load.js";
import { serializeAnswers } from "../answers/serialize.js";
import type { Casus } from "../casussen/types.js";
import { givenFileInspector, type AnswerSpec } from "../commands/answers.js";
import { IdokitError } from "../errors.js";
import {
  listQuestions,
  type Draft,
  type Question,
  type QuestionContext,
  type SchemaNode,
} from "../questions/define.js";
import { stripControlCharacters } from "../domain/text.js";
import { checkLogo } from "../answers/logo.js";
import { findActor, type ActorList } from "../acteurs/parse.js";
import { viewCasusPicker, type CasusChoiceState } from "./casussen.js";
import {
  evaluateForm,
  loadIntoForm,
  problemCount,
  toDraftAnswers,
  toRawAnswers,
  type Evaluation,
  type FieldView,
  type FormAnswers,
} from "./evaluate.js";
import { madeHtml, summaryHtml, type MadePack } from "./fragments.js";
import { renderPage } from "./page.js";
import { buildFormSpec, type FormSpec } from "./spec.js";

/**
 * One run of `idokit formulier`: the page, and what the browser may ask of it (evaluate the
 * answers, open or save an answers file, add a logo, make the pack). Knows nothing of HTTP; the
 * server checks every request before it gets here. Files a browser sends are parsed and kept in
 * memory only; no path from the browser is ever used.
 */

type Schema = { readonly [key: string]: SchemaNode };

/** The question the training asks with its own control (as the wizard's picker). */
export const CASUS_KEY = "focus.casussen";

/** The question for the trainingsacteur's name, offered from a POI's list when there is one. */
export const ACTOR_KEY = "acteur.naam";

/** The largest logo accepted (bytes). */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

/** What one kind of pack brings to the form. */
export interface FormPack {
  kind: "training" | "bijeenkomst";
  answers: AnswerSpec<Schema>;
  /** "Een trainingspakket maken". */
  title: string;
  intro: string;
  /** The training's casus library, for proposing and ticking casussen. */
  casus?: { library: readonly Casus[]; seed: number };
}

/** What making a pack returns to the form. */
export interface MakeOutcome {
  made: Omit<MadePack, "zip" | "readme">;
  zip: { name: string; data: Uint8Array };
  /** The pack's LEESMIJ.html, to show in the browser. */
  readme?: { name: string; data: Uint8Array } | undefined;
}

export interface FormSessionOptions {
  pack: FormPack;
  ctx: QuestionContext;
  version: string;
  /** Answers to start with (`--antwoorden BESTAND`), already read; the logo as bytes, when it had one. */
  start?: { data: unknown; source: string; logo?: { name: string; data: Uint8Array } };
  /** Makes and writes the pack with the command's own code; throws an IdokitError on bad input. */
  make(
    given: { data: Draft; files: ReadonlyMap<string, Uint8Array> },
    extras: { pdf: boolean },
  ): Promise<MakeOutcome>;
  /** LibreOffice is there, so the pack can have PDFs too. */
  canMakePdf?: boolean;
  /** The POI's list of trainingsacteurs: names offered, and a name brings its details. */
  actors?: ActorList | undefined;
  /** Opens a folder of a made pack on the desktop, when there is one. */
  openFolder?: ((path: string) => Promise<void>) | undefined;
}

/** A reply: a status and a JSON body, or bytes to download. */
export type Reply =
  | { status: number; json: unknown }
  | { status: number; bytes: Uint8Array; type: string; filename?: string };

const ok = (json: unknown): Reply => ({ status: 200, json });
const refuse = (status: number, message: string): Reply => ({ status, json: { fout: message } });

const MAX_TEXT = 20_000;
const isText = (v: unknown): v is string => typeof v === "string" && v.length <= MAX_TEXT;
const texts = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.length <= 1000 && v.every(isText) ? v : undefined;

interface Logo {
  name: string;
  data: Uint8Array;
}

export class FormSession {
  readonly spec: FormSpec;
  readonly questions: Question[];
  readonly page: string;
  private readonly logos = new Map<string, Logo>();
  private readonly zips = new Map<
    string,
    { name: string; data: Uint8Array; map: string; readme?: Uint8Array | undefined }
  >();
  private making = false;

  constructor(private readonly options: FormSessionOptions) {
    const { pack } = options;
    this.questions = listQuestions(pack.answers.schema);
    const pickers = new Set(pack.casus ? [CASUS_KEY] : []);
    this.spec = buildFormSpec(pack.answers.schema, pack.answers.sections, options.ctx, pickers);
    const actorQuestion = this.spec.byKey.get(ACTOR_KEY);
    if (options.actors && actorQuestion) {
      const count = options.actors.acteurs.length;
      actorQuestion.suggestions = options.actors.acteurs.map((actor) => actor.naam);
      actorQuestion.help = `Kies een naam uit jullie lijst (${count} ${count === 1 ? "acteur" : "acteurs"}) of typ een andere naam; bureau, e-mail en telefoon uit de lijst komen dan mee. ${actorQuestion.help}`;
    }
    const start = options.start ? this.loadStart(options.start) : undefined;
    this.page = renderPage(this.spec, {
      title: pack.title,
      intro: pack.intro,
      packName: pack.answers.packName,
      canMakePdf: Boolean(options.canMakePdf),
      version: options.version,
      data: {
        kind: pack.kind,
        storageKey: `idokit-formulier-${pack.kind}`,
        sections: this.spec.sections.map((s) => ({ id: s.id, title: s.title })),
        start,
      },
    });
  }

  private get schema(): Schema {
    return this.options.pack.answers.schema;
  }

  private wizardCtx(files: ReadonlyMap<string, Uint8Array>): QuestionContext {
    return { ...this.options.ctx, mode: "wizard", inspectFile: givenFileInspector(files) };
  }

  /** Keeps only the answers the schema knows, in the shapes the form sends. */
  sanitize(raw: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
    const given = raw as Record<string, unknown>;
    for (const q of this.questions) {
      if (!Object.hasOwn(given, q.key)) continue;
      const value = given[q.key];
      if (q.kind === "list") {
        if (!Array.isArray(value) || value.length > (q.max ?? 50) + 1) continue;
        out[q.key] = value.map((item) => {
          const record =
            item && typeof item === "object" && !Array.isArray(item)
              ? (item as Record<string, unknown>)
              : {};
          const clean: Record<string, string> = {};
          for (const name of Object.keys(q.fields ?? {})) {
            const field = Object.hasOwn(record, name) ? record[name] : undefined;
            clean[name] = isText(field) ? field : "";
          }
          return clean;
        });
      } else if (isText(value)) out[q.key] = value;
      else if (texts(value)) out[q.key] = texts(value);
    }
    return out;
  }

  /** The logo a request names, when it was added in this run. */
  private filesOf(raw: unknown): Map<string, Uint8Array> {
    const files = new Map<string, Uint8Array>();
    if (!raw || typeof raw !== "object") return files;
    const { id, name } = raw as { id?: unknown; name?: unknown };
    const logo = typeof id === "string" ? this.logos.get(id) : undefined;
    if (logo && typeof name === "string" && name === logo.name) files.set(logo.name, logo.data);
    return files;
  }

  private casusState(raw: unknown): CasusChoiceState | undefined {
    if (!raw || typeof raw !== "object") return undefined;
    const { ticked, actie } = raw as { ticked?: unknown; actie?: unknown };
    const state: CasusChoiceState = {};
    const ids = texts(ticked);
    if (ids) state.ticked = ids;
    if (
      typeof actie === "string" &&
      ["aantal", "aanvullen", "kiezen", "loslaten", "terug"].includes(actie)
    )
      state.actie = actie as CasusChoiceState["actie"];
    return state;
  }

  /**
   * Evaluates the answers (and the casussen ticked) for the page: which questions apply, their
   * defaults and problems, the casus proposal, and the summary when asked for.
   */
  evaluate(body: unknown): Reply {
    const request = (body ?? {}) as { answers?: unknown; logo?: unknown; casus?: unknown };
    const files = this.filesOf(request.logo);
    const ctx = this.wizardCtx(files);
    let answers: FormAnswers = this.sanitize(request.answers);
    const reply: Record<string, unknown> = {};
    const actor = actorDetails(answers, this.options.actors);
    if (Object.keys(actor).length > 0) {
      reply.set = actor;
      answers = { ...answers, ...actor };
    }
    let evaluation = evaluateForm(this.schema, answers, ctx);

    const casus = this.options.pack.casus;
    let summaryLines: Record<string, { label: string; lines: string[] }> | undefined;
    if (casus) {
      const countQuestion = this.questions.find((q) => q.key === "focus.aantalCasussen")!;
      const view = (state: CasusChoiceState | undefined, draft: Draft) =>
        viewCasusPicker({
          draft,
          state,
          ctx,
          library: casus.library,
          seed: casus.seed,
          countQuestion,
        });
      let picker = view(this.casusState(request.casus), evaluation.draft);
      if (picker.set) {
        reply.set = { ...(reply.set as object | undefined), ...picker.set };
        answers = { ...answers, ...picker.set };
        evaluation = evaluateForm(this.schema, answers, ctx);
        const notes = picker.notes;
        picker = { ...view(undefined, evaluation.draft), resolved: true };
        picker.notes.unshift(...notes);
      }
      const field: FieldView = evaluation.fields[CASUS_KEY] ?? { visible: true };
      if (picker.error && field.error === undefined) {
        field.error = picker.error;
        evaluation.errors.focus = (evaluation.errors.focus ?? 0) + 1;
      }
      if (picker.notes.length > 0) field.note = picker.notes.join(" ");
      evaluation.fields[CASUS_KEY] = field;
      reply.picker = {
        outcome: picker.outcome.text,
        list: picker.list.text,
        order: picker.order,
        action: picker.action.text,
        resolved: picker.resolved,
        status: picker.status,
        needsAction: picker.needsAction,
      };
      summaryLines = { [CASUS_KEY]: { label: picker.summaryLabel, lines: picker.summary } };
    }
    reply.fields = evaluation.fields;
    reply.errors = evaluation.errors;
    reply.problems = problemCount(evaluation);
    if ((body as { summary?: unknown } | null)?.summary === true)
      reply.summary = summaryHtml({
        sections: this.spec.sections,
        questions: this.questions,
        draft: evaluation.draft,
        ctx,
        errors: evaluation.errors,
        described: summaryLines,
      }).text;
    return ok(reply);
  }

  private evaluated(body: unknown): {
    answers: Record<string, unknown>;
    files: Map<string, Uint8Array>;
    evaluation: Evaluation;
  } {
    const request = (body ?? {}) as { answers?: unknown; logo?: unknown };
    const files = this.filesOf(request.logo);
    const answers = this.sanitize(request.answers);
    return {
      answers,
      files,
      evaluation: evaluateForm(this.schema, answers, this.wizardCtx(files)),
    };
  }

  /** The answers as an answers file, to download at any moment (incomplete ones too). */
  saveAnswers(body: unknown, now: Date): Reply {
    const { answers, evaluation } = this.evaluated(body);
    const spec = this.options.pack.answers;
    const pad = (n: number): string => String(n).padStart(2, "0");
    const header = [
      `Antwoorden voor ${spec.command}, bewaard in idokit formulier op ${pad(now.getDate())}-${pad(now.getMonth() + 1)}-${now.getFullYear()} om ${pad(now.getHours())}.${pad(now.getMinutes())} uur.`,
      `Open dit bestand in idokit formulier om verder te gaan, of maak het pakket met: ${spec.command} --antwoorden antwoorden.yaml`,
    ].join("\n");
    const text = serializeAnswers(
      this.schema,
      toDraftAnswers(this.schema, answers, evaluation),
      header,
    );
    return ok({ name: "antwoorden.yaml", text });
  }

  /** An answers file opened in the browser: parsed (never stored) and turned into the form's answers. */
  openAnswers(body: unknown): Reply {
    const { name, text } = (body ?? {}) as { name?: unknown; text?: unknown };
    if (typeof text !== "string") return refuse(400, "Er is geen tekst van een bestand ontvangen.");
    const shown = typeof name === "string" && name.length <= 200 ? name : "het bestand";
    let data: unknown;
    try {
      data = parseAnswersText(text, shown);
    } catch (error) {
      if (error instanceof IdokitError)
        return ok({ fout: error.message, problemen: error.problems, tip: error.hint });
      throw error;
    }
    return ok(this.loadForm(data, shown));
  }

  private loadForm(data: unknown, source: string) {
    const loaded = loadIntoForm(this.schema, data, { ...this.options.ctx, mode: "wizard" });
    return {
      bron: source,
      answers: loaded.answers,
      problemen: loaded.problems,
      bestanden: Object.entries(loaded.files).map(([key, path]) => ({ key, path })),
    };
  }

  private loadStart(start: NonNullable<FormSessionOptions["start"]>) {
    const loaded = {
      id: randomBytes(8).toString("hex"),
      ...this.loadForm(start.data, start.source),
    };
    if (!start.logo) return loaded;
    const logo = this.addLogoBytes(start.logo.data, start.logo.name);
    if ("error" in logo) return loaded;
    return {
      ...loaded,
      answers: { ...loaded.answers, "huisstijl.logo": start.logo.name },
      bestanden: loaded.bestanden.filter((f) => f.key !== "huisstijl.logo"),
      logo: {
        id: logo.id,
        name: start.logo.name,
        data: Buffer.from(start.logo.data).toString("base64"),
      },
    };
  }

  private addLogoBytes(data: Uint8Array, name: string): { id: string } | { error: string } {
    const checked = checkLogo(data);
    if (checked.error !== undefined) return { error: `"${name}" ${checked.error}` };
    const id = createHash("sha256").update(data).update(name).digest("hex");
    this.logos.set(id, { name, data: new Uint8Array(data) });
    return { id };
  }

  /** A logo chosen in the browser: checked as an image and kept in memory for this run. */
  addLogo(data: Uint8Array, rawName: string | undefined): Reply {
    const name = cleanFileName(rawName);
    if (data.byteLength === 0) return ok({ fout: "Het bestand is leeg." });
    const result = this.addLogoBytes(data, name);
    return ok("error" in result ? { fout: upperFirst(result.error) } : { id: result.id, name });
  }

  /** Makes the pack with the command's own code, then offers it as a zip. */
  async makePack(body: unknown): Promise<Reply> {
    if (this.making) return refuse(409, "Het pakket wordt al gemaakt. Wacht even.");
    const { answers, files, evaluation } = this.evaluated(body);
    if (problemCount(evaluation) > 0)
      return ok({
        fout: "Nog niet alle antwoorden zijn compleet. Vul eerst aan wat in het overzicht staat.",
      });
    this.making = true;
    try {
      const pdf =
        Boolean((body as { pdf?: unknown } | null)?.pdf) && Boolean(this.options.canMakePdf);
      const outcome = await this.options.make(
        { data: toRawAnswers(this.schema, answers, evaluation), files },
        { pdf },
      );
      const id = randomBytes(16).toString("hex");
      this.zips.set(id, { ...outcome.zip, map: outcome.made.map, readme: outcome.readme?.data });
      const made: MadePack = {
        ...outcome.made,
        canOpenFolder: outcome.made.canOpenFolder && this.options.openFolder !== undefined,
        zip: {
          url: `pakket/${id}.zip`,
          name: outcome.zip.name,
          bytes: outcome.zip.data.byteLength,
        },
        readme: outcome.readme
          ? { url: `pakket/${id}/leesmij`, name: outcome.readme.name }
          : undefined,
      };
      return ok({ id, map: made.map, html: madeHtml(made).text });
    } catch (error) {
      if (error instanceof IdokitError)
        return ok({ fout: error.message, problemen: error.problems, tip: error.hint });
      throw error;
    } finally {
      this.making = false;
    }
  }

  /** A zip of a pack made in this run, by the id the make step returned. */
  zip(id: string): Reply {
    const zip = this.zips.get(id);
    if (!zip) return refuse(404, "Dit pakket is niet (meer) bekend. Maak het opnieuw.");
    return { status: 200, bytes: zip.data, type: "application/zip", filename: zip.name };
  }

  /** The LEESMIJ.html of a pack made in this run, to read in the browser. */
  readme(id: string): Reply {
    const readme = this.zips.get(id)?.readme;
    if (!readme) return refuse(404, "Dit pakket is niet (meer) bekend. Maak het opnieuw.");
    return { status: 200, bytes: readme, type: "text/html; charset=utf-8" };
  }

  /** Opens the folder of a pack made in this run (by id, never by a path from the browser). */
  async openFolder(body: unknown): Promise<Reply> {
    const { id } = (body ?? {}) as { id?: unknown };
    const zip = typeof id === "string" ? this.zips.get(id) : undefined;
    if (!zip || !this.options.openFolder) return refuse(404, "Deze map is niet bekend.");
    await this.options.openFolder(zip.map);
    return ok({ ok: true });
  }
}

/**
 * The details of the trainingsacteur a name on the POI's list brings (bureau, e-mail, telephone),
 * for the fields that are empty or still hold another listed actor's details (emptied when this
 * actor has none there); what the person typed themselves stays. The same rule as the wizard's picker and the answers file. Pure.
 */
export function actorDetails(
  answers: Readonly<Record<string, unknown>>,
  list: ActorList | undefined,
): Record<string, string> {
  const name = answers[ACTOR_KEY];
  const actor = findActor(list, typeof name === "string" ? name : undefined);
  const set: Record<string, string> = {};
  if (!actor || !list) return set;
  for (const field of ["bureau", "email", "telefoon"] as const) {
    const value = actor[field] ?? "";
    const key = `acteur.${field}`;
    const current = answers[key];
    if (current === value) continue;
    const empty = current === undefined || (typeof current === "string" && current.trim() === "");
    const another = list.acteurs.some((other) => other !== actor && other[field] === current);
    // Another actor's details go, also when this one has none; an empty field gets this one's.
    if (another || (empty && value)) set[key] = value;
  }
  return set;
}

const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A file name as the browser gave it, reduced to a plain name (it is only ever shown). */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = stripControlCharacters(base)
    .replace(/["<>|:*?]/g, "")
    .trim()
    .slice(0, 100);
  return clean || "logo";
}
