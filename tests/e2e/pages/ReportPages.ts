import { expect, type Locator } from '@playwright/test';

/** The cell of a report pivot table: the row of a district (or "Alle bydele"), the column by its header. */
export async function pivotCell(table: Locator, row: string, column: string): Promise<string> {
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.indexOf(column);
  expect(index, `column ${column}`).toBeGreaterThan(0);
  const tr = table.locator('tr', { has: table.page().getByRole('rowheader', { name: row, exact: true }) });
  return ((await tr.locator('th, td').nth(index).textContent()) ?? '').trim();
}
