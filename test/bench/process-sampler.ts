import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream kernel build). */
const TICKS_PER_SECOND = 100;

function readCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime + stime
  } catch {
    return null; // the process has gone (killed on purpose in the crash scenario)
  }
}

function readRssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface ProcessUsage {
  /** Highest resident set seen while sampling, in MiB. */
  peakRssMb: number;
  /** Resident set at the last sample, in MiB. */
  lastRssMb: number;
  /** CPU time over wall time while sampling: 100 = one core busy the whole time. */
  cpuPercent: number;
}

/** Samples a process's memory and CPU from /proc every `everyMs` until stopped (Linux only, as this bench is). */
export class ProcessSampler {
  private peak = 0;
  private last = 0;
  /** CPU seconds of processes followed before the current one. */
  private carried = 0;
  private base: number;
  private cpu: number;
  private pid: number;
  private readonly startedAt = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor(pid: number, everyMs = 200) {
    this.pid = pid;
    this.base = this.cpu = readCpuSeconds(pid) ?? 0;
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  /** The process was restarted (crash scenario): go on with the new one, keeping the CPU time so far. */
  follow(pid: number): void {
    this.carried += this.cpu - this.base;
    this.pid = pid;
    this.base = this.cpu = readCpuSeconds(pid) ?? 0;
  }

  stop(): ProcessUsage {
    this.sample();
    clearInterval(this.timer);
    const seconds = (performance.now() - this.startedAt) / 1000;
    const used = this.carried + this.cpu - this.base;
    return { peakRssMb: this.peak, lastRssMb: this.last, cpuPercent: seconds > 0 ? (used / seconds) * 100 : 0 };
  }

  private sample(): void {
    const rss = readRssMb(this.pid);
    const cpu = readCpuSeconds(this.pid);
    if (rss !== null) {
      this.last = rss;
      this.peak = Math.max(this.peak, rss);
    }
    if (cpu !== null) this.cpu = cpu;
  }
}
