// Do the page's preview and the server's result say the same? Compared on what a tracklist is:
// the entries' names and times (within 1 ms), the DAW that saved the file, the timing model.

/** Seconds two times may differ by and still agree. */
export const TOLERANCE = 0.001;

/**
 * The ways two results differ, in words (none: they agree).
 * @param {any} preview the result made in this browser
 * @param {any} server the server's result
 * @returns {string[]}
 */
export function differences(preview, server) {
  const out = [];
  if (preview.source?.daw !== server.source?.daw) out.push(`the project is read as ${server.source?.daw}, not ${preview.source?.daw}`);
  if (preview.timing?.model !== server.timing?.model) out.push(`the timing model is ${server.timing?.model}, not ${preview.timing?.model}`);
  const a = preview.markers ?? [];
  const b = server.markers ?? [];
  if (a.length !== b.length) out.push(`it has ${b.length} entries, not ${a.length}`);
  else {
    const names = a.filter((/** @type {any} */ m, /** @type {number} */ i) => m.name !== b[i].name).length;
    const times = a.filter((/** @type {any} */ m, /** @type {number} */ i) => !(Math.abs(m.seconds - b[i].seconds) <= TOLERANCE)).length;
    if (names) out.push(`${names} ${names === 1 ? 'name differs' : 'names differ'}`);
    if (times) out.push(`${times} ${times === 1 ? 'time differs' : 'times differ'} by more than 1 ms`);
  }
  return out;
}
