/**
 * Round half away from zero to `digits` decimals, as spreadsheets do.
 * toPrecision(15) first removes binary noise, so 78.125 (stored as 78.12499999…) rounds to 78.13.
 */
export function roundHalfAway(value: number, digits = 2): number {
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return value < 0 ? -rounded : rounded;
}
