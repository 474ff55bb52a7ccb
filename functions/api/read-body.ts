/** Reads a request body into memory, refusing it as soon as it passes a limit. */
import { concatBytes } from '../../lib/binary';
import { HttpError } from '../http-error';

/** The whole body, or HttpError 413 (with `tooLarge`'s message) once it passes `max` bytes. */
export async function readBodyLimited(request: Request, max: number, tooLarge: string): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > max) throw new HttpError(413, 'file-too-large', tooLarge);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw new HttpError(413, 'file-too-large', tooLarge);
    }
    chunks.push(value);
  }
  return concatBytes(chunks, total);
}
