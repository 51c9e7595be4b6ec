import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packAnswers, unpackAnswers } from "../../src/batch/packed-answers.js";

// Answers as a sheet row gives them: nested objects and lists of free text (any Unicode, also
// lone surrogates and control characters a cell may hold), numbers, booleans and dates.
const answer = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ unit: "binary" }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie("value"), { maxKeys: 4 }),
  ),
}));

describe("packed answers (how a batch row's answers travel between threads)", () => {
  it("unpack gives back exactly what was packed, also after crossing a thread (a copy)", () => {
    fc.assert(
      fc.property(answer.value, (value) => {
        const packed = packAnswers(value);
        expect(unpackAnswers(packed)).toEqual(value);
        expect(unpackAnswers(structuredClone(packed))).toEqual(value);
      }),
    );
  });

  it("is a plain Uint8Array, as a copy from another thread arrives, so the two compare equal", () => {
    const packed = packAnswers({ bibliotheek: { organisatie: "Bibliotheek Oost" } });
    expect(Object.getPrototypeOf(packed)).toBe(Uint8Array.prototype);
    expect(structuredClone(packed)).toEqual(packed);
  });
});
