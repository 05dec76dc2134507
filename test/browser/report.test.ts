import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monev } from '../e2e/run-cli.js';

/**
 * Opens the generated report in headless Chromium (Debian's package, driven by playwright-core;
 * never a downloaded browser): the charts render, every unit has its section, nothing is fetched.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = resolve('test-output');
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}; .ci/run installs Debian's chromium package`);

describe.skipIf(!available)('report.html in Chromium', () => {
  type Browser = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launch']>>;
  let browser: Browser;
  const report = join(OUT, 'report-langkat-r1.html');

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const run = monev(['report', 'examples/langkat-2023/r1', '--rubric', 'ombudsman-ppp-2023', '--lang', 'id', '--out', report, '-q']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the charts and a section for every unit without any request leaving the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(report).href;
    await page.goto(url);

    expect(requests).toEqual([url]);
    const charts = page.locator('svg.chart');
    expect(await charts.count()).toBe(3);
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(50);
    }
    // Each chart says what it draws to a screen reader.
    const labels = await charts.evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('aria-label')));
    expect(labels[0]).toBe('Jumlah unit per zona: A - Kualitas Tertinggi 1; B - Kualitas Tinggi 1; C - Kualitas Sedang 2; D - Kualitas Rendah 1; E - Kualitas Terendah 1');
    expect(labels[1]).toMatch(/^Peringkat: 1\. Dinas Kependudukan dan Pencatatan Sipil 95,01; 2\. /);
    expect(labels[2]).toMatch(/^Nilai kelompok per unit; Rata-rata: Dimensi Input \d+,\d\d; /);
    const bars = await page.locator('svg.chart rect.bar').count();
    expect(bars).toBe(5 + 6); // a bar per zone, and one per unit in the ranking
    // The ranking's figures are drawn over its zone lines, edged in white: a line never crosses a figure.
    const ranking = charts.nth(1);
    const drawn = await ranking.evaluate((svg) => [...svg.querySelectorAll('line.threshold, text.value')].map((e) => e.tagName));
    expect(drawn).toEqual([...Array(4).fill('line'), ...Array(6).fill('text')]);
    expect(await ranking.locator('text.value').first().evaluate((e) => [getComputedStyle(e).paintOrder, getComputedStyle(e).stroke])).toEqual(['stroke', 'rgb(255, 255, 255)']);
    // A row per unit and one of the round's means, a cell per top-level group.
    expect(await page.locator('svg.heat rect.cell').count()).toBe((6 + 1) * 4);
    expect(await page.locator('svg.heat text.mean').textContent()).toBe('Rata-rata');
    // Dinas and Puskesmas side by side: units, mean with its grade, units per zone (A to E).
    expect(await page.locator('table.types tbody tr').allTextContents()).toEqual(['dinas469,32 (C)11110', 'puskesmas238,44 (D)00101']);
    // The criteria that are gaps in the most units, with how many: 6 of the 6 for two of them.
    const common = await page.locator('table.common tbody tr').allTextContents();
    expect(common.length).toBe(10);
    expect(common.filter((row) => row.includes('6 dari 6'))).toHaveLength(2);
    const sections = await page.locator('section.unit h2').allTextContents();
    expect(sections).toEqual([
      'Dinas Kesehatan (dinkes)',
      'Dinas Sosial (dinsos)',
      'Dinas Kependudukan dan Pencatatan Sipil (disdukcapil)',
      'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (dpmptsp)',
      'UPTD Puskesmas Karang Rejo (pkm-karang-rejo)',
      'UPTD Puskesmas Tanjungberingin (pkm-tanjungberingin)',
    ]);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await page.locator('header').textContent()).toContain('18 Juli 2023 – 20 Juli 2023');
    await page.screenshot({ path: join(OUT, 'report-langkat-r1.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(OUT, 'report-langkat-r1-phone.png') });
    await context.close();
  });

  it('the second round against the first, and the units not assessed: on a phone the comparison fits without scrolling sideways', async () => {
    const second = join(OUT, 'report-langkat-r2.html');
    const run = monev(['report', 'examples/langkat-2023/r2', '--rubric', 'ombudsman-ppp-2023', '--previous', 'examples/langkat-2023/r1', '--units', 'examples/langkat-2023/daftar-unit.csv', '--out', second, '-q']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(second).href);
    const rows = await page.locator('table.changes tbody tr').allTextContents();
    expect(rows[0]).toBe('Dinas Kesehatan dinkes62.8648.73-14.13▼ C → D');
    expect(rows).toHaveLength(6);
    const fits = await page.locator('table.changes').evaluate((table) => table.scrollWidth <= table.parentElement!.clientWidth);
    expect(fits).toBe(true);
    // The round's path to B lists its criterion ids whole; a table wider than the phone scrolls in its own box, never the page.
    expect(await page.locator('table.round-path tbody tr').count()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator('ul.missing li').allTextContents()).toEqual(['Dinas Pendidikan disdik', 'UPTD Puskesmas Stabat pkm-stabat']);
    await page.locator('h3', { hasText: 'Since the previous round' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'report-langkat-r2-phone.png') });
    await context.close();
  });

  it('keeps every chart label inside its chart, long upper-case names and group titles too', async () => {
    // Names as form tools and Excel sheets often write them; wide letters overflowed a cut by length.
    const names = [
      'DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK KABUPATEN ASAHAN',
      'UPTD PUSKESMAS TANJUNG BALAI ASAHAN KECAMATAN TANJUNGBALAI',
      'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
      'RSUD',
    ];
    const csv = ['unit,name,rubric,persyaratan,prosedur,maklumat,sarana-pengaduan'];
    names.forEach((name, i) => csv.push(`u${i},"${name}",ombudsman-ppp-2023,lengkap,${['tidak', 'sebagian', 'lengkap', 'tidak'][i]},lengkap,sebagian`));
    const input = join(OUT, 'long-names.csv');
    const html = join(OUT, 'report-long-names.html');
    writeFileSync(input, `${csv.join('\n')}\n`);
    expect(monev(['report', input, '--out', html, '-q'])).toMatchObject({ code: 0, stderr: '' });

    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    await page.goto(pathToFileURL(html).href);
    const outside = await page.locator('svg.chart').evaluateAll((charts) =>
      charts.flatMap((chart) => {
        const view = (chart as SVGSVGElement).viewBox.baseVal;
        return [...chart.querySelectorAll('text')].flatMap((text) => {
          const box = text.getBBox();
          const inside = box.x >= view.x - 0.5 && box.x + box.width <= view.x + view.width + 0.5 && box.y >= view.y - 0.5;
          return inside ? [] : [`${text.textContent} (${box.x.toFixed(1)}..${(box.x + box.width).toFixed(1)} of ${view.width})`];
        });
      }),
    );
    expect(outside).toEqual([]);
    const labels = await page.locator('svg.chart text.axis').allTextContents();
    expect(labels).toContain('RSUD');
    expect(labels.some((label) => label.startsWith('DINAS PEMBERDAYAAN') && label.endsWith('…'))).toBe(true);
    await page.screenshot({ path: join(OUT, 'report-long-names.png'), fullPage: true });
    await page.close();
  });

  it('prints on A4 with a page per unit', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(report).href);
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.locator('section.unit').evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
    expect(breaks).toEqual(Array(6).fill('page'));
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
