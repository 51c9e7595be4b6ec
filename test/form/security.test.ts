import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRequest, MAX_JSON_BYTES, startFormServer } from "../../src/form/server.js";
import { MAX_LOGO_BYTES, type FormSession } from "../../src/form/session.js";
import { ensureBuilt } from "../helpers/pty.js";
import { startForm, type FormRun } from "./helpers.js";

/**
 * The local server's defences, tested with raw HTTP requests against the built `idokit
 * formulier`: loopback only, the token on every request, the Host header (DNS rebinding), POSTs
 * only from the page itself, body size limits, a strict CSP, and no path from the browser used.
 */

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunked?: boolean;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: options.method ?? "GET",
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    // A refused upload may close the connection while the body is still being sent.
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET"
        ? resolve({ status: -1, headers: {}, body: error.code })
        : reject(error),
    );
    if (options.body !== undefined) {
      if (options.chunked) {
        const data = Buffer.from(options.body);
        for (let i = 0; i < data.length; i += 64 * 1024) req.write(data.subarray(i, i + 64 * 1024));
      } else req.write(options.body);
    }
    req.end();
  });
}

let form: FormRun;
let dir: string;
let origin: string;
const api = (route: string): string => `/${form.token}/api/${route}`;
const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
  send(form.port, {
    method: "POST",
    path: api(route),
    headers: { "Content-Type": "application/json", Origin: origin, ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "idokit-formulier-veilig-"));
  form = await startForm([], { cwd: dir });
  origin = `http://127.0.0.1:${form.port}`;
}, 180_000);

afterAll(async () => {
  await form?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the form's server", () => {
  it("serves the page at the link with the token, and nothing from elsewhere", async () => {
    const page = await send(form.port, { path: `/${form.token}/` });
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/^<!doctype html>/);
    // Every resource is relative to the page: no CDN, font or script from another host.
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page.body).not.toMatch(/@import|url\(/);
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    const script = await send(form.port, { path: `/${form.token}/app.js` });
    expect(script.status).toBe(200);
    expect(script.body).not.toMatch(/https?:\/\//);
  });

  it("refuses every request without the token, or with a wrong one", async () => {
    const wrong = `${form.token.slice(0, -1)}${form.token.endsWith("A") ? "B" : "A"}`;
    for (const path of [
      "/",
      "/app.js",
      "/api/hallo",
      `/${wrong}/`,
      `/${wrong}/app.js`,
      `/${form.token}x/`,
      `/x${form.token}/`,
    ]) {
      const answer = await send(form.port, { path });
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain("<!doctype html>");
    }
    const evaluate = await send(form.port, {
      method: "POST",
      path: `/${wrong}/api/evalueer`,
      headers: { "Content-Type": "application/json", Origin: origin },
      body: "{}",
    });
    expect(evaluate.status).toBe(404);
  });

  it("refuses a foreign Host header, so a DNS-rebound page cannot reach it", async () => {
    for (const host of [
      "evil.example",
      `evil.example:${form.port}`,
      `127.0.0.1:${form.port + 1}`,
      `192.168.1.1:${form.port}`,
      "",
    ]) {
      const answer = await send(form.port, { path: `/${form.token}/`, headers: { Host: host } });
      expect(answer.status, host).toBe(403);
      expect(answer.body).not.toContain("<!doctype html>");
    }
    const local = await send(form.port, {
      path: `/${form.token}/`,
      headers: { Host: `localhost:${form.port}` },
    });
    expect(local.status).toBe(200);
  });

  it("accepts POSTs only from the page itself, as JSON", async () => {
    expect((await post("evalueer", { answers: {} })).status).toBe(200);
    const foreign: Array<Record<string, string>> = [
      { Origin: "http://evil.example" },
      { Origin: `http://localhost:${form.port}` },
      { Origin: `http://127.0.0.1:${form.port + 1}` },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
    ];
    for (const headers of foreign)
      expect(
        (await post("evalueer", { answers: {} }, headers)).status,
        JSON.stringify(headers),
      ).toBe(403);
    const noOrigin = await send(form.port, {
      method: "POST",
      path: api("evalueer"),
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(noOrigin.status).toBe(403);
    // A form on another site can send text/plain without asking first: refused too.
    const plain = await post("evalueer", {}, { "Content-Type": "text/plain" });
    expect(plain.status).toBe(415);
    expect((await send(form.port, { path: api("evalueer") })).status).toBe(405);
    expect((await send(form.port, { method: "PUT", path: api("evalueer") })).status).toBe(405);
  });

  it("refuses bodies over the limit, announced or streamed", async () => {
    const big = JSON.stringify({ answers: { "bibliotheek.plaats": "x".repeat(MAX_JSON_BYTES) } });
    const announced = await post("evalueer", JSON.parse(big));
    expect(announced.status).toBe(413);
    const streamed = await send(form.port, {
      method: "POST",
      path: api("evalueer"),
      headers: {
        "Content-Type": "application/json",
        Origin: origin,
        "Transfer-Encoding": "chunked",
      },
      body: big,
      chunked: true,
    });
    expect(streamed.status).toBe(413);
    const logo = await send(form.port, {
      method: "POST",
      path: api("logo"),
      headers: { "Content-Type": "application/octet-stream", Origin: origin },
      body: Buffer.alloc(MAX_LOGO_BYTES + 1),
    });
    expect(logo.status).toBe(413);
    // Still serving after all that.
    expect((await post("evalueer", { answers: {} })).status).toBe(200);
  });

  it("tells a broken answers file opened in the form in Dutch, with line and column", async () => {
    const colon = await post("open", {
      name: "antwoorden.yaml",
      text: "bibliotheek:\n  organisatie: Bibliotheek: Zuid\n",
    });
    expect(colon.status).toBe(200);
    const told = JSON.parse(colon.body) as {
      fout: string;
      problemen: Array<{ where: string; message: string }>;
      tip: string;
    };
    expect(told.fout).toBe('"antwoorden.yaml" is geen geldig YAML-bestand.');
    expect(told.problemen[0]).toEqual({
      where: "antwoorden.yaml, regel 2, kolom 16",
      message: expect.stringMatching(/dubbele punt met een spatie/),
    });
    expect(colon.body).not.toMatch(/Nested|compact|line \d/);
    // An alias was a crash of idokit itself (500); now it is a problem of the file.
    const alias = await post("open", { name: "a.yaml", text: "bibliotheek:\n  organisatie: *x\n" });
    expect(alias.status).toBe(200);
    expect(alias.body).toMatch(/regel 2, kolom 16/);
  });

  it("never reads a path the browser names, and keeps uploads in memory only", async () => {
    const evaluated = JSON.parse(
      (await post("evalueer", { answers: { "huisstijl.logo": "/etc/hostname" } })).body,
    ) as { fields: Record<string, { error?: string }> };
    expect(evaluated.fields["huisstijl.logo"]!.error).toMatch(/is niet meegestuurd/);
    const opened = JSON.parse(
      (
        await post("open", {
          name: "../../antwoorden.yaml",
          text: "bibliotheek:\n  plaats: Lingedijk\nhuisstijl:\n  logo: /etc/hostname\n",
        })
      ).body,
    ) as { answers: Record<string, unknown>; bestanden: Array<{ path: string }> };
    expect(opened.answers["bibliotheek.plaats"]).toBe("Lingedijk");
    expect(opened.answers["huisstijl.logo"]).toBeUndefined();
    expect(opened.bestanden).toEqual([{ key: "huisstijl.logo", path: "/etc/hostname" }]);
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const logo = await send(form.port, {
      method: "POST",
      path: api("logo"),
      headers: {
        "Content-Type": "application/octet-stream",
        Origin: origin,
        "X-Bestandsnaam": encodeURIComponent("../../logo.png"),
      },
      body: png,
    });
    expect(JSON.parse(logo.body)).toMatchObject({ name: "logo.png" });
    for (const path of [`/${form.token}/pakket/../../etc/passwd`, `/${form.token}/pakket/x.zip`])
      expect((await send(form.port, { path })).status, path).toBe(404);
    expect((await post("map", { id: "../.." })).status).toBe(404);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("listens on the loopback address only", async () => {
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === "IPv4");
    if (!outside) {
      console.warn(
        "Geen netwerkadres buiten loopback op deze machine; deze controle is overgeslagen.",
      );
      return;
    }
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: outside.address, port: form.port });
      socket.on("connect", () => {
        socket.destroy();
        resolve("connected");
      });
      socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    });
    expect(refused).toBe("ECONNREFUSED");
  });
});

describe("the one-time launch link for the browser opener", () => {
  it("leads once to the page with the token, and is spent after that", async () => {
    const server = await startFormServer({
      session: { page: "<!doctype html><title>formulier</title>" } as unknown as FormSession,
      port: 0,
      idleMs: 60_000,
      assets: { "app.js": new Uint8Array(), "app.css": new Uint8Array() },
    });
    try {
      const token = new URL(server.url).pathname;
      const pathOf = (url: string): string => new URL(url).pathname;
      const launch = server.launchUrl();
      // What an opener's command line shows (and `ps` with it) holds no token.
      expect(launch).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/start\/[\w-]{43}$/);
      expect(launch).not.toContain(token.slice(1, -1));
      expect(server.launchUrl()).not.toBe(launch);

      // A foreign Host or a HEAD does not spend it.
      const foreign = await send(server.port, {
        path: pathOf(launch),
        headers: { Host: `idokit.example:${server.port}` },
      });
      expect(foreign.status).toBe(403);
      const head = await send(server.port, { method: "HEAD", path: pathOf(launch) });
      expect(head.status).toBe(405);
      expect(head.headers.location).toBeUndefined();

      const first = await send(server.port, { path: pathOf(launch) });
      expect(first.status).toBe(303);
      expect(first.headers.location).toBe(token);
      expect((await send(server.port, { path: token })).body).toContain("<title>formulier</title>");

      const again = await send(server.port, { path: pathOf(launch) });
      expect(again.status).toBe(404);
      expect(again.headers.location).toBeUndefined();
      expect(again.body).toMatch(/Deze link is al gebruikt/);
      expect((await send(server.port, { path: "/start/verzonnen" })).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});

describe("checkRequest", () => {
  const expected = { token: "geheim", port: 4321, launches: new Set(["eenmalig"]) };
  const host = "127.0.0.1:4321";
  const json = { "content-type": "application/json", origin: `http://${host}`, host };
  it.each([
    ["GET", "/geheim/", { host }, true],
    ["GET", "/geheim/app.js", { host: "LOCALHOST:4321" }, true],
    ["GET", "/geheim/api/hallo", { host }, true],
    ["HEAD", "/geheim/", { host }, true],
    ["GET", "/geheim/", { host: "127.0.0.1" }, false],
    ["GET", "/geheim/", { host: "127.0.0.1:80" }, false],
    ["GET", "/geheim/", {}, false],
    ["GET", "/Geheim/", { host }, false],
    ["GET", "/geheimer/", { host }, false],
    ["GET", "/geheim/api/evalueer", { host }, false],
    ["POST", "/geheim/api/evalueer", json, true],
    [
      "POST",
      "/geheim/api/evalueer",
      { ...json, "content-type": "application/json; charset=utf-8" },
      true,
    ],
    ["POST", "/geheim/api/evalueer", { ...json, origin: "http://localhost:4321" }, false],
    ["POST", "/geheim/api/evalueer", { ...json, "sec-fetch-site": "same-site" }, false],
    ["POST", "/geheim/api/evalueer", { ...json, "content-type": "multipart/form-data" }, false],
    ["POST", "/geheim/api/logo", json, false],
    ["POST", "/geheim/api/logo", { ...json, "content-type": "application/octet-stream" }, true],
    ["POST", "/geheim/", json, false],
    ["DELETE", "/geheim/api/evalueer", json, false],
    ["GET", "/start/eenmalig", { host }, true],
    ["GET", "/start/eenmalig", { host: "idokit.example:4321" }, false],
    ["HEAD", "/start/eenmalig", { host }, false],
    ["GET", "/start/anders", { host }, false],
    ["GET", "/start/", { host }, false],
  ])("%s %s %j → allowed: %s", (method, url, headers, allowed) => {
    expect(checkRequest({ method, url, headers }, expected).ok).toBe(allowed);
  });

  it("sends the bare token to the page with a slash", () => {
    expect(checkRequest({ method: "GET", url: "/geheim", headers: { host } }, expected)).toEqual({
      ok: true,
      redirect: "/geheim/",
    });
  });
});
