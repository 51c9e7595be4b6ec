import type { Finding } from "../check/index.js";
import type { CheckedFile, ControleerResult } from "../commands/controleer.js";
import type { Output } from "./output.js";

// Per rule, this many findings are shown; the rest are counted.
const SHOWN_PER_RULE = 3;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The result of `idokit controleer` for people: one block per file, then what to do. */
export function printCheckResult(result: ControleerResult, out: Output): void {
  const { color } = out;
  for (const file of result.bestanden) {
    const since =
      file.sindsGemaakt === "gewijzigd"
        ? " (aangepast nadat idokit het maakte)"
        : file.sindsGemaakt === "ongewijzigd"
          ? " (zoals idokit het maakte)"
          : "";
    if (file.bevindingen.length === 0) {
      out.info(`${color.green(out.symbols.ok)} ${file.naam}: in orde${since}`);
      continue;
    }
    const counts = [
      file.fouten > 0 ? plural(file.fouten, "fout", "fouten") : "",
      file.letOp > 0 ? `${file.letOp}× let op` : "",
    ].filter(Boolean);
    const mark = file.fouten > 0 ? color.red(out.symbols.fail) : color.yellow("!");
    out.info(`${mark} ${file.naam}: ${counts.join(", ")}${since}`);
    for (const line of describeFindings(file.bevindingen))
      out.info(
        `    ${line.severity === "fout" ? color.red("fout   ") : color.yellow("let op ")} ${line.text}`,
      );
  }
  const failing = result.bestanden.filter((f) => f.fouten > 0);
  const summary = `${plural(result.bestanden.length, "bestand", "bestanden")} gecontroleerd`;
  if (failing.length === 0) {
    out.success(
      `${summary}: geen fouten gevonden, ook niet de bekende oorzaken van een herstelmelding in Word of PowerPoint.`,
    );
    if (result.bestanden.some((f) => f.letOp > 0))
      out.info(
        'Bij "let op" gaat het om afwijkingen die sommige versies van PowerPoint of Word laten herstellen; meestal gaat het goed.',
      );
    return;
  }
  out.info(
    `${color.red.bold(out.symbols.fail)} ${summary}: ${plural(failing.length, "bestand heeft", "bestanden hebben")} fouten. Word of PowerPoint vraagt dan om het bestand te herstellen, of opent het niet.`,
  );
  out.info(adviceFor(failing));
}

function adviceFor(failing: readonly CheckedFile[]): string {
  const changed = failing.some((f) => f.sindsGemaakt === "gewijzigd");
  const pristine = failing.some((f) => f.sindsGemaakt === "ongewijzigd");
  const lines = ["Wat je kunt doen:"];
  if (changed)
    lines.push(
      "  • Een bestand dat na het maken is aangepast: open het in Word of PowerPoint, laat het herstellen en sla het opnieuw op; of maak het pakket opnieuw met idokit en breng je aanpassingen opnieuw aan.",
    );
  if (pristine)
    lines.push(
      "  • Een bestand zoals idokit het maakte: dat is een fout in idokit. Meld het aan de beheerder van idokit en stuur deze melding mee.",
    );
  if (!changed && !pristine)
    lines.push(
      "  • Open het bestand in Word of PowerPoint, laat het herstellen en sla het opnieuw op; of maak het pakket opnieuw met idokit.",
    );
  return lines.join("\n");
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Findings grouped by rule: the first few in full, then how many more. */
export function describeFindings(
  findings: readonly Finding[],
): Array<{ severity: Finding["severity"]; text: string }> {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings)
    byRule.set(`${f.severity} ${f.rule}`, [...(byRule.get(`${f.severity} ${f.rule}`) ?? []), f]);
  const lines: Array<{ severity: Finding["severity"]; text: string }> = [];
  const ordered = [...byRule.values()].sort(
    (a, b) => Number(a[0]!.severity === "let-op") - Number(b[0]!.severity === "let-op"),
  );
  for (const group of ordered) {
    for (const f of group.slice(0, SHOWN_PER_RULE))
      lines.push({ severity: f.severity, text: `${capitalize(f.where)}: ${f.message}` });
    const rest = group.length - SHOWN_PER_RULE;
    if (rest > 0)
      lines.push({
        severity: group[0]!.severity,
        text: `… en nog ${rest} keer hetzelfde soort melding.`,
      });
  }
  return lines;
}
