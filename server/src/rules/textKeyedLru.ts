// A least-recently-used cache keyed by text (script texts, mostly), bounded by the total length
// of its keys and optionally by entry count. Used for ShellCheck answers and for shared script
// parses: both are worth keeping by text, and both must stay small when a fuzzer or a huge file
// sends 100 000-character scripts.

export interface TextKeyedLruLimits {
  /** Total characters of all keys kept. */
  maxKeyChars: number;
  /** Entries kept (default: no limit but the characters). */
  maxEntries?: number;
  /** A key longer than maxKeyChars / keyShareDivisor is not kept: it would push out everything else. */
  keyShareDivisor: number;
}

export class TextKeyedLru<V> {
  private readonly byText = new Map<string, V>();
  private keyChars = 0;

  constructor(private readonly limits: TextKeyedLruLimits) {}

  get(text: string): V | undefined {
    const hit = this.byText.get(text);
    if (hit !== undefined) {
      // Re-insert so the Map's order stays least-recently-used first.
      this.byText.delete(text);
      this.byText.set(text, hit);
    }
    return hit;
  }

  set(text: string, value: V): void {
    const { maxKeyChars, maxEntries = Infinity, keyShareDivisor } = this.limits;
    if (text.length > maxKeyChars / keyShareDivisor) return;
    if (this.byText.delete(text)) this.keyChars -= text.length;
    this.byText.set(text, value);
    this.keyChars += text.length;
    while (this.byText.size > maxEntries || this.keyChars > maxKeyChars) {
      const oldest = this.byText.keys().next();
      if (oldest.done) break;
      this.byText.delete(oldest.value);
      this.keyChars -= oldest.value.length;
    }
  }
}
