/** What the database (or a fake) says, looked at every 100 ms until it is truthy; the test fails with `what` after `ms`. */
export async function until<T>(what: string, probe: () => Promise<T>, ms = 30_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const value = await probe()
    if (value) return value
  }
  throw new Error(`timed out waiting for ${what}`)
}
