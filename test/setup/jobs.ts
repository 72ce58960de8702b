import { runOnce, type TaskList } from 'graphile-worker'

/**
 * Runs the jobs due now, once, in this process. Their completions and failures are batched (with no
 * delay), so they are written when this returns: unbatched, graphile-worker sends them without
 * waiting, and a test that read the jobs right after once found a finished job still there (as the
 * worker's graceful stop did, tasks/worker.ts).
 */
export const runJobsOnce = (connectionString: string, taskList: TaskList) =>
  runOnce({
    connectionString,
    taskList,
    noHandleSignals: true,
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  })
