// Progress of a long CLI run on stderr: one rewritten line on a terminal, or a line every
// twentieth of the way when asked for (--progress) in a log.

interface ProgressStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export class Progress {
  private shown = false;
  private lastDraw = 0;
  private lastStep = -1;

  constructor(
    private readonly stream: ProgressStream,
    private readonly enabled: boolean,
  ) {}

  /** Reports that `done` of `total` items of `phase` are finished, the last being `item`. */
  update(phase: string, done: number, total: number, item: string): void {
    if (!this.enabled || total === 0) return;
    if (this.stream.isTTY) {
      const now = Date.now();
      if (done < total && now - this.lastDraw < 100) return;
      this.lastDraw = now;
      const line = `corroborate: ${phase} ${done}/${total} ${item}`;
      const width = Math.max(20, (this.stream.columns || 80) - 1);
      this.stream.write(`\r\x1b[K${line.length > width ? line.slice(0, width - 1) + '…' : line}`);
      this.shown = true;
      return;
    }
    const step = Math.floor((done * 20) / total);
    if (step === this.lastStep && done < total) return;
    this.lastStep = done === total ? -1 : step;
    this.stream.write(`corroborate: ${phase} ${done}/${total} (${Math.round((done * 100) / total)}%)\n`);
  }

  /** Removes the terminal line before other output goes to stderr. */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
