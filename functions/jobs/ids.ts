/** Job ids: 128 random bits as 32 lowercase hex digits (never guessable, never a path). */

const JOB_ID = /^[0-9a-f]{32}$/;

/** A fresh job id from the platform's CSPRNG (128 bits ≥ the 122 of a UUID v4). */
export function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** True for a well-formed job id; checked before an id reaches storage (no traversal, no probing). */
export function isJobId(id: unknown): id is string {
  return typeof id === 'string' && JOB_ID.test(id);
}
