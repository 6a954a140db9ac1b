import { afterEach, describe, expect, it, vi } from 'vitest';
import { Progress } from '../pipeline/shared/progress.ts';

afterEach(() => vi.restoreAllMocks());

describe('the progress line', () => {
  it('shows articles done of all, articles/s and the ETA, and clears itself at the end', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const progress = new Progress('export', 40, true);
    now.mockReturnValue(1_010_000);
    for (let i = 0; i < 19; i++) progress.tick();
    // redrawn at most every 100 ms: the first of those ticks only
    expect(written).toEqual(['\rexport 1/40 articles  0.1/s  ETA 6:30  ']);
    now.mockReturnValue(1_010_200); // 20 done in 10.2 s: 2.0/s, 20 left → 0:10
    progress.tick();
    expect(written.at(-1)).toBe('\rexport 20/40 articles  2.0/s  ETA 0:10  ');
    now.mockReturnValue(1_020_000);
    for (let i = 0; i < 20; i++) progress.tick();
    expect(written.at(-1)).toBe('\rexport 40/40 articles  2.0/s  ETA 0:00  ');
    progress.end();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('writes nothing when off (not a terminal, or --quiet)', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const progress = new Progress('extract', 3, false);
    for (let i = 0; i < 3; i++) progress.tick();
    progress.end();
    expect(write).not.toHaveBeenCalled();
  });
});
