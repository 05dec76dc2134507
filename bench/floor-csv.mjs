// The floor: parse the same CSV files with csv-parse alone, the way monev reads them (whole
// files up to 1 MiB with csv-parse/sync, larger ones streamed; the same options), and discard
// the records. No scoring, no output.
import { closeSync, createReadStream, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

const STREAM_ABOVE = 1 << 20;
// monev's options (src/io/csv-sheets.ts). monev no longer asks csv-parse for `info: true` (it counts
// lines itself, see src/io/csv-records.ts), so neither does the floor: that work is monev's now.
const options = { bom: true, delimiter: ',', relax_column_count: true, skip_empty_lines: true, trim: true };

function files(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((f) => files(join(path, f)));
}

let records = 0;
for (const file of process.argv.slice(2).flatMap(files)) {
  const fd = openSync(file, 'r');
  if (fstatSync(fd).size <= STREAM_ABOVE) {
    records += parseSync(readFileSync(fd, 'utf8'), options).length;
    closeSync(fd);
    continue;
  }
  closeSync(fd);
  for await (const _ of createReadStream(file).pipe(parse(options))) records++;
}
process.stderr.write(`${records} records\n`);
