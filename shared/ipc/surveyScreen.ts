// The customer-facing survey screen's channels and events (surveyScreen:*): the main window opens a session on
// a display, the screen window asks for its questions and submits the answer, the main window pulls it and
// records it. What the screen window may see is only what the customer sees: a session id, a language, the
// questions asked; which customer and purchase the answer belongs to stays with main and the main window.
import { z } from 'zod';
import { SURVEY_CHOICES, type SurveyChoice, type SurveyQuestions } from '../domain/surveyRecords';

/** The languages the screen speaks: the app's (APP_LOCALES; contract.ts imports this file, so not from there). */
export const SCREEN_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
const LOCALES = SCREEN_LOCALES;

/** Failures only these channels give (translated as errors.<reason>). */
export const SURVEY_SCREEN_FAILURES = ['screen-busy', 'screen-unknown-session', 'screen-no-display'] as const;

/** The longest "why?" a customer may type on the screen. */
export const SCREEN_WHY_MAX = 1000;
/** Answers main holds for the main window until it says they are recorded: a window reloaded many times loses none. */
export const SCREEN_OUTBOX_MAX = 50;

const uuid = z.uuid();

export const screenQuestionsSchema = z
  .strictObject({
    csat: z.boolean(),
    nps: z.boolean(),
    choice: z.boolean(),
    choiceOptions: z.array(z.enum(SURVEY_CHOICES)).max(SURVEY_CHOICES.length),
    why: z.boolean(),
  })
  .refine((q) => new Set(q.choiceOptions).size === q.choiceOptions.length, { message: 'choice options repeat' })
  .refine((q) => q.csat || q.nps || (q.choice && q.choiceOptions.length > 0) || q.why, { message: 'nothing to ask' });

/** A display the screen can go full screen on (Electron's screen.getAllDisplays(), worded for the clerk). */
export const screenDisplaySchema = z.strictObject({
  id: z.int().min(0).max(2 ** 32),
  label: z.string().max(200),
  width: z.int().min(0).max(100_000),
  height: z.int().min(0).max(100_000),
  primary: z.boolean(),
});
export type ScreenDisplay = z.infer<typeof screenDisplaySchema>;

export const screenDisplaysSchema = z.strictObject({
  displays: z.array(screenDisplaySchema).max(32),
  /** The display the clerk chose last (remembered by main, a setting of this PC); null when none, or it is gone. */
  chosenId: z.int().min(0).max(2 ** 32).nullable(),
  /** False where there are no windows to open (the browser mode). */
  available: z.boolean(),
});
export type ScreenDisplays = z.infer<typeof screenDisplaysSchema>;

/** What the answer belongs to: main holds it for the main window and never shows it to the screen. */
export const screenContextSchema = z.strictObject({
  customerId: uuid,
  purchaseId: uuid.nullable(),
  surveyId: z.string().min(1).max(100),
  surveyVersion: z.int().min(1).max(1_000_000),
});
export type ScreenContext = z.infer<typeof screenContextSchema>;

export const screenOpenRequestSchema = z.strictObject({
  sessionId: uuid,
  /** null: the remembered display, else another than the clerk's, else the only one. */
  displayId: z.int().min(0).max(2 ** 32).nullable(),
  language: z.enum(LOCALES),
  questions: screenQuestionsSchema,
  context: screenContextSchema,
});
export type ScreenOpenRequest = z.infer<typeof screenOpenRequestSchema>;
export const screenOpenResponseSchema = z.strictObject({ displayId: z.int().min(0).max(2 ** 32) });

export const screenSessionRequestSchema = z.strictObject({ sessionId: uuid });

export const screenAnswerSchema = z.strictObject({
  csat: z.int().min(1).max(5).nullable(),
  nps: z.int().min(0).max(10).nullable(),
  choices: z.array(z.enum(SURVEY_CHOICES)).max(SURVEY_CHOICES.length),
  why: z.string().max(SCREEN_WHY_MAX),
});
export type ScreenAnswer = z.infer<typeof screenAnswerSchema>;

export const screenSubmitRequestSchema = z.strictObject({ sessionId: uuid, answer: screenAnswerSchema });

/** What the screen window is told (surveyScreen:session): the questions while a customer is asked, else a neutral idle. */
export const screenSessionSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('asking'), sessionId: uuid, language: z.enum(LOCALES), questions: screenQuestionsSchema }),
  z.strictObject({ state: z.literal('idle'), language: z.enum(LOCALES) }),
]);
export type ScreenSession = z.infer<typeof screenSessionSchema>;

/** An answer given on the screen, waiting for the main window to record it. */
export const screenAnsweredSchema = z.strictObject({
  sessionId: uuid,
  context: screenContextSchema,
  answer: screenAnswerSchema,
  /** ISO 8601 UTC, main's clock. */
  answeredAt: z.iso.datetime(),
});
export type ScreenAnswered = z.infer<typeof screenAnsweredSchema>;

/** The main window's view (surveyScreen:status): the session the screen shows, and answers not yet recorded. */
export const screenStatusSchema = z.strictObject({
  /** The session waiting for the customer, or null. */
  waiting: z.strictObject({ sessionId: uuid, customerId: uuid, displayId: z.int().min(0).max(2 ** 32) }).nullable(),
  /** Whether the screen window is up (showing a session or its thank-you idle). */
  windowOpen: z.boolean(),
  answered: z.array(screenAnsweredSchema).max(SCREEN_OUTBOX_MAX),
});
export type ScreenStatus = z.infer<typeof screenStatusSchema>;

/**
 * Whether `answer` fits the questions its session asked: a question not asked has no answer, a choice is one
 * offered, none repeats, and something was answered. Skipped questions are null (or empty) and count nowhere.
 */
export function answerFitsQuestions(answer: ScreenAnswer, questions: SurveyQuestions): boolean {
  if (!questions.csat && answer.csat !== null) return false;
  if (!questions.nps && answer.nps !== null) return false;
  if (!questions.why && answer.why !== '') return false;
  const offered: readonly SurveyChoice[] = questions.choice ? questions.choiceOptions : [];
  if (answer.choices.some((choice) => !offered.includes(choice))) return false;
  if (new Set(answer.choices).size !== answer.choices.length) return false;
  return answer.csat !== null || answer.nps !== null || answer.choices.length > 0 || answer.why.trim() !== '';
}
