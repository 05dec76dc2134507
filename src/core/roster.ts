import type { Position, UnitInfo } from './assessment.js';
import { groupBy } from './group-by.js';
import { problem, type Problem } from './problem.js';
import { suggester } from './suggest.js';
import { unitIdFromName, type ListedUnit } from './units-list.js';
import { normalizeWord } from './vocabulary.js';

/**
 * The office's list of the units a round should cover (`--units`, the list `template --units`
 * prefills forms from), checked against the round's sheets. Without it a form that never came
 * back is invisible (the round has one unit less), and a unit id mistyped on a form shows up as a
 * unit of its own while the real one goes missing.
 */
export interface Roster {
  /**
   * The unit a sheet assesses, as the round reports it. A sheet may name a listed unit by its id,
   * by its name (an online form's drop-down exports the name) or by the id the list would make
   * from that name; the list's name, type and region fill what the sheet left out (the sheet's
   * own are kept). A unit that is not on the list is a warning, once, with the id it most likely
   * meant.
   */
  check(unit: UnitInfo, where: Position): { unit: UnitInfo; problem?: Problem };
  /** The listed units no sheet assessed, in the list's order. */
  notAssessed(): UnitInfo[];
  /** The population the list gives a unit (by its listed id), for a survey's least sample. */
  population(id: string): number | undefined;
}

/** A list's numbering before a name: `1.`, `2)`, `02 -`, `3.1.`. */
const NUMBERING = /^\d+(?:\.\d+)*\s*(?:[.)]|-|–)\s*/;
/** The text without its numbering, or undefined when it has none (or is nothing else). */
function unnumbered(text: string): string | undefined {
  const name = text.trim().replace(NUMBERING, '');
  return name !== text.trim() && name !== '' ? name : undefined;
}

/** A code, a dash, a name: `dinkes - Dinas Kesehatan`. */
const CODED = /^(\S+)\s+[-–]\s+(.+)$/;

export function rosterOf(listed: readonly ListedUnit[]): Roster {
  const byId = new Map(listed.map((u) => [u.id, u]));
  // A province's list names a Dinas Kesehatan in every Kabupaten: a name names a unit only when it
  // is the name of one.
  const named = groupBy(listed, (u) => (u.name ? normalizeWord(u.name) : undefined));
  const byName = (name: string) => {
    const units = named.get(normalizeWord(name));
    return units?.length === 1 ? units[0] : undefined;
  };
  // A form's drop-down often numbers its units ("1. Dinas Kesehatan", "02 - Dinas Sosial") or
  // gives the code beside the name ("dinkes - Dinas Kesehatan"): the same unit, said so.
  const byListing = (text: string) => {
    const name = unnumbered(text);
    if (name !== undefined) return byName(name);
    const coded = CODED.exec(text.trim());
    const unit = coded ? byId.get(coded[1]!) : undefined;
    return unit?.name !== undefined && normalizeWord(unit.name) === normalizeWord(coded![2]!) ? unit : undefined;
  };
  const assessed = new Set<string>();
  const reported = new Set<string>();
  let suggestId: ((id: string) => string | undefined) | undefined;
  // A form's drop-down, or a name typed in, is a name: it may be close to a listed unit's name
  // (`Dinas Kesehatn`, `Puskesmas Stabat`) rather than to any id. Names of one unit only.
  let suggestName: ((name: string) => string | undefined) | undefined;
  const byNameClose = (name: string) => {
    suggestName ??= suggester(listed.filter((u) => u.name !== undefined && byName(u.name) === u).map((u) => u.name!));
    const found = suggestName(name);
    return found === undefined ? undefined : byName(found);
  };
  return {
    check(unit, where) {
      const entry = byId.get(unit.id) ?? byName(unit.id) ?? byId.get(unitIdFromName(unit.id)) ?? byListing(unit.id);
      if (!entry) {
        if (reported.has(unit.id)) return { unit };
        reported.add(unit.id);
        const sharing = named.get(normalizeWord(unnumbered(unit.id) ?? unit.id)) ?? (unit.name ? named.get(normalizeWord(unit.name)) : undefined);
        if (sharing && sharing.length > 1) return { unit, problem: problem('units/ambiguous-name', { unit: unit.id, units: sharing.map((u) => u.id) }, { ...where, severity: 'warning' }) };
        const meant = (unit.name && byName(unit.name)?.id) || (suggestId ??= suggester([...byId.keys()]))(unit.id);
        // Only what reads as a name (a space, a capital) is compared with names: ids are slugs.
        const close = meant === undefined && /[\s\p{Lu}]/u.test(unit.id) ? byNameClose(unit.id) : undefined;
        const params = close ? { unit: unit.id, suggestion: close.id, name: close.name } : { unit: unit.id, suggestion: meant };
        return { unit, problem: problem('units/not-listed', params, { ...where, severity: 'warning' }) };
      }
      assessed.add(entry.id);
      if (entry.id === unit.id && (unit.name || !entry.name) && (unit.type || !entry.type) && (unit.region || !entry.region)) return { unit };
      return { unit: { id: entry.id, name: unit.name ?? entry.name, type: unit.type ?? entry.type, region: unit.region ?? entry.region } };
    },
    notAssessed: () => listed.filter((u) => !assessed.has(u.id)),
    population: (id) => byId.get(id)?.population,
  };
}
