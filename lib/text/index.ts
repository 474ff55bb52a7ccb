/** Text helpers shared by the exporters: time formatting, marker names and the ISRCs in them. */
export * from './time';
export * from './names';
export * from './isrc';
export * from './lists';
