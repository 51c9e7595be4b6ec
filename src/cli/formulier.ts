import { Command, InvalidArgumentError, Option } from "commander";
import { UsageError } from "../errors.js";
import { addCasusFlags, addFlag, addSeedFlag, flagValue, selectionFlags } from "./options.js";

// Only commander loads with this module; the server, the form and `open` are imported when the
// command runs, so `idokit --help` stays fast.

/**
 * The form's usual port, as text for the help (the number itself lives with the command, which
 * this module does not load: `idokit --help` stays fast). A test keeps the two equal.
 */
export const DEFAULT_PORT_TEXT = "47110";

/** Minutes without an open form after which the server stops by itself. */
export const IDLE_MINUTES = 30;

function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new InvalidArgumentError(`verwacht een poortnummer (1024 tot 65535), niet "${value}".`);
  const port = Number(value);
  if (port !== 0 && port < 1024)
    throw new InvalidArgumentError(`kies een poort vanaf 1024, niet ${port}.`);
  return port;
}

/** Where the draft is found again: the browser keeps it per address, port included. */
function draftLine(port: number | undefined): string {
  return `Je antwoorden staan als concept in je browser; start ${port === undefined ? "idokit formulier" : `idokit formulier --poort ${port}`} opnieuw om verder te gaan.`;
}

/** A browser can be opened here: a desktop session, not a remote shell. */
function hasDesktop(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.SSH_CONNECTION || env.SSH_TTY) return false;
  if (process.platform === "darwin" || process.platform === "win32") return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

async function openOnDesktop(target: string): Promise<void> {
  const { default: open } = await import("open");
  await open(target);
}

/**
 * The options that only the training form uses, given with `--bijeenkomst`: refused (exit 2), so
 * no one thinks a list of actors or casussen was used. Settings from instellingen.yaml are not
 * flags and stay quiet.
 */
export function refuseTrainingOnly(flags: Record<string, unknown>): void {
  if (!flags.bijeenkomst) return;
  const given = (
    [
      ["acteurs", "--acteurs"],
      ["casussen", "--casussen"],
      ["alleenEigenCasussen", "--alleen-eigen-casussen"],
      ["ownCasussenOnly", "--own-casussen-only"],
      ["variant", "--variant"],
      ["seed", "--seed"],
    ] as const
  )
    .filter(([name]) => flags[name] !== undefined)
    .map(([, flag]) => flag);
  if (given.length === 0) return;
  throw new UsageError(
    `${given.join(" en ")} ${given.length === 1 ? "hoort" : "horen"} bij het trainingsformulier; het bijeenkomstformulier vraagt niet naar trainingsacteurs of casussen.`,
    { hint: "Laat de optie weg, of start idokit formulier zonder --bijeenkomst." },
  );
}

/** `idokit formulier`: declares the options and starts the form. */
export function formulierCommand(): Command {
  const command = new Command("formulier")
    .description(
      "Beantwoord de vragen in een formulier in je browser en maak daar het pakket (alles blijft op deze computer).",
    )
    .option(
      "--bijeenkomst",
      "het formulier voor het bijeenkomstpakket (zonder deze optie: het trainingspakket)",
    );
  addFlag(command, "antwoorden", {
    description:
      "begin met de antwoorden uit dit bestand (antwoorden.yaml, werkafspraken.yaml of een concept)",
  });
  addFlag(command, "map");
  command
    .addOption(
      new Option(
        "--poort <getal>",
        `poort op deze computer (standaard: ${DEFAULT_PORT_TEXT}, of een vrije als die bezet is; 0: altijd een vrije)`,
      ).argParser(parsePort),
    )
    .option("--geen-browser", "open geen browser; idokit toont alleen de link");
  addCasusFlags(command);
  addFlag(command, "acteurs");
  addFlag(command, "sjablonen");
  addFlag(command, "huisstijl");
  return addSeedFlag(command)
    .addHelpText(
      "after",
      `
idokit start een klein programma op deze computer en opent het formulier in je browser. Het
formulier is alleen op deze computer te bereiken, met een geheime link. Je antwoorden blijven als
concept in je browser staan; je kunt ze ook als antwoorden.yaml opslaan en later weer openen.
Het pakket komt in een nieuwe map (zoals bij idokit training) en is als zip te downloaden.
De instellingen van je POI (instellingen.yaml: sjablonen, huisstijl, casussen, acteurs) gelden
hier ook; een optie gaat voor.

Stoppen: druk op Ctrl-C. Zonder open formulier stopt idokit na ${IDLE_MINUTES} minuten vanzelf.

Voorbeelden:
  idokit formulier
  idokit formulier --antwoorden pakket-maart/antwoorden.yaml
  idokit formulier --bijeenkomst --map bijeenkomst
  idokit formulier --antwoorden bijeenkomst/werkafspraken.yaml`,
    )
    .action(async (flags: Record<string, unknown>, command: Command) => {
      const globals = command.optsWithGlobals<{ debug?: boolean }>();
      let portForDraft: number | undefined;
      const { runAction } = await import("./run.js");
      await runAction(
        { json: false, debug: globals.debug ?? false },
        async (context, out) => {
          refuseTrainingOnly(flags);
          const { startFormulier } = await import("../commands/formulier.js");
          const { applySettings } = await import("./settings.js");
          const desktop = hasDesktop();
          // The POI's settings (instellingen.yaml) as for the pack commands: a flag wins.
          const options = await applySettings({
            bijeenkomst: Boolean(flags.bijeenkomst),
            answers: flagValue<string>(flags, "antwoorden"),
            out: flagValue<string>(flags, "map"),
            poort: flags.poort as number | undefined,
            templates: flagValue<string>(flags, "sjablonen"),
            huisstijl: flagValue<string>(flags, "huisstijl"),
            ...selectionFlags(flags),
            idleMinutes: IDLE_MINUTES,
          });
          const run = await startFormulier(options, context, {
            openFolder: desktop ? openOnDesktop : undefined,
          });
          out.success(`Het formulier staat klaar: ${out.color.bold(run.url)}`);
          let opened = false;
          if (desktop && !flags.geenBrowser) {
            try {
              // A one-time link: the opener's command line, visible in `ps`, is spent once opened.
              await openOnDesktop(run.launchUrl());
              opened = true;
            } catch {
              opened = false;
            }
          }
          out.info(
            opened
              ? "Je browser opent het formulier. Gebeurt dat niet, open dan de link hierboven in je browser."
              : "Open de link hierboven in je browser op deze computer.",
          );
          out.info(
            `Stoppen: druk hier op Ctrl-C. Zonder open formulier stopt idokit na ${IDLE_MINUTES} minuten vanzelf.`,
          );
          portForDraft = run.portForDraft;
          const reason = await run.stopped;
          out.info(
            reason === "stil"
              ? `Het formulier was ${IDLE_MINUTES} minuten niet meer open, dus idokit formulier is gestopt. ${draftLine(portForDraft)}`
              : "idokit formulier is gestopt.",
          );
        },
        {
          interrupted: () => `\nidokit formulier is gestopt. ${draftLine(portForDraft)}`,
        },
      );
    });
}
