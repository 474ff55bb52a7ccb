export { ByteReader } from './byte-reader';
export { concatBytes } from './concat';
export { enlarged } from './grow';
