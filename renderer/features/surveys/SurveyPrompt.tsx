// After a purchase at the till, a quiet offer to ask the customer for a survey: shown only when the frequency rule
// allows it (not asked within the owner's days, not declined, not in the trash). "Ask for a survey" opens the form
// with the purchase attached.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyAnswer } from '../../../shared/domain/surveyRecords';
import { useSurveyEligibility } from '../../db/surveyHooks';
import { useClock } from '../../platform/clock';
import { answerSavedText } from './CustomerSurveys';
import { CustomerScreenControl } from '../surveyScreen/CustomerScreenControl';
import { SurveyDialog } from './SurveyDialog';
import './surveys.css';

interface Props {
  customerId: string;
  customerName: string;
  /** The purchase just recorded. */
  purchaseId: string;
  /** The prompt is done with: dismissed, or the survey saved. */
  onDone: () => void;
  /** Tells the page what happened, in words; `highlightId` is the answer's timeline entry. */
  onSaid: (text: string, highlightId?: string) => void;
}

export function SurveyPrompt({ customerId, customerName, purchaseId, onDone, onSaid }: Props) {
  const { t } = useTranslation();
  const clock = useClock();
  const eligibility = useSurveyEligibility(customerId, clock());
  const [asking, setAsking] = useState(false);
  if (!asking && eligibility?.ask !== true) {
    // Not to be asked now: a hidden mark says why (and that the rule was read), for whoever looks.
    return eligibility ? <span hidden data-testid="survey-prompt-quiet" data-reason={eligibility.reason} /> : null;
  }
  return (
    <>
      {!asking && (
        <SurveyPromptView
          customerName={customerName}
          onAsk={() => setAsking(true)}
          onDismiss={onDone}
          extraActions={<CustomerScreenControl customerId={customerId} purchaseId={purchaseId} onAnswered={onDone} />}
        />
      )}
      {asking && (
        <SurveyDialog
          request={{ customerId, channel: 'counter', purchaseId }}
          customerName={customerName}
          onClose={() => setAsking(false)}
          onSaved={(answer: SurveyAnswer) => {
            onDone();
            onSaid(answerSavedText(t, answer), answer.id);
          }}
        />
      )}
    </>
  );
}

export interface SurveyPromptViewProps {
  customerName: string;
  onAsk: () => void;
  onDismiss: () => void;
  /** More ways to ask (the customer-facing screen adds its own), after "Ask for a survey". */
  extraActions?: ReactNode;
}

export function SurveyPromptView({ customerName, onAsk, onDismiss, extraActions }: SurveyPromptViewProps) {
  const { t } = useTranslation();
  return (
    <div className="survey-prompt" role="status" data-testid="survey-prompt">
      <p>{t('surveys.prompt.text', { name: customerName })}</p>
      <div className="survey-prompt-actions">
        <button type="button" className="button" onClick={onAsk} data-testid="survey-prompt-ask">
          {t('surveys.prompt.ask')}
        </button>
        {extraActions}
        <button type="button" className="link-button" onClick={onDismiss} data-testid="survey-prompt-dismiss">
          {t('surveys.prompt.dismiss')}
        </button>
      </div>
    </div>
  );
}
