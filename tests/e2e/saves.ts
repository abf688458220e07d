// Helpers for the drafts tests: holding a tab's autosaves (so it has unsaved edits on purpose) and
// releasing them at a chosen moment, reading what local storage holds, and building share links
// and plans the way a stranger would.
import { shareFragment } from './share-link';
import type { Page } from '@playwright/test';

/**
 * Installs, before the app loads, a switch that holds autosaves: while `window.holdSaves` is true,
 * idle callbacks and timers of 500 ms or more are queued instead of run. `releaseSaves(page, at)`
 * runs them at the epoch time `at`, so two tabs can save at the same moment.
 */
export async function installSaveHold(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as {
      holdSaves?: boolean;
      heldSaves: Array<() => void>;
      releaseSavesAt: (at: number) => Promise<void>;
    };
    w.heldSaves = [];
    const realSetTimeout = window.setTimeout.bind(window);
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
      if (w.holdSaves && (ms ?? 0) >= 500 && typeof handler === 'function') {
        w.heldSaves.push(() => (handler as (...a: unknown[]) => void)(...rest));
        return 0;
      }
      return realSetTimeout(handler, ms, ...rest);
    }) as typeof window.setTimeout;
    if (window.requestIdleCallback) {
      const realIdle = window.requestIdleCallback.bind(window);
      window.requestIdleCallback = ((callback: IdleRequestCallback, options?: IdleRequestOptions) => {
        if (w.holdSaves) {
          w.heldSaves.push(() => callback({ didTimeout: true, timeRemaining: () => 0 }));
          return 0;
        }
        return realIdle(callback, options);
      }) as typeof window.requestIdleCallback;
    }
    w.releaseSavesAt = (at: number) =>
      new Promise<void>((done) => {
        realSetTimeout(() => {
          w.holdSaves = false;
          for (const save of w.heldSaves.splice(0)) save();
          done();
        }, Math.max(0, at - Date.now()));
      });
  });
}

export async function holdSaves(page: Page, hold = true) {
  await page.evaluate((on) => ((window as unknown as { holdSaves: boolean }).holdSaves = on), hold);
}

export async function releaseSavesAt(page: Page, at: number) {
  await page.evaluate((when) => (window as unknown as { releaseSavesAt: (at: number) => Promise<void> }).releaseSavesAt(when), at);
}

/** The product name of the open draft as local storage holds it, or null. */
export async function storedProduct(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('support-ops.drafts') ?? '{"drafts":[]}');
    const id = index.last_open ?? index.drafts[0]?.id;
    const text = id ? localStorage.getItem(`support-ops.draft.${id}`) : null;
    return text ? (JSON.parse(text).header?.product ?? '') : null;
  });
}

/** `#share=v1.…` around any JSON text, as docs/sharing.md describes the format. */
export function shareFragmentOf(json: string): string {
  return shareFragment(json);
}

/** A plan whose list `key` holds `count` copies of `item` (default: empty entries). */
export function planWithList(key: string, count: number, item = '{}', product = 'Bomb'): string {
  return `{"schema_version":2,"header":{"product":${JSON.stringify(product)}},"${key}":[${Array(count).fill(item).join(',')}]}`;
}

/** Before the app first loads in this tab (not on reloads), local storage holds exactly `entries`. */
export async function seedStorageOnce(page: Page, entries: Record<string, string>) {
  await page.addInitScript((seed) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [key, value] of Object.entries(seed)) localStorage.setItem(key, value);
  }, entries);
}
