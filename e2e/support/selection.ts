import type { Locator, Page } from '@playwright/test';

/**
 * Selects `text` inside `container` with the mouse, the way a reader would: press at the first
 * character, drag to the last, release. Fails when the text is not on screen.
 */
export async function dragSelect(
  page: Page,
  container: Locator,
  text: string,
  occurrence = 0,
): Promise<void> {
  await container.waitFor();
  const handle = await container.elementHandle();
  if (!handle) throw new Error('The container is not in the page.');
  const points = await handle.evaluate(
    (root, { needle, nth }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push(node as Text);
        all += (node as Text).data;
      }
      let at = -1;
      for (let i = 0; i <= nth; i += 1) {
        at = all.indexOf(needle, at + 1);
        if (at < 0) return null;
      }
      const locate = (offset: number): [Text, number] => {
        let seen = 0;
        for (const node of nodes) {
          if (offset < seen + node.data.length) return [node, offset - seen];
          seen += node.data.length;
        }
        const last = nodes[nodes.length - 1] as Text;
        return [last, last.data.length];
      };
      const rectOf = (offset: number) => {
        const [node, inner] = locate(offset);
        const range = document.createRange();
        range.setStart(node, inner);
        range.setEnd(node, inner + 1);
        (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        return range.getBoundingClientRect();
      };
      rectOf(at);
      const first = rectOf(at);
      const last = rectOf(at + needle.length - 1);
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    },
    { needle: text, nth: occurrence },
  );
  if (!points) throw new Error(`"${text}" is not in the text on screen.`);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
}

/** The text currently selected in the page. */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}
