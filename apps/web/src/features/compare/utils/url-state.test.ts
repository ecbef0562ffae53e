import { describe, expect, it } from 'vitest';
import { compareViewOf, urlList, urlListSet, urlSmoothing, urlValueRef, urlZoomFormat, urlZooms } from './url-state';

describe('compareViewOf', () => {
  it('reads a shared link', () => {
    const view = compareViewOf(
      new URLSearchParams('runs=a,b,a,&keys=val_loss,auc&x=relative&smooth=0.6&log=val_loss&zoom=val_loss:100:500&sx=param:lr&sy=metric:auc&slog=x&diff=all'),
    );
    expect(view).toMatchObject({
      runIds: ['a', 'b'],
      keys: ['val_loss', 'auc'],
      xMode: 'relative',
      smoothing: 0.6,
      logKeys: ['val_loss'],
      scatterX: { source: 'param', key: 'lr' },
      scatterY: { source: 'metric', key: 'auc' },
      scatterLogX: true,
      scatterLogY: false,
      onlyDifferences: false,
    });
    expect(view.zooms.get('val_loss')).toEqual({ fromStep: 100, toStep: 500 });
  });

  it('falls back to defaults for a bare or garbled URL', () => {
    const view = compareViewOf(new URLSearchParams('x=sideways&smooth=lots&zoom=nonsense'));
    expect(view).toMatchObject({ runIds: [], keys: null, xMode: 'step', smoothing: 0, onlyDifferences: true });
    expect(view.zooms.size).toBe(0);
  });

  it('tells an empty key choice from no choice', () => {
    expect(compareViewOf(new URLSearchParams('keys=')).keys).toEqual([]);
  });
});

describe('url helpers', () => {
  it('clamps smoothing to [0, 0.99]', () => {
    expect(urlSmoothing('2')).toBe(0.99);
    expect(urlSmoothing('-1')).toBe(0);
    expect(urlSmoothing(null)).toBe(0);
  });

  it('round-trips zooms of keys that contain colons and negative steps', () => {
    const z = urlZooms([urlZoomFormat('eval:loss', { fromStep: -5, toStep: 20 })]);
    expect(z.get('eval:loss')).toEqual({ fromStep: -5, toStep: 20 });
  });

  it('rejects a reversed zoom', () => {
    expect(urlZooms(['k:9:3']).size).toBe(0);
  });

  it('reads value references', () => {
    expect(urlValueRef('metric:a:b')).toEqual({ source: 'metric', key: 'a:b' });
    expect(urlValueRef('tag:x')).toBeNull();
  });

  it('drops a list param when the list is empty', () => {
    const p = new URLSearchParams('log=a');
    urlListSet(p, 'log', []);
    expect(p.has('log')).toBe(false);
    urlListSet(p, 'log', ['a', 'b']);
    expect(p.get('log')).toBe('a,b');
    expect(urlList(' a , ,b ')).toEqual(['a', 'b']);
  });
});
