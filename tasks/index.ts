import type { TaskList } from 'graphile-worker'
import { provision_number } from './provision_number'
import { slack_test } from './slack_test'
import { stripe_prefill } from './stripe_prefill'

// One file per job, each registered here.
export const taskList: TaskList = { provision_number, slack_test, stripe_prefill }
