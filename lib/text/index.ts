/** Text helpers shared by the exporters: time formatting and marker-name handling. */
export * from './time';
export * from './names';
