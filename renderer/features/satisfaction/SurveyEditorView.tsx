// The settings' "Satisfaction survey" section (view): which questions the store's survey asks and the options of "what
// could be better", with a preview of what the customer sees. Saving is the owner's (the container asks for the PIN);
// changed questions make a new version. When to ask and follow up is the survey rules' section (features/surveys).
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeSurveyQuestions, type SurveyQuestionsError } from '../../../shared/domain/survey';
import { SURVEY_CHOICES, type SurveyChoice, type SurveyQuestions, type SurveyVersion } from '../../../shared/domain/surveyRecords';
import { FieldError, useFocusFirstInvalid } from '../../ui/FormField';
import { OwnerLockedButton } from '../../session/OwnerOnly';
import { CsatFace } from '../surveys/SurveyFormView';
import './surveyEditor.css';

export type SurveyEditorSave = { phase: 'idle' } | { phase: 'saved'; newVersion: number | null } | { phase: 'failed' };

export interface SurveyEditorViewProps {
  /** The version asked now; the questions start from it and follow it when it changes. */
  current: SurveyVersion;
  /** The clerk is at the keyboard: saving asks for the owner PIN. */
  locked: boolean;
  save: SurveyEditorSave;
  /** Called with checked questions only; a refused draft stays as ticked, with its error. */
  onSave: (questions: SurveyQuestions) => void;
  onEdited: () => void;
}

const QUESTIONS = ['csat', 'nps', 'choice', 'why'] as const;

export function SurveyEditorView({ current, locked, save, onSave, onEdited }: SurveyEditorViewProps) {
  const { t } = useTranslation();
  const [questions, setQuestions] = useState<SurveyQuestions>(() => ({ ...current.questions, choiceOptions: [...current.questions.choiceOptions] }));
  const [questionsError, setQuestionsError] = useState<SurveyQuestionsError | null>(null);
  // What the draft started from: a change saved elsewhere (a restore, another window) replaces it.
  const [base, setBase] = useState(() => JSON.stringify(current));
  const stored = JSON.stringify(current);
  if (stored !== base) {
    setBase(stored);
    setQuestions({ ...current.questions, choiceOptions: [...current.questions.choiceOptions] });
    setQuestionsError(null);
  }
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);

  const edited = () => {
    if (save.phase !== 'idle') onEdited();
  };
  const toggle = (q: (typeof QUESTIONS)[number], on: boolean) => {
    setQuestions((d) => ({ ...d, [q]: on, choiceOptions: q === 'choice' && on && d.choiceOptions.length === 0 ? [...SURVEY_CHOICES] : d.choiceOptions }));
    setQuestionsError(null);
    edited();
  };
  const toggleOption = (c: SurveyChoice, on: boolean) => {
    setQuestions((d) => ({ ...d, choiceOptions: on ? [...d.choiceOptions, c] : d.choiceOptions.filter((o) => o !== c) }));
    setQuestionsError(null);
    edited();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = normalizeSurveyQuestions(questions);
    setQuestionsError(checked.ok ? null : checked.reason);
    if (!checked.ok) {
      focusFirstInvalid();
      return;
    }
    onSave(checked.value);
  };

  const preview = normalizeSurveyQuestions(questions);
  return (
    <section className="card survey-editor" aria-labelledby="survey-editor-heading" data-testid="survey-editor">
      <h2 id="survey-editor-heading">{t('satisfaction.editor.title')}</h2>
      <p className="muted">{t('satisfaction.editor.intro', { version: current.version })}</p>
      <form ref={form} onSubmit={submit} noValidate>
        <div className="survey-editor-columns">
          <fieldset>
            <legend>{t('satisfaction.editor.questions')}</legend>
            <ul className="survey-editor-questions">
              {QUESTIONS.map((q) => (
                <li key={q}>
                  <label className="checkbox-row">
                    <input
                      type="checkbox"
                      checked={questions[q]}
                      onChange={(e) => toggle(q, e.target.checked)}
                      aria-invalid={questionsError === 'no-question' ? true : undefined}
                      aria-describedby={questionsError ? 'survey-questions-error' : undefined}
                      data-testid={`survey-question-${q}`}
                    />
                    <span>{t(`satisfaction.editor.ask.${q}`)}</span>
                  </label>
                  {q === 'choice' && questions.choice && (
                    <ul className="survey-editor-options" aria-label={t('satisfaction.editor.options')}>
                      {SURVEY_CHOICES.map((c) => (
                        <li key={c}>
                          <label className="checkbox-row">
                            <input
                              type="checkbox"
                              checked={questions.choiceOptions.includes(c)}
                              onChange={(e) => toggleOption(c, e.target.checked)}
                              aria-invalid={questionsError === 'choice-options-empty' ? true : undefined}
                              data-testid={`survey-option-${c}`}
                            />
                            <span>{t(`surveys.choices.${c}`)}</span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
            {questionsError && (
              <FieldError id="survey-questions-error" testId="survey-questions-error">
                {t(`satisfaction.editor.errors.${questionsError}`)}
              </FieldError>
            )}
          </fieldset>
          <div className="survey-preview" aria-labelledby="survey-preview-heading" role="group" data-testid="survey-preview">
            <h3 id="survey-preview-heading">{t('satisfaction.editor.preview')}</h3>
            {preview.ok ? (
              <div className="survey-preview-body" inert>
                {preview.value.csat && (
                  <div className="survey-preview-q" data-testid="preview-csat">
                    <p>{t('satisfaction.editor.previewCsat')}</p>
                    <div className="survey-preview-faces">
                      {[1, 2, 3, 4, 5].map((score) => (
                        <CsatFace key={score} score={score} size={30} />
                      ))}
                    </div>
                  </div>
                )}
                {preview.value.nps && (
                  <div className="survey-preview-q" data-testid="preview-nps">
                    <p>{t('satisfaction.editor.previewNps')}</p>
                    <div className="survey-preview-scale">
                      {Array.from({ length: 11 }, (_, i) => (
                        <span key={i} className="survey-preview-box">
                          {i}
                        </span>
                      ))}
                    </div>
                    <div className="survey-preview-ends muted">
                      <span>{t('satisfaction.editor.previewNpsLow')}</span>
                      <span>{t('satisfaction.editor.previewNpsHigh')}</span>
                    </div>
                  </div>
                )}
                {preview.value.choice && (
                  <div className="survey-preview-q" data-testid="preview-choice">
                    <p>{t('satisfaction.editor.previewChoice')}</p>
                    <div className="survey-preview-chips">
                      {preview.value.choiceOptions.map((c) => (
                        <span key={c} className="chip">
                          {t(`surveys.choices.${c}`)}
                        </span>
                      ))}
                    </div>
                  </div>
                )}
                {preview.value.why && (
                  <div className="survey-preview-q" data-testid="preview-why">
                    <p>{t('satisfaction.editor.previewWhy')}</p>
                    <div className="survey-preview-text" />
                  </div>
                )}
              </div>
            ) : (
              <p className="muted">{t('satisfaction.editor.previewNone')}</p>
            )}
          </div>
        </div>
        <div className="card-actions">
          <OwnerLockedButton locked={locked} type="submit" className="button button-primary" testId="survey-editor-save">
            {t('satisfaction.editor.save')}
          </OwnerLockedButton>
          {save.phase === 'saved' && (
            <span className="survey-editor-saved" role="status" data-testid="survey-editor-saved">
              {save.newVersion === null ? t('satisfaction.editor.saved') : t('satisfaction.editor.savedVersion', { version: save.newVersion })}
            </span>
          )}
          {save.phase === 'failed' && (
            <span className="form-error" role="alert" data-testid="survey-editor-failed">
              {t('satisfaction.editor.saveFailed')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
