// The parts of an instruction's arguments (words, flags, variable references) as compact objects
// whose document ranges are computed when asked for. A 10 000-line Dockerfile has ~22 000 words;
// holding a Range and two Positions for each (plus their flags' and variables' ranges) was ~4 MB of
// a ~12 MB model, kept alive for as long as the document is open, while only the few words a
// diagnostic, hover or rename points at ever need a range. Offsets are into the instruction's
// `argsText`, mapped through the instruction's ArgsPositions.
import type { Flag, Position, Range, Token, VariableRef } from './types';

/** One physical-line slice of an instruction's logical text. */
export interface Piece {
  logicalStart: number;
  line: number;
  charStart: number;
  length: number;
}

/** Maps an offset in an instruction's `argsText` to a document position. */
export class ArgsPositions {
  /** `argsStart`: where `argsText` starts in the logical (continuations joined) text. */
  constructor(private readonly pieces: Piece[], private readonly argsStart: number) {}

  at(offset: number): Position {
    const logical = offset + this.argsStart;
    const pieces = this.pieces;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid].logicalStart <= logical) lo = mid;
      else hi = mid - 1;
    }
    const pc = pieces[lo];
    return { line: pc.line, character: pc.charStart + Math.min(logical - pc.logicalStart, pc.length) };
  }

  range(start: number, end: number): Range {
    return { start: this.at(start), end: this.at(end) };
  }
}

export class ArgToken implements Token {
  constructor(
    readonly raw: string,
    readonly value: string,
    readonly start: number,
    readonly end: number,
    private readonly positions: ArgsPositions,
  ) {}

  get range(): Range {
    return this.positions.range(this.start, this.end);
  }
}

export class ArgFlag implements Flag {
  /** `nameEnd` and `equals` are offsets in the token's raw text (`equals` is -1 without `=`). */
  constructor(
    readonly name: string,
    readonly value: string | undefined,
    readonly token: ArgToken,
    private readonly nameEnd: number,
    private readonly equals: number,
    private readonly positions: ArgsPositions,
  ) {}

  get range(): Range {
    return this.token.range;
  }

  get nameRange(): Range {
    return this.positions.range(this.token.start, this.token.start + this.nameEnd);
  }

  get valueRange(): Range | undefined {
    return this.equals < 0 ? undefined : this.positions.range(this.token.start + this.equals + 1, this.token.end);
  }
}

export class VariableUse implements VariableRef {
  /** Offsets in `argsText`: the whole reference [start, end) and its name [nameStart, nameEnd). */
  constructor(
    readonly name: string,
    readonly modifier: string | undefined,
    readonly braced: boolean,
    private readonly start: number,
    private readonly end: number,
    private readonly nameStart: number,
    private readonly positions: ArgsPositions,
  ) {}

  get range(): Range {
    return this.positions.range(this.start, this.end);
  }

  get nameRange(): Range {
    return this.positions.range(this.nameStart, this.nameStart + this.name.length);
  }
}
