import { roundHalfAway } from '../core/round.js';

/** Scores always show two decimals, as the Ombudsman and SKM publish them. */
export const fixed2 = (n: number) => roundHalfAway(n).toFixed(2);

