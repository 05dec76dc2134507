import { roundHalfAway } from '../core/round.js';

/** Scores always show two decimals, as the Ombudsman and SKM publish them. */
export const fixed2 = (n: number) => roundHalfAway(n).toFixed(2);

/** Drops float noise from figures in JSON (0.30000000000000004 -> 0.3) without hiding real precision. */
export const tidy = (n: number) => roundHalfAway(n, 6);
