// Two tabs that save the same draft at the same moment, many times over: every edit is either the
// stored one or still on screen under the conflict banner. Never "Saved" while it is gone.
//
// Each round, both tabs hold their autosave, type, and release it at the same instant (scheduled
// on the clock, so the two saves start within a millisecond of each other). The tab whose save
// lost then chooses "Load their version" and the next round starts from one stored revision.
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { holdSaves, installSaveHold, releaseSavesAt, storedProduct } from './saves';

const ROUNDS = Number(process.env.RACE_ROUNDS ?? 30);

const saveState = (page: Page) => page.locator('.drafts-menu [role=status]');
const product = (page: Page) => page.getByLabel('Product', { exact: true });
const CONFLICT = 'Not saved: changed in another tab — choose which to keep';

async function typeHeld(page: Page, text: string) {
  await holdSaves(page);
  await product(page).fill(text);
}

async function settled(tabs: Page[]) {
  for (const tab of tabs) {
    await expect(saveState(tab)).toHaveText(new RegExp(`^(Saved|${CONFLICT})$`));
  }
  // Storage events between the tabs arrive a moment after the saves.
  await tabs[0].waitForTimeout(300);
  for (const tab of tabs) {
    await expect(saveState(tab)).toHaveText(new RegExp(`^(Saved|${CONFLICT})$`));
  }
}

test(`two tabs saving at the same moment lose nothing silently (${ROUNDS} rounds)`, async ({ page }) => {
  test.setTimeout(60_000 + ROUNDS * 10_000);
  const other = await page.context().newPage();
  const tabs = [page, other];
  for (const tab of tabs) await installSaveHold(tab);
  await openApp(page);
  await openApp(other);
  await expect(saveState(other)).toHaveText('Saved');

  const silentLosses: string[] = [];
  let clashes = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const typed = tabs.map((_, i) => `Round ${round}, tab ${i + 1}`);
    await Promise.all(tabs.map((tab, i) => typeHeld(tab, typed[i])));
    const at = Date.now() + 250;
    await Promise.all(tabs.map((tab) => releaseSavesAt(tab, at)));
    await settled(tabs);

    const stored = await storedProduct(page);
    const states = await Promise.all(tabs.map((tab) => saveState(tab).textContent()));
    const shown = await Promise.all(tabs.map((tab) => product(tab).inputValue()));
    for (let i = 0; i < tabs.length; i++) {
      const keptByStore = stored === typed[i];
      const keptOnScreen = states[i] === CONFLICT && shown[i] === typed[i];
      if (!keptByStore && !keptOnScreen) {
        silentLosses.push(`round ${round}: "${typed[i]}" is gone (stored "${stored}", tab says "${states[i]}")`);
      }
      if (states[i] === 'Saved' && shown[i] !== stored) {
        silentLosses.push(`round ${round}: tab ${i + 1} says Saved but shows "${shown[i]}", stored "${stored}"`);
      }
    }
    // A silent loss leaves the tabs apart for good: report it rather than wait for them to agree.
    if (silentLosses.length) break;
    // Start the next round from one stored version.
    for (const tab of tabs) {
      const warning = tab.getByRole('alert').filter({ hasText: 'changed in another tab' });
      if ((await saveState(tab).textContent()) === CONFLICT) {
        clashes += 1;
        await warning.getByRole('button', { name: 'Load their version' }).click();
        await expect(saveState(tab)).toHaveText('Saved');
      }
    }
    await expect.poll(async () => (await Promise.all(tabs.map((tab) => product(tab).inputValue()))).every((v) => v === stored)).toBe(true);
  }
  console.log(`race: ${ROUNDS} rounds, ${clashes} clashes shown, ${silentLosses.length} silent losses`);
  expect(silentLosses).toEqual([]);
  // The saves really did collide: each round one of the two had to be shown as a conflict.
  expect(clashes).toBeGreaterThan(ROUNDS / 2);
});
