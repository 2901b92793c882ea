// The survey as the customer sees it: faces for satisfaction, 0–10 with its end labels, chips for what could be
// better, and "why?" in their own words; every question may be skipped, at least one must be answered.
import { useId } from 'react';
import type { SurveyQuestions } from '../../shared/domain/surveyRecords';
import { answerFitsQuestions, SCREEN_WHY_MAX, type ScreenAnswer } from '../../shared/ipc/surveyScreen';
import type { ScreenText } from './screenText';

export const EMPTY_ANSWER: ScreenAnswer = { csat: null, nps: null, choices: [], why: '' };

const NPS_SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const CSAT_SCORES = [1, 2, 3, 4, 5] as const;

export interface SurveyFormProps {
  text: ScreenText;
  questions: SurveyQuestions;
  draft: ScreenAnswer;
  onChange: (draft: ScreenAnswer) => void;
  onSubmit: () => void;
  sending: boolean;
  failed: boolean;
}

export function SurveyForm({ text, questions, draft, onChange, onSubmit, sending, failed }: SurveyFormProps) {
  const id = useId();
  const ready = answerFitsQuestions(draft, questions);
  const choiceAsked = questions.choice && questions.choiceOptions.length > 0;
  const half = choiceAsked && questions.why ? ' screen-half' : '';
  const toggle = <K extends 'csat' | 'nps'>(key: K, value: number) => onChange({ ...draft, [key]: draft[key] === value ? null : value });
  return (
    <form
      className="screen-survey"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onSubmit();
      }}
    >
      <h1 id={`${id}-title`}>{text.title}</h1>
      <p className="screen-intro">{text.intro}</p>

      {questions.csat && (
        <fieldset className="screen-question">
          <legend>{text.csatQuestion}</legend>
          <div className="screen-faces">
            {CSAT_SCORES.map((score) => (
              <button key={score} type="button" className="screen-face" aria-pressed={draft.csat === score} onClick={() => toggle('csat', score)}>
                <Face score={score} />
                <span>{text.csatLabels[score - 1]}</span>
              </button>
            ))}
          </div>
        </fieldset>
      )}

      {questions.nps && (
        <fieldset className="screen-question">
          <legend>{text.npsQuestion}</legend>
          <div className="screen-scale">
            {NPS_SCORES.map((score) => (
              <button key={score} type="button" aria-pressed={draft.nps === score} aria-label={text.npsScore(score)} onClick={() => toggle('nps', score)}>
                {score}
              </button>
            ))}
          </div>
          <div className="screen-scale-ends" aria-hidden="true">
            <span>0 · {text.npsLow}</span>
            <span>10 · {text.npsHigh}</span>
          </div>
        </fieldset>
      )}

      {choiceAsked && (
        <fieldset className={`screen-question${half}`}>
          <legend>
            {text.choiceQuestion} <small>{text.choiceHint}</small>
          </legend>
          <div className="screen-chips">
            {questions.choiceOptions.map((choice) => {
              const chosen = draft.choices.includes(choice);
              return (
                <button
                  key={choice}
                  type="button"
                  aria-pressed={chosen}
                  onClick={() => onChange({ ...draft, choices: chosen ? draft.choices.filter((c) => c !== choice) : [...draft.choices, choice] })}
                >
                  {text.choices[choice]}
                </button>
              );
            })}
          </div>
        </fieldset>
      )}

      {questions.why && (
        <div className={`screen-question${half}`}>
          <label htmlFor={`${id}-why`}>{text.whyQuestion}</label>
          <textarea
            id={`${id}-why`}
            rows={3}
            maxLength={SCREEN_WHY_MAX}
            placeholder={text.whyPlaceholder}
            value={draft.why}
            onChange={(event) => onChange({ ...draft, why: event.target.value })}
          />
        </div>
      )}

      <div className="screen-send">
        {failed && (
          <p role="alert" className="screen-failed">
            {text.failed}
          </p>
        )}
        {!ready && <p className="screen-hint">{text.answerSomething}</p>}
        <button type="submit" disabled={!ready || sending}>
          {sending ? text.sending : text.send}
        </button>
      </div>
    </form>
  );
}

const FACE_COLOURS = ['#d9534f', '#f0883e', '#e3b341', '#7cb342', '#2e9e5b'];

/** A face from frowning (1) to beaming (5), drawn: emoji differ from one PC's fonts to the next. */
function Face({ score }: { score: 1 | 2 | 3 | 4 | 5 }) {
  const bend = (score - 3) * 9;
  return (
    <svg viewBox="0 0 100 100" width="88" height="88" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="46" fill={FACE_COLOURS[score - 1]} />
      <circle cx="35" cy="40" r="6" fill="#fff" />
      <circle cx="65" cy="40" r="6" fill="#fff" />
      <path d={`M 30 ${68 - bend / 2} Q 50 ${68 + bend} 70 ${68 - bend / 2}`} stroke="#fff" strokeWidth="7" fill="none" strokeLinecap="round" />
    </svg>
  );
}
