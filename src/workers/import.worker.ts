/**
 * The import worker: parses, reprojects and checks a user's file off the main thread with the
 * same pure code as `npm run convert`. Progress goes back through a comlink proxy.
 */
import { expose } from 'comlink';
import { importFile, type ImportInput, type ImportOptions, type ImportResult } from '../lib/data/import/index.ts';
import { exportCollection, type ExportOptions, type ExportResult } from '../lib/data/export/index.ts';
import type { FeatureCollection, Geometry } from 'geojson';

export const importApi = {
  async importFile(input: ImportInput, options: Omit<ImportOptions, 'signal' | 'onProgress'>, onProgress?: (f: number) => void): Promise<ImportResult> {
    return importFile(input, { ...options, onProgress: onProgress ? (f) => void onProgress(f) : undefined });
  },
  exportCollection(fc: FeatureCollection<Geometry | null>, options: ExportOptions): ExportResult {
    return exportCollection(fc, options);
  },
};

export type ImportApi = typeof importApi;

expose(importApi);
