/** The resolution's targets: figures and records (targets.ts), rules (assess.ts), chart models (charts.ts), strings (strings.ts). */
export * from './targets.ts';
export * from './assess.ts';
export * from './charts.ts';
export * from './strings.ts';
