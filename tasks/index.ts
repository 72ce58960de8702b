import type { TaskList } from 'graphile-worker'

// One file per job; each is registered here. The page issues add theirs (provision_number,
// a2p_submit, a2p_refresh, stripe_prefill, ...).
export const taskList: TaskList = {}
