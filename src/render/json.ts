import type { ScoreReport } from '../core/report.js';
import type { UnitResult } from '../core/score.js';
import type { StreamRenderer } from './types.js';

/**
 * A unit as JSON: the bytes of JSON.stringify(unit), assembled by hand so that the parts units
 * share are written once. A criterion's result and gap are shared (frozen) objects when units
 * answered alike, so their text is kept per object; a national round then formats a few thousand
 * criterion results instead of millions. Figures are written as computed (full double precision),
 * so that a consumer can re-add them exactly; `score` and the summary's means are the rounded ones.
 */
export function unitJson(u: UnitResult): string {
  let json = `{"unit":${JSON.stringify(u.unit)},"source":${JSON.stringify(u.source)}`;
  if (u.date !== undefined) json += `,"date":${JSON.stringify(u.date)}`;
  if (u.assessor !== undefined) json += `,"assessor":${JSON.stringify(u.assessor)}`;
  if (u.respondents !== undefined) json += `,"respondents":${JSON.stringify(u.respondents)}`;
  json += `,"score":${JSON.stringify(u.score)},"scoreExact":${JSON.stringify(u.scoreExact)}`;
  json += `,"zone":${shared(u.zone)},"zoneByScore":${shared(u.zoneByScore)},"cappedBy":${JSON.stringify(u.cappedBy)}`;
  json += `,"groups":${JSON.stringify(u.groups)},"criteria":${sharedList(u.criteria)},"gaps":${sharedList(u.gaps)}`;
  return `${json},"nextZone":${JSON.stringify(u.nextZone)}}`;
}

const texts = new WeakMap<object, string>();

/** JSON text of a value, kept per object when the object is shared (frozen), so never changes. */
function shared(value: object): string {
  if (!Object.isFrozen(value)) return JSON.stringify(value);
  let text = texts.get(value);
  if (text === undefined) texts.set(value, (text = JSON.stringify(value)));
  return text;
}

function sharedList(values: readonly object[]): string {
  let json = '[';
  for (let i = 0; i < values.length; i++) json += i ? `,${shared(values[i]!)}` : shared(values[i]!);
  return `${json}]`;
}

export function summaryJson(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * The report as one JSON document with one unit per line: compact (pretty-printing cost more than
 * scoring), yet a diff of two results still shows which units changed. Written unit by unit.
 */
export const jsonStream: StreamRenderer = {
  begin: (head) => `${summaryJson(head).slice(0, -1)},"units":[\n`,
  unit: (unit) => unitJson(unit),
  separator: ',\n',
  end: (summary, _head, units) => `${units ? '\n' : ''}],"summary":${summaryJson(summary)}}\n`,
};

/** The same bytes as the stream, for a report held whole. */
export function renderJson(report: ScoreReport): string {
  const { units, summary, ...head } = report;
  return jsonStream.begin(head) + units.map(jsonStream.unit).join(jsonStream.separator) + jsonStream.end(summary, head, units.length);
}
