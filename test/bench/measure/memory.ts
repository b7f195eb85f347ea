/** Memory of this process: the kernel's peak RSS, and RSS sampled while a stage runs. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export interface RssSampler {
  /** Starts attributing samples to `stage`. */
  enter(stage: string): void;
  /** Highest sampled RSS per stage, MB. */
  peaks(): Record<string, number>;
  stop(): void;
}

/** Samples every `intervalMs`; a long synchronous stretch delays samples, so peakRssMb() stays the authority. */
export function startRssSampler(intervalMs = 200): RssSampler {
  const peaks: Record<string, number> = {};
  let current = 'setup';
  const sample = () => {
    const rss = process.memoryUsage.rss() / 1024 / 1024;
    peaks[current] = Math.max(peaks[current] ?? 0, rss);
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    enter(stage) {
      sample();
      current = stage;
      sample();
    },
    peaks: () => ({ ...peaks }),
    stop: () => clearInterval(timer),
  };
}
