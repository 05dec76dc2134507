/**
 * The least number of respondents for a survey of a population, by Krejcie and Morgan (1970), the
 * table PermenPANRB 14/2017 points SKM units to: s = X²NP(1-P) / (d²(N-1) + X²P(1-P)), with
 * X² = 3.841 (one degree of freedom, 95% confidence), P = 0.5 and d = 0.05, rounded to the nearest
 * whole respondent as the published table is (N 100: 80; 500: 217; 1,000: 278; 10,000: 370; it
 * never passes 384).
 */
export function krejcieMorgan(population: number): number {
  const chi = 3.841;
  const spread = 0.25; // P(1 - P) at P = 0.5
  return Math.round((chi * population * spread) / (0.05 ** 2 * (population - 1) + chi * spread));
}

/** A survey unit's population (from the units list) and the respondents that population needs. */
export interface UnitSample {
  population: number;
  needed: number;
}
