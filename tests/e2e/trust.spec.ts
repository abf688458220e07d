// A plan a VP can trust, on screen: the template's figures marked until confirmed, public
// holidays added without typing, an undo message that goes away, rows whose buttons stay in them,
// an SLA matrix where targets and their clocks are edited, and a copy of a shared plan
// that opens at the top.
import { readFileSync } from 'node:fs';
import { test, expect, openApp, openPage, newFromTemplate } from './fixtures';
import { shareFragment } from './share-link';

test("the template's figures are marked until typed over or confirmed", async ({ page }) => {
  await openApp(page);
  await newFromTemplate(page, 'B2B SaaS');
  const toConfirm = page.getByRole('list', { name: 'To confirm' });
  // B2B SaaS says CSAT is 82 % today: the template's figure, not the team's.
  await expect(toConfirm).toContainText("CSAT baseline (82) is the template's figure");
  await expect(page.locator('.transfer-menu .template-warning')).toContainText("values are still the template's");

  await openPage(page, 'Metrics');
  const csatMark = page.locator('#field-metrics-csat-baseline-template');
  await expect(csatMark).toContainText('Template value');
  await page.locator('#field-metrics-csat-baseline').fill('79');
  await expect(csatMark).toHaveCount(0);
  await expect(toConfirm).not.toContainText('CSAT baseline');

  const deflection = page.locator('#field-metrics-deflection-baseline-template');
  await deflection.getByRole('button', { name: /^Confirm / }).click();
  await expect(deflection).toHaveCount(0);
  await expect(toConfirm).not.toContainText('Ticket deflection baseline');
  // The preview marks what is left, not what was typed or confirmed.
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('(today: 55% (template))');
  await expect(preview).toContainText('(today: 79%)');
  await expect(preview).toContainText('(today: 10%)');
});

test('US public holidays for 2027 are added with their observed days', async ({ page }) => {
  await openApp(page);
  await newFromTemplate(page, 'B2B SaaS');
  await openPage(page, 'Overview');
  await page.locator('#field-calendars-0-preset-from').fill('2027');
  await page.locator('#field-calendars-0-preset-to').fill('2027');
  await page.getByRole('button', { name: 'Add public holidays' }).first().click();
  await expect(page.locator('.holiday-presets [role="status"]').first()).toContainText('Added');
  // July 4 2027 is a Sunday: kept on Monday July 5.
  const names = page.locator('[id^="field-calendars-0-holidays-"][id$="-name"]');
  const dates = page.locator('[id^="field-calendars-0-holidays-"][id$="-date"]');
  const count = await names.count();
  const pairs: string[] = [];
  for (let i = 0; i < count; i++) pairs.push(`${await dates.nth(i).inputValue()} ${await names.nth(i).inputValue()}`);
  expect(pairs).toContain('2027-07-05 Independence Day (observed)');
  expect(pairs).toContain('2027-01-18 Birthday of Martin Luther King, Jr.');
});

test('the undo message goes at the next edit, and Undo stays in the header', async ({ page }) => {
  await openApp(page);
  await newFromTemplate(page, 'B2B SaaS');
  await openPage(page, 'Channels');
  await page.locator('#field-channels-1-remove').click();
  await expect(page.locator('#undo-removal')).toBeVisible();
  await page.locator('#field-channels-0-name').fill('Live chat');
  await expect(page.locator('#undo-removal')).toHaveCount(0);
  // Left alone, a new one goes by itself.
  await page.locator('#field-channels-1-remove').click();
  await expect(page.locator('#undo-removal')).toBeVisible();
  await expect(page.locator('#undo-removal')).toHaveCount(0, { timeout: 15_000 });
});

test('row buttons sit inside their row, and the SLA matrix names each clock', async ({ page }) => {
  await openApp(page);
  await newFromTemplate(page, 'B2B SaaS');
  await openPage(page, 'Overview');
  const row = page.locator('#field-calendars-0-holidays-1-row');
  const rowBox = await row.boundingBox();
  const button = await page.locator('#field-calendars-0-holidays-1-remove').boundingBox();
  expect(rowBox && button).toBeTruthy();
  // The row is drawn as a box, and its buttons are inside it.
  expect(await row.evaluate((el) => getComputedStyle(el).borderTopWidth)).not.toBe('0px');
  expect(button!.y).toBeGreaterThanOrEqual(rowBox!.y);
  expect(button!.y + button!.height).toBeLessThanOrEqual(rowBox!.y + rowBox!.height);

  await openPage(page, 'SLA');
  // The matrix shows each cell's clock, and is where it is changed.
  await expect(page.locator('#field-sla-0-targets-0-first_response-calendar')).toHaveValue('24/7');
  await expect(page.locator('#field-sla-0-targets-1-first_response-calendar')).toHaveValue('US business hours');
});

test('targets and their clocks are edited in the SLA matrix, once', async ({ page }) => {
  await openApp(page);
  await newFromTemplate(page, 'B2B SaaS');
  await openPage(page, 'SLA');
  const matrix = page.getByRole('region', { name: 'SLA targets by priority and policy' });
  const clock = page.locator('#field-sla-0-targets-1-first_response-calendar');
  // The cell's clock is a control of the matrix, and the policy's card below has no second one.
  await expect(matrix.locator('#field-sla-0-targets-1-first_response-calendar')).toHaveCount(1);
  await expect(page.locator('[id="field-sla-0-targets-1-first_response-calendar"]')).toHaveCount(1);
  await clock.selectOption('24/7');
  await page.locator('#field-sla-0-targets-1-first_response-target').fill('3h');
  await page.locator('#field-sla-0-targets-1-first_response-target').blur();
  // The plan has both: the preview says High's first response now runs on 24/7 (its next
  // response and resolution stay on US business hours), and the target is the one typed.
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('first response on 24/7');
  await expect(page.locator('#field-sla-0-targets-1-first_response-target')).toHaveValue('3h');
});

test('on a phone, an editable copy of a shared plan opens at the top', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const template = readFileSync(new URL('../../templates/b2b-saas.json', import.meta.url), 'utf8');
  await page.goto(`./${shareFragment(JSON.stringify(JSON.parse(template)))}`);
  const copy = page.getByRole('button', { name: 'Make an editable copy' });
  await expect(page.getByRole('region', { name: 'Shared plan' })).toContainText('Route to');
  await page.evaluate(() => window.scrollTo(0, 3000));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await copy.click();
  await expect(page.getByLabel('Product', { exact: true })).not.toHaveValue('');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});

test('a printout has no empty parts and no expanders', async ({ page }) => {
  const template = readFileSync(new URL('../../templates/b2b-saas.json', import.meta.url), 'utf8');
  const plan = JSON.parse(template);
  delete plan.assess;
  await page.goto(`./${shareFragment(JSON.stringify(plan))}`);
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const visible = await page.evaluate(() => {
    const shown = (el: Element) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).display !== 'none' && (el as HTMLElement).getClientRects().length > 0;
    const headings = [...document.querySelectorAll('.plan-document h2')].filter(shown).map((h) => h.textContent);
    const expanders = [...document.querySelectorAll('summary')].filter(shown).map((s) => s.textContent);
    return { headings, expanders };
  });
  expect(visible.headings).not.toContain('Assessment');
  expect(visible.expanders).toEqual([]);
});

// The preview beside the form at 1280 px is about 460 px wide: a channels table of six to nine
// columns, or escalation rules with e-mail addresses to notify, cut off their last columns and
// scrolled them inside their box. Every table of every template shows whole now; on a phone a
// short table may still scroll in its box, but the page is never wider than the window.
test('every preview table of every template is whole at 1280 px, and no page is wider than 390 px', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await page.locator('#drafts-new').click();
  const templates = await page.getByRole('group', { name: 'New plan' }).getByRole('button').allTextContents();
  await page.locator('#drafts-new').click();
  const cut: string[] = [];
  const body = page.locator('#preview-body');
  for (const title of templates.map((t) => t.trim()).filter((t) => !/^(Cancel|.*empty.*)$/i.test(t))) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await newFromTemplate(page, title);
    await page.locator('#preview-section').selectOption({ label: 'Whole plan' });
    await expect(body.getByRole('region', { name: 'Escalation rules' })).toBeVisible();
    for (const more of await body.getByRole('button', { name: 'Show all' }).all()) await more.click();
    const boxes = body.locator('.table-scroll');
    expect(await boxes.count()).toBeGreaterThan(3);
    cut.push(
      ...(await boxes.evaluateAll(
        (all, t) =>
          all
            .filter((box) => box.scrollWidth > box.clientWidth)
            .map((box) => `${t}: ${box.getAttribute('aria-label')} (${box.scrollWidth} > ${box.clientWidth} px)`),
        title,
      )),
    );
    if (/B2B/.test(title)) await page.screenshot({ path: 'test-results/preview-tables-1280.png' });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.locator('#pane-tab-preview').click();
    await expect(body.getByRole('region', { name: 'Escalation rules' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), title).toBeLessThanOrEqual(390);
    if (/B2B/.test(title)) await body.screenshot({ path: 'test-results/preview-tables-390.png' });
    await page.locator('#pane-tab-form').click();
  }
  expect(cut).toEqual([]);
});

test('a calendar keeps the holidays of another, picked once in its Holidays', async ({ page }) => {
  await openApp(page);
  await newFromTemplate(page, 'Developer tools');
  await openPage(page, 'Overview');
  const from = page.locator('#field-calendars-1-holidays_from');
  await expect(from).toHaveValue('');
  await from.selectOption({ label: 'Follow the sun' });
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('those of "Follow the sun", and');
  await expect(page.locator('.pane-findings')).not.toContainText('CAL-006');
  await page.setViewportSize({ width: 390, height: 800 });
  await from.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/shared-holidays-390.png' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
