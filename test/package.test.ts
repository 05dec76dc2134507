import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The published package works outside the repository: `npm pack`, install the tarball into an
 * empty project, and score an example with a bundled rubric from there.
 */
describe('the packed tarball', () => {
  it('holds only bin, dist, rubrics, schema, README and LICENSE, installs, and scores from a clean folder', () => {
    const work = mkdtempSync(join(tmpdir(), 'monev-pack-'));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const packed = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { encoding: 'utf8' }));
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    expect(new Set(files.map((f) => f.split('/')[0]))).toEqual(new Set(['bin', 'dist', 'rubrics', 'schema', 'README.md', 'LICENSE', 'package.json']));
    expect(files).toContain('rubrics/skm-permenpanrb-14-2017.yaml');
    expect(files).toContain('schema/rubric.schema.json');

    const project = join(work, 'project');
    mkdirSync(join(project, 'data'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{"name":"pemda-monev","version":"1.0.0","private":true}\n');
    const install = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed[0].filename)], { cwd: project, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    copyFileSync('examples/skm/contoh-permenpanrb-14-2017.csv', join(project, 'data', 'contoh.csv'));

    const npx = (args: string[]) => spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--no-install', 'monev', ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    expect(npx(['--version']).stdout).toBe(`${version}\n`);
    const score = npx(['score', 'data/contoh.csv', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'csv']);
    expect(score.status, score.stderr).toBe(0);
    expect(score.stdout.split('\n')[1]).toBe('contoh,,91.48,a,,8,91.48');
    // Scored with the parse thread (dist/parse-worker.cjs, asked for with --threads 2), a round gives what one thread gives.
    const many = join(project, 'banyak');
    mkdirSync(many);
    const sample = readFileSync('examples/skm/contoh-permenpanrb-14-2017.csv', 'utf8');
    for (let i = 0; i < 70; i++) writeFileSync(join(many, `unit-${i}.csv`), sample);
    const threaded = npx(['score', 'banyak', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'csv', '--threads', '2']);
    expect(threaded.status, threaded.stderr).toBe(0);
    expect(threaded.stdout.split('\n')).toHaveLength(72);
    expect(threaded.stdout).toBe(npx(['score', 'banyak', '--rubric', 'skm-permenpanrb-14-2017', '--format', 'csv', '--threads', '1']).stdout);
    expect(npx(['rubrics']).stdout).toContain('ombudsman-ppp-2023');
    expect(existsSync(join(project, 'node_modules', 'monev', 'rubrics', 'ombudsman-ppp-2023.yaml'))).toBe(true);
  }, 180_000);
});
