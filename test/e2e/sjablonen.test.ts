import { readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { readParts, textOf } from "../helpers/zip.js";

describe("own templates", () => {
  it("exports the templates, and a changed wording appears in the pack", () => {
    const dir = tempDir();
    const templates = join(dir, "sjablonen");
    const exported = runIdokit(["sjablonen", "exporteer", templates]);
    expect(exported.status).toBe(0);
    const draaiboek = join(templates, "training", "draaiboek.md.hbs");
    writeFileSync(
      draaiboek,
      readFileSync(draaiboek, "utf8").replace(
        "# Over dit draaiboek",
        "# Over dit draaiboek van Regio Oost",
      ),
    );
    const made = runIdokit([
      "training",
      "--voorbeeld",
      "--templates",
      templates,
      "--out",
      join(dir, "pakket"),
    ]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/Eigen sjabloon gebruikt voor training\/draaiboek\.md/);
    expect(
      textOf(readParts(join(dir, "pakket", "draaiboek.docx"))["word/document.xml"]!),
    ).toContain("Over dit draaiboek van Regio Oost");
  });

  it("falls back to the built-in template for files the user's folder does not have", () => {
    const dir = tempDir();
    const templates = join(dir, "sjablonen");
    mkdirSync(join(templates, "training"), { recursive: true });
    writeFileSync(
      join(templates, "training", "casussen-deelnemers.md.hbs"),
      "# Kaarten voor {{bibliotheek.organisatie}}\n",
    );
    const made = runIdokit([
      "training",
      "--voorbeeld",
      "--templates",
      templates,
      "--out",
      join(dir, "pakket"),
    ]);
    expect(made.status, made.stderr).toBe(0);
    expect(
      textOf(readParts(join(dir, "pakket", "casussen-deelnemers.docx"))["word/document.xml"]!),
    ).toContain("Kaarten voor Bibliotheek Zuiderlinge");
    expect(
      textOf(readParts(join(dir, "pakket", "draaiboek.docx"))["word/document.xml"]!),
    ).toContain("Over dit draaiboek");
  });

  it("names the template and the misspelled variable, and writes nothing", () => {
    const dir = tempDir();
    const templates = join(dir, "sjablonen");
    mkdirSync(join(templates, "training"), { recursive: true });
    writeFileSync(
      join(templates, "training", "draaiboek.md.hbs"),
      "# {{bibliotheek.organisatei}}\n",
    );
    const made = runIdokit([
      "training",
      "--voorbeeld",
      "--templates",
      templates,
      "--out",
      join(dir, "pakket"),
    ]);
    expect(made.status).toBe(1);
    expect(made.stderr).toMatch(/Sjabloon "training\/draaiboek\.md".*organisatei/);
    rmSync(templates, { recursive: true });
    expect(() => readFileSync(join(dir, "pakket", "manifest.json"))).toThrow();
  });
});
