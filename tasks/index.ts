import type { TaskList } from 'graphile-worker'
import { a2p_otp } from './a2p_otp'
import { a2p_refresh } from './a2p_refresh'
import { a2p_step } from './a2p_step'
import { provision_number } from './provision_number'
import { slack_test } from './slack_test'
import { stripe_prefill } from './stripe_prefill'
import { website_check } from './website_check'

// One file per job, each registered here.
export const taskList: TaskList = { a2p_otp, a2p_refresh, a2p_step, provision_number, slack_test, stripe_prefill, website_check }
