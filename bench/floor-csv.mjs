// The floor: parse the same CSV files with csv-parse alone, the way monev reads them
// (stream API, same options), and discard the records. No scoring, no output.
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';

function files(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((f) => files(join(path, f)));
}

let records = 0;
for (const file of process.argv.slice(2).flatMap(files)) {
  const parser = createReadStream(file).pipe(parse({ bom: true, delimiter: ',', info: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  for await (const _ of parser) records++;
}
process.stderr.write(`${records} records\n`);
