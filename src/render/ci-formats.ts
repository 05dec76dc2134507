/** Escaping for the formats CI systems read: GitHub workflow commands and JUnit XML. */

/** A workflow command's message: %, CR and LF are escaped, as the Actions runner expects. */
export const githubMessage = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A workflow command's property value: also ':' and ','. */
export const githubProperty = (s: string) => githubMessage(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
