// Every page of the designer, every panel of its header and the stakeholder view, at a desktop and
// a phone width: no critical or serious axe-core violation, every visible text readable (contrast
// at least 4.5:1, 3:1 for large text), and no page wider than the window.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { test, expect, openApp } from './fixtures';
import { lowContrastText, overflow, seriousViolations } from './a11y';

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

/** Everything wrong with what is on screen now, each line naming where. */
async function problems(page: import('@playwright/test').Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const violation of await seriousViolations(page)) found.push(`${where}: axe ${violation}`);
  for (const text of await lowContrastText(page)) found.push(`${where}: contrast ${text}`);
  const wider = await overflow(page);
  if (wider > 0) found.push(`${where}: the page is ${wider}px wider than the window`);
  return found;
}

for (const size of WIDTHS) {
  test(`every page is readable and fits on a ${size.name}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page);
    const found: string[] = [];
    for (const name of PAGES) {
      const nav = page.locator(`#nav-${name.toLowerCase().replace(/ /g, '-')}`);
      await nav.click();
      if (size.width < 700) await page.locator('#pane-tab-form').click();
      await expect(page.locator('#form-title')).toHaveText(name);
      found.push(...(await problems(page, `${name} page`)));
    }
    for (const pane of ['findings', 'preview']) {
      if (size.width < 700) {
        await page.locator(`#pane-tab-${pane}`).click();
        found.push(...(await problems(page, `${pane} pane`)));
      }
    }
    expect(found).toEqual([]);
  });

  test(`every header panel is readable and fits on a ${size.name}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page);
    const found: string[] = [];
    const panels = page.locator('header.app-header details > summary');
    const count = await panels.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      const summary = panels.nth(i);
      const name = (await summary.innerText()).trim();
      await summary.click();
      found.push(...(await problems(page, `${name} panel`)));
      await summary.click();
    }
    expect(found).toEqual([]);
  });

  test(`the stakeholder view is readable and fits on a ${size.name}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const template = readFileSync(new URL('../../templates/b2b-saas.json', import.meta.url), 'utf8');
    const json = Buffer.from(JSON.stringify(JSON.parse(template)), 'utf8');
    let hash = 0x811c9dc5;
    for (const byte of json) {
      hash ^= byte;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    const packed = deflateRawSync(json, { level: 9 });
    const header = [(hash >>> 24) & 0xff, (hash >>> 16) & 0xff, (hash >>> 8) & 0xff, hash & 0xff];
    let length = packed.length;
    do {
      const low = length & 0x7f;
      length >>>= 7;
      header.push(length ? low | 0x80 : low);
    } while (length);
    const fragment = `#share=v1.${Buffer.concat([Buffer.from(header), packed]).toString('base64url')}`;
    await page.goto(`./${fragment}`);
    await expect(page.getByRole('region', { name: 'Shared plan' })).toBeVisible();
    expect(await problems(page, 'stakeholder view')).toEqual([]);
  });
}
