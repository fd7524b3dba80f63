import type { ChildProcess } from 'node:child_process';

/**
 * Waits until the server a suite started answers `url` (any answer `accept` takes; by default
 * any at all), and fails at once if it exits, or after 20 s.
 */
export async function untilListening(url: string, child: ChildProcess, what: string, accept: (res: Response) => boolean = () => true): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if (accept(await fetch(url, { redirect: 'manual' }))) return;
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${what} did not answer within 20 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
