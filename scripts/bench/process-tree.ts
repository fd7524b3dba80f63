/**
 * Peak resident memory of a process and all its descendants, sampled from /proc (Linux).
 * The sum over the tree is what the machine has to hold; GNU time's maximum, by contrast,
 * is that of the single largest process.
 */
import { readFileSync, readdirSync } from 'node:fs';

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return []; // the process ended between two reads
  }
}

/** Resident set size in kB, or 0 when the process is gone. */
function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export interface MemorySampler {
  /** Stops sampling; returns the peaks in MB. */
  stop(): { treeMb: number; largestMb: number; samples: number };
}

/** Samples every `intervalMs` until stopped; `onSample` sees the tree's current total in MB. */
export function sampleTreeMemory(rootPid: number, intervalMs = 200, onSample?: (treeMb: number) => void): MemorySampler {
  let tree = 0;
  let largest = 0;
  let samples = 0;
  const sample = () => {
    const pids = [rootPid];
    for (let i = 0; i < pids.length; i++) pids.push(...children(pids[i]!));
    let sum = 0;
    for (const pid of pids) {
      const kb = rssKb(pid);
      sum += kb;
      largest = Math.max(largest, kb);
    }
    tree = Math.max(tree, sum);
    samples++;
    onSample?.(sum / 1024);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { treeMb: tree / 1024, largestMb: largest / 1024, samples };
    },
  };
}
