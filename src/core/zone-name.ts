/**
 * The zone a person means by `name`: its id, or case-blind its id, its label, or a word found in
 * one label only (`C`, `zona kuning`, `kuning`, as people write them). Undefined when none is meant,
 * or when the word is in several labels ("zona").
 */
export function zoneNamed<Z extends { id: string; label: string }>(name: string, zones: readonly Z[]): Z | undefined {
  const wanted = name.trim().toLowerCase();
  const found = zones.find((z) => z.id === name) ?? zones.find((z) => z.id.toLowerCase() === wanted || z.label.toLowerCase() === wanted);
  if (found) return found;
  const byWord = zonesWithWord(name, zones);
  return byWord.length === 1 ? byWord[0] : undefined;
}

/** The zones whose label has `word` as one of its words (case-blind). */
export function zonesWithWord<Z extends { label: string }>(word: string, zones: readonly Z[]): Z[] {
  const wanted = word.trim().toLowerCase();
  return zones.filter((z) => z.label.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(wanted));
}
