#!/usr/bin/env node
// Starts the built idokit (dist/). Kept to what every Node version runs, so that an old Node or a
// clone that was never built gets a Dutch sentence saying what to do, not a stack trace.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const major = Number(process.versions.node.split(".")[0]);
if (major < 20) {
  process.stderr.write(
    `idokit heeft Node.js 20 of nieuwer nodig; op deze computer staat Node.js ${process.versions.node}.\n` +
      "Installeer een nieuwere Node.js (https://nodejs.org, de LTS-versie) en probeer het opnieuw.\n",
  );
  process.exit(1);
}

const main = new URL("../dist/main.js", import.meta.url);
if (!existsSync(main)) {
  const root = fileURLToPath(new URL("../", import.meta.url));
  process.stderr.write(
    "idokit is nog niet gebouwd: de map dist/ ontbreekt.\n" +
      `Ga naar ${root} en voer daar eerst \`npm ci\` uit (dat installeert en bouwt idokit), of \`npm run build\` als de pakketten er al zijn.\n`,
  );
  process.exit(1);
}
await import(main.href);
