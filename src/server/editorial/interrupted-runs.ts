/**
 * Publishing runs cut short. A run is built by the server process that started it, in its own
 * queue; when that process stops (a restart, a crash) the run's record stays "building". Any run
 * still marked so that started before this process did can no longer finish: it is recorded as
 * failed, with this report, so that the item page says what happened and offers approval again.
 * Nothing was published by such a run: the branch moves only after the new release serves.
 */
import type { Store } from '../store/store.ts';

export const INTERRUPTED_REPORT = 'interrupted: the server stopped before this run finished; nothing was published.';

/** When this server process started; a release switch loads new code into the same process. */
const PROCESS_STARTED = new Date(performance.timeOrigin);

/** How many runs are looked at: the queue runs one at a time, so few are ever building. */
const LOOK_BACK = 50;

export async function settleInterruptedRuns(store: Store, now = new Date(), processStarted = PROCESS_STARTED): Promise<number> {
  const cutShort = (await store.listPublishJobs({ limit: LOOK_BACK })).filter(
    (run) => run.state === 'building' && run.startedAt.getTime() < processStarted.getTime(),
  );
  for (const run of cutShort) await store.finishPublishJob(run.id, { state: 'failed', report: INTERRUPTED_REPORT, now });
  return cutShort.length;
}
