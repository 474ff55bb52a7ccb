import { DawstampsError } from '../errors';
import type { XmlExtractor } from './extractor';

/** Feeds UTF-8 bytes (split anywhere) into an extractor, stopping at once past `maxBytes`. */
export class XmlByteReader {
  /** Bytes of XML seen so far. */
  bytes = 0;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly extractor: XmlExtractor, private readonly maxBytes: number) {}

  /** Feeds the next chunk of bytes. */
  write(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      throw new DawstampsError('inflated-too-large', `The set holds more than ${formatBytes(this.maxBytes)} of XML; dawstamps stops there.`, { limit: this.maxBytes });
    }
    const text = this.decoder.decode(chunk, { stream: true });
    if (text.length > 0) this.extractor.write(text);
  }

  /** Ends the stream; throws 'corrupt-file' when the XML is incomplete. */
  end(): void {
    const text = this.decoder.decode();
    if (text.length > 0) this.extractor.write(text);
    this.extractor.end();
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${n} bytes`;
}
