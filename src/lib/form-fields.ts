/**
 * The names of the forms' fields (the quiz, the self-assessment and the review page): built
 * here for the markup and read back here by the scripts, so the two cannot disagree.
 */

/** A quiz question's fields: one group of radio buttons per part of its answer. */
export const quizField = { level: 'level', verdict: 'verdict', score: 'score' } as const;
export type QuizField = (typeof quizField)[keyof typeof quizField];
/** The fields of each kind of question, in the order of its key (lib/quiz.ts answerKey). */
export const quizFields = { case: [quizField.level, quizField.verdict], scenario: [quizField.score] } as const satisfies Record<string, readonly QuizField[]>;

/** Fields that exist once per rubric level. */
export const levelFields = ['answer', 'note', 'agreed'] as const;
export type LevelField = (typeof levelFields)[number];

/** Fields that exist once per form. */
export const formFields = ['name', 'period', 'nextStep'] as const;
export type FormField = (typeof formFields)[number];

/** The name of `field` for `level`: `answer-3`. */
export const levelFieldName = (field: LevelField, level: number) => `${field}-${level}`;

export type ReadFieldName = { field: LevelField; level: number } | { field: FormField; level?: undefined };

/** What a field's name stands for; undefined for a name these forms never give. */
export function readFieldName(name: string): ReadFieldName | undefined {
  if ((formFields as readonly string[]).includes(name)) return { field: name as FormField };
  const match = /^([a-z]+)-(\d+)$/.exec(name);
  if (!match || !(levelFields as readonly string[]).includes(match[1]!)) return undefined;
  return { field: match[1] as LevelField, level: Number(match[2]) };
}
