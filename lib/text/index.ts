/** Text helpers shared by the exporters (time formatting, marker names and the ISRCs in them) and file names. */
export * from './time';
export * from './names';
export * from './isrc';
export * from './file-names';
export * from './lists';
