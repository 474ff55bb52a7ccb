/** The running bundle as a thread script, or undefined when running from TypeScript source. */

/** `moduleUrl` when it is a built .js/.mjs bundle (a thread can start it), else undefined. */
export function bundleScript(moduleUrl: string): URL | undefined {
  return /\.m?js$/.test(new URL(moduleUrl).pathname) ? new URL(moduleUrl) : undefined;
}
