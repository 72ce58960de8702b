import { expect, test as base } from '@playwright/test'

/**
 * Every e2e test, in both projects, fails if a page breaks the Content-Security-Policy (the browser
 * reports each refused script, style or form target on the console, with or without JavaScript).
 */
// biome-ignore lint/suspicious/noConfusingVoidType: Playwright's type for a fixture that gives no value
export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ page }, use) => {
      const violations: string[] = []
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
      })
      await use()
      expect(violations, 'Content-Security-Policy violations').toEqual([])
    },
    { auto: true },
  ],
})
export { expect }
