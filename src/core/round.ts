/**
 * Round half away from zero to `digits` decimals, as spreadsheets do.
 * Near a half, toPrecision(15) first removes binary noise, so 78.125 (stored as 78.12499999…)
 * rounds to 78.13; elsewhere Math.round alone gives the same answer, faster.
 */
export function roundHalfAway(value: number, digits = 2): number {
  const factor = 10 ** digits;
  let scaled = Math.abs(value) * factor;
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) scaled = Number(scaled.toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return value < 0 ? -rounded : rounded;
}

/** The mean of rounded scores, rounded again as they were (rule 11); null when there are none. */
export function meanScore(scores: ArrayLike<number>): number | null {
  if (scores.length === 0) return null;
  let total = 0;
  for (let i = 0; i < scores.length; i++) total += scores[i]!;
  return roundHalfAway(total / scores.length);
}
