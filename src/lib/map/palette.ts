/**
 * One palette for the map and the legend: every colour the style uses comes from here (a test
 * checks every colour of every layer against it), and the legend (`legend.ts`) reads the same
 * constants, so the key cannot drift from the map.
 */
import type { Crop, Mineral, SiteKind, SiteStatus, VoltageKv } from '../data/schema.ts';
import type { Measure } from '../targets/targets.ts';

/** Basemap tokens (muted, so thematic layers stand out). */
export const base = {
  background: '#e9eef0',
  neighbourFill: '#d9dee0',
  neighbourLine: '#aab3b8',
  regionFill: '#f7f5ef',
  regionLine: '#4a4f55',
  districtLine: '#7a828a',
  communeLine: '#b9bfc4',
  river: '#6fa8dc',
  label: '#2b2f33',
  labelHalo: '#ffffff',
  highlight: '#ff6f00',
  uncertainty: '#6b5b95',
  /** The white rim around symbols. */
  stroke: '#ffffff',
  /** A circle drawn only by its stroke. */
  transparent: 'rgba(0,0,0,0)',
} as const;

/** Label text per layer (each a darker shade of what it names). */
export const label = {
  neighbour: '#5f676d',
  district: '#59616a',
  commune: '#7a828a',
  substation: '#7f1d1d',
  mineral: '#37474f',
  site: '#4a0e2f',
  connector: '#3e2723',
} as const;

/** Colours for values outside the palette's keys (a crop, voltage, kind or status the data do not list). */
export const fallback = {
  zone: '#888888',
  line: '#777777',
  point: '#555555',
  status: '#9e9e9e',
} as const;

/** The legend's swatch for schematic (indicative) lines. */
export const schematic = '#555555';

/** The user's sketched drafts (terra-draw). */
export const draft = '#00838f';

/** Industrial sites: fill by kind, outline by status. */
export const siteKind: Record<SiteKind, string> = {
  park: '#8e24aa',
  cluster: '#d81b60',
};
export const siteStatus: Record<SiteStatus, string> = {
  operating: '#1b5e20',
  'under-construction': '#f9a825',
  established: '#1565c0',
  planned: '#9e9e9e',
};

/** Minerals, by element (lead-zinc the grey-blue of galena/sphalerite; gold its own). */
export const mineral: Record<Mineral, string> = {
  'lead-zinc': '#455a64',
  lead: '#6d4c41',
  gold: '#c9a000',
};

/** Raw-material zones by crop (ColorBrewer Set2/Dark2-like qualitative hues, fill at low opacity). */
export const crop: Record<Crop, string> = {
  wood: '#2e7d32',
  canna: '#8d6e63',
  ginger: '#ef6c00',
  turmeric: '#f9a825',
  herbs: '#00897b',
  orange: '#fb8c00',
  persimmon: '#d84315',
  'rice-wine': '#5e35b1',
};

/**
 * Power by voltage class. Ramp after Open Infrastructure Map's voltage scale
 * (openinframap `style_oim_power.ts` voltage_scale: low voltages warm, high voltages blue/purple).
 */
export const voltage: Record<VoltageKv, string> = {
  22: '#7a7a85',
  35: '#b58900',
  110: '#c62828',
  220: '#1565c0',
};

export const hydropower = '#0277bd';
export const road = { expressway: '#e65100', national: '#ef8f00', provincial: '#f4c542', other: '#bdbdbd', casing: '#8a6d3b' } as const;
export const protectedArea = { fill: '#43a047', line: '#1b5e20' } as const;

/** The targets panel's charts, by charted measure (the two share measures share one grey). */
export const measure: Partial<Record<Measure, string>> = {
  'industry-va-growth': '#0d47a1',
  'industry-output-growth': '#6a1b9a',
  'industry-iip-growth': '#00695c',
  'ic-va-growth': '#5d4037',
  'ic-share': '#455a64',
  'industry-share': '#455a64',
};

/** The user's imported data. */
export const userData = '#6a1b9a';

// --- suitability surface ---------------------------------------------------------------------
/**
 * Suitability 0–100, low → high: a sequential ramp after viridis (perceptually uniform, readable
 * in greyscale and by colour-blind readers), from dark purple (poor) to yellow (best).
 */
export const suitabilityRamp: readonly { at: number; color: string }[] = [
  { at: 0, color: '#440154' },
  { at: 20, color: '#414487' },
  { at: 40, color: '#2a788e' },
  { at: 60, color: '#22a884' },
  { at: 80, color: '#7ad151' },
  { at: 100, color: '#fde725' },
];
/** Cells excluded from the surface (protected area, river corridor, threshold): hatched grey. */
export const surfaceExcluded = { color: '#9e9e9e', alpha: 0.55 } as const;
/** Candidate areas' outline on the map. */
export const candidateArea = '#ff6f00';

// --- site symbols coloured by one distance -----------------------------------------------------
/**
 * Distance classes, near → far: viridis (perceptually uniform, readable by colour-blind readers
 * and in greyscale), dark for the nearest class, pale yellow for the farthest.
 */
export const distanceRamp: readonly string[] = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
/** A site with no value for the chosen distance (layer missing, nothing found). */
export const distanceNoValue = '#9e9e9e';
