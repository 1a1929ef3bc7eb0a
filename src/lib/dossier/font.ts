/**
 * The dossier font: Be Vietnam Pro (the app's UI font, SIL OFL 1.1) as TTF, from the npm package
 * `@expo-google-fonts/be-vietnam-pro` (jsPDF needs TTF; `@fontsource` ships only woff/woff2
 * subsets split by script). The files are emitted by Vite as separate assets and fetched only
 * when a dossier is built, so they add nothing to the initial bundle.
 */
import type { DossierFontBytes } from './types.ts';

/** Path of the regular TTF inside node_modules (for Node callers that read the file themselves). */
export const DOSSIER_FONT_REGULAR_PATH = '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf';
/** Path of the semibold TTF inside node_modules (for Node callers that read the file themselves). */
export const DOSSIER_FONT_BOLD_PATH = '@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf';

/** Something that fetches a URL, like the global `fetch`. */
export type DossierFetch = (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

let cached: Promise<DossierFontBytes> | undefined;

/**
 * Lazily load the dossier font in the browser: dynamic `?url` imports (tiny chunks holding only
 * the asset URLs) and a fetch of each TTF (~132 KB each). The result is memoised; a failed load
 * is not, so a later click can retry.
 * @param fetcher fetch function (default: global `fetch`); tests may pass one reading from disk.
 * @returns TTF bytes of the regular and semibold weights.
 */
export function loadDossierFont(fetcher: DossierFetch = (u) => fetch(u, { signal: AbortSignal.timeout(30_000) })): Promise<DossierFontBytes> {
  if (!cached) {
    cached = (async () => {
      const [r, b] = await Promise.all([
        import('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf?url'),
        import('@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf?url'),
      ]);
      const get = async (url: string) => {
        const res = await fetcher(url);
        if (!res.ok) throw new Error(`dossier font: HTTP ${res.status} for ${url}`);
        return new Uint8Array(await res.arrayBuffer());
      };
      const [regular, bold] = await Promise.all([get(r.default), get(b.default)]);
      return { regular, bold };
    })();
    cached.catch(() => {
      cached = undefined;
    });
  }
  return cached;
}
