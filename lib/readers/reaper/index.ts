import type { Reader } from '../types';
import { readReaper } from './read';
import { sniffReaper } from './sniff';

/** The REAPER project reader (.rpp: text in nested `<TAG … >` blocks). */
export const reaperReader: Reader = {
  daw: 'reaper',
  label: 'REAPER project',
  extensions: ['.rpp'],
  sniff: sniffReaper,
  read: readReaper,
};

export { readReaper, sniffReaper };
