import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';

describe('Markdown (API descriptions and guides)', () => {
  it('renders no raw HTML and no script URLs, in guides as in descriptions', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '[data](data:text/html;base64,PHNjcmlwdD4=)',
    ].join('\n\n');
    for (const apiLinks of [false, true]) {
      const html = renderToStaticMarkup(<Markdown apiLinks={apiLinks}>{hostile}</Markdown>);
      expect(html).not.toMatch(/<script|<img|onerror|javascript:|data:text/i);
    }
  });

  it('turns api: links into docs anchors only in guides', () => {
    const text = '[Forecast](api:weather#getForecast)';
    expect(renderToStaticMarkup(<Markdown apiLinks>{text}</Markdown>)).toContain(
      'href="/apis/weather#op-getForecast"',
    );
    expect(renderToStaticMarkup(<Markdown>{text}</Markdown>)).not.toContain('/apis/weather');
  });
});
