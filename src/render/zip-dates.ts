/**
 * Zip entry dates independent of the clock and of the time zone: both the docx library (JSZip, UTC
 * fields) and fflate (local time fields) would otherwise put the machine's own view of the time
 * into every entry, so the same pack made in Amsterdam and in a UTC container would differ.
 */

/** MS-DOS date and time fields of a zip entry, from the UTC fields so time zones don't matter. */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

/**
 * Sets the modification date of every entry of a zip file in place. The dates sit outside the
 * checksummed data, so rewriting them is safe; it makes the bytes independent of the clock.
 * Leaves the file untouched if it does not look like the plain zip that docx writes.
 */
export function setZipDates(zip: Uint8Array, when: Date): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return;
  const { time, date } = dosDateTime(when);
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > zip.length || view.getUint32(offset, true) !== CENTRAL_ENTRY) return;
    view.setUint16(offset + 12, time, true);
    view.setUint16(offset + 14, date, true);
    const local = view.getUint32(offset + 42, true);
    if (local + 30 <= zip.length && view.getUint32(local, true) === LOCAL_ENTRY) {
      view.setUint16(local + 10, time, true);
      view.setUint16(local + 12, date, true);
    }
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
}
