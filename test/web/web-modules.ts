/**
 * The page's pure modules (plain JS in web/, no build step), loaded with the types the tests rely on.
 * tsconfig does not allowJs, so the imports go through a computed URL and these interfaces. Only
 * modules that import nothing from lib's bundle (./dawstamps.js, built into dist/web/) load here.
 */
type Kind = { label: string; extensions: string[] };

export interface RefuseModule {
  formatBytes(bytes: number): string;
  kindsText(kinds: Kind[]): string;
  refuseReason(file: { name: string; size: number }, maxBytes: number, kinds: Kind[]): string | null;
}

export interface StatusModule {
  hintFor(code: string, kinds: Kind[]): string;
}

export interface SettingsModule {
  retentionText(retention: unknown): string | null;
  linkLifetime(retention: unknown): string | null;
}

export interface AgreeModule {
  differences(preview: unknown, server: unknown): string[];
}

const load = async <T>(name: string): Promise<T> => (await import(new URL(`../../web/${name}`, import.meta.url).href)) as T;

export const refuse = await load<RefuseModule>('refuse.js');
export const status = await load<StatusModule>('status.js');
export const settings = await load<SettingsModule>('settings.js');
export const agree = await load<AgreeModule>('agree.js');
