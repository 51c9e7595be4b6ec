import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCasusFolder } from "../../src/casussen/load.js";
import {
  NIVEAU_LEVELS,
  selectCasussen,
  type Niveau,
  type SelectionRequest,
} from "../../src/casussen/select.js";
import type { Casus } from "../../src/casussen/types.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { BUILTIN_CASUSSEN_DIR } from "../../src/paths.js";
import { makeCasus } from "./helpers.js";

const vocabulary = loadVocabulary();
// The valid part of the real library: library.test.ts guards that this is all of it.
const library = readCasusFolder(BUILTIN_CASUSSEN_DIR, vocabulary, { builtIn: true }).casussen;
const skillIds = vocabulary.vaardigheden.map((entry) => entry.id);
const partnerIds = vocabulary.instanties.filter((entry) => entry.landelijk).map((entry) => entry.id);
const localIds = vocabulary.lokalePartnerSoorten.map((entry) => entry.id);
const niveaus: Niveau[] = ["rustig", "gemengd", "uitdagend"];

function requestFor(ids: readonly string[]): fc.Arbitrary<SelectionRequest> {
  return fc.record({
    count: fc.integer({ min: 1, max: 12 }),
    focus: fc.subarray(skillIds),
    partners: fc.subarray(partnerIds),
    localPartnerTypes: fc.subarray(localIds),
    pinned: fc.subarray([...ids], { maxLength: Math.min(4, ids.length) }),
    niveau: fc.constantFrom(...niveaus),
    seed: fc.integer(),
  });
}

const idsOf = (chosen: readonly { casus: Casus }[]) => chosen.map((item) => item.casus.id);

/** The properties every selection must have, whatever the library. */
function checkInvariants(pool: readonly Casus[], request: SelectionRequest): void {
  const selection = selectCasussen(pool, request, vocabulary);
  const ids = idsOf(selection.chosen);
  const pins = [...new Set(request.pinned)];

  // Deterministic: the same request gives the same casussen and reasons.
  expect(selectCasussen(pool, request, vocabulary)).toEqual(selection);
  // Valid requests give no problems.
  expect(selection.problems).toEqual([]);
  // Never a casus twice.
  expect(new Set(ids).size).toBe(ids.length);
  // Exactly `count` when the library has that many; pins beyond count are all kept.
  expect(ids.length).toBe(Math.max(Math.min(request.count, pool.length), pins.length));
  // Pins always included.
  for (const pin of pins) expect(ids).toContain(pin);
  // Easier to harder.
  const levels = selection.chosen.map((item) => item.casus.moeilijkheid);
  expect(levels).toEqual([...levels].sort((a, b) => a - b));
  // Every casus explained.
  for (const item of selection.chosen) {
    expect(item.reasons.length).toBeGreaterThan(0);
    for (const reason of item.reasons) expect(reason.trim()).not.toBe("");
  }

  // Focus coverage, computed independently: with room for one casus per focus skill after the
  // pins, every skill that some casus of a fitting difficulty trains is covered.
  const allowed = NIVEAU_LEVELS[request.niveau];
  const focus = [...new Set(request.focus)];
  const room = request.count - pins.length;
  const chosenSkills = new Set(selection.chosen.flatMap((item) => item.casus.vaardigheden));
  if (room >= focus.length) {
    for (const skill of focus) {
      const trainable = pool.some(
        (casus) => allowed.includes(casus.moeilijkheid) && casus.vaardigheden.includes(skill),
      );
      if (trainable) expect(chosenSkills, `focus ${skill} covered`).toContain(skill);
    }
  }
  // Every focus skill left out is explained.
  const missing = focus.filter((skill) => !chosenSkills.has(skill));
  expect(selection.uncovered.length).toBeGreaterThanOrEqual(missing.length);

  // The niveau is respected: a difficulty outside it only when the fitting casussen run out.
  const fitting = pool.filter((casus) => allowed.includes(casus.moeilijkheid)).length;
  const outside = selection.chosen.filter(
    (item) => !allowed.includes(item.casus.moeilijkheid) && !pins.includes(item.casus.id),
  );
  if (fitting >= request.count) expect(idsOf(outside)).toEqual([]);
}

describe("selectCasussen on the real built-in library", () => {
  it("has a library to select from", () => {
    expect(library.length).toBeGreaterThan(12);
  });

  it("holds its invariants for any request", () => {
    fc.assert(
      fc.property(requestFor(library.map((casus) => casus.id)), (request) => {
        checkInvariants(library, request);
      }),
      { numRuns: 300 },
    );
  });
});

describe("selectCasussen on generated libraries", () => {
  const casusArbitrary = fc.record({
    thema: fc.constantFrom(...vocabulary.themas.map((entry) => entry.id)),
    partners: fc.subarray(partnerIds, { minLength: 1, maxLength: 3 }),
    lokalePartners: fc.subarray(localIds, { maxLength: 2 }),
    vaardigheden: fc.subarray(skillIds, { minLength: 1, maxLength: 4 }),
    moeilijkheid: fc.constantFrom(1 as const, 2 as const, 3 as const),
    profiel: fc.subarray(
      vocabulary.profielen.map((entry) => entry.id),
      { minLength: 1, maxLength: 3 },
    ),
  });
  const libraryArbitrary = fc
    .array(casusArbitrary, { maxLength: 16 })
    .map((items) => items.map((item, index) => makeCasus({ id: `casus-${index}`, ...item })));

  it("holds its invariants for small, lopsided and empty libraries", () => {
    fc.assert(
      fc.property(
        libraryArbitrary.chain((pool) =>
          fc.tuple(fc.constant(pool), requestFor(pool.map((casus) => casus.id))),
        ),
        ([pool, request]) => {
          checkInvariants(pool, request);
        },
      ),
      { numRuns: 300 },
    );
  });
});
