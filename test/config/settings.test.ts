import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  findSettingsFile,
  loadSettings,
  parseSettingsFile,
  withSettings,
  type Settings,
} from "../../src/config/settings.js";
import { InputError } from "../../src/errors.js";

describe("a POI's settings (instellingen.yaml)", () => {
  const dir = mkdtempSync(join(tmpdir(), "idokit-instellingen-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, "kit", "sjablonen"), { recursive: true });
  mkdirSync(join(dir, "kit", "casussen"), { recursive: true });
  writeFileSync(join(dir, "kit", "acteurs.xlsx"), "");
  const write = (name: string, text: string): string => {
    const file = join(dir, "kit", name);
    writeFileSync(file, text);
    return file;
  };

  it("reads every setting, with paths from the file's own folder", () => {
    const file = write(
      "instellingen.yaml",
      "sjablonen: sjablonen\nacteurs: ./acteurs.xlsx\ncasussen: casussen\n",
    );
    expect(parseSettingsFile(file)).toEqual({
      settings: {
        file,
        sjablonen: join(dir, "kit", "sjablonen"),
        huisstijl: undefined,
        acteurs: join(dir, "kit", "acteurs.xlsx"),
        casussen: [join(dir, "kit", "casussen")],
      },
      problems: [],
    });
  });

  it("names file, line and setting of every problem: unknown, empty, pointing nowhere", () => {
    const file = write(
      "kapot.yaml",
      "sjabloon: sjablonen\nhuisstijl: ''\ncasussen: [casussen, weg]\nacteurs: casussen\n",
    );
    expect(parseSettingsFile(file).problems).toEqual([
      {
        where: `${file}, regel 1`,
        message:
          'onbekende instelling "sjabloon". Bedoelde je "sjablonen"? De instellingen zijn: sjablonen, huisstijl, casussen, acteurs, alleenEigenCasussen.',
      },
      {
        where: `${file}, regel 2`,
        message: "huisstijl: is leeg. Vul een pad in, of haal de regel weg.",
      },
    ]);
    const nowhere = write("nergens.yaml", "casussen: [casussen, weg]\nacteurs: casussen\n");
    expect(parseSettingsFile(nowhere).problems).toEqual([
      {
        where: `${nowhere}, regel 2`,
        message: `acteurs: het bestand "${join(dir, "kit", "casussen")}" bestaat niet.`,
      },
      {
        where: `${nowhere}, regel 1`,
        message: `casussen: de map "${join(dir, "kit", "weg")}" bestaat niet of is geen map.`,
      },
    ]);
    expect(parseSettingsFile(write("tab.yaml", "sjablonen:\n\t- x\n")).problems[0]?.message).toBe(
      "geen geldige YAML: deze regel springt in met een tab; gebruik spaties.",
    );
  });

  it("reads alleenEigenCasussen as ja/nee or true/false, and only with an own casus folder", () => {
    const yes = write("ja.yaml", "casussen: casussen\nalleenEigenCasussen: ja\n");
    expect(parseSettingsFile(yes).settings?.alleenEigenCasussen).toBe(true);
    const no = write("nee.yaml", "casussen: casussen\nalleenEigenCasussen: Nee\n");
    expect(parseSettingsFile(no).settings?.alleenEigenCasussen).toBe(false);
    const yaml = write("true.yaml", "casussen: casussen\nalleenEigenCasussen: true\n");
    expect(parseSettingsFile(yaml).settings?.alleenEigenCasussen).toBe(true);
    const wrong = write("soms.yaml", "casussen: casussen\nalleenEigenCasussen: soms\n");
    expect(parseSettingsFile(wrong).problems).toEqual([
      { where: `${wrong}, regel 2`, message: "alleenEigenCasussen: moet ja of nee zijn." },
    ]);
    const alone = write("alleen.yaml", "alleenEigenCasussen: ja\n");
    expect(parseSettingsFile(alone).problems).toEqual([
      {
        where: `${alone}, regel 1`,
        message:
          "alleenEigenCasussen: ja werkt alleen met een eigen casusmap. Zet die onder casussen:, of zet alleenEigenCasussen op nee.",
      },
    ]);
  });

  it("is found through IDOKIT_INSTELLINGEN (a file or a folder), else in the config folder", () => {
    const file = write("instellingen.yaml", "sjablonen: sjablonen\n");
    expect(findSettingsFile({ IDOKIT_INSTELLINGEN: file })).toEqual({
      file,
      via: "omgevingsvariabele",
    });
    expect(findSettingsFile({ IDOKIT_INSTELLINGEN: join(dir, "kit") }).file).toBe(file);
    expect(findSettingsFile({ IDOKIT_INSTELLINGEN: "" })).toEqual({ via: "geen" });
    // The platform's convention (env-paths): on Linux, $XDG_CONFIG_HOME/idokit.
    if (process.platform === "linux") {
      const config = join(dir, "config");
      const old = process.env.XDG_CONFIG_HOME;
      process.env.XDG_CONFIG_HOME = config;
      try {
        expect(findSettingsFile({})).toEqual({
          via: "geen",
          lookedAt: join(config, "idokit", "instellingen.yaml"),
        });
        mkdirSync(join(config, "idokit"), { recursive: true });
        writeFileSync(
          join(config, "idokit", "instellingen.yaml"),
          "sjablonen: ../../kit/sjablonen\n",
        );
        expect(findSettingsFile({}).via).toBe("configuratiemap");
        expect(loadSettings({}).sjablonen).toBe(join(dir, "kit", "sjablonen"));
      } finally {
        if (old === undefined) delete process.env.XDG_CONFIG_HOME;
        else process.env.XDG_CONFIG_HOME = old;
      }
    }
  });

  it("refuses a broken settings file as an input error that lists its problems", () => {
    const file = write("fout.yaml", "sjablonen: weg\n");
    const error = (() => {
      try {
        return loadSettings({ IDOKIT_INSTELLINGEN: file });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toHaveLength(1);
    expect((error as InputError).hint).toMatch(/IDOKIT_INSTELLINGEN/);
  });

  it("lets flags win, and adds casus folders after the settings' own", () => {
    const settings: Settings = {
      via: "omgevingsvariabele",
      sjablonen: "/poi/sjablonen",
      huisstijl: "/poi/huisstijl.yaml",
      acteurs: "/poi/acteurs.yaml",
      casussen: ["/poi/casussen"],
    };
    expect(
      withSettings({ templates: "eigen", casussen: ["extra"], answers: "a.yaml" }, settings),
    ).toEqual({
      templates: "eigen",
      huisstijl: "/poi/huisstijl.yaml",
      acteurs: "/poi/acteurs.yaml",
      casussen: ["/poi/casussen", "extra"],
      answers: "a.yaml",
    });
    // Only own casussen: the flag or the setting turns it on.
    const ownOnly: Settings = {
      via: "configuratiemap",
      casussen: ["/poi/c"],
      alleenEigenCasussen: true,
    };
    expect(
      withSettings({ casussen: [], alleenEigenCasussen: undefined }, ownOnly).alleenEigenCasussen,
    ).toBe(true);
    expect(
      withSettings({ casussen: [], alleenEigenCasussen: true }, settings).alleenEigenCasussen,
    ).toBe(true);
    expect(
      withSettings({ casussen: [], alleenEigenCasussen: false }, settings).alleenEigenCasussen,
    ).toBe(false);
    expect(withSettings({}, { via: "geen", casussen: [] })).toEqual({
      templates: undefined,
      huisstijl: undefined,
      acteurs: undefined,
    });
  });
});
