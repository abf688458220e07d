// Checks every page must pass, for people who read with low vision, a screen reader or a phone:
// axe-core's rules, the contrast of every visible control's and label's text, and a page no wider
// than the window.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core violations that are critical or serious, as "rule: where" lines. `skip`: selectors of
 * parts already checked and unchanged (axe takes seconds on a large page).
 */
export async function seriousViolations(page: Page, skip: string[] = []): Promise<string[]> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  for (const selector of skip) axe = axe.exclude(selector);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary ?? ''})`));
}

/**
 * Text whose contrast with what is behind it is under WCAG's 4.5:1 (3:1 for large text), for
 * every visible input, select, textarea, button, label, legend, heading and panel text. axe-core
 * skips the text inside form controls; this does not. Colours are read as the browser computes
 * them; the background is the first opaque one up the tree.
 */
export async function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (color: string): [number, number, number, number] | null => {
      const m = color.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element: Element): number[] => {
      let node: Element | null = element;
      while (node) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg && bg[3] > 0.95) return bg;
        node = node.parentElement;
      }
      return [255, 255, 255, 1];
    };
    const problems: string[] = [];
    const selector =
      'input, select, textarea, button, label, legend, h1, h2, h3, h4, summary, p, dt, dd, th, td, li, span, option:checked';
    for (const element of Array.from(document.querySelectorAll(selector))) {
      const html = element as HTMLElement;
      const rect = html.getBoundingClientRect();
      const style = getComputedStyle(html);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
      if (html.closest('[aria-hidden="true"], .visually-hidden')) continue;
      const text = (html instanceof HTMLInputElement || html instanceof HTMLTextAreaElement
        ? html.value || html.placeholder
        : html instanceof HTMLSelectElement
          ? html.selectedOptions[0]?.textContent ?? ''
          : Array.from(html.childNodes)
              .filter((n) => n.nodeType === Node.TEXT_NODE)
              .map((n) => n.textContent ?? '')
              .join('')
      ).trim();
      if (!text) continue;
      if (html instanceof HTMLInputElement && ['checkbox', 'radio', 'color', 'range'].includes(html.type)) continue;
      const fg = parse(style.color);
      if (!fg) continue;
      const bg = background(html);
      // A half-transparent text colour shows mixed with the background.
      const mixed = fg.slice(0, 3).map((c, i) => c * fg[3] + bg[i] * (1 - fg[3]));
      const [l1, l2] = [luminance(mixed), luminance(bg)];
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      if (ratio < (large ? 3 : 4.5)) {
        const id = html.id ? `#${html.id}` : html.tagName.toLowerCase();
        problems.push(`${id} "${text.slice(0, 40)}": ${ratio.toFixed(2)}:1`);
      }
    }
    return problems;
  });
}

/** How much wider than the window the page is (0 when it fits). */
export async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Words split across two lines inside a table cell ("Emai|l", "America/N|ew_York"): a table too
 * wide for its column should scroll in its box, not break its words. A word is a run of letters
 * and digits; a line break after "/" or "-" is between words.
 */
export async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of Array.from(document.querySelectorAll('td, th'))) {
      const rect = cell.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
          const range = document.createRange();
          range.setStart(node, match.index ?? 0);
          range.setEnd(node, (match.index ?? 0) + match[0].length);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`"${match[0]}" in "${text.trim().slice(0, 40)}"`);
        }
      }
    }
    return broken;
  });
}

/**
 * Things drawn outside their pane or card: every visible element inside `containers` must end
 * within the container's right edge, unless a box between them scrolls or clips it.
 */
export async function drawnOutside(page: Page, containers: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const outside: string[] = [];
    for (const container of Array.from(document.querySelectorAll(selector))) {
      const right = container.getBoundingClientRect().right;
      if (container.getBoundingClientRect().width === 0) continue;
      for (const element of Array.from(container.querySelectorAll('*'))) {
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0 || rect.right <= right + 1) continue;
        let clipped = false;
        for (let up = element.parentElement; up && up !== container; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== 'visible') clipped = true;
        }
        if (clipped) continue;
        const parent = element.parentElement;
        if (parent && parent !== container && parent.getBoundingClientRect().right > right + 1) continue;
        const name = element.id ? `#${element.id}` : `${element.tagName.toLowerCase()}.${element.className}`;
        outside.push(`${name} "${(element.textContent ?? '').trim().slice(0, 30)}" ends ${Math.round(rect.right - right)}px right of ${selector}`);
      }
    }
    return outside;
  }, containers);
}
