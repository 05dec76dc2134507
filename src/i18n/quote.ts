import { INVISIBLE_CHARS } from '../core/vocabulary.js';

/**
 * A value as a message quotes it: in backticks, with what would print as nothing or break the
 * message's line made visible. A header that reads `unit` but is `\u200Bunit` (a zero-width space
 * pasted with it) shows as such, instead of an error about `unit` that makes no sense; a line
 * break in a cell stays on the message's one line as `\n`.
 */
const HIDDEN = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u2028\\u2029${INVISIBLE_CHARS}]`, 'g');
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function visible(text: string): string {
  return text.replace(HIDDEN, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

export const code = (v: unknown): string => `\`${visible(String(v))}\``;
