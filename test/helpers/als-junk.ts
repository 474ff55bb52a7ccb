/** Bulk XML a reader must skip (devices, envelopes, MIDI notes), deterministic from a seed. */

/** A seeded PRNG (mulberry32) returning floats in [0, 1). */
export type Random = () => number;

/** A deterministic random source. */
export function makeRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` devices with parameters, nested chains and decoy Tempo/Locators/MainTrack elements. */
export function junkDevices(r: Random, n: number, params: number, decoys: boolean, id: { next: number }): string {
  const out: string[] = [];
  for (let d = 0; d < n; d++) {
    out.push(`<PluginDevice Id="${d}">\n<LomId Value="0" />\n<On><Manual Value="true" /><AutomationTarget Id="${id.next++}"><LockEnvelope Value="0" /></AutomationTarget></On>\n<ParameterList>\n`);
    for (let p = 0; p < params; p++) {
      out.push(
        `<PluginFloatParameter Id="${p}">\n<ParameterName Value="Param ${p}" />\n<ParameterId Value="${p}" />\n<ParameterValue>\n<Manual Value="${short(r())}" />\n<MidiControllerRange><Min Value="0" /><Max Value="1" /></MidiControllerRange>\n<AutomationTarget Id="${id.next++}"><LockEnvelope Value="0" /></AutomationTarget>\n<ModulationTarget Id="${id.next++}"><LockEnvelope Value="0" /></ModulationTarget>\n</ParameterValue>\n</PluginFloatParameter>\n`,
      );
    }
    out.push(`</ParameterList>\n`);
    if (decoys && d === 0) {
      out.push(`<Tempo><Manual Value="999" /><AutomationTarget Id="8" /></Tempo>\n<MainTrack><DeviceChain><Mixer><Tempo><Manual Value="33" /></Tempo></Mixer></DeviceChain></MainTrack>\n<Locators><Locators><Locator><Time Value="1" /><Name Value="DEVICE DECOY" /></Locator></Locators></Locators>\n<Name Value="MasterTrack" />\n<Comment><![CDATA[<MasterTrack><Tempo><Manual Value="1" /></Tempo></MasterTrack> </DeviceChain> ]]></Comment>\n<DeviceChain><DeviceChain><Devices /></DeviceChain></DeviceChain>\n`);
    }
    out.push(`<Buffer>${hex(r, 1024)}</Buffer>\n</PluginDevice>\n`);
  }
  return out.join('');
}

/** `n` automation envelopes of `points` FloatEvents each (targets not the tempo's). */
export function junkEnvelopes(r: Random, n: number, points: number, firstTarget: number): string {
  const out: string[] = ['<AutomationEnvelopes>\n<Envelopes>\n'];
  for (let e = 0; e < n; e++) {
    out.push(`<AutomationEnvelope Id="${e}">\n<EnvelopeTarget><PointeeId Value="${firstTarget + e}" /></EnvelopeTarget>\n<Automation>\n<Events>\n<FloatEvent Id="0" Time="-63072000" Value="0.5" />\n`);
    let t = 0;
    for (let p = 1; p < points; p++) {
      t += Math.round(r() * 8) / 4;
      out.push(`<FloatEvent Id="${p}" Time="${t}" Value="${short(r())}" />\n`);
    }
    out.push(`</Events>\n</Automation>\n</AutomationEnvelope>\n`);
  }
  out.push('</Envelopes>\n</AutomationEnvelopes>\n');
  return out.join('');
}

/** Arrangement MIDI clips holding `notes` notes in all, with decoy locators and tempo inside. */
export function junkMidiClips(r: Random, notes: number, decoys: boolean): string {
  const out: string[] = [`<MidiClip Id="0" Time="0">\n<CurrentStart Value="0" />\n<CurrentEnd Value="64" />\n<Name Value="Tempo Locators MainTrack" />\n`];
  if (decoys) out.push(`<Locators><Locators><Locator Id="0"><Time Value="2" /><Name Value="CLIP DECOY" /></Locator></Locators></Locators>\n<Transport><LoopStart Value="999" /></Transport>\n`);
  out.push(`<Notes>\n<KeyTracks>\n<KeyTrack Id="0">\n<Notes>\n`);
  for (let n = 0; n < notes; n++) {
    out.push(`<MidiNoteEvent Time="${Math.round(r() * 256) / 4}" Duration="${Math.round(r() * 16) / 16}" Velocity="${Math.floor(r() * 127)}" OffVelocity="64" NoteId="${n}" />\n`);
  }
  out.push(`</Notes>\n<MidiKey Value="60" />\n</KeyTrack>\n</KeyTracks>\n</Notes>\n</MidiClip>\n`);
  return out.join('');
}

/** A value with Live-like float32 precision but fewer digits (keeps gzip ratios realistic). */
function short(x: number): string {
  return String(Math.round(x * 10000) / 10000);
}

function hex(r: Random, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++) s += Math.floor(r() * 256).toString(16).padStart(2, '0');
  return s;
}
