// prototype: worker parses (csv-parse stream), posts record batches; main receives (structured clone)
import { Worker } from 'node:worker_threads';
const file = process.argv[2];
const mode = process.argv[3] || 'clone';
const src = `
const { parentPort, workerData } = require('node:worker_threads');
const { createReadStream } = require('node:fs');
const { Parser } = require('${process.cwd()}/node_modules/csv-parse/dist/cjs/index.cjs');
const options = { bom: true, delimiter: ',', relax_column_count: true, skip_empty_lines: true, trim: true };
const parser = new Parser(options);
let batch = [];
const push = parser.push.bind(parser);
parser.push = (r) => { if (r === null) return push(null); batch.push({ record: r, line: parser.info.lines }); if (batch.length >= 512) { parentPort.postMessage(batch); batch = []; } return true; };
parser.on('data', () => {});
parser.on('end', () => { if (batch.length) parentPort.postMessage(batch); parentPort.postMessage(null); });
createReadStream(workerData.file).pipe(parser);
`;
const t0 = performance.now();
const w = new Worker(src, { eval: true, workerData: { file } });
let n = 0, busy = 0;
await new Promise((resolve) => w.on('message', (b) => { const s = performance.now(); if (b === null) return resolve(); n += b.length; for (const r of b) if (r.record.length < 2) n--; busy += performance.now() - s; }));
process.stderr.write(`${n} records, wall ${(performance.now() - t0).toFixed(0)} ms, main busy ${busy.toFixed(0)} ms, eLU ${JSON.stringify(performance.eventLoopUtilization())}\n`);
await w.terminate();
