import type { Banner } from '../view/banners';
import { h } from './h';

// Plain glyphs every system font has (headless Chromium shows no colour emoji).
const ICON: Record<Banner['level'], string> = { error: '✖', warning: '⚠', info: 'i' };

/** Replaces the banner list; errors are announced (`role="alert"`), the rest politely. */
export function renderBanners(container: HTMLElement, banners: Banner[]): void {
  container.replaceChildren(
    ...banners.map((banner) =>
      h(
        'div',
        {
          class: `banner banner-${banner.level}`,
          'data-banner': banner.id,
          role: banner.level === 'error' ? 'alert' : 'status',
        },
        h('span', { class: 'banner-icon', 'aria-hidden': 'true' }, ICON[banner.level]),
        h('div', {}, h('strong', {}, banner.title), h('p', {}, banner.detail)),
      ),
    ),
  );
}
