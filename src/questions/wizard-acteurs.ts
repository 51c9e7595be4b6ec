import { findActor, type ActorList, type Trainingsacteur } from "../acteurs/parse.js";
import type { PickerAnswer, PickerIO, PromptChoice, QuestionPicker } from "./wizard.js";

/**
 * The training wizard's question for the trainingsacteur, when the POI keeps a list: pick one
 * from the list (bureau, e-mail and phone come along), type another name, or leave it open.
 * Without a list, or with an empty one, the question is asked as typed text.
 */

const OTHER = "\u0000anders";
const OPEN = "\u0000open";

/** An actor on one line in the menu: `Naam · Bureau · regio`. */
export function actorLabel(actor: Trainingsacteur): string {
  return [actor.naam, actor.bureau, actor.regio].filter(Boolean).join(" · ");
}

/** What shows under the highlighted actor: specialities and how to reach them. */
function actorDescription(actor: Trainingsacteur): string | undefined {
  const parts = [
    actor.specialiteiten.length > 0 ? `ervaring met ${actor.specialiteiten.join(", ")}` : "",
    [actor.email, actor.telefoon].filter(Boolean).join(", "),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" — ") : undefined;
}

/** The details an actor from the list brings to the other actor questions. */
function detailsOf(actor: Trainingsacteur): Record<string, unknown> {
  const also: Record<string, unknown> = {};
  if (actor.bureau) also["acteur.bureau"] = actor.bureau;
  if (actor.email) also["acteur.email"] = actor.email;
  if (actor.telefoon) also["acteur.telefoon"] = actor.telefoon;
  return also;
}

export function createActorPicker(options: {
  /** The POI's list; called on first use. Undefined: there is none. */
  list(): ActorList | undefined;
}): QuestionPicker {
  return {
    ask: (_draft, io) => askActor(io, options.list()),
    describe: (value) => (typeof value === "string" && value ? value : "nog niet bekend"),
  };
}

async function askActor(io: PickerIO, list: ActorList | undefined): Promise<PickerAnswer> {
  const current = typeof io.current === "string" ? io.current : undefined;
  if (!list || list.acteurs.length === 0) return { value: await typeName(io, current) };
  const chosen = findActor(list, current);
  const choices: PromptChoice[] = [
    ...list.acteurs.map((actor, index) => ({
      value: String(index),
      label: actorLabel(actor),
      description: actorDescription(actor),
    })),
    { value: OTHER, label: "Iemand anders: de naam zelf invullen" },
    { value: OPEN, label: "Nog niet bekend" },
  ];
  const answer = await io.prompts.select({
    id: io.question.key,
    message: io.question.label,
    help: `Kies uit jullie lijst (${list.acteurs.length} ${list.acteurs.length === 1 ? "acteur" : "acteurs"}); bureau, e-mail en telefoon komen dan mee. Nog niet bekend? Dan spreken de documenten van 'de trainingsacteur'.`,
    choices,
    default: chosen
      ? String(list.acteurs.indexOf(chosen))
      : current
        ? OTHER
        : list.acteurs.length > 0
          ? "0"
          : OPEN,
  });
  if (answer === OPEN) return { value: undefined };
  if (answer === OTHER) return { value: await typeName(io, chosen ? undefined : current) };
  const actor = list.acteurs[Number(answer)]!;
  return { value: actor.naam, also: detailsOf(actor) };
}

async function typeName(io: PickerIO, current: string | undefined): Promise<string | undefined> {
  const typed = await io.prompts.input({
    id: `${io.question.key}.naam`,
    message: io.question.label,
    help: io.question.help,
    default: current,
    optional: true,
    validate: (value) => io.check(io.question.key, value),
  });
  return typed.trim() === "" ? undefined : typed;
}
