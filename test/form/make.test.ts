import { existsSync, readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { inCi } from "../helpers/ci.js";
import { hasLibreOffice } from "../helpers/libreoffice.js";
import { ensureBuilt, ROOT } from "../helpers/pty.js";
import { tempDir } from "../helpers/temp.js";
import { startForm, type FormRun } from "./helpers.js";

/**
 * Making a pack through the form's API (what the page does on "Maak het pakket"): never over an
 * earlier pack, and with PDFs when LibreOffice is there.
 */

function post(form: FormRun, route: string, body: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const origin = `http://127.0.0.1:${form.port}`;
    const req = request(
      {
        host: "127.0.0.1",
        port: form.port,
        method: "POST",
        path: `/${form.token}/api/${route}`,
        headers: { "Content-Type": "application/json", Origin: origin },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString("utf8")));
        res.on("end", () => resolve(JSON.parse(text) as Record<string, unknown>));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

beforeAll(() => ensureBuilt(), 180_000);

describe("making a pack from the form", () => {
  it("puts a second pack next to the first, never over it", async () => {
    const dir = tempDir();
    const form = await startForm(["--bijeenkomst", "--map", "bijeenkomst"], { cwd: dir });
    try {
      const text = readFileSync(join(ROOT, "data", "voorbeeld-bijeenkomst.yaml"), "utf8");
      const opened = await post(form, "open", { name: "voorbeeld.yaml", text });
      const first = await post(form, "pakket", { answers: opened.answers });
      expect(first.fout).toBeUndefined();
      expect(first.map).toBe(join(dir, "bijeenkomst"));
      const second = await post(form, "pakket", { answers: opened.answers });
      expect(second.map).toBe(join(dir, "bijeenkomst-2"));
      expect(String(second.html)).toMatch(
        /De map\s+<code class="pad">bijeenkomst<\/code>\s+bestond al/,
      );
      expect(readdirSync(dir).sort()).toEqual(["bijeenkomst", "bijeenkomst-2"]);
    } finally {
      await form.stop();
    }
  });

  it.skipIf(!hasLibreOffice && !inCi)(
    "adds a PDF of every document when asked",
    async () => {
      const dir = tempDir();
      const form = await startForm(["--bijeenkomst"], { cwd: dir });
      try {
        const text = readFileSync(join(ROOT, "data", "voorbeeld-bijeenkomst.yaml"), "utf8");
        const opened = await post(form, "open", { name: "voorbeeld.yaml", text });
        const made = await post(form, "pakket", { answers: opened.answers, pdf: true });
        expect(made.fout).toBeUndefined();
        const pdfs = readdirSync(join(String(made.map), "pdf"));
        expect(pdfs).toContain("handleiding-lokale-bijeenkomst.pdf");
        expect(pdfs).toContain("werkafspraken-formulier.pdf");
        expect(String(made.html)).toMatch(/pdf\/<\/span>\s*<span class="grootte">\d+ bestanden/);
        expect(existsSync(join(String(made.map), "LEESMIJ.html"))).toBe(true);
      } finally {
        await form.stop();
      }
    },
    180_000,
  );
});
