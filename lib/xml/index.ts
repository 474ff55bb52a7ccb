export { XmlExtractor } from './extractor';
export { XmlByteReader } from './byte-reader';
export { child, descend, valueAt } from './node';
export { decodeEntities } from './tag';
export type { TagView, XmlElement, XmlLimits, XmlNode, XmlRule } from './types';
