import type { Locale } from '../i18n/locale.js';

/** How far a round has come: inputs read, units scored, and the share of the round read (0 to 1; a streamed file counts by its bytes read). */
export interface RoundProgress {
  files: number;
  totalFiles: number;
  units: number;
  share: number;
}

/**
 * A progress line on stderr for long runs on a terminal: never in pipes or CI logs, never with
 * --quiet, and only once a run has taken about a second. In the run's language, counts grouped
 * by thousands as it writes them (12,345 units; 12.345 unit). How much is done, and the time
 * left at the pace so far, come from the share of the round read: its files, and within a large
 * file its bytes.
 */
export function progressReporter(enabled: boolean, locale: Locale) {
  const started = Date.now();
  let last = 0;
  let shown = false;
  const count = (n: number) => groupThousands(n, locale.lang === 'id' ? '.' : ',');
  return {
    update({ files, totalFiles, units, share }: RoundProgress): void {
      if (!enabled) return;
      const now = Date.now();
      if (now - started < 1000 || now - last < 200) return;
      last = now;
      shown = true;
      const seconds = (now - started) / 1000;
      const rate = Math.round(units / seconds);
      const line = locale.t('progress', {
        percent: share > 0 ? Math.floor(share * 100) : undefined,
        severalFiles: totalFiles > 1,
        files: count(files),
        totalFiles: count(totalFiles),
        unitCount: units,
        units: count(units),
        rate: count(rate),
        secondsLeft: secondsLeft(seconds, share),
      });
      process.stderr.write(`\r\u001b[2Kmonev: ${line}`);
    },
    done(): void {
      if (shown) process.stderr.write('\r\u001b[2K');
    },
  };
}

/** The time left at the pace so far, in whole seconds; none before 1% is done (too little to go by) or once all is read. */
export function secondsLeft(seconds: number, share: number): number | undefined {
  return share >= 0.01 && share < 1 ? Math.ceil((seconds * (1 - share)) / share) : undefined;
}

/** The progress line of a command's round: on when stderr is a terminal and the run is not --quiet. */
export function progressOnTerminal(quiet: boolean | undefined, locale: Locale) {
  return progressReporter(Boolean(process.stderr.isTTY) && !quiet, locale);
}

/** A whole number with its thousands grouped: 1234567 -> 1,234,567. */
export function groupThousands(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, separator);
}
