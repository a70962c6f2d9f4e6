/** 32-bit FNV-1a hash of a string's UTF-16 code units, as 7 base-36 digits (stable across platforms). */
export function fnv1a36(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units, as a signed 32-bit integer (fits an Int32Array). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
