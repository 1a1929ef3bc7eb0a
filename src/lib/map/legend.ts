/**
 * The map's key, derived from the palette and the schema's enums: the swatches of each layer for
 * the layer panel, and the short key printed beside the dossier's map. Pure; labels come through
 * the caller's translate function.
 */
import { MINERALS, SITE_KINDS, SITE_STATUSES, VOLTAGES_KV, CROPS, type LayerId } from '../data/schema.ts';
import * as palette from './palette.ts';

export type SwatchShape = 'dot' | 'ring' | 'line' | 'dash' | 'fill';
export interface Swatch { color: string; label: string; shape: SwatchShape }
type T = (key: string) => string;

/** The swatches of one layer in the layer panel (empty for layers drawn without a key). */
export function layerLegend(id: LayerId, t: T): Swatch[] {
  switch (id) {
    case 'industrial-sites':
      return [
        ...SITE_KINDS.map((k) => ({ color: palette.siteKind[k], label: t(`kind.${k}`), shape: 'dot' as const })),
        ...SITE_STATUSES.map((s) => ({ color: palette.siteStatus[s], label: t(`status.${s}`), shape: 'ring' as const })),
        { color: palette.base.uncertainty, label: t('legend.halo'), shape: 'ring' },
      ];
    case 'mineral-sites':
      return MINERALS.map((m) => ({ color: palette.mineral[m], label: t(`mineral.${m}`), shape: 'dot' as const }));
    case 'material-zones':
      return CROPS.map((c) => ({ color: palette.crop[c], label: t(`crop.${c}`), shape: 'fill' as const }));
    case 'power-lines':
      return [
        ...[...VOLTAGES_KV].reverse().map((kv) => ({ color: palette.voltage[kv], label: `${kv} kV`, shape: 'line' as const })),
        { color: palette.schematic, label: t('legend.schematic'), shape: 'dash' },
      ];
    case 'power-plants':
      return [{ color: palette.hydropower, label: t('layer.power-plants'), shape: 'dot' }];
    case 'roads':
      return [{ color: palette.road.national, label: t('legend.schematic'), shape: 'dash' }];
    case 'protected-areas':
      return [{ color: palette.protectedArea.fill, label: t('layer.protected-areas'), shape: 'fill' }];
    default:
      return [];
  }
}

/** The short key printed beside the dossier's map snapshot. */
export function dossierLegend(t: T): { color: string; label: string }[] {
  return [
    { color: palette.siteKind.park, label: t('kind.park') },
    { color: palette.siteKind.cluster, label: t('kind.cluster') },
    { color: palette.mineral['lead-zinc'], label: t('mineral.lead-zinc') },
    { color: palette.voltage[220], label: '220 kV' },
    { color: palette.voltage[110], label: '110 kV' },
    { color: palette.voltage[35], label: `35 kV (${t('accuracy.schematic').split(':')[0].toLowerCase()})` },
    { color: palette.road.national, label: t('layer.roads') },
    { color: palette.base.highlight, label: t('card.catchment') },
  ];
}
