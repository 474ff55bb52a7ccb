import type { Reader } from '../types';
import { readDawproject } from './read';
import { sniffDawproject } from './sniff';

/** The DAWproject reader (.dawproject: a ZIP with project.xml; Bitwig Studio, Studio One, Cubase…). */
export const dawprojectReader: Reader = {
  daw: 'dawproject',
  label: 'DAWproject file',
  extensions: ['.dawproject'],
  sniff: sniffDawproject,
  read: readDawproject,
};

export { readDawproject, sniffDawproject };
