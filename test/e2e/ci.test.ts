import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { monev } from './run-cli.js';

describe('monev test: rubric tests pin the published figures', () => {
  it('every bundled rubric passes its tests', () => {
    const run = monev(['test', 'rubrics/']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\n30 cases: 30 passed, 0 failed\n$/);
    expect(run.stdout).toContain('✓ Contoh perhitungan: 29 responden');
  });

  it('fails loudly, expected versus got, when a published weight is edited', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-test-'));
    cpSync('rubrics/ombudsman-ppp-2023.test.yaml', join(dir, 'ombudsman-ppp-2023.test.yaml'));
    writeFileSync(join(dir, 'ombudsman-ppp-2023.yaml'), readFileSync('rubrics/ombudsman-ppp-2023.yaml', 'utf8').replace('weight: 21.85', 'weight: 22.85'));
    const run = monev(['test', join(dir, 'ombudsman-ppp-2023.yaml')]);
    expect(run.code).toBe(1);
    // Input now weighs 22.85 out of 101: losing it leaves 78.16/101 x 100 = 77.38, grade C.
    expect(run.stdout).toContain('✗ Dimensi Input tidak terpenuhi -> 100 - 21,85 = 78,15, B');
    expect(run.stdout).toContain('    score: expected 78.15, got 77.38\n    zone: expected b, got c');
    expect(run.stdout).toMatch(/cases: \d+ passed, [1-9]\d* failed\n$/);
    const github = monev(['test', join(dir, 'ombudsman-ppp-2023.test.yaml'), '--format', 'github']);
    expect(github.stdout).toMatch(/^::error file=.*ombudsman-ppp-2023\.test\.yaml,line=\d+,title=Dimensi Input tidak terpenuhi/m);
    const junit = monev(['test', dir, '--format', 'junit']);
    expect(junit.stdout).toMatch(/<testsuites name="monev test" tests="10" failures="[1-9]\d*">/);
    expect(junit.stdout).toContain('<failure message="score, zone">');
  });

  it('a bad test file or a path without tests is an input error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-test-'));
    writeFileSync(join(dir, 'x.test.yaml'), 'cases:\n  - name: a\n    expct: {}\n');
    const run = monev(['test', join(dir, 'x.test.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('x.test.yaml:3:5: error: unknown key `expct` (did you mean `expect`?)');
    expect(monev(['test', 'examples/rubric-pra-evaluasi.yaml']).code).toBe(2);
  });

  it("a zone or a criterion the rubric lacks, in what a case expects, is the test file's mistake, at its place", () => {
    const dir = mkdtempSync(join(tmpdir(), 'monev-test-'));
    cpSync('examples/rubric-pra-evaluasi.yaml', join(dir, 'rubrik.yaml'));
    // `hijau` is a word of the zone's label (Zona Hijau), not its id; `toilte` a typo.
    const cases = 'cases:\n  - name: semua\n    fill: { "*": ya }\n    expect: { score: 1, zone: hijau, gaps: [toilte], cap: [] }\n';
    writeFileSync(join(dir, 'rubrik.test.yaml'), cases);
    const expected = [
      `${join(dir, 'rubrik.test.yaml')}:4:31: error: expected zone \`hijau\` is none of the rubric's zone ids (did you mean \`green\`?); zones are \`red\` (Zona Merah), \`yellow\` (Zona Kuning), \`green\` (Zona Hijau) [test/unknown-zone]`,
      `${join(dir, 'rubrik.test.yaml')}:4:45: error: \`toilte\` is no criterion of the rubric (did you mean \`toilet\`?) [test/unknown-criterion]`,
    ];
    expect(monev(['test', dir])).toEqual({ code: 2, stdout: '', stderr: `${expected.join('\n')}\n2 errors\n` });
    // validate finds them too, beside the rubric itself (clean).
    const checked = monev(['validate', dir]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toBe(`${expected.join('\n')}\n2 files checked: 2 errors, 0 warnings\n`);
  });
});

describe('monev validate for CI', () => {
  const warnings = 'test/fixtures/warnings/rubric-warnings.yaml';

  it('reports semantic warnings beside errors, and --max-warnings gates them', () => {
    const run = monev(['validate', warnings]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').map((l) => l.replace(/^.*\[(.*)\]$/, '$1'))).toEqual([
      'rubric/unreachable-zone',
      'rubric/cap-top-zone',
      'rubric/tiny-weight',
      'rubric/no-guidance',
      '1 file checked: 0 errors, 4 warnings',
      '',
    ]);
    expect(monev(['validate', warnings, '--max-warnings', '4']).code).toBe(0);
    expect(monev(['validate', warnings, '--max-warnings', '3'])).toMatchObject({ code: 1, stderr: '4 warnings, more than --max-warnings 3\n' });
  });

  it('json has a documented shape; junit is one test case per file', () => {
    const json = JSON.parse(monev(['validate', warnings, 'test/fixtures/rubrics/semantic-errors.yaml', '--format', 'json']).stdout);
    expect(json).toMatchObject({ valid: false, errors: 7, warnings: 4 });
    expect(json.files[0].problems[0]).toEqual({
      code: 'rubric/unreachable-zone',
      severity: 'warning',
      file: warnings,
      line: 6,
      column: 44,
      message: 'zone `yellow` (from 80.995) ends at 81: no score rounded to 2 decimals falls in it',
      params: { zone: 'yellow', min: 80.995, next: 81 },
    });
    const junit = monev(['validate', warnings, 'test/fixtures/rubrics/semantic-errors.yaml', '--format', 'junit']).stdout;
    expect(junit).toContain('<testsuites name="monev validate" tests="2" failures="1">');
    expect(junit).toContain('<failure message="7 errors">');
  });

  it('checks rubric test files named or found beside the rubrics: shape and rubric, without running the cases', () => {
    expect(monev(['validate', 'rubrics/'])).toMatchObject({ code: 0, stdout: '8 files checked: 0 errors, 0 warnings\n' });
    const dir = mkdtempSync(join(tmpdir(), 'monev-validate-'));
    cpSync('examples/rubric-pra-evaluasi.yaml', join(dir, 'pra.yaml'));
    // A case whose expected score is wrong: validate does not run it (monev test does).
    writeFileSync(join(dir, 'pra.test.yaml'), 'cases:\n  - name: a\n    answers: {}\n    expect: { score: 12.5, zone: red }\n');
    writeFileSync(join(dir, 'typo.test.yaml'), 'rubric: pra.yaml\ncases:\n  - name: a\n    expct: {}\n');
    writeFileSync(join(dir, 'lost.test.yaml'), 'rubric: ../hilang.yaml\ncases:\n  - name: a\n    expect: { score: 0, zone: red }\n');
    const run = monev(['validate', dir]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').map((l) => l.replace(dir, 'DIR'));
    expect(lines).toContain('DIR/typo.test.yaml:4:5: error: unknown key `expct` (did you mean `expect`?) (at cases.0.expct) [test/unknown-key]');
    expect(lines.find((l) => l.startsWith('DIR/typo.test.yaml:3:5: error: missing required key `expect`'))).toBeDefined();
    expect(lines).toContain(`DIR/lost.test.yaml:1:9: error: the rubric these tests are for, \`${join(dir, '..', 'hilang.yaml')}\`, was not found (set \`rubric:\` to its path, relative to this file) [test/rubric-not-found]`);
    expect(lines.at(-2)).toBe('4 files checked: 3 errors, 0 warnings');
    expect(monev(['test', join(dir, 'pra.test.yaml')]).code).toBe(1);
  });

  it('the bundled rubrics and examples are valid with no warning (as .ci/run checks)', () => {
    expect(monev(['validate', 'rubrics/', 'examples/rubric-pra-evaluasi.yaml', '--max-warnings', '0']).code).toBe(0);
    for (const [round, rubric] of [
      ['examples/langkat-2023/r1', 'ombudsman-ppp-2023'],
      ['examples/langkat-2023/r2', 'ombudsman-ppp-2023'],
      ['examples/asahan-2023', 'standar-pelayanan-uu25'],
      ['examples/skm', 'skm-permenpanrb-14-2017'],
    ] as const) {
      const run = monev(['validate', '--rubric', rubric, `${round}`]);
      expect(run.stdout, round).not.toContain('error:');
    }
  });
});
