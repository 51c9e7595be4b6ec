import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { MAX_LOGO_BYTES, type FormSession, type Reply } from "./session.js";

/**
 * The form's HTTP server: loopback only, a random token in every URL, the Host header checked
 * against DNS rebinding, POSTs only from the page itself, bodies of limited size, no external
 * resources (a strict Content-Security-Policy). Every request is checked before the session sees
 * it; the session never gets a path from the browser.
 *
 * The browser is opened with a one-time launch link (`/start/<launch>`), not the token: a program
 * that opens a browser has the link on its command line, where `ps` shows it to every user of the
 * computer. The first GET of the launch link redirects to the page with the token and spends the
 * link, so what `ps` shows no longer opens anything. The token itself is only printed in the
 * terminal and lives in the browser's address bar.
 */

/** The largest JSON body accepted (answers, an opened answers file). */
export const MAX_JSON_BYTES = 1024 * 1024;

const HOST = "127.0.0.1";

/** Why the server stopped. */
export type StopReason = "stil" | "gestopt";

export interface FormServerOptions {
  session: FormSession;
  /** 0: a free port chosen by the system. */
  port: number;
  /** Stop after this long without any request from a page (milliseconds). */
  idleMs: number;
  assets: Readonly<Record<"app.js" | "app.css", Uint8Array>>;
  /** An unexpected error while answering a request (for the terminal). */
  onError?: (error: unknown) => void;
  now?: () => Date;
}

export interface FormServer {
  /** The page, with the token: http://127.0.0.1:PORT/TOKEN/ */
  url: string;
  /** A new one-time link for a browser opener: http://127.0.0.1:PORT/start/LAUNCH */
  launchUrl(): string;
  port: number;
  /** Resolves once the server has stopped, with why. */
  stopped: Promise<StopReason>;
  stop(reason?: StopReason): Promise<void>;
}

/** What a request may do, once its host, token, method and origin are checked. */
export type Checked =
  | { ok: true; route: string; redirect?: undefined; launch?: undefined }
  | { ok: true; redirect: string; route?: undefined; launch?: string }
  | { ok: false; status: number; message: string };

const POST_TYPES: Readonly<Record<string, string>> = {
  "api/logo": "application/octet-stream",
};

/**
 * Checks a request against the token and port of this run. Pure, so each rule has its own test:
 * the Host must be the loopback address (or `localhost`) with this port; the path must start with
 * the token; only GET and HEAD read, only POST changes, and a POST must come from the page itself
 * (its Origin) with the expected content type.
 */
export function checkRequest(
  request: {
    method?: string | undefined;
    url?: string | undefined;
    headers: IncomingMessage["headers"];
  },
  expected: { token: string; port: number; launches?: ReadonlySet<string> },
): Checked {
  const hosts = [`${HOST}:${expected.port}`, `localhost:${expected.port}`];
  const host = request.headers.host;
  if (!host || !hosts.includes(host.toLowerCase()))
    return { ok: false, status: 403, message: "Dit adres hoort niet bij idokit formulier." };
  const url = request.url ?? "";
  const path = url.split("?")[0] ?? "";
  // A one-time launch link: only a GET spends it (a HEAD would learn the token without spending).
  const launch = /^\/start\/([\w-]{1,100})$/.exec(path)?.[1];
  if (launch !== undefined) {
    if (request.method !== "GET")
      return { ok: false, status: 405, message: "Deze link kan alleen worden geopend." };
    if (!expected.launches?.has(launch))
      return {
        ok: false,
        status: 404,
        message:
          "Deze link is al gebruikt. Open het formulier met de link die idokit in de terminal toont.",
      };
    return { ok: true, redirect: `/${expected.token}/`, launch };
  }
  const prefix = `/${expected.token}`;
  const given = path.slice(0, prefix.length);
  const tokenOk =
    given.length === prefix.length && timingSafeEqual(Buffer.from(given), Buffer.from(prefix));
  if (!tokenOk || (path.length > prefix.length && path[prefix.length] !== "/"))
    return {
      ok: false,
      status: 404,
      message: "Niet gevonden. Open het formulier met de link die idokit in de terminal toont.",
    };
  if (path === prefix) return { ok: true, redirect: `${prefix}/` };
  const route = path.slice(prefix.length + 1);
  const method = request.method ?? "";
  if (method === "GET" || method === "HEAD") {
    if (route.startsWith("api/") && route !== "api/hallo")
      return { ok: false, status: 405, message: "Deze vraag kan alleen met POST." };
    return { ok: true, route };
  }
  if (method !== "POST")
    return { ok: false, status: 405, message: "Deze methode wordt niet gebruikt." };
  if (!route.startsWith("api/"))
    return { ok: false, status: 405, message: "Deze vraag kan alleen met GET." };
  const origin = request.headers.origin;
  const fetchSite = request.headers["sec-fetch-site"];
  if (
    typeof origin !== "string" ||
    !hosts.some((h) => origin.toLowerCase() === `http://${h}`) ||
    origin.toLowerCase() !== `http://${host.toLowerCase()}` ||
    (fetchSite !== undefined && fetchSite !== "same-origin")
  )
    return { ok: false, status: 403, message: "Alleen het formulier zelf mag dit vragen." };
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  const wanted = POST_TYPES[route] ?? "application/json";
  if (type !== wanted)
    return { ok: false, status: 415, message: `Verwacht ${wanted}, niet "${type}".` };
  return { ok: true, route };
}

/** The body size limit of a route. */
export function limitOf(route: string): number {
  return route === "api/logo" ? MAX_LOGO_BYTES : MAX_JSON_BYTES;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cache-Control": "no-store",
};

class TooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers["content-length"] ?? "0");
    if (declared > limit) {
      reject(new TooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new TooLarge());
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Uint8Array,
  type: string,
  extra: Record<string, string> = {},
): void {
  const data = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": type,
    "Content-Length": String(data.byteLength),
    ...extra,
  });
  response.end(data);
}

const sendJson = (response: ServerResponse, status: number, value: unknown): void =>
  send(response, status, JSON.stringify(value), "application/json; charset=utf-8");

/** Content-Disposition for a download, with a plain fallback and the UTF-8 name. */
function attachment(filename: string): string {
  const plain = filename.replace(/[^\w.-]/g, "_");
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function replyTo(
  response: ServerResponse,
  reply: Reply,
  head: boolean,
  extra: Record<string, string> = {},
): void {
  if ("json" in reply) return sendJson(response, reply.status, reply.json);
  send(response, reply.status, head ? new Uint8Array() : reply.bytes, reply.type, {
    ...(reply.filename ? { "Content-Disposition": attachment(reply.filename) } : {}),
    ...extra,
  });
}

/** Starts the server on the loopback address; resolves once it listens. */
export async function startFormServer(options: FormServerOptions): Promise<FormServer> {
  const token = randomBytes(32).toString("base64url");
  // Launch links not opened yet; each works once.
  const launches = new Set<string>();
  const now = options.now ?? (() => new Date());
  let lastActivity = Date.now();
  let port = options.port;
  let resolveStopped: (reason: StopReason) => void = () => {};
  const stopped = new Promise<StopReason>((resolve) => {
    resolveStopped = resolve;
  });

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      options.onError?.(error);
      if (!response.headersSent)
        sendJson(response, 500, {
          fout: `Er ging iets mis in idokit zelf: ${(error as Error)?.message ?? String(error)}`,
        });
      else response.destroy();
    });
  });
  // Slow or stalled clients cannot hold the server.
  server.requestTimeout = 60_000;
  server.headersTimeout = 10_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const checked = checkRequest(request, { token, port, launches });
    if (!checked.ok) {
      // Drain nothing: a refused request's body is not read.
      response.setHeader("Connection", "close");
      return send(response, checked.status, `${checked.message}\n`, "text/plain; charset=utf-8");
    }
    lastActivity = Date.now();
    if (checked.launch !== undefined) {
      launches.delete(checked.launch);
      // 303: the browser GETs the page; nothing caches or remembers the spent link as the page.
      return send(response, 303, "", "text/plain; charset=utf-8", { Location: checked.redirect });
    }
    if (checked.redirect !== undefined) {
      return send(response, 308, "", "text/plain; charset=utf-8", { Location: checked.redirect });
    }
    const route = checked.route;
    const head = request.method === "HEAD";
    const session = options.session;
    if (request.method === "GET" || head) {
      if (route === "")
        return send(response, 200, head ? "" : session.page, "text/html; charset=utf-8");
      if (route === "app.js")
        return send(
          response,
          200,
          head ? "" : options.assets["app.js"],
          "text/javascript; charset=utf-8",
        );
      if (route === "app.css")
        return send(
          response,
          200,
          head ? "" : options.assets["app.css"],
          "text/css; charset=utf-8",
        );
      if (route === "api/hallo") return sendJson(response, 200, { ok: true });
      const zip = /^pakket\/([0-9a-f]{32})\.zip$/.exec(route);
      if (zip) return replyTo(response, session.zip(zip[1]!), head);
      const readme = /^pakket\/([0-9a-f]{32})\/leesmij$/.exec(route);
      // The pack's own LEESMIJ.html: its inline stylesheet is all it may use.
      if (readme)
        return replyTo(response, session.readme(readme[1]!), head, {
          "Content-Security-Policy":
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        });
      return send(response, 404, "Niet gevonden.\n", "text/plain; charset=utf-8");
    }

    let body: Buffer;
    try {
      body = await readBody(request, limitOf(route));
    } catch (error) {
      if (error instanceof TooLarge) {
        response.setHeader("Connection", "close");
        return sendJson(response, 413, {
          fout: `Dit is te groot (meer dan ${Math.round(limitOf(route) / 1024 / 1024)} MB).`,
        });
      }
      throw error;
    }
    if (route === "api/logo") {
      const name = decodeName(request.headers["x-bestandsnaam"]);
      return replyTo(response, session.addLogo(new Uint8Array(body), name), false);
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      return sendJson(response, 400, { fout: "Het verzoek is geen geldige JSON." });
    }
    switch (route) {
      case "api/evalueer":
        return replyTo(response, session.evaluate(json), false);
      case "api/antwoorden":
        return replyTo(response, session.saveAnswers(json, now()), false);
      case "api/open":
        return replyTo(response, session.openAnswers(json), false);
      case "api/pakket":
        return replyTo(response, await session.makePack(json), false);
      case "api/map":
        return replyTo(response, await session.openFolder(json), false);
      default:
        return sendJson(response, 404, { fout: "Onbekende vraag." });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  const idleCheck = setInterval(
    () => {
      if (Date.now() - lastActivity >= options.idleMs) void stop("stil");
    },
    Math.max(50, Math.min(30_000, Math.floor(options.idleMs / 4))),
  );
  idleCheck.unref();

  let stopping: Promise<void> | undefined;
  function stop(reason: StopReason = "gestopt"): Promise<void> {
    stopping ??= new Promise<void>((resolve) => {
      clearInterval(idleCheck);
      server.close(() => resolve());
      server.closeAllConnections();
    }).then(() => resolveStopped(reason));
    return stopping;
  }

  const launchUrl = (): string => {
    const launch = randomBytes(32).toString("base64url");
    launches.add(launch);
    return `http://${HOST}:${port}/start/${launch}`;
  };
  return { url: `http://${HOST}:${port}/${token}/`, launchUrl, port, stopped, stop };
}

function decodeName(header: string | string[] | undefined): string | undefined {
  if (typeof header !== "string") return undefined;
  try {
    return decodeURIComponent(header);
  } catch {
    return undefined;
  }
}
