import type { Locator } from 'playwright-core';

/**
 * Enter a local "YYYY-MM-DDTHH:mm" into a DateTimeField named `name` (its parts "<name> date"
 * and "<name> time"): the date into the native date input, the time typed as written.
 */
export async function fillDateTime(scope: Locator, name: string, local: string, time = local.slice(11)) {
  await scope.getByLabel(`${name} date`, { exact: true }).fill(local.slice(0, 10));
  await scope.getByLabel(`${name} time`, { exact: true }).fill(time);
}
