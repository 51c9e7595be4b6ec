import { closeActorName, findActor, type ActorList } from "./parse.js";

/** The actor answers a list can fill in. */
export interface ActorAnswers {
  naam?: string | undefined;
  bureau?: string | undefined;
  email?: string | undefined;
  telefoon?: string | undefined;
}

/**
 * Answers with the chosen actor's details from the POI's list: a name that is on the list brings
 * its bureau, e-mail and phone number, wherever the answers leave those empty (what the answers
 * say wins). A name that is almost one on the list gets a notice. Pure.
 */
export function withActorDetails<A extends { acteur: ActorAnswers }>(
  answers: A,
  list: ActorList | undefined,
): { answers: A; notices: string[] } {
  const actor = findActor(list, answers.acteur.naam);
  if (!actor) {
    const close = closeActorName(list, answers.acteur.naam);
    return {
      answers,
      notices:
        close === undefined
          ? []
          : [
              `Trainingsacteur "${answers.acteur.naam ?? ""}" staat niet in ${list?.source ?? "de lijst"}; bedoelde je "${close}"? De gegevens uit de lijst zijn niet gebruikt.`,
            ],
    };
  }
  const { acteur } = answers;
  return {
    answers: {
      ...answers,
      acteur: {
        ...acteur,
        // The list's spelling of the name, so the documents and the saved answers agree.
        naam: actor.naam,
        bureau: acteur.bureau ?? actor.bureau,
        email: acteur.email ?? actor.email,
        telefoon: acteur.telefoon ?? actor.telefoon,
      },
    },
    notices: [],
  };
}
