/** This client process's own load: CPU share and event-loop delay since `reset`. */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export class LoadMonitor {
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });
  private cpuStart = process.cpuUsage();
  private wallStart = performance.now();

  constructor() {
    this.histogram.enable();
  }

  reset(): void {
    this.histogram.reset();
    this.cpuStart = process.cpuUsage();
    this.wallStart = performance.now();
  }

  read(): { cpuShare: number; eventLoopP99Ms: number; eventLoopMaxMs: number } {
    const cpu = process.cpuUsage(this.cpuStart);
    const wallMs = performance.now() - this.wallStart;
    return {
      cpuShare: wallMs > 0 ? (cpu.user + cpu.system) / 1000 / wallMs : 0,
      eventLoopP99Ms: this.histogram.percentile(99) / 1e6,
      eventLoopMaxMs: this.histogram.max / 1e6,
    };
  }
}
