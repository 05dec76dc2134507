/**
 * The zone a person means by `name`: its id, or case-blind its id, its label, or a word found in
 * one label only (`C`, `zona kuning`, `kuning`, as people write them). Undefined when none is meant,
 * or when the word is in several labels ("zona").
 */
export function zoneNamed<Z extends { id: string; label: string }>(name: string, zones: readonly Z[]): Z | undefined {
  const wanted = name.trim().toLowerCase();
  const found = zones.find((z) => z.id === name) ?? zones.find((z) => z.id.toLowerCase() === wanted || z.label.toLowerCase() === wanted);
  if (found) return found;
  const byWord = zones.filter((z) => z.label.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(wanted));
  return byWord.length === 1 ? byWord[0] : undefined;
}
