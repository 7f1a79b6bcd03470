/**
 * The quiz's summary, once every question is answered: the percentage against the pass mark and
 * what was missed, each with the answer given, the right one and the contrast between them.
 * case-quiz.ts loads it then, so the page does not carry it before it is needed.
 */
import { fill, fillPlural } from '../../lib/template';
import type { Verdict } from '../../lib/vocabulary';
import { item, type CaseQuiz } from './case-quiz';

/** An answer (or a key) in words: "Level 3 · Falls short", or a score. */
function answerText(quiz: CaseQuiz, id: string, parts: readonly string[]) {
  const { levels, verdicts, scoreChoice } = quiz.config;
  return quiz.question(id)?.partsAt ? fill(scoreChoice, { score: parts[0]! }) : `${levels[parts[0]!]!.name} · ${verdicts[parts[1] as Verdict]}`;
}

export function summarise(quiz: CaseQuiz, values: { answered: number; total: number; right: number }) {
  const { texts, passMark } = quiz.config;
  const lang = document.documentElement.lang;
  quiz.target('summary-text').textContent = fillPlural(lang, texts.summary, values.total, values);
  // Shown once every question is answered, so there is at least one.
  const percent = Math.round((values.right / values.total) * 100);
  quiz.target('percent').textContent = fill(texts.percent, { ...values, percent, passMark, outcome: percent >= passMark ? texts.passed : texts.notPassed });
  const missed = quiz.missed();
  const list = quiz.target('missed');
  list.replaceChildren(
    ...missed.map((id) => {
      const q = quiz.question(id)!;
      const choice = quiz.progress.answers[id]!.choice;
      const li = item('');
      const link = item(q.title, 'a') as HTMLAnchorElement;
      link.href = `#${quiz.questions().find((x) => quiz.idOf(x) === id)!.id}`;
      li.append(
        link,
        item(fill(texts.yourAnswer, { answer: answerText(quiz, id, choice) }), 'p'),
        item(fill(texts.rightAnswer, { answer: answerText(quiz, id, q.key) }), 'p'),
        item(quiz.contrast(id, choice), 'p'),
      );
      return li;
    }),
  );
  if (!missed.length) list.replaceChildren(item(texts.noneMissed));
  const retryMissed = quiz.target('retry-missed');
  retryMissed.hidden = !missed.length;
  retryMissed.textContent = fillPlural(lang, texts.retryMissed, missed.length, { count: missed.length });
}
