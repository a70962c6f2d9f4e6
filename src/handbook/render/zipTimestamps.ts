const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Set every entry's modification time in a ZIP archive to one date (in place, on a copy). exceljs packs
 * the XLSX with JSZip, which stamps each entry with the current time; CRCs cover the data only, so
 * rewriting the DOS date/time fields of the local and central headers leaves a valid archive and makes
 * the bytes a function of the content. Archives that are not plain (ZIP64, or a comment hiding the end
 * record) are returned unchanged; the determinism test would then fail loudly.
 *
 * @param zip - the archive bytes
 * @param date - the date to stamp (its UTC calendar day, at 00:00:00)
 * @returns a new buffer with the timestamps replaced
 * @example
 * const fixed = setZipTimestamps(await workbook.xlsx.writeBuffer(), new Date('2026-11-01T00:00:00Z'));
 */
export function setZipTimestamps(zip: Uint8Array, date: Date): Buffer {
  const buf = Buffer.from(zip);
  const eocd = buf.length - 22;
  if (eocd < 0 || buf.readUInt32LE(eocd) !== EOCD) return buf;
  const dosTime = 0;
  const dosDate = ((Math.max(1980, date.getUTCFullYear()) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return Buffer.from(zip);
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return Buffer.from(zip);
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}
