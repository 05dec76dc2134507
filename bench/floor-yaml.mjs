// The floor of case C: parse the same YAML files with yaml alone, the way monev reads them (the
// same options, a line counter, every `---` document turned into plain values), and discard the
// values. No schema check, no scoring, no output. yaml runs here as installed, which looks up two
// debugging switches in process.env for every token; monev's bundle reads them as off (see the
// README's Development section), so this floor carries about 14% of parsing that monev does not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';

const options = { prettyErrors: false, uniqueKeys: true };

function files(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((f) => files(join(path, f)));
}

let documents = 0;
for (const file of process.argv.slice(2).flatMap(files)) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { lineCounter: new LineCounter(), ...options })) {
    doc.toJS();
    documents++;
  }
}
process.stderr.write(`${documents} documents\n`);
