/** Answering the case quiz in Chromium, as a learner does. */
import type { Locator } from 'playwright-core';

/** Answers question `q` (its list item) with the key the build wrote, or with a wrong first part, and checks it. */
export async function answerQuestion(q: Locator, right: boolean) {
  const expected = (await q.getAttribute('data-answer'))!.split(' ');
  const fieldsets = q.locator('fieldset');
  for (let part = 0; part < expected.length; part++) {
    const values = await fieldsets.nth(part).locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const value = right || part > 0 ? expected[part]! : values.find((v) => v !== expected[part])!;
    await fieldsets.nth(part).locator(`input[value="${value}"]`).check();
  }
  await q.getByRole('button').click();
}
