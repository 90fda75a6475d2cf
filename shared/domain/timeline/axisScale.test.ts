import { describe, expect, it } from 'vitest';
import { axisTicks, clampView, MIN_SPAN, stepFor, zoomView } from './axisScale';

const at = (iso: string) => Date.parse(iso);

describe('axis ticks', () => {
  it('uses years when zoomed out and hours when zoomed in', () => {
    expect(stepFor((20 * 365 * 86_400_000) / 1000).unit).toBe('year');
    expect(stepFor((365 * 86_400_000) / 1000).unit).toBe('month');
    expect(stepFor((14 * 86_400_000) / 1000).unit).toBe('day');
    expect(stepFor((6 * 3_600_000) / 1000).unit).toBe('hour');
  });

  it('labels months, with the year on January', () => {
    const ticks = axisTicks(at('2019-11-15T00:00Z'), at('2020-03-15T00:00Z'), 25_000_000);
    expect(ticks.map((t) => t.label)).toEqual(['Dec', 'Jan 2020', 'Feb', 'Mar']);
    expect(ticks.find((t) => t.label === 'Jan 2020')?.major).toBe(true);
  });

  it('labels hours, with the date at midnight', () => {
    const ticks = axisTicks(at('2020-04-14T21:00Z'), at('2020-04-15T03:00Z'), 40_000);
    expect(ticks.map((t) => t.label)).toEqual([
      '21:00',
      '22:00',
      '23:00',
      '15 Apr 2020',
      '01:00',
      '02:00',
      '03:00',
    ]);
  });

  it('handles the first centuries and caps the number of ticks', () => {
    const ticks = axisTicks(at('0044-01-01T00:00Z'), at('0050-01-01T00:00Z'), 1e9);
    expect(ticks.map((t) => t.label)).toEqual(['0045', '0050']);
    expect(axisTicks(0, 1e15, 1).length).toBeLessThanOrEqual(400);
  });
});

describe('views', () => {
  it('zooms around a point and stays inside the limits', () => {
    const view = { start: at('2020-01-01T00:00Z'), span: 366 * 86_400_000 };
    const zoomed = zoomView(view, 0.5, at('2020-07-01T00:00Z'));
    expect(zoomed.span).toBe(view.span / 2);
    expect(zoomed.start).toBeGreaterThan(view.start);
    expect(clampView(0, 1).span).toBe(MIN_SPAN);
    expect(clampView(-1e20, 1e20).start).toBeGreaterThan(-1e20);
  });
});
