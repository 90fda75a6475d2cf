import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Serious and critical accessibility problems on the page (WCAG 2.1 A and AA), as axe-core reports
 * them, one line each. `exclude` leaves out parts whose look is not ours (an email's own HTML).
 */
export async function violations(page: Page, exclude: string[] = []): Promise<string[]> {
  // A toast fading in (160 ms) can be caught half-transparent by the contrast check: wait for it.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => (a as CSSAnimation).animationName !== 'toast-in' || a.playState === 'finished'),
  );
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
}
