/**
 * The form's stylesheet, served as app.css. Plain CSS: one column that reflows at any width and
 * zoom, WCAG AA contrast (text ≥ 4.5:1, controls and focus ≥ 3:1), a focus ring that shows on
 * every control, and targets of at least 44 pixels.
 */
export const FORM_STYLE = `
:root {
  --primair: #1f4e79;
  --primair-donker: #163a5a;
  --tekst: #0b0c0c;
  --zacht: #484d52;
  --rand: #6f777b;
  --achtergrond: #f3f5f7;
  --fout: #b10e1e;
  --goed: #00703c;
  --letop: #8a4b00;
  --letop-achter: #fff4e0;
  --focus: #0b0c0c;
  --focus-achter: #ffdd00;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1.0625rem;
  line-height: 1.5;
  color: var(--tekst);
  background: var(--achtergrond);
}
.breed { max-width: 50rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--primair); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
a:hover { color: var(--primair-donker); text-decoration-thickness: 3px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
a:focus-visible { outline: none; background: var(--focus-achter); color: var(--tekst); box-shadow: 0 4px var(--focus); text-decoration: none; }
h1:focus, h2:focus, main:focus, .foutoverzicht:focus { outline: none; }
.foutoverzicht:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.onzichtbaar {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
.naar-inhoud { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem; background: var(--focus-achter); color: var(--tekst); z-index: 10; }
.naar-inhoud:focus { left: 0.5rem; top: 0.5rem; }

.kop { background: var(--primair); color: #fff; padding: 1.25rem 0 1.5rem; }
.kop .merk { margin: 0; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; font-size: 0.95rem; }
.kop h1 { margin: 0.25rem 0 0.5rem; font-size: 2rem; line-height: 1.2; }
.kop-intro { margin: 0; max-width: 40rem; }

.balk { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0 0.5rem; }
.bestand-kiezen { position: relative; display: inline-flex; }
.bestand-kiezen input {
  position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden;
}
.bestand-kiezen input:focus-visible + label { outline: 3px solid var(--focus); outline-offset: 2px; }
.melding:empty { display: none; }
.melding { margin: 0.5rem 0; padding: 0.75rem 1rem; background: #fff; border-left: 5px solid var(--primair); }
.melding.fout-melding { border-left-color: var(--fout); }
.melding p { margin: 0.25rem 0; }

.voortgang { margin: 1rem 0; }
.voortgang-tekst { margin: 0 0 0.5rem; font-weight: 700; }
.stappen { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.375rem; }
.stappen a {
  display: inline-flex; align-items: center; gap: 0.375rem; min-height: 2.75rem; padding: 0.25rem 0.75rem;
  border: 2px solid var(--rand); border-radius: 1.5rem; background: #fff; color: var(--tekst); text-decoration: none;
}
.stappen a:hover { border-color: var(--primair); }
.stappen a[aria-current="step"] { background: var(--primair); border-color: var(--primair); color: #fff; font-weight: 700; }
.stappen a:focus-visible { background: var(--focus-achter); color: var(--tekst); box-shadow: none; outline: 3px solid var(--focus); outline-offset: 2px; }
.stap-nummer { font-variant-numeric: tabular-nums; font-weight: 700; }
.stap-staat.klaar::before { content: "✓"; color: var(--goed); font-weight: 700; margin-left: 0.25rem; }
.stap-staat.open::before { content: "!"; color: var(--fout); font-weight: 700; margin-left: 0.25rem; }
.stappen a[aria-current="step"] .stap-staat::before { color: #fff; }

main { background: #fff; padding: 1.25rem 1.5rem 1.5rem; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,0.12); }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.deel-titel { padding: 0; margin: 0 0 0.5rem; }
.deel-titel h2, h2.deel-titel { font-size: 1.6rem; line-height: 1.25; margin: 0; }
.deel-nummer { display: block; font-size: 1rem; font-weight: 400; color: var(--zacht); }
.intro { margin: 0 0 1.5rem; color: var(--zacht); max-width: 40rem; }

.vraag { margin: 0 0 1.75rem; max-width: 40rem; }
.vraag > label, .vraag > legend, .picker h3 { display: block; font-weight: 700; font-size: 1.125rem; margin: 0 0 0.25rem; padding: 0; }
.optioneel { font-weight: 400; color: var(--zacht); font-size: 1rem; }
.uitleg { margin: 0 0 0.5rem; color: var(--zacht); }
.noot { margin: 0.375rem 0 0; color: var(--zacht); font-style: italic; }
.noot.waarschuwing { font-style: normal; color: var(--letop); font-weight: 700; }
.fout { margin: 0 0 0.5rem; color: var(--fout); font-weight: 700; }
.vraag.heeft-fout { border-left: 5px solid var(--fout); padding-left: 0.875rem; }
input[type="text"], input[type="email"], input[type="tel"], select, textarea {
  font: inherit; color: var(--tekst); background: #fff; width: 100%; max-width: 32rem;
  border: 2px solid var(--tekst); border-radius: 0; padding: 0.375rem 0.5rem; min-height: 2.75rem;
}
textarea { max-width: 40rem; resize: vertical; line-height: 1.4; }
input.kort { max-width: 12rem; }
input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid var(--focus-achter); outline-offset: 0; box-shadow: inset 0 0 0 2px var(--focus); }
[aria-invalid="true"] { border-color: var(--fout); }
.keuzes { display: grid; gap: 0.25rem; }
.keuze { display: grid; grid-template-columns: 1.75rem 1fr; align-items: start; column-gap: 0.5rem; padding: 0.25rem 0; }
.keuze input { width: 1.5rem; height: 1.5rem; margin: 0.125rem 0 0; accent-color: var(--primair); }
.keuze label { padding-top: 0.125rem; cursor: pointer; }
.keuze .uitleg { grid-column: 2; margin: 0; font-size: 0.95rem; }
.kleurveld { display: inline-flex; align-items: center; gap: 0.5rem; }
.staal { display: inline-block; width: 2.5rem; height: 2.5rem; border: 2px solid var(--tekst); background: #fff; }
.logo-nu { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; margin-top: 0.5rem; }
.logo-voorbeeld { max-height: 4rem; max-width: 12rem; border: 1px solid var(--rand); padding: 0.25rem; background: #fff; }
input[type="file"] { font: inherit; max-width: 100%; }

.lijst .items { display: grid; gap: 1rem; margin: 0.5rem 0 1rem; }
.item { border: 2px solid var(--rand); padding: 1rem 1rem 0.25rem; border-radius: 4px; }
.item > legend { font-weight: 700; padding: 0 0.375rem; }
.item .vraag { margin-bottom: 1.25rem; }
.item > .knop { margin-bottom: 0.75rem; }

.knop {
  display: inline-flex; align-items: center; justify-content: center; min-height: 2.75rem; padding: 0.5rem 1.125rem;
  font: inherit; font-weight: 700; color: #fff; background: var(--primair); border: 2px solid var(--primair);
  border-radius: 4px; cursor: pointer; text-decoration: none; line-height: 1.25;
}
.knop:hover { background: var(--primair-donker); border-color: var(--primair-donker); color: #fff; }
.knop-licht { background: #fff; color: var(--primair); }
.knop-licht:hover { background: #e8eef4; color: var(--primair-donker); }
.knop-groot { font-size: 1.125rem; padding: 0.75rem 1.5rem; }
a.knop:focus-visible, .knop:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 6px var(--focus-achter); background: var(--primair-donker); color: #fff; text-decoration: none; }
.knop[disabled] { opacity: 0.6; cursor: progress; }
.navigatie { display: flex; flex-wrap: wrap; gap: 0.75rem; justify-content: space-between; margin-top: 2rem; padding-top: 1rem; border-top: 1px solid #d0d5da; }
.navigatie .knop:only-child { margin-left: auto; }

.foutoverzicht { border: 5px solid var(--fout); padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.foutoverzicht h2, .foutoverzicht h3 { margin: 0 0 0.5rem; font-size: 1.25rem; }
.foutoverzicht ul { margin: 0; padding-left: 1.25rem; }
.foutoverzicht a { color: var(--fout); font-weight: 700; }
.fout-blok { color: var(--fout); font-weight: 700; }

.picker { max-width: 44rem; }
.casussen-gekozen { padding-left: 1.5rem; }
.casussen-gekozen li { margin-bottom: 0.625rem; }
.casus-titel { font-weight: 700; }
.redenen { display: block; color: var(--zacht); font-size: 0.95rem; }
.aangevuld { color: var(--zacht); }
.let-op { background: var(--letop-achter); border-left: 5px solid var(--letop); padding: 0.5rem 0.75rem; }
.let-op-blok { background: var(--letop-achter); border-left: 5px solid var(--letop); padding: 0.5rem 1rem; margin: 1rem 0; }
.let-op-blok h3 { margin: 0.25rem 0; }
.actie { border: 3px solid var(--primair); padding: 1rem; margin: 1rem 0; }
.actie legend { font-weight: 700; padding: 0 0.375rem; }
.actie .knop { margin-top: 0.75rem; }
.casuslijst { margin-top: 1.25rem; }
.casus-teller { position: sticky; bottom: 0; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem;
  margin-top: 0.75rem; padding: 0.5rem 0.75rem; background: #fff; border-top: 2px solid var(--primair); }
.casus-teller:has(.casus-teller-tekst:empty) { display: none; }
.casus-teller p { margin: 0; font-weight: 700; }
.casuslijst > legend { font-weight: 700; font-size: 1.125rem; }
.casusgroep { margin: 0.75rem 0 0; }
.casusgroep > legend { font-weight: 700; color: var(--primair); padding: 0; margin-bottom: 0.25rem; }

.samenvatting-deel { border-top: 2px solid #d0d5da; padding-top: 0.75rem; margin-top: 1rem; }
.samenvatting-kop { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
.samenvatting-kop h3 { margin: 0; font-size: 1.25rem; }
.wijzig { font-weight: 700; }
dl { margin: 0.5rem 0 0; }
.rij { display: grid; grid-template-columns: minmax(10rem, 1fr) 2fr; gap: 0.25rem 1rem; padding: 0.375rem 0; border-bottom: 1px solid #e3e6e9; }
.rij dt { font-weight: 700; }
.rij dd { margin: 0; overflow-wrap: anywhere; }
.rij dd ul { margin: 0; padding-left: 1.125rem; }
.leeg { color: var(--zacht); }
.status:empty { display: none; }
.status { font-weight: 700; }

.klaar-waar { font-size: 1.125rem; }
code.pad { font-size: 0.95rem; background: #eef1f4; padding: 0.1rem 0.3rem; overflow-wrap: anywhere; }
.knoppen { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
.volgende { padding-left: 1.25rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.625rem 0.5rem 0; border-bottom: 1px solid #d0d5da; }
thead th { border-bottom: 2px solid var(--tekst); }
.bestanden th[scope="row"] { width: 34%; }
.bestandsnaam { overflow-wrap: break-word; hyphens: none; }
.grootte { display: block; font-weight: 400; color: var(--zacht); font-size: 0.9rem; }
.tijd { white-space: nowrap; font-variant-numeric: tabular-nums; }
.voet { color: var(--zacht); font-size: 0.95rem; padding: 1rem 0 2rem; }

@media (max-width: 40rem) {
  body { font-size: 1rem; }
  .breed { padding: 0 0.5rem; }
  main { padding: 1rem 0.875rem; }
  .kop h1 { font-size: 1.6rem; }
  .stappen a { padding: 0.25rem 0.625rem; }
  .stappen li:not(:last-child) a:not([aria-current="step"]) .stap-naam {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
  }
  .rij { grid-template-columns: 1fr; }
  .bestanden thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .bestanden tr { display: block; padding: 0.5rem 0; border-bottom: 1px solid #d0d5da; }
  .bestanden th, .bestanden td { display: block; border: 0; padding: 0.125rem 0; }
  .bestanden th[scope="row"] { width: auto; }
  .bestanden td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; }
  .bestanden td:empty { display: none; }
}
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
@media print {
  .balk, .voortgang, .navigatie, .naar-inhoud, .voet { display: none; }
  body { background: #fff; }
  main { box-shadow: none; }
}
`;
