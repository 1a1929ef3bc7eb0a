/** Re-exports for encodings.test.ts. */
import { importFile } from '../../../src/lib/data/import';
export { fixture, fixtureJson } from './helpers';
/** Import bytes under a name. */
export const importFile2 = (name: string, bytes: Uint8Array) => importFile({ name, bytes });
