/**
 * The page's URL and the state: `read()` applies a shared link's hash (before the map mounts, so it
 * starts at the shared view; again on hashchange), `follow()` writes the state back into the hash
 * once the app has loaded (replaceState: sharing, not history).
 */
import { LAYER_IDS } from '../data/schema.ts';
import type { AppState } from './app-state.svelte.ts';
import { decodeUrlState, encodeUrlState } from './url-state.ts';
import { encodeDrafts, type UrlDraft } from './url-drafts.ts';
import { scenarios, currentSettings, openLinkScenario } from './scenarios-store.svelte.ts';

/** Where the hash lives (the page's `location` and `history`; a stand-in in tests). */
export interface HashTarget {
  read(): string;
  replace(hash: string): void;
}

const pageHash: HashTarget = {
  read: () => location.hash,
  replace: (hash) => history.replaceState(null, '', hash || location.pathname),
};

export class UrlSync {
  /** True once the app has loaded: from then on the URL follows the state. */
  ready = $state(false);
  /** Candidates carried by the link, added to this browser's drafts once those are read. */
  linkDrafts: UrlDraft[] = [];

  constructor(private app: AppState, private target: HashTarget = pageHash) {}

  /**
   * Applies the URL's hash (or `hash`: a hashchange event's new URL, which the state may have
   * replaced in the address bar before the event arrives) to the state; values it cannot use
   * become notices.
   */
  read(hash: string = this.target.read()): void {
    const app = this.app;
    const { state, notices } = decodeUrlState(hash);
    if (state.lang) app.lang = state.lang;
    if (state.mode) app.mode = state.mode;
    if (state.basemap) app.basemap = state.basemap;
    if (state.visible) for (const id of LAYER_IDS) app.visible[id] = state.visible.includes(id);
    if (state.filters) app.filters = state.filters;
    if (state.weights) app.weights = state.weights;
    if (state.view) app.viewRequest = { view: state.view };
    if (state.selected) app.selected = state.selected;
    if (state.drafts) this.linkDrafts = state.drafts;
    app.notices = notices;
    if (state.scenario) void openLinkScenario(app, state.scenario).then((n) => { if (n) app.notices = [...app.notices, n]; });
  }

  /** The hash of the current state. */
  hash(): string {
    const app = this.app;
    return encodeUrlState({
      view: app.view ?? undefined,
      lang: app.lang,
      mode: app.mode,
      basemap: app.basemap,
      visible: LAYER_IDS.filter((id) => app.visible[id]),
      selected: app.selected ?? undefined,
      filters: app.filters,
      weights: app.weights,
      drafts: encodeDrafts(app.drafts, app.draftNames, app.selected?.layer === 'drafts' ? app.selected.id : undefined).values,
      scenario: scenarios.linkValue(currentSettings(app)),
    });
  }

  /** Writes the state into the URL whenever it changes, once `ready`. Returns the function that stops. */
  follow(): () => void {
    return $effect.root(() => {
      $effect(() => {
        if (!this.ready) return;
        const hash = this.hash();
        if (hash !== this.target.read()) this.target.replace(hash);
      });
    });
  }
}
