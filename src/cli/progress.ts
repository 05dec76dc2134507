import type { Locale } from '../i18n/locale.js';

/**
 * A progress line on stderr for long runs on a terminal: never in pipes or CI logs, never with
 * --quiet, and only once a run has taken about a second. In the run's language, counts grouped
 * by thousands as it writes them (12,345 units; 12.345 unit).
 */
export function progressReporter(enabled: boolean, locale: Locale) {
  const started = Date.now();
  let last = 0;
  let shown = false;
  const count = (n: number) => groupThousands(n, locale.lang === 'id' ? '.' : ',');
  return {
    update({ files, totalFiles, units }: { files: number; totalFiles: number; units: number }): void {
      if (!enabled) return;
      const now = Date.now();
      if (now - started < 1000 || now - last < 200) return;
      last = now;
      shown = true;
      const rate = Math.round(units / ((now - started) / 1000));
      const line = locale.t('progress', { severalFiles: totalFiles > 1, files: count(files), totalFiles: count(totalFiles), unitCount: units, units: count(units), rate: count(rate) });
      process.stderr.write(`\r\u001b[2Kmonev: ${line}`);
    },
    done(): void {
      if (shown) process.stderr.write('\r\u001b[2K');
    },
  };
}

/** The progress line of a command's round: on when stderr is a terminal and the run is not --quiet. */
export function progressOnTerminal(quiet: boolean | undefined, locale: Locale) {
  return progressReporter(Boolean(process.stderr.isTTY) && !quiet, locale);
}

/** A whole number with its thousands grouped: 1234567 -> 1,234,567. */
export function groupThousands(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, separator);
}
