/**
 * The page's pure modules (plain JS in web/, no build step), loaded with the types the tests rely on.
 * tsconfig does not allowJs, so the imports go through a computed URL and these interfaces.
 */
type Point = [number, number];

export interface FormatModule {
  formatTime(seconds: number, precision: 's' | 'ms', long?: boolean): string;
  formatBytes(bytes: number): string;
  refuseReason(file: { name: string; size: number }, maxBytes: number, inputs?: Array<{ label: string; extensions: string[] }>): string | null;
  downloadName(projectName: string | null, extension: string): string;
}

export interface SettingsModule {
  retentionText(retention: unknown): string | null;
}

export interface TempoCurve {
  bpmAt(beat: number): number;
  secondsAt(beat: number): number;
  beatAt(seconds: number): number;
}

export interface TempoCurveModule {
  tempoCurve(result: {
    tempo: { initialBpm: number; points: Point[] };
    markers: Array<{ beat: number; seconds: number }>;
    start: { beat: number };
  }): TempoCurve;
  curveVertices(curve: TempoCurve, fromBeat: number, toBeat: number): Point[];
}

const load = async <T>(name: string): Promise<T> => (await import(new URL(`../../web/${name}`, import.meta.url).href)) as T;

export const format = await load<FormatModule>('format.js');
export const settings = await load<SettingsModule>('settings.js');
export const tempo = await load<TempoCurveModule>('tempo-curve.js');
