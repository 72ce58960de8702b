import type { TaskList } from 'graphile-worker'
import { stripe_prefill } from './stripe_prefill'

// One file per job, each registered here.
export const taskList: TaskList = { stripe_prefill }
