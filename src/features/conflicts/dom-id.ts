/** A DOM id for a conflict's card heading: readable, and unique even when two ids differ only in punctuation. */
export function conflictDomId(conflictId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < conflictId.length; i += 1) hash = Math.imul(hash ^ conflictId.charCodeAt(i), 0x01000193);
  return `conflict-${conflictId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)}-${(hash >>> 0).toString(36)}`;
}
