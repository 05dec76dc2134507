/**
 * How `score --format json` lays a result out, which a comparison reads back line by line: the head
 * and `"units":[` on the first line, a unit a line, then the summary on the last. Kept apart from
 * the result's schema, so that writing JSON does not load zod's schemas.
 */
export const JSON_UNITS_OPEN = ',"units":[';
export const JSON_SUMMARY_OPEN = '],"summary":';
