/**
 * Saved scenarios of the suitability surface (scenarios.ts), one IndexedDB key each
 * (`scenario:<id>`, see item-store.ts) like the drafts: saved, renamed, deleted, listed; the active
 * one follows the panel's settings and travels with the shared link. A corrupt item is set aside
 * with a message, never thrown at the user.
 */
import type { SurfaceWeights } from '../analysis/surface/criteria.ts';
import { DEFAULT_SURFACE_WEIGHTS } from '../analysis/surface/criteria.ts';
import { ItemStore, type ItemStoreOptions } from './item-store.ts';
import { asScenario, cleanName, encodeScenario, sameSettings, type LinkScenario, type Scenario, type ScenarioSettings } from './scenarios.ts';
import { surfaceSettings } from './surface-state.svelte.ts';
import type { Notice } from './notices.ts';

/** The parts of the app state a scenario reads and sets. */
export interface ScenarioHost { weights: Record<string, number> }

export class ScenarioStore {
  list = $state<Scenario[]>([]);
  /** Id of the active scenario (the last saved or applied), null = none. */
  activeId = $state<string | null>(null);
  /** A scenario applied from a link but not saved here (its name and settings). */
  fromLink = $state<LinkScenario | null>(null);
  error = $state<string | null>(null);
  loaded = false;
  readonly items: ItemStore<Scenario>;

  constructor(options: ItemStoreOptions = { channel: 'backan-scenarios' }) {
    this.items = new ItemStore<Scenario>('scenario:', 'scenarios', options);
    this.items.onExternalChange(() => { void this.load(); });
  }

  async load(): Promise<void> {
    try {
      const all = await this.items.loadAll();
      const good = [...all.values()].map(asScenario).filter((x): x is Scenario => !!x);
      good.sort((a, b) => a.saved - b.saved || a.name.localeCompare(b.name));
      this.list = good;
      const bad = all.size - good.length;
      this.error = bad ? `${bad} saved scenario${bad > 1 ? 's' : ''} could not be read and ${bad > 1 ? 'were' : 'was'} set aside` : null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
    this.loaded = true;
  }

  private async persist(next: Scenario[]): Promise<void> {
    this.list = next;
    try {
      await this.items.save(new Map(next.map((s) => [s.id, $state.snapshot(s) as Scenario])));
      this.error = null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** Saves the settings under a name (a scenario of the same name is replaced); returns it, or null for an empty name. */
  async save(name: string, settings: ScenarioSettings): Promise<{ scenario: Scenario; replaced: boolean } | null> {
    const n = cleanName(name);
    if (!n) return null;
    const old = this.list.find((s) => s.name === n);
    const sc: Scenario = { id: old?.id ?? crypto.randomUUID(), name: n, saved: old?.saved ?? Date.now(), ...structuredClone(settings) };
    await this.persist(old ? this.list.map((s) => (s.id === old.id ? sc : s)) : [...this.list, sc]);
    this.activeId = sc.id;
    this.fromLink = null;
    return { scenario: sc, replaced: !!old };
  }

  async rename(id: string, name: string): Promise<boolean> {
    const n = cleanName(name);
    if (!n || this.list.some((s) => s.name === n && s.id !== id)) return false;
    await this.persist(this.list.map((s) => (s.id === id ? { ...s, name: n } : s)));
    return true;
  }

  async remove(id: string): Promise<void> {
    await this.persist(this.list.filter((s) => s.id !== id));
    if (this.activeId === id) this.activeId = null;
  }

  byId(id: string | null): Scenario | null {
    return this.list.find((s) => s.id === id) ?? null;
  }

  /** The active scenario and whether the current settings still equal it. */
  active(current: ScenarioSettings): { name: string; settings: ScenarioSettings; modified: boolean } | null {
    const a = this.byId(this.activeId) ?? (this.fromLink?.settings ? { name: this.fromLink.name, ...this.fromLink.settings } : null);
    return a ? { name: a.name, settings: a, modified: !sameSettings(a, current) } : null;
  }

  /** The link form of the active scenario, when the current settings are still the scenario's. */
  linkValue(current: ScenarioSettings): string | undefined {
    const a = this.active(current);
    return a && !a.modified ? encodeScenario(a.name, a.settings) : undefined;
  }
}

/** The page's current scenario settings. */
export function currentSettings(host: ScenarioHost): ScenarioSettings {
  const s = surfaceSettings;
  const weights = { ...DEFAULT_SURFACE_WEIGHTS, ...host.weights, ...s.extra } as SurfaceWeights;
  return { weights, sector: s.sector, exclude: { ...s.exclude } };
}

/** Applies settings: the planner's weights (only those off their default), surface-only weights, sector, exclusions. */
export function applySettings(host: ScenarioHost, st: ScenarioSettings): void {
  const w: Record<string, number> = {};
  for (const [k, v] of Object.entries(st.weights)) {
    if (k === 'district-centre' || k === 'river') continue;
    if (v !== DEFAULT_SURFACE_WEIGHTS[k as keyof SurfaceWeights]) w[k] = v;
  }
  host.weights = w;
  surfaceSettings.extra = { 'district-centre': st.weights['district-centre'], river: st.weights.river };
  surfaceSettings.sector = st.sector;
  surfaceSettings.exclude = { ...st.exclude };
}

export const scenarios = new ScenarioStore();

/**
 * Opens the scenario a link names: the saved one of that name when its settings are the link's
 * (or the link carries none), else the link's settings (marked as not saved here). Returns the
 * notice to show, if any.
 */
export async function openLinkScenario(host: ScenarioHost, link: LinkScenario): Promise<Notice | null> {
  if (!scenarios.loaded) await scenarios.load();
  const saved = scenarios.list.find((s) => s.name === link.name);
  if (saved && (!link.settings || sameSettings(saved, link.settings))) {
    applySettings(host, saved);
    scenarios.activeId = saved.id;
    return null;
  }
  if (!link.settings) return { code: 'scenarioMissing', detail: link.name };
  applySettings(host, link.settings);
  scenarios.activeId = null;
  scenarios.fromLink = link;
  return { code: 'scenarioFromLink', detail: link.name };
}
