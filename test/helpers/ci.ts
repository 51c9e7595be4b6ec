/**
 * Tests run in CI (`CI` is set: GitHub Actions sets it, `.ci/run` sets it): the tools CI installs
 * (LibreOffice, pdftotext, python3-lxml) must be there, and a test that needs a missing one fails
 * instead of skipping.
 */
export const inCi = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";
