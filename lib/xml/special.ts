/** Finds the next `<!` or `<?` in a buffer, remembering the answer so repeated asks stay linear. */
export class SpecialFinder {
  private buf = '';
  private readonly bang = { at: -1, none: Infinity };
  private readonly quest = { at: -1, none: Infinity };

  /** Starts over on a new buffer. */
  reset(buf: string): void {
    this.buf = buf;
    this.bang.at = this.quest.at = -1;
    this.bang.none = this.quest.none = Infinity;
  }

  /** Index of the `<` of the next `<!` or `<?` at or after `from`, or -1. */
  next(from: number): number {
    const a = this.find(this.bang, '!', from);
    const b = this.find(this.quest, '?', from);
    if (a === -1) return b;
    if (b === -1) return a;
    return Math.min(a, b);
  }

  private find(cache: { at: number; none: number }, ch: string, from: number): number {
    if (cache.at >= from) return cache.at;
    if (from >= cache.none) return -1;
    let i = from + 1;
    for (;;) {
      const k = this.buf.indexOf(ch, i);
      if (k === -1) {
        cache.at = -1;
        cache.none = from;
        return -1;
      }
      if (this.buf.charCodeAt(k - 1) === 60) return (cache.at = k - 1);
      i = k + 1;
    }
  }
}
