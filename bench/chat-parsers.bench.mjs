// Issue 3: chat-export parsing speed. Parses generated 100,000-message exports of every layout the
// generator writes (WhatsApp Android and iOS in several locales, Telegram JSON, signal-export
// Markdown), in Chromium through the harness page (as the import worker will) and in Node, and
// prints the median of three runs after a warm-up, in ms and messages per second, and the heap a
// parsed 100,000-message export holds.
import { build } from 'esbuild';
import { join } from 'node:path';
import {
  generateConversation,
  renderSignalMarkdown,
  renderTelegramJson,
  renderWhatsApp,
  WHATSAPP_LAYOUTS,
} from './generators/whatsapp.mjs';
import { openHarness } from './support.mjs';

const MESSAGES = 100_000;
const RUNS = 3;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The parsers bundled for Node (the page gets them from the harness). */
async function loadParsers(root) {
  const result = await build({
    entryPoints: [join(root, 'shared/domain/chat/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

export default async function chatParsers({ context, report, root }) {
  const started = performance.now();
  const conversation = generateConversation({ messages: MESSAGES, seed: 20_240_601 });
  const inputs = Object.keys(WHATSAPP_LAYOUTS).map((layout) => ({
    label: `WhatsApp ${layout}`,
    fileName: layout.startsWith('ios') ? '_chat.txt' : 'WhatsApp Chat with Harbour project.txt',
    text: renderWhatsApp(conversation, layout).text,
  }));
  inputs.push({
    label: 'Telegram JSON',
    fileName: 'result.json',
    text: renderTelegramJson(conversation),
  });
  inputs.push({
    label: 'signal-export chat.md',
    fileName: 'Harbour/chat.md',
    text: renderSignalMarkdown(conversation),
  });
  report(
    'generated exports',
    (performance.now() - started) / 1000,
    's',
    `${inputs.length} layouts`,
  );

  const page = await openHarness(context);
  for (const input of inputs) {
    const figures = await page.evaluate(
      ({ fileName, text, runs }) => {
        const { parseChatExport } = window.casefileBench;
        const once = () => {
          const t = performance.now();
          const result = parseChatExport({ fileName, text });
          const ms = performance.now() - t;
          if (!result.ok) throw new Error(result.reason);
          const count = result.chat.conversations.reduce((n, c) => n + c.messages.length, 0);
          return { ms, count, warnings: result.chat.warnings.length };
        };
        once();
        const times = [];
        let last;
        for (let i = 0; i < runs; i += 1) {
          last = once();
          times.push(last.ms);
        }
        return { times, count: last.count, warnings: last.warnings };
      },
      { fileName: input.fileName, text: input.text, runs: RUNS },
    );
    const ms = median(figures.times);
    report(
      `Chromium: ${input.label}`,
      ms,
      'ms',
      `${Math.round((figures.count / ms) * 1000).toLocaleString('en-GB')} messages/s, ${figures.count.toLocaleString('en-GB')} messages, ${(input.text.length / 1e6).toFixed(1)} M chars`,
    );
  }
  // What a parsed export holds in memory (the import keeps it until it is stored).
  const held = await page.evaluate(
    ({ fileName, text }) => {
      const { parseChatExport, memory } = window.casefileBench;
      globalThis.gc?.();
      const before = memory()?.usedJSHeapSize ?? NaN;
      window.__heldChat = parseChatExport({ fileName, text });
      globalThis.gc?.();
      const after = memory()?.usedJSHeapSize ?? NaN;
      window.__heldChat = undefined;
      return (after - before) / 1024 / 1024;
    },
    { fileName: inputs[1].fileName, text: inputs[1].text },
  );
  report(
    `Chromium: heap held by the parsed ${inputs[1].label}`,
    held,
    'MB',
    'the text itself excluded',
  );
  await page.close();

  const parsers = await loadParsers(root);
  for (const input of inputs) {
    parsers.parseChatExport({ fileName: input.fileName, text: input.text });
    const times = [];
    let count = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const t = performance.now();
      const result = parsers.parseChatExport({ fileName: input.fileName, text: input.text });
      times.push(performance.now() - t);
      if (!result.ok) throw new Error(result.reason);
      count = result.chat.conversations.reduce((n, c) => n + c.messages.length, 0);
    }
    const ms = median(times);
    report(
      `Node: ${input.label}`,
      ms,
      'ms',
      `${Math.round((count / ms) * 1000).toLocaleString('en-GB')} messages/s`,
    );
  }
}
