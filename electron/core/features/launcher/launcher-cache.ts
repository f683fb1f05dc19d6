import { z } from 'zod';
import { CatalogEntry } from '../../../../shared/domain/launcher/index.ts';
import type { ClientState } from '../../cache/client-state.ts';

const CATALOG = 'launcher.catalog';
const STALE = 'launcher.stale';
const RECENT = 'palette.recent';
const RECENT_MAX = 8;

export const PaletteRecent = z.array(z.object({ id: z.string().max(200), at: z.number().int() })).max(RECENT_MAX);
export type PaletteRecent = z.infer<typeof PaletteRecent>;

/** The user's tool catalog as last fetched, kept for offline use, and the palette's recent picks. */
export class LauncherCache {
  private readonly state: ClientState;

  constructor(state: ClientState) {
    this.state = state;
  }

  catalog(): CatalogEntry[] | null {
    return this.state.parsed(CATALOG, z.array(CatalogEntry));
  }

  replace(catalog: CatalogEntry[]): void {
    this.state.set(CATALOG, catalog);
    this.state.set(STALE, false);
  }

  /** An admin changed the catalog: the next read fetches it again. */
  markStale(): void {
    this.state.set(STALE, true);
  }

  /** True until the first fetch, after an admin's change, and when a kept copy no longer reads back. */
  isStale(): boolean {
    return this.state.get<boolean>(STALE) !== false || this.catalog() === null;
  }

  setFavorites(toolIds: readonly string[]): void {
    const ids = new Set(toolIds);
    const catalog = this.catalog();
    if (catalog)
      this.state.set(
        CATALOG,
        catalog.map((t) => ({ ...t, favorite: ids.has(t.id) })),
      );
  }

  setFavorite(toolId: string, favorite: boolean): void {
    const catalog = this.catalog();
    if (catalog)
      this.state.set(
        CATALOG,
        catalog.map((t) => (t.id === toolId ? { ...t, favorite } : t)),
      );
  }

  /** Counted at once, so "recent" and "most used" move with the click; the server's figure replaces it on the next fetch. */
  launched(toolId: string, at: number): void {
    const catalog = this.catalog();
    if (!catalog) return;
    this.state.set(
      CATALOG,
      catalog.map((t) => (t.id === toolId ? { ...t, usage: { count: t.usage.count + 1, lastUsedAt: at } } : t)),
    );
  }

  recent(): PaletteRecent {
    return this.state.parsed(RECENT, PaletteRecent) ?? [];
  }

  remember(id: string, at: number): void {
    this.state.set(RECENT, [{ id, at }, ...this.recent().filter((r) => r.id !== id)].slice(0, RECENT_MAX));
  }
}
