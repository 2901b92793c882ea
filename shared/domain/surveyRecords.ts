// What a satisfaction survey stores: the owner's survey, one version per change; each answer, naming the version it
// answered; and each customer's latest answer on a narrow row for the list's filter.

/** The "what could be better" options of the choice question. */
export const SURVEY_CHOICES = ['service', 'price', 'range', 'waiting'] as const;
export type SurveyChoice = (typeof SURVEY_CHOICES)[number];

/** Where an answer was given: recorded by the clerk at the counter or during a call-back, or by the customer on the customer-facing screen. */
export const SURVEY_CHANNELS = ['counter', 'call-back', 'screen'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

/** Which questions a version asks. */
export interface SurveyQuestions {
  csat: boolean;
  nps: boolean;
  /** The optional "what could be better" question and the options it offers. */
  choice: boolean;
  choiceOptions: SurveyChoice[];
  why: boolean;
}

/** One version of the store's survey (table `surveys`); the highest version is the one asked. Never edited: a change is a new version. */
export interface SurveyVersion {
  id: string;
  version: number;
  questions: SurveyQuestions;
  createdAt: string;
  updatedAt: string;
}

/** One answered survey (table `surveyAnswers`). A skipped question is null (or empty), and counts nowhere. */
export interface SurveyAnswer {
  id: string;
  customerId: string;
  /** The SurveyVersion answered: its id and number. */
  surveyId: string;
  surveyVersion: number;
  /** ISO 8601 UTC. */
  answeredAt: string;
  channel: SurveyChannel;
  /** The purchase it followed, when it did. */
  purchaseId: string | null;
  /** The customer's tier when they answered: figures per tier read it without a customer lookup. */
  tierId: string | null;
  /** 1–5. */
  csat: number | null;
  /** 0–10. */
  nps: number | null;
  choices: SurveyChoice[];
  why: string;
  /** When an unhappy answer's follow-up is due (ISO); null when none was needed. */
  followUpDueAt: string | null;
  /** = followUpDueAt while the follow-up is open, absent once done: the index of open follow-ups holds only those. */
  followUpOpen?: string;
  /** When the follow-up was done (the contact that closed it). */
  followUpDoneAt: string | null;
  /** The complaint opened from this answer. */
  complaintId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A customer's standing from their latest answer, for the list's filter. */
export const SURVEY_BANDS = ['promoter', 'passive', 'detractor', 'unrated'] as const;
export type SurveyBand = (typeof SURVEY_BANDS)[number];

/** Each customer's latest answer (table `surveyState`, id = the customer's), derived from their answers; `[isDeleted+lastBand]` filters the list. */
export interface SurveyStateRow {
  id: string;
  isDeleted: 0 | 1;
  lastAnsweredAt: string;
  lastCsat: number | null;
  lastNps: number | null;
  lastBand: SurveyBand;
  answers: number;
}

