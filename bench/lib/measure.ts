/**
 * Wall time and memory of one measured step. Each step runs in its own process (bench/worker.ts), so the process's
 * peak RSS (`resourceUsage().maxRSS`) is the step's own plus the process's baseline, which is reported beside it.
 */
import { resourceUsage } from "node:process";

export interface Measured<T> {
  value: T;
  seconds: number;
  /** CPU time of this process (user + system) during the step: less sensitive than wall time to other load on the machine. */
  cpuSeconds: number;
  /** RSS when the step started (MiB): the process with its modules and the open database. */
  startRssMiB: number;
  /** Highest RSS sampled every 25 ms during the step (MiB). */
  sampledPeakRssMiB: number;
  /** The process's peak RSS as the kernel counts it, at the end of the step (MiB). */
  maxRssMiB: number;
}

const MiB = 1024 * 1024;

export async function measure<T>(f: () => Promise<T>): Promise<Measured<T>> {
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const timer = setInterval(() => {
    const r = process.memoryUsage().rss;
    if (r > peak) peak = r;
  }, 25);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const value = await f();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      value,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      startRssMiB: startRss / MiB,
      sampledPeakRssMiB: peak / MiB,
      maxRssMiB: (resourceUsage().maxRSS * 1024) / MiB, // maxRSS is in KiB
    };
  } finally {
    clearInterval(timer);
  }
}
