import type { TaskList } from 'graphile-worker'
import { provision_number } from './provision_number'
import { stripe_prefill } from './stripe_prefill'

// One file per job, each registered here.
export const taskList: TaskList = { provision_number, stripe_prefill }
