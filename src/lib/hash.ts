/**
 * A short, stable fingerprint of a text (FNV-1a, 32 bits, as 8 hex digits). Ids and versions
 * derived from content use it, so they change exactly when what they are derived from changes.
 * Not for security.
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
