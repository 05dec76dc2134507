// Deterministic benchmark inputs (seeded), shaped like the bundled rubrics: 60 criteria in four
// weighted groups, mixing yes/no, level choices, percentages and 1..4 scales.
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';

export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS = [
  ['input', 21.85],
  ['proses', 32.37],
  ['output', 24.24],
  ['pengaduan', 21.54],
];
export const CRITERIA = Array.from({ length: 60 }, (_, i) => ({ id: `k${String(i + 1).padStart(2, '0')}`, kind: ['boolean', 'choice', 'percent', 'scale'][i % 4], group: GROUPS[i % 4][0] }));

export function rubricYaml() {
  const lines = ['id: bench-60', 'title: Rubrik uji kinerja (60 kriteria)', 'version: "1"', 'zones:', '  - { id: a, label: A, min: 88, color: green }', '  - { id: b, label: B, min: 78, color: green }', '  - { id: c, label: C, min: 54, color: yellow }', '  - { id: d, label: D, min: 32, color: red }', '  - { id: e, label: E, min: 0, color: red }', 'groups:'];
  for (const [group, weight] of GROUPS) {
    lines.push(`  - id: ${group}`, `    title: Dimensi ${group}`, `    weight: ${weight}`, '    criteria:');
    for (const c of CRITERIA.filter((c) => c.group === group)) {
      lines.push(`      - id: ${c.id}`, `        title: Kriteria ${c.id}`, `        guidance: Periksa ${c.id}.`);
      if (c.kind === 'choice') lines.push('        type: choice', '        options: [{ value: lengkap, score: 1 }, { value: sebagian, score: 0.5 }, { value: tidak, score: 0 }]');
      if (c.kind === 'percent') lines.push('        type: percent');
      if (c.kind === 'scale') lines.push('        type: scale', '        min: 1', '        max: 4');
    }
  }
  return `${lines.join('\n')}\n`;
}

function answer(kind, r) {
  const x = r();
  if (x < 0.02) return 'na';
  if (kind === 'boolean') return x < 0.7 ? 'ya' : 'tidak';
  if (kind === 'choice') return x < 0.5 ? 'lengkap' : x < 0.8 ? 'sebagian' : 'tidak';
  if (kind === 'percent') return String(Math.floor(r() * 101));
  return String(1 + Math.floor(r() * 4));
}

export function generate(dir, { files, wideUnits, yamlFiles, seed = 2023 }) {
  const r = rng(seed);
  mkdirSync(join(dir, 'long'), { recursive: true });
  mkdirSync(join(dir, 'yaml'), { recursive: true });
  writeFileSync(join(dir, 'rubric.yaml'), rubricYaml());
  for (let f = 0; f < files; f++) {
    let text = 'criterion,value,note\n';
    for (const c of CRITERIA) text += `${c.id},${answer(c.kind, r)},\n`;
    writeFileSync(join(dir, 'long', `unit-${String(f).padStart(6, '0')}.csv`), text);
  }
  for (const units of wideUnits) {
    const out = createWriteStream(join(dir, `wide-${units}.csv`));
    let chunk = `unit,name,region,${CRITERIA.map((c) => c.id).join(',')}\n`;
    for (let u = 0; u < units; u++) {
      chunk += `u${u},Unit ${u},Kabupaten ${u % 500},${CRITERIA.map((c) => answer(c.kind, r)).join(',')}\n`;
      if (chunk.length > 1 << 20) {
        out.write(chunk);
        chunk = '';
      }
    }
    out.end(chunk);
  }
  for (let f = 0; f < yamlFiles; f++) {
    const lines = [`unit: { id: y${f}, name: Unit ${f} }`, 'answers:'];
    for (const c of CRITERIA) lines.push(`  ${c.id}: ${JSON.stringify(answer(c.kind, r))}`);
    writeFileSync(join(dir, 'yaml', `unit-${String(f).padStart(5, '0')}.yaml`), `${lines.join('\n')}\n`);
  }
  return new Promise((resolve) => setTimeout(resolve, 100));
}
