/**
 * A DAWproject file is a ZIP archive (docs/dawproject.md#container). Any ZIP is claimed here: one
 * without a project.xml is then 'not-a-project' with a sentence saying so, rather than no reader's.
 */

/** True when the bytes start like a ZIP: a local file header, or the end record of an empty archive. */
export function sniffDawproject(head: Uint8Array): boolean {
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) return false;
  return (head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06);
}
