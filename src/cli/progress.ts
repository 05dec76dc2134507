/**
 * A progress line on stderr for long runs on a terminal: never in pipes or CI logs, never with
 * --quiet, and only once a run has taken about a second.
 */
export function progressReporter(enabled: boolean) {
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update({ files, totalFiles, units }: { files: number; totalFiles: number; units: number }): void {
      if (!enabled) return;
      const now = Date.now();
      if (now - started < 1000 || now - last < 200) return;
      last = now;
      shown = true;
      const rate = Math.round(units / ((now - started) / 1000));
      process.stderr.write(`\r\u001b[2Kmonev: ${files}/${totalFiles} files, ${units} units, ${rate} units/s`);
    },
    done(): void {
      if (shown) process.stderr.write('\r\u001b[2K');
    },
  };
}
