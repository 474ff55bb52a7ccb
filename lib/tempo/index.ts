export { createTempoMap, type TempoMap, type TempoMapOptions } from './tempo-map';
export { createMeterMap, type MeterMap } from './meter';
export { byTime, resolveStart, type Start } from './start';
export { harmonicSum, digammaDifference } from './harmonic';
