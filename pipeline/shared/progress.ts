/**
 * A one-line progress display on standard error (articles, articles/s, ETA), shown only on a
 * terminal and never with --quiet, so logs and pipes stay clean.
 */
export class Progress {
  private done = 0;
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly enabled = Boolean(process.stderr.isTTY),
  ) {}

  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && this.done < this.total) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 ? Math.round((this.total - this.done) / rate) : 0;
    const clock = `${Math.floor(eta / 60)}:${String(eta % 60).padStart(2, '0')}`;
    process.stderr.write(`\r${this.label} ${this.done}/${this.total} articles  ${rate.toFixed(1)}/s  ETA ${clock}  `);
  }

  end(): void {
    if (this.enabled && this.lastDraw) process.stderr.write('\r\x1b[K');
  }
}
