export { ByteReader } from './byte-reader';
