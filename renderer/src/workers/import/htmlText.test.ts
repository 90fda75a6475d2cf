import { describe, expect, it } from 'vitest';
import { htmlToText } from './htmlText';

describe('htmlToText', () => {
  it('keeps the words, drops scripts, styles and handlers', () => {
    const result = htmlToText(`<html><head><title> Leaked
      page </title><script>alert(1)</script><style>p{}</style></head>
      <body onload="steal()"><h1>Payments</h1><p>Paid to <a href="javascript:steal()">Halvorsen&nbsp;Ltd</a>.</p>
      <img src="https://tracker.example/x.gif" onerror="steal()" alt="chart"><noscript>enable js</noscript></body></html>`);
    expect(result.title).toBe('Leaked page');
    expect(result.text).toBe('Payments\n\nPaid to Halvorsen\u00a0Ltd.\n\n[image: chart]');
    expect(result.text).not.toMatch(/alert|steal|enable js/);
    expect(result.links).toEqual([{ text: 'Halvorsen\u00a0Ltd', href: 'javascript:steal()' }]);
  });

  it('breaks lines at blocks and keeps preformatted text', () => {
    const result = htmlToText(
      '<div>one</div><div>two<br>three</div><ul><li>a</li><li>b</li></ul><pre>  x\n  y</pre>',
    );
    expect(result.text).toBe('one\ntwo\nthree\n\n• a\n• b\n\n  x\n  y');
  });

  it('decodes entities and copes with broken markup', () => {
    expect(htmlToText('<p>&lt;b&gt; &amp; &eacute;<p>unclosed <b>bold').text).toBe(
      '<b> & é\n\nunclosed bold',
    );
  });

  it('returns empty text for a page with no words', () => {
    expect(htmlToText('<html><head><script>x</script></head><body></body></html>').text).toBe('');
  });
});
