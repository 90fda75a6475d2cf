import { describe, expect, it } from 'vitest';
import { cleanPastedHtml, safeHref } from './pasteCleaning';

const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{margin:0}</style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]--></head>
<body lang=EN-GB><div class=WordSection1>
<p class=MsoNormal><b><span style='font-size:12pt'>Payment trail</span></b><o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>First transfer<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>·</span><![endif]>Second <i>transfer</i><o:p></o:p></p>
<p class=MsoNormal><img width=20 src="https://tracker.example/pixel.gif"><v:shape><v:imagedata src="file:///C:/x.png"/></v:shape></p>
</div></body></html>`;

describe('cleanPastedHtml', () => {
  it('turns a Word document into paragraphs and lists, without styles or images', () => {
    const html = cleanPastedHtml(WORD);
    expect(html).toContain('<p><strong>Payment trail</strong></p>');
    expect(html).toContain(
      '<ul><li><p>First transfer</p></li><li><p>Second <em>transfer</em></p></li></ul>',
    );
    expect(html).not.toMatch(
      /img|tracker|style|class|mso|Symbol|·|imagedata|OfficeDocumentSettings/,
    );
  });

  it('drops scripts, handlers, remote images and unsafe links from a web page', () => {
    const html = cleanPastedHtml(
      `<div onclick="steal()"><h1>Leak</h1><script>alert(1)</script><p style="background:url(https://x.test/a.png)">Read <a href="javascript:alert(1)">this</a> and <a href="https://example.org/a" target="_blank" onmouseover="x()">that</a>.</p><img src="https://x.test/b.png" srcset="https://x.test/c.png 2x"><iframe src="https://x.test"></iframe><svg><image href="https://x.test/d.png"/></svg></div>`,
    );
    expect(html).toBe(
      '<h2>Leak</h2><p>Read this and <a href="https://example.org/a">that</a>.</p>',
    );
  });

  it('keeps Google Docs text without its fake bold, and bold spans as bold', () => {
    const html = cleanPastedHtml(
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">Bold</span> and <span style="font-style:italic">slanted</span></p></b>',
    );
    expect(html).toBe('<p><strong>Bold</strong> and <em>slanted</em></p>');
  });

  it('escapes text and flattens tables', () => {
    expect(cleanPastedHtml('<table><tr><td>a &lt;b&gt;</td><td>c</td></tr></table>')).toBe(
      '<p>a &lt;b&gt; c</p>',
    );
  });

  it('accepts only web and mail links', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref(' java\nscript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeHref('/relative')).toBeUndefined();
  });
});
