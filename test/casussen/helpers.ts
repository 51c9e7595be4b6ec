import { readFileSync } from "node:fs";
import type { Casus } from "../../src/casussen/types.js";

/** The model casus from the built-in library, as text: a valid starting point for variations. */
export const MODEL_TEXT = readFileSync(
  new URL("../../casussen/digid-verlopen-activeringsbrief.md", import.meta.url),
  "utf8",
);
export const MODEL_SOURCE = "casussen/digid-verlopen-activeringsbrief.md";

/** A valid casus object for selection tests; only what a test cares about needs to be given. */
export function makeCasus(overrides: Partial<Casus> & { id: string }): Casus {
  return {
    titel: `Titel van ${overrides.id}`,
    thema: "digid",
    partners: ["logius"],
    lokalePartners: [],
    lokaleHulp: {},
    vaardigheden: ["doorvragen"],
    moeilijkheid: 1,
    profiel: ["oudere"],
    klant: "Vrouw, 70",
    openingszin: "Kunt u mij helpen?",
    situatie: "Situatie.",
    echteVraag: "Echte vraag.",
    lastig: "Lastig.",
    acteur: "Acteur.",
    intensiteit: ["mild", "midden", "zwaar"],
    belonen: "Belonen.",
    escaleren: "Escaleren.",
    aanpak: "Aanpak.",
    doorverwijzing: "Doorverwijzing.",
    privacy: "Privacy.",
    source: `casussen/${overrides.id}.md`,
    builtIn: true,
    ...overrides,
  };
}

/** Collects what a command writes. */
export function captureIo() {
  const io = { out: "", err: "" };
  return {
    io,
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
}
