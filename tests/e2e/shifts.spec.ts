// The Shifts and Volume forecast views under Capacity: the search answers with its gap to the
// proven bound, people per shift, the week's cover and a CSV; a template edit re-runs it; the
// forecast waits for a measured history; axe, contrast and 390 px.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { seriousViolations, lowContrastText, overflow } from './a11y';
import { shareFragment } from './share-link';

const template = readFileSync(new URL('../../templates/b2b-saas.json', import.meta.url), 'utf8');

async function openCapacity(page: Page) {
  await openApp(page);
  await page.getByLabel('Import JSON file').setInputFiles({
    name: 'b2b-saas.json',
    mimeType: 'application/json',
    buffer: Buffer.from(template),
  });
  await expect(page.getByLabel('Product', { exact: true })).toHaveValue('Cloudline Analytics');
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: 'Capacity' }).click();
}

test('the shift search answers with its bound, its shifts and a CSV', async ({ page }) => {
  await openCapacity(page);
  const verdict = page.locator('#shifts-verdict');
  // "N people; no plan can do it with fewer than M." or "N people: no plan can do it with fewer."
  await expect(verdict).toHaveText(/^\d+ people(: no plan can do it with fewer\.|; no plan can do it with fewer than \d+)/);
  const people = Number(((await verdict.textContent()) ?? '').split(' ')[0]);
  // The people per shift add up to the answer.
  const cells = await page.locator('#shifts-table tbody tr td:nth-child(5)').allTextContents();
  expect(cells.map(Number).reduce((a, b) => a + b, 0)).toBe(people);
  await expect(page.locator('#shifts-week')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.locator('#shifts-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('shift-plan.csv');
  const csv = readFileSync((await file.path()) ?? '', 'utf8');
  expect(csv.split('\n')[0]).toContain('team,shift,start,end,days');
});

test('a shift added re-runs the search; the forecast asks for a history first', async ({ page }) => {
  await openCapacity(page);
  await expect(page.locator('#forecast')).toContainText('Read a ticket export on the Today, measured page');
  await page.getByRole('button', { name: /Add shift/ }).click();
  await page.getByLabel('shift 1 shift', { exact: true }).fill('Only days');
  await expect(page.locator('#shifts-table')).toContainText('Only days');
});

test('a shift runs only on the days ticked for it; the last day cannot be cleared', async ({ page }) => {
  await openCapacity(page);
  await page.getByRole('button', { name: /Add shift/ }).click();
  await page.getByLabel('shift 1 shift', { exact: true }).fill('Weekdays');
  const days = page.getByRole('group', { name: /shift 1 Runs on/i });
  // A new shift runs every day.
  for (const day of ['Mon', 'Sat', 'Sun']) await expect(days.getByRole('checkbox', { name: day })).toBeChecked();
  await days.getByRole('checkbox', { name: 'Sat' }).uncheck();
  await days.getByRole('checkbox', { name: 'Sun' }).uncheck();
  // Five-day weeks on a Mon–Fri shift: its only week is Mon–Fri.
  const row = page.locator('#shifts-table tbody tr', { hasText: 'Weekdays' });
  await expect(row.first()).toContainText('Mon–Fri');
  await expect(page.locator('#shifts-table tbody')).not.toContainText(/Sat|Sun/);
  // b2b-saas answers customers at the weekend: those hours are named at the shift's days.
  await expect(page.locator('#shift-findings')).toContainText('SHIFT-006');
  await expect(page.locator('#shift-findings')).toContainText('"Weekdays" runs only on Mon–Fri');
  const group = page.locator('.field', { has: days });
  await group.screenshot({ path: 'test-results/shift-days-1280.png' });
  await page.setViewportSize({ width: 390, height: 900 });
  await group.screenshot({ path: 'test-results/shift-days-390.png' });
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const day of ['Mon', 'Tue', 'Wed', 'Thu']) await days.getByRole('checkbox', { name: day }).uncheck();
  await expect(page.locator('#shift-findings')).toContainText('runs only on Fri');
  // The last one stays ticked, and the field says why.
  await days.getByRole('checkbox', { name: 'Fri' }).click();
  await expect(page.getByText('A shift runs on at least one day')).toBeVisible();
  await expect(days.getByRole('checkbox', { name: 'Fri' })).toBeChecked();
  await expect(page.locator('#shift-findings')).toContainText('runs only on Fri');
});

// b2b-saas on shifts of its own (as tests/golden.rs): a search that proves its answer the cheapest.
const rostered = JSON.parse(template);
rostered.staffing = {
  ...rostered.staffing,
  roster: {
    templates: [
      { name: 'Early', start: '06:00', length: '8h30m', unpaid_break: '30m' },
      { name: 'Office', start: '09:00', length: '8h30m', unpaid_break: '30m', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
      { name: 'Late', start: '13:00', length: '8h30m', unpaid_break: '30m' },
      { name: 'Night', start: '21:30', length: '8h30m', unpaid_break: '30m' },
    ],
    pattern: { days_per_week: 5, consecutive_days_off: false },
  },
};

test('the preview and the stakeholder view carry the STAFFING ROSTER the Shifts view found', async ({ page, browser, baseURL }) => {
  await openApp(page);
  await page.getByLabel('Import JSON file').setInputFiles({
    name: 'rostered.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(rostered)),
  });
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('button', { name: 'Capacity' }).click();
  const verdict = page.locator('#shifts-verdict');
  await expect(verdict).toHaveText(/^\d+ people/);
  const answer = (await verdict.textContent()) ?? '';
  const preview = page.locator('#preview-body');
  const part = preview.locator('.doc-roster-section');
  await expect(part.getByRole('heading', { name: 'Staffing Roster' })).toBeVisible();
  await expect(part).toContainText(answer);
  // The people per shift in the document add up to the view's answer.
  const table = part.getByRole('region', { name: 'People per shift' });
  const people = await table.locator('tbody tr td:nth-child(5)').allTextContents();
  expect(people.map(Number).reduce((a, b) => a + b, 0)).toBe(Number(answer.split(' ')[0]));
  await expect(part.getByRole('region', { name: 'Shift templates' })).toContainText('Mon–Fri');
  await part.getByRole('heading', { name: 'Staffing Roster' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/roster-part-1280.png' });
  await page.getByRole('button', { name: 'Text', exact: true }).click();
  await expect(preview.locator('pre')).toContainText(`STAFFING ROSTER`);
  await expect(preview.locator('pre')).toContainText(`- People: ${answer}`);

  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 900 } });
  const shared = await context.newPage();
  await shared.goto(`./${shareFragment(JSON.stringify(rostered))}`);
  const document = shared.getByRole('region', { name: 'Shared plan' });
  const sharedPart = document.locator('.doc-roster-section');
  await expect(sharedPart.getByRole('heading', { name: 'Staffing Roster' })).toBeVisible();
  await expect(sharedPart).toContainText(answer);
  expect(await overflow(shared)).toBe(0);
  await sharedPart.screenshot({ path: 'test-results/roster-part-390.png' });
  await context.close();
});

test('comparing a plan with its rostered copy shows the roster people before → after', async ({ page }) => {
  await openCapacity(page);
  await page.getByLabel('Import JSON file').setInputFiles({
    name: 'rostered.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(rostered)),
  });
  const verdict = page.locator('#shifts-verdict');
  await expect(page.locator('#shifts-table')).toContainText('Night');
  const people = ((await verdict.textContent()) ?? '').split(' ')[0];
  await page.getByRole('button', { name: 'Compare…' }).click();
  const panel = page.getByRole('region', { name: 'Compare two drafts' });
  // The shipped template has no roster; its rostered copy has the Shifts view's answer.
  const row = panel.locator('tr', { hasText: 'People on the shift roster' });
  await expect(row.locator('td').nth(0)).toHaveText('—');
  await expect(row.locator('td').nth(1)).toHaveText(people);
  await expect(panel.locator('tr', { hasText: 'Agents needed' }).first()).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/compare-roster-1280.png' });
  // On a phone the toolbar, and the panel in it, sit in the ☰ Menu.
  await page.setViewportSize({ width: 390, height: 900 });
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(row).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/compare-roster-390.png' });
});

test('a plan without roster inputs has no STAFFING ROSTER part', async ({ page }) => {
  await openCapacity(page);
  await expect(page.locator('#shifts-verdict')).toBeVisible();
  await expect(page.locator('#preview-body').getByRole('heading', { name: 'Capacity' })).toBeVisible();
  await expect(page.locator('#preview-body .doc-roster-section')).toHaveCount(0);
});

for (const width of [1280, 390]) {
  test(`the shift view passes axe and contrast, and fits ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openCapacity(page);
    await expect(page.locator('#shifts-verdict')).toBeVisible();
    // The staffing view above is checked by capacity.spec.ts; axe over all of it takes too long here.
    expect(await seriousViolations(page, ['#capacity-slot'])).toEqual([]);
    expect(await lowContrastText(page)).toEqual([]);
    expect(await overflow(page)).toBe(0);
    await page.locator('#shifts').screenshot({ path: `test-results/shifts-${width}.png` });
  });
}
