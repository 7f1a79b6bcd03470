/** Answering the case quiz in Chromium, as a learner does. */
import type { Locator } from 'playwright-core';

/** The key of question `q` (its list item), from its quiz's config: the course's own (src/data/course.ts). */
export function keyOf(q: Locator): Promise<string[]> {
  return q.evaluate((el) => {
    const config = JSON.parse((el.closest('case-quiz') as HTMLElement).dataset.config!) as { questions: { id: string; key: string[] }[] };
    return config.questions.find((x) => x.id === (el as HTMLElement).dataset.question)!.key;
  });
}

/** Answers question `q` with its key, or with a wrong first part, and checks it. */
export async function answerQuestion(q: Locator, right: boolean) {
  const expected = await keyOf(q);
  const fieldsets = q.locator('fieldset');
  for (let part = 0; part < expected.length; part++) {
    const values = await fieldsets.nth(part).locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const value = right || part > 0 ? expected[part]! : values.find((v) => v !== expected[part])!;
    await fieldsets.nth(part).locator(`input[value="${value}"]`).check();
  }
  await q.getByRole('button').click();
}
