// Runs one process of the dev stack and ties it to the launcher, however the launcher ends.
//   node dev/guard.mjs [--stop SIGINT] [--uid N --gid N] -- <command> [args...]
// The launcher starts this guard in a process group of its own, with a pipe as its stdin and never
// writes to it. The guard starts the command in the same group. When the launcher dies (a second
// Ctrl-C, SIGKILL, a closed terminal, a crash) the pipe closes: the guard signals the whole group
// (--stop, SIGTERM by default), and kills what is left 5 s later. Signals from the launcher reach
// the group directly; the guard waits for its command and ends with its exit code.
import { spawn } from 'node:child_process'

const args = process.argv.slice(2)
const split = args.indexOf('--')
const options = Object.fromEntries(
  args.slice(0, split).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])),
)
const [command, ...commandArgs] = args.slice(split + 1)
const ids = options.uid ? { uid: Number(options.uid), gid: Number(options.gid) } : {}
const child = spawn(command, commandArgs, { stdio: ['ignore', 'inherit', 'inherit'], ...ids })

// The group's signals are the command's to act on: the guard outlives them until its command ends.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {})

let orphaned = false
const stopGroup = () => {
  if (orphaned) return
  orphaned = true
  try {
    process.kill(-process.pid, options.stop ?? 'SIGTERM')
  } catch {}
  setTimeout(() => {
    try {
      process.kill(-process.pid, 'SIGKILL')
    } catch {}
  }, 5000).unref()
}
process.stdin.on('end', stopGroup)
process.stdin.on('close', stopGroup)
process.stdin.on('error', stopGroup)
process.stdin.resume()

child.once('error', (error) => {
  console.error(`could not start ${command}: ${error.message}`)
  process.exit(1)
})
child.once('exit', (code, signal) => {
  // Whatever the command left in the group (remix dev's server and esbuild) goes with it.
  try {
    process.kill(-process.pid, 'SIGTERM')
  } catch {}
  process.exit(code ?? (signal ? 1 : 0))
})
