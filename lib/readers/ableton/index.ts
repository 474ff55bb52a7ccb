import type { Reader } from '../types';
import { readAbleton } from './read';
import { sniffAbleton } from './sniff';

/** The Ableton Live set reader (.als: gzip-compressed or plain XML). */
export const abletonReader: Reader = {
  daw: 'ableton',
  label: 'Ableton Live set',
  extensions: ['.als'],
  sniff: sniffAbleton,
  read: readAbleton,
};

export { readAbleton, sniffAbleton };
