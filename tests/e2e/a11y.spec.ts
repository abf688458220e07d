// Every section of the designer (a blank plan and a full one), its findings and preview, every
// panel of its header and the stakeholder view, at a desktop and a phone width: no critical or
// serious axe-core violation, every visible text readable (contrast at least 4.5:1, 3:1 for large
// text), no page wider than the window, no word split across lines in a table, nothing drawn
// outside its pane. And a keyboard user reaches the form, the findings and the preview at once.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { shareFragment } from './share-link';
import { brokenWords, drawnOutside, lowContrastText, overflow, seriousViolations } from './a11y';

const PAGES = [
  'Overview',
  'Channels',
  'Taxonomy',
  'Tiers',
  'SLA',
  'Escalation',
  'Self-service',
  'Automation',
  'Metrics',
  'Customer success',
  'Roadmap',
  'Capacity',
];

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

const PHONE = 700;

/** Everything wrong with what is on screen now, each line naming where; axe skips `skip`. */
async function problems(page: Page, where: string, skip: string[] = []): Promise<string[]> {
  const found: string[] = [];
  for (const violation of await seriousViolations(page, skip)) found.push(`${where}: axe ${violation}`);
  for (const text of await lowContrastText(page)) found.push(`${where}: contrast ${text}`);
  for (const word of await brokenWords(page)) found.push(`${where}: broken word ${word}`);
  for (const thing of await drawnOutside(page, '.pane.pane-form, .pane-findings, .pane-preview')) {
    found.push(`${where}: ${thing}`);
  }
  const wider = await overflow(page);
  if (wider > 0) found.push(`${where}: the page is ${wider}px wider than the window`);
  return found;
}

/** On a phone the header's toolbar is behind the Menu button: opens it (no-op on a desktop). */
async function openMenu(page: Page) {
  const toggle = page.locator('#header-menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
  }
  await expect(page.locator('#plan-actions')).toBeVisible();
}

async function startFrom(page: Page, template: string) {
  await openMenu(page);
  await page.getByRole('button', { name: 'New plan', exact: true }).click();
  await page.getByRole('button', { name: template, exact: true }).click();
  await expect(page.locator('.drafts-menu select option:checked')).toHaveText(template);
}

for (const size of WIDTHS) {
  const phone = size.width < PHONE;
  for (const plan of ['blank', 'B2B SaaS']) {
    test(`every section of a ${plan} plan is readable and fits on a ${size.name}`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await openApp(page);
      // A blank plan is read with the phone's header folded, the full plan with its menu open.
      if (plan !== 'blank') await startFrom(page, plan);
      const found: string[] = [];
      for (const [index, name] of PAGES.entries()) {
        if (phone) await page.locator('#pane-tab-form').click();
        await page.locator(`#nav-${name.toLowerCase().replace(/ /g, '-')}`).click();
        await expect(page.locator('#form-title')).toHaveText(name);
        // The findings and preview do not change from section to section: axe reads them once.
        const seen = index > 0 ? ['#pane-findings', '#pane-preview'] : [];
        found.push(...(await problems(page, `${name} section`, seen)));
      }
      if (phone) {
        for (const pane of ['findings', 'preview']) {
          await page.locator(`#pane-tab-${pane}`).click();
          found.push(...(await problems(page, `${pane} pane`)));
        }
      }
      expect(found).toEqual([]);
    });
  }

  test(`every header panel is readable and fits on a ${size.name}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page);
    const found: string[] = [];
    // The sections below the header are read by the tests above: axe reads only the header here.
    const check = async (where: string) => found.push(...(await problems(page, where, ['main'])));
    const button = (name: string) => page.getByRole('button', { name, exact: true });

    await openMenu(page);
    await check('header');

    await button('New plan').click();
    await expect(page.getByRole('group', { name: 'New plan' })).toBeVisible();
    await check('New plan panel');
    await button('Cancel').click();

    await button('Rename').click();
    await expect(page.getByRole('textbox', { name: 'New name' })).toBeVisible();
    await check('Rename panel');
    await button('Cancel').click();

    await button('Delete').click();
    await expect(page.getByRole('alertdialog', { name: 'Delete draft' })).toBeVisible();
    await check('Delete panel');
    await button('Cancel').click();

    await button('Paste JSON…').click();
    const paste = page.getByRole('dialog', { name: 'Paste a plan' });
    await paste.getByRole('textbox', { name: 'Plan JSON' }).fill('{"not": "a plan"');
    await check('Paste JSON panel');
    await paste.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.locator('.transfer-error')).toBeVisible();
    await check('Paste JSON panel with its error');
    await paste.getByRole('button', { name: 'Cancel', exact: true }).click();

    await page.locator('header details.share-menu > summary').click();
    await button('Create share link').click();
    await expect(page.getByRole('textbox', { name: 'Share link' })).toBeVisible();
    await button('Ticket taxonomy (CSV)').click();
    await expect(page.getByLabel('Mapping report')).toBeVisible();
    await check('Share panel');
    await page.locator('header details.share-menu > summary').click();

    await page.getByLabel('Export format').selectOption('json');
    await button('Download').click();
    await expect(page.locator('.transfer-status')).toHaveText('Download started.');
    await check('Export');

    await page.getByLabel('Import JSON file').setInputFiles({
      name: 'b2b-saas.json',
      mimeType: 'application/json',
      buffer: readFileSync(new URL('../../templates/b2b-saas.json', import.meta.url)),
    });
    await expect(page.locator('.transfer-status', { hasText: 'as a new draft' })).toBeVisible();
    await check('Import');
    expect(found).toEqual([]);
  });

  test(`the stakeholder view is readable and fits on a ${size.name}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const template = readFileSync(new URL('../../templates/b2b-saas.json', import.meta.url), 'utf8');
    const fragment = shareFragment(JSON.stringify(JSON.parse(template)));
    await page.goto(`./${fragment}`);
    await expect(page.getByRole('region', { name: 'Shared plan' })).toBeVisible();
    expect(await problems(page, 'stakeholder view')).toEqual([]);
  });

  test(`skip links take a keyboard to the form, findings and preview on a ${size.name}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const [link, pane] of [
      ['Skip to findings', '#pane-findings'],
      ['Skip to preview', '#pane-preview'],
      ['Skip to form', '#pane-form'],
    ]) {
      await openApp(page);
      // From the top of a freshly loaded page (choosing a plan on the start screen leaves the
      // keyboard where that button was).
      await page.reload();
      await expect(page.getByLabel('Product', { exact: true })).toBeVisible();
      // The findings come from the worker a moment after the form; until then the pane holds
      // nothing to Tab to.
      await expect(page.locator('.finding-counts')).not.toContainText('Checking the plan');
      let reached = false;
      for (let tab = 0; tab < 3 && !reached; tab++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate((name) => document.activeElement?.textContent === name, link);
      }
      expect(reached, `${link} within three tabs of the top`).toBe(true);
      await expect(page.getByRole('link', { name: link })).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page.locator(pane)).toBeFocused();
      await expect(page.locator(pane)).toBeVisible();
      // The pane's top is on screen (not its middle: a pane is taller than the window).
      const top = await page.locator(pane).evaluate((e) => e.getBoundingClientRect().top);
      expect(top, `${pane} top`).toBeGreaterThanOrEqual(0);
      expect(top, `${pane} top`).toBeLessThan(size.height / 2);
      // The next Tab goes on inside the pane, not back to the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate((p) => !!document.activeElement?.closest(p), pane)).toBe(true);
    }
  });
}

test("Capacity's answers to 'When is it due?' stay inside their card on wide screens", async ({ page }) => {
  await openApp(page);
  await startFrom(page, 'B2B SaaS');
  await page.locator('#nav-capacity').click();
  const answers = page.locator('.deadline-list dd');
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 1000 });
    await expect(answers.first()).toBeVisible();
    await answers.last().scrollIntoViewIfNeeded();
    expect(await drawnOutside(page, '.pane.pane-form'), `at ${width}px`).toEqual([]);
    const card = await page.locator('.deadline-calculator').boundingBox();
    for (const box of await answers.evaluateAll((dds) => dds.map((dd) => dd.getBoundingClientRect().toJSON()))) {
      expect(box.width, `an answer at ${width}px has room`).toBeGreaterThan(60);
      expect(box.right).toBeLessThanOrEqual((card?.x ?? 0) + (card?.width ?? 0) + 1);
    }
  }
});

test('on a phone, Escape closes the header menu and gives focus back to its button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const toggle = page.locator('#header-menu-toggle');
  await toggle.click();
  await expect(page.locator('#plan-actions')).toBeVisible();
  await page.locator('#plan-actions button').first().focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('#plan-actions')).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
});
