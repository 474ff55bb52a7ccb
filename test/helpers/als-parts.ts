/** The pieces of a hand-built set: tracks, master, transport, locators (see als-builder.ts). */
import type { AlsAudioTrack, AlsClip, AlsGroupTrack, AlsJunk, AlsLocator, AlsMidiTrack, AlsOptions, BuildContext, LiveLayout } from './als-builder';
import { esc, meterValue } from './als-builder';
import { junkDevices, junkEnvelopes, junkMidiClips, type Random } from './als-junk';

const FLOOR = -63072000;

function nameXml(ctx: BuildContext, name: string, fallback: string): string {
  if (ctx.live === 8) return `<Name><UserName Value="${esc(name)}" /></Name>\n`;
  return `<Name${ctx.a}><EffectiveName Value="${esc(name || fallback)}" /><UserName Value="${esc(name)}" /><Annotation Value="" /></Name>\n`;
}

function speakerXml(ctx: BuildContext, on: boolean, targetId: number): string {
  if (ctx.live === 8) return `<Speaker><ArrangerAutomation><Events><BoolEvent Time="${FLOOR}" Value="${on}" /></Events></ArrangerAutomation></Speaker>\n`;
  return `<Speaker${ctx.a}><LomId Value="0" /><Manual Value="${on}" /><AutomationTarget Id="${targetId}"><LockEnvelope Value="0" /></AutomationTarget></Speaker>\n`;
}

function fileRef(live: LiveLayout, file: string): string {
  if (live <= 10) return `<FileRef><HasRelativePath Value="true" /><RelativePathType Value="3" /><RelativePath><RelativePathElement Dir="Samples" /></RelativePath><Name Value="${esc(file)}" /><Type Value="1" /></FileRef>`;
  return `<FileRef><RelativePathType Value="3" /><RelativePath Value="Samples/Imported/${esc(file)}" /><Path Value="/Users/dj/Music/Samples/Imported/${esc(file)}" /><Type Value="1" /></FileRef>`;
}

function audioClip(ctx: BuildContext, c: AlsClip, id: number): string {
  const decoy = ctx.decoys ? `<Locators><Locators><Locator Id="0"><Time Value="0.5" /><Name Value="AUDIO CLIP DECOY" /></Locator></Locators></Locators>\n` : '';
  return (
    `<AudioClip Id="${id}" Time="${c.start}"${ctx.a}>\n<LomId Value="0" />\n<WarpMarkers><WarpMarker Id="0" SecTime="0" BeatTime="0" /><WarpMarker Id="1" SecTime="1" BeatTime="2" /></WarpMarkers>\n` +
    `<CurrentStart Value="${c.start}" />\n<CurrentEnd Value="${c.end}" />\n<Loop><LoopStart Value="0" /><LoopEnd Value="${c.end - c.start}" /><LoopOn Value="false" /></Loop>\n` +
    `<Name Value="${esc(c.name ?? '')}" />\n<Annotation Value="" />\n${decoy}` +
    `<TimeSignature><TimeSignatures><RemoteableTimeSignature Id="0"><Numerator Value="7" /><Denominator Value="8" /><Time Value="0" /></RemoteableTimeSignature></TimeSignatures></TimeSignature>\n` +
    `<Disabled Value="${c.disabled === true}" />\n<SampleRef>${fileRef(ctx.live, c.file ?? 'sample.wav')}<LastModDate Value="0" /></SampleRef>\n</AudioClip>\n`
  );
}

/** An audio track with arrangement clips (and optional session clips, which the reader ignores). */
export function audioTrack(ctx: BuildContext, t: AlsAudioTrack, id: number, groupId: number): string {
  const session = (t.sessionClips ?? []).map((c, i) => `<ClipSlot Id="${i}"><LomId Value="0" /><ClipSlot><Value>${audioClip(ctx, c, 900 + i)}</Value></ClipSlot></ClipSlot>\n`).join('');
  const clips = (t.clips ?? []).map((c, i) => audioClip(ctx, c, i)).join('');
  const decoys = ctx.decoys ? `<DeviceChain><Devices>${junkDevices(() => 0.25, 1, 2, true, { next: id * 100 })}</Devices></DeviceChain>\n` : '';
  return (
    `<AudioTrack Id="${id}"${ctx.a}>\n<LomId Value="0" />\n${nameXml(ctx, t.name ?? '', `${id} Audio`)}<TrackGroupId Value="${groupId}" />\n` +
    `<DeviceChain${ctx.a}>\n<Mixer${ctx.a}>\n<Volume><Manual Value="1" /></Volume>\n${speakerXml(ctx, t.muted !== true, id * 10)}</Mixer>\n` +
    `<MainSequencer${ctx.a}>\n<ClipSlotList>\n${session}</ClipSlotList>\n<Sample><ArrangerAutomation><Events>\n${clips}</Events></ArrangerAutomation></Sample>\n</MainSequencer>\n${decoys}</DeviceChain>\n</AudioTrack>\n`
  );
}

/** An arrangement MIDI clip with one note, as Live 8–12 write them (ClipTimeable/ArrangerAutomation). */
function midiClip(ctx: BuildContext, c: { start: number; end: number; name?: string }, id: number): string {
  return (
    `<MidiClip Id="${id}" Time="${c.start}"${ctx.a}>\n<LomId Value="0" />\n<CurrentStart Value="${c.start}" />\n<CurrentEnd Value="${c.end}" />\n` +
    `<Loop><LoopStart Value="0" /><LoopEnd Value="${c.end - c.start}" /><LoopOn Value="false" /></Loop>\n<Name Value="${esc(c.name ?? '')}" />\n<Disabled Value="false" />\n` +
    `<Notes><KeyTracks><KeyTrack Id="0"><Notes><MidiNoteEvent Time="0" Duration="1" Velocity="100" OffVelocity="64" NoteId="1" /></Notes><MidiKey Value="60" /></KeyTrack></KeyTracks></Notes>\n</MidiClip>\n`
  );
}

/** A MIDI track with arrangement clips (and a session clip the reader must ignore). */
export function midiTrack(ctx: BuildContext, t: AlsMidiTrack, id: number): string {
  const clips = (t.clips ?? []).map((c, i) => midiClip(ctx, c, i)).join('');
  const session = `<ClipSlot Id="0"><LomId Value="0" /><ClipSlot><Value>${midiClip(ctx, { start: 0, end: 9999, name: 'session' }, 900)}</Value></ClipSlot></ClipSlot>\n`;
  return (
    `<MidiTrack Id="${id}"${ctx.a}>\n<LomId Value="0" />\n${nameXml(ctx, t.name ?? '', `${id} MIDI`)}<TrackGroupId Value="-1" />\n` +
    `<DeviceChain${ctx.a}>\n<Mixer${ctx.a}>${speakerXml(ctx, t.muted !== true, id * 10)}</Mixer>\n<MainSequencer${ctx.a}>\n<ClipSlotList>\n${session}</ClipSlotList>\n` +
    `<ClipTimeable><ArrangerAutomation><Events>\n${clips}</Events></ArrangerAutomation></ClipTimeable>\n</MainSequencer>\n</DeviceChain>\n</MidiTrack>\n`
  );
}

/** A group track (audio tracks point at it with TrackGroupId). */
export function groupTrack(ctx: BuildContext, g: AlsGroupTrack, id: number): string {
  return `<GroupTrack Id="${id}"${ctx.a}>\n<LomId Value="0" />\n${nameXml(ctx, g.name ?? '', `${id} Group`)}<TrackGroupId Value="-1" />\n<DeviceChain${ctx.a}><Mixer${ctx.a}>${speakerXml(ctx, g.muted !== true, id * 10)}</Mixer></DeviceChain>\n</GroupTrack>\n`;
}

/** A MIDI track full of bulk: envelopes, devices, notes. */
export function junkTrack(ctx: BuildContext, j: AlsJunk, r: Random, id: number): string {
  const ids = { next: id * 10_000 };
  return (
    `<MidiTrack Id="${id}"${ctx.a}>\n<LomId Value="0" />\n${nameXml(ctx, `Junk ${id}`, '')}<TrackGroupId Value="-1" />\n` +
    junkEnvelopes(r, j.envelopesPerTrack ?? 2, j.pointsPerEnvelope ?? 50, ids.next) +
    `<DeviceChain${ctx.a}>\n<Mixer${ctx.a}>${speakerXml(ctx, true, ids.next++)}</Mixer>\n<MainSequencer${ctx.a}>\n<ClipTimeable><ArrangerAutomation><Events>\n${junkMidiClips(r, j.notesPerTrack ?? 50, ctx.decoys)}</Events></ArrangerAutomation></ClipTimeable>\n</MainSequencer>\n` +
    `<DeviceChain><Devices>\n${junkDevices(r, j.devicesPerTrack ?? 2, j.parametersPerDevice ?? 10, ctx.decoys, ids)}</Devices></DeviceChain>\n</DeviceChain>\n</MidiTrack>\n`
  );
}

function floatEvents(events: Array<{ beat: number; bpm: number; curve?: [number, number, number, number] }>, ids: boolean): string {
  return events
    .map((e, i) => {
      const curve = e.curve ? ` CurveControl1X="${e.curve[0]}" CurveControl1Y="${e.curve[1]}" CurveControl2X="${e.curve[2]}" CurveControl2Y="${e.curve[3]}"` : '';
      return `<FloatEvent${ids ? ` Id="${i}"` : ''} Time="${e.beat}" Value="${e.bpm}"${curve} />\n`;
    })
    .join('');
}

function enumEvents(values: Array<{ beat: number; value: number }>, ids: boolean): string {
  return values.map((e, i) => `<EnumEvent${ids ? ` Id="${i}"` : ''} Time="${e.beat}" Value="${e.value}" />\n`).join('');
}

function envelope(id: number, pointee: number, events: string): string {
  return `<AutomationEnvelope Id="${id}">\n<EnvelopeTarget><PointeeId Value="${pointee}" /></EnvelopeTarget>\n<Automation><Events>\n${events}</Events><AutomationTransformViewState><IsTransformPending Value="false" /></AutomationTransformViewState></Automation>\n</AutomationEnvelope>\n`;
}

/** The master (Live ≤ 11) or main (Live 12) track with tempo and time signature in the layout's style. */
export function masterTrack(ctx: BuildContext, o: AlsOptions, live: LiveLayout): string {
  const tag = o.master ?? (live === 12 ? 'MainTrack' : 'MasterTrack');
  const tempo = o.tempo ?? 120;
  const [num, den] = o.meter ?? [4, 4];
  const meter = meterValue(num, den);
  const tempoId = o.tempoTargetId ?? 8;
  const meterId = o.meterTargetId ?? 10;
  const meterEvents = (o.meterEvents ?? []).map((m) => ({ beat: m.beat, value: meterValue(m.numerator, m.denominator) }));
  const decoy = ctx.decoys ? `<DeviceChain><Devices>${junkDevices(() => 0.5, 1, 2, true, { next: 50_000 })}</Devices></DeviceChain>\n` : '';
  let out = `<${tag}${ctx.a}>\n<LomId Value="0" />\n${nameXml(ctx, '', live === 12 ? 'Main' : 'Master')}<TrackGroupId Value="-1" />\n`;
  if (live === 8) {
    const tempoEv = o.tempoEvents ?? [{ beat: FLOOR, bpm: tempo }];
    return (
      out +
      `<MasterChain>\n<Mixer>\n<Tempo><ArrangerAutomation><Events>\n${floatEvents(tempoEv, false)}</Events></ArrangerAutomation><MidiControllerRange><Min Value="60" /><Max Value="200" /></MidiControllerRange></Tempo>\n` +
      `<TimeSignature><ArrangerAutomation><Events>\n${enumEvents([{ beat: FLOOR, value: meter }, ...meterEvents], false)}</Events></ArrangerAutomation></TimeSignature>\n</Mixer>\n${decoy}</MasterChain>\n</${tag}>\n`
    );
  }
  if (live >= 10 && o.automationEnvelopes !== false) {
    let envs = '';
    if (o.meterEvents) envs += envelope(0, meterId, enumEvents([{ beat: FLOOR, value: meter }, ...meterEvents], true));
    if (o.tempoEvents) envs += envelope(1, tempoId, floatEvents(o.tempoEvents, true));
    const extra = o.junk?.masterEnvelopes ?? 0;
    if (extra > 0) envs += junkEnvelopes(() => 0.5, extra, o.junk?.pointsPerEnvelope ?? 50, 3000).replace(/^<AutomationEnvelopes>\n<Envelopes>\n|<\/Envelopes>\n<\/AutomationEnvelopes>\n$/g, '');
    out += `<AutomationEnvelopes${ctx.a}>\n<Envelopes${ctx.a}>\n${envs}</Envelopes>\n</AutomationEnvelopes>\n`;
  }
  const inlineTempo = live === 9 && o.tempoEvents ? `<ArrangerAutomation><Events>\n${floatEvents(o.tempoEvents, false)}</Events></ArrangerAutomation>\n` : '';
  const inlineMeter = live === 9 ? `<ArrangerAutomation><Events>\n${enumEvents([{ beat: FLOOR, value: meter }, ...meterEvents], false)}</Events></ArrangerAutomation>\n` : '';
  return (
    out +
    `<DeviceChain${ctx.a}>\n<Mixer${ctx.a}>\n<Volume><Manual Value="1" /><AutomationTarget Id="3" /></Volume>\n` +
    `<Tempo${ctx.a}>\n<LomId Value="0" />\n${inlineTempo}<Manual Value="${tempo}" />\n<MidiControllerRange><Min Value="60" /><Max Value="200" /></MidiControllerRange>\n<AutomationTarget Id="${tempoId}"><LockEnvelope Value="0" /></AutomationTarget>\n<ModulationTarget Id="${tempoId + 1}"><LockEnvelope Value="0" /></ModulationTarget>\n</Tempo>\n` +
    `<TimeSignature${ctx.a}>\n<LomId Value="0" />\n${inlineMeter}<Manual Value="${meter}" />\n<AutomationTarget Id="${meterId}"><LockEnvelope Value="0" /></AutomationTarget>\n</TimeSignature>\n` +
    `${speakerXml(ctx, true, 4)}</Mixer>\n${decoy}</DeviceChain>\n</${tag}>\n`
  );
}

/** The arrangement loop. */
export function transport(o: AlsOptions, ctx: BuildContext): string {
  const l = o.loop ?? { start: 8, length: 16, on: false };
  return `<Transport${ctx.a}>\n<PhaseNudgeTempo Value="10" />\n<LoopOn Value="${l.on === true}" />\n<LoopStart Value="${l.start}" />\n<LoopLength Value="${l.length}" />\n<LoopIsSongStart Value="false" />\n<CurrentTime Value="0" />\n</Transport>\n`;
}

/** The LiveSet-level locators, in the order given. */
export function locatorsXml(locators: AlsLocator[], live: LiveLayout, ctx: BuildContext): string {
  if (locators.length === 0) return `<Locators${ctx.a}>\n<Locators />\n</Locators>\n`;
  const items = locators
    .map((l, i) => {
      const head = live >= 10 ? `<Locator Id="${i}"${ctx.a}>\n<LomId Value="0" />\n` : `<Locator>\n`;
      return `${head}<Time Value="${l.time}" />\n<Name Value="${esc(l.name)}" />\n<Annotation Value="" />\n<IsSongStart Value="${l.isSongStart === true}" />\n</Locator>\n`;
    })
    .join('');
  return `<Locators${ctx.a}>\n<Locators${ctx.a}>\n${items}</Locators>\n</Locators>\n`;
}
