import { lazy, type ComponentType } from 'react';

type View = 'list' | 'create' | 'edit' | 'show';
type Views = Partial<Record<View, ComponentType>>;

const loaders = new Set<() => Promise<unknown>>();
const RETRY_EVERY_MS = 2000;
const RETRIES = 30;

/** A chunk's import, tried again for a minute: a server restarting must not break a page for good. */
function retrying<T>(load: () => Promise<T>): () => Promise<T> {
  return async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await load();
      } catch (error) {
        if (attempt >= RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
      }
    }
  };
}

/** A page loaded on first use (or by `preloadPages`), so that the login page does not carry it. */
export function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  const once = retrying(load);
  loaders.add(once);
  return lazy(once);
}

/**
 * A resource's pages, loaded like `lazyPage`. The views are named here because react-admin reads which exist (an
 * Edit button, a create route) before any is loaded.
 */
export function lazyResource<Names extends View>(load: () => Promise<{ default: Views }>, views: Names[]): Record<Names, ComponentType> {
  const once = retrying(load);
  loaders.add(once);
  return Object.fromEntries(
    views.map((view) => [view, lazy(async () => ({ default: (await once()).default[view] as ComponentType }))]),
  ) as unknown as Record<Names, ComponentType>;
}

/**
 * Once signed in, loads every page in the background: the next navigation is instant, and works even while the
 * server is away (the chunks are already here).
 */
export function preloadPages(): void {
  for (const load of loaders) void load().catch(() => undefined);
}
