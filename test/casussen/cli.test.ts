import { describe, expect, it } from "vitest";
import { casussenCommand } from "../../src/cli/casussen.js";
import { InputError, UsageError } from "../../src/errors.js";
import { captureIo } from "./helpers.js";

const BASIS = "test/fixtures/casussen-basis";
const EIGEN = "test/fixtures/casussen-eigen";
const KAPOT = "test/fixtures/casussen-kapot";

/** `idokit casussen` on the fixture library, its output captured; an exit throws "exit N". */
function casussen(capture: ReturnType<typeof captureIo>) {
  return casussenCommand({
    stdout: capture.stdout,
    stderr: capture.stderr,
    builtInDir: BASIS,
    run: (_flags, action) => action(),
    exit: (code) => {
      throw new Error(`exit ${code}`);
    },
  });
}

/** Runs `idokit casussen …` against the fixture library; errors reach the caller. */
async function run(args: string[]) {
  const capture = captureIo();
  await casussen(capture).parseAsync(args, { from: "user" });
  return capture.io;
}

async function failure(args: string[]): Promise<Error> {
  try {
    await run(args);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the command to fail");
}

describe("idokit casussen", () => {
  it("prints the library as an aligned table", async () => {
    const { out } = await run([]);
    expect(out).toBe(
      [
        "id                               titel                         thema            partners     moeilijkheid",
        "-------------------------------  ----------------------------  ---------------  -----------  ------------",
        "cjib-aanmaning-boete             De aanmaning van het CJIB     boetes-schulden  cjib         2 gemiddeld",
        "digid-verlopen-activeringsbrief  De verlopen activeringsbrief  digid            logius, svb  1 instap",
        "",
        "2 casussen.",
        "",
      ].join("\n"),
    );
  });

  it("filters and says how many of the library match", async () => {
    const { out } = await run(["--thema", "boetes-schulden"]);
    expect(out).toContain("cjib-aanmaning-boete");
    expect(out).not.toContain("digid-verlopen-activeringsbrief ");
    expect(out).toMatch(/1 van 2 casussen\.\n$/);
  });

  it("shows user casussen with the override notice on stderr", async () => {
    const { out, err } = await run(["--casussen", EIGEN]);
    expect(out).toContain("Onze eigen verlopen brief");
    expect(out).toContain("eigen-taalhuis");
    expect(err).toContain("Eigen casus digid-verlopen-activeringsbrief vervangt de ingebouwde casus");
  });

  it("prints JSON with --json", async () => {
    const { out } = await run(["--json", "--vaardigheid", "grenzen-stellen"]);
    const result = JSON.parse(out) as { casussen: { id: string }[]; meldingen: string[] };
    expect(result.casussen.map((casus) => casus.id)).toEqual(["cjib-aanmaning-boete"]);
    expect(result.meldingen).toEqual([]);
  });

  it("refuses an unknown theme as a usage error with a suggestion", async () => {
    const error = await failure(["--thema", "boete"]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/^--thema "boete" is geen bekend thema\. Bedoelde je "boetes-schulden"\?/);
  });

  it("refuses an unknown subcommand with a suggestion", async () => {
    const error = await failure(["tonen"]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('Onbekende opdracht "tonen" bij idokit casussen. Bedoelde je "toon"?');
  });

  it("exits 2 on a commander parse error such as a missing option value", async () => {
    const capture = captureIo();
    await expect(casussen(capture).parseAsync(["--thema"], { from: "user" })).rejects.toThrow(
      "exit 2",
    );
    expect(capture.io.err).toBe("Fout: option '--thema <thema>' argument missing\n");
  });
});

describe("idokit casussen toon", () => {
  it("prints one casus readably", async () => {
    const { out } = await run(["toon", "digid-verlopen-activeringsbrief"]);
    expect(out).toMatch(/^# De verlopen activeringsbrief\n/);
    expect(out).toContain("## Instructie voor de acteur");
    expect(out).toContain("(ingebouwd)");
  });

  it("prints the whole casus as JSON, also with --json after the id", async () => {
    const { out } = await run(["toon", "cjib-aanmaning-boete", "--json"]);
    expect(JSON.parse(out)).toMatchObject({
      id: "cjib-aanmaning-boete",
      thema: "boetes-schulden",
      intensiteit: [expect.any(String), expect.any(String), expect.any(String)],
      builtIn: true,
    });
  });

  it("finds a user casus with --casussen", async () => {
    const { out } = await run(["toon", "eigen-taalhuis", "--casussen", EIGEN]);
    expect(out).toContain("(eigen casus)");
  });

  it("refuses an unknown id as a usage error (exit 2) with a suggestion", async () => {
    const error = await failure(["toon", "digid-verlopen-brief"]);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect(error.message).toBe(
      'Er is geen casus met id "digid-verlopen-brief". Bedoelde je "digid-verlopen-activeringsbrief"?',
    );
  });

  it("refuses list filters", async () => {
    const error = await failure(["toon", "cjib-aanmaning-boete", "--thema", "digid"]);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe("--thema werkt niet samen met toon.");
  });
});

describe("idokit casussen controleer", () => {
  it("says how many casussen are in order and which built-in ones they replace", async () => {
    const { out } = await run(["controleer", EIGEN]);
    expect(out).toBe(
      `${EIGEN}/digid-verlopen-activeringsbrief.md vervangt de ingebouwde casus digid-verlopen-activeringsbrief.\n2 casussen in orde.\n`,
    );
  });

  it("prints a JSON result with --json", async () => {
    const { out } = await run(["controleer", EIGEN, "--json"]);
    expect(JSON.parse(out)).toMatchObject({
      ok: true,
      map: EIGEN,
      casussen: ["digid-verlopen-activeringsbrief", "eigen-taalhuis"],
    });
  });

  it("fails with every problem of the folder (exit 1)", async () => {
    const error = await failure(["controleer", KAPOT]);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(1);
    expect(error.message).toBe(`7 van 8 casusbestanden in ${KAPOT} bevatten fouten.`);
    expect((error as InputError).problems).toHaveLength(9);
  });

  it("names a folder that does not exist", async () => {
    const error = await failure(["controleer", "test/fixtures/bestaat-niet"]);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe("De map met casussen test/fixtures/bestaat-niet bestaat niet.");
  });
});
